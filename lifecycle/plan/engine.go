package plan

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/semver"
)

// DryRun predicts what one scheduled execution of the policy at now would
// do to the images of idx, and why. It never reads the clock and never
// calls AWS.
//
// The policy is validated first with the readings of opts (Readings,
// RecipeKinds): a policy with an error finding yields a *lifecycle.Error
// holding the findings and no plan; its warnings are copied into the plan.
// A reading without another reading is a *lifecycle.Error wrapping
// lifecycle.ErrUnknown; a zero now, one outside the years 0000 to 9999, or
// a nil policy or index is a *lifecycle.Error wrapping lifecycle.ErrInvalid
// whose Path names the argument.
//
// The steps: the policy's scope (its Region and account, Decision L-26:
// from the policy ARN, else opts.Region and opts.AccountID, else an index
// whose images all share one Region and account; an index spanning
// several is an error), the images it selects, deferral of builds
// in progress, recipe-version groups ordered newest first, keep slots and
// qualification per rule, one action per image in the order DEPRECATE,
// DISABLE, DELETE, then the output resources of the images acted on. A
// DISABLED policy yields an empty plan whose Note says that no execution
// runs (unless the reading lifecycle.EvaluateDisabledPolicy is chosen).
// Recipe-version groups are formed from the Region, account, name and
// version fields of each image's ARN.
//
// The plan carries idx.Findings: its warnings in Plan.Warnings and its
// errors, about records the index left out, in Plan.NotEvaluated. The plan
// does not depend on the order of the inventory's images; its cost grows
// as n log g for n images in groups of g. It runs on the calling goroutine unless
// opts.Workers allows more.
func DryRun(p *lifecycle.Policy, idx *inventory.Index, now time.Time, opts Options) (*Plan, error) {
	o := opts.settings(now)
	pl, err := newPlanner(p, idx, &o)
	if err != nil {
		return nil, err
	}
	return pl.plan(index.Images(idx), now.UTC(), false), nil
}

// planner holds what stays the same across the runs of one policy.
type planner struct {
	p     *lifecycle.Policy
	o     *settings
	sel   *selector
	scope Scope
	// warnings are the policy's validation warnings, the selection's
	// warnings (entries that select nothing, known after the first run)
	// and the index's warnings; rejected are the index's error findings,
	// about records it left out.
	warnings       lifecycle.Findings
	policyWarnings lifecycle.Findings
	indexWarnings  lifecycle.Findings
	rejected       lifecycle.Findings
	selectionDone  bool
}

func newPlanner(p *lifecycle.Policy, idx *inventory.Index, o *settings) (*planner, error) {
	switch {
	case p == nil:
		return nil, inputError("policy", "", "is nil; give a decoded lifecycle policy")
	case idx == nil:
		return nil, inputError("index", "", "is nil; give an inventory index (Inventory.Index)")
	case o.now.IsZero():
		return nil, inputError("now", "", "is the zero time; give the instant of the execution, the package never reads the clock")
	case lifecycle.CheckInstant(o.now) != nil:
		return nil, inputError("now", o.now.UTC().String(), "is outside the years 0000 to 9999; give the instant of the execution")
	}
	findings, err := p.Validate(o.valid)
	if err != nil {
		return nil, err
	}
	scope, err := resolveScope(p, idx, o)
	if err != nil {
		return nil, err
	}
	pl := &planner{p: p, o: o, sel: newSelector(p, o), scope: scope,
		policyWarnings: findings.Warnings(), indexWarnings: idx.Findings.Warnings()}
	pl.warnings = slices.Concat(pl.policyWarnings, pl.indexWarnings)
	pl.rejected = idx.Findings.Errors()
	return pl, nil
}

// groupKey identifies a recipe-version group: the Region, account and
// recipe name of the image ARNs and the version x.y.z.
type groupKey struct {
	region, accountID, name string
	ver                     semver.Version
}

// compare orders groups by Region, account, recipe name and version.
func (k *groupKey) compare(o *groupKey) int {
	if c := strings.Compare(k.region, o.region); c != 0 {
		return c
	}
	if c := strings.Compare(k.accountID, o.accountID); c != 0 {
		return c
	}
	if c := strings.Compare(k.name, o.name); c != 0 {
		return c
	}
	return k.ver.Compare(o.ver)
}

type groupInfo struct {
	key      groupKey
	start    int32
	n        int32
	deferred bool
}

// result is the outcome of step 6 for one image: the rule that acts and
// the first rule whose exclusion tag skipped it (positions in the
// evaluation order, -1 for none), and the decisions involved.
type result struct {
	acted   int8
	skipped int8
	// skipByAMI reports that an AMI exclusion, not a tag, skipped the
	// image (AMIExclusionProtectsImage, L-30).
	skipByAMI bool
	flags     decisionSet
}

