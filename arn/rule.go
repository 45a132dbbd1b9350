package arn

// rule names a check. The rules after rulePattern come from a decision
// (see rule.decision); Error.Rule holds the name.
type rule uint8

// The rules, in the order a check applies them to one part.
const (
	ruleNone          rule = iota // a valid result
	ruleShape                     // the shape name is not known
	ruleReading                   // a reading the package does not offer
	ruleLength                    // the model's length limits
	rulePattern                   // the model's pattern, with third-party added (AS-2)
	ruleWildcardOrder             // AS-1: nodes right of an x are x too
	ruleNodeRange                 // AS-1: nodes at most 1073741823
	ruleAnchored                  // AS-1: the OrganizationalUnitArn pattern anchored
	ruleThirdParty                // AS-2: ModelOwnersOnly rejects "third-party"
	ruleKnownOwner                // AS-3: KnownOwnersOnly rejects "aws-foo"
	ruleTypeVersion               // AS-4: Parse rejects forms the type cannot have
	ruleRealism                   // AS-5: StrictRegions
	ruleLeadingZero               // AS-6: RejectLeadingZeros
	ruleBuildRange                // AS-10: 64 bits, and not 0 with NonZeroBuilds
)

// String returns the rule's name as Error.Rule holds it.
func (r rule) String() string {
	switch r {
	case ruleShape:
		return "shape"
	case ruleReading:
		return "reading"
	case ruleLength:
		return "length"
	case rulePattern:
		return "pattern"
	case ruleWildcardOrder:
		return "wildcard order"
	case ruleNodeRange:
		return "node range"
	case ruleAnchored:
		return "anchored"
	case ruleThirdParty:
		return "third-party owner"
	case ruleKnownOwner:
		return "known owner"
	case ruleTypeVersion:
		return "type version form"
	case ruleRealism:
		return "partition and region realism"
	case ruleLeadingZero:
		return "leading zero"
	case ruleBuildRange:
		return "build range"
	}
	return ""
}

// decision returns the decision the rule implements, or "" for the rules
// that come straight from the model.
func (r rule) decision() Decision {
	switch r {
	case ruleWildcardOrder, ruleNodeRange, ruleAnchored:
		return RegexOnly
	case ruleThirdParty:
		return ModelOwnersOnly
	case ruleKnownOwner:
		return KnownOwnersOnly
	case ruleTypeVersion:
		return GenericPatternOnly
	case ruleRealism:
		return StrictRegions
	case ruleLeadingZero:
		return RejectLeadingZeros
	case ruleBuildRange:
		return NonZeroBuilds
	}
	return ""
}

// part names the part of the input an error is about; Error.Part holds
// its name.
type part uint8

// The parts of an ARN, in the order they appear in the text. partInput is
// the text as a whole: length limits and identifiers that are not ARNs.
const (
	partInput part = iota
	partPrefix
	partPartition
	partService
	partRegion
	partAccount
	partResourceType
	partStage
	partName
	partVersion
	partBuild
	partReadings
)

// String returns the part's name, such as "resource type".
func (p part) String() string {
	return [...]string{"input", "prefix", "partition", "service", "region", "account",
		"resource type", "stage", "name", "version", "build", "readings"}[p]
}
