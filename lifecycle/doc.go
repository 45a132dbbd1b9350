// Package lifecycle models EC2 Image Builder lifecycle policies with the
// API's JSON names and checks them offline, without calling AWS.
//
// DecodePolicy reads the four shapes people keep (the bare policy, the
// GetLifecyclePolicy response, the Create and Update inputs) strictly: a
// member the shape does not define, a member given twice or a value of the
// wrong JSON type is an *Error naming its JSON path and byte offset.
// Policy.Validate and Document.Validate apply the service model's rules and
// the cross-field rules X1–X17 and return every Finding at once, sorted by
// path, each with a stable code (the README's table of finding codes
// explains them). StateUpdateRequest models the manual
// StartResourceStateUpdate request.
//
// Where AWS's documentation is silent, ibkit takes a documented reading,
// marks every result that depends on it with its Decision ID ("L-9"), and
// offers the other reading as a Decision constant (FixedMonthYear, ...)
// for ValidateOptions.Readings and the dry-run's options.
//
// Timestamps keep their wire text (epoch seconds or RFC 3339); the package
// never reads the clock. Every error is an *Error wrapping ErrSyntax,
// ErrInvalid or ErrUnknown.
//
// The subpackages hold the rest: inventory reads and checks the AWS objects
// a policy acts on, plan predicts what an execution would do (DryRun) and
// forecasts daily runs, lifecycletest builds policies and inventories for
// tests, iac reads policies from infrastructure-as-code templates.
package lifecycle
