package plan_test

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
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

// key expands the short names of a scenario's expectations: "web/1.0.0/2" is
// the ARN of build 2 of recipe r 1.0.0; anything else (an AMI ID, a URI)
// stays as is.
func shortKey(s string) string {
	if parts := strings.Split(s, "/"); len(parts) == 3 && !strings.Contains(s, ".dkr.") {
		var b uint64
		for _, c := range parts[2] {
			b = b*10 + uint64(c-'0')
		}
		return arnOf(parts[0], parts[1], b)
	}
	return s
}

type scenario struct {
	name   string
	policy *lt.PolicyBuilder
	images []planImg
	opts   plan.Options
	want   map[string]verdict // short name → verdict; exactly the plan
	flags  map[string][]lifecycle.Decision
	noFlag map[string][]lifecycle.Decision
}

func runScenarios(t *testing.T, cases []scenario) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			pl := mustPlan(t, tc.policy.Build(), indexOf(tc.images...), tc.opts)
			want := map[string]verdict{}
			for k, v := range tc.want {
				want[shortKey(k)] = v
			}
			if diff := cmp.Diff(want, verdicts(pl)); diff != "" {
				t.Errorf("verdicts (-want +got):\n%s", diff)
			}
			for k, ds := range tc.flags {
				got := decisionsOf(pl, shortKey(k))
				for _, d := range ds {
					if !hasDecision(got, d) {
						t.Errorf("%s: decisions %v lack %s", k, got, d)
					}
				}
			}
			for k, ds := range tc.noFlag {
				got := decisionsOf(pl, shortKey(k))
				for _, d := range ds {
					if hasDecision(got, d) {
						t.Errorf("%s: decisions %v hold %s", k, got, d)
					}
				}
			}
		})
	}
}

func recipePolicy(rules ...*lt.RuleBuilder) *lt.PolicyBuilder {
	return lt.AMIPolicy("test-policy").Recipe("web", "x.x.x").Rule(rules...)
}

