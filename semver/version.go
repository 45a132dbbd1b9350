package semver

import (
	"errors"
	"strconv"
)

// MaxNode is the largest value of a major, minor or patch node: 2^30-1.
const MaxNode = 1<<30 - 1

// Version is an Image Builder semantic version, major.minor.patch.
//
// Version is a small comparable value; the zero value is 0.0.0.
type Version struct {
	major, minor, patch uint32
}

// New returns the version major.minor.patch. It reports an error wrapping
// ErrRange if a node is above MaxNode.
func New(major, minor, patch uint32) (Version, error) {
	for i, n := range [3]uint32{major, minor, patch} {
		if n > MaxNode {
			return Version{}, &ParseError{Kind: kindVersion, Input: strconv.FormatUint(uint64(major), 10) + "." +
				strconv.FormatUint(uint64(minor), 10) + "." + strconv.FormatUint(uint64(patch), 10),
				Part: Part(i + 1), Err: ErrRange, Detail: "expected at most 1073741823"}
		}
	}
	return Version{major, minor, patch}, nil
}

// Parse parses a version of the form "M.m.p", where each node is a decimal
// number no larger than MaxNode. Leading zeros are accepted and dropped.
// Anything else, including a build suffix, a wildcard, a "v" prefix,
// a pre-release suffix or white space, is an error of type *ParseError.
func Parse(s string) (Version, error) {
	return ParseOptions{}.Parse(s)
}

// IsValid reports whether Parse accepts s. Unlike Parse it builds no error
// for invalid text, so it never allocates; code that must not allocate can
// screen text with it before calling Parse.
func IsValid(s string) bool {
	_, i, ok := fastVersion(s)
	return ok && i == len(s)
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
		return cmp3(v.major, w.major)
	case v.minor != w.minor:
		return cmp3(v.minor, w.minor)
	default:
		return cmp3(v.patch, w.patch)
	}
}

// Less reports whether v sorts before w.
func (v Version) Less(w Version) bool { return v.Compare(w) < 0 }

func cmp3[T uint32 | uint64](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns the canonical form "M.m.p", without leading zeros.
func (v Version) String() string {
	var buf [32]byte
	return string(v.AppendTo(buf[:0]))
}

// AppendTo appends the canonical form of v to b and returns the result.
func (v Version) AppendTo(b []byte) []byte {
	b = strconv.AppendUint(b, uint64(v.major), 10)
	b = append(b, '.')
	b = strconv.AppendUint(b, uint64(v.minor), 10)
	b = append(b, '.')
	return strconv.AppendUint(b, uint64(v.patch), 10)
}

// AppendText implements encoding.TextAppender.
func (v Version) AppendText(b []byte) ([]byte, error) { return v.AppendTo(b), nil }

// MarshalText implements encoding.TextMarshaler.
func (v Version) MarshalText() ([]byte, error) { return v.AppendTo(make([]byte, 0, 16)), nil }

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

// errNil is returned by the Unmarshal methods of nil pointers.
var errNil = errors.New("semver: UnmarshalText on nil pointer")
