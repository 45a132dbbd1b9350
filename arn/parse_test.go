package arn_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/arn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parsed is the observable content of an ARN, for cmp.Diff.
type parsed struct {
	Partition, Region, Account string
	Type                       arn.ResourceType
	Stage                      string
	Name                       string
	Kind                       arn.VersionKind
	VersionText                string
	Version                    string // "" when Version() is false
	Build                      string // "" when Build() is false
	Filter                     string // "" when Filter() is false
	Decisions                  []arn.Decision
}

func describe(a arn.ARN) parsed {
	p := parsed{
		Partition: a.Partition(), Region: a.Region(), Account: a.Account(),
		Type: a.Type(), Stage: a.Stage(), Name: a.Name(),
		Kind: a.VersionKind(), VersionText: a.VersionText(), Decisions: a.Decisions(),
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
			Kind: arn.KindBuild, VersionText: "1.0.0/1", Version: "1.0.0", Build: "1", Filter: "1.0.0"}},
		{"arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2023-x86/x.x.x", parsed{
			Partition: "aws", Region: "us-west-2", Account: "aws", Type: arn.Image, Name: "amazon-linux-2023-x86",
			Kind: arn.KindWildcard, VersionText: "x.x.x", Filter: "x.x.x"}},
		{"arn:aws-cn:imagebuilder:cn-north-1:aws-marketplace:component/ubuntu-pro-component-prod-w2osc53uiegx4/1.2.x", parsed{
			Partition: "aws-cn", Region: "cn-north-1", Account: "aws-marketplace", Type: arn.Component,
			Name: "ubuntu-pro-component-prod-w2osc53uiegx4", Kind: arn.KindWildcard, VersionText: "1.2.x", Filter: "1.2.x"}},
		{"arn:aws:imagebuilder:us-east-1:third-party:component/cis-benchmark-level-1-amazon-linux/x.x.x", parsed{
			Partition: "aws", Region: "us-east-1", Account: "third-party", Type: arn.Component,
			Name: "cis-benchmark-level-1-amazon-linux", Kind: arn.KindWildcard, VersionText: "x.x.x", Filter: "x.x.x",
			Decisions: []arn.Decision{"AS-2"}}},
		{"arn:aws-us-gov:imagebuilder:us-gov-west-1:123456789012:image-recipe/my_recipe/2021.01.01", parsed{
			Partition: "aws-us-gov", Region: "us-gov-west-1", Account: "123456789012", Type: arn.ImageRecipe, Name: "my_recipe",
			Kind: arn.KindVersion, VersionText: "2021.01.01", Version: "2021.1.1", Filter: "2021.1.1",
			Decisions: []arn.Decision{"AS-6"}}},
		{"arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:workflow/build/build-image/1.0.1/1", parsed{
			Partition: "aws-eusc", Region: "eusc-de-east-1", Account: "aws", Type: arn.Workflow, Stage: "build", Name: "build-image",
			Kind: arn.KindBuild, VersionText: "1.0.1/1", Version: "1.0.1", Build: "1", Filter: "1.0.1"}},
		{"arn:aws-iso:imagebuilder:us-iso-east-1:123456789012:workflow/distribution/d/1.x.x", parsed{
			Partition: "aws-iso", Region: "us-iso-east-1", Account: "123456789012", Type: arn.Workflow, Stage: "distribution", Name: "d",
			Kind: arn.KindWildcard, VersionText: "1.x.x", Filter: "1.x.x"}},
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
			Kind: arn.KindVersion, VersionText: "1.0.0", Version: "1.0.0", Filter: "1.0.0"}},
		{"arn:aws:imagebuilder:us-east-1:123456789012:image/name-arn", parsed{
			Partition: "aws", Region: "us-east-1", Account: "123456789012", Type: arn.Image, Name: "name-arn",
			Decisions: []arn.Decision{"AS-4"}}},
		{"arn:awsfoo:imagebuilder:moon-base:aws-foo:component/c/1.0.0/0", parsed{
			Partition: "awsfoo", Region: "moon-base", Account: "aws-foo", Type: arn.Component, Name: "c",
			Kind: arn.KindBuild, VersionText: "1.0.0/0", Version: "1.0.0", Build: "0", Filter: "1.0.0",
			Decisions: []arn.Decision{"AS-3", "AS-5", "AS-10"}}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			a, err := arn.Parse(tt.in)
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, describe(a)); diff != "" {
				t.Errorf("Parse mismatch (-want +got):\n%s", diff)
			}
			assert.Equal(t, tt.in, a.String())
			b, err := a.AppendText([]byte("x"))
			assert.NoError(t, err)
			assert.Equal(t, "x"+tt.in, string(b))
			assert.NoError(t, arn.Validate("ImageBuilderArn", tt.in))
			ds, err := arn.Options{}.Check("ImageBuilderArn", tt.in)
			assert.NoError(t, err)
			assert.Equal(t, tt.want.Decisions, ds, "Check(ImageBuilderArn) gives the decisions of ARN.Decisions")
		})
	}
}

