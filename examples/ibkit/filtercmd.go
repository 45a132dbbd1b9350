package main

import (
	"flag"
	"fmt"
	"slices"
	"time"

	"github.com/ibkit/ibkit/filter"
)

// unfilteredListOperations are the Image Builder List operations whose
// requests have no filters member, in the service model of 2026.
var unfilteredListOperations = []string{
	"ListComponentBuildVersions", "ListImagePackages", "ListLifecycleExecutionResources",
	"ListLifecycleExecutions", "ListTagsForResource", "ListWaitingWorkflowSteps",
	"ListWorkflowBuildVersions", "ListWorkflowExecutions", "ListWorkflowStepExecutions",
}

// operationFlag registers --operation: one of filter.Operations.
func operationFlag(fs *flag.FlagSet) *choice {
	ops := filter.Operations()
	c := &choice{allowed: ops, explain: func(v string) string {
		if slices.Contains(unfilteredListOperations, v) {
			return v + " takes no filters; the operations that do are " + orList(ops)
		}
		if c := closest(v, unfilteredListOperations); c != "" && closest(v, ops) == "" {
			return "did you mean " + c + "? It takes no filters; the operations that do are " + orList(ops)
		}
		if c := closest(v, ops); c != "" {
			return "did you mean " + c + "?"
		}
		return "want one of " + orList(ops)
	}}
	fs.Var(c, "operation", "List operation `OP` (required): "+orList(ops))
	return c
}

// runFilter implements "ibkit filter".
func runFilter(e *env, args []string) error {
	fs := e.newFlags("read a List response as the AWS CLI prints it (from --input or standard input) " +
		"and print the same document with only the items the filters keep; every other field is left as it is")
	op := operationFlag(fs)
	filters := fs.String("filters", "", "`FILTERS` as AWS CLI JSON, [{\"name\":\"platform\",\"values\":[\"Linux\"]}], or shorthand, name=platform,values=Linux (required)")
	input := fs.String("input", "-", "`FILE` holding the List response JSON; - reads standard input")
	model := &choice{value: "2026", allowed: []string{"2026", "2024"}}
	fs.Var(model, "model", "service model `EDITION` the filters are checked against: 2026 or 2024")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if !op.set {
		return usagef("--operation is required: %s", orList(filter.Operations()))
	}
	if *filters == "" {
		return usagef("--filters is required")
	}
	q := filter.Query{Operation: op.value}
	if model.value == "2024" {
		q.Readings = []filter.Decision{filter.Model2024}
	}
	if _, ok := filter.Lookup(op.value, q.Readings...); !ok { // not in the --model edition
		return usagef("--operation %s is not in the %s edition of the service model", op.value, model.value)
	}
	// Check the filters first, so that a mistake in them is not blamed on
	// the input document.
	parsed, err := filter.ParseFilters(*filters)
	if err != nil {
		return fmt.Errorf("--filters: %w", err)
	}
	q.Filters = parsed
	m, err := filter.Compile(q)
	if err != nil {
		return fmt.Errorf("--filters: %w", err)
	}
	doc, err := e.readFile(*input)
	if err != nil {
		return err
	}
	// A List response is taken as the service returned it: the query has
	// no scope, so the time is not read.
	out, _, err := m.FilterJSON(doc, time.Time{})
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(*input), err)
	}
	_, err = e.stdout.Write(out)
	return err
}
