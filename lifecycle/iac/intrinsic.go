package iac

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/arn"
)

// template resolves CloudFormation intrinsic functions offline, against
// the template's Parameters, Mappings and Conditions and the values the
// caller gives.
type template struct {
	params, mappings, conditions, resources *node
	values                                  map[string]string
	conds                                   map[string]condResult
	busy                                    map[string]bool
	inMapping                               bool
	// underived gives, for a pseudo parameter that could not be worked
	// out from the Region, why.
	underived map[string]string
}

type condResult struct {
	val, ok bool
	why     string
}

func newTemplate(root *node, opts Options) *template {
	t := &template{
		params:     root.member("Parameters"),
		mappings:   root.member("Mappings"),
		conditions: root.member("Conditions"),
		resources:  root.member("Resources"),
		values:     map[string]string{},
		conds:      map[string]condResult{},
		busy:       map[string]bool{},
	}
	if opts.Region != "" {
		t.values["AWS::Region"] = opts.Region
	}
	if opts.AccountID != "" {
		t.values["AWS::AccountId"] = opts.AccountID
	}
	for k, v := range opts.Parameters {
		t.values[k] = v
	}
	if region, ok := t.values["AWS::Region"]; ok {
		t.derive(region)
	}
	return t
}

// derive sets AWS::Partition and AWS::URLSuffix, where the caller did not
// give them, from the partition whose naming scheme the Region follows
// (arn.RegionInPartition). For a Region of no known partition they stay
// unset, with the reason, rather than guessing "aws".
func (t *template) derive(region string) {
	partition, suffix, known := "", "", false
	for _, p := range arn.Partitions() {
		if arn.RegionInPartition(p, region) {
			partition = p
			suffix, known = urlSuffix(p)
			break
		}
	}
	for key, v := range map[string]string{"AWS::Partition": partition, "AWS::URLSuffix": suffix} {
		switch _, given := t.values[key]; {
		case given:
		case known:
			t.values[key] = v
		default:
			if t.underived == nil {
				t.underived = map[string]string{}
			}
			t.underived[key] = "the Region " + strconv.Quote(region) + " is in no partition ibkit knows, so " + key + " cannot be worked out"
		}
	}
}

// urlSuffix returns the domain of the service endpoints of a partition
// that arn.Partitions lists (AWS::URLSuffix).
func urlSuffix(partition string) (string, bool) {
	switch partition {
	case "aws", "aws-us-gov":
		return "amazonaws.com", true
	case "aws-cn":
		return "amazonaws.com.cn", true
	case "aws-iso":
		return "c2s.ic.gov", true
	case "aws-iso-b":
		return "sc2s.sgov.gov", true
	case "aws-iso-e":
		return "cloud.adc-e.uk", true
	case "aws-iso-f":
		return "csp.hci.ic.gov", true
	case "aws-eusc":
		return "amazonaws.eu", true
	}
	return "", false
}

// scalar returns a caller-given value, or "".
func (t *template) scalar(key string) string { return t.values[key] }

// isIntrinsic reports whether n is an intrinsic function call: an object
// of one member named Ref or Fn::Something.
func isIntrinsic(n *node) bool {
	return n != nil && n.kind == kindMap && len(n.keys) == 1 &&
		(n.keys[0] == "Ref" || strings.HasPrefix(n.keys[0], "Fn::"))
}

// unknown returns the unresolved stand-in for the expression orig.
func unknown(orig *node, why, key string) *node {
	return &node{kind: kindUnknown, expr: render(orig), why: why, key: key, line: orig.line, col: orig.col}
}

// propagate returns an unresolved stand-in for orig that gives the reason
// of the unresolved part inner.
func propagate(orig, inner *node) *node {
	return &node{kind: kindUnknown, expr: render(orig), why: inner.why, key: inner.key, line: orig.line, col: orig.col}
}

// maxString bounds the length in bytes of a string an intrinsic function
// builds, far above the limit of any policy member, so that nested
// functions cannot grow a small template into an enormous value.
const maxString = 64 << 10

