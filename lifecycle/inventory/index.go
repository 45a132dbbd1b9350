package inventory

import (
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/semver"
)

// Index is the parsed and joined form of an Inventory that a dry-run reads:
// timestamps, versions and statuses parsed once, each image's AMIs joined to
// their EC2 descriptions and launch permissions. Build it with
// Inventory.Index. An Index shares strings, tag maps and slices with the
// Inventory it was built from; neither may be modified while the Index is
// in use.
type Index struct {
	// Images holds every image that could be read, in ascending ARN order.
	// Images the inventory checks rejected (no ARN, unreadable creation time
	// or version, duplicate ARN) are left out, and Findings says why.
	Images []IndexedImage
	// Findings are the inventory checks' findings, sorted by path, as
	// Inventory.Index returns them. DryRun and Forecast copy the warnings
	// into the plan's Warnings and the errors, which name the records left
	// out of Images, into its NotEvaluated list, so that a plan never omits
	// an image of the inventory without saying so. An Index built by hand
	// may leave it empty.
	Findings lifecycle.Findings
}

// IndexedImage is one image of an Index.
type IndexedImage struct {
	// Source is the inventory record the image was read from.
	Source *Image
	// ARN is the image build version ARN.
	ARN string
	// Name is the image's name member, which equals its recipe's name; ""
	// when the inventory gave none.
	Name string
	// ARNName is the name segment of the ARN, the lower-case form of the
	// recipe name (see Decision L-21).
	ARNName string
	// Region and AccountID are the Region and owner fields of the ARN.
	// DryRun forms recipe-version groups from Region, AccountID, ARNName
	// and Version, so an Index built by hand must fill them.
	Region    string
	AccountID string
	// Version is the recipe version x.y.z; Build the build number.
	Version semver.Version
	Build   uint64
	Type    lifecycle.ImageType
	Status  lifecycle.ImageStatus
	// Imported reports that no recipe built the image: its imageSource is
	// IMPORTED or its buildType an import (Decision L-27).
	Imported bool
	// Created is dateCreated; Completed is ibkit's dateCompleted, zero when
	// absent.
	Created   time.Time
	Completed time.Time
	// Tags are the Image Builder image's own tags.
	Tags lifecycle.Tags
	// AMIs are the image's distributed AMIs in outputResources order.
	AMIs []IndexedAMI
	// Containers are the image's distributed container images in
	// outputResources order.
	Containers []OutputContainer
}

// IndexedAMI is one distributed AMI of an image, joined with what EC2 says
// about it.
type IndexedAMI struct {
	// ID, Region and AccountID come from the image's outputResources.
	ID        string
	Region    string
	AccountID string
	// Described reports whether the inventory holds the AMI's EC2
	// description; when false, the members below are unknown and zero.
	Described bool
	State     string
	// Public is EC2's Public flag, or true when a launch permission grants
	// the group "all".
	Public bool
	// Tags are the AMI's EC2 tags, in EC2's order.
	Tags []EC2Tag
	// Snapshots are the EBS snapshot IDs of its block device mappings.
	Snapshots []string
	// PermissionsKnown reports whether the inventory holds the AMI's launch
	// permissions; SharedAccounts are the account IDs they name, ascending
	// and without duplicates.
	PermissionsKnown bool
	SharedAccounts   []string
	// LastLaunched is EC2's LastLaunchedTime; zero when EC2 reports none.
	// LaunchUnknown reports a LastLaunchedTime the inventory gave but that
	// could not be read: the AMI's last launch is then unknown, not
	// "never" (Decision L-29).
	LastLaunched  time.Time
	LaunchUnknown bool
	// DeprecationTime is EC2's DeprecationTime; zero when absent.
	DeprecationTime time.Time
	// ListedByOtherImages reports that another image of the inventory
	// lists the same AMI ID among its outputResources. Acting on one of
	// them acts on the AMI (Decision L-P9).
	ListedByOtherImages bool
}

// MatchTag returns the smallest key of the pairs of sel that the AMI's EC2
// tags hold, exact and case-sensitive (Decision L-18); ok is false when
// they hold none.
func (a *IndexedAMI) MatchTag(sel lifecycle.Tags) (key string, ok bool) {
	return firstEC2TagMatch(a.Tags, sel)
}
