package semver

import "strconv"

// Filter is a version filter: a version whose trailing nodes may be the
// wildcard "x". The forms are "M.m.p", "M.m.x", "M.x.x" and "x.x.x"
// (decision AS-1; ParseFilter with RegexOnly also admits "x.2.x"). A
// filter without a wildcard matches exactly one version.
//
// Filter is a small comparable value. The zero Filter is not a filter: it
// is invalid (IsValid reports false), matches nothing and prints as "".
type Filter struct {
	// n holds each numeric node plus one, so that the zero Filter matches
	// no version; wildcard nodes hold 0.
	n    [3]uint32
	mask uint8 // bit i set: node i is "x" (bit 0 is major)
}

// ParseFilter parses a version filter. Each node is a number as in Parse or
// the lower-case wildcard "x"; once a node is "x" every node to its right
// must be "x" too, unless readings include RegexOnly. A build suffix is an
// error. A reading other than RegexOnly and ByDateCreated is an *Error
// wrapping ErrUnknown; the one this function does not use is ignored. On
// error the result is the zero Filter.
func ParseFilter(s string, readings ...Decision) (Filter, error) {
	regexOnly := false
	if len(readings) > 0 {
		set, err := choose(readings)
		if err != nil {
			return Filter{}, err
		}
		regexOnly = set.Has(RegexOnly)
	}
	r, err := scan(s, formFilter, regexOnly)
	if err != nil {
		return Filter{}, err
	}
	f := Filter{mask: r.mask}
	for i, n := range [3]uint32{r.v.major, r.v.minor, r.v.patch} {
		if r.mask&(1<<i) == 0 {
			f.n[i] = n + 1
		}
	}
	return f, nil
}

// MustParseFilter is like ParseFilter but panics on error.
func MustParseFilter(s string, readings ...Decision) Filter {
	f, err := ParseFilter(s, readings...)
	if err != nil {
		panic(err)
	}
	return f
}

// IsValid reports whether f is a filter, that is, not the zero Filter.
func (f Filter) IsValid() bool { return f.mask&1 != 0 || f.n[0] != 0 }

// Match reports whether v is selected by f: every numeric node of f equals
// the node of v. The zero Filter matches nothing.
func (f Filter) Match(v Version) bool {
	return (f.mask&1 != 0 || f.n[0] == v.major+1) &&
		(f.mask&2 != 0 || f.n[1] == v.minor+1) &&
		(f.mask&4 != 0 || f.n[2] == v.patch+1)
}

// String returns the canonical form of f, with "x" for wildcard nodes and
// without leading zeros, or "" for the zero Filter.
func (f Filter) String() string {
	var buf [32]byte
	return string(f.appendTo(buf[:0]))
}

func (f Filter) appendTo(b []byte) []byte {
	if !f.IsValid() {
		return b
	}
	for i, n := range f.n {
		if i > 0 {
			b = append(b, '.')
		}
		if f.mask&(1<<i) != 0 {
			b = append(b, 'x')
		} else {
			b = strconv.AppendUint(b, uint64(n-1), 10)
		}
	}
	return b
}

// AppendText implements encoding.TextAppender: it appends the canonical
// form of f to b, nothing for the zero Filter.
func (f Filter) AppendText(b []byte) ([]byte, error) { return f.appendTo(b), nil }

// MarshalText implements encoding.TextMarshaler. The zero Filter gives
// empty text.
func (f Filter) MarshalText() ([]byte, error) { return f.appendTo(make([]byte, 0, 16)), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseFilter with
// the default readings. Empty text gives the zero Filter, so that
// MarshalText and UnmarshalText round-trip every Filter the default
// readings accept.
func (f *Filter) UnmarshalText(text []byte) error {
	if f == nil {
		return errNil
	}
	if len(text) == 0 {
		*f = Filter{}
		return nil
	}
	g, err := ParseFilter(string(text))
	if err != nil {
		return err
	}
	*f = g
	return nil
}
