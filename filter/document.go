package filter

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/internal/jsonread"
)

// FilterResponse filters the result list of a List response document, as
// the AWS CLI prints it (for example {"imageVersionList": [...],
// "nextToken": "..."}), with the filters given as text: AWS CLI shorthand
// or JSON (see ParseFilters); blank text means no filters. It returns the
// same document with only the kept items in its result list, together with
// the decisions the outcome depends on; see Matcher.FilterJSON for what is
// kept byte for byte.
//
// The response is taken as the service returned it, so owner, byName and
// includeDeprecated are not applied again. FilterResponse uses ibkit's
// default reading of every decision; compile a Query with Readings and
// call FilterJSON for others, or to read a large response as a stream.
func FilterResponse(operation, filters string, response []byte) ([]byte, []Decision, error) {
	fs, err := ParseFilters(filters)
	if err != nil {
		return nil, nil, err
	}
	m, err := Compile(Query{Operation: operation, Filters: fs})
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	ds, err := m.filterJSON(&out, bytes.NewReader(response), response, time.Time{})
	if err != nil {
		return nil, nil, err
	}
	return out.Bytes(), ds, nil
}

// FilterJSON reads a List response document from r, evaluates the
// matcher's query, scope included, over its result list and writes to w
// the document with only the kept items in that list (in result order, see
// Result.Indices). It returns the decisions the outcome depends on. now is
// as for Apply.
//
// The document must be a JSON object whose result list member
// (Operation.ResultKey) holds an array of objects, or null. The members of
// an item that filters, scope and ordering read must have the type the
// model gives them (strings, a list of strings for supportedOsVersions,
// objects for state and packageVulnerabilityDetails, an RFC 3339 time for
// deprecationTime) or be null; every other member is skipped unread.
// Member names are case-sensitive, as on the wire: "Name" is an unknown
// member, not the item's "name"; of a repeated member the last counts.
//
// The output keeps everything byte for byte but the dropped items: the
// members other than the result list in their order and layout, every
// member of a kept item, and the white space before each kept item, so an
// indented document stays indented the same way. The only rewrite is the
// "arn" member of byName results under ByNameWildcardARN.
//
// FilterJSON reads the document as a stream and never holds all of it:
// only the members other than the result list, the item being read and
// the kept items. In result order the kept items are written once the
// document has been read; a bad document then writes nothing. Under
// InputOrder without byName each kept item is written as soon as it is
// read, so memory does not grow with the kept items, and an error found
// later leaves the start of the output on w, to be discarded.
//
// A malformed document is an ErrSyntax *Error, a document of the wrong
// shape an ErrInvalid or ErrUnknown one, with the JSON path and the byte
// offset of the problem. An error of r is an ErrSyntax *Error too; an
// error of w is returned as it is.
func (m *Matcher) FilterJSON(w io.Writer, r io.Reader, now time.Time) ([]Decision, error) {
	if m.op == nil {
		return nil, errNotCompiled()
	}
	return m.filterJSON(w, r, nil, now)
}

// filterJSON is FilterJSON; src, when not nil, is what r reads, which then
// need not be copied to keep items.
func (m *Matcher) filterJSON(w io.Writer, r io.Reader, src []byte, now time.Time) ([]Decision, error) {
	d := docReader{m: m, rec: newRecord(len(m.paths)), tree: memberTree(m.op, m), stream: !m.needKeys, src: src}
	rd, err := jsonread.NewKeeping(r, maxDepth)
	if err != nil {
		return nil, d.readError(err)
	}
	d.r = rd
	d.out = bufio.NewWriterSize(w, 64<<10)
	e := m.newEvaluator(now)
	if err := d.read(e); err != nil {
		return nil, err
	}
	if d.null {
		d.out.Write(d.r.Kept(0, -1))
		return m.flags.IDs(), d.out.Flush()
	}
	idx, arns := e.finish()
	if !d.stream {
		if b, ok := w.(*bytes.Buffer); ok { // FilterResponse
			b.Grow(d.size + len(idx) + len(d.r.Kept(d.last, d.closing)) + len(d.r.Kept(d.hi, -1)) + 2)
		}
		d.out.Write(d.head)
		d.out.WriteByte('[')
		for j, x := range idx {
			it := d.kept[x]
			raw := d.src
			if it.chunk >= 0 {
				raw = d.items[it.chunk]
			}
			if j > 0 {
				d.out.WriteByte(',')
			}
			if arns != nil && it.arnLo < it.arnHi {
				d.out.Write(raw[it.lead:it.arnLo])
				quoted, _ := json.Marshal(arns[j])
				d.out.Write(quoted)
				d.out.Write(raw[it.arnHi:it.end])
			} else {
				d.out.Write(raw[it.lead:it.end])
			}
		}
	}
	if len(idx) > 0 {
		d.out.Write(d.r.Kept(d.last, d.closing))
	}
	d.out.WriteByte(']')
	d.out.Write(d.r.Kept(d.hi, -1))
	return e.decisions(), d.out.Flush()
}

