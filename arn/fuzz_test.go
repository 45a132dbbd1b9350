package arn_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
)

// samples holds a valid value of every shape; the fuzz targets and the
// mutation test start from them.
var samples = map[arn.Shape][]string{
	arn.ImageRecipeArn:                       {"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.x"},
	arn.ContainerRecipeArn:                   {"arn:aws-cn:imagebuilder:cn-north-1:aws:container-recipe/c_1/2021.01.01"},
	arn.InfrastructureConfigurationArn:       {"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/infra"},
	arn.DistributionConfigurationArn:         {"arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/dist"},
	arn.ImagePipelineArn:                     {"arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/my-pipeline"},
	arn.LifecyclePolicyArn:                   {"arn:aws-us-gov:imagebuilder:us-gov-west-1:123456789012:lifecycle-policy/keep-5"},
	arn.ComponentBuildVersionArn:             {"arn:aws:imagebuilder:us-east-1:aws-marketplace:component/dd-agent-prod-abc/0.1.0/1"},
	arn.ComponentVersionArn:                  {"arn:aws:imagebuilder:us-east-1:aws:component/python-3-linux/1.0.0"},
	arn.ComponentVersionArnOrBuildVersionArn: {"arn:aws:imagebuilder:us-east-1:third-party:component/cis-level-1/x.x.x", "arn:aws:imagebuilder:us-east-1:aws:component/c/1.0.0/12"},
	arn.ImageBuildVersionArn:                 {"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1"},
	arn.ImageVersionArn:                      {"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.12.17"},
	arn.ImageVersionArnOrBuildVersionArn:     {"arn:aws:imagebuilder:us-west-2:aws:image/windows-server-2016-english-full-base-x86/x.x.x"},
	arn.WorkflowBuildVersionArn:              {"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.1/1"},
	arn.WorkflowVersionArn:                   {"arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:workflow/test/test-image/1.0.0"},
	arn.WorkflowWildcardVersionArn:           {"arn:aws:imagebuilder:us-east-1:123456789012:workflow/distribution/d/1.x.x"},
	arn.WorkflowNameArn:                      {"arn:aws-iso-b:imagebuilder:us-isob-east-1:aws:workflow/build/b/x.x.x"},
	arn.WorkflowVersionArnOrBuildVersionArn:  {"arn:aws:imagebuilder:us-east-1:aws-foo:workflow/test/t/1.2.3/4"},
	arn.ImageBuilderArn:                      {"arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p", "arn:aws:imagebuilder:us-east-1:aws:image/i/x.x.x/1"},
	arn.RoleNameOrArn:                        {"service-role/EC2InstanceProfileForImageBuilder", "arn:aws:iam::123456789012:role/path/Role+1"},
	arn.SnsTopicArn:                          {"arn:aws:sns:us-east-1:123456789012:my-topic"},
	arn.LicenseConfigurationArn:              {"arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef"},
	arn.OrganizationArn:                      {"arn:aws:organizations::123456789012:organization/o-abcdefghij"},
	arn.OrganizationalUnitArn:                {"arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef5678"},
	arn.AccountId:                            {"123456789012"},
	arn.LaunchTemplateId:                     {"lt-0123456789abcdef0"},
	arn.LifecycleExecutionId:                 {"lce-0123abcd-89AB-cdef-0123-456789abcdef"},
	arn.WorkflowExecutionId:                  {"wf-0123abcd-89ab-cdef-0123-456789abcdef"},
	arn.WorkflowStepExecutionId:              {"step-0123abcd-89ab-cdef-0123-456789abcdef"},
	arn.SsmParameterName:                     {"/ibkit/ami/latest"},
	arn.InstanceProfileNameType:              {"EC2InstanceProfile+Image=Builder,.@-_1"},
	arn.MarketplaceResourceLocation:          {"s3://bucket/path/to/object.txt"},
	arn.ResourceName:                         {"My Recipe_1"},
	arn.ProductCodeId:                        {"abc123XYZ"},
	arn.LogGroupName:                         {"/aws/imagebuilder/my-recipe"},
	arn.VersionNumber:                        {"1.0.0"},
	arn.WildcardVersionNumber:                {"1.x.x"},
}

// sortedShapes returns the keys of samples in a fixed order.
func sortedShapes() []arn.Shape {
	shapes := make([]arn.Shape, 0, len(samples))
	for s := range samples {
		shapes = append(shapes, s)
	}
	slices.Sort(shapes)
	return shapes
}

