package lifecycle

import "github.com/ibkit/ibkit/internal/decision"

// Decision is the ID of a point the service's documentation leaves open
// and on which ibkit takes a documented reading ("L-9"); the README's
// decisions table describes each. Findings and plan records whose outcome
// depends on such a point carry its ID. It is the module's one decision
// type, shared with the other packages.
type Decision = decision.ID

// The decisions with another reading a caller can choose, each named after
// that alternative reading. Give them in ValidateOptions.Readings and in
// the Readings of the dry-run's options; without them every point takes
// ibkit's default reading: what AWS documents, and where it is silent the
// reading under which the service acts.
const (
	// FixedMonthYear counts a MONTH as 30 days and a YEAR as 365 days
	// instead of subtracting calendar months and years.
	FixedMonthYear Decision = "L-1"
	// InclusiveAgeBoundary makes an image created exactly at the age
	// threshold old enough.
	InclusiveAgeBoundary Decision = "L-2"
	// RetainOnlyAged gives the retainAtLeast slots of an AGE rule only to
	// images past the threshold, instead of to the newest images of any
	// age.
	RetainOnlyAged Decision = "L-3"
	// FailedRespectAge makes FAILED and CANCELLED images qualify for an
	// AGE rule only once they are old enough, instead of whatever their
	// age.
	FailedRespectAge Decision = "L-4"
	// FewGoodImagesProtectFailed makes nothing qualify in a group with
	// fewer good images than the rule's keep slots.
	FewGoodImagesProtectFailed Decision = "L-5"
	// TagsProtectFailed lets a rule's exclusion tags protect FAILED and
	// CANCELLED images too.
	TagsProtectFailed Decision = "L-6"
	// ExcludeBeforeRetention removes tag-excluded images before the keep
	// slots are filled, so that they take no slot.
	ExcludeBeforeRetention Decision = "L-7"
	// SkipEndsEvaluation stops evaluating an image for the run once a
	// rule's exclusion skipped it.
	SkipEndsEvaluation Decision = "L-8"
	// HonourRetainOnDeprecateDisable applies retainAtLeast to DEPRECATE
	// and DISABLE rules as to DELETE rules.
	HonourRetainOnDeprecateDisable Decision = "L-9"
	// CountOnDeprecateDisableNoAction makes a DEPRECATE or DISABLE rule
	// with a COUNT filter act on nothing.
	CountOnDeprecateDisableNoAction Decision = "L-10"
	// OnlyAvailableFillSlots lets only AVAILABLE images fill keep slots;
	// DEPRECATED and DISABLED images then compete like older ones.
	OnlyAvailableFillSlots Decision = "L-11"
	// IgnoreSnapshotsWithoutAMIs predicts no snapshot action for a DELETE
	// rule that includes snapshots but not AMIs, instead of failures.
	IgnoreSnapshotsWithoutAMIs Decision = "L-12"
	// AMIExclusionsDeleteOnly applies AMI exclusion rules to DELETE rules
	// only.
	AMIExclusionsDeleteOnly Decision = "L-13"
	// AllowMixedWildcards accepts recipe versions such as "x.1.x" (a
	// warning instead of error X15) and matches them node by node.
	AllowMixedWildcards Decision = "L-14"
	// CreationTimeFromCompletion ages and orders images by their
	// dateCompleted when the inventory gives one.
	CreationTimeFromCompletion Decision = "L-16"
	// NeverLaunchedExcluded makes an AMI that EC2 reports no launch for
	// match a lastLaunched exclusion.
	NeverLaunchedExcluded Decision = "L-17"
	// EmptyTagValueMatchesAny makes a resourceSelection tag pair with an
	// empty value select images carrying the key with any value.
	EmptyTagValueMatchesAny Decision = "L-18"
	// EvaluateDisabledPolicy plans a DISABLED policy as if it were
	// enabled.
	EvaluateDisabledPolicy Decision = "L-19"
	// DeferredTakeSlots lets images whose build is in progress fill keep
	// slots; they still get no action.
	DeferredTakeSlots Decision = "L-20"
	// ExactRecipeNames matches a recipe entry only against images whose
	// name is exactly the entry's, instead of comparing the ARN forms of
	// the names (lower case, spaces as hyphens). An image whose name the
	// inventory does not give is still matched by its ARN.
	ExactRecipeNames Decision = "L-21"
	// RecipeSelectionNeedsRecipe keeps recipe entries from selecting
	// images no recipe built (imageSource IMPORTED); tag selection still
	// selects them.
	RecipeSelectionNeedsRecipe Decision = "L-27"
	// SharedAccountsIncludeOwners makes exclusionRules.amis.sharedAccounts
	// also exclude the AMIs owned by a listed account, not only those
	// shared with it.
	SharedAccountsIncludeOwners Decision = "L-28"
	// AMIExclusionProtectsImage makes an AMI exclusion protect the whole
	// image: an image any of whose AMIs matches a rule's AMI exclusions is
	// SKIPPED by that rule with all of its resources and takes no keep
	// slot. It also rewords warning X17.
	AMIExclusionProtectsImage Decision = "L-30"
	// ModelOnlyValidation reports the rules only AWS client tooling
	// enforces (X5, X6, X8, X9, X12) as warnings. A policy with both
	// selectors then selects images matched by either; of repeated action
	// types the first rule in policyDetails order is used.
	ModelOnlyValidation Decision = "L-P1"
	// PredictPermissionFailures predicts FAILED for AMIs and their
	// snapshots that the managed execution policy may not touch because
	// the AMI lacks the tag CreatedBy: EC2 Image Builder.
	PredictPermissionFailures Decision = "L-P5"
)

// The decisions validation flags without offering another reading.
const (
	decisionRetainOnDeprecateDisable Decision = "L-9"
	decisionCountOnDeprecateDisable  Decision = "L-10"
	decisionSnapshotsWithoutAMIs     Decision = "L-12"
	decisionEvaluatedOnce            Decision = "L-15"
	decisionTagMatching              Decision = "L-18"
	decisionCountModifiers           Decision = "L-P2"
	decisionManualUpdate             Decision = "L-P8"
)

// readings returns the set of every reading the package offers. Validation
// accepts them all, so that one list serves validation and the dry-run, and
// consults those it has rules for (L-14, L-30, L-P1).
func readings() decision.Set {
	return decision.Of(FixedMonthYear, InclusiveAgeBoundary, RetainOnlyAged, FailedRespectAge,
		FewGoodImagesProtectFailed, TagsProtectFailed, ExcludeBeforeRetention, SkipEndsEvaluation,
		HonourRetainOnDeprecateDisable, CountOnDeprecateDisableNoAction, OnlyAvailableFillSlots,
		IgnoreSnapshotsWithoutAMIs, AMIExclusionsDeleteOnly, AllowMixedWildcards,
		CreationTimeFromCompletion, NeverLaunchedExcluded, EmptyTagValueMatchesAny,
		EvaluateDisabledPolicy, DeferredTakeSlots, ExactRecipeNames, RecipeSelectionNeedsRecipe,
		SharedAccountsIncludeOwners, AMIExclusionProtectsImage, ModelOnlyValidation,
		PredictPermissionFailures)
}
