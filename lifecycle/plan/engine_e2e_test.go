package plan_test

import (
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	failed := inv.AMIImage("web", "1.0.0", nDays(60)).Status(lifecycle.StatusFailed).WithAMIs()
	young := inv.AMIImage("web", "1.0.0", nDays(5))
	building := inv.AMIImage("web", "1.1.0", nDays(0.5)).Status(lifecycle.StatusBuilding).WithAMIs()
	other := inv.AMIImage("api", "1.0.0", nDays(300))

	decoded, err := inventory.Decode(jsonOf(t, inv.Build()))
	require.NoError(t, err)
	idx, findings := decoded.Index()
	if findings.HasErrors() {
		t.Fatalf("inventory findings: %v", findings)
	}
	doc, err := lifecycle.DecodePolicy(policyJSON(t, lt.AMIPolicy("web-progressive").Recipe("web", "x.x.x").Rule(
		lt.Deprecate().Age(90, lifecycle.Days).IncludeAMIs().ExcludeTag("Pin", "true"),
		lt.Disable().Age(120, lifecycle.Days).IncludeAMIs(),
		lt.Delete().Age(180, lifecycle.Days).RetainAtLeast(1).IncludeAMIs().IncludeSnapshots().
			ExcludeAMIs(lifecycle.AMIExclusionRules{SharedAccounts: []string{"210987654321"}}),
	)), lifecycle.DecodeOptions{})
	require.NoError(t, err)
	pl, err := plan.DryRun(&doc.Policy, idx, planNow, plan.Options{})
	require.NoError(t, err)
	oldAMIs, deprecatedAMIs := old.AMIIDs(), deprecated.AMIIDs()
	err = lt.CheckPlan(pl, lt.PlanWant{
		Acts: map[string]lifecycle.ActionType{
			// 200 days: past all three thresholds, deprecated first (one
			// action per run).
			old.ARN(): lifecycle.ActionDeprecate, oldAMIs[0]: lifecycle.ActionDeprecate, oldAMIs[1]: lifecycle.ActionDeprecate,
			// Already deprecated and 150 days old: disabled, AMI included.
			deprecated.ARN(): lifecycle.ActionDisable, deprecatedAMIs[0]: lifecycle.ActionDisable,
			// Failed 60 days ago: deleted whatever its age (L-4).
			failed.ARN(): lifecycle.ActionDelete,
		},
		// Pinned against deprecation only.
		Skips:      []string{pinned.ARN()},
		Decisions:  map[string][]lifecycle.Decision{pinned.ARN(): {"L-8"}, failed.ARN(): {"L-4"}},
		Unaffected: []string{young.ARN()},
		Deferred:   []string{building.ARN()},
		Exact:      true,
	})
	assert.NoError(t, err)
	assert.True(t, pl.HasImpactedResources)
	for _, r := range pl.Resources {
		if r.ResourceID == other.ARN() {
			t.Errorf("an image of another recipe is in the plan: %+v", r)
		}
	}
}
