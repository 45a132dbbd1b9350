package inventory

// Inventory is what a dry-run knows about an account: Image Builder images,
// the EC2 AMIs they distributed and the AMIs' launch permissions. Its JSON
// form is ibkit's combined inventory file:
//
//	{"images": [...], "amis": [...], "launchPermissions": [...]}
//
// where images are Image Builder Image/ImageSummary objects, amis are EC2
// DescribeImages items and launchPermissions are DescribeImageAttribute
// responses. Decode also reads the raw AWS CLI responses.
//
// Besides its exported members, an Inventory that Decode, Read or Merge
// made remembers where its records came from (the members of the document,
// the file of each part), so that the paths of its findings point into the
// files; an Inventory built in Go uses the combined form.
type Inventory struct {
	Images            []Image             `json:"images,omitempty"`
	AMIs              []AMI               `json:"amis,omitempty"`
	LaunchPermissions []LaunchPermissions `json:"launchPermissions,omitempty"`

	// File names the file the inventory was read from; findings about its
	// records carry it in Finding.File. Read sets it; callers of
	// Decode set it themselves, before Merge, which
	// keeps each record's file.
	File string `json:"-"`

	// sections names the members of the document the inventory was read
	// from, so that the paths of Check's findings point into it. Decode
	// fills it. Merge leaves it zero: the findings about a merged record
	// use the sections of its part. An Inventory built in Go has the
	// combined form.
	sections sections

	// merged says where the records of a merged inventory came from; nil
	// for an inventory that Merge did not make.
	merged *provenance
}

// sections names the members of a saved AWS CLI response that an
// Inventory was read from. The zero value is ibkit's combined form
// ("images", "amis").
type sections struct {
	// Images is "imageSummaryList" for a ListImageBuildVersions or
	// ListImagePipelineImages response, "image" for a GetImage response,
	// and "" for "images".
	Images string
	// AMIs is "Images" for an EC2 DescribeImages response and "" for
	// "amis".
	AMIs string
	// TopLevelPermission reports that the last launch-permission record
	// is a DescribeImageAttribute response at the top of the document
	// (members ImageId and LaunchPermissions), not an item of
	// "launchPermissions".
	TopLevelPermission bool
}
