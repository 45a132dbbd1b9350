package plan

import (
	"time"

	"github.com/ibkit/ibkit/internal/decision"
	"github.com/ibkit/ibkit/lifecycle"
)

// Options configures DryRun and Forecast. The zero value plans with
// ibkit's default readings, serially, in the Region and account the policy
// ARN or the index gives.
type Options struct {
	// Region and AccountID are the Region and account of the policy: an
	// execution acts only on images whose ARN carries both (Decision L-26).
	// A policy ARN in the document (a GetLifecyclePolicy response) gives
	// them; these fields give them for a document without one. When neither
	// does, an index whose images all share one Region and account supplies
	// it (the plan is flagged L-26), and an index spanning several is a
	// *lifecycle.Error that names them. A value that contradicts the policy
	// ARN is an error too.
	Region    string
	AccountID string

	// Readings are the alternative readings to apply, the lifecycle
	// package's Decision constants (lifecycle.FixedMonthYear, ...). Records
	// whose outcome depends on a decision carry its ID under either
	// reading. An ID without another reading is a *lifecycle.Error
	// wrapping lifecycle.ErrUnknown.
	Readings []lifecycle.Decision

	// RecipeKinds, when not nil, maps recipe names to the type of image they
	// build, for validation rule X12 (see lifecycle.ValidateOptions).
	RecipeKinds map[string]lifecycle.ImageType

	// Workers is the number of goroutines a large plan may use; 0 and 1
	// plan on the calling goroutine only. The plan is the same either way.
	Workers int
}

// settings are the Options as the engine reads them: one flag per
// reading, derived once, and the instant of the run.
type settings struct {
	now     time.Time
	region  string
	account string
	workers int
	valid   lifecycle.ValidateOptions

	// FixedMonthYear counts a MONTH as 30 days and a YEAR as 365 days
	// instead of subtracting calendar months and years (L-1).
	FixedMonthYear bool
	// InclusiveAgeBoundary makes an image created exactly at now minus the
	// threshold old enough (L-2).
	InclusiveAgeBoundary bool
	// RetainOnlyAged gives the retainAtLeast slots of an AGE rule only to
	// images past the threshold, instead of to the newest images of any age
	// (L-3).
	RetainOnlyAged bool
	// FailedRespectAge makes FAILED and CANCELLED images qualify for an AGE
	// rule only once they are old enough, instead of whatever their age
	// (L-4).
	FailedRespectAge bool
	// FewGoodImagesProtectFailed makes nothing qualify in a group with
	// fewer good images than the rule's keep slots (L-5).
	FewGoodImagesProtectFailed bool
	// TagsProtectFailed lets a rule's exclusion tags protect FAILED and
	// CANCELLED images too (L-6).
	TagsProtectFailed bool
	// ExcludeBeforeRetention removes tag-excluded images before the keep
	// slots are filled, so that they take no slot even inside the window
	// (L-7).
	ExcludeBeforeRetention bool
	// SkipEndsEvaluation stops evaluating an image for the run once a
	// rule's exclusion skipped it (L-8).
	SkipEndsEvaluation bool
	// HonourRetainOnDeprecateDisable applies retainAtLeast to DEPRECATE and
	// DISABLE rules as to DELETE rules (L-9).
	HonourRetainOnDeprecateDisable bool
	// CountOnDeprecateDisableNoAction makes a DEPRECATE or DISABLE rule
	// with a COUNT filter act on nothing (L-10).
	CountOnDeprecateDisableNoAction bool
	// OnlyAvailableFillSlots lets only AVAILABLE images fill keep slots;
	// DEPRECATED and DISABLED images then compete like older ones (L-11).
	OnlyAvailableFillSlots bool
	// IgnoreSnapshotsWithoutAMIs predicts no snapshot action for a DELETE
	// rule that includes snapshots but not AMIs, instead of failures (L-12).
	IgnoreSnapshotsWithoutAMIs bool
	// AMIExclusionsDeleteOnly applies AMI exclusion rules to DELETE rules
	// only (L-13).
	AMIExclusionsDeleteOnly bool
	// AllowMixedWildcards accepts recipe versions such as "x.1.x" and
	// matches them node by node (L-14); without it they fail validation.
	AllowMixedWildcards bool
	// CreationTimeFromCompletion ages and orders images by their
	// dateCompleted when the inventory gives one (L-16).
	CreationTimeFromCompletion bool
	// NeverLaunchedExcluded makes an AMI that EC2 reports no launch for
	// match a lastLaunched exclusion (L-17).
	NeverLaunchedExcluded bool
	// EmptyTagValueMatchesAny makes a resourceSelection tag pair with an
	// empty value select images carrying the key with any value (L-18).
	EmptyTagValueMatchesAny bool
	// EvaluateDisabledPolicy computes the plan of a DISABLED policy as if it
	// were enabled (L-19).
	EvaluateDisabledPolicy bool
	// DeferredTakeSlots lets images whose build is in progress fill keep
	// slots; they still get no action (L-20).
	DeferredTakeSlots bool
	// ExactRecipeNames matches a recipe entry only against images whose
	// name is exactly the entry's name, instead of comparing the ARN forms
	// of the names (lower case, spaces as hyphens) (L-21). An image whose
	// name the inventory does not give is still matched by its ARN.
	ExactRecipeNames bool
	// RecipeSelectionNeedsRecipe keeps recipe entries from selecting
	// images that no recipe built (imageSource IMPORTED); tag selection
	// still selects them (L-27).
	RecipeSelectionNeedsRecipe bool
	// SharedAccountsIncludeOwners makes exclusionRules.amis.sharedAccounts
	// also exclude the AMIs owned by a listed account (distributed into
	// it), not only those shared with it (L-28).
	SharedAccountsIncludeOwners bool
	// AMIExclusionProtectsImage makes an AMI exclusion protect the whole
	// image: an image any of whose AMIs matches a rule's AMI exclusions is
	// SKIPPED by that rule with all of its resources and takes none of its
	// keep slots (L-30). By default only the matching AMI is left alone.
	AMIExclusionProtectsImage bool
	// ModelOnlyValidation reports the rules enforced only by AWS client
	// tooling as warnings (L-P1). A policy with both selectors then selects
	// images matched by either; of repeated action types the first rule in
	// policyDetails order is used.
	ModelOnlyValidation bool
	// PredictPermissionFailures predicts FAILED for AMIs and their
	// snapshots that the managed execution policy may not touch because
	// the AMI lacks the tag CreatedBy: EC2 Image Builder (L-P5).
	PredictPermissionFailures bool
}

