package lifecycle

import (
	"errors"
	"strconv"
)

// Sentinel errors wrapped by *DecodeError, for errors.Is.
var (
	// ErrSyntax: the input is not one well-formed JSON value.
	ErrSyntax = errors.New("invalid JSON")
	// ErrUnknownField: an object has a member its shape does not define.
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateField: an object names the same member twice.
	ErrDuplicateField = errors.New("duplicate field")
	// ErrType: a value has the wrong JSON type, or a number does not fit.
	ErrType = errors.New("wrong JSON type")
	// ErrShape: the document is none of the accepted shapes.
	ErrShape = errors.New("unrecognised document shape")
	// ErrEncoding: the text is not UTF-8 (UTF-16, or invalid bytes in a
	// string).
	ErrEncoding = errors.New("not UTF-8 text")
	// ErrTooLarge: the document is larger than MaxDocumentSize.
	ErrTooLarge = errors.New("document too large")
)

// DecodeError reports why a document could not be decoded and where.
type DecodeError struct {
	// File names the file the document came from, when it was read by
	// ReadInventory; "" otherwise.
	File string
	// Path is the JSON path of the offending value, such as
	// "policyDetails[0].filter.value"; "" means the document as a whole.
	Path string
	// Offset is the byte offset in the input near which the problem lies.
	Offset int64
	// Reason says what was found and what was expected.
	Reason string
	// Err is one of ErrSyntax, ErrUnknownField, ErrDuplicateField, ErrType,
	// ErrShape, ErrEncoding and ErrTooLarge.
	Err error
}

// Error implements error.
func (e *DecodeError) Error() string {
	where := "document"
	if e.Path != "" {
		where = e.Path
	}
	if e.File != "" {
		where = e.File + ": " + where
	}
	return "lifecycle: " + where + " (byte " + strconv.FormatInt(e.Offset, 10) + "): " + e.Reason
}

// Unwrap returns Err.
func (e *DecodeError) Unwrap() error { return e.Err }
