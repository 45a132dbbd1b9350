package filter

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinels for errors.Is. Every error of this package is an *Error whose
// Err is, or wraps, one of them; the Reason says what exactly was wrong.
var (
	// ErrSyntax: filter text is neither valid shorthand nor valid JSON, or
	// a List response is not valid JSON.
	ErrSyntax = errors.New("syntax error")
	// ErrInvalid: well-formed input that breaks a rule of the service
	// model or of the reading in use: a limit, a character set, an enum, a
	// parameter combination, a member of the wrong type, an item whose
	// ownership category cannot be known.
	ErrInvalid = errors.New("invalid")
	// ErrUnknown: a name this package does not know or the operation does
	// not accept: an operation, a filter name, a parameter, a decision ID,
	// the result list member of a response.
	ErrUnknown = errors.New("unknown name")
)

// Error reports filter text, a request or a List response that cannot be
// used, with where the problem is and what was expected.
type Error struct {
	// Operation is the API name as given; "" while parsing filter text.
	Operation string
	// Index is the position of the offending filter in the request, or -1
	// when the error is not about one filter.
	Index int
	// Path locates the problem outside the filters: a request parameter
	// ("owner", "byName"), or a JSON path in a List response
	// ("imageVersionList[3].name"); "[3]" names the fourth item given to
	// Matcher.Apply.
	Path string
	// Name is the offending filter's name (possibly empty).
	Name string
	// Value is the offending value: a filter value, a parameter value, an
	// operation name, or the filter text that does not parse.
	Value string
	// Offset is the byte offset of the problem in Value (filter text) when
	// Operation is empty, else in the List response; -1 when the error is
	// not about text.
	Offset int
	// Decision is the decision the verdict depends on, "" when the model
	// alone decides it.
	Decision Decision
	// Reason says what was wrong and what was expected.
	Reason string
	// Err is one of the sentinels, or wraps one.
	Err error
}

// Error formats the error on one line: the operation, the filter or path,
// the reason and the decision.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("filter: ")
	if e.Operation == "" && e.Offset >= 0 {
		b.WriteString("syntax error at offset " + strconv.Itoa(e.Offset) + " in " + strconv.Quote(e.Value) + ": ")
	}
	if e.Operation != "" {
		b.WriteString(e.Operation + ": ")
	}
	if e.Index >= 0 {
		b.WriteString("filter " + strconv.Itoa(e.Index))
		if e.Name != "" {
			b.WriteString(" (" + strconv.Quote(e.Name) + ")")
		}
		b.WriteString(": ")
	}
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Reason)
	if e.Operation != "" && e.Offset >= 0 {
		b.WriteString(" (byte " + strconv.Itoa(e.Offset) + ")")
	}
	if e.Decision != "" {
		b.WriteString(" [" + string(e.Decision) + "]")
	}
	return b.String()
}

// Unwrap returns Err.
func (e *Error) Unwrap() error { return e.Err }

// requestError returns an error about a request that is not about text.
func requestError(op string, index int, name, value string, d Decision, sentinel error, reason string) *Error {
	return &Error{Operation: op, Index: index, Name: name, Value: value, Offset: -1, Decision: d, Reason: reason, Err: sentinel}
}

// documentError returns an error about a List response of op at path and
// byte offset.
func documentError(op, path string, offset int64, sentinel error, reason string) *Error {
	return &Error{Operation: op, Index: -1, Path: path, Offset: int(offset), Reason: reason, Err: sentinel}
}

// errNotCompiled is the error of a Matcher that Compile did not make.
func errNotCompiled() *Error {
	return requestError("", -1, "", "", "", ErrInvalid, "the Matcher holds no query; make it with Compile")
}
