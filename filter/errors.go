package filter

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every error this package returns wraps one of them, so
// callers can test the cause with errors.Is.
var (
	// ErrUnknownOperation: the operation is not a List operation that
	// takes filters.
	ErrUnknownOperation = errors.New("unknown List operation")
	// ErrNoFilters: a filter list is present but empty.
	ErrNoFilters = errors.New("filter list is empty")
	// ErrTooManyFilters: more filters than the operation allows.
	ErrTooManyFilters = errors.New("too many filters")
	// ErrNoName: a filter has no name.
	ErrNoName = errors.New("filter has no name")
	// ErrBadName: a filter name is not 1 to 1024 ASCII letters.
	ErrBadName = errors.New("malformed filter name")
	// ErrUnknownName: the operation does not accept the filter name.
	ErrUnknownName = errors.New("filter name not accepted by the operation")
	// ErrDuplicateName: the same filter name appears more than once.
	ErrDuplicateName = errors.New("duplicate filter name")
	// ErrNoValues: a filter has no values.
	ErrNoValues = errors.New("filter has no values")
	// ErrTooManyValues: a filter has more values than allowed.
	ErrTooManyValues = errors.New("too many filter values")
	// ErrValueLength: a value is empty or longer than 1024 bytes.
	ErrValueLength = errors.New("filter value length out of range")
	// ErrBadValue: a value contains a character outside the model's set.
	ErrBadValue = errors.New("filter value contains a character the model does not allow")
	// ErrBadVersion: a version value with an "x" is not a valid wildcard
	// version (only with Options.VersionWildcards, F-4).
	ErrBadVersion = errors.New("invalid wildcard version")
	// ErrInvalidParameterCombination: byName together with a version
	// filter (F-6, F-P2).
	ErrInvalidParameterCombination = errors.New("invalid parameter combination")
	// ErrUnsupportedParameter: a selection parameter the operation does
	// not have (owner, byName, includeDeprecated).
	ErrUnsupportedParameter = errors.New("parameter not supported by the operation")
	// ErrBadOwner: an owner value outside the model's Ownership enum.
	ErrBadOwner = errors.New("owner is not a valid Ownership value")
	// ErrBadAccount: Scope.Account is neither empty nor 12 digits.
	ErrBadAccount = errors.New("caller account is not a 12-digit account ID")
	// ErrOwnership: an item's ownership category is missing and cannot be
	// derived (F-P5).
	ErrOwnership = errors.New("cannot determine the item's ownership category")
	// ErrWrongItem: items of another shape than the operation's result
	// list.
	ErrWrongItem = errors.New("item shape does not belong to the operation")
	// ErrSyntax: the filter text is neither valid shorthand nor valid JSON.
	ErrSyntax = errors.New("filter syntax error")
	// ErrDocument: a List response document is malformed.
	ErrDocument = errors.New("malformed List response")
)

// ValidationError reports a request that the model or ibkit's rules
// reject. Err is, or wraps, one of the sentinel errors.
type ValidationError struct {
	// Operation is the API name as given.
	Operation string
	// Index is the position of the offending filter in the request, or -1
	// when the error concerns the request as a whole.
	Index int
	// Name is the offending filter's name (possibly empty).
	Name string
	// Value is the offending value, or the offending parameter value
	// (e.g. the owner), when the error is about one; else "".
	Value string
	// Allowed are the filter names the operation accepts under the options
	// in use, sorted; nil for an unknown operation.
	Allowed []string
	// Decision is the decision the verdict depends on, "" when the model
	// alone decides it.
	Decision Decision
	// Err is the sentinel describing the cause, or an error wrapping it
	// with more detail (ErrBadVersion carries the semver error).
	Err error
}

// Error formats the error as one line naming the operation, the filter
// index, the offending name or value, and the accepted names.
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("filter: ")
	if e.Operation != "" {
		b.WriteString(e.Operation)
		b.WriteString(": ")
	}
	if e.Index >= 0 {
		b.WriteString("filter ")
		b.WriteString(strconv.Itoa(e.Index))
		if e.Name != "" {
			b.WriteString(" (")
			b.WriteString(strconv.Quote(e.Name))
			b.WriteByte(')')
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	if e.Value != "" {
		b.WriteString(": ")
		b.WriteString(strconv.Quote(e.Value))
	}
	if e.Err == ErrUnknownOperation {
		b.WriteString("; known operations: ")
		b.WriteString(strings.Join(Operations(), ", "))
	} else if e.Allowed != nil {
		b.WriteString("; accepted names: ")
		b.WriteString(strings.Join(e.Allowed, ", "))
	} else if e.Err == ErrUnknownName {
		b.WriteString("; the operation accepts no filter names")
	}
	if e.Decision != "" {
		b.WriteString(" [")
		b.WriteString(string(e.Decision))
		b.WriteByte(']')
	}
	return b.String()
}

// Unwrap returns the sentinel.
func (e *ValidationError) Unwrap() error { return e.Err }

// SyntaxError reports filter text that cannot be parsed.
type SyntaxError struct {
	// Input is the text being parsed (one shorthand argument, or the JSON
	// text).
	Input string
	// Offset is the byte offset in Input where parsing failed.
	Offset int
	// Reason says what was expected there.
	Reason string
}

// Error formats the error with the input and the failing offset.
func (e *SyntaxError) Error() string {
	return "filter: syntax error at offset " + strconv.Itoa(e.Offset) + " in " +
		strconv.Quote(e.Input) + ": " + e.Reason
}

// Unwrap returns ErrSyntax.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

// ItemError reports an item that cannot be evaluated.
type ItemError struct {
	// Path locates the item: "imageVersionList[3]" in a document, "[3]"
	// in a slice.
	Path string
	// Err is the cause; it wraps one of the sentinels.
	Err error
}

// Error formats the error with the item's location.
func (e *ItemError) Error() string { return "filter: item " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *ItemError) Unwrap() error { return e.Err }

// reasonError is a cause with a sentinel and an explanation.
type reasonError struct {
	sentinel error
	reason   string
	cause    error
}

func (e *reasonError) Error() string {
	s := e.sentinel.Error() + ": " + e.reason
	if e.cause != nil {
		s += ": " + e.cause.Error()
	}
	return s
}

func (e *reasonError) Unwrap() []error {
	if e.cause != nil {
		return []error{e.sentinel, e.cause}
	}
	return []error{e.sentinel}
}