// tooLong returns the unresolved stand-in for orig whose result would be
// n bytes long, more than maxString.
func tooLong(orig *node, n int) *node {
	return unknown(orig, "result longer than "+strconv.Itoa(maxString)+" bytes ("+strconv.Itoa(n)+")", "")
}

// str returns the string s as the value of orig, or an unresolved value
// when s is longer than maxString.
func str(orig *node, s string) *node {
	if len(s) > maxString {
		return tooLong(orig, len(s))
	}
	return &node{kind: kindString, text: s, line: orig.line, col: orig.col}
}

// resolve returns n with every intrinsic function evaluated; what cannot
// be evaluated becomes a kindUnknown node, AWS::NoValue a kindNoValue one
// that the enclosing object or list drops.
func (t *template) resolve(n *node) *node {
	if n == nil {
		return &node{kind: kindNull}
	}
	switch n.kind {
	case kindSeq:
		out := &node{kind: kindSeq, line: n.line, col: n.col}
		for i, item := range n.items {
			if r := t.resolve(item); r.kind != kindNoValue {
				out.items = append(out.items, r)
				out.orig = append(out.orig, i)
			}
		}
		return out
	case kindMap:
		if isIntrinsic(n) {
			return t.call(n, n.keys[0], n.items[0])
		}
		out := &node{kind: kindMap, line: n.line, col: n.col}
		for i, k := range n.keys {
			if r := t.resolve(n.items[i]); r.kind != kindNoValue {
				out.keys = append(out.keys, k)
				out.items = append(out.items, r)
			}
		}
		return out
	}
	return n
}

// args returns the elements of a function's argument list, or nil when
// it is not a list of want elements (want < 0: any number).
func args(arg *node, want int) []*node {
	if arg.kind != kindSeq || (want >= 0 && len(arg.items) != want) {
		return nil
	}
	return arg.items
}

func (t *template) call(orig *node, fn string, arg *node) *node {
	bad := func(form string) *node {
		return unknown(orig, fn+" expects "+form, "")
	}
	switch fn {
	case "Ref":
		if arg.kind != kindString {
			return bad("a name")
		}
		return t.ref(orig, arg.text)
	case "Fn::Sub":
		return t.sub(orig, arg)
	case "Fn::Join":
		a := args(arg, 2)
		if a == nil || a[0].kind != kindString {
			return bad("[delimiter, list]")
		}
		list := t.resolve(a[1])
		if list.kind == kindUnknown {
			return propagate(orig, list)
		}
		if list.kind != kindSeq {
			return bad("a list to join")
		}
		parts := make([]string, 0, len(list.items))
		size := 0
		for i, item := range list.items {
			if item.kind == kindUnknown {
				return propagate(orig, item)
			}
			if !item.isScalar() {
				return bad("a list of strings to join")
			}
			parts = append(parts, item.text)
			if i > 0 {
				size += len(a[0].text)
			}
			if size += len(item.text); size > maxString {
				return tooLong(orig, size)
			}
		}
		return str(orig, strings.Join(parts, a[0].text))
	case "Fn::Select":
		a := args(arg, 2)
		if a == nil {
			return bad("[index, list]")
		}
		idx, list := t.resolve(a[0]), t.resolve(a[1])
		for _, x := range []*node{idx, list} {
			if x.kind == kindUnknown {
				return propagate(orig, x)
			}
		}
		i, err := strconv.Atoi(idx.text)
		if !idx.isScalar() || err != nil || list.kind != kindSeq {
			return bad("[index, list]")
		}
		if i < 0 || i >= len(list.items) {
			return unknown(orig, "index "+strconv.Itoa(i)+" is outside a list of "+strconv.Itoa(len(list.items)), "")
		}
		return list.items[i]
	case "Fn::Split":
		a := args(arg, 2)
		if a == nil || a[0].kind != kindString {
			return bad("[delimiter, string]")
		}
		s := t.resolve(a[1])
		if s.kind == kindUnknown {
			return propagate(orig, s)
		}
		if !s.isScalar() || a[0].text == "" {
			return bad("[delimiter, string]")
		}
		out := &node{kind: kindSeq, line: orig.line, col: orig.col}
		for _, part := range strings.Split(s.text, a[0].text) {
			out.items = append(out.items, str(orig, part))
		}
		return out
	case "Fn::If":
		a := args(arg, 3)
		if a == nil || a[0].kind != kindString {
			return bad("[condition name, value if true, value if false]")
		}
		v, ok, why := t.named(a[0].text)
		if !ok {
			return unknown(orig, why, "")
		}
		if v {
			return t.resolve(a[1])
		}
		return t.resolve(a[2])
	case "Fn::FindInMap":
		return t.findInMap(orig, arg)
	case "Fn::Base64":
		s := t.resolve(arg)
		if s.kind == kindUnknown {
			return propagate(orig, s)
		}
		if !s.isScalar() {
			return bad("a string")
		}
		if n := base64.StdEncoding.EncodedLen(len(s.text)); n > maxString {
			return tooLong(orig, n)
		}
		return str(orig, base64.StdEncoding.EncodeToString([]byte(s.text)))
	case "Fn::GetAtt":
		res, attr := "", ""
		if a := args(arg, 2); a != nil {
			r, at := t.resolve(a[0]), t.resolve(a[1])
			res, attr = r.text, at.text
		} else if arg.kind == kindString {
			res, attr, _ = strings.Cut(arg.text, ".")
		}
		if res == "" || attr == "" {
			return bad("[logical ID, attribute]")
		}
		key := res + "." + attr
		if v, ok := t.values[key]; ok {
			return str(orig, v)
		}
		return unknown(orig, "attribute "+attr+" of resource "+res+" exists only once the stack is deployed", key)
	case "Fn::ImportValue":
		name := t.resolve(arg)
		if name.kind == kindUnknown {
			return propagate(orig, name)
		}
		if !name.isScalar() {
			return bad("an export name")
		}
		key := "ImportValue:" + name.text
		if v, ok := t.values[key]; ok {
			return str(orig, v)
		}
		return unknown(orig, "export "+strconv.Quote(name.text)+" belongs to another stack", key)
	case "Fn::Equals", "Fn::Not", "Fn::And", "Fn::Or":
		return unknown(orig, fn+" belongs in the Conditions section, not in a property", "")
	}
	return unknown(orig, "ibkit does not evaluate "+fn+" offline", "")
}

