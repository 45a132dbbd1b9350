package plan

import (
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
)

// builder emits the records of one chunk, carving small slices out of a
// few large ones.
type builder struct {
	x          *execution
	rs         *reasons
	resources  []ExecutionResource
	unaffected []UnaffectedImage
	actions    []ExecutionAction
	verdicts   []RuleVerdict
	snapshots  []ExecutionSnapshot
	dec        decisionArena
	amis       []*index.AMI
	summary    Summary
	flags      decisionSet
}

func (b *builder) action(name lifecycle.ActionType, reason string) *ExecutionAction {
	if len(b.actions) == cap(b.actions) {
		b.actions = make([]ExecutionAction, 0, 64)
	}
	b.actions = append(b.actions, ExecutionAction{Name: name, Reason: reason})
	return &b.actions[len(b.actions)-1]
}

func (b *builder) takeSnapshots(n int) []ExecutionSnapshot {
	if cap(b.snapshots)-len(b.snapshots) < n {
		b.snapshots = make([]ExecutionSnapshot, 0, max(n, 1024))
	}
	start := len(b.snapshots)
	b.snapshots = b.snapshots[:start+n]
	return b.snapshots[start : start+n : start+n]
}

// image emits the records of entry i and returns the decisions they carry.
func (b *builder) image(i int) decisionSet {
	x := b.x
	e := &x.entries[i]
	res := &x.results[i]
	if res.acted < 0 && res.skipped < 0 {
		switch {
		case !x.lean:
			b.unaffectedImage(i)
		case e.kind == entryForeign:
			b.summary.OutOfScope++ // counted even where not listed
		}
		return res.flags
	}
	g := &x.groups[e.group]
	account := g.key.accountID
	rec := ExecutionResource{Kind: KindImage, ResourceID: e.img.ARN, Region: g.key.region, AccountID: account}
	if res.acted >= 0 {
		r := &x.rules[res.acted]
		reason := b.qualReason(i, int(res.acted))
		rec.Action = b.action(r.action, reason)
		rec.State = ExecutionState{Status: ExecutionSuccess}
		rec.Rule = r.index
		flags := res.flags
		if r.snapshotsOnly() && x.o.IgnoreSnapshotsWithoutAMIs && hasSnapshots(e.img) {
			flags |= flagL12 // the default reading would predict failures
		}
		at := len(b.resources)
		b.resources = append(b.resources, rec)
		b.summary.Images.add(r.action, ExecutionSuccess)
		out, checked, matched := b.outputs(i, r, reason, account)
		if r.amiExclusions != nil {
			// L-30: an AMI exclusion that matches one of the image's AMIs
			// protects only that AMI; the other reading would skip the
			// image. Under that reading, missing facts (L-29) could have
			// protected the image.
			amiFlags := out
			if !checked {
				var first *index.AMI
				first, _, _, amiFlags = x.firstExcludedAMI(r, e.img, &b.amis)
				matched = first != nil
			}
			if matched {
				flags |= flagL30
			}
			if x.o.AMIExclusionProtectsImage {
				flags |= amiFlags & flagL29
			}
		}
		b.resources[at].Decisions = b.dec.slice(flags)
		return flags | out
	}
	r := &x.rules[res.skipped]
	rec.Action = b.action(r.action, b.qualReason(i, int(res.skipped)))
	rec.State = ExecutionState{Status: ExecutionSkipped}
	if res.skipByAMI {
		// AMIExclusionProtectsImage (L-30): one of its AMIs protects it.
		a, excl, value, _ := x.firstExcludedAMI(r, e.img, &b.amis)
		if a != nil {
			rec.State.Reason = b.rs.get(reasonKey{kind: rkAMIProtectsImage, rule: r.index, s: a.ID + ": " + b.amiReason(r, a, excl, value)}, r)
		}
	} else {
		key, _ := r.tagExcluded(e.img.Tags)
		rec.State.Reason = b.rs.get(reasonKey{kind: rkTagSkip, rule: r.index, s: key}, r)
	}
	rec.Rule = r.index
	rec.Decisions = b.dec.slice(res.flags)
	b.resources = append(b.resources, rec)
	b.summary.Images.add(r.action, ExecutionSkipped)
	return res.flags
}

