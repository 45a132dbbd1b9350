package semver

// Decision identifies a point the service's documentation leaves open and
// the reading ibkit takes on it. The values are the IDs of the ibkit
// specification ("AS-6"); results that depend on one carry its ID.
type Decision string

// The decisions that concern versions.
const (
	// DecisionValidation (AS-1): the documented rules apply on top of the
	// model's regular expression: wildcards trail, nodes are at most
	// MaxNode.
	DecisionValidation Decision = "AS-1"
	// DecisionLeadingZeros (AS-6): leading zeros are accepted and compared
	// numerically.
	DecisionLeadingZeros Decision = "AS-6"
	// DecisionLatest (AS-7): "latest" is the highest version, then build.
	DecisionLatest Decision = "AS-7"
	// DecisionSkipStates (AS-8): resolution considers builds in every state
	// unless told otherwise.
	DecisionSkipStates Decision = "AS-8"
	// DecisionBuildRange (AS-10): any 64-bit build number, 0 included.
	DecisionBuildRange Decision = "AS-10"
)

// Flags returns the decisions on which the verdict for s depends, in
// ascending order, reading s as a version, build version or filter,
// whichever applies:
//
//   - AS-1 when the model's regular expression alone would give the other
//     verdict: a node above MaxNode, or a wildcard followed by a number;
//   - AS-6 when a node has a leading zero;
//   - AS-10 when the build is 0.
//
// It returns nil for text that fits none of the three forms even under the
// loosest reading.
func Flags(s string) []Decision {
	in, _, ok := Inspect(s)
	if !ok {
		return nil
	}
	var out []Decision
	if in.Misplaced || in.Overflow {
		out = append(out, DecisionValidation)
	}
	if in.LeadingZero {
		out = append(out, DecisionLeadingZeros)
	}
	if in.HasBuild && in.Wildcards == 0 && !in.BuildOverflow && in.BuildValue == 0 {
		out = append(out, DecisionBuildRange)
	}
	return out
}
