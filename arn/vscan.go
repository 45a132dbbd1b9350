package arn

// maxNode is the largest value of a version node (decision AS-1).
const maxNode = 1<<30 - 1

// vscan is the version part of an ARN or a version shape, read under the
// widest grammar of the model's patterns: three nodes of digits or "x",
// "x" allowed in any node, no limit on the numbers, optionally "/" and a
// build of digits. It records which documented rules the text breaks,
// without deciding yet whether that makes it invalid.
type vscan struct {
	version, build string    // the "M.m.p" text and the build digits
	hasBuild       bool      // a "/build" follows
	nodes          [3]uint32 // numeric nodes, saturated at maxNode+1; 0 for x
	wildcards      uint8     // bit i set when node i is "x" (bit 0: major)
	misplaced      bool      // a number right of an x, such as x.2.x (AS-1)
	overflow       bool      // a node above maxNode (AS-1)
	overflowNode   string    // the first such node
	leadingZero    bool      // a version node with a leading zero (AS-6)
	buildZero      bool      // a build with a leading zero (AS-6)
	buildValue     uint64    // the build; 0 when buildOverflow
	buildOverflow  bool      // the build does not fit in 64 bits (AS-10)
}

// fixed returns the number of numeric nodes left of the first x.
func (v *vscan) fixed() uint8 {
	switch {
	case v.wildcards&1 != 0:
		return 0
	case v.wildcards&2 != 0:
		return 1
	case v.wildcards&4 != 0:
		return 2
	}
	return 3
}

// form returns the version form of a scanned version.
func (v *vscan) form() formSet {
	switch {
	case v.hasBuild && v.wildcards != 0:
		return formWildcardBuild
	case v.hasBuild:
		return formBuild
	case v.wildcards != 0:
		return formWildcard
	}
	return formVersion
}

// unusual reports whether any rule of proseRules can apply to v; most
// versions skip them.
func (v *vscan) unusual() bool {
	return v.misplaced || v.overflow || v.leadingZero || v.buildZero ||
		v.hasBuild && (v.buildOverflow || v.buildValue == 0)
}

// scanVersion scans s into v. On a syntax error it returns ok == false and
// the part (version or build) that is malformed. It does not allocate.
func scanVersion(s string, v *vscan) (bad part, ok bool) {
	i := 0
	for n := 0; n < 3; n++ {
		if n > 0 {
			if i >= len(s) || s[i] != '.' {
				return partVersion, false
			}
			i++
		}
		if i < len(s) && s[i] == 'x' {
			v.wildcards |= 1 << n
			i++
			continue
		}
		if v.wildcards != 0 {
			v.misplaced = true
		}
		start := i
		var x uint64
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			if x <= maxNode {
				x = x*10 + uint64(s[i]-'0')
			}
		}
		if i == start {
			return partVersion, false
		}
		if i-start > 1 && s[start] == '0' {
			v.leadingZero = true
		}
		if x > maxNode {
			if !v.overflow {
				v.overflow, v.overflowNode = true, s[start:i]
			}
			x = maxNode + 1
		}
		v.nodes[n] = uint32(x)
	}
	v.version = s[:i]
	if i == len(s) {
		return 0, true
	}
	if s[i] != '/' {
		return partVersion, false
	}
	v.hasBuild, v.build = true, s[i+1:]
	if v.build == "" {
		return partBuild, false
	}
	for j := 0; j < len(v.build); j++ {
		c := v.build[j]
		if c < '0' || c > '9' {
			return partBuild, false
		}
		d := uint64(c - '0')
		if !v.buildOverflow && v.buildValue > (1<<64-1-d)/10 {
			v.buildOverflow, v.buildValue = true, 0
		}
		if !v.buildOverflow {
			v.buildValue = v.buildValue*10 + d
		}
	}
	v.buildZero = len(v.build) > 1 && v.build[0] == '0'
	return 0, true
}

// proseRules applies the rules of decisions AS-1, AS-6 and AS-10 to a
// scanned version, in that order.
func (c *checker) proseRules(v *vscan) {
	if v.misplaced && c.decide(ruleWildcardOrder, !c.regexOnly()) {
		c.reject(ruleWildcardOrder, partVersion, ErrInvalid, v.version,
			"expected x only in trailing nodes (such as 1.2.x, 1.x.x or x.x.x)")
	}
	if v.overflow && c.decide(ruleNodeRange, !c.regexOnly()) {
		c.reject(ruleNodeRange, partVersion, ErrInvalid, v.overflowNode,
			"expected major, minor and patch of at most 1073741823")
	}
	if (v.leadingZero || v.buildZero) && c.decide(ruleLeadingZero, c.o.leadingZeros) {
		field, found := partVersion, v.version
		if !v.leadingZero {
			field, found = partBuild, v.build
		}
		c.reject(ruleLeadingZero, field, ErrInvalid, found,
			"expected numbers without leading zeros (leading zeros are rejected by option)")
	}
	if !v.hasBuild {
		return
	}
	switch {
	case v.buildOverflow:
		if c.decide(ruleBuildRange, !c.regexOnly()) {
			c.reject(ruleBuildRange, partBuild, ErrInvalid, v.build,
				"expected a build number of at most 18446744073709551615")
		}
	case v.buildValue == 0:
		if c.decide(ruleBuildRange, c.o.nonZero) {
			c.reject(ruleBuildRange, partBuild, ErrInvalid, v.build,
				"expected a build number of at least 1 (reading AS-10)")
		}
	}
}
