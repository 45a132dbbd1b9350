package plan_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/ibkit/ibkit/semver"
	"github.com/stretchr/testify/require"
)

// The property tests draw random policies and inventories from a seeded
// generator, so that every failure can be replayed from its seed.

const propertyRuns = 1000

type planGen struct{ r *rand.Rand }

func newPlanGen(seed uint64) *planGen { return &planGen{rand.New(rand.NewPCG(seed, 0x1b1c))} }

func (g *planGen) pick(xs ...string) string { return xs[g.r.IntN(len(xs))] }
func (g *planGen) chance(p float64) bool    { return g.r.Float64() < p }

var propStatuses = []lifecycle.ImageStatus{
	lifecycle.StatusAvailable, lifecycle.StatusAvailable, lifecycle.StatusAvailable, lifecycle.StatusAvailable,
	lifecycle.StatusAvailable, lifecycle.StatusDeprecated, lifecycle.StatusDisabled, lifecycle.StatusFailed,
	lifecycle.StatusCancelled, lifecycle.StatusBuilding, lifecycle.StatusDeleted,
}

// inventory draws an index of up to 60 images in a few recipe-version
// groups.
func (g *planGen) inventory() *inventory.Index {
	var images []index.Image
	n := 1 + g.r.IntN(60)
	builds := map[string]uint64{}
	for i := 0; i < n; i++ {
		recipe := g.pick("web", "api", "db-main")
		version := g.pick("1.0.0", "1.0.1", "1.1.0", "2.0.0")
		builds[recipe+version]++
		m := planImg{
			recipe: recipe, version: version, build: builds[recipe+version],
			age:      nDays(float64(g.r.IntN(400))) + time.Duration(g.r.IntN(24))*time.Hour,
			status:   propStatuses[g.r.IntN(len(propStatuses))],
			imported: g.chance(0.1),
		}
		if g.chance(0.1) {
			m.recipe = strings.ToUpper(recipe[:1]) + recipe[1:] // same ARN, other name (L-21)
		}
		if g.chance(0.1) {
			m.age = nDays(30) // ties and exact boundaries
		}
		m.tags = lifecycle.Tags{}
		for _, kv := range [][2]string{{"Pin", "yes"}, {"Team", "web"}, {"Env", "prod"}} {
			if g.chance(0.3) {
				m.tags[kv[0]] = kv[1]
			}
		}
		for j := g.r.IntN(3); j > 0; j-- {
			a := planAMI(fmt.Sprintf("ami-%d-%d", i, j), g.pick("us-east-1", "eu-west-1", "us-west-2"))
			for k := g.r.IntN(3); k > 0; k-- {
				a.Snapshots = append(a.Snapshots, fmt.Sprintf("snap-%d-%d-%d", i, j, k))
			}
			a.Public = g.chance(0.2)
			if g.chance(0.3) {
				a.Tags = append(a.Tags, index.Tag{Key: "Keep", Value: "1"})
			}
			if g.chance(0.3) {
				a.SharedAccounts = []string{g.pick("111111111111", "222222222222")}
			}
			if g.chance(0.5) {
				a.LastLaunched = planNow.Add(-nDays(float64(g.r.IntN(100))))
			}
			if g.chance(0.2) {
				a.AccountID = "111111111111" // distributed into a listed account (L-28)
			}
			switch {
			case g.chance(0.1): // no EC2 description (L-29)
				a = index.AMI{ID: a.ID, Region: a.Region, AccountID: a.AccountID, PermissionsKnown: a.PermissionsKnown}
			case g.chance(0.1): // no launch permissions (L-29)
				a.PermissionsKnown, a.SharedAccounts = false, nil
			}
			m.amis = append(m.amis, a)
		}
		images = append(images, m.indexed())
	}
	return index.New(images, nil)
}

