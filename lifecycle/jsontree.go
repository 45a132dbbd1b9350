package lifecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"
)

// This file reads JSON into a small tree that remembers the order of object
// members and where each value starts, so that decoding errors can name the
// JSON path of the offending value.

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

// jsonNode is one JSON value. Objects keep their members in document order.
type jsonNode struct {
	kind    jsonKind
	boolean bool
	text    string // string value, or the literal text of a number
	keys    []string
	keyOffs []int64     // byte offsets of the member names
	values  []*jsonNode // object member values or array elements
	offset  int64       // byte offset of the value in the input
}

// member returns the value of the object member named key, or nil.
func (n *jsonNode) member(key string) *jsonNode {
	for i, k := range n.keys {
		if k == key {
			return n.values[i]
		}
	}
	return nil
}

// maxDepth bounds the nesting of the documents the decoders read; the
// deepest valid document of this package nests six levels.
const maxDepth = 64

// parseJSON reads exactly one JSON value from data.
func parseJSON(data []byte) (*jsonNode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := treeParser{dec: dec, data: data}
	root, err := p.value("", 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &DecodeError{Offset: dec.InputOffset(), Err: ErrSyntax,
			Reason: "unexpected data after the end of the document; expected a single JSON value"}
	}
	return root, nil
}

type treeParser struct {
	dec  *json.Decoder
	data []byte
}

// next returns the offset of the next token: the decoder's offset moved
// past white space and the separators it has not consumed yet.
func (p *treeParser) next() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

func (p *treeParser) syntaxError(path string, err error) error {
	off := p.dec.InputOffset()
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

func (p *treeParser) value(path string, depth int) (*jsonNode, error) {
	off := p.next()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntaxError(path, err)
	}
	return p.fromToken(tok, off, path, depth)
}

func (p *treeParser) fromToken(tok json.Token, off int64, path string, depth int) (*jsonNode, error) {
	n := &jsonNode{offset: off}
	switch t := tok.(type) {
	case nil:
		n.kind = jsonNull
	case bool:
		n.kind, n.boolean = jsonBool, t
	case json.Number:
		n.kind, n.text = jsonNumber, string(t)
	case string:
		n.kind, n.text = jsonString, t
	case json.Delim:
		if depth >= maxDepth {
			return nil, &DecodeError{Path: path, Offset: off, Err: ErrSyntax,
				Reason: "the document nests deeper than " + strconv.Itoa(maxDepth) + " levels"}
		}
		switch t {
		case '[':
			n.kind = jsonArray
			for i := 0; ; i++ {
				eoff := p.next()
				tok, err := p.dec.Token()
				if err != nil {
					return nil, p.syntaxError(indexPath(path, i), err)
				}
				if tok == json.Delim(']') {
					return n, nil
				}
				v, err := p.fromToken(tok, eoff, indexPath(path, i), depth+1)
				if err != nil {
					return nil, err
				}
				n.values = append(n.values, v)
			}
		case '{':
			n.kind = jsonObject
			for {
				koff := p.next()
				tok, err := p.dec.Token()
				if err != nil {
					return nil, p.syntaxError(path, err)
				}
				if tok == json.Delim('}') {
					return n, nil
				}
				key, _ := tok.(string) // the decoder only yields strings here
				v, err := p.value(keyPath(path, key), depth+1)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.keyOffs = append(n.keyOffs, koff)
				n.values = append(n.values, v)
			}
		}
		return nil, &DecodeError{Path: path, Offset: off, Err: ErrSyntax, Reason: "unexpected " + strconv.Quote(t.String())}
	}
	return n, nil
}

// keyPath appends an object member to a JSON path: ".name" for names that
// are identifiers, `["some key"]` otherwise.
func keyPath(path, key string) string {
	if isIdent(key) {
		if path == "" {
			return key
		}
		return path + "." + key
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
