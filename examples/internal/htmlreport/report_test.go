package htmlreport_test

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/examples/internal/htmlreport"
	"github.com/ibkit/ibkit/internal/golden"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/require"
)

// sampleNow is the instant the ibkit command's embedded sample is meant
// to be evaluated at.
var sampleNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// input is a policy and an inventory to render.
type input struct {
	policy lifecycle.Policy
	inv    *inventory.Inventory
	now    time.Time
	days   int
	plan   bool // give today's plan to Write
}

// render forecasts the input and writes its page.
func render(t testing.TB, in input) []byte {
	t.Helper()
	idx, _ := in.inv.Index()
	tl, err := plan.Forecast(&in.policy, idx, in.now, in.days, plan.Options{})
	require.NoError(t, err)
	r := htmlreport.Report{Policy: &in.policy, Inventory: in.inv, Timeline: tl}
	if in.plan {
		if r.Plan, err = plan.DryRun(&in.policy, idx, in.now, plan.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, htmlreport.Write(&buf, r))
	return buf.Bytes()
}

// sample reads the ibkit command's embedded sample.
func sample(t testing.TB) input {
	t.Helper()
	pol, err := os.ReadFile("../../ibkit/sample/policy.json")
	require.NoError(t, err)
	doc, err := lifecycle.DecodePolicy(pol, lifecycle.DecodeOptions{})
	require.NoError(t, err)
	data, err := os.ReadFile("../../ibkit/sample/inventory.json")
	require.NoError(t, err)
	inv, err := inventory.Decode(data)
	require.NoError(t, err)
	return input{policy: doc.Policy, inv: inv, now: sampleNow, days: 180}
}

// containers is a container policy over three recipe versions, one of
// which never changes.
func containers(t testing.TB) input {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	for age := 33; age > 0; age -= 10 {
		b.ContainerImage("api", "2.0.0", lifecycletest.Days(age)).WithContainers("us-east-1", "eu-west-1").Tag("lifecycle", "on")
	}
	b.ContainerImage("worker", "1.0.0", lifecycletest.Days(40)).Tag("lifecycle", "on")
	b.ContainerImage("worker", "1.0.0", lifecycletest.Days(30)).Tag("lifecycle", "on")
	b.ContainerImage("worker", "1.1.0", lifecycletest.Days(2)).Tag("lifecycle", "on")
	b.ContainerImage("untagged", "1.0.0", lifecycletest.Days(400))
	p := lifecycletest.ContainerPolicy("ecr-cleanup").SelectTag("lifecycle", "on").
		Rule(lifecycletest.Delete().Age(20, lifecycle.Days).RetainAtLeast(1).IncludeContainers()).Build()
	return input{policy: p, inv: b.Build(), now: now, days: 60, plan: true}
}

// neverActs is a policy whose only rule needs images five years old,
// forecast over 30 days on young images.
func neverActs(t testing.TB) input {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	b.Group("web", "1.0.0", 3, lifecycletest.Days(5), lifecycletest.Days(20))
	b.Group("web", "1.1.0", 2, lifecycletest.Days(1), lifecycletest.Days(2))
	p := lifecycletest.AMIPolicy("patient").Recipe("web", "1.x.x").
		Rule(lifecycletest.Delete().Age(5, lifecycle.Years).RetainAtLeast(2).IncludeAMIs()).Build()
	return input{policy: p, inv: b.Build(), now: now, days: 30}
}

// warned has rules that validate with warnings: COUNT on DEPRECATE
// (L-10) and retainAtLeast on DISABLE (L-9), forecast over two years.
func warned(t testing.TB) input {
	in := neverActs(t)
	in.policy = lifecycletest.AMIPolicy("warned").Recipe("web", "1.x.x").
		Rule(lifecycletest.Deprecate().Count(1).IncludeAMIs(),
			lifecycletest.Disable().Age(1, lifecycle.Months).RetainAtLeast(1).IncludeAMIs(),
			lifecycletest.Delete().Age(1, lifecycle.Years).IncludeAMIs().IncludeSnapshots()).Build()
	in.days, in.plan = 730, true
	return in
}

// disabled is a DISABLED policy that would act if it ran.
func disabled(t testing.TB) input {
	in := neverActs(t)
	in.policy = lifecycletest.AMIPolicy("switched-off").Recipe("web", "1.x.x").Edit(func(p *lifecycle.Policy) { p.Status = lifecycle.PolicyDisabled }).
		Rule(lifecycletest.Delete().Count(1)).Build()
	in.plan = true
	return in
}

// hostile puts markup, quotes and control characters in every name and
// tag the page shows.
func hostile(t testing.TB) input {
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	evil := "<script>alert(\"x\")</script>'\x1b[31m\u202e&amp;"
	b := lifecycletest.Inventory(now)
	b.AMIImage("web", "1.0.0", lifecycletest.Days(90)).Tag("team", evil).Tag(evil, "v")
	b.AMIImage("web", "1.0.0", lifecycletest.Days(50)).Tag("team", evil).Tag("keep", evil)
	b.AMIImage("web", "1.0.0", lifecycletest.Days(10)).Tag("team", evil)
	p := lifecycletest.AMIPolicy("hostile-names").Edit(func(p *lifecycle.Policy) {
		p.Description, p.Tags = "a\x00b\nc "+evil, lifecycle.Tags{"owner": evil}
	}).SelectTag("team", evil).
		Rule(lifecycletest.Deprecate().Age(30, lifecycle.Days).IncludeAMIs().ExcludeTag("keep", evil),
			lifecycletest.Delete().Age(80, lifecycle.Days).IncludeAMIs().ExcludeAMIs(lifecycle.AMIExclusionRules{TagMap: lifecycle.Tags{"note": "\u2028" + evil}})).Build()
	return input{policy: p, inv: b.Build(), now: now, days: 30, plan: true}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		in   func(testing.TB) input
	}{
		{"sample", func(t testing.TB) input { in := sample(t); in.plan = true; return in }},
		{"sample-forecast-only", sample},
		{"container", containers},
		{"never-acts", neverActs},
		{"disabled", disabled},
		{"warnings", warned},
		{"hostile", hostile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.in(t))
			golden.Check(t, filepath.Join("testdata", tt.name+".html"), got)
		})
	}
}

