package plan

import (
	"slices"
	"sync"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
)

// minChunkImages is the smallest number of images worth a goroutine of
// its own.
const minChunkImages = 4096

// chunk is a range of groups evaluated and emitted by one goroutine, with
// what it produces.
type chunk struct {
	groupLo, groupHi int
	lo, hi           int // entry range

	nRes, nUnaffected, nVerdicts, nSnap, nActions int
	b                                             *builder
}

// chunks splits the groups into contiguous ranges of about equal numbers
// of images, one per worker the options allow.
func (x *execution) chunks() []chunk {
	n := len(x.entries)
	w := min(max(1, x.o.workers), max(1, n/minChunkImages), max(1, len(x.groups)))
	out := make([]chunk, 0, w)
	gi := 0
	for c := 0; c < w && gi < len(x.groups); c++ {
		target := n * (c + 1) / w
		ch := chunk{groupLo: gi, lo: int(x.groups[gi].start)}
		for gi < len(x.groups) && (int(x.groups[gi].start) < target || c == w-1) {
			gi++
		}
		ch.groupHi = gi
		ch.hi = n
		if gi < len(x.groups) {
			ch.hi = int(x.groups[gi].start)
		}
		out = append(out, ch)
	}
	return out
}

// parallelRange splits [0, n) into at most workers ranges (of at least
// minChunkImages each) and runs f on each, concurrently when there are
// several.
func parallelRange(n, workers int, f func(lo, hi int)) {
	w := min(max(1, workers), max(1, n/minChunkImages))
	if w == 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for c := 0; c < w; c++ {
		wg.Add(1)
		go func(lo, hi int) {
			defer wg.Done()
			f(lo, hi)
		}(n*c/w, n*(c+1)/w)
	}
	wg.Wait()
}

// parallel runs f on every chunk, concurrently when there are several.
func parallel(cs []chunk, f func(c *chunk)) {
	if len(cs) == 1 {
		f(&cs[0])
		return
	}
	var wg sync.WaitGroup
	for i := range cs {
		wg.Add(1)
		go func(c *chunk) {
			defer wg.Done()
			f(c)
		}(&cs[i])
	}
	wg.Wait()
}

// qualifyChunk runs steps 5 and 6 on the chunk's groups (every rule's walk
// over every group, then one action per image) and counts the records the
// chunk will emit.
func (x *execution) qualifyChunk(c *chunk) {
	n := len(x.entries)
	var scratch []qrec
	for gi := c.groupLo; gi < c.groupHi; gi++ {
		g := &x.groups[gi]
		lo, hi := int(g.start), int(g.start+g.n)
		slices.SortFunc(x.entries[lo:hi], compareEntries)
		if cap(scratch) < hi-lo {
			scratch = make([]qrec, hi-lo)
		}
		for k := range x.rules {
			walkRule(x.entries[lo:hi], &x.rules[k], x.o, g.deferred, x.quals[k*n+lo:k*n+hi], scratch[:hi-lo])
		}
	}
	nr := len(x.rules)
	for i := c.lo; i < c.hi; i++ {
		res := x.evaluate(i)
		x.results[i] = res
		switch {
		case res.acted >= 0:
			recs, snaps := x.outputCounts(&x.entries[i], &x.rules[res.acted])
			c.nRes += 1 + recs
			c.nActions += 1 + recs
			c.nSnap += snaps
		case res.skipped >= 0:
			c.nRes++
			c.nActions++
		case !x.lean:
			c.nUnaffected++
			if x.entries[i].kind == entryActive {
				c.nVerdicts += nr
			}
		}
	}
}

// outputCounts returns the number of output records an action of rule r
// on e produces (outputs emits exactly that many) and the number of
// snapshots they hold when that is known without reading the AMIs (0
// otherwise; the snapshot arena then grows as needed).
func (x *execution) outputCounts(e *entry, r *compiledRule) (records, snapshots int) {
	inc := r.includes
	if inc.Containers {
		for _, c := range e.img.Containers {
			if len(c.ImageURIs) > 0 {
				records++
			}
		}
	}
	switch {
	case inc.AMIs:
		records += len(e.img.AMIs)
		if r.deletesSnapshots() {
			snapshots = len(e.img.AMIs) // one root volume each, usually
		}
	case r.snapshotsOnly() && !x.o.IgnoreSnapshotsWithoutAMIs:
		for j := range e.img.AMIs {
			a := &e.img.AMIs[j]
			if excl, _, _ := x.amiExclusion(r, a, e.img.AccountID); excl == amiNotExcluded && len(a.Snapshots) > 0 {
				records++
				snapshots += len(a.Snapshots)
			}
		}
	}
	return records, snapshots
}

