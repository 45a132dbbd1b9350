package wire

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ibkit/ibkit/internal/jsonread"
)

// This file serves decoders written by hand for one document shape, which
// read a large document as a stream, faster than Decoder's reflection:
// they walk the tokens of the JSON layer without boxing them, compare
// member names as bytes, allocate a string only for a value they keep,
// and build no path as they go. An error is made where the problem is,
// with the path below that point empty, and each level it passes on the
// way out puts its own step in front (AtKey, AtIndex, AtTag), so paths
// cost nothing until something is wrong. Messages, paths and offsets are
// the ones Decoder gives for the same input.

// Tok is the kind of a token of a Stream.
type Tok = jsonread.Kind

// The token kinds a Stream reports.
const (
	KindNull        = jsonread.Null
	KindFalse       = jsonread.False
	KindTrue        = jsonread.True
	KindString      = jsonread.String
	KindNumber      = jsonread.Number
	KindBeginObject = jsonread.BeginObject
	KindEndObject   = jsonread.EndObject
	KindBeginArray  = jsonread.BeginArray
	KindEndArray    = jsonread.EndArray
)

// Stream reads one document token by token.
type Stream struct {
	r *jsonread.Reader
	// MemberChecks counts the lookups made to find repeated members, for
	// tests that guard the cost.
	MemberChecks int
	// unknown holds the names of the unknown members of the open objects,
	// one after another; ends marks where each ends. An object's names
	// start at the mark UnknownMark gave it.
	unknown []byte
	ends    []int
	// sets hold the unknown names of the open objects that have many, by
	// mark.
	sets map[int]map[string]bool
	// name holds a member name whose escapes were decoded.
	name []byte
	// batch holds the texts Stage staged.
	batch []byte
	// interned holds the texts of values that repeat across records
	// (Regions, states, accounts), so that each is stored once.
	interned *[internSlots]string
}

// internSlots is the number of texts a Stream keeps for Interned, and
// maxInternedLen their greatest length.
const (
	internSlots    = 1024
	maxInternedLen = 64
)

// readBuffer is the size of the buffer of a Stream's input.
const readBuffer = 64 << 10

// NewStream returns a stream of the document in r. A UTF-8 byte-order
// mark is skipped (offsets count it); UTF-16 text is an *Error.
func NewStream(r io.Reader) (*Stream, error) {
	// The token reader asks for a few kilobytes at a time; a larger
	// buffer saves most of the system calls of reading a file.
	jr, err := jsonread.New(bufio.NewReaderSize(r, readBuffer), MaxDepth+2)
	if err != nil {
		return nil, FromReader(err)
	}
	return &Stream{r: jr, interned: new([internSlots]string)}, nil
}

// NewStreamBytes is NewStream for a document in memory.
func NewStreamBytes(data []byte) (*Stream, error) {
	jr, err := jsonread.NewBytes(data, MaxDepth+2)
	if err != nil {
		return nil, FromReader(err)
	}
	return &Stream{r: jr, interned: new([internSlots]string)}, nil
}

// Tokens returns the token reader of the stream, for a decoder's hottest
// loop: its errors are *jsonread.Error values, which AtKey, AtIndex, AtTag
// and FromReader turn into *Error values.
func (s *Stream) Tokens() *jsonread.Reader { return s.r }

// Next reads the next token: its kind and, for a string, number or
// literal, its bytes as in the input (valid until the next read).
func (s *Stream) Next() (Tok, []byte, error) {
	k, raw, err := s.r.Next()
	if err != nil {
		return k, raw, FromReader(err)
	}
	return k, raw, nil
}

// Start returns the offset of the token Next just returned.
func (s *Stream) Start(k Tok, raw []byte) int64 {
	if raw == nil {
		return s.r.End() - 1
	}
	return s.r.End() - int64(len(raw))
}

// Offset returns the number of bytes of the document read so far.
func (s *Stream) Offset() int64 { return s.r.End() }

// End checks that nothing but white space follows the document.
func (s *Stream) End(what string) error {
	return FromReader(s.r.Finish(what))
}

// Name returns the text of a member name that Next returned, valid
// until the next call of Next or Name.
func (s *Stream) Name(raw []byte) []byte {
	text := raw[1 : len(raw)-1]
	if bytes.IndexByte(text, '\\') < 0 {
		return text
	}
	s.name = jsonread.AppendUnquote(s.name[:0], raw)
	return s.name
}

// text returns the text of a string token, decoding escapes.
func text(raw []byte) string {
	t := raw[1 : len(raw)-1]
	if bytes.IndexByte(t, '\\') < 0 {
		return string(t)
	}
	return string(jsonread.AppendUnquote(nil, raw))
}

// String returns the value of a string token, "" for null; another kind
// is a type error.
func (s *Stream) String(k Tok, raw []byte) (string, error) {
	switch k {
	case KindString:
		return text(raw), nil
	case KindNull:
		return "", nil
	}
	return "", s.TypeError(k, raw, "a string")
}

