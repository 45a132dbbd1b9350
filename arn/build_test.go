package arn_test

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
)

func TestBuilders(t *testing.T) {
	const prefix = "arn:aws:imagebuilder:us-east-1:123456789012:"
	img, err := arn.New("aws", "us-east-1", "123456789012", arn.Image, "my-image")
	if err != nil {
		t.Fatal(err)
	}
	wf, err := arn.NewWorkflow("aws", "us-east-1", "aws", arn.StageTest, "test-image")
	if err != nil {
		t.Fatal(err)
	}
	pipe, err := arn.New("aws", "us-east-1", "123456789012", arn.ImagePipeline, "p")
	if err != nil {
		t.Fatal(err)
	}
	recipe, err := arn.New("aws", "us-east-1", "123456789012", arn.ImageRecipe, "r")
	if err != nil {
		t.Fatal(err)
	}
	v := semver.MustParse("1.2.3")
	b := semver.NewBuild(v, 7)
	f := semver.MustParseFilter("1.x.x")
	tests := []struct {
		name string
		got  func() (arn.ARN, error)
		want string // "" for an error
	}{
		{"name ARN", func() (arn.ARN, error) { return img, nil }, prefix + "image/my-image"},
		{"version", func() (arn.ARN, error) { return img.WithVersion(v) }, prefix + "image/my-image/1.2.3"},
		{"build", func() (arn.ARN, error) { return img.WithBuild(b) }, prefix + "image/my-image/1.2.3/7"},
		{"wildcard", func() (arn.ARN, error) { return img.WithFilter(f) }, prefix + "image/my-image/1.x.x"},
		{"exact filter", func() (arn.ARN, error) { return img.WithFilter(semver.MustParseFilter("1.2.3")) }, prefix + "image/my-image/1.2.3"},
		{"workflow build", func() (arn.ARN, error) { return wf.WithBuild(b) }, "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/1.2.3/7"},
		{"pipeline", func() (arn.ARN, error) { return pipe, nil }, prefix + "image-pipeline/p"},
		{"pipeline version", func() (arn.ARN, error) { return pipe.WithVersion(v) }, ""},
		{"recipe build", func() (arn.ARN, error) { return recipe.WithBuild(b) }, ""},
		{"recipe wildcard", func() (arn.ARN, error) { return recipe.WithFilter(f) }, prefix + "image-recipe/r/1.x.x"},
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
			a, err := img.WithBuild(b)
			return a.WithoutVersion(), err
		}, prefix + "image/my-image"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := tt.got()
			if tt.want == "" {
				var pe *arn.ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("got %v, %v; want a *ParseError", a, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if a.String() != tt.want {
				t.Errorf("got %q, want %q", a, tt.want)
			}
			if p, err := arn.Parse(tt.want); err != nil || p != a {
				t.Errorf("Parse(%q) = %v, %v; not == the built ARN", tt.want, p, err)
			}
		})
	}
}

func TestLadder(t *testing.T) {
	build := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/2024.12.17/3")
	version, err := build.VersionARN()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := version.String(), "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/2024.12.17"; got != want {
		t.Errorf("VersionARN = %q, want %q", got, want)
	}
	if p := arn.MustParse(version.String()); p != version {
		t.Errorf("VersionARN is not == its parse: %#v vs %#v", version, p)
	}
	if again, _ := version.VersionARN(); again != version {
		t.Errorf("VersionARN of a version ARN changed it")
	}
	refs, err := build.LatestVersionReferences()
	if err != nil {
		t.Fatal(err)
	}
	const p = "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/"
	want := []string{p + "x.x.x", p + "2024.x.x", p + "2024.12.x", p + "2024.12.17"}
	got := []string{refs.LatestVersion.String(), refs.LatestMajorVersion.String(), refs.LatestMinorVersion.String(), refs.LatestPatchVersion.String()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("LatestVersionReferences (-want +got):\n%s", diff)
	}
	if refs.LatestPatchVersion != version {
		t.Errorf("LatestPatchVersion != VersionARN")
	}
	if refs.LatestMinorVersion.WildcardNodes() != 2 || refs.LatestMajorVersion.WildcardNodes() != 1 || refs.LatestVersion.WildcardNodes() != 0 {
		t.Errorf("WildcardNodes: %d %d %d", refs.LatestMinorVersion.WildcardNodes(), refs.LatestMajorVersion.WildcardNodes(), refs.LatestVersion.WildcardNodes())
	}
	if err := arn.Validate(arn.WorkflowNameArn, refs.LatestVersion.String()); err != nil {
		t.Errorf("latest version ARN of a workflow is not a WorkflowNameArn: %v", err)
	}

	wild := refs.LatestMinorVersion
	if _, err := wild.VersionARN(); !errors.Is(err, arn.ErrVersionForm) {
		t.Errorf("VersionARN of a wildcard = %v, want ErrVersionForm", err)
	}
	if a, err := wild.WildcardARN(1); err != nil || a != refs.LatestMajorVersion {
		t.Errorf("WildcardARN(1) of M.m.x = %v, %v", a, err)
	}
	if _, err := wild.WildcardARN(3); !errors.Is(err, arn.ErrVersionForm) {
		t.Errorf("WildcardARN(3) of M.m.x = %v, want ErrVersionForm", err)
	}
	if _, err := build.WildcardARN(4); err == nil {
		t.Error("WildcardARN(4) succeeded")
	}
	name := build.WithoutVersion()
	if a, err := name.WildcardARN(0); err != nil || a != refs.LatestVersion {
		t.Errorf("WildcardARN(0) of a name ARN = %v, %v", a, err)
	}
	if _, err := name.LatestVersionReferences(); err == nil {
		t.Error("LatestVersionReferences of a name ARN succeeded")
	}
	pipe := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p")
	if _, err := pipe.WildcardARN(0); !errors.Is(err, arn.ErrVersionForm) {
		t.Errorf("WildcardARN of a pipeline = %v", err)
	}
	if pipe.WithoutVersion() != pipe {
		t.Error("WithoutVersion changed an unversioned ARN")
	}
	// KindWildcardBuild only exists under GenericPatternOnly.
	wb, err := arn.Options{GenericPatternOnly: true}.Parse("arn:aws:imagebuilder:us-east-1:aws:image/i/1.x.x/4")
	if err != nil {
		t.Fatal(err)
	}
	if n, ok := wb.Build(); !ok || n != 4 {
		t.Errorf("Build of wildcard+build = %d, %v", n, ok)
	}
	if _, ok := wb.BuildVersion(); ok {
		t.Error("BuildVersion of wildcard+build is ok")
	}
	if f, ok := wb.Filter(); !ok || f.String() != "1.x.x" {
		t.Errorf("Filter of wildcard+build = %v, %v", f, ok)
	}
	if a, err := wb.WildcardARN(0); err != nil || a.VersionText() != "x.x.x" {
		t.Errorf("WildcardARN(0) of wildcard+build = %v, %v", a, err)
	}
}

