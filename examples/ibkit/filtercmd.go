package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/ibkit/ibkit/filter"
)

// runFilter implements "ibkit filter".
func runFilter(e *env, args []string) error {
	fs := e.newFlags("read a List response as the AWS CLI prints it (from --input or standard input) " +
		"and print the same document with only the items the filters keep; every other field is left as it is")
	op := fs.String("operation", "", "List operation `OP`, such as ListImages (required)")
	filters := fs.String("filters", "", "`FILTERS` as AWS CLI JSON, [{\"name\":\"platform\",\"values\":[\"Linux\"]}], or shorthand, name=platform,values=Linux (required)")
	input := fs.String("input", "-", "`FILE` holding the List response JSON; - reads standard input")
	model := &choice{"2026", []string{"2026", "2024"}}
	fs.Var(model, "model", "service model `EDITION` the filters are checked against: 2026 or 2024")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if *op == "" {
		return usagef("--operation is required; one of %s", strings.Join(filter.Operations(), ", "))
	}
	if *filters == "" {
		return usagef("--filters is required")
	}
	opts := filter.Options{Model: filter.Model2026}
	if model.value == "2024" {
		opts.Model = filter.Model2024
	}
	// Check the filters first, so that a mistake in them is not blamed on
	// the input document.
	parsed, err := filter.ParseFilters(*filters)
	if err != nil {
		return fmt.Errorf("--filters: %w", err)
	}
	if err := opts.Validate(filter.Query{Operation: *op, Filters: parsed}); err != nil {
		if errors.Is(err, filter.ErrUnknownOperation) {
			return fmt.Errorf("--operation: %w", err)
		}
		return fmt.Errorf("--filters: %w", err)
	}
	doc, err := e.readFile(*input)
	if err != nil {
		return err
	}
	out, _, err := opts.FilterResponse(*op, *filters, doc)
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(*input), err)
	}
	_, err = e.stdout.Write(out)
	return err
}