// settings checks the options and derives the engine's settings; the
// readings are checked by the policy's validation, which comes first.
func (o *Options) settings(now time.Time) settings {
	set := decision.Of(o.Readings...)
	return settings{
		now: now, region: o.Region, account: o.AccountID, workers: o.Workers,
		valid: lifecycle.ValidateOptions{Readings: o.Readings, RecipeKinds: o.RecipeKinds},

		FixedMonthYear:                  set.Has(lifecycle.FixedMonthYear),
		InclusiveAgeBoundary:            set.Has(lifecycle.InclusiveAgeBoundary),
		RetainOnlyAged:                  set.Has(lifecycle.RetainOnlyAged),
		FailedRespectAge:                set.Has(lifecycle.FailedRespectAge),
		FewGoodImagesProtectFailed:      set.Has(lifecycle.FewGoodImagesProtectFailed),
		TagsProtectFailed:               set.Has(lifecycle.TagsProtectFailed),
		ExcludeBeforeRetention:          set.Has(lifecycle.ExcludeBeforeRetention),
		SkipEndsEvaluation:              set.Has(lifecycle.SkipEndsEvaluation),
		HonourRetainOnDeprecateDisable:  set.Has(lifecycle.HonourRetainOnDeprecateDisable),
		CountOnDeprecateDisableNoAction: set.Has(lifecycle.CountOnDeprecateDisableNoAction),
		OnlyAvailableFillSlots:          set.Has(lifecycle.OnlyAvailableFillSlots),
		IgnoreSnapshotsWithoutAMIs:      set.Has(lifecycle.IgnoreSnapshotsWithoutAMIs),
		AMIExclusionsDeleteOnly:         set.Has(lifecycle.AMIExclusionsDeleteOnly),
		AllowMixedWildcards:             set.Has(lifecycle.AllowMixedWildcards),
		CreationTimeFromCompletion:      set.Has(lifecycle.CreationTimeFromCompletion),
		NeverLaunchedExcluded:           set.Has(lifecycle.NeverLaunchedExcluded),
		EmptyTagValueMatchesAny:         set.Has(lifecycle.EmptyTagValueMatchesAny),
		EvaluateDisabledPolicy:          set.Has(lifecycle.EvaluateDisabledPolicy),
		DeferredTakeSlots:               set.Has(lifecycle.DeferredTakeSlots),
		ExactRecipeNames:                set.Has(lifecycle.ExactRecipeNames),
		RecipeSelectionNeedsRecipe:      set.Has(lifecycle.RecipeSelectionNeedsRecipe),
		SharedAccountsIncludeOwners:     set.Has(lifecycle.SharedAccountsIncludeOwners),
		AMIExclusionProtectsImage:       set.Has(lifecycle.AMIExclusionProtectsImage),
		ModelOnlyValidation:             set.Has(lifecycle.ModelOnlyValidation),
		PredictPermissionFailures:       set.Has(lifecycle.PredictPermissionFailures),
	}
}

// inputError reports an argument of DryRun or Forecast that cannot be
// used.
func inputError(field, value, reason string) error {
	return &lifecycle.Error{Path: field, Input: value, Reason: reason, Err: lifecycle.ErrInvalid}
}
