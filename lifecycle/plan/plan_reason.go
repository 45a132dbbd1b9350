package plan

import (
	"strconv"
	"strings"
	"time"
)

// reasonKind names a family of reason texts.
type reasonKind uint8

const (
	rkCountBeyond reasonKind = iota
	rkAgeOld
	rkFailedAnyAge
	rkTagSkip
	rkKept
	rkYoung
	rkState
	rkProtected
	rkInactive
	rkNotEvaluated
	rkUnknown
	rkDeferred
	rkForeign
	rkAMIRegion
	rkAMIPublic
	rkAMITag
	rkAMIShared
	rkAMIOwner
	rkAMILaunched
	rkAMINeverLaunched
	rkAMIProtectsImage
	rkMissingFacts
	rkSharedAMI
)

// reasonKey identifies one reason text. Texts are shared between records,
// so a plan of a million images holds a few thousand distinct strings.
type reasonKey struct {
	kind reasonKind
	rule int
	n    int64
	s    string
}

// reasons builds and interns the texts of a plan.
type reasons struct {
	texts    map[reasonKey]string
	combined map[[3]string]string
}

func newReasons() *reasons {
	return &reasons{texts: make(map[reasonKey]string), combined: make(map[[3]string]string)}
}

// get returns the text for k, building it with build on first use.
func (rs *reasons) get(k reasonKey, r *compiledRule) string {
	if s, ok := rs.texts[k]; ok {
		return s
	}
	s := rs.build(k, r)
	rs.texts[k] = s
	return s
}

func (rs *reasons) build(k reasonKey, r *compiledRule) string {
	switch k.kind {
	case rkCountBeyond:
		s := "beyond " + newestText(r.value) + " kept per recipe version"
		if k.s != "" {
			s = k.s + " build, takes no slot: " + s
		}
		return s
	case rkAgeOld:
		s := "created " + dayText(k.n) + ", older than " + r.threshold
		if k.s != "" {
			s = k.s + " build, takes no slot; " + s
		} else if r.slots > 0 {
			s += ", beyond " + newestText(r.slots) + " retained per recipe version"
		}
		return s
	case rkFailedAnyAge:
		return k.s + " build, created " + dayText(k.n) + ", younger than " + r.threshold + ": a failed build qualifies for deletion whatever its age"
	case rkTagSkip:
		return "image tag " + k.s + "=" + r.tagExclusions[k.s] + " matches the rule's exclusionRules.tagMap"
	case rkKept:
		return "kept in slot " + strconv.FormatInt(k.n, 10) + " of " + strconv.Itoa(r.slots) + " of its recipe version"
	case rkYoung:
		var s string
		switch {
		case k.n < 0:
			s = "created exactly " + r.threshold + " ago, which is not older than " + r.threshold
		case k.n == 0:
			s = "younger than " + r.threshold + " by less than an hour"
		default:
			s = "younger than " + r.threshold + " by " + hoursText(k.n)
		}
		if k.s != "" {
			s = k.s + " build, " + s
		}
		return s
	case rkState:
		return string(r.action) + " skips " + k.s + " images"
	case rkProtected:
		return "its recipe version has fewer good images than the " + strconv.Itoa(r.slots) + " it keeps, so nothing in it qualifies (FewGoodImagesProtectFailed)"
	case rkInactive:
		return "a COUNT rule on " + string(r.action) + " acts on nothing (CountOnDeprecateDisableNoAction)"
	case rkNotEvaluated:
		return "not evaluated"
	case rkUnknown:
		return "status " + strconv.Quote(k.s) + " is not a known image status; not evaluated"
	case rkDeferred:
		return "build in progress (" + k.s + "): deferred to a later execution, takes no part in this one"
	case rkForeign:
		return "image of " + k.s + ": the policy acts only on images of its own Region and account"
	case rkAMIRegion:
		return "Region " + k.s + " is in exclusionRules.amis.regions"
	case rkAMIPublic:
		return "the AMI is public (exclusionRules.amis.isPublic)"
	case rkAMITag:
		return "EC2 tag " + k.s + " matches exclusionRules.amis.tagMap"
	case rkAMIShared:
		return "shared with account " + k.s + " listed in exclusionRules.amis.sharedAccounts"
	case rkAMIOwner:
		return "owned by account " + k.s + " listed in exclusionRules.amis.sharedAccounts (SharedAccountsIncludeOwners)"
	case rkAMILaunched:
		return "launched " + dayText(k.n) + ", within the last " + r.llThreshold + " (exclusionRules.amis.lastLaunched)"
	case rkAMIProtectsImage:
		return "its AMI " + k.s + "; under AMIExclusionProtectsImage the exclusion protects the whole image"
	case rkMissingFacts:
		return missingFactsText(missingFact(k.n))
	case rkSharedAMI:
		return "acted on with this image although image " + k.s + ", which this run leaves alone, lists it too"
	case rkAMINeverLaunched:
		return "EC2 reports no launch and NeverLaunchedExcluded is set (exclusionRules.amis.lastLaunched)"
	}
	return ""
}

