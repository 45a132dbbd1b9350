package plan_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	otherRegion  = "eu-west-1"
	otherAccount = "210987654321"
)

// TestDryRunScope covers Decision L-26: a policy acts only on the images
// of its own Region and account.
func TestDryRunScope(t *testing.T) {
	foreignRegion := arnIn(otherRegion, planAccount, "web", "1.0.0", 1)
	foreignAccount := arnIn(planRegion, otherAccount, "web", "1.0.0", 1)
	images := []planImg{
		r1(1, nDays(50)),
		{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), region: otherRegion},
		{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), account: otherAccount},
	}
	policyARN := "arn:aws:imagebuilder:" + planRegion + ":" + planAccount + ":lifecycle-policy/pol"
	runScenarios(t, []scenario{
		{name: "the policy ARN gives the scope", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)).Edit(func(p *lifecycle.Policy) { p.ARN = policyARN }),
			images: images,
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), foreignRegion: verdict{OutOfScope: true}, foreignAccount: verdict{OutOfScope: true}},
			flags:  map[string][]lifecycle.Decision{foreignRegion: {"L-26"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-26"}}},
		{name: "the options give the scope", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: images, opts: plan.Options{Region: otherRegion, AccountID: planAccount},
			want: map[string]verdict{"web/1.0.0/1": verdict{OutOfScope: true}, foreignRegion: acted(lifecycle.ActionDelete), foreignAccount: verdict{OutOfScope: true}}},
		{name: "an inventory of one Region and account gives it", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{r1(1, nDays(50))},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)}},
		{name: "an image's AMIs in other Regions and accounts are still acted on",
			policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs()).Edit(func(p *lifecycle.Policy) { p.ARN = policyARN }),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{
				planAMI("ami-home", planRegion), func() index.AMI {
					a := planAMI("ami-away", otherRegion)
					a.AccountID = otherAccount
					return a
				}()}}},
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-home": acted(lifecycle.ActionDelete), "ami-away": acted(lifecycle.ActionDelete)}},
	})

	t.Run("inferred scope is flagged on the plan", func(t *testing.T) {
		pl := mustPlan(t, recipePolicy(lt.Delete().Age(30, lifecycle.Days)).Build(), indexOf(r1(1, nDays(50))), plan.Options{})
		want := plan.Scope{Region: planRegion, AccountID: planAccount, Source: "inventory"}
		if diff := cmp.Diff(want, pl.Scope); diff != "" {
			t.Errorf("scope (-want +got):\n%s", diff)
		}
		if !hasDecision(pl.Decisions, "L-26") {
			t.Errorf("plan decisions %v lack L-26", pl.Decisions)
		}
	})
	t.Run("an inventory of several Regions needs the Region", func(t *testing.T) {
		_, err := plan.DryRun(ptr(recipePolicy(lt.Delete().Age(30, lifecycle.Days)).Build()), indexOf(images...), planNow,
			plan.Options{})
		var pe *lifecycle.Error
		if !errors.As(err, &pe) || !errors.Is(err, lifecycle.ErrInvalid) || pe.Path != "Region" ||
			!strings.Contains(pe.Reason, otherRegion+", "+planRegion) || !strings.Contains(pe.Reason, "--region") {
			t.Fatalf("DryRun error = %v, want a PlanInputError on Region naming both Regions and the flag", err)
		}
	})
	t.Run("options contradicting the policy ARN", func(t *testing.T) {
		_, err := plan.DryRun(ptr(recipePolicy(lt.Delete().Age(30, lifecycle.Days)).Edit(func(p *lifecycle.Policy) { p.ARN = policyARN }).Build()), indexOf(images...), planNow,
			plan.Options{AccountID: otherAccount})
		var pe *lifecycle.Error
		if !errors.As(err, &pe) || pe.Path != "AccountID" || pe.Input != otherAccount {
			t.Fatalf("DryRun error = %v, want a PlanInputError on AccountID", err)
		}
	})
}

func ptr[T any](v T) *T { return &v }

