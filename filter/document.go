package filter

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"strings"
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
// survive untouched. Member names are case-sensitive, as on the wire: a
// member such as "Name" is an unknown member, not the item's "name". Members other than the result list are copied as
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
		reason := "not valid JSON"
		var se *json.SyntaxError
		if errors.As(err, &se) {
			reason += " at byte " + strconv.FormatInt(se.Offset, 10)
		}
		return nil, nil, &reasonError{sentinel: ErrDocument, reason: reason, cause: err}
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
	members := membersOf(reflect.TypeOf(newItem(m.op.item)).Elem())
	for i, e := range elems {
		raw := list[e.start:e.end]
		if raw[0] != '{' {
			return nil, nil, &ItemError{Path: m.op.resultKey + "[" + strconv.Itoa(i) + "]",
				Err: &reasonError{sentinel: ErrDocument, reason: "item is not an object"}}
		}
		it := newItem(m.op.item)
		if err := json.Unmarshal(members.exact(raw), it); err != nil {
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

// memberTable lists the JSON member names encoding/json fills in a struct
// type, with the tables of struct-typed members. It lets FilterJSON read
// member names exactly: encoding/json also decodes a member whose name
// matches a field only when case is ignored (so {"name":"b","Name":"a"}
// would read as name "a"), but the wire format is case-sensitive, so to
// ibkit such members are unknown ones, which the output keeps (it copies
// the original text) and evaluation never reads.
type memberTable []memberName

type memberName struct {
	name string
	sub  memberTable // for struct-typed members; nil otherwise
}

// membersOf returns the member table of struct type t.
func membersOf(t reflect.Type) memberTable {
	var tab memberTable
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		m := memberName{name: name}
		ft := f.Type
		if ft.Kind() == reflect.Pointer {
			ft = ft.Elem()
		}
		if ft.Kind() == reflect.Struct && !reflect.PointerTo(ft).Implements(reflect.TypeFor[json.Unmarshaler]()) {
			m.sub = membersOf(ft)
		}
		tab = append(tab, m)
	}
	return tab
}

// lookup returns the entry encoding/json would decode member key into,
// preferring an exact match, and whether the match is exact.
func (tab memberTable) lookup(key []byte) (m *memberName, exact bool) {
	for i := range tab {
		if tab[i].name == string(key) {
			return &tab[i], true
		}
		if m == nil && strings.EqualFold(tab[i].name, string(key)) {
			m = &tab[i]
		}
	}
	return m, false
}

// exact returns the JSON object obj without the members that match an
// entry only when case is ignored, at any depth. When there are none, which
// is the usual case, it returns obj itself and does not allocate. The
// rewritten object is only decoded, so its layout does not matter.
func (tab memberTable) exact(obj []byte) []byte {
	if !tab.inexact(obj) {
		return obj
	}
	out := append(make([]byte, 0, len(obj)), '{')
	eachMember(obj, func(key, rawKey, value []byte) {
		m, exact := tab.lookup(key)
		if m != nil && !exact {
			return
		}
		if m != nil && m.sub != nil {
			value = m.sub.exact(value)
		}
		if len(out) > 1 {
			out = append(out, ',')
		}
		out = append(out, rawKey...)
		out = append(out, ':')
		out = append(out, value...)
	})
	return append(out, '}')
}

// inexact reports whether exact has members to drop in obj.
func (tab memberTable) inexact(obj []byte) bool {
	found := false
	eachMember(obj, func(key, _, value []byte) {
		if m, exact := tab.lookup(key); m != nil && (!exact || m.sub != nil && m.sub.inexact(value)) {
			found = true
		}
	})
	return found
}

// eachMember calls fn with the name, raw name text and raw value of each
// member of obj, a valid JSON value; it does nothing when obj is not an
// object.
func eachMember(obj []byte, fn func(key, rawKey, value []byte)) {
	i := skipSpace(obj, 0)
	if i >= len(obj) || obj[i] != '{' {
		return
	}
	for i = skipSpace(obj, i+1); i < len(obj) && obj[i] != '}'; {
		ks := i
		ke := skipValue(obj, ks)
		vs := skipSpace(obj, skipSpace(obj, ke)+1) // past ':'
		ve := skipValue(obj, vs)
		if i = skipSpace(obj, ve); i < len(obj) && obj[i] == ',' {
			i = skipSpace(obj, i+1)
		}
		rawKey := obj[ks:ke]
		key := rawKey[1 : len(rawKey)-1]
		if bytes.IndexByte(key, '\\') >= 0 {
			var k string
			if json.Unmarshal(rawKey, &k) != nil {
				continue
			}
			key = []byte(k)
		}
		fn(key, rawKey, obj[vs:ve])
	}
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