// amiExclusion applies the rule's AMI exclusions to a, an AMI of an image
// of account imageAccount, under the reading of L-13, and returns the
// exclusion, its value and the decisions involved. An AMI the exclusions
// cannot be checked on for want of facts is not excluded and is flagged
// L-29.
func (x *execution) amiExclusion(r *compiledRule, a *index.AMI, imageAccount string) (amiExclusion, string, decisionSet) {
	owner := a.AccountID
	if owner == "" {
		owner = imageAccount // distributed within the image's own account
	}
	excl, value, flags := r.checkAMI(a, owner, x.o)
	if r.action != lifecycle.ActionDelete && x.o.AMIExclusionsDeleteOnly {
		// The rule's AMI exclusions do not apply; the flag says that the
		// default reading would have left this AMI alone.
		if excl != amiNotExcluded {
			return amiNotExcluded, "", flagL13
		}
		return amiNotExcluded, "", 0
	}
	if excl != amiNotExcluded {
		if r.action != lifecycle.ActionDelete {
			flags |= flagL13
		}
		return excl, value, flags
	}
	if r.missingFacts(a) != 0 {
		flags |= flagL29
	}
	return excl, value, flags
}

// firstExcludedAMI returns the first AMI of img, in record order (Region,
// account, ID), that the rule's AMI exclusions match, with the exclusion,
// its value and the decisions of every AMI's check. It serves Decision
// L-30: whether an AMI exclusion protects the image.
// scratch is reused for sorting the AMIs.
func (x *execution) firstExcludedAMI(r *compiledRule, img *index.Image, scratch *[]*index.AMI) (*index.AMI, amiExclusion, string, decisionSet) {
	if r.amiExclusions == nil || len(img.AMIs) == 0 {
		return nil, amiNotExcluded, "", 0
	}
	*scratch = sortedAMIs((*scratch)[:0], img.AMIs)
	var all decisionSet
	for _, a := range *scratch {
		if a.State == amiDeregistered {
			continue
		}
		excl, value, flags := x.amiExclusion(r, a, img.AccountID)
		all |= flags
		if excl != amiNotExcluded {
			return a, excl, value, all
		}
	}
	return nil, amiNotExcluded, "", all
}

// emit runs steps 5 to 8 chunk by chunk: qualification and one action per
// image, then, once every chunk has counted its records, the records
// themselves, each chunk writing its own range of the plan's lists.
func (x *execution) emit(plan *Plan) {
	cs := x.chunks()
	n := len(x.entries)
	x.quals = make([]qrec, n*len(x.rules))
	x.results = make([]result, n)
	parallel(cs, x.qualifyChunk)

	var nRes, nUnaffected int
	for i := range cs {
		nRes += cs[i].nRes
		nUnaffected += cs[i].nUnaffected
	}
	resources := make([]ExecutionResource, nRes)
	unaffected := make([]UnaffectedImage, nUnaffected)
	resOff, unOff := 0, 0
	for i := range cs {
		c := &cs[i]
		c.b = &builder{
			x:          x,
			rs:         newReasons(),
			resources:  resources[resOff : resOff : resOff+c.nRes],
			unaffected: unaffected[unOff : unOff : unOff+c.nUnaffected],
			actions:    make([]ExecutionAction, 0, c.nActions),
			verdicts:   make([]RuleVerdict, 0, c.nVerdicts),
			snapshots:  make([]ExecutionSnapshot, 0, c.nSnap),
		}
		resOff += c.nRes
		unOff += c.nUnaffected
	}
	parallel(cs, func(c *chunk) {
		for i := c.lo; i < c.hi; i++ {
			c.b.flags |= c.b.image(i)
		}
	})

	allFlags := x.flags
	exact := true
	for i := range cs {
		b := cs[i].b
		allFlags |= b.flags
		plan.Summary.add(&b.summary)
		exact = exact && len(b.resources) == cs[i].nRes && len(b.unaffected) == cs[i].nUnaffected
	}
	if exact {
		plan.Resources, plan.Unaffected = resources, unaffected
	} else {
		// The counts are exact but for AMIs that emitting leaves out (a
		// shared AMI recorded under another image, L-P9; an AMI already
		// deregistered): assemble the lists from the chunks.
		plan.Resources, plan.Unaffected = nil, nil
		for i := range cs {
			plan.Resources = append(plan.Resources, cs[i].b.resources...)
			plan.Unaffected = append(plan.Unaffected, cs[i].b.unaffected...)
		}
	}
	if !x.lean {
		plan.Groups = x.groupList()
	}
	plan.Summary.InScope = len(x.entries) - plan.Summary.OutOfScope
	plan.Summary.NotEvaluated = len(plan.NotEvaluated)
	plan.Summary.Unaffected = len(plan.Unaffected)
	plan.HasImpactedResources = plan.Summary.Images.Acted() > 0
	plan.Decisions = allFlags.appendTo(nil)
}

