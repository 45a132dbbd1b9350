// Package lifecycle models EC2 Image Builder lifecycle policies and the
// inventory they act on, and checks both offline, without calling AWS.
//
// # Policies
//
// Policy and its parts mirror the service's LifecyclePolicy shape member
// for member, with the same JSON names, so a policy written for the API or
// the AWS CLI decodes as is. DecodePolicy recognises the four document
// shapes people keep: the bare policy, the GetLifecyclePolicy response
// ({"lifecyclePolicy": ...}) and the CreateLifecyclePolicy and
// UpdateLifecyclePolicy inputs (with clientToken). Decoding is strict by
// default: a member the shape does not define, a member given twice or a
// value of the wrong JSON type is a *DecodeError naming its JSON path, such
// as "policyDetails[0].filter.valeu". Encoding a Document writes the same
// shape back.
//
// # Validation
//
// Policy.Validate and Document.Validate apply every rule of the service
// model (required members, enumerations, ranges, lengths, patterns) and the
// cross-field rules of the ibkit specification (X1–X16), and return every
// finding at once, sorted by path. A Finding has a severity, a path such as
// "policyDetails[1].filter.unit", a stable Code, the cross-field rule it
// comes from, the decisions its verdict depends on, and a message saying
// what to change. Warnings never make an error: the error result is non-nil
// only when at least one finding is an error.
//
// Some rules are not the service's: ibkit reads the user guide and AWS
// client tooling where the model is silent, and records each such reading as
// a decision (L-n). For instance, giving both recipes and a tag map is an
// error by default because AWS tooling rejects it (Decision L-P1);
// ValidateOptions.ModelOnly turns such rules into warnings. A few warnings
// are ibkit's lints, for documents that are valid but whose meaning rests
// on such a reading: a version node with a leading zero (AS-6), a selection
// tag with an empty value (L-18), a delete age below a deprecate or disable
// age (X13).
//
// StateUpdateRequest models the manual StartResourceStateUpdate request and
// has its own Validate, which needs the evaluation time and the image's
// current state for some rules.
//
// # Inventories
//
// An Inventory holds Image Builder images (Image, the union of the Image
// and ImageSummary shapes), EC2 AMIs (AMI, an item of DescribeImages) and
// AMI launch permissions (LaunchPermissions, a DescribeImageAttribute
// response). DecodeInventory reads ibkit's combined file or the raw AWS CLI
// responses; ReadInventory and MergeInventories combine several files.
// Inventory.Check reports broken or missing facts; Inventory.Index parses
// and joins the records into the form a dry-run reads.
//
// Timestamps keep their wire text (Timestamp), since the API sends epoch
// seconds and the CLI prints RFC 3339; Timestamp.Time parses either. The
// package never reads the clock: every time-dependent rule takes the time as
// an input.
//
// # Dry-run
//
// DryRun predicts what one scheduled execution of a policy would do to the
// images of an Index, at the instant PlanOptions.Now: the caller supplies
// the time, the package never reads the clock. It follows the execution
// step by step: the images the policy selects, running builds deferred to
// a later run, recipe-version groups ordered newest first, the keep slots
// and the qualification of each image under each rule, one action per
// image tried in the order DEPRECATE, DISABLE, DELETE, and finally the AMIs,
// snapshots and container images the action reaches, with the AMI
// exclusions. The Plan lists every record in the vocabulary of the service's
// ListLifecycleExecutionResources response, says for every other image in
// scope why nothing happens to it, and names on each record the rule behind
// it and the decisions (L-n) its outcome depends on. Each decision with
// another reading is a PlanOptions field; where the documentation is
// silent, the default is the reading under which the service acts, so that
// a plan may over-report but never under-report. The plan never depends on
// the order of the inventory.
//
// A policy acts only on the images of its own Region and account (Decision
// L-26), taken from the policy ARN, the options, or an inventory of one
// Region and account; its AMIs distributed elsewhere are still acted on.
// Nothing is left out silently: images of other Regions or accounts are
// listed as out of scope, a recipe entry or selection tag that selects
// nothing is a warning naming what comes nearest, and the index's findings
// travel in the plan (warnings, and the records it could not read).
//
// Forecast repeats the dry-run once a day, applying each run's changes
// before the next, and tells when each image would be deprecated, disabled
// and deleted.
//
// # Differences from the service
//
// The service accepts a few documents ibkit rejects (both selectors, a
// repeated action, AMI options in a container policy; see Decision L-P1),
// and ibkit flags documents the service accepts but probably handles
// differently from what their author expects (retainAtLeast on a DEPRECATE
// rule, snapshots without AMIs). An absent clientToken is only a warning:
// the SDKs and the CLI generate one. Booleans and zero-valued optional members
// are treated as absent, as the service does.
package lifecycle
