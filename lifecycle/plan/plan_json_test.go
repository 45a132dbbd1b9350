package plan_test

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/ibkit/ibkit/internal/golden"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/require"
)

// goldenInventory is a small, realistic inventory: two recipes, several
// versions and builds, a failed and a running build, AMIs in two Regions
// with snapshots, shares, launches and tags.
func goldenInventory() *inventory.Index {
	shared := func(a index.AMI, accounts ...string) index.AMI {
		a.SharedAccounts = accounts
		return a
	}
	launched := func(a index.AMI, ago time.Duration) index.AMI {
		a.LastLaunched = planNow.Add(-ago)
		return a
	}
	public := func(a index.AMI) index.AMI { a.Public = true; return a }
	return indexOf(
		planImg{recipe: "web-server", version: "1.0.0", build: 1, age: nDays(200), amis: []index.AMI{
			planAMI("ami-0a000000000000001", "us-east-1", "snap-0a000000000000001"),
			planAMI("ami-0b000000000000001", "eu-west-1", "snap-0b000000000000001"),
		}},
		planImg{recipe: "web-server", version: "1.0.0", build: 2, age: nDays(120), status: lifecycle.StatusDeprecated, amis: []index.AMI{
			shared(planAMI("ami-0a000000000000002", "us-east-1", "snap-0a000000000000002", "snap-0a000000000000003"), "999988887777"),
		}},
		planImg{recipe: "web-server", version: "1.0.0", build: 3, age: nDays(95), tags: lifecycle.Tags{"Pin": "true"}, amis: []index.AMI{
			planAMI("ami-0a000000000000004", "us-east-1", "snap-0a000000000000004"),
		}},
		planImg{recipe: "web-server", version: "1.0.0", build: 4, age: nDays(45), amis: []index.AMI{
			launched(planAMI("ami-0a000000000000005", "us-east-1", "snap-0a000000000000005"), nDays(3)),
		}},
		planImg{recipe: "web-server", version: "1.0.0", build: 5, age: nDays(100), status: lifecycle.StatusFailed},
		planImg{recipe: "web-server", version: "1.1.0", build: 1, age: nDays(10), amis: []index.AMI{
			public(planAMI("ami-0a000000000000006", "us-east-1", "snap-0a000000000000006")),
		}},
		planImg{recipe: "web-server", version: "1.1.0", build: 2, age: nDays(1), status: lifecycle.StatusBuilding},
		planImg{recipe: "Batch Worker", version: "2.3.0", build: 7, age: nDays(400), status: lifecycle.StatusDisabled, amis: []index.AMI{
			public(planAMI("ami-0c000000000000007", "eu-west-1", "snap-0c000000000000007")),
		}},
		planImg{recipe: "Batch Worker", version: "2.3.0", build: 8, age: nDays(35), tags: lifecycle.Tags{"Team": "batch"}},
	)
}

func goldenPolicy() *lt.PolicyBuilder {
	return lt.AMIPolicy("golden-ami-lifecycle").
		Recipe("web-server", "1.x.x").Recipe("Batch Worker", "x.x.x").
		Rule(
			lt.Deprecate().Age(30, lifecycle.Days).IncludeAMIs().ExcludeTag("Pin", "true"),
			lt.Disable().Age(60, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}}),
			lt.Delete().Age(90, lifecycle.Days).RetainAtLeast(1).IncludeAMIs().IncludeSnapshots().
				ExcludeTag("Pin", "true").ExcludeAMIs(lifecycle.AMIExclusionRules{IsPublic: true, SharedAccounts: []string{"999988887777"}, LastLaunched: &lifecycle.LastLaunched{Value: 14, Unit: lifecycle.Days}}),
		)
}

func TestPlanJSONGolden(t *testing.T) {
	containers := indexOf(
		planImg{recipe: "api-service", version: "3.0.0", build: 1, age: nDays(20), docker: true,
			uris: []string{"123456789012.dkr.ecr.us-east-1.amazonaws.com/api-service:3.0.0-1"}},
		planImg{recipe: "api-service", version: "3.0.0", build: 2, age: nDays(10), docker: true,
			uris: []string{"123456789012.dkr.ecr.us-east-1.amazonaws.com/api-service:3.0.0-2"}},
		planImg{recipe: "api-service", version: "3.0.0", build: 3, age: nDays(5), docker: true, status: lifecycle.StatusCancelled},
	)
	tests := []struct {
		name   string
		policy lifecycle.Policy
		idx    *inventory.Index
		opts   plan.Options
	}{
		{"ami-progressive", goldenPolicy().Build(), goldenInventory(), plan.Options{}},
		{"ami-progressive-options", goldenPolicy().Build(), goldenInventory(), plan.Options{Readings: []lifecycle.Decision{lifecycle.SkipEndsEvaluation, lifecycle.PredictPermissionFailures, lifecycle.DeferredTakeSlots}}},
		{"disabled", goldenPolicy().Edit(func(p *lifecycle.Policy) { p.Status = lifecycle.PolicyDisabled }).Build(), goldenInventory(), plan.Options{}},
		{"container", lt.ContainerPolicy("container-keep-1").Recipe("api-service", "x.x.x").
			Rule(lt.Delete().Count(1).IncludeContainers()).Build(), containers, plan.Options{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := mustPlan(t, tc.policy, tc.idx, tc.opts)
			got, err := json.MarshalIndent(pl, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			golden.Check(t, filepath.Join("testdata", "plan", tc.name+".json"), got)
		})
	}
}

func TestForecastJSONGolden(t *testing.T) {
	p := goldenPolicy().Build()
	tl, err := plan.Forecast(&p, goldenInventory(), planNow, 60, plan.Options{})
	require.NoError(t, err)
	got, err := json.MarshalIndent(tl, "", "  ")
	require.NoError(t, err)
	golden.Check(t, filepath.Join("testdata", "plan", "forecast.json"), append(got, '\n'))
}
