package filter

import (
	"bytes"
	"encoding/json"

	"strconv"
)

// FilterResponse filters the result list of a List response document, as
// the AWS CLI prints it (for example {"imageVersionList": [...],
// "nextToken": "..."}), with the filters given as text: AWS CLI shorthand
// or JSON (see ParseFilters); blank text means no filters. It returns the
// same document with only the kept items in its result list, together with
// the decisions the outcome depends on. Every other member of the
// document, every member of a kept item and the layout of the document are
// kept byte for byte; kept items are ordered as Options.InputOrder says.
//
// The response is taken as the service returned it, so owner, byName and
// includeDeprecated are not applied again. FilterResponse uses ibkit's
// default reading of every decision; see Options.FilterResponse.
func FilterResponse(operation, filters string, response []byte) ([]byte, []Decision, error) {
	return Options{}.FilterResponse(operation, filters, response)
}

// FilterResponse is like the package-level FilterResponse with the
// readings o selects.
func (o Options) FilterResponse(operation, filters string, response []byte) ([]byte, []Decision, error) {
	fs, err := ParseFilters(filters)
	if err != nil {
		return nil, nil, err
	}
	m, err := o.Compile(Query{Operation: operation, Filters: fs})
	if err != nil {
		return nil, nil, err
	}
	return m.FilterJSON(response)
}

// FilterJSON evaluates the matcher's query, scope included, over the
// result list of a List response document and returns the document with
// only the kept items in that list (in result order, see Apply) and the
// decisions the outcome depends on.
//
// The document must be a JSON object with the operation's result list
// member (Matcher.ResultKey) holding an array of objects, or null. Each
// item is decoded into the operation's item type to be evaluated, while
// its original text is what the output holds, so members unknown to ibkit
// survive untouched. Members other than the result list are copied as
// they are, in their original order and layout; so is the whitespace
// before each kept item, so an indented document stays indented the same
// way. The only rewrite besides dropping items is the "arn" member of
// byName results under Options.ByNameWildcardArn.
//
// A malformed document, a missing or duplicated result list member, or an
// item that is not an object of the item shape is an error wrapping
// ErrDocument.
func (m *Matcher) FilterJSON(doc []byte) ([]byte, []Decision, error) {
	if !json.Valid(doc) {
		var raw json.RawMessage
		err := json.Unmarshal(doc, &raw)
		return nil, nil, &reasonError{sentinel: ErrDocument, reason: "not valid JSON", cause: err}
	}
	lo, hi, err := findMember(doc, m.op.resultKey)
	if err != nil {
		return nil, nil, err
	}
	list := doc[lo:hi]
	if string(list) == "null" {
		return bytes.Clone(doc), m.flags.list(), nil
	}
	if list[0] != '[' {
		return nil, nil, &reasonError{sentinel: ErrDocument, reason: "member " + strconv.Quote(m.op.resultKey) + " is not an array"}
	}
	elems, tail := splitArray(list)
	items := make([]Item, len(elems))
	for i, e := range elems {
		raw := list[e.start:e.end]
		if raw[0] != '{' {
			return nil, nil, &ItemError{Path: m.op.resultKey + "[" + strconv.Itoa(i) + "]",
				Err: &reasonError{sentinel: ErrDocument, reason: "item is not an object"}}
		}
		it := newItem(m.op.item)
		if err := json.Unmarshal(raw, it); err != nil {
			return nil, nil, &ItemError{Path: m.op.resultKey + "[" + strconv.Itoa(i) + "]",
				Err: &reasonError{sentinel: ErrDocument, reason: "item does not fit " + m.op.item.String(), cause: err}}
		}
		items[i] = it
	}
	kept, flags, err := m.run(len(items), func(i int) Item { return items[i] },
		func(i int) string { return m.op.resultKey + "[" + strconv.Itoa(i) + "]" })
	if err != nil {
		return nil, nil, err
	}

	out := make([]byte, 0, len(doc))
	out = append(out, doc[:lo]...)
	out = append(out, '[')
	for j, i := range kept {
		if j > 0 {
			out = append(out, ',')
		}
		e := elems[i]
		out = append(out, list[e.lead:e.start]...)
		item := list[e.start:e.end]
		if m.wildcardArns() {
			item = replaceArn(item, wildcardArn(items[i].key().arn))
		}
		out = append(out, item...)
	}
	if len(kept) > 0 {
		out = append(out, tail...)
	}
	out = append(out, ']')
	out = append(out, doc[hi:]...)
	return out, flags.list(), nil
}

// element locates one array element: lead is where the whitespace before
// it starts, [start, end) the value.
type element struct{ lead, start, end int }

// splitArray splits a valid JSON array into its elements and returns the
// whitespace between the last element and "]".
func splitArray(a []byte) ([]element, []byte) {
	var elems []element
	i := 1
	j := skipSpace(a, i)
	if a[j] == ']' {
		return nil, nil
	}
	for {
		start := skipSpace(a, i)
		end := skipValue(a, start)
		elems = append(elems, element{lead: i, start: start, end: end})
		k := skipSpace(a, end)
		if a[k] == ']' {
			return elems, a[end:k]
		}
		i = k + 1 // past ','
	}
}

// findMember returns the span of the value of member key in the valid JSON
// object doc.
func findMember(doc []byte, key string) (lo, hi int, err error) {
	i := skipSpace(doc, 0)
	if doc[i] != '{' {
		return 0, 0, &reasonError{sentinel: ErrDocument, reason: "document is not a JSON object"}
	}
	found := false
	i = skipSpace(doc, i+1)
	for doc[i] != '}' {
		ks := i
		ke := skipValue(doc, ks)
		var name string
		if err := json.Unmarshal(doc[ks:ke], &name); err != nil {
			return 0, 0, &reasonError{sentinel: ErrDocument, reason: "bad member name", cause: err}
		}
		vs := skipSpace(doc, skipSpace(doc, ke)+1) // past ':'
		ve := skipValue(doc, vs)
		if name == key {
			if found {
				return 0, 0, &reasonError{sentinel: ErrDocument, reason: "member " + strconv.Quote(key) + " appears more than once"}
			}
			found, lo, hi = true, vs, ve
		}
		i = skipSpace(doc, ve)
		if doc[i] == ',' {
			i = skipSpace(doc, i+1)
		}
	}
	if !found {
		return 0, 0, &reasonError{sentinel: ErrDocument, reason: "no " + strconv.Quote(key) + " member; is this the response of the right operation?"}
	}
	return lo, hi, nil
}

// replaceArn returns the object obj with the value of its "arn" member
// replaced by arn; obj is returned unchanged when it has none.
func replaceArn(obj []byte, arn string) []byte {
	lo, hi, err := findMember(obj, "arn")
	if err != nil {
		return obj
	}
	quoted, _ := json.Marshal(arn)
	out := make([]byte, 0, len(obj)+len(quoted))
	out = append(out, obj[:lo]...)
	out = append(out, quoted...)
	return append(out, obj[hi:]...)
}

// skipSpace returns the index of the first non-whitespace byte at or after
// i, or len(b).
func skipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipValue returns the index just past the JSON value starting at i. b
// must be valid JSON (json.Valid); the scan stays in bounds regardless.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for i < len(b) {
			switch b[i] {
			case '"':
				i = skipString(b, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	for i < len(b) {
		switch b[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i
		}
		i++
	}
	return i
}

// skipString returns the index just past the string starting at i.
func skipString(b []byte, i int) int {
	for i++; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return i
}
