package iac

import (
	"bytes"
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/ibkit/ibkit/internal/jsonread"
)

// nodeKind is the kind of a value in a source tree.
type nodeKind uint8

const (
	kindNull nodeKind = iota
	kindBool
	kindNumber
	kindString
	kindSeq
	kindMap
	// kindUnknown is a value that cannot be known offline: an intrinsic
	// function ibkit cannot evaluate, or a Terraform value known only
	// after apply.
	kindUnknown
	// kindNoValue is CloudFormation's AWS::NoValue: the member or element
	// holding it is removed.
	kindNoValue
)

func (k nodeKind) String() string {
	switch k {
	case kindNull:
		return "null"
	case kindBool:
		return "a boolean"
	case kindNumber:
		return "a number"
	case kindString:
		return "a string"
	case kindSeq:
		return "a list"
	case kindMap:
		return "an object"
	case kindUnknown:
		return "an unresolved value"
	}
	return "AWS::NoValue"
}

// node is one value of a JSON or YAML document, with the line and column
// (both 1-based) where it starts. Maps keep their members in document
// order.
type node struct {
	kind  nodeKind
	text  string // scalar text: the string, the number literal, "true" or "false"
	keys  []string
	items []*node // list elements, or map values in the order of keys
	line  int
	col   int
	// short is the YAML short-form tag the value was written with, such
	// as "!Ref", so that messages show the expression as the user wrote it.
	short string
	// orig holds, for a list from which AWS::NoValue elements were
	// dropped, the index each element had as written.
	orig []int
	// For kindUnknown: the expression as written, why it cannot be
	// resolved, and the --parameter key that supplies it ("" for none).
	expr, why, key string
}

// member returns the value of map member k, or nil.
func (n *node) member(k string) *node {
	if n == nil || n.kind != kindMap {
		return nil
	}
	for i, key := range n.keys {
		if key == k {
			return n.items[i]
		}
	}
	return nil
}

// origIndex returns the index list element i had as written.
func (n *node) origIndex(i int) int {
	if i < len(n.orig) {
		return n.orig[i]
	}
	return i
}

// isScalar reports whether n is a string, number or boolean.
func (n *node) isScalar() bool {
	return n.kind == kindString || n.kind == kindNumber || n.kind == kindBool
}

// maxNodes bounds the number of values in a tree.
const maxNodes = 1 << 20

// maxDepth bounds the nesting of lists and objects in a document.
const maxDepth = 10000

// parseJSON reads one JSON value into a tree through jsonread, the
// module's JSON reading layer. Syntax errors and members given twice are
// *Errors with the line and column.
func parseJSON(data []byte) (*node, error) {
	p, err := newJSONParser(data)
	if err != nil {
		return nil, err
	}
	return p.parse()
}

type jsonParser struct {
	r     *jsonread.Reader
	nodes int
	pos   position
}

func newJSONParser(data []byte) (*jsonParser, error) {
	r, err := jsonread.NewBytes(data, maxDepth)
	p := &jsonParser{r: r, pos: position{data: data, line: 1, col: 1}}
	if err != nil {
		return nil, p.syntax(err)
	}
	return p, nil
}

func (p *jsonParser) parse() (*node, error) {
	root, err := p.value()
	if err != nil {
		return nil, err
	}
	off := p.r.Offset()
	if err := p.r.Finish("value"); err != nil {
		return nil, p.errorAt(off, "unexpected data after the top-level value")
	}
	return root, nil
}

// noPath is the path jsonread's errors carry: iac gives positions instead.
func noPath() string { return "" }

// errorAt returns the syntax error at byte offset off.
func (p *jsonParser) errorAt(off int64, reason string) error {
	line, col := p.pos.at(off)
	return &Error{Format: "JSON", Line: line, Column: col, Reason: reason, Err: ErrSyntax}
}

// syntax turns an error of jsonread into a syntax error at its offset.
func (p *jsonParser) syntax(err error) error {
	var je *jsonread.Error
	if !errors.As(err, &je) {
		return &Error{Format: "JSON", Reason: err.Error(), Err: ErrSyntax}
	}
	return p.errorAt(je.Offset, je.Reason)
}

