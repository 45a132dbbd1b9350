package iac_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

// intrinsicTemplate is a template whose policy's Description is the
// expression under test.
const intrinsicTemplate = `
Parameters:
  Env: {Type: String, Default: prod}
  Names: {Type: CommaDelimitedList, Default: "a,b,c"}
  Count: {Type: Number, Default: 3}
  NoDefault: {Type: String}
Mappings:
  Settings:
    prod: {Label: production, Days: 30}
    dev: {Label: development}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Not [!Condition IsProd]
  ProdAndThree: !And [!Condition IsProd, !Equals [!Ref Count, 3]]
  DevOrThree: !Or [!Condition IsDev, !Equals ["3", !Ref Count]]
  Unknown: !Equals [!Ref NoDefault, x]
  UnknownOrProd: !Or [!Condition Unknown, !Condition IsProd]
  UnknownAndDev: !And [!Condition Unknown, !Condition IsDev]
  Loop: !Not [!Condition Loop]
Resources:
  Other: {Type: AWS::S3::Bucket}
  P:
    Type: AWS::ImageBuilder::LifecyclePolicy
    Properties:
      Name: pol
      ExecutionRole: r
      ResourceType: AMI_IMAGE
      PolicyDetails: [{Action: {Type: DELETE}, Filter: {Type: COUNT, Value: 1}}]
      ResourceSelection: {TagMap: {k: v}}
      Description: EXPR
`

func TestIntrinsics(t *testing.T) {
	opts := iac.Options{Region: "cn-north-1", AccountID: "123456789012",
		Parameters: map[string]string{"AWS::StackName": "stack", "Given": "x"}}
	for _, tc := range []struct {
		name, expr string
		want       string // the resolved description
		why        string // or a part of the unresolved-value message
	}{
		{"literal", `plain`, "plain", ""},
		{"Ref parameter default", `!Ref Env`, "prod", ""},
		{"Ref number parameter", `!Ref Count`, "3", ""},
		{"Ref pseudo parameters", `!Join [" ", [!Ref AWS::Region, !Ref AWS::AccountId, !Ref AWS::Partition, !Ref AWS::URLSuffix, !Ref AWS::StackName]]`,
			"cn-north-1 123456789012 aws-cn amazonaws.com.cn stack", ""},
		{"long form", `{"Fn::Join": ["-", [{"Ref": "Env"}, "x"]]}`, "prod-x", ""},
		{"Sub string", `!Sub "${Env}-${AWS::Region}-${!Literal}"`, "prod-cn-north-1-${Literal}", ""},
		{"Sub with variables", `!Sub ["${A}/${Env}", {A: !Select [1, !Ref Names]}]`, "b/prod", ""},
		{"Sub of an attribute", `!Sub "${Other.Arn}"`, "", "--parameter Other.Arn=VALUE"},
		{"Select", `!Select [2, !Ref Names]`, "c", ""},
		{"Select out of range", `!Select [5, !Ref Names]`, "", "index 5 is outside a list of 3"},
		{"Split and Select", `!Select [1, !Split ["/", "x/y/z"]]`, "y", ""},
		{"Join of a list parameter", `!Join ["+", !Ref Names]`, "a+b+c", ""},
		{"FindInMap", `!FindInMap [Settings, !Ref Env, Label]`, "production", ""},
		{"FindInMap number", `!FindInMap [Settings, prod, Days]`, "30", ""},
		{"FindInMap default", `!FindInMap [Settings, dev, Days, {DefaultValue: none}]`, "none", ""},
		{"FindInMap missing", `!FindInMap [Settings, test, Label]`, "", "Mappings has no entry Settings.test.Label"},
		{"Base64", `!Base64 abc`, "YWJj", ""},
		{"If true", `!If [IsProd, yes-prod, no]`, "yes-prod", ""},
		{"If false", `!If [IsDev, yes, not-dev]`, "not-dev", ""},
		{"And", `!If [ProdAndThree, and-true, and-false]`, "and-true", ""},
		{"Or", `!If [DevOrThree, or-true, or-false]`, "or-true", ""},
		{"Or decided despite an unknown", `!If [UnknownOrProd, decided, x]`, "decided", ""},
		{"And undecided", `!If [UnknownAndDev, x, "y"]`, "y", ""},
		{"If undecidable", `!If [Unknown, x, y]`, "", "NoDefault has no Default"},
		{"If on a missing condition", `!If [Nope, x, y]`, "", "no condition Nope"},
		{"condition loop", `!If [Loop, x, y]`, "", "refers to itself"},
		{"If with NoValue", `!If [IsDev, x, !Ref AWS::NoValue]`, "", ""},
		{"Ref resource", `!Ref Other`, "", "--parameter Other=VALUE"},
		{"Ref missing", `!Ref Missing`, "", "no parameter or resource Missing"},
		{"Ref given value", `!Ref Given`, "x", ""},
		{"Ref pseudo not given", `!Ref AWS::StackId`, "", "--parameter AWS::StackId=VALUE"},
		{"GetAtt", `!GetAtt Other.Arn`, "", "--parameter Other.Arn=VALUE"},
		{"GetAtt long form", `{"Fn::GetAtt": ["Other", "Arn"]}`, "", "--parameter Other.Arn=VALUE"},
		{"ImportValue", `!ImportValue {"Fn::Sub": "${Env}-name"}`, "", "--parameter ImportValue:prod-name=VALUE"},
		{"GetAZs", `!Select [0, !GetAZs ""]`, "", "does not evaluate Fn::GetAZs"},
		{"Equals in a property", `!Equals [a, a]`, "", "belongs in the Conditions section"},
		{"Join of an unknown", `!Join ["", [a, !GetAtt Other.Arn]]`, "", "--parameter Other.Arn=VALUE"},
		{"bad Join", `!Join [a]`, "", "Fn::Join expects"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(intrinsicTemplate, "EXPR", tc.expr, 1)
			src, err := iac.Read([]byte(data), opts)
			if err != nil {
				t.Fatal(err)
			}
			p := src.Policies[0]
			fs, _ := p.Validate(lifecycle.ValidateOptions{})
			if got := p.Document.Policy.Description; got != tc.want {
				t.Errorf("Description = %q, want %q (findings %v)", got, tc.want, fs)
			}
			var msgs []string
			for _, f := range fs {
				msgs = append(msgs, f.Message)
			}
			all := strings.Join(msgs, "\n")
			if tc.why == "" && len(fs) > 0 {
				t.Errorf("unexpected findings: %v", fs)
			}
			if tc.why != "" && !strings.Contains(all, tc.why) {
				t.Errorf("findings %q lack %q", all, tc.why)
			}
		})
	}
}

