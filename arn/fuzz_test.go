package arn_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
)

// samples holds a valid value of every shape; the fuzz targets and the
// mutation test start from them.
var samples = map[string][]string{
	"ImageRecipeArn":                       {"arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.x"},
	"ContainerRecipeArn":                   {"arn:aws-cn:imagebuilder:cn-north-1:aws:container-recipe/c_1/2021.01.01"},
	"InfrastructureConfigurationArn":       {"arn:aws:imagebuilder:us-east-1:123456789012:infrastructure-configuration/infra"},
	"DistributionConfigurationArn":         {"arn:aws:imagebuilder:us-east-1:123456789012:distribution-configuration/dist"},
	"ImagePipelineArn":                     {"arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/my-pipeline"},
	"LifecyclePolicyArn":                   {"arn:aws-us-gov:imagebuilder:us-gov-west-1:123456789012:lifecycle-policy/keep-5"},
	"ComponentBuildVersionArn":             {"arn:aws:imagebuilder:us-east-1:aws-marketplace:component/dd-agent-prod-abc/0.1.0/1"},
	"ComponentVersionArn":                  {"arn:aws:imagebuilder:us-east-1:aws:component/python-3-linux/1.0.0"},
	"ComponentVersionArnOrBuildVersionArn": {"arn:aws:imagebuilder:us-east-1:third-party:component/cis-level-1/x.x.x", "arn:aws:imagebuilder:us-east-1:aws:component/c/1.0.0/12"},
	"ImageBuildVersionArn":                 {"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1"},
	"ImageVersionArn":                      {"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.12.17"},
	"ImageVersionArnOrBuildVersionArn":     {"arn:aws:imagebuilder:us-west-2:aws:image/windows-server-2016-english-full-base-x86/x.x.x"},
	"WorkflowBuildVersionArn":              {"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.1/1"},
	"WorkflowVersionArn":                   {"arn:aws-eusc:imagebuilder:eusc-de-east-1:aws:workflow/test/test-image/1.0.0"},
	"WorkflowWildcardVersionArn":           {"arn:aws:imagebuilder:us-east-1:123456789012:workflow/distribution/d/1.x.x"},
	"WorkflowNameArn":                      {"arn:aws-iso-b:imagebuilder:us-isob-east-1:aws:workflow/build/b/x.x.x"},
	"WorkflowVersionArnOrBuildVersionArn":  {"arn:aws:imagebuilder:us-east-1:aws-foo:workflow/test/t/1.2.3/4"},
	"ImageBuilderArn":                      {"arn:aws:imagebuilder:us-east-1:aws:image-pipeline/p", "arn:aws:imagebuilder:us-east-1:aws:image/i/x.x.x/1"},
	"RoleNameOrArn":                        {"service-role/EC2InstanceProfileForImageBuilder", "arn:aws:iam::123456789012:role/path/Role+1"},
	"SnsTopicArn":                          {"arn:aws:sns:us-east-1:123456789012:my-topic"},
	"LicenseConfigurationArn":              {"arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0123456789abcdef"},
	"OrganizationArn":                      {"arn:aws:organizations::123456789012:organization/o-abcdefghij"},
	"OrganizationalUnitArn":                {"arn:aws:organizations::123456789012:ou/o-abcdefghij/ou-ab12-cdef5678"},
	"AccountId":                            {"123456789012"},
	"LaunchTemplateId":                     {"lt-0123456789abcdef0"},
	"LifecycleExecutionId":                 {"lce-0123abcd-89AB-cdef-0123-456789abcdef"},
	"WorkflowExecutionId":                  {"wf-0123abcd-89ab-cdef-0123-456789abcdef"},
	"WorkflowStepExecutionId":              {"step-0123abcd-89ab-cdef-0123-456789abcdef"},
	"SsmParameterName":                     {"/ibkit/ami/latest"},
	"InstanceProfileNameType":              {"EC2InstanceProfile+Image=Builder,.@-_1"},
	"MarketplaceResourceLocation":          {"s3://bucket/path/to/object.txt"},
	"ResourceName":                         {"My Recipe_1"},
	"ProductCodeId":                        {"abc123XYZ"},
	"LogGroupName":                         {"/aws/imagebuilder/my-recipe"},
	"VersionNumber":                        {"1.0.0"},
	"WildcardVersionNumber":                {"1.x.x"},
}

// sortedShapes returns the keys of samples in a fixed order.
func sortedShapes() []string {
	shapes := make([]string, 0, len(samples))
	for s := range samples {
		shapes = append(shapes, s)
	}
	slices.Sort(shapes)
	return shapes
}

// agree checks Validate and Check of every shape against the model oracle
// under the default reading and under the pure-model reading.
func agree(t *testing.T, o *oracle, shapes []string, s string) {
	t.Helper()
	pure := arn.Options{Readings: []arn.Decision{arn.RegexOnly, arn.ModelOwnersOnly}}
	for _, shape := range shapes {
		err := arn.Validate(shape, s)
		if want := o.defaultValid(shape, s); (err == nil) != want {
			t.Errorf("Validate(%s, %q) = %v, model oracle says valid=%v", shape, s, err, want)
		}
		if _, err := pure.Check(shape, s); (err == nil) != o.modelValid(shape, s) {
			t.Errorf("pure-model Check(%s, %q) = %v, raw model pattern says valid=%v", shape, s, err, err != nil)
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
	if err := arn.Validate("ImageBuilderArn", s); err != nil {
		t.Fatalf("Parse accepts %q but Validate(ImageBuilderArn) says %v", s, err)
	}
	// The builders give back the same value from its parts.
	var back arn.ARN
	if a.Type() == arn.Workflow {
		back, err = arn.NewWorkflow(a.Partition(), a.Region(), a.Account(), a.Stage(), a.Name())
	} else {
		back, err = arn.New(a.Partition(), a.Region(), a.Account(), a.Type(), a.Name())
	}
	if err == nil {
		back, err = back.WithVersion(a.VersionText())
	}
	if err != nil || back != a {
		t.Fatalf("rebuilding %q from its parts = %v, %v", s, back, err)
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
		if isImageBuilderShape(shape) {
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
			check := []string{shape}
			if isImageBuilderShape(shape) && shape != "ImageBuilderArn" {
				check = append(check, "ImageBuilderArn")
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
						if isImageBuilderShape(shape) {
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
