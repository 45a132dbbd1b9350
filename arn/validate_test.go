package arn_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/internal/decision"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shapeFacts restates, per Image Builder ARN shape, the shape table of the
// specification: resource, prefix dialect, owner set and version forms.
type shapeFacts struct {
	resource string // such as "image" or "workflow/build"
	strict   bool   // lifecycle and workflow dialect
	wide     bool   // owners aws-*, and third-party by AS-2
	forms    string // accepted forms among N (none), V, W, B; X means x.x.x only
}

var ibShapes = map[string]shapeFacts{
	"ImageRecipeArn":                       {"image-recipe", false, false, "VW"},
	"ContainerRecipeArn":                   {"container-recipe", false, false, "VW"},
	"InfrastructureConfigurationArn":       {"infrastructure-configuration", false, false, "N"},
	"DistributionConfigurationArn":         {"distribution-configuration", false, false, "N"},
	"ImagePipelineArn":                     {"image-pipeline", false, false, "N"},
	"LifecyclePolicyArn":                   {"lifecycle-policy", true, false, "N"},
	"ComponentBuildVersionArn":             {"component", false, true, "B"},
	"ComponentVersionArn":                  {"component", false, true, "V"},
	"ComponentVersionArnOrBuildVersionArn": {"component", false, true, "VWB"},
	"ImageBuildVersionArn":                 {"image", false, true, "B"},
	"ImageVersionArn":                      {"image", false, true, "V"},
	"ImageVersionArnOrBuildVersionArn":     {"image", false, true, "VWB"},
	"WorkflowBuildVersionArn":              {"workflow/build", true, true, "B"},
	"WorkflowVersionArn":                   {"workflow/test", true, true, "V"},
	"WorkflowWildcardVersionArn":           {"workflow/distribution", true, true, "VW"},
	"WorkflowNameArn":                      {"workflow/build", true, true, "X"},
	"WorkflowVersionArnOrBuildVersionArn":  {"workflow/test", true, true, "VWB"},
}

// genericResources are the resources of the generic ImageBuilderArn shape
// with the version forms their type can have (AS-4; N = name ARN).
var genericResources = []struct{ resource, forms string }{
	{"image-recipe", "NVW"},
	{"container-recipe", "NVW"},
	{"infrastructure-configuration", "N"},
	{"distribution-configuration", "N"},
	{"component", "NVWB"},
	{"image", "NVWB"},
	{"image-pipeline", "N"},
	{"lifecycle-policy", "N"},
	{"workflow/build", "NVWB"},
	{"workflow/test", "NVWB"},
	{"workflow/distribution", "NVWB"},
}

var prefixes = []struct {
	partition, region string
	strict            bool // accepted by the strict dialect
	realistic         bool // passes the AS-5 lint
}{
	{"aws", "us-east-1", true, true},
	{"aws", "mx-central-1", true, true},
	{"aws-cn", "cn-north-1", true, true},
	{"aws-us-gov", "us-gov-west-1", true, true},
	{"aws-iso", "us-iso-east-1", true, true},
	{"aws-iso-b", "us-isob-east-1", true, true},
	{"aws-iso-e", "eu-isoe-west-1", true, true},
	{"aws-iso-f", "us-isof-south-1", true, true},
	{"aws-eusc", "eusc-de-east-1", true, true},
	{"aws-cn", "us-east-1", true, false},
	{"aws-foo", "us-east-10", true, false},
	{"awscn", "us-east-1", false, false},
	{"aws", "local", false, false},
	{"aws", "US-EAST-1", false, false},
}

var owners = []struct {
	owner        string
	narrow, wide bool         // accepted by narrow and wide shapes
	flag         arn.Decision // decision flagged when accepted
}{
	{"123456789012", true, true, ""},
	{"aws", true, true, ""},
	{"aws-marketplace", false, true, ""},
	{"third-party", false, true, "AS-2"},
	{"aws-foo", false, true, "AS-3"},
	{"aws--", false, true, "AS-3"},
	{"amazon", false, false, ""},
	{"12345678901", false, false, ""},
	{"aws-", false, false, ""},
	{"AWS", false, false, ""},
}

var versions = []struct {
	text, form string       // form: N, V, W, B or WB
	fails      arn.Decision // AS1 (prose), AS6 (leading zero), AS10 (build 0)
}{
	{"", "N", ""},
	{"1.2.3", "V", ""},
	{"1.2.x", "W", ""},
	{"1.x.x", "W", ""},
	{"x.x.x", "W", ""},
	{"1.2.3/4", "B", ""},
	{"x.x.x/1", "WB", ""},
	{"1.x.3", "W", "AS-1"},
	{"1073741824.0.0", "V", "AS-1"},
	{"1.2.3/18446744073709551616", "B", buildOverflow},
	{"2021.01.01", "V", "AS-6"},
	{"1.2.3/0", "B", "AS-10"},
}