// policy draws a valid AMI policy with one to three rules of distinct
// actions.
func (g *planGen) policy() lifecycle.Policy {
	p := lifecycle.Policy{Name: "prop-policy", ResourceType: lifecycle.ResourceTypeAMI,
		ExecutionRole: "arn:aws:iam::123456789012:role/LifecycleRole"}
	if g.chance(0.7) {
		p.ResourceSelection.Recipes = []lifecycle.RecipeSelection{{Name: "web", SemanticVersion: "x.x.x"}}
		if g.chance(0.5) {
			p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes, lifecycle.RecipeSelection{Name: "api", SemanticVersion: "1.x.x"})
		}
	} else {
		p.ResourceSelection.TagMap = lifecycle.Tags{"Team": "web", "Env": "prod"}
	}
	actions := []lifecycle.ActionType{lifecycle.ActionDeprecate, lifecycle.ActionDisable, lifecycle.ActionDelete}
	g.r.Shuffle(len(actions), func(i, j int) { actions[i], actions[j] = actions[j], actions[i] })
	for _, a := range actions[:1+g.r.IntN(3)] {
		d := lifecycle.PolicyDetail{Action: lifecycle.Action{Type: a}}
		if a == lifecycle.ActionDelete && g.chance(0.5) {
			d.Filter = lifecycle.Filter{Type: lifecycle.FilterCount, Value: 1 + g.r.IntN(5)}
		} else {
			d.Filter = lifecycle.Filter{Type: lifecycle.FilterAge, Value: 1 + g.r.IntN(300),
				Unit: lifecycle.TimeUnit(g.pick("DAYS", "DAYS", "WEEKS", "MONTHS"))}
			if a == lifecycle.ActionDelete && g.chance(0.5) {
				n := 1 + g.r.IntN(4)
				d.Filter.RetainAtLeast = &n
			}
		}
		if g.chance(0.7) {
			d.Action.IncludeResources = &lifecycle.IncludeResources{AMIs: true, Snapshots: a == lifecycle.ActionDelete && g.chance(0.7)}
		}
		if g.chance(0.5) {
			d.ExclusionRules = &lifecycle.ExclusionRules{}
			if g.chance(0.6) {
				d.ExclusionRules.TagMap = lifecycle.Tags{"Pin": "yes"}
			}
			if g.chance(0.7) {
				ex := &lifecycle.AMIExclusionRules{IsPublic: g.chance(0.5)}
				if g.chance(0.5) {
					ex.Regions = []string{"eu-west-1"}
				}
				if g.chance(0.5) {
					ex.TagMap = lifecycle.Tags{"Keep": "1"}
				}
				if g.chance(0.5) {
					ex.SharedAccounts = []string{"111111111111"}
				}
				if g.chance(0.5) {
					ex.LastLaunched = &lifecycle.LastLaunched{Value: 1 + g.r.IntN(60), Unit: lifecycle.Days}
				}
				d.ExclusionRules.AMIs = ex
			}
		}
		p.PolicyDetails = append(p.PolicyDetails, d)
	}
	return p
}

// options draws interpretation options; with safe set, only those under
// which the monotonicity properties hold.
func (g *planGen) options() plan.Options {
	var o plan.Options
	for _, d := range []lifecycle.Decision{lifecycle.FixedMonthYear, lifecycle.InclusiveAgeBoundary,
		lifecycle.RetainOnlyAged, lifecycle.FailedRespectAge, lifecycle.TagsProtectFailed,
		lifecycle.FewGoodImagesProtectFailed, lifecycle.DeferredTakeSlots, lifecycle.CreationTimeFromCompletion,
		lifecycle.NeverLaunchedExcluded, lifecycle.PredictPermissionFailures} {
		if g.chance(0.3) {
			o.Readings = append(o.Readings, d)
		}
	}
	return o
}

func planJSON(t *testing.T, p lifecycle.Policy, idx *inventory.Index, o plan.Options) []byte {
	t.Helper()
	pl, err := plan.DryRun(&p, idx, planNow, o)
	require.NoError(t, err, "DryRun")
	b, err := json.Marshal(pl)
	require.NoError(t, err, "Marshal")
	return b
}

func TestPropertyShuffleInvariance(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		want := planJSON(t, p, idx, o)
		shuffled := index.New(slices.Clone(index.Images(idx)), nil)
		g.r.Shuffle(len(index.Images(shuffled)), func(i, j int) {
			index.Images(shuffled)[i], index.Images(shuffled)[j] = index.Images(shuffled)[j], index.Images(shuffled)[i]
		})
		for i := range index.Images(shuffled) {
			amis := slices.Clone(index.Images(shuffled)[i].AMIs)
			g.r.Shuffle(len(amis), func(a, b int) { amis[a], amis[b] = amis[b], amis[a] })
			index.Images(shuffled)[i].AMIs = amis
		}
		if got := planJSON(t, p, shuffled, o); !bytes.Equal(want, got) {
			t.Fatalf("seed %d: the plan depends on the inventory order:\n%s\n%s", seed, want, got)
		}
	}
}

// actedImages returns the images a plan acts on.
func actedImages(pl *plan.Plan) map[string]bool {
	out := map[string]bool{}
	for _, r := range pl.Resources {
		if r.Kind == plan.KindImage && r.State.Status == plan.ExecutionSuccess {
			out[r.ResourceID] = true
		}
	}
	return out
}