// TestDryRunRules covers the documented rules (selection, filters,
// retention, priority, actions and exclusions) under the
// default readings.
func TestDryRunRules(t *testing.T) {
	runScenarios(t, []scenario{
		{
			name:   "age: older images deprecated, younger kept with margin",
			policy: recipePolicy(lt.Deprecate().Age(30, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(40)}, {recipe: "web", version: "1.0.0", build: 2, age: nDays(10)}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "web/1.0.0/2": unaffected(rule(plan.OutcomeTooYoung))},
		},
		{
			name:   "count: keeps the newest N of each recipe version",
			policy: recipePolicy(lt.Delete().Count(2)),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(40)}, {recipe: "web", version: "1.0.0", build: 2, age: nDays(30)},
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(20)}, {recipe: "web", version: "1.0.0", build: 4, age: nDays(10)},
				{recipe: "web", version: "1.1.0", build: 1, age: nDays(50)},
			},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/3": unaffected(kept(2, 2)), "web/1.0.0/4": unaffected(kept(1, 2)), "web/1.1.0/1": unaffected(kept(1, 2))},
		},
		{
			name:   "count: every build bumps the version, nothing is deleted",
			policy: recipePolicy(lt.Delete().Count(1)),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(40)}, {recipe: "web", version: "1.0.1", build: 1, age: nDays(30)},
				{recipe: "web", version: "1.0.2", build: 1, age: nDays(20)}, {recipe: "web", version: "1.0.3", build: 1, age: nDays(10)},
			},
			want: map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.1/1": unaffected(kept(1, 1)), "web/1.0.2/1": unaffected(kept(1, 1)), "web/1.0.3/1": unaffected(kept(1, 1))},
		},
		{
			name:   "count: newest by creation date, not by build number",
			policy: recipePolicy(lt.Delete().Count(1)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 9, age: nDays(40)}, {recipe: "web", version: "1.0.0", build: 2, age: nDays(10)}},
			want:   map[string]verdict{"web/1.0.0/9": acted(lifecycle.ActionDelete), "web/1.0.0/2": unaffected(kept(1, 1))},
		},
		{
			name:   "delete retention does not protect from deprecate",
			policy: recipePolicy(lt.Deprecate().Age(30, lifecycle.Days), lt.Delete().Count(3)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50)}, {recipe: "web", version: "1.0.0", build: 2, age: nDays(40)}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "web/1.0.0/2": acted(lifecycle.ActionDeprecate)},
		},
		{
			name: "one action per run, highest priority first (progressive)",
			policy: recipePolicy(lt.Deprecate().Age(90, lifecycle.Days), lt.Disable().Age(120, lifecycle.Days),
				lt.Delete().Age(180, lifecycle.Days)),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(200)},
				{recipe: "web", version: "1.0.0", build: 2, age: nDays(200), status: lifecycle.StatusDeprecated},
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(200), status: lifecycle.StatusDisabled},
				{recipe: "web", version: "1.0.0", build: 4, age: nDays(100), status: lifecycle.StatusDeprecated},
			},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "web/1.0.0/2": acted(lifecycle.ActionDisable), "web/1.0.0/3": acted(lifecycle.ActionDelete),
				"web/1.0.0/4": unaffected(rule(plan.OutcomeStateSkipped), rule(plan.OutcomeTooYoung), rule(plan.OutcomeTooYoung))},
		},
		{
			name:   "array order does not matter (L-22)",
			policy: recipePolicy(lt.Delete().Age(10, lifecycle.Days), lt.Deprecate().Age(20, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(30)}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate)},
		},
		{
			name:   "failed builds take no slot and qualify under COUNT",
			policy: recipePolicy(lt.Delete().Count(2)),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(3)}, {recipe: "web", version: "1.0.0", build: 2, age: nDays(2), status: lifecycle.StatusFailed},
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(1), status: lifecycle.StatusCancelled}, {recipe: "web", version: "1.0.0", build: 4, age: nDays(4)},
				{recipe: "web", version: "1.0.0", build: 5, age: nDays(5)},
			},
			want: map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 2)), "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/3": acted(lifecycle.ActionDelete), "web/1.0.0/4": unaffected(kept(2, 2)), "web/1.0.0/5": acted(lifecycle.ActionDelete)},
		},
		{
			name:   "deprecate and disable skip failed images, delete does not",
			policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Days), lt.Disable().Age(1, lifecycle.Days), lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), status: lifecycle.StatusFailed}},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.FailedRespectAge}},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeStateSkipped), rule(plan.OutcomeStateSkipped), rule(plan.OutcomeTooYoung))},
		},
		{
			name:   "image tag exclusion: SKIPPED beyond the window, slot kept inside it",
			policy: recipePolicy(lt.Delete().Count(1).ExcludeTag("Pin", "yes")),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(1), tags: lifecycle.Tags{"Pin": "yes"}},
				{recipe: "web", version: "1.0.0", build: 2, age: nDays(2), tags: lifecycle.Tags{"Pin": "yes"}},
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(3), tags: lifecycle.Tags{"Pin": "YES"}},
			},
			want:  map[string]verdict{"web/1.0.0/3": unaffected(kept(1, 1)), "web/1.0.0/2": skipped(lifecycle.ActionDelete), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/3": {"L-7"}},
		},
		{
			name: "AMI exclusions: order Region, Public, Tag, Shared, Last launched (L-23)",
			policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().IncludeSnapshots().
				ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}, IsPublic: true, TagMap: lifecycle.Tags{"Keep": "1"}, SharedAccounts: []string{"210987654321"}, LastLaunched: &lifecycle.LastLaunched{Value: 7, Unit: lifecycle.Days}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(10), amis: []index.AMI{
				func() index.AMI {
					a := planAMI("ami-1region", "eu-west-1", "snap-1")
					a.Public = true
					return a
				}(),
				func() index.AMI {
					a := planAMI("ami-2public", "us-east-1", "snap-2")
					a.Public = true
					return a
				}(),
				func() index.AMI {
					a := planAMI("ami-3tag", "us-east-2", "snap-3")
					a.Tags = append(a.Tags, index.Tag{Key: "Keep", Value: "1"})
					a.SharedAccounts = []string{"210987654321"}
					return a
				}(),
				func() index.AMI {
					a := planAMI("ami-4shared", "us-west-1", "snap-4")
					a.SharedAccounts = []string{"210987654321"}
					return a
				}(),
				func() index.AMI {
					a := planAMI("ami-5launched", "us-west-2", "snap-5")
					a.LastLaunched = planNow.Add(-nDays(2))
					return a
				}(),
				func() index.AMI {
					a := planAMI("ami-6old-launch", "ap-south-1", "snap-6", "snap-7")
					a.LastLaunched = planNow.Add(-nDays(30))
					return a
				}(),
			}}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-1region": skipped(lifecycle.ActionDelete), "ami-2public": skipped(lifecycle.ActionDelete),
				"ami-3tag": skipped(lifecycle.ActionDelete), "ami-4shared": skipped(lifecycle.ActionDelete), "ami-5launched": skipped(lifecycle.ActionDelete),
				"ami-6old-launch": acted(lifecycle.ActionDelete).with("snap-6", plan.ExecutionSuccess).with("snap-7", plan.ExecutionSuccess)},
		},
		{
			name: "AMI tags are not image tags and image tags are not AMI tags",
			policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().
				ExcludeAMIs(lifecycle.AMIExclusionRules{TagMap: lifecycle.Tags{"Environment": "production"}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(10), tags: lifecycle.Tags{"Environment": "production"},
				amis: []index.AMI{planAMI("ami-1", planRegion, "snap-1")}}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-1": acted(lifecycle.ActionDelete)},
		},
		{
			name:   "snapshots of a SKIPPED AMI are untouched (L-P3)",
			policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().IncludeSnapshots().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(10),
				amis: []index.AMI{planAMI("ami-1", "eu-west-1", "snap-1"), planAMI("ami-2", planRegion, "snap-2")}}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-1": skipped(lifecycle.ActionDelete), "ami-2": acted(lifecycle.ActionDelete).with("snap-2", plan.ExecutionSuccess)},
		},
		{
			name:   "deprecate with snapshots: no snapshot action (L-P3)",
			policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Days).IncludeAMIs().IncludeSnapshots()),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(10), amis: []index.AMI{planAMI("ami-1", planRegion, "snap-1")}}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "ami-1": acted(lifecycle.ActionDeprecate)},
		},
		{
			name:   "without includeResources only the image record is acted on",
			policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(10), amis: []index.AMI{planAMI("ami-1", planRegion, "snap-1")}}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)},
		},
		{
			name:   "scope: other recipes, versions, types and DELETED images are out",
			policy: lt.AMIPolicy("pol").Recipe("web", "1.x.x").Recipe("api", "2.0.0").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{
				{recipe: "web", version: "1.2.0", build: 1, age: nDays(10)}, {recipe: "web", version: "2.0.0", build: 1, age: nDays(10)},
				{recipe: "api", version: "2.0.0", build: 1, age: nDays(10)}, {recipe: "api", version: "2.0.1", build: 1, age: nDays(10)},
				{recipe: "dbx", version: "1.0.0", build: 1, age: nDays(10)},
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(10), status: lifecycle.StatusDeleted},
				{recipe: "web", version: "1.0.0", build: 2, age: nDays(10), docker: true},
			},
			want: map[string]verdict{"web/1.2.0/1": acted(lifecycle.ActionDelete), "api/2.0.0/1": acted(lifecycle.ActionDelete)},
		},
		{
			name:   "scope: tag selection is any-of, exact and case-sensitive (L-18)",
			policy: lt.AMIPolicy("pol").SelectTag("Team", "web").SelectTag("Env", "dev").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{
				{recipe: "aaa", version: "1.0.0", build: 1, age: nDays(10), tags: lifecycle.Tags{"Team": "web"}},
				{recipe: "bbb", version: "1.0.0", build: 1, age: nDays(10), tags: lifecycle.Tags{"Env": "dev", "Team": "db"}},
				{recipe: "ccc", version: "1.0.0", build: 1, age: nDays(10), tags: lifecycle.Tags{"team": "web"}},
				{recipe: "ddd", version: "1.0.0", build: 1, age: nDays(10), tags: lifecycle.Tags{"Team": "Web"}},
			},
			want: map[string]verdict{"aaa/1.0.0/1": acted(lifecycle.ActionDelete), "bbb/1.0.0/1": acted(lifecycle.ActionDelete)},
		},
		{
			name:   "scope: with tag selection retention still counts per recipe version",
			policy: lt.AMIPolicy("pol").SelectTag("Team", "web").Rule(lt.Delete().Count(1)),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(3), tags: lifecycle.Tags{"Team": "web"}},
				{recipe: "web", version: "1.0.0", build: 2, age: nDays(2), tags: lifecycle.Tags{"Team": "web"}},
				{recipe: "web", version: "1.1.0", build: 1, age: nDays(1), tags: lifecycle.Tags{"Team": "web"}},
				{recipe: "api", version: "1.0.0", build: 1, age: nDays(9), tags: lifecycle.Tags{"Team": "web"}},
				{recipe: "api", version: "1.0.0", build: 2, age: nDays(8)},
			},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "web/1.0.0/2": unaffected(kept(1, 1)), "web/1.1.0/1": unaffected(kept(1, 1)), "api/1.0.0/1": unaffected(kept(1, 1))},
		},
		{
			name:   "scope: builds in progress are deferred and take no slot (L-20)",
			policy: recipePolicy(lt.Delete().Count(1)),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(1), status: lifecycle.StatusBuilding},
				{recipe: "web", version: "1.0.0", build: 2, age: nDays(2)}, {recipe: "web", version: "1.0.0", build: 1, age: nDays(3)},
			},
			want:   map[string]verdict{"web/1.0.0/3": verdict{Deferred: true}, "web/1.0.0/2": unaffected(kept(1, 1)), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-20"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-20"}},
		},
		{
			name:   "container policy deletes container images",
			policy: lt.ContainerPolicy("con").Recipe("app", "x.x.x").Rule(lt.Delete().Count(1).IncludeContainers()),
			images: []planImg{
				{recipe: "app", version: "1.0.0", build: 1, age: nDays(5), docker: true, uris: []string{"111.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0-1"}},
				{recipe: "app", version: "1.0.0", build: 2, age: nDays(1), docker: true, uris: []string{"111.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0-2"}},
			},
			want: map[string]verdict{"app/1.0.0/1": acted(lifecycle.ActionDelete), "111.dkr.ecr.us-east-1.amazonaws.com/app:1.0.0-1": acted(lifecycle.ActionDelete), "app/1.0.0/2": unaffected(kept(1, 1))},
		},
		{
			name:   "recipe entry matched through the ARN name when the name is unknown (L-21)",
			policy: lt.AMIPolicy("pol").Recipe("My Recipe", "1.0.0").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{{recipe: "My Recipe", version: "1.0.0", build: 1, age: nDays(10), noName: true}},
			want:   map[string]verdict{"My Recipe/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"My Recipe/1.0.0/1": {"L-21"}},
		},
		{
			name:   "near the threshold the run time matters (L-P6)",
			policy: recipePolicy(lt.Deprecate().Age(30, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(30) + 3*time.Hour}, {recipe: "web", version: "1.0.0", build: 2, age: nDays(29.5)},
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(20)}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "web/1.0.0/2": unaffected(rule(plan.OutcomeTooYoung)), "web/1.0.0/3": unaffected(rule(plan.OutcomeTooYoung))},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-P6"}, "web/1.0.0/2": {"L-P6"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/3": {"L-P6"}},
		},
	})
}

