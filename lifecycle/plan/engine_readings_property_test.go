package plan_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/require"
)

// actedResources returns every resource a plan acts on (SUCCESS):
// images, AMIs, snapshots and container images, each with the image it
// belongs to (itself for an image).
func actedResources(pl *plan.Plan) map[string]string {
	out := map[string]string{}
	for _, r := range pl.Resources {
		if r.Action == nil {
			continue
		}
		parent := r.ParentResourceID
		if parent == "" {
			parent = r.ResourceID
		}
		if r.State.Status == plan.ExecutionSuccess {
			out[r.ResourceID] = parent
		}
		for _, sn := range r.Snapshots {
			if sn.State.Status == plan.ExecutionSuccess {
				out[sn.SnapshotID] = parent
			}
		}
	}
	return out
}

// TestPropertyDefaultsActAtLeastAsMuch checks the rule for choosing a
// default where the documentation leaves a point open: the default is the
// reading under which the service acts, so the option for the other
// reading never acts on a resource the default leaves alone. Decisions
// whose default the documentation itself gives (L-20: builds in progress
// take no part, so no slot) are not listed.
func TestPropertyDefaultsActAtLeastAsMuch(t *testing.T) {
	readings := []struct {
		decision lifecycle.Decision
		set      func(*plan.Options)
	}{
		{"L-4", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.FailedRespectAge) }},
		{"L-5", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.FewGoodImagesProtectFailed) }},
		{"L-6", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.TagsProtectFailed) }},
		{"L-8", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.SkipEndsEvaluation) }},
		{"L-10", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.CountOnDeprecateDisableNoAction) }},
		{"L-17", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.NeverLaunchedExcluded) }},
		{"L-21", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.ExactRecipeNames) }},
		{"L-27", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.RecipeSelectionNeedsRecipe) }},
		{"L-28", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.SharedAccountsIncludeOwners) }},
		{"L-30", func(o *plan.Options) { o.Readings = append(o.Readings, lifecycle.AMIExclusionProtectsImage) }},
	}
	for _, rd := range readings {
		t.Run(string(rd.decision), func(t *testing.T) {
			for seed := uint64(0); seed < propertyRuns/2; seed++ {
				g := newPlanGen(seed)
				p, idx, o := g.policy(), g.inventory(), g.options()
				base := actedResources(mustPlan(t, p, idx, o))
				rd.set(&o)
				// One action per image per run: the other reading may pick a
				// later rule for an image the default acts on too, and that
				// rule may include other output resources.
				for id, parent := range actedResources(mustPlan(t, p, idx, o)) {
					if _, ok := base[id]; !ok && base[parent] != parent {
						t.Fatalf("seed %d: the other reading of %s acts on %s, which the default leaves alone", seed, rd.decision, id)
					}
				}
			}
		})
	}
}

// TestPropertyForeignImagesChangeNothing checks Decision L-26: adding
// images of another Region or account to the inventory never changes the
// verdicts on the images of the policy's own Region and account.
func TestPropertyForeignImagesChangeNothing(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		o.Region, o.AccountID = planRegion, planAccount
		want := verdicts(mustPlan(t, p, idx, o))

		images := slices.Clone(index.Images(idx))
		for _, img := range index.Images(g.inventory()) {
			if g.chance(0.5) {
				img.Region = otherRegion
			} else {
				img.AccountID = otherAccount
			}
			img.ARN = arnIn(img.Region, img.AccountID, img.ARNName, img.Version.String(), img.Build)
			img.AMIs = slices.Clone(img.AMIs)
			for j := range img.AMIs {
				img.AMIs[j].ID = "foreign-" + img.AMIs[j].ID
			}
			images = append(images, img)
		}
		slices.SortFunc(images, func(a, b index.Image) int { return strings.Compare(a.ARN, b.ARN) })
		got := verdicts(mustPlan(t, p, index.New(images, nil), o))
		for id, v := range want {
			require.Empty(t, cmp.Diff(v, got[id]), "seed %d: %s with foreign images in the inventory (-without +with)", seed, id)
		}
		for id, v := range got {
			if _, ok := want[id]; !ok {
				require.Equal(t, verdict{OutOfScope: true}, v, "seed %d: foreign resource %s", seed, id)
			}
		}
	}
}
