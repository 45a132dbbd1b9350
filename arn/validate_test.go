package arn_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
)

// shapeFacts restates, per Image Builder ARN shape, the shape table of the
// specification: resource, prefix dialect, owner set and version forms.
type shapeFacts struct {
	resource string // such as "image" or "workflow/build"
	strict   bool   // lifecycle and workflow dialect
	wide     bool   // owners aws-*, and third-party by AS-2
	forms    string // accepted forms among N (none), V, W, B; X means x.x.x only
}

var ibShapes = map[arn.Shape]shapeFacts{
	arn.ImageRecipeArn:                       {"image-recipe", false, false, "VW"},
	arn.ContainerRecipeArn:                   {"container-recipe", false, false, "VW"},
	arn.InfrastructureConfigurationArn:       {"infrastructure-configuration", false, false, "N"},
	arn.DistributionConfigurationArn:         {"distribution-configuration", false, false, "N"},
	arn.ImagePipelineArn:                     {"image-pipeline", false, false, "N"},
	arn.LifecyclePolicyArn:                   {"lifecycle-policy", true, false, "N"},
	arn.ComponentBuildVersionArn:             {"component", false, true, "B"},
	arn.ComponentVersionArn:                  {"component", false, true, "V"},
	arn.ComponentVersionArnOrBuildVersionArn: {"component", false, true, "VWB"},
	arn.ImageBuildVersionArn:                 {"image", false, true, "B"},
	arn.ImageVersionArn:                      {"image", false, true, "V"},
	arn.ImageVersionArnOrBuildVersionArn:     {"image", false, true, "VWB"},
	arn.WorkflowBuildVersionArn:              {"workflow/build", true, true, "B"},
	arn.WorkflowVersionArn:                   {"workflow/test", true, true, "V"},
	arn.WorkflowWildcardVersionArn:           {"workflow/distribution", true, true, "VW"},
	arn.WorkflowNameArn:                      {"workflow/build", true, true, "X"},
	arn.WorkflowVersionArnOrBuildVersionArn:  {"workflow/test", true, true, "VWB"},
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
	{"third-party", false, true, arn.AS2},
	{"aws-foo", false, true, arn.AS3},
	{"aws--", false, true, arn.AS3},
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
	{"1.x.3", "W", arn.AS1},
	{"1073741824.0.0", "V", arn.AS1},
	{"1.2.3/18446744073709551616", "B", buildOverflow},
	{"2021.01.01", "V", arn.AS6},
	{"1.2.3/0", "B", arn.AS10},
}

// buildOverflow marks the version whose build does not fit in 64 bits: AS-10
// flags it, and only RegexOnly accepts it.
const buildOverflow arn.Decision = "AS-10 overflow"

// optionSets are the readings every generated case is checked under.
var optionSets = []arn.Options{
	{},
	{RegexOnly: true},
	{ModelOwnersOnly: true},
	{KnownOwnersOnly: true},
	{StrictLint: true},
	{RejectLeadingZeros: true},
}

// condition is a decision-dependent rule that applies to a case.
type condition struct {
	d       arn.Decision
	rejects func(arn.Options) bool
}

func conditionsOf(owner arn.Decision, realistic bool, version arn.Decision, typeMismatch bool) []condition {
	var cs []condition
	switch owner {
	case arn.AS2:
		cs = append(cs, condition{arn.AS2, func(o arn.Options) bool { return o.ModelOwnersOnly }})
	case arn.AS3:
		cs = append(cs, condition{arn.AS3, func(o arn.Options) bool { return o.KnownOwnersOnly }})
	}
	if !realistic {
		cs = append(cs, condition{arn.AS5, func(o arn.Options) bool { return o.StrictLint }})
	}
	if typeMismatch {
		cs = append(cs, condition{arn.AS4, func(arn.Options) bool { return false }})
	}
	switch version {
	case arn.AS1:
		cs = append(cs, condition{arn.AS1, func(o arn.Options) bool { return !o.RegexOnly }})
	case arn.AS6:
		cs = append(cs, condition{arn.AS6, func(o arn.Options) bool { return o.RejectLeadingZeros }})
	case arn.AS10:
		cs = append(cs, condition{arn.AS10, func(o arn.Options) bool { return o.StrictLint }})
	case buildOverflow:
		cs = append(cs, condition{arn.AS10, func(o arn.Options) bool { return !o.RegexOnly }})
	}
	return cs
}

