package filter

import (
	"strings"

	"github.com/ibkit/ibkit/semver"
)

// Filter is one entry of a List request's filters: a name and the values
// to match, exactly as the service receives it.
type Filter struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// Validate checks filters for operation (the API name, e.g. "ListImages")
// under ibkit's default reading of every decision. A nil filters slice is
// a request without filters and is valid; a non-nil empty slice is an
// empty filter list and is not. The first violation found is returned as a
// *ValidationError; rules are checked request-wide first, then filter by
// filter in order. See Options.Validate for the rules.
func Validate(operation string, filters []Filter) error {
	return Options{}.Validate(Query{Operation: operation, Filters: filters})
}

// Validate checks q under o and returns the first violation as a
// *ValidationError wrapping one of the sentinels, or nil. The rules, in
// the order they are checked:
//
//   - the operation is one of Operations (ErrUnknownOperation);
//   - a present filter list is not empty (ErrNoFilters, F-2) and has at
//     most 10 filters, 1 for ListImageScanFindings and
//     ListImageScanFindingAggregations (ErrTooManyFilters, F-5);
//   - the scope's owner, byName and includeDeprecated exist on the
//     operation (ErrUnsupportedParameter), owner is in the edition's
//     Ownership enum (ErrBadOwner, F-8) and the caller's account is empty
//     or 12 digits (ErrBadAccount);
//   - per filter: a name is present (ErrNoName) and is 1 to 1024 ASCII
//     letters (ErrBadName); the operation accepts it, case-sensitively
//     (ErrUnknownName, F-2, F-9, F-10, F-P3); it is not repeated
//     (ErrDuplicateName, F-2); there are 1 to 10 values, exactly 1 on
//     ListImageScanFindings (ErrNoValues, ErrTooManyValues, F-5); each
//     value is 1 to 1024 bytes (ErrValueLength) from the edition's
//     character set (ErrBadValue, F-8); with Options.VersionWildcards a
//     version value containing "x" is a valid wildcard version
//     (ErrBadVersion, F-4);
//   - byName with a version filter on ListImages, and with
//     Options.ByNameVersionErrorAllOps also on ListComponents and
//     ListWorkflows (ErrInvalidParameterCombination, F-6, F-P2).
func (o Options) Validate(q Query) error {
	_, err := o.check(q)
	return err
}

// checked is the outcome of a successful validation.
type checked struct {
	op      *opSpec
	filters []checkedFilter
	flags   decisionSet
}

// checkedFilter is one filter that takes part in matching.
type checkedFilter struct {
	index int
	spec  nameSpec
	f     Filter
}

