package semver

import "strconv"

// Filter is a version filter: a version whose trailing nodes may be the
// wildcard "x". The strict forms are "M.m.p", "M.m.x", "M.x.x" and "x.x.x".
// A filter without a wildcard matches exactly one version.
//
// Filter is a small comparable value; the zero value is the exact filter
// "0.0.0".
type Filter struct {
	v    Version // wildcard nodes hold 0
	mask uint8   // bit i set: node i is "x" (bit 0 is major)
}

// ParseFilter parses a version filter. Each node is a number as in Parse or
// the lower-case wildcard "x"; once a node is "x" every node to its right
// must be "x" (Decision AS-1; see ParseOptions.RegexOnly for the looser
// reading). A build suffix is an error.
func ParseFilter(s string) (Filter, error) {
	return ParseOptions{}.ParseFilter(s)
}

// MustParseFilter is like ParseFilter but panics on error.
func MustParseFilter(s string) Filter {
	f, err := ParseFilter(s)
	if err != nil {
		panic(err)
	}
	return f
}

// Exact returns the filter that matches v alone.
func Exact(v Version) Filter { return Filter{v: v} }

// Match reports whether v is selected by f: every numeric node of f equals
// the node of v, compared as numbers.
func (f Filter) Match(v Version) bool {
	return (f.mask&1 != 0 || f.v.major == v.major) &&
		(f.mask&2 != 0 || f.v.minor == v.minor) &&
		(f.mask&4 != 0 || f.v.patch == v.patch)
}

// MatchBuild reports whether the version part of b is selected by f.
func (f Filter) MatchBuild(b BuildVersion) bool { return f.Match(b.v) }

// IsExact reports whether f has no wildcard node.
func (f Filter) IsExact() bool { return f.mask == 0 }

// IsWildcard reports whether node i (0 major, 1 minor, 2 patch) is "x".
// It reports false for any other i.
func (f Filter) IsWildcard(i int) bool { return i >= 0 && i < 3 && f.mask&(1<<i) != 0 }

// Node returns the value of node i (0 major, 1 minor, 2 patch) and true,
// or 0 and false if the node is a wildcard or i is out of range.
func (f Filter) Node(i int) (uint32, bool) {
	if i < 0 || i > 2 || f.mask&(1<<i) != 0 {
		return 0, false
	}
	return [3]uint32{f.v.major, f.v.minor, f.v.patch}[i], true
}

// Version returns the version f matches and true if f is exact, or the
// zero Version and false otherwise.
func (f Filter) Version() (Version, bool) {
	if f.mask != 0 {
		return Version{}, false
	}
	return f.v, true
}

// IsStrict reports whether every wildcard node of f is to the right of all
// numeric nodes, as the documented rules require. Only filters parsed
// with ParseOptions.RegexOnly can fail this.
func (f Filter) IsStrict() bool {
	switch f.mask {
	case 0, 4, 6, 7:
		return true
	}
	return false
}

// String returns the canonical form of f, with "x" for wildcard nodes.
func (f Filter) String() string {
	var buf [32]byte
	return string(f.AppendTo(buf[:0]))
}

// AppendTo appends the canonical form of f to b and returns the result.
func (f Filter) AppendTo(b []byte) []byte {
	for i, n := range [3]uint32{f.v.major, f.v.minor, f.v.patch} {
		if i > 0 {
			b = append(b, '.')
		}
		if f.mask&(1<<i) != 0 {
			b = append(b, 'x')
		} else {
			b = strconv.AppendUint(b, uint64(n), 10)
		}
	}
	return b
}

// AppendText implements encoding.TextAppender.
func (f Filter) AppendText(b []byte) ([]byte, error) { return f.AppendTo(b), nil }

// MarshalText implements encoding.TextMarshaler.
func (f Filter) MarshalText() ([]byte, error) { return f.AppendTo(make([]byte, 0, 16)), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseFilter.
func (f *Filter) UnmarshalText(text []byte) error {
	if f == nil {
		return errNil
	}
	g, err := ParseFilter(string(text))
	if err != nil {
		return err
	}
	*f = g
	return nil
}
