package lifecycle

import "time"

// StateUpdateRequest is the input of StartResourceStateUpdate, the manual
// change of one image's state, with its JSON wire names.
// ResourceARN is an image build version ARN.
type StateUpdateRequest struct {
	ResourceARN      string                     `json:"resourceArn,omitempty"`
	State            ResourceState              `json:"state"`
	ExecutionRole    string                     `json:"executionRole,omitempty"`
	IncludeResources *IncludeResources          `json:"includeResources,omitempty"`
	ExclusionRules   *StateUpdateExclusionRules `json:"exclusionRules,omitempty"`
	UpdateAt         Timestamp                  `json:"updateAt,omitempty"`
	ClientToken      string                     `json:"clientToken,omitempty"`
}

// ResourceState is the target state of a manual update.
type ResourceState struct {
	Status ResourceStatus `json:"status,omitempty"`
}

// StateUpdateExclusionRules holds the AMI conditions that, when one of the
// image's AMIs meets them, skip the update (Decision L-P8).
type StateUpdateExclusionRules struct {
	AMIs *AMIExclusionRules `json:"amis,omitempty"`
}

// StateUpdateContext supplies the facts some request rules need. A zero
// member turns the rules that need it off.
type StateUpdateContext struct {
	// Now is the evaluation time: updateAt must be strictly after it.
	Now time.Time
	// Image is the image the request names, as the inventory knows it; its
	// type and status decide which target states are allowed.
	Image *Image
}
