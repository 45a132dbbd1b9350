package arn

// Options selects the other reading of decisions AS-1 to AS-6, AS-9 and
// AS-10. The zero value is ibkit's default reading, the one Validate, Parse
// and ARNName use. Options is a small comparable value; its methods do not
// modify it and are safe for concurrent use.
type Options struct {
	// RegexOnly (AS-1) checks the model pattern alone: wildcard nodes may
	// be followed by numbers, nodes may exceed 1073741823, build numbers
	// may exceed 64 bits, and the OrganizationalUnitArn pattern is not
	// anchored at its end. Parse ignores it, because an ARN value cannot
	// hold such versions.
	RegexOnly bool
	// ModelOwnersOnly (AS-2) rejects the owner "third-party", which the
	// model patterns do not list.
	ModelOwnersOnly bool
	// KnownOwnersOnly (AS-3) narrows the owner alternation aws(-[a-z-]+)?
	// to "aws" and "aws-marketplace" (12-digit accounts and, unless
	// ModelOwnersOnly is set, "third-party" stay accepted).
	KnownOwnersOnly bool
	// GenericPatternOnly (AS-4) makes Parse accept every version form the
	// generic ImageBuilderArn pattern accepts, such as a version on an
	// image-pipeline ARN or a wildcard version with a build.
	GenericPatternOnly bool
	// StrictLint (AS-5, AS-10) rejects ARNs whose partition is not one of
	// the eight known partitions or whose region does not fit the
	// partition's region naming scheme, and build number 0.
	StrictLint bool
	// RejectLeadingZeros (AS-6) rejects version and build nodes written with
	// leading zeros, such as 2021.01.01.
	RejectLeadingZeros bool
	// UnderscoreToHyphen (AS-9) makes ARNName map '_' to '-'.
	UnderscoreToHyphen bool
}

// reading is Options as a bit set, the form the checker uses.
type reading uint8

const (
	rRegexOnly reading = 1 << iota
	rModelOwnersOnly
	rKnownOwnersOnly
	rGenericPatternOnly
	rStrictLint
	rRejectLeadingZeros
)

// readings returns o as a bit set (UnderscoreToHyphen is not needed there).
func (o Options) readings() reading {
	var r reading
	if o.RegexOnly {
		r |= rRegexOnly
	}
	if o.ModelOwnersOnly {
		r |= rModelOwnersOnly
	}
	if o.KnownOwnersOnly {
		r |= rKnownOwnersOnly
	}
	if o.GenericPatternOnly {
		r |= rGenericPatternOnly
	}
	if o.StrictLint {
		r |= rStrictLint
	}
	if o.RejectLeadingZeros {
		r |= rRejectLeadingZeros
	}
	return r
}

// Result is the verdict of Options.Check.
type Result struct {
	// Shape is the shape that was checked.
	Shape Shape
	// Err is nil when the text is valid, and otherwise a *ParseError
	// describing the first failing rule.
	Err error
	// Rule is the first failing rule, or RuleNone.
	Rule Rule
	// Decisions holds the decisions that affected the verdict (see the
	// Flags section of the ibkit specification). For a valid text these are
	// the decisions whose flag condition held, for example AS-2 when the
	// owner is "third-party" or AS-6 when a node has a leading zero. For a
	// text rejected by a decision's rule they are the decisions whose rules
	// rejected it. For a text that fails the model's pattern or length it is
	// empty: no reading would accept it. The one exception is a text that
	// is valid but for a final newline: a pattern checked with Python's "$",
	// which also matches before a final "\n", would accept it, so AS-1 (Go
	// anchoring) decided the verdict and is listed.
	Decisions Decisions
}

// Valid reports whether the text was valid.
func (r Result) Valid() bool { return r.Err == nil }

// Validate reports whether s is a valid value of shape under ibkit's
// default reading: the model's pattern for the shape (anchored at both
// ends, no trailing newline), the model's length limits, and the documented
// rules the patterns leave out (wildcard nodes only at the end of a version,
// version nodes at most 1073741823, build numbers within 64 bits). The owner
// "third-party" is accepted on the shapes that accept "aws-marketplace".
// Partition and region realism is not checked (see Options.StrictLint).
// For ImageBuilderArn the generic pattern decides which version forms pass,
// so "image-pipeline/p/1.0.0" is valid there (Check flags it with AS-4);
// Parse applies the version forms of each resource type.
//
// The result is nil or a *ParseError. An unknown shape yields an error
// wrapping ErrUnknownShape. Validate does not allocate for valid input.
func Validate(shape Shape, s string) error {
	return validate(shape, s, 0)
}

// Validate is like the package-level Validate under the reading o selects.
func (o Options) Validate(shape Shape, s string) error {
	return validate(shape, s, o.readings())
}

// validate is Validate under the readings r.
func validate(shape Shape, s string, r reading) error {
	var c checker
	c.o = r
	c.run(shape, s)
	if c.fail.rule != RuleNone {
		return c.err(shape, s)
	}
	return nil
}

// Check validates s against shape like Validate and also reports the rule
// that failed and the decisions that affected the verdict.
func (o Options) Check(shape Shape, s string) Result {
	c := checker{o: o.readings(), report: true}
	c.run(shape, s)
	r := Result{Shape: shape, Rule: c.fail.rule}
	switch {
	case c.fail.rule == RuleNone:
		r.Decisions = c.flags
	case c.hard:
		r.Err = c.err(shape, s)
		if o.failsOnlyByFinalNewline(shape, s) {
			r.Decisions = r.Decisions.With(AS1)
		}
	default:
		r.Err = c.err(shape, s)
		r.Decisions = c.rejected
	}
	return r
}

// failsOnlyByFinalNewline reports whether s ends in one newline without
// which it is valid under o.
func (o Options) failsOnlyByFinalNewline(shape Shape, s string) bool {
	return len(s) > 0 && s[len(s)-1] == '\n' && validate(shape, s[:len(s)-1], o.readings()) == nil
}
