package lifecycle

// ResourceType is the kind of Image Builder image a policy manages
// (the policy's resourceType member).
type ResourceType string

// The resource types a policy may name.
const (
	ResourceTypeAMI       ResourceType = "AMI_IMAGE"       // images whose type is AMI
	ResourceTypeContainer ResourceType = "CONTAINER_IMAGE" // images whose type is DOCKER
)

// valid reports whether t is one of the wire values the service accepts.
func (t ResourceType) valid() bool {
	return t == ResourceTypeAMI || t == ResourceTypeContainer
}

// ImageType returns the image type a policy of type t selects (Decision
// L-20): AMI for AMI_IMAGE, DOCKER for CONTAINER_IMAGE, "" otherwise.
func (t ResourceType) ImageType() ImageType {
	switch t {
	case ResourceTypeAMI:
		return ImageTypeAMI
	case ResourceTypeContainer:
		return ImageTypeDocker
	}
	return ""
}

// PolicyStatus says whether the scheduled executions of a policy run.
type PolicyStatus string

// The policy statuses. An absent status means ENABLED when a policy is created.
const (
	PolicyEnabled  PolicyStatus = "ENABLED"
	PolicyDisabled PolicyStatus = "DISABLED"
)

// valid reports whether s is one of the wire values the service accepts.
func (s PolicyStatus) valid() bool { return s == PolicyEnabled || s == PolicyDisabled }

// ActionType is what a policy rule does to the images it selects.
type ActionType string

// The rule actions, in the order the service tries them on one image
// (Decision L-22): deprecate, then disable, then delete.
const (
	ActionDeprecate ActionType = "DEPRECATE"
	ActionDisable   ActionType = "DISABLE"
	ActionDelete    ActionType = "DELETE"
)

// valid reports whether a is one of the wire values the service accepts.
func (a ActionType) valid() bool {
	return a == ActionDeprecate || a == ActionDisable || a == ActionDelete
}

// Priority returns the rank of a in the fixed evaluation order of Decision
// L-22: 0 for DEPRECATE, 1 for DISABLE, 2 for DELETE and 3 for any other value.
func (a ActionType) Priority() int {
	switch a {
	case ActionDeprecate:
		return 0
	case ActionDisable:
		return 1
	case ActionDelete:
		return 2
	}
	return 3
}

// FilterType selects how a rule decides which images qualify.
type FilterType string

// The filter types.
const (
	FilterAge   FilterType = "AGE"   // images older than value × unit
	FilterCount FilterType = "COUNT" // all but the newest value images of each recipe version
)

// valid reports whether f is one of the wire values the service accepts.
func (f FilterType) valid() bool { return f == FilterAge || f == FilterCount }

// TimeUnit is the unit of an age threshold or a last-launched window.
type TimeUnit string

// The time units. The length of a month and a year is Decision L-1.
const (
	Days   TimeUnit = "DAYS"
	Weeks  TimeUnit = "WEEKS"
	Months TimeUnit = "MONTHS"
	Years  TimeUnit = "YEARS"
)

// valid reports whether u is one of the wire values the service accepts.
func (u TimeUnit) valid() bool {
	switch u {
	case Days, Weeks, Months, Years:
		return true
	}
	return false
}

// ImageType is the type of an Image Builder image.
type ImageType string

// The image types.
const (
	ImageTypeAMI    ImageType = "AMI"
	ImageTypeDocker ImageType = "DOCKER"
)

// valid reports whether t is one of the wire values the service returns.
func (t ImageType) valid() bool { return t == ImageTypeAMI || t == ImageTypeDocker }

// ImageStatus is the state.status of an Image Builder image.
type ImageStatus string

// The image statuses. StatusImporting is not in the service model but is
// named by the user guide among the in-progress states; ibkit accepts it.
const (
	StatusPending      ImageStatus = "PENDING"
	StatusCreating     ImageStatus = "CREATING"
	StatusBuilding     ImageStatus = "BUILDING"
	StatusImporting    ImageStatus = "IMPORTING"
	StatusTesting      ImageStatus = "TESTING"
	StatusDistributing ImageStatus = "DISTRIBUTING"
	StatusIntegrating  ImageStatus = "INTEGRATING"
	StatusAvailable    ImageStatus = "AVAILABLE"
	StatusCancelled    ImageStatus = "CANCELLED"
	StatusFailed       ImageStatus = "FAILED"
	StatusDeprecated   ImageStatus = "DEPRECATED"
	StatusDeleted      ImageStatus = "DELETED"
	StatusDisabled     ImageStatus = "DISABLED"
)

// valid reports whether s is a known image status.
func (s ImageStatus) valid() bool { return s.InProgress() || s.Terminal() || s == StatusDeleted }

// InProgress reports whether s is a state of a build that has not finished
// (PENDING, CREATING, BUILDING, IMPORTING, TESTING, DISTRIBUTING,
// INTEGRATING). A policy execution defers such images (Decision L-20).
func (s ImageStatus) InProgress() bool {
	switch s {
	case StatusPending, StatusCreating, StatusBuilding, StatusImporting,
		StatusTesting, StatusDistributing, StatusIntegrating:
		return true
	}
	return false
}

// Terminal reports whether s is a finished, not deleted state: AVAILABLE,
// DEPRECATED, DISABLED, FAILED or CANCELLED.
func (s ImageStatus) Terminal() bool {
	switch s {
	case StatusAvailable, StatusDeprecated, StatusDisabled, StatusFailed, StatusCancelled:
		return true
	}
	return false
}

// Unsuccessful reports whether s is FAILED or CANCELLED: a build that never
// produced a usable image. Such images take no retention slot.
func (s ImageStatus) Unsuccessful() bool { return s == StatusFailed || s == StatusCancelled }