// TestDryRunNewDecisions covers L-27, L-28, L-29 and L-30 under both
// readings.
func TestDryRunNewDecisions(t *testing.T) {
	shared := func(id, owner string, with ...string) index.AMI {
		a := planAMI(id, planRegion)
		a.AccountID = owner
		a.SharedAccounts = with
		return a
	}
	launched := func(id string, daysAgo float64) index.AMI {
		a := planAMI(id, planRegion)
		a.LastLaunched = planNow.Add(-nDays(daysAgo))
		return a
	}
	// The AWS CLI's create-lifecycle-policy example: DELETE after 6 months,
	// no includeResources, AMIs launched in the last 30 days or tagged to
	// be kept excluded.
	cliExample := recipePolicy(lt.Delete().Age(6, lifecycle.Months).ExcludeAMIs(lifecycle.AMIExclusionRules{LastLaunched: &lifecycle.LastLaunched{Value: 30, Unit: lifecycle.Days}, TagMap: lifecycle.Tags{"Retain": "yes"}}))
	cliImages := []planImg{
		{recipe: "web", version: "1.0.0", build: 1, age: nDays(400), amis: []index.AMI{launched("ami-busy", 3)}},
		{recipe: "web", version: "1.0.0", build: 2, age: nDays(300), amis: []index.AMI{func() index.AMI {
			a := planAMI("ami-kept", planRegion)
			a.Tags = append(a.Tags, index.Tag{Key: "Retain", Value: "yes"})
			return a
		}()}},
		{recipe: "web", version: "1.0.0", build: 3, age: nDays(250), amis: []index.AMI{launched("ami-idle", 90)}},
	}
	undescribed := index.AMI{ID: "ami-unknown", Region: planRegion, AccountID: planAccount}
	runScenarios(t, []scenario{
		{name: "L-27 an imported image is selected by its name", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), imported: true}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-27"}}},
		{name: "L-27 RecipeSelectionNeedsRecipe", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days)),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), imported: true}, r1(2, nDays(50))},
			opts:   plan.Options{Readings: []lifecycle.Decision{lifecycle.RecipeSelectionNeedsRecipe}},
			want:   map[string]verdict{"web/1.0.0/2": acted(lifecycle.ActionDelete)}},
		{name: "L-28 an AMI owned by a listed account is acted on", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{SharedAccounts: []string{otherAccount}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{
				shared("ami-owned", otherAccount), shared("ami-shared", planAccount, otherAccount), shared("ami-plain", planAccount)}}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-owned": acted(lifecycle.ActionDelete), "ami-shared": skipped(lifecycle.ActionDelete), "ami-plain": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"ami-owned": {"L-28"}},
			noFlag: map[string][]lifecycle.Decision{"ami-plain": {"L-28"}, "ami-shared": {"L-28"}}},
		{name: "L-28 SharedAccountsIncludeOwners", policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{SharedAccounts: []string{otherAccount}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{
				shared("ami-owned", otherAccount), shared("ami-plain", planAccount)}}},
			opts:  plan.Options{Readings: []lifecycle.Decision{lifecycle.SharedAccountsIncludeOwners}},
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-owned": skipped(lifecycle.ActionDelete), "ami-plain": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"ami-owned": {"L-28"}}},
		{name: "L-29 an AMI without an EC2 description is acted on and flagged",
			policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{TagMap: lifecycle.Tags{"Retain": "yes"}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{undescribed}}},
			want:   map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-unknown": acted(lifecycle.ActionDelete)},
			flags:  map[string][]lifecycle.Decision{"ami-unknown": {"L-29"}}},
		{name: "L-29 missing launch permissions matter only to sharedAccounts",
			policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{SharedAccounts: []string{otherAccount}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{
				func() index.AMI {
					a := planAMI("ami-noperms", planRegion)
					a.PermissionsKnown = false
					return a
				}()}}},
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-noperms": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"ami-noperms": {"L-29"}}},
		{name: "L-30 by default an AMI exclusion protects only the AMI",
			policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{otherRegion}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{
				planAMI("ami-home", planRegion), planAMI("ami-away", otherRegion)}}},
			want:  map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-home": acted(lifecycle.ActionDelete), "ami-away": skipped(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-30"}, "ami-away": {"L-30"}}},
		{name: "L-30 AMIExclusionProtectsImage skips the image with all its resources",
			policy: recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{otherRegion}})),
			images: []planImg{{recipe: "web", version: "1.0.0", build: 1, age: nDays(50), amis: []index.AMI{
				planAMI("ami-home", planRegion), planAMI("ami-away", otherRegion)}}},
			opts:  plan.Options{Readings: []lifecycle.Decision{lifecycle.AMIExclusionProtectsImage}},
			want:  map[string]verdict{"web/1.0.0/1": skipped(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-30"}}},
		{name: "L-30 the AWS CLI example under the default reading deletes every old image record",
			policy: cliExample, images: cliImages,
			want: map[string]verdict{"web/1.0.0/1": acted(lifecycle.ActionDelete), "web/1.0.0/2": acted(lifecycle.ActionDelete), "web/1.0.0/3": acted(lifecycle.ActionDelete)},
			flags: map[string][]lifecycle.Decision{"web/1.0.0/1": {"L-30"},
				"web/1.0.0/2": {"L-30"}},
			noFlag: map[string][]lifecycle.Decision{"web/1.0.0/3": {"L-30"}}},
		{name: "L-30 the AWS CLI example under AMIExclusionProtectsImage keeps the launched and tagged ones",
			policy: cliExample, images: cliImages, opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.AMIExclusionProtectsImage}},
			want: map[string]verdict{"web/1.0.0/1": skipped(lifecycle.ActionDelete), "web/1.0.0/2": skipped(lifecycle.ActionDelete), "web/1.0.0/3": acted(lifecycle.ActionDelete)}},
		{name: "L-30 a protected image takes no slot",
			policy: recipePolicy(lt.Delete().Count(1).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{Regions: []string{otherRegion}})),
			images: []planImg{
				{recipe: "web", version: "1.0.0", build: 3, age: nDays(1), amis: []index.AMI{planAMI("ami-3", otherRegion)}},
				{recipe: "web", version: "1.0.0", build: 2, age: nDays(2), amis: []index.AMI{planAMI("ami-2", planRegion)}},
				{recipe: "web", version: "1.0.0", build: 1, age: nDays(3), amis: []index.AMI{planAMI("ami-1", planRegion)}},
			},
			opts: plan.Options{Readings: []lifecycle.Decision{lifecycle.AMIExclusionProtectsImage}},
			want: map[string]verdict{"web/1.0.0/3": skipped(lifecycle.ActionDelete), "web/1.0.0/2": unaffected(kept(1, 1)), "web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-1": acted(lifecycle.ActionDelete)}},
	})
}

