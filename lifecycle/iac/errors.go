package iac

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by *Error, for errors.Is.
var (
	// ErrSyntax: the source is not well-formed JSON or YAML (a member
	// given twice, a YAML anchor and nesting past the limits included), or
	// a --parameter argument is not KEY=VALUE.
	ErrSyntax = errors.New("malformed source")
	// ErrInvalid: the source is well-formed but breaks a rule: it is none
	// of the kinds Read accepts, a part the reader needs has the wrong
	// type, or (from Policy.Validate) the policy has error findings.
	ErrInvalid = errors.New("invalid source")
	// ErrNoMatch: no single lifecycle policy was found: the source holds
	// none, or (from Source.Select) none has the ID asked for, or no ID was
	// given and the source holds several.
	ErrNoMatch = errors.New("no single lifecycle policy")
)

// Error reports a source that cannot be read, a policy that cannot be
// chosen or that fails validation, and where.
type Error struct {
	// Format is "JSON" or "YAML"; "" for a problem with an argument rather
	// than the source.
	Format string
	// Path names the offending member in the source's own terms, such as
	// "Resources.Golden.Properties"; "" for the document as a whole.
	Path string
	// Line and Column locate the problem, both 1-based; 0 when unknown.
	Line, Column int
	// Reason says what was wrong and what was expected.
	Reason string
	// Err is ErrSyntax, ErrInvalid or ErrNoMatch.
	Err error
}

// Error returns "iac: ", the format and position when known, the path
// and the reason.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("iac: ")
	if e.Format != "" {
		b.WriteString(e.Format)
		b.WriteString(" ")
	}
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(e.Column))
		}
		b.WriteString(": ")
	} else if e.Format != "" {
		b.WriteString("document: ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }
