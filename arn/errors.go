package arn

import (
	"errors"
	"strconv"
	"strings"
)

// The sentinel errors. Every *Error wraps exactly one of them, so callers
// can classify a failure with errors.Is.
var (
	// ErrSyntax reports text that is not spelled like a value of the shape:
	// no "arn:" prefix or too few sections, a partition, region or workflow
	// stage not written as the pattern requires, a name with characters
	// ARN names cannot have, a version that is not three nodes, or an
	// identifier that does not match its pattern.
	ErrSyntax = errors.New("arn: invalid syntax")
	// ErrInvalid reports well-formed text with a value the shape or the
	// chosen readings do not accept: a length, service, owner, resource
	// type or version form, a version node or build out of range, a
	// wildcard node followed by a number, or (by reading) a leading zero,
	// an unknown partition or region, or build 0.
	ErrInvalid = errors.New("arn: invalid value")
	// ErrUnknown reports a shape name or a reading (decision ID) the
	// package does not know.
	ErrUnknown = errors.New("arn: unknown name")
)

// Error describes why a string is not a valid value of a shape, or not a
// valid Image Builder ARN for Parse and the builders.
type Error struct {
	// Input is the complete text that was checked.
	Input string
	// Shape is the shape the text was checked against; it is empty for
	// Parse, the builders and UnmarshalText.
	Shape string
	// Part is the part of Input that is wrong: "input" (the text as a
	// whole), "prefix", "partition", "service", "region", "account",
	// "resource type", "stage", "name", "version" or "build"; "readings"
	// for a reading the package does not offer.
	Part string
	// Found is the offending text (part of Input, possibly empty).
	Found string
	// Rule names the rule that failed: "shape", "reading", "length" and
	// "pattern" come from the service model and the API; "wildcard order",
	// "node range", "anchored" (AS-1), "third-party owner" (AS-2), "known
	// owner" (AS-3), "type version form" (AS-4), "partition and region
	// realism" (AS-5), "leading zero" (AS-6) and "build range" (AS-10) come
	// from a decision.
	Rule string
	// Reason says what was expected instead.
	Reason string
	// Err is ErrSyntax, ErrInvalid or ErrUnknown.
	Err error
}

// Error returns a message naming the input, the part, what was found there
// and what was expected.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("arn: ")
	switch e.Rule {
	case ruleShape.String():
		b.WriteString("unknown shape ")
		b.WriteString(quote(e.Shape))
		b.WriteString(": ")
		b.WriteString(e.Reason)
		return b.String()
	case ruleReading.String():
		b.WriteString("unknown reading ")
		b.WriteString(quote(e.Found))
		b.WriteString(": ")
		b.WriteString(e.Reason)
		return b.String()
	}
	if e.Shape != "" {
		b.WriteString("invalid ")
		b.WriteString(e.Shape)
		b.WriteByte(' ')
	} else {
		b.WriteString("parsing ")
	}
	b.WriteString(quote(e.Input))
	b.WriteString(": ")
	if e.Part != partInput.String() || e.Found != e.Input {
		b.WriteString(e.Part)
		b.WriteByte(' ')
		b.WriteString(quote(e.Found))
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// quote quotes s for a message, shortening very long values.
func quote(s string) string {
	const max = 200
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}