// Stage appends the text of a string token to the stream's batch and
// returns where it lies there, for a decoder that makes one string of the
// texts of a record (Batch) instead of one string each. ok is false for
// another kind of token.
func (s *Stream) Stage(k Tok, raw []byte) (start, end int, ok bool) {
	if k != KindString {
		return 0, 0, false
	}
	start = len(s.batch)
	t := raw[1 : len(raw)-1]
	if bytes.IndexByte(t, '\\') < 0 {
		s.batch = append(s.batch, t...)
	} else {
		s.batch = jsonread.AppendUnquote(s.batch, raw)
	}
	return start, len(s.batch), true
}

// Batch returns the texts staged since the last call as one string, and
// empties the batch.
func (s *Stream) Batch() string {
	b := string(s.batch)
	s.batch = s.batch[:0]
	return b
}

// Interned is String for a value that repeats across records: a text
// seen recently is returned as the same string, stored once.
func (s *Stream) Interned(k Tok, raw []byte) (string, error) {
	if k != KindString || len(raw) > maxInternedLen+2 {
		return s.String(k, raw)
	}
	t := raw[1 : len(raw)-1]
	if bytes.IndexByte(t, '\\') >= 0 {
		return text(raw), nil // the cache holds texts as they are written
	}
	// A direct-mapped cache: cheaper than a map, bounded, and it keeps
	// the texts that recur, which is what saves memory. The slot comes
	// from the length and the first and last eight bytes: texts that
	// collide only cost a miss.
	slot := &s.interned[internHash(t)%internSlots]
	if *slot == string(t) && *slot != "" {
		return *slot, nil
	}
	v := text(raw)
	*slot = v
	return v, nil
}

// internHash mixes the length and the first and last (up to) eight bytes
// of t.
func internHash(t []byte) uint64 {
	var a, b uint64
	if n := len(t); n >= 8 {
		a, b = binary.LittleEndian.Uint64(t), binary.LittleEndian.Uint64(t[n-8:])
	} else {
		for i, c := range t {
			a |= uint64(c) << (8 * i)
		}
	}
	h := (a*0x9E3779B97F4A7C15 ^ b*0xC2B2AE3D27D4EB4F ^ uint64(len(t))) * 0x165667B19E3779F9
	return h >> 40
}

// Timestamp returns the text of a timestamp: a string, or a number of
// epoch seconds as written; "" for null.
func (s *Stream) Timestamp(k Tok, raw []byte) (string, error) {
	switch k {
	case KindString:
		return text(raw), nil
	case KindNumber:
		return string(raw), nil
	case KindNull:
		return "", nil
	}
	return "", s.TypeError(k, raw, "a timestamp (RFC 3339 text or epoch seconds)")
}

// Bool returns the value of true or false, false for null.
func (s *Stream) Bool(k Tok, raw []byte) (bool, error) {
	switch k {
	case KindTrue:
		return true, nil
	case KindFalse, KindNull:
		return false, nil
	}
	return false, s.TypeError(k, raw, "true or false")
}

// TypeError reports the token as a value of the wrong kind.
func (s *Stream) TypeError(k Tok, raw []byte, want string) error {
	return &Error{Offset: s.Start(k, raw), Code: CodeType,
		Reason: "found " + kindOf(k).String() + ", expected " + want}
}

// Open checks the first token of an object or array value at depth
// (the nesting of the value): it must be of kind want, which it names in
// a type error.
func (s *Stream) Open(k Tok, raw []byte, want Tok, what string, depth int) error {
	if k != want {
		return s.TypeError(k, raw, what)
	}
	if depth >= MaxDepth {
		return TooDeep("", s.Start(k, raw))
	}
	return nil
}

// kindOf maps a token kind to the kinds of messages.
func kindOf(k Tok) Kind {
	switch k {
	case KindNull:
		return jsonNull
	case KindTrue, KindFalse:
		return jsonBool
	case KindNumber:
		return jsonNumber
	case KindString:
		return jsonString
	case KindBeginArray:
		return jsonArray
	}
	return jsonObject
}

// Skip reads past the rest of a value whose first token Next returned,
// checking only that it is well-formed JSON of bounded depth; depth is
// the nesting of the value.
func (s *Stream) Skip(k Tok, raw []byte, depth int) error {
	if k != KindBeginObject && k != KindBeginArray {
		return nil
	}
	if depth >= MaxDepth {
		return TooDeep("", s.Start(k, raw))
	}
	for i := 0; ; i++ {
		k2, raw2, err := s.Next()
		if err != nil {
			if k == KindBeginArray {
				return AtIndex(err, i)
			}
			return err
		}
		if k2 == KindEndArray || k2 == KindEndObject {
			return nil
		}
		if k == KindBeginArray {
			if err := s.Skip(k2, raw2, depth+1); err != nil {
				return AtIndex(err, i)
			}
			continue
		}
		key := string(s.Name(raw2))
		if k2, raw2, err = s.Next(); err != nil {
			return AtKey(err, key)
		}
		if err := s.Skip(k2, raw2, depth+1); err != nil {
			return AtKey(err, key)
		}
	}
}

