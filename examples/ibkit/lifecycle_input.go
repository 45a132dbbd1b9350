package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// The embedded sample: a policy with deprecate, disable and delete rules
// and an inventory of two recipes' images with their AMIs, and the instant
// the sample is meant to be evaluated at.
var (
	//go:embed sample/policy.json
	samplePolicy []byte
	//go:embed sample/inventory.json
	sampleInventory []byte
)

const (
	samplePolicyName    = "embedded sample policy"
	sampleInventoryName = "embedded sample inventory"
	sampleNow           = "2026-11-01T12:00:00Z"
)

// stringList is a repeatable string flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

// lifecycleInput holds the flags the lifecycle commands share.
type lifecycleInput struct {
	policy      string
	inventories stringList
	now         string
	lenient     bool
	// validate holds the validation readings the chosen --reading flags
	// imply, and region and account the --region and --account values
	// (plan and forecast), which a template source reads as AWS::Region
	// and AWS::AccountId.
	validate        lifecycle.ValidateOptions
	region, account string
	source          sourceFlags
}

func (in *lifecycleInput) register(fs *flag.FlagSet, withInventory bool) {
	fs.StringVar(&in.policy, "policy", "", "lifecycle policy `FILE`, - for standard input: API JSON (the bare policy, a GetLifecyclePolicy response "+
		"or a Create/UpdateLifecyclePolicy input), a CloudFormation template in JSON or YAML, CDK output (cdk.out/*.template.json) "+
		"or terraform show -json of a plan or state, recognised by its content (default: the embedded sample)")
	in.source.register(fs)
	if withInventory {
		fs.Var(&in.inventories, "inventory", "inventory JSON `FILE`, repeatable, - for standard input: the combined ibkit inventory or raw AWS CLI output "+
			"(get-image, list-image-build-versions, ec2 describe-images, describe-image-attribute) (default: the embedded sample)")
		fs.StringVar(&in.now, "now", "", "the instant of the execution as an `RFC3339` time "+
			"(default: the current UTC time, or the sample's own instant "+sampleNow+" with the sample)")
	}
	fs.BoolVar(&in.lenient, "allow-unknown-fields", false, "ignore JSON members the policy shape does not define")
}

// usesSample reports whether the embedded sample is in use, and rejects a
// half-given pair of files and standard input named more than once.
func (in *lifecycleInput) usesSample() (bool, error) {
	stdin := 0
	for _, f := range append([]string{in.policy}, in.inventories...) {
		if f == "-" {
			stdin++
		}
	}
	switch {
	case stdin > 1:
		return false, usagef("standard input (-) can be read only once; save the other documents in files")
	case in.policy == "" && len(in.inventories) == 0:
		return true, nil
	case in.policy == "":
		return false, usagef("--inventory needs --policy; give neither to use the embedded sample")
	case len(in.inventories) == 0:
		return false, usagef("--policy needs at least one --inventory; give neither to use the embedded sample")
	}
	return false, nil
}

// runInput is what plan and forecast run on.
type runInput struct {
	policyName string // the policy's name in messages
	doc        *lifecycle.Document
	source     *iac.Policy // the policy as read from its source
	// inventoryName names the inventory in findings about it as a whole:
	// its file, or "inventory (all files)".
	inventoryName string
	// readingWarnings are the warnings of reading the policy source (an
	// unresolved value of a template), which the engine does not know.
	readingWarnings lifecycle.Findings
	// inv is the merged inventory, and idx its Index.
	inv *inventory.Inventory
	idx *inventory.Index
	now time.Time
}

// loadRun parses the flags of plan and forecast, runs check (if not nil)
// on their values, and loads what the command runs on: the policy, the inventory
// and the instant.
func (e *env) loadRun(fs *flag.FlagSet, args []string, in *lifecycleInput, check func() error) (*runInput, error) {
	if err := parseNoArgs(fs, args); err != nil {
		return nil, err
	}
	if check != nil {
		if err := check(); err != nil {
			return nil, err
		}
	}
	useSample, err := in.usesSample()
	if err != nil {
		return nil, err
	}
	now, err := e.instant(in, useSample)
	if err != nil {
		return nil, err
	}
	name, src, err := e.readSource(in, in.region, in.account)
	if err != nil {
		return nil, err
	}
	p, err := selectPolicy(name, src, in)
	if err != nil {
		return nil, err
	}
	findings, err := p.Validate(in.validate)
	if err != nil {
		return nil, e.invalidPolicy(name, findings)
	}
	doc := p.Document()
	inv, idx, inventoryName, err := e.loadInventory(in, useSample)
	if err != nil {
		return nil, err
	}
	return &runInput{policyName: name, doc: doc, source: p, inv: inv, idx: idx, now: now, inventoryName: inventoryName,
		readingWarnings: readingWarnings(findings)}, nil
}

