package lifecycle

import (
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Severity says whether a finding blocks (error) or only informs (warning).
type Severity uint8

// The severities. The zero Severity is not valid.
const (
	SeverityError   Severity = 1
	SeverityWarning Severity = 2
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText returns the String form.
func (s Severity) MarshalText() ([]byte, error) {
	if s != SeverityError && s != SeverityWarning {
		return nil, errors.New("lifecycle: invalid severity " + s.String())
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = SeverityError
	case "warning":
		*s = SeverityWarning
	default:
		return errors.New("lifecycle: invalid severity " + strconv.Quote(string(b)) + `; expected "error" or "warning"`)
	}
	return nil
}

// Code identifies the rule behind a finding. Codes are stable: tools may
// match on them. The constants list every code this package produces.
type Code string

// Finding is one result of validating a document or checking an inventory.
//
// File names the file the finding is about when it concerns a record of an
// inventory whose parts were named (Inventory.File); it is empty for
// policies and for findings about the inventory as a whole. Path locates the offending member in JSON terms, such as
// "policyDetails[1].filter.unit" or `resourceSelection.tagMap["aws:x"]`;
// the empty path is the document itself. Rule is the spec's cross-field rule
// ("X5") when the finding comes from one. Decisions lists the IDs of the
// decisions the verdict depends on, in the specification's order (AS-n,
// then L-n by number, then L-Pn).
type Finding struct {
	Severity  Severity   `json:"severity"`
	File      string     `json:"file,omitempty"`
	Path      string     `json:"path"`
	Code      Code       `json:"code"`
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
	b.WriteString(f.Severity.String())
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

// Err returns a *ValidationError holding all findings when at least one is
// an error, and nil otherwise: warnings alone never make an error.
func (fs Findings) Err() error {
	if !fs.HasErrors() {
		return nil
	}
	return &ValidationError{Findings: fs}
}

// ErrInvalid is wrapped by every *ValidationError.
var ErrInvalid = errors.New("invalid document")

// ValidationError reports a document or inventory with at least one error
// finding. Findings holds every finding, warnings included.
type ValidationError struct {
	Findings Findings
}

// Error summarises the error findings.
func (e *ValidationError) Error() string {
	errs := e.Findings.Errors()
	var b strings.Builder
	b.WriteString("lifecycle: ")
	b.WriteString(strconv.Itoa(len(errs)))
	if len(errs) == 1 {
		b.WriteString(" error: ")
	} else {
		b.WriteString(" errors; first: ")
	}
	if len(errs) > 0 {
		b.WriteString(errs[0].String())
	}
	return b.String()
}

// Unwrap returns ErrInvalid.
func (e *ValidationError) Unwrap() error { return ErrInvalid }

// quote returns s quoted for a message. A value longer than maxQuoted
// characters is cut to its first maxQuoted, followed by "…" and its total
// length, so that a huge value is never echoed whole.
func quote(s string) string {
	if p, cut := prefix(s); cut {
		return strconv.Quote(p) + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}

// shortText is s cut like quote does, without quotation marks.
func shortText(s string) string {
	if p, cut := prefix(s); cut {
		return p + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return s
}

// prefix returns the first maxQuoted characters of s and whether s is
// longer.
func prefix(s string) (string, bool) {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i], true
		}
		n++
	}
	return s, false
}

// maxQuoted is the number of characters of a value that messages quote.
const maxQuoted = 64

// sortFindings orders findings by file, then path (array indices compared as numbers,
// so "recipes[2]" comes before "recipes[10]"), then code, then message.
// Paths are compared so that a parent comes before its children.
func sortFindings(fs Findings) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		if c := comparePaths(a.Path, b.Path); c != 0 {
			return c
		}
		if c := strings.Compare(string(a.Code), string(b.Code)); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}

// comparePaths compares JSON paths byte by byte, except that runs of
// digits are compared by numeric value.
func comparePaths(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if isDigit(ca) && isDigit(cb) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na := strings.TrimLeft(a[si:i], "0")
			nb := strings.TrimLeft(b[sj:j], "0")
			if len(na) != len(nb) {
				return cmpInt(len(na), len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		if ca != cb {
			return cmpInt(int(ca), int(cb))
		}
		i++
		j++
	}
	return cmpInt(len(a)-i, len(b)-j)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
