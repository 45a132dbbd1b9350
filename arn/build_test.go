package arn_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuilders(t *testing.T) {
	const prefix = "arn:aws:imagebuilder:us-east-1:123456789012:"
	img, err := arn.New("aws", "us-east-1", "123456789012", arn.Image, "my-image")
	require.NoError(t, err)
	wf, err := arn.NewWorkflow("aws", "us-east-1", "aws", "test", "test-image")
	require.NoError(t, err)
	pipe, err := arn.New("aws", "us-east-1", "123456789012", arn.ImagePipeline, "p")
	require.NoError(t, err)
	recipe, err := arn.New("aws", "us-east-1", "123456789012", arn.ImageRecipe, "r")
	require.NoError(t, err)
	v := semver.MustParse("1.2.3")
	b := semver.NewBuild(v, 7)
	f := semver.MustParseFilter("1.x.x")
	tests := []struct {
		name string
		got  func() (arn.ARN, error)
		want string // "" for an error
	}{
		{"name ARN", func() (arn.ARN, error) { return img, nil }, prefix + "image/my-image"},
		{"version", func() (arn.ARN, error) { return img.WithVersion(v.String()) }, prefix + "image/my-image/1.2.3"},
		{"build", func() (arn.ARN, error) { return img.WithVersion(b.String()) }, prefix + "image/my-image/1.2.3/7"},
		{"wildcard", func() (arn.ARN, error) { return img.WithVersion(f.String()) }, prefix + "image/my-image/1.x.x"},
		{"exact filter", func() (arn.ARN, error) { return img.WithVersion(semver.MustParseFilter("1.2.3").String()) }, prefix + "image/my-image/1.2.3"},
		{"workflow build", func() (arn.ARN, error) { return wf.WithVersion(b.String()) }, "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/1.2.3/7"},
		{"pipeline", func() (arn.ARN, error) { return pipe, nil }, prefix + "image-pipeline/p"},
		{"pipeline version", func() (arn.ARN, error) { return pipe.WithVersion(v.String()) }, ""},
		{"pipeline without version", func() (arn.ARN, error) { return pipe.WithVersion("") }, prefix + "image-pipeline/p"},
		{"recipe build", func() (arn.ARN, error) { return recipe.WithVersion(b.String()) }, ""},
		{"recipe wildcard", func() (arn.ARN, error) { return recipe.WithVersion(f.String()) }, prefix + "image-recipe/r/1.x.x"},
		{"bad version", func() (arn.ARN, error) { return img.WithVersion("1.2") }, ""},
		{"workflow via New", func() (arn.ARN, error) {
			return arn.New("aws", "us-east-1", "aws", arn.Workflow, "w")
		}, ""},
		{"bad stage", func() (arn.ARN, error) {
			return arn.NewWorkflow("aws", "us-east-1", "aws", "deploy", "w")
		}, ""},
		{"bad name", func() (arn.ARN, error) {
			return arn.New("aws", "us-east-1", "aws", arn.Image, "My Image")
		}, ""},
		{"bad owner", func() (arn.ARN, error) {
			return arn.New("aws", "us-east-1", "amazon", arn.Image, "i")
		}, ""},
		{"without version", func() (arn.ARN, error) {
			a, err := img.WithVersion(b.String())
			require.NoError(t, err)
			return a.WithVersion("")
		}, prefix + "image/my-image"},
		{"zero without version", func() (arn.ARN, error) { return arn.ARN{}.WithVersion("") }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.got()
			if tt.want == "" {
				var e *arn.Error
				require.ErrorAs(t, err, &e)
				assert.True(t, a.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, a.String())
			p, err := arn.Parse(tt.want)
			require.NoError(t, err)
			assert.Equal(t, p, a, "Parse(%q) is not == the built ARN", tt.want)
		})
	}
}