func TestPropertyHigherThresholdActsOnNoMore(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		base := actedImages(mustPlan(t, p, idx, o))
		k := g.r.IntN(len(p.PolicyDetails))
		raised := p
		raised.PolicyDetails = slices.Clone(p.PolicyDetails)
		f := &raised.PolicyDetails[k].Filter
		limit := 1000
		if f.Type == lifecycle.FilterAge && f.Unit == lifecycle.Months {
			limit = 300
		}
		f.Value = min(limit, f.Value+1+g.r.IntN(100))
		for arn := range actedImages(mustPlan(t, raised, idx, o)) {
			if !base[arn] {
				t.Fatalf("seed %d: raising rule %d to %+v acts on %s, which the lower threshold left alone", seed, k, *f, arn)
			}
		}
	}
}

func TestPropertyCountKeepsAtLeastN(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns; seed++ {
		g := newPlanGen(seed)
		p, idx := g.policy(), g.inventory()
		o := plan.Options{}
		// Force a DELETE COUNT rule.
		n := 1 + g.r.IntN(4)
		found := false
		for i := range p.PolicyDetails {
			if p.PolicyDetails[i].Action.Type == lifecycle.ActionDelete {
				p.PolicyDetails[i].Filter = lifecycle.Filter{Type: lifecycle.FilterCount, Value: n}
				found = true
			}
		}
		if !found {
			p.PolicyDetails = append(p.PolicyDetails[:min(2, len(p.PolicyDetails))], lifecycle.PolicyDetail{
				Action: lifecycle.Action{Type: lifecycle.ActionDelete}, Filter: lifecycle.Filter{Type: lifecycle.FilterCount, Value: n}})
		}
		pl := mustPlan(t, p, idx, o)
		deleted := map[string]bool{}
		for _, r := range pl.Resources {
			if r.Kind == plan.KindImage && r.State.Status == plan.ExecutionSuccess && r.Action.Name == lifecycle.ActionDelete {
				deleted[r.ResourceID] = true
			}
		}
		byARN := map[string]*index.Image{}
		for i := range index.Images(idx) {
			byARN[index.Images(idx)[i].ARN] = &index.Images(idx)[i]
		}
		for _, grp := range pl.Groups {
			good, stay := 0, 0
			for _, arn := range grp.Images {
				s := byARN[arn].Status
				if s == lifecycle.StatusAvailable || s == lifecycle.StatusDeprecated || s == lifecycle.StatusDisabled {
					good++
					if !deleted[arn] {
						stay++
					}
				}
			}
			if stay < min(n, good) {
				t.Fatalf("seed %d: group %s %s keeps %d of %d good images under COUNT %d", seed, grp.Recipe, grp.Version, stay, good, n)
			}
		}
	}
}

// amiExcludedOracle restates the AMI exclusion table of the specification
// independently of the engine.
func amiExcludedOracle(ex *lifecycle.AMIExclusionRules, a *index.AMI, now time.Time) bool {
	if ex == nil {
		return false
	}
	if slices.Contains(ex.Regions, a.Region) || (ex.IsPublic && a.Public) {
		return true
	}
	for _, t := range a.Tags {
		if v, ok := ex.TagMap[t.Key]; ok && v == t.Value {
			return true
		}
	}
	for _, acc := range ex.SharedAccounts {
		if slices.Contains(a.SharedAccounts, acc) {
			return true
		}
	}
	if ll := ex.LastLaunched; ll != nil && !a.LastLaunched.IsZero() {
		return !a.LastLaunched.Before(now.AddDate(0, 0, -ll.Value))
	}
	return false
}

func TestPropertyExclusionsAreNeverActedOn(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns; seed++ {
		g := newPlanGen(seed)
		// g.options never selects AMIExclusionsDeleteOnly, under which
		// exclusions protect less; exclusion tags protect FAILED and
		// CANCELLED images only under TagsProtectFailed (L-6).
		p, idx, o := g.policy(), g.inventory(), g.options()
		pl := mustPlan(t, p, idx, o)
		images := map[string]*index.Image{}
		amis := map[string]*index.AMI{}
		for i := range index.Images(idx) {
			images[index.Images(idx)[i].ARN] = &index.Images(idx)[i]
			for j := range index.Images(idx)[i].AMIs {
				amis[index.Images(idx)[i].AMIs[j].ID] = &index.Images(idx)[i].AMIs[j]
			}
		}
		for _, r := range pl.Resources {
			if r.State.Status != plan.ExecutionSuccess {
				continue
			}
			d := p.PolicyDetails[r.Rule]
			if d.ExclusionRules == nil {
				continue
			}
			switch r.Kind {
			case plan.KindImage:
				img := images[r.ResourceID]
				if img.Status.Unsuccessful() && !slices.Contains(o.Readings, lifecycle.TagsProtectFailed) {
					continue
				}
				if hasAnyTag(img.Tags, d.ExclusionRules.TagMap) {
					t.Fatalf("seed %d: rule %d acts on %s although it carries an exclusion tag", seed, r.Rule, r.ResourceID)
				}
			case plan.KindAMI:
				if amiExcludedOracle(d.ExclusionRules.AMIs, amis[r.ResourceID], planNow) {
					t.Fatalf("seed %d: rule %d acts on AMI %s although an AMI exclusion matches it", seed, r.Rule, r.ResourceID)
				}
			}
		}
	}
}

