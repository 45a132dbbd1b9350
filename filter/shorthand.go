package filter

import (
	"bytes"
	"strconv"
	"strings"
)

// quote quotes s for a message.
func quote(s string) string { return strconv.Quote(s) }

type shorthandParser struct {
	s string
	i int
}

func (p *shorthandParser) fail(reason string) error {
	return syntaxError(p.s, p.i, reason)
}

func (p *shorthandParser) space() {
	for p.i < len(p.s) && isSpace(p.s[p.i]) {
		p.i++
	}
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func (p *shorthandParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *shorthandParser) parse() ([]Filter, error) {
	var out []Filter
	p.space()
	for p.i < len(p.s) {
		f, err := p.filter()
		if err != nil {
			return nil, err
		}
		out = append(out, f)
		p.space()
	}
	return out, nil
}

func (p *shorthandParser) filter() (Filter, error) {
	var f Filter
	seenName, seenValues := false, false
	for {
		keyAt := p.i
		key := p.key()
		p.space()
		if p.peek() != '=' {
			p.i = keyAt
			if key == "" {
				return Filter{}, p.fail(`expected "name=" or "values="`)
			}
			return Filter{}, p.fail(`expected "=" after ` + quote(key))
		}
		p.i++
		p.space()
		switch key {
		case "name":
			if seenName {
				p.i = keyAt
				return Filter{}, p.fail(`"name" given twice`)
			}
			seenName = true
			if p.peek() == '[' {
				return Filter{}, p.fail(`"name" takes a single value, not a list`)
			}
			vs, err := p.list()
			if err != nil {
				return Filter{}, err
			}
			if len(vs) != 1 {
				p.i = keyAt
				return Filter{}, p.fail(`"name" takes exactly one value`)
			}
			f.Name = vs[0]
		case "values":
			if seenValues {
				p.i = keyAt
				return Filter{}, p.fail(`"values" given twice`)
			}
			seenValues = true
			vs, err := p.list()
			if err != nil {
				return Filter{}, err
			}
			f.Values = vs
		default:
			p.i = keyAt
			return Filter{}, p.fail(`unknown key ` + quote(key) + `; want "name" or "values" (case-sensitive)`)
		}
		// After a member: "," continues the filter; whitespace or the end
		// ends it.
		save := p.i
		p.space()
		if p.peek() != ',' {
			p.i = save
			if p.i < len(p.s) && !isSpace(p.s[p.i]) {
				return Filter{}, p.fail(`expected ",", whitespace or the end`)
			}
			return f, nil
		}
		p.i++
		p.space()
	}
}

// key reads ASCII letters and digits.
func (p *shorthandParser) key() string {
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			break
		}
		p.i++
	}
	return p.s[start:p.i]
}

// list reads an explicit [..] list or a comma-separated list of values.
func (p *shorthandParser) list() ([]string, error) {
	if p.peek() == '[' {
		p.i++
		vs := []string{}
		p.space()
		if p.peek() == ']' {
			p.i++
			return vs, nil
		}
		for {
			v, err := p.value(false)
			if err != nil {
				return nil, err
			}
			vs = append(vs, v)
			p.space()
			switch p.peek() {
			case ',':
				p.i++
				p.space()
			case ']':
				p.i++
				return vs, nil
			default:
				return nil, p.fail(`expected "," or "]"`)
			}
		}
	}
	first, err := p.value(true)
	if err != nil {
		return nil, err
	}
	vs := []string{first}
	for {
		save := p.i
		p.space()
		if p.peek() != ',' {
			p.i = save
			return vs, nil
		}
		p.i++
		p.space()
		if p.atKey() {
			p.i = save // the comma separates members
			return vs, nil
		}
		v, err := p.value(false)
		if err != nil {
			return nil, err
		}
		vs = append(vs, v)
	}
}

// atKey reports whether a member key ("name=", "values=", or any other
// letters followed by "=") starts at the current position.
func (p *shorthandParser) atKey() bool {
	save := p.i
	defer func() { p.i = save }()
	if p.key() == "" {
		return false
	}
	p.space()
	return p.peek() == '='
}

// value reads one bare or quoted value. allowEmpty admits an empty bare
// value (a sole "values=").
func (p *shorthandParser) value(allowEmpty bool) (string, error) {
	switch c := p.peek(); c {
	case '"', '\'':
		return p.quoted(c)
	case '[', '{', '}', ']':
		return "", p.fail("unexpected " + quote(string(c)) + "; quote values that contain it")
	}
	var b strings.Builder
	start := p.i
	for p.i < len(p.s) {
		c := p.s[p.i]
		if c == '\\' && p.i+1 < len(p.s) && p.s[p.i+1] == ',' {
			b.WriteByte(',')
			p.i += 2
			continue
		}
		if isSpace(c) || c == ',' || c == '=' || c == '[' || c == ']' || c == '{' || c == '}' || c == '"' || c == '\'' {
			break
		}
		b.WriteByte(c)
		p.i++
	}
	if p.i == start && !allowEmpty {
		return "", p.fail("expected a value")
	}
	if p.i < len(p.s) && (p.s[p.i] == '=' || p.s[p.i] == '"' || p.s[p.i] == '\'' || p.s[p.i] == '{' || p.s[p.i] == '}' || p.s[p.i] == '[') {
		return "", p.fail("unexpected " + quote(p.s[p.i:p.i+1]) + " in a value; quote the value")
	}
	return b.String(), nil
}

// quoted reads a value in quotes q; backslash escapes q and itself.
func (p *shorthandParser) quoted(q byte) (string, error) {
	open := p.i
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '\\' && p.i+1 < len(p.s) && (p.s[p.i+1] == q || p.s[p.i+1] == '\\'):
			b.WriteByte(p.s[p.i+1])
			p.i += 2
		case c == q:
			p.i++
			return b.String(), nil
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	p.i = open
	return "", p.fail("unterminated quoted value")
}

// FormatShorthand writes filters in the shorthand ParseFilters reads, one
// filter per whitespace-separated group, quoting values (with double
// quotes) that need it. ParseFilters(FormatShorthand(fs)) returns fs,
// except that no filters at all (nil or empty) format as "".
func FormatShorthand(filters []Filter) string {
	var b bytes.Buffer
	for i, f := range filters {
		if i > 0 {
			b.WriteByte(' ')
		}
		wrote := false
		if f.Name != "" || f.Values == nil {
			b.WriteString("name=")
			writeValue(&b, f.Name)
			wrote = true
		}
		if f.Values != nil {
			if wrote {
				b.WriteByte(',')
			}
			b.WriteString("values=[")
			for j, v := range f.Values {
				if j > 0 {
					b.WriteByte(',')
				}
				writeValue(&b, v)
			}
			b.WriteByte(']')
		}
	}
	return b.String()
}

func writeValue(b *bytes.Buffer, v string) {
	if !needsQuotes(v) {
		b.WriteString(v)
		return
	}
	b.WriteByte('"')
	for i := 0; i < len(v); i++ {
		if v[i] == '"' || v[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(v[i])
	}
	b.WriteByte('"')
}

func needsQuotes(v string) bool {
	if v == "" {
		return true
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case isSpace(c), c == ',', c == '=', c == '[', c == ']', c == '{', c == '}', c == '"', c == '\'', c == '\\':
			return true
		}
	}
	return false
}
