package filter

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/semver"
)

// Result is the outcome of Apply.
type Result struct {
	// Indices are the indices of the kept items in result order (F-P8):
	// by name, then by version from highest (numerically; recipes take the
	// version from their ARN; versions that do not parse come after those
	// that do, by text), then by ARN, ties keeping input order. Scan
	// findings order by imageBuildVersionArn, then vulnerabilityId;
	// aggregations keep input order. Under InputOrder every list keeps
	// input order.
	Indices []int
	// ARNs are, under byName and ByNameWildcardARN, the ARN each kept item
	// shows, its version replaced by "x.x.x", in the order of Indices;
	// nil otherwise.
	ARNs []string
	// Decisions are the decisions the result depends on, ordered as the
	// README's decisions table: by family, then by number.
	Decisions []Decision
}

// Apply evaluates the query over n items and returns the kept ones.
// member returns the member at path of item i, as Match describes. Apply
// applies, in this order: the query's scope if any (owner category F-7
// and F-P5, deprecated images F-7 and F-P4, deprecated components F-P3),
// the filters (Match), byName (F-P1) and the result order (F-P8).
//
// Besides the members the filters read, Apply reads those that ordering,
// byName and the scope need: "name", "version", "arn" and "dateCreated"
// (for scan findings "imageBuildVersionArn" and
// "packageVulnerabilityDetails.vulnerabilityId"), "status" of components,
// "state.status" and "deprecationTime" of images (an RFC 3339 time,
// compared with now; the zero now means unknown), and "ownership": not an
// AWS member but the item's owner category relative to the caller, which
// the caller may give ("Self", "Shared", ...) instead of letting it be
// derived from the ARN (F-P5).
//
// An item whose ownership category can neither be read nor derived, or
// whose deprecationTime is not a time, is an *Error with Path "[i]".
func (m *Matcher) Apply(n int, member func(i int, path string) (string, bool), now time.Time) (Result, error) {
	if m.op == nil {
		return Result{}, errNotCompiled()
	}
	e := m.newEvaluator(now)
	for i := range n {
		if err := evaluate(e, i, &source{m: m, fi: member, i: i}); err != nil {
			return Result{}, m.itemError(jsonread.Index("", i), -1, err)
		}
	}
	idx, arns := e.finish()
	return Result{Indices: idx, ARNs: arns, Decisions: e.decisions()}, nil
}

// wildcardARNs reports whether byName results show x.x.x ARNs (F-P1
// reading).
func (m *Matcher) wildcardARNs() bool {
	return m.scope != nil && m.scope.ByName && m.r.wildcardARN
}

// itemError turns the reason an item cannot be evaluated into an *Error
// at path and offset (-1 for an item given to Apply).
func (m *Matcher) itemError(path string, offset int64, err error) error {
	var p *itemProblem
	if !errors.As(err, &p) {
		return err
	}
	return &Error{Operation: m.op.name, Index: -1, Path: path, Offset: int(offset), Decision: p.decision, Reason: p.reason, Err: ErrInvalid}
}

// itemProblem is why an item cannot be evaluated.
type itemProblem struct {
	reason   string
	decision Decision
}

func (p *itemProblem) Error() string { return p.reason }

// evaluator evaluates the items of one run in turn and keeps what byName
// and ordering need.
type evaluator struct {
	m    *Matcher
	now  time.Time
	seen seen
	kept []int     // the kept items, when the matcher reads no keys
	keys []sortKey // the keys of the kept items, when it does
}

// seen records the decisions that items brought into play.
type seen uint8

const (
	seenMatching   seen = 1 << iota // F-1
	seenStatus                      // F-P3
	seenDeprecated                  // F-P4
	seenOwnership                   // F-P5
)

func (m *Matcher) newEvaluator(now time.Time) *evaluator {
	return &evaluator{m: m, now: now}
}

// count returns the number of items kept so far, before byName.
func (e *evaluator) count() int { return len(e.kept) + len(e.keys) }

// decisions returns the decisions of the query and of the items seen, by
// family, then by number.
func (e *evaluator) decisions() []Decision {
	s := e.m.flags
	for _, f := range [...]struct {
		bit seen
		id  Decision
	}{{seenMatching, decMatching}, {seenStatus, decStatus}, {seenDeprecated, decDeprecated}, {seenOwnership, decOwnership}} {
		if e.seen&f.bit != 0 {
			s = s.With(f.id)
		}
	}
	return s.IDs()
}

