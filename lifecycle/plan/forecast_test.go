package plan_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/require"
)

func progressivePolicy() lifecycle.Policy {
	return recipePolicy(
		lt.Deprecate().Age(90, lifecycle.Days).IncludeAMIs(),
		lt.Disable().Age(120, lifecycle.Days).IncludeAMIs(),
		lt.Delete().Age(180, lifecycle.Days).IncludeAMIs().IncludeSnapshots(),
	).Build()
}

func TestForecastProgressive(t *testing.T) {
	p := progressivePolicy()
	idx := indexOf(
		// Past all three thresholds: one step per daily run (L-22, L-25).
		planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(200), amis: []index.AMI{planAMI("ami-1", planRegion, "snap-1")}},
		// 60 days old: deprecated on day 30, disabled on day 60, deleted on day 120.
		planImg{recipe: "web", version: "1.0.0", build: 2, age: nDays(60) + 1},
		// One day old: deprecated on day 90, disabled on day 120.
		planImg{recipe: "web", version: "1.0.0", build: 3, age: nDays(1)},
	)
	tl, err := plan.Forecast(&p, idx, planNow, 120, plan.Options{})
	require.NoError(t, err)
	type change struct {
		Day    int
		Action lifecycle.ActionType
	}
	got := map[string][]change{}
	text := map[string]string{}
	for _, it := range tl.Images {
		for _, c := range it.Changes {
			got[it.ResourceID] = append(got[it.ResourceID], change{c.Day, c.Action})
		}
		text[it.ResourceID] = it.String()
	}
	want := map[string][]change{
		arnOf("web", "1.0.0", 1): {{0, lifecycle.ActionDeprecate}, {1, lifecycle.ActionDisable}, {2, lifecycle.ActionDelete}},
		arnOf("web", "1.0.0", 2): {{30, lifecycle.ActionDeprecate}, {60, lifecycle.ActionDisable}, {120, lifecycle.ActionDelete}},
		arnOf("web", "1.0.0", 3): {{90, lifecycle.ActionDeprecate}, {120, lifecycle.ActionDisable}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if s := text[arnOf("web", "1.0.0", 2)]; s != "deprecated in 30 days, disabled in 60 days, deleted in 120 days" {
		t.Errorf("String() = %q", s)
	}
	var days []int
	for _, r := range tl.Runs {
		days = append(days, r.Day)
	}
	if diff := cmp.Diff([]int{0, 1, 2, 30, 60, 90, 120}, days); diff != "" {
		t.Errorf("run days (-want +got):\n%s", diff)
	}
	if r := tl.Runs[2]; r.Actions[0].AMIs != 1 || r.Actions[0].Snapshots != 1 {
		t.Errorf("day-2 deletion = %+v, want one AMI and one snapshot", r.Actions[0])
	}
	if !tl.Evaluated || !hasDecision(tl.Decisions, "L-25") {
		t.Errorf("Evaluated = %v, Decisions = %v", tl.Evaluated, tl.Decisions)
	}
	// The index is not modified.
	if index.Images(idx)[0].Status != lifecycle.StatusAvailable || len(index.Images(idx)[0].AMIs[0].Tags) != 1 {
		t.Errorf("Forecast modified its input: %+v", index.Images(idx)[0])
	}
}

// TestForecastAMIChanges checks that the simulated AMI changes feed later
// runs: disabling makes an AMI private, so a public-AMI exclusion of the
// delete rule no longer protects it.
func TestForecastAMIChanges(t *testing.T) {
	p := recipePolicy(
		lt.Disable().Age(10, lifecycle.Days).IncludeAMIs(),
		lt.Delete().Age(10, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{IsPublic: true}),
	).Build()
	a := planAMI("ami-pub", planRegion)
	a.Public = true
	idx := indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(20), amis: []index.AMI{a}})
	tl, err := plan.Forecast(&p, idx, planNow, 3, plan.Options{})
	require.NoError(t, err)
	if len(tl.Runs) != 2 || tl.Runs[0].Actions[0].AMIs != 1 || tl.Runs[1].Actions[0].Action != lifecycle.ActionDelete || tl.Runs[1].Actions[0].AMIs != 1 {
		t.Errorf("runs = %+v; want the AMI disabled on day 0 and, now private, deleted on day 1", tl.Runs)
	}
}

func TestForecastDisabledPolicy(t *testing.T) {
	p := progressivePolicy()
	p.Status = lifecycle.PolicyDisabled
	tl, err := plan.Forecast(&p, indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(200)}), planNow, 10, plan.Options{})
	require.NoError(t, err)
	if tl.Evaluated || len(tl.Runs) != 0 || tl.Note == "" {
		t.Errorf("DISABLED forecast = %+v", tl)
	}
}

// TestForecastDeprecatedByTag checks that a deprecation writes the tag
// DeprecatedBy: EC2 Image Builder to the AMIs it includes, which later runs
// see: here the delete rule excludes AMIs carrying that tag.
func TestForecastDeprecatedByTag(t *testing.T) {
	p := recipePolicy(
		lt.Deprecate().Age(10, lifecycle.Days).IncludeAMIs(),
		lt.Delete().Age(10, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{TagMap: lifecycle.Tags{"DeprecatedBy": "EC2 Image Builder"}}),
	).Build()
	idx := indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(20),
		amis: []index.AMI{planAMI("ami-1", planRegion)}})
	tl, err := plan.Forecast(&p, idx, planNow, 2, plan.Options{})
	require.NoError(t, err)
	if len(tl.Runs) != 2 || tl.Runs[0].Actions[0].AMIs != 1 || tl.Runs[1].Actions[0].Action != lifecycle.ActionDelete || tl.Runs[1].Actions[0].AMIs != 0 {
		t.Errorf("runs = %+v; want the AMI deprecated on day 0 and, tagged, left alone by the deletion on day 1", tl.Runs)
	}
}
