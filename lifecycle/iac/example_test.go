package iac_test

import (
	"errors"
	"fmt"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

func ExampleRead() {
	template := []byte(`
Parameters:
  KeepDays: {Type: Number, Default: 90}
Resources:
  WebCleanup:
    Type: AWS::ImageBuilder::LifecyclePolicy
    Properties:
      Name: !Sub "web-cleanup-${AWS::Region}"
      ExecutionRole: !GetAtt LifecycleRole.Arn
      ResourceType: AMI_IMAGE
      PolicyDetails:
        - Action: {Type: DELETE, IncludeResources: {Amis: true}}
          Filter: {Type: AGE, Value: !Ref KeepDays, Unit: DAYS}
      ResourceSelection:
        Recipes: [{Name: web-server, SemanticVersion: 1.x.x}]
`)
	src, err := iac.Read(template, iac.Options{Region: "eu-west-1", Parameters: map[string]string{"KeepDays": "30"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := src.Select("")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(src.Kind+":", p.ID(), p.Region())
	pol := p.Document().Policy
	fmt.Println(pol.Name, pol.PolicyDetails[0].Filter.Value, pol.PolicyDetails[0].Filter.Unit)
	findings, err := p.Validate(lifecycle.ValidateOptions{})
	for _, f := range findings {
		fmt.Println(f.Line, f.Column, f.Path, f.Severity, f.Code)
	}
	fmt.Println(err)
	// Output:
	// CloudFormation template: WebCleanup eu-west-1
	// web-cleanup-eu-west-1 30 DAYS
	// 9 22 Resources.WebCleanup.Properties.ExecutionRole warning unresolved
	// <nil>
}

func ExampleSource_Select() {
	pl := []byte(`{
  "format_version": "1.2",
  "resource_changes": [
    {"address": "module.a.aws_imagebuilder_lifecycle_policy.this", "type": "aws_imagebuilder_lifecycle_policy",
     "change": {"actions": ["create"], "after": {"name": "a-cleanup"}}},
    {"address": "module.b.aws_imagebuilder_lifecycle_policy.this", "type": "aws_imagebuilder_lifecycle_policy",
     "change": {"actions": ["create"], "after": {"name": "b-cleanup"}}}
  ]
}`)
	src, err := iac.Read(pl, iac.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = src.Select("")
	fmt.Println(errors.Is(err, iac.ErrInvalid), err)
	p, err := src.Select("module.b.aws_imagebuilder_lifecycle_policy.this")
	fmt.Println(p.Document().Policy.Name, err)
	// Output:
	// true iac: the source holds 2 lifecycle policies (module.a.aws_imagebuilder_lifecycle_policy.this, module.b.aws_imagebuilder_lifecycle_policy.this); choose one with --address ID
	// b-cleanup <nil>
}

func ExamplePolicy_Validate() {
	pl := []byte(`{
  "format_version": "1.2",
  "resource_changes": [{
    "address": "aws_imagebuilder_lifecycle_policy.golden", "type": "aws_imagebuilder_lifecycle_policy",
    "change": {
      "actions": ["create"],
      "after": {"name": "golden", "execution_role": "LifecycleRole", "resource_type": "AMI_IMAGE",
        "policy_detail": [{"action": [{"type": "DELETE"}], "filter": [{"type": "AGE", "unit": "DAY"}]}],
        "resource_selection": [{"tag_map": {"env": "prod"}}]},
      "after_unknown": {"policy_detail": [{"filter": [{"value": true}]}]}
    }
  }]
}`)
	src, err := iac.Read(pl, iac.Options{Region: "us-east-1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	findings, err := src.Policies[0].Validate(lifecycle.ValidateOptions{})
	for _, f := range findings {
		fmt.Println(f.Line, f.Column, f.Path)
		fmt.Println("   ", f.Severity, f.Code, f.Message)
	}
	fmt.Println(errors.Is(err, iac.ErrInvalid))
	// Output:
	// 8 71 aws_imagebuilder_lifecycle_policy.golden: policy_detail[0].filter[0].value
	//     error unresolved (known after apply) cannot be resolved offline (Terraform computes it during apply); the dry-run needs this value: --parameter aws_imagebuilder_lifecycle_policy.golden.policy_detail[0].filter[0].value=VALUE supplies it
	// 8 95 aws_imagebuilder_lifecycle_policy.golden: policy_detail[0].filter[0].unit
	//     error invalid-enum "DAY" is not a valid value; use one of DAYS, WEEKS, MONTHS, YEARS
	// true
}

func ExampleParseParameters() {
	params, err := iac.ParseParameters([]string{"Environment=prod", "AWS::Region=eu-west-1"})
	fmt.Println(params, err)
	_, err = iac.ParseParameters([]string{"Environment"})
	fmt.Println(errors.Is(err, iac.ErrSyntax), err)
	// Output:
	// map[AWS::Region:eu-west-1 Environment:prod] <nil>
	// true iac: parameter "Environment" is not KEY=VALUE; write it as Env=prod or AWS::Region=us-east-1
}

func ExamplePolicy_Locate() {
	template := []byte(`{"Resources": {"Cleanup": {
  "Type": "AWS::ImageBuilder::LifecyclePolicy",
  "Properties": {
    "PolicyDetails": [
      {"Action": {"Type": "DELETE"}, "Filter": {"Type": "COUNT", "Value": 5}}
    ]
  }
}}}`)
	src, err := iac.Read(template, iac.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// A path of the converted policy, as lifecycle.DryRun's findings give it.
	path, line, column := src.Policies[0].Locate("policyDetails[0].filter.value")
	fmt.Println(path, line, column)
	// Output:
	// Resources.Cleanup.Properties.PolicyDetails[0].Filter.Value 5 75
}
