package lifecycle

import (
	"errors"

	"github.com/ibkit/ibkit/internal/decision"
)

// DecodeOptions adjusts how DecodePolicy and DecodeStateUpdate read JSON.
// The zero value is strict.
type DecodeOptions struct {
	// AllowUnknownFields ignores object members the shape does not define
	// instead of failing with an error that names their path.
	AllowUnknownFields bool
}

// ValidateOptions selects the readings of the validation rules that depend
// on a decision. The zero value is ibkit's default reading.
type ValidateOptions struct {
	// Readings are the alternative readings to apply (see the Decision
	// constants). Validation consults ModelOnlyValidation (rules X5, X6,
	// X8, X9 and X12 become warnings), AllowMixedWildcards (X15 becomes a
	// warning) and AMIExclusionProtectsImage (the wording of X17), and
	// accepts every other reading of the package, so that the options of
	// a dry-run can be passed as they are. Any other ID is an *Error
	// wrapping ErrUnknown.
	Readings []Decision

	// RecipeKinds, when not nil, maps recipe names to the type of image
	// they build: ImageTypeAMI for image recipes, ImageTypeDocker for
	// container recipes. Rule X12 is checked only for names it holds.
	RecipeKinds map[string]ImageType
}

// validation is what a validator needs of ValidateOptions.
type validation struct {
	modelOnly, mixedWildcards, protectsImage bool
	recipeKinds                              map[string]ImageType
}

// compile checks the readings and derives the validator's flags.
func (o ValidateOptions) compile() (validation, error) {
	set, err := decision.Choose(o.Readings, readings())
	if err != nil {
		var ce *decision.ChoiceError
		errors.As(err, &ce)
		return validation{}, &Error{Path: "Readings", Input: string(ce.ID), Reason: err.Error(), Err: ErrUnknown}
	}
	return validation{
		modelOnly:      set.Has(ModelOnlyValidation),
		mixedWildcards: set.Has(AllowMixedWildcards),
		protectsImage:  set.Has(AMIExclusionProtectsImage),
		recipeKinds:    o.RecipeKinds,
	}, nil
}
