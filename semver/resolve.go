package semver

import (
	"strconv"
	"time"
)

// Latest returns the highest of builds that f matches and true, or the
// zero BuildVersion and false when none matches. "Highest" compares major,
// minor and patch numerically, then the build (decision AS-7). The order
// of builds does not matter. Latest does not allocate; Resolve offers the
// other reading of AS-7 and reports when it matters.
func Latest(f Filter, builds []BuildVersion) (BuildVersion, bool) {
	best := -1
	for i, b := range builds {
		if f.Match(b.v) && (best < 0 || b.Compare(builds[best]) > 0) {
			best = i
		}
	}
	if best < 0 {
		return BuildVersion{}, false
	}
	return builds[best], true
}

// Resolve chooses the build f selects among builds and returns its index,
// together with the decisions the choice depends on. created, when not
// nil, gives the creation time of each build (the zero time, or a missing
// entry, where unknown).
//
// By default the choice is the highest version, then the highest build,
// as for Latest; with the reading ByDateCreated it is the most recently
// created match, builds of unknown creation time losing to the others and
// ties going to the higher version. Among identical candidates the first
// wins. Decisions is [AS-7] when more than one build matched and the
// other reading would choose differently, or cannot be checked because a
// creation time is missing; otherwise it is nil.
//
// Resolve knows nothing of the builds' states: to skip builds that are
// deprecated or failed (decision AS-8), leave them out of builds. When no
// build matches, the zero Filter included, Resolve returns -1 and an
// *Error wrapping ErrNoMatch; a reading other than RegexOnly and
// ByDateCreated is an *Error wrapping ErrUnknown.
func Resolve(f Filter, builds []BuildVersion, created []time.Time, readings ...Decision) (int, []Decision, error) {
	set, err := choose(readings)
	if err != nil {
		return -1, nil, err
	}
	at := func(i int) time.Time {
		if i < len(created) {
			return created[i]
		}
		return time.Time{}
	}
	// newer reports whether build i was created after build j; unknown
	// times are oldest and ties go to the higher version.
	newer := func(i, j int) bool {
		if ti, tj := at(i), at(j); !ti.Equal(tj) {
			return ti.After(tj)
		}
		return builds[i].Compare(builds[j]) > 0
	}
	byVersion, byDate, matched := -1, -1, 0
	datesMissing := false
	for i, b := range builds {
		if !f.Match(b.v) {
			continue
		}
		matched++
		datesMissing = datesMissing || at(i).IsZero()
		if byVersion < 0 || b.Compare(builds[byVersion]) > 0 {
			byVersion = i
		}
		if byDate < 0 || newer(i, byDate) {
			byDate = i
		}
	}
	switch {
	case !f.IsValid():
		return -1, nil, &Error{Err: ErrNoMatch,
			Reason: "the filter is the zero Filter, which matches nothing; expected a filter from ParseFilter"}
	case matched == 0:
		return -1, nil, &Error{Input: f.String(), Err: ErrNoMatch,
			Reason: "no build among " + strconv.Itoa(len(builds)) + " matches"}
	}
	chosen, other := byVersion, byDate
	if set.Has(ByDateCreated) {
		chosen, other = byDate, byVersion
	}
	var decisions []Decision
	if matched > 1 && (datesMissing || builds[other] != builds[chosen]) {
		decisions = []Decision{"AS-7"}
	}
	return chosen, decisions, nil
}
