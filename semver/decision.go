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
	var out []Decision
	if regexOnlyDiffers(s) {
		out = append(out, DecisionValidation)
	}
	if hasLeadingZero(s) {
		out = append(out, DecisionLeadingZeros)
	}
	if r, err := (ParseOptions{RegexOnly: true}).scan(s, formVersionOrBuild); err == nil && r.hasBuild && r.build == 0 {
		out = append(out, DecisionBuildRange)
	}
	return out
}

// regexOnlyDiffers reports whether s is a version, build version or filter
// under the model's regular expressions (any digits, "x" anywhere) but not
// under the documented rules.
func regexOnlyDiffers(s string) bool {
	nodes, wild, ok := splitLoose(s)
	if !ok {
		return false
	}
	seenWild := false
	for i, n := range nodes {
		if wild[i] {
			seenWild = true
			continue
		}
		if seenWild || exceedsMax(n) {
			return true
		}
	}
	return false
}

// splitLoose splits s into three nodes of digits or "x" and an optional
// build, the way the widest model pattern (ImageBuilderArn's version part)
// reads it.
func splitLoose(s string) (nodes [3]string, wild [3]bool, ok bool) {
	rest := s
	for i := 0; i < 3; i++ {
		j := 0
		for j < len(rest) && rest[j] != '.' && rest[j] != '/' {
			j++
		}
		node := rest[:j]
		switch {
		case node == "x":
			wild[i] = true
		case node == "" || !allDigits(node):
			return nodes, wild, false
		}
		nodes[i] = node
		rest = rest[j:]
		if i < 2 {
			if rest == "" || rest[0] != '.' {
				return nodes, wild, false
			}
			rest = rest[1:]
		}
	}
	if rest == "" {
		return nodes, wild, true
	}
	if rest[0] != '/' || !allDigits(rest[1:]) || len(rest) == 1 {
		return nodes, wild, false
	}
	return nodes, wild, true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// exceedsMax reports whether the digit string d is above MaxNode.
func exceedsMax(d string) bool {
	for len(d) > 1 && d[0] == '0' {
		d = d[1:]
	}
	return len(d) > 10 || len(d) == 10 && d > "1073741823"
}

func hasLeadingZero(s string) bool {
	nodes, wild, ok := splitLoose(s)
	if !ok {
		return false
	}
	for i, n := range nodes {
		if !wild[i] && len(n) > 1 && n[0] == '0' {
			return true
		}
	}
	return false
}
