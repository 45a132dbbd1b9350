package iac_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

// policyIDs returns the IDs of the source's policies, in order.
func policyIDs(src *iac.Source) []string {
	var ids []string
	for _, p := range src.Policies {
		ids = append(ids, p.ID())
	}
	return ids
}

func TestSeveralPolicies(t *testing.T) {
	src := mustRead(t, readFile(t, "several.yaml"), iac.Options{})
	// DevCleanup's condition is false with the parameters' defaults.
	assert.Equal(t, []string{"WebCleanup", "BatchCleanup"}, policyIDs(src))

	for _, tc := range []struct {
		name, id string
		want     string // the message, or the selected policy's name
		err      error
	}{
		{"none chosen", "", "iac: the source holds 2 lifecycle policies (WebCleanup, BatchCleanup); choose one with --resource ID", iac.ErrInvalid},
		{"unknown ID", "Nope", `iac: no lifecycle policy "Nope" in the source; it holds WebCleanup, BatchCleanup`, iac.ErrNoMatch},
		{"by logical ID", "WebCleanup", "web-cleanup", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := src.Select(tc.id)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				assert.EqualError(t, err, tc.want)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, p.Document().Policy.Name)
		})
	}

	// Validating every policy, as "lifecycle validate" does.
	var got []brief
	for _, p := range src.Policies {
		fs, _ := p.Validate(lifecycle.ValidateOptions{})
		got = append(got, briefs(fs)...)
	}
	want := []brief{{sevError, "Resources.BatchCleanup.Properties.PolicyDetails[0].Filter.Unit", "invalid-enum", 40, 47}}
	assert.Empty(t, cmp.Diff(want, got), "findings (-want +got)")

	// With Environment=dev the third policy exists.
	src = mustRead(t, readFile(t, "several.yaml"), iac.Options{Parameters: map[string]string{"Environment": "dev"}})
	assert.Equal(t, []string{"WebCleanup", "DevCleanup", "BatchCleanup"}, policyIDs(src))
}

func TestUnresolvedValues(t *testing.T) {
	data := readFile(t, "unresolved.yaml")
	p := mustSelect(t, data, iac.Options{})
	fs, err := p.Validate(lifecycle.ValidateOptions{})
	require.ErrorIs(t, err, iac.ErrInvalid)
	const prefix = "Resources.Golden.Properties."
	want := []brief{
		{sevWarning, prefix + "Description", "unresolved", 10, 20},
		{sevWarning, prefix + "ExecutionRole", "unresolved", 11, 22},
		{sevError, prefix + "PolicyDetails[0].Filter.Value", "unresolved", 17, 20},
		{sevError, prefix + "ResourceSelection.Recipes[0].Name", "unresolved", 21, 19},
		{sevWarning, prefix + `Tags["owner"]`, "unresolved", 24, 16},
	}
	assert.Empty(t, cmp.Diff(want, briefs(fs)), "findings (-want +got)")
	// The error sums up the error findings at the first.
	assert.EqualError(t, err, "iac: YAML line 17, column 20: "+prefix+"PolicyDetails[0].Filter.Value: "+
		"!GetAtt Settings.DeleteAfterDays cannot be resolved offline (attribute DeleteAfterDays of resource Settings exists only once the stack is deployed); "+
		"the dry-run needs this value: --parameter Settings.DeleteAfterDays=VALUE supplies it [unresolved] (and 1 more error)")

	// A finding names the expression, the reason and the flag.
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
			assert.Contains(t, msgs[path], part, path)
		}
	}
	assert.Equal(t, iac.Placeholder, p.Document().Policy.ExecutionRole)
	assert.Equal(t, lifecycle.Tags{"team": "platform"}, p.Document().Policy.Tags)

	// The caller supplies every value.
	p = mustSelect(t, data, iac.Options{Parameters: map[string]string{
		"Settings.DeleteAfterDays":          "90",
		"RecipeName":                        "web-server",
		"ImportValue:shared-lifecycle-role": "LifecycleExecution",
		"Team.Name":                         "web",
		"AWS::StackName":                    "golden-stack",
	}})
	fs, err = p.Validate(lifecycle.ValidateOptions{})
	require.NoError(t, err)
	assert.Empty(t, fs)
	pol := p.Document().Policy
	assert.Equal(t, 90, pol.PolicyDetails[0].Filter.Value)
	assert.Equal(t, "web-server", pol.ResourceSelection.Recipes[0].Name)
	assert.Equal(t, "Managed by golden-stack", pol.Description)
	assert.Equal(t, "web", pol.Tags["owner"])
}

