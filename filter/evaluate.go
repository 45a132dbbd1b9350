package filter

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/semver"
)

// Result is the outcome of Apply.
type Result[T any] struct {
	// Items are the kept items in result order (F-P8): by name, then by
	// version from highest (numerically; recipes take the version from
	// their ARN; versions that do not parse come after those that do, by
	// text), then by ARN, ties keeping input order. Scan findings order by
	// imageBuildVersionArn, then vulnerabilityId; aggregations keep input
	// order. With Options.InputOrder every list keeps input order. Items
	// are copies; with byName and Options.ByNameWildcardArn their ARN ends
	// in "x.x.x".
	Items []T
	// Indices gives, for each kept item, its index in the input.
	Indices []int
	// Decisions are the decisions the result depends on, in the order of
	// the specification's table.
	Decisions []Decision
}

// Apply evaluates the matcher's query over items and returns the kept
// items. It applies, in this order: the query's scope if any (owner
// category F-7/F-P5, deprecated images F-7/F-P4, deprecated components
// F-P3), the filters (Match), byName grouping (F-P1) and the result order
// (F-P8). The item type must be the operation's item shape (for example
// ImageVersion for ListImages), else Apply returns an error wrapping
// ErrWrongItem. Per-item problems (an ownership category that can neither
// be read nor derived) are returned as *ItemError.
func Apply[T any, P interface {
	*T
	Item
}](m *Matcher, items []T) (Result[T], error) {
	var zero T
	if k := P(&zero).kind(); k != m.op.item {
		return Result[T]{}, &reasonError{sentinel: ErrWrongItem,
			reason: m.op.name + " lists " + m.op.item.String() + " items, not " + k.String()}
	}
	kept, flags, err := m.run(len(items), func(i int) Item { return P(&items[i]) }, slicePath)
	if err != nil {
		return Result[T]{}, err
	}
	res := Result[T]{
		Items:     make([]T, len(kept)),
		Indices:   kept,
		Decisions: flags.list(),
	}
	for j, i := range kept {
		res.Items[j] = items[i]
		if m.wildcardArns() {
			it := P(&res.Items[j])
			it.setArn(wildcardArn(it.key().arn))
		}
	}
	return res, nil
}

func slicePath(i int) string { return "[" + strconv.Itoa(i) + "]" }

// wildcardArns reports whether byName results show x.x.x ARNs (F-P1
// option).
func (m *Matcher) wildcardArns() bool {
	return m.scope != nil && m.scope.ByName && m.opts.ByNameWildcardArn
}

// run evaluates n items and returns the indices of the kept ones in result
// order together with the decisions the outcome depends on.
func (m *Matcher) run(n int, at func(int) Item, path func(int) string) ([]int, decisionSet, error) {
	flags := m.flags
	var kept []int
	for i := range n {
		ok, err := m.keep(at(i), &flags)
		if err != nil {
			return nil, 0, &ItemError{Path: path(i), Err: err}
		}
		if ok {
			kept = append(kept, i)
		}
	}
	if m.scope != nil && m.scope.ByName {
		kept = byName(kept, at)
	}
	if !m.opts.InputOrder {
		sortResult(kept, at)
	}
	return kept, flags, nil
}

// keep decides one item: scope first, then the filters.
func (m *Matcher) keep(item Item, flags *decisionSet) (bool, error) {
	if s := m.scope; s != nil {
		if m.op.owner {
			cat, derived, err := m.ownership(item)
			if err != nil {
				return false, err
			}
			if derived {
				flags.add(DecisionOwnership)
			}
			if cat != s.owner() {
				return false, nil
			}
		}
		if v, ok := item.(*ImageVersion); ok && !s.IncludeDeprecated && m.deprecated(v, flags) {
			return false, nil
		}
		if c, ok := item.(*ComponentVersion); ok && m.opts.ComponentStatusFilter && !m.hasStatus && c.Status == "DEPRECATED" {
			return false, nil
		}
	}
	if m.hasOsVersions && m.osPrefixFlag(item) {
		flags.add(DecisionMatching)
	}
	if !m.Match(item) {
		return false, nil
	}
	if c, ok := item.(*ComponentVersion); ok && c.Status == "DEPRECATED" {
		flags.add(DecisionComponentStatus)
	}
	return true, nil
}

