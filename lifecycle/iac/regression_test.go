package iac_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

// regressionTemplate is a template with one policy; the verbs fill in
// the parameter's Default, the string the condition compares it with,
// the filter's Value and the exclusion rule's TagMap value.
const regressionTemplate = `Parameters:
  P: {Type: String, Default: %q}
Conditions:
  C: !Equals [!Ref P, %q]
Resources:
  X:
    Type: AWS::ImageBuilder::LifecyclePolicy
    Properties:
      Name: nnn
      ExecutionRole: arn:aws:iam::111122223333:role/r
      ResourceType: AMI_IMAGE
      PolicyDetails:
        - Action: {Type: DELETE}
          Filter: {Type: AGE, Value: %s, Unit: DAYS}
          ExclusionRules: {TagMap: {Retain: %s}}
      ResourceSelection:
        Recipes: [{Name: rrr, SemanticVersion: 1.0.0}]
`

func readRegression(t *testing.T, param, cmp, value, retain string) *iac.Policy {
	t.Helper()
	s, err := iac.Read([]byte(fmt.Sprintf(regressionTemplate, param, cmp, value, retain)), iac.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s.Policies[0]
}

func filterValue(t *testing.T, p *iac.Policy) any {
	t.Helper()
	if p.Document == nil || len(p.Document.Policy.PolicyDetails) == 0 {
		t.Fatal("no policy details")
	}
	return p.Document.Policy.PolicyDetails[0].Filter.Value
}

// Fn::Equals compares every character, not a shortened rendering.
func TestEqualsComparesLongStrings(t *testing.T) {
	long := strings.Repeat("a", 300)
	for _, tc := range []struct {
		name, x, y string
		want       int
	}{
		{"differ after 300 characters", long + "X", long + "Y", 7},
		{"same long string", long, long, 5},
		{"differ in the last of 198", strings.Repeat("b", 197) + "X", strings.Repeat("b", 197) + "Y", 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if v := filterValue(t, readRegression(t, tc.x, tc.y, "!If [C, 5, 7]", "x")); v != tc.want {
				t.Errorf("Value = %v, want %d", v, tc.want)
			}
		})
	}
}

// Integers are decimal only; Go literal syntax is not an integer.
func TestIntegersAreDecimal(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  any // nil: a wrong-type finding
	}{
		{`"010"`, 10},
		{`"10"`, 10},
		{`"+10"`, 10},
		{`"10.0"`, 10},
		{`"1e1"`, 10},
		{`"0x1E"`, nil},
		{`"1_0"`, nil},
		{`"0b11"`, nil},
		{`"0o7"`, nil},
		{`"Inf"`, nil},
		{`"10.5"`, nil},
	} {
		t.Run(tc.value, func(t *testing.T) {
			p := readRegression(t, "a", "a", tc.value, "x")
			if tc.want != nil {
				if v := filterValue(t, p); v != tc.want {
					t.Errorf("Value = %v, want %v", v, tc.want)
				}
				return
			}
			if !hasFinding(t, p, iac.CodeWrongType, "") {
				t.Errorf("no %s finding for %s", iac.CodeWrongType, tc.value)
			}
		})
	}
}

// hasFinding reports whether validating p gives a finding with the code
// whose message contains part.
func hasFinding(t *testing.T, p *iac.Policy, code string, part string) bool {
	t.Helper()
	fs, _ := p.Validate(lifecycle.ValidateOptions{})
	for _, f := range fs {
		if f.Code == code && strings.Contains(f.Message, part) {
			return true
		}
	}
	t.Logf("findings: %v", fs)
	return false
}