// sharedAMIListers maps each AMI that several images list (as the index
// marks them) to the entries that list it, in plan order. It is built on
// first use, once every verdict is known: only a plan that acts on a
// shared AMI pays for the pass.
func (x *execution) sharedAMIListers() map[string][]int32 {
	x.sharedOnce.Do(func() { x.shared = x.findSharedAMIs() })
	return x.shared
}

func (x *execution) findSharedAMIs() map[string][]int32 {
	var m map[string][]int32
	for i := range x.entries {
		for j := range x.entries[i].img.AMIs {
			if a := &x.entries[i].img.AMIs[j]; a.ListedByOtherImages {
				if m == nil {
					m = make(map[string][]int32)
				}
				m[a.ID] = append(m[a.ID], int32(i))
			}
		}
	}
	return m
}

// sharedAMI applies Decision L-P9 to an AMI that several images list,
// seen from entry self acted on by rule k: the service acts on an image's
// AMIs whatever other images list them, so the AMI is acted on with the
// first image in plan order that an execution acts on with the same rule,
// and recorded once, under that image. It reports whether self is that
// image, and one of the images listing the AMI that the run leaves alone
// ("" when none).
func (x *execution) sharedAMI(id string, self int, k int8) (record bool, kept string) {
	record = true
	for _, j := range x.sharedAMIListers()[id] {
		if int(j) == self {
			continue
		}
		switch res := &x.results[j]; {
		case res.acted == k && int(j) < self:
			record = false
		case res.acted < 0 && kept == "":
			kept = x.entries[j].img.ARN
		}
	}
	return record, kept
}

// add adds the counts of t to s.
func (s *Summary) add(t *Summary) {
	s.InScope += t.InScope
	s.OutOfScope += t.OutOfScope
	s.Deferred += t.Deferred
	s.Unaffected += t.Unaffected
	for _, p := range [...][2]*Counts{{&s.Images, &t.Images}, {&s.AMIs, &t.AMIs}, {&s.Snapshots, &t.Snapshots}, {&s.Containers, &t.Containers}} {
		p[0].Deprecate += p[1].Deprecate
		p[0].Disable += p[1].Disable
		p[0].Delete += p[1].Delete
		p[0].Skipped += p[1].Skipped
		p[0].Failed += p[1].Failed
	}
}

// groupList returns the plan's groups with their images in order.
func (x *execution) groupList() []Group {
	groups := make([]Group, len(x.groups))
	arns := make([]string, len(x.entries))
	for i := range x.entries {
		arns[i] = x.entries[i].img.ARN
	}
	for gi, g := range x.groups {
		groups[gi] = Group{
			Recipe:    g.key.name,
			Version:   g.key.ver.String(),
			Region:    g.key.region,
			AccountID: g.key.accountID,
			Images:    arns[g.start : g.start+g.n : g.start+g.n],
		}
	}
	return groups
}