// execution is the state of one run: entries in plan order and the rules'
// verdicts on them.
type execution struct {
	*planner
	rules   []compiledRule
	entries []entry // in plan order
	groups  []groupInfo
	quals   []qrec // rule-major: quals[k*len(entries)+i]
	results []result
	flags   decisionSet // plan-wide decisions
	lean    bool        // emit no unaffected images and no groups
	// used collects what selected an image in scope: the bits of
	// selectedBy.recipes and selectedBy.tags.
	usedRecipes, usedTags atomic.Uint64
	// shared maps the ID of each AMI that several images list to the
	// entries listing it, in plan order (Decision L-P9); see
	// sharedAMIListers.
	shared     map[string][]int32
	sharedOnce sync.Once
}

// plan computes the plan of one run at now. A lean plan, for Forecast,
// holds only the records of images acted on, skipped or failed: no
// unaffected images and no groups.
func (pl *planner) plan(images []index.Image, now time.Time, lean bool) *Plan {
	x := &execution{planner: pl, lean: lean}
	plan := &Plan{Report: Report{Policy: pl.p.Name, Scope: pl.scope, Warnings: pl.warnings, NotEvaluated: pl.rejected}, Now: now}
	if pl.o.ModelOnlyValidation {
		x.flags |= flagLP1
	}
	if len(pl.sel.emptyKeys) > 0 {
		x.flags |= flagL18 // a selection pair with an empty value
	}
	if !pl.p.Enabled() {
		x.flags |= flagL19
		if !pl.o.EvaluateDisabledPolicy {
			plan.Note = reasonDisabledPolicy
			plan.Resources = []ExecutionResource{}
			plan.Unaffected = []UnaffectedImage{}
			plan.Groups = []Group{}
			plan.Decisions = x.flags.appendTo(nil)
			return plan
		}
		plan.Note = reasonEvaluatedDisabled
	}
	plan.Evaluated = true
	if pl.scope.inferred() {
		x.flags |= flagL26
	}
	x.rules = compileRules(pl.p, now, pl.o)
	x.scope(images)
	if !pl.selectionDone {
		// The selection's warnings come from the first run's scope pass.
		pl.selectionDone = true
		used := selectedBy{recipes: x.usedRecipes.Load(), tags: x.usedTags.Load()}
		if sw := pl.unmatchedSelection(images, used); len(sw) > 0 {
			pl.warnings = slices.Concat(pl.policyWarnings, sw, pl.indexWarnings)
		}
	}
	plan.Warnings = pl.warnings
	x.emit(plan)
	return plan
}

// candidate is what selection found out about one image of the index.
type candidate struct {
	flags       decisionSet
	group       int32 // group, in group order once the groups are sorted
	pos         int32 // position in plan order
	kind        entryKind
	excluded    uint8
	amiExcluded uint8
}

// scope selects the images in scope (steps 2 and 3) and places them by
// recipe-version group in group order; qualifyChunk orders each group
// (step 4). Both passes over the index are split between the workers the
// options allow; the serial pass in between reads only the compact
// candidates.
func (x *execution) scope(images []index.Image) {
	cand := make([]candidate, len(images))
	parallelRange(len(images), x.o.workers, func(lo, hi int) {
		var cache selectCache
		var scratch []*index.AMI
		var used selectedBy
		for i := lo; i < hi; i++ {
			x.candidate(&images[i], &cand[i], &cache, &scratch, &used)
		}
		x.usedRecipes.Or(used.recipes)
		x.usedTags.Or(used.tags)
	})
	ids := make(map[groupKey]int32)
	var groups []groupInfo
	// Inventory.Index orders images by ARN, so consecutive images mostly
	// share their group: remember the last one to skip the map.
	lastKey, lastGroup := groupKey{}, int32(-1)
	inScope := 0
	for i := range cand {
		c := &cand[i]
		if c.kind == entryOut {
			continue
		}
		inScope++
		img := &images[i]
		key := groupKey{region: img.Region, accountID: img.AccountID, name: img.ARNName, ver: img.Version}
		g := lastGroup
		if g < 0 || key != lastKey {
			var found bool
			if g, found = ids[key]; !found {
				g = int32(len(groups))
				ids[key] = g
				groups = append(groups, groupInfo{key: key})
			}
			lastKey, lastGroup = key, g
		}
		groups[g].n++
		if c.kind == entryDeferred {
			groups[g].deferred = true
		}
		c.group = g
	}
	// Order the groups, then give each image its place in its group's range.
	order := make([]int32, len(groups))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return groups[a].key.compare(&groups[b].key) })
	sorted := make([]groupInfo, len(groups))
	rank := make([]int32, len(groups))
	next := int32(0)
	for pos, g := range order {
		sorted[pos] = groups[g]
		sorted[pos].start = next
		rank[g] = int32(pos)
		next += groups[g].n
	}
	fill := make([]int32, len(sorted))
	for i := range cand {
		c := &cand[i]
		if c.kind == entryOut {
			continue
		}
		c.group = rank[c.group]
		c.pos = sorted[c.group].start + fill[c.group]
		fill[c.group]++
	}
	placed := make([]entry, inScope)
	parallelRange(len(images), x.o.workers, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			c := &cand[i]
			if c.kind == entryOut {
				continue
			}
			img := &images[i]
			e := entry{img: img, created: img.Created, status: img.Status, kind: c.kind,
				group: c.group, excluded: c.excluded, amiExcluded: c.amiExcluded, flags: c.flags}
			if x.o.CreationTimeFromCompletion && !img.Completed.IsZero() {
				e.created = img.Completed
			}
			placed[c.pos] = e
		}
	})
	x.entries, x.groups = placed, sorted
}