// buildOverflow marks the version whose build does not fit in 64 bits: AS-10
// flags it, and only RegexOnly accepts it.
const buildOverflow arn.Decision = "AS-10 overflow"

// optionSets are the readings every generated case is checked under.
var optionSets = []arn.Options{
	{},
	readings(arn.RegexOnly),
	readings(arn.ModelOwnersOnly),
	readings(arn.KnownOwnersOnly),
	readings(arn.StrictRegions, arn.NonZeroBuilds),
	readings(arn.RejectLeadingZeros),
}

// readings returns the options that choose the readings ds.
func readings(ds ...arn.Decision) arn.Options { return arn.Options{Readings: ds} }

// has reports whether o chooses the reading d.
func has(o arn.Options, d arn.Decision) bool { return slices.Contains(o.Readings, d) }

// condition is a decision-dependent rule that applies to a case.
type condition struct {
	d       arn.Decision
	rejects func(arn.Options) bool
}

func conditionsOf(owner arn.Decision, realistic bool, version arn.Decision, typeMismatch bool) []condition {
	var cs []condition
	switch owner {
	case "AS-2":
		cs = append(cs, condition{"AS-2", func(o arn.Options) bool { return has(o, arn.ModelOwnersOnly) }})
	case "AS-3":
		cs = append(cs, condition{"AS-3", func(o arn.Options) bool { return has(o, arn.KnownOwnersOnly) }})
	}
	if !realistic {
		cs = append(cs, condition{"AS-5", func(o arn.Options) bool { return has(o, arn.StrictRegions) }})
	}
	if typeMismatch {
		cs = append(cs, condition{"AS-4", func(arn.Options) bool { return false }})
	}
	switch version {
	case "AS-1":
		cs = append(cs, condition{"AS-1", func(o arn.Options) bool { return !has(o, arn.RegexOnly) }})
	case "AS-6":
		cs = append(cs, condition{"AS-6", func(o arn.Options) bool { return has(o, arn.RejectLeadingZeros) }})
	case "AS-10":
		cs = append(cs, condition{"AS-10", func(o arn.Options) bool { return has(o, arn.NonZeroBuilds) }})
	case buildOverflow:
		cs = append(cs, condition{"AS-10", func(o arn.Options) bool { return !has(o, arn.RegexOnly) }})
	}
	return cs
}

// expect computes the verdict and decisions of a case under o.
func expect(patternOK bool, cs []condition, o arn.Options) (bool, []arn.Decision) {
	if !patternOK {
		return false, nil
	}
	var flags, rejected decision.Set
	for _, c := range cs {
		flags = flags.With(c.d)
		if c.rejects(o) {
			rejected = rejected.With(c.d)
		}
	}
	if !rejected.IsEmpty() {
		return false, rejected.IDs()
	}
	return true, flags.IDs()
}

// formAccepted reports whether a version form is in a forms string.
func formAccepted(forms, form, text string) bool {
	switch form {
	case "N":
		return strings.Contains(forms, "N")
	case "WB":
		return false
	}
	if forms == "X" {
		return text == "x.x.x"
	}
	return strings.Contains(forms, form)
}

func TestValidateGeneratedImageBuilderShapes(t *testing.T) {
	o := loadOracle()
	n, errs := 0, 0
	check := func(shape string, s string, patternOK bool, cs []condition) {
		t.Helper()
		if errs > 10 {
			t.FailNow()
		}
		n++
		if got, want := o.defaultValid(shape, s), func() bool { v, _ := expect(patternOK, cs, arn.Options{}); return v }(); got != want {
			t.Fatalf("test table disagrees with the model oracle for %s %q: oracle %v, table %v", shape, s, got, want)
		}
		for _, opts := range optionSets {
			wantValid, wantDecisions := expect(patternOK, cs, opts)
			ds, err := opts.Check(shape, s)
			if (err == nil) != wantValid || !slices.Equal(ds, wantDecisions) {
				errs++
				t.Errorf("%v.Check(%s, %q) = valid %v %v (%v), want valid %v %v",
					opts.Readings, shape, s, err == nil, ds, err, wantValid, wantDecisions)
			}
			if len(opts.Readings) == 0 {
				if err := arn.Validate(shape, s); (err == nil) != wantValid {
					t.Errorf("Validate(%s, %q) = %v, want valid %v", shape, s, err, wantValid)
				}
			}
		}
	}
	for shape, f := range ibShapes {
		for _, p := range prefixes {
			for _, ow := range owners {
				for _, v := range versions {
					s := "arn:" + p.partition + ":imagebuilder:" + p.region + ":" + ow.owner + ":" + f.resource + "/my-name_1"
					if v.text != "" {
						s += "/" + v.text
					}
					ownerOK := ow.narrow || f.wide && ow.wide
					patternOK := (p.strict || !f.strict) && ownerOK && formAccepted(f.forms, v.form, v.text)
					check(shape, s, patternOK, conditionsOf(ow.flag, p.realistic, v.fails, false))
				}
			}
		}
	}
	for _, r := range genericResources {
		for _, p := range prefixes {
			for _, ow := range owners {
				for _, v := range versions {
					s := "arn:" + p.partition + ":imagebuilder:" + p.region + ":" + ow.owner + ":" + r.resource + "/my-name_1"
					if v.text != "" {
						s += "/" + v.text
					}
					mismatch := v.form == "WB" || !strings.Contains(r.forms, v.form) || v.form == "N" && r.forms != "N"
					check("ImageBuilderArn", s, ow.wide, conditionsOf(ow.flag, p.realistic, v.fails, mismatch))
				}
			}
		}
	}
	if n < 20000 {
		t.Fatalf("only %d generated cases", n)
	}
}

