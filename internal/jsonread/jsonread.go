// Package jsonread is the module's one way to read the JSON that the AWS
// CLI and the Image Builder API produce. It is a thin layer over the
// streaming token reader of the encoding/json/v2 design
// (github.com/go-json-experiment/json/jsontext) that adds what every
// decoder of the module needs: text-encoding checks (a UTF-8 byte-order
// mark is skipped, UTF-16 is refused with advice), a nesting limit, the
// byte offset at which each token starts, paths written the way messages
// show them (`images[3].tags["Name"]`), and one error type.
//
// A Reader never builds a tree of the document: callers read tokens and
// either keep the values they need or skip the rest.
package jsonread

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/go-json-experiment/json/jsontext"
)

// Sentinels for errors.Is on an *Error.
var (
	// ErrSyntax: the input is not one well-formed JSON document.
	ErrSyntax = errors.New("invalid JSON")
	// ErrEncoding: the input is not UTF-8 text.
	ErrEncoding = errors.New("invalid text encoding")
)

// Error reports a problem in the input with the byte offset at which it
// was found and the path of the value being read.
type Error struct {
	Offset int64  // byte offset in the input, counting a skipped byte-order mark
	Path   string // path of the value, "" for the document
	Reason string // what was wrong and what was expected
	Err    error  // ErrSyntax or ErrEncoding
}

func (e *Error) Error() string {
	msg := e.Reason
	if e.Path != "" {
		msg = e.Path + ": " + msg
	}
	return msg + " (byte " + strconv.FormatInt(e.Offset, 10) + ")"
}

func (e *Error) Unwrap() error { return e.Err }

// Kinds of tokens, as jsontext reports them.
const (
	Null        = jsontext.Kind('n')
	False       = jsontext.Kind('f')
	True        = jsontext.Kind('t')
	String      = jsontext.Kind('"')
	Number      = jsontext.Kind('0')
	BeginObject = jsontext.Kind('{')
	EndObject   = jsontext.Kind('}')
	BeginArray  = jsontext.Kind('[')
	EndArray    = jsontext.Kind(']')
)

// Reader reads one JSON document token by token.
type Reader struct {
	dec      *jsontext.Decoder
	base     int64 // bytes skipped before the decoder's input (a byte-order mark)
	maxDepth int
	keep     *keeper // the input kept for Kept, nil when none is
}

// utf8BOM is the UTF-8 encoding of U+FEFF.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// New returns a Reader of the document in r. maxDepth bounds the nesting
// of arrays and objects; deeper input is an ErrSyntax error. The text
// encoding is checked as Encoding does, and a byte-order mark skipped.
func New(r io.Reader, maxDepth int) (*Reader, error) {
	// A buffered reader is peeked at as it is: another buffer in front of
	// it would copy every byte once more.
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReader(r)
	}
	head, _ := br.Peek(3)
	bom, err := Encoding(head)
	if err != nil {
		return nil, err
	}
	br.Discard(bom)
	return newReader(br, int64(bom), maxDepth), nil
}

// NewKeeping is New for a caller that passes parts of the input through
// as they are: the Reader keeps a copy of the input it reads, from the
// start until Forget lets it go, and Kept returns parts of it. A caller
// that forgets what it has used needs memory for the largest part it
// keeps, not for the document.
func NewKeeping(r io.Reader, maxDepth int) (*Reader, error) {
	k := &keeper{r: r}
	rd, err := New(k, maxDepth)
	if err != nil {
		return nil, err
	}
	rd.keep = k
	return rd, nil
}

// NewBytes is New for a document held in memory.
func NewBytes(data []byte, maxDepth int) (*Reader, error) {
	bom, err := Encoding(data)
	if err != nil {
		return nil, err
	}
	// The token reader reads a bytes.Buffer in place, without copying
	// the document into a buffer of its own.
	return newReader(bytes.NewBuffer(data[bom:]), int64(bom), maxDepth), nil
}

