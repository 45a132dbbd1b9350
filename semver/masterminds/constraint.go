package masterminds

import (
	mm "github.com/Masterminds/semver/v3"

	"github.com/ibkit/ibkit/semver"
)

// Constraint is a parsed Masterminds range constraint such as
// ">=1.2, <2" or "~1.4 || ^2.1".
type Constraint struct {
	c    *mm.Constraints
	text string
}

// ParseConstraint parses a constraint in Masterminds syntax.
func ParseConstraint(s string) (Constraint, error) {
	c, err := mm.NewConstraint(s)
	if err != nil {
		return Constraint{}, err
	}
	return Constraint{c: c, text: s}, nil
}

// String returns the constraint as it was written.
func (c Constraint) String() string { return c.text }

// Check reports whether v satisfies the constraint. The zero Constraint
// matches nothing.
func (c Constraint) Check(v semver.Version) bool {
	return c.c != nil && c.c.Check(FromVersion(v))
}

// CheckBuild reports whether the version part of b satisfies the
// constraint; the build number plays no part.
func (c Constraint) CheckBuild(b semver.BuildVersion) bool { return c.Check(b.Version()) }

// Latest returns the highest candidate whose version satisfies the
// constraint, comparing versions and then builds numerically, and true; or
// the zero value and false when none does.
func (c Constraint) Latest(candidates []semver.BuildVersion) (semver.BuildVersion, bool) {
	var best semver.BuildVersion
	found := false
	for _, b := range candidates {
		if found && b.Compare(best) <= 0 {
			continue // cannot win, so skip the constraint check
		}
		if c.CheckBuild(b) {
			best, found = b, true
		}
	}
	return best, found
}