// The reasons that do not depend on a rule.
const (
	reasonSnapshotsBlocked  = "the AMI stays registered (the rule does not include AMIs), so its snapshots cannot be deleted"
	reasonSnapshotInUse     = "in use by a registered AMI"
	reasonMissingCreatedBy  = "the AMI lacks the EC2 tag CreatedBy: EC2 Image Builder that the managed execution policy requires"
	reasonSnapshotOfFailing = "its AMI cannot be deregistered"
	reasonDisabledPolicy    = "the policy is DISABLED: no scheduled execution runs, so nothing is evaluated"
	reasonEvaluatedDisabled = "the policy is DISABLED; evaluated as if ENABLED (EvaluateDisabledPolicy)"
)

// missingFactsText says which facts about an AMI the inventory lacks and
// that the AMI is therefore predicted acted on (Decision L-29).
func missingFactsText(m missingFact) string {
	var what []string
	if m&missingDescription != 0 {
		what = append(what, "its EC2 description (tags, public flag, last launch)")
	}
	if m&missingPermissions != 0 {
		what = append(what, "its launch permissions (the accounts it is shared with)")
	}
	if m&missingLaunchTime != 0 {
		what = append(what, "a readable last launch time")
	}
	return "predicted acted on: the inventory lacks " + strings.Join(what, " and ") +
		", which the rule's exclusionRules.amis need, so no exclusion can be shown to match"
}

// combine joins an unaffected image's verdicts, one per rule, into one
// sentence.
func (rs *reasons) combine(vs []RuleVerdict) string {
	var key [3]string
	if len(vs) <= len(key) {
		for i, v := range vs {
			key[i] = v.Reason
		}
		if s, ok := rs.combined[key]; ok {
			return s
		}
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(string(v.Action))
		b.WriteString(": ")
		b.WriteString(v.Reason)
	}
	s := b.String()
	if len(vs) <= len(key) {
		rs.combined[key] = s
	}
	return s
}

// newestText returns "the newest image" or "the N newest images".
func newestText(n int) string {
	if n == 1 {
		return "the newest image"
	}
	return "the " + strconv.Itoa(n) + " newest images"
}

// dayNumber returns the day of t counted from the Unix epoch, in UTC.
func dayNumber(t time.Time) int64 {
	d := t.Unix()
	if d < 0 {
		return (d - 86399) / 86400
	}
	return d / 86400
}

// dayText formats a day number as YYYY-MM-DD.
func dayText(day int64) string {
	return time.Unix(day*86400, 0).UTC().Format(time.DateOnly)
}

// hoursText formats a positive number of hours in whole hours below two
// days and in whole days (rounded down) from two days on, so that a plan
// holds few distinct texts; RuleVerdict.Margin has the exact value (up to
// about 292 years, where time.Duration saturates).
func hoursText(h int64) string {
	if h < 48 {
		return plural(h, "hour")
	}
	return plural(h/24, "day")
}

func plural(n int64, unit string) string {
	s := strconv.FormatInt(n, 10) + " " + unit
	if n != 1 {
		s += "s"
	}
	return s
}
