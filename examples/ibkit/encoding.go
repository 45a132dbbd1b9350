package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"unicode/utf16"
	"unicode/utf8"
)

// utf8BOM is the byte order mark some Windows tools write at the start of
// a UTF-8 file; JSON and the value lists do not allow it, so it is dropped.
const utf8BOM = "\xef\xbb\xbf"

// errUTF32 refuses UTF-32 input, which no tool this command reads from
// writes by default.
var errUTF32 = errors.New("the file is UTF-32 text; save it as UTF-8, " +
	"for example with PowerShell's Out-File -Encoding utf8")

// toUTF8 returns input as UTF-8 text: a UTF-8 byte order mark is dropped,
// and UTF-16 text (what Windows PowerShell 5's > and Out-File write by
// default: little-endian with a byte order mark) is converted, with or
// without its mark. Any other bytes are returned as they are, for the
// decoders to judge.
func toUTF8(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte(utf8BOM)):
		return b[len(utf8BOM):], nil
	case bytes.HasPrefix(b, []byte{0xff, 0xfe, 0, 0}), bytes.HasPrefix(b, []byte{0, 0, 0xfe, 0xff}):
		return nil, errUTF32
	case bytes.HasPrefix(b, []byte{0xff, 0xfe}):
		return fromUTF16(b[2:], binary.LittleEndian), nil
	case bytes.HasPrefix(b, []byte{0xfe, 0xff}):
		return fromUTF16(b[2:], binary.BigEndian), nil
	case len(b) >= 4 && len(b)%2 == 0 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0:
		// UTF-16LE without a mark: JSON and version lists start with two
		// ASCII characters, whose high bytes are zero.
		return fromUTF16(b, binary.LittleEndian), nil
	case len(b) >= 4 && len(b)%2 == 0 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0:
		return fromUTF16(b, binary.BigEndian), nil
	}
	return b, nil
}

// fromUTF16 converts UTF-16 text in the given byte order to UTF-8; an odd
// trailing byte and unpaired surrogates become U+FFFD.
func fromUTF16(b []byte, order binary.ByteOrder) []byte {
	units := make([]uint16, len(b)/2)
	for i := range units {
		units[i] = order.Uint16(b[2*i:])
	}
	out := make([]byte, 0, len(b)/2+len(b)%2*3)
	for _, r := range utf16.Decode(units) {
		out = utf8.AppendRune(out, r)
	}
	if len(b)%2 == 1 {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	return out
}
