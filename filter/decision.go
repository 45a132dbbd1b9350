package filter

import "github.com/ibkit/ibkit/internal/decision"

// Decision is the ID of a point the service's documentation leaves open
// together with the reading ibkit takes on it ("F-3", "F-P5"); the
// README's decisions table explains each one. Results and errors whose
// outcome depends on a decision list its ID.
type Decision = decision.ID

// Readings a caller can choose instead of ibkit's default, for
// Query.Readings. Each constant is named after the alternative reading;
// the default is what the service documents or, where it is silent, the
// reading the README's decisions table gives.
const (
	// OSVersionPrefix (F-1): a supportedOsVersion value also matches the
	// list elements it is a prefix of, as recipe creation does. Default:
	// exact matches only.
	OSVersionPrefix Decision = "F-1"
	// LenientNames (F-2): a filter name the operation does not accept is
	// skipped, and a name given twice is ANDed like any other filter.
	// Default: both are errors.
	LenientNames Decision = "F-2"
	// MatchBuildSuffix (F-3): on build-level lists a version value is
	// compared with the whole "x.y.z/n" text. Default: "x.y.z" only.
	MatchBuildSuffix Decision = "F-3"
	// VersionWildcards (F-4): an "x" in a version value matches any
	// number in its node, and a value with an "x" must be a valid
	// wildcard version. Default: "x" is literal text.
	VersionWildcards Decision = "F-4"
	// AllowByNameWithVersion (F-6): byName together with a version filter
	// is accepted on ListImages. Default: an error.
	AllowByNameWithVersion Decision = "F-6"
	// Model2024 (F-8): names, the owner enum and the value character set
	// follow the 2024 API Reference: no AWSMarketplace owner and no
	// , { } " in values. Default: the 2026 model.
	Model2024 Decision = "F-8"
	// NoWorkflowFilters (F-9): ListWorkflows accepts no filter names.
	// Default: name, type and version.
	NoWorkflowFilters Decision = "F-9"
	// DocumentedCaseLifecycleFilters (F-10): ListLifecyclePolicies also
	// accepts "Name" and "Status", as its documentation writes them.
	// Default: only the lower-case names real calls use.
	DocumentedCaseLifecycleFilters Decision = "F-10"
	// ByNameWildcardARN (F-P1): the ARN of each byName result ends in
	// "x.x.x". Default: its concrete version.
	ByNameWildcardARN Decision = "F-P1"
	// ByNameVersionErrorAllOps (F-P2): byName with a version filter is an
	// error on ListComponents and ListWorkflows too. Default: accepted.
	ByNameVersionErrorAllOps Decision = "F-P2"
	// ComponentStatusFilter (F-P3): ListComponents accepts a status filter
	// and a scoped evaluation hides deprecated components unless one is
	// given. Default: neither.
	ComponentStatusFilter Decision = "F-P3"
	// DeprecatedByTime (F-P4): an image also counts as deprecated when its
	// deprecationTime is not after the evaluation time. Default: only its
	// state.status says so.
	DeprecatedByTime Decision = "F-P4"
	// RequireOwnership (F-P5): an item without an ownership member is an
	// error in a scoped evaluation. Default: the category is derived from
	// the owner node of its ARN.
	RequireOwnership Decision = "F-P5"
	// InputOrder (F-P8): results keep the input order. Default: by name,
	// then version from highest, then ARN.
	InputOrder Decision = "F-P8"
)

// The decisions that are only reported, never chosen.
const (
	decMatching     Decision = "F-1"
	decValidation   Decision = "F-2"
	decBuildVersion Decision = "F-3"
	decWildcard     Decision = "F-4"
	decScanFindings Decision = "F-5"
	decByNameImages Decision = "F-6"
	decModel        Decision = "F-8"
	decWorkflows    Decision = "F-9"
	decLifecycle    Decision = "F-10"
	decByName       Decision = "F-P1"
	decByNameOthers Decision = "F-P2"
	decStatus       Decision = "F-P3"
	decDeprecated   Decision = "F-P4"
	decOwnership    Decision = "F-P5"
	decVulnID       Decision = "F-P6"
)

// readings holds the alternative readings a query chose, read once from
// Query.Readings.
type readings struct {
	osPrefix, lenient, buildSuffix, wildcards, byNameVersion, model2024,
	noWorkflowNames, capitalLifecycle, wildcardARN, byNameVersionError,
	componentStatus, deprecatedByTime, requireOwnership, inputOrder bool
}

// chooseReadings checks ids against the readings this package offers.
func chooseReadings(ids []Decision) (readings, error) {
	if len(ids) == 0 {
		return readings{}, nil
	}
	s, err := decision.Choose(ids, decision.Of(OSVersionPrefix, LenientNames, MatchBuildSuffix,
		VersionWildcards, AllowByNameWithVersion, Model2024, NoWorkflowFilters,
		DocumentedCaseLifecycleFilters, ByNameWildcardARN, ByNameVersionErrorAllOps,
		ComponentStatusFilter, DeprecatedByTime, RequireOwnership, InputOrder))
	return readings{
		osPrefix:           s.Has(OSVersionPrefix),
		lenient:            s.Has(LenientNames),
		buildSuffix:        s.Has(MatchBuildSuffix),
		wildcards:          s.Has(VersionWildcards),
		byNameVersion:      s.Has(AllowByNameWithVersion),
		model2024:          s.Has(Model2024),
		noWorkflowNames:    s.Has(NoWorkflowFilters),
		capitalLifecycle:   s.Has(DocumentedCaseLifecycleFilters),
		wildcardARN:        s.Has(ByNameWildcardARN),
		byNameVersionError: s.Has(ByNameVersionErrorAllOps),
		componentStatus:    s.Has(ComponentStatusFilter),
		deprecatedByTime:   s.Has(DeprecatedByTime),
		requireOwnership:   s.Has(RequireOwnership),
		inputOrder:         s.Has(InputOrder),
	}, err
}