func TestPropertyForecastNeverActsOnDeletedImages(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns/3; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		tl, err := plan.Forecast(&p, idx, planNow, 30, o)
		require.NoError(t, err)
		initial := map[string]lifecycle.ImageStatus{}
		for _, im := range index.Images(idx) {
			initial[im.ARN] = im.Status
		}
		for _, it := range tl.Images {
			prio := -1
			if s := initial[it.ResourceID]; s == lifecycle.StatusDeprecated {
				prio = 0
			} else if s == lifecycle.StatusDisabled {
				prio = 1
			}
			for i, c := range it.Changes {
				if initial[it.ResourceID] == lifecycle.StatusDeleted {
					t.Fatalf("seed %d: %s was DELETED before the first run but changes on day %d", seed, it.ResourceID, c.Day)
				}
				if i > 0 && it.Changes[i-1].Action == lifecycle.ActionDelete {
					t.Fatalf("seed %d: %s is acted on after its deletion: %v", seed, it.ResourceID, it.Changes)
				}
				if i > 0 && c.Day <= it.Changes[i-1].Day {
					t.Fatalf("seed %d: %s changes twice in one run: %v", seed, it.ResourceID, it.Changes)
				}
				// Deprecated images are not deprecated again, disabled ones
				// neither deprecated nor disabled again.
				if c.Action != lifecycle.ActionDelete && c.Action.Priority() <= prio {
					t.Fatalf("seed %d: %s goes back to %s: %v", seed, it.ResourceID, c.Action, it.Changes)
				}
				prio = c.Action.Priority()
			}
		}
	}
}

// TestPropertyGroupsAreOrdered checks that every group lists its images
// newest first and that groups ascend by version.
func TestPropertyGroupsAreOrdered(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns/3; seed++ {
		g := newPlanGen(seed)
		p, idx := g.policy(), g.inventory()
		pl := mustPlan(t, p, idx, plan.Options{})
		created := map[string]time.Time{}
		for _, im := range index.Images(idx) {
			created[im.ARN] = im.Created
		}
		for gi, grp := range pl.Groups {
			for i := 1; i < len(grp.Images); i++ {
				if created[grp.Images[i]].After(created[grp.Images[i-1]]) {
					t.Fatalf("seed %d: group %d is not newest first: %v", seed, gi, grp.Images)
				}
			}
			if gi > 0 && pl.Groups[gi-1].Recipe == grp.Recipe &&
				semver.MustParse(pl.Groups[gi-1].Version).Compare(semver.MustParse(grp.Version)) >= 0 {
				t.Fatalf("seed %d: groups out of order: %v then %v", seed, pl.Groups[gi-1].Version, grp.Version)
			}
		}
	}
}

// TestPropertyParallelMatchesSerial runs a plan large enough to be split
// between goroutines and checks that it equals the plan computed on one
// processor and the plan of the shuffled inventory.
func TestPropertyParallelMatchesSerial(t *testing.T) {
	idx, p := engineBenchIndex(20_000), engineBenchPolicy()
	parallel := planJSON(t, *p, idx, plan.Options{Workers: 4})
	serial := planJSON(t, *p, idx, plan.Options{})
	if !bytes.Equal(parallel, serial) {
		t.Fatal("the plan computed in parallel differs from the serial one")
	}
	shuffled := index.New(slices.Clone(index.Images(idx)), nil)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(index.Images(shuffled)), func(i, j int) {
		index.Images(shuffled)[i], index.Images(shuffled)[j] = index.Images(shuffled)[j], index.Images(shuffled)[i]
	})
	if !bytes.Equal(parallel, planJSON(t, *p, shuffled, plan.Options{Workers: 4})) {
		t.Fatal("the plan of the shuffled inventory differs")
	}
}

