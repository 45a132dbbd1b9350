package arn

import (
	"math"
	"strings"

	"github.com/ibkit/ibkit/semver"
)

// vscan is the result of scanning the version part of an ARN,
// "major.minor.patch" optionally followed by "/build". Each of the three
// nodes is a digit string or the wildcard "x".
type vscan struct {
	nodes     [3]uint32 // numeric values, saturated at MaxNode+1; 0 for x
	xmask     uint8     // bit n set when node n is x
	fixed     uint8     // number of numeric nodes before the first x
	over      bool      // a node exceeds MaxNode
	zeros     bool      // a node or the build has a leading zero
	misorder  bool      // a numeric node follows an x
	hasBuild  bool
	buildOver bool   // the build does not fit in 64 bits
	build     uint64 // build number (when !buildOver)
	semantic  string // "major.minor.patch" text
	buildText string // build digits
}

// form returns the version form of a scanned version.
func (v *vscan) form() formSet {
	switch {
	case v.hasBuild && v.xmask != 0:
		return formWildcardBuild
	case v.hasBuild:
		return formBuild
	case v.xmask != 0:
		return formWildcard
	}
	return formVersion
}

// unusual reports whether any rule of proseRules can apply to v; most
// versions skip them.
func (v *vscan) unusual() bool {
	return v.misorder || v.over || v.zeros || v.hasBuild && (v.buildOver || v.build == 0)
}

// scanVersion scans t into v, which must be zero. On a syntax error it
// returns ok == false and the field (version or build) that is malformed.
func scanVersion(t string, v *vscan) (bad Field, ok bool) {
	i := 0
	for n := 0; n < 3; n++ {
		if n > 0 {
			if i >= len(t) || t[i] != '.' {
				return FieldVersion, false
			}
			i++
		}
		if i < len(t) && t[i] == 'x' {
			v.xmask |= 1 << n
			i++
			continue
		}
		if v.xmask != 0 {
			v.misorder = true
		} else {
			v.fixed++
		}
		start := i
		var val uint64
		for ; i < len(t) && t[i] >= '0' && t[i] <= '9'; i++ {
			if val <= nodeLimit {
				val = val*10 + uint64(t[i]-'0')
			}
		}
		switch {
		case i == start:
			return FieldVersion, false
		case i-start > 1 && t[start] == '0':
			v.zeros = true
		}
		if val > nodeLimit {
			v.over = true
			val = nodeLimit + 1
		}
		v.nodes[n] = uint32(val)
	}
	v.semantic = t[:i]
	if i == len(t) {
		return 0, true
	}
	if t[i] != '/' {
		return FieldVersion, false
	}
	v.hasBuild = true
	v.buildText = t[i+1:]
	if v.buildText == "" || digitRun(v.buildText) != len(v.buildText) {
		return FieldBuild, false
	}
	if len(v.buildText) > 1 && v.buildText[0] == '0' {
		v.zeros = true
	}
	for j := 0; j < len(v.buildText); j++ {
		d := uint64(v.buildText[j] - '0')
		if v.build > (math.MaxUint64-d)/10 {
			v.buildOver = true
			v.build = 0
			break
		}
		v.build = v.build*10 + d
	}
	return 0, true
}

// proseRules applies the rules of decisions AS-1, AS-6 and AS-10 to a
// scanned version, in that order.
func (c *checker) proseRules(v *vscan) {
	if v.misorder && c.decide(RuleWildcardOrder, !c.regexOnly()) {
		c.reject(RuleWildcardOrder, FieldVersion, semver.ErrWildcard, v.semantic,
			"expected x only in trailing nodes (such as 1.2.x, 1.x.x or x.x.x)")
	}
	if v.over && c.decide(RuleNodeRange, !c.regexOnly()) {
		c.reject(RuleNodeRange, FieldVersion, semver.ErrRange, bigNode(v.semantic),
			"expected major, minor and patch of at most 1073741823")
	}
	if v.zeros && c.decide(RuleLeadingZero, c.o&rRejectLeadingZeros != 0) {
		field, found := FieldVersion, v.semantic
		if !hasLeadingZero(v.semantic) {
			field, found = FieldBuild, v.buildText
		}
		c.reject(RuleLeadingZero, field, semver.ErrLeadingZero, found,
			"expected numbers without leading zeros (leading zeros are rejected by option)")
	}
	if !v.hasBuild {
		return
	}
	switch {
	case v.buildOver:
		if c.decide(RuleBuildRange, !c.regexOnly()) {
			c.reject(RuleBuildRange, FieldBuild, semver.ErrRange, v.buildText,
				"expected a build number of at most 18446744073709551615")
		}
	case v.build == 0:
		if c.decide(RuleBuildRange, c.o&rStrictLint != 0) {
			c.reject(RuleBuildRange, FieldBuild, ErrLint, v.buildText,
				"expected a build number of at least 1 (strict lint)")
		}
	}
}

// bigNode returns the first node of a dotted version that exceeds MaxNode.
func bigNode(s string) string {
	for _, node := range strings.Split(s, ".") {
		if node == "x" {
			continue
		}
		var val uint64
		for i := 0; i < len(node) && val <= nodeLimit; i++ {
			val = val*10 + uint64(node[i]-'0')
		}
		if val > nodeLimit {
			return node
		}
	}
	return s
}

// hasLeadingZero reports whether a node of a dotted version has a leading
// zero.
func hasLeadingZero(s string) bool {
	for _, node := range strings.Split(s, ".") {
		if len(node) > 1 && node[0] == '0' {
			return true
		}
	}
	return false
}
