package semver

import (
	"errors"
	"strconv"
)

// The sentinel errors an *Error wraps; test for them with errors.Is.
var (
	// ErrSyntax reports text that does not follow the grammar: a missing or
	// extra node, a character other than a digit, '.', '/' or 'x' where it
	// stands, a wildcard outside a filter, a build where none belongs, or
	// an empty input.
	ErrSyntax = errors.New("invalid syntax")
	// ErrInvalid reports text the model's pattern accepts but a documented
	// rule rejects (decision AS-1 for the node limit and the
	// trailing-wildcard rule), and a build number above 2^64-1.
	ErrInvalid = errors.New("breaks a rule of the service")
	// ErrUnknown reports a reading (a decision ID) that this package does
	// not offer.
	ErrUnknown = errors.New("unknown reading")
	// ErrNoMatch reports that Resolve found no build for a filter. The
	// service's own error for this case is undocumented (decision AS-11).
	ErrNoMatch = errors.New("no build matches")
)

// Error describes why text is not a valid version, build version or
// filter, why Resolve chose nothing, or which reading is not offered.
type Error struct {
	// Input is the complete text: what was parsed, the filter that matched
	// nothing, or the decision ID given as a reading.
	Input string
	// Part is the part of Input at fault: "major", "minor", "patch",
	// "build", or "" for the text as a whole.
	Part string
	// Reason says what was found and what was expected.
	Reason string
	// Err is ErrSyntax, ErrInvalid, ErrUnknown or ErrNoMatch.
	Err error
}

// Error returns a message naming the input, the part at fault and the
// reason.
func (e *Error) Error() string {
	b := make([]byte, 0, 24+len(e.Input)+len(e.Reason))
	b = append(b, "semver: "...)
	b = strconv.AppendQuote(b, e.Input)
	if e.Part != "" {
		b = append(b, " at "...)
		b = append(b, e.Part...)
	}
	b = append(b, ": "...)
	b = append(b, e.Reason...)
	return string(b)
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// partBuild is the part index of the build number; 0 to 2 are the nodes.
const partBuild = 3

// partName returns the value of Error.Part for part index i.
func partName(i int) string {
	switch i {
	case 0:
		return "major"
	case 1:
		return "minor"
	case 2:
		return "patch"
	}
	return "build"
}