// check validates q and returns what compiling needs.
func (o Options) check(q Query) (checked, error) {
	op := lookupOp(q.Operation)
	if op == nil {
		return checked{}, &ValidationError{Operation: q.Operation, Index: -1, Value: q.Operation, Err: ErrUnknownOperation}
	}
	allowed := o.names(op)
	fail := func(i int, name, value string, d Decision, err error) (checked, error) {
		return checked{}, &ValidationError{
			Operation: q.Operation, Index: i, Name: name, Value: value,
			Allowed: nameList(allowed), Decision: d, Err: err,
		}
	}
	var c checked
	c.op = op

	// Request-wide rules.
	if q.Filters != nil && len(q.Filters) == 0 {
		return fail(-1, "", "", DecisionValidation, ErrNoFilters)
	}
	if len(q.Filters) > op.maxFilters {
		d := Decision("")
		if op.name == "ListImageScanFindings" {
			d = DecisionScanFindingsFilter
		}
		return fail(op.maxFilters, q.Filters[op.maxFilters].Name, "", d, ErrTooManyFilters)
	}
	if s := q.Scope; s != nil {
		if s.Owner != "" {
			if !op.owner {
				return fail(-1, "", "owner="+string(s.Owner), "", ErrUnsupportedParameter)
			}
			switch s.Owner {
			case OwnerSelf, OwnerShared, OwnerAmazon, OwnerThirdParty:
			case OwnerAWSMarketplace:
				if o.Model == Model2024 {
					return fail(-1, "", string(s.Owner), DecisionModelEdition, ErrBadOwner)
				}
				c.flags.add(DecisionModelEdition)
			default:
				return fail(-1, "", string(s.Owner), "", ErrBadOwner)
			}
		}
		if s.Account != "" && (len(s.Account) != 12 || !allDigits(s.Account)) {
			return fail(-1, "", s.Account, "", ErrBadAccount)
		}
		if s.ByName && !op.byName {
			return fail(-1, "", "byName", "", ErrUnsupportedParameter)
		}
		if s.IncludeDeprecated && !op.includeDeprecated {
			return fail(-1, "", "includeDeprecated", "", ErrUnsupportedParameter)
		}
	}

	// Filter by filter.
	hasVersion := false
	for i, f := range q.Filters {
		if f.Name == "" {
			return fail(i, "", "", DecisionValidation, ErrNoName)
		}
		if !validName(f.Name) {
			return fail(i, f.Name, "", "", ErrBadName)
		}
		spec, known := o.lookupName(op, f.Name)
		if !known {
			if !o.IgnoreUnknownFilters {
				return fail(i, f.Name, "", unknownNameDecision(op, f.Name), ErrUnknownName)
			}
			c.flags.add(DecisionValidation)
		}
		for j := range i {
			if q.Filters[j].Name == f.Name {
				if !o.AllowDuplicateFilters {
					return fail(i, f.Name, "", DecisionValidation, ErrDuplicateName)
				}
				c.flags.add(DecisionValidation)
				break
			}
		}
		if len(f.Values) == 0 {
			return fail(i, f.Name, "", DecisionValidation, ErrNoValues)
		}
		if len(f.Values) > op.maxValues {
			d := DecisionValidation
			if op.maxValues == 1 {
				d = DecisionScanFindingsFilter
			}
			return fail(i, f.Name, f.Values[op.maxValues], d, ErrTooManyValues)
		}
		for _, v := range f.Values {
			if len(v) == 0 || len(v) > maxValueLength {
				return fail(i, f.Name, v, DecisionValidation, ErrValueLength)
			}
			switch valueCharset(v) {
			case charsetBad:
				return fail(i, f.Name, v, DecisionValidation, ErrBadValue)
			case charset2026:
				if o.Model == Model2024 {
					return fail(i, f.Name, v, DecisionModelEdition, ErrBadValue)
				}
				c.flags.add(DecisionModelEdition)
			}
		}
		if !known {
			continue
		}
		if spec.decision != "" && !(spec.decision == DecisionLifecycleNames && spec.name != "Name" && spec.name != "Status") {
			// F-10 flags only the capitalised names; the lower-case ones
			// are what real calls use.
			c.flags.add(spec.decision)
		}
		if spec.field == fieldVersion {
			hasVersion = true
			for _, v := range f.Values {
				if strings.IndexByte(v, 'x') >= 0 {
					c.flags.add(DecisionVersionWildcard)
					if o.VersionWildcards {
						if _, err := semver.ParseFilter(v); err != nil {
							return checked{}, &ValidationError{
								Operation: q.Operation, Index: i, Name: f.Name, Value: v,
								Allowed: nameList(allowed), Decision: DecisionVersionWildcard,
								Err: &reasonError{sentinel: ErrBadVersion, reason: "want M.m.p, M.m.x, M.x.x or x.x.x", cause: err},
							}
						}
					}
				}
				if op.buildLevel && strings.IndexByte(v, '/') >= 0 {
					c.flags.add(DecisionBuildVersion)
				}
			}
		}
		c.filters = append(c.filters, checkedFilter{index: i, spec: spec, f: f})
	}

	// byName with a version filter.
	if s := q.Scope; s != nil && s.ByName && hasVersion {
		switch {
		case op.name == "ListImages" && !o.AllowByNameWithVersion:
			return fail(-1, "version", "byName", DecisionByNameWithVersion, ErrInvalidParameterCombination)
		case op.name == "ListImages":
			c.flags.add(DecisionByNameWithVersion)
		case o.ByNameVersionErrorAllOps:
			return fail(-1, "version", "byName", DecisionByNameVersionOtherOps, ErrInvalidParameterCombination)
		default:
			c.flags.add(DecisionByNameVersionOtherOps)
		}
	}
	return c, nil
}

// unknownNameDecision returns the decision an unknown-name verdict depends
// on beyond F-2: the undocumented workflow names (F-9), the documented
// capitalisation of lifecycle names (F-10), the newer component status
// filter (F-P3).
func unknownNameDecision(op *opSpec, name string) Decision {
	switch {
	case op.name == "ListWorkflows":
		return DecisionWorkflowNames
	case op.name == "ListLifecyclePolicies" && (name == "Name" || name == "Status"):
		return DecisionLifecycleNames
	case op.name == "ListComponents" && name == "status":
		return DecisionComponentStatus
	}
	return DecisionValidation
}

// validName reports whether s fits the model's FilterName shape: 1 to 1024
// ASCII letters.
func validName(s string) bool {
	if len(s) == 0 || len(s) > maxNameLength {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// charsetClass classifies a value against the FilterValue character sets.
type charsetClass uint8

const (
	charset2024 charsetClass = iota // within the 2024 set (and so the 2026 set)
	charset2026                     // needs the 2026 additions , { } "
	charsetBad                      // outside both sets
)

// valueCharset classifies v by the model's FilterValue character sets:
// 2024 digits, letters and . / _ space : -, to which 2026 adds , { } ".
func valueCharset(v string) charsetClass {
	class := charset2024
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case '0' <= c && c <= '9', 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
		case c == '.', c == '/', c == '_', c == ' ', c == ':', c == '-':
		case c == ',', c == '{', c == '}', c == '"':
			class = charset2026
		default:
			return charsetBad
		}
	}
	return class
}
