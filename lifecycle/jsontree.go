package lifecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads JSON as a stream of tokens that carry their byte
// offsets, so that the decoders check each value as they read it, stop at
// the first problem and name its JSON path, without first building a tree
// of the whole document.

// jsonKind is the kind of a JSON value.
type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// String names the kind with an article, for messages ("an array").
func (k jsonKind) String() string {
	switch k {
	case jsonNull:
		return "null"
	case jsonBool:
		return "a boolean"
	case jsonNumber:
		return "a number"
	case jsonString:
		return "a string"
	case jsonArray:
		return "an array"
	}
	return "an object"
}

// kindOf returns the kind of the value that tok starts.
func kindOf(tok json.Token) jsonKind {
	switch t := tok.(type) {
	case nil:
		return jsonNull
	case bool:
		return jsonBool
	case json.Number:
		return jsonNumber
	case string:
		return jsonString
	case json.Delim:
		if t == '[' {
			return jsonArray
		}
	}
	return jsonObject
}

// maxDepth bounds the nesting of the documents the decoders read; the
// deepest valid document of this package nests six levels.
const maxDepth = 64

// jsonReader reads the tokens of one JSON document.
type jsonReader struct {
	dec  *json.Decoder
	data []byte
}

func newJSONReader(data []byte) *jsonReader {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return &jsonReader{dec: dec, data: data}
}

// next returns the offset of the next token: the decoder's offset moved
// past white space and the separators it has not consumed yet.
func (r *jsonReader) next() int64 {
	off := r.dec.InputOffset()
	for off < int64(len(r.data)) {
		switch r.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// token reads the next token and returns it with its offset. path, which
// names the value being read, is called only to report an error. A string
// that is not valid UTF-8 in the input is an error: the service accepts
// only UTF-8 text.
func (r *jsonReader) token(path func() string) (json.Token, int64, error) {
	off := r.next()
	tok, err := r.dec.Token()
	if err != nil {
		return nil, off, r.syntaxError(path(), err)
	}
	if s, ok := tok.(string); ok && strings.ContainsRune(s, utf8.RuneError) {
		if end := r.dec.InputOffset(); end <= int64(len(r.data)) && !utf8.Valid(r.data[off:end]) {
			bad := off
			for bad < end && utf8.FullRune(r.data[bad:end]) {
				c, size := utf8.DecodeRune(r.data[bad:end])
				if c == utf8.RuneError && size == 1 {
					break
				}
				bad += int64(size)
			}
			return nil, bad, &DecodeError{Path: path(), Offset: bad, Err: ErrEncoding,
				Reason: "a string holds bytes that are not UTF-8 text, which the service rejects; save the file as UTF-8"}
		}
	}
	return tok, off, nil
}

// end checks that nothing but white space follows the document.
func (r *jsonReader) end(what string) error {
	if _, err := r.dec.Token(); err != io.EOF {
		return &DecodeError{Offset: r.dec.InputOffset(), Err: ErrSyntax,
			Reason: "unexpected data after the end of the document; expected a single " + what}
	}
	return nil
}

func (r *jsonReader) syntaxError(path string, err error) error {
	off := r.dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	reason := "the document is not valid JSON"
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		reason = "the document ends too early; a value, bracket or brace is missing"
	} else if err != nil {
		reason = "the document is not valid JSON: " + trimJSONPrefix(err.Error())
	}
	return &DecodeError{Path: path, Offset: off, Err: ErrSyntax, Reason: reason}
}

func trimJSONPrefix(s string) string {
	if len(s) > 6 && s[:6] == "json: " {
		return s[6:]
	}
	return s
}

func tooDeep(path string, off int64) error {
	return &DecodeError{Path: path, Offset: off, Err: ErrSyntax,
		Reason: "the document nests deeper than " + strconv.Itoa(maxDepth) + " levels"}
}

// keyPath appends an object member to a JSON path: ".name" for names that
// are identifiers, `["some key"]` otherwise. A name longer than maxQuoted
// characters is cut to that many, followed by "…", so that a huge name
// never makes a huge path.
func keyPath(path, key string) string {
	if isIdent(key) && len(key) <= maxQuoted {
		if path == "" {
			return key
		}
		return path + "." + key
	}
	return bracketPath(path, key)
}

// bracketPath appends an object member to a JSON path in the form
// `["some key"]`, cutting a long name as keyPath does.
func bracketPath(path, key string) string {
	if p, cut := prefix(key); cut {
		key = p + "…"
	}
	return path + "[" + strconv.Quote(key) + "]"
}

// indexPath appends an array index to a JSON path.
func indexPath(path string, i int) string {
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

// textEncoding strips a UTF-8 byte-order mark from data and returns the
// rest with the number of bytes removed. Text in UTF-16, as Windows
// PowerShell's > writes it, is refused with a *DecodeError that says how
// to convert it.
func textEncoding(data []byte) ([]byte, int64, error) {
	if bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}) {
		return data[3:], 3, nil
	}
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) ||
		len(data) >= 2 && (data[0] == 0) != (data[1] == 0) {
		return nil, 0, &DecodeError{Offset: 0, Err: ErrEncoding,
			Reason: "the file is UTF-16 text (as Windows PowerShell's > writes it); save it as UTF-8, for example with Out-File -Encoding utf8, or with iconv -f UTF-16 -t UTF-8"}
	}
	return data, 0, nil
}