// TestDryRunDecisions covers every decision with an option under both
// readings.
func TestDryRunDecisions(t *testing.T) {
	withStatus := func(m planImg, s lifecycle.ImageStatus) planImg { m.status = s; return m }
	withTags := func(m planImg, kv ...string) planImg {
		m.tags = lifecycle.Tags{}
		for i := 0; i+1 < len(kv); i += 2 {
			m.tags[kv[i]] = kv[i+1]
		}
		return m
	}
	// 2026-03-31T12:00 minus one calendar month is the end of 2026-02-28
	// (clamped; Go's AddDate would give 2026-03-03); minus 30 days it is
	// 2026-03-01T12:00. An image of 2026-03-01T06:00 is old enough only
	// under the 30-day reading; one of 2026-03-02 (29 days old) under
	// neither.
	monthImage := planImg{recipe: "web", version: "1.0.0", build: 1, created: time.Date(2026, 3, 1, 6, 0, 0, 0, time.UTC)}
	youngMonthImage := planImg{recipe: "web", version: "1.0.0", build: 1, created: time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC)}
	tie := []planImg{
		{recipe: "web", version: "1.0.0", build: 1, created: planNow.Add(-nDays(1)), done: planNow.Add(-nDays(1) + time.Hour)},
		{recipe: "web", version: "1.0.0", build: 2, created: planNow.Add(-nDays(1)), done: planNow.Add(-nDays(1) - time.Hour)},
	}
	launched := []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(10), amis: []index.AMI{planAMI("ami-never", planRegion)}}}
	llPolicy := recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{LastLaunched: &lifecycle.LastLaunched{Value: 30, Unit: lifecycle.Days}}))
	runScenarios(t, []scenario{
		{name: "L-1 calendar month, clamped at the end of February", policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Months)), images: []planImg{monthImage},
			want: map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeTooYoung))}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-1"}}},
		{name: "L-1 FixedMonthYear", policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Months)), images: []planImg{monthImage},
			opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.FixedMonthYear}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate)}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-1"}}},
		{name: "L-1 a 29-day-old image is younger than a month under both readings", policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Months)),
			images: []planImg{youngMonthImage},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeTooYoung))}, noFlag: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-1"}}},
		{name: "L-1 lastLaunched in months is clamped too",
			policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{LastLaunched: &lifecycle.LastLaunched{Value: 1, Unit: lifecycle.Months}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(90), amis: []index.AMI{
				func() index.AMI {
					a := planAMI("ami-launched", planRegion)
					a.LastLaunched = time.Date(2026, 3, 2, 12, 0, 0, 0, time.UTC) // 29 days ago: within the month
					return a
				}()}}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-launched": skipped(lifecycle.ActionDelete)}},
		{name: "L-2 exactly at the threshold", policy: recipePolicy(lt.Deprecate().Age(30, lifecycle.Days)), images: []planImg{r1(1, nDays(30))},
			want: map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeTooYoung))}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-2"}}},
		{name: "L-2 InclusiveAgeBoundary", policy: recipePolicy(lt.Deprecate().Age(30, lifecycle.Days)), images: []planImg{r1(1, nDays(30))},
			opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.InclusiveAgeBoundary}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate)}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-2"}}},
		{name: "L-3 slots to the newest of any age", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).RetainAtLeast(2)),
			images: []planImg{r1(1, nDays(5)), r1(2, nDays(10)), r1(3, nDays(40)), r1(4, nDays(50))},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 2)), "web/1.0.0/2": unaffected(kept(2, 2)), "web/1.0.0/3": acted(lifecycle.ActionDelete), "web/1.0.0/4": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/3": {"L-3"}, "web/1.0.0/4": {"L-3"}}},
		{name: "L-3 RetainOnlyAged", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).RetainAtLeast(2)),
			images: []planImg{r1(1, nDays(5)), r1(2, nDays(10)), r1(3, nDays(40)), r1(4, nDays(50))},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.RetainOnlyAged}},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeTooYoung)), "web/1.0.0/2": unaffected(rule(plan.OutcomeTooYoung)), "web/1.0.0/3": unaffected(kept(1, 2)), "web/1.0.0/4": unaffected(kept(2, 2))},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/3": {"L-3"}}},
		{name: "L-3 RetainOnlyAged: a slot decided at the age boundary carries L-2",
			policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).RetainAtLeast(1)),
			images: []planImg{r1(1, nDays(30))},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.RetainOnlyAged, lifecycle.InclusiveAgeBoundary}},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1))},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-2", "L-P6"}}},
		{name: "L-4 a young failed image is deleted whatever its age", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{withStatus(r1(1, nDays(5)), lifecycle.StatusFailed), withStatus(r1(2, nDays(4)), lifecycle.StatusCancelled)},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "web/1.0.0/2": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-4"}, "web/1.0.0/2": {"L-4"}}},
		{name: "L-4 an old failed image carries no flag", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{withStatus(r1(1, nDays(50)), lifecycle.StatusFailed)},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)}, noFlag: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-4"}}},
		{name: "L-4 FailedRespectAge", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{withStatus(r1(1, nDays(5)), lifecycle.StatusFailed)}, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.FailedRespectAge}},
			want: map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeTooYoung))}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-4"}}},
		{name: "L-5 failed deleted in a group with few good images", policy: recipePolicy(lt.Delete().Count(3)),
			images: []planImg{r1(1, nDays(1)), withStatus(r1(2, nDays(2)), lifecycle.StatusFailed)},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 3)), "web/1.0.0/2": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-5"}}},
		{name: "L-5 FewGoodImagesProtectFailed", policy: recipePolicy(lt.Delete().Count(3)),
			images: []planImg{r1(1, nDays(1)), withStatus(r1(2, nDays(2)), lifecycle.StatusFailed)},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.FewGoodImagesProtectFailed}},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 3)), "web/1.0.0/2": unaffected(rule(plan.OutcomeProtected))}},
		{name: "L-5 FewGoodImagesProtectFailed protects the good images beyond deferred slots too",
			policy: recipePolicy(lt.Delete().Count(3)),
			images: []planImg{withStatus(r1(5, nDays(1)), lifecycle.StatusBuilding), withStatus(r1(4, nDays(2)), lifecycle.StatusBuilding),
				r1(3, nDays(3)), r1(2, nDays(4)), withStatus(r1(1, nDays(5)), lifecycle.StatusFailed)},
			opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.FewGoodImagesProtectFailed, lifecycle.DeferredTakeSlots}},
			want: map[string]verdict{"web/1.0.0/5": verdict{Deferred: true}, "web/1.0.0/4": verdict{Deferred: true}, "web/1.0.0/3": unaffected(kept(3, 3)),
				"web/1.0.0/2": unaffected(rule(plan.OutcomeProtected)), "web/1.0.0/1": unaffected(rule(plan.OutcomeProtected))},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-5"}}},
		{name: "L-6 exclusion tags do not protect failed images", policy: recipePolicy(lt.Delete().Count(1).ExcludeTag("Pin", "1")),
			images: []planImg{r1(1, nDays(1)), withTags(withStatus(r1(2, nDays(2)), lifecycle.StatusFailed), "Pin", "1"), withTags(r1(3, nDays(3)), "Pin", "1")},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/3": skipped(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-6"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/3": {"L-6"}}},
		{name: "L-6 TagsProtectFailed", policy: recipePolicy(lt.Delete().Count(1).ExcludeTag("Pin", "1")),
			images: []planImg{r1(1, nDays(1)), withTags(withStatus(r1(2, nDays(2)), lifecycle.StatusFailed), "Pin", "1")},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.TagsProtectFailed}},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": skipped(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-6"}}},
		{name: "L-7 excluded image keeps its slot", policy: recipePolicy(lt.Delete().Count(1).ExcludeTag("Pin", "1")),
			images: []planImg{withTags(r1(2, nDays(1)), "Pin", "1"), r1(1, nDays(2))},
			want:   map[string]verdict{"web/1.0.0/2": unaffected(kept(1, 1)), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-7"}}},
		{name: "L-7 ExcludeBeforeRetention", policy: recipePolicy(lt.Delete().Count(1).ExcludeTag("Pin", "1")),
			images: []planImg{withTags(r1(2, nDays(1)), "Pin", "1"), r1(1, nDays(2))},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.ExcludeBeforeRetention}},
			want:   map[string]verdict{"web/1.0.0/2": skipped(lifecycle.ActionDelete), "web/1.0.0/1": unaffected(kept(1, 1))},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-7"}}},
		{name: "L-8 a later rule acts after a skip",
			policy: recipePolicy(lt.Deprecate().Age(10, lifecycle.Days).ExcludeTag("Pin", "1"), lt.Delete().Age(20, lifecycle.Days)),
			images: []planImg{withTags(r1(1, nDays(30)), "Pin", "1")},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-8"}}},
		{name: "L-8 SkipEndsEvaluation",
			policy: recipePolicy(lt.Deprecate().Age(10, lifecycle.Days).ExcludeTag("Pin", "1"), lt.Delete().Age(20, lifecycle.Days)),
			images: []planImg{withTags(r1(1, nDays(30)), "Pin", "1")}, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.SkipEndsEvaluation}},
			want: map[string]verdict{"web/1.0.0/1": skipped(lifecycle.ActionDeprecate)}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-8"}}},
		{name: "L-9 retainAtLeast ignored on DISABLE", policy: recipePolicy(lt.Disable().Age(10, lifecycle.Days).RetainAtLeast(1)),
			images: []planImg{r1(1, nDays(20)), r1(2, nDays(30))},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDisable), "web/1.0.0/2": acted(lifecycle.ActionDisable)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-9"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-9"}}},
		{name: "L-9 HonourRetainOnDeprecateDisable", policy: recipePolicy(lt.Disable().Age(10, lifecycle.Days).RetainAtLeast(1)),
			images: []planImg{r1(1, nDays(20)), r1(2, nDays(30))}, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.HonourRetainOnDeprecateDisable}},
			want:  map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": acted(lifecycle.ActionDisable)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-9"}}},
		{name: "L-10 COUNT on DEPRECATE keeps the newest N", policy: recipePolicy(lt.Deprecate().Count(1)),
			images: []planImg{r1(1, nDays(1)), r1(2, nDays(2))},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": acted(lifecycle.ActionDeprecate)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-10"}}},
		{name: "L-10 CountOnDeprecateDisableNoAction", policy: recipePolicy(lt.Deprecate().Count(1)),
			images: []planImg{r1(1, nDays(1)), r1(2, nDays(2))}, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.CountOnDeprecateDisableNoAction}},
			want: map[string]verdict{"web/1.0.0/1": unaffected(rule(plan.OutcomeInactive)), "web/1.0.0/2": unaffected(rule(plan.OutcomeInactive))}},
		{name: "L-11 deprecated images fill slots", policy: recipePolicy(lt.Delete().Count(1)),
			images: []planImg{withStatus(r1(2, nDays(1)), lifecycle.StatusDeprecated), r1(1, nDays(2))},
			want:   map[string]verdict{"web/1.0.0/2": unaffected(kept(1, 1)), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-11"}}},
		{name: "L-11 OnlyAvailableFillSlots", policy: recipePolicy(lt.Delete().Count(1)),
			images: []planImg{withStatus(r1(2, nDays(1)), lifecycle.StatusDeprecated), r1(1, nDays(2))},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.OnlyAvailableFillSlots}},
			want:   map[string]verdict{"web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/1": unaffected(kept(1, 1))},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-11"}}},
		{name: "L-12 snapshots without AMIs predicted FAILED", policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeSnapshots()),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), amis: []index.AMI{planAMI("ami-1", planRegion, "snap-1")}}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-1": failed().with("snap-1", plan.ExecutionFailed)},
			flags:  map[string][]lifecycle.Decision{"ami-1": {"L-12"}}},
		{name: "L-12 IgnoreSnapshotsWithoutAMIs", policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeSnapshots()),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), amis: []index.AMI{planAMI("ami-1", planRegion, "snap-1")}}},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.IgnoreSnapshotsWithoutAMIs}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-12"}}},
		{name: "L-13 AMI exclusions apply to DEPRECATE", policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), amis: []index.AMI{planAMI("ami-1", "eu-west-1")}}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "ami-1": skipped(lifecycle.ActionDeprecate)},
			flags:  map[string][]lifecycle.Decision{"ami-1": {"L-13"}}},
		{name: "L-13 AMIExclusionsDeleteOnly", policy: recipePolicy(lt.Deprecate().Age(1, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), amis: []index.AMI{planAMI("ami-1", "eu-west-1")}}},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.AMIExclusionsDeleteOnly}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDeprecate), "ami-1": acted(lifecycle.ActionDeprecate)},
			flags:  map[string][]lifecycle.Decision{"ami-1": {"L-13"}}},
		{name: "L-14 AllowMixedWildcards", policy: lt.AMIPolicy("pol").Recipe("web", "x.0.x").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{r1(1, nDays(5)), {recipe: "web", version: "1.1.0", build: 1, age: nDays(5)}},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.AllowMixedWildcards}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)}, flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-14"}}},
		{name: "L-16 tie on creation time broken by build", policy: recipePolicy(lt.Delete().Count(1)), images: tie,
			want:  map[string]verdict{"web/1.0.0/2": unaffected(kept(1, 1)), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-16"}, "web/1.0.0/1": {"L-16"}}},
		{name: "L-16 every image of a tie across the slot boundary is flagged",
			policy: recipePolicy(lt.Delete().Count(2)),
			images: []planImg{r1(4, nDays(1)), r1(3, nDays(1)), r1(2, nDays(1)), r1(1, nDays(2))},
			want:   map[string]verdict{"web/1.0.0/4": unaffected(kept(1, 2)), "web/1.0.0/3": unaffected(kept(2, 2)), "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/4": {"L-16"},
				"web/1.0.0/3": {"L-16"}, "web/1.0.0/2": {"L-16"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-16"}}},
		{name: "L-16 CreationTimeFromCompletion", policy: recipePolicy(lt.Delete().Count(1)), images: tie,
			opts:  plan.Options{Readings: []lifecycle.Decision{lifecycle.CreationTimeFromCompletion}},
			want:  map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-16"}}},
		{name: "L-17 never-launched AMIs are not excluded", policy: llPolicy, images: launched,
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-never": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"ami-never": {"L-17"}}},
		{name: "L-17 NeverLaunchedExcluded", policy: llPolicy, images: launched, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.NeverLaunchedExcluded}},
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-never": skipped(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"ami-never": {"L-17"}}},
		{name: "L-15 an image matched by several entries is evaluated once",
			policy: lt.AMIPolicy("pol").Recipe("web", "x.x.x").Recipe("web", "1.0.x").Recipe("web", "1.0.0").Rule(lt.Delete().Count(1)),
			images: []planImg{r1(1, nDays(1)), r1(2, nDays(2))},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": acted(lifecycle.ActionDelete)}},
		{name: "L-17 a launch exactly at the window start is within it",
			policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{LastLaunched: &lifecycle.LastLaunched{Value: 30, Unit: lifecycle.Days}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(40), amis: []index.AMI{
				func() index.AMI {
					a := planAMI("ami-edge", planRegion)
					a.LastLaunched = planNow.Add(-nDays(30))
					return a
				}(),
				func() index.AMI {
					a := planAMI("ami-out", planRegion)
					a.LastLaunched = planNow.Add(-nDays(30) - 1)
					return a
				}(),
			}}},
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-edge": skipped(lifecycle.ActionDelete), "ami-out": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"ami-edge": {"L-17", "L-P6"}}},
		{name: "L-P2 retainAtLeast on COUNT is ignored",
			policy: recipePolicy(lt.Delete().Count(1).RetainAtLeast(3)),
			images: []planImg{r1(1, nDays(1)), r1(2, nDays(2)), r1(3, nDays(3))},
			want:   map[string]verdict{"web/1.0.0/1": unaffected(kept(1, 1)), "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/3": acted(lifecycle.ActionDelete)}},
		{name: "L-18 empty selection value matches only the empty value",
			policy: lt.AMIPolicy("pol").SelectTag("Team", "").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{withTags(r1(1, nDays(5)), "Team", ""), withTags(r1(2, nDays(5)), "Team", "web")},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)}},
		{name: "L-18 EmptyTagValueMatchesAny",
			policy: lt.AMIPolicy("pol").SelectTag("Team", "").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{withTags(r1(1, nDays(5)), "Team", ""), withTags(r1(2, nDays(5)), "Team", "web")},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.EmptyTagValueMatchesAny}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "web/1.0.0/2": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-18"}}},
		{name: "L-19 EvaluateDisabledPolicy", policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days)).Edit(func(p *lifecycle.Policy) { p.Status = lifecycle.PolicyDisabled }),
			images: []planImg{r1(1, nDays(5))}, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.EvaluateDisabledPolicy}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)}},
		{name: "L-20 DeferredTakeSlots", policy: recipePolicy(lt.Delete().Count(1)),
			images: []planImg{withStatus(r1(3, nDays(1)), lifecycle.StatusTesting), r1(2, nDays(2)), r1(1, nDays(3))},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.DeferredTakeSlots}},
			want:   map[string]verdict{"web/1.0.0/3": verdict{Deferred: true}, "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/2": {"L-20"}}},
		{name: "L-21 names compared in ARN form by default", policy: lt.AMIPolicy("pol").Recipe("MY Recipe", "1.0.0").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{{recipe: "My Recipe", version: "1.0.0", build: 1, age: nDays(5)}},
			want:   map[string]verdict{"My Recipe/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"My Recipe/1.0.0/1": {"L-21"}}},
		{name: "L-21 an exact name is not flagged", policy: lt.AMIPolicy("pol").Recipe("My Recipe", "1.0.0").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{{recipe: "My Recipe", version: "1.0.0", build: 1, age: nDays(5)}},
			want:   map[string]verdict{"My Recipe/1.0.0/1": acted(lifecycle.ActionDelete)},
			noFlag: map[string][]lifecycle.Decision{"My Recipe/1.0.0/1": {"L-21"}}},
		{name: "L-21 ExactRecipeNames", policy: lt.AMIPolicy("pol").Recipe("MY Recipe", "1.0.0").Rule(lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{{recipe: "My Recipe", version: "1.0.0", build: 1, age: nDays(5)}},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.ExactRecipeNames}},
			want:   map[string]verdict{}},
		{name: "L-P1 ModelOnlyValidation: both selectors, either matches; first of repeated actions",
			policy: lt.AMIPolicy("pol").Recipe("web", "1.0.0").SelectTag("Team", "web").
				Rule(lt.Delete().Age(50, lifecycle.Days), lt.Delete().Age(1, lifecycle.Days)),
			images: []planImg{r1(1, nDays(60)), r1(2, nDays(10)), withTags(planImg{recipe: "api", version: "1.0.0", build: 1, age: nDays(70)}, "Team", "web")},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.ModelOnlyValidation}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "web/1.0.0/2": unaffected(rule(plan.OutcomeTooYoung)), "api/1.0.0/1": acted(lifecycle.ActionDelete)}},
		{name: "L-P5 permission failures are not predicted by default", policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().IncludeSnapshots()),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), amis: []index.AMI{
				func() index.AMI {
					a := planAMI("ami-untagged", planRegion, "snap-1")
					a.Tags = nil
					return a
				}()}}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-untagged": acted(lifecycle.ActionDelete).with("snap-1", plan.ExecutionSuccess)}},
		{name: "L-P5 PredictPermissionFailures", policy: recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().IncludeSnapshots()),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(5), amis: []index.AMI{
				func() index.AMI {
					a := planAMI("ami-untagged", planRegion, "snap-1")
					a.Tags = nil
					return a
				}(),
				planAMI("ami-tagged", planRegion, "snap-2")}}},
			opts:  plan.Options{Readings: []lifecycle.Decision{lifecycle.PredictPermissionFailures}},
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-untagged": failed().with("snap-1", plan.ExecutionFailed), "ami-tagged": acted(lifecycle.ActionDelete).with("snap-2", plan.ExecutionSuccess)},
			flags: map[string][]lifecycle.Decision{"ami-untagged": {"L-P5"}}},
	})
}

