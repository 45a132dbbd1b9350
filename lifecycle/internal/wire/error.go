package wire

import "strconv"

// The codes of Error, which are also the codes of the findings a policy
// that cannot be decoded becomes.
const (
	CodeSyntax    = "invalid-json"       // not well-formed JSON, not UTF-8, too large
	CodeUnknown   = "unknown-field"      // a member the shape does not define
	CodeDuplicate = "duplicate-field"    // a member given twice
	CodeType      = "wrong-type"         // a value of the wrong JSON type
	CodeShape     = "unrecognised-shape" // none of the accepted document shapes
)

// Error is a decoding problem at a JSON path; the public packages turn it
// into their own error type.
type Error struct {
	Path   string
	Offset int64
	Code   string
	Reason string
}

func (e *Error) Error() string {
	return e.Path + " (byte " + strconv.FormatInt(e.Offset, 10) + "): " + e.Reason
}