func TestValidateCases(t *testing.T) {
	const (
		ib   = "arn:aws:imagebuilder:us-east-1:123456789012:"
		acct = "123456789012"
		uuid = "0123abcd-89AB-cdef-0123-456789abcdef"
	)
	tests := []struct {
		name  string
		shape string
		in    string
		part  string // for invalid cases
		rule  string
		err   error
	}{
		{"recipe", "ImageRecipeArn", ib + "image-recipe/my-recipe/1.0.0", "", "", nil},
		{"recipe wildcard", "ImageRecipeArn", ib + "image-recipe/my-recipe/1.0.x", "", "", nil},
		{"recipe trailing newline", "ImageRecipeArn", ib + "image-recipe/my-recipe/1.0.0\n", "version", "pattern", arn.ErrSyntax},
		{"recipe build", "ImageRecipeArn", ib + "image-recipe/my-recipe/1.0.0/1", "build", "pattern", arn.ErrInvalid},
		{"recipe marketplace owner", "ImageRecipeArn", "arn:aws:imagebuilder:us-east-1:aws-marketplace:image-recipe/r/1.0.0", "account", "pattern", arn.ErrInvalid},
		{"recipe upper-case name", "ImageRecipeArn", ib + "image-recipe/My-recipe/1.0.0", "name", "pattern", arn.ErrSyntax},
		{"recipe two nodes", "ImageRecipeArn", ib + "image-recipe/r/1.0", "version", "pattern", arn.ErrSyntax},
		{"recipe four nodes", "ImageRecipeArn", ib + "image-recipe/r/1.0.0.1", "version", "pattern", arn.ErrSyntax},
		{"recipe v prefix", "ImageRecipeArn", ib + "image-recipe/r/v1.0.0", "version", "pattern", arn.ErrSyntax},
		{"recipe upper X", "ImageRecipeArn", ib + "image-recipe/r/1.0.X", "version", "pattern", arn.ErrSyntax},
		{"recipe pre-release", "ImageRecipeArn", ib + "image-recipe/r/1.0.0-beta", "version", "pattern", arn.ErrSyntax},
		{"recipe wrong type", "ImageRecipeArn", ib + "container-recipe/r/1.0.0", "resource type", "pattern", arn.ErrInvalid},
		{"wrong service", "ImageRecipeArn", "arn:aws:ec2:us-east-1:" + acct + ":image-recipe/r/1.0.0", "service", "pattern", arn.ErrInvalid},
		{"no prefix", "ImageRecipeArn", "image-recipe/r/1.0.0", "prefix", "pattern", arn.ErrSyntax},
		{"too few sections", "ImageRecipeArn", "arn:aws:imagebuilder:us-east-1", "region", "pattern", arn.ErrSyntax},
		{"empty region", "ImageRecipeArn", "arn:aws:imagebuilder::" + acct + ":image-recipe/r/1.0.0", "region", "pattern", arn.ErrSyntax},
		{"colon in resource", "ImageRecipeArn", ib + "image-recipe/r:1/1.0.0", "name", "pattern", arn.ErrSyntax},
		{"pipeline", "ImagePipelineArn", ib + "image-pipeline/my-pipeline", "", "", nil},
		{"pipeline version", "ImagePipelineArn", ib + "image-pipeline/my-pipeline/1.0.0", "version", "pattern", arn.ErrInvalid},
		{"pipeline trailing slash", "ImagePipelineArn", ib + "image-pipeline/my-pipeline/", "version", "pattern", arn.ErrInvalid},
		{"pipeline newline", "ImagePipelineArn", ib + "image-pipeline/my-pipeline\n", "name", "pattern", arn.ErrSyntax},
		{"lifecycle", "LifecyclePolicyArn", ib + "lifecycle-policy/p", "", "", nil},
		{"lifecycle loose partition", "LifecyclePolicyArn", "arn:awscn:imagebuilder:us-east-1:aws:lifecycle-policy/p", "partition", "pattern", arn.ErrSyntax},
		{"lifecycle region without number", "LifecyclePolicyArn", "arn:aws:imagebuilder:us-east:aws:lifecycle-policy/p", "region", "pattern", arn.ErrSyntax},
		{"lifecycle region one group", "LifecyclePolicyArn", "arn:aws:imagebuilder:useast-1:aws:lifecycle-policy/p", "region", "pattern", arn.ErrSyntax},
		{"lifecycle too long", "LifecyclePolicyArn", ib + "lifecycle-policy/" + strings.Repeat("p", 1024), "input", "length", arn.ErrInvalid},
		{"lifecycle max length", "LifecyclePolicyArn", ib + "lifecycle-policy/" + strings.Repeat("p", 1024-len(ib+"lifecycle-policy/")), "", "", nil},
		{"component build", "ComponentBuildVersionArn", "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/dd-prod-abc/0.1.0/1", "", "", nil},
		{"component build missing", "ComponentBuildVersionArn", ib + "component/c/1.0.0", "version", "pattern", arn.ErrInvalid},
		{"component build empty", "ComponentBuildVersionArn", ib + "component/c/1.0.0/", "build", "pattern", arn.ErrSyntax},
		{"component build not digits", "ComponentBuildVersionArn", ib + "component/c/1.0.0/a", "build", "pattern", arn.ErrSyntax},
		{"component version with build", "ComponentVersionArn", ib + "component/c/1.0.0/1", "build", "pattern", arn.ErrInvalid},
		{"component wildcard build", "ComponentVersionArnOrBuildVersionArn", ib + "component/c/1.x.x/1", "build", "pattern", arn.ErrInvalid},
		{"component misordered wildcard", "ComponentVersionArnOrBuildVersionArn", ib + "component/c/x.2.x", "version", "wildcard order", arn.ErrInvalid},
		{"component node too large", "ComponentVersionArn", ib + "component/c/1.1073741824.0", "version", "node range", arn.ErrInvalid},
		{"component node overflows 64 bits", "ComponentVersionArn", ib + "component/c/1.99999999999999999999999.0", "version", "node range", arn.ErrInvalid},
		{"component node limit", "ComponentVersionArn", ib + "component/c/1073741823.1073741823.1073741823", "", "", nil},
		{"image third-party", "ImageVersionArn", "arn:aws:imagebuilder:us-east-1:third-party:image/i/1.0.0", "", "", nil},
		{"image empty owner", "ImageVersionArn", "arn:aws:imagebuilder:us-east-1::image/i/1.0.0", "account", "pattern", arn.ErrInvalid},
		{"workflow upper-case stage", "WorkflowVersionArn", ib + "workflow/Build/w/1.0.0", "stage", "pattern", arn.ErrSyntax},
		{"workflow without stage", "WorkflowVersionArn", ib + "workflow/w/1.0.0", "stage", "pattern", arn.ErrSyntax},
		{"workflow stage only", "WorkflowVersionArn", ib + "workflow/build", "stage", "pattern", arn.ErrSyntax},
		{"workflow name", "WorkflowNameArn", "arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:workflow/distribution/d/x.x.x", "", "", nil},
		{"workflow name version", "WorkflowNameArn", ib + "workflow/test/t/1.x.x", "version", "pattern", arn.ErrInvalid},
		{"workflow build too long", "WorkflowBuildVersionArn", ib + "workflow/build/" + strings.Repeat("w", 1000) + "/1.0.0/1", "input", "length", arn.ErrInvalid},
		{"generic unknown type", "ImageBuilderArn", ib + "recipe/r/1.0.0", "resource type", "pattern", arn.ErrInvalid},
		{"generic no resource type", "ImageBuilderArn", ib + "image", "resource type", "pattern", arn.ErrSyntax},
		{"generic pipeline version", "ImageBuilderArn", ib + "image-pipeline/p/1.0.0", "", "", nil},
		{"role name", "RoleNameOrArn", "EC2InstanceProfileForImageBuilder", "", "", nil},
		{"role path", "RoleNameOrArn", "service-role/My+Role=,.@_-", "", "", nil},
		{"role arn", "RoleNameOrArn", "arn:aws-us-gov:iam::" + acct + ":role/path/MyRole", "", "", nil},
		{"role empty", "RoleNameOrArn", "", "input", "length", arn.ErrInvalid},
		{"role too long", "RoleNameOrArn", strings.Repeat("r", 2049), "input", "length", arn.ErrInvalid},
		{"role user arn", "RoleNameOrArn", "arn:aws:iam::" + acct + ":user/Bob", "resource type", "pattern", arn.ErrInvalid},
		{"role region", "RoleNameOrArn", "arn:aws:iam:us-east-1:" + acct + ":role/R", "region", "pattern", arn.ErrSyntax},
		{"role loose partition", "RoleNameOrArn", "arn:awsx:iam::" + acct + ":role/R", "partition", "pattern", arn.ErrSyntax},
		{"role space", "RoleNameOrArn", "My Role", "name", "pattern", arn.ErrSyntax},
		{"role colon", "RoleNameOrArn", "role:x", "prefix", "pattern", arn.ErrSyntax},
		{"sns", "SnsTopicArn", "arn:aws:sns:us-east-1:" + acct + ":my_topic-1", "", "", nil},
		{"sns fifo", "SnsTopicArn", "arn:aws:sns:us-east-1:" + acct + ":topic.fifo", "name", "pattern", arn.ErrSyntax},
		{"sns aws owner", "SnsTopicArn", "arn:aws:sns:us-east-1:aws:topic", "account", "pattern", arn.ErrInvalid},
		{"sns long topic", "SnsTopicArn", "arn:aws:sns:us-east-1:" + acct + ":" + strings.Repeat("t", 257), "name", "pattern", arn.ErrSyntax},
		{"license", "LicenseConfigurationArn", "arn:aws:license-manager:us-east-1:" + acct + ":license-configuration:lic-" + strings.Repeat("a", 32), "", "", nil},
		{"license slash", "LicenseConfigurationArn", "arn:aws:license-manager:us-east-1:" + acct + ":license-configuration/lic-" + strings.Repeat("a", 32), "resource type", "pattern", arn.ErrInvalid},
		{"license short", "LicenseConfigurationArn", "arn:aws:license-manager:us-east-1:" + acct + ":license-configuration:lic-" + strings.Repeat("a", 31), "name", "pattern", arn.ErrSyntax},
		{"organization", "OrganizationArn", "arn:aws:organizations::" + acct + ":organization/o-abcdefghij", "", "", nil},
		{"organization region", "OrganizationArn", "arn:aws:organizations:us-east-1:" + acct + ":organization/o-abcdefghij", "region", "pattern", arn.ErrSyntax},
		{"organization short id", "OrganizationArn", "arn:aws:organizations::" + acct + ":organization/o-abc", "name", "pattern", arn.ErrSyntax},
		{"ou", "OrganizationalUnitArn", "arn:aws:organizations::" + acct + ":ou/o-abcdefghij/ou-ab12-cdef5678", "", "", nil},
		{"ou trailing text", "OrganizationalUnitArn", "arn:aws:organizations::" + acct + ":ou/o-abcdefghij/ou-ab12-cdef5678/anything", "name", "anchored", arn.ErrSyntax},
		{"ou short", "OrganizationalUnitArn", "arn:aws:organizations::" + acct + ":ou/o-abcdefghij/ou-ab12-cdef567", "name", "pattern", arn.ErrSyntax},
		{"account", "AccountId", acct, "", "", nil},
		{"account aws", "AccountId", "aws", "input", "pattern", arn.ErrSyntax},
		{"account 13 digits", "AccountId", acct + "0", "input", "pattern", arn.ErrSyntax},
		{"launch template", "LaunchTemplateId", "lt-0123456789abcdef0", "", "", nil},
		{"launch template legacy", "LaunchTemplateId", "lt-01234567", "input", "pattern", arn.ErrSyntax},
		{"launch template upper", "LaunchTemplateId", "lt-0123456789ABCDEF0", "input", "pattern", arn.ErrSyntax},
		{"lifecycle execution", "LifecycleExecutionId", "lce-" + uuid, "", "", nil},
		{"workflow execution", "WorkflowExecutionId", "wf-" + uuid, "", "", nil},
		{"workflow execution wrong prefix", "WorkflowExecutionId", "lce-" + uuid, "input", "pattern", arn.ErrSyntax},
		{"step execution", "WorkflowStepExecutionId", "step-" + uuid, "", "", nil},
		{"step execution bad hex", "WorkflowStepExecutionId", "step-" + strings.Replace(uuid, "a", "g", 1), "input", "pattern", arn.ErrSyntax},
		{"ssm parameter", "SsmParameterName", "/ibkit/ami/latest-id.x_y", "", "", nil},
		{"ssm prefixed", "SsmParameterName", "ssm:/a", "input", "pattern", arn.ErrSyntax},
		{"ssm too long", "SsmParameterName", strings.Repeat("a", 1012), "input", "length", arn.ErrInvalid},
		{"instance profile", "InstanceProfileNameType", "My_Profile+=,.@-1", "", "", nil},
		{"instance profile arn", "InstanceProfileNameType", "arn:aws:iam::" + acct + ":instance-profile/p", "input", "pattern", arn.ErrSyntax},
		{"s3 location", "MarketplaceResourceLocation", "s3://bucket/key/file.txt", "", "", nil},
		{"s3 trailing slash", "MarketplaceResourceLocation", "s3://bucket/key/", "input", "pattern", arn.ErrSyntax},
		{"s3 one character key", "MarketplaceResourceLocation", "s3://bucket/k", "input", "pattern", arn.ErrSyntax},
		{"s3 no bucket", "MarketplaceResourceLocation", "s3:///key", "input", "pattern", arn.ErrSyntax},
		{"resource name", "ResourceName", "My Recipe_1-a", "", "", nil},
		{"resource name short", "ResourceName", "ab", "input", "pattern", arn.ErrSyntax},
		{"resource name leading space", "ResourceName", " abc", "input", "pattern", arn.ErrSyntax},
		{"resource name dot", "ResourceName", "a.bc", "input", "pattern", arn.ErrSyntax},
		{"resource name max", "ResourceName", strings.Repeat("n", 128), "", "", nil},
		{"resource name too long", "ResourceName", strings.Repeat("n", 129), "input", "pattern", arn.ErrSyntax},
		{"product code", "ProductCodeId", "abc123XYZ", "", "", nil},
		{"product code long", "ProductCodeId", strings.Repeat("a", 26), "input", "pattern", arn.ErrSyntax},
		{"log group", "LogGroupName", "/aws/imagebuilder/my-recipe_1.0", "", "", nil},
		{"log group colon", "LogGroupName", "a:b", "input", "pattern", arn.ErrSyntax},
		{"version number", "VersionNumber", "2021.01.01", "", "", nil},
		{"version number wildcard", "VersionNumber", "1.0.x", "version", "pattern", arn.ErrInvalid},
		{"version number build", "VersionNumber", "1.0.0/1", "version", "pattern", arn.ErrSyntax},
		{"version number too large", "VersionNumber", "1073741824.0.0", "version", "node range", arn.ErrInvalid},
		{"wildcard version number", "WildcardVersionNumber", "1.x.x", "", "", nil},
		{"wildcard version misordered", "WildcardVersionNumber", "1.x.8", "version", "wildcard order", arn.ErrInvalid},
		{"unknown shape", ("ImageArn"), ib + "image/i/1.0.0", "input", "shape", arn.ErrUnknown},
		{"empty shape", (""), "", "input", "shape", arn.ErrUnknown},
	}
	o := loadOracle()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := arn.Validate(tt.shape, tt.in)
			if tt.err == nil {
				require.NoError(t, err)
			} else {
				var e *arn.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.part, e.Part, "part")
				assert.Equal(t, tt.rule, e.Rule, "rule")
				assert.ErrorIs(t, err, tt.err)
				assert.Equal(t, tt.in, e.Input)
				assert.Equal(t, tt.shape, e.Shape)
			}
			if tt.rule != "shape" {
				assert.Equal(t, o.defaultValid(tt.shape, tt.in), err == nil, "model oracle's verdict")
			}
		})
	}
}

