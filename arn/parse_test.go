package arn_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
)

// parsed is the observable content of an ARN, for cmp.Diff.
type parsed struct {
	Partition, Region, Account string
	Type                       arn.ResourceType
	Stage                      arn.Stage
	Name                       string
	Kind                       arn.VersionKind
	VersionText                string
	Version                    string // "" when Version() is false
	Build                      string // "" when Build() is false
	Filter                     string // "" when Filter() is false
	WildcardNodes              int
	Decisions                  string
}

func describe(a arn.ARN) parsed {
	p := parsed{
		Partition: a.Partition, Region: a.Region, Account: a.Account,
		Type: a.Type, Stage: a.Stage, Name: a.Name,
		Kind: a.VersionKind(), VersionText: a.VersionText(),
		WildcardNodes: a.WildcardNodes(), Decisions: a.Decisions().String(),
	}
	if v, ok := a.Version(); ok {
		p.Version = v.String()
	}
	if b, ok := a.Build(); ok {
		p.Build = strconv.FormatUint(b, 10)
	}
	if f, ok := a.Filter(); ok {
		p.Filter = f.String()
	}
	return p
}

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want parsed
	}{
		{"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1", parsed{
			Partition: "aws", Region: "us-east-1", Account: "123456789012", Type: arn.Image, Name: "my-image",
			Kind: arn.KindBuild, VersionText: "1.0.0/1", Version: "1.0.0", Build: "1", Filter: "1.0.0", WildcardNodes: 3}},
		{"arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2023-x86/x.x.x", parsed{
			Partition: "aws", Region: "us-west-2", Account: "aws", Type: arn.Image, Name: "amazon-linux-2023-x86",
			Kind: arn.KindWildcard, VersionText: "x.x.x", Filter: "x.x.x"}},
		{"arn:aws-cn:imagebuilder:cn-north-1:aws-marketplace:component/ubuntu-pro-component-prod-w2osc53uiegx4/1.2.x", parsed{
			Partition: "aws-cn", Region: "cn-north-1", Account: "aws-marketplace", Type: arn.Component,
			Name: "ubuntu-pro-component-prod-w2osc53uiegx4", Kind: arn.KindWildcard, VersionText: "1.2.x", Filter: "1.2.x", WildcardNodes: 2}},
		{"arn:aws:imagebuilder:us-east-1:third-party:component/cis-benchmark-level-1-amazon-linux/x.x.x", parsed{
			Partition: "aws", Region: "us-east-1", Account: "third-party", Type: arn.Component,
			Name: "cis-benchmark-level-1-amazon-linux", Kind: arn.KindWildcard, VersionText: "x.x.x", Filter: "x.x.x", Decisions: "AS-2"}},
		{"arn:aws-us-gov:imagebuilder:us-gov-west-1:123456789012:image-recipe/my_recipe/2021.01.01", parsed{
			Partition: "aws-us-gov", Region: "us-gov-west-1", Account: "123456789012", Type: arn.ImageRecipe, Name: "my_recipe",
			Kind: arn.KindVersion, VersionText: "2021.01.01", Version: "2021.1.1", Filter: "2021.1.1", WildcardNodes: 3, Decisions: "AS-6"}},
		{"arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:workflow/build/build-image/1.0.1/1", parsed{
			Partition: "aws-eusc", Region: "eusc-de-east-1", Account: "aws", Type: arn.Workflow, Stage: arn.StageBuild, Name: "build-image",
			Kind: arn.KindBuild, VersionText: "1.0.1/1", Version: "1.0.1", Build: "1", Filter: "1.0.1", WildcardNodes: 3}},
		{"arn:aws-iso:imagebuilder:us-iso-east-1:123456789012:workflow/distribution/d/1.x.x", parsed{
			Partition: "aws-iso", Region: "us-iso-east-1", Account: "123456789012", Type: arn.Workflow, Stage: arn.StageDistribution, Name: "d",
			Kind: arn.KindWildcard, VersionText: "1.x.x", Filter: "1.x.x", WildcardNodes: 1}},
		{"arn:aws-iso-b:imagebuilder:us-isob-east-1:123456789012:image-pipeline/p", parsed{
			Partition: "aws-iso-b", Region: "us-isob-east-1", Account: "123456789012", Type: arn.ImagePipeline, Name: "p"}},
		{"arn:aws-iso-e:imagebuilder:eu-isoe-west-1:123456789012:infrastructure-configuration/i", parsed{
			Partition: "aws-iso-e", Region: "eu-isoe-west-1", Account: "123456789012", Type: arn.InfrastructureConfiguration, Name: "i"}},
		{"arn:aws-iso-f:imagebuilder:us-isof-south-1:123456789012:distribution-configuration/d", parsed{
			Partition: "aws-iso-f", Region: "us-isof-south-1", Account: "123456789012", Type: arn.DistributionConfiguration, Name: "d"}},
		{"arn:aws:imagebuilder:us-east-1:aws:lifecycle-policy/keep-5", parsed{
			Partition: "aws", Region: "us-east-1", Account: "aws", Type: arn.LifecyclePolicy, Name: "keep-5"}},
		{"arn:aws:imagebuilder:us-east-1:123456789012:container-recipe/c/1.0.0", parsed{
			Partition: "aws", Region: "us-east-1", Account: "123456789012", Type: arn.ContainerRecipe, Name: "c",
			Kind: arn.KindVersion, VersionText: "1.0.0", Version: "1.0.0", Filter: "1.0.0", WildcardNodes: 3}},
		{"arn:aws:imagebuilder:us-east-1:123456789012:image/name-arn", parsed{
			Partition: "aws", Region: "us-east-1", Account: "123456789012", Type: arn.Image, Name: "name-arn", Decisions: "AS-4"}},
		{"arn:awsfoo:imagebuilder:moon-base:aws-foo:component/c/1.0.0/0", parsed{
			Partition: "awsfoo", Region: "moon-base", Account: "aws-foo", Type: arn.Component, Name: "c",
			Kind: arn.KindBuild, VersionText: "1.0.0/0", Version: "1.0.0", Build: "0", Filter: "1.0.0", WildcardNodes: 3,
			Decisions: "AS-3,AS-5,AS-10"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := arn.Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, describe(a)); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			if got := a.String(); got != tt.in {
				t.Errorf("String() = %q", got)
			}
			if got := string(a.AppendTo([]byte("x"))); got != "x"+tt.in {
				t.Errorf("AppendTo = %q", got)
			}
			if err := arn.Validate(arn.ImageBuilderArn, tt.in); err != nil {
				t.Errorf("Validate(ImageBuilderArn) = %v", err)
			}
		})
	}
}

