package arn

import (
	"errors"

	"github.com/ibkit/ibkit/internal/decision"
)

// Options selects other readings of the package's decisions. The zero
// value is ibkit's default reading, the one Validate, Parse and Name
// use. The methods do not modify o and are safe for concurrent use.
type Options struct {
	// Readings lists the decisions whose other reading applies: any of
	// RegexOnly, ModelOwnersOnly, KnownOwnersOnly, GenericPatternOnly,
	// StrictRegions, RejectLeadingZeros, UnderscoreToHyphen and
	// NonZeroBuilds. Another ID makes every method return an *Error
	// wrapping ErrUnknown.
	Readings []Decision
}

// reading is Options turned into flags once per call, the form the
// checker consults.
type reading struct {
	regexOnly, modelOwners, knownOwners, generic  bool
	strictRegions, leadingZeros, hyphens, nonZero bool
}

// reading checks o.Readings and returns the flags they select.
func (o Options) reading() (reading, error) {
	if len(o.Readings) == 0 {
		return reading{}, nil
	}
	s, err := decision.Choose(o.Readings, offered)
	if err != nil {
		var ce *decision.ChoiceError
		errors.As(err, &ce)
		return reading{}, &Error{Part: partReadings.String(), Found: string(ce.ID), Rule: ruleReading.String(),
			Reason: err.Error(), Err: ErrUnknown}
	}
	return reading{
		regexOnly: s.Has(RegexOnly), modelOwners: s.Has(ModelOwnersOnly), knownOwners: s.Has(KnownOwnersOnly),
		generic: s.Has(GenericPatternOnly), strictRegions: s.Has(StrictRegions),
		leadingZeros: s.Has(RejectLeadingZeros), hyphens: s.Has(UnderscoreToHyphen), nonZero: s.Has(NonZeroBuilds),
	}, nil
}

// Validate reports whether s is a valid value of the shape named shape
// (a string shape of the service model, one of Shapes) under ibkit's
// default reading: the model's pattern for the shape anchored at both ends
// (no trailing newline), the model's length limits, and the documented
// rules the patterns leave out (wildcard nodes only at the end of a
// version, version nodes at most 1073741823, builds within 64 bits). The
// owner "third-party" is accepted on the shapes that accept
// "aws-marketplace"; partition and region realism is not checked. For
// ImageBuilderArn the generic pattern decides which version forms pass, so
// "image-pipeline/p/1.0.0" is valid there (Check flags it with AS-4),
// while Parse applies the forms of each resource type.
//
// The result is nil or an *Error; an unknown shape gives one wrapping
// ErrUnknown. Validate does not allocate for valid input.
func Validate(shape, s string) error {
	return validate(shape, s, reading{})
}

// validate is Validate under the reading r.
func validate(shape, s string, r reading) error {
	c := checker{o: r}
	c.run(shape, s)
	if c.fail.rule != ruleNone {
		return c.err(shape, s)
	}
	return nil
}

// Check validates s against the shape named shape like Validate, under the
// readings o selects, and also returns the decisions that affected the
// verdict, ordered as the README's decisions table (family, then number):
//
//   - for a valid text, the decisions whose condition held, such as AS-2
//     for the owner "third-party" or AS-6 for a node with a leading zero;
//   - for a text a decision's rule rejected, the decisions whose rules
//     rejected it;
//   - for a text that fails the model's pattern or length, none: no
//     reading would accept it. The exception is a text that is valid but
//     for a final newline, which a pattern checked with Python's "$"
//     accepts: there AS-1 decided the verdict and is listed.
//
// Check allocates only for the returned slice and the error.
func (o Options) Check(shape, s string) ([]Decision, error) {
	r, err := o.reading()
	if err != nil {
		return nil, err
	}
	c := checker{o: r, report: true}
	c.run(shape, s)
	switch {
	case c.fail.rule == ruleNone:
		return list(c.flags), nil
	case c.hard:
		var ds []Decision
		if failsOnlyByFinalNewline(shape, s, r) {
			ds = []Decision{RegexOnly}
		}
		return ds, c.err(shape, s)
	}
	return list(c.rejected), c.err(shape, s)
}

// failsOnlyByFinalNewline reports whether s ends in one newline without
// which it is valid under r.
func failsOnlyByFinalNewline(shape, s string, r reading) bool {
	return len(s) > 0 && s[len(s)-1] == '\n' && validate(shape, s[:len(s)-1], r) == nil
}
