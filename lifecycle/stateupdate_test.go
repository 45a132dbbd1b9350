package lifecycle

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestStateUpdateValidate(t *testing.T) {
	const imageARN = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2"
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	image := func(typ ImageType, st ImageStatus) *Image {
		return &Image{ARN: imageARN, Type: typ, State: &ImageState{Status: st}}
	}
	base := func() StateUpdateRequest {
		return StateUpdateRequest{ResourceARN: imageARN, State: ResourceState{Status: ResourceDeprecated}, ClientToken: "t"}
	}
	tests := []struct {
		name   string
		mutate func(r *StateUpdateRequest)
		ctx    StateUpdateContext
		want   []want
	}{
		{"valid", func(r *StateUpdateRequest) {}, StateUpdateContext{Now: now, Image: image(ImageTypeAMI, StatusAvailable)}, nil},
		{"no context", func(r *StateUpdateRequest) {}, StateUpdateContext{}, nil},
		{"arn missing", func(r *StateUpdateRequest) { r.ResourceARN = "" }, StateUpdateContext{}, []want{{E, "resourceArn", CodeRequired, nil}}},
		{"arn not a build", func(r *StateUpdateRequest) {
			r.ResourceARN = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0"
		}, StateUpdateContext{},
			[]want{{E, "resourceArn", CodeInvalidPattern, nil}}},
		{"status missing", func(r *StateUpdateRequest) { r.State.Status = "" }, StateUpdateContext{}, []want{{E, "state.status", CodeRequired, nil}}},
		{"status bad", func(r *StateUpdateRequest) { r.State.Status = "FAILED" }, StateUpdateContext{}, []want{{E, "state.status", CodeInvalidEnum, nil}}},
		{"role bad", func(r *StateUpdateRequest) { r.ExecutionRole = "arn:aws:iam::1:role/x" }, StateUpdateContext{}, []want{{E, "executionRole", CodeInvalidPattern, nil}}},
		{"token missing", func(r *StateUpdateRequest) { r.ClientToken = "" }, StateUpdateContext{}, []want{{W, "clientToken", CodeRequired, nil}}},
		{"token too long", func(r *StateUpdateRequest) { r.ClientToken = string(make([]byte, 65)) }, StateUpdateContext{}, []want{{E, "clientToken", CodeInvalidLength, nil}}},
		{"include without role", func(r *StateUpdateRequest) { r.IncludeResources = &IncludeResources{AMIs: true} }, StateUpdateContext{},
			[]want{{E, "executionRole", CodeRoleRequired, nil}}},
		{"delete with role and nothing included", func(r *StateUpdateRequest) {
			r.State.Status = ResourceDeleted
			r.ExecutionRole = "LifecycleRole"
		}, StateUpdateContext{}, []want{{E, "includeResources", CodeIncludeRequired, nil}}},
		{"delete with role and amis", func(r *StateUpdateRequest) {
			r.State.Status = ResourceDeleted
			r.ExecutionRole = "LifecycleRole"
			r.IncludeResources = &IncludeResources{AMIs: true, Snapshots: true}
		}, StateUpdateContext{Image: image(ImageTypeAMI, StatusFailed)}, nil},
		{"updateAt on disable", func(r *StateUpdateRequest) {
			r.State.Status = ResourceDisabled
			r.UpdateAt = "2025-02-01T00:00:00Z"
		}, StateUpdateContext{}, []want{{E, "updateAt", CodeUpdateAtTarget, nil}}},
		{"updateAt now", func(r *StateUpdateRequest) { r.UpdateAt = TimestampOf(now) }, StateUpdateContext{Now: now},
			[]want{{E, "updateAt", CodeUpdateAtPast, nil}}},
		{"updateAt future", func(r *StateUpdateRequest) { r.UpdateAt = TimestampOf(now.Add(time.Second)) }, StateUpdateContext{Now: now}, nil},
		{"updateAt epoch", func(r *StateUpdateRequest) { r.UpdateAt = "1735689600" }, StateUpdateContext{Now: now},
			[]want{{E, "updateAt", CodeUpdateAtPast, nil}}},
		{"updateAt bad", func(r *StateUpdateRequest) { r.UpdateAt = "tomorrow" }, StateUpdateContext{}, []want{{E, "updateAt", CodeInvalidTimestamp, nil}}},
		{"exclusions warn", func(r *StateUpdateRequest) {
			r.ExclusionRules = &StateUpdateExclusionRules{AMIs: &AMIExclusionRules{SharedAccounts: []string{"1"}}}
		}, StateUpdateContext{}, []want{
			{W, "exclusionRules.amis", CodeManualExclusionEffect, []Decision{DecisionManualUpdate}},
			{E, "exclusionRules.amis.sharedAccounts[0]", CodeInvalidPattern, nil},
		}},
		{"container deprecate", func(r *StateUpdateRequest) {}, StateUpdateContext{Image: image(ImageTypeDocker, StatusAvailable)},
			[]want{{E, "state.status", CodeContainerTarget, nil}}},
		{"container delete", func(r *StateUpdateRequest) { r.State.Status = ResourceDeleted }, StateUpdateContext{Image: image(ImageTypeDocker, StatusAvailable)}, nil},
		{"building", func(r *StateUpdateRequest) { r.State.Status = ResourceDeleted }, StateUpdateContext{Image: image(ImageTypeAMI, StatusBuilding)},
			[]want{{E, "state.status", CodeImageBusy, nil}}},
		{"failed to available", func(r *StateUpdateRequest) { r.State.Status = ResourceAvailable }, StateUpdateContext{Image: image(ImageTypeAMI, StatusFailed)},
			[]want{{E, "state.status", CodeInvalidTransition, nil}}},
		{"cancelled to deleted", func(r *StateUpdateRequest) { r.State.Status = ResourceDeleted }, StateUpdateContext{Image: image(ImageTypeAMI, StatusCancelled)}, nil},
		{"deleted image", func(r *StateUpdateRequest) { r.State.Status = ResourceDeleted }, StateUpdateContext{Image: image(ImageTypeAMI, StatusDeleted)},
			[]want{{E, "state.status", CodeInvalidTransition, nil}}},
		{"disabled to deprecated", func(r *StateUpdateRequest) {}, StateUpdateContext{Image: image(ImageTypeAMI, StatusDisabled)},
			[]want{{E, "state.status", CodeInvalidTransition, []Decision{DecisionManualUpdate}}}},
		{"deprecated to deprecated", func(r *StateUpdateRequest) {}, StateUpdateContext{Image: image(ImageTypeAMI, StatusDeprecated)},
			[]want{{E, "state.status", CodeInvalidTransition, []Decision{DecisionManualUpdate}}}},
		{"available to available", func(r *StateUpdateRequest) { r.State.Status = ResourceAvailable }, StateUpdateContext{Image: image(ImageTypeAMI, StatusAvailable)},
			[]want{{E, "state.status", CodeInvalidTransition, []Decision{DecisionManualUpdate}}}},
		{"deprecated to disabled", func(r *StateUpdateRequest) { r.State.Status = ResourceDisabled }, StateUpdateContext{Image: image(ImageTypeAMI, StatusDeprecated)}, nil},
		{"disabled to available", func(r *StateUpdateRequest) { r.State.Status = ResourceAvailable }, StateUpdateContext{Image: image(ImageTypeAMI, StatusDisabled)}, nil},
		{"unknown current status", func(r *StateUpdateRequest) {}, StateUpdateContext{Image: image(ImageTypeAMI, "MYSTERY")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base()
			tt.mutate(&r)
			fs, err := r.Validate(tt.ctx)
			if diff := cmp.Diff(tt.want, summarize(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nall: %v", diff, fs)
			}
			if (err != nil) != fs.HasErrors() {
				t.Errorf("err = %v with findings %v", err, fs)
			}
		})
	}
}
