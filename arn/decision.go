package arn

// Decision identifies one of the points where the service's documentation
// leaves the answer open and ibkit had to pick a reading. The values are
// the IDs of the ibkit specification, such as "AS-1", the same strings the
// semver package's Decision type uses, so IDs from both packages can be
// collected together.
type Decision string

// The decisions that can influence results of this package.
const (
	// AS1: validation applies the documented prose rules (wildcards only in
	// trailing nodes, nodes at most 1073741823) on top of the anchored model
	// pattern. Options.RegexOnly selects the pattern alone.
	AS1 Decision = "AS-1"
	// AS2: the owner "third-party" is accepted wherever "aws-marketplace" is.
	// Options.ModelOwnersOnly rejects it.
	AS2 Decision = "AS-2"
	// AS3: the owner alternation aws(-[a-z-]+)? is kept as the model writes
	// it, so "aws-foo" passes. Options.KnownOwnersOnly narrows it.
	AS3 Decision = "AS-3"
	// AS4: Parse ties version forms to resource types. Options.GenericPatternOnly
	// accepts whatever the generic ImageBuilderArn pattern accepts.
	AS4 Decision = "AS-4"
	// AS5: partition and region realism is a lint, off by default.
	// Options.StrictLint turns it on.
	AS5 Decision = "AS-5"
	// AS6: leading zeros in version nodes are accepted.
	// Options.RejectLeadingZeros rejects them.
	AS6 Decision = "AS-6"
	// AS9: the name to ARN-name mapping keeps '_'.
	// Options.UnderscoreToHyphen maps it to '-'.
	AS9 Decision = "AS-9"
	// AS10: a build number is any digit string that fits in 64 bits, 0
	// included. Options.StrictLint also reports build 0.
	AS10 Decision = "AS-10"
)

// String returns the decision's ID.
func (d Decision) String() string { return string(d) }

// decisionAt lists the package's decisions in ascending order of their
// number; bit i of a Decisions set stands for decisionOrder(i).
func decisionAt(i int) Decision {
	switch i {
	case 0:
		return AS1
	case 1:
		return AS2
	case 2:
		return AS3
	case 3:
		return AS4
	case 4:
		return AS5
	case 5:
		return AS6
	case 6:
		return AS9
	case 7:
		return AS10
	}
	return ""
}

// decisionBit returns the bit of d in a Decisions set, or 0 for IDs the
// package does not use.
func decisionBit(d Decision) Decisions {
	for i := 0; i < numDecisions; i++ {
		if decisionAt(i) == d {
			return 1 << i
		}
	}
	return 0
}

const numDecisions = 8

// Decisions is a set of the package's decisions. The zero value is the
// empty set. It is a small comparable value; the methods do not modify it.
type Decisions uint8

// Has reports whether d is in the set.
func (s Decisions) Has(d Decision) bool {
	b := decisionBit(d)
	return b != 0 && s&b != 0
}

// With returns the set with d added. IDs the package does not use are
// ignored.
func (s Decisions) With(d Decision) Decisions {
	return s | decisionBit(d)
}

// List returns the decisions in the set in ascending order of their number
// (AS-1 before AS-10), or nil for the empty set.
func (s Decisions) List() []Decision {
	var out []Decision
	for i := 0; i < numDecisions; i++ {
		if s&(1<<i) != 0 {
			out = append(out, decisionAt(i))
		}
	}
	return out
}

// String returns the IDs in the order of List separated by commas, such as
// "AS-2,AS-10", or "" for the empty set.
func (s Decisions) String() string {
	var b []byte
	for _, d := range s.List() {
		if len(b) > 0 {
			b = append(b, ',')
		}
		b = append(b, d...)
	}
	return string(b)
}