func TestParseVersionFormsPerType(t *testing.T) {
	// The version forms each type can have (decision AS-4).
	forms := map[string]string{"": "none", "1.2.3": "version", "1.2.x": "wildcard", "1.2.3/4": "build", "1.x.x/4": "wildcard+build"}
	allowed := map[string]map[string]bool{
		"image-recipe":                 {"none": true, "version": true, "wildcard": true},
		"container-recipe":             {"none": true, "version": true, "wildcard": true},
		"infrastructure-configuration": {"none": true},
		"distribution-configuration":   {"none": true},
		"image-pipeline":               {"none": true},
		"lifecycle-policy":             {"none": true},
		"component":                    {"none": true, "version": true, "wildcard": true, "build": true},
		"image":                        {"none": true, "version": true, "wildcard": true, "build": true},
		"workflow/test":                {"none": true, "version": true, "wildcard": true, "build": true},
	}
	for typ, ok := range allowed {
		for v, form := range forms {
			s := "arn:aws:imagebuilder:us-east-1:123456789012:" + typ + "/n"
			if v != "" {
				s += "/" + v
			}
			a, err := arn.Parse(s)
			if (err == nil) != ok[form] {
				t.Errorf("Parse(%q) = %v, want ok=%v", s, err, ok[form])
				continue
			}
			if err != nil {
				var pe *arn.ParseError
				if !errors.As(err, &pe) || pe.Rule != arn.RuleTypeVersion || !errors.Is(err, arn.ErrVersionForm) || pe.Shape != "" {
					t.Errorf("Parse(%q) error = %#v", s, err)
				}
			} else if a.VersionKind().String() != form {
				t.Errorf("Parse(%q).VersionKind() = %v, want %v", s, a.VersionKind(), form)
			}
			// With the generic reading every form parses.
			g, err := arn.Options{GenericPatternOnly: true}.Parse(s)
			if err != nil {
				t.Errorf("GenericPatternOnly Parse(%q) = %v", s, err)
			} else if g.String() != s || g.VersionKind().String() != form {
				t.Errorf("GenericPatternOnly Parse(%q) = %v, kind %v", s, g, g.VersionKind())
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		opts  arn.Options
		in    string
		field arn.Field
		err   error
	}{
		{"empty", arn.Options{}, "", arn.FieldPrefix, arn.ErrSyntax},
		{"upper-case prefix", arn.Options{}, "ARN:aws:imagebuilder:us-east-1:aws:image/i", arn.FieldPrefix, arn.ErrSyntax},
		{"service", arn.Options{}, "arn:aws:s3:us-east-1:aws:image/i", arn.FieldService, arn.ErrService},
		{"partition", arn.Options{}, "arn:azure:imagebuilder:us-east-1:aws:image/i", arn.FieldPartition, arn.ErrSyntax},
		{"account", arn.Options{}, "arn:aws:imagebuilder:us-east-1:amazon:image/i", arn.FieldAccount, arn.ErrOwner},
		{"type", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:ami/i", arn.FieldResourceType, arn.ErrResourceType},
		{"stage", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:workflow/deploy/w", arn.FieldStage, arn.ErrSyntax},
		{"name", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/My Image", arn.FieldName, arn.ErrSyntax},
		{"version", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2", arn.FieldVersion, arn.ErrSyntax},
		{"build", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2.3/x", arn.FieldBuild, arn.ErrSyntax},
		{"wildcard order", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/x.1.x", arn.FieldVersion, semver.ErrInvalid},
		{"node range", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2.4294967296", arn.FieldVersion, semver.ErrInvalid},
		{"build range", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2.3/99999999999999999999", arn.FieldBuild, semver.ErrInvalid},
		{"regex only ignored", arn.Options{RegexOnly: true}, "arn:aws:imagebuilder:us-east-1:aws:image/i/x.1.x", arn.FieldVersion, semver.ErrInvalid},
		{"leading zero", arn.Options{RejectLeadingZeros: true}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.02.3", arn.FieldVersion, semver.ErrInvalid},
		{"lint region", arn.Options{StrictLint: true}, "arn:aws-cn:imagebuilder:us-east-1:aws:image/i", arn.FieldRegion, arn.ErrLint},
		{"lint partition", arn.Options{StrictLint: true}, "arn:aws-mars:imagebuilder:us-east-1:aws:image/i", arn.FieldPartition, arn.ErrLint},
		{"lint build 0", arn.Options{StrictLint: true}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.0.0/0", arn.FieldBuild, arn.ErrLint},
		{"model owners", arn.Options{ModelOwnersOnly: true}, "arn:aws:imagebuilder:us-east-1:third-party:image/i", arn.FieldAccount, arn.ErrOwner},
		{"known owners", arn.Options{KnownOwnersOnly: true}, "arn:aws:imagebuilder:us-east-1:aws-x:image/i", arn.FieldAccount, arn.ErrOwner},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.opts.Parse(tt.in)
			var pe *arn.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse(%q) = %v, %v; want a *ParseError", tt.in, a, err)
			}
			if !a.IsZero() {
				t.Errorf("Parse returned a non-zero ARN with an error")
			}
			if pe.Field != tt.field || !errors.Is(err, tt.err) || pe.Input != tt.in {
				t.Errorf("Parse(%q) error: field %v, %v; want field %v, errors.Is %v", tt.in, pe.Field, err, tt.field, tt.err)
			}
		})
	}
}

func TestTextMarshaling(t *testing.T) {
	type doc struct {
		Image  arn.ARN   `json:"image"`
		Others []arn.ARN `json:"others"`
		Empty  arn.ARN   `json:"empty"`
	}
	in := `{"image":"arn:aws:imagebuilder:us-east-1:aws:image/i/01.2.3/4","others":["arn:aws:imagebuilder:us-east-1:aws:workflow/test/t/x.x.x"],"empty":""}`
	var d doc
	if err := json.Unmarshal([]byte(in), &d); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != in {
		t.Errorf("round trip:\n got %s\nwant %s", out, in)
	}
	if !d.Empty.IsZero() {
		t.Errorf("empty text gave %v", d.Empty)
	}
	err = json.Unmarshal([]byte(`{"image":"arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p/1.0.0"}`), &d)
	if !errors.Is(err, arn.ErrVersionForm) {
		t.Errorf("Unmarshal of a pipeline version = %v, want ErrVersionForm", err)
	}
	var zero arn.ARN
	if zero.String() != "" {
		t.Errorf("zero ARN prints %q", zero.String())
	}
	if b, _ := zero.MarshalText(); len(b) != 0 {
		t.Errorf("zero ARN marshals to %q", b)
	}
}

func TestMustParsePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParse did not panic")
		}
	}()
	arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p/1.0.0")
}

func TestResourceTypes(t *testing.T) {
	want := []arn.ResourceType{"image-recipe", "container-recipe", "infrastructure-configuration",
		"distribution-configuration", "component", "image", "image-pipeline", "lifecycle-policy", "workflow"}
	if diff := cmp.Diff(want, arn.ResourceTypes()); diff != "" {
		t.Errorf("ResourceTypes (-want +got):\n%s", diff)
	}
	for _, typ := range want {
		versioned := typ != arn.ImagePipeline && typ != arn.InfrastructureConfiguration &&
			typ != arn.DistributionConfiguration && typ != arn.LifecyclePolicy
		builds := typ == arn.Image || typ == arn.Component || typ == arn.Workflow
		if !typ.IsValid() || typ.Versioned() != versioned || typ.HasBuilds() != builds {
			t.Errorf("%s: IsValid %v, Versioned %v, HasBuilds %v", typ, typ.IsValid(), typ.Versioned(), typ.HasBuilds())
		}
	}
	if arn.ResourceType("ami").IsValid() {
		t.Error(`"ami" is valid`)
	}
	for stage, wt := range map[arn.Stage]string{arn.StageBuild: "BUILD", arn.StageTest: "TEST", arn.StageDistribution: "DISTRIBUTION", "deploy": ""} {
		if stage.WorkflowType() != wt || stage.IsValid() != (wt != "") {
			t.Errorf("stage %q: WorkflowType %q, IsValid %v", stage, stage.WorkflowType(), stage.IsValid())
		}
	}
	kinds := []string{"none", "version", "wildcard", "build", "wildcard+build"}
	for k, want := range kinds {
		if got := arn.VersionKind(k).String(); got != want {
			t.Errorf("VersionKind(%d) = %q", k, got)
		}
	}
}

func TestAppendTextAndLongErrors(t *testing.T) {
	a := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image/i/1.0.0/1")
	b, err := a.AppendText([]byte("> "))
	if err != nil || string(b) != "> "+a.String() {
		t.Errorf("AppendText = %q, %v", b, err)
	}
	long := "arn:aws:imagebuilder:us-east-1:aws:image/" + strings.Repeat("n", 300) + "/1.0.0/1/"
	_, err = arn.Parse(long)
	if err == nil || len(err.Error()) > 600 || !strings.Contains(err.Error(), `"...`) {
		t.Errorf("error for a long input is not shortened: %v", err)
	}
	for o := arn.OwnerInvalid; o <= arn.OwnerOtherAWS+1; o++ {
		if o.String() == "" {
			t.Errorf("Owner(%d) has no name", o)
		}
	}
	if arn.Decisions(0).With("AS-99").Has("AS-99") {
		t.Error("unknown decision added to a set")
	}
}
