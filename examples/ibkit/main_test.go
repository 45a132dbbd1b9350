package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/ibkit/ibkit/internal/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fixedNow is the clock of the tests, for commands run without --now.
var fixedNow = time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)

// result is what one run of the tool produced.
type result struct {
	code           int
	stdout, stderr string
}

func runTool(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{
		stdin:  strings.NewReader(stdin),
		stdout: &out,
		stderr: &errOut,
		now:    func() time.Time { return fixedNow },
	}
	code := e.run(args)
	return result{code, out.String(), errOut.String()}
}

const in = "testdata/in/"

// iacData holds the policy sources of package lifecycle/iac: one policy
// written as a template, CDK output and Terraform JSON.
const iacData = "../../lifecycle/iac/testdata/"

// TestGolden runs every command on good and bad input and compares its
// exit status, standard output and standard error with testdata/golden.
func TestGolden(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		args  []string
		code  int
		// kept: the command fails but its answer is on standard output.
		kept bool
	}{
		// Help and usage.
		{name: "help", args: []string{"--help"}},
		{name: "no-arguments", args: nil, code: exitUsage},
		{name: "unknown-command", args: []string{"frobnicate"}, code: exitUsage},
		{name: "unknown-subcommand", args: []string{"lifecycle", "apply"}, code: exitUsage},
		{name: "no-subcommand", args: []string{"arn"}, code: exitUsage},
		{name: "lifecycle-help", args: []string{"lifecycle", "--help"}},
		{name: "help-command", args: []string{"help", "version", "latest"}},
		{name: "help-unknown-command", args: []string{"help", "frobnicate"}, code: exitUsage},
		{name: "lifecycle-plan-help", args: []string{"lifecycle", "plan", "--help"}},
		{name: "lifecycle-validate-help", args: []string{"lifecycle", "validate", "-h"}},
		{name: "lifecycle-forecast-help", args: []string{"lifecycle", "forecast", "--help"}},
		{name: "arn-parse-help", args: []string{"arn", "parse", "--help"}},
		{name: "arn-validate-help", args: []string{"arn", "validate", "--help"}},
		{name: "version-latest-help", args: []string{"version", "latest", "--help"}},
		{name: "filter-help", args: []string{"filter", "--help"}},

		// lifecycle plan.
		{name: "plan-sample-table", args: []string{"lifecycle", "plan"}},
		{name: "plan-sample-json", args: []string{"lifecycle", "plan", "--output", "json"}},
		{name: "plan-sample-later", args: []string{"lifecycle", "plan", "--now", "2027-03-01T12:00:00Z"}},
		{name: "plan-reading-ami-protects-image", args: []string{"lifecycle", "plan", "--reading", "AMIExclusionProtectsImage", "--reading", "l-4"}},
		{name: "plan-region-elsewhere", args: []string{"lifecycle", "plan", "--region", "eu-west-1", "--output", "json"}},
		{name: "forecast-sample-html", args: []string{"lifecycle", "forecast", "--output", "html"}},
		{name: "plan-sample-html", args: []string{"lifecycle", "plan", "--output", "html", "--days", "90"}},
		{name: "plan-cfn-template", args: []string{"lifecycle", "plan", "--policy", iacData + "golden.yaml", "--inventory", "sample/inventory.json",
			"--now", sampleNow, "--region", "us-east-1", "--account", "111122223333"}},
		{name: "plan-terraform-plan", args: []string{"lifecycle", "plan", "--policy", iacData + "golden.tfplan.json", "--inventory", "sample/inventory.json",
			"--now", sampleNow, "--output", "json"}},
		{name: "plan-template-warning-in-source-terms", args: []string{"lifecycle", "plan", "--policy", iacData + "golden.yaml", "--inventory", "sample/inventory.json",
			"--now", sampleNow, "--region", "us-east-1", "--account", "111122223333", "--parameter", "KeptRegions=moon"}},
		{name: "plan-template-several", args: []string{"lifecycle", "plan", "--policy", iacData + "several.yaml", "--inventory", "sample/inventory.json"},
			code: exitUsage},
		{name: "plan-template-wrong-select-flag", args: []string{"lifecycle", "plan", "--policy", iacData + "several.yaml", "--inventory", "sample/inventory.json",
			"--address", "aws_imagebuilder_lifecycle_policy.x"}, code: exitUsage},
		{name: "validate-template-unknown-resource", args: []string{"lifecycle", "validate", "--policy", iacData + "several.yaml", "--resource", "Nope",
			"--output", "json"}, code: exitUsage},
		{name: "plan-template-unresolved-json", args: []string{"lifecycle", "plan", "--policy", iacData + "unresolved.yaml", "--inventory", "sample/inventory.json",
			"--now", sampleNow, "--region", "us-east-1", "--account", "111122223333", "--parameter", "Settings.DeleteAfterDays=120",
			"--parameter", "RecipeName=web-server", "--output", "json"}},
		{name: "plan-template-region-contradicts", args: []string{"lifecycle", "plan", "--policy", iacData + "golden.tfplan.json",
			"--inventory", "sample/inventory.json", "--region", "eu-north-1"}, code: exitUsage},
		{name: "validate-template-several", args: []string{"lifecycle", "validate", "--policy", iacData + "several.yaml"}, code: exitInvalid, kept: true},
		{name: "validate-template-unresolved", args: []string{"lifecycle", "validate", "--policy", iacData + "unresolved.yaml", "--output", "json"},
			code: exitInvalid, kept: true},
		{name: "validate-template-malformed", args: []string{"lifecycle", "validate", "--policy", in + "malformed-template.yaml"}, code: exitInvalid, kept: true},
		{name: "validate-bad-parameter", args: []string{"lifecycle", "validate", "--policy", iacData + "golden.yaml", "--parameter", "NoEquals"},
			code: exitUsage},
		{name: "plan-bad-reading", args: []string{"lifecycle", "plan", "--reading", "BeLenient"}, code: exitUsage},
		{name: "plan-bad-account", args: []string{"lifecycle", "plan", "--account", "1234"}, code: exitUsage},
		{name: "validate-cli-example", args: []string{"lifecycle", "validate", "--policy", in + "cli-example-policy.json"}},
		{name: "validate-cli-example-reading", args: []string{"lifecycle", "validate", "--policy", in + "cli-example-policy.json", "--reading", "AMIExclusionProtectsImage"}},
		{name: "plan-container-table", args: []string{"lifecycle", "plan", "--policy", in + "container-policy.json",
			"--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z"}},
		{name: "plan-container-json", args: []string{"lifecycle", "plan", "--policy", in + "container-policy.json",
			"--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z", "--output", "json"}},
		{name: "plan-default-now", args: []string{"lifecycle", "plan", "--policy", in + "container-policy.json",
			"--inventory", in + "container-images.json", "--output", "json"}},
		{name: "plan-raw-cli-files", args: append([]string{"lifecycle", "plan", "--policy", "sample/policy.json",
			"--now", sampleNow}, rawInventoryFlags(t)...)},
		{name: "plan-raw-without-amis", args: []string{"lifecycle", "plan", "--policy", "sample/policy.json",
			"--inventory", in + "raw/list-image-build-versions-1.json", "--now", sampleNow}},
		{name: "plan-missing-policy-file", args: []string{"lifecycle", "plan", "--policy", in + "nope.json",
			"--inventory", in + "container-images.json"}, code: exitInvalid},
		{name: "plan-missing-inventory-file", args: []string{"lifecycle", "plan", "--policy", in + "container-policy.json",
			"--inventory", in + "nope.json"}, code: exitInvalid},
		{name: "plan-malformed-policy", args: []string{"lifecycle", "plan", "--policy", in + "malformed.json",
			"--inventory", in + "container-images.json"}, code: exitInvalid},
		{name: "plan-malformed-inventory", args: []string{"lifecycle", "plan", "--policy", in + "container-policy.json",
			"--inventory", in + "malformed.json"}, code: exitInvalid},
		{name: "plan-invalid-policy", args: []string{"lifecycle", "plan", "--policy", in + "invalid-policy.json",
			"--inventory", in + "container-images.json"}, code: exitInvalid},
		{name: "plan-unknown-flag", args: []string{"lifecycle", "plan", "--dry"}, code: exitUsage},
		{name: "plan-bad-output", args: []string{"lifecycle", "plan", "--output", "yaml"}, code: exitUsage},
		{name: "plan-bad-now", args: []string{"lifecycle", "plan", "--now", "yesterday"}, code: exitUsage},
		{name: "plan-zero-now", args: []string{"lifecycle", "plan", "--now", "0001-01-01T00:00:00Z"}, code: exitUsage},
		{name: "plan-now-beyond-9999", args: []string{"lifecycle", "plan", "--now", "9999-12-31T23:00:00-05:00"}, code: exitUsage},
		{name: "plan-stdin-twice", args: []string{"lifecycle", "plan", "--policy", "-", "--inventory", "-"}, code: exitUsage},
		{name: "plan-inventory-stdin", stdin: readFile(t, in+"container-images.json"), args: []string{"lifecycle", "plan",
			"--policy", in + "container-policy.json", "--inventory", "-", "--now", "2026-11-01T00:00:00Z"}},
		{name: "plan-inventory-stdin-utf16-policy-too", stdin: utf16LE(readFile(t, "sample/policy.json")), args: []string{"lifecycle", "plan",
			"--policy", in + "container-policy.json", "--inventory", "sample/inventory.json", "--inventory", "-"}, code: exitInvalid},
		{name: "plan-policy-stdin-bom-crlf", stdin: bomCRLF(readFile(t, in+"container-policy.json")), args: []string{"lifecycle", "plan",
			"--policy", "-", "--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z", "--output", "json"}},
		{name: "plan-inventory-directory", args: []string{"lifecycle", "plan", "--policy", in + "container-policy.json",
			"--inventory", in}, code: exitInvalid},
		{name: "plan-output-text", args: []string{"lifecycle", "plan", "--output", "text", "--policy", in + "container-policy.json",
			"--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z"}},
		{name: "plan-output-table", args: []string{"lifecycle", "plan", "--output", "table", "--policy", in + "container-policy.json",
			"--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z"}},
		{name: "plan-raw-without-amis-json", args: []string{"lifecycle", "plan", "--policy", "sample/policy.json", "--output", "json",
			"--inventory", in + "raw/list-image-build-versions-1.json", "--now", sampleNow}},
		{name: "plan-missing-facts-marked", args: []string{"lifecycle", "plan", "--policy", "sample/policy.json",
			"--inventory", in + "raw/list-image-build-versions-2.json", "--now", "2027-06-01T00:00:00Z"}},
		{name: "plan-hostile-text", args: []string{"lifecycle", "plan", "--policy", in + "hostile-policy.json",
			"--inventory", in + "hostile-inventory.json", "--now", "2026-11-01T00:00:00Z"}},
		{name: "plan-describe-images-as-policy", args: []string{"lifecycle", "plan", "--policy", in + "raw/describe-images.json",
			"--inventory", in + "raw/get-image.json"}, code: exitInvalid},
		{name: "plan-policy-as-inventory", args: []string{"lifecycle", "plan", "--policy", "sample/policy.json",
			"--inventory", "sample/policy.json"}, code: exitInvalid},
		{name: "plan-policy-utf16", stdin: utf16LE(readFile(t, in+"container-policy.json")), args: []string{"lifecycle", "plan",
			"--policy", "-", "--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z"}},
		{name: "plan-policy-utf32", stdin: "\xff\xfe\x00\x00{\x00\x00\x00", args: []string{"lifecycle", "plan",
			"--policy", "-", "--inventory", in + "container-images.json"}, code: exitInvalid},
		{name: "plan-inventory-without-policy", args: []string{"lifecycle", "plan", "--inventory", in + "container-images.json"}, code: exitUsage},

		// lifecycle validate.
		{name: "validate-sample", args: []string{"lifecycle", "validate"}},
		{name: "validate-warnings", args: []string{"lifecycle", "validate", "--policy", in + "warning-policy.json"}},
		{name: "validate-warnings-json", args: []string{"lifecycle", "validate", "--policy", in + "warning-policy.json", "--output", "json"}},
		{name: "validate-invalid", args: []string{"lifecycle", "validate", "--policy", in + "invalid-policy.json"}, code: exitInvalid, kept: true},
		{name: "validate-invalid-json", args: []string{"lifecycle", "validate", "--policy", in + "invalid-policy.json", "--output", "json"}, code: exitInvalid, kept: true},
		{name: "validate-unknown-field", args: []string{"lifecycle", "validate", "--policy", in + "unknown-field-policy.json"}, code: exitInvalid, kept: true},
		{name: "validate-unknown-field-allowed", args: []string{"lifecycle", "validate", "--policy", in + "unknown-field-policy.json", "--allow-unknown-fields"}},
		{name: "validate-malformed", args: []string{"lifecycle", "validate", "--policy", in + "malformed.json"}, code: exitInvalid, kept: true},
		{name: "validate-malformed-json", args: []string{"lifecycle", "validate", "--policy", in + "malformed.json", "--output", "json"}, code: exitInvalid, kept: true},
		{name: "validate-inventory-as-policy-json", args: []string{"lifecycle", "validate", "--policy", "sample/inventory.json", "--output", "json"}, code: exitInvalid, kept: true},
		{name: "validate-empty-stdin", args: []string{"lifecycle", "validate", "--policy", "-"}, code: exitInvalid, kept: true},
		{name: "validate-missing-file", args: []string{"lifecycle", "validate", "--policy", in + "nope.json"}, code: exitInvalid},
		{name: "validate-value-zero-utf16-json", stdin: utf16LE(`{"name": "keep-three", "executionRole": "LifecycleRole", "resourceType": "AMI_IMAGE",
			"policyDetails": [{"action": {"type": "DELETE"}, "filter": {"type": "COUNT", "value": 0}}],
			"resourceSelection": {"recipes": [{"name": "web-server", "semanticVersion": "1.0.0"}]}}`),
			args: []string{"lifecycle", "validate", "--policy", "-", "--output", "json"}, code: exitInvalid, kept: true},
		{name: "validate-control-characters", stdin: `{"name": "keep\u001b[2J\r\nthree", "executionRole": "LifecycleRole", "resourceType": "AMI_IMAGE",
			"policyDetails": [{"action": {"type": "DELETE"}, "filter": {"type": "COUNT", "value": 2}}],
			"resourceSelection": {"recipes": [{"name": "web-server", "semanticVersion": "1.0.0"}]}}`,
			args: []string{"lifecycle", "validate", "--policy", "-"}, code: exitInvalid, kept: true},
		{name: "validate-inventory-as-policy", args: []string{"lifecycle", "validate", "--policy", "sample/inventory.json"}, code: exitInvalid, kept: true},
		{name: "validate-bad-output", args: []string{"lifecycle", "validate", "--output", "table"}, code: exitUsage},
		{name: "validate-unknown-flag", args: []string{"lifecycle", "validate", "--strict"}, code: exitUsage},

		// lifecycle forecast.
		{name: "forecast-sample", args: []string{"lifecycle", "forecast", "--days", "120"}},
		{name: "forecast-sample-json", args: []string{"lifecycle", "forecast", "--days", "60", "--output", "json"}},
		{name: "forecast-container", args: []string{"lifecycle", "forecast", "--policy", in + "container-policy.json",
			"--inventory", in + "container-images.json", "--now", "2026-11-01T00:00:00Z", "--days", "30"}},
		{name: "forecast-bad-days", args: []string{"lifecycle", "forecast", "--days", "-1"}, code: exitUsage},
		{name: "forecast-days-not-a-number", args: []string{"lifecycle", "forecast", "--days", "ten"}, code: exitUsage},
		{name: "forecast-missing-inventory-file", args: []string{"lifecycle", "forecast", "--policy", in + "container-policy.json",
			"--inventory", in + "nope.json"}, code: exitInvalid},
		{name: "forecast-invalid-policy", args: []string{"lifecycle", "forecast", "--policy", in + "invalid-policy.json",
			"--inventory", in + "container-images.json"}, code: exitInvalid},
		{name: "forecast-unknown-flag", args: []string{"lifecycle", "forecast", "--weeks", "3"}, code: exitUsage},
		{name: "forecast-malformed-policy", args: []string{"lifecycle", "forecast", "--policy", in + "malformed.json",
			"--inventory", in + "container-images.json"}, code: exitInvalid},

		// arn.
		{name: "arn-parse", args: []string{"arn", "parse",
			"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.0.0/1",
			"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/x.x.x",
			"arn:aws:imagebuilder:us-east-1:third-party:component/cis-level-1/01.x.x"}},
		{name: "arn-parse-json", args: []string{"arn", "parse", "--output", "json",
			"arn:aws-cn:imagebuilder:cn-north-1:111122223333:lifecycle-policy/keep-three"}},
		{name: "arn-parse-stdin", stdin: "# a comment\narn:aws:imagebuilder:us-east-1:111122223333:image-recipe/web/1.2.x\n\n", args: []string{"arn", "parse"}},
		{name: "arn-parse-invalid", args: []string{"arn", "parse",
			"arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/p/1.0.0",
			"arn:aws:imagebuilder:us-east-1:123:image/x/1.0.0"}, code: exitInvalid, kept: true},
		{name: "arn-parse-unknown-flag", args: []string{"arn", "parse", "--strict", "x"}, code: exitUsage},
		{name: "arn-parse-nothing", args: []string{"arn", "parse"}, code: exitUsage},
		{name: "arn-validate", args: []string{"arn", "validate", "--shape", "RoleNameOrArn",
			"service-role/MyRole", "arn:aws:iam::111122223333:role/MyRole"}},
		{name: "arn-validate-json", args: []string{"arn", "validate", "--shape", "ImageBuildVersionArn", "--output", "json",
			"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.0.0/0"}},
		{name: "arn-validate-invalid", args: []string{"arn", "validate", "--shape", "ComponentVersionArnOrBuildVersionArn",
			"arn:aws:imagebuilder:us-east-1:aws:component/update-linux/1.x.3"}, code: exitInvalid, kept: true},
		{name: "arn-validate-mixed-json", args: []string{"arn", "validate", "--shape", "ImageBuildVersionArn", "--output", "json",
			"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/01.0.0/1",
			"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.0.0"}, code: exitInvalid, kept: true},
		{name: "arn-parse-mixed-json", stdin: "arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.0.0/1\nnot-an-arn\x1b[2J\n",
			args: []string{"arn", "parse", "--output", "json"}, code: exitInvalid, kept: true},
		{name: "arn-parse-control-characters", stdin: "arn:aws:imagebuilder:us-east-1:111122223333:image/web\x1b[31m-server/1.0.0/1\r\xff\n",
			args: []string{"arn", "parse"}, code: exitInvalid, kept: true},
		{name: "arn-validate-shape-case", args: []string{"arn", "validate", "--shape", "imagebuildversionarn", "x"}, code: exitUsage},
		{name: "arn-validate-list", args: []string{"arn", "validate", "--list"}},
		{name: "arn-validate-unknown-flag", args: []string{"arn", "validate", "--shape", "AccountId", "--regex-only", "x"}, code: exitUsage},
		{name: "arn-validate-bad-bool", args: []string{"arn", "validate", "--list=maybe"}, code: exitUsage},
		{name: "arn-validate-no-shape", args: []string{"arn", "validate", "x"}, code: exitUsage},
		{name: "arn-validate-unknown-shape", args: []string{"arn", "validate", "--shape", "ImageArn", "x"}, code: exitUsage},

		// version latest.
		{name: "version-latest", args: []string{"version", "latest", "--filter", "1.x.x", "1.2.3/1", "1.10.0/2", "1.9.0/7", "2.0.0/1"}},
		{name: "version-latest-stdin-json", stdin: "1.0.0/1\n1.0.1/1\n1.0.1/3\n", args: []string{"version", "latest", "--filter", "1.0.x", "--output", "json"}},
		{name: "version-latest-no-match", args: []string{"version", "latest", "--filter", "3.x.x", "1.0.0"}, code: exitInvalid},
		{name: "version-latest-bad-filter", args: []string{"version", "latest", "--filter", "x.2.x", "1.0.0"}, code: exitInvalid},
		{name: "version-latest-bad-version", stdin: "1.0.0\nv1.2.0\n", args: []string{"version", "latest", "--filter", "x.x.x"}, code: exitInvalid},
		{name: "version-latest-unknown-flag", args: []string{"version", "latest", "--filter", "x.x.x", "--skip", "1.0.0"}, code: exitUsage},
		{name: "version-latest-stdin-bom-crlf", stdin: bomCRLF("1.0.0/1\n1.0.2/1\n\n"), args: []string{"version", "latest", "--filter", "1.0.x"}},
		{name: "version-latest-bad-output", args: []string{"version", "latest", "--filter", "1.0.x", "--output", "yaml", "1.0.0"}, code: exitUsage},
		{name: "version-latest-leading-zeros", args: []string{"version", "latest", "--filter", "1.x.x", "1.2.3/1", "01.10.0/2", "1.9.0/7"}},
		{name: "version-latest-list-response", args: []string{"version", "latest", "--filter", "1.x.x", "--input", in + "list-component-build-versions.json"}},
		{name: "version-latest-skip-state-json", args: []string{"version", "latest", "--filter", "1.x.x", "--skip-state", "DEPRECATED",
			"--input", in + "list-component-build-versions.json", "--output", "json"}},
		{name: "version-latest-skip-everything", args: []string{"version", "latest", "--filter", "1.x.x", "--skip-state", "DEPRECATED",
			"--skip-state", "ACTIVE", "--input", in + "list-component-build-versions.json"}, code: exitInvalid},
		{name: "version-latest-list-stdin-utf16", stdin: utf16LE(readFile(t, in+"list-component-build-versions.json")),
			args: []string{"version", "latest", "--filter", "1.0.x"}},
		{name: "version-latest-arns", args: []string{"version", "latest", "--filter", "x.x.x", "--output", "json",
			"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.1/1",
			"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.2/1"}},
		{name: "version-latest-arns-of-two-resources", args: []string{"version", "latest", "--filter", "x.x.x",
			"arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.1/1",
			"arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/1.0.2/1"}, code: exitInvalid},
		{name: "version-latest-bad-skip-state", args: []string{"version", "latest", "--filter", "x.x.x", "--skip-state", "deprecated", "1.0.0"}, code: exitUsage},
		{name: "version-latest-input-and-arguments", args: []string{"version", "latest", "--filter", "x.x.x", "--input", "-", "1.0.0"}, code: exitUsage},
		{name: "version-latest-policy-as-input", args: []string{"version", "latest", "--filter", "x.x.x", "--input", "sample/policy.json"}, code: exitInvalid},
		{name: "version-latest-no-filter", args: []string{"version", "latest", "1.0.0"}, code: exitUsage},

		// filter.
		{name: "filter-shorthand", args: []string{"filter", "--operation", "ListImages", "--filters", "name=platform,values=Linux", "--input", in + "list-images.json"}},
		{name: "filter-json-stdin", stdin: readFile(t, in+"list-images.json"), args: []string{"filter", "--operation", "ListImages",
			"--filters", `[{"name":"type","values":["DOCKER","AMI"]},{"name":"osVersion","values":["Microsoft Windows Server 2022"]}]`}},
		{name: "filter-bad-name", args: []string{"filter", "--operation", "ListImages", "--filters", "name=Platform,values=Linux", "--input", in + "list-images.json"}, code: exitInvalid},
		{name: "filter-bad-operation", args: []string{"filter", "--operation", "ListThings", "--filters", "name=platform,values=Linux", "--input", in + "list-images.json"}, code: exitUsage},
		{name: "filter-malformed-input", args: []string{"filter", "--operation", "ListImages", "--filters", "name=platform,values=Linux", "--input", in + "malformed.json"}, code: exitInvalid},
		{name: "filter-missing-input", args: []string{"filter", "--operation", "ListImages", "--filters", "name=platform,values=Linux", "--input", in + "nope.json"}, code: exitInvalid},
		{name: "filter-malformed-filters", args: []string{"filter", "--operation", "ListImages", "--filters", `[{"name":"platform","values":["Linux"]`, "--input", in + "list-images.json"}, code: exitInvalid},
		{name: "filter-cli-operation-name", args: []string{"filter", "--operation", "list-images", "--filters", "name=platform,values=Linux", "--input", in + "list-images.json"}, code: exitUsage},
		{name: "filter-operation-without-filters", args: []string{"filter", "--operation", "ListComponentBuildVersions", "--filters", "name=platform,values=Linux"}, code: exitUsage},
		{name: "filter-input-utf16", stdin: utf16LE(readFile(t, in+"list-images.json")), args: []string{"filter", "--operation", "ListImages", "--filters", "name=platform,values=Linux"}},
		{name: "filter-stdin-bom-crlf", stdin: bomCRLF(readFile(t, in+"list-images.json")), args: []string{"filter", "--operation", "ListImages", "--filters", "name=platform,values=Windows"}},
		{name: "filter-input-directory", args: []string{"filter", "--operation", "ListImages", "--filters", "name=platform,values=Linux", "--input", "testdata"}, code: exitInvalid},
		{name: "filter-unknown-flag", args: []string{"filter", "--operation", "ListImages", "--query", "x"}, code: exitUsage},
		{name: "filter-no-filters", args: []string{"filter", "--operation", "ListImages", "--input", in + "list-images.json"}, code: exitUsage},
		{name: "filter-no-operation", args: []string{"filter", "--filters", "name=platform,values=Linux"}, code: exitUsage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runTool(t, tt.stdin, tt.args...)
			if r.code != tt.code {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", r.code, tt.code, r.stderr)
			}
			if r.code != exitOK && !tt.kept && r.stdout != "" {
				t.Errorf("a failed command printed on standard output:\n%s", r.stdout)
			}
			if r.code != exitOK && r.stderr == "" && r.stdout == "" {
				t.Error("a failed command printed nothing")
			}
			if tt.kept && r.stderr != "" {
				t.Errorf("a command whose answer is its output wrote on standard error:\n%s", r.stderr)
			}
			if strings.Contains(r.stderr, "goroutine ") || strings.Contains(r.stderr, "panic:") {
				t.Errorf("stack trace on standard error:\n%s", r.stderr)
			}
			got := fmt.Sprintf("$ ibkit %s\n[exit %d]\n--- stdout\n%s--- stderr\n%s", strings.Join(tt.args, " "), r.code, r.stdout, r.stderr)
			golden.Check(t, filepath.Join("testdata", "golden", tt.name+".txt"), []byte(got))
		})
	}
}