func newReader(r io.Reader, base int64, maxDepth int) *Reader {
	// Duplicate member names pass: the decoders report them in their own
	// terms.
	dec := jsontext.NewDecoder(r, jsontext.AllowDuplicateNames(true))
	return &Reader{dec: dec, base: base, maxDepth: maxDepth}
}

// Encoding checks the text encoding of a document from its first bytes
// (three are enough) and returns the length of a UTF-8 byte-order mark to
// skip, or 0. UTF-16 text, as Windows PowerShell's > writes it, is an
// ErrEncoding error that says how to convert it.
func Encoding(head []byte) (bom int, err error) {
	switch {
	case bytes.HasPrefix(head, utf8BOM):
		return 3, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}),
		len(head) >= 2 && (head[0] == 0) != (head[1] == 0):
		return 0, &Error{Err: ErrEncoding,
			Reason: "the file is UTF-16 text (as Windows PowerShell's > writes it); save it as UTF-8, for example with Out-File -Encoding utf8, or with iconv -f UTF-16 -t UTF-8"}
	}
	return 0, nil
}

// Kept returns the input from offset lo to offset hi as it was read, byte-
// order mark included, or nil when the Reader has not kept that part: it
// was not made by NewKeeping, the part was forgotten, or it has not been
// read yet. A negative hi means up to the last byte read, which after a
// successful Finish is the end of the input. The bytes are valid until the
// next read or Forget.
func (r *Reader) Kept(lo, hi int64) []byte {
	k := r.keep
	if k == nil {
		return nil
	}
	end := k.start + int64(len(k.buf)-k.lo)
	if hi < 0 {
		hi = end
	}
	if lo < k.start || hi > end || lo > hi {
		return nil
	}
	return k.buf[k.lo+int(lo-k.start) : k.lo+int(hi-k.start)]
}

// Forget lets a Reader made by NewKeeping drop the input before offset
// off; Kept returns nil for it from then on.
func (r *Reader) Forget(off int64) {
	k := r.keep
	if k == nil || off <= k.start {
		return
	}
	n := min(off-k.start, int64(len(k.buf)-k.lo))
	k.lo += int(n)
	k.start += n
}

// keeper is an io.Reader that keeps a copy of what it reads from r.
type keeper struct {
	r     io.Reader
	buf   []byte // buf[lo:] is the input from offset start on
	lo    int
	start int64
}

func (k *keeper) Read(p []byte) (int, error) {
	n, err := k.r.Read(p)
	if n > 0 {
		if len(k.buf)+n > cap(k.buf) && k.lo > 0 {
			// Move what is kept to the front before growing, so that
			// the buffer stays as large as what is kept, not as what
			// was read.
			m := copy(k.buf, k.buf[k.lo:])
			k.buf, k.lo = k.buf[:m], 0
		}
		k.buf = append(k.buf, p[:n]...)
	}
	return n, err
}

// Peek returns the kind of the next token without reading it, or 0 at the
// end of the input or on an error (which the next read returns).
func (r *Reader) Peek() jsontext.Kind { return r.dec.PeekKind() }