func TestTerraformModules(t *testing.T) {
	src := mustRead(t, readFile(t, "modules.tfstate.json"), iac.Options{Region: "ap-south-1", AccountID: "555555555555"})
	assert.Equal(t, kindState, src.Kind)
	type scope struct{ ID, Name, Region, Account string }
	var got []scope
	for _, p := range src.Policies {
		got = append(got, scope{p.ID(), p.Document().Policy.Name, p.Region(), p.AccountID()})
	}
	want := []scope{
		{"aws_imagebuilder_lifecycle_policy.root", "root", "eu-west-1", "123456789012"},
		{`module.team["web"].aws_imagebuilder_lifecycle_policy.this`, "web", "us-west-2", "210987654321"},
		{`module.team["web"].module.containers.aws_imagebuilder_lifecycle_policy.this`, "web-containers", "ap-south-1", "555555555555"},
	}
	assert.Empty(t, cmp.Diff(want, got), "policies (-want +got)")
	_, err := src.Select("")
	require.ErrorIs(t, err, iac.ErrInvalid, "no ID among several is an invalid choice, not a failed search")
	assert.ErrorContains(t, err, "--address")

	p, err := src.Select(`module.team["web"].module.containers.aws_imagebuilder_lifecycle_policy.this`)
	require.NoError(t, err)
	fs, _ := p.Validate(lifecycle.ValidateOptions{})
	wantF := []brief{{sevWarning,
		`module.team["web"].module.containers.aws_imagebuilder_lifecycle_policy.this: policy_detail[0].filter[0].unit`,
		"unit-on-count", 65, 166}}
	assert.Empty(t, cmp.Diff(wantF, briefs(fs)), "findings (-want +got)")
	assert.Empty(t, p.Document().Policy.ARN)
	assert.NotEmpty(t, src.Policies[0].Document().Policy.ARN)
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
		p := mustSelect(t, tfPlan("", tfAfter, unknownValue, rootConfig), iac.Options{})
		fs, err := p.Validate(lifecycle.ValidateOptions{})
		require.ErrorIs(t, err, iac.ErrInvalid)
		require.Len(t, fs, 1)
		assert.Equal(t, "aws_imagebuilder_lifecycle_policy.p: "+path, fs[0].Path)
		assert.Equal(t, sevError, fs[0].Severity)
		assert.Contains(t, fs[0].Message, "--parameter aws_imagebuilder_lifecycle_policy.p."+path+"=VALUE")
		assert.Equal(t, "eu-central-1", p.Region(), "the provider's Region")
	})
	t.Run("value given", func(t *testing.T) {
		p := mustSelect(t, tfPlan("", tfAfter, unknownValue, rootConfig), iac.Options{
			Parameters: map[string]string{"aws_imagebuilder_lifecycle_policy.p." + path: "45"}})
		fs, err := p.Validate(lifecycle.ValidateOptions{})
		require.NoError(t, err, "findings %v", fs)
		assert.Equal(t, 45, p.Document().Policy.PolicyDetails[0].Filter.Value)
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
			p := mustSelect(t, tfPlan(tc.module, tc.after, `{}`, tc.config), iac.Options{Region: tc.opts})
			assert.Equal(t, tc.want, p.Region())
		})
	}
	t.Run("deleted", func(t *testing.T) {
		data := []byte(`{"format_version": "1.2", "resource_changes": [{"address": "aws_imagebuilder_lifecycle_policy.p",
		  "type": "aws_imagebuilder_lifecycle_policy", "name": "p", "change": {"actions": ["delete"], "after": null}}]}`)
		_, err := iac.Read(data, iac.Options{})
		assert.ErrorIs(t, err, iac.ErrNoMatch)
	})
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		want        iac.Error // Reason: a part of it
	}{
		{"YAML bad indentation", "Resources:\n  P:\n    Type: x\n   Properties: {}\n",
			iac.Error{Format: "YAML", Line: 4, Column: 4, Reason: "did not find expected key", Err: iac.ErrSyntax}},
		{"YAML unclosed flow", "Resources:\n  P: {Type: x,\n",
			iac.Error{Format: "YAML", Line: 3, Column: 1, Reason: "did not find expected", Err: iac.ErrSyntax}},
		{"YAML duplicate key", "Resources:\n  P: {}\n  P: {}\n",
			iac.Error{Format: "YAML", Line: 3, Column: 3, Reason: `"P" is given twice`, Err: iac.ErrSyntax}},
		{"YAML tab indentation", "Resources:\n\tP: {}\n",
			iac.Error{Format: "YAML", Line: 2, Column: 1, Reason: "found character that cannot start any token", Err: iac.ErrSyntax}},
		{"JSON syntax", "{\n  \"Resources\": {,}\n}",
			iac.Error{Format: "JSON", Line: 2, Column: 17, Reason: "invalid character ','", Err: iac.ErrSyntax}},
		{"JSON duplicate member", "{\"a\": 1,\n \"a\": 2}",
			iac.Error{Format: "JSON", Line: 2, Column: 2, Reason: `member "a" is given twice; keep one`, Err: iac.ErrSyntax}},
		{"JSON trailing data", "{} {}",
			iac.Error{Format: "JSON", Line: 1, Column: 4, Reason: "unexpected data after the top-level value", Err: iac.ErrSyntax}},
		{"JSON truncated", "{\"Resources\": {",
			iac.Error{Format: "JSON", Line: 1, Column: 16, Reason: "ends too early", Err: iac.ErrSyntax}},
		{"JSON not UTF-8", "{\"Resources\": \"\xff\"}",
			iac.Error{Format: "JSON", Line: 1, Column: 16, Reason: "not UTF-8", Err: iac.ErrSyntax}},
		{"JSON in UTF-16", "{\x00}\x00",
			iac.Error{Reason: "UTF-16", Err: iac.ErrSyntax}},
		{"JSON in UTF-16 with a byte-order mark", "\xff\xfe{\x00\"\x00R\x00",
			iac.Error{Reason: "save it as UTF-8", Err: iac.ErrSyntax}},
		{"YAML in UTF-16", "R\x00e\x00s\x00:\x00",
			iac.Error{Reason: "UTF-16", Err: iac.ErrSyntax}},
		{"YAML in UTF-16 big-endian", "\xfe\xff\x00R\x00e",
			iac.Error{Reason: "UTF-16", Err: iac.ErrSyntax}},
		{"empty", "",
			iac.Error{Reason: "the document is empty; expected a JSON or YAML document holding a CloudFormation template", Err: iac.ErrInvalid}},
		{"white space only", "\xef\xbb\xbf \n\t\n",
			iac.Error{Reason: "the document is empty; expected a JSON or YAML document", Err: iac.ErrInvalid}},
		{"not an object", "[1, 2]",
			iac.Error{Format: "JSON", Line: 1, Column: 1, Reason: "found a list, expected an object", Err: iac.ErrInvalid}},
		{"YAML scalar", "just text",
			iac.Error{Format: "YAML", Line: 1, Column: 1, Reason: "found a string, expected an object", Err: iac.ErrInvalid}},
		{"raw tfstate", `{"version": 4, "lineage": "x", "resources": []}`,
			iac.Error{Format: "JSON", Reason: "raw terraform.tfstate", Err: iac.ErrInvalid}},
		{"Resources not an object", "Resources: [a]",
			iac.Error{Format: "YAML", Path: "Resources", Line: 1, Column: 12, Reason: "expected an object of resources", Err: iac.ErrInvalid}},
		{"resource_changes not a list", `{"resource_changes": {}}`,
			iac.Error{Format: "JSON", Path: "resource_changes", Line: 1, Column: 22, Reason: "expected a list of resource changes", Err: iac.ErrInvalid}},
		{"template without policy", "Resources:\n  Bucket: {Type: AWS::S3::Bucket}\n",
			iac.Error{Format: "YAML", Reason: "the CloudFormation template has no AWS::ImageBuilder::LifecyclePolicy resource", Err: iac.ErrNoMatch}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iac.Read([]byte(tc.input), iac.Options{})
			var e *iac.Error
			require.ErrorAs(t, err, &e)
			require.ErrorIs(t, err, tc.want.Err)
			assert.Contains(t, e.Reason, tc.want.Reason)
			got := *e
			got.Reason = tc.want.Reason
			assert.Equal(t, tc.want, got)
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
	assert.Equal(t, kindPolicy, src.Kind)
	p, err := src.Select("")
	require.NoError(t, err)
	assert.Empty(t, p.ID())
	assert.Equal(t, "us-east-1", p.Region())
	fs, _ := p.Validate(lifecycle.ValidateOptions{})
	want := []brief{{sevError, "policyDetails[0].filter.unit", "age-unit-required", 3, 62}}
	assert.Empty(t, cmp.Diff(want, briefs(fs)), "findings (-want +got)")

}

// TestPolicyJSONDecodeErrors checks that API JSON the policy decoder
// rejects gives an *iac.Error at the decoder's path, with the line and
// column, wrapping the sentinel that fits, and that the decoder's
// *lifecycle.Error stays reachable.
func TestPolicyJSONDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, input string
		want        iac.Error // Err: the sentinel
		decodeErr   error     // the lifecycle sentinel
	}{
		{"wrong type", `{"name": 1}`,
			iac.Error{Format: "JSON", Path: "name", Line: 1, Column: 10, Reason: "found a number, expected a string", Err: iac.ErrInvalid},
			lifecycle.ErrInvalid},
		{"wrong type on a later line", "{\n  \"policyDetails\": 3}",
			iac.Error{Format: "JSON", Path: "policyDetails", Line: 2, Column: 20, Reason: "found a number, expected an array", Err: iac.ErrInvalid},
			lifecycle.ErrInvalid},
		{"unknown member", `{"name": "p", "nmae": "q"}`,
			iac.Error{Format: "JSON", Path: "nmae", Line: 1, Column: 15, Err: iac.ErrInvalid},
			lifecycle.ErrUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := iac.Read([]byte(tc.input), iac.Options{})
			var e *iac.Error
			require.ErrorAs(t, err, &e)
			assert.ErrorIs(t, err, tc.want.Err)
			assert.ErrorIs(t, err, tc.decodeErr, "the decoder's sentinel")
			var de *lifecycle.Error
			require.ErrorAs(t, err, &de, "the decoder's own error")
			assert.Equal(t, de.Reason, e.Reason, "the same message")
			got := *e
			got.Err = tc.want.Err
			if tc.want.Reason == "" {
				got.Reason = ""
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestValidateErrorDecisions checks that the error of Policy.Validate
// gives the first error finding's code and decisions, as the finding
// itself prints them.
func TestValidateErrorDecisions(t *testing.T) {
	data := []byte(`{"name": "pol", "executionRole": "r", "resourceType": "AMI_IMAGE",
  "policyDetails": [{"action": {"type": "DELETE"}, "filter": {"type": "COUNT", "value": 3}}],
  "resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "1.x.x"}], "tagMap": {"env": "dev"}}}`)
	p := mustSelect(t, data, iac.Options{})
	fs, err := p.Validate(lifecycle.ValidateOptions{})
	require.ErrorIs(t, err, iac.ErrInvalid)
	require.NotEmpty(t, fs)
	first := fs[0]
	require.NotEmpty(t, first.Decisions, "the finding has decisions: %v", first)
	var e *iac.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, first.Path, e.Path)
	want := first.Message + " [" + first.Code
	for _, d := range first.Decisions {
		want += ", " + string(d)
	}
	assert.Equal(t, want+"]", e.Reason)
	assert.Contains(t, e.Reason, "[selection-both, L-P1]")
}

func TestParseParameters(t *testing.T) {
	got, err := iac.ParseParameters([]string{"Env=prod", "AWS::Region=us-east-1", "Eq=a=b", "Env=dev", "Empty="})
	require.NoError(t, err)
	want := map[string]string{"Env": "dev", "AWS::Region": "us-east-1", "Eq": "a=b", "Empty": ""}
	assert.Equal(t, want, got)
	for _, bad := range []string{"novalue", "=x"} {
		t.Run(bad, func(t *testing.T) {
			_, err := iac.ParseParameters([]string{bad})
			require.ErrorIs(t, err, iac.ErrSyntax)
			assert.EqualError(t, err, "iac: parameter "+strconv.Quote(bad)+" is not KEY=VALUE; write it as Env=prod or AWS::Region=us-east-1")
		})
	}
}

func TestFindingJSON(t *testing.T) {
	f := iac.Finding{Finding: lifecycle.Finding{Severity: sevError, Path: "Resources.P.Properties.Name",
		Code: "required", Message: "is missing"}, Line: 3, Column: 7}
	got, err := json.Marshal(f)
	require.NoError(t, err)
	assert.Equal(t, `{"severity":"error","path":"Resources.P.Properties.Name","code":"required","message":"is missing","line":3,"column":7}`, string(got))
	assert.Equal(t, "3:7: Resources.P.Properties.Name: error: is missing [required]", f.String())
	f.Line, f.Column = 0, 0
	assert.Equal(t, "Resources.P.Properties.Name: error: is missing [required]", f.String(), "without a position")
}
