package semver

import "strconv"

// form says which of the grammar's productions a scan accepts.
type form uint8

const (
	formVersion form = iota // M.m.p
	formBuild               // M.m.p/b
	formFilter              // M.m.p, M.m.x, M.x.x, x.x.x
)

// scanned is the result of one scan: three nodes (0 where a node is "x"),
// a wildcard mask (bit i set when node i is "x", bit 0 being the major
// node) and the build.
type scanned struct {
	v     Version
	mask  uint8
	build uint64
}

// scan parses s as the production f; regexOnly admits numeric nodes right
// of a wildcard (decision AS-1). It never allocates unless it returns an
// error. It is the slow path behind the fast loops of fast.go and the
// only place that builds parse errors.
func scan(s string, f form, regexOnly bool) (scanned, error) {
	var r scanned
	var nodes [3]uint32
	i := 0
	for n := 0; n < 3; n++ {
		if n > 0 {
			// The previous node ended at a character that is not a digit.
			if i >= len(s) {
				return r, fail(s, n, i, "'.' and the "+partName(n)+" node")
			}
			if s[i] != '.' {
				want := "a digit or '.'"
				if r.mask&(1<<(n-1)) != 0 {
					want = "'.' after 'x'"
				}
				return r, fail(s, n-1, i, want)
			}
			i++
		}
		if i < len(s) && s[i] == 'x' {
			if f != formFilter {
				return r, &Error{Input: s, Part: partName(n), Err: ErrSyntax,
					Reason: "found 'x', expected a number (a wildcard belongs in a version filter)"}
			}
			r.mask |= 1 << n
			i++
			continue
		}
		start := i
		var v uint64
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			if v <= maxNode {
				v = v*10 + uint64(s[i]-'0')
			}
			i++
		}
		if i == start {
			want := "a number"
			if f == formFilter {
				want = "a number or 'x'"
			}
			return r, fail(s, n, i, want)
		}
		if v > maxNode {
			return r, &Error{Input: s, Part: partName(n), Err: ErrInvalid,
				Reason: "found " + s[start:i] + ", expected at most 1073741823"}
		}
		if r.mask != 0 && !regexOnly {
			return r, &Error{Input: s, Part: partName(n), Err: ErrInvalid,
				Reason: "found a number right of a wildcard node, expected 'x' (only trailing nodes may be wildcards)"}
		}
		nodes[n] = uint32(v)
	}
	r.v = Version{nodes[0], nodes[1], nodes[2]}
	// A '/' without a digit after it is no build; for a version or filter
	// the end of input was expected there.
	if i < len(s) && s[i] == '/' && (f == formBuild || i+1 < len(s) && '0' <= s[i+1] && s[i+1] <= '9') {
		switch f {
		case formVersion:
			return r, &Error{Input: s, Part: "build", Err: ErrSyntax,
				Reason: "found a build number, expected a version without one (use ParseBuild)"}
		case formFilter:
			return r, &Error{Input: s, Part: "build", Err: ErrSyntax,
				Reason: "found a build number, expected a filter of three nodes"}
		}
		i++
		start := i
		var b uint64
		overflow := false
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			d := uint64(s[i] - '0')
			if b > (1<<64-1-d)/10 {
				overflow = true
			}
			b = b*10 + d
			i++
		}
		if i == start {
			return r, fail(s, partBuild, i, "a build number")
		}
		if i != len(s) {
			return r, fail(s, partBuild, i, "end of input")
		}
		if overflow {
			return r, &Error{Input: s, Part: "build", Err: ErrInvalid,
				Reason: "found " + s[start:i] + ", expected at most 18446744073709551615"}
		}
		r.build = b
		return r, nil
	}
	if i != len(s) {
		want := "a digit or end of input"
		switch {
		case r.mask&4 != 0:
			want = "end of input after 'x'"
		case f == formBuild:
			want = "a digit or '/' and a build number"
		}
		return r, fail(s, 2, i, want)
	}
	if f == formBuild {
		return r, &Error{Input: s, Part: "build", Err: ErrSyntax,
			Reason: "found end of input, expected '/' and a build number"}
	}
	return r, nil
}

// fail builds the syntax error for an unexpected character (or the end of
// input) at offset i, in part index part.
func fail(s string, part, i int, want string) error {
	found := "end of input"
	if i < len(s) {
		found = strconv.QuoteRune(rune(s[i]))
		if s[i] >= 0x80 || s[i] < 0x20 {
			found = "byte " + strconv.QuoteToASCII(s[i:i+1])
		}
	}
	p := partName(part)
	if len(s) == 0 {
		found, p = "an empty string", ""
	}
	return &Error{Input: s, Part: p, Err: ErrSyntax, Reason: "found " + found + ", expected " + want}
}