// TestDryRunAllocations bounds the allocations of a plan: records are
// carved from a few large slices and reasons are shared, so a plan of
// thousands of images makes far fewer allocations than it has records.
func TestDryRunAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("allocation count of a 20,000-image plan")
	}
	const n = 20_000
	idx, p := engineBenchIndex(n), engineBenchPolicy()
	opts := plan.Options{}
	allocs := testing.AllocsPerRun(2, func() {
		if _, err := plan.DryRun(p, idx, planNow, opts); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("%.3f allocations per image", allocs/n)
	if perImage := allocs / n; perImage > 0.4 {
		t.Errorf("DryRun makes %.2f allocations per image, want at most 0.4", perImage)
	}
}

// TestPropertyImagesCoversThePlan checks that Plan.Images visits every
// image of every group once, with exactly one of records or an unaffected
// entry, and every record of the plan.
func TestPropertyImagesCoversThePlan(t *testing.T) {
	for seed := uint64(0); seed < propertyRuns/4; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		pl := mustPlan(t, p, idx, o)
		records, unaffected, images := 0, 0, 0
		for im := range pl.Images() {
			images++
			if (len(im.Records) > 0) == (im.Unaffected != nil) {
				t.Fatalf("seed %d: %s has records %v and unaffected %v", seed, im.ARN, im.Records, im.Unaffected)
			}
			if len(im.Records) > 0 && im.Records[0].ResourceID != im.ARN {
				t.Fatalf("seed %d: %s yields the records of %s", seed, im.ARN, im.Records[0].ResourceID)
			}
			if im.Unaffected != nil && im.Unaffected.ResourceID != im.ARN {
				t.Fatalf("seed %d: %s yields the entry of %s", seed, im.ARN, im.Unaffected.ResourceID)
			}
			records += len(im.Records)
			if im.Unaffected != nil {
				unaffected++
			}
		}
		if images != pl.Summary.InScope || records != len(pl.Resources) || unaffected != len(pl.Unaffected) {
			t.Fatalf("seed %d: Images visits %d images, %d records, %d unaffected; plan has %d, %d, %d",
				seed, images, records, unaffected, pl.Summary.InScope, len(pl.Resources), len(pl.Unaffected))
		}
	}
}

// FuzzDryRun draws a policy, an inventory and options from the seed and
// checks that the plan is computed without error, encodes as encoding/json
// would encode it, and does not depend on the inventory's order.
func FuzzDryRun(f *testing.F) {
	for _, seed := range []uint64{0, 1, 2, 42, 1 << 40} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, seed uint64) {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		if g.chance(0.3) {
			o.Readings = append(o.Readings, lifecycle.SkipEndsEvaluation)
		}
		if g.chance(0.3) {
			o.Readings = append(o.Readings, lifecycle.ExcludeBeforeRetention)
		}
		if g.chance(0.3) {
			o.Readings = append(o.Readings, lifecycle.OnlyAvailableFillSlots)
		}
		if g.chance(0.3) {
			o.Readings = append(o.Readings, lifecycle.HonourRetainOnDeprecateDisable)
		}
		want := planJSON(t, p, idx, o)
		checkPlanJSON(t, mustPlan(t, p, idx, o))
		rev := index.New(slices.Clone(index.Images(idx)), nil)
		slices.Reverse(index.Images(rev))
		if got := planJSON(t, p, rev, o); !bytes.Equal(want, got) {
			t.Fatalf("seed %d: the plan depends on the inventory order", seed)
		}
		// Under the default readings the plan agrees with the reference.
		ref := referencePlan(p, idx, planNow)
		got := referenceVerdicts(mustPlan(t, p, idx, plan.Options{}))
		if diff := cmp.Diff(ref, got); diff != "" {
			t.Fatalf("seed %d: engine and reference differ (-reference +engine):\n%s", seed, diff)
		}
	})
}

// TestPropertyInputsUnchanged checks that DryRun and Forecast modify
// neither the index nor the policy.
func TestPropertyInputsUnchanged(t *testing.T) {
	for seed := uint64(0); seed < 50; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		before, _ := json.Marshal(struct {
			P lifecycle.Policy
			I *inventory.Index
		}{p, idx})
		mustPlan(t, p, idx, o)
		if _, err := plan.Forecast(&p, idx, planNow, 5, o); err != nil {
			t.Fatal(err)
		}
		after, _ := json.Marshal(struct {
			P lifecycle.Policy
			I *inventory.Index
		}{p, idx})
		if !bytes.Equal(before, after) {
			t.Fatalf("seed %d: the inputs changed", seed)
		}
	}
}
