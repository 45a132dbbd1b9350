package iac

import (
	"strconv"
	"strings"
)

// segment is one step of a member path: a member name, a list index or a
// map key (the quoted form `["key"]`).
type segment struct {
	name  string
	index int // for an index step; -1 otherwise
	key   string
	isKey bool
}

// parsePath splits a path such as `policyDetails[1].filter.unit` or
// `resourceSelection.tagMap["a.b"]` into segments. Text it cannot read
// ends the path.
func parsePath(p string) []segment {
	var out []segment
	for len(p) > 0 {
		switch p[0] {
		case '.':
			p = p[1:]
		case '[':
			if len(p) > 1 && p[1] == '"' {
				q, err := strconv.QuotedPrefix(p[1:])
				if err != nil {
					return out
				}
				k, _ := strconv.Unquote(q)
				out = append(out, segment{key: k, isKey: true, index: -1})
				p = strings.TrimPrefix(p[1+len(q):], "]")
				continue
			}
			end := strings.IndexByte(p, ']')
			if end < 0 {
				return out
			}
			n, err := strconv.Atoi(p[1:end])
			if err != nil {
				return out
			}
			out = append(out, segment{index: n})
			p = p[end+1:]
		default:
			end := strings.IndexAny(p, ".[")
			if end < 0 {
				end = len(p)
			}
			out = append(out, segment{name: p[:end], index: -1})
			p = p[end:]
		}
	}
	return out
}

// sourcePath turns an API member path into the same member's path in a
// template's Properties (PascalCase) or a Terraform resource (snake_case,
// with "[0]" after each block that holds one object). recorded maps the
// API paths of the values the converter read to their source paths; it
// takes precedence, so that list elements keep the index they have as
// written.
func sourcePath(apiPath string, tf bool, recorded map[string]string) string {
	var b strings.Builder
	fields := policySchema()
	api := ""
	for _, s := range parsePath(apiPath) {
		switch {
		case s.isKey:
			b.WriteString("[" + strconv.Quote(s.key) + "]")
		case s.index >= 0:
			b.WriteString("[" + strconv.Itoa(s.index) + "]")
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			f := find(fields, s.name)
			if f == nil {
				b.WriteString(s.name)
				fields = nil
				continue
			}
			if !tf {
				b.WriteString(f.cfn())
			} else {
				b.WriteString(f.tf)
				if f.kind == vObject {
					b.WriteString("[0]")
				}
			}
			fields = f.sub
		}
		api = appendSegment(api, s)
		if src, ok := recorded[api]; ok {
			b.Reset()
			b.WriteString(src)
		}
	}
	return b.String()
}

// appendSegment appends one segment to an API path in its written form.
func appendSegment(p string, s segment) string {
	switch {
	case s.isKey:
		return keyPath(p, s.key)
	case s.index >= 0:
		return indexPath(p, s.index)
	}
	return joinPath(p, s.name)
}

// locate returns the line and column of the value at path in the tree,
// or of its nearest ancestor that exists; an intrinsic function is not
// entered.
func locate(root *node, path string) (int, int) {
	n := root
	if n == nil {
		return 0, 0
	}
	for _, s := range parsePath(path) {
		if isIntrinsic(n) {
			break
		}
		var next *node
		switch {
		case s.isKey:
			next = n.member(s.key)
		case s.index >= 0:
			if n.kind == kindSeq && s.index < len(n.items) {
				next = n.items[s.index]
			}
		default:
			next = n.member(s.name)
		}
		if next == nil {
			break
		}
		n = next
	}
	return n.line, n.col
}

// joinPath appends a member name to a path.
func joinPath(p, name string) string {
	if p == "" {
		return name
	}
	return p + "." + name
}

// indexPath appends a list index to a path.
func indexPath(p string, i int) string { return p + "[" + strconv.Itoa(i) + "]" }

// keyPath appends a map key to a path in the quoted form.
func keyPath(p, k string) string { return p + "[" + strconv.Quote(k) + "]" }
