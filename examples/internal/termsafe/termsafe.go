// Package termsafe makes text taken from input files fit to print on a
// terminal. Every text output of the example programs goes through it.
package termsafe

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// String returns s fit to print on a terminal: every control character (the
// C0 set with tab, carriage return, line feed and escape, DEL, and the C1
// set) and every byte that is not valid UTF-8 is written as a Go escape
// (\n, \r, \t, \x1b, \u0085, \xff), so that text taken from the input can
// neither move the cursor, rewrite a line, start an escape sequence nor
// split one value over two lines. Everything else, backslashes included,
// is kept as it is. Every text output of the examples goes through String; JSON
// output does not need it, as the encoder escapes these characters itself.
func String(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[i]))
		case isControl(r):
			switch r {
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				if r < 0x80 {
					b.WriteString(`\x`)
					b.WriteString(hex2(byte(r)))
				} else {
					b.WriteString(`\u00`)
					b.WriteString(hex2(byte(r)))
				}
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// needsEscape reports whether String would change s.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || isControl(r) {
			return true
		}
		i += size
	}
	return false
}

// isControl reports whether r is a C0 or C1 control character or DEL.
func isControl(r rune) bool { return r < 0x20 || (r >= 0x7f && r < 0xa0) }

func hex2(c byte) string {
	h := strconv.FormatUint(uint64(c), 16)
	if len(h) == 1 {
		h = "0" + h
	}
	return h
}