// value reads the next value: a scalar, or a list or object with all it
// holds.
func (p *jsonParser) value() (*node, error) {
	if k := p.r.Peek(); (k == jsonread.BeginArray || k == jsonread.BeginObject) && p.r.Depth() >= maxDepth {
		return nil, p.errorAt(p.r.Offset(), "lists and objects are nested more than "+strconv.Itoa(maxDepth)+" deep")
	}
	tok, off, err := p.r.Token(noPath)
	if err != nil {
		return nil, p.syntax(err)
	}
	p.nodes++
	if p.nodes > maxNodes {
		return nil, &Error{Format: "JSON", Err: ErrSyntax, Reason: "the document has more than " + strconv.Itoa(maxNodes) + " values"}
	}
	line, col := p.pos.at(off)
	n := &node{line: line, col: col}
	switch tok.Kind() {
	case jsonread.Null:
		n.kind = kindNull
	case jsonread.True, jsonread.False:
		n.kind, n.text = kindBool, strconv.FormatBool(tok.Bool())
	case jsonread.Number:
		n.kind, n.text = kindNumber, tok.String()
	case jsonread.String:
		n.kind, n.text = kindString, tok.String()
	case jsonread.BeginArray:
		n.kind = kindSeq
		for p.r.Peek() != jsonread.EndArray {
			item, err := p.value()
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, item)
		}
		if _, _, err := p.r.Token(noPath); err != nil {
			return nil, p.syntax(err)
		}
	case jsonread.BeginObject:
		n.kind = kindMap
		seen := map[string]bool{}
		for p.r.Peek() != jsonread.EndObject {
			ktok, koff, err := p.r.Token(noPath)
			if err != nil {
				return nil, p.syntax(err)
			}
			key := ktok.String()
			if seen[key] {
				return nil, p.errorAt(koff, "member "+strconv.Quote(key)+" is given twice; keep one")
			}
			seen[key] = true
			val, err := p.value()
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, key)
			n.items = append(n.items, val)
		}
		if _, _, err := p.r.Token(noPath); err != nil {
			return nil, p.syntax(err)
		}
	}
	return n, nil
}

// position converts byte offsets into lines and columns. Offsets asked
// for in increasing order, as a parser does, cost only the bytes between
// them; an earlier offset starts again from the beginning.
type position struct {
	data      []byte
	off       int // the offset last asked for, at line and col
	line, col int
	// scanned counts the bytes examined, for tests of the cost.
	scanned int
}

// at returns the 1-based line and the 1-based column, counted in
// characters, of byte offset off.
func (p *position) at(off int64) (int, int) {
	o := int(min(max(off, 0), int64(len(p.data))))
	if o < p.off {
		p.off, p.line, p.col = 0, 1, 1
	}
	seg := p.data[p.off:o]
	p.scanned += len(seg)
	if i := bytes.LastIndexByte(seg, '\n'); i >= 0 {
		p.line += bytes.Count(seg, []byte{'\n'})
		p.col = utf8.RuneCount(seg[i+1:]) + 1
	} else {
		p.col += utf8.RuneCount(seg)
	}
	p.off = o
	return p.line, p.col
}

// parseYAML reads the first YAML document into a tree. CloudFormation's
// short-form tags become the long form: !Ref X becomes {"Ref": X},
// !GetAtt A.B becomes {"Fn::GetAtt": ["A", "B"]} and !Name V becomes
// {"Fn::Name": V}. Malformed YAML and mapping keys given twice are
// *Errors with the line and column.
func parseYAML(data []byte) (*node, error) {
	var doc yaml.Node
	if err := yaml.Load(data, &doc); err != nil {
		re := &Error{Format: "YAML", Err: ErrSyntax, Reason: err.Error()}
		var le *yaml.LoadError
		if errors.As(err, &le) {
			re.Line, re.Column, re.Reason = le.Mark.Line, le.Mark.Column, le.Message
			if le.ContextMsg != "" {
				re.Reason = le.ContextMsg + ": " + le.Message
			}
		}
		return nil, re
	}
	y := yamlConverter{}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return &node{kind: kindNull, line: 1, col: 1}, nil
		}
		root = root.Content[0]
	}
	return y.convert(root, 0)
}

type yamlConverter struct{ nodes int }

