// Package index holds the prepared form of an inventory that the dry-run
// reads: each image's timestamps, version and ARN parts parsed once, and
// its AMIs joined to their EC2 descriptions and launch permissions.
// Package inventory builds it (Inventory.Index) and package plan reads it;
// users hold it only as the opaque inventory.Index.
package index

import (
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/semver"
)

// Index is the prepared form of an inventory. It shares strings, tag maps
// and slices with the inventory it was built from; neither may be modified
// while the Index is in use.
type Index struct {
	images []Image
	// Findings are the inventory checks' findings, sorted by path. The
	// errors name the records left out of the index; the dry-run copies
	// the warnings into a plan's warnings and the errors into its list of
	// records not evaluated.
	Findings lifecycle.Findings
}

// New returns the Index of images, which must be in ascending ARN order,
// with the findings of the checks that built it. The Index keeps images
// without copying it.
func New(images []Image, findings lifecycle.Findings) *Index {
	return &Index{images: images, Findings: findings}
}

// Images returns the images of x in ascending ARN order; the slice is the
// Index's own, not a copy.
func Images(x *Index) []Image { return x.images }

// Image is one image of an Index.
type Image struct {
	// ARN is the image build version ARN.
	ARN string
	// Name is the image's name member, which equals its recipe's name; ""
	// when the inventory gave none.
	Name string
	// ARNName is the name segment of the ARN, the lower-case form of the
	// recipe name (see Decision L-21).
	ARNName string
	// Region and AccountID are the Region and owner fields of the ARN.
	// The dry-run forms recipe-version groups from Region, AccountID,
	// ARNName and Version.
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
	AMIs []AMI
	// Containers are the image's distributed container images in
	// outputResources order.
	Containers []Container
}

// Container is the set of container images an image distributed to one
// Region.
type Container struct {
	Region    string
	ImageURIs []string
}

// Tag is one EC2 tag of an AMI.
type Tag struct {
	Key, Value string
}

// AMI is one distributed AMI of an image, joined with what EC2 says about
// it.
type AMI struct {
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
	Tags []Tag
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
// they hold none. The smallest, so that a reason naming it does not depend
// on the order of the tags.
func (a *AMI) MatchTag(sel lifecycle.Tags) (key string, ok bool) {
	if len(sel) == 0 {
		return "", false
	}
	for _, t := range a.Tags {
		if v, in := sel[t.Key]; in && v == t.Value && (!ok || t.Key < key) {
			key, ok = t.Key, true
		}
	}
	return key, ok
}
