package main

import (
	"fmt"

	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/lifecycle"
)

// runLifecyclePlan implements "ibkit lifecycle plan".
func runLifecyclePlan(e *env, args []string) error {
	fs := e.newFlags("predict what one execution of a lifecycle policy would do to each image " +
		"and its AMIs, snapshots and container images, and why; with no files it runs on an embedded sample")
	var in lifecycleInput
	in.register(fs, true)
	output := outputFlag(fs, "table")
	run, err := e.loadRun(fs, args, &in, nil)
	if err != nil {
		return err
	}
	plan, err := lifecycle.DryRun(&run.doc.Policy, run.idx, lifecycle.PlanOptions{Now: run.now})
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
		"documented rules and print every finding with its JSON path; exit status 1 when there are errors")
	var in lifecycleInput
	in.register(fs, false)
	output := outputFlag(fs)
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	name, doc, err := e.readPolicy(&in)
	if err != nil {
		return err
	}
	findings, verr := doc.Validate(lifecycle.ValidateOptions{})
	if findings == nil {
		findings = lifecycle.Findings{}
	}
	if output.json() {
		err = writeJSON(e.stdout, struct {
			File     string             `json:"file"`
			Valid    bool               `json:"valid"`
			Findings lifecycle.Findings `json:"findings"`
		}{name, verr == nil, findings})
	} else {
		for _, f := range findings {
			fmt.Fprintln(e.stdout, formatFinding(name, f))
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
	days := fs.Int("days", 180, "simulate `N` days after the first run, at most 3650")
	output := outputFlag(fs)
	run, err := e.loadRun(fs, args, &in, func() error {
		if *days < 0 || *days > 3650 {
			return usagef("--days must be between 0 and 3650, not %d", *days)
		}
		return nil
	})
	if err != nil {
		return err
	}
	tl, err := lifecycle.Forecast(&run.doc.Policy, run.idx, *days, lifecycle.PlanOptions{Now: run.now})
	if err != nil {
		return planError(err)
	}
	tl.Warnings = run.warnings.addTo(tl.Warnings)
	if output.json() {
		return writeJSON(e.stdout, tl)
	}
	return writeTimeline(e.stdout, run, tl, e.colour)
}
