package filter

import "strconv"

// Edition selects the edition of the service model that validation follows
// (Decision F-8). The zero value is Model2026.
type Edition uint8

const (
	// Model2026 is the current model: the owner enum includes
	// AWSMarketplace and filter values may contain , { } and ".
	Model2026 Edition = iota
	// Model2024 is the model the 2024 API Reference describes: no
	// AWSMarketplace owner and no , { } " in filter values.
	Model2024
)

// String returns "2026" or "2024".
func (e Edition) String() string {
	switch e {
	case Model2026:
		return "2026"
	case Model2024:
		return "2024"
	}
	return "Edition(" + strconv.Itoa(int(e)) + ")"
}

// Options selects the other reading of the specification's decisions. The
// zero value is ibkit's default reading of every decision; each field
// names the decision it changes. Options is a plain value and safe to copy
// and to share between goroutines.
type Options struct {
	// Model is the model edition names, enums and values are checked
	// against (F-8).
	Model Edition

	// OsVersionPrefix makes supportedOsVersion values match list elements
	// they are a prefix of, as recipe creation does (F-1).
	OsVersionPrefix bool
	// IgnoreUnknownFilters skips filters whose name the operation does not
	// accept instead of rejecting the request (F-2).
	IgnoreUnknownFilters bool
	// AllowDuplicateFilters accepts the same name more than once; such
	// filters are ANDed like any others (F-2).
	AllowDuplicateFilters bool
	// MatchBuildSuffix makes version filters on build-level lists compare
	// the whole "x.y.z/n" text (F-3).
	MatchBuildSuffix bool
	// VersionWildcards makes "x" in a version value match any number in
	// that node; values with an "x" must then be valid wildcard versions
	// (F-4).
	VersionWildcards bool
	// AllowByNameWithVersion accepts byName together with a version filter
	// on ListImages (F-6).
	AllowByNameWithVersion bool
	// NoWorkflowFilters makes ListWorkflows accept no filter names (F-9).
	NoWorkflowFilters bool
	// DocumentedCaseLifecycleFilters also accepts "Name" and "Status" on
	// ListLifecyclePolicies (F-10).
	DocumentedCaseLifecycleFilters bool
	// ByNameWildcardArn makes the ARN of each byName result end in "x.x.x"
	// instead of its concrete version (F-P1).
	ByNameWildcardArn bool
	// ByNameVersionErrorAllOps rejects byName with a version filter on
	// ListComponents and ListWorkflows too (F-P2).
	ByNameVersionErrorAllOps bool
	// ComponentStatusFilter accepts a status filter on ListComponents and,
	// in a scoped evaluation, hides deprecated components unless one is
	// given (F-P3).
	ComponentStatusFilter bool
	// DeprecatedByTime also counts an image as deprecated when its
	// deprecationTime is not after Scope.Now (F-P4).
	DeprecatedByTime bool
	// RequireOwnership turns a missing ownership category into an error
	// instead of deriving it from the item's ARN (F-P5).
	RequireOwnership bool

	// InputOrder keeps results in input order instead of the order of
	// Decision F-P8 (name, then version from highest, then ARN).
	InputOrder bool
}