// TestSampleNamesEveryRecipeVersion checks the acceptance criterion of the
// command: the sample's page names each of its recipe versions.
func TestSampleNamesEveryRecipeVersion(t *testing.T) {
	in := sample(t)
	page := string(render(t, in))
	for _, img := range in.inv.Images {
		a := arn.MustParse(img.ARN)
		v, _ := a.Version()
		version := a.Name() + " " + v.String()
		if !strings.Contains(page, version) {
			t.Errorf("the page does not name %s", version)
		}
	}
}

func TestWarningsShown(t *testing.T) {
	in := warned(t)
	page := string(render(t, in))
	findings, err := in.policy.Validate(lifecycle.ValidateOptions{})
	if err != nil || len(findings) == 0 {
		t.Fatalf("the policy should validate with warnings: %v, %v", findings, err)
	}
	for _, f := range findings {
		if !strings.Contains(page, html.EscapeString(f.Message)) {
			t.Errorf("the page lacks the warning %q", f.Message)
		}
	}
}

func TestEmptyAndDisabledSaySo(t *testing.T) {
	if page := string(render(t, neverActs(t))); !strings.Contains(page, "No run in the 31 daily runs") && !strings.Contains(page, "the timeline is empty") {
		t.Error("the page of a policy that never acts does not say the timeline is empty")
	}
	page := string(render(t, disabled(t)))
	if !strings.Contains(page, "No execution runs") || strings.Contains(page, "<svg") {
		t.Error("the page of a DISABLED policy does not say that no execution runs, or draws a timeline")
	}
}