// expect computes the verdict and decisions of a case under o.
func expect(patternOK bool, cs []condition, o arn.Options) (bool, arn.Decisions) {
	if !patternOK {
		return false, 0
	}
	var flags, rejected arn.Decisions
	for _, c := range cs {
		flags = flags.With(c.d)
		if c.rejects(o) {
			rejected = rejected.With(c.d)
		}
	}
	if rejected != 0 {
		return false, rejected
	}
	return true, flags
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
	check := func(shape arn.Shape, s string, patternOK bool, cs []condition) {
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
			r := opts.Check(shape, s)
			if r.Valid() != wantValid || r.Decisions != wantDecisions {
				errs++
				t.Errorf("%+v.Check(%s, %q) = valid %v %v (%v), want valid %v %v",
					opts, shape, s, r.Valid(), r.Decisions, r.Err, wantValid, wantDecisions)
			}
			if err := opts.Validate(shape, s); (err == nil) != wantValid {
				t.Errorf("%+v.Validate(%s, %q) = %v, want valid %v", opts, shape, s, err, wantValid)
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
					check(arn.ImageBuilderArn, s, ow.wide, conditionsOf(ow.flag, p.realistic, v.fails, mismatch))
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
		shape arn.Shape
		in    string
		field arn.Field // for invalid cases
		rule  arn.Rule
		err   error
	}{
		{"recipe", arn.ImageRecipeArn, ib + "image-recipe/my-recipe/1.0.0", 0, 0, nil},
		{"recipe wildcard", arn.ImageRecipeArn, ib + "image-recipe/my-recipe/1.0.x", 0, 0, nil},
		{"recipe trailing newline", arn.ImageRecipeArn, ib + "image-recipe/my-recipe/1.0.0\n", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"recipe build", arn.ImageRecipeArn, ib + "image-recipe/my-recipe/1.0.0/1", arn.FieldBuild, arn.RulePattern, arn.ErrVersionForm},
		{"recipe marketplace owner", arn.ImageRecipeArn, "arn:aws:imagebuilder:us-east-1:aws-marketplace:image-recipe/r/1.0.0", arn.FieldAccount, arn.RulePattern, arn.ErrOwner},
		{"recipe upper-case name", arn.ImageRecipeArn, ib + "image-recipe/My-recipe/1.0.0", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"recipe two nodes", arn.ImageRecipeArn, ib + "image-recipe/r/1.0", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"recipe four nodes", arn.ImageRecipeArn, ib + "image-recipe/r/1.0.0.1", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"recipe v prefix", arn.ImageRecipeArn, ib + "image-recipe/r/v1.0.0", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"recipe upper X", arn.ImageRecipeArn, ib + "image-recipe/r/1.0.X", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"recipe pre-release", arn.ImageRecipeArn, ib + "image-recipe/r/1.0.0-beta", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"recipe wrong type", arn.ImageRecipeArn, ib + "container-recipe/r/1.0.0", arn.FieldResourceType, arn.RulePattern, arn.ErrResourceType},
		{"wrong service", arn.ImageRecipeArn, "arn:aws:ec2:us-east-1:" + acct + ":image-recipe/r/1.0.0", arn.FieldService, arn.RulePattern, arn.ErrService},
		{"no prefix", arn.ImageRecipeArn, "image-recipe/r/1.0.0", arn.FieldPrefix, arn.RulePattern, arn.ErrSyntax},
		{"too few sections", arn.ImageRecipeArn, "arn:aws:imagebuilder:us-east-1", arn.FieldRegion, arn.RulePattern, arn.ErrSyntax},
		{"empty region", arn.ImageRecipeArn, "arn:aws:imagebuilder::" + acct + ":image-recipe/r/1.0.0", arn.FieldRegion, arn.RulePattern, arn.ErrSyntax},
		{"colon in resource", arn.ImageRecipeArn, ib + "image-recipe/r:1/1.0.0", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"pipeline", arn.ImagePipelineArn, ib + "image-pipeline/my-pipeline", 0, 0, nil},
		{"pipeline version", arn.ImagePipelineArn, ib + "image-pipeline/my-pipeline/1.0.0", arn.FieldVersion, arn.RulePattern, arn.ErrVersionForm},
		{"pipeline trailing slash", arn.ImagePipelineArn, ib + "image-pipeline/my-pipeline/", arn.FieldVersion, arn.RulePattern, arn.ErrVersionForm},
		{"pipeline newline", arn.ImagePipelineArn, ib + "image-pipeline/my-pipeline\n", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"lifecycle", arn.LifecyclePolicyArn, ib + "lifecycle-policy/p", 0, 0, nil},
		{"lifecycle loose partition", arn.LifecyclePolicyArn, "arn:awscn:imagebuilder:us-east-1:aws:lifecycle-policy/p", arn.FieldPartition, arn.RulePattern, arn.ErrSyntax},
		{"lifecycle region without number", arn.LifecyclePolicyArn, "arn:aws:imagebuilder:us-east:aws:lifecycle-policy/p", arn.FieldRegion, arn.RulePattern, arn.ErrSyntax},
		{"lifecycle region one group", arn.LifecyclePolicyArn, "arn:aws:imagebuilder:useast-1:aws:lifecycle-policy/p", arn.FieldRegion, arn.RulePattern, arn.ErrSyntax},
		{"lifecycle too long", arn.LifecyclePolicyArn, ib + "lifecycle-policy/" + strings.Repeat("p", 1024), arn.FieldInput, arn.RuleLength, arn.ErrLength},
		{"lifecycle max length", arn.LifecyclePolicyArn, ib + "lifecycle-policy/" + strings.Repeat("p", 1024-len(ib+"lifecycle-policy/")), 0, 0, nil},
		{"component build", arn.ComponentBuildVersionArn, "arn:aws:imagebuilder:us-east-1:aws-marketplace:component/dd-prod-abc/0.1.0/1", 0, 0, nil},
		{"component build missing", arn.ComponentBuildVersionArn, ib + "component/c/1.0.0", arn.FieldVersion, arn.RulePattern, arn.ErrVersionForm},
		{"component build empty", arn.ComponentBuildVersionArn, ib + "component/c/1.0.0/", arn.FieldBuild, arn.RulePattern, arn.ErrSyntax},
		{"component build not digits", arn.ComponentBuildVersionArn, ib + "component/c/1.0.0/a", arn.FieldBuild, arn.RulePattern, arn.ErrSyntax},
		{"component version with build", arn.ComponentVersionArn, ib + "component/c/1.0.0/1", arn.FieldBuild, arn.RulePattern, arn.ErrVersionForm},
		{"component wildcard build", arn.ComponentVersionArnOrBuildVersionArn, ib + "component/c/1.x.x/1", arn.FieldBuild, arn.RulePattern, arn.ErrVersionForm},
		{"component misordered wildcard", arn.ComponentVersionArnOrBuildVersionArn, ib + "component/c/x.2.x", arn.FieldVersion, arn.RuleWildcardOrder, semver.ErrInvalid},
		{"component node too large", arn.ComponentVersionArn, ib + "component/c/1.1073741824.0", arn.FieldVersion, arn.RuleNodeRange, semver.ErrInvalid},
		{"component node overflows 64 bits", arn.ComponentVersionArn, ib + "component/c/1.99999999999999999999999.0", arn.FieldVersion, arn.RuleNodeRange, semver.ErrInvalid},
		{"component node limit", arn.ComponentVersionArn, ib + "component/c/1073741823.1073741823.1073741823", 0, 0, nil},
		{"image third-party", arn.ImageVersionArn, "arn:aws:imagebuilder:us-east-1:third-party:image/i/1.0.0", 0, 0, nil},
		{"image empty owner", arn.ImageVersionArn, "arn:aws:imagebuilder:us-east-1::image/i/1.0.0", arn.FieldAccount, arn.RulePattern, arn.ErrOwner},
		{"workflow upper-case stage", arn.WorkflowVersionArn, ib + "workflow/Build/w/1.0.0", arn.FieldStage, arn.RulePattern, arn.ErrSyntax},
		{"workflow without stage", arn.WorkflowVersionArn, ib + "workflow/w/1.0.0", arn.FieldStage, arn.RulePattern, arn.ErrSyntax},
		{"workflow stage only", arn.WorkflowVersionArn, ib + "workflow/build", arn.FieldStage, arn.RulePattern, arn.ErrSyntax},
		{"workflow name", arn.WorkflowNameArn, "arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:workflow/distribution/d/x.x.x", 0, 0, nil},
		{"workflow name version", arn.WorkflowNameArn, ib + "workflow/test/t/1.x.x", arn.FieldVersion, arn.RulePattern, arn.ErrVersionForm},
		{"workflow build too long", arn.WorkflowBuildVersionArn, ib + "workflow/build/" + strings.Repeat("w", 1000) + "/1.0.0/1", arn.FieldInput, arn.RuleLength, arn.ErrLength},
		{"generic unknown type", arn.ImageBuilderArn, ib + "recipe/r/1.0.0", arn.FieldResourceType, arn.RulePattern, arn.ErrResourceType},
		{"generic no resource type", arn.ImageBuilderArn, ib + "image", arn.FieldResourceType, arn.RulePattern, arn.ErrSyntax},
		{"generic pipeline version", arn.ImageBuilderArn, ib + "image-pipeline/p/1.0.0", 0, 0, nil},
		{"role name", arn.RoleNameOrArn, "EC2InstanceProfileForImageBuilder", 0, 0, nil},
		{"role path", arn.RoleNameOrArn, "service-role/My+Role=,.@_-", 0, 0, nil},
		{"role arn", arn.RoleNameOrArn, "arn:aws-us-gov:iam::" + acct + ":role/path/MyRole", 0, 0, nil},
		{"role empty", arn.RoleNameOrArn, "", arn.FieldInput, arn.RuleLength, arn.ErrLength},
		{"role too long", arn.RoleNameOrArn, strings.Repeat("r", 2049), arn.FieldInput, arn.RuleLength, arn.ErrLength},
		{"role user arn", arn.RoleNameOrArn, "arn:aws:iam::" + acct + ":user/Bob", arn.FieldResourceType, arn.RulePattern, arn.ErrResourceType},
		{"role region", arn.RoleNameOrArn, "arn:aws:iam:us-east-1:" + acct + ":role/R", arn.FieldRegion, arn.RulePattern, arn.ErrSyntax},
		{"role loose partition", arn.RoleNameOrArn, "arn:awsx:iam::" + acct + ":role/R", arn.FieldPartition, arn.RulePattern, arn.ErrSyntax},
		{"role space", arn.RoleNameOrArn, "My Role", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"role colon", arn.RoleNameOrArn, "role:x", arn.FieldPrefix, arn.RulePattern, arn.ErrSyntax},
		{"sns", arn.SnsTopicArn, "arn:aws:sns:us-east-1:" + acct + ":my_topic-1", 0, 0, nil},
		{"sns fifo", arn.SnsTopicArn, "arn:aws:sns:us-east-1:" + acct + ":topic.fifo", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"sns aws owner", arn.SnsTopicArn, "arn:aws:sns:us-east-1:aws:topic", arn.FieldAccount, arn.RulePattern, arn.ErrOwner},
		{"sns long topic", arn.SnsTopicArn, "arn:aws:sns:us-east-1:" + acct + ":" + strings.Repeat("t", 257), arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"license", arn.LicenseConfigurationArn, "arn:aws:license-manager:us-east-1:" + acct + ":license-configuration:lic-" + strings.Repeat("a", 32), 0, 0, nil},
		{"license slash", arn.LicenseConfigurationArn, "arn:aws:license-manager:us-east-1:" + acct + ":license-configuration/lic-" + strings.Repeat("a", 32), arn.FieldResourceType, arn.RulePattern, arn.ErrResourceType},
		{"license short", arn.LicenseConfigurationArn, "arn:aws:license-manager:us-east-1:" + acct + ":license-configuration:lic-" + strings.Repeat("a", 31), arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"organization", arn.OrganizationArn, "arn:aws:organizations::" + acct + ":organization/o-abcdefghij", 0, 0, nil},
		{"organization region", arn.OrganizationArn, "arn:aws:organizations:us-east-1:" + acct + ":organization/o-abcdefghij", arn.FieldRegion, arn.RulePattern, arn.ErrSyntax},
		{"organization short id", arn.OrganizationArn, "arn:aws:organizations::" + acct + ":organization/o-abc", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"ou", arn.OrganizationalUnitArn, "arn:aws:organizations::" + acct + ":ou/o-abcdefghij/ou-ab12-cdef5678", 0, 0, nil},
		{"ou trailing text", arn.OrganizationalUnitArn, "arn:aws:organizations::" + acct + ":ou/o-abcdefghij/ou-ab12-cdef5678/anything", arn.FieldName, arn.RuleAnchored, arn.ErrSyntax},
		{"ou short", arn.OrganizationalUnitArn, "arn:aws:organizations::" + acct + ":ou/o-abcdefghij/ou-ab12-cdef567", arn.FieldName, arn.RulePattern, arn.ErrSyntax},
		{"account", arn.AccountId, acct, 0, 0, nil},
		{"account aws", arn.AccountId, "aws", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"account 13 digits", arn.AccountId, acct + "0", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"launch template", arn.LaunchTemplateId, "lt-0123456789abcdef0", 0, 0, nil},
		{"launch template legacy", arn.LaunchTemplateId, "lt-01234567", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"launch template upper", arn.LaunchTemplateId, "lt-0123456789ABCDEF0", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"lifecycle execution", arn.LifecycleExecutionId, "lce-" + uuid, 0, 0, nil},
		{"workflow execution", arn.WorkflowExecutionId, "wf-" + uuid, 0, 0, nil},
		{"workflow execution wrong prefix", arn.WorkflowExecutionId, "lce-" + uuid, arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"step execution", arn.WorkflowStepExecutionId, "step-" + uuid, 0, 0, nil},
		{"step execution bad hex", arn.WorkflowStepExecutionId, "step-" + strings.Replace(uuid, "a", "g", 1), arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"ssm parameter", arn.SsmParameterName, "/ibkit/ami/latest-id.x_y", 0, 0, nil},
		{"ssm prefixed", arn.SsmParameterName, "ssm:/a", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"ssm too long", arn.SsmParameterName, strings.Repeat("a", 1012), arn.FieldInput, arn.RuleLength, arn.ErrLength},
		{"instance profile", arn.InstanceProfileNameType, "My_Profile+=,.@-1", 0, 0, nil},
		{"instance profile arn", arn.InstanceProfileNameType, "arn:aws:iam::" + acct + ":instance-profile/p", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"s3 location", arn.MarketplaceResourceLocation, "s3://bucket/key/file.txt", 0, 0, nil},
		{"s3 trailing slash", arn.MarketplaceResourceLocation, "s3://bucket/key/", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"s3 one character key", arn.MarketplaceResourceLocation, "s3://bucket/k", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"s3 no bucket", arn.MarketplaceResourceLocation, "s3:///key", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"resource name", arn.ResourceName, "My Recipe_1-a", 0, 0, nil},
		{"resource name short", arn.ResourceName, "ab", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"resource name leading space", arn.ResourceName, " abc", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"resource name dot", arn.ResourceName, "a.bc", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"resource name max", arn.ResourceName, strings.Repeat("n", 128), 0, 0, nil},
		{"resource name too long", arn.ResourceName, strings.Repeat("n", 129), arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"product code", arn.ProductCodeId, "abc123XYZ", 0, 0, nil},
		{"product code long", arn.ProductCodeId, strings.Repeat("a", 26), arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"log group", arn.LogGroupName, "/aws/imagebuilder/my-recipe_1.0", 0, 0, nil},
		{"log group colon", arn.LogGroupName, "a:b", arn.FieldInput, arn.RulePattern, arn.ErrSyntax},
		{"version number", arn.VersionNumber, "2021.01.01", 0, 0, nil},
		{"version number wildcard", arn.VersionNumber, "1.0.x", arn.FieldVersion, arn.RulePattern, arn.ErrVersionForm},
		{"version number build", arn.VersionNumber, "1.0.0/1", arn.FieldVersion, arn.RulePattern, arn.ErrSyntax},
		{"version number too large", arn.VersionNumber, "1073741824.0.0", arn.FieldVersion, arn.RuleNodeRange, semver.ErrInvalid},
		{"wildcard version number", arn.WildcardVersionNumber, "1.x.x", 0, 0, nil},
		{"wildcard version misordered", arn.WildcardVersionNumber, "1.x.8", arn.FieldVersion, arn.RuleWildcardOrder, semver.ErrInvalid},
		{"unknown shape", arn.Shape("ImageArn"), ib + "image/i/1.0.0", arn.FieldInput, arn.RuleShape, arn.ErrUnknownShape},
		{"empty shape", arn.Shape(""), "", arn.FieldInput, arn.RuleShape, arn.ErrUnknownShape},
	}
	o := loadOracle()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := arn.Validate(tt.shape, tt.in)
			if tt.err == nil {
				if err != nil {
					t.Fatalf("Validate(%s, %q) = %v, want nil", tt.shape, tt.in, err)
				}
			} else {
				var pe *arn.ParseError
				if !errors.As(err, &pe) {
					t.Fatalf("Validate(%s, %q) = %v, want a *ParseError", tt.shape, tt.in, err)
				}
				if pe.Field != tt.field || pe.Rule != tt.rule || !errors.Is(err, tt.err) || pe.Input != tt.in || pe.Shape != tt.shape {
					t.Errorf("Validate(%s, %q) = field %v, rule %v, err %v, want field %v, rule %v, errors.Is %v",
						tt.shape, tt.in, pe.Field, pe.Rule, err, tt.field, tt.rule, tt.err)
				}
			}
			if tt.rule != arn.RuleShape {
				if want := o.defaultValid(tt.shape, tt.in); want != (err == nil) {
					t.Errorf("model oracle says valid=%v, Validate says %v", want, err)
				}
			}
		})
	}
}

