package main

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/lifecycle"
)

// runLifecyclePlan implements "ibkit lifecycle plan".
func runLifecyclePlan(e *env, args []string) error {
	fs := e.newFlags("predict what one execution of a lifecycle policy would do to each image " +
		"and its AMIs, snapshots and container images, and why; with no files it runs on an embedded sample. " +
		"In the table, a verdict marked * depends on the decisions in brackets and one marked ? assumes facts the inventory lacks; " +
		"every warning about the policy and the inventory is listed with its file and JSON path")
	var in lifecycleInput
	in.register(fs, true)
	var pf planFlags
	pf.register(fs)
	output := outputFlag(fs, "table")
	run, err := e.loadRun(fs, args, &in, func() error { return pf.check(&in) })
	if err != nil {
		return err
	}
	plan, err := lifecycle.DryRun(&run.doc.Policy, run.idx, pf.options(run.now))
	if err != nil {
		return planError(err)
	}
	plan.Warnings = run.warnings.addTo(plan.Warnings)
	if output.json() {
		return writeJSON(e.stdout, plan)
	}
	return writePlanTable(e.stdout, run, plan, e.colour)
}

// runLifecycleValidate implements "ibkit lifecycle validate".
func runLifecycleValidate(e *env, args []string) error {
	fs := e.newFlags("validate a lifecycle policy against the service model and the " +
		"documented rules and print every finding with its JSON path on standard output, a policy that cannot be decoded included; " +
		"exit status 1 when there are errors")
	var in lifecycleInput
	in.register(fs, false)
	output := outputFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	name, data, err := e.readPolicyFile(&in)
	if err != nil {
		return err
	}
	var (
		findings lifecycle.Findings
		verr     error
		hint     string
	)
	doc, derr := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{AllowUnknownFields: in.lenient})
	if derr != nil {
		// A document that cannot be decoded is invalid too: its one
		// finding is why.
		f, ok := decodeFinding(derr)
		if !ok {
			return fmt.Errorf("%s: %w", name, derr)
		}
		findings, verr, hint = lifecycle.Findings{f}, derr, kindHint(name, data, "--policy")
	} else {
		findings, verr = doc.Validate(lifecycle.ValidateOptions{})
	}
	if findings == nil {
		findings = lifecycle.Findings{}
	}
	if output.json() {
		err = writeJSON(e.stdout, struct {
			File     string             `json:"file"`
			Valid    bool               `json:"valid"`
			Findings lifecycle.Findings `json:"findings"`
			Hint     string             `json:"hint,omitempty"`
		}{name, verr == nil, findings, hint})
	} else {
		for _, f := range findings {
			fmt.Fprintln(e.stdout, formatFinding(name, f))
		}
		if hint != "" {
			fmt.Fprintln(e.stdout, termsafe.String("hint: "+hint))
		}
		verdict := "valid"
		if verr != nil {
			verdict = "invalid"
		}
		_, err = fmt.Fprintf(e.stdout, "%s: %s (%s)\n", termsafe.String(name), verdict, countFindings(findings))
	}
	if err == nil && verr != nil {
		err = &failedResult{}
	}
	return err
}

// The codes of the findings decodeFinding makes, one per sentinel error of
// *lifecycle.DecodeError.
const (
	codeInvalidJSON       lifecycle.Code = "invalid-json"
	codeUnknownField      lifecycle.Code = "unknown-field"
	codeDuplicateField    lifecycle.Code = "duplicate-field"
	codeWrongType         lifecycle.Code = "wrong-type"
	codeUnrecognisedShape lifecycle.Code = "unrecognised-shape"
)

// decodeFinding turns a *lifecycle.DecodeError into an error finding at its
// path, with the byte offset in the message; ok is false for any other
// error.
func decodeFinding(err error) (f lifecycle.Finding, ok bool) {
	var de *lifecycle.DecodeError
	if !errors.As(err, &de) {
		return f, false
	}
	code := codeInvalidJSON
	switch {
	case errors.Is(de, lifecycle.ErrUnknownField):
		code = codeUnknownField
	case errors.Is(de, lifecycle.ErrDuplicateField):
		code = codeDuplicateField
	case errors.Is(de, lifecycle.ErrType):
		code = codeWrongType
	case errors.Is(de, lifecycle.ErrShape):
		code = codeUnrecognisedShape
	}
	return lifecycle.Finding{Severity: lifecycle.SeverityError, Path: de.Path, Code: code,
		Message: de.Reason + " (byte " + strconv.FormatInt(de.Offset, 10) + ")"}, true
}

// countFindings is "2 errors, 1 warning".
func countFindings(fs lifecycle.Findings) string {
	errs, warns := len(fs.Errors()), len(fs.Warnings())
	return count(errs, "error", "errors") + ", " + count(warns, "warning", "warnings")
}

// runLifecycleForecast implements "ibkit lifecycle forecast".
func runLifecycleForecast(e *env, args []string) error {
	fs := e.newFlags("simulate one execution a day for N days, applying each day's " +
		"predicted changes before the next, and print when each image is deprecated, disabled and deleted")
	var in lifecycleInput
	in.register(fs, true)
	var pf planFlags
	pf.register(fs)
	days := fs.Int("days", 180, "simulate `N` days after the first run, at most 3650")
	output := outputFlag(fs)
	run, err := e.loadRun(fs, args, &in, func() error {
		if *days < 0 || *days > 3650 {
			return usagef("--days must be between 0 and 3650, not %d", *days)
		}
		return pf.check(&in)
	})
	if err != nil {
		return err
	}
	tl, err := lifecycle.Forecast(&run.doc.Policy, run.idx, *days, pf.options(run.now))
	if err != nil {
		return planError(err)
	}
	tl.Warnings = run.warnings.addTo(tl.Warnings)
	if output.json() {
		return writeJSON(e.stdout, tl)
	}
	return writeTimeline(e.stdout, run, tl, e.colour)
}
