package filter

// Decision identifies a point that the service's documentation leaves open
// together with the reading ibkit takes on it. Its value is the ID used by
// the ibkit specification ("F-3", "F-P5"). Results whose outcome depends on
// a decision list its ID so that callers can see where the answer is
// ibkit's choice rather than documented service behaviour.
type Decision string

// The decisions that concern List filters.
const (
	// DecisionMatching (F-1): filters are ANDed, the values of one filter
	// ORed; values compare exactly and case-sensitively; a list field
	// matches when one element does; an absent field never matches.
	DecisionMatching Decision = "F-1"
	// DecisionValidation (F-2): unknown or duplicate names, missing values
	// and limit or character-set violations are errors.
	DecisionValidation Decision = "F-2"
	// DecisionBuildVersion (F-3): on build-level lists "version" compares
	// the major.minor.patch part of an item's version only.
	DecisionBuildVersion Decision = "F-3"
	// DecisionVersionWildcard (F-4): an "x" in a version value is literal
	// text unless Options.VersionWildcards is set.
	DecisionVersionWildcard Decision = "F-4"
	// DecisionScanFindingsFilter (F-5): ListImageScanFindings takes one
	// filter with one value.
	DecisionScanFindingsFilter Decision = "F-5"
	// DecisionByNameWithVersion (F-6): byName together with a version
	// filter on ListImages is an invalid parameter combination.
	DecisionByNameWithVersion Decision = "F-6"
	// DecisionDefaults (F-7): owner defaults to Self; ListImages hides
	// deprecated images unless includeDeprecated is set.
	DecisionDefaults Decision = "F-7"
	// DecisionModelEdition (F-8): names, enums and the value character set
	// follow the 2026 model unless Options.Model says otherwise.
	DecisionModelEdition Decision = "F-8"
	// DecisionWorkflowNames (F-9): ListWorkflows accepts name, version and
	// type, which the model does not document.
	DecisionWorkflowNames Decision = "F-9"
	// DecisionLifecycleNames (F-10): ListLifecyclePolicies accepts the
	// lower-case names name and status.
	DecisionLifecycleNames Decision = "F-10"
	// DecisionByName (F-P1): byName keeps the highest version of each name.
	DecisionByName Decision = "F-P1"
	// DecisionByNameVersionOtherOps (F-P2): byName with a version filter is
	// accepted on ListComponents and ListWorkflows.
	DecisionByNameVersionOtherOps Decision = "F-P2"
	// DecisionComponentStatus (F-P3): the newer ListComponents status
	// filter and the hiding of deprecated components are off by default.
	DecisionComponentStatus Decision = "F-P3"
	// DecisionDeprecated (F-P4): an image is deprecated when its state says
	// so.
	DecisionDeprecated Decision = "F-P4"
	// DecisionOwnership (F-P5): an item's ownership category comes from the
	// caller or, failing that, from the owner node of its ARN.
	DecisionOwnership Decision = "F-P5"
	// DecisionVulnerabilityID (F-P6): vulnerabilityId reads
	// packageVulnerabilityDetails.vulnerabilityId.
	DecisionVulnerabilityID Decision = "F-P6"
	// DecisionAggregationFilter (F-P7): the ListImageScanFindingAggregations
	// filter is validated but does not remove rows.
	DecisionAggregationFilter Decision = "F-P7"
	// DecisionOrder (F-P8): the whole input is filtered, then ordered by
	// name, version (highest first) and ARN.
	DecisionOrder Decision = "F-P8"
)

// allDecisions lists every decision in the order of the specification's
// table; decision sets are reported in this order.
var allDecisions = [...]Decision{
	DecisionMatching, DecisionValidation, DecisionBuildVersion,
	DecisionVersionWildcard, DecisionScanFindingsFilter,
	DecisionByNameWithVersion, DecisionDefaults, DecisionModelEdition,
	DecisionWorkflowNames, DecisionLifecycleNames, DecisionByName,
	DecisionByNameVersionOtherOps, DecisionComponentStatus,
	DecisionDeprecated, DecisionOwnership, DecisionVulnerabilityID,
	DecisionAggregationFilter, DecisionOrder,
}

// Decisions returns every decision of this package in the order of the
// specification's table (F-1 … F-10, then F-P1 … F-P8).
func Decisions() []Decision { return append([]Decision(nil), allDecisions[:]...) }

// decisionSet is a set of decisions, one bit per entry of allDecisions.
type decisionSet uint32

func (s *decisionSet) add(d Decision) {
	for i, x := range allDecisions {
		if x == d {
			*s |= 1 << i
			return
		}
	}
}

// list returns the members in table order, or nil for the empty set.
func (s decisionSet) list() []Decision {
	if s == 0 {
		return nil
	}
	var out []Decision
	for i, d := range allDecisions {
		if s&(1<<i) != 0 {
			out = append(out, d)
		}
	}
	return out
}