// UnknownMark starts the record of the unknown members of an object and
// returns its mark, for Unknown and EndObject.
func (s *Stream) UnknownMark() int { return len(s.ends) }

// EndObject forgets the unknown members of the object of mark.
func (s *Stream) EndObject(mark int) {
	if mark < len(s.ends) {
		start := 0
		if mark > 0 {
			start = s.ends[mark-1]
		}
		s.unknown, s.ends = s.unknown[:start], s.ends[:mark]
	}
	delete(s.sets, mark)
}

// Unknown records name as an unknown member of the object of mark and
// reports whether the object already had it. LastUnknown returns it.
func (s *Stream) Unknown(mark int, name []byte) (repeated bool) {
	s.MemberChecks++
	start := 0
	if mark > 0 {
		start = s.ends[mark-1]
	}
	if set := s.sets[mark]; set != nil {
		repeated = set[string(name)]
		if !repeated {
			set[string(name)] = true
		}
	} else {
		for i := mark; i < len(s.ends); i++ {
			s.MemberChecks++
			if string(s.unknown[start:s.ends[i]]) == string(name) {
				repeated = true
			}
			start = s.ends[i]
		}
	}
	s.unknown = append(s.unknown, name...)
	s.ends = append(s.ends, len(s.unknown))
	if len(s.ends)-mark == 8 && s.sets[mark] == nil {
		// Many unknown members: a set, from now on.
		set := make(map[string]bool, 16)
		start = 0
		if mark > 0 {
			start = s.ends[mark-1]
		}
		for i := mark; i < len(s.ends); i++ {
			set[string(s.unknown[start:s.ends[i]])] = true
			start = s.ends[i]
		}
		if s.sets == nil {
			s.sets = map[int]map[string]bool{}
		}
		s.sets[mark] = set
	}
	return repeated
}

// LastUnknown returns the name Unknown recorded last, in an object still
// open, for messages.
func (s *Stream) LastUnknown() string {
	start := 0
	if n := len(s.ends); n > 1 {
		start = s.ends[n-2]
	}
	return string(s.unknown[start:])
}

// Duplicate is the error of a member given twice, its name at off.
func Duplicate(key string, off int64) error {
	return &Error{Path: jsonread.Key("", key), Offset: off, Code: CodeDuplicate,
		Reason: "the member " + Quote(key) + " appears twice; keep one"}
}

// UnknownMember is the error of a member, at off, that the object does not
// define, whose known members are names.
func UnknownMember(key string, off int64, names []string) error {
	var reason string
	if n := CaseVariant(names, []byte(key)); n != "" {
		reason = Quote(key) + " is not a member here; did you mean " + strconv.Quote(n) + "?"
	} else {
		reason = Quote(key) + " is not a member here; expected one of " + strings.Join(names, ", ")
	}
	return &Error{Path: jsonread.Key("", key), Offset: off, Code: CodeUnknown, Reason: reason}
}

// CaseVariant returns the name of names that key spells in other letter
// cases, or "".
func CaseVariant(names []string, key []byte) string {
	ascii := true
	for _, c := range key {
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	for _, n := range names {
		if !ascii {
			if strings.EqualFold(n, string(key)) {
				return n
			}
			continue
		}
		if len(n) == len(key) && equalFoldASCII(n, key) && n != string(key) {
			return n
		}
	}
	return ""
}

// equalFoldASCII reports whether n and the ASCII text key are equal
// under simple case folding. A name holds only ASCII letters, for which
// folding is the ASCII one, except that key's "k" and "s" also fold to
// the Kelvin and long-s signs, which are not ASCII.
func equalFoldASCII(n string, key []byte) bool {
	for i := 0; i < len(n); i++ {
		a, b := n[i], key[i]
		if a == b {
			continue
		}
		if a|0x20 != b|0x20 || a|0x20 < 'a' || a|0x20 > 'z' {
			return false
		}
	}
	return true
}

// JSONNames returns the JSON names of the fields of a struct value v, in
// field order, for messages about unknown members.
func JSONNames(v any) []string {
	t := reflect.TypeOf(v)
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if n := jsonName(t.Field(i)); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// AtKey puts the member key in front of the path of err, an *Error about
// the member's value.
func AtKey(err error, key string) error { return at(err, jsonread.Key("", key)) }

// AtTag is AtKey in the bracket form (`["key"]`) that paths give tags.
func AtTag(err error, key string) error { return at(err, jsonread.Member("", key)) }

// AtIndex puts the array index i in front of the path of err.
func AtIndex(err error, i int) error { return at(err, jsonread.Index("", i)) }

func at(err error, step string) error {
	e, ok := FromReader(err).(*Error)
	if !ok {
		return err
	}
	switch {
	case e.Path == "":
		e.Path = step
	case e.Path[0] == '[':
		e.Path = step + e.Path
	default:
		e.Path = step + "." + e.Path
	}
	return e
}

// KeyPath is the path of the member key of the document.
func KeyPath(key string) string { return jsonread.Key("", key) }
