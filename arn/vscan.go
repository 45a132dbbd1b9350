package arn

import "github.com/ibkit/ibkit/internal/versionscan"

// vscan is the version part of an ARN or a version shape, "major.minor.patch"
// optionally followed by "/build", as versionscan.Inspect reads it: each
// node a digit string or the wildcard "x", with the documented rules
// recorded, not yet applied.
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

// scanVersion scans s into v. On a syntax error it returns ok == false and
// the part (version or build) that is malformed. It does not allocate.
func scanVersion(s string, v *vscan) (bad part, ok bool) {
	in, p, ok := versionscan.Inspect(s)
	v.Inspection = in
	switch {
	case ok:
		return 0, true
	case p == versionscan.PartBuild:
		return partBuild, false
	}
	return partVersion, false
}

// proseRules applies the rules of decisions AS-1, AS-6 and AS-10 to a
// scanned version, in that order.
func (c *checker) proseRules(v *vscan) {
	if v.Misplaced && c.decide(ruleWildcardOrder, !c.regexOnly()) {
		c.reject(ruleWildcardOrder, partVersion, ErrInvalid, v.Version,
			"expected x only in trailing nodes (such as 1.2.x, 1.x.x or x.x.x)")
	}
	if v.Overflow && c.decide(ruleNodeRange, !c.regexOnly()) {
		c.reject(ruleNodeRange, partVersion, ErrInvalid, v.OverflowNode,
			"expected major, minor and patch of at most 1073741823")
	}
	if (v.LeadingZero || v.BuildLeadingZero) && c.decide(ruleLeadingZero, c.o.leadingZeros) {
		field, found := partVersion, v.Version
		if !v.LeadingZero {
			field, found = partBuild, v.Build
		}
		c.reject(ruleLeadingZero, field, ErrInvalid, found,
			"expected numbers without leading zeros (reading AS-6)")
	}
	if !v.HasBuild {
		return
	}
	switch {
	case v.BuildOverflow:
		if c.decide(ruleBuildRange, !c.regexOnly()) {
			c.reject(ruleBuildRange, partBuild, ErrInvalid, v.Build,
				"expected a build number of at most 18446744073709551615")
		}
	case v.BuildValue == 0:
		if c.decide(ruleBuildRange, c.o.nonZero) {
			c.reject(ruleBuildRange, partBuild, ErrInvalid, v.Build,
				"expected a build number of at least 1 (reading AS-10)")
		}
	}
}