// failedStatus returns the status text of a FAILED or CANCELLED image for
// reasons, "" for others.
func failedStatus(s lifecycle.ImageStatus) string {
	if s.Unsuccessful() {
		return string(s)
	}
	return ""
}

// qualReason says why entry i qualified for rule k.
func (b *builder) qualReason(i, k int) string {
	x := b.x
	e := &x.entries[i]
	r := &x.rules[k]
	fs := failedStatus(e.status)
	if r.count {
		return b.rs.get(reasonKey{kind: rkCountBeyond, rule: r.index, s: fs}, r)
	}
	if !olderThan(e.created, r.cutoff, x.o.InclusiveAgeBoundary) {
		return b.rs.get(reasonKey{kind: rkFailedAnyAge, rule: r.index, n: dayNumber(e.created), s: fs}, r)
	}
	return b.rs.get(reasonKey{kind: rkAgeOld, rule: r.index, n: dayNumber(e.created), s: fs}, r)
}

// unaffectedImage emits the not-impacted record of entry i.
func (b *builder) unaffectedImage(i int) {
	x := b.x
	e := &x.entries[i]
	res := &x.results[i]
	u := UnaffectedImage{ResourceID: e.img.ARN, Status: e.status, Decisions: b.dec.slice(res.flags)}
	switch e.kind {
	case entryDeferred:
		u.Deferred = true
		u.Reason = b.rs.get(reasonKey{kind: rkDeferred, s: string(e.status)}, nil)
		b.summary.Deferred++
		b.unaffected = append(b.unaffected, u)
		return
	case entryUnknown:
		u.Reason = b.rs.get(reasonKey{kind: rkUnknown, s: string(e.status)}, nil)
		b.unaffected = append(b.unaffected, u)
		return
	case entryForeign:
		u.OutOfScope = true
		u.Reason = b.rs.get(reasonKey{kind: rkForeign, s: e.img.Region + ", account " + e.img.AccountID}, nil)
		b.summary.OutOfScope++
		b.unaffected = append(b.unaffected, u)
		return
	}
	n := len(x.entries)
	start := len(b.verdicts)
	fs := failedStatus(e.status)
	for k := range x.rules {
		r := &x.rules[k]
		q := &x.quals[k*n+i]
		v := RuleVerdict{Rule: r.index, Action: r.action}
		switch {
		case r.skipsStatus(e.status):
			v.Outcome = OutcomeStateSkipped
			v.Reason = b.rs.get(reasonKey{kind: rkState, rule: r.index, s: string(e.status)}, r)
		case q.q == qKeep:
			v.Outcome, v.Slot, v.Slots = OutcomeKept, int(q.slot), r.slots
			v.Reason = b.rs.get(reasonKey{kind: rkKept, rule: r.index, n: int64(q.slot)}, r)
		case q.q == qYoung:
			// The margin is how much older the image must get to qualify.
			margin := e.created.Sub(r.cutoff)
			v.Outcome, v.Margin = OutcomeTooYoung, margin
			// Texts are keyed by what they show: hours below two days,
			// days above (see hoursText).
			n := int64(margin / time.Hour)
			switch {
			case margin == 0:
				n = -1
			case margin == time.Duration(math.MaxInt64):
				// Sub saturates about 292 years out; count days instead.
				n = (dayNumber(e.created) - dayNumber(r.cutoff)) * 24
			case margin >= 48*time.Hour:
				n = int64(margin/(24*time.Hour)) * 24
			}
			v.Reason = b.rs.get(reasonKey{kind: rkYoung, rule: r.index, n: n, s: fs}, r)
		case q.q == qProtected:
			v.Outcome = OutcomeProtected
			v.Reason = b.rs.get(reasonKey{kind: rkProtected, rule: r.index}, r)
		case q.q == qInactive:
			v.Outcome = OutcomeInactive
			v.Reason = b.rs.get(reasonKey{kind: rkInactive, rule: r.index}, r)
		default:
			// A qualifying verdict never reaches here: the image would have
			// an action or a SKIPPED record (with SkipEndsEvaluation too).
			v.Outcome = OutcomeNotEvaluated
			v.Reason = b.rs.get(reasonKey{kind: rkNotEvaluated}, r)
		}
		b.verdicts = append(b.verdicts, v)
	}
	u.Rules = b.verdicts[start:len(b.verdicts):len(b.verdicts)]
	u.Reason = b.rs.combine(u.Rules)
	b.unaffected = append(b.unaffected, u)
}