func TestCheckDecisions(t *testing.T) {
	const ib = "arn:aws:imagebuilder:us-east-1:123456789012:"
	tests := []struct {
		name      string
		opts      arn.Options
		shape     string
		in        string
		valid     bool
		rule      string // "" when valid
		decisions []arn.Decision
	}{
		{"plain", arn.Options{}, "ImageVersionArn", ib + "image/i/1.0.0", true, "", nil},
		{"third-party flagged", arn.Options{}, "ComponentVersionArnOrBuildVersionArn",
			"arn:aws:imagebuilder:us-east-1:third-party:component/cis-benchmark-level-1-amazon-linux/x.x.x", true, "", []arn.Decision{"AS-2"}},
		{"third-party rejected", readings(arn.ModelOwnersOnly), "ComponentVersionArnOrBuildVersionArn",
			"arn:aws:imagebuilder:us-east-1:third-party:component/c/x.x.x", false, "third-party owner", []arn.Decision{"AS-2"}},
		{"third-party on recipe", arn.Options{}, "ImageRecipeArn",
			"arn:aws:imagebuilder:us-east-1:third-party:image-recipe/r/1.0.0", false, "pattern", nil},
		{"other aws owner", arn.Options{}, "ImageVersionArn",
			"arn:aws:imagebuilder:us-east-1:aws-foo:image/i/1.0.0", true, "", []arn.Decision{"AS-3"}},
		{"other aws owner rejected", readings(arn.KnownOwnersOnly), "ImageVersionArn",
			"arn:aws:imagebuilder:us-east-1:aws-foo:image/i/1.0.0", false, "known owner", []arn.Decision{"AS-3"}},
		{"generic name ARN", arn.Options{}, "ImageBuilderArn", ib + "image/i", true, "", []arn.Decision{"AS-4"}},
		{"generic pipeline version", arn.Options{}, "ImageBuilderArn", ib + "image-pipeline/p/1.0.0", true, "", []arn.Decision{"AS-4"}},
		{"unrealistic region flagged", arn.Options{}, "ImageVersionArn",
			"arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0", true, "", []arn.Decision{"AS-5"}},
		{"unrealistic region linted", readings(arn.StrictRegions, arn.NonZeroBuilds), "ImageVersionArn",
			"arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0", false, "partition and region realism", []arn.Decision{"AS-5"}},
		{"leading zeros", arn.Options{}, "ImageVersionArn", ib + "image/i/2021.01.01", true, "", []arn.Decision{"AS-6"}},
		{"leading zeros rejected", readings(arn.RejectLeadingZeros), "ImageVersionArn", ib + "image/i/2021.01.01", false, "leading zero", []arn.Decision{"AS-6"}},
		{"leading zero build rejected", readings(arn.RejectLeadingZeros), "ImageBuildVersionArn", ib + "image/i/1.0.0/01", false, "leading zero", []arn.Decision{"AS-6"}},
		{"build zero", arn.Options{}, "ImageBuildVersionArn", ib + "image/i/1.0.0/0", true, "", []arn.Decision{"AS-10"}},
		{"build zero linted", readings(arn.StrictRegions, arn.NonZeroBuilds), "ImageBuildVersionArn", ib + "image/i/1.0.0/0", false, "build range", []arn.Decision{"AS-10"}},
		{"misordered wildcard", arn.Options{}, "WildcardVersionNumber", "x.2.x", false, "wildcard order", []arn.Decision{"AS-1"}},
		{"misordered wildcard regex only", readings(arn.RegexOnly), "WildcardVersionNumber", "x.2.x", true, "", []arn.Decision{"AS-1"}},
		{"ou trailing text regex only", readings(arn.RegexOnly), "OrganizationalUnitArn",
			"arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef5678/anything", true, "", []arn.Decision{"AS-1"}},
		{"several rejections", readings(arn.StrictRegions, arn.NonZeroBuilds, arn.ModelOwnersOnly), "ImageBuildVersionArn",
			"arn:aws-cn:imagebuilder:us-east-1:third-party:image/i/1.0.0/0", false, "partition and region realism", []arn.Decision{"AS-2", "AS-5", "AS-10"}},
		{"pattern failure beats decision", readings(arn.StrictRegions, arn.NonZeroBuilds), "ImageVersionArn",
			"arn:aws-cn:imagebuilder:us-east-1:aws:image/I/1.0.0", false, "pattern", nil},
		{"role arn unknown partition", arn.Options{}, "RoleNameOrArn", "arn:aws-mars:iam::123456789012:role/R", true, "", []arn.Decision{"AS-5"}},
		// Python's $ also matches before a final newline, so only AS-1's
		// Go anchoring rejects these: the verdict depends on AS-1.
		{"trailing newline flagged", arn.Options{}, "ImagePipelineArn", ib + "image-pipeline/p\n", false, "pattern", []arn.Decision{"AS-1"}},
		{"trailing newline on version", arn.Options{}, "VersionNumber", "1.2.3\n", false, "pattern", []arn.Decision{"AS-1"}},
		{"newline not the only fault", arn.Options{}, "ImagePipelineArn", ib + "image-pipeline/P\n", false, "pattern", nil},
		{"two newlines", arn.Options{}, "ImagePipelineArn", ib + "image-pipeline/p\n\n", false, "pattern", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ds, err := tt.opts.Check(tt.shape, tt.in)
			assert.Equal(t, tt.decisions, ds, "decisions")
			if tt.valid {
				assert.NoError(t, err)
				return
			}
			var e *arn.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.rule, e.Rule, "rule")
			assert.Equal(t, tt.shape, e.Shape, "shape")
		})
	}
}