func TestCheckDecisions(t *testing.T) {
	const ib = "arn:aws:imagebuilder:us-east-1:123456789012:"
	tests := []struct {
		name      string
		opts      arn.Options
		shape     arn.Shape
		in        string
		valid     bool
		rule      arn.Rule
		decisions []arn.Decision
	}{
		{"plain", arn.Options{}, arn.ImageVersionArn, ib + "image/i/1.0.0", true, arn.RuleNone, nil},
		{"third-party flagged", arn.Options{}, arn.ComponentVersionArnOrBuildVersionArn,
			"arn:aws:imagebuilder:us-east-1:third-party:component/cis-benchmark-level-1-amazon-linux/x.x.x", true, arn.RuleNone, []arn.Decision{arn.AS2}},
		{"third-party rejected", arn.Options{ModelOwnersOnly: true}, arn.ComponentVersionArnOrBuildVersionArn,
			"arn:aws:imagebuilder:us-east-1:third-party:component/c/x.x.x", false, arn.RuleThirdParty, []arn.Decision{arn.AS2}},
		{"third-party on recipe", arn.Options{}, arn.ImageRecipeArn,
			"arn:aws:imagebuilder:us-east-1:third-party:image-recipe/r/1.0.0", false, arn.RulePattern, nil},
		{"other aws owner", arn.Options{}, arn.ImageVersionArn,
			"arn:aws:imagebuilder:us-east-1:aws-foo:image/i/1.0.0", true, arn.RuleNone, []arn.Decision{arn.AS3}},
		{"other aws owner rejected", arn.Options{KnownOwnersOnly: true}, arn.ImageVersionArn,
			"arn:aws:imagebuilder:us-east-1:aws-foo:image/i/1.0.0", false, arn.RuleKnownOwner, []arn.Decision{arn.AS3}},
		{"generic name ARN", arn.Options{}, arn.ImageBuilderArn, ib + "image/i", true, arn.RuleNone, []arn.Decision{arn.AS4}},
		{"generic pipeline version", arn.Options{}, arn.ImageBuilderArn, ib + "image-pipeline/p/1.0.0", true, arn.RuleNone, []arn.Decision{arn.AS4}},
		{"unrealistic region flagged", arn.Options{}, arn.ImageVersionArn,
			"arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0", true, arn.RuleNone, []arn.Decision{arn.AS5}},
		{"unrealistic region linted", arn.Options{StrictLint: true}, arn.ImageVersionArn,
			"arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0", false, arn.RuleRealism, []arn.Decision{arn.AS5}},
		{"leading zeros", arn.Options{}, arn.ImageVersionArn, ib + "image/i/2021.01.01", true, arn.RuleNone, []arn.Decision{arn.AS6}},
		{"leading zeros rejected", arn.Options{RejectLeadingZeros: true}, arn.ImageVersionArn, ib + "image/i/2021.01.01", false, arn.RuleLeadingZero, []arn.Decision{arn.AS6}},
		{"leading zero build rejected", arn.Options{RejectLeadingZeros: true}, arn.ImageBuildVersionArn, ib + "image/i/1.0.0/01", false, arn.RuleLeadingZero, []arn.Decision{arn.AS6}},
		{"build zero", arn.Options{}, arn.ImageBuildVersionArn, ib + "image/i/1.0.0/0", true, arn.RuleNone, []arn.Decision{arn.AS10}},
		{"build zero linted", arn.Options{StrictLint: true}, arn.ImageBuildVersionArn, ib + "image/i/1.0.0/0", false, arn.RuleBuildRange, []arn.Decision{arn.AS10}},
		{"misordered wildcard", arn.Options{}, arn.WildcardVersionNumber, "x.2.x", false, arn.RuleWildcardOrder, []arn.Decision{arn.AS1}},
		{"misordered wildcard regex only", arn.Options{RegexOnly: true}, arn.WildcardVersionNumber, "x.2.x", true, arn.RuleNone, []arn.Decision{arn.AS1}},
		{"ou trailing text regex only", arn.Options{RegexOnly: true}, arn.OrganizationalUnitArn,
			"arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef5678/anything", true, arn.RuleNone, []arn.Decision{arn.AS1}},
		{"several rejections", arn.Options{StrictLint: true, ModelOwnersOnly: true}, arn.ImageBuildVersionArn,
			"arn:aws-cn:imagebuilder:us-east-1:third-party:image/i/1.0.0/0", false, arn.RuleRealism, []arn.Decision{arn.AS2, arn.AS5, arn.AS10}},
		{"pattern failure beats decision", arn.Options{StrictLint: true}, arn.ImageVersionArn,
			"arn:aws-cn:imagebuilder:us-east-1:aws:image/I/1.0.0", false, arn.RulePattern, nil},
		{"role arn unknown partition", arn.Options{}, arn.RoleNameOrArn, "arn:aws-mars:iam::123456789012:role/R", true, arn.RuleNone, []arn.Decision{arn.AS5}},
		// Python's $ also matches before a final newline, so only AS-1's
		// Go anchoring rejects these: the verdict depends on AS-1.
		{"trailing newline flagged", arn.Options{}, arn.ImagePipelineArn, ib + "image-pipeline/p\n", false, arn.RulePattern, []arn.Decision{arn.AS1}},
		{"trailing newline on version", arn.Options{}, arn.VersionNumber, "1.2.3\n", false, arn.RulePattern, []arn.Decision{arn.AS1}},
		{"newline not the only fault", arn.Options{}, arn.ImagePipelineArn, ib + "image-pipeline/P\n", false, arn.RulePattern, nil},
		{"two newlines", arn.Options{}, arn.ImagePipelineArn, ib + "image-pipeline/p\n\n", false, arn.RulePattern, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := tt.opts.Check(tt.shape, tt.in)
			if r.Valid() != tt.valid || r.Rule != tt.rule || fmt.Sprint(r.Decisions.List()) != fmt.Sprint(tt.decisions) {
				t.Errorf("Check = valid %v, rule %v, decisions %v (%v); want valid %v, rule %v, decisions %v",
					r.Valid(), r.Rule, r.Decisions.List(), r.Err, tt.valid, tt.rule, tt.decisions)
			}
			if r.Shape != tt.shape {
				t.Errorf("Check.Shape = %v, want %v", r.Shape, tt.shape)
			}
			if !r.Valid() && r.Err.(*arn.ParseError).Rule != r.Rule {
				t.Errorf("Err.Rule = %v, Result.Rule = %v", r.Err.(*arn.ParseError).Rule, r.Rule)
			}
		})
	}
}

