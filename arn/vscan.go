package arn

import (
	"github.com/ibkit/ibkit/internal/versionscan"
	"github.com/ibkit/ibkit/semver"
)

// vscan is the version part of an ARN, "major.minor.patch" optionally
// followed by "/build", as versionscan.Inspect reads it: each node a digit
// string or the wildcard "x", with the documented rules recorded, not yet
// applied.
type vscan struct{ versionscan.Inspection }

// form returns the version form of a scanned version.
func (v *vscan) form() formSet {
	switch {
	case v.HasBuild && v.Wildcards != 0:
		return formWildcardBuild
	case v.HasBuild:
		return formBuild
	case v.Wildcards != 0:
		return formWildcard
	}
	return formVersion
}

// unusual reports whether any rule of proseRules can apply to v; most
// versions skip them.
func (v *vscan) unusual() bool {
	return v.Misplaced || v.Overflow || v.LeadingZero || v.BuildLeadingZero ||
		v.HasBuild && (v.BuildOverflow || v.BuildValue == 0)
}

// scanVersion scans t into v. On a syntax error it returns ok == false and
// the field (version or build) that is malformed.
func scanVersion(t string, v *vscan) (bad Field, ok bool) {
	in, part, ok := versionscan.Inspect(t)
	v.Inspection = in
	switch {
	case ok:
		return 0, true
	case part == versionscan.PartBuild:
		return FieldBuild, false
	}
	return FieldVersion, false
}

// proseRules applies the rules of decisions AS-1, AS-6 and AS-10 to a
// scanned version, in that order.
func (c *checker) proseRules(v *vscan) {
	if v.Misplaced && c.decide(RuleWildcardOrder, !c.regexOnly()) {
		c.reject(RuleWildcardOrder, FieldVersion, semver.ErrInvalid, v.Version,
			"expected x only in trailing nodes (such as 1.2.x, 1.x.x or x.x.x)")
	}
	if v.Overflow && c.decide(RuleNodeRange, !c.regexOnly()) {
		c.reject(RuleNodeRange, FieldVersion, semver.ErrInvalid, v.OverflowNode,
			"expected major, minor and patch of at most 1073741823")
	}
	if (v.LeadingZero || v.BuildLeadingZero) && c.decide(RuleLeadingZero, c.o&rRejectLeadingZeros != 0) {
		field, found := FieldVersion, v.Version
		if !v.LeadingZero {
			field, found = FieldBuild, v.Build
		}
		c.reject(RuleLeadingZero, field, semver.ErrInvalid, found,
			"expected numbers without leading zeros (leading zeros are rejected by option)")
	}
	if !v.HasBuild {
		return
	}
	switch {
	case v.BuildOverflow:
		if c.decide(RuleBuildRange, !c.regexOnly()) {
			c.reject(RuleBuildRange, FieldBuild, semver.ErrInvalid, v.Build,
				"expected a build number of at most 18446744073709551615")
		}
	case v.BuildValue == 0:
		if c.decide(RuleBuildRange, c.o&rStrictLint != 0) {
			c.reject(RuleBuildRange, FieldBuild, ErrLint, v.Build,
				"expected a build number of at least 1 (strict lint)")
		}
	}
}