// ref resolves Ref name.
func (t *template) ref(orig *node, name string) *node {
	if name == "AWS::NoValue" {
		return &node{kind: kindNoValue, line: orig.line, col: orig.col}
	}
	if p := t.params.member(name); p != nil {
		return t.param(orig, name, p)
	}
	if v, ok := t.values[name]; ok {
		if name == "AWS::NotificationARNs" {
			return splitList(orig, v)
		}
		return str(orig, v)
	}
	switch {
	case t.underived[name] != "":
		return unknown(orig, t.underived[name], name)
	case strings.HasPrefix(name, "AWS::"):
		return unknown(orig, "the pseudo parameter "+name+" is not given", name)
	case t.resources.member(name) != nil:
		return unknown(orig, "the physical ID of resource "+name+" exists only once the stack is deployed", name)
	}
	return unknown(orig, "the template has no parameter or resource "+name, "")
}

// param returns the value of template parameter name: the caller's, else
// its Default (never for an SSM parameter type, whose Default names the
// SSM parameter, not its value).
func (t *template) param(orig *node, name string, p *node) *node {
	typ := ""
	if ty := p.member("Type"); ty != nil && ty.kind == kindString {
		typ = ty.text
	}
	list := typ == "CommaDelimitedList" || strings.HasPrefix(typ, "List<")
	value, ok := t.values[name]
	if !ok {
		if strings.HasPrefix(typ, "AWS::SSM::Parameter::Value<") {
			return unknown(orig, "parameter "+name+" of type "+typ+" takes its value from Systems Manager at deployment", name)
		}
		def := p.member("Default")
		if def == nil || !def.isScalar() {
			return unknown(orig, "parameter "+name+" has no Default", name)
		}
		value = def.text
	}
	if list {
		return splitList(orig, value)
	}
	return str(orig, value)
}

func splitList(orig *node, v string) *node {
	out := &node{kind: kindSeq, line: orig.line, col: orig.col}
	if v == "" {
		return out
	}
	for _, part := range strings.Split(v, ",") {
		out.items = append(out.items, str(orig, part))
	}
	return out
}