// candidate fills c for img: entryOut when the policy does not select it,
// otherwise its kind, the rules whose exclusion tags it carries (and under
// AMIExclusionProtectsImage those whose AMI exclusions one of its AMIs
// matches) and its selection decisions.
func (x *execution) candidate(img *index.Image, c *candidate, cache *selectCache, scratch *[]*index.AMI, used *selectedBy) {
	c.kind = entryOut
	if img.Status == lifecycle.StatusDeleted {
		return
	}
	ok, flags, by := x.sel.selects(img, cache)
	if !ok {
		return
	}
	*c = candidate{flags: flags}
	if !x.planner.scope.contains(img.Region, img.AccountID) {
		// Selected, but of another Region or account: listed, never
		// evaluated (L-26).
		c.kind, c.flags = entryForeign, c.flags|flagL26
		return
	}
	used.recipes |= by.recipes
	used.tags |= by.tags
	if !img.Completed.IsZero() && !img.Completed.Equal(img.Created) {
		c.flags |= flagL16
	}
	if len(img.Tags) > 0 {
		for k := range x.rules {
			if _, ok := x.rules[k].tagExcluded(img.Tags); ok {
				c.excluded |= x.rules[k].bit
			}
		}
	}
	if x.o.AMIExclusionProtectsImage {
		for k := range x.rules {
			if a, _, _, _ := x.firstExcludedAMI(&x.rules[k], img, scratch); a != nil {
				c.amiExcluded |= x.rules[k].bit
			}
		}
	}
	switch {
	case img.Status.InProgress():
		c.kind = entryDeferred
	case !img.Status.Terminal():
		c.kind = entryUnknown
	}
}

// compareEntries orders a group newest first by creation time, then by
// highest build number, then by ascending ARN (Decision L-16).
func compareEntries(a, b entry) int {
	if c := b.created.Compare(a.created); c != 0 {
		return c
	}
	if c := cmp.Compare(b.img.Build, a.img.Build); c != 0 {
		return c
	}
	return strings.Compare(a.img.ARN, b.img.ARN)
}

// evaluate applies step 6 to entry i: the rules in priority order, the
// state skips, the exclusion tags, and the first rule that acts.
func (x *execution) evaluate(i int) result {
	e := &x.entries[i]
	res := result{acted: -1, skipped: -1, flags: e.flags}
	if e.kind != entryActive {
		return res
	}
	n := len(x.entries)
	failed := e.status.Unsuccessful()
	for k := range x.rules {
		r := &x.rules[k]
		if r.skipsStatus(e.status) {
			continue
		}
		q := &x.quals[k*n+i]
		res.flags |= q.flags
		if q.q != qQualify {
			continue
		}
		if e.excluded&r.bit != 0 {
			if failed {
				res.flags |= flagL6
			}
			if !failed || x.o.TagsProtectFailed {
				if res.skipped < 0 {
					res.skipped = int8(k)
				}
				if k < len(x.rules)-1 {
					res.flags |= flagL8
				}
				if x.o.SkipEndsEvaluation {
					return res
				}
				continue
			}
		}
		if e.amiExcluded&r.bit != 0 {
			// AMIExclusionProtectsImage (L-30): one of its AMIs protects
			// the whole image from this rule.
			res.flags |= flagL30
			if res.skipped < 0 {
				res.skipped, res.skipByAMI = int8(k), true
			}
			if k < len(x.rules)-1 {
				res.flags |= flagL8
			}
			if x.o.SkipEndsEvaluation {
				return res
			}
			continue
		}
		if r.countDD {
			res.flags |= flagL10
		}
		res.acted = int8(k)
		return res
	}
	return res
}
