package arn

import (
	"errors"
	"strconv"
	"strings"
)

// Sentinel errors. Every *ParseError wraps exactly one of these, or one of
// semver.ErrInvalid for a version that breaks a documented rule (node
// limit, wildcard order, build range, leading zeros rejected by option), so
// callers can classify failures with errors.Is.
var (
	// ErrUnknownShape reports a shape name this package does not know.
	ErrUnknownShape = errors.New("arn: unknown shape")
	// ErrSyntax reports text that does not have the form the shape needs.
	ErrSyntax = errors.New("arn: invalid syntax")
	// ErrLength reports text shorter or longer than the model allows.
	ErrLength = errors.New("arn: length out of range")
	// ErrService reports an ARN for another AWS service.
	ErrService = errors.New("arn: wrong service")
	// ErrOwner reports an owner (account field) the shape does not accept.
	ErrOwner = errors.New("arn: owner not accepted")
	// ErrResourceType reports a resource type that is unknown or not the
	// one the shape needs.
	ErrResourceType = errors.New("arn: wrong resource type")
	// ErrVersionForm reports a version part the shape or the resource type
	// cannot have, such as a version on a lifecycle-policy ARN.
	ErrVersionForm = errors.New("arn: version form not accepted")
	// ErrLint reports a finding of the opt-in strict lint (Options.StrictLint):
	// an unknown partition, a region that does not belong to the partition,
	// or build number 0.
	ErrLint = errors.New("arn: strict lint")
)

// Field names the part of the input an error is about.
type Field uint8

// The fields of an ARN, in the order they appear in the text. FieldInput is
// used for the text as a whole: length limits and identifiers that are not
// ARNs.
const (
	FieldInput Field = iota
	FieldPrefix
	FieldPartition
	FieldService
	FieldRegion
	FieldAccount
	FieldResourceType
	FieldStage
	FieldName
	FieldVersion
	FieldBuild
)

// String returns the field's lower-case name, such as "resource type".
func (f Field) String() string {
	switch f {
	case FieldInput:
		return "input"
	case FieldPrefix:
		return "prefix"
	case FieldPartition:
		return "partition"
	case FieldService:
		return "service"
	case FieldRegion:
		return "region"
	case FieldAccount:
		return "account"
	case FieldResourceType:
		return "resource type"
	case FieldStage:
		return "stage"
	case FieldName:
		return "name"
	case FieldVersion:
		return "version"
	case FieldBuild:
		return "build"
	}
	return "Field(" + strconv.Itoa(int(f)) + ")"
}

// ParseError describes why a string is not a valid value of a shape, or not
// a valid Image Builder ARN for Parse.
type ParseError struct {
	// Input is the complete text that was checked.
	Input string
	// Shape is the shape the text was checked against; it is empty for
	// errors from Parse and UnmarshalText.
	Shape Shape
	// Field is the part of Input that is wrong.
	Field Field
	// Rule is the rule that failed.
	Rule Rule
	// Found is the offending text (part of Input, possibly empty).
	Found string
	// Reason says what was expected instead.
	Reason string
	// Err is the sentinel error that classifies the failure.
	Err error
}

// Error returns a message naming the input, the field, what was found there
// and what was expected.
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("arn: ")
	if e.Rule == RuleShape {
		b.WriteString("unknown shape ")
		b.WriteString(quote(string(e.Shape)))
		b.WriteString(": ")
		b.WriteString(e.Reason)
		return b.String()
	}
	if e.Shape != "" {
		b.WriteString("invalid ")
		b.WriteString(string(e.Shape))
		b.WriteByte(' ')
	} else {
		b.WriteString("parsing ")
	}
	b.WriteString(quote(e.Input))
	b.WriteString(": ")
	if e.Field != FieldInput || e.Found != e.Input {
		b.WriteString(e.Field.String())
		b.WriteByte(' ')
		b.WriteString(quote(e.Found))
		b.WriteString(": ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// Unwrap returns the sentinel error.
func (e *ParseError) Unwrap() error { return e.Err }

// quote quotes s for a message, shortening very long values.
func quote(s string) string {
	const max = 200
	if len(s) > max {
		return strconv.Quote(s[:max]) + "..."
	}
	return strconv.Quote(s)
}
