package filter

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/internal/decision"
	"github.com/ibkit/ibkit/semver"
)

// Filter is one entry of a List request's filters: a name and the values
// to match, exactly as the service receives it.
type Filter struct {
	Name   string   `json:"name"`
	Values []string `json:"values"`
}

// Validate checks q and returns the first violation as an *Error, or nil.
// A nil Filters is a request without filters and is valid; a non-nil empty
// one is an empty filter list and is not. Rules are checked request-wide
// first, then filter by filter in order:
//
//   - the readings are ones this package offers, and the operation is one
//     of Operations (ErrUnknown);
//   - a present filter list is not empty (F-2) and has at most 10 filters,
//     1 on ListImageScanFindings and ListImageScanFindingAggregations
//     (F-5) (ErrInvalid);
//   - the scope's owner, byName and includeDeprecated exist on the
//     operation (ErrUnknown), owner is in the edition's Ownership enum
//     (F-8) and the caller's account is empty or 12 digits (ErrInvalid);
//   - per filter: a name of 1 to 1024 ASCII letters (ErrInvalid) that the
//     operation accepts, case-sensitively (ErrUnknown; F-2, F-9, F-10,
//     F-P3), not repeated (F-2); 1 to 10 values, exactly 1 on
//     ListImageScanFindings (F-5); each value 1 to 1024 bytes from the
//     edition's character set (F-8); under VersionWildcards a version
//     value with an "x" is a valid wildcard version (F-4) (ErrInvalid);
//   - byName with a version filter on ListImages (F-6), and under
//     ByNameVersionErrorAllOps also on ListComponents and ListWorkflows
//     (F-P2) (ErrInvalid).
func Validate(q Query) error {
	_, err := check(q)
	return err
}

// checked is the outcome of a successful validation.
type checked struct {
	op      *opSpec
	r       readings
	filters []checkedFilter
	flags   decision.Set
}

// checkedFilter is one filter that takes part in matching.
type checkedFilter struct {
	spec nameSpec
	f    Filter
}

