package semver

import (
	"errors"
	"slices"
	"strconv"
	"time"
)

// Latest returns the highest candidate that f matches and true, or the zero
// BuildVersion and false when none matches. "Highest" compares major, minor
// and patch numerically, then the build (Decision AS-7). The order of
// candidates does not matter. Latest does not allocate.
func Latest(f Filter, candidates []BuildVersion) (BuildVersion, bool) {
	i := LatestIndex(f, candidates)
	if i < 0 {
		return BuildVersion{}, false
	}
	return candidates[i], true
}

// LatestIndex is like Latest but returns the index of the chosen candidate,
// or -1 when none matches. When equal candidates tie, the first one wins.
func LatestIndex(f Filter, candidates []BuildVersion) int {
	best := -1
	for i, c := range candidates {
		if f.Match(c.v) && (best < 0 || c.Compare(candidates[best]) > 0) {
			best = i
		}
	}
	return best
}

// Matching returns every candidate that f matches, in ascending order, each
// distinct build version once. It is the set reading of a wildcard used by
// lifecycle policies, where "1.x.x" selects every version of major 1.
func Matching(f Filter, candidates []BuildVersion) []BuildVersion {
	var out []BuildVersion
	for _, c := range candidates {
		if f.Match(c.v) {
			out = append(out, c)
		}
	}
	SortBuilds(out)
	return slices.Compact(out)
}

// Candidate is one build offered to a Resolver, with what the caller knows
// about it.
type Candidate struct {
	Version BuildVersion
	// State is the image or component state as the service reports it,
	// such as "AVAILABLE" or "DEPRECATED"; empty when unknown.
	State string
	// Created is the creation time; the zero time when unknown.
	Created time.Time
}

// The states in which a build is fully usable: images report AVAILABLE,
// components and workflows ACTIVE.
const (
	StateAvailable = "AVAILABLE"
	StateActive    = "ACTIVE"
)

// Resolver resolves a version filter to one build under chosen readings of
// the points the service leaves open. The zero value is the default
// reading, the same as Latest.
type Resolver struct {
	// SkipStates lists the states whose builds are never chosen, for
	// example "DEPRECATED", "DISABLED" and "FAILED" (Decision AS-8). By
	// default no build is skipped.
	SkipStates []string

	// ByDateCreated picks the most recently created match instead of the
	// highest version (the LatestByDateCreated reading of Decision AS-7).
	// Candidates without a creation time lose to those with one; ties fall
	// back to the highest version.
	ByDateCreated bool
}

// Resolution is the outcome of Resolver.Resolve.
type Resolution struct {
	Index     int          // index of the chosen candidate
	Version   BuildVersion // the chosen build
	Decisions []Decision   // decisions that affected the choice, in ascending order
}

// ErrNoMatch is wrapped by the error Resolve returns when no candidate can
// be chosen. The service's own error for this case is undocumented
// (Decision AS-11).
var ErrNoMatch = errors.New("no build matches")

// NoMatchError reports that no candidate was chosen for a filter.
type NoMatchError struct {
	Filter     Filter
	Candidates int // how many candidates were offered
	Matched    int // how many matched the filter
	Skipped    int // how many of those were skipped for their state
}

// Error describes the filter and why nothing was chosen.
func (e *NoMatchError) Error() string {
	s := "semver: no build matches " + e.Filter.String() + " among " + strconv.Itoa(e.Candidates) + " candidates"
	if e.Skipped > 0 {
		s += " (" + strconv.Itoa(e.Skipped) + " of " + strconv.Itoa(e.Matched) + " matches skipped for their state)"
	}
	return s
}

// Unwrap returns ErrNoMatch.
func (e *NoMatchError) Unwrap() error { return ErrNoMatch }

// Resolve chooses one of candidates for f. It returns a *NoMatchError when
// none qualifies. The result is independent of the order of candidates,
// except that among identical candidates the first wins.
//
// Decisions lists AS-7 when more than one candidate matched and the other
// reading of "latest" would choose differently or cannot be checked
// because creation times are missing, and AS-8 when a state was skipped on
// the way to the result or the chosen build's known state is neither
// AVAILABLE nor ACTIVE.
func (r Resolver) Resolve(f Filter, candidates []Candidate) (Resolution, error) {
	byVersion, byDate := -1, -1
	bestAll := -1 // winner had nothing been skipped
	matched, skipped := 0, 0
	datesMissing := false
	for i := range candidates {
		c := &candidates[i]
		if !f.Match(c.Version.v) {
			continue
		}
		matched++
		if c.Created.IsZero() {
			datesMissing = true
		}
		if bestAll < 0 || r.better(c, &candidates[bestAll]) {
			bestAll = i
		}
		if slices.Contains(r.SkipStates, c.State) {
			skipped++
			continue
		}
		if byVersion < 0 || c.Version.Compare(candidates[byVersion].Version) > 0 {
			byVersion = i
		}
		if byDate < 0 || newer(c, &candidates[byDate]) {
			byDate = i
		}
	}
	if byVersion < 0 {
		return Resolution{Index: -1}, &NoMatchError{Filter: f, Candidates: len(candidates), Matched: matched, Skipped: skipped}
	}
	chosen, other := byVersion, byDate
	if r.ByDateCreated {
		chosen, other = byDate, byVersion
	}
	res := Resolution{Index: chosen, Version: candidates[chosen].Version}
	if matched-skipped > 1 && (datesMissing || candidates[other].Version != candidates[chosen].Version) {
		res.Decisions = append(res.Decisions, DecisionLatest)
	}
	st := candidates[chosen].State
	if (skipped > 0 && bestAll != chosen) || (st != "" && st != StateAvailable && st != StateActive) {
		res.Decisions = append(res.Decisions, DecisionSkipStates)
	}
	return res, nil
}

// better reports whether a beats b under r's reading of "latest".
func (r Resolver) better(a, b *Candidate) bool {
	if r.ByDateCreated {
		return newer(a, b)
	}
	return a.Version.Compare(b.Version) > 0
}

// newer reports whether a was created after b; unknown times are oldest and
// ties go to the higher version.
func newer(a, b *Candidate) bool {
	if !a.Created.Equal(b.Created) {
		return a.Created.After(b.Created)
	}
	return a.Version.Compare(b.Version) > 0
}
