package lifecycletest_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestPlanExpectationMet(t *testing.T) {
	err := lifecycletest.ExpectPlan().
		Acts("img-1", lifecycle.ActionDelete).Acts("ami-1", lifecycle.ActionDelete).Skips("ami-2").
		Snapshot("snap-1", plan.ExecutionSuccess).
		Unaffected("img-2").Deferred("img-3").
		Decision("img-1", "L-2").Decision("img-2", "L-16").
		Impacted(true).Only().
		Check(testPlan())
	if err != nil {
		t.Fatal(err)
	}
	if err := lifecycletest.ExpectPlan().Check(testPlan()); err != nil {
		t.Errorf("empty expectation: %v", err)
	}
}

func TestPlanExpectationMismatch(t *testing.T) {
	err := lifecycletest.ExpectPlan().
		Acts("img-1", lifecycle.ActionDeprecate).
		Fails("ami-2").
		Skips("ami-9").
		Snapshot("snap-1", plan.ExecutionFailed).
		Snapshot("snap-9", plan.ExecutionSuccess).
		Unaffected("img-3", "img-9").
		Deferred("img-2").
		Decision("img-1", "L-1").
		Decision("img-9", "L-1").
		Impacted(false).
		Only().
		Check(testPlan())
	var me *lifecycletest.PlanMismatchError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		"img-1: want DEPRECATE SUCCESS, got DELETE SUCCESS",
		"ami-2: want FAILED, got DELETE SKIPPED",
		"ami-9: want SKIPPED, got no record",
		"snapshot snap-1: want FAILED, got SUCCESS",
		"snapshot snap-9: want SUCCESS, got not in any AMI record",
		"img-3: want unaffected, got deferred",
		"img-9: want unaffected, but it is not in the unaffected list",
		"img-2: want deferred, but it is not listed as deferred",
		"img-1: want decision L-1, got L-2",
		"img-9: want decision L-1, but the plan has no record of it",
		"hasImpactedResources: want false, got true",
		"ami-1: unexpected DELETE SUCCESS record",
	}
	if diff := cmp.Diff(want, me.Problems); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if err := lifecycletest.ExpectPlan().Check(nil); err == nil {
		t.Error("nil plan accepted")
	}
}
