package arn

import "github.com/ibkit/ibkit/internal/decision"

// Decision is the ID of a decision, such as "AS-6": a point where the
// service's documentation leaves the answer open and ibkit picked a reading.
// The README's decisions table explains each one. It is the same type as
// the Decision of the other ibkit packages.
type Decision = decision.ID

// The decisions whose other reading a caller can choose, named after that
// reading. Put them in Options.Readings. Without them every function uses
// ibkit's default reading, given in each comment.
const (
	// RegexOnly (AS-1) checks the model pattern alone: a number may follow
	// a wildcard node, nodes may exceed 1073741823, builds may exceed 64
	// bits, and the OrganizationalUnitArn pattern is not anchored at its
	// end. By default the documented rules apply on top of the pattern.
	// Parse ignores it: an ARN value cannot hold such versions.
	RegexOnly Decision = "AS-1"
	// ModelOwnersOnly (AS-2) rejects the owner "third-party", which the
	// model patterns do not list. By default it is accepted wherever
	// "aws-marketplace" is.
	ModelOwnersOnly Decision = "AS-2"
	// KnownOwnersOnly (AS-3) narrows the owner alternation aws(-[a-z-]+)?
	// to "aws" and "aws-marketplace". By default any such owner, "aws-foo"
	// included, is accepted.
	KnownOwnersOnly Decision = "AS-3"
	// GenericPatternOnly (AS-4) makes Parse accept every version form of
	// the generic ImageBuilderArn pattern, such as a version on an
	// image-pipeline ARN or a wildcard version with a build. By default
	// Parse allows only the forms of the resource type.
	GenericPatternOnly Decision = "AS-4"
	// StrictRegions (AS-5) rejects a partition that is not one of
	// Partitions and a region that does not fit its partition (see
	// RegionInPartition). By default neither is checked.
	StrictRegions Decision = "AS-5"
	// RejectLeadingZeros (AS-6) rejects version and build numbers written
	// with leading zeros, such as 2021.01.01. By default they are accepted
	// and kept as written.
	RejectLeadingZeros Decision = "AS-6"
	// UnderscoreToHyphen (AS-9) makes Name map '_' to '-'. By default
	// Name keeps it.
	UnderscoreToHyphen Decision = "AS-9"
	// NonZeroBuilds (AS-10) rejects build number 0. By default a build is
	// any number that fits in 64 bits, 0 included.
	NonZeroBuilds Decision = "AS-10"
)

// decisions lists the package's decisions in the order of the README's decisions table. It
// is never written.
var decisions = [...]Decision{RegexOnly, ModelOwnersOnly, KnownOwnersOnly, GenericPatternOnly,
	StrictRegions, RejectLeadingZeros, UnderscoreToHyphen, NonZeroBuilds}

// offered is the set of readings Options.Readings may name. It is never
// written.
var offered = decision.Of(decisions[:]...)

// list returns the decisions of s in the order of the README's decisions table, or nil when
// s holds none. It allocates once for a non-empty set.
func list(s decision.Set) []Decision {
	if s.IsEmpty() {
		return nil
	}
	n := 0
	for _, d := range decisions {
		if s.Has(d) {
			n++
		}
	}
	out := make([]Decision, 0, n)
	for _, d := range decisions {
		if s.Has(d) {
			out = append(out, d)
		}
	}
	return out
}
