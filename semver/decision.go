package semver

import (
	"errors"

	"github.com/ibkit/ibkit/internal/decision"
	"github.com/ibkit/ibkit/internal/versionscan"
)

// Decision is the ID of a point the service's documentation leaves open,
// such as "AS-7"; the README's table of decisions lists them with ibkit's
// reading. Results that depend on one carry its ID.
type Decision = decision.ID

// The readings a caller can choose instead of the default; pass them to
// ParseFilter and Resolve.
const (
	// RegexOnly (AS-1) accepts filters that the service model's regular
	// expression accepts but the documented rules reject: a numeric node
	// right of a wildcard, such as "x.2.x" or "1.x.3". Such a filter
	// matches node by node. By default only trailing nodes may be
	// wildcards. The node limit of 1073741823 applies under every reading:
	// a Version cannot hold a larger node, so a filter with one would
	// match nothing (arn's RegexOnly, which checks text only, lifts it).
	RegexOnly Decision = "AS-1"
	// ByDateCreated (AS-7) makes Resolve pick the most recently created
	// match instead of the highest version and build.
	ByDateCreated Decision = "AS-7"
)

// offered is the set of readings this package lets a caller choose.
func offered() decision.Set { return decision.Of(RegexOnly, ByDateCreated) }

// choose checks readings against the offered ones.
func choose(readings []Decision) (decision.Set, error) {
	s, err := decision.Choose(readings, offered())
	if err == nil {
		return s, nil
	}
	var ce *decision.ChoiceError
	errors.As(err, &ce) // Choose returns no other error
	return s, &Error{Input: string(ce.ID), Reason: err.Error(), Err: ErrUnknown}
}

// Flags returns the decisions on which the verdict for s depends, ordered
// by number, reading s as a version, build version or filter,
// whichever applies:
//
//   - AS-1 when a wildcard is followed by a number and RegexOnly would
//     accept the text (a node above 1073741823 is not flagged: no reading
//     of this package accepts it);
//   - AS-6 when a node or the build is written with a leading zero, which
//     is accepted, compared numerically and dropped by String;
//   - AS-10 when the build is 0, which is accepted.
//
// It returns nil for text that fits none of the three forms even under the
// loosest reading.
func Flags(s string) []Decision {
	in, _, ok := versionscan.Inspect(s)
	if !ok {
		return nil
	}
	var out []Decision
	if in.Misplaced && !in.Overflow {
		out = append(out, "AS-1")
	}
	if in.LeadingZero || in.BuildLeadingZero {
		out = append(out, "AS-6")
	}
	if in.HasBuild && in.Wildcards == 0 && !in.BuildOverflow && in.BuildValue == 0 {
		out = append(out, "AS-10")
	}
	return out
}