// TestBuilderArguments checks that New and NewWorkflow check each argument
// in its own section, so that a value cannot spill into the next one and
// the error names the argument at fault.
func TestBuilderArguments(t *testing.T) {
	tests := []struct {
		name                              string
		partition, region, account, stage string // stage "" for New
		typ                               arn.ResourceType
		resName                           string
		part                              string
		err                               error
	}{
		{name: "version in the name", partition: "aws", region: "us-east-1", account: "123456789012", typ: arn.Image,
			resName: "a/1.0.0", part: "name", err: arn.ErrSyntax},
		{name: "colon in the region", partition: "aws", region: "us:east-1", account: "123456789012", typ: arn.Image,
			resName: "a", part: "region", err: arn.ErrSyntax},
		{name: "colon in the partition", partition: "aws:x", region: "us-east-1", account: "123456789012", typ: arn.Image,
			resName: "a", part: "partition", err: arn.ErrSyntax},
		{name: "colon in the account", partition: "aws", region: "us-east-1", account: "1234:56789012", typ: arn.Image,
			resName: "a", part: "account", err: arn.ErrSyntax},
		{name: "empty name", partition: "aws", region: "us-east-1", account: "123456789012", typ: arn.Image,
			part: "name", err: arn.ErrSyntax},
		{name: "resource type", partition: "aws", region: "us-east-1", account: "123456789012", typ: "images",
			resName: "a", part: "resource type", err: arn.ErrSyntax},
		{name: "stage and name", partition: "aws", region: "us-east-1", account: "aws", stage: "build/w", typ: arn.Workflow,
			resName: "w", part: "stage", err: arn.ErrSyntax},
		{name: "name of a workflow", partition: "aws", region: "us-east-1", account: "aws", stage: "build", typ: arn.Workflow,
			resName: "w/1.0.0", part: "name", err: arn.ErrSyntax},
		{name: "owner is checked as Parse does", partition: "aws", region: "us-east-1", account: "amazon", typ: arn.Image,
			resName: "a", part: "account", err: arn.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var a arn.ARN
			var err error
			if tt.typ == arn.Workflow {
				a, err = arn.NewWorkflow(tt.partition, tt.region, tt.account, tt.stage, tt.resName)
			} else {
				a, err = arn.New(tt.partition, tt.region, tt.account, tt.typ, tt.resName)
			}
			var e *arn.Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, tt.err)
			assert.Equal(t, tt.part, e.Part, "Part names the argument")
			assert.True(t, a.IsZero())
		})
	}
}

func TestLadder(t *testing.T) {
	build := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/2024.12.17/3")
	version, err := build.VersionARN()
	require.NoError(t, err)
	assert.Equal(t, "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/2024.12.17", version.String())
	assert.Equal(t, arn.MustParse(version.String()), version, "VersionARN is not == its parse")
	again, err := version.VersionARN()
	require.NoError(t, err)
	assert.Equal(t, version, again, "VersionARN of a version ARN changed it")

	// The four latest-version references of the service.
	const p = "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/"
	want := []string{p + "x.x.x", p + "2024.x.x", p + "2024.12.x", p + "2024.12.17"}
	refs := make([]arn.ARN, 4)
	got := make([]string, 4)
	for keep := range refs {
		refs[keep], err = build.WildcardARN(keep)
		require.NoError(t, err)
		got[keep] = refs[keep].String()
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("WildcardARN(0..3) (-want +got):\n%s", diff)
	}
	assert.Equal(t, version, refs[3], "WildcardARN(3) != VersionARN")
	for keep, ref := range refs[:3] {
		f, ok := ref.Filter()
		require.True(t, ok)
		assert.Equal(t, want[keep][len(p):], f.String())
	}
	assert.NoError(t, arn.Validate("WorkflowNameArn", refs[0].String()), "latest version ARN of a workflow is not a WorkflowNameArn")

	wild := refs[2]
	_, err = wild.VersionARN()
	assert.ErrorIs(t, err, arn.ErrInvalid, "VersionARN of a wildcard")
	a, err := wild.WildcardARN(1)
	require.NoError(t, err)
	assert.Equal(t, refs[1], a, "WildcardARN(1) of M.m.x")
	_, err = wild.WildcardARN(3)
	assert.ErrorIs(t, err, arn.ErrInvalid, "WildcardARN(3) of M.m.x")
	_, err = build.WildcardARN(4)
	assert.Error(t, err, "WildcardARN(4)")
	name, err := build.WithVersion("")
	require.NoError(t, err)
	a, err = name.WildcardARN(0)
	require.NoError(t, err)
	assert.Equal(t, refs[0], a, "WildcardARN(0) of a name ARN")
	_, err = name.WildcardARN(1)
	assert.Error(t, err, "WildcardARN(1) of a name ARN")
	pipe := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p")
	_, err = pipe.WildcardARN(0)
	assert.ErrorIs(t, err, arn.ErrInvalid, "WildcardARN of a pipeline")

	// KindWildcardBuild only exists under GenericPatternOnly.
	wb, err := arn.Options{Readings: []arn.Decision{arn.GenericPatternOnly}}.Parse("arn:aws:imagebuilder:us-east-1:aws:image/i/1.x.x/4")
	require.NoError(t, err)
	n, ok := wb.Build()
	assert.True(t, ok)
	assert.Equal(t, uint64(4), n, "Build of wildcard+build")
	_, ok = wb.BuildVersion()
	assert.False(t, ok, "BuildVersion of wildcard+build is ok")
	_, ok = wb.Version()
	assert.False(t, ok, "Version of wildcard+build is ok")
	f, ok := wb.Filter()
	assert.True(t, ok)
	assert.Equal(t, "1.x.x", f.String(), "Filter of wildcard+build")
	a, err = wb.WildcardARN(0)
	require.NoError(t, err)
	assert.Equal(t, "x.x.x", a.VersionText(), "WildcardARN(0) of wildcard+build")
	bv, ok := build.BuildVersion()
	assert.True(t, ok)
	assert.Equal(t, "2024.12.17/3", bv.String())
}

