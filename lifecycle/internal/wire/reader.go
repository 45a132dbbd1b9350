package wire

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/ibkit/ibkit/internal/jsonread"
)

// This file reads JSON as a stream of tokens that carry their byte
// offsets, so that the decoders check each value as they read it, stop at
// the first problem and name its JSON path, without first building a tree
// of the whole document.

// Kind is the kind of a JSON value.
type Kind uint8

const (
	jsonNull Kind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
)

// String names the kind with an article, for messages ("an array").
func (k Kind) String() string {
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

// KindOf returns the kind of the value that tok starts.
func KindOf(tok json.Token) Kind {
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

// MaxDepth bounds the nesting of the documents the decoders read; the
// deepest valid document of this package nests six levels.
const MaxDepth = 64

// Reader reads the tokens of one JSON document through the module's
// JSON layer and hands them to the decoders in encoding/json's token
// vocabulary (nil, bool, json.Number, string, json.Delim).
type Reader struct {
	r *jsonread.Reader
}

// NewReader returns a reader of data, which TextEncoding has checked.
func NewReader(data []byte) *Reader {
	// The nesting limit of the layer is set above MaxDepth: the decoders
	// check it themselves, to name the value that nests too deep.
	r, _ := jsonread.NewBytes(data, MaxDepth+2)
	return &Reader{r: r}
}

// Token reads the next token and returns it with its offset. path, which
// names the value being read, is called only to report an error. A string
// that is not valid UTF-8 in the input is an error: the service accepts
// only UTF-8 text.
func (r *Reader) Token(path func() string) (json.Token, int64, error) {
	tok, off, err := r.r.Token(path)
	if err != nil {
		return nil, off, FromReader(err)
	}
	switch tok.Kind() {
	case jsonread.Null:
		return nil, off, nil
	case jsonread.True:
		return true, off, nil
	case jsonread.False:
		return false, off, nil
	case jsonread.Number:
		return json.Number(tok.String()), off, nil
	case jsonread.String:
		return tok.String(), off, nil
	}
	return json.Delim(tok.Kind()), off, nil
}

// Skip reads the next value and discards it.
func (r *Reader) Skip(path func() string) error {
	return FromReader(r.r.Skip(path))
}

// End checks that nothing but white space follows the document.
func (r *Reader) End(what string) error {
	return FromReader(r.r.Finish(what))
}

// FromReader turns an error of the token reader (a *jsonread.Error) into
// an *Error; other errors are returned as they are.
func FromReader(err error) error {
	if err == nil {
		return nil
	}
	var je *jsonread.Error
	if !errors.As(err, &je) {
		return err
	}
	return &Error{Path: je.Path, Offset: je.Offset, Code: CodeSyntax, Reason: je.Reason}
}

func TooDeep(path string, off int64) error {
	return &Error{Path: path, Offset: off, Code: CodeSyntax,
		Reason: "the document nests deeper than " + strconv.Itoa(MaxDepth) + " levels"}
}

// TextEncoding strips a UTF-8 byte-order mark from data and returns the
// rest with the number of bytes removed. Text in UTF-16, as Windows
// PowerShell's > writes it, is refused with a *Error that says how
// to convert it.
func TextEncoding(data []byte) ([]byte, int64, error) {
	bom, err := jsonread.Encoding(data)
	if err != nil {
		return nil, 0, FromReader(err)
	}
	return data[bom:], int64(bom), nil
}