// agree checks Validate and Check of every shape against the model oracle
// under the default reading and under the pure-model reading.
func agree(t *testing.T, o *oracle, shapes []arn.Shape, s string) {
	t.Helper()
	pure := arn.Options{RegexOnly: true, ModelOwnersOnly: true}
	for _, shape := range shapes {
		err := arn.Validate(shape, s)
		if want := o.defaultValid(shape, s); (err == nil) != want {
			t.Errorf("Validate(%s, %q) = %v, model oracle says valid=%v", shape, s, err, want)
		}
		if r := pure.Check(shape, s); r.Valid() != o.modelValid(shape, s) {
			t.Errorf("pure-model Check(%s, %q) = %v, raw model pattern says valid=%v", shape, s, r.Err, !r.Valid())
		}
	}
}

// agreeParse checks Parse against the oracle and its round-trip properties.
func agreeParse(t *testing.T, o *oracle, s string) {
	t.Helper()
	a, err := arn.Parse(s)
	if want := o.parseValid(s); (err == nil) != want {
		t.Fatalf("Parse(%q) = %v, oracle says valid=%v", s, err, want)
	}
	if err != nil {
		return
	}
	if got := a.String(); got != s {
		t.Fatalf("Parse(%q).String() = %q", s, got)
	}
	text, _ := a.MarshalText()
	var b arn.ARN
	if err := b.UnmarshalText(text); err != nil || b != a {
		t.Fatalf("UnmarshalText(MarshalText(%q)) = %v, %v", s, b, err)
	}
	if err := arn.Validate(arn.ImageBuilderArn, s); err != nil {
		t.Fatalf("Parse accepts %q but Validate(ImageBuilderArn) says %v", s, err)
	}
}

func FuzzValidate(f *testing.F) {
	for _, shape := range sortedShapes() {
		for _, s := range samples[shape] {
			f.Add(s)
		}
	}
	f.Add("arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef5678/x")
	f.Add("s3://b/\n\xff")
	f.Add("1.x.3")
	o := loadOracle()
	shapes := arn.Shapes()
	f.Fuzz(func(t *testing.T, s string) {
		agree(t, o, shapes, s)
	})
}

func FuzzParse(f *testing.F) {
	for _, shape := range sortedShapes() {
		if shape.IsImageBuilderARN() {
			for _, s := range samples[shape] {
				f.Add(s)
			}
		}
	}
	f.Add("arn:aws:imagebuilder:us-east-1:aws:lifecycle-policy/p/1.0.0")
	o := loadOracle()
	f.Fuzz(func(t *testing.T, s string) {
		agreeParse(t, o, s)
	})
}

// TestMutations compares Validate and Parse with the model oracle on every
// single-character edit of the samples, a deterministic complement of the
// fuzz targets that runs with every go test.
func TestMutations(t *testing.T) {
	o := loadOracle()
	alphabet := []string{"", "0", "1", "9", "x", "X", "a", "z", "A", "-", "_", ":", "/", ".", " ", "\n", "é"}
	count := 0
	for _, shape := range sortedShapes() {
		for _, seed := range samples[shape] {
			check := []arn.Shape{shape}
			if shape.IsImageBuilderARN() && shape != arn.ImageBuilderArn {
				check = append(check, arn.ImageBuilderArn)
			}
			for i := 0; i <= len(seed); i++ {
				for _, c := range alphabet {
					variants := []string{seed[:i] + c + seed[i:]} // insertion
					if i < len(seed) {
						variants = append(variants, seed[:i]+c+seed[i+1:]) // replacement or deletion
					}
					for _, s := range variants {
						count++
						agree(t, o, check, s)
						if shape.IsImageBuilderARN() {
							agreeParse(t, o, s)
						}
						if t.Failed() {
							t.FailNow()
						}
					}
				}
			}
		}
	}
	if count < 50000 {
		t.Errorf("only %d variants", count)
	}
}

// TestValidateLongInputs covers the length limits with the oracle.
func TestValidateLongInputs(t *testing.T) {
	o := loadOracle()
	shapes := arn.Shapes()
	for _, n := range []int{255, 256, 257, 511, 512, 513, 1010, 1011, 1012, 1023, 1024, 1025, 2047, 2048, 2049} {
		for _, s := range []string{
			strings.Repeat("a", n),
			"s3://b/" + strings.Repeat("k", n-7),
			"s3://b/" + strings.Repeat("é", n-7),
			"arn:aws:imagebuilder:us-east-1:aws:lifecycle-policy/" + strings.Repeat("p", n-52),
			"arn:aws:imagebuilder:us-east-1:aws:workflow/build/" + strings.Repeat("w", n-62) + "/1.0.0/1",
			"arn:aws:iam::123456789012:role/" + strings.Repeat("r", n-31),
		} {
			agree(t, o, shapes, s)
		}
	}
}