// sub resolves Fn::Sub in both forms: a string, or [string, variables].
func (t *template) sub(orig *node, arg *node) *node {
	text := arg
	vars := map[string]*node{}
	if a := args(arg, 2); a != nil {
		text = a[0]
		vm := a[1]
		if vm.kind != kindMap {
			return unknown(orig, "Fn::Sub expects [string, {variable: value}]", "")
		}
		for i, k := range vm.keys {
			vars[k] = vm.items[i]
		}
	}
	if text.kind != kindString {
		return unknown(orig, "Fn::Sub expects a string or [string, {variable: value}]", "")
	}
	var b strings.Builder
	s := text.text
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		s = s[i+2:]
		end := strings.IndexByte(s, '}')
		if end < 0 {
			b.WriteString("${" + s)
			break
		}
		name := s[:end]
		s = s[end+1:]
		if strings.HasPrefix(name, "!") {
			b.WriteString("${" + name[1:] + "}")
			continue
		}
		name = strings.TrimSpace(name)
		var v *node
		if vn, ok := vars[name]; ok {
			v = t.resolve(vn)
		} else if res, attr, dotted := strings.Cut(name, "."); dotted && t.params.member(name) == nil {
			v = t.call(orig, "Fn::GetAtt", &node{kind: kindSeq, items: []*node{str(orig, res), str(orig, attr)}})
		} else {
			v = t.ref(orig, name)
		}
		if v.kind == kindUnknown {
			return propagate(orig, v)
		}
		if !v.isScalar() {
			return unknown(orig, "${"+name+"} is "+v.kind.String()+", not a string", "")
		}
		if b.Len()+len(v.text) > maxString {
			return tooLong(orig, b.Len()+len(v.text))
		}
		b.WriteString(v.text)
	}
	return str(orig, b.String())
}

// findInMap resolves Fn::FindInMap [map, top-level key, second-level key],
// with the optional fourth argument {DefaultValue: value}.
func (t *template) findInMap(orig *node, arg *node) *node {
	if arg.kind != kindSeq || len(arg.items) < 3 || len(arg.items) > 4 {
		return unknown(orig, "Fn::FindInMap expects [map, key, key]", "")
	}
	if t.inMapping {
		return unknown(orig, "Fn::FindInMap inside Mappings", "")
	}
	keys := make([]string, 3)
	for i := range keys {
		k := t.resolve(arg.items[i])
		if k.kind == kindUnknown {
			return propagate(orig, k)
		}
		if !k.isScalar() {
			return unknown(orig, "Fn::FindInMap expects [map, key, key] of strings", "")
		}
		keys[i] = k.text
	}
	v := t.mappings.member(keys[0]).member(keys[1]).member(keys[2])
	if v == nil && len(arg.items) == 4 {
		v = arg.items[3].member("DefaultValue")
	}
	if v == nil {
		return unknown(orig, "Mappings has no entry "+strings.Join(keys, "."), "")
	}
	t.inMapping = true
	defer func() { t.inMapping = false }()
	return t.resolve(v)
}

// named evaluates the template condition called name.
func (t *template) named(name string) (val, ok bool, why string) {
	if r, done := t.conds[name]; done {
		return r.val, r.ok, r.why
	}
	c := t.conditions.member(name)
	switch {
	case c == nil:
		return false, false, "the template has no condition " + name
	case t.busy[name]:
		return false, false, "condition " + name + " refers to itself"
	}
	t.busy[name] = true
	val, ok, why = t.condition(c)
	delete(t.busy, name)
	if !ok {
		why = "condition " + name + " cannot be decided: " + why
	}
	t.conds[name] = condResult{val, ok, why}
	return val, ok, why
}

