package plan_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/ibkit/ibkit/semver"
)

// referencePlan restates the dry-run's steps under the default readings as
// directly as possible, without any of the engine's optimisations, and
// returns resourceId → verdict in the form of referenceVerdicts. It is the
// slow oracle of TestPropertyMatchesReference. The index must hold images
// of one Region and account (the generator's), which is then the scope
// (L-26).
func referencePlan(p lifecycle.Policy, idx *inventory.Index, now time.Time) map[string]string {
	out := map[string]string{}
	// Step 2: scope.
	var want lifecycle.ImageType = "AMI"
	if p.ResourceType == lifecycle.ResourceTypeContainer {
		want = "DOCKER"
	}
	selected := func(im *index.Image) bool {
		// L-21: the ARN forms of the names are compared; L-27: an
		// imported image is matched like any other.
		for _, r := range p.ResourceSelection.Recipes {
			entry := strings.ToLower(strings.ReplaceAll(r.Name, " ", "-"))
			if f, err := semver.ParseFilter(r.SemanticVersion); err == nil && im.ARNName == entry && f.Match(im.Version) {
				return true
			}
		}
		for k, v := range p.ResourceSelection.TagMap {
			if w, ok := im.Tags[k]; ok && w == v {
				return true
			}
		}
		return false
	}
	groups := map[string][]*index.Image{}
	for i := range index.Images(idx) {
		im := &index.Images(idx)[i]
		if im.Type != want || im.Status == lifecycle.StatusDeleted || !selected(im) {
			continue
		}
		// Step 3: deferral.
		if im.Status.InProgress() {
			out[im.ARN] = "DEFERRED"
			continue
		}
		key := im.ARN[:strings.LastIndex(im.ARN, "/")] // up to the version x.y.z
		groups[key] = append(groups[key], im)
	}
	// The rules in priority order, the first of each action.
	var rules []int
	for _, a := range []lifecycle.ActionType{lifecycle.ActionDeprecate, lifecycle.ActionDisable, lifecycle.ActionDelete} {
		for i, d := range p.PolicyDetails {
			if d.Action.Type == a {
				rules = append(rules, i)
				break
			}
		}
	}
	cutoff := func(v int, u lifecycle.TimeUnit) time.Time {
		switch u {
		case lifecycle.Days:
			return now.AddDate(0, 0, -v)
		case lifecycle.Weeks:
			return now.AddDate(0, 0, -7*v)
		case lifecycle.Years:
			v *= 12
		}
		// L-1: calendar months, clamped to the end of a shorter month.
		first := time.Date(now.Year(), now.Month()-time.Month(v), 1, 0, 0, 0, 0, time.UTC)
		if last := first.AddDate(0, 1, -1); now.Day() > last.Day() {
			return last.Add(24*time.Hour - time.Nanosecond)
		}
		return time.Date(first.Year(), first.Month(), now.Day(), now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), time.UTC)
	}
	for _, g := range groups {
		// Step 4: newest first, then highest build, then ARN.
		slices.SortFunc(g, func(a, b *index.Image) int {
			if c := b.Created.Compare(a.Created); c != 0 {
				return c
			}
			if a.Build != b.Build {
				if a.Build > b.Build {
					return -1
				}
				return 1
			}
			return strings.Compare(a.ARN, b.ARN)
		})
		// Step 5: qualification per rule.
		qualifies := map[int]map[string]bool{}
		for _, ri := range rules {
			d := p.PolicyDetails[ri]
			slots := 0
			if d.Filter.Type == lifecycle.FilterCount {
				slots = d.Filter.Value
			} else if d.Action.Type == lifecycle.ActionDelete {
				slots = d.Filter.Retain()
			}
			qualifies[ri] = map[string]bool{}
			for _, im := range g {
				// L-4: a failed build qualifies whatever its age.
				old := d.Filter.Type == lifecycle.FilterCount || im.Status.Unsuccessful() ||
					im.Created.Before(cutoff(d.Filter.Value, d.Filter.Unit))
				if !im.Status.Unsuccessful() && slots > 0 {
					slots--
					continue
				}
				qualifies[ri][im.ARN] = old
			}
		}
		// Step 6: one action per image.
		for _, im := range g {
			verdict := "-"
			for _, ri := range rules {
				d := p.PolicyDetails[ri]
				s := im.Status
				switch d.Action.Type {
				case lifecycle.ActionDeprecate:
					if s == lifecycle.StatusDeprecated || s == lifecycle.StatusDisabled || s.Unsuccessful() {
						continue
					}
				case lifecycle.ActionDisable:
					if s == lifecycle.StatusDisabled || s.Unsuccessful() {
						continue
					}
				}
				if !qualifies[ri][im.ARN] {
					continue
				}
				// L-6: exclusion tags do not protect failed builds.
				if d.ExclusionRules != nil && !s.Unsuccessful() && hasAnyTag(im.Tags, d.ExclusionRules.TagMap) {
					if verdict == "-" {
						verdict = "SKIPPED " + string(d.Action.Type)
					}
					continue
				}
				verdict = string(d.Action.Type)
				// Step 7: the AMIs.
				inc := d.Action.Includes()
				for j := range im.AMIs {
					a := &im.AMIs[j]
					var ex *lifecycle.AMIExclusionRules
					if d.ExclusionRules != nil {
						ex = d.ExclusionRules.AMIs
					}
					excluded := amiExcludedOracle(ex, a, now)
					switch {
					case inc.AMIs && excluded:
						out[a.ID] = "SKIPPED " + string(d.Action.Type)
					case inc.AMIs:
						out[a.ID] = string(d.Action.Type)
					case inc.Snapshots && d.Action.Type == lifecycle.ActionDelete && !excluded && len(a.Snapshots) > 0:
						out[a.ID] = "FAILED"
					}
				}
				break
			}
			out[im.ARN] = verdict
		}
	}
	return out
}

// referenceVerdicts reduces a plan to the form of referencePlan.
func referenceVerdicts(pl *plan.Plan) map[string]string {
	out := map[string]string{}
	for _, r := range pl.Resources {
		switch r.State.Status {
		case plan.ExecutionSuccess:
			out[r.ResourceID] = string(r.Action.Name)
		case plan.ExecutionSkipped:
			out[r.ResourceID] = "SKIPPED " + string(r.Action.Name)
		default:
			out[r.ResourceID] = "FAILED"
		}
	}
	for _, u := range pl.Unaffected {
		if u.Deferred {
			out[u.ResourceID] = "DEFERRED"
		} else {
			out[u.ResourceID] = "-"
		}
	}
	return out
}

// TestPropertyMatchesReference compares the engine under the default
// readings with the direct restatement of the reference algorithm.
func TestPropertyMatchesReference(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns; seed++ {
		g := newPlanGen(seed)
		p, idx := g.policy(), g.inventory()
		pl := mustPlan(t, p, idx, plan.Options{})
		want := referencePlan(p, idx, planNow)
		got := referenceVerdicts(pl)
		for id, w := range want {
			if got[id] != w {
				t.Fatalf("seed %d: %s: engine says %q, the reference %q", seed, id, got[id], w)
			}
		}
		for id, v := range got {
			if _, ok := want[id]; !ok {
				t.Fatalf("seed %d: %s: engine says %q, the reference has no record", seed, id, v)
			}
		}
	}
}
