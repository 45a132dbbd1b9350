package filter

import (
	"slices"
	"strings"

	"github.com/ibkit/ibkit/internal/versionscan"
	"github.com/ibkit/ibkit/semver"
)

// Matcher is a validated, compiled query. Compile it once and reuse it for
// any number of items; a Matcher is immutable and safe for concurrent use.
type Matcher struct {
	opts  Options
	op    *opSpec
	scope *Scope // copy of the query's scope, nil when unscoped
	preds []pred
	flags decisionSet
	// hasStatus records a status filter on ListComponents (F-P3).
	hasStatus bool
	// hasOsVersions records a supportedOsVersion filter (F-1 flag).
	hasOsVersions bool
}

// pred is one compiled filter.
type pred struct {
	field field
	mode  matchMode
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
	modeListPrefix                  // some list element starts with a value (F-1 option)
	modeWildcard                    // as modeExact, plus node-wise wildcards (F-4 option)
)

// Compile validates filters for operation under ibkit's default reading
// and compiles them into a Matcher. It returns the same errors as Validate.
func Compile(operation string, filters []Filter) (*Matcher, error) {
	return Options{}.Compile(Query{Operation: operation, Filters: filters})
}

// Compile validates q under o (see Options.Validate) and compiles it into
// a Matcher.
func (o Options) Compile(q Query) (*Matcher, error) {
	c, err := o.check(q)
	if err != nil {
		return nil, err
	}
	m := &Matcher{opts: o, op: c.op, flags: c.flags}
	if q.Scope != nil {
		s := *q.Scope
		m.scope = &s
		if s.ByName {
			m.flags.add(DecisionByName)
		}
	}
	if c.op.single {
		// F-P7: the aggregation filter selects the aggregation key; it does
		// not remove rows, so nothing is compiled.
		return m, nil
	}
	for _, cf := range c.filters {
		p := pred{field: cf.spec.field, values: slices.Clone(cf.f.Values)}
		switch {
		case cf.spec.field == fieldSupportedOsVersions && o.OsVersionPrefix:
			p.mode = modeListPrefix
		case cf.spec.field == fieldSupportedOsVersions:
			p.mode = modeList
		case cf.spec.field == fieldVersion:
			p.core = c.op.buildLevel && !o.MatchBuildSuffix
			if o.VersionWildcards && hasX(cf.f.Values) {
				p.mode = modeWildcard
				p.values = nil
				for _, v := range cf.f.Values {
					if strings.IndexByte(v, 'x') >= 0 {
						w, err := semver.ParseFilter(v) // check has accepted it
						if err != nil {
							return nil, err
						}
						p.wild = append(p.wild, w)
					} else {
						p.values = append(p.values, v)
					}
				}
			}
		}
		if cf.spec.field == fieldStatus && c.op.item == kindComponentVersion {
			m.hasStatus = true
		}
		if cf.spec.field == fieldSupportedOsVersions {
			m.hasOsVersions = true
		}
		m.preds = append(m.preds, p)
	}
	return m, nil
}

func hasX(vs []string) bool {
	for _, v := range vs {
		if strings.IndexByte(v, 'x') >= 0 {
			return true
		}
	}
	return false
}

// Operation returns the API name the matcher was compiled for.
func (m *Matcher) Operation() string { return m.op.name }

// ResultKey returns the response member holding the operation's result
// list, e.g. "imageVersionList".
func (m *Matcher) ResultKey() string { return m.op.resultKey }

// Decisions returns the decisions that the compiled query depends on
// before any item is seen, in the order of the specification's table.
// Evaluations may add more (see Result.Decisions).
func (m *Matcher) Decisions() []Decision { return m.flags.list() }

// Match reports whether item satisfies every filter of the query: AND
// across filters, OR across one filter's values, exact byte-wise equality
// (F-1), with the version rules of F-3 and F-4. Match ignores the query's
// scope (owner, byName, includeDeprecated); Apply and FilterJSON apply it.
// An item of another shape than the operation's list never matches.
// Match does not allocate.
func (m *Matcher) Match(item Item) bool {
	if item == nil || item.kind() != m.op.item {
		return false
	}
	for i := range m.preds {
		if !m.preds[i].match(item) {
			return false
		}
	}
	return true
}

func (p *pred) match(item Item) bool {
	switch p.mode {
	case modeList:
		for _, e := range item.list(p.field) {
			if contains(p.values, e) {
				return true
			}
		}
		return false
	case modeListPrefix:
		for _, e := range item.list(p.field) {
			for _, v := range p.values {
				if strings.HasPrefix(e, v) {
					return true
				}
			}
		}
		return false
	}
	s := item.text(p.field)
	if s == "" {
		return false // absent fields never match (F-1)
	}
	if p.core {
		s = versionCore(s)
	}
	if contains(p.values, s) {
		return true
	}
	if p.mode != modeWildcard {
		return false
	}
	core := versionCore(s)
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

func contains(values []string, s string) bool {
	for _, v := range values {
		if v == s {
			return true
		}
	}
	return false
}

// osPrefixFlag reports whether a supportedOsVersion value is a proper
// prefix of one of item's elements: the item's verdict then depends on
// Decision F-1 (exact match or OsVersionPrefix).
func (m *Matcher) osPrefixFlag(item Item) bool {
	for i := range m.preds {
		p := &m.preds[i]
		if p.field != fieldSupportedOsVersions {
			continue
		}
		for _, e := range item.list(p.field) {
			for _, v := range p.values {
				if len(v) < len(e) && strings.HasPrefix(e, v) {
					return true
				}
			}
		}
	}
	return false
}
