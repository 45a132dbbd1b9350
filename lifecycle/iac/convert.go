package iac

import (
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
)

// Codes of the findings this package adds to those of lifecycle.Validate
// (documented in Policy.Validate). They are untyped so that they fit the
// Code of a lifecycle.Finding.
const (
	codeUnresolved         = "unresolved"
	codeUnknownProperty    = "unknown-property"
	codeWrongType          = "wrong-type"
	codeUndecidedCondition = "undecided-condition"

	// Codes of lifecycle.Validate that Policy.Validate consults.
	codeRequired      = "required"
	codeSelectionNone = "selection-none"
)

// converter turns a resolved source tree into the API's JSON form,
// member by member, recording a finding for each value it cannot use.
type converter struct {
	p      *Policy
	tf     bool
	strict bool
}

func (c *converter) name(f *field) string {
	if c.tf {
		return f.tf
	}
	return f.cfn()
}

func (c *converter) add(sev lifecycle.Severity, src, code, msg string) {
	c.p.addFinding(sev, src, code, msg)
}

// object converts a map (a CloudFormation object, or the one object of a
// Terraform block) with the given fields.
func (c *converter) object(n *node, fields []field, api, src string) map[string]any {
	out := map[string]any{}
	if n == nil || n.kind == kindNull {
		return out
	}
	if n.kind != kindMap {
		c.typeError(n, api, src, "an object")
		return out
	}
	for i, key := range n.keys {
		val := n.items[i]
		var f *field
		for j := range fields {
			if c.name(&fields[j]) == key {
				f = &fields[j]
				break
			}
		}
		if f == nil {
			if !c.tf && c.strict {
				c.add(lifecycle.SeverityError, joinPath(src, key), codeUnknownProperty,
					"is not a property here; expected one of "+c.names(fields))
			}
			continue
		}
		if v, ok := c.value(val, f, joinPath(api, f.api), joinPath(src, key)); ok {
			out[f.api] = v
		}
	}
	return out
}

func (c *converter) names(fields []field) string {
	names := make([]string, len(fields))
	for i := range fields {
		names[i] = c.name(&fields[i])
	}
	return strings.Join(names, ", ")
}

// value converts one member; ok is false when the member is to be left
// out (absent, unresolved or of the wrong type).
func (c *converter) value(n *node, f *field, api, src string) (any, bool) {
	if n.kind == kindNull || n.kind == kindNoValue {
		return nil, false
	}
	c.p.record(api, src)
	if n.kind == kindUnknown {
		return c.unresolved(n, api, src)
	}
	switch f.kind {
	case vString:
		if !n.isScalar() {
			return c.typeError(n, api, src, "a string")
		}
		return n.text, true
	case vInt:
		return c.integer(n, api, src)
	case vBool:
		switch {
		case n.kind == kindBool:
			return n.text == "true", true
		case n.kind == kindString && strings.EqualFold(n.text, "true"):
			return true, true
		case n.kind == kindString && strings.EqualFold(n.text, "false"):
			return false, true
		}
		return c.typeError(n, api, src, "true or false")
	case vStrings:
		return elements(c, n, api, src, "a list of strings", func(item *node, ip, is string) (string, bool) {
			if !item.isScalar() {
				c.typeError(item, ip, is, "a string")
				return "", false
			}
			c.p.record(ip, is)
			return item.text, true
		})
	case vTags:
		if n.kind != kindMap {
			return c.typeError(n, api, src, "a map of strings")
		}
		out := map[string]string{}
		for i, k := range n.keys {
			item := n.items[i]
			kp, ks := keyPath(api, k), keyPath(src, k)
			switch {
			case item.kind == kindUnknown:
				if v, ok := c.unresolved(item, kp, ks); ok {
					out[k] = v.(string)
				}
			case item.isScalar():
				out[k] = item.text
			case item.kind == kindNull || item.kind == kindNoValue:
			default:
				c.typeError(item, kp, ks, "a string")
			}
		}
		return out, true
	case vObject:
		if c.tf {
			if n.kind != kindSeq {
				return c.typeError(n, api, src, "a list holding one "+f.tf+" block")
			}
			if len(n.items) == 0 {
				return nil, false
			}
			if len(n.items) > 1 {
				return c.typeError(n, api, src, "at most one "+f.tf+" block, found "+strconv.Itoa(len(n.items)))
			}
			n, src = n.items[0], indexPath(src, 0)
			if n.kind == kindUnknown {
				return c.unresolved(n, api, src)
			}
		}
		return c.object(n, f.sub, api, src), true
	case vObjects:
		return elements(c, n, api, src, "a list of objects", func(item *node, ip, is string) (map[string]any, bool) {
			c.p.record(ip, is)
			return c.object(item, f.sub, ip, is), true
		})
	}
	return nil, false
}

