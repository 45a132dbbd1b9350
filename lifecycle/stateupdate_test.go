package lifecycle

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestStateUpdateValidate(t *testing.T) {
	const imageARN = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2"
	now := time.Date(2025, 1, 1, 12, 0, 0, 0, time.UTC)
	// facts are the arguments of Validate besides the request.
	type facts struct {
		now   time.Time
		image CurrentImage
	}
	image := func(typ ImageType, st ImageStatus) CurrentImage { return CurrentImage{Type: typ, Status: st} }
	base := func() StateUpdateRequest {
		return StateUpdateRequest{ResourceARN: imageARN, State: ResourceState{Status: StatusDeprecated}, ClientToken: "t"}
	}
	tests := []struct {
		name   string
		mutate func(r *StateUpdateRequest)
		ctx    facts
		want   []want
	}{
		{"valid", func(r *StateUpdateRequest) {}, facts{now, image(ImageTypeAMI, StatusAvailable)}, nil},
		{"no context", func(r *StateUpdateRequest) {}, facts{}, nil},
		{"arn missing", func(r *StateUpdateRequest) { r.ResourceARN = "" }, facts{}, []want{{E, "resourceArn", codeRequired, nil}}},
		{"arn not a build", func(r *StateUpdateRequest) {
			r.ResourceARN = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0"
		}, facts{},
			[]want{{E, "resourceArn", codeInvalidPattern, nil}}},
		{"status missing", func(r *StateUpdateRequest) { r.State.Status = "" }, facts{}, []want{{E, "state.status", codeRequired, nil}}},
		{"status bad", func(r *StateUpdateRequest) { r.State.Status = "FAILED" }, facts{}, []want{{E, "state.status", codeInvalidEnum, nil}}},
		{"role bad", func(r *StateUpdateRequest) { r.ExecutionRole = "arn:aws:iam::1:role/x" }, facts{}, []want{{E, "executionRole", codeInvalidPattern, nil}}},
		{"token missing", func(r *StateUpdateRequest) { r.ClientToken = "" }, facts{}, []want{{W, "clientToken", codeRequired, nil}}},
		{"token too long", func(r *StateUpdateRequest) { r.ClientToken = string(make([]byte, 65)) }, facts{}, []want{{E, "clientToken", codeInvalidLength, nil}}},
		{"include without role", func(r *StateUpdateRequest) { r.IncludeResources = &IncludeResources{AMIs: true} }, facts{},
			[]want{{E, "executionRole", codeRoleRequired, nil}}},
		{"delete with role and nothing included", func(r *StateUpdateRequest) {
			r.State.Status = StatusDeleted
			r.ExecutionRole = "LifecycleRole"
		}, facts{}, []want{{E, "includeResources", codeIncludeRequired, nil}}},
		{"delete with role and amis", func(r *StateUpdateRequest) {
			r.State.Status = StatusDeleted
			r.ExecutionRole = "LifecycleRole"
			r.IncludeResources = &IncludeResources{AMIs: true, Snapshots: true}
		}, facts{image: image(ImageTypeAMI, StatusFailed)}, nil},
		{"updateAt on disable", func(r *StateUpdateRequest) {
			r.State.Status = StatusDisabled
			r.UpdateAt = "2025-02-01T00:00:00Z"
		}, facts{}, []want{{E, "updateAt", codeUpdateAtTarget, nil}}},
		{"updateAt now", func(r *StateUpdateRequest) { r.UpdateAt = TimestampOf(now) }, facts{now: now},
			[]want{{E, "updateAt", codeUpdateAtPast, nil}}},
		{"updateAt future", func(r *StateUpdateRequest) { r.UpdateAt = TimestampOf(now.Add(time.Second)) }, facts{now: now}, nil},
		{"updateAt epoch", func(r *StateUpdateRequest) { r.UpdateAt = "1735689600" }, facts{now: now},
			[]want{{E, "updateAt", codeUpdateAtPast, nil}}},
		{"updateAt bad", func(r *StateUpdateRequest) { r.UpdateAt = "tomorrow" }, facts{}, []want{{E, "updateAt", codeInvalidTimestamp, nil}}},
		{"exclusions warn", func(r *StateUpdateRequest) {
			r.ExclusionRules = &StateUpdateExclusionRules{AMIs: &AMIExclusionRules{SharedAccounts: []string{"1"}}}
		}, facts{}, []want{
			{W, "exclusionRules.amis", codeManualExclusionEffect, []Decision{"L-P8"}},
			{E, "exclusionRules.amis.sharedAccounts[0]", codeInvalidPattern, nil},
		}},
		{"container deprecate", func(r *StateUpdateRequest) {}, facts{image: image(ImageTypeDocker, StatusAvailable)},
			[]want{{E, "state.status", codeContainerTarget, nil}}},
		{"container delete", func(r *StateUpdateRequest) { r.State.Status = StatusDeleted }, facts{image: image(ImageTypeDocker, StatusAvailable)}, nil},
		{"building", func(r *StateUpdateRequest) { r.State.Status = StatusDeleted }, facts{image: image(ImageTypeAMI, StatusBuilding)},
			[]want{{E, "state.status", codeImageBusy, nil}}},
		{"failed to available", func(r *StateUpdateRequest) { r.State.Status = StatusAvailable }, facts{image: image(ImageTypeAMI, StatusFailed)},
			[]want{{E, "state.status", codeInvalidTransition, nil}}},
		{"cancelled to deleted", func(r *StateUpdateRequest) { r.State.Status = StatusDeleted }, facts{image: image(ImageTypeAMI, StatusCancelled)}, nil},
		{"deleted image", func(r *StateUpdateRequest) { r.State.Status = StatusDeleted }, facts{image: image(ImageTypeAMI, StatusDeleted)},
			[]want{{E, "state.status", codeInvalidTransition, nil}}},
		{"disabled to deprecated", func(r *StateUpdateRequest) {}, facts{image: image(ImageTypeAMI, StatusDisabled)},
			[]want{{E, "state.status", codeInvalidTransition, []Decision{"L-P8"}}}},
		{"deprecated to deprecated", func(r *StateUpdateRequest) {}, facts{image: image(ImageTypeAMI, StatusDeprecated)},
			[]want{{E, "state.status", codeInvalidTransition, []Decision{"L-P8"}}}},
		{"available to available", func(r *StateUpdateRequest) { r.State.Status = StatusAvailable }, facts{image: image(ImageTypeAMI, StatusAvailable)},
			[]want{{E, "state.status", codeInvalidTransition, []Decision{"L-P8"}}}},
		{"deprecated to disabled", func(r *StateUpdateRequest) { r.State.Status = StatusDisabled }, facts{image: image(ImageTypeAMI, StatusDeprecated)}, nil},
		{"disabled to available", func(r *StateUpdateRequest) { r.State.Status = StatusAvailable }, facts{image: image(ImageTypeAMI, StatusDisabled)}, nil},
		{"unknown current status", func(r *StateUpdateRequest) {}, facts{image: image(ImageTypeAMI, "MYSTERY")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := base()
			tt.mutate(&r)
			fs, err := r.Validate(tt.ctx.now, tt.ctx.image)
			if diff := cmp.Diff(tt.want, summarize(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nall: %v", diff, fs)
			}
			if (err != nil) != fs.HasErrors() {
				t.Errorf("err = %v with findings %v", err, fs)
			}
		})
	}
}
