package iac_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

// FuzzRead checks that no input makes Read or Validate panic, that every
// failure is an *iac.Error wrapping one of the sentinels, and that a policy read
// from a template or Terraform reads back unchanged from its API JSON.
func FuzzRead(f *testing.F) {
	names, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, name := range names {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{
		"Resources: {P: {Type: AWS::ImageBuilder::LifecyclePolicy, Properties: {Name: !Sub '${A}', Tags: !If [C, {a: b}, !Ref AWS::NoValue]}}}",
		"Conditions: {C: !Or [!Condition C, !Equals [1, 1]]}\nResources: {P: {Type: AWS::ImageBuilder::LifecyclePolicy, Condition: C}}",
		"a: &x [*x]",
		`{"format_version": "1", "resource_changes": [{"type": "aws_imagebuilder_lifecycle_policy", "change": {"after": {"policy_detail": [{}]}, "after_unknown": {"policy_detail": true}}}]}`,
		`{"format_version": "1", "values": {"root_module": {"child_modules": [{"resources": [{"type": "aws_imagebuilder_lifecycle_policy", "values": {"arn": "arn:aws:imagebuilder:r:1:x"}}]}]}}}`,
		`{"name": "x"}`,
		"{\"Resources\": {\"P\": {\"Type\": \"AWS::ImageBuilder::LifecyclePolicy\", \"Properties\": {\"Name\": \"\\u00e9\\ud800\"}}}}",
		"\xff\xfe{\x00}\x00", "R\x00e\x00", "", " \n",
		`{"name": 1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := iac.Read(data, iac.Options{Region: "us-east-1"})
		if err != nil {
			var e *iac.Error
			if !errors.As(err, &e) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if !errors.Is(err, iac.ErrSyntax) && !errors.Is(err, iac.ErrInvalid) && !errors.Is(err, iac.ErrNoMatch) {
				t.Fatalf("error %v wraps none of the sentinels", err)
			}
			return
		}
		if len(src.Policies) == 0 {
			t.Fatal("no error and no policy")
		}
		for _, p := range src.Policies {
			if _, err := p.Validate(lifecycle.ValidateOptions{}); err != nil && !errors.Is(err, iac.ErrInvalid) {
				t.Fatalf("Validate error %v", err)
			}
			if src.Kind == kindPolicy {
				continue
			}
			api, err := json.Marshal(p.Document())
			if err != nil {
				t.Fatal(err)
			}
			back, err := iac.Read(api, iac.Options{})
			if err != nil {
				t.Fatalf("the API JSON %s of a converted policy does not read back: %v", api, err)
			}
			if diff := cmp.Diff(p.Document().Policy, back.Policies[0].Document().Policy, cmpopts.EquateEmpty()); diff != "" {
				t.Fatalf("round trip through %s (-read +back):\n%s", api, diff)
			}
		}
	})
}
