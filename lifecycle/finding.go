package lifecycle

import (
	"slices"
	"strings"

	"github.com/ibkit/ibkit/lifecycle/internal/names"
)

// Severity says whether a finding blocks (error) or only informs
// (warning); its text is the word itself, in JSON too.
type Severity string

// The severities. The zero Severity is not valid.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Finding is one result of validating a document or checking an inventory.
//
// File names the file the finding is about when it concerns a record of an
// inventory whose parts were named (Inventory.File); it is empty for
// policies and for findings about the inventory as a whole. Path locates the offending member in JSON terms, such as
// "policyDetails[1].filter.unit" or `resourceSelection.tagMap["aws:x"]`;
// the empty path is the document itself. Code identifies the rule behind
// the finding ("invalid-enum", "selection-both"); codes are stable, tools
// may match on them, and the README's table of finding codes explains
// every one. Rule is the cross-field rule
// ("X5") when the finding comes from one. Decisions lists the IDs of the
// decisions the verdict depends on, in the specification's order (AS-n,
// then L-n by number, then L-Pn).
type Finding struct {
	Severity  Severity   `json:"severity"`
	File      string     `json:"file,omitempty"`
	Path      string     `json:"path"`
	Code      string     `json:"code"`
	Rule      string     `json:"rule,omitempty"`
	Decisions []Decision `json:"decisions,omitempty"`
	Message   string     `json:"message"`
}

// String formats the finding as "path: severity: message [code]",
// preceded by "file: " when File is set.
func (f Finding) String() string {
	var b strings.Builder
	if f.File != "" {
		b.WriteString(f.File)
		b.WriteString(": ")
	}
	if f.Path != "" {
		b.WriteString(f.Path)
	} else {
		b.WriteString("(document)")
	}
	b.WriteString(": ")
	b.WriteString(string(f.Severity))
	b.WriteString(": ")
	b.WriteString(f.Message)
	b.WriteString(" [")
	b.WriteString(string(f.Code))
	for _, d := range f.Decisions {
		b.WriteString(", ")
		b.WriteString(string(d))
	}
	b.WriteString("]")
	return b.String()
}

// Findings is a list of findings, in the order the producing function
// documents (validation: ascending path, then code, then message).
type Findings []Finding

// HasErrors reports whether at least one finding is an error.
func (fs Findings) HasErrors() bool {
	for _, f := range fs {
		if f.Severity == SeverityError {
			return true
		}
	}
	return false
}

// Errors returns the error findings, in their original order.
func (fs Findings) Errors() Findings { return fs.filter(SeverityError) }

// Warnings returns the warning findings, in their original order.
func (fs Findings) Warnings() Findings { return fs.filter(SeverityWarning) }

func (fs Findings) filter(s Severity) Findings {
	var out Findings
	for _, f := range fs {
		if f.Severity == s {
			out = append(out, f)
		}
	}
	return out
}

// err returns an *Error holding all findings when at least one is an
// error, and nil otherwise: warnings alone never make an error.
func (fs Findings) err() error {
	if !fs.HasErrors() {
		return nil
	}
	return &Error{Findings: fs, Reason: "the document breaks the service's rules", Err: ErrInvalid}
}

// Sort orders the findings by file, then path (array indices compared as numbers,
// so "recipes[2]" comes before "recipes[10]"), then code, then message.
// Paths are compared so that a parent comes before its children.
func (fs Findings) Sort() {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if c := names.ComparePaths(a.Path, b.Path); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}
