package semver

import (
	"cmp"
	"errors"
	"strconv"
)

// maxNode is the largest value of a major, minor or patch node: 2^30-1.
const maxNode = 1<<30 - 1

// Version is an Image Builder semantic version, major.minor.patch.
//
// Version is a small comparable value; the zero value is 0.0.0.
type Version struct {
	major, minor, patch uint32
}

// New returns the version major.minor.patch. It reports an *Error wrapping
// ErrInvalid if a node is above 1073741823.
func New(major, minor, patch uint32) (Version, error) {
	for i, n := range [3]uint32{major, minor, patch} {
		if n > maxNode {
			v := Version{major, minor, patch}
			return Version{}, &Error{Input: v.String(), Part: partName(i), Err: ErrInvalid,
				Reason: "found " + strconv.FormatUint(uint64(n), 10) + ", expected at most 1073741823"}
		}
	}
	return Version{major, minor, patch}, nil
}

// Parse parses a version of the form "M.m.p", where each node is a decimal
// number no larger than 1073741823. Leading zeros are accepted and dropped
// (decision AS-6). Anything else, including a build suffix, a wildcard, a
// "v" prefix, a pre-release suffix or white space, is an *Error, returned
// with the zero Version.
func Parse(s string) (Version, error) {
	if v, i, ok := fastVersion(s); ok && i == len(s) {
		return v, nil
	}
	r, err := scan(s, formVersion, false)
	if err != nil {
		return Version{}, err
	}
	return r.v, nil
}

// MustParse is like Parse but panics if s is not a valid version. It is
// meant for constants in tests and examples.
func MustParse(s string) Version {
	v, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return v
}

// Major returns the first node.
func (v Version) Major() uint32 { return v.major }

// Minor returns the second node.
func (v Version) Minor() uint32 { return v.minor }

// Patch returns the third node.
func (v Version) Patch() uint32 { return v.patch }

// Compare returns -1, 0 or +1 as v is lower than, equal to or higher than w.
// Nodes are compared numerically from major to patch. It can be passed to
// slices.SortFunc as Version.Compare.
func (v Version) Compare(w Version) int {
	switch {
	case v.major != w.major:
		return cmp.Compare(v.major, w.major)
	case v.minor != w.minor:
		return cmp.Compare(v.minor, w.minor)
	default:
		return cmp.Compare(v.patch, w.patch)
	}
}

// String returns the canonical form "M.m.p", without leading zeros.
func (v Version) String() string {
	var buf [32]byte
	return string(v.appendTo(buf[:0]))
}

func (v Version) appendTo(b []byte) []byte {
	b = strconv.AppendUint(b, uint64(v.major), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, uint64(v.minor), 10)
	b = append(b, '.')
	return strconv.AppendUint(b, uint64(v.patch), 10)
}

// AppendText implements encoding.TextAppender: it appends the canonical
// form of v to b.
func (v Version) AppendText(b []byte) ([]byte, error) { return v.appendTo(b), nil }

// MarshalText implements encoding.TextMarshaler.
func (v Version) MarshalText() ([]byte, error) { return v.appendTo(make([]byte, 0, 16)), nil }

// UnmarshalText implements encoding.TextUnmarshaler using Parse.
func (v *Version) UnmarshalText(text []byte) error {
	if v == nil {
		return errNil
	}
	w, err := Parse(string(text))
	if err != nil {
		return err
	}
	*v = w
	return nil
}

// errNil is returned by the UnmarshalText methods of nil pointers.
var errNil = errors.New("semver: UnmarshalText on a nil pointer")