// maxDepth bounds the nesting of a List response.
const maxDepth = 512

// docReader reads one List response.
type docReader struct {
	m   *Matcher
	r   *jsonread.Reader
	rec *record
	// tree is what an item is read and checked against.
	tree []jsonMember
	// hi is the end of the result list's value, closing the offset of its
	// "]" and last the end of its last item.
	hi, closing, last int64
	null              bool // the result list is null
	// stream is set when the kept items are written as they are read (in
	// input order); otherwise head is the document up to the result list
	// and items holds the kept items in chunks, which kept locates; size
	// is the number of bytes in head and items. When the document is in
	// memory, src, kept locates the items there.
	src    []byte
	stream bool
	head   []byte
	items  [][]byte
	kept   []span
	size   int
	out    *bufio.Writer
	// index is the index of the item being read and names the names of
	// its members being read, by depth; text is the text of a list element.
	index int
	names [][]byte
	text  []byte
}

// path returns the path of the member being read at depth in the item
// being read: the item itself at 0.
func (d *docReader) path(depth int) string {
	p := jsonread.Index(d.m.op.resultKey, d.index)
	for _, name := range d.names[:depth] {
		p = jsonread.Key(p, string(name))
	}
	return p
}

// span locates one kept item in chunk of docReader.items (in
// docReader.src when chunk is -1): lead is where
// the white space before it starts, end where it ends, [arnLo, arnHi) its
// "arn" value.
type span struct {
	chunk, lead, end, arnLo, arnHi int
}

// chunkSize is the size of the chunks that hold the kept items. Chunks,
// unlike one growing slice, copy each kept byte once.
const chunkSize = 256 << 10

// keep stores raw, a kept item with the white space before it, which
// starts at offset lead; arn is where its "arn" value is.
func (d *docReader) keep(raw []byte, lead int64, arn [2]int64) {
	d.size += len(raw) + 1
	if d.src != nil {
		d.kept = append(d.kept, span{chunk: -1, lead: int(lead), end: int(lead) + len(raw), arnLo: int(arn[0]), arnHi: int(arn[1])})
		return
	}
	n := len(d.items) - 1
	if n < 0 || cap(d.items[n])-len(d.items[n]) < len(raw) {
		d.items = append(d.items, make([]byte, 0, max(chunkSize, len(raw))))
		n++
	}
	c := d.items[n]
	base := len(c) - int(lead)
	sp := span{chunk: n, lead: len(c), end: base + int(lead) + len(raw)}
	if arn[0] < arn[1] {
		sp.arnLo, sp.arnHi = base+int(arn[0]), base+int(arn[1])
	}
	d.items[n] = append(c, raw...)
	d.kept = append(d.kept, sp)
}

