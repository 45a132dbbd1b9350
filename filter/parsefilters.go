package filter

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// ParseFilters parses the text of a --filters argument: JSON when the text
// starts with "[" (a list of filters) or "{" (a single filter, as
// ListImageScanFindingAggregations' --filter takes), AWS CLI shorthand
// otherwise (see ParseShorthand). Blank text yields nil: no filters.
//
// The JSON form is the request shape: objects with exactly the members
// "name" (a string) and "values" (a list of strings); member names are
// case-sensitive and any other member is an error. A null or missing
// member leaves the field empty, for Validate to report; a repeated member
// takes its last value. Errors are *SyntaxError values whose Offset counts
// from the start of text.
func ParseFilters(text string) ([]Filter, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return nil, nil
	}
	if t[0] == '[' || t[0] == '{' {
		p := jsonFilterParser{text: text, dec: json.NewDecoder(strings.NewReader(text))}
		return p.parse()
	}
	return ParseShorthand(text)
}

// jsonFilterParser reads the JSON form of ParseFilters token by token, so
// that members are checked in document order and errors carry offsets in
// the original text.
type jsonFilterParser struct {
	text string
	dec  *json.Decoder
}

// parse reads a list of filters or a single filter, then the end of input.
func (p *jsonFilterParser) parse() ([]Filter, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.fail(0, err)
	}
	var out []Filter
	if tok == json.Delim('[') {
		out = []Filter{}
		for p.dec.More() {
			at := p.next()
			tok, err := p.dec.Token()
			if err != nil {
				return nil, p.fail(at, err)
			}
			if tok != json.Delim('{') {
				return nil, p.fail(at, errNotFilterObject)
			}
			f, err := p.members()
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
	} else {
		f, err := p.members() // ParseFilters saw the '{'
		if err != nil {
			return nil, err
		}
		out = []Filter{f}
	}
	if tok == json.Delim('[') {
		if _, err := p.dec.Token(); err != nil { // ']'
			return nil, p.fail(p.next(), err)
		}
	}
	at := p.next()
	if _, err := p.dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("unexpected data after the filters")
		}
		return nil, p.fail(at, err)
	}
	return out, nil
}

var errNotFilterObject = errors.New(`a filter is a JSON object with "name" and "values"`)

// members reads the members of one filter object after its '{', and the
// closing '}'.
func (p *jsonFilterParser) members() (Filter, error) {
	var f Filter
	for p.dec.More() {
		at := p.next()
		tok, err := p.dec.Token()
		if err != nil {
			return Filter{}, p.fail(at, err)
		}
		key, _ := tok.(string)
		var v json.RawMessage
		if err := p.dec.Decode(&v); err != nil {
			return Filter{}, p.fail(p.next(), err)
		}
		valueAt := int(p.dec.InputOffset()) - len(v)
		switch key {
		case "name":
			err = json.Unmarshal(v, &f.Name)
		case "values":
			err = json.Unmarshal(v, &f.Values)
		default:
			return Filter{}, p.fail(at, errors.New("unknown filter member "+quote(key)+`; want "name" and "values"`))
		}
		if err != nil {
			return Filter{}, p.fail(valueAt, err)
		}
	}
	if _, err := p.dec.Token(); err != nil { // '}'
		return Filter{}, p.fail(p.next(), err)
	}
	return f, nil
}

// next returns the offset of the next token: the decoder's position
// moved past blanks and one ',' or ':' separator.
func (p *jsonFilterParser) next() int {
	i := int(p.dec.InputOffset())
	sep := false
	for i < len(p.text) {
		switch c := p.text[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case (c == ',' || c == ':') && !sep:
			sep = true
		default:
			return i
		}
		i++
	}
	return i
}

// fail returns the *SyntaxError for err at offset at, the start of the
// token or value being read. (The Offset of a json.SyntaxError from a
// Decoder that mixes Token and Decode calls does not count from the start
// of the input, so it is not used.)
func (p *jsonFilterParser) fail(at int, err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		at, err = len(p.text), errors.New("unexpected end of the filters")
	}
	return &SyntaxError{Input: p.text, Offset: min(max(at, 0), len(p.text)), Reason: "invalid JSON filters: " + err.Error()}
}