func TestOwners(t *testing.T) {
	tests := map[string]arn.Owner{
		"123456789012":    arn.OwnerAccount,
		"aws":             arn.OwnerAWS,
		"aws-marketplace": arn.OwnerMarketplace,
		"third-party":     arn.OwnerThirdParty,
		"aws-foo":         arn.OwnerOtherAWS,
		"aws-":            arn.OwnerInvalid,
		"amazon":          arn.OwnerInvalid,
		"":                arn.OwnerInvalid,
	}
	for account, want := range tests {
		if got := arn.OwnerOf(account); got != want {
			t.Errorf("OwnerOf(%q) = %v, want %v", account, got, want)
		}
	}
	a := arn.MustParse("arn:aws:imagebuilder:us-east-1:" + arn.AWSMarketplace + ":component/c/1.0.0/1")
	if a.Owner() != arn.OwnerMarketplace || a.Owner().String() != "aws-marketplace" {
		t.Errorf("Owner() = %v", a.Owner())
	}
	if !arn.IsAccountID("000000000000") || arn.IsAccountID(arn.AWSManaged) || arn.IsAccountID(arn.ThirdParty) {
		t.Error("IsAccountID wrong")
	}
}

func TestARNName(t *testing.T) {
	tests := []struct {
		in, want, hyphens string
		decisions         string
	}{
		{"Ubuntu Pro Component-prod-w2osc53uiegx4", "ubuntu-pro-component-prod-w2osc53uiegx4", "ubuntu-pro-component-prod-w2osc53uiegx4", ""},
		{"Test Config", "test-config", "test-config", ""},
		{"my_recipe 2", "my_recipe-2", "my-recipe-2", "AS-9"},
		{"a  b", "a--b", "a--b", ""},
		{"ABC", "abc", "abc", ""},
	}
	for _, tt := range tests {
		got, err := arn.ARNName(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ARNName(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
		got, d, err := arn.Options{UnderscoreToHyphen: true}.ARNName(tt.in)
		if err != nil || got != tt.hyphens || d.String() != tt.decisions {
			t.Errorf("UnderscoreToHyphen ARNName(%q) = %q, %v, %v; want %q, %s", tt.in, got, d, err, tt.hyphens, tt.decisions)
		}
		if err := arn.Validate(arn.ImageRecipeArn, "arn:aws:imagebuilder:us-east-1:aws:image-recipe/"+got+"/1.0.0"); err != nil {
			t.Errorf("ARN name %q is not valid in an ARN: %v", got, err)
		}
	}
	for _, bad := range []string{"ab", " abc", "abc ", "a.bc", "ümlaut"} {
		if _, err := arn.ARNName(bad); !errors.Is(err, arn.ErrSyntax) {
			t.Errorf("ARNName(%q) error = %v, want ErrSyntax", bad, err)
		}
	}
}

func TestLint(t *testing.T) {
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
	for _, tt := range tests {
		if got := arn.RegionInPartition(tt.partition, tt.region); got != tt.ok {
			t.Errorf("RegionInPartition(%q, %q) = %v", tt.partition, tt.region, got)
		}
		s := "arn:" + tt.partition + ":imagebuilder:" + tt.region + ":aws:image/i/1.0.0/1"
		if a, err := arn.Parse(s); err != nil {
			t.Errorf("Parse(%q) = %v", s, err)
		} else if err := a.Lint(); (err == nil) != tt.ok {
			t.Errorf("Lint of %q = %v", s, err)
		}
	}
	if arn.KnownPartition("aws-mars") || !arn.KnownPartition("aws-eusc") {
		t.Error("KnownPartition wrong")
	}
	zero := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image/i/1.0.0/0")
	if err := zero.Lint(); !errors.Is(err, arn.ErrLint) {
		t.Errorf("Lint of build 0 = %v", err)
	}
}
