package plan_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// TestForecastJumpsMatchEveryDay checks on random inventories, policies and
// readings that jumping from event to event gives exactly the timeline of
// simulating every day, and computes no more runs.
func TestForecastJumpsMatchEveryDay(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns/4; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		now := planNow
		if g.chance(0.3) {
			now = now.Add(time.Duration(g.r.IntN(48)) * time.Hour) // runs at other times of day
		}
		days := 30 + g.r.IntN(400)
		jump, runs, err := plan.ForecastRuns(&p, idx, now, days, o, false)
		require.NoError(t, err)
		every, all, err := plan.ForecastRuns(&p, idx, now, days, o, true)
		require.NoError(t, err)
		a, _ := json.Marshal(jump)
		b, _ := json.Marshal(every)
		if diff := cmp.Diff(string(b), string(a)); diff != "" {
			t.Fatalf("seed %d: jumping changed the timeline (-every day +jumping):\n%s", seed, diff)
		}
		if runs > all || all != days+1 {
			t.Fatalf("seed %d: %d runs jumping, %d every day, for %d days", seed, runs, all, days)
		}
	}
}

// TestForecastCostFollowsChanges guards the cost of long forecasts: with a
// policy that never acts, a ten-year forecast of 50,000 images computes a
// handful of runs, not one a day.
func TestForecastCostFollowsChanges(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 50,000 images")
	}
	idx := engineBenchIndex(50_000)
	tests := []struct {
		name    string
		detail  lifecycle.PolicyDetail
		maxRuns int
	}{
		// Every group holds at most a few images: COUNT 100 keeps them all
		// (DEPRECATE skips FAILED images), and no age cutoff moves.
		{"count", lifecycle.PolicyDetail{Action: lifecycle.Action{Type: lifecycle.ActionDeprecate},
			Filter: lifecycle.Filter{Type: lifecycle.FilterCount, Value: 100}}, 1},
		// No image reaches an age of 1000 years within ten years.
		{"age", lifecycle.PolicyDetail{Action: lifecycle.Action{Type: lifecycle.ActionDeprecate},
			Filter: lifecycle.Filter{Type: lifecycle.FilterAge, Value: 1000, Unit: lifecycle.Years}}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := engineBenchPolicy()
			p.PolicyDetails = []lifecycle.PolicyDetail{tt.detail}
			tl, runs, err := plan.ForecastRuns(p, idx, engineBenchNow, 3650, plan.Options{}, false)
			require.NoError(t, err)
			if len(tl.Runs) != 0 {
				t.Fatalf("the policy acts: %d runs", len(tl.Runs))
			}
			if runs > tt.maxRuns {
				t.Errorf("computed %d runs, want at most %d", runs, tt.maxRuns)
			}
		})
	}
}

// TestForecastTimeRange checks that a forecast that would leave the years
// 0000 to 9999 is refused instead of producing dates that cannot be
// written.
func TestForecastTimeRange(t *testing.T) {
	g := newPlanGen(1)
	p, idx := g.policy(), g.inventory()
	now := time.Date(9999, 12, 1, 0, 0, 0, 0, time.UTC)
	if _, err := plan.Forecast(&p, idx, now, 60, plan.Options{}); err == nil {
		t.Error("a forecast into the year 10000 was accepted")
	}
	tl, err := plan.Forecast(&p, idx, now, 30, plan.Options{})
	require.NoError(t, err)
	if _, err := json.Marshal(tl); err != nil {
		t.Errorf("timeline cannot be written: %v", err)
	}
}

// BenchmarkForecastTenYears forecasts 3,650 days of 50,000 images under
// a policy that never acts: one run is computed instead of 3,651.
func BenchmarkForecastTenYears(b *testing.B) {
	idx := engineBenchIndex(50_000)
	p := engineBenchPolicy()
	p.PolicyDetails = []lifecycle.PolicyDetail{{Action: lifecycle.Action{Type: lifecycle.ActionDeprecate},
		Filter: lifecycle.Filter{Type: lifecycle.FilterAge, Value: 1000, Unit: lifecycle.Years}}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := plan.Forecast(p, idx, engineBenchNow, 3650, plan.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