// condition evaluates a condition expression: Fn::Equals, Fn::Not,
// Fn::And, Fn::Or, {Condition: name}, or (as a resource's Condition
// attribute) the name of a condition.
func (t *template) condition(c *node) (val, ok bool, why string) {
	if c.kind == kindString {
		return t.named(c.text)
	}
	if c.kind != kindMap || len(c.keys) != 1 {
		return false, false, "a condition must be a condition function"
	}
	arg := c.items[0]
	switch c.keys[0] {
	case "Condition":
		if arg.kind != kindString {
			return false, false, "Condition expects a condition name"
		}
		return t.named(arg.text)
	case "Fn::Equals":
		a := args(arg, 2)
		if a == nil {
			return false, false, "Fn::Equals expects two values"
		}
		x, y := t.resolve(a[0]), t.resolve(a[1])
		for _, v := range []*node{x, y} {
			if v.kind == kindUnknown {
				return false, false, v.expr + ": " + v.why
			}
		}
		return equal(x, y), true, ""
	case "Fn::Not":
		a := args(arg, 1)
		if a == nil {
			return false, false, "Fn::Not expects one condition"
		}
		v, ok, why := t.condition(a[0])
		return !v, ok, why
	case "Fn::And", "Fn::Or":
		a := args(arg, -1)
		if a == nil {
			return false, false, c.keys[0] + " expects a list of conditions"
		}
		short := c.keys[0] == "Fn::Or" // the value that decides the result alone
		undecided := ""
		for _, x := range a {
			v, ok, why := t.condition(x)
			if !ok {
				undecided = why
				continue
			}
			if v == short {
				return short, true, ""
			}
		}
		if undecided != "" {
			return false, false, undecided
		}
		return !short, true, ""
	}
	return false, false, c.keys[0] + " is not a condition function"
}

// equal reports whether two resolved values are the same, comparing
// every character: scalars by their text, so that 1 and "1" are equal as
// CloudFormation has them; lists element by element, objects member by
// member in any order.
func equal(x, y *node) bool {
	if x.isScalar() && y.isScalar() {
		return x.text == y.text
	}
	if x.kind != y.kind || len(x.items) != len(y.items) || len(x.keys) != len(y.keys) {
		return false
	}
	if x.kind != kindSeq && x.kind != kindMap {
		return x.kind == kindNull
	}
	for i, item := range x.items {
		other := y.items[i]
		if x.kind == kindMap {
			if other = y.member(x.keys[i]); other == nil {
				return false
			}
		}
		if !equal(item, other) {
			return false
		}
	}
	return true
}

// render writes an expression compactly, in the YAML short form when it
// was written so, for messages.
func render(n *node) string {
	var b strings.Builder
	renderTo(&b, n, 0)
	s := b.String()
	if len(s) > 200 {
		s = s[:197] + "..."
	}
	return s
}

func renderTo(b *strings.Builder, n *node, depth int) {
	if b.Len() > 200 || depth > 20 {
		b.WriteString("...")
		return
	}
	switch n.kind {
	case kindString:
		b.WriteString(strconv.Quote(n.text))
		return
	case kindNumber, kindBool:
		b.WriteString(n.text)
		return
	case kindNull:
		b.WriteString("null")
		return
	case kindUnknown:
		b.WriteString(n.expr)
		return
	case kindSeq:
		b.WriteByte('[')
		for i, item := range n.items {
			if i > 0 {
				b.WriteString(", ")
			}
			if b.Len() > 200 {
				b.WriteString("...")
				break
			}
			renderTo(b, item, depth+1)
		}
		b.WriteByte(']')
		return
	case kindMap:
	default:
		return
	}
	if n.short != "" && len(n.items) == 1 {
		v := n.items[0]
		b.WriteString(n.short + " ")
		switch {
		case n.short == "!GetAtt" && v.kind == kindSeq && len(v.items) == 2 && v.items[0].kind == kindString && v.items[1].kind == kindString:
			b.WriteString(v.items[0].text + "." + v.items[1].text)
		case v.kind == kindString:
			b.WriteString(v.text)
		default:
			renderTo(b, v, depth+1)
		}
		return
	}
	b.WriteByte('{')
	for i, k := range n.keys {
		if i > 0 {
			b.WriteString(", ")
		}
		if b.Len() > 200 {
			b.WriteString("...")
			break
		}
		b.WriteString(strconv.Quote(k) + ": ")
		renderTo(b, n.items[i], depth+1)
	}
	b.WriteByte('}')
}