// TestDryRunSelectionWarnings checks that an entry or tag pair that selects
// nothing is a plan warning naming what the inventory holds nearest.
func TestDryRunSelectionWarnings(t *testing.T) {
	images := indexOf(r1(1, nDays(5)), planImg{recipe: "web", version: "2.1.0", build: 1, age: nDays(5)},
		planImg{recipe: "web-server", version: "1.0.0", build: 1, age: nDays(5), tags: lifecycle.Tags{"Env": "production"}})
	tests := []struct {
		name   string
		policy *lt.PolicyBuilder
		want   map[string]string // path → a part of the message
	}{
		{"every entry selects", lt.AMIPolicy("pol").Recipe("web", "1.x.x").Recipe("web", "2.x.x").Rule(lt.Delete().Count(1)), map[string]string{}},
		{"same recipe, other versions", lt.AMIPolicy("pol").Recipe("web", "3.x.x").Recipe("web", "1.0.0").Rule(lt.Delete().Count(1)),
			map[string]string{"resourceSelection.recipes[0]": "holds web only at 1.0.0, 2.1.0"}},
		{"a misspelt recipe", lt.AMIPolicy("pol").Recipe("web-servr", "x.x.x").Rule(lt.Delete().Count(1)),
			map[string]string{"resourceSelection.recipes[0]": "nearest recipes in the inventory: web-server, web"}},
		{"a tag value that nobody carries", lt.AMIPolicy("pol").SelectTag("Env", "prod").Rule(lt.Delete().Count(1)),
			map[string]string{"resourceSelection.tagMap.Env": `images carry Env only with "production"`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := mustPlan(t, tc.policy.Build(), images, plan.Options{})
			got := map[string]string{}
			for _, f := range pl.Warnings {
				if f.Code != "selects-nothing" {
					continue
				}
				got[f.Path] = f.Message
				if want, ok := tc.want[f.Path]; !ok || !strings.Contains(f.Message, want) {
					t.Errorf("warning %s: %q, want it to contain %q", f.Path, f.Message, want)
				}
			}
			for p := range tc.want {
				if _, ok := got[p]; !ok {
					t.Errorf("no warning on %s; warnings: %v", p, pl.Warnings)
				}
			}
		})
	}
}

