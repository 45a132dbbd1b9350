package main

import (
	"errors"
	"flag"
	"runtime"
	"strings"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// reading is one alternative reading of an open point, selected with
// --reading by its name (the name of the lifecycle package's constant) or
// its decision ID.
type reading struct {
	name     string
	decision lifecycle.Decision
}

// readings lists the alternative readings in the order of the decisions
// table.
func readings() []reading {
	return []reading{
		{"FixedMonthYear", lifecycle.FixedMonthYear},
		{"InclusiveAgeBoundary", lifecycle.InclusiveAgeBoundary},
		{"RetainOnlyAged", lifecycle.RetainOnlyAged},
		{"FailedRespectAge", lifecycle.FailedRespectAge},
		{"FewGoodImagesProtectFailed", lifecycle.FewGoodImagesProtectFailed},
		{"TagsProtectFailed", lifecycle.TagsProtectFailed},
		{"ExcludeBeforeRetention", lifecycle.ExcludeBeforeRetention},
		{"SkipEndsEvaluation", lifecycle.SkipEndsEvaluation},
		{"HonourRetainOnDeprecateDisable", lifecycle.HonourRetainOnDeprecateDisable},
		{"CountOnDeprecateDisableNoAction", lifecycle.CountOnDeprecateDisableNoAction},
		{"OnlyAvailableFillSlots", lifecycle.OnlyAvailableFillSlots},
		{"IgnoreSnapshotsWithoutAMIs", lifecycle.IgnoreSnapshotsWithoutAMIs},
		{"AMIExclusionsDeleteOnly", lifecycle.AMIExclusionsDeleteOnly},
		{"AllowMixedWildcards", lifecycle.AllowMixedWildcards},
		{"CreationTimeFromCompletion", lifecycle.CreationTimeFromCompletion},
		{"NeverLaunchedExcluded", lifecycle.NeverLaunchedExcluded},
		{"EmptyTagValueMatchesAny", lifecycle.EmptyTagValueMatchesAny},
		{"EvaluateDisabledPolicy", lifecycle.EvaluateDisabledPolicy},
		{"DeferredTakeSlots", lifecycle.DeferredTakeSlots},
		{"ExactRecipeNames", lifecycle.ExactRecipeNames},
		{"RecipeSelectionNeedsRecipe", lifecycle.RecipeSelectionNeedsRecipe},
		{"SharedAccountsIncludeOwners", lifecycle.SharedAccountsIncludeOwners},
		{"AMIExclusionProtectsImage", lifecycle.AMIExclusionProtectsImage},
		{"ModelOnlyValidation", lifecycle.ModelOnlyValidation},
		{"PredictPermissionFailures", lifecycle.PredictPermissionFailures},
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

// ids returns the decision IDs of the chosen readings.
func (l readingList) ids() []lifecycle.Decision {
	ids := make([]lifecycle.Decision, len(l))
	for i, r := range l {
		ids[i] = r.decision
	}
	return ids
}

// validateOptions returns the validation options of the chosen readings:
// L-P1, L-14 and L-30 change what validation reports.
func (l readingList) validateOptions() lifecycle.ValidateOptions {
	return lifecycle.ValidateOptions{Readings: l.ids()}
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

// options returns the options of the dry-run. The command plans on every
// processor, as the library did before it left that choice to its caller.
func (p *planFlags) options() plan.Options {
	return plan.Options{Region: p.region, AccountID: p.account, Readings: p.readings.ids(), Workers: runtime.GOMAXPROCS(0)}
}