func TestErrorMessages(t *testing.T) {
	const ib = "arn:aws:imagebuilder:us-east-1:123456789012:"
	img := arn.MustParse(ib + "image/a/1.0.0/1")
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"version on an unversioned type", parseErr(ib + "lifecycle-policy/p/1.0.0"),
			`arn: parsing "` + ib + `lifecycle-policy/p/1.0.0": version "1.0.0": expected no version: a lifecycle-policy ARN takes no version`},
		{"build on a recipe", parseErr(ib + "image-recipe/r/1.0.0/2"),
			`arn: parsing "` + ib + `image-recipe/r/1.0.0/2": build "2": expected no build: an image-recipe ARN has no build number`},
		{"build after a wildcard", parseErr(ib + "image/i/x.x.x/2"),
			`arn: parsing "` + ib + `image/i/x.x.x/2": build "2": expected no build after a wildcard version`},
		{"section after the build", parseErr(ib + "image/a/1.0.0/1/2"),
			`arn: parsing "` + ib + `image/a/1.0.0/1/2": build "1/2": expected the ARN to end after the build number; found the extra section "/2"`},
		{"narrow owner", validateErr("ImageRecipeArn", "arn:aws:imagebuilder:us-east-1:amazon:image-recipe/r/1.0.0"),
			`arn: invalid ImageRecipeArn "arn:aws:imagebuilder:us-east-1:amazon:image-recipe/r/1.0.0": account "amazon": expected a 12-digit account ID or "aws"`},
		{"account ID", validateErr("AccountId", "aws"), `arn: invalid AccountId "aws": expected exactly 12 digits`},
		{"unknown shape", validateErr("ImageArn", "x"), `arn: unknown shape "ImageArn": expected a shape name listed by Shapes`},
		{"final newline", validateErr("VersionNumber", "1.2.3\n"),
			`arn: invalid VersionNumber "1.2.3\n": version "1.2.3\n": expected major.minor.patch, such as 1.2.3`},
		{"unknown reading", func() error {
			_, err := arn.Options{Readings: []arn.Decision{"AS-7"}}.Check("AccountId", "123456789012")
			return err
		}, `arn: unknown reading "AS-7": decision "AS-7" has no other reading here; expected one of AS-1, AS-2, AS-3, AS-4, AS-5, AS-6, AS-9, AS-10`},
		{"keep below 0", func() error { _, err := img.WildcardARN(-1); return err },
			`arn: parsing "` + ib + `image/a/1.0.0/1": version "1.0.0/1": found keep -1, expected 0 to 3 nodes to keep`},
		{"keep above 3", func() error { _, err := img.WildcardARN(4); return err },
			`arn: parsing "` + ib + `image/a/1.0.0/1": version "1.0.0/1": found keep 4, expected 0 to 3 nodes to keep`},
		{"wildcard of the zero ARN", func() error { _, err := arn.ARN{}.WildcardARN(1); return err },
			`arn: parsing "": version "": found the zero ARN, expected an ARN to make a wildcard version of`},
		{"name with a version", func() error { _, err := arn.New("aws", "us-east-1", "123456789012", arn.Image, "a/1.0.0"); return err },
			`arn: parsing "` + ib + `image/a/1.0.0": name "a/1.0.0": expected one or more lower-case letters, digits, '-' or '_' and nothing else (Name derives it from a resource name)`},
		{"colon in the region", func() error { _, err := arn.New("aws", "us:east-1", "123456789012", arn.Image, "a"); return err },
			`arn: parsing "arn:aws:imagebuilder:us:east-1:123456789012:image/a": region "us:east-1": expected no ':' in the region: it separates the sections of an ARN`},
		{"workflow stage", func() error { _, err := arn.NewWorkflow("aws", "us-east-1", "aws", "deploy", "w"); return err },
			`arn: parsing "arn:aws:imagebuilder:us-east-1:aws:workflow/deploy/w": stage "deploy": expected build, test or distribution`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, tt.err(), tt.want)
		})
	}
}

