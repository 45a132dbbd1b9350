package iac_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

// brief is the part of a finding a test compares.
type brief struct {
	Severity     lifecycle.Severity
	Path         string
	Code         string
	Line, Column int
}

func briefs(fs iac.Findings) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Path, f.Code, f.Line, f.Column})
	}
	return out
}

func mustRead(t *testing.T, data []byte, opts iac.Options) *iac.Source {
	t.Helper()
	src, err := iac.Read(data, opts)
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func TestSeveralPolicies(t *testing.T) {
	src := mustRead(t, readFile(t, "several.yaml"), iac.Options{})
	// DevCleanup's condition is false with the parameters' defaults.
	if diff := cmp.Diff([]string{"WebCleanup", "BatchCleanup"}, src.IDs()); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
	_, err := src.Select("")
	var se *iac.SelectError
	if !errors.As(err, &se) || !errors.Is(err, iac.ErrAmbiguous) {
		t.Fatalf("Select(\"\") = %v, want an ErrAmbiguous *SelectError", err)
	}
	if got := err.Error(); !strings.Contains(got, "WebCleanup, BatchCleanup") || !strings.Contains(got, "--resource") {
		t.Errorf("message %q does not list the policies and the flag", got)
	}
	if _, err := src.Select("Nope"); !errors.Is(err, iac.ErrNotFound) {
		t.Errorf("Select(Nope) = %v, want ErrNotFound", err)
	}
	p, err := src.Select("WebCleanup")
	if err != nil || p.Document.Policy.Name != "web-cleanup" {
		t.Fatalf("Select(WebCleanup) = %v, %v", p, err)
	}

	// Validating every policy, as "lifecycle validate" does.
	var got []brief
	for _, p := range src.Policies {
		fs, _ := p.Validate(lifecycle.ValidateOptions{})
		got = append(got, briefs(fs)...)
	}
	want := []brief{{lifecycle.SeverityError, "Resources.BatchCleanup.Properties.PolicyDetails[0].Filter.Unit",
		"invalid-enum", 40, 47}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}

	// With Environment=dev the third policy exists.
	src = mustRead(t, readFile(t, "several.yaml"), iac.Options{Parameters: map[string]string{"Environment": "dev"}})
	if diff := cmp.Diff([]string{"WebCleanup", "DevCleanup", "BatchCleanup"}, src.IDs()); diff != "" {
		t.Errorf("IDs with Environment=dev (-want +got):\n%s", diff)
	}
}

func TestUnresolvedValues(t *testing.T) {
	data := readFile(t, "unresolved.yaml")
	p, err := mustRead(t, data, iac.Options{}).Select("")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := p.Validate(lifecycle.ValidateOptions{})
	var ve *iac.ValidationError
	if !errors.As(err, &ve) || !errors.Is(err, lifecycle.ErrInvalid) {
		t.Fatalf("Validate error = %v, want a *ValidationError", err)
	}
	const prefix = "Resources.Golden.Properties."
	want := []brief{
		{lifecycle.SeverityWarning, prefix + "Description", iac.CodeUnresolved, 10, 20},
		{lifecycle.SeverityWarning, prefix + "ExecutionRole", iac.CodeUnresolved, 11, 22},
		{lifecycle.SeverityError, prefix + "PolicyDetails[0].Filter.Value", iac.CodeUnresolved, 17, 20},
		{lifecycle.SeverityError, prefix + "ResourceSelection.Recipes[0].Name", iac.CodeUnresolved, 21, 19},
		{lifecycle.SeverityWarning, prefix + `Tags["owner"]`, iac.CodeUnresolved, 24, 16},
	}
	if diff := cmp.Diff(want, briefs(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	// An error names the expression, the reason and the flag.
	msgs := map[string]string{}
	for _, f := range fs {
		msgs[strings.TrimPrefix(f.Path, prefix)] = f.Message
	}
	for path, parts := range map[string][]string{
		"PolicyDetails[0].Filter.Value":     {"!GetAtt Settings.DeleteAfterDays", "needs this value", "--parameter Settings.DeleteAfterDays=VALUE"},
		"ResourceSelection.Recipes[0].Name": {"!Ref RecipeName", "Systems Manager", "--parameter RecipeName=VALUE"},
		"ExecutionRole":                     {"!ImportValue shared-lifecycle-role", "does not need it", iac.Placeholder, "--parameter ImportValue:shared-lifecycle-role=VALUE"},
		"Description":                       {"AWS::StackName", "--parameter AWS::StackName=VALUE"},
	} {
		for _, part := range parts {
			if !strings.Contains(msgs[path], part) {
				t.Errorf("%s: message %q lacks %q", path, msgs[path], part)
			}
		}
	}
	if got := p.Document.Policy.ExecutionRole; got != iac.Placeholder {
		t.Errorf("ExecutionRole = %q, want the placeholder", got)
	}
	if diff := cmp.Diff(lifecycle.Tags{"team": "platform"}, p.Document.Policy.Tags); diff != "" {
		t.Errorf("Tags (-want +got):\n%s", diff)
	}

	// The caller supplies every value.
	p, _ = mustRead(t, data, iac.Options{Parameters: map[string]string{
		"Settings.DeleteAfterDays":          "90",
		"RecipeName":                        "web-server",
		"ImportValue:shared-lifecycle-role": "LifecycleExecution",
		"Team.Name":                         "web",
		"AWS::StackName":                    "golden-stack",
	}}).Select("")
	if fs, err := p.Validate(lifecycle.ValidateOptions{}); err != nil || len(fs) != 0 {
		t.Errorf("with every value given: %v, %v", fs, err)
	}
	pol := p.Document.Policy
	if pol.PolicyDetails[0].Filter.Value != 90 || pol.ResourceSelection.Recipes[0].Name != "web-server" ||
		pol.Description != "Managed by golden-stack" || pol.Tags["owner"] != "web" {
		t.Errorf("resolved policy = %+v", pol)
	}
}

func TestTerraformModules(t *testing.T) {
	src := mustRead(t, readFile(t, "modules.tfstate.json"), iac.Options{Region: "ap-south-1", AccountID: "555555555555"})
	if src.Kind != iac.KindTerraformState {
		t.Errorf("Kind = %v", src.Kind)
	}
	type scope struct{ ID, Name, Region, Account string }
	var got []scope
	for _, p := range src.Policies {
		got = append(got, scope{p.ID, p.Document.Policy.Name, p.Region, p.AccountID})
	}
	want := []scope{
		{"aws_imagebuilder_lifecycle_policy.root", "root", "eu-west-1", "123456789012"},
		{`module.team["web"].aws_imagebuilder_lifecycle_policy.this`, "web", "us-west-2", "210987654321"},
		{`module.team["web"].module.containers.aws_imagebuilder_lifecycle_policy.this`, "web-containers", "ap-south-1", "555555555555"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("policies (-want +got):\n%s", diff)
	}
	if _, err := src.Select(""); !errors.Is(err, iac.ErrAmbiguous) || !strings.Contains(err.Error(), "--address") {
		t.Errorf("Select(\"\") = %v", err)
	}
	p, err := src.Select(`module.team["web"].module.containers.aws_imagebuilder_lifecycle_policy.this`)
	if err != nil {
		t.Fatal(err)
	}
	fs, _ := p.Validate(lifecycle.ValidateOptions{})
	wantF := []brief{{lifecycle.SeverityWarning,
		`module.team["web"].module.containers.aws_imagebuilder_lifecycle_policy.this: policy_detail[0].filter[0].unit`,
		"unit-on-count", 65, 166}}
	if diff := cmp.Diff(wantF, briefs(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if p.Document.Policy.ARN != "" || src.Policies[0].Document.Policy.ARN == "" {
		t.Errorf("ARNs: %q, %q", p.Document.Policy.ARN, src.Policies[0].Document.Policy.ARN)
	}
}

// tfPlan wraps one planned aws_imagebuilder_lifecycle_policy in the JSON
// of terraform show -json.
func tfPlan(moduleAddr, after, afterUnknown, config string) []byte {
	addr := "aws_imagebuilder_lifecycle_policy.p"
	if moduleAddr != "" {
		addr = moduleAddr + "." + addr
	}
	return []byte(`{"format_version": "1.2", "resource_changes": [{
  "address": ` + strconv.Quote(addr) + `, "module_address": ` + strconv.Quote(moduleAddr) + `,
  "mode": "managed", "type": "aws_imagebuilder_lifecycle_policy", "name": "p",
  "change": {"actions": ["create"], "after": ` + after + `, "after_unknown": ` + afterUnknown + `}}],
  "configuration": ` + config + `}`)
}

const tfAfter = `{"name": "pol", "execution_role": "r", "resource_type": "AMI_IMAGE",
  "policy_detail": [{"action": [{"type": "DELETE"}], "filter": [{"type": "AGE", "unit": "DAYS"}]}],
  "resource_selection": [{"recipe": [{"name": "web", "semantic_version": "x.x.x"}]}]}`

func TestTerraformPlan(t *testing.T) {
	const unknownValue = `{"policy_detail": [{"filter": [{"value": true}]}]}`
	const rootConfig = `{"provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-central-1"}}}}}`
	const moduleConfig = `{"provider_config": {
    "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-central-1"}}},
    "aws.west": {"name": "aws", "alias": "west", "expressions": {"region": {"constant_value": "us-west-2"}}},
    "aws.var": {"name": "aws", "alias": "var", "expressions": {"region": {"references": ["var.region"]}}}},
  "root_module": {"module_calls": {"m": {"module": {"resources": [
    {"address": "aws_imagebuilder_lifecycle_policy.p", "provider_config_key": "aws.west"}]}}}}}`
	const inheritedConfig = `{"provider_config": {
    "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-north-1"}}}},
  "root_module": {"module_calls": {"m": {"module": {"module_calls": {"n": {"module": {"resources": [
    {"address": "aws_imagebuilder_lifecycle_policy.p", "provider_config_key": "module.m.module.n:aws"}]}}}}}}}}`
	const varConfig = `{"provider_config": {"aws.var": {"name": "aws", "alias": "var", "expressions": {"region": {"references": ["var.region"]}}}},
  "root_module": {"resources": [{"address": "aws_imagebuilder_lifecycle_policy.p", "provider_config_key": "aws.var"}]}}`
	const path = "policy_detail[0].filter[0].value"

	t.Run("unknown filter value", func(t *testing.T) {
		p, _ := mustRead(t, tfPlan("", tfAfter, unknownValue, rootConfig), iac.Options{}).Select("")
		fs, err := p.Validate(lifecycle.ValidateOptions{})
		if err == nil || len(fs) != 1 {
			t.Fatalf("findings %v, error %v; want one error", fs, err)
		}
		f := fs[0]
		if f.Path != "aws_imagebuilder_lifecycle_policy.p: "+path || f.Severity != lifecycle.SeverityError ||
			!strings.Contains(f.Message, "--parameter aws_imagebuilder_lifecycle_policy.p."+path+"=VALUE") {
			t.Errorf("finding = %v", f)
		}
		if p.Region != "eu-central-1" {
			t.Errorf("Region = %q, want the provider's", p.Region)
		}
	})
	t.Run("value given", func(t *testing.T) {
		p, _ := mustRead(t, tfPlan("", tfAfter, unknownValue, rootConfig), iac.Options{
			Parameters: map[string]string{"aws_imagebuilder_lifecycle_policy.p." + path: "45"}}).Select("")
		if fs, err := p.Validate(lifecycle.ValidateOptions{}); err != nil || p.Document.Policy.PolicyDetails[0].Filter.Value != 45 {
			t.Errorf("findings %v, error %v, policy %+v", fs, err, p.Document.Policy)
		}
	})
	for _, tc := range []struct {
		name, module, after, config, opts, want string
	}{
		{"resource region", "", strings.Replace(tfAfter, `"name"`, `"region": "sa-east-1", "name"`, 1), rootConfig, "", "sa-east-1"},
		{"aliased provider in a module", `module.m`, tfAfter, moduleConfig, "", "us-west-2"},
		{"provider inherited by a nested module", `module.m["x"].module.n`, tfAfter, inheritedConfig, "", "eu-north-1"},
		{"region from a variable", "", tfAfter, varConfig, "ca-central-1", "ca-central-1"},
		{"no configuration", "", tfAfter, `{}`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := mustRead(t, tfPlan(tc.module, tc.after, `{}`, tc.config), iac.Options{Region: tc.opts}).Select("")
			if p.Region != tc.want {
				t.Errorf("Region = %q, want %q", p.Region, tc.want)
			}
		})
	}
	t.Run("deleted", func(t *testing.T) {
		data := []byte(`{"format_version": "1.2", "resource_changes": [{"address": "aws_imagebuilder_lifecycle_policy.p",
		  "type": "aws_imagebuilder_lifecycle_policy", "name": "p", "change": {"actions": ["delete"], "after": null}}]}`)
		if _, err := iac.Read(data, iac.Options{}); !errors.Is(err, iac.ErrNoPolicy) {
			t.Errorf("Read = %v, want ErrNoPolicy", err)
		}
	})
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input  string
		err          error
		line, column int
	}{
		{"YAML bad indentation", "Resources:\n  P:\n    Type: x\n   Properties: {}\n", iac.ErrSyntax, 4, 4},
		{"YAML unclosed flow", "Resources:\n  P: {Type: x,\n", iac.ErrSyntax, 3, 1},
		{"YAML duplicate key", "Resources:\n  P: {}\n  P: {}\n", iac.ErrSyntax, 3, 3},
		{"YAML tab indentation", "Resources:\n\tP: {}\n", iac.ErrSyntax, 2, 1},
		{"JSON syntax", "{\n  \"Resources\": {,}\n}", iac.ErrSyntax, 2, 17},
		{"JSON duplicate member", "{\"a\": 1,\n \"a\": 2}", iac.ErrSyntax, 2, 2},
		{"JSON trailing data", "{} {}", iac.ErrSyntax, 1, 4},
		{"JSON truncated", "{\"Resources\": {", iac.ErrSyntax, 1, 16},
		{"not an object", "[1, 2]", iac.ErrShape, 1, 1},
		{"YAML scalar", "just text", iac.ErrShape, 1, 1},
		{"raw tfstate", `{"version": 4, "lineage": "x", "resources": []}`, iac.ErrShape, 0, 0},
		{"Resources not an object", "Resources: [a]", iac.ErrShape, 1, 12},
		{"template without policy", "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n", iac.ErrNoPolicy, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iac.Read([]byte(tc.input), iac.Options{})
			var re *iac.ReadError
			if !errors.As(err, &re) || !errors.Is(err, tc.err) {
				t.Fatalf("Read = %v, want a *ReadError wrapping %v", err, tc.err)
			}
			if re.Line != tc.line || re.Column != tc.column {
				t.Errorf("position %d:%d, want %d:%d (%v)", re.Line, re.Column, tc.line, tc.column, err)
			}
		})
	}
}

func TestPolicyJSON(t *testing.T) {
	data := []byte(`{
  "name": "pol", "executionRole": "r", "resourceType": "AMI_IMAGE",
  "policyDetails": [{"action": {"type": "DELETE"}, "filter": {"type": "AGE", "value": 3}}],
  "resourceSelection": {"tagMap": {"env": "dev"}}
}`)
	src := mustRead(t, data, iac.Options{Region: "us-east-1"})
	if src.Kind != iac.KindPolicy || src.Policies[0].ID != "" || src.Policies[0].Region != "us-east-1" {
		t.Errorf("source = %+v, policy %+v", src, src.Policies[0])
	}
	fs, _ := src.Policies[0].Validate(lifecycle.ValidateOptions{})
	want := []brief{{lifecycle.SeverityError, "policyDetails[0].filter.unit", "age-unit-required", 3, 62}}
	if diff := cmp.Diff(want, briefs(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	var de *lifecycle.Error
	if _, err := iac.Read([]byte(`{"name": 1}`), iac.Options{}); !errors.As(err, &de) {
		t.Errorf("Read = %v, want the *lifecycle.Error", err)
	}
}

func TestParseParameters(t *testing.T) {
	got, err := iac.ParseParameters([]string{"Env=prod", "AWS::Region=us-east-1", "Eq=a=b", "Env=dev", "Empty="})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"Env": "dev", "AWS::Region": "us-east-1", "Eq": "a=b", "Empty": ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	for _, bad := range []string{"novalue", "=x"} {
		var pe *iac.ParameterError
		if _, err := iac.ParseParameters([]string{bad}); !errors.As(err, &pe) || !errors.Is(err, iac.ErrParameter) {
			t.Errorf("ParseParameters(%q) = %v", bad, err)
		}
	}
}

func TestFindingJSON(t *testing.T) {
	f := iac.Finding{Finding: lifecycle.Finding{Severity: lifecycle.SeverityError, Path: "Resources.P.Properties.Name",
		Code: "required", Message: "is missing"}, Line: 3, Column: 7}
	got, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"severity":"error","path":"Resources.P.Properties.Name","code":"required","message":"is missing","line":3,"column":7}`
	if string(got) != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if s := f.String(); s != "3:7: Resources.P.Properties.Name: error: is missing [required]" {
		t.Errorf("String() = %q", s)
	}
}
