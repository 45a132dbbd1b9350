package iac

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
)

// Finding is a lifecycle.Finding whose Path names the member in the
// source's own terms, with the member's line and column in the source.
//
// Paths look like "Resources.Golden.Properties.PolicyDetails[1].Filter.Unit"
// for a template, "aws_imagebuilder_lifecycle_policy.golden: policy_detail[1].filter[0].unit"
// for Terraform, and "policyDetails[1].filter.unit" for API JSON. A member
// that is missing is located at its nearest enclosing member.
type Finding struct {
	lifecycle.Finding
	// Line and Column are 1-based; 0 when unknown.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

// String formats the finding as "line:column: path: severity: message
// [code]", without the position when it is unknown.
func (f Finding) String() string {
	if f.Line == 0 {
		return f.Finding.String()
	}
	return strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column) + ": " + f.Finding.String()
}

// fullPath returns the path of a member of the properties in the
// source's terms.
func (p *Policy) fullPath(src string) string {
	switch {
	case p.kind == srcTemplate && src != "" && src[0] == '[':
		return p.prefix + src
	case p.kind == srcTemplate:
		return joinPath(p.prefix, src)
	case p.kind == srcPolicy:
		return src
	case src == "":
		return p.prefix
	}
	return p.prefix + ": " + src
}

// addFinding records a finding about the member at src, a path within the
// properties.
func (p *Policy) addFinding(sev lifecycle.Severity, src, code, msg string) {
	line, col := locate(p.props, src)
	p.addFindingAt(sev, p.fullPath(src), line, col, code, msg)
}

func (p *Policy) addFindingAt(sev lifecycle.Severity, full string, line, col int, code, msg string) {
	p.findings = append(p.findings, Finding{
		Finding: lifecycle.Finding{Severity: sev, Path: full, Code: code, Message: msg},
		Line:    line, Column: col,
	})
}

// sourcePath returns the path, in the source's own terms, of the member
// at apiPath in the converted policy, such as "policyDetails[1].filter.unit",
// without the prefix of the properties (see fullPath).
func (p *Policy) sourcePath(apiPath string) string {
	if p.kind == srcPolicy {
		return apiPath
	}
	return sourcePath(apiPath, p.kind != srcTemplate, p.paths)
}

// record notes the source path of the value at an API path.
func (p *Policy) record(api, src string) {
	if p.paths == nil {
		p.paths = map[string]string{}
	}
	p.paths[api] = src
}

// Locate returns the full source path, line and column of the member at
// apiPath of the converted policy (see Finding).
func (p *Policy) Locate(apiPath string) (path string, line, column int) {
	src := p.sourcePath(apiPath)
	line, column = locate(p.props, src)
	return p.fullPath(src), line, column
}

// Validate returns the findings of reading the policy together with those
// of lifecycle.Document.Validate, each naming the member in the source's
// own terms with its line and column, ordered by line, column, path, code
// and message. Validation findings about a value that could not be read
// are left out: the reading finding already says why it is missing.
//
// Reading adds findings of four codes: "unresolved", a value that cannot
// be worked out offline (the finding gives the expression, the reason and
// the --parameter KEY=VALUE that supplies it; a warning for the name,
// description, execution role and tags, which the dry-run does not need
// and which are replaced by Placeholder or left out, an error anywhere
// else), also a Terraform policy whose Region is unknown (a warning
// naming --region); "undecided-condition", a template resource's
// Condition that cannot be decided offline, read as true (a warning);
// "unknown-property", a template property the resource type lacks (an
// error unless Options.AllowUnknownFields); and "wrong-type", a property
// of the wrong type, or a Terraform block given twice (an error).
//
// The error is an *Error wrapping ErrInvalid, located at the first error
// finding and giving its message, code and decisions, when at least one
// finding is an error.
func (p *Policy) Validate(opts lifecycle.ValidateOptions) ([]Finding, error) {
	out := slices.Clone(p.findings)
	vf, _ := p.doc.Validate(opts)
	for _, f := range vf {
		if p.covered(f) {
			continue
		}
		path, line, col := p.Locate(f.Path)
		f.Path = path
		out = append(out, Finding{Finding: f, Line: line, Column: col})
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), strings.Compare(a.Path, b.Path),
			strings.Compare(string(a.Code), string(b.Code)), strings.Compare(a.Message, b.Message))
	})
	return out, p.invalid(out)
}

// invalid returns the error that sums up the error findings among fs, or
// nil when there are none.
func (p *Policy) invalid(fs []Finding) error {
	var first *Finding
	n := 0
	for i := range fs {
		if fs[i].Severity == lifecycle.SeverityError {
			if n == 0 {
				first = &fs[i]
			}
			n++
		}
	}
	if n == 0 {
		return nil
	}
	reason := first.Message + " [" + string(first.Code)
	for _, d := range first.Decisions {
		reason += ", " + string(d)
	}
	reason += "]"
	switch {
	case n == 2:
		reason += " (and 1 more error)"
	case n > 2:
		reason += " (and " + strconv.Itoa(n-1) + " more errors)"
	}
	return &Error{Format: p.format, Path: first.Path, Line: first.Line, Column: first.Column, Reason: reason, Err: ErrInvalid}
}

// covered reports whether a validation finding concerns a value that
// could not be read: its path is that value's or within it, or it says
// that an enclosing member is missing or selects nothing.
func (p *Policy) covered(f lifecycle.Finding) bool {
	enclosing := f.Code == codeRequired || f.Code == codeSelectionNone
	for _, u := range p.unresolved {
		if within(f.Path, u) || (enclosing && within(u, f.Path)) {
			return true
		}
	}
	return false
}

// within reports whether path is base or a member or element of it.
func within(path, base string) bool {
	return path == base || base == "" || strings.HasPrefix(path, base+".") || strings.HasPrefix(path, base+"[")
}
