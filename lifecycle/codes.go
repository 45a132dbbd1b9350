package lifecycle

// Codes of the model rules: patterns, enums, lengths and ranges of the
// service model. Their findings are errors.
const (
	CodeRequired       Code = "required"         // a required member is missing or empty
	CodeInvalidEnum    Code = "invalid-enum"     // a value outside the member's enumeration
	CodeOutOfRange     Code = "out-of-range"     // an integer outside the member's range
	CodeInvalidLength  Code = "invalid-length"   // a string too short or too long
	CodeInvalidCount   Code = "invalid-count"    // a list or map with too few or too many entries
	CodeInvalidPattern Code = "invalid-pattern"  // a string that does not have the member's form
	CodeReservedTagKey Code = "reserved-tag-key" // a tag key starting with "aws:"
)

// Codes of the cross-field rules X1 to X17, which relate members to each
// other; the Rule member of their findings names the rule, and the README
// explains each.
const (
	CodeAgeUnitRequired         Code = "age-unit-required"          // X1, error
	CodeRetainOnCount           Code = "retain-on-count"            // X2, warning (L-P2)
	CodeRetainIgnored           Code = "retain-ignored"             // X3, warning (L-9)
	CodeUnitOnCount             Code = "unit-on-count"              // X4, warning (L-P2)
	CodeSelectionBoth           Code = "selection-both"             // X5, error (L-P1)
	CodeSelectionNone           Code = "selection-none"             // X5, error (L-P1)
	CodeDuplicateAction         Code = "duplicate-action"           // X6, error (L-P1)
	CodeContainerAction         Code = "container-action"           // X7, error
	CodeContainerAMIResources   Code = "container-ami-resources"    // X8, error (L-P1)
	CodeAMIContainerResources   Code = "ami-container-resources"    // X9, error (L-P1)
	CodeCountOnDeprecateDisable Code = "count-on-deprecate-disable" // X10, warning (L-10)
	CodeSnapshotsWithoutAMIs    Code = "snapshots-without-amis"     // X11, warning (L-12)
	CodeRecipeKind              Code = "recipe-kind"                // X12, error (L-P1)
	CodeAgeOrder                Code = "age-order"                  // X13, warning (lint)
	CodeDuplicateRecipe         Code = "duplicate-recipe"           // X14, warning (L-15)
	CodeMixedWildcard           Code = "mixed-wildcard"             // X15, error (L-14)
	CodeVersionNodeRange        Code = "version-node-range"         // X16, error
	CodeAMIExclusionsUnused     Code = "ami-exclusions-unused"      // X17, warning (L-30)
)

// Codes of ibkit's lints: warnings about documents whose meaning depends
// on a decision.
const (
	CodeLeadingZero   Code = "leading-zero"    // a semanticVersion node written with a leading zero (AS-6)
	CodeEmptyTagValue Code = "empty-tag-value" // a selection tag with an empty value (L-18)
)

// Codes of the plan's warnings about the selection.
const (
	// CodeSelectsNothing: a recipe entry or selection tag pair selects no
	// image of the inventory in the policy's Region and account.
	CodeSelectsNothing Code = "selects-nothing"
)

// Codes of the StartResourceStateUpdate request rules.
const (
	CodeContainerTarget       Code = "container-target"        // container images may only be DELETED
	CodeRoleRequired          Code = "execution-role-required" // includeResources without executionRole
	CodeIncludeRequired       Code = "include-resources-required"
	CodeUpdateAtTarget        Code = "update-at-target" // updateAt with a target other than DEPRECATED
	CodeUpdateAtPast          Code = "update-at-past"   // updateAt not after the evaluation time
	CodeInvalidTransition     Code = "invalid-transition"
	CodeImageBusy             Code = "image-in-progress" // the image's build has not finished
	CodeManualExclusionEffect Code = "manual-exclusion"  // a warning on how exclusions act (L-P8)
)

// Codes of the inventory checks.
const (
	CodeInvalidTimestamp Code = "invalid-timestamp"
	CodeDuplicateARN     Code = "duplicate-arn"
	CodeDuplicateAMI     Code = "duplicate-ami"
	CodeInvalidARN       Code = "invalid-arn"
	CodeARNMismatch      Code = "arn-mismatch"
	CodeInvalidVersion   Code = "invalid-version"
	CodeUnknownStatus    Code = "unknown-status"
	CodeUnknownType      Code = "unknown-type"
	CodeUndescribedAMI   Code = "undescribed-ami"
	CodeUnknownAMIState  Code = "unknown-ami-state"
	CodeInvalidAccount   Code = "invalid-account"

	CodeDuplicatePermissions Code = "duplicate-launch-permissions" // two launch-permission records of one AMI disagree
	CodeSharedAMI            Code = "shared-ami"                   // one AMI listed by several images, or twice by one
	CodeInvalidAMIID         Code = "invalid-ami-id"               // not ami- and 8 or 17 hexadecimal digits
	CodeInvalidSnapshotID    Code = "invalid-snapshot-id"          // not snap- and 8 or 17 hexadecimal digits
	CodeInvalidRegion        Code = "invalid-region"               // not a Region name such as us-east-1
)
