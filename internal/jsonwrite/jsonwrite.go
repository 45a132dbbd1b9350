// Package jsonwrite writes JSON one token at a time, without reflection,
// for the module's large outputs (the plan of a whole account). Its output
// is byte for byte what encoding/json's Encoder writes for the same values
// with SetEscapeHTML(false) and SetIndent("", indent): the same string
// escapes (control characters, U+2028 and U+2029 escaped, invalid UTF-8
// replaced by U+FFFD), "[]" and "{}" for empty containers, and ": " after
// a member name when indenting.
//
// A Writer checks nothing: the caller writes a well-formed sequence of
// tokens (a name before each member's value, containers closed in order).
package jsonwrite

import (
	"io"
	"strconv"
	"unicode/utf8"
)

// flushAt is the size at which a Writer with an io.Writer passes its
// buffer on.
const flushAt = 32 << 10

// Writer writes one JSON value.
type Writer struct {
	buf    []byte
	w      io.Writer // nil: the output stays in buf
	err    error     // the first error of w
	indent string
	depth  int
	empty  bool // the innermost open container has no element yet
	named  bool // a member name was written; its value comes next
}

// New returns a Writer that writes to w, indenting nested lines by indent
// ("" for compact output). With a nil w the output is kept for Bytes.
func New(w io.Writer, indent string) *Writer {
	size := 512
	if w != nil {
		size = flushAt + 4<<10
	}
	return &Writer{buf: make([]byte, 0, size), w: w, indent: indent}
}

// Bytes returns the output of a Writer made with a nil io.Writer.
func (w *Writer) Bytes() []byte { return w.buf }

// Flush writes the buffered output and a final newline, as
// encoding/json's Encoder ends each value, to the io.Writer, and returns
// the first error that writing met.
func (w *Writer) Flush() error {
	w.buf = append(w.buf, '\n')
	w.write()
	return w.err
}

func (w *Writer) write() {
	if w.err == nil && len(w.buf) > 0 {
		_, w.err = w.w.Write(w.buf)
	}
	w.buf = w.buf[:0]
}

// next starts a value or a member: the comma after the previous element
// and, when indenting, a new line.
func (w *Writer) next() {
	if w.named {
		w.named = false
		return
	}
	if w.depth == 0 {
		return
	}
	if w.w != nil && len(w.buf) >= flushAt {
		w.write()
	}
	if !w.empty {
		w.buf = append(w.buf, ',')
	}
	w.empty = false
	w.newline(w.depth)
}

func (w *Writer) newline(depth int) {
	if w.indent == "" {
		return
	}
	w.buf = append(w.buf, '\n')
	for range depth {
		w.buf = append(w.buf, w.indent...)
	}
}

// ObjectStart opens an object.
func (w *Writer) ObjectStart() { w.open('{') }

// ObjectEnd closes the innermost object.
func (w *Writer) ObjectEnd() { w.close('}') }

// ArrayStart opens an array.
func (w *Writer) ArrayStart() { w.open('[') }

// ArrayEnd closes the innermost array.
func (w *Writer) ArrayEnd() { w.close(']') }

func (w *Writer) open(c byte) {
	w.next()
	w.buf = append(w.buf, c)
	w.depth++
	w.empty = true
}

func (w *Writer) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline(w.depth)
	}
	w.buf = append(w.buf, c)
	w.empty = false
}

// Name writes the name of an object member; its value comes next.
func (w *Writer) Name(s string) {
	w.next()
	w.buf = appendString(w.buf, s)
	w.buf = append(w.buf, ':')
	if w.indent != "" {
		w.buf = append(w.buf, ' ')
	}
	w.named = true
}

// Member writes an object member whose value is the string value.
func (w *Writer) Member(name, value string) {
	w.Name(name)
	w.String(value)
}

// IntMember writes an object member whose value is the integer n.
func (w *Writer) IntMember(name string, n int) {
	w.Name(name)
	w.Int(n)
}

// String writes a string.
func (w *Writer) String(s string) {
	w.next()
	w.buf = appendString(w.buf, s)
}

// Int writes an integer.
func (w *Writer) Int(n int) {
	w.next()
	w.buf = strconv.AppendInt(w.buf, int64(n), 10)
}

// Bool writes true or false.
func (w *Writer) Bool(b bool) {
	w.next()
	w.buf = strconv.AppendBool(w.buf, b)
}

// Null writes null.
func (w *Writer) Null() {
	w.next()
	w.buf = append(w.buf, "null"...)
}

// Strings writes a list of strings, null for a nil one, as encoding/json
// does.
func (w *Writer) Strings(list []string) {
	if list == nil {
		w.Null()
		return
	}
	w.ArrayStart()
	for _, s := range list {
		w.String(s)
	}
	w.ArrayEnd()
}

const hex = "0123456789abcdef"

// appendString appends s quoted as encoding/json quotes it without HTML
// escaping.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= ' ' && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			// Valid JSON, but not valid JavaScript: encoding/json
			// escapes them always.
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