// locate makes every warning of a plan or forecast name its file and a
// path in that file's terms, and adds the warnings of reading the policy
// source: the index's findings about the inventory as a whole get the
// inventory's name; the others that lack a file, about the policy and its
// selection, get the policy's file and, for a template or Terraform, the
// source path of the member ("Resources.Golden.Properties.PolicyDetails[1]
// .Filter.Unit").
func (r *runInput) locate(fs lifecycle.Findings) lifecycle.Findings {
	type key struct {
		path, message string
		code          string
	}
	inventory := map[key]bool{}
	for _, f := range r.idx.Findings {
		if f.File == "" {
			inventory[key{f.Path, f.Message, f.Code}] = true
		}
	}
	out := make(lifecycle.Findings, 0, len(r.readingWarnings)+len(fs))
	for _, f := range r.readingWarnings {
		f.File = r.policyName
		out = append(out, f)
	}
	for _, f := range fs {
		switch {
		case f.File != "":
		case inventory[key{f.Path, f.Message, f.Code}]:
			f.File = r.inventoryName
		default:
			f.File = r.policyName
			if r.source != nil {
				f.Path, _, _ = r.source.Locate(f.Path)
			}
		}
		out = append(out, f)
	}
	return out
}

// readPolicyFile reads --policy, or returns the sample policy when it is
// not given, with the name to use in messages.
func (e *env) readPolicyFile(in *lifecycleInput) (string, []byte, error) {
	if in.policy == "" {
		return samplePolicyName, samplePolicy, nil
	}
	data, err := e.readFile(in.policy)
	return displayName(in.policy), data, err
}

// invalidPolicy prints every finding of a policy that failed validation,
// located in its source, and returns the error that sums them up.
func (e *env) invalidPolicy(name string, findings []iac.Finding) error {
	for _, f := range findings {
		fmt.Fprintln(e.stderr, formatFinding(sourceLocation(name, f), f.Finding))
	}
	return fmt.Errorf("%s: invalid policy: %s", name, countFindings(plainFindings(findings)))
}

// loadInventory reads every inventory file, names each part by its file
// and checks the merged inventory, whose findings name the file and the
// path in it of every record, also for what only shows across files (an AMI
// described in another file, one ARN in two files with different content).
// Errors make it fail, with every finding on standard error; warnings stay
// in the index, and the dry-run carries them into its output. It returns
// the merged inventory, its index and the name of the inventory.
func (e *env) loadInventory(in *lifecycleInput, useSample bool) (*inventory.Inventory, *inventory.Index, string, error) {
	inv, names, err := e.readInventory(in, useSample)
	if err != nil {
		return nil, nil, "", err
	}
	// Findings about the inventory as a whole (an AMI no file describes)
	// name no one file.
	name := "inventory (all files)"
	if len(names) == 1 {
		name = names[0]
	}
	idx, findings := inventory.Options{Workers: runtime.GOMAXPROCS(0)}.Index(inv)
	if findings.HasErrors() {
		for _, f := range findings {
			fmt.Fprintln(e.stderr, formatFinding(name, f))
		}
		return nil, nil, "", errors.New("the inventory has errors; see above")
	}
	return inv, idx, name, nil
}

// instant returns the execution instant: --now, the sample's instant, or
// the current time.
func (e *env) instant(in *lifecycleInput, useSample bool) (time.Time, error) {
	switch {
	case in.now != "":
		t, err := time.Parse(time.RFC3339, in.now)
		if err != nil {
			return time.Time{}, usagef("--now %q is not an RFC 3339 time such as %s", in.now, sampleNow)
		}
		if y := t.UTC().Year(); y < 0 || y > 9999 {
			return time.Time{}, usagef("--now %q is in the year %d in UTC; give an instant in the years 0000 to 9999", in.now, y)
		}
		if t.IsZero() {
			return time.Time{}, usagef("--now %q is the zero time, which the dry-run reads as no time at all; give the instant of the execution", in.now)
		}
		return t.UTC(), nil
	case useSample:
		return time.Parse(time.RFC3339, sampleNow)
	default:
		return e.now(), nil
	}
}

// findingLocation returns the name of the input file f's Path points
// into; doc is the command's own name for the document it checked, used
// when f does not name its file.
func findingLocation(f lifecycle.Finding, doc string) string {
	if f.File != "" {
		return f.File
	}
	return doc
}

// formatFinding formats f as "FILE: PATH: severity: message [code, rule,
// decisions]", with control characters escaped.
func formatFinding(doc string, f lifecycle.Finding) string {
	path := f.Path
	if path == "" {
		path = "(document)"
	}
	tags := []string{string(f.Code)}
	if f.Rule != "" {
		tags = append(tags, f.Rule)
	}
	for _, d := range f.Decisions {
		tags = append(tags, string(d))
	}
	return termsafe.String(fmt.Sprintf("%s: %s: %s: %s [%s]", findingLocation(f, doc), path, f.Severity, f.Message, strings.Join(tags, ", ")))
}

// planError turns an engine error into a message.
func planError(err error) error {
	var pe *lifecycle.Error
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot run the dry-run: %w", err)
	}
	return err
}
