package lifecycle

// Inventory is what a dry-run knows about an account: Image Builder images,
// the EC2 AMIs they distributed and the AMIs' launch permissions. Its JSON
// form is ibkit's combined inventory file:
//
//	{"images": [...], "amis": [...], "launchPermissions": [...]}
//
// where images are Image Builder Image/ImageSummary objects, amis are EC2
// DescribeImages items and launchPermissions are DescribeImageAttribute
// responses. DecodeInventory also reads the raw AWS CLI responses.
type Inventory struct {
	Images            []Image             `json:"images,omitempty"`
	AMIs              []AMI               `json:"amis,omitempty"`
	LaunchPermissions []LaunchPermissions `json:"launchPermissions,omitempty"`
}
