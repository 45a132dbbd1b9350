package iac_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
	return mustRead(t, []byte(fmt.Sprintf(regressionTemplate, param, cmp, value, retain)), iac.Options{}).Policies[0]
}

func filterValue(t *testing.T, p *iac.Policy) int {
	t.Helper()
	require.NotNil(t, p.Document())
	require.NotEmpty(t, p.Document().Policy.PolicyDetails, "no policy details")
	return p.Document().Policy.PolicyDetails[0].Filter.Value
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
			assert.Equal(t, tc.want, filterValue(t, readRegression(t, tc.x, tc.y, "!If [C, 5, 7]", "x")))
		})
	}
}

// Integers are decimal only; Go literal syntax is not an integer.
func TestIntegersAreDecimal(t *testing.T) {
	for _, tc := range []struct {
		value string
		want  int // 0: a wrong-type finding
	}{
		{`"010"`, 10},
		{`"10"`, 10},
		{`"+10"`, 10},
		{`"10.0"`, 10},
		{`"1e1"`, 10},
		{`"0x1E"`, 0},
		{`"1_0"`, 0},
		{`"0b11"`, 0},
		{`"0o7"`, 0},
		{`"Inf"`, 0},
		{`"10.5"`, 0},
	} {
		t.Run(tc.value, func(t *testing.T) {
			p := readRegression(t, "a", "a", tc.value, "x")
			if tc.want != 0 {
				assert.Equal(t, tc.want, filterValue(t, p))
				return
			}
			assert.True(t, hasFinding(t, p, "wrong-type", ""), "no wrong-type finding for %s", tc.value)
		})
	}
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
			require.NoError(t, err)
			assert.LessOrEqual(t, after.TotalAlloc-before.TotalAlloc, uint64(64<<20), "bytes allocated by reading")
			p := s.Policies[0]
			assert.Empty(t, p.Document().Policy.Description, "the too-long Description is left out")
			assert.True(t, hasFinding(t, p, "unresolved", "result longer than 65536 bytes"), "no finding says the result is too long")
		})
	}
}

// Deeply nested JSON is an *Error, found without reading it all.
func TestJSONDepthLimit(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"lists", strings.Repeat("[", 500000) + strings.Repeat("]", 500000)},
		{"objects", strings.Repeat(`{"a":`, 20000) + "1" + strings.Repeat("}", 20000)},
		{"unterminated", `{"Resources": ` + strings.Repeat("[", 500000)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iac.Read([]byte(tc.data), iac.Options{})
			var e *iac.Error
			require.ErrorAs(t, err, &e)
			require.ErrorIs(t, err, iac.ErrSyntax)
			assert.Contains(t, e.Reason, "nested more than 10000")
			assert.Equal(t, 1, e.Line)
			assert.GreaterOrEqual(t, e.Column, 10000)
		})
	}
	// The deepest document read: 10000 levels, where Resources is a list.
	_, err := iac.Read([]byte(`{"Resources": `+strings.Repeat("[", 9999)+strings.Repeat("]", 9999)+"}"), iac.Options{})
	assert.ErrorIs(t, err, iac.ErrInvalid)
	assert.ErrorContains(t, err, "Resources: is a list; expected an object of resources")
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
			assert.Equal(t, tc.want, p.Document().Policy.PolicyDetails[0].ExclusionRules.TagMap["Retain"])
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
			var e *iac.Error
			require.ErrorAs(t, err, &e)
			require.ErrorIs(t, err, iac.ErrSyntax)
			want := iac.Error{Format: "YAML", Line: tc.line, Column: tc.col, Err: iac.ErrSyntax,
				Reason: tc.what + ": CloudFormation does not accept YAML anchors, aliases or merge keys; write the value out in full"}
			assert.Equal(t, want, *e)
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
			p := mustRead(t, []byte(data), iac.Options{Region: tc.optRegion}).Policies[0]
			assert.Equal(t, tc.want, p.Region())
			fs, _ := p.Validate(lifecycle.ValidateOptions{})
			var warnings []iac.Finding
			for _, f := range fs {
				if strings.Contains(f.Message, "Region is unknown") {
					warnings = append(warnings, f)
				}
			}
			if tc.warning == "" {
				assert.Empty(t, warnings)
				return
			}
			require.Len(t, warnings, 1)
			w := warnings[0]
			assert.Equal(t, sevWarning, w.Severity)
			assert.Equal(t, string("unresolved"), w.Code)
			assert.Contains(t, w.Message, tc.warning)
			assert.Contains(t, w.Message, "--region supplies it")
		})
	}
}
