package arn

import "strconv"

// Rule names a validation rule. Rules other than RuleShape, RuleLength and
// RulePattern come from a decision (see Rule.Decision) and can be switched
// off or on through Options.
type Rule uint8

// The rules, in the order a check applies them to one field.
const (
	// RuleNone is the Rule of a valid result.
	RuleNone Rule = iota
	// RuleShape: the shape name is not known.
	RuleShape
	// RuleLength: the model's minimum or maximum length.
	RuleLength
	// RulePattern: the model's pattern for the shape (anchored at both
	// ends, Go RE2 semantics), with the owner "third-party" added where
	// AS-2 accepts it.
	RulePattern
	// RuleWildcardOrder (AS-1): every node right of an x is an x too.
	RuleWildcardOrder
	// RuleNodeRange (AS-1): major, minor and patch are at most 1073741823.
	RuleNodeRange
	// RuleAnchored (AS-1): the OrganizationalUnitArn pattern, which the model
	// leaves open at the end, is anchored.
	RuleAnchored
	// RuleThirdParty (AS-2): Options.ModelOwnersOnly rejects "third-party".
	RuleThirdParty
	// RuleKnownOwner (AS-3): Options.KnownOwnersOnly rejects owners such as
	// "aws-foo".
	RuleKnownOwner
	// RuleTypeVersion (AS-4): Parse rejects version forms the resource type
	// cannot have.
	RuleTypeVersion
	// RuleRealism (AS-5): Options.StrictLint rejects unknown partitions and
	// regions that do not fit the partition.
	RuleRealism
	// RuleLeadingZero (AS-6): Options.RejectLeadingZeros rejects version
	// nodes with leading zeros.
	RuleLeadingZero
	// RuleBuildRange (AS-10): a build number must fit in 64 bits, and with
	// Options.StrictLint must not be 0.
	RuleBuildRange
)

// String returns the rule's name, such as "pattern" or "wildcard order".
func (r Rule) String() string {
	switch r {
	case RuleNone:
		return "none"
	case RuleShape:
		return "shape"
	case RuleLength:
		return "length"
	case RulePattern:
		return "pattern"
	case RuleWildcardOrder:
		return "wildcard order"
	case RuleNodeRange:
		return "node range"
	case RuleAnchored:
		return "anchored"
	case RuleThirdParty:
		return "third-party owner"
	case RuleKnownOwner:
		return "known owner"
	case RuleTypeVersion:
		return "type version form"
	case RuleRealism:
		return "partition and region realism"
	case RuleLeadingZero:
		return "leading zero"
	case RuleBuildRange:
		return "build range"
	}
	return "Rule(" + strconv.Itoa(int(r)) + ")"
}

// Decision returns the decision the rule implements, or "" for the rules
// that come straight from the model (RuleNone, RuleShape, RuleLength,
// RulePattern).
func (r Rule) Decision() Decision {
	switch r {
	case RuleWildcardOrder, RuleNodeRange, RuleAnchored:
		return AS1
	case RuleThirdParty:
		return AS2
	case RuleKnownOwner:
		return AS3
	case RuleTypeVersion:
		return AS4
	case RuleRealism:
		return AS5
	case RuleLeadingZero:
		return AS6
	case RuleBuildRange:
		return AS10
	}
	return ""
}
