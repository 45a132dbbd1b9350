package plan

import (
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
)

// nearThreshold is how close to an age cutoff a creation or launch time
// must be for its verdict to depend on the time of day the service picks
// for the daily run (Decision L-P6).
const nearThreshold = 24 * time.Hour

// compiledRule is one policy rule prepared for an execution at a given
// instant: its keep slots, cutoffs and exclusions.
type compiledRule struct {
	index    int   // position in policyDetails
	bit      uint8 // 1 << position in the evaluation order, for entry.excluded
	action   lifecycle.ActionType
	count    bool // COUNT filter; otherwise AGE
	value    int
	slots    int // keep slots per recipe-version group under the chosen readings
	retain   int // retainAtLeast of an AGE filter, 0 when absent
	inactive bool
	// ddRetain marks an AGE DEPRECATE/DISABLE rule with retainAtLeast,
	// whose slots depend on Decision L-9.
	ddRetain bool
	// countDD marks a COUNT DEPRECATE/DISABLE rule (Decision L-10).
	countDD bool

	threshold string    // "90 DAYS", for reasons
	cutoff    time.Time // AGE: images created before it are old enough
	altCutoff time.Time // the cutoff under the other reading of L-1
	hasAlt    bool
	// runLo and runHi bound the cutoffs of runs a day earlier and later
	// (L-P6); llLo and llHi those of the lastLaunched window.
	runLo, runHi time.Time

	tagExclusions lifecycle.Tags
	amiExclusions *lifecycle.AMIExclusionRules
	shared        accountSet // amiExclusions.SharedAccounts
	llCutoff      time.Time  // lastLaunched window start
	llAltCutoff   time.Time
	llHasAlt      bool
	llThreshold   string
	llLo, llHi    time.Time

	includes lifecycle.IncludeResources
}

// compileRules prepares the policy's rules in the evaluation order
// DEPRECATE, DISABLE, DELETE (Decision L-22). Of several rules with one
// action type (possible only under ModelOnlyValidation) the first in
// policyDetails order is used.
func compileRules(p *lifecycle.Policy, now time.Time, o *settings) []compiledRule {
	var rules []compiledRule
	for prio := 0; prio < 3; prio++ {
		for i := range p.PolicyDetails {
			d := &p.PolicyDetails[i]
			if d.Action.Type.Priority() != prio {
				continue
			}
			r := compileRule(i, d, p.ResourceType, now, o)
			r.bit = 1 << len(rules)
			rules = append(rules, r)
			break
		}
	}
	return rules
}

func compileRule(i int, d *lifecycle.PolicyDetail, rt lifecycle.ResourceType, now time.Time, o *settings) compiledRule {
	r := compiledRule{
		index:    i,
		action:   d.Action.Type,
		count:    d.Filter.Type == lifecycle.FilterCount,
		value:    d.Filter.Value,
		includes: d.Action.Includes(),
	}
	deleteRule := r.action == lifecycle.ActionDelete
	if r.count {
		r.slots = r.value
		r.threshold = strconv.Itoa(r.value) + " newest"
		if !deleteRule {
			r.countDD = true
			r.inactive = o.CountOnDeprecateDisableNoAction
		}
	} else {
		r.retain = d.Filter.Retain()
		if deleteRule || o.HonourRetainOnDeprecateDisable {
			r.slots = r.retain
		}
		r.ddRetain = !deleteRule && r.retain > 0
		r.threshold = amountText(r.value, d.Filter.Unit)
		r.cutoff, r.altCutoff, r.hasAlt = cutoffs(now, r.value, d.Filter.Unit, o.FixedMonthYear)
		r.runLo, r.runHi = runWindow(now, r.value, d.Filter.Unit, o.FixedMonthYear)
	}
	if e := d.ExclusionRules; e != nil {
		r.tagExclusions = e.TagMap
		if rt == lifecycle.ResourceTypeAMI {
			r.amiExclusions = e.AMIs
		}
		if a := r.amiExclusions; a != nil {
			r.shared = newAccountSet(a.SharedAccounts)
		}
		if a := r.amiExclusions; a != nil && a.LastLaunched != nil {
			ll := a.LastLaunched
			r.llCutoff, r.llAltCutoff, r.llHasAlt = cutoffs(now, ll.Value, ll.Unit, o.FixedMonthYear)
			r.llLo, r.llHi = runWindow(now, ll.Value, ll.Unit, o.FixedMonthYear)
			r.llThreshold = amountText(ll.Value, ll.Unit)
		}
	}
	// Output resources of the other resource type are ignored (X8, X9).
	if rt == lifecycle.ResourceTypeAMI {
		r.includes.Containers = false
	} else {
		r.includes.AMIs, r.includes.Snapshots = false, false
	}
	if !deleteRule {
		r.includes.Containers = false
	}
	return r
}