func TestParseVersionFormsPerType(t *testing.T) {
	// The version forms each type can have (decision AS-4).
	forms := map[string]arn.VersionKind{"": arn.KindNone, "1.2.3": arn.KindVersion, "1.2.x": arn.KindWildcard,
		"1.2.3/4": arn.KindBuild, "1.x.x/4": arn.KindWildcardBuild}
	allowed := map[string][]arn.VersionKind{
		"image-recipe":                 {arn.KindNone, arn.KindVersion, arn.KindWildcard},
		"container-recipe":             {arn.KindNone, arn.KindVersion, arn.KindWildcard},
		"infrastructure-configuration": {arn.KindNone},
		"distribution-configuration":   {arn.KindNone},
		"image-pipeline":               {arn.KindNone},
		"lifecycle-policy":             {arn.KindNone},
		"component":                    {arn.KindNone, arn.KindVersion, arn.KindWildcard, arn.KindBuild},
		"image":                        {arn.KindNone, arn.KindVersion, arn.KindWildcard, arn.KindBuild},
		"workflow/test":                {arn.KindNone, arn.KindVersion, arn.KindWildcard, arn.KindBuild},
	}
	generic := arn.Options{Readings: []arn.Decision{arn.GenericPatternOnly}}
	for typ, ok := range allowed {
		for v, kind := range forms {
			s := "arn:aws:imagebuilder:us-east-1:123456789012:" + typ + "/n"
			if v != "" {
				s += "/" + v
			}
			t.Run(typ+"/"+kind.String(), func(t *testing.T) {
				a, err := arn.Parse(s)
				if !contains(ok, kind) {
					var e *arn.Error
					require.ErrorAs(t, err, &e)
					assert.ErrorIs(t, err, arn.ErrInvalid)
					assert.Equal(t, "type version form", e.Rule)
					assert.Empty(t, e.Shape)
				} else {
					require.NoError(t, err)
					assert.Equal(t, kind, a.VersionKind())
				}
				// With the generic reading every form parses.
				g, err := generic.Parse(s)
				require.NoError(t, err)
				assert.Equal(t, s, g.String())
				assert.Equal(t, kind, g.VersionKind())
			})
		}
	}
}

