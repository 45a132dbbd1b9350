package filter

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/internal/decision"
	"github.com/ibkit/ibkit/internal/versionscan"
	"github.com/ibkit/ibkit/semver"
)

// Matcher is a validated, compiled query. Compile it once and reuse it for
// any number of items; a Matcher is immutable and safe for concurrent use.
//
// A Matcher reads an item's members by their AWS JSON names, the keys of
// Operation.Filters: through a function the caller gives (Match, Apply)
// or from the JSON the AWS CLI prints (FilterJSON).
type Matcher struct {
	op    *opSpec
	r     readings
	scope *Scope // copy of the query's scope, nil when unscoped
	preds []pred
	flags decision.Set
	// paths are the member paths the evaluation reads, by slot.
	paths []string
	// elems are, for the slot of a list member, the paths of its first
	// elements ("supportedOsVersions[0]", ...).
	elems [][]string
	// roles are the slots of what scope, byName and ordering read, -1
	// when not read.
	roles [roleCount]int
	// hasStatus records a status filter on ListComponents (F-P3).
	hasStatus bool
	// hasOSVersions records a supportedOsVersion filter (F-1 flag).
	hasOSVersions bool
	// needKeys is set when byName, ordering or ARN rewriting read keys.
	needKeys bool
}

// The roles of the members that scope, byName and ordering read.
const (
	roleName = iota
	roleVersion
	roleARN
	roleDate
	roleOwnership
	roleState
	roleDeprecation
	roleStatus
	roleCount
)

// pred is one compiled filter.
type pred struct {
	slot int
	path string // m.paths[slot]
	mode matchMode
	// values are the literal values; for modeWildcard, the values without
	// an "x".
	values []string
	// wild are the wildcard values of modeWildcard.
	wild []semver.Filter
	// core compares the text before "/" of the item's version; values
	// containing "/" then match nothing (F-3).
	core bool
}

type matchMode uint8

const (
	modeExact      matchMode = iota // text equals a value
	modeList                        // some list element equals a value
	modeListPrefix                  // some list element starts with a value (F-1 reading)
	modeWildcard                    // as modeExact, plus node-wise wildcards (F-4 reading)
)

// elemPaths is how many element paths of a list member a Matcher keeps
// ready; reading further elements builds their paths.
const elemPaths = 16

// Compile validates q (see Validate, which returns the same errors) and
// compiles it into a Matcher.
func Compile(q Query) (*Matcher, error) {
	c, err := check(q)
	if err != nil {
		return nil, err
	}
	n := len(c.filters) + roleCount
	m := &Matcher{op: c.op, r: c.r, flags: c.flags, preds: make([]pred, 0, len(c.filters)),
		paths: make([]string, 0, n), elems: make([][]string, 0, n)}
	for i := range m.roles {
		m.roles[i] = -1
	}
	if q.Scope != nil {
		s := *q.Scope
		m.scope = &s
		if s.ByName {
			m.flags = m.flags.With(decByName)
		}
	}
	if !c.op.single {
		// F-P7: the aggregation filter selects the aggregation key; it does
		// not remove rows, so nothing is compiled.
		for _, cf := range c.filters {
			if err := m.addPred(cf); err != nil {
				return nil, err
			}
		}
	}
	m.addRoles()
	return m, nil
}

// slot returns the slot of path, adding it when new.
func (m *Matcher) slot(path string, list bool) int {
	if i := slices.Index(m.paths, path); i >= 0 {
		return i
	}
	m.paths = append(m.paths, path)
	var elems []string
	if list {
		elems = make([]string, elemPaths)
		for i := range elems {
			elems[i] = path + "[" + strconv.Itoa(i) + "]"
		}
	}
	m.elems = append(m.elems, elems)
	return len(m.paths) - 1
}

// addPred compiles one filter.
func (m *Matcher) addPred(cf checkedFilter) error {
	spec := cf.spec
	p := pred{slot: m.slot(spec.member, spec.cmp == cmpList), path: spec.member, values: slices.Clone(cf.f.Values)}
	switch spec.cmp {
	case cmpList:
		p.mode = modeList
		if m.r.osPrefix {
			p.mode = modeListPrefix
		}
		m.hasOSVersions = true
	case cmpVersion:
		p.core = m.op.buildLevel && !m.r.buildSuffix
		if m.r.wildcards && slices.ContainsFunc(cf.f.Values, hasX) {
			p.mode = modeWildcard
			p.values = nil
			for _, v := range cf.f.Values {
				if !hasX(v) {
					p.values = append(p.values, v)
					continue
				}
				w, err := semver.ParseFilter(v) // check has accepted it
				if err != nil {
					return err
				}
				p.wild = append(p.wild, w)
			}
		}
	}
	if spec.member == memberStatus && m.op.name == "ListComponents" {
		m.hasStatus = true
	}
	m.preds = append(m.preds, p)
	return nil
}

func hasX(v string) bool { return strings.IndexByte(v, 'x') >= 0 }

// addRoles gives a slot to each member that scope, byName, ordering and
// the decisions' flags read.
func (m *Matcher) addRoles() {
	k := m.op.keys
	set := func(role int, path string) {
		if path != "" {
			m.roles[role] = m.slot(path, false)
		}
	}
	byName := m.scope != nil && m.scope.ByName
	m.needKeys = byName || !m.r.inputOrder
	if m.needKeys {
		set(roleName, k.name)
		set(roleVersion, k.version)
		set(roleARN, k.arn)
		if byName {
			set(roleDate, k.date)
		}
	}
	if k.versionFromARN && m.needKeys {
		set(roleARN, k.arn)
	}
	if m.op.name == "ListComponents" {
		set(roleStatus, memberStatus) // F-P3 flag and hiding
	}
	if m.scope != nil {
		if m.op.owner {
			set(roleOwnership, memberOwnership)
			set(roleARN, k.arn)
		}
		if m.op.includeDeprecated {
			set(roleState, memberState)
			set(roleDeprecation, memberDeprecation)
		}
	}
}

