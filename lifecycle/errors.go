package lifecycle

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle/internal/wire"
)

// The sentinels every *Error wraps one of, for errors.Is. Each means one
// thing in the whole module.
var (
	// ErrSyntax: the text does not follow the grammar: JSON that is not
	// well-formed or not UTF-8, a document too large to read, a timestamp
	// that is neither RFC 3339 text nor epoch seconds.
	ErrSyntax = errors.New("syntax error")
	// ErrInvalid: well-formed input that breaks a rule: a member of the
	// wrong JSON type or given twice, a policy with error findings, a time
	// outside the years 0000 to 9999, an argument of the dry-run that
	// cannot be used.
	ErrInvalid = errors.New("invalid input")
	// ErrUnknown: a name the package does not know: a member the shape
	// does not define, a document of no accepted shape, a decision ID
	// without another reading.
	ErrUnknown = errors.New("unknown name")
)

// Error reports input the lifecycle packages cannot use, and where. It is
// the one error type of lifecycle and of its inventory and plan packages.
type Error struct {
	// File names the file the input came from, when it was read by name
	// (inventory.Read); "" otherwise.
	File string
	// Path locates the problem: the JSON path of the offending value, such
	// as "policyDetails[0].filter.value" ("" for the document as a whole),
	// or the name of the offending argument or option ("now", "Region").
	Path string
	// Offset is the byte offset near which decoding stopped, for the
	// decoding codes below.
	Offset int64
	// Input is the offending value in text form, when it is short: a
	// timestamp, a Region, a decision ID.
	Input string
	// Code says what kind of problem it is, in the words of the finding
	// codes: "invalid-json", "unknown-field", "duplicate-field",
	// "wrong-type" or "unrecognised-shape" for a document that cannot be
	// decoded (Offset then says where), "invalid-timestamp" for a
	// timestamp, "" for an argument or a policy with error findings.
	Code string
	// Reason says what was wrong and what was expected.
	Reason string
	// Findings holds every finding, warnings included, when the error is
	// a policy or request with error findings.
	Findings Findings
	// Err is ErrSyntax, ErrInvalid or ErrUnknown.
	Err error
}

// Error implements error.
func (e *Error) Error() string {
	switch {
	case e.Findings != nil:
		return findingsMessage(e.Findings)
	case e.Code == codeInvalidTimestamp:
		return "lifecycle: invalid timestamp " + wire.Quote(e.Input) + ": " + e.Reason
	case e.Code != "":
		where := "document"
		if e.Path != "" {
			where = e.Path
		}
		if e.File != "" {
			where = e.File + ": " + where
		}
		return "lifecycle: " + where + " (byte " + strconv.FormatInt(e.Offset, 10) + "): " + e.Reason
	}
	s := "lifecycle: invalid " + e.Path
	if e.Input != "" {
		s += " " + strconv.Quote(e.Input)
	}
	return s + ": " + e.Reason
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// findingsMessage summarises the error findings.
func findingsMessage(fs Findings) string {
	errs := fs.Errors()
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

// decodeError turns an error of the decoder into an *Error.
func decodeError(err error) error {
	we, ok := err.(*wire.Error)
	if !ok {
		return err
	}
	return &Error{Path: we.Path, Offset: we.Offset, Code: we.Code, Reason: we.Reason, Err: sentinel(we.Code)}
}

// sentinel returns the sentinel of a decoding code.
func sentinel(code string) error {
	switch code {
	case wire.CodeUnknown, wire.CodeShape:
		return ErrUnknown
	case wire.CodeDuplicate, wire.CodeType:
		return ErrInvalid
	}
	return ErrSyntax
}