func contains(ks []arn.VersionKind, k arn.VersionKind) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func TestParseErrors(t *testing.T) {
	readings := func(ds ...arn.Decision) arn.Options { return arn.Options{Readings: ds} }
	tests := []struct {
		name string
		opts arn.Options
		in   string
		part string
		err  error
	}{
		{"empty", arn.Options{}, "", "prefix", arn.ErrSyntax},
		{"upper-case prefix", arn.Options{}, "ARN:aws:imagebuilder:us-east-1:aws:image/i", "prefix", arn.ErrSyntax},
		{"service", arn.Options{}, "arn:aws:s3:us-east-1:aws:image/i", "service", arn.ErrInvalid},
		{"partition", arn.Options{}, "arn:azure:imagebuilder:us-east-1:aws:image/i", "partition", arn.ErrSyntax},
		{"account", arn.Options{}, "arn:aws:imagebuilder:us-east-1:amazon:image/i", "account", arn.ErrInvalid},
		{"type", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:ami/i", "resource type", arn.ErrInvalid},
		{"stage", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:workflow/deploy/w", "stage", arn.ErrSyntax},
		{"name", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/My Image", "name", arn.ErrSyntax},
		{"version", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2", "version", arn.ErrSyntax},
		{"build", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2.3/x", "build", arn.ErrSyntax},
		{"wildcard order", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/x.1.x", "version", arn.ErrInvalid},
		{"node range", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2.4294967296", "version", arn.ErrInvalid},
		{"build range", arn.Options{}, "arn:aws:imagebuilder:us-east-1:aws:image/i/1.2.3/99999999999999999999", "build", arn.ErrInvalid},
		{"regex only ignored", readings(arn.RegexOnly), "arn:aws:imagebuilder:us-east-1:aws:image/i/x.1.x", "version", arn.ErrInvalid},
		{"leading zero", readings(arn.RejectLeadingZeros), "arn:aws:imagebuilder:us-east-1:aws:image/i/1.02.3", "version", arn.ErrInvalid},
		{"lint region", readings(arn.StrictRegions), "arn:aws-cn:imagebuilder:us-east-1:aws:image/i", "region", arn.ErrInvalid},
		{"lint partition", readings(arn.StrictRegions), "arn:aws-mars:imagebuilder:us-east-1:aws:image/i", "partition", arn.ErrInvalid},
		{"lint build 0", readings(arn.NonZeroBuilds), "arn:aws:imagebuilder:us-east-1:aws:image/i/1.0.0/0", "build", arn.ErrInvalid},
		{"model owners", readings(arn.ModelOwnersOnly), "arn:aws:imagebuilder:us-east-1:third-party:image/i", "account", arn.ErrInvalid},
		{"known owners", readings(arn.KnownOwnersOnly), "arn:aws:imagebuilder:us-east-1:aws-x:image/i", "account", arn.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.opts.Parse(tt.in)
			var e *arn.Error
			require.ErrorAs(t, err, &e)
			assert.True(t, a.IsZero(), "Parse returned a non-zero ARN with an error")
			assert.Equal(t, tt.part, e.Part)
			assert.ErrorIs(t, err, tt.err)
			assert.Equal(t, tt.in, e.Input)
		})
	}
}

func TestUnknownReading(t *testing.T) {
	for _, id := range []arn.Decision{"AS-7", "L-21", "nope"} {
		t.Run(string(id), func(t *testing.T) {
			o := arn.Options{Readings: []arn.Decision{arn.RegexOnly, id}}
			_, err := o.Parse("arn:aws:imagebuilder:us-east-1:aws:image/i")
			var e *arn.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, arn.ErrUnknown, e.Err, "Err is the sentinel itself")
			assert.Equal(t, string(id), e.Found)
			assert.Equal(t, "readings", e.Part)
			assert.Contains(t, err.Error(), `arn: unknown reading "`+string(id)+`"`)
			_, err = o.Check("AccountId", "123456789012")
			assert.ErrorIs(t, err, arn.ErrUnknown)
			_, _, err = o.Name("abc")
			assert.ErrorIs(t, err, arn.ErrUnknown)
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
	require.NoError(t, json.Unmarshal([]byte(in), &d))
	out, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Equal(t, in, string(out), "round trip")
	assert.True(t, d.Empty.IsZero(), "empty text gave %v", d.Empty)
	err = json.Unmarshal([]byte(`{"image":"arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p/1.0.0"}`), &d)
	assert.ErrorIs(t, err, arn.ErrInvalid, "Unmarshal of a pipeline version")
	var zero arn.ARN
	assert.Empty(t, zero.String())
	b, _ := zero.MarshalText()
	assert.Empty(t, b)
	assert.Error(t, (*arn.ARN)(nil).UnmarshalText([]byte("x")))
}

func TestMustParsePanics(t *testing.T) {
	assert.Panics(t, func() { arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p/1.0.0") })
}

func TestResourceTypes(t *testing.T) {
	tests := []struct {
		typ               arn.ResourceType
		versioned, builds bool
	}{
		{arn.ImageRecipe, true, false},
		{arn.ContainerRecipe, true, false},
		{arn.InfrastructureConfiguration, false, false},
		{arn.DistributionConfiguration, false, false},
		{arn.Component, true, true},
		{arn.Image, true, true},
		{arn.ImagePipeline, false, false},
		{arn.LifecyclePolicy, false, false},
		{arn.Workflow, true, true},
		{"ami", false, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.typ), func(t *testing.T) {
			assert.Equal(t, tt.versioned, tt.typ.Versioned(), "Versioned")
			assert.Equal(t, tt.builds, tt.typ.HasBuilds(), "HasBuilds")
		})
	}
	kinds := []string{"none", "version", "wildcard", "build", "wildcard+build", "VersionKind(5)"}
	for k, want := range kinds {
		assert.Equal(t, want, arn.VersionKind(k).String())
	}
}

func TestLongErrors(t *testing.T) {
	long := "arn:aws:imagebuilder:us-east-1:aws:image/" + strings.Repeat("n", 300) + "/1.0.0/1/"
	_, err := arn.Parse(long)
	require.Error(t, err)
	assert.LessOrEqual(t, len(err.Error()), 600, "error for a long input is not shortened")
	assert.Contains(t, err.Error(), `"...`)
	for o := arn.OwnerInvalid; o <= arn.OwnerOtherAWS+1; o++ {
		assert.NotEmpty(t, o.String(), "Owner(%d) has no name", o)
	}
}