// elements converts the elements of a list with conv, which reports and
// rejects an element of the wrong type; an unresolved element is reported
// and left out. want names the list's type for a finding about n itself.
// Elements keep their index as written in the source path and take the
// next index in the API path.
func elements[T any](c *converter, n *node, api, src, want string, conv func(item *node, ip, is string) (T, bool)) (any, bool) {
	if n.kind != kindSeq {
		return c.typeError(n, api, src, want)
	}
	out := []T{}
	for i, item := range n.items {
		ip, is := indexPath(api, len(out)), indexPath(src, n.origIndex(i))
		if item.kind == kindUnknown {
			c.unresolved(item, ip, is)
			continue
		}
		if v, ok := conv(item, ip, is); ok {
			out = append(out, v)
		}
	}
	return out, true
}

func (c *converter) integer(n *node, api, src string) (any, bool) {
	if n.kind != kindNumber && n.kind != kindString {
		return c.typeError(n, api, src, "an integer")
	}
	text := strings.TrimSpace(n.text)
	// Base 10 only: "010" is ten and "0x1E" no integer, as CloudFormation
	// and Terraform have them, not Go's literal syntax.
	i, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		if !decimal(text) {
			return c.typeError(n, api, src, "an integer")
		}
		f, ferr := strconv.ParseFloat(text, 64)
		if ferr != nil || f != math.Trunc(f) || math.IsInf(f, 0) {
			return c.typeError(n, api, src, "an integer")
		}
		if f > math.MaxInt32 || f < math.MinInt32 {
			i = math.MaxInt64
		} else {
			i = int64(f)
		}
	}
	if i > math.MaxInt32 || i < math.MinInt32 {
		c.p.unresolved = append(c.p.unresolved, api)
		c.add(lifecycle.SeverityError, src, codeWrongType, "is "+text+", far outside the allowed range; give a small integer")
		return nil, false
	}
	return i, true
}

// decimal reports whether s is a decimal number: an optional sign, digits
// and at most one point, with an optional exponent, such as "10.0" or
// "1e3"; no hexadecimal, underscores, Inf or NaN.
func decimal(s string) bool {
	s = trimSign(s)
	if m, e, ok := strings.Cut(strings.ToLower(s), "e"); ok {
		e = trimSign(e)
		if e == "" || strings.Trim(e, "0123456789") != "" {
			return false
		}
		s = m
	}
	whole, frac, _ := strings.Cut(s, ".")
	return whole+frac != "" && strings.Trim(whole+frac, "0123456789") == ""
}

func trimSign(s string) string {
	if strings.HasPrefix(s, "+") || strings.HasPrefix(s, "-") {
		return s[1:]
	}
	return s
}

func (c *converter) typeError(n *node, api, src, want string) (any, bool) {
	c.p.unresolved = append(c.p.unresolved, api)
	found := n.kind.String()
	if n.kind == kindMap && isIntrinsic(n) {
		found = "the function " + n.keys[0]
	}
	c.add(lifecycle.SeverityError, src, codeWrongType, "is "+found+"; expected "+want)
	return nil, false
}

// unresolved reports a value that cannot be known offline, and returns the
// value to use in its place, if any.
func (c *converter) unresolved(n *node, api, src string) (any, bool) {
	top := api
	if i := strings.IndexAny(top, ".["); i >= 0 {
		top = top[:i]
	}
	what := n.expr
	if what == "" {
		what = "the value"
	}
	how := "no --parameter can supply it; write a literal value instead"
	if n.key != "" {
		how = "--parameter " + n.key + "=VALUE supplies it"
	}
	if !optional(top) {
		c.p.unresolved = append(c.p.unresolved, api)
		c.add(lifecycle.SeverityError, src, codeUnresolved,
			what+" cannot be resolved offline ("+n.why+"); the dry-run needs this value: "+how)
		return nil, false
	}
	if (top == "name" || top == "executionRole") && api == top {
		c.add(lifecycle.SeverityWarning, src, codeUnresolved,
			what+" cannot be resolved offline ("+n.why+"); the dry-run does not need it and uses "+
				strconv.Quote(Placeholder)+" in its place; "+how)
		return Placeholder, true
	}
	c.add(lifecycle.SeverityWarning, src, codeUnresolved,
		what+" cannot be resolved offline ("+n.why+"); the dry-run does not need it and leaves it out; "+how)
	return nil, false
}

// decodeConverted encodes the converted members and decodes them with
// lifecycle.DecodePolicy, so that the policy is exactly what the API form
// of the same members gives.
func decodeConverted(api map[string]any, p *Policy) *lifecycle.Document {
	data, err := json.Marshal(api)
	if err == nil {
		var doc *lifecycle.Document
		if doc, err = lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{}); err == nil {
			return doc
		}
	}
	// The converter checks every type, so this is not expected; report it
	// rather than lose it.
	reason := err.Error()
	path := ""
	var de *lifecycle.Error
	if errors.As(err, &de) {
		reason, path = de.Reason, de.Path
	}
	p.addFinding(lifecycle.SeverityError, p.sourcePath(path), codeWrongType, reason)
	return &lifecycle.Document{Shape: lifecycle.ShapePolicy}
}