func TestDryRunDisabledPolicy(t *testing.T) {
	p := recipePolicy(lt.Delete().Age(1, lifecycle.Days)).Edit(func(p *lifecycle.Policy) { p.Status = lifecycle.PolicyDisabled }).Build()
	pl := mustPlan(t, p, indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(5)}), plan.Options{})
	if pl.Evaluated || pl.HasImpactedResources || len(pl.Resources) != 0 || len(pl.Unaffected) != 0 || pl.Note == "" {
		t.Errorf("DISABLED policy plan = %+v, want an empty, not evaluated plan with a note", pl)
	}
	if diff := cmp.Diff([]lifecycle.Decision{"L-19"}, pl.Decisions); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
}

func TestDryRunErrors(t *testing.T) {
	good := recipePolicy(lt.Delete().Age(1, lifecycle.Days)).Build()
	bad := recipePolicy(lt.Delete().Age(0, lifecycle.Days)).Build()
	mixed := lt.AMIPolicy("pol").Recipe("web", "x.1.x").Rule(lt.Delete().Age(1, lifecycle.Days)).Build()
	both := lt.AMIPolicy("pol").Recipe("web", "1.0.0").SelectTag("Team", "web").Rule(lt.Delete().Age(1, lifecycle.Days)).Build()
	idx := indexOf()
	tests := []struct {
		name   string
		policy *lifecycle.Policy
		idx    *inventory.Index
		now    time.Time
		opts   plan.Options
		is     error
		field  string
	}{
		{"no now", &good, idx, time.Time{}, plan.Options{}, lifecycle.ErrInvalid, "now"},
		{"now after year 9999", &good, idx, time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), plan.Options{}, lifecycle.ErrInvalid, "now"},
		{"nil policy", nil, idx, planNow, plan.Options{}, lifecycle.ErrInvalid, "policy"},
		{"nil index", &good, nil, planNow, plan.Options{}, lifecycle.ErrInvalid, "index"},
		{"invalid policy", &bad, idx, planNow, plan.Options{}, lifecycle.ErrInvalid, ""},
		{"mixed wildcard without the option", &mixed, idx, planNow, plan.Options{}, lifecycle.ErrInvalid, ""},
		{"both selectors without ModelOnlyValidation", &both, idx, planNow, plan.Options{}, lifecycle.ErrInvalid, ""},
		{"a decision without another reading", &good, idx, planNow, plan.Options{Readings: []lifecycle.Decision{"L-22"}}, lifecycle.ErrUnknown, "Readings"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl, err := plan.DryRun(tc.policy, tc.idx, tc.now, tc.opts)
			if pl != nil || !errors.Is(err, tc.is) {
				t.Fatalf("DryRun = %v, %v; want nil, an error wrapping %v", pl, err, tc.is)
			}
			var pe *lifecycle.Error
			if tc.field != "" && (!errors.As(err, &pe) || pe.Path != tc.field) {
				t.Errorf("error %v does not name %s", err, tc.field)
			}
			if _, ferr := plan.Forecast(tc.policy, tc.idx, tc.now, 3, tc.opts); !errors.Is(ferr, tc.is) {
				t.Errorf("Forecast error = %v, want %v", ferr, tc.is)
			}
		})
	}
	_, err := plan.Forecast(&good, idx, planNow, -1, plan.Options{})
	if !errors.Is(err, lifecycle.ErrInvalid) {
		t.Errorf("Forecast(days=-1) error = %v", err)
	}
	// The message names the argument, the value and what is expected.
	if want := `lifecycle: invalid days "-1": is out of range; give 0 to 36600 days`; err == nil || err.Error() != want {
		t.Errorf("Forecast(days=-1) error = %v, want %q", err, want)
	}
}

