package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"

	"github.com/ibkit/ibkit/examples/internal/htmlreport"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
	"github.com/ibkit/ibkit/lifecycle/plan"
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
	days := fs.Int("days", 180, "with --output html, the `N` days of forecast the page shows, at most 3650")
	output := outputFlagWith(fs, []string{outputHTML}, "table")
	run, opts, err := e.loadPlanRun(fs, args, &in, &pf, days)
	if err != nil {
		return err
	}
	pl, err := plan.DryRun(&run.doc.Policy, run.idx, run.now, opts)
	if err != nil {
		return planError(err)
	}
	pl.Warnings = run.locate(pl.Warnings)
	switch {
	case output.json():
		// Streamed, in the encoding every command uses (newJSONEncoder):
		// the plan of a large account is written in one pass.
		return pl.WriteJSON(e.stdout, jsonIndent)
	case output.html():
		tl, err := plan.Forecast(&run.doc.Policy, run.idx, run.now, *days, opts)
		if err != nil {
			return planError(err)
		}
		tl.Warnings = run.locate(tl.Warnings)
		return htmlreport.Write(e.stdout, htmlreport.Report{Policy: &run.doc.Policy, Inventory: run.inv, Timeline: tl, Plan: pl})
	}
	return writePlanTable(e.stdout, run, pl, e.colour)
}

// runLifecycleValidate implements "ibkit lifecycle validate".
func runLifecycleValidate(e *env, args []string) error {
	fs := e.newFlags("validate a lifecycle policy against the service model and the " +
		"documented rules and print every finding with its JSON path on standard output, a policy that cannot be decoded included; " +
		"exit status 1 when there are errors")
	var in lifecycleInput
	in.register(fs, false)
	var readings readingList
	registerReadings(fs, &readings)
	output := outputFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	in.validate = readings.validateOptions()
	name, findings, verr, hint, err := e.validateSource(&in)
	if err != nil {
		return err
	}
	if findings == nil {
		findings = []iac.Finding{}
	}
	if output.json() {
		err = writeJSON(e.stdout, struct {
			File     string        `json:"file"`
			Valid    bool          `json:"valid"`
			Findings []iac.Finding `json:"findings"`
			Hint     string        `json:"hint,omitempty"`
		}{name, verr == nil, findings, hint})
	} else {
		for _, f := range findings {
			fmt.Fprintln(e.stdout, formatFinding(sourceLocation(name, f), f.Finding))
		}
		if hint != "" {
			fmt.Fprintln(e.stdout, termsafe.String("hint: "+hint))
		}
		verdict := "valid"
		if verr != nil {
			verdict = "invalid"
		}
		_, err = fmt.Fprintf(e.stdout, "%s: %s (%s)\n", termsafe.String(name), verdict, countFindings(plainFindings(findings)))
	}
	if err == nil && verr != nil {
		err = &failedResult{}
	}
	return err
}

// validateSource reads --policy as any policy source and validates every
// lifecycle policy in it (or the one --resource or --address names). A
// document that cannot be read is invalid too: its one finding says why,
// with a hint when it looks like another kind of file. err is for failures
// to run (a missing file, a bad flag).
func (e *env) validateSource(in *lifecycleInput) (name string, findings []iac.Finding, verr error, hint string, err error) {
	name, data, err := e.readPolicyFile(in)
	if err != nil {
		return "", nil, nil, "", err
	}
	src, rerr := parseSource(data, in, "", "")
	if rerr != nil {
		f, ok := readFinding(rerr)
		if !ok {
			var ue *usageError
			if errors.As(rerr, &ue) {
				return "", nil, nil, "", rerr
			}
			return "", nil, nil, "", fmt.Errorf("%s: %w", name, rerr)
		}
		return name, []iac.Finding{f}, rerr, kindHint(name, data, "--policy"), nil
	}
	policies := src.Policies
	if in.source.resource != "" || in.source.address != "" {
		p, err := selectPolicy(name, src, in)
		if err != nil {
			return "", nil, nil, "", err
		}
		policies = []*iac.Policy{p}
	}
	for _, p := range policies {
		fs, err := p.Validate(in.validate)
		findings = append(findings, fs...)
		if err != nil && verr == nil {
			verr = err
		}
	}
	return name, findings, verr, "", nil
}

// The codes of the findings readFinding makes, one per sentinel error of
// *iac.Error; decodeFinding takes the code of the *lifecycle.Error.
const (
	codeInvalidJSON       = "invalid-json"
	codeInvalidYAML       = "invalid-yaml"
	codeUnrecognisedShape = "unrecognised-shape"
)

// decodeFinding turns a *lifecycle.Error of decoding into an error finding
// at its path, with the byte offset in the message; ok is false for any
// other error.
func decodeFinding(err error) (f lifecycle.Finding, ok bool) {
	var de *lifecycle.Error
	if !errors.As(err, &de) || de.Code == "" {
		return f, false
	}
	return lifecycle.Finding{Severity: lifecycle.SeverityError, Path: de.Path, Code: de.Code,
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
	output := outputFlagWith(fs, []string{outputHTML})
	run, opts, err := e.loadPlanRun(fs, args, &in, &pf, days)
	if err != nil {
		return err
	}
	tl, err := plan.Forecast(&run.doc.Policy, run.idx, run.now, *days, opts)
	if err != nil {
		return planError(err)
	}
	tl.Warnings = run.locate(tl.Warnings)
	switch {
	case output.json():
		return writeJSON(e.stdout, tl)
	case output.html():
		// The page computes today's plan with the same options, for its
		// retention slots and today's reasons.
		return htmlreport.Write(e.stdout, htmlreport.Report{Policy: &run.doc.Policy, Inventory: run.inv, Timeline: tl, Options: opts})
	}
	return writeTimeline(e.stdout, run, tl, e.colour)
}

// loadPlanRun is loadRun for plan and forecast: it also checks --days and
// the flags of pf (days is read once the flags are parsed), and returns
// the options of the dry-run.
func (e *env) loadPlanRun(fs *flag.FlagSet, args []string, in *lifecycleInput, pf *planFlags, days *int) (*runInput, plan.Options, error) {
	run, err := e.loadRun(fs, args, in, func() error {
		if err := checkDays(*days); err != nil {
			return err
		}
		return pf.check(in)
	})
	if err != nil {
		return nil, plan.Options{}, err
	}
	opts, err := planOptions(pf, run.source, run)
	return run, opts, err
}

// checkDays rejects a --days value outside 0 to 3650.
func checkDays(days int) error {
	if days < 0 || days > 3650 {
		return usagef("--days must be between 0 and 3650, not %d", days)
	}
	return nil
}