// outputs emits the output-resource records of an image acted on by r
// and returns the decisions they carry, whether it checked the AMIs
// against the rule's AMI exclusions, and whether one matched.
// outputCounts counts the records.
func (b *builder) outputs(i int, r *compiledRule, reason, imageAccount string) (all decisionSet, checked, matched bool) {
	x := b.x
	e := &x.entries[i]
	o := x.o
	inc := r.includes
	if inc.Containers {
		for _, c := range sortedContainers(e.img.Containers) {
			if len(c.ImageURIs) == 0 {
				continue
			}
			b.resources = append(b.resources, ExecutionResource{
				Kind:             KindContainer,
				ResourceID:       c.ImageURIs[0],
				ParentResourceID: e.img.ARN,
				Action:           b.action(r.action, reason),
				State:            ExecutionState{Status: ExecutionSuccess},
				Region:           c.Region,
				AccountID:        imageAccount,
				ImageURIs:        slices.Clone(c.ImageURIs),
				Rule:             r.index,
			})
			b.summary.Containers.add(r.action, ExecutionSuccess)
		}
	}
	deleteSnapshots := r.deletesSnapshots()
	if !inc.AMIs && (!deleteSnapshots || o.IgnoreSnapshotsWithoutAMIs) {
		return all, false, false
	}
	b.amis = sortedAMIs(b.amis[:0], e.img.AMIs)
	for _, a := range b.amis {
		account := a.AccountID
		if account == "" {
			account = imageAccount
		}
		rec := ExecutionResource{
			Kind:             KindAMI,
			ResourceID:       a.ID,
			ParentResourceID: e.img.ARN,
			Region:           a.Region,
			AccountID:        account,
			Rule:             r.index,
		}
		if a.State == amiDeregistered {
			continue // already gone: EC2 has nothing left to act on
		}
		excl, value, flags := x.amiExclusion(r, a, imageAccount)
		matched = matched || excl != amiNotExcluded
		var kept string
		if a.ListedByOtherImages {
			var record bool
			if record, kept = x.sharedAMI(a.ID, i, x.results[i].acted); !record {
				all |= flagLP9 // recorded under an earlier image
				continue
			}
			flags |= flagLP9
		}
		if !inc.AMIs {
			// Snapshots without AMIs (L-12): the AMI is not acted on, and its
			// snapshots cannot be deleted while it stays registered.
			if excl != amiNotExcluded || len(a.Snapshots) == 0 {
				continue
			}
			flags |= flagL12
			rec.State = ExecutionState{Status: ExecutionFailed, Reason: reasonSnapshotsBlocked}
			rec.Snapshots = b.snapshotRecords(a.Snapshots, ExecutionFailed, reasonSnapshotInUse)
			rec.Decisions = b.dec.slice(flags)
			b.summary.AMIs.add("", ExecutionFailed)
			b.summary.Snapshots.Failed += len(a.Snapshots)
			b.resources = append(b.resources, rec)
			all |= flags
			continue
		}
		rec.Action = b.action(r.action, reason)
		switch {
		case excl != amiNotExcluded:
			// Only this AMI is protected; the other reading of L-30 would
			// have skipped the whole image.
			flags |= flagL30
			rec.State = ExecutionState{Status: ExecutionSkipped, Reason: b.amiReason(r, a, excl, value)}
		case o.PredictPermissionFailures && a.Described && !hasEC2Tag(a.Tags, tagCreatedBy, tagValueImageBuilder):
			flags |= flagLP5
			rec.State = ExecutionState{Status: ExecutionFailed, Reason: reasonMissingCreatedBy}
			if deleteSnapshots && len(a.Snapshots) > 0 {
				rec.Snapshots = b.snapshotRecords(a.Snapshots, ExecutionFailed, reasonSnapshotOfFailing)
				b.summary.Snapshots.Failed += len(a.Snapshots)
			}
		default:
			rec.State = ExecutionState{Status: ExecutionSuccess}
			switch {
			case flags&flagL29 != 0:
				rec.State.Reason = b.rs.get(reasonKey{kind: rkMissingFacts, n: int64(r.missingFacts(a))}, r)
			case kept != "":
				rec.State.Reason = b.rs.get(reasonKey{kind: rkSharedAMI, s: kept}, r)
			}
			if deleteSnapshots && len(a.Snapshots) > 0 {
				rec.Snapshots = b.snapshotRecords(a.Snapshots, ExecutionSuccess, "")
				b.summary.Snapshots.Delete += len(a.Snapshots)
			}
		}
		rec.Decisions = b.dec.slice(flags)
		b.summary.AMIs.add(r.action, rec.State.Status)
		b.resources = append(b.resources, rec)
		all |= flags
	}
	return all, true, matched
}

