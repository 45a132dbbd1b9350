package filter

// Query is one List request to evaluate: the operation, its filters, the
// other selection parameters if they are to be applied, and the readings
// of the open points that differ from ibkit's default.
type Query struct {
	// Operation is the API name, e.g. "ListImages".
	Operation string
	// Filters are the request's filters. A nil slice means the request
	// has no filters; a non-nil empty slice is a filter list that is
	// present but empty, which the model rejects (F-2). For
	// ListImageScanFindingAggregations, Filters holds at most one filter,
	// the request's single filter member.
	Filters []Filter
	// Scope, when not nil, makes the evaluation also apply owner, byName
	// and includeDeprecated to the items, as the service does on the full
	// set of resources. Leave it nil when the items already are a List
	// response, whose selection the service has applied.
	Scope *Scope
	// Readings are the alternative readings to take (OSVersionPrefix,
	// Model2024, ...); nil means ibkit's default reading of every
	// decision. An ID this package does not offer is an ErrUnknown error.
	Readings []Decision
}

// Scope holds the selection parameters of a List request besides its
// filters, and the caller's account that applying them needs.
type Scope struct {
	// Owner is the requested owner category, as the model's Ownership
	// enum writes it: "Self", "Shared", "Amazon", "ThirdParty" or
	// "AWSMarketplace" (2026 model only); "" means "Self" (F-7). Only
	// operations with an owner parameter accept it.
	Owner string
	// ByName keeps one item per name, the highest version (F-P1).
	// ListComponents, ListImages and ListWorkflows accept it.
	ByName bool
	// IncludeDeprecated keeps deprecated images (F-7, F-P4). Only
	// ListImages accepts it.
	IncludeDeprecated bool
	// Account is the caller's 12-digit account ID. It tells Self from
	// Shared when an item's category is derived from its ARN (F-P5).
	Account string
}

// The owner categories of the model's Ownership enum.
const (
	ownerSelf        = "Self"
	ownerShared      = "Shared"
	ownerAmazon      = "Amazon"
	ownerThirdParty  = "ThirdParty"
	ownerMarketplace = "AWSMarketplace" // 2026 model only
)

// owner returns the requested owner category with the F-7 default.
func (s *Scope) owner() string {
	if s.Owner == "" {
		return ownerSelf
	}
	return s.Owner
}