// read reads the document and evaluates each item of its result list.
func (d *docReader) read(e *evaluator) error {
	key := d.m.op.resultKey
	root := func() string { return "" }
	tok, off, err := d.r.Token(root)
	if err != nil {
		return d.readError(err)
	}
	if tok.Kind() != jsonread.BeginObject {
		return documentError(d.m.op.name, "", off, ErrInvalid,
			"the response is "+kindName(byte(tok.Kind()))+"; expected an object with the "+strconv.Quote(key)+" member")
	}
	found := false
	for d.r.Peek() != jsonread.EndObject {
		tok, off, err := d.r.Token(root)
		if err != nil {
			return d.readError(err)
		}
		name := tok.String()
		path := func() string { return jsonread.Key("", name) }
		if name != key {
			if err := d.r.Skip(path); err != nil {
				return d.readError(err)
			}
			continue
		}
		if found {
			return documentError(d.m.op.name, path(), off, ErrInvalid,
				"the member appears more than once; expected one result list")
		}
		found = true
		if err := d.list(e, key); err != nil {
			return err
		}
	}
	if _, _, err := d.r.Token(root); err != nil { // '}'
		return d.readError(err)
	}
	if err := d.r.Finish(d.m.op.name + " response"); err != nil {
		return d.readError(err)
	}
	if !found {
		return documentError(d.m.op.name, "", 0, ErrInvalid,
			"no "+strconv.Quote(key)+" member; is this the response of "+d.m.op.name+"?")
	}
	return nil
}

// list reads the result list and evaluates its items. It keeps (or, in
// a stream, writes) the kept items and forgets the others.
func (d *docReader) list(e *evaluator, key string) error {
	path := func() string { return key }
	k := d.r.Peek() // before Offset, which needs the white space read
	lo := d.r.Offset()
	switch k {
	case jsonread.Null:
		if _, _, err := d.r.Token(path); err != nil {
			return d.readError(err)
		}
		d.null, d.hi = true, d.r.End()
		return nil
	case jsonread.BeginArray:
	default:
		if _, _, err := d.r.Token(path); err != nil {
			return d.readError(err)
		}
		return documentError(d.m.op.name, key, lo, ErrInvalid,
			"the result list is "+kindName(byte(k))+"; expected an array of "+d.m.op.shape+" objects")
	}
	if d.stream {
		d.out.Write(d.r.Kept(0, lo))
		d.out.WriteByte('[')
	} else {
		d.head = bytes.Clone(d.r.Kept(0, lo))
		d.size = len(d.head)
	}
	if _, _, err := d.r.Token(path); err != nil {
		return d.readError(err)
	}
	prev := d.r.End()
	d.r.Forget(prev)
	written := 0
	for i := 0; d.r.Peek() != jsonread.EndArray; i++ {
		d.index = i
		itemPath := func() string { return d.path(0) }
		start := d.r.Offset()
		lead := prev
		if c := bytes.IndexByte(d.r.Kept(prev, start), ','); c >= 0 {
			lead = prev + int64(c) + 1
		}
		d.r.Forget(lead)
		tok, off, err := d.r.Token(itemPath)
		if err != nil {
			return d.readError(err)
		}
		if tok.Kind() != jsonread.BeginObject {
			return documentError(d.m.op.name, itemPath(), off, ErrInvalid,
				"the item is "+kindName(byte(tok.Kind()))+"; expected "+article(d.m.op.shape)+" object")
		}
		d.rec.reset()
		var arn [2]int64
		if err := d.object(d.tree, &arn, 0); err != nil {
			return err
		}
		end := d.r.End()
		// The evaluator labels a kept item with its place in d.kept, not
		// with its index in the list: both grow with the input.
		n := e.count()
		if err := evaluate(e, len(d.kept), &source{m: d.m, rec: d.rec}); err != nil {
			return d.m.itemError(itemPath(), start, err)
		}
		if e.count() > n {
			raw := d.r.Kept(lead, end)
			if d.stream {
				if written > 0 {
					d.out.WriteByte(',')
				}
				d.out.Write(raw)
				written++
			} else {
				d.keep(raw, lead, arn)
			}
		}
		d.r.Forget(end)
		prev, d.last = end, end
	}
	d.closing = d.r.Offset()
	if _, _, err := d.r.Token(path); err != nil { // ']'
		return d.readError(err)
	}
	d.hi = d.r.End()
	return nil
}