// Nested functions cannot build an unbounded string: past maxString
// bytes the value is unresolved, and reading takes little memory.
func TestResolvedStringsAreBounded(t *testing.T) {
	for _, tc := range []struct{ name, expr string }{
		{"nested Fn::Base64", strings.Repeat(`{"Fn::Base64": `, 80) + `"x"` + strings.Repeat("}", 80)},
		{"Fn::Join", `{"Fn::Join": ["", [` + strings.TrimSuffix(strings.Repeat(`{"Fn::Base64": {"Fn::Base64": "`+strings.Repeat("y", 30000)+`"}},`, 3), ",") + `]]}`},
		{"Fn::Sub", `{"Fn::Sub": ["${A}${A}${A}", {"A": "` + strings.Repeat("z", 30000) + `"}]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			s, err := iac.Read([]byte(strings.Replace(intrinsicTemplate, "EXPR", tc.expr, 1)), iac.Options{})
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
				t.Errorf("reading allocated %d bytes; want at most 64 MiB", got)
			}
			p := s.Policies[0]
			if d := p.Document.Policy.Description; d != "" {
				t.Errorf("Description is %d bytes; want it left out", len(d))
			}
			if !hasFinding(t, p, iac.CodeUnresolved, "result longer than 65536 bytes") {
				t.Error("no finding says the result is too long")
			}
		})
	}
}

// Deeply nested JSON is a *ReadError, found without reading it all.
func TestJSONDepthLimit(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"lists", strings.Repeat("[", 500000) + strings.Repeat("]", 500000)},
		{"objects", strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000)},
		{"unterminated", `{"Resources": ` + strings.Repeat("[", 500000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iac.Read([]byte(tc.data), iac.Options{})
			var re *iac.ReadError
			if !errors.As(err, &re) || !errors.Is(err, iac.ErrSyntax) || !strings.Contains(re.Reason, "nested more than 10000") {
				t.Fatalf("err = %v; want a *ReadError on nesting", err)
			}
			if re.Line != 1 || re.Column < 10000 {
				t.Errorf("error at %d:%d; want line 1, past column 10000", re.Line, re.Column)
			}
		})
	}
}

// Unquoted YAML 1.1 boolean words are booleans, as CloudFormation reads
// them; in a string property they become "true" or "false".
func TestYAML11Booleans(t *testing.T) {
	for _, tc := range []struct{ retain, want string }{
		{"yes", "true"}, {"Yes", "true"}, {"YES", "true"}, {"y", "true"}, {"Y", "true"},
		{"on", "true"}, {"On", "true"}, {"ON", "true"}, {"true", "true"}, {"True", "true"}, {"TRUE", "true"},
		{"no", "false"}, {"No", "false"}, {"NO", "false"}, {"n", "false"}, {"N", "false"},
		{"off", "false"}, {"Off", "false"}, {"OFF", "false"}, {"false", "false"}, {"FALSE", "false"},
		{`"yes"`, "yes"}, {`'no'`, "no"}, {`!!str on`, "on"}, {`!!bool yes`, "true"}, {"yEs", "yEs"}, {"yes please", "yes please"},
	} {
		t.Run(tc.retain, func(t *testing.T) {
			p := readRegression(t, "a", "a", "5", tc.retain)
			if got := p.Document.Policy.PolicyDetails[0].ExclusionRules.TagMap["Retain"]; got != tc.want {
				t.Errorf("Retain: %s read as %q, want %q", tc.retain, got, tc.want)
			}
		})
	}
}

// CloudFormation does not accept YAML anchors, aliases or merge keys.
func TestYAMLAliasesRejected(t *testing.T) {
	for _, tc := range []struct {
		name, yaml string
		line, col  int
		what       string
	}{
		{"anchor", "Resources:\n  A: &x {Type: T}\n", 2, 6, "anchor &x"},
		{"anchor before its alias", "Resources:\n  A: {Type: T, Tags: &t {k: v}}\n  B: *t\n", 2, 22, "anchor &t"},
		{"merge key", "Resources:\n  A:\n    <<: {Type: T}\n", 3, 5, "merge key <<"},
		{"anchored key", "Resources:\n  &k A: {Type: T}\n", 2, 3, "anchor &k"},
		{"tagged merge", "Resources:\n  A:\n    !!merge x: {Type: T}\n", 3, 5, "merge key <<"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iac.Read([]byte(tc.yaml), iac.Options{})
			var re *iac.ReadError
			if !errors.As(err, &re) || !errors.Is(err, iac.ErrSyntax) {
				t.Fatalf("err = %v; want a *ReadError wrapping ErrSyntax", err)
			}
			if re.Line != tc.line || re.Column != tc.col || !strings.Contains(re.Reason, tc.what) ||
				!strings.Contains(re.Reason, "CloudFormation does not accept") {
				t.Errorf("err = %v; want line %d, column %d, naming %s", err, tc.line, tc.col, tc.what)
			}
		})
	}
}

// A Terraform provider's region given as a root variable is resolved;
// a Region that stays unknown is a warning that names --region.
func TestTerraformRegion(t *testing.T) {
	const plan = `{
  "format_version": "1.2",
  "variables": {"region": {"value": "eu-west-3"}},
  "resource_changes": [{
    "address": "%[1]saws_imagebuilder_lifecycle_policy.p", "module_address": %[2]q,
    "type": "aws_imagebuilder_lifecycle_policy", "name": "p",
    "change": {"actions": ["create"],
      "after": {"name": "p", "execution_role": "r", "resource_type": "AMI_IMAGE",
        "policy_detail": [{"action": [{"type": "DELETE"}], "filter": [{"type": "COUNT", "value": 1}]}],
        "resource_selection": [{"tag_map": {"k": "v"}}]},
      "after_unknown": {"region": true}}
  }],
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": %[3]s}}},
    "root_module": {
      "resources": [{"address": "aws_imagebuilder_lifecycle_policy.p", "provider_config_key": "aws", "expressions": {%[4]s}}],
      "module_calls": {"m": {"module": {"resources": [{"address": "aws_imagebuilder_lifecycle_policy.p", "provider_config_key": "m:aws", "expressions": {%[4]s}}]}}}
    }
  }
}`
	for _, tc := range []struct {
		name, module, provider, resource, optRegion string
		want                                        string
		warning                                     string // a part of the warning, "" for none
	}{
		{"constant", "", `{"constant_value": "us-west-2"}`, "", "", "us-west-2", ""},
		{"root variable", "", `{"references": ["var.region"]}`, "", "", "eu-west-3", ""},
		{"variable without value", "", `{"references": ["var.other"]}`, "", "", "", "var.other, which the plan gives no value"},
		{"other expression", "", `{"references": ["local.region"]}`, "", "", "", "local.region, which ibkit cannot evaluate"},
		{"module inherits root provider", "module.m", `{"references": ["var.region"]}`, "", "", "eu-west-3", ""},
		{"no region", "", `null`, "", "", "", "its provider sets no region"},
		{"options supply it", "", `{"references": ["var.other"]}`, "", "ap-south-1", "ap-south-1", ""},
		{"resource region after apply", "", `{"constant_value": "us-west-2"}`, `"region": {"references": ["var.region"]}`, "", "", "known only after apply"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			prefix := ""
			if tc.module != "" {
				prefix = tc.module + "."
			}
			data := fmt.Sprintf(plan, prefix, tc.module, tc.provider, tc.resource)
			s, err := iac.Read([]byte(data), iac.Options{Region: tc.optRegion})
			if err != nil {
				t.Fatal(err)
			}
			p := s.Policies[0]
			if p.Region != tc.want {
				t.Errorf("Region = %q, want %q", p.Region, tc.want)
			}
			fs, _ := p.Validate(lifecycle.ValidateOptions{})
			var warning string
			for _, f := range fs {
				if strings.Contains(f.Message, "Region is unknown") {
					warning = f.Message
					if f.Severity != lifecycle.SeverityWarning || f.Code != iac.CodeUnresolved || !strings.Contains(f.Message, "--region supplies it") {
						t.Errorf("finding %v; want an %s warning naming --region", f, iac.CodeUnresolved)
					}
				}
			}
			if tc.warning == "" && warning != "" || !strings.Contains(warning, tc.warning) {
				t.Errorf("warning %q; want one containing %q", warning, tc.warning)
			}
		})
	}
}