// parseErr returns the error of Parse(s), for tables of messages.
func parseErr(s string) func() error {
	return func() error { _, err := arn.Parse(s); return err }
}

// validateErr returns the error of Validate(shape, s), for tables of
// messages.
func validateErr(shape, s string) func() error {
	return func() error { return arn.Validate(shape, s) }
}

func TestShapes(t *testing.T) {
	shapes := arn.Shapes()
	require.Len(t, shapes, len(modelPatterns), "Shapes() and the model table")
	seen := map[string]bool{}
	for _, s := range shapes {
		assert.False(t, seen[s], "duplicate shape %s", s)
		seen[s] = true
		assert.Contains(t, modelPatterns, s, "shape %s has no model pattern in the test table", s)
		assert.NotErrorIs(t, arn.Validate(s, ""), arn.ErrUnknown, "shape %s", s)
	}
	assert.ErrorIs(t, arn.Validate("Arn", ""), arn.ErrUnknown)
	shapes[0] = "changed"
	assert.Equal(t, "ImageRecipeArn", arn.Shapes()[0], "Shapes shares its slice between calls")
}

func TestReadings(t *testing.T) {
	want := []arn.Decision{"AS-1", "AS-2", "AS-3", "AS-4", "AS-5", "AS-6", "AS-9", "AS-10"}
	got := []arn.Decision{arn.RegexOnly, arn.ModelOwnersOnly, arn.KnownOwnersOnly, arn.GenericPatternOnly,
		arn.StrictRegions, arn.RejectLeadingZeros, arn.UnderscoreToHyphen, arn.NonZeroBuilds}
	assert.Equal(t, want, got)
	// Every reading is offered, and naming one twice is allowed.
	_, err := arn.Options{Readings: append(got, got...)}.Check("AccountId", "123456789012")
	assert.NoError(t, err)
}
