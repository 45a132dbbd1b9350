package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
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
}

func (in *lifecycleInput) register(fs *flag.FlagSet, withInventory bool) {
	fs.StringVar(&in.policy, "policy", "", "lifecycle policy JSON `FILE`, - for standard input: the bare policy, a GetLifecyclePolicy response "+
		"or a Create/UpdateLifecyclePolicy input (default: the embedded sample)")
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

// loadRun parses the flags of plan and forecast, runs check (if not nil)
// on their values, and loads what the command runs on: the policy, the inventory
// and the instant.
func (e *env) loadRun(fs *flag.FlagSet, args []string, in *lifecycleInput, check func() error) (*lifecycle.Document, *lifecycle.Index, time.Time, error) {
	fail := func(err error) (*lifecycle.Document, *lifecycle.Index, time.Time, error) {
		return nil, nil, time.Time{}, err
	}
	if err := parseNoArgs(fs, args); err != nil {
		return fail(err)
	}
	if check != nil {
		if err := check(); err != nil {
			return fail(err)
		}
	}
	useSample, err := in.usesSample()
	if err != nil {
		return fail(err)
	}
	now, err := e.instant(in, useSample)
	if err != nil {
		return fail(err)
	}
	name, doc, err := e.readPolicy(in)
	if err != nil {
		return fail(err)
	}
	if findings, err := doc.Validate(lifecycle.ValidateOptions{}); err != nil {
		return fail(e.invalidPolicy(name, findings))
	}
	idx, err := e.loadInventory(in, useSample)
	if err != nil {
		return fail(err)
	}
	return doc, idx, now, nil
}

// readPolicy reads and decodes --policy, or the sample policy when it is
// not given, and returns the name to use in messages.
func (e *env) readPolicy(in *lifecycleInput) (string, *lifecycle.Document, error) {
	name, data := samplePolicyName, samplePolicy
	if in.policy != "" {
		name = displayName(in.policy)
		var err error
		if data, err = e.readFile(in.policy); err != nil {
			return "", nil, err
		}
	}
	doc, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{AllowUnknownFields: in.lenient})
	if err != nil {
		return "", nil, fmt.Errorf("%s: %w", name, err)
	}
	return name, doc, nil
}

// invalidPolicy prints every finding of a policy that failed validation
// and returns the error that sums them up.
func (e *env) invalidPolicy(name string, findings lifecycle.Findings) error {
	e.printFindings(name, findings)
	errs, warns := len(findings.Errors()), len(findings.Warnings())
	return fmt.Errorf("%s: invalid policy: %d %s, %d %s", name,
		errs, plural(errs, "error", "errors"), warns, plural(warns, "warning", "warnings"))
}

// loadInventory reads every inventory file, names each part by its file
// and checks the merged inventory, whose findings name the file and the
// path in it of every record, also for what only shows across files (an AMI
// described in another file, one ARN in two files with different content).
// Errors make it fail; warnings go to standard error and the dry-run goes
// on.
func (e *env) loadInventory(in *lifecycleInput, useSample bool) (*lifecycle.Index, error) {
	type file struct {
		name string
		data []byte
	}
	var files []file
	if useSample {
		files = append(files, file{sampleInventoryName, sampleInventory})
	}
	for _, name := range in.inventories {
		data, err := e.readFile(name)
		if err != nil {
			return nil, err
		}
		files = append(files, file{displayName(name), data})
	}
	parts := make([]*lifecycle.Inventory, 0, len(files))
	for _, f := range files {
		inv, err := lifecycle.DecodeInventory(f.data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		inv.File = f.name
		parts = append(parts, inv)
	}
	idx, findings := lifecycle.MergeInventories(parts...).Index()
	failed := false
	for _, finding := range findings {
		name := finding.File
		switch {
		case name != "":
		case len(files) == 1:
			name = files[0].name
		default:
			name = "inventory (all files)"
		}
		fmt.Fprintln(e.stderr, formatFinding(name, finding))
		failed = failed || finding.Severity == lifecycle.SeverityError
	}
	if failed {
		return nil, errors.New("the inventory has errors; see above")
	}
	return idx, nil
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

// printFindings writes findings to standard error, one a line, naming the
// file, the JSON path, the severity, the rule and the decisions.
func (e *env) printFindings(file string, findings lifecycle.Findings) {
	for _, f := range findings {
		fmt.Fprintln(e.stderr, formatFinding(file, f))
	}
}

func formatFinding(file string, f lifecycle.Finding) string {
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
	return fmt.Sprintf("%s: %s: %s: %s [%s]", file, path, f.Severity, f.Message, strings.Join(tags, ", "))
}

// planError turns an engine error into a message.
func planError(err error) error {
	var pe *lifecycle.PlanInputError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot run the dry-run: %w", err)
	}
	return err
}