// evaluate decides item i: scope first, then the filters.
func evaluate(e *evaluator, i int, s *source) error {
	if m := e.m; m.scope == nil && !m.hasOSVersions && m.roles[roleStatus] < 0 {
		// Only the filters decide and nothing is flagged.
		if !matches(m, s) {
			return nil
		}
	} else if ok, err := keep(e, s); err != nil || !ok {
		return err
	}
	if e.m.needKeys {
		if len(e.keys) == cap(e.keys) {
			// Doubling: append grows large slices by a quarter, which
			// copies each key several times over.
			e.keys = slices.Grow(e.keys, max(len(e.keys), 64))
		}
		e.keys = append(e.keys, keyOf(e.m, i, s))
	} else {
		e.kept = append(e.kept, i)
	}
	return nil
}

func keep(e *evaluator, s *source) (bool, error) {
	m := e.m
	status := ""
	if slot := m.roles[roleStatus]; slot >= 0 {
		status, _ = s.member(slot)
	}
	if sc := m.scope; sc != nil {
		if m.op.owner {
			cat, derived, err := ownership(m, s)
			if err != nil {
				return false, err
			}
			if derived {
				e.seen |= seenOwnership
			}
			if cat != sc.owner() {
				return false, nil
			}
		}
		if m.op.includeDeprecated && !sc.IncludeDeprecated {
			dep, err := deprecated(e, s)
			if err != nil || dep {
				return false, err
			}
		}
		if m.r.componentStatus && !m.hasStatus && status == "DEPRECATED" {
			return false, nil
		}
	}
	if m.hasOSVersions && osPrefixFlag(m, s) {
		e.seen |= seenMatching
	}
	if !matches(m, s) {
		return false, nil
	}
	if status == "DEPRECATED" {
		e.seen |= seenStatus
	}
	return true, nil
}

// deprecated reports whether an image counts as deprecated (F-P4): its
// state says DEPRECATED or, under DeprecatedByTime, its deprecationTime is
// not after now. It flags F-P4 when the two disagree.
func deprecated(e *evaluator, s *source) (bool, error) {
	state, _ := s.member(e.m.roles[roleState])
	byState := state == "DEPRECATED"
	byTime, timeKnown := false, false
	if text, _ := s.member(e.m.roles[roleDeprecation]); text != "" && !e.now.IsZero() {
		t, err := time.Parse(time.RFC3339Nano, text)
		if err != nil {
			return false, &itemProblem{reason: "deprecationTime " + strconv.Quote(text) + " is not an RFC 3339 time", decision: decDeprecated}
		}
		timeKnown, byTime = true, !t.After(e.now)
	}
	if timeKnown && byState != byTime {
		e.seen |= seenDeprecated
	}
	if e.m.r.deprecatedByTime {
		return byState || byTime, nil
	}
	return byState, nil
}

// ownership returns the item's owner category: the one the caller set, or
// one derived from the owner node of its ARN (F-P5).
func ownership(m *Matcher, s *source) (cat string, derived bool, err error) {
	if cat, _ := s.member(m.roles[roleOwnership]); cat != "" {
		return cat, false, nil
	}
	if m.r.requireOwnership {
		return "", false, &itemProblem{reason: "no ownership member; RequireOwnership needs each item's category", decision: decOwnership}
	}
	a, _ := s.member(m.roles[roleARN])
	cat, err = ownershipFromARN(a, m.scope.Account)
	if err != nil {
		return "", false, err
	}
	return cat, true, nil
}

// ownerCategory maps an ARN owner node to a category relative to the
// caller's account (F-P5).
func ownerCategory(owner, account string) (string, error) {
	switch owner {
	case "aws":
		return ownerAmazon, nil
	case "aws-marketplace":
		return ownerMarketplace, nil
	case "third-party":
		return ownerThirdParty, nil
	}
	if len(owner) == 12 && allDigits(owner) {
		switch {
		case account == "":
			return "", &itemProblem{reason: "ARN owner " + strconv.Quote(owner) + " is an account, and telling Self from Shared needs Scope.Account", decision: decOwnership}
		case owner == account:
			return ownerSelf, nil
		default:
			return ownerShared, nil
		}
	}
	return "", &itemProblem{reason: "ARN owner " + strconv.Quote(owner) + " maps to no ownership category", decision: decOwnership}
}