// object reads the members of an object after its "{", and the "}",
// keeping and checking those in tree. depth is the object's depth in the
// item, 0 for the item itself.
func (d *docReader) object(tree []jsonMember, arn *[2]int64, depth int) error {
	if depth == len(d.names) {
		d.names = append(d.names, nil)
	}
	path := func() string { return d.path(depth) }
	mp := func() string { return d.path(depth + 1) }
	for {
		k := d.r.Peek()
		if k == jsonread.EndObject {
			break
		}
		var node *jsonMember
		if k == jsonread.String {
			name, _, err := d.r.AppendText(d.names[depth][:0], path)
			d.names[depth] = name
			if err != nil {
				return d.readError(err)
			}
			node = findMember(tree, name)
		} else if _, _, err := d.r.Token(path); err != nil { // not a name
			return d.readError(err)
		}
		if node == nil {
			if err := d.r.Skip(mp); err != nil {
				return d.readError(err)
			}
			continue
		}
		if err := d.member(node, mp, arn, depth); err != nil {
			return err
		}
	}
	if _, _, err := d.r.Token(path); err != nil { // '}'
		return d.readError(err)
	}
	return nil
}

// member reads the value of a member the tree knows.
func (d *docReader) member(node *jsonMember, path func() string, arn *[2]int64, depth int) error {
	k := d.r.Peek()
	if k == jsonread.Null {
		d.rec.clear(node)
		_, _, err := d.r.Token(path)
		return d.readError(err)
	}
	want := jsonread.String
	switch node.kind {
	case memberList:
		want = jsonread.BeginArray
	case memberObject:
		want = jsonread.BeginObject
	}
	var (
		off int64
		err error
	)
	lo := len(d.rec.buf)
	if k == jsonread.String {
		d.rec.buf, off, err = d.r.AppendText(d.rec.buf, path)
	} else {
		_, off, err = d.r.Token(path)
	}
	if err != nil {
		return d.readError(err)
	}
	if k != want {
		return documentError(d.m.op.name, path(), off, ErrInvalid,
			"the member is "+kindName(byte(k))+"; "+d.m.op.shape+" has "+kindName(byte(want))+" here")
	}
	switch node.kind {
	case memberObject:
		return d.object(node.sub, arn, depth+1)
	case memberList:
		return d.stringList(node, path)
	}
	text := d.rec.buf[lo:]
	if node.kind == memberTime {
		if _, err := time.Parse(time.RFC3339Nano, string(text)); err != nil {
			return documentError(d.m.op.name, path(), off, ErrInvalid,
				strconv.Quote(string(text))+" is not an RFC 3339 time")
		}
	}
	if node.slot >= 0 {
		d.rec.set(node.slot, lo)
	}
	if depth == 0 && node.name == "arn" {
		arn[0], arn[1] = off, d.r.End()
	}
	return nil
}

// stringList reads the elements of a list of strings after its "[", and
// the "]".
func (d *docReader) stringList(node *jsonMember, path func() string) error {
	var elems []string
	for i := 0; ; i++ {
		k := d.r.Peek()
		if k == jsonread.EndArray {
			break
		}
		ep := func() string { return jsonread.Index(path(), i) }
		switch k {
		case jsonread.String:
			text, _, err := d.r.AppendText(d.text[:0], ep)
			d.text = text
			if err != nil {
				return d.readError(err)
			}
			elems = append(elems, d.rec.intern(text))
			continue
		case jsonread.Null:
			elems = append(elems, "")
		}
		_, off, err := d.r.Token(ep)
		if err != nil {
			return d.readError(err)
		}
		if k != jsonread.Null {
			return documentError(d.m.op.name, ep(), off, ErrInvalid, "the element is "+kindName(byte(k))+"; expected a string")
		}
	}
	if _, _, err := d.r.Token(path); err != nil { // ']'
		return d.readError(err)
	}
	if node.slot >= 0 {
		d.rec.lists[node.slot] = elems
	}
	return nil
}

// readError turns an error of the JSON layer into an *Error.
func (d *docReader) readError(err error) error {
	var je *jsonread.Error
	if !errors.As(err, &je) {
		return err
	}
	return documentError(d.m.op.name, je.Path, je.Offset, ErrSyntax, je.Reason)
}

// kindName names a kind of JSON value with an article, for messages.
func kindName(k byte) string {
	switch k {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '0':
		return "a number"
	case '"':
		return "a string"
	case '[':
		return "an array"
	case '{':
		return "an object"
	}
	return "not a value"
}

// memberKind is the type a member has in the model.
type memberKind uint8

