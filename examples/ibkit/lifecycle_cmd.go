package main

import (
	"fmt"

	"github.com/ibkit/ibkit/lifecycle"
)

// runLifecyclePlan implements "ibkit lifecycle plan".
func runLifecyclePlan(e *env, args []string) error {
	fs := e.newFlags("predict what one execution of a lifecycle policy would do to each image " +
		"and its AMIs, snapshots and container images, and why; with no files it runs on an embedded sample")
	var in lifecycleInput
	in.register(fs, true)
	var pf planFlags
	pf.register(fs)
	output := outputFlag(fs, "table", "json")
	doc, idx, now, err := e.loadRun(fs, args, &in, func() error { return pf.check(&in) })
	if err != nil {
		return err
	}
	plan, err := lifecycle.DryRun(&doc.Policy, idx, pf.options(now))
	if err != nil {
		return planError(err)
	}
	if output.value == "json" {
		return writeJSON(e.stdout, plan)
	}
	return writePlanTable(e.stdout, &doc.Policy, idx, plan, e.colour)
}

// runLifecycleValidate implements "ibkit lifecycle validate".
func runLifecycleValidate(e *env, args []string) error {
	fs := e.newFlags("validate a lifecycle policy against the service model and the " +
		"documented rules and print every finding with its JSON path; exit status 1 when there are errors")
	var in lifecycleInput
	in.register(fs, false)
	output := outputFlag(fs, "text", "json")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	name, doc, err := e.readPolicy(&in)
	if err != nil {
		return err
	}
	findings, verr := doc.Validate(lifecycle.ValidateOptions{})
	if verr != nil {
		return e.invalidPolicy(name, findings)
	}
	if output.value == "json" {
		if findings == nil {
			findings = lifecycle.Findings{}
		}
		return writeJSON(e.stdout, struct {
			File     string             `json:"file"`
			Valid    bool               `json:"valid"`
			Findings lifecycle.Findings `json:"findings"`
		}{name, true, findings})
	}
	for _, f := range findings {
		fmt.Fprintln(e.stdout, formatFinding(name, f))
	}
	fmt.Fprintf(e.stdout, "%s: valid (%d warnings)\n", name, len(findings))
	return nil
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
	output := outputFlag(fs, "text", "json")
	doc, idx, now, err := e.loadRun(fs, args, &in, func() error {
		if *days < 0 || *days > 3650 {
			return usagef("--days must be between 0 and 3650, not %d", *days)
		}
		return pf.check(&in)
	})
	if err != nil {
		return err
	}
	tl, err := lifecycle.Forecast(&doc.Policy, idx, *days, pf.options(now))
	if err != nil {
		return planError(err)
	}
	if output.value == "json" {
		return writeJSON(e.stdout, tl)
	}
	return writeTimeline(e.stdout, tl, e.colour)
}