// amountText writes an age as "30 DAYS" or "1 MONTH": the unit as the
// API spells it, singular for 1.
func amountText(value int, unit lifecycle.TimeUnit) string {
	u := string(unit)
	if value == 1 {
		u = strings.TrimSuffix(u, "S")
	}
	return strconv.Itoa(value) + " " + u
}

// deletesSnapshots reports whether r is a DELETE rule that includes
// snapshots; DEPRECATE and DISABLE do nothing to snapshots (Decision L-P3).
func (r *compiledRule) deletesSnapshots() bool {
	return r.action == lifecycle.ActionDelete && r.includes.Snapshots
}

// snapshotsOnly reports whether r deletes snapshots but not the AMIs that
// use them (Decision L-12).
func (r *compiledRule) snapshotsOnly() bool { return r.deletesSnapshots() && !r.includes.AMIs }

// skipsStatus reports whether the rule skips images in status s:
// DEPRECATE skips DEPRECATED, DISABLED, FAILED and CANCELLED images, DISABLE
// skips DISABLED, FAILED and CANCELLED ones, DELETE skips none.
func (r *compiledRule) skipsStatus(s lifecycle.ImageStatus) bool {
	switch r.action {
	case lifecycle.ActionDeprecate:
		return s == lifecycle.StatusDeprecated || s == lifecycle.StatusDisabled || s.Unsuccessful()
	case lifecycle.ActionDisable:
		return s == lifecycle.StatusDisabled || s.Unsuccessful()
	}
	return false
}

// ageCheck reports whether an image created at t is old enough for the
// rule, and the decisions the verdict depends on: L-2 at the exact cutoff,
// L-1 when the other month length changes it, L-P6 within a day of the
// cutoff.
func (r *compiledRule) ageCheck(t time.Time, inclusive bool) (old bool, flags decisionSet) {
	old = olderThan(t, r.cutoff, inclusive)
	otherReading := r.hasAlt && olderThan(t, r.altCutoff, inclusive) != old
	return old, cutoffFlags(t, r.cutoff, r.runLo, r.runHi, flagL2, otherReading)
}

// cutoffFlags returns the decisions that comparing t with a cutoff depends
// on: atCutoff when t is the cutoff itself, L-1 when the other month and
// year length gives the other answer, and L-P6 when t lies between the
// cutoffs of runs a day earlier and a day later (lo, hi), so that the time
// of day of the run decides.
func cutoffFlags(t, cutoff, lo, hi time.Time, atCutoff decisionSet, otherReading bool) decisionSet {
	var flags decisionSet
	if t.Equal(cutoff) {
		flags |= atCutoff
	}
	if otherReading {
		flags |= flagL1
	}
	if !t.Before(lo) && !t.After(hi) {
		flags |= flagLP6
	}
	return flags
}

// olderThan reports whether t is before the cutoff (at it too when
// inclusive).
func olderThan(t, cutoff time.Time, inclusive bool) bool {
	if inclusive {
		return !t.After(cutoff)
	}
	return t.Before(cutoff)
}

// tagExcluded returns the smallest key of the rule's exclusion tags that
// the image carries, if any.
func (r *compiledRule) tagExcluded(tags lifecycle.Tags) (string, bool) {
	return tags.Match(r.tagExclusions)
}

// accountSet is a set of account IDs: a short list is scanned, a long one
// (sharedAccounts allows 1,536) hashed.
type accountSet struct {
	list []string
	set  map[string]struct{}
}

// smallAccountSet is the largest list scanned rather than hashed.
const smallAccountSet = 16