const (
	memberString memberKind = iota
	memberList              // a list of strings
	memberTime              // an RFC 3339 time, as a string
	memberObject            // a structure with members of its own
)

// jsonMember is one member of an item that the evaluation reads: its
// name, type, the slot its value goes to (-1 for an object) and, for an
// object, its members.
type jsonMember struct {
	name string
	kind memberKind
	slot int
	sub  []jsonMember
}

// memberTree returns the members of op's items that the filters, scope
// and ordering can read, with the slots m reads them into. The members
// of every filter name, of the keys and of the scope are checked, whether
// or not this query reads them.
func memberTree(op *opSpec, m *Matcher) []jsonMember {
	var tree []jsonMember
	add := func(path string, kind memberKind) {
		slot := slices.Index(m.paths, path)
		nodes := &tree
		for {
			head, rest, nested := strings.Cut(path, ".")
			n := findMember(*nodes, head)
			if n == nil {
				*nodes = append(*nodes, jsonMember{name: head, kind: memberObject, slot: -1})
				n = &(*nodes)[len(*nodes)-1]
			}
			if !nested {
				n.kind, n.slot = kind, slot
				return
			}
			nodes, path = &n.sub, rest
		}
	}
	for _, n := range op.names {
		kind := memberString
		if n.cmp == cmpList {
			kind = memberList
		}
		add(n.member, kind)
	}
	for _, p := range []string{op.keys.name, op.keys.version, op.keys.arn, op.keys.date} {
		if p != "" {
			add(p, memberString)
		}
	}
	if op.name == "ListComponents" {
		add(memberStatus, memberString)
	}
	if op.owner {
		add(memberOwnership, memberString)
	}
	if op.includeDeprecated {
		add(memberState, memberString)
		add(memberDeprecation, memberTime)
	}
	return tree
}

// findMember returns the node of name in tree, or nil.
func findMember[S string | []byte](tree []jsonMember, name S) *jsonMember {
	for i := range tree {
		if tree[i].name == string(name) {
			return &tree[i]
		}
	}
	return nil
}

// record holds the members of one item that the evaluation reads, by
// slot: the text of a string member as bytes, made a string only when the
// evaluation asks for it, so that dropped items cost no strings.
type record struct {
	buf   []byte   // the text of the item's string members
	spans [][2]int // where each slot's text is in buf
	vals  []string // the slot's text as a string, when made
	made  []bool
	lists [][]string
	// strs are the short texts made so far, to make each once: names,
	// platforms, types and versions repeat from item to item.
	strs map[string]string
}

// The bounds of record.strs: how many texts, how long each.
const (
	maxStrings = 4096
	maxString  = 128
)

func newRecord(slots int) *record {
	return &record{spans: make([][2]int, slots), vals: make([]string, slots), made: make([]bool, slots),
		lists: make([][]string, slots), strs: make(map[string]string)}
}

func (r *record) reset() {
	r.buf = r.buf[:0]
	clear(r.spans)
	clear(r.made)
	clear(r.lists)
}

// set records that the text of slot is buf[lo:].
func (r *record) set(slot, lo int) {
	r.spans[slot] = [2]int{lo, len(r.buf)}
	r.made[slot] = false
}

// value returns the text of slot, "" when absent.
func (r *record) value(slot int) string {
	if !r.made[slot] {
		sp := r.spans[slot]
		r.vals[slot], r.made[slot] = r.intern(r.buf[sp[0]:sp[1]]), true
	}
	return r.vals[slot]
}

// intern returns b as a string, made once for short texts.
func (r *record) intern(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if s, ok := r.strs[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(b) <= maxString && len(r.strs) < maxStrings {
		r.strs[s] = s
	}
	return s
}

// clear forgets the values of node and its members (a null member).
func (r *record) clear(node *jsonMember) {
	if node.slot >= 0 {
		r.spans[node.slot], r.made[node.slot], r.lists[node.slot] = [2]int{}, false, nil
	}
	for i := range node.sub {
		r.clear(&node.sub[i])
	}
}

// article returns word with its indefinite article: "an ImageVersion",
// "a ComponentVersion".
func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOU", rune(word[0])) {
		return "an " + word
	}
	return "a " + word
}
