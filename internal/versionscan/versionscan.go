// Package versionscan reads Image Builder version text under the widest
// grammar of the service model's patterns and records which of the
// documented rules it breaks, without deciding whether that makes it
// invalid. The semver package reports those rules as decisions (Flags);
// the arn package applies them to the version part of ARNs.
package versionscan

// maxNode is the largest value of a major, minor or patch node.
const maxNode = 1<<30 - 1

// Part names the part of the text where its shape breaks.
type Part uint8

// The parts of a version string.
const (
	PartNone  Part = iota // the text as a whole
	PartMajor             // the first node
	PartMinor             // the second node
	PartPatch             // the third node
	PartBuild             // the build number after '/'
)

// Inspection describes a string read under the widest version grammar:
// three nodes of digits or "x", "x" allowed in any node, no limit on the
// numbers, optionally followed by "/" and a build of digits.
type Inspection struct {
	// Version is the "M.m.p" text, wildcards included; Build is the text of
	// the build digits ("" when HasBuild is false).
	Version, Build string
	HasBuild       bool

	// Nodes are the values of the numeric nodes, saturated at maxNode+1;
	// wildcard nodes hold 0. Wildcards has bit i set when node i is "x"
	// (bit 0 is the major node).
	Nodes     [3]uint32
	Wildcards uint8

	// Misplaced reports a numeric node to the right of a wildcard, such as
	// "x.2.x" (the trailing-wildcard rule of decision AS-1).
	Misplaced bool
	// Overflow reports a node above 1073741823 (the node limit of AS-1);
	// OverflowNode is the text of the first such node.
	Overflow     bool
	OverflowNode string
	// LeadingZero reports a version node written with a leading zero, and
	// BuildLeadingZero a build written with one (decision AS-6).
	LeadingZero, BuildLeadingZero bool

	// BuildValue is the build number; BuildOverflow reports a build that
	// does not fit in 64 bits, in which case BuildValue is 0 (AS-10).
	BuildValue    uint64
	BuildOverflow bool
}

// Fixed returns the number of numeric nodes to the left of the first
// wildcard: 3 for a version without wildcards, 0 for "x.x.x".
func (in *Inspection) Fixed() int {
	switch {
	case in.Wildcards&1 != 0:
		return 0
	case in.Wildcards&2 != 0:
		return 1
	case in.Wildcards&4 != 0:
		return 2
	}
	return 3
}

// Inspect reads s under the widest version grammar. It returns ok ==
// false when s does not have that shape, together with the part where the
// shape breaks: PartBuild for a malformed build, otherwise the node at
// fault. Inspect does not allocate.
func Inspect(s string) (in Inspection, bad Part, ok bool) {
	i := 0
	for n := 0; n < 3; n++ {
		if n > 0 {
			if i >= len(s) {
				return in, Part(n + 1), false // the node is missing
			}
			if s[i] != '.' {
				return in, Part(n), false // the previous node ends badly
			}
			i++
		}
		if i < len(s) && s[i] == 'x' {
			in.Wildcards |= 1 << n
			i++
			continue
		}
		if in.Wildcards != 0 {
			in.Misplaced = true
		}
		start := i
		var v uint64
		for ; i < len(s) && '0' <= s[i] && s[i] <= '9'; i++ {
			if v <= maxNode {
				v = v*10 + uint64(s[i]-'0')
			}
		}
		if i == start {
			return in, Part(n + 1), false
		}
		if i-start > 1 && s[start] == '0' {
			in.LeadingZero = true
		}
		if v > maxNode {
			if !in.Overflow {
				in.Overflow, in.OverflowNode = true, s[start:i]
			}
			v = maxNode + 1
		}
		in.Nodes[n] = uint32(v)
	}
	in.Version = s[:i]
	if i == len(s) {
		return in, PartNone, true
	}
	if s[i] != '/' {
		return in, PartPatch, false
	}
	in.HasBuild, in.Build = true, s[i+1:]
	if in.Build == "" {
		return in, PartBuild, false
	}
	for j := 0; j < len(in.Build); j++ {
		c := in.Build[j]
		if c < '0' || c > '9' {
			return in, PartBuild, false
		}
		d := uint64(c - '0')
		if !in.BuildOverflow && in.BuildValue > (1<<64-1-d)/10 {
			in.BuildOverflow, in.BuildValue = true, 0
		}
		if !in.BuildOverflow {
			in.BuildValue = in.BuildValue*10 + d
		}
	}
	in.BuildLeadingZero = len(in.Build) > 1 && in.Build[0] == '0'
	return in, PartNone, true
}
