package iac_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

var testNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	return readFileB(t, name)
}

func readFileB(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// goldenInventory holds images that each rule of the golden policy acts on,
// images it keeps, and images outside its selection.
func goldenInventory(t *testing.T) *inventory.Index {
	t.Helper()
	b := lifecycletest.Inventory(testNow)
	d := lifecycletest.Days
	b.AMIImage("web-server", "1.0.0", d(10))
	b.AMIImage("web-server", "1.0.0", d(45))
	b.AMIImage("web-server", "1.0.0", d(90))
	b.AMIImage("web-server", "1.0.0", d(150))
	b.AMIImage("web-server", "1.1.0", d(70)).Tag("lifecycle", "pinned")
	b.AMIImage("batch-worker", "3.1.0", d(130)).WithAMIs(lifecycletest.AMI{}, lifecycletest.AMI{Region: "ap-southeast-2"})
	b.AMIImage("batch-worker", "3.1.0", d(200)).WithAMIs(lifecycletest.AMI{}, lifecycletest.AMI{Region: "ap-southeast-2"})
	b.AMIImage("api", "1.0.0", d(300))
	idx, findings := b.Build().Index()
	if findings.HasErrors() {
		t.Fatalf("inventory: %v", findings)
	}
	return idx
}

// TestFourWaysSamePlan reads one policy written as API JSON, as a
// CloudFormation YAML template with parameters and short-form intrinsics,
// as a CDK-synthesized template and as a Terraform plan, and checks that
// the dry-runs over one inventory are identical.
func TestFourWaysSamePlan(t *testing.T) {
	idx := goldenInventory(t)
	opts := iac.Options{Region: "us-east-1", AccountID: "123456789012"}
	cases := []struct {
		file     string
		kind     iac.Kind
		id       string
		warnings []string // paths of the reading warnings
	}{
		{file: "golden.json", kind: iac.KindPolicy},
		{file: "golden.yaml", kind: iac.KindCloudFormation, id: "GoldenLifecycle"},
		{file: "golden.cdk.json", kind: iac.KindCloudFormation, id: "GoldenLifecycle6C1F0E52",
			warnings: []string{"Resources.GoldenLifecycle6C1F0E52.Properties.ExecutionRole"}},
		{file: "golden.tfplan.json", kind: iac.KindTerraformPlan, id: "aws_imagebuilder_lifecycle_policy.golden",
			warnings: []string{"aws_imagebuilder_lifecycle_policy.golden: execution_role"}},
	}
	var want *plan.Plan
	var wantPolicy lifecycle.Policy
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			src, err := iac.Read(readFile(t, tc.file), opts)
			if err != nil {
				t.Fatal(err)
			}
			if src.Kind != tc.kind {
				t.Errorf("Kind = %v, want %v", src.Kind, tc.kind)
			}
			p, err := src.Select("")
			if err != nil {
				t.Fatal(err)
			}
			if p.ID != tc.id {
				t.Errorf("ID = %q, want %q", p.ID, tc.id)
			}
			if p.Region != "us-east-1" || p.AccountID != "123456789012" {
				t.Errorf("Region, AccountID = %q, %q", p.Region, p.AccountID)
			}
			findings, err := p.Validate(lifecycle.ValidateOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range findings {
				if f.Code == iac.CodeUnresolved {
					got = append(got, f.Path)
				}
			}
			if diff := cmp.Diff(tc.warnings, got); diff != "" {
				t.Errorf("unresolved-value warnings (-want +got):\n%s\nall: %v", diff, findings)
			}
			pl, err := plan.DryRun(&p.Document.Policy, idx, testNow, plan.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if want == nil {
				want, wantPolicy = pl, p.Document.Policy
				if !pl.HasImpactedResources {
					t.Fatal("the golden plan acts on nothing; the test inventory is too weak")
				}
				return
			}
			if diff := cmp.Diff(wantPolicy, p.Document.Policy, cmpopts.IgnoreFields(lifecycle.Policy{}, "ExecutionRole")); diff != "" {
				t.Errorf("policy differs from the API JSON one (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(want, pl); diff != "" {
				t.Errorf("plan differs from the API JSON one (-want +got):\n%s", diff)
			}
		})
	}
}

// TestFindingsInSourceTerms checks that a validation finding of the
// converted policy names the member as the source writes it.
func TestFindingsInSourceTerms(t *testing.T) {
	for _, tc := range []struct {
		file, old, new string
		want           brief
	}{
		{"golden.json", `"value": 60, "unit": "DAYS"`, `"value": 60, "unit": "DAY"`,
			brief{lifecycle.SeverityError, "policyDetails[1].filter.unit", "invalid-enum", 14, 54}},
		{"golden.yaml", "Disable]\n            Unit: DAYS", "Disable]\n            Unit: DAY",
			brief{lifecycle.SeverityError, "Resources.GoldenLifecycle.Properties.PolicyDetails[1].Filter.Unit", "invalid-enum", 66, 19}},
		{"golden.cdk.json", `"Unit": "DAYS", "Value": 60`, `"Unit": "DAY", "Value": 60`,
			brief{lifecycle.SeverityError, "Resources.GoldenLifecycle6C1F0E52.Properties.PolicyDetails[1].Filter.Unit", "invalid-enum", 24, 41}},
		{"golden.tfplan.json", `"unit": "DAYS", "value": 60`, `"unit": "DAY", "value": 60`,
			brief{lifecycle.SeverityError, "aws_imagebuilder_lifecycle_policy.golden: policy_detail[1].filter[0].unit", "invalid-enum", 35, 75}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := string(readFile(t, tc.file))
			if !strings.Contains(data, tc.old) {
				t.Fatalf("%s lacks %q", tc.file, tc.old)
			}
			src := mustRead(t, []byte(strings.Replace(data, tc.old, tc.new, 1)), iac.Options{AccountID: "123456789012"})
			fs, err := src.Policies[0].Validate(lifecycle.ValidateOptions{})
			if err == nil {
				t.Fatal("no error")
			}
			var got []brief
			for _, b := range briefs(fs) {
				if b.Severity == lifecycle.SeverityError {
					got = append(got, b)
				}
			}
			if diff := cmp.Diff([]brief{tc.want}, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}
