package plan_test

import (
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// TestDryRunFromJSON runs the whole path a user takes: a policy and an
// inventory written as JSON by the lifecycletest builders, decoded,
// indexed and planned, then checked with a plan expectation.
func TestDryRunFromJSON(t *testing.T) {
	inv := lt.Inventory(planNow)
	old := inv.AMIImage("web", "1.0.0", nDays(200)).WithAMIs(
		lt.AMI{Region: "us-east-1", Snapshots: 2},
		lt.AMI{Region: "eu-west-1", SharedWith: []string{"210987654321"}},
	)
	deprecated := inv.AMIImage("web", "1.0.0", nDays(150)).Status(lifecycle.StatusDeprecated).WithAMIs(lt.AMI{Public: true})
	pinned := inv.AMIImage("web", "1.0.0", nDays(100)).Tag("Pin", "true")
	failed := inv.AMIImage("web", "1.0.0", nDays(60)).Status(lifecycle.StatusFailed).WithoutAMIs()
	young := inv.AMIImage("web", "1.0.0", nDays(5))
	building := inv.AMIImage("web", "1.1.0", nDays(0.5)).Status(lifecycle.StatusBuilding).WithoutAMIs()
	other := inv.AMIImage("api", "1.0.0", nDays(300))

	decoded, err := inventory.Decode(inv.JSON())
	if err != nil {
		t.Fatal(err)
	}
	idx, findings := decoded.Index()
	if findings.HasErrors() {
		t.Fatalf("inventory findings: %v", findings)
	}
	doc, err := lifecycle.DecodePolicy(lt.AMIPolicy("web-progressive").Recipe("web", "x.x.x").Rule(
		lt.Deprecate().Age(90, lifecycle.Days).IncludeAMIs().ExcludeTag("Pin", "true"),
		lt.Disable().Age(120, lifecycle.Days).IncludeAMIs(),
		lt.Delete().Age(180, lifecycle.Days).RetainAtLeast(1).IncludeAMIs().IncludeSnapshots().
			ExcludeSharedWith("210987654321"),
	).JSON(), lifecycle.DecodeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := plan.DryRun(&doc.Policy, idx, planNow, plan.Options{})
	if err != nil {
		t.Fatal(err)
	}
	oldAMIs, deprecatedAMIs := old.AMIIDs(), deprecated.AMIIDs()
	err = lt.ExpectPlan().
		// 200 days: past all three thresholds, deprecated first (one action
		// per run).
		Acts(old.ARN(), lifecycle.ActionDeprecate).
		Acts(oldAMIs[0], lifecycle.ActionDeprecate).
		Acts(oldAMIs[1], lifecycle.ActionDeprecate).
		// Already deprecated and 150 days old: disabled, AMI included.
		Acts(deprecated.ARN(), lifecycle.ActionDisable).
		Acts(deprecatedAMIs[0], lifecycle.ActionDisable).
		// Pinned against deprecation only.
		Skips(pinned.ARN()).
		Decision(pinned.ARN(), "L-8").
		// Failed 60 days ago: deleted whatever its age (L-4).
		Acts(failed.ARN(), lifecycle.ActionDelete).
		Decision(failed.ARN(), "L-4").
		Unaffected(young.ARN()).
		Deferred(building.ARN()).
		Impacted(true).
		Only().
		Check(pl)
	if err != nil {
		t.Error(err)
	}
	for _, r := range pl.Resources {
		if r.ResourceID == other.ARN() {
			t.Errorf("an image of another recipe is in the plan: %+v", r)
		}
	}
}