// sortKey holds what byName and ordering compare, read once per kept
// item.
type sortKey struct {
	idx     int
	name    string
	arn     string
	date    string
	text    string // version text
	version semver.BuildVersion
	valid   bool // version parsed
}

func keyOf(m *Matcher, i int, s *source) sortKey {
	get := func(role int) string {
		if slot := m.roles[role]; slot >= 0 {
			v, _ := s.member(slot)
			return v
		}
		return ""
	}
	k := sortKey{idx: i, name: get(roleName), arn: get(roleARN), date: get(roleDate), text: get(roleVersion)}
	if m.op.keys.versionFromARN {
		k.text = arnVersion(k.arn)
	}
	if k.text != "" {
		if strings.IndexByte(k.text, '/') >= 0 {
			b, err := semver.ParseBuild(k.text)
			k.version, k.valid = b, err == nil
		} else {
			v, err := semver.Parse(k.text)
			k.version, k.valid = semver.NewBuild(v, 0), err == nil
		}
	}
	return k
}

// finish applies byName and the result order and returns the indices
// of the kept items in result order, with the ARNs they show under
// ByNameWildcardARN (else nil).
func (e *evaluator) finish() (idx []int, arns []string) {
	if !e.m.needKeys {
		return e.kept, nil
	}
	keys := e.keys
	if e.m.scope != nil && e.m.scope.ByName {
		keys = byName(keys)
	}
	order := make([]int32, len(keys))
	for j := range order {
		order[j] = int32(j)
	}
	if !e.m.r.inputOrder {
		sortKeys(keys, order)
	}
	idx = make([]int, len(keys))
	for j, x := range order {
		idx[j] = keys[x].idx
	}
	if e.m.wildcardARNs() {
		arns = make([]string, len(keys))
		for j, x := range order {
			arns[j] = wildcardARN(keys[x].arn)
		}
	}
	return idx, arns
}

// compareVersionDesc orders parsed versions from highest to lowest, then
// unparsable ones by text.
func compareVersionDesc(a, b *sortKey) int {
	switch {
	case a.valid && b.valid:
		return b.version.Compare(a.version)
	case a.valid:
		return -1
	case b.valid:
		return 1
	}
	return cmp.Compare(a.text, b.text)
}

// sortKeys orders the positions order of keys by name, version from
// highest, ARN; ties keep input order (F-P8). It sorts positions rather
// than the keys themselves, which are large.
func sortKeys(keys []sortKey, order []int32) {
	slices.SortStableFunc(order, func(x, y int32) int {
		a, b := &keys[x], &keys[y]
		if c := cmp.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := compareVersionDesc(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a.arn, b.arn)
	})
}

// byName keeps, for each name, the item with the highest version; ties go
// to the newest dateCreated, then the smallest ARN, then the earliest
// input (F-P1). The survivors keep their input order.
func byName(keys []sortKey) []sortKey {
	best := make(map[string]int, len(keys)) // name → position in keys
	for j := range keys {
		b, ok := best[keys[j].name]
		if !ok || beats(&keys[j], &keys[b]) {
			best[keys[j].name] = j
		}
	}
	out := make([]sortKey, 0, len(best))
	for j := range keys {
		if best[keys[j].name] == j {
			out = append(out, keys[j])
		}
	}
	return out
}

// beats reports whether a wins over b in byName grouping.
func beats(a, b *sortKey) bool {
	if c := compareVersionDesc(a, b); c != 0 {
		return c < 0
	}
	if c := compareDates(a.date, b.date); c != 0 {
		return c > 0
	}
	return a.arn < b.arn
}

// compareDates compares two dateCreated texts as RFC 3339 times when both
// parse, else as text.
func compareDates(a, b string) int {
	ta, errA := time.Parse(time.RFC3339Nano, a)
	tb, errB := time.Parse(time.RFC3339Nano, b)
	if errA == nil && errB == nil {
		return ta.Compare(tb)
	}
	return cmp.Compare(a, b)
}