// check validates q and returns what compiling needs.
func check(q Query) (checked, error) {
	r, err := chooseReadings(q.Readings)
	if err != nil {
		var ce *decision.ChoiceError
		errors.As(err, &ce)
		return checked{}, &Error{Operation: q.Operation, Index: -1, Path: "Readings", Value: string(ce.ID), Offset: -1,
			Reason: err.Error(), Err: errors.Join(ErrUnknown, err)}
	}
	op, ok := lookupOp(q.Operation)
	if !ok {
		return checked{}, requestError(q.Operation, -1, "", q.Operation, "", ErrUnknown,
			"not a List operation that takes filters; known operations: "+strings.Join(Operations(), ", "))
	}
	allowed := r.names(op)
	fail := func(i int, name, value string, d Decision, sentinel error, reason string) (checked, error) {
		return checked{}, requestError(q.Operation, i, name, value, d, sentinel, reason)
	}
	param := func(path, value string, d Decision, sentinel error, reason string) (checked, error) {
		e := requestError(q.Operation, -1, "", value, d, sentinel, reason)
		e.Path = path
		return checked{}, e
	}
	c := checked{op: op, r: r}

	// Request-wide rules.
	if q.Filters != nil && len(q.Filters) == 0 {
		return fail(-1, "", "", decValidation, ErrInvalid, "the filter list is present but empty; omit it or give at least one filter")
	}
	if len(q.Filters) > op.maxFilters {
		d := Decision("")
		if op.name == "ListImageScanFindings" {
			d = decScanFindings
		}
		return fail(op.maxFilters, q.Filters[op.maxFilters].Name, "", d, ErrInvalid,
			strconv.Itoa(len(q.Filters))+" filters; the operation takes at most "+strconv.Itoa(op.maxFilters))
	}
	if s := q.Scope; s != nil {
		if s.Owner != "" {
			if !op.owner {
				return param("owner", s.Owner, "", ErrUnknown, "the operation has no owner parameter")
			}
			switch s.Owner {
			case ownerSelf, ownerShared, ownerAmazon, ownerThirdParty:
			case ownerMarketplace:
				if r.model2024 {
					return param("owner", s.Owner, decModel, ErrInvalid, `"AWSMarketplace" is not an owner category in the 2024 model; want Self, Shared, Amazon or ThirdParty`)
				}
				c.flags = c.flags.With(decModel)
			default:
				return param("owner", s.Owner, "", ErrInvalid, strconv.Quote(s.Owner)+" is not an owner category; want Self, Shared, Amazon, ThirdParty or AWSMarketplace")
			}
		}
		if s.Account != "" && (len(s.Account) != 12 || !allDigits(s.Account)) {
			return param("account", s.Account, "", ErrInvalid, "the caller's account "+strconv.Quote(s.Account)+" is not a 12-digit account ID")
		}
		if s.ByName && !op.byName {
			return param("byName", "true", "", ErrUnknown, "the operation has no byName parameter")
		}
		if s.IncludeDeprecated && !op.includeDeprecated {
			return param("includeDeprecated", "true", "", ErrUnknown, "the operation has no includeDeprecated parameter")
		}
	}

	// Filter by filter.
	hasVersion := false
	for i, f := range q.Filters {
		if f.Name == "" {
			return fail(i, "", "", decValidation, ErrInvalid, "the filter has no name")
		}
		if !validName(f.Name) {
			return fail(i, f.Name, "", "", ErrInvalid, "a filter name is 1 to 1024 ASCII letters")
		}
		spec, known := findName(allowed, f.Name)
		if !known {
			if !r.lenient {
				reason := "filter name not accepted by the operation; accepted names: " + acceptedNames(allowed)
				if len(allowed) == 0 {
					reason = "filter name not accepted by the operation; the operation accepts no filter names"
				}
				return fail(i, f.Name, "", unknownNameDecision(op, f.Name), ErrUnknown, reason)
			}
			c.flags = c.flags.With(decValidation)
		}
		for j := range i {
			if q.Filters[j].Name == f.Name {
				if !r.lenient {
					return fail(i, f.Name, "", decValidation, ErrInvalid,
						"filter name given more than once (first as filter "+strconv.Itoa(j)+"); give each name once with all its values")
				}
				c.flags = c.flags.With(decValidation)
				break
			}
		}
		if len(f.Values) == 0 {
			return fail(i, f.Name, "", decValidation, ErrInvalid, "the filter has no values; give 1 to "+strconv.Itoa(op.maxValues))
		}
		if len(f.Values) > op.maxValues {
			d := decValidation
			if op.maxValues == 1 {
				d = decScanFindings
			}
			return fail(i, f.Name, f.Values[op.maxValues], d, ErrInvalid,
				strconv.Itoa(len(f.Values))+" values; the operation takes at most "+strconv.Itoa(op.maxValues))
		}
		for _, v := range f.Values {
			if len(v) == 0 || len(v) > maxValueLength {
				return fail(i, f.Name, v, decValidation, ErrInvalid,
					"a value of "+strconv.Itoa(len(v))+" bytes; a value is 1 to 1024 bytes")
			}
			switch valueCharset(v) {
			case charsetBad:
				return fail(i, f.Name, v, decValidation, ErrInvalid, badCharReason(v, r.model2024))
			case charset2026:
				if r.model2024 {
					return fail(i, f.Name, v, decModel, ErrInvalid, badCharReason(v, true))
				}
				c.flags = c.flags.With(decModel)
			}
		}
		if !known {
			continue
		}
		if spec.decision != "" && (spec.decision != decLifecycle || spec.name == "Name" || spec.name == "Status") {
			// F-10 flags only the capitalised names; the lower-case ones
			// are what real calls use.
			c.flags = c.flags.With(spec.decision)
		}
		if spec.cmp == cmpVersion {
			hasVersion = true
			for _, v := range f.Values {
				if strings.IndexByte(v, 'x') >= 0 {
					c.flags = c.flags.With(decWildcard)
					if r.wildcards {
						if _, err := semver.ParseFilter(v); err != nil {
							return fail(i, f.Name, v, decWildcard, ErrInvalid,
								strconv.Quote(v)+" is not a wildcard version ("+err.Error()+"); want M.m.p, M.m.x, M.x.x or x.x.x")
						}
					}
				}
				if op.buildLevel && strings.IndexByte(v, '/') >= 0 {
					c.flags = c.flags.With(decBuildVersion)
				}
			}
		}
		c.filters = append(c.filters, checkedFilter{spec: spec, f: f})
	}

	// byName with a version filter.
	if s := q.Scope; s != nil && s.ByName && hasVersion {
		const reason = `byName cannot be combined with a "version" filter`
		switch {
		case op.name == "ListImages" && !r.byNameVersion:
			e := requestError(q.Operation, -1, "version", "true", decByNameImages, ErrInvalid, reason)
			e.Path = "byName"
			return checked{}, e
		case op.name == "ListImages":
			c.flags = c.flags.With(decByNameImages)
		case r.byNameVersionError:
			e := requestError(q.Operation, -1, "version", "true", decByNameOthers, ErrInvalid, reason)
			e.Path = "byName"
			return checked{}, e
		default:
			c.flags = c.flags.With(decByNameOthers)
		}
	}
	return c, nil
}

// findName returns the spec of name among ns.
func findName(ns []nameSpec, name string) (nameSpec, bool) {
	for _, n := range ns {
		if n.name == name {
			return n, true
		}
	}
	return nameSpec{}, false
}

// badCharReason explains a value with a character outside the edition's
// set.
func badCharReason(v string, model2024 bool) string {
	set := `digits, letters and . / _ space : - , { } "`
	if model2024 {
		set = "digits, letters and . / _ space : - (the 2024 model)"
	}
	return "filter value contains a character the model does not allow: " + strconv.Quote(v) + "; a value holds " + set
}

// unknownNameDecision returns the decision an unknown-name verdict depends
// on beyond F-2: the undocumented workflow names (F-9), the documented
// capitalisation of lifecycle names (F-10), the newer component status
// filter (F-P3).
func unknownNameDecision(op *opSpec, name string) Decision {
	switch {
	case op.name == "ListWorkflows":
		return decWorkflows
	case op.name == "ListLifecyclePolicies" && (name == "Name" || name == "Status"):
		return decLifecycle
	case op.name == "ListComponents" && name == "status":
		return decStatus
	}
	return decValidation
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

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
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
