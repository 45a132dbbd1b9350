package filter

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/internal/jsonread"
)

// ParseFilters parses the text of a --filters argument: JSON when the text
// starts with "[" (a list of filters) or "{" (a single filter, as
// ListImageScanFindingAggregations' --filter takes), AWS CLI shorthand
// otherwise. Blank text yields nil: no filters.
//
// The JSON form is the request shape: objects with exactly the members
// "name" (a string) and "values" (a list of strings); member names are
// case-sensitive and any other member is an error. A null or missing
// member leaves the field empty, for Validate to report; a repeated member
// takes its last value.
//
// The shorthand holds one filter or several separated by whitespace, the
// way the CLI receives one filter per shell word:
//
//	name=platform,values=Linux,Windows
//	name=platform,values=[Linux,Windows] name=type,values=AMI
//	name=osVersion,values="Amazon Linux 2023"
//
// The grammar of one filter (whitespace around "=", "," and inside
// brackets is ignored):
//
//	filter  = member *("," member)
//	member  = ("name" / "values") "=" list
//	list    = "[" [value *("," value)] "]" / value *("," value)
//	value   = bare / quoted
//	bare    = 1*(any byte but whitespace , = [ ] { } " ' ; "\," is a comma)
//	quoted  = '"' … '"' / "'" … "'"  ; \" \' \\ escape, other bytes literal
//
// In the comma-separated form a following "name=" or "values=" ends the
// list and starts the next member. name takes a single value. A sole empty
// value ("values=") yields one empty value, which Validate rejects, as the
// service does. Keys are case-sensitive ("Name=" is an error), and each
// appears at most once per filter; a filter without values= has nil
// Values.
//
// Errors are ErrSyntax *Error values whose Value is text and whose Offset
// counts from its start.
func ParseFilters(text string) ([]Filter, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return nil, nil
	}
	if t[0] == '[' || t[0] == '{' {
		return parseJSONFilters(text)
	}
	p := shorthandParser{s: text}
	return p.parse()
}

// syntaxError reports filter text that cannot be parsed.
func syntaxError(text string, offset int, reason string) *Error {
	return &Error{Index: -1, Value: text, Offset: min(max(offset, 0), len(text)), Reason: reason, Err: ErrSyntax}
}

// jsonFilterParser reads the JSON form of ParseFilters token by token, so
// that members are checked in document order and errors carry offsets in
// the original text.
type jsonFilterParser struct {
	text string
	r    *jsonread.Reader
}

// parseJSONFilters reads a list of filters or a single filter, then the
// end of input.
func parseJSONFilters(text string) ([]Filter, error) {
	r, err := jsonread.NewBytes([]byte(text), 64)
	if err != nil {
		return nil, syntaxError(text, 0, "invalid JSON filters: "+err.Error())
	}
	p := jsonFilterParser{text: text, r: r}
	kind, _, err := p.token()
	if err != nil {
		return nil, err
	}
	var out []Filter
	if kind == '[' {
		out = []Filter{}
		for p.r.Peek() != jsonread.EndArray {
			at := p.r.Offset()
			kind, _, err := p.token()
			if err != nil {
				return nil, err
			}
			if kind != '{' {
				return nil, p.fail(at, `a filter is a JSON object with "name" and "values"`)
			}
			f, err := p.members()
			if err != nil {
				return nil, err
			}
			out = append(out, f)
		}
		if _, _, err := p.token(); err != nil { // ']'
			return nil, err
		}
	} else {
		f, err := p.members() // ParseFilters saw the '{'
		if err != nil {
			return nil, err
		}
		out = []Filter{f}
	}
	at := p.r.Offset()
	if err := p.r.Finish("list of filters"); err != nil {
		return nil, p.fail(at, "unexpected data after the filters")
	}
	return out, nil
}

// members reads the members of one filter object after its '{', and the
// closing '}'.
func (p *jsonFilterParser) members() (Filter, error) {
	var f Filter
	for p.r.Peek() != jsonread.EndObject {
		at := p.r.Offset()
		_, key, err := p.token()
		if err != nil {
			return Filter{}, err
		}
		switch key {
		case "name":
			f.Name, err = p.str(`"name"`)
		case "values":
			f.Values, err = p.values()
		default:
			return Filter{}, p.fail(at, "unknown filter member "+strconv.Quote(key)+`; want "name" and "values"`)
		}
		if err != nil {
			return Filter{}, err
		}
	}
	_, _, err := p.token() // '}'
	return f, err
}

// str reads a string or null.
func (p *jsonFilterParser) str(what string) (string, error) {
	at := p.r.Offset()
	k, s, err := p.token()
	if err != nil {
		return "", err
	}
	switch k {
	case '"':
		return s, nil
	case 'n':
		return "", nil
	}
	return "", p.fail(at, what+" is "+kindName(k)+"; expected a string")
}

// values reads a list of strings or null.
func (p *jsonFilterParser) values() ([]string, error) {
	at := p.r.Offset()
	k := p.r.Peek()
	if k == jsonread.Null {
		_, _, err := p.token()
		return nil, err
	}
	if k != jsonread.BeginArray {
		return nil, p.fail(at, `"values" is `+kindName(byte(k))+"; expected a list of strings")
	}
	if _, _, err := p.token(); err != nil {
		return nil, err
	}
	vs := []string{}
	for p.r.Peek() != jsonread.EndArray {
		v, err := p.str("a value")
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
	_, _, err := p.token() // ']'
	return vs, err
}

// token reads the next token and returns its kind and, for a string, its
// text; a malformed text is an *Error.
func (p *jsonFilterParser) token() (kind byte, text string, err error) {
	tok, _, err := p.r.Token(func() string { return "" })
	if err != nil {
		var je *jsonread.Error
		if errors.As(err, &je) {
			return 0, "", p.fail(je.Offset, je.Reason)
		}
		return 0, "", p.fail(p.r.Offset(), err.Error())
	}
	kind = byte(tok.Kind())
	if kind == '"' {
		text = tok.String()
	}
	return kind, text, nil
}

// fail returns the *Error for a problem at offset at, the start of the
// token or value being read.
func (p *jsonFilterParser) fail(at int64, reason string) error {
	if at >= int64(len(p.text)) {
		return syntaxError(p.text, len(p.text), "invalid JSON filters: unexpected end of the filters")
	}
	return syntaxError(p.text, int(at), "invalid JSON filters: "+reason)
}
