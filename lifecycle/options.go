package lifecycle

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
	// ModelOnly reports the rules that only AWS client tooling enforces
	// (X5, X6, X8, X9, X12) as warnings instead of errors (Decision L-P1).
	ModelOnly bool

	// AllowMixedWildcards accepts semanticVersion filters such as "x.1.x"
	// that the model's pattern allows but the documented wildcard rule
	// forbids; they then match node by node (Decision L-14, rule X15).
	AllowMixedWildcards bool

	// RecipeKinds, when not nil, maps recipe names to the type of image
	// they build: ImageTypeAMI for image recipes, ImageTypeDocker for
	// container recipes. Rule X12 is checked only for names it holds.
	RecipeKinds map[string]ImageType

	// AMIExclusionProtectsImage selects the reading of Decision L-30 under
	// which an AMI exclusion protects its whole image. It changes the
	// wording of the warning about exclusionRules.amis on a rule that
	// includes no AMIs (rule X17): under the default reading such
	// exclusions have no effect at all.
	AMIExclusionProtectsImage bool
}
