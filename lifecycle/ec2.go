package lifecycle

// AMI is one EC2 image as DescribeImages returns it (an item of "Images"),
// with the members a lifecycle dry-run reads; others are ignored when
// decoding. Member names are EC2's capitalised ones. AMIs are joined to
// Image Builder images by ImageID.
//
// A zero LastLaunchedTime means EC2 reports no launch (or the attribute was
// not requested).
type AMI struct {
	ImageID             string               `json:"ImageId"`
	Name                string               `json:"Name,omitempty"`
	OwnerID             string               `json:"OwnerId,omitempty"`
	CreationDate        Timestamp            `json:"CreationDate,omitempty"`
	Public              bool                 `json:"Public,omitempty"`
	State               AMIState             `json:"State,omitempty"`
	Tags                []EC2Tag             `json:"Tags,omitempty"`
	BlockDeviceMappings []BlockDeviceMapping `json:"BlockDeviceMappings,omitempty"`
	LastLaunchedTime    Timestamp            `json:"LastLaunchedTime,omitempty"`
	DeprecationTime     Timestamp            `json:"DeprecationTime,omitempty"`
}

// SnapshotIDs returns the EBS snapshot IDs of the AMI's block device
// mappings, in mapping order, skipping mappings without a snapshot.
func (a *AMI) SnapshotIDs() []string {
	var ids []string
	for _, m := range a.BlockDeviceMappings {
		if m.EBS != nil && m.EBS.SnapshotID != "" {
			ids = append(ids, m.EBS.SnapshotID)
		}
	}
	return ids
}

// HasTag reports whether the AMI carries the EC2 tag key=value, both
// compared exactly.
func (a *AMI) HasTag(key, value string) bool { return hasEC2Tag(a.Tags, key, value) }

// MatchesAnyTag reports whether the AMI carries at least one of the pairs
// of sel (Decision L-18).
func (a *AMI) MatchesAnyTag(sel Tags) bool {
	_, ok := firstEC2TagMatch(a.Tags, sel)
	return ok
}

// The EC2 tags the service writes to AMIs (DeprecatedBy, on deprecation)
// and requires on them before it acts (CreatedBy, for the managed
// execution policy), both with the same value.
const (
	tagDeprecatedBy      = "DeprecatedBy"
	tagCreatedBy         = "CreatedBy"
	tagValueImageBuilder = "EC2 Image Builder"
)

// hasEC2Tag reports whether tags hold the pair key=value, compared exactly.
func hasEC2Tag(tags []EC2Tag, key, value string) bool {
	for _, t := range tags {
		if t.Key == key && t.Value == value {
			return true
		}
	}
	return false
}

// firstEC2TagMatch returns the smallest key of the pairs of sel that tags
// hold, exact and case-sensitive (Decision L-18); the smallest, so that a
// reason naming it does not depend on the order of the tags.
func firstEC2TagMatch(tags []EC2Tag, sel Tags) (key string, ok bool) {
	if len(sel) == 0 {
		return "", false
	}
	for _, t := range tags {
		if v, in := sel[t.Key]; in && v == t.Value && (!ok || t.Key < key) {
			key, ok = t.Key, true
		}
	}
	return key, ok
}

// AMIState is the State of an EC2 image ("available", "pending",
// "deregistered", "disabled", ...). ibkit keeps the text as EC2 returns it.
type AMIState string

// The EC2 image states.
const (
	AMIAvailable    AMIState = "available"
	AMIPending      AMIState = "pending"
	AMIInvalid      AMIState = "invalid"
	AMIDeregistered AMIState = "deregistered"
	AMITransient    AMIState = "transient"
	AMIFailed       AMIState = "failed"
	AMIError        AMIState = "error"
	AMIDisabled     AMIState = "disabled"
)

// Valid reports whether s is a known EC2 image state.
func (s AMIState) Valid() bool {
	switch s {
	case AMIAvailable, AMIPending, AMIInvalid, AMIDeregistered, AMITransient, AMIFailed, AMIError, AMIDisabled:
		return true
	}
	return false
}

// EC2Tag is one EC2 tag in EC2's list form.
type EC2Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// BlockDeviceMapping is one block device of an AMI.
type BlockDeviceMapping struct {
	DeviceName string `json:"DeviceName,omitempty"`
	EBS        *EBS   `json:"Ebs,omitempty"`
}

// EBS is the EBS part of a block device mapping.
type EBS struct {
	SnapshotID string `json:"SnapshotId,omitempty"`
}

// LaunchPermissions is an AMI's launchPermission attribute as EC2
// DescribeImageAttribute returns it.
type LaunchPermissions struct {
	ImageID           string             `json:"ImageId"`
	LaunchPermissions []LaunchPermission `json:"LaunchPermissions"`
}

// LaunchPermission grants launch access to an AMI: exactly one of UserID
// (an account), Group ("all" makes the AMI public), OrganizationARN or
// OrganizationalUnitARN is set.
type LaunchPermission struct {
	UserID                string `json:"UserId,omitempty"`
	Group                 string `json:"Group,omitempty"`
	OrganizationARN       string `json:"OrganizationArn,omitempty"`
	OrganizationalUnitARN string `json:"OrganizationalUnitArn,omitempty"`
}

// EC2 resource IDs are a prefix and 8 hexadecimal digits (older resources)
// or 17 (current ones); Region names are lower-case words joined by
// hyphens and ending in a number, such as us-east-1 or us-gov-west-1. The
// Image Builder model types these members as plain strings, so Check
// reports other forms only as warnings.

// validAMIID reports whether s has the form of an AMI ID.
func validAMIID(s string) bool { return validEC2ID(s, "ami-") }

// validSnapshotID reports whether s has the form of an EBS snapshot ID.
func validSnapshotID(s string) bool { return validEC2ID(s, "snap-") }

func validEC2ID(s, prefix string) bool {
	if len(s) <= len(prefix) || s[:len(prefix)] != prefix {
		return false
	}
	hex := s[len(prefix):]
	if len(hex) != 8 && len(hex) != 17 {
		return false
	}
	for i := 0; i < len(hex); i++ {
		if c := hex[i]; !isDigit(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// validRegion reports whether s has the form of a Region name: at least
// three hyphen-separated parts, lower-case letters except for the last,
// which is a number of at most three digits.
func validRegion(s string) bool {
	parts, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '-' {
			continue
		}
		part := s[start:i]
		parts++
		start = i + 1
		if part == "" {
			return false
		}
		if i == len(s) {
			return parts >= 3 && len(part) <= 3 && allDigits(part)
		}
		for j := 0; j < len(part); j++ {
			if part[j] < 'a' || part[j] > 'z' {
				return false
			}
		}
	}
	return false
}