// hasSnapshots reports whether one of the image's AMIs has a known
// snapshot.
func hasSnapshots(img *index.Image) bool {
	for i := range img.AMIs {
		if len(img.AMIs[i].Snapshots) > 0 {
			return true
		}
	}
	return false
}

func (b *builder) snapshotRecords(ids []string, status ExecutionStatus, reason string) []ExecutionSnapshot {
	out := b.takeSnapshots(len(ids))
	for j, id := range ids {
		out[j] = ExecutionSnapshot{SnapshotID: id, State: ExecutionState{Status: status, Reason: reason}}
	}
	return out
}

func (b *builder) amiReason(r *compiledRule, a *index.AMI, excl amiExclusion, value string) string {
	rs := b.rs
	switch excl {
	case amiByRegion:
		return rs.get(reasonKey{kind: rkAMIRegion, s: value}, r)
	case amiByPublic:
		return rs.get(reasonKey{kind: rkAMIPublic}, r)
	case amiByTag:
		return rs.get(reasonKey{kind: rkAMITag, s: value}, r)
	case amiByShared:
		return rs.get(reasonKey{kind: rkAMIShared, s: value}, r)
	case amiByOwner:
		return rs.get(reasonKey{kind: rkAMIOwner, s: value}, r)
	case amiByLaunch:
		if a.LastLaunched.IsZero() {
			return rs.get(reasonKey{kind: rkAMINeverLaunched, rule: r.index}, r)
		}
		return rs.get(reasonKey{kind: rkAMILaunched, rule: r.index, n: dayNumber(a.LastLaunched)}, r)
	}
	return ""
}

// sortedAMIs appends to dst pointers to the AMIs ordered by Region,
// account and ID, so that records do not depend on the order of
// outputResources. Images have a handful of AMIs: an insertion sort is
// the cheapest.
func sortedAMIs(dst []*index.AMI, amis []index.AMI) []*index.AMI {
	for i := range amis {
		a := &amis[i]
		j := len(dst)
		dst = append(dst, a)
		for ; j > 0 && compareAMIs(a, dst[j-1]) < 0; j-- {
			dst[j] = dst[j-1]
		}
		dst[j] = a
	}
	return dst
}

func compareAMIs(a, b *index.AMI) int {
	if c := strings.Compare(a.Region, b.Region); c != 0 {
		return c
	}
	if c := strings.Compare(a.AccountID, b.AccountID); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// sortedContainers returns the container entries ordered by Region, then
// by image URIs.
func sortedContainers(cs []index.Container) []index.Container {
	if len(cs) < 2 {
		return cs
	}
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b index.Container) int {
		if c := strings.Compare(a.Region, b.Region); c != 0 {
			return c
		}
		return slices.Compare(a.ImageURIs, b.ImageURIs)
	})
	return out
}

// The EC2 image states the engine sets and reads.
const (
	amiDeregistered = "deregistered"
	amiDisabled     = "disabled"
)

// The EC2 tags the service writes to AMIs (DeprecatedBy, on deprecation)
// and requires on them before it acts (CreatedBy, for the managed
// execution policy), both with the same value.
const (
	tagDeprecatedBy      = "DeprecatedBy"
	tagCreatedBy         = "CreatedBy"
	tagValueImageBuilder = "EC2 Image Builder"
)

// hasEC2Tag reports whether tags hold the pair key=value, compared exactly.
func hasEC2Tag(tags []index.Tag, key, value string) bool {
	for _, t := range tags {
		if t.Key == key && t.Value == value {
			return true
		}
	}
	return false
}
