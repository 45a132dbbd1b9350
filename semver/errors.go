package semver

import (
	"errors"
	"strconv"
)

// Sentinel errors wrapped by ParseError. Use errors.Is to test for them.
var (
	// ErrSyntax reports text that is not of the expected form: a missing or
	// extra node, a character other than a digit, '.', '/' or 'x', or an
	// empty input.
	ErrSyntax = errors.New("invalid syntax")
	// ErrRange reports a node above MaxNode or a build above the largest
	// unsigned 64-bit integer.
	ErrRange = errors.New("value out of range")
	// ErrWildcard reports a wildcard where none is allowed: in a plain
	// version, or to the left of a numeric node in a filter.
	ErrWildcard = errors.New("misplaced wildcard")
	// ErrLeadingZero reports a node written with a leading zero when
	// ParseOptions.RejectLeadingZeros is set.
	ErrLeadingZero = errors.New("leading zero")
)

// Part names the part of a version string that a ParseError is about.
type Part uint8

// The parts of a version string.
const (
	PartNone  Part = iota // the text as a whole
	PartMajor             // the first node
	PartMinor             // the second node
	PartPatch             // the third node
	PartBuild             // the build number after '/'
)

// String returns the lower-case name of the part.
func (p Part) String() string {
	switch p {
	case PartMajor:
		return "major"
	case PartMinor:
		return "minor"
	case PartPatch:
		return "patch"
	case PartBuild:
		return "build"
	default:
		return "version"
	}
}

// ParseError describes why a string is not a valid version, build version
// or filter. Err is one of the sentinel errors of this package.
type ParseError struct {
	Kind   string // what was being parsed: "version", "build version" or "version filter"
	Input  string // the complete input
	Part   Part   // the part that failed
	Err    error  // ErrSyntax, ErrRange, ErrWildcard or ErrLeadingZero
	Detail string // what was found and what was expected
}

// Error returns a message naming the input, the failing part and the reason.
func (e *ParseError) Error() string {
	b := make([]byte, 0, 64+len(e.Input)+len(e.Detail))
	b = append(b, "semver: invalid "...)
	b = append(b, e.Kind...)
	b = append(b, ' ')
	b = strconv.AppendQuote(b, e.Input)
	if e.Part != PartNone {
		b = append(b, " at "...)
		b = append(b, e.Part.String()...)
	}
	b = append(b, ": "...)
	b = append(b, e.Err.Error()...)
	if e.Detail != "" {
		b = append(b, ": "...)
		b = append(b, e.Detail...)
	}
	return string(b)
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error { return e.Err }