// Decisions returns the decisions that the compiled query depends on
// before any item is seen, by family, then by number. Evaluations may add
// more (Result.Decisions, FilterJSON).
func (m *Matcher) Decisions() []Decision { return m.flags.IDs() }

// Match reports whether the item whose members member returns satisfies
// every filter of the query: AND across filters, OR across one filter's
// values, exact byte-wise equality (F-1), with the version rules of F-3
// and F-4. An absent or empty member matches nothing.
//
// member is called with the JSON path of each member a filter reads, as
// Operation.Filters gives it ("platform",
// "packageVulnerabilityDetails.vulnerabilityId"); a list member is read
// element by element, "supportedOsVersions[0]", "supportedOsVersions[1]",
// ..., until member reports false. Match ignores the query's scope; Apply
// and FilterJSON apply it. Match does not allocate for lists of up to 16
// elements.
func (m *Matcher) Match(member func(path string) (string, bool)) bool {
	if m.op == nil {
		return false // not made by Compile: it holds no query
	}
	for i := range m.preds {
		p := &m.preds[i]
		if p.mode == modeList || p.mode == modeListPrefix {
			if !p.matchList(&source{m: m, f: member}) {
				return false
			}
			continue
		}
		if text, _ := member(p.path); !p.matchText(text) {
			return false
		}
	}
	return true
}

// A source gives the evaluation the members of one item, by slot: from a
// caller's function of the path (Match), of the item's index and the path
// (Apply), or from the record of a JSON item (FilterJSON).
type source struct {
	m   *Matcher
	f   func(string) (string, bool)
	fi  func(int, string) (string, bool)
	i   int
	rec *record
}

// member returns the member in slot.
func (s *source) member(slot int) (string, bool) {
	if s.fi != nil {
		return s.fi(s.i, s.m.paths[slot])
	}
	if s.f != nil {
		return s.f(s.m.paths[slot])
	}
	v := s.rec.value(slot)
	return v, v != ""
}

// element returns element i of the list member in slot.
func (s *source) element(slot, i int) (string, bool) {
	switch {
	case s.rec != nil:
		if l := s.rec.lists[slot]; i < len(l) {
			return l[i], true
		}
		return "", false
	case s.f != nil:
		return s.f(s.m.elemPath(slot, i))
	}
	return s.fi(s.i, s.m.elemPath(slot, i))
}

// elemPath returns the path of element i of the list member in slot.
func (m *Matcher) elemPath(slot, i int) string {
	if i < len(m.elems[slot]) {
		return m.elems[slot][i]
	}
	return m.paths[slot] + "[" + strconv.Itoa(i) + "]"
}

// matches evaluates the filters on one item.
func matches(m *Matcher, s *source) bool {
	for i := range m.preds {
		p := &m.preds[i]
		if p.mode == modeList || p.mode == modeListPrefix {
			if !p.matchList(s) {
				return false
			}
			continue
		}
		if text, _ := s.member(p.slot); !p.matchText(text) {
			return false
		}
	}
	return true
}

// matchList evaluates a filter on a list member.
func (p *pred) matchList(s *source) bool {
	for i := 0; ; i++ {
		e, ok := s.element(p.slot, i)
		if !ok {
			return false
		}
		for _, v := range p.values {
			if e == v || p.mode == modeListPrefix && strings.HasPrefix(e, v) {
				return true
			}
		}
	}
}

// matchText evaluates a filter on the text of a member.
func (p *pred) matchText(text string) bool {
	if p.mode == modeExact && !p.core {
		for _, v := range p.values {
			if v == text {
				return true // values are never empty: absent members never match (F-1)
			}
		}
		return false
	}
	return p.matchVersion(text)
}

// matchVersion evaluates a version filter (F-3, F-4).
func (p *pred) matchVersion(text string) bool {
	if text == "" {
		return false // absent members never match (F-1)
	}
	if p.core {
		text = versionCore(text)
	}
	for _, v := range p.values {
		if v == text {
			return true
		}
	}
	if p.mode != modeWildcard {
		return false
	}
	core := versionCore(text)
	if in, _, ok := versionscan.Inspect(core); !ok || in.HasBuild || in.Wildcards != 0 || in.Overflow {
		return false // checked first: Parse would allocate its error
	}
	v, _ := semver.Parse(core)
	for _, f := range p.wild {
		if f.Match(v) {
			return true
		}
	}
	return false
}

// versionCore returns the text before the first "/" ("1.2.3/4" → "1.2.3").
func versionCore(s string) string {
	if i := strings.IndexByte(s, '/'); i >= 0 {
		return s[:i]
	}
	return s
}

// osPrefixFlag reports whether a supportedOsVersion value is a proper
// prefix of one of the item's elements: the item's verdict then depends on
// Decision F-1 (exact match or OSVersionPrefix).
func osPrefixFlag(m *Matcher, s *source) bool {
	for i := range m.preds {
		p := &m.preds[i]
		if p.mode != modeList && p.mode != modeListPrefix {
			continue
		}
		for j := 0; ; j++ {
			e, ok := s.element(p.slot, j)
			if !ok {
				break
			}
			for _, v := range p.values {
				if len(v) < len(e) && strings.HasPrefix(e, v) {
					return true
				}
			}
		}
	}
	return false
}
