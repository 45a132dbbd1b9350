package inventory

import "github.com/ibkit/ibkit/lifecycle"

// AMI is one EC2 image as DescribeImages returns it (an item of "Images"),
// with the members a lifecycle dry-run reads; others are ignored when
// decoding. Member names are EC2's capitalised ones. AMIs are joined to
// Image Builder images by ImageID.
//
// A zero LastLaunchedTime means EC2 reports no launch (or the attribute was
// not requested).
type AMI struct {
	ImageID             string               `json:"ImageId"`
	OwnerID             string               `json:"OwnerId,omitempty"`
	CreationDate        lifecycle.Timestamp  `json:"CreationDate,omitempty"`
	Public              bool                 `json:"Public,omitempty"`
	State               string               `json:"State,omitempty"`
	Tags                []EC2Tag             `json:"Tags,omitempty"`
	BlockDeviceMappings []BlockDeviceMapping `json:"BlockDeviceMappings,omitempty"`
	LastLaunchedTime    lifecycle.Timestamp  `json:"LastLaunchedTime,omitempty"`
	DeprecationTime     lifecycle.Timestamp  `json:"DeprecationTime,omitempty"`
}

// snapshotIDs returns the EBS snapshot IDs of the AMI's block device
// mappings, in mapping order, skipping mappings without a snapshot.
func (a *AMI) snapshotIDs() []string {
	var ids []string
	for _, m := range a.BlockDeviceMappings {
		if m.EBS != nil && m.EBS.SnapshotID != "" {
			ids = append(ids, m.EBS.SnapshotID)
		}
	}
	return ids
}

// The EC2 image states: State holds the text as EC2 returns it; the
// checks warn about any other.
const (
	amiAvailable    = "available"
	amiDeregistered = "deregistered"
	amiDisabled     = "disabled"
)

// knownAMIState reports whether s is a known EC2 image state.
func knownAMIState(s string) bool {
	switch s {
	case amiAvailable, "pending", "invalid", amiDeregistered, "transient", "failed", "error", amiDisabled:
		return true
	}
	return false
}

// EC2Tag is one EC2 tag in EC2's list form.
type EC2Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// BlockDeviceMapping is one block device of an AMI: its EBS volume, if
// any. The device name is not read.
type BlockDeviceMapping struct {
	EBS *EBS `json:"Ebs,omitempty"`
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

// LaunchPermission grants launch access to an AMI: to an account (UserID)
// or to everyone (Group "all" makes the AMI public). Grants to
// organizations and organizational units are not read: AMI exclusions name
// accounts only.
type LaunchPermission struct {
	UserID string `json:"UserId,omitempty"`
	Group  string `json:"Group,omitempty"`
}
