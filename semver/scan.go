package semver

import "strconv"

// What a ParseError says was being parsed.
const (
	kindVersion = "version"
	kindBuild   = "build version"
	kindFilter  = "version filter"
)

// form says which of the grammar's productions a scan accepts.
type form uint8

const (
	formVersion        form = iota // M.m.p
	formBuild                      // M.m.p/b
	formVersionOrBuild             // M.m.p or M.m.p/b
	formFilter                     // M.m.p, M.m.x, M.x.x, x.x.x
)

func (f form) kind() string {
	switch f {
	case formBuild, formVersionOrBuild:
		return kindBuild
	case formFilter:
		return kindFilter
	default:
		return kindVersion
	}
}

// scanned is the result of one scan: three nodes, a wildcard mask (bit i
// set when node i is "x", bit 0 being the major node) and the build.
type scanned struct {
	nodes    [3]uint32
	mask     uint8
	hasBuild bool
	build    uint64
}

// scan parses s as the production f. It never allocates unless it returns
// an error.
func (o ParseOptions) scan(s string, f form) (scanned, error) {
	var r scanned
	i := 0
	for n := 0; n < 3; n++ {
		part := Part(n + 1)
		if n > 0 {
			// The previous node ended at a character that is not a digit.
			if i >= len(s) {
				return r, o.fail(s, f, part, ErrSyntax, i, "'.' and the "+part.String()+" node")
			}
			if s[i] != '.' {
				want := "a digit or '.'"
				if r.mask&(1<<(n-1)) != 0 {
					want = "'.' after 'x'"
				}
				return r, o.fail(s, f, part-1, ErrSyntax, i, want)
			}
			i++
		}
		if i < len(s) && s[i] == 'x' {
			if f != formFilter {
				return r, &ParseError{Kind: f.kind(), Input: s, Part: part, Err: ErrWildcard,
					Detail: "a wildcard 'x' is only allowed in a version filter; expected a number"}
			}
			r.mask |= 1 << n
			i++
			continue
		}
		start := i
		var v uint64
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			if v <= MaxNode {
				v = v*10 + uint64(s[i]-'0')
			}
			i++
		}
		if i == start {
			want := "a number"
			if f == formFilter {
				want = "a number or 'x'"
			}
			return r, o.fail(s, f, part, ErrSyntax, i, want)
		}
		if s[start] == '0' && i-start > 1 && o.RejectLeadingZeros {
			return r, &ParseError{Kind: f.kind(), Input: s, Part: part, Err: ErrLeadingZero,
				Detail: "found " + strconv.Quote(s[start:i]) + ", expected " + strconv.FormatUint(v, 10)}
		}
		if v > MaxNode {
			return r, &ParseError{Kind: f.kind(), Input: s, Part: part, Err: ErrRange,
				Detail: "found " + s[start:i] + ", expected at most 1073741823"}
		}
		if r.mask != 0 && !o.RegexOnly {
			return r, &ParseError{Kind: f.kind(), Input: s, Part: part, Err: ErrWildcard,
				Detail: "a number cannot follow a wildcard node; expected 'x' (only trailing nodes may be wildcards)"}
		}
		r.nodes[n] = uint32(v)
	}
	if i < len(s) && s[i] == '/' {
		switch {
		case f == formVersion:
			return r, &ParseError{Kind: f.kind(), Input: s, Part: PartBuild, Err: ErrSyntax,
				Detail: "found a build number, expected a version without one (use ParseBuild)"}
		case f == formFilter:
			return r, &ParseError{Kind: f.kind(), Input: s, Part: PartBuild, Err: ErrSyntax,
				Detail: "found a build number, expected a filter of three nodes"}
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
			return r, o.fail(s, f, PartBuild, ErrSyntax, i, "a build number")
		}
		if i != len(s) {
			return r, o.fail(s, f, PartBuild, ErrSyntax, i, "end of input")
		}
		if overflow {
			return r, &ParseError{Kind: f.kind(), Input: s, Part: PartBuild, Err: ErrRange,
				Detail: "found " + s[start:i] + ", expected at most 18446744073709551615"}
		}
		r.hasBuild, r.build = true, b
		return r, nil
	}
	if i != len(s) {
		want := "a digit or end of input"
		switch {
		case r.mask&4 != 0:
			want = "end of input after 'x'"
		case f == formBuild:
			want = "a digit or '/' and a build number"
		case f == formVersionOrBuild:
			want = "a digit, '/' and a build number, or end of input"
		}
		return r, o.fail(s, f, PartPatch, ErrSyntax, i, want)
	}
	if f == formBuild {
		return r, &ParseError{Kind: f.kind(), Input: s, Part: PartBuild, Err: ErrSyntax,
			Detail: "found end of input, expected '/' and a build number"}
	}
	return r, nil
}

// fail builds the error for an unexpected character (or the end of input)
// at offset i.
func (o ParseOptions) fail(s string, f form, part Part, err error, i int, want string) error {
	found := "end of input"
	if i < len(s) {
		found = strconv.QuoteRune(rune(s[i]))
		if s[i] >= 0x80 || s[i] < 0x20 {
			found = "byte " + strconv.QuoteToASCII(s[i:i+1])
		}
	}
	if len(s) == 0 {
		found = "an empty string"
		part = PartNone
	}
	return &ParseError{Kind: f.kind(), Input: s, Part: part, Err: err,
		Detail: "found " + found + ", expected " + want}
}