func (y *yamlConverter) convert(n *yaml.Node, depth int) (*node, error) {
	y.nodes++
	if y.nodes > maxNodes || depth > maxDepth {
		return nil, &Error{Format: "YAML", Line: n.Line, Column: n.Column, Err: ErrSyntax,
			Reason: "the document has more than " + strconv.Itoa(maxNodes) + " values or is nested more than " +
				strconv.Itoa(maxDepth) + " deep"}
	}
	switch {
	case n.Kind == yaml.AliasNode:
		return nil, noAliases(n, "alias *"+n.Value)
	case n.Anchor != "":
		return nil, noAliases(n, "anchor &"+n.Anchor)
	}
	out := &node{line: n.Line, col: n.Column}
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			out.kind = kindNull
		case "!!bool":
			out.kind, out.text = kindBool, strings.ToLower(n.Value)
			if b, ok := yaml11Bool(n.Value); ok {
				out.text = b
			}
		case "!!str":
			out.kind, out.text = kindString, n.Value
			if b, ok := yaml11Bool(n.Value); ok && plainScalar(n) {
				out.kind, out.text = kindBool, b
			}
		case "!!int", "!!float":
			out.kind, out.text = kindNumber, n.Value
		default:
			out.kind, out.text = kindString, n.Value
		}
	case yaml.SequenceNode:
		out.kind = kindSeq
		for _, c := range n.Content {
			item, err := y.convert(c, depth+1)
			if err != nil {
				return nil, err
			}
			out.items = append(out.items, item)
		}
	case yaml.MappingNode:
		out.kind = kindMap
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			switch {
			case k.Kind == yaml.AliasNode:
				return nil, noAliases(k, "alias *"+k.Value)
			case k.Anchor != "":
				return nil, noAliases(k, "anchor &"+k.Anchor)
			case k.Tag == "!!merge" || (k.Kind == yaml.ScalarNode && k.Value == "<<" && plainScalar(k)):
				return nil, noAliases(k, "merge key <<")
			}
			if k.Kind != yaml.ScalarNode {
				return nil, &Error{Format: "YAML", Line: k.Line, Column: k.Column, Err: ErrSyntax,
					Reason: "a mapping key must be a plain value, not a list or mapping"}
			}
			if seen[k.Value] {
				return nil, &Error{Format: "YAML", Line: k.Line, Column: k.Column, Err: ErrSyntax,
					Reason: "key " + strconv.Quote(k.Value) + " is given twice in one mapping; keep one"}
			}
			seen[k.Value] = true
			val, err := y.convert(v, depth+1)
			if err != nil {
				return nil, err
			}
			out.keys = append(out.keys, k.Value)
			out.items = append(out.items, val)
		}
	default:
		out.kind = kindNull
	}
	if tag := n.Tag; strings.HasPrefix(tag, "!") && !strings.HasPrefix(tag, "!!") {
		return shortForm(tag, out), nil
	}
	return out, nil
}

// noAliases returns the error for a YAML feature CloudFormation does not
// accept: an anchor, an alias or a merge key.
func noAliases(n *yaml.Node, what string) error {
	return &Error{Format: "YAML", Line: n.Line, Column: n.Column, Err: ErrSyntax,
		Reason: what + ": CloudFormation does not accept YAML anchors, aliases or merge keys; write the value out in full"}
}

// plainScalar reports whether n is written unquoted and without a tag.
func plainScalar(n *yaml.Node) bool {
	const notPlain = yaml.TaggedStyle | yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle | yaml.LiteralStyle | yaml.FoldedStyle
	return n.Style&notPlain == 0
}

// yaml11Bool returns "true" or "false" for the words YAML 1.1 reads as a
// boolean when unquoted, as CloudFormation does: y, yes, on, n, no, off
// and true, false, in lower case, capitalised or upper case.
func yaml11Bool(s string) (string, bool) {
	switch s {
	case "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE":
		return "true", true
	case "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE":
		return "false", true
	}
	return "", false
}

// shortForm turns a value written with a CloudFormation short-form tag into
// the long form, a map of one member.
func shortForm(tag string, v *node) *node {
	name := strings.TrimPrefix(tag, "!")
	switch name {
	case "Ref", "Condition":
	default:
		name = "Fn::" + name
	}
	if name == "Fn::GetAtt" && v.kind == kindString {
		res, attr, _ := strings.Cut(v.text, ".")
		v = &node{kind: kindSeq, line: v.line, col: v.col, items: []*node{
			{kind: kindString, text: res, line: v.line, col: v.col},
			{kind: kindString, text: attr, line: v.line, col: v.col},
		}}
	}
	if v.kind == kindNull {
		v = &node{kind: kindString, line: v.line, col: v.col}
	}
	return &node{kind: kindMap, keys: []string{name}, items: []*node{v}, line: v.line, col: v.col, short: tag}
}
