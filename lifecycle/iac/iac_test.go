package iac_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

var testNow = time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)

// The kinds of source, as Source.Kind names them.
const (
	kindPolicy   = "lifecycle policy JSON"
	kindTemplate = "CloudFormation template"
	kindPlan     = "Terraform plan JSON"
	kindState    = "Terraform state JSON"
)

func readFile(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return data
}

func mustRead(t *testing.T, data []byte, opts iac.Options) *iac.Source {
	t.Helper()
	src, err := iac.Read(data, opts)
	require.NoError(t, err)
	return src
}

// mustSelect reads data and selects its only policy.
func mustSelect(t *testing.T, data []byte, opts iac.Options) *iac.Policy {
	t.Helper()
	p, err := mustRead(t, data, opts).Select("")
	require.NoError(t, err)
	return p
}

// brief is the part of a finding a test compares.
type brief struct {
	Severity     lifecycle.Severity
	Path         string
	Code         string
	Line, Column int
}

func briefs(fs []iac.Finding) []brief {
	var out []brief
	for _, f := range fs {
		out = append(out, brief{f.Severity, f.Path, f.Code, f.Line, f.Column})
	}
	return out
}

// errorBriefs returns the briefs of the error findings among fs.
func errorBriefs(fs []iac.Finding) []brief {
	var out []brief
	for _, b := range briefs(fs) {
		if b.Severity == lifecycle.SeverityError {
			out = append(out, b)
		}
	}
	return out
}

// Shorthands for the severities in tables.
const (
	sevError   = lifecycle.SeverityError
	sevWarning = lifecycle.SeverityWarning
)

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
	require.False(t, findings.HasErrors(), "inventory: %v", findings)
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
		kind     string
		id       string
		warnings []string // paths of the reading warnings
	}{
		{file: "golden.json", kind: kindPolicy},
		{file: "golden.yaml", kind: kindTemplate, id: "GoldenLifecycle"},
		{file: "golden.cdk.json", kind: kindTemplate, id: "GoldenLifecycle6C1F0E52",
			warnings: []string{"Resources.GoldenLifecycle6C1F0E52.Properties.ExecutionRole"}},
		{file: "golden.tfplan.json", kind: kindPlan, id: "aws_imagebuilder_lifecycle_policy.golden",
			warnings: []string{"aws_imagebuilder_lifecycle_policy.golden: execution_role"}},
	}
	var want *plan.Plan
	var wantPolicy lifecycle.Policy
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			src := mustRead(t, readFile(t, tc.file), opts)
			assert.Equal(t, tc.kind, src.Kind)
			p, err := src.Select("")
			require.NoError(t, err)
			assert.Equal(t, tc.id, p.ID())
			assert.Equal(t, "us-east-1", p.Region())
			assert.Equal(t, "123456789012", p.AccountID())
			findings, err := p.Validate(lifecycle.ValidateOptions{})
			require.NoError(t, err)
			var got []string
			for _, f := range findings {
				if f.Code == "unresolved" {
					got = append(got, f.Path)
				}
			}
			assert.Empty(t, cmp.Diff(tc.warnings, got), "unresolved-value warnings (-want +got); all: %v", findings)
			pl, err := plan.DryRun(&p.Document().Policy, idx, testNow, plan.Options{})
			require.NoError(t, err)
			if want == nil {
				want, wantPolicy = pl, p.Document().Policy
				require.True(t, pl.HasImpactedResources, "the golden plan acts on nothing; the test inventory is too weak")
				return
			}
			assert.Empty(t, cmp.Diff(wantPolicy, p.Document().Policy, cmpopts.IgnoreFields(lifecycle.Policy{}, "ExecutionRole")),
				"policy differs from the API JSON one (-want +got)")
			assert.Empty(t, cmp.Diff(want, pl), "plan differs from the API JSON one (-want +got)")
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
			brief{sevError, "policyDetails[1].filter.unit", "invalid-enum", 14, 54}},
		{"golden.yaml", "Disable]\n            Unit: DAYS", "Disable]\n            Unit: DAY",
			brief{sevError, "Resources.GoldenLifecycle.Properties.PolicyDetails[1].Filter.Unit", "invalid-enum", 66, 19}},
		{"golden.cdk.json", `"Unit": "DAYS", "Value": 60`, `"Unit": "DAY", "Value": 60`,
			brief{sevError, "Resources.GoldenLifecycle6C1F0E52.Properties.PolicyDetails[1].Filter.Unit", "invalid-enum", 24, 41}},
		{"golden.tfplan.json", `"unit": "DAYS", "value": 60`, `"unit": "DAY", "value": 60`,
			brief{sevError, "aws_imagebuilder_lifecycle_policy.golden: policy_detail[1].filter[0].unit", "invalid-enum", 35, 75}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := string(readFile(t, tc.file))
			require.Contains(t, data, tc.old)
			src := mustRead(t, []byte(strings.Replace(data, tc.old, tc.new, 1)), iac.Options{AccountID: "123456789012"})
			fs, err := src.Policies[0].Validate(lifecycle.ValidateOptions{})
			require.ErrorIs(t, err, iac.ErrInvalid)
			assert.Empty(t, cmp.Diff([]brief{tc.want}, errorBriefs(fs)), "errors (-want +got)")
			// The error is located at the error finding.
			var e *iac.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, brief{sevError, e.Path, "invalid-enum", e.Line, e.Column}, tc.want)
		})
	}
}