func TestOwners(t *testing.T) {
	tests := []struct {
		account string
		want    arn.Owner
		name    string
	}{
		{"123456789012", arn.OwnerAccount, "account"},
		{"aws", arn.OwnerAWS, "aws"},
		{"aws-marketplace", arn.OwnerMarketplace, "aws-marketplace"},
		{"third-party", arn.OwnerThirdParty, "third-party"},
		{"aws-foo", arn.OwnerOtherAWS, "other-aws"},
		{"aws-", arn.OwnerInvalid, "invalid"},
		{"amazon", arn.OwnerInvalid, "invalid"},
		{"", arn.OwnerInvalid, "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.account, func(t *testing.T) {
			assert.Equal(t, tt.want, arn.OwnerOf(tt.account))
			assert.Equal(t, tt.name, tt.want.String())
		})
	}
	a := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws-marketplace:component/c/1.0.0/1")
	assert.Equal(t, arn.OwnerMarketplace, a.Owner())
}

func TestName(t *testing.T) {
	tests := []struct {
		in, want, hyphens string
		decisions         []arn.Decision
	}{
		{"Ubuntu Pro Component-prod-w2osc53uiegx4", "ubuntu-pro-component-prod-w2osc53uiegx4", "ubuntu-pro-component-prod-w2osc53uiegx4", nil},
		{"Test Config", "test-config", "test-config", nil},
		{"my_recipe 2", "my_recipe-2", "my-recipe-2", []arn.Decision{"AS-9"}},
		{"a  b", "a--b", "a--b", nil},
		{"ABC", "abc", "abc", nil},
	}
	hyphens := arn.Options{Readings: []arn.Decision{arn.UnderscoreToHyphen}}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := arn.Name(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
			got, ds, err := hyphens.Name(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.hyphens, got)
			assert.Equal(t, tt.decisions, ds)
			assert.NoError(t, arn.Validate("ImageRecipeArn", "arn:aws:imagebuilder:us-east-1:aws:image-recipe/"+got+"/1.0.0"),
				"ARN name %q is not valid in an ARN", got)
		})
	}
	for _, bad := range []string{"ab", " abc", "abc ", "a.bc", "ümlaut"} {
		_, err := arn.Name(bad)
		assert.ErrorIs(t, err, arn.ErrSyntax, "Name(%q)", bad)
	}
}

func TestRegionInPartition(t *testing.T) {
	if diff := cmp.Diff([]string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}, arn.Partitions()); diff != "" {
		t.Errorf("Partitions (-want +got):\n%s", diff)
	}
	tests := []struct {
		partition, region string
		ok                bool
	}{
		{"aws", "us-east-1", true},
		{"aws", "ap-southeast-5", true},
		{"aws", "il-central-1", true},
		{"aws", "mx-central-1", true},
		{"aws", "us-gov-west-1", false},
		{"aws", "cn-north-1", false},
		{"aws", "xx-east-1", false},
		{"aws", "us-east", false},
		{"aws", "us-east-", false},
		{"aws", "us--1", false},
		{"aws", "us-east-1a", false},
		{"aws", "us", false},
		{"aws-cn", "cn-northwest-1", true},
		{"aws-cn", "us-east-1", false},
		{"aws-us-gov", "us-gov-east-1", true},
		{"aws-iso", "us-iso-west-1", true},
		{"aws-iso", "us-isob-east-1", false},
		{"aws-iso-b", "us-isob-east-1", true},
		{"aws-iso-e", "eu-isoe-west-1", true},
		{"aws-iso-f", "us-isof-south-1", true},
		{"aws-eusc", "eusc-de-east-1", true},
		{"aws-eusc", "eusc-fr-east-1", false},
		{"aws-mars", "us-east-1", false},
		{"aws", "us-east_x-10", true},
	}
	strict := arn.Options{Readings: []arn.Decision{arn.StrictRegions}}
	for _, tt := range tests {
		t.Run(tt.partition+"/"+tt.region, func(t *testing.T) {
			assert.Equal(t, tt.ok, arn.RegionInPartition(tt.partition, tt.region))
			s := "arn:" + tt.partition + ":imagebuilder:" + tt.region + ":aws:image/i/1.0.0/1"
			_, err := arn.Parse(s)
			require.NoError(t, err)
			_, err = strict.Parse(s)
			assert.Equal(t, tt.ok, err == nil, "StrictRegions Parse(%q) = %v", s, err)
		})
	}
	_, err := arn.Options{Readings: []arn.Decision{arn.NonZeroBuilds}}.Parse("arn:aws:imagebuilder:us-east-1:aws:image/i/1.0.0/0")
	assert.ErrorIs(t, err, arn.ErrInvalid, "NonZeroBuilds Parse of build 0")
}
