package lifecycle

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

// jsonReader reads the tokens of one JSON document through the module's
// JSON layer and hands them to the decoders in encoding/json's token
// vocabulary (nil, bool, json.Number, string, json.Delim).
type jsonReader struct {
	r *jsonread.Reader
}

// newJSONReader returns a reader of data, which textEncoding has checked.
func newJSONReader(data []byte) *jsonReader {
	// The nesting limit of the layer is set above maxDepth: the decoders
	// check it themselves, to name the value that nests too deep.
	r, _ := jsonread.NewBytes(data, maxDepth+2)
	return &jsonReader{r: r}
}

// token reads the next token and returns it with its offset. path, which
// names the value being read, is called only to report an error. A string
// that is not valid UTF-8 in the input is an error: the service accepts
// only UTF-8 text.
func (r *jsonReader) token(path func() string) (json.Token, int64, error) {
	tok, off, err := r.r.Token(path)
	if err != nil {
		return nil, off, decodeError(err)
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

// skip reads the next value and discards it.
func (r *jsonReader) skip(path func() string) error {
	return decodeError(r.r.Skip(path))
}

// end checks that nothing but white space follows the document.
func (r *jsonReader) end(what string) error {
	return decodeError(r.r.Finish(what))
}

// decodeError turns an error of the JSON layer into a *DecodeError.
func decodeError(err error) error {
	var je *jsonread.Error
	if !errors.As(err, &je) {
		return err
	}
	sentinel := ErrSyntax
	if errors.Is(err, jsonread.ErrEncoding) {
		sentinel = ErrEncoding
	}
	return &DecodeError{Path: je.Path, Offset: je.Offset, Err: sentinel, Reason: je.Reason}
}

func tooDeep(path string, off int64) error {
	return &DecodeError{Path: path, Offset: off, Err: ErrSyntax,
		Reason: "the document nests deeper than " + strconv.Itoa(maxDepth) + " levels"}
}

// keyPath appends an object member to a JSON path: ".name" for names that
// are identifiers, `["some key"]` otherwise, long names cut.
func keyPath(path, key string) string { return jsonread.Key(path, key) }

// bracketPath appends an object member to a JSON path in the form
// `["some key"]`, cutting a long name as keyPath does.
func bracketPath(path, key string) string { return jsonread.Member(path, key) }

// indexPath appends an array index to a JSON path.
func indexPath(path string, i int) string { return jsonread.Index(path, i) }

// textEncoding strips a UTF-8 byte-order mark from data and returns the
// rest with the number of bytes removed. Text in UTF-16, as Windows
// PowerShell's > writes it, is refused with a *DecodeError that says how
// to convert it.
func textEncoding(data []byte) ([]byte, int64, error) {
	bom, err := jsonread.Encoding(data)
	if err != nil {
		return nil, 0, decodeError(err)
	}
	return data[bom:], int64(bom), nil
}