func newAccountSet(accounts []string) accountSet {
	if len(accounts) <= smallAccountSet {
		return accountSet{list: accounts}
	}
	s := accountSet{set: make(map[string]struct{}, len(accounts))}
	for _, acc := range accounts {
		s.set[acc] = struct{}{}
	}
	return s
}

func (s *accountSet) has(acc string) bool {
	if s.set != nil {
		_, ok := s.set[acc]
		return ok
	}
	for _, a := range s.list {
		if a == acc {
			return true
		}
	}
	return false
}

// missingFact is a bit set of the facts about an AMI that a rule's AMI
// exclusions need and the inventory lacks (Decision L-29).
type missingFact uint8

const (
	missingDescription missingFact = 1 << iota // no EC2 description: tags, public flag, last launch
	missingPermissions                         // no launch permissions: shared accounts
	missingLaunchTime                          // an unreadable LastLaunchedTime
)

// missingFacts returns the facts the rule's AMI exclusions need that the
// inventory does not hold for a. An AMI whose facts are missing cannot be
// shown to match those exclusions, so it is predicted acted on.
func (r *compiledRule) missingFacts(a *index.AMI) missingFact {
	ex := r.amiExclusions
	if ex == nil {
		return 0
	}
	var m missingFact
	if !a.Described && (ex.IsPublic || len(ex.TagMap) > 0 || ex.LastLaunched != nil) {
		m |= missingDescription
	}
	if !a.PermissionsKnown && len(ex.SharedAccounts) > 0 {
		m |= missingPermissions
	}
	if a.Described && a.LaunchUnknown && ex.LastLaunched != nil {
		m |= missingLaunchTime
	}
	return m
}

// amiExclusion is the outcome of checking one AMI against a rule's AMI
// exclusions.
type amiExclusion uint8

const (
	amiNotExcluded amiExclusion = iota
	amiByRegion
	amiByPublic
	amiByTag
	amiByShared
	amiByOwner
	amiByLaunch
)

// checkAMI applies the rule's AMI exclusions to a, owned by account owner,
// in the order Region, Public, Tag, Shared account, Last launched
// (Decision L-23) and returns the first that matches, with the matching
// value for the reason and the decisions the verdict depends on.
//
// sharedAccounts names the accounts an AMI is shared with: its launch
// permissions. Whether an AMI distributed into (owned by) a listed account
// is excluded too is Decision L-28: not by default, flagged when such an
// AMI is left to the action; under SharedAccountsIncludeOwners it is.
func (r *compiledRule) checkAMI(a *index.AMI, owner string, o *settings) (amiExclusion, string, decisionSet) {
	ex := r.amiExclusions
	if ex == nil {
		return amiNotExcluded, "", 0
	}
	for _, reg := range ex.Regions {
		if reg == a.Region {
			return amiByRegion, reg, 0
		}
	}
	if ex.IsPublic && a.Public {
		return amiByPublic, "", 0
	}
	// Without its EC2 description an AMI's tags and last launch are
	// unknown, not absent: those checks cannot match (L-29).
	if key, ok := a.MatchTag(ex.TagMap); ok && a.Described {
		return amiByTag, key + "=" + ex.TagMap[key], 0
	}
	// a.SharedAccounts is ascending: the first listed one is the smallest.
	for _, acc := range a.SharedAccounts {
		if r.shared.has(acc) {
			return amiByShared, acc, 0
		}
	}
	var flags decisionSet
	if owner != "" && r.shared.has(owner) {
		if o.SharedAccountsIncludeOwners {
			return amiByOwner, owner, flagL28
		}
		flags |= flagL28
	}
	if ex.LastLaunched != nil && a.Described && !a.LaunchUnknown {
		if a.LastLaunched.IsZero() {
			if o.NeverLaunchedExcluded {
				return amiByLaunch, "", flagL17
			}
			return amiNotExcluded, "", flags | flagL17
		}
		// Launched within the window: at or after its start (L-17).
		within := !a.LastLaunched.Before(r.llCutoff)
		otherReading := r.llHasAlt && !a.LastLaunched.Before(r.llAltCutoff) != within
		flags |= cutoffFlags(a.LastLaunched, r.llCutoff, r.llLo, r.llHi, flagL17, otherReading)
		if within {
			return amiByLaunch, "", flags &^ flagL28
		}
	}
	return amiNotExcluded, "", flags
}
