package main

import (
	"errors"
	"flag"
	"strings"
	"time"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/lifecycle"
)

// reading is one alternative reading of an open point, selected with
// --reading by its option name or its decision ID.
type reading struct {
	name     string
	decision lifecycle.Decision
	set      func(*lifecycle.PlanOptions)
}

// readings lists the alternative readings in the order of the decisions
// table. Each sets the PlanOptions field of the same name.
func readings() []reading {
	return []reading{
		{"FixedMonthYear", "L-1", func(o *lifecycle.PlanOptions) { o.FixedMonthYear = true }},
		{"InclusiveAgeBoundary", "L-2", func(o *lifecycle.PlanOptions) { o.InclusiveAgeBoundary = true }},
		{"RetainOnlyAged", "L-3", func(o *lifecycle.PlanOptions) { o.RetainOnlyAged = true }},
		{"FailedRespectAge", "L-4", func(o *lifecycle.PlanOptions) { o.FailedRespectAge = true }},
		{"FewGoodImagesProtectFailed", "L-5", func(o *lifecycle.PlanOptions) { o.FewGoodImagesProtectFailed = true }},
		{"TagsProtectFailed", "L-6", func(o *lifecycle.PlanOptions) { o.TagsProtectFailed = true }},
		{"ExcludeBeforeRetention", "L-7", func(o *lifecycle.PlanOptions) { o.ExcludeBeforeRetention = true }},
		{"SkipEndsEvaluation", "L-8", func(o *lifecycle.PlanOptions) { o.SkipEndsEvaluation = true }},
		{"HonourRetainOnDeprecateDisable", "L-9", func(o *lifecycle.PlanOptions) { o.HonourRetainOnDeprecateDisable = true }},
		{"CountOnDeprecateDisableNoAction", "L-10", func(o *lifecycle.PlanOptions) { o.CountOnDeprecateDisableNoAction = true }},
		{"OnlyAvailableFillSlots", "L-11", func(o *lifecycle.PlanOptions) { o.OnlyAvailableFillSlots = true }},
		{"IgnoreSnapshotsWithoutAMIs", "L-12", func(o *lifecycle.PlanOptions) { o.IgnoreSnapshotsWithoutAMIs = true }},
		{"AMIExclusionsDeleteOnly", "L-13", func(o *lifecycle.PlanOptions) { o.AMIExclusionsDeleteOnly = true }},
		{"AllowMixedWildcards", "L-14", func(o *lifecycle.PlanOptions) { o.AllowMixedWildcards = true }},
		{"CreationTimeFromCompletion", "L-16", func(o *lifecycle.PlanOptions) { o.CreationTimeFromCompletion = true }},
		{"NeverLaunchedExcluded", "L-17", func(o *lifecycle.PlanOptions) { o.NeverLaunchedExcluded = true }},
		{"EmptyTagValueMatchesAny", "L-18", func(o *lifecycle.PlanOptions) { o.EmptyTagValueMatchesAny = true }},
		{"EvaluateDisabledPolicy", "L-19", func(o *lifecycle.PlanOptions) { o.EvaluateDisabledPolicy = true }},
		{"DeferredTakeSlots", "L-20", func(o *lifecycle.PlanOptions) { o.DeferredTakeSlots = true }},
		{"ExactRecipeNames", "L-21", func(o *lifecycle.PlanOptions) { o.ExactRecipeNames = true }},
		{"RecipeSelectionNeedsRecipe", "L-27", func(o *lifecycle.PlanOptions) { o.RecipeSelectionNeedsRecipe = true }},
		{"SharedAccountsIncludeOwners", "L-28", func(o *lifecycle.PlanOptions) { o.SharedAccountsIncludeOwners = true }},
		{"AMIExclusionProtectsImage", "L-30", func(o *lifecycle.PlanOptions) { o.AMIExclusionProtectsImage = true }},
		{"ModelOnlyValidation", "L-P1", func(o *lifecycle.PlanOptions) { o.ModelOnlyValidation = true }},
		{"PredictPermissionFailures", "L-P5", func(o *lifecycle.PlanOptions) { o.PredictPermissionFailures = true }},
	}
}

// readingList is the repeatable --reading flag.
type readingList []reading

func (l *readingList) String() string {
	names := make([]string, len(*l))
	for i, r := range *l {
		names[i] = r.name
	}
	return strings.Join(names, ",")
}

// Set accepts an option name in any case or a decision ID.
func (l *readingList) Set(v string) error {
	for _, r := range readings() {
		if strings.EqualFold(v, r.name) || strings.EqualFold(v, string(r.decision)) {
			*l = append(*l, r)
			return nil
		}
	}
	return errors.New("use a reading's name or decision ID: " + readingNames())
}

func readingNames() string {
	var b strings.Builder
	for i, r := range readings() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(r.name)
		b.WriteString(" (")
		b.WriteString(string(r.decision))
		b.WriteString(")")
	}
	return b.String()
}

// validateOptions returns the validation readings the chosen readings
// imply: L-P1, L-14 and L-30 change what validation reports.
func (l readingList) validateOptions() lifecycle.ValidateOptions {
	var o lifecycle.PlanOptions
	for _, r := range l {
		r.set(&o)
	}
	return lifecycle.ValidateOptions{ModelOnly: o.ModelOnlyValidation, AllowMixedWildcards: o.AllowMixedWildcards,
		AMIExclusionProtectsImage: o.AMIExclusionProtectsImage}
}

// registerReadings registers the repeatable --reading flag.
func registerReadings(fs *flag.FlagSet, l *readingList) {
	fs.Var(l, "reading", "choose the other `READING` of an open point, by option name or decision ID (repeatable): "+readingNames())
}

// planFlags are the flags of plan and forecast that set the policy's
// Region and account and the readings of the open points.
type planFlags struct {
	region, account string
	readings        readingList
}

func (p *planFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&p.region, "region", "", "the policy's `REGION`: only images of this Region are acted on (L-26); "+
		"needed when the policy file has no ARN and the inventory spans several Regions")
	fs.StringVar(&p.account, "account", "", "the policy's `ACCOUNT` ID: only images of this account are acted on (L-26); "+
		"needed when the policy file has no ARN and the inventory spans several accounts")
	registerReadings(fs, &p.readings)
}

// check rejects malformed values and gives in the validation readings;
// it runs after the flags are parsed.
func (p *planFlags) check(in *lifecycleInput) error {
	in.validate = p.readings.validateOptions()
	in.region, in.account = p.region, p.account
	if p.account != "" && arn.Validate("AccountId", p.account) != nil {
		return usagef("--account %q is not an AWS account ID; give its 12 digits", p.account)
	}
	if p.region != "" && !regionLike(p.region) {
		return usagef("--region %q is not a Region name such as us-east-1", p.region)
	}
	return nil
}

// regionLike reports whether s has the form of a Region name: lower-case
// letters, digits and hyphens, starting with a letter.
func regionLike(s string) bool {
	if len(s) < 3 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// options returns the PlanOptions of an execution at now.
func (p *planFlags) options(now time.Time) lifecycle.PlanOptions {
	o := lifecycle.PlanOptions{Now: now, Region: p.region, AccountID: p.account}
	for _, r := range p.readings {
		r.set(&o)
	}
	return o
}
