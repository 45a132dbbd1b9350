package iac

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by *Error, for errors.Is.
var (
	// ErrSyntax: the source is not well-formed JSON or YAML (UTF-16 text,
	// a member given twice, a YAML anchor and nesting past the limits
	// included), or a --parameter argument is not KEY=VALUE.
	ErrSyntax = errors.New("malformed source")
	// ErrInvalid: the source is well-formed but breaks a rule: it is empty
	// or none of the kinds Read accepts, a part the reader needs has the
	// wrong type, (from Source.Select) no ID was given and the source
	// holds several policies, or (from Policy.Validate) the policy has
	// error findings.
	ErrInvalid = errors.New("invalid source")
	// ErrNoMatch: a search for a lifecycle policy found nothing: the
	// source holds none, or (from Source.Select) none has the ID asked for.
	ErrNoMatch = errors.New("no lifecycle policy found")
)

// Error reports a source that cannot be read, a policy that cannot be
// chosen or that fails validation, and where.
type Error struct {
	// Format is "JSON" or "YAML"; "" for a problem with an argument, or
	// with a source that is empty or not UTF-8 text, before its format is
	// known.
	Format string
	// Path names the offending member in the source's own terms, such as
	// "Resources.Golden.Properties"; "" for the document as a whole.
	Path string
	// Line and Column locate the problem, both 1-based; 0 when unknown.
	Line, Column int
	// Reason says what was wrong and what was expected.
	Reason string
	// Err is ErrSyntax, ErrInvalid or ErrNoMatch, or, for API JSON that
	// lifecycle.DecodePolicy rejects, an error that wraps one of them and
	// the *lifecycle.Error: test it with errors.Is and errors.As.
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
