package iac_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
			p := mustRead(t, []byte(data), opts).Policies[0]
			fs, _ := p.Validate(lifecycle.ValidateOptions{})
			assert.Equal(t, tc.want, p.Document().Policy.Description, "findings %v", fs)
			if tc.why == "" {
				assert.Empty(t, fs)
				return
			}
			var msgs []string
			for _, f := range fs {
				msgs = append(msgs, f.Message)
			}
			assert.Contains(t, strings.Join(msgs, "\n"), tc.why)
		})
	}
}

// TestPartitionFromRegion checks AWS::Partition and AWS::URLSuffix as
// worked out from the Region for every partition ibkit knows, and that a
// Region of no known partition leaves them unresolved instead of guessing
// "aws".
func TestPartitionFromRegion(t *testing.T) {
	const expr = `!Sub "${AWS::Partition} ${AWS::URLSuffix} arn:${AWS::Partition}:imagebuilder:${AWS::Region}:aws:image-recipe/r/x.x.x"`
	for _, tc := range []struct {
		name, region string
		params       map[string]string
		want         string // the resolved description
		why          string // or a part of the unresolved-value message
	}{
		{name: "aws", region: "us-east-1", want: "aws amazonaws.com arn:aws:imagebuilder:us-east-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-cn", region: "cn-northwest-1", want: "aws-cn amazonaws.com.cn arn:aws-cn:imagebuilder:cn-northwest-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-us-gov", region: "us-gov-west-1", want: "aws-us-gov amazonaws.com arn:aws-us-gov:imagebuilder:us-gov-west-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-iso", region: "us-iso-east-1", want: "aws-iso c2s.ic.gov arn:aws-iso:imagebuilder:us-iso-east-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-iso-b", region: "us-isob-east-1", want: "aws-iso-b sc2s.sgov.gov arn:aws-iso-b:imagebuilder:us-isob-east-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-iso-e", region: "eu-isoe-west-1", want: "aws-iso-e cloud.adc-e.uk arn:aws-iso-e:imagebuilder:eu-isoe-west-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-iso-f", region: "us-isof-south-1", want: "aws-iso-f csp.hci.ic.gov arn:aws-iso-f:imagebuilder:us-isof-south-1:aws:image-recipe/r/x.x.x"},
		{name: "aws-eusc", region: "eusc-de-east-1", want: "aws-eusc amazonaws.eu arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:image-recipe/r/x.x.x"},
		{name: "given values win", region: "xx-mars-1", params: map[string]string{"AWS::Partition": "aws-mars", "AWS::URLSuffix": "mars.example"},
			want: "aws-mars mars.example arn:aws-mars:imagebuilder:xx-mars-1:aws:image-recipe/r/x.x.x"},
		{name: "unknown partition", region: "xx-mars-1", why: `the Region "xx-mars-1" is in no partition ibkit knows`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Replace(intrinsicTemplate, "EXPR", expr, 1)
			p := mustRead(t, []byte(data), iac.Options{Region: tc.region, Parameters: tc.params}).Policies[0]
			fs, _ := p.Validate(lifecycle.ValidateOptions{})
			assert.Equal(t, tc.want, p.Document().Policy.Description, "findings %v", fs)
			if tc.why == "" {
				assert.Empty(t, fs)
				return
			}
			require.NotEmpty(t, fs)
			assert.Equal(t, "unresolved", string(fs[0].Code))
			assert.Contains(t, fs[0].Message, tc.why)
			assert.Contains(t, fs[0].Message, "AWS::Partition", "the message names the parameter that supplies the value")
		})
	}
}

func TestResourceConditionUndecided(t *testing.T) {
	data := strings.Replace(intrinsicTemplate, "    Type: AWS::ImageBuilder::LifecyclePolicy\n",
		"    Type: AWS::ImageBuilder::LifecyclePolicy\n    Condition: Unknown\n", 1)
	src := mustRead(t, []byte(strings.Replace(data, "EXPR", "d", 1)), iac.Options{})
	fs, err := src.Policies[0].Validate(lifecycle.ValidateOptions{})
	require.NoError(t, err)
	want := []brief{{sevWarning, "Resources.P.Condition", "undecided-condition", 24, 16}}
	assert.Empty(t, cmp.Diff(want, briefs(fs)), "findings (-want +got)")
}

func TestTemplateTypes(t *testing.T) {
	const tmpl = `{"Resources": {"P": {"Type": "AWS::ImageBuilder::LifecyclePolicy", "Properties": {
  "Name": "pol", "ExecutionRole": "r", "ResourceType": "AMI_IMAGE", "Extra": 1,
  "PolicyDetails": [{"Action": {"Type": "DELETE", "IncludeResources": {"Amis": "yes"}},
    "Filter": {"Type": "COUNT", "Value": "2.5"}}],
  "ResourceSelection": {"Recipes": {"Name": "web"}}}}}}`
	const prefix = "Resources.P.Properties."
	typeErrors := []brief{
		{sevError, prefix + "PolicyDetails[0].Action.IncludeResources.Amis", "wrong-type", 3, 80},
		{sevError, prefix + "PolicyDetails[0].Filter.Value", "wrong-type", 4, 42},
		{sevError, prefix + "ResourceSelection.Recipes", "wrong-type", 5, 36},
	}
	for _, tc := range []struct {
		name string
		opts iac.Options
		want []brief
	}{
		{"strict", iac.Options{}, append([]brief{{sevError, prefix + "Extra", "unknown-property", 2, 78}}, typeErrors...)},
		{"unknown fields allowed", iac.Options{AllowUnknownFields: true}, typeErrors},
	} {
		t.Run(tc.name, func(t *testing.T) {
			fs, _ := mustRead(t, []byte(tmpl), tc.opts).Policies[0].Validate(lifecycle.ValidateOptions{})
			assert.Empty(t, cmp.Diff(tc.want, briefs(fs)), "findings (-want +got)")
		})
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
	require.Len(t, p.Document().Policy.PolicyDetails, 1)
	fs, _ := p.Validate(lifecycle.ValidateOptions{})
	want := []brief{
		{sevError, "Resources.P.Properties.PolicyDetails[1].Filter.Unit", "invalid-enum", 14, 47},
		{sevError, "Resources.P.Properties.ResourceSelection.Recipes[1].SemanticVersion", "invalid-pattern", 18, 42},
	}
	assert.Empty(t, cmp.Diff(want, briefs(fs)), "findings (-want +got)")
	type location struct {
		Path         string
		Line, Column int
	}
	var got location
	got.Path, got.Line, got.Column = p.Locate("policyDetails[0].action.type")
	assert.Equal(t, location{"Resources.P.Properties.PolicyDetails[1].Action.Type", 13, 26}, got)
}