func TestDryRunSummaryAndReasons(t *testing.T) {
	p := recipePolicy(
		lt.Deprecate().Age(30, lifecycle.Days).IncludeAMIs(),
		lt.Delete().Count(1).IncludeAMIs().IncludeSnapshots().ExcludeTag("Pin", "yes").ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}}),
	).Build()
	idx := indexOf(
		planImg{recipe: "web", version: "1.0.0", build: 3, age: nDays(10), amis: []index.AMI{planAMI("ami-3", planRegion, "snap-3")}},
		planImg{recipe: "web", version: "1.0.0", build: 2, age: nDays(40), amis: []index.AMI{planAMI("ami-2", planRegion, "snap-2")}},
		planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), status: lifecycle.StatusDeprecated,
			amis: []index.AMI{planAMI("ami-1a", planRegion, "snap-1a", "snap-1b"), planAMI("ami-1b", "eu-west-1", "snap-1c")}},
		planImg{recipe: "web", version: "1.0.0", build: 4, age: nDays(1), status: lifecycle.StatusPending},
		planImg{recipe: "web", version: "1.0.0", build: 5, age: nDays(60), status: lifecycle.StatusDeprecated, tags: lifecycle.Tags{"Pin": "yes"}},
	)
	pl := mustPlan(t, p, idx, plan.Options{})
	want := plan.Summary{
		InScope: 5, Deferred: 1, Unaffected: 2,
		Images:    plan.Counts{Deprecate: 1, Delete: 1, Skipped: 1},
		AMIs:      plan.Counts{Deprecate: 1, Delete: 1, Skipped: 1},
		Snapshots: plan.Counts{Delete: 2},
	}
	if diff := cmp.Diff(want, pl.Summary); diff != "" {
		t.Errorf("summary (-want +got):\n%s", diff)
	}
	if !pl.HasImpactedResources {
		t.Error("HasImpactedResources = false")
	}
	var kept plan.UnaffectedImage
	for _, u := range pl.Unaffected {
		if u.ResourceID == arnOf("web", "1.0.0", 3) {
			kept = u
		}
	}
	wantKept := plan.UnaffectedImage{
		ResourceID: arnOf("web", "1.0.0", 3),
		Status:     lifecycle.StatusAvailable,
		Reason:     "DEPRECATE: younger than 30 DAYS by 20 days; DELETE: kept in slot 1 of 1 of its recipe version",
		Rules: []plan.RuleVerdict{
			{Rule: 0, Action: lifecycle.ActionDeprecate, Outcome: plan.OutcomeTooYoung, Margin: nDays(20), Reason: "younger than 30 DAYS by 20 days"},
			{Rule: 1, Action: lifecycle.ActionDelete, Outcome: plan.OutcomeKept, Slot: 1, Slots: 1, Reason: "kept in slot 1 of 1 of its recipe version"},
		},
		Decisions: []lifecycle.Decision{"L-20"},
	}
	if diff := cmp.Diff(wantKept, kept); diff != "" {
		t.Errorf("kept image (-want +got):\n%s", diff)
	}
	// Order: the group newest first, each image followed by its resources.
	var order []string
	for _, r := range pl.Resources {
		order = append(order, r.ResourceID)
	}
	wantOrder := []string{arnOf("web", "1.0.0", 2), "ami-2", arnOf("web", "1.0.0", 1), "ami-1b", "ami-1a", arnOf("web", "1.0.0", 5)}
	if diff := cmp.Diff(wantOrder, order); diff != "" {
		t.Errorf("resource order (-want +got):\n%s", diff)
	}
}

