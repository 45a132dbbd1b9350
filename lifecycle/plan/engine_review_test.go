package plan_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/require"
)

// Regression tests for defects a review found in the dry-run's handling
// of long thresholds, missing facts, month ends and shared AMIs.

// TestDryRunLongThresholds checks that AGE thresholds of centuries do not
// overflow: a day-old image is never older than 500 YEARS.
func TestDryRunLongThresholds(t *testing.T) {
	for _, fixed := range []bool{false, true} {
		pl := mustPlan(t, recipePolicy(lt.Delete().Age(500, lifecycle.Years)).Build(), indexOf(r1(1, nDays(1))),
			withReadings(fixed, lifecycle.FixedMonthYear))
		if pl.Summary.Images.Acted() != 0 || hasDecision(pl.Decisions, "L-1") {
			t.Errorf("FixedMonthYear=%v: acted %d, decisions %v; want no action and no L-1", fixed, pl.Summary.Images.Acted(), pl.Decisions)
		}
	}
}

// TestDryRunUnknownLaunch checks L-29 for an AMI whose last launch is
// unknown (no EC2 description, or an unreadable LastLaunchedTime): it is
// acted on and flagged, whatever the readings of L-17 and L-30.
func TestDryRunUnknownLaunch(t *testing.T) {
	unreadable := planAMI("ami-unreadable", planRegion)
	unreadable.LaunchUnknown = true
	undescribed := index.AMI{ID: "ami-undescribed", Region: planRegion, AccountID: planAccount, PermissionsKnown: true}
	p := recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{LastLaunched: &lifecycle.LastLaunched{Value: 7, Unit: lifecycle.Days}}))
	for _, o := range []plan.Options{{}, {Readings: []lifecycle.Decision{lifecycle.NeverLaunchedExcluded}},
		{Readings: []lifecycle.Decision{lifecycle.NeverLaunchedExcluded, lifecycle.AMIExclusionProtectsImage}}} {
		pl := mustPlan(t, p.Build(), indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(60),
			amis: []index.AMI{unreadable, undescribed}}), o)
		got := verdicts(pl)
		for _, id := range []string{"ami-unreadable", "ami-undescribed"} {
			if !cmp.Equal(got[id], acted(lifecycle.ActionDelete)) || !hasDecision(decisionsOf(pl, id), "L-29") ||
				hasDecision(decisionsOf(pl, id), "L-17") {
				t.Errorf("%+v: %s is %+v with %v; want DELETE flagged L-29, not L-17", o, id, got[id], decisionsOf(pl, id))
			}
		}
	}
}

// TestDryRunRunTimeAtMonthEnd checks L-P6 where a day of difference in the
// run's time moves a calendar cutoff by several days.
func TestDryRunRunTimeAtMonthEnd(t *testing.T) {
	p := recipePolicy(lt.Delete().Age(1, lifecycle.Months)).Build()
	img := planImg{recipe: "web", version: "1.0.0", build: 1, created: time.Date(2026, 1, 29, 12, 0, 0, 0, time.UTC)}
	now := time.Date(2026, 3, 1, 0, 30, 0, 0, time.UTC)
	acted := mustPlanAt(t, p, indexOf(img), now, plan.Options{})
	before := mustPlanAt(t, p, indexOf(img), now.Add(-24*time.Hour), plan.Options{})
	if acted.Summary.Images.Acted() != 1 || before.Summary.Images.Acted() != 0 {
		t.Fatalf("acted %d at now, %d a day earlier; want 1 and 0", acted.Summary.Images.Acted(), before.Summary.Images.Acted())
	}
	if !hasDecision(acted.Resources[0].Decisions, "L-P6") {
		t.Errorf("decisions %v lack L-P6", acted.Resources[0].Decisions)
	}
}

// TestForecastSharedAMI checks that a change to an AMI that two images
// list reaches both copies of its facts: once DISABLE has taken its shares
// away, the sharedAccounts exclusion no longer protects it from DELETE.
func TestForecastSharedAMI(t *testing.T) {
	shared := planAMI("ami-shared", planRegion)
	shared.SharedAccounts, shared.ListedByOtherImages = []string{"999999999999"}, true
	p := recipePolicy(
		lt.Disable().Age(10, lifecycle.Days).IncludeAMIs().ExcludeTag("keep", "yes"),
		lt.Delete().Age(20, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{SharedAccounts: []string{"999999999999"}}),
	).Build()
	idx := indexOf(
		planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(15), amis: []index.AMI{shared}},
		planImg{recipe: "web", version: "1.0.0", build: 2, age: nDays(15), amis: []index.AMI{shared}, tags: lifecycle.Tags{"keep": "yes"}},
	)
	tl, err := plan.Forecast(&p, idx, planNow, 30, plan.Options{})
	require.NoError(t, err)
	deleted := 0
	for _, r := range tl.Runs {
		for _, a := range r.Actions {
			if a.Action == lifecycle.ActionDelete {
				deleted += a.AMIs
			}
		}
	}
	if deleted != 1 {
		t.Errorf("the shared AMI is deleted %d times over the forecast, want once", deleted)
	}
}

// TestIndexUnreadableLaunchTime checks that Index marks an AMI whose
// LastLaunchedTime cannot be read as of unknown launch, not as never
// launched.
func TestIndexUnreadableLaunchTime(t *testing.T) {
	inv, err := inventory.Decode([]byte(`{"images":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/app/1.0.0/1",
		"name":"app","version":"1.0.0/1","type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":"2026-01-01T00:00:00Z",
		"outputResources":{"amis":[{"region":"us-east-1","image":"ami-0a1b2c3d4e5f60001","accountId":"111122223333"}]}}],
		"amis":[{"ImageId":"ami-0a1b2c3d4e5f60001","OwnerId":"111122223333","State":"available","LastLaunchedTime":"2026-03-30 10:00"}]}`))
	require.NoError(t, err)
	idx, _ := inv.Index()
	if len(index.Images(idx)) != 1 || len(index.Images(idx)[0].AMIs) != 1 || !index.Images(idx)[0].AMIs[0].LaunchUnknown {
		t.Fatalf("index = %+v, want the AMI marked LaunchUnknown", index.Images(idx))
	}
}
