package plan

import (
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
)

// entryKind says how an image in scope takes part in an execution.
type entryKind uint8

const (
	entryActive   entryKind = iota // evaluated against the rules
	entryDeferred                  // build in progress: no action, no slot (L-20)
	entryUnknown                   // status the model does not know: not evaluated
	entryForeign                   // another Region or account than the policy's: not evaluated (L-26)
	entryOut                       // not selected (only while scoping)
)

// entry is one image in scope.
type entry struct {
	img     *index.Image
	created time.Time // the creation time the execution uses (L-16)
	status  lifecycle.ImageStatus
	kind    entryKind
	group   int32
	// excluded has the bit of every rule whose exclusion tags the image
	// carries (compiledRule.bit); amiExcluded, under
	// AMIExclusionProtectsImage, of every rule whose AMI exclusions one of
	// its AMIs matches (L-30).
	excluded    uint8
	amiExcluded uint8
	flags       decisionSet // decisions of the image's selection and creation time
}

// qual is one rule's qualification verdict on one image (step 5 of the
// reference algorithm).
type qual uint8

const (
	qQualify   qual = iota // the image qualifies for the rule's action
	qKeep                  // the image holds a keep slot
	qYoung                 // the image is younger than the AGE threshold
	qProtected             // FewGoodImagesProtectFailed protects the group (L-5)
	qInactive              // the rule acts on nothing (L-10)
	qDeferred              // not evaluated: build in progress
	qUnknown               // not evaluated: unknown status
)

// qrec is one rule's verdict on one image with what explains it.
type qrec struct {
	q     qual
	slot  int32 // 1-based slot for qKeep
	flags decisionSet
}

// reading holds the readings of the decisions that a walk's result is
// compared under (L-3, L-9, L-20).
type reading struct {
	slots             int
	retainOnlyAged    bool
	deferredTakeSlots bool
}