func TestErrorMessages(t *testing.T) {
	const ib = "arn:aws:imagebuilder:us-east-1:123456789012:"
	tests := []struct {
		shape arn.Shape // "" for Parse
		in    string
		want  string
	}{
		{"", ib + "lifecycle-policy/p/1.0.0",
			`arn: parsing "` + ib + `lifecycle-policy/p/1.0.0": version "1.0.0": expected no version: a lifecycle-policy ARN takes no version`},
		{"", ib + "image-recipe/r/1.0.0/2",
			`arn: parsing "` + ib + `image-recipe/r/1.0.0/2": build "2": expected no build: an image-recipe ARN has no build number`},
		{"", ib + "image/i/x.x.x/2",
			`arn: parsing "` + ib + `image/i/x.x.x/2": build "2": expected no build after a wildcard version`},
		{arn.ImageRecipeArn, "arn:aws:imagebuilder:us-east-1:amazon:image-recipe/r/1.0.0",
			`arn: invalid ImageRecipeArn "arn:aws:imagebuilder:us-east-1:amazon:image-recipe/r/1.0.0": account "amazon": expected a 12-digit account ID or "aws"`},
		{arn.AccountId, "aws", `arn: invalid AccountId "aws": expected exactly 12 digits`},
		{arn.Shape("Nope"), "x", `arn: unknown shape "Nope": expected a shape name listed by Shapes`},
		{arn.VersionNumber, "1.2.3\n", `arn: invalid VersionNumber "1.2.3\n": version "1.2.3\n": expected major.minor.patch, such as 1.2.3`},
	}
	for _, tt := range tests {
		var err error
		if tt.shape == "" {
			_, err = arn.Parse(tt.in)
		} else {
			err = arn.Validate(tt.shape, tt.in)
		}
		if err == nil || err.Error() != tt.want {
			t.Errorf("error for %q:\n got %v\nwant %s", tt.in, err, tt.want)
		}
	}
}