// TestDryRunReportsRejectedRecords checks that the records Inventory.Index
// leaves out reach the plan, with the index's warnings.
func TestDryRunReportsRejectedRecords(t *testing.T) {
	inv := lt.Inventory(planNow)
	inv.AMIImage("web", "1.0.0", nDays(50))
	decoded, err := inventory.Decode(jsonOf(t, inv.Build()))
	require.NoError(t, err)
	// A second record with no creation date cannot be indexed.
	decoded.Images = append(decoded.Images, inventory.Image{ARN: arnOf("web", "1.0.0", 9), Type: lifecycle.ImageTypeAMI,
		Name: "web", Version: "1.0.0/9", State: &inventory.ImageState{Status: lifecycle.StatusAvailable}})
	idx, findings := decoded.Index()
	if !findings.HasErrors() {
		t.Fatalf("want an error finding, got %v", findings)
	}
	pl := mustPlan(t, recipePolicy(lt.Delete().Age(30, lifecycle.Days)).Build(), idx, plan.Options{})
	if diff := cmp.Diff(findings.Errors(), pl.NotEvaluated); diff != "" {
		t.Errorf("NotEvaluated (-want +got):\n%s", diff)
	}
	if pl.Summary.NotEvaluated != len(findings.Errors()) {
		t.Errorf("summary.notEvaluated = %d, want %d", pl.Summary.NotEvaluated, len(findings.Errors()))
	}
	for _, w := range findings.Warnings() {
		if !containsFinding(pl.Warnings, w) {
			t.Errorf("plan warnings lack the index warning %v", w)
		}
	}
}

func containsFinding(fs lifecycle.Findings, f lifecycle.Finding) bool {
	for _, g := range fs {
		if cmp.Equal(f, g) {
			return true
		}
	}
	return false
}

// TestDryRunSharedAMI covers Decision L-P9: an AMI that several images
// list is acted on with the first image the run acts on, recorded once,
// and its record names an image that lists it and is left alone.
func TestDryRunSharedAMI(t *testing.T) {
	shared := func() index.AMI {
		a := planAMI("ami-shared", planRegion)
		a.ListedByOtherImages = true
		return a
	}
	images := []planImg{
		{recipe: "web", version: "1.0.0", build: 3, age: nDays(1), amis: []index.AMI{shared()}},
		{recipe: "web", version: "1.0.0", build: 2, age: nDays(50), amis: []index.AMI{shared(), planAMI("ami-2", planRegion)}},
		{recipe: "web", version: "1.0.0", build: 1, age: nDays(60), amis: []index.AMI{shared()}},
	}
	pl := mustPlan(t, recipePolicy(lt.Delete().Age(30, lifecycle.Days).IncludeAMIs()).Build(), indexOf(images...), plan.Options{})
	want := map[string]verdict{"web/1.0.0/3": unaffected(rule(plan.OutcomeTooYoung)), "web/1.0.0/2": acted(lifecycle.ActionDelete),
		"web/1.0.0/1": acted(lifecycle.ActionDelete), "ami-shared": acted(lifecycle.ActionDelete), "ami-2": acted(lifecycle.ActionDelete)}
	got := verdicts(pl)
	for k, v := range want {
		assert.Empty(t, cmp.Diff(v, got[shortKey(k)]), "%s (-want +got)", k)
	}
	var records []plan.ExecutionResource
	for _, r := range pl.Resources {
		if r.ResourceID == "ami-shared" {
			records = append(records, r)
		}
	}
	if len(records) != 1 || records[0].ParentResourceID != arnOf("web", "1.0.0", 2) {
		t.Fatalf("ami-shared records = %+v, want one, under build 2", records)
	}
	if !hasDecision(records[0].Decisions, "L-P9") || !strings.Contains(records[0].State.Reason, arnOf("web", "1.0.0", 3)) {
		t.Errorf("record %+v lacks L-P9 or the image that keeps it", records[0])
	}
	if pl.Summary.AMIs.Delete != 2 {
		t.Errorf("AMIs deleted = %d, want 2 distinct AMIs", pl.Summary.AMIs.Delete)
	}
}

// TestDryRunFarFutureImage checks that a margin beyond what
// time.Duration holds is still said in days, not saturated.
func TestDryRunFarFutureImage(t *testing.T) {
	far := planImg{recipe: "web", version: "1.0.0", build: 1, created: time.Date(9000, 1, 1, 0, 0, 0, 0, time.UTC)}
	pl := mustPlan(t, recipePolicy(lt.Delete().Age(30, lifecycle.Days)).Build(), indexOf(far), plan.Options{})
	if len(pl.Unaffected) != 1 || !strings.Contains(pl.Unaffected[0].Reason, "younger than 30 DAYS by 2547142 days") ||
		strings.Contains(pl.Unaffected[0].Reason, "106751") {
		t.Fatalf("unaffected = %+v, want the margin in days", pl.Unaffected)
	}
}
