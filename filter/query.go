package filter

import "time"

// Ownership is the owner category of a List request's owner parameter and
// of an item relative to the caller.
type Ownership string

// The owner categories of the model's Ownership enum.
const (
	OwnerSelf           Ownership = "Self"
	OwnerShared         Ownership = "Shared"
	OwnerAmazon         Ownership = "Amazon"
	OwnerThirdParty     Ownership = "ThirdParty"
	OwnerAWSMarketplace Ownership = "AWSMarketplace" // 2026 model only
)

// Query is one List request to evaluate: the operation, its filters and,
// optionally, the other selection parameters.
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
}

// Scope holds the selection parameters of a List request besides its
// filters, and the facts about the caller that applying them needs.
type Scope struct {
	// Owner is the requested owner category; "" means OwnerSelf (F-7).
	// Only operations with an owner parameter accept it.
	Owner Ownership
	// ByName keeps one item per name (F-P1). ListComponents, ListImages
	// and ListWorkflows accept it.
	ByName bool
	// IncludeDeprecated keeps deprecated images (F-7, F-P4). Only
	// ListImages accepts it.
	IncludeDeprecated bool
	// Account is the caller's 12-digit account ID. It tells Self from
	// Shared when an item's category is derived from its ARN (F-P5).
	Account string
	// Now is the evaluation time for Options.DeprecatedByTime (F-P4). The
	// library never reads the clock.
	Now time.Time
}

// owner returns the requested owner category with the F-7 default.
func (s *Scope) owner() Ownership {
	if s.Owner == "" {
		return OwnerSelf
	}
	return s.Owner
}