// Offset returns the offset of the next token: the end of the last one
// read, moved past white space and separators.
func (r *Reader) Offset() int64 {
	off := r.dec.InputOffset()
	for _, c := range r.dec.UnreadBuffer() {
		switch c {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return r.base + off
}

// End returns the offset just after the last token or value read.
func (r *Reader) End() int64 { return r.base + r.dec.InputOffset() }

// Depth returns the number of arrays and objects open.
func (r *Reader) Depth() int { return r.dec.StackDepth() }

// Token reads the next token and returns it with its offset. path, called
// only to report an error, names the value being read.
func (r *Reader) Token(path func() string) (jsontext.Token, int64, error) {
	r.dec.PeekKind()
	off := r.Offset()
	tok, err := r.dec.ReadToken()
	if err != nil {
		return jsontext.Token{}, off, r.wrap(err, path)
	}
	if k := tok.Kind(); (k == BeginArray || k == BeginObject) && r.dec.StackDepth() > r.maxDepth {
		return jsontext.Token{}, off, &Error{Offset: off, Path: path(), Err: ErrSyntax,
			Reason: "the document nests deeper than " + strconv.Itoa(r.maxDepth) + " levels"}
	}
	return tok, off, nil
}

// Value reads the next complete value and returns its bytes as they are in
// the input, with its offset. The bytes are valid until the next read.
func (r *Reader) Value(path func() string) (jsontext.Value, int64, error) {
	r.dec.PeekKind()
	off := r.Offset()
	v, err := r.dec.ReadValue()
	if err != nil {
		return nil, off, r.wrap(err, path)
	}
	if err := r.checkDepth(v, off, path); err != nil {
		return nil, off, err
	}
	return v, off, nil
}

// AppendText reads the next token, which Peek must have reported as a
// String (an object member name or a string value), appends its text,
// unescaped, to dst and returns it with the token's offset. It is Token
// without the allocation of Token's String: errors are Token's, and the
// offset of an error is the error's.
func (r *Reader) AppendText(dst []byte, path func() string) ([]byte, int64, error) {
	v, err := r.dec.ReadValue()
	if err != nil {
		err = r.wrap(err, path)
		return dst, err.(*Error).Offset, err
	}
	off := r.End() - int64(len(v)) // the value's bytes are as in the input
	if len(v) < 2 || v[0] != '"' {
		return dst, off, &Error{Offset: off, Path: path(), Err: ErrSyntax,
			Reason: "the value is not a string; expected a string"}
	}
	if bytes.IndexByte(v, '\\') < 0 {
		return append(dst, v[1:len(v)-1]...), off, nil
	}
	out, err := jsontext.AppendUnquote(dst, v)
	if err != nil { // the reader has checked the string
		return dst, off, &Error{Offset: off, Path: path(), Err: ErrSyntax, Reason: "the document is not valid JSON: " + err.Error()}
	}
	return out, off, nil
}

// depthOf returns the nesting depth of a well-formed value.
func depthOf(v []byte) int {
	if len(v) == 0 || v[0] != '[' && v[0] != '{' {
		return 0 // a string, number or literal: nothing to scan
	}
	depth, most := 0, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			for i++; i < len(v) && v[i] != '"'; i++ {
				if v[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			depth++
			most = max(most, depth)
		case ']', '}':
			depth--
		}
	}
	return most
}

// Skip reads the next value and discards it.
func (r *Reader) Skip(path func() string) error {
	v, err := r.dec.ReadValue()
	if err != nil {
		return r.wrap(err, path)
	}
	return r.checkDepth(v, r.End()-int64(len(v)), path)
}

// checkDepth reports a value v, read whole at offset off, that nests
// deeper than the Reader's limit once added to the arrays and objects
// around it.
func (r *Reader) checkDepth(v []byte, off int64, path func() string) error {
	if r.dec.StackDepth()+depthOf(v) > r.maxDepth {
		return &Error{Offset: off, Path: path(), Err: ErrSyntax,
			Reason: "the document nests deeper than " + strconv.Itoa(r.maxDepth) + " levels"}
	}
	return nil
}

// Finish checks that nothing but white space follows the document; what
// names the document ("policy") in the message.
func (r *Reader) Finish(what string) error {
	r.dec.PeekKind() // reads the white space that Offset skips
	off := r.Offset()
	switch _, err := r.dec.ReadToken(); err {
	case io.EOF:
		return nil
	case nil:
		return &Error{Offset: off, Err: ErrSyntax,
			Reason: "unexpected data after the end of the document; expected a single " + what}
	default:
		return r.wrap(err, func() string { return "" })
	}
}

// wrap turns an error of the token reader into an *Error.
func (r *Reader) wrap(err error, path func() string) error {
	off := r.Offset()
	var se *jsontext.SyntacticError
	if errors.As(err, &se) {
		off = r.base + se.ByteOffset
		err = se.Err
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return &Error{Offset: off, Path: path(), Err: ErrSyntax,
			Reason: "the document ends too early; a value, bracket or brace is missing"}
	}
	msg := err.Error()
	if strings.Contains(msg, "invalid UTF-8") {
		return &Error{Offset: off, Path: path(), Err: ErrEncoding,
			Reason: "a string holds bytes that are not UTF-8 text, which the service rejects; save the file as UTF-8"}
	}
	msg = strings.TrimPrefix(msg, "jsontext: ")
	return &Error{Offset: off, Path: path(), Err: ErrSyntax, Reason: "the document is not valid JSON: " + msg}
}

// maxQuoted is the number of characters past which Key and Member cut a
// member name.
const maxQuoted = 64

// Key appends an object member to a path: ".name" for a name that is an
// identifier, `["some key"]` otherwise. A name longer than 64 characters is cut
// and marked with "…", so that a huge name never makes a huge path.
func Key(path, key string) string {
	if isIdent(key) && len(key) <= maxQuoted { // identifiers are ASCII
		if path == "" {
			return key
		}
		return path + "." + key
	}
	return Member(path, key)
}

// Member appends an object member to a path in the form `["some key"]`,
// whatever the name, cutting a long one as Key does.
func Member(path, key string) string {
	n := 0
	for i := range key {
		if n == maxQuoted {
			key = key[:i] + "…"
			break
		}
		n++
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// Index appends an array index to a path.
func Index(path string, i int) string {
	return path + "[" + strconv.Itoa(i) + "]"
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9') {
			continue
		}
		return false
	}
	return true
}

// Next reads the next token for a decoder that walks a document of a
// known shape and needs speed: it reports the token's kind and, for a
// string (a member name too), a number or a literal, its bytes as they
// are in the input, a string with its quotes and escapes (see
// AppendUnquote). The bytes are valid until the next read. A bracket or
// brace comes without bytes. Unlike Token it computes no offset: the
// token started at End() minus its length (minus 1 for a bracket or
// brace). An error is an *Error with an empty Path, for the caller to
// fill.
func (r *Reader) Next() (jsontext.Kind, []byte, error) {
	switch k := r.dec.PeekKind(); k {
	case String, Number, Null, True, False:
		v, err := r.dec.ReadValue()
		if err != nil {
			return 0, nil, r.wrapNext(err)
		}
		return k, v, nil
	}
	tok, err := r.dec.ReadToken()
	if err != nil {
		return 0, nil, r.wrapNext(err)
	}
	k := tok.Kind()
	if (k == BeginArray || k == BeginObject) && r.dec.StackDepth() > r.maxDepth {
		return 0, nil, &Error{Offset: r.End() - 1, Err: ErrSyntax,
			Reason: "the document nests deeper than " + strconv.Itoa(r.maxDepth) + " levels"}
	}
	return k, nil, nil
}

// wrapNext is wrap for Next, except that an error of the underlying
// io.Reader is returned as it is: it says nothing about the document.
func (r *Reader) wrapNext(err error) error {
	var se *jsontext.SyntacticError
	if !errors.As(err, &se) && err != io.EOF && !errors.Is(err, io.ErrUnexpectedEOF) {
		if inner := errors.Unwrap(err); inner != nil {
			return inner // the reader's own error, without the token reader's wrapping
		}
		return err
	}
	return r.wrap(err, emptyPath)
}

func emptyPath() string { return "" }

// AppendUnquote appends the text of raw, a JSON string as Next returns
// it, to dst, with its escapes decoded. raw must come from Next, which
// has checked it.
func AppendUnquote(dst, raw []byte) []byte {
	out, _ := jsontext.AppendUnquote(dst, raw)
	return out
}

// Kind is the kind of a token, as Next and Peek report it.
type Kind = jsontext.Kind