func TestShapes(t *testing.T) {
	shapes := arn.Shapes()
	if len(shapes) != len(modelPatterns) {
		t.Fatalf("Shapes() has %d shapes, the model table %d", len(shapes), len(modelPatterns))
	}
	seen := map[arn.Shape]bool{}
	for _, s := range shapes {
		if seen[s] {
			t.Errorf("duplicate shape %s", s)
		}
		seen[s] = true
		if _, ok := modelPatterns[s]; !ok {
			t.Errorf("shape %s has no model pattern in the test table", s)
		}
		if !s.IsValid() {
			t.Errorf("%s.IsValid() = false", s)
		}
		_, isIB := ibShapes[s]
		if got := s.IsImageBuilderARN(); got != (isIB || s == arn.ImageBuilderArn) {
			t.Errorf("%s.IsImageBuilderARN() = %v", s, got)
		}
	}
	if arn.Shape("Arn").IsValid() {
		t.Error(`Shape("Arn").IsValid() = true`)
	}
	shapes[0] = "changed"
	if arn.Shapes()[0] != arn.ImageRecipeArn {
		t.Error("Shapes shares its slice between calls")
	}
}

func TestDecisionsString(t *testing.T) {
	var d arn.Decisions
	if d.String() != "" || d.List() != nil {
		t.Errorf("empty set: %q %v", d.String(), d.List())
	}
	d = d.With(arn.AS10).With(arn.AS2)
	if got := d.String(); got != "AS-2,AS-10" {
		t.Errorf("String() = %q", got)
	}
	if !d.Has(arn.AS2) || d.Has(arn.AS1) {
		t.Errorf("Has wrong for %v", d)
	}
	for r := arn.RuleNone; r <= arn.RuleBuildRange; r++ {
		if strings.HasPrefix(r.String(), "Rule(") {
			t.Errorf("rule %d has no name", r)
		}
	}
	for f := arn.FieldInput; f <= arn.FieldBuild; f++ {
		if strings.HasPrefix(f.String(), "Field(") {
			t.Errorf("field %d has no name", f)
		}
	}
}