// utf16LE returns s as Windows PowerShell 5's > writes it: UTF-16,
// little-endian, with a byte order mark and CRLF line ends.
func utf16LE(s string) string {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(strings.ReplaceAll(s, "\n", "\r\n"))) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return string(b)
}

// bomCRLF returns s as some Windows tools write it: with a UTF-8 byte
// order mark and CRLF line ends.
func bomCRLF(s string) string {
	return "\ufeff" + strings.ReplaceAll(s, "\n", "\r\n")
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// rawInventoryFlags returns --inventory flags for the sample inventory
// split into the raw AWS CLI responses under testdata/in/raw.
func rawInventoryFlags(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(in + "raw/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no raw inventory files: %v", err)
	}
	var flags []string
	for _, f := range files {
		flags = append(flags, "--inventory", f)
	}
	return flags
}

// TestRawFilesMatchSample checks that the sample split into raw AWS CLI
// responses gives the same plan as the combined sample file.
func TestRawFilesMatchSample(t *testing.T) {
	args := append([]string{"lifecycle", "plan", "--output", "json", "--policy", "sample/policy.json", "--now", sampleNow},
		rawInventoryFlags(t)...)
	raw := runTool(t, "", args...)
	sample := runTool(t, "", "lifecycle", "plan", "--output", "json")
	if raw.code != 0 || sample.code != 0 {
		t.Fatalf("exit %d and %d: %s%s", raw.code, sample.code, raw.stderr, sample.stderr)
	}
	if raw.stdout != sample.stdout {
		t.Error("the raw CLI files and the combined sample give different plans")
	}
}