// walk computes one rule's verdicts on one recipe-version group, given in
// evaluation order, under the readings rd and the engine options.
func walk(g []entry, r *compiledRule, rd reading, o *settings, out []qrec) {
	if r.inactive {
		for i := range g {
			out[i] = qrec{q: qInactive, flags: flagL10}
			switch g[i].kind {
			case entryDeferred:
				out[i] = qrec{q: qDeferred}
			case entryUnknown, entryForeign:
				out[i] = qrec{q: qUnknown}
			}
		}
		return
	}
	free := rd.slots
	good := 0
	if rd.slots > 0 {
		for i := range g {
			if e := &g[i]; e.kind == entryActive && !e.status.Unsuccessful() &&
				(!o.OnlyAvailableFillSlots || e.status == lifecycle.StatusAvailable) {
				good++
			}
		}
	}
	// Under FewGoodImagesProtectFailed nothing in a group with fewer good
	// images than slots qualifies (L-5).
	protect := o.FewGoodImagesProtectFailed && rd.slots > 0 && good < rd.slots
	lastKept, tieChecked := -1, false
	tied, tie := false, time.Time{} // a creation time shared across the slot boundary
	for i := range g {
		e := &g[i]
		rec := qrec{}
		switch e.kind {
		case entryDeferred:
			if rd.deferredTakeSlots && free > 0 {
				free--
			}
			out[i] = qrec{q: qDeferred}
			continue
		case entryUnknown, entryForeign:
			out[i] = qrec{q: qUnknown}
			continue
		}
		var old bool
		var ageFlags decisionSet
		if !r.count {
			old, ageFlags = r.ageCheck(e.created, o.InclusiveAgeBoundary)
		}
		if e.status.Unsuccessful() {
			// A failed build takes no slot and qualifies for deletion under
			// COUNT, and under AGE whatever its age unless the other
			// reading of L-4 asks for the threshold.
			switch {
			case r.count:
				rec.q = qQualify
			case old:
				rec.q, rec.flags = qQualify, ageFlags
			case !o.FailedRespectAge:
				rec.q, rec.flags = qQualify, ageFlags|flagL4
			default:
				rec.q, rec.flags = qYoung, ageFlags|flagL4
			}
			if rec.q == qQualify && rd.slots > 0 && good < rd.slots {
				rec.flags |= flagL5
				if protect {
					rec.q = qProtected
				}
			}
			out[i] = rec
			continue
		}
		eligible := !o.OnlyAvailableFillSlots || e.status == lifecycle.StatusAvailable
		excluded := e.excluded&r.bit != 0
		if excluded && o.ExcludeBeforeRetention {
			if free > 0 {
				rec.flags |= flagL7 // inside the window, yet it takes no slot
			}
			eligible = false
		}
		if e.amiExcluded&r.bit != 0 {
			// Protected by one of its AMIs, it takes no slot (L-30).
			eligible = false
		}
		if o.OnlyAvailableFillSlots && e.status != lifecycle.StatusAvailable && free > 0 {
			rec.flags |= flagL11 // the default reading would give it a slot
		}
		competes := r.count || !rd.retainOnlyAged || old
		if eligible && competes && free > 0 {
			free--
			rec.q, rec.slot = qKeep, int32(rd.slots-free)
			if e.status != lifecycle.StatusAvailable {
				rec.flags |= flagL11
			}
			if excluded {
				rec.flags |= flagL7
			}
			if rd.retainOnlyAged && !r.count {
				rec.flags |= ageFlags // the age decided whether it competed
			}
			lastKept = i
			out[i] = rec
			continue
		}
		if eligible && competes && !tieChecked && lastKept >= 0 {
			// The first image left without a slot: when it was created at
			// the same instant as the last one kept, the tie-break of L-16
			// decided which images of that instant hold slots.
			tieChecked = true
			if g[lastKept].created.Equal(e.created) {
				tied, tie = true, e.created
				for j := lastKept; j >= 0 && g[j].created.Equal(tie); j-- {
					if out[j].q == qKeep {
						out[j].flags |= flagL16
					}
				}
			}
		}
		if tied && eligible && competes && e.created.Equal(tie) {
			rec.flags |= flagL16
		}
		switch {
		case r.count:
			rec.q = qQualify
		case old:
			rec.q = qQualify
			rec.flags |= ageFlags
		default:
			rec.q = qYoung
			rec.flags |= ageFlags
		}
		if rec.q == qQualify && rd.slots > 0 && good < rd.slots {
			rec.flags |= flagL5 // possible when deferred images take slots (L-20)
			if protect {
				rec.q = qProtected
			}
		}
		out[i] = rec
	}
}

// walkRule computes a rule's verdicts on a group and flags the images whose
// verdict the other reading of L-3, L-9 or L-20 would change. scratch has
// the group's length.
func walkRule(g []entry, r *compiledRule, o *settings, hasDeferred bool, out, scratch []qrec) {
	rd := reading{slots: r.slots, retainOnlyAged: o.RetainOnlyAged, deferredTakeSlots: o.DeferredTakeSlots}
	walk(g, r, rd, o, out)
	if r.inactive {
		return
	}
	// compare flags the images whose qualification differs under the other
	// reading; with anyChange, also those that only move between a slot and
	// another reason for no action.
	compare := func(alt reading, flag decisionSet, anyChange bool) {
		walk(g, r, alt, o, scratch)
		for i := range g {
			if g[i].kind != entryActive {
				continue
			}
			a, b := scratch[i].q, out[i].q
			if (a == qQualify) != (b == qQualify) || (anyChange && a != b) {
				out[i].flags |= flag
			}
		}
	}
	if !r.count && r.retain > 0 && rd.slots > 0 {
		alt := rd
		alt.retainOnlyAged = !alt.retainOnlyAged
		compare(alt, flagL3, false)
	}
	if r.ddRetain {
		alt := rd
		if alt.slots == 0 {
			alt.slots = r.retain
		} else {
			alt.slots = 0
		}
		compare(alt, flagL9, false)
	}
	if hasDeferred && rd.slots > 0 {
		alt := rd
		alt.deferredTakeSlots = !alt.deferredTakeSlots
		compare(alt, flagL20, true)
	}
}