// deprecated reports whether image v counts as deprecated (F-P4): its
// state says DEPRECATED or, with DeprecatedByTime, its deprecationTime is
// not after Scope.Now. It flags F-P4 when the two disagree.
func (m *Matcher) deprecated(v *ImageVersion, flags *decisionSet) bool {
	byState := v.State != nil && v.State.Status == "DEPRECATED"
	timeKnown := v.DeprecationTime != nil && !m.scope.Now.IsZero()
	byTime := timeKnown && !v.DeprecationTime.After(m.scope.Now)
	if timeKnown && byState != byTime {
		flags.add(DecisionDeprecated)
	}
	if m.opts.DeprecatedByTime {
		return byState || byTime
	}
	return byState
}

// ownership returns the item's owner category: the one the caller set, or
// one derived from the owner node of its ARN (F-P5).
func (m *Matcher) ownership(item Item) (cat Ownership, derived bool, err error) {
	k := item.key()
	if k.ownership != "" {
		return k.ownership, false, nil
	}
	if m.opts.RequireOwnership {
		return "", false, &reasonError{sentinel: ErrOwnership, reason: "no ownership category set (RequireOwnership)"}
	}
	cat, err = ownershipFromArn(k.arn, m.scope.Account)
	if err != nil {
		return "", false, err
	}
	return cat, true, nil
}

// ownerCategory maps an ARN owner node to a category relative to the
// caller's account (F-P5).
func ownerCategory(owner, account string) (Ownership, error) {
	switch owner {
	case "aws":
		return OwnerAmazon, nil
	case "aws-marketplace":
		return OwnerAWSMarketplace, nil
	case "third-party":
		return OwnerThirdParty, nil
	}
	if len(owner) == 12 && allDigits(owner) {
		switch {
		case account == "":
			return "", &reasonError{sentinel: ErrOwnership, reason: "ARN owner " + strconv.Quote(owner) + " is an account, and telling Self from Shared needs Scope.Account"}
		case owner == account:
			return OwnerSelf, nil
		default:
			return OwnerShared, nil
		}
	}
	return "", &reasonError{sentinel: ErrOwnership, reason: "ARN owner " + strconv.Quote(owner) + " maps to no ownership category"}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// sortKey holds what result ordering compares, computed once per item.
type sortKey struct {
	idx     int
	name    string
	arn     string
	text    string // version text
	version semver.BuildVersion
	valid   bool // version parsed
}

func keyOf(i int, it Item) sortKey {
	k := it.key()
	sk := sortKey{idx: i, name: k.name, arn: k.arn, text: k.version}
	if k.version != "" {
		if strings.IndexByte(k.version, '/') >= 0 {
			b, err := semver.ParseBuild(k.version)
			sk.version, sk.valid = b, err == nil
		} else {
			v, err := semver.Parse(k.version)
			sk.version, sk.valid = semver.NewBuild(v, 0), err == nil
		}
	}
	return sk
}

// compareVersionDesc orders parsed versions from highest to lowest, then
// unparsable ones by text.
func compareVersionDesc(a, b sortKey) int {
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

// sortResult orders idx by name, version from highest, ARN; ties keep
// input order (F-P8).
func sortResult(idx []int, at func(int) Item) {
	if len(idx) < 2 {
		return
	}
	keys := make([]sortKey, len(idx))
	for j, i := range idx {
		keys[j] = keyOf(i, at(i))
	}
	slices.SortStableFunc(keys, func(a, b sortKey) int {
		if c := cmp.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c := compareVersionDesc(a, b); c != 0 {
			return c
		}
		return cmp.Compare(a.arn, b.arn)
	})
	for j := range keys {
		idx[j] = keys[j].idx
	}
}

// byName keeps, for each name, the item with the highest version; ties go
// to the newest dateCreated, then the smallest ARN, then the earliest
// input (F-P1). The survivors keep their input order.
func byName(idx []int, at func(int) Item) []int {
	best := make(map[string]int, len(idx)) // name → position in idx
	for j, i := range idx {
		name := at(i).key().name
		b, ok := best[name]
		if !ok || beats(at(i), at(idx[b])) {
			best[name] = j
		}
	}
	out := idx[:0:0]
	for j, i := range idx {
		if best[at(i).key().name] == j {
			out = append(out, i)
		}
	}
	return out
}

// beats reports whether a wins over b in byName grouping.
func beats(a, b Item) bool {
	ka, kb := keyOf(0, a), keyOf(0, b)
	if c := compareVersionDesc(ka, kb); c != 0 {
		return c < 0
	}
	if c := compareDates(a.key().dateCreated, b.key().dateCreated); c != 0 {
		return c > 0
	}
	return ka.arn < kb.arn
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