// TestPlanDeterministic checks that the sample's plan does not depend on
// anything but its input: two runs print the same bytes.
func TestPlanDeterministic(t *testing.T) {
	a := runTool(t, "", "lifecycle", "plan", "--output", "json")
	b := runTool(t, "", "lifecycle", "plan", "--output", "json")
	if a.code != 0 || a.stdout != b.stdout {
		t.Fatalf("two runs differ or failed (exit %d)", a.code)
	}
}

// TestColour checks that colour codes appear only when asked for.
func TestColour(t *testing.T) {
	var out bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &bytes.Buffer{}, colour: true, now: time.Now}
	if code := e.run([]string{"lifecycle", "plan"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out.String(), ansiRed+"DELETE") {
		t.Error("no coloured DELETE verdict with colour on")
	}
	plain := runTool(t, "", "lifecycle", "plan")
	if strings.Contains(plain.stdout, "\x1b[") {
		t.Error("escape codes in output with colour off")
	}
}

// TestInventoryErrorOfFirstFile checks that when several inventory files
// fail, read side by side, the error is the one of the first named.
func TestInventoryErrorOfFirstFile(t *testing.T) {
	bad1, bad2 := in+"malformed.json", "sample/policy.json"
	for _, order := range [][]string{{bad1, bad2}, {bad2, bad1}} {
		args := []string{"lifecycle", "plan", "--policy", "sample/policy.json"}
		for _, f := range append([]string{"sample/inventory.json"}, order...) {
			args = append(args, "--inventory", f)
		}
		r := runTool(t, "", args...)
		require.Equal(t, exitInvalid, r.code, r.stderr)
		first := strings.Index(r.stderr, filepath.Base(order[0]))
		require.GreaterOrEqual(t, first, 0, r.stderr)
		assert.NotContains(t, r.stderr, filepath.Base(order[1]), "only the first failing file is reported")
	}
}