func TestHostileInputIsEscaped(t *testing.T) {
	page := string(render(t, hostile(t)))
	for _, bad := range []string{"<script", "\x1b", "\u202e", "\u2028", "\x00", `"x"`} {
		if strings.Contains(page, bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, want := range []string{`&lt;script&gt;`, `\x1b[31m`, `\u202e`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks the escaped form %q", want)
		}
	}
}

func TestSelfContained(t *testing.T) {
	page := string(render(t, func() input { in := sample(t); in.plan = true; return in }()))
	if strings.Count(page, "url(") != strings.Count(page, "url(#") {
		t.Error("the page refers to a URL outside itself in its CSS")
	}
	for _, ref := range []string{"<script", "<link", "<img", "src=", "href=", "@import", "http://", "https://"} {
		if strings.Contains(page, ref) {
			t.Errorf("the page contains %q, a script or an external reference", ref)
		}
	}
	for _, want := range []string{"@media (prefers-color-scheme:dark)", "@media print"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for name, in := range map[string]input{"sample": sample(t), "large": large(t, 2000)} {
		in.plan = true
		if a, b := render(t, in), render(t, in); !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", name)
		}
	}
}

// large builds an inventory of n images (a multiple of 20): recipe
// versions of 20 images, one build a week, under the sample's rules.
func large(t testing.TB, n int) input {
	now := sampleNow
	b := lifecycletest.Inventory(now)
	for g := range n / 20 {
		recipe := fmt.Sprintf("service-%03d", g/10)
		b.Group(recipe, fmt.Sprintf("1.%d.0", g%10), 20, lifecycletest.Days(1+g%40), lifecycletest.Days(7))
	}
	p := lifecycletest.AMIPolicy("fleet").Recipe("service-*", "1.x.x").Build()
	p.ResourceSelection.Recipes = nil
	for r := range n / 200 {
		p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes, lifecycle.RecipeSelection{Name: fmt.Sprintf("service-%03d", r), SemanticVersion: "1.x.x"})
	}
	p.PolicyDetails = []lifecycle.PolicyDetail{
		lifecycletest.Deprecate().Age(30, lifecycle.Days).IncludeAMIs().Build(),
		lifecycletest.Disable().Age(60, lifecycle.Days).IncludeAMIs().Build(),
		lifecycletest.Delete().Age(120, lifecycle.Days).RetainAtLeast(2).IncludeAMIs().IncludeSnapshots().Build(),
	}
	return input{policy: p, inv: b.Build(), now: now, days: 180}
}

// TestLargeInventorySize bounds the page of 10,000 images.
func TestLargeInventorySize(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 10,000 images")
	}
	in := large(t, 10000)
	in.plan = true
	page := render(t, in)
	const limit = 5 << 20
	t.Logf("page for %d images: %d bytes", len(in.inv.Images), len(page))
	if len(page) > limit {
		t.Errorf("page for 10,000 images is %d bytes, want at most %d", len(page), limit)
	}
}

func TestWriteErrors(t *testing.T) {
	in := sample(t)
	idx, _ := in.inv.Index()
	tl, err := plan.Forecast(&in.policy, idx, in.now, 1, plan.Options{})
	require.NoError(t, err)
	tests := []struct {
		name  string
		r     htmlreport.Report
		field string
	}{
		{"no policy", htmlreport.Report{Inventory: in.inv, Timeline: tl}, "Policy"},
		{"no inventory", htmlreport.Report{Policy: &in.policy, Timeline: tl}, "Inventory"},
		{"no timeline", htmlreport.Report{Policy: &in.policy, Inventory: in.inv}, "Timeline"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := htmlreport.Write(&bytes.Buffer{}, tt.r)
			var ie *htmlreport.InputError
			if !errors.As(err, &ie) || ie.Field != tt.field || !errors.Is(err, htmlreport.ErrIncomplete) {
				t.Errorf("Write = %v, want an *InputError for %s wrapping ErrIncomplete", err, tt.field)
			}
		})
	}
	// A timeline without a start cannot give today's plan.
	bad := *tl
	bad.Start = time.Time{}
	err = htmlreport.Write(&bytes.Buffer{}, htmlreport.Report{Policy: &in.policy, Inventory: in.inv, Timeline: &bad})
	var ie *htmlreport.InputError
	if !errors.As(err, &ie) || ie.Field != "Plan" {
		t.Errorf("Write with a zero start = %v, want an *InputError for Plan", err)
	}
}

func BenchmarkWrite(b *testing.B) {
	in := large(b, 2000)
	idx, _ := in.inv.Index()
	tl, err := plan.Forecast(&in.policy, idx, in.now, in.days, plan.Options{})
	require.NoError(b, err)
	pl, err := plan.DryRun(&in.policy, idx, in.now, plan.Options{})
	require.NoError(b, err)
	r := htmlreport.Report{Policy: &in.policy, Inventory: in.inv, Timeline: tl, Plan: pl}
	var buf bytes.Buffer
	b.ReportAllocs()
	for range b.N {
		buf.Reset()
		if err := htmlreport.Write(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}
