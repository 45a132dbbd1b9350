package lifecycletest_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

func testPlan() *plan.Plan {
	return &plan.Plan{
		HasImpactedResources: true,
		Resources: []plan.ExecutionResource{
			{ResourceID: "img-1", Action: &plan.ExecutionAction{Name: lifecycle.ActionDelete}, State: plan.ExecutionState{Status: plan.ExecutionSuccess},
				Decisions: []lifecycle.Decision{"L-2"}},
			{ResourceID: "ami-1", ParentResourceID: "img-1", Action: &plan.ExecutionAction{Name: lifecycle.ActionDelete}, State: plan.ExecutionState{Status: plan.ExecutionSuccess},
				Snapshots: []plan.ExecutionSnapshot{{SnapshotID: "snap-1", State: plan.ExecutionState{Status: plan.ExecutionSuccess}}}},
			{ResourceID: "ami-2", ParentResourceID: "img-1", Action: &plan.ExecutionAction{Name: lifecycle.ActionDelete}, State: plan.ExecutionState{Status: plan.ExecutionSkipped}},
		},
		Unaffected: []plan.UnaffectedImage{
			{ResourceID: "img-2", Reason: "kept", Decisions: []lifecycle.Decision{"L-16"}},
			{ResourceID: "img-3", Deferred: true},
		},
	}
}

func TestCheckPlanMet(t *testing.T) {
	err := lifecycletest.CheckPlan(testPlan(), lifecycletest.PlanWant{
		Acts:       map[string]lifecycle.ActionType{"img-1": lifecycle.ActionDelete, "ami-1": lifecycle.ActionDelete},
		Skips:      []string{"ami-2"},
		Snapshots:  map[string]plan.ExecutionStatus{"snap-1": plan.ExecutionSuccess},
		Unaffected: []string{"img-2"},
		Deferred:   []string{"img-3"},
		Decisions:  map[string][]lifecycle.Decision{"img-1": {"L-2"}, "img-2": {"L-16"}},
		Exact:      true,
	})
	require.NoError(t, err)
	assert.NoError(t, lifecycletest.CheckPlan(testPlan(), lifecycletest.PlanWant{}), "empty expectation")
}

func TestCheckPlanMismatch(t *testing.T) {
	err := lifecycletest.CheckPlan(testPlan(), lifecycletest.PlanWant{
		Acts:       map[string]lifecycle.ActionType{"img-1": lifecycle.ActionDeprecate},
		Fails:      []string{"ami-2"},
		Skips:      []string{"ami-9"},
		Snapshots:  map[string]plan.ExecutionStatus{"snap-1": plan.ExecutionFailed, "snap-9": plan.ExecutionSuccess},
		Unaffected: []string{"img-3", "img-9"},
		Deferred:   []string{"img-2"},
		Decisions:  map[string][]lifecycle.Decision{"img-1": {"L-1"}, "img-9": {"L-1"}},
		Exact:      true,
	})
	require.Error(t, err)
	want := []string{
		"lifecycletest: the plan differs from the expectation:",
		"img-1: want DEPRECATE SUCCESS, got DELETE SUCCESS",
		"ami-9: want SKIPPED, got no record",
		"ami-2: want FAILED, got DELETE SKIPPED",
		"snapshot snap-1: want FAILED, got SUCCESS",
		"snapshot snap-9: want SUCCESS, got not in any AMI record",
		"img-3: want unaffected, got deferred",
		"img-9: want unaffected, but it is not in the unaffected list",
		"img-2: want deferred, but it is not listed as deferred",
		"img-1: want decision L-1, got L-2",
		"img-9: want decision L-1, but the plan has no record of it",
		"ami-1: unexpected DELETE SUCCESS record",
	}
	assert.Empty(t, cmp.Diff(want, strings.Split(err.Error(), "\n\t")), "problems (-want +got)")
	assert.Error(t, lifecycletest.CheckPlan(nil, lifecycletest.PlanWant{}), "nil plan accepted")
}
