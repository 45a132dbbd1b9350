package iac

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors wrapped by *ReadError and *SelectError, for errors.Is.
var (
	// ErrSyntax: the source is not well-formed JSON or YAML.
	ErrSyntax = errors.New("malformed source")
	// ErrShape: the source is well-formed but none of the accepted kinds,
	// or a part the reader needs has the wrong type.
	ErrShape = errors.New("unrecognised source")
	// ErrNoPolicy: the source holds no lifecycle policy.
	ErrNoPolicy = errors.New("no lifecycle policy in the source")
	// ErrAmbiguous: the source holds several policies and none was chosen.
	ErrAmbiguous = errors.New("several lifecycle policies in the source")
	// ErrNotFound: the chosen policy is not in the source.
	ErrNotFound = errors.New("lifecycle policy not found")
	// ErrParameter: a --parameter argument is not KEY=VALUE.
	ErrParameter = errors.New("malformed parameter")
)

// ReadError reports a source that cannot be read, and where.
type ReadError struct {
	// Format is "JSON" or "YAML".
	Format string
	// Path names the offending member in the source's own terms, such as
	// "Resources.Golden.Properties"; "" for the document as a whole.
	Path string
	// Line and Column locate the problem, both 1-based; 0 when unknown.
	Line, Column int
	// Reason says what was wrong and what was expected.
	Reason string
	// Err is ErrSyntax, ErrShape or ErrNoPolicy.
	Err error
}

// Error implements error.
func (e *ReadError) Error() string {
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
func (e *ReadError) Unwrap() error { return e.Err }

// SelectError reports that Source.Select could not pick one policy.
type SelectError struct {
	// ID is the logical ID or address asked for; "" when none was given.
	ID string
	// Available lists the IDs of the source's policies, in source order.
	Available []string
	// Flag is the command-line flag that chooses a policy in this kind of
	// source: "--resource" or "--address".
	Flag string
	// Err is ErrAmbiguous or ErrNotFound.
	Err error
}

// Error implements error.
func (e *SelectError) Error() string {
	list := strings.Join(e.Available, ", ")
	if e.Err == ErrNotFound {
		return "iac: no lifecycle policy " + strconv.Quote(e.ID) + " in the source; it holds " + list
	}
	return "iac: the source holds " + strconv.Itoa(len(e.Available)) + " lifecycle policies (" + list +
		"); choose one with " + e.Flag + " ID"
}

// Unwrap returns Err.
func (e *SelectError) Unwrap() error { return e.Err }
