package inventory

// Codes of the inventory checks.
const (
	codeRequired         = "required"
	codeInvalidEnum      = "invalid-enum"
	codeInvalidTimestamp = "invalid-timestamp"
	codeDuplicateARN     = "duplicate-arn"
	codeDuplicateAMI     = "duplicate-ami"
	codeInvalidARN       = "invalid-arn"
	codeARNMismatch      = "arn-mismatch"
	codeInvalidVersion   = "invalid-version"
	codeUnknownStatus    = "unknown-status"
	codeUnknownType      = "unknown-type"
	codeUndescribedAMI   = "undescribed-ami"
	codeUnknownAMIState  = "unknown-ami-state"
	codeInvalidAccount   = "invalid-account"

	codeDuplicatePermissions = "duplicate-launch-permissions" // two launch-permission records of one AMI disagree
	codeSharedAMI            = "shared-ami"                   // one AMI listed by several images, or twice by one
	codeInvalidAMIID         = "invalid-ami-id"               // not ami- and 8 or 17 hexadecimal digits
	codeInvalidSnapshotID    = "invalid-snapshot-id"          // not snap- and 8 or 17 hexadecimal digits
	codeInvalidRegion        = "invalid-region"               // not a Region name such as us-east-1
)
