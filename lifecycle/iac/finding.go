package iac

import (
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

// Findings is a list of findings, ordered by line, column, path, code and
// message.
type Findings []Finding

// HasErrors reports whether at least one finding is an error.
func (fs Findings) HasErrors() bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Severity == lifecycle.SeverityError })
}

// Lifecycle returns the findings as lifecycle.Findings, in the same order,
// for code that prints those; the positions are dropped.
func (fs Findings) Lifecycle() lifecycle.Findings {
	out := make(lifecycle.Findings, len(fs))
	for i, f := range fs {
		out[i] = f.Finding
	}
	return out
}

// ValidationError reports a policy with at least one error finding. It
// wraps lifecycle.ErrInvalid.
type ValidationError struct {
	// ID is the policy's logical ID or address ("" for API JSON).
	ID string
	// Findings holds every finding, warnings included.
	Findings Findings
}

// Error names the policy and sums up its error findings, as
// lifecycle.Error does.
func (e *ValidationError) Error() string {
	msg := (&lifecycle.Error{Findings: e.Findings.Lifecycle()}).Error()
	msg = strings.TrimPrefix(msg, "lifecycle: ")
	if e.ID != "" {
		msg = e.ID + ": " + msg
	}
	return "iac: " + msg
}

// Unwrap returns lifecycle.ErrInvalid.
func (e *ValidationError) Unwrap() error { return lifecycle.ErrInvalid }

// fullPath returns the path of a member of the properties in the
// source's terms.
func (p *Policy) fullPath(src string) string {
	switch {
	case p.kind == KindCloudFormation && src != "" && src[0] == '[':
		return p.prefix + src
	case p.kind == KindCloudFormation:
		return joinPath(p.prefix, src)
	case p.kind == KindPolicy:
		return src
	case src == "":
		return p.prefix
	}
	return p.prefix + ": " + src
}

// addFinding records a finding about the member at src, a path within the
// properties.
func (p *Policy) addFinding(sev lifecycle.Severity, src string, code string, msg string) {
	line, col := locate(p.props, src)
	p.addFindingAt(sev, p.fullPath(src), line, col, code, msg)
}

func (p *Policy) addFindingAt(sev lifecycle.Severity, full string, line, col int, code string, msg string) {
	p.findings = append(p.findings, Finding{
		Finding: lifecycle.Finding{Severity: sev, Path: full, Code: code, Message: msg},
		Line:    line, Column: col,
	})
}

// SourcePath returns the path, in the source's own terms, of the member
// at apiPath in the converted policy, such as "policyDetails[1].filter.unit".
// For a Terraform source the path does not carry the address.
func (p *Policy) SourcePath(apiPath string) string {
	if p.kind == KindPolicy {
		return apiPath
	}
	return sourcePath(apiPath, p.kind != KindCloudFormation, p.paths)
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
	src := p.SourcePath(apiPath)
	line, column = locate(p.props, src)
	return p.fullPath(src), line, column
}

// Validate returns the findings of reading the policy (values that cannot
// be resolved, properties of the wrong type) together with those of
// Document.Validate, every path in the source's terms. Validation
// findings about a value that could not be read are left out: the reading
// finding already says why it is missing. The error is a
// *ValidationError when at least one finding is an error.
func (p *Policy) Validate(opts lifecycle.ValidateOptions) (Findings, error) {
	out := slices.Clone(p.findings)
	vf, _ := p.Document.Validate(opts)
	for _, f := range vf {
		if p.covered(f) {
			continue
		}
		path, line, col := p.Locate(f.Path)
		f.Path = path
		out = append(out, Finding{Finding: f, Line: line, Column: col})
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		for _, c := range []int{a.Line - b.Line, a.Column - b.Column, strings.Compare(a.Path, b.Path),
			strings.Compare(string(a.Code), string(b.Code)), strings.Compare(a.Message, b.Message)} {
			if c != 0 {
				return c
			}
		}
		return 0
	})
	if out.HasErrors() {
		return out, &ValidationError{ID: p.ID, Findings: out}
	}
	return out, nil
}

// covered reports whether a validation finding concerns a value that
// could not be read: its path is that value's or within it, or it says
// that an enclosing member is missing or selects nothing.
func (p *Policy) covered(f lifecycle.Finding) bool {
	enclosing := f.Code == "required" || f.Code == "selection-none"
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