func TestDryRunCopiesWarnings(t *testing.T) {
	pl := mustPlan(t, recipePolicy(lt.Delete().Count(1).RetainAtLeast(3), lt.Disable().Count(2)).Build(),
		indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(5)}), plan.Options{})
	var codes []string
	for _, f := range pl.Warnings {
		codes = append(codes, f.Code)
	}
	for _, want := range []string{"retain-on-count", "count-on-deprecate-disable"} {
		if !slices.Contains(codes, want) {
			t.Errorf("plan warnings %v lack %s", codes, want)
		}
	}
}

func TestDryRunNoImpact(t *testing.T) {
	pl := mustPlan(t, recipePolicy(lt.Delete().Count(5)).Build(),
		indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(500)}), plan.Options{})
	if pl.HasImpactedResources || len(pl.Resources) != 0 || len(pl.Unaffected) != 1 {
		t.Errorf("plan = %+v; want no impact and one unaffected image", pl)
	}
}

func TestDryRunEmptyIndex(t *testing.T) {
	pl := mustPlan(t, recipePolicy(lt.Delete().Count(5)).Build(), index.New(nil, nil), plan.Options{})
	b, err := json.Marshal(pl)
	require.NoError(t, err)
	// The selection finds nothing, and the plan says so.
	for _, want := range []string{`"resources":[]`, `"unaffected":[]`, `"groups":[]`, `"code":"selects-nothing"`, `"notEvaluated":[]`, `"decisions":[]`, `"hasImpactedResources":false`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON of an empty plan lacks %s: %s", want, b)
		}
	}
}

func TestDryRunUndescribedAMI(t *testing.T) {
	undescribed := index.AMI{ID: "ami-unknown", Region: planRegion, AccountID: planAccount}
	described := planAMI("ami-known", planRegion)
	p := recipePolicy(lt.Delete().Age(1, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{IsPublic: true})).Build()
	pl := mustPlan(t, p, indexOf(planImg{recipe: "web", version: "1.0.0", build: 1, age: nDays(5),
		amis: []index.AMI{undescribed, described}}), plan.Options{})
	got := map[string]plan.ExecutionState{}
	for _, r := range pl.Resources[1:] {
		got[r.ResourceID] = r.State
	}
	want := map[string]plan.ExecutionState{
		"ami-known": {Status: plan.ExecutionSuccess},
		"ami-unknown": {Status: plan.ExecutionSuccess,
			Reason: "predicted acted on: the inventory lacks its EC2 description (tags, public flag, last launch), which the rule's exclusionRules.amis need, so no exclusion can be shown to match"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("AMI states (-want +got):\n%s", diff)
	}
}
