package lifecycle

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

// ResourceState is the target state of a manual update: AVAILABLE,
// DEPRECATED, DISABLED or DELETED.
type ResourceState struct {
	Status ImageStatus `json:"status,omitempty"`
}

// StateUpdateExclusionRules holds the AMI conditions that, when one of the
// image's AMIs meets them, skip the update (Decision L-P8).
type StateUpdateExclusionRules struct {
	AMIs *AMIExclusionRules `json:"amis,omitempty"`
}

// CurrentImage is what StateUpdateRequest.Validate needs to know of the
// image the request names, as the inventory knows it: its type and status
// decide which target states are allowed. A zero member turns the rules
// that need it off.
type CurrentImage struct {
	Type   ImageType
	Status ImageStatus
}