func TestResourceConditionUndecided(t *testing.T) {
	data := strings.Replace(intrinsicTemplate, "    Type: AWS::ImageBuilder::LifecyclePolicy\n",
		"    Type: AWS::ImageBuilder::LifecyclePolicy\n    Condition: Unknown\n", 1)
	src := mustRead(t, []byte(strings.Replace(data, "EXPR", "d", 1)), iac.Options{})
	fs, err := src.Policies[0].Validate(lifecycle.ValidateOptions{})
	if err != nil || len(fs) != 1 || fs[0].Code != iac.CodeUndecidedCondition || fs[0].Path != "Resources.P.Condition" {
		t.Errorf("findings %v, error %v", fs, err)
	}
}

func TestTemplateTypes(t *testing.T) {
	const tmpl = `{"Resources": {"P": {"Type": "AWS::ImageBuilder::LifecyclePolicy", "Properties": {
  "Name": "pol", "ExecutionRole": "r", "ResourceType": "AMI_IMAGE", "Extra": 1,
  "PolicyDetails": [{"Action": {"Type": "DELETE", "IncludeResources": {"Amis": "yes"}},
    "Filter": {"Type": "COUNT", "Value": "2.5"}}],
  "ResourceSelection": {"Recipes": {"Name": "web"}}}}}}`
	src := mustRead(t, []byte(tmpl), iac.Options{})
	fs, _ := src.Policies[0].Validate(lifecycle.ValidateOptions{})
	const prefix = "Resources.P.Properties."
	want := []brief{
		{lifecycle.SeverityError, prefix + "Extra", iac.CodeUnknownProperty, 2, 78},
		{lifecycle.SeverityError, prefix + "PolicyDetails[0].Action.IncludeResources.Amis", iac.CodeWrongType, 3, 80},
		{lifecycle.SeverityError, prefix + "PolicyDetails[0].Filter.Value", iac.CodeWrongType, 4, 42},
		{lifecycle.SeverityError, prefix + "ResourceSelection.Recipes", iac.CodeWrongType, 5, 36},
	}
	if diff := cmp.Diff(want, briefs(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	src = mustRead(t, []byte(tmpl), iac.Options{AllowUnknownFields: true})
	fs, _ = src.Policies[0].Validate(lifecycle.ValidateOptions{})
	if len(fs) != 3 {
		t.Errorf("with AllowUnknownFields: %v", fs)
	}
}

// TestNoValueKeepsWrittenIndex checks that a finding about a list element
// names the index it has as written when AWS::NoValue removed an element
// before it.
func TestNoValueKeepsWrittenIndex(t *testing.T) {
	const tmpl = `
Conditions:
  Never: !Equals [a, b]
Resources:
  P:
    Type: AWS::ImageBuilder::LifecyclePolicy
    Properties:
      Name: pol
      ExecutionRole: r
      ResourceType: AMI_IMAGE
      PolicyDetails:
        - !If [Never, {Action: {Type: DEPRECATE}, Filter: {Type: COUNT, Value: 1}}, !Ref AWS::NoValue]
        - Action: {Type: DELETE}
          Filter: {Type: AGE, Value: 3, Unit: DAY}
      ResourceSelection:
        Recipes:
          - !Ref AWS::NoValue
          - {Name: web, SemanticVersion: 1.0}
`
	p := mustRead(t, []byte(tmpl), iac.Options{}).Policies[0]
	if n := len(p.Document.Policy.PolicyDetails); n != 1 {
		t.Fatalf("%d rules, want 1", n)
	}
	fs, _ := p.Validate(lifecycle.ValidateOptions{})
	want := []brief{
		{lifecycle.SeverityError, "Resources.P.Properties.PolicyDetails[1].Filter.Unit", "invalid-enum", 14, 47},
		{lifecycle.SeverityError, "Resources.P.Properties.ResourceSelection.Recipes[1].SemanticVersion", "invalid-pattern", 18, 42},
	}
	if diff := cmp.Diff(want, briefs(fs)); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	path, line, col := p.Locate("policyDetails[0].action.type")
	if path != "Resources.P.Properties.PolicyDetails[1].Action.Type" || line != 13 || col != 26 {
		t.Errorf("Locate = %s %d:%d", path, line, col)
	}
}
