package htmlreport

import (
	"errors"
	"io"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// Report is what one page shows: a forecast of a policy over an inventory,
// and optionally the plan of today's run.
type Report struct {
	// Title is the page's title; "" gives "Lifecycle forecast: <policy
	// name>".
	Title string
	// Policy is the policy forecast, and Inventory the inventory whose
	// Index it ran on. The page reads the images' facts (status, creation
	// time, tags) from the Inventory.
	Policy    *lifecycle.Policy
	Inventory *inventory.Inventory
	// Timeline is the forecast, from plan.Forecast.
	Timeline *plan.Timeline
	// Plan is the plan of today's run, from plan.DryRun at
	// Timeline.Start. When it is given the page has a section on today's
	// run. When it is nil the page computes the plan with DryRun on the
	// Inventory's Index and Options, and uses it only to place the images
	// in scope in their recipe-version groups and to show their retention
	// slots and today's reasons.
	Plan *plan.Plan
	// Options are the options the forecast ran with (scope and readings),
	// for the plan at Timeline.Start. Used only when Plan is nil.
	Options plan.Options
}

// ErrIncomplete is wrapped by the *InputError that Write returns when a
// required member of the Report is missing.
var ErrIncomplete = errors.New("incomplete report")

// InputError reports a Report that cannot be rendered.
type InputError struct {
	// Field names the member of Report, such as "Timeline".
	Field string
	// Reason says what is wrong and what was expected.
	Reason string
	// Err is the cause: ErrIncomplete, or the error of plan.DryRun.
	Err error
}

// Error names the member and says what is wrong with it.
func (e *InputError) Error() string {
	return "htmlreport: Report." + e.Field + " " + e.Reason
}

// Unwrap returns the cause.
func (e *InputError) Unwrap() error { return e.Err }

// Write renders the report as one HTML page to w. It returns an
// *InputError when Policy, Inventory or Timeline is nil or today's plan cannot
// be computed, and otherwise the first error of w.
func Write(w io.Writer, r Report) error {
	v, err := build(&r)
	if err != nil {
		return err
	}
	return pageTemplate().Execute(w, v)
}
