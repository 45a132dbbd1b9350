package iac

import (
	"bytes"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/lifecycle"
)

// sourceKind is the kind of source a policy was read from.
type sourceKind uint8

const (
	srcPolicy   sourceKind = iota // API JSON, as lifecycle.DecodePolicy reads it
	srcTemplate                   // a CloudFormation template, JSON or YAML, CDK output included
	srcPlan                       // terraform show -json of a saved plan
	srcState                      // terraform show -json of the state
)

// String returns the English name that Source.Kind documents.
func (k sourceKind) String() string {
	switch k {
	case srcTemplate:
		return "CloudFormation template"
	case srcPlan:
		return "Terraform plan JSON"
	case srcState:
		return "Terraform state JSON"
	}
	return "lifecycle policy JSON"
}

// selectFlag returns the command-line flag that chooses one policy among
// several in a source of this kind.
func (k sourceKind) selectFlag() string {
	if k == srcTemplate {
		return "--resource"
	}
	return "--address"
}

// Options are the values the reader cannot find in the source itself.
// The zero value reads every source with what it holds.
type Options struct {
	// Parameters gives values by key, as the CLI's repeatable
	// --parameter KEY=VALUE does (ParseParameters reads those):
	//   - a template parameter's name: its value, over its Default (for a
	//     list type, the elements separated by commas); this is also how an
	//     SSM parameter type gets its value;
	//   - a pseudo parameter, such as AWS::Region, AWS::AccountId,
	//     AWS::Partition, AWS::StackName, AWS::URLSuffix;
	//   - a resource's logical ID: what Ref returns for it;
	//   - "LogicalID.Attribute": what Fn::GetAtt returns;
	//   - "ImportValue:ExportName": what Fn::ImportValue returns;
	//   - a Terraform address followed by "." and the attribute path, such
	//     as "aws_imagebuilder_lifecycle_policy.golden.execution_role": a
	//     value the plan knows only after apply.
	Parameters map[string]string
	// Region is the AWS Region the template is deployed to (AWS::Region),
	// unless Parameters gives AWS::Region. For Terraform it is used only
	// when neither the resource nor its provider names a Region.
	Region string
	// AccountID is the account the template is deployed to
	// (AWS::AccountId), unless Parameters gives AWS::AccountId.
	AccountID string
	// AllowUnknownFields ignores members that the policy shape does not
	// define: in API JSON (as lifecycle.DecodeOptions does) and among a
	// template resource's properties.
	AllowUnknownFields bool
}

// ParseParameters reads KEY=VALUE arguments, as given to the repeatable
// --parameter flag, into the map Options.Parameters takes. The key is
// everything before the first "="; a later argument for the same key
// replaces an earlier one. An argument without "=" or with an empty key is
// an *Error wrapping ErrSyntax that names it.
func ParseParameters(args []string) (map[string]string, error) {
	out := make(map[string]string, len(args))
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return nil, &Error{Err: ErrSyntax,
				Reason: "parameter " + strconv.Quote(a) + " is not KEY=VALUE; write it as Env=prod or AWS::Region=us-east-1"}
		}
		out[k] = v
	}
	return out, nil
}

// Source is what Read found in one input: its kind and the lifecycle
// policies it holds.
type Source struct {
	// Kind names the kind of source, for messages: "lifecycle policy
	// JSON", "CloudFormation template" (JSON or YAML, the output of cdk
	// synth included), "Terraform plan JSON" or "Terraform state JSON".
	Kind string
	// Policies are the lifecycle policies in source order: template
	// resources in the order of the Resources section, Terraform resources
	// in the order of resource_changes (a plan) or of the module tree, root
	// module first, depth first (state). A policy whose resource a plan
	// deletes, or whose template Condition is false, is left out. Read
	// returns at least one.
	Policies []*Policy
}

// Select returns the policy with the given logical ID or address, or,
// for an empty id, the only policy. Its errors are all about the choice
// and list the IDs of the policies: an *Error wrapping ErrNoMatch when no
// policy has the ID, or one wrapping ErrInvalid when id is empty and the
// source holds several, whose message names the flag that chooses one
// ("--resource" for a template, "--address" for Terraform).
func (s *Source) Select(id string) (*Policy, error) {
	ids := make([]string, len(s.Policies))
	for i, p := range s.Policies {
		if id != "" && p.id == id || id == "" && len(s.Policies) == 1 {
			return p, nil
		}
		ids[i] = p.id
	}
	list := strings.Join(ids, ", ")
	switch {
	case len(ids) == 0:
		return nil, &Error{Err: ErrNoMatch, Reason: "the source holds no lifecycle policy"}
	case id != "":
		return nil, &Error{Err: ErrNoMatch,
			Reason: "no lifecycle policy " + strconv.Quote(id) + " in the source; it holds " + list}
	}
	return nil, &Error{Err: ErrInvalid, Reason: "the source holds " + strconv.Itoa(len(ids)) +
		" lifecycle policies (" + list + "); choose one with " + s.Policies[0].kind.selectFlag() + " ID"}
}

// Policy is one lifecycle policy of a source, converted to the API's
// model, with what the source says about where it runs. It keeps the
// source's tree, so that Validate and Locate can name members in the
// source's terms.
type Policy struct {
	id              string
	doc             *lifecycle.Document
	region, account string

	kind     sourceKind
	format   string // "JSON" or "YAML"
	prefix   string // source path of the properties: "Resources.X.Properties" or the address
	props    *node  // the properties as written: the template's Properties, the plan's after
	findings []Finding
	// unresolved holds the API paths of values that could not be read
	// (unresolvable where the dry-run needs them, or of the wrong type);
	// validation findings within them, and "missing" findings of the
	// members enclosing them, are left out: they only repeat that the
	// value is missing.
	unresolved []string
	// paths maps the API path of each value read to its source path.
	paths map[string]string
}

// ID returns the template's logical ID or the Terraform resource address;
// "" for an API-JSON policy.
func (p *Policy) ID() string { return p.id }

// Document returns the converted policy. For a template or Terraform its
// Shape is lifecycle.ShapePolicy. Values the dry-run does not need and
// that cannot be resolved are replaced: the name and execution role by
// Placeholder, the description and tags left out; each is reported by a
// warning of Validate.
func (p *Policy) Document() *lifecycle.Document { return p.doc }

// Region returns the policy's Region, "" when unknown. For API JSON it is
// that of the policy's ARN, else Options.Region; for a template,
// AWS::Region as Options give it. For Terraform it is the resource's
// region argument, else (a plan) the region its provider configuration
// sets as a constant or a root variable, else that of the policy's ARN,
// else Options.Region; a Region that stays unknown is a warning of
// Validate. Pass it to the dry-run for the scope rule (Decision L-26).
func (p *Policy) Region() string { return p.region }

// AccountID returns the policy's account, "" when unknown: that of the
// policy's ARN, else Options.AccountID (for a template, AWS::AccountId as
// Options give it). Pass it to the dry-run for the scope rule (Decision
// L-26).
func (p *Policy) AccountID() string { return p.account }

// Placeholder stands for an unresolved name or execution role, which the
// dry-run does not need. It is a valid value of both members.
const Placeholder = "ibkit-unresolved"

// Read detects the kind of source from its content and reads every
// lifecycle policy in it, so that one entry point serves every policy
// file:
//
//   - JSON with a Resources or AWSTemplateFormatVersion member, or any
//     YAML document: a CloudFormation template. Every resource of type
//     AWS::ImageBuilder::LifecyclePolicy is a policy, named by its logical
//     ID; its PascalCase properties map to the API's camelCase members.
//     YAML's short-form tags (!Ref, !Sub, !GetAtt, ...) are read as their
//     long forms; unquoted yes, no, on, off, y and n are booleans (YAML
//     1.1), and anchors, aliases and merge keys are errors, as
//     CloudFormation has them. The templates "cdk synth" writes are read
//     the same way: the CDK's metadata, rules and other resources are
//     ignored.
//   - JSON with resource_changes or planned_values: "terraform show -json"
//     of a saved plan. Each aws_imagebuilder_lifecycle_policy of
//     resource_changes is a policy with its planned value (change.after),
//     named by its address; one the plan deletes is left out.
//   - JSON with values and format_version: "terraform show -json" of the
//     state, with the policies of the root module and of its child modules
//     at any depth.
//   - Any other JSON object: an API-JSON policy as lifecycle.DecodePolicy
//     reads it (the bare policy, a GetLifecyclePolicy response, a Create
//     or Update input).
//
// Template values are resolved offline where the template and opts tell
// them: Ref to a parameter or pseudo parameter (AWS::Partition and
// AWS::URLSuffix follow from the Region) and AWS::NoValue; Fn::Sub,
// Fn::Join, Fn::Select, Fn::Split, Fn::FindInMap, Fn::Base64, and Fn::If
// on conditions that Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition
// decide. A resource whose Condition is false is not part of the source.
// What cannot be known before deployment (Fn::GetAtt, Fn::ImportValue, Ref
// to a resource, an SSM parameter, a Terraform value known only after
// apply) or is not evaluated (Fn::GetAZs, Fn::Cidr, the language
// extensions) becomes an "unresolved" finding of Policy.Validate.
//
// A malformed document, UTF-16 text included, is an *Error wrapping
// ErrSyntax, with the line and column; an empty document or a source of no
// known kind, one wrapping ErrInvalid; a source without a lifecycle
// policy, one wrapping ErrNoMatch. An API-JSON policy that DecodePolicy
// rejects is an *Error wrapping ErrSyntax (malformed JSON, a member given
// twice) or ErrInvalid (a member of the wrong type or unknown), through
// which errors.As also finds the *lifecycle.Error. Problems
// inside a policy (an unresolvable value, a property of the wrong type)
// are not errors of Read: they are findings of Policy.Validate.
func Read(data []byte, opts Options) (*Source, error) {
	bom, err := jsonread.Encoding(data)
	if err != nil {
		var je *jsonread.Error
		errors.As(err, &je) // Encoding returns no other error
		return nil, &Error{Err: ErrSyntax, Reason: je.Reason}
	}
	data = data[bom:]
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &Error{Err: ErrInvalid, Reason: "the document is empty; expected " + expectedSource}
	}
	format := "YAML"
	var root *node
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		format = "JSON"
		root, err = parseJSON(data)
	} else {
		root, err = parseYAML(data)
	}
	if err != nil {
		return nil, err
	}
	if root.kind != kindMap {
		return nil, &Error{Format: format, Line: root.line, Column: root.col, Err: ErrInvalid,
			Reason: "found " + root.kind.String() + ", expected an object: " + expectedSource}
	}
	var src *Source
	switch {
	case root.member("Resources") != nil || root.member("AWSTemplateFormatVersion") != nil || format == "YAML":
		src, err = readTemplate(root, format, opts)
	case root.member("resource_changes") != nil || root.member("planned_values") != nil:
		src, err = readTerraform(root, srcPlan, opts)
	case root.member("format_version") != nil && (root.member("values") != nil || root.member("terraform_version") != nil):
		src, err = readTerraform(root, srcState, opts)
	case root.member("lineage") != nil && root.member("resources") != nil:
		return nil, &Error{Format: format, Err: ErrInvalid,
			Reason: "this is a raw terraform.tfstate file; give the output of terraform show -json instead"}
	default:
		return readPolicyJSON(data, root, opts)
	}
	if err != nil {
		return nil, err
	}
	if len(src.Policies) == 0 {
		what := "AWS::ImageBuilder::LifecyclePolicy resource"
		if src.Kind != srcTemplate.String() {
			what = "aws_imagebuilder_lifecycle_policy resource that exists after the change"
		}
		return nil, &Error{Format: format, Err: ErrNoMatch, Reason: "the " + src.Kind + " has no " + what}
	}
	return src, nil
}

// expectedSource says what Read expects, for its messages.
const expectedSource = "a JSON or YAML document holding a CloudFormation template, the output of terraform show -json, or a lifecycle policy"

// newSource returns an empty source of kind k.
func newSource(k sourceKind) *Source { return &Source{Kind: k.String()} }

func readPolicyJSON(data []byte, root *node, opts Options) (*Source, error) {
	doc, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{AllowUnknownFields: opts.AllowUnknownFields})
	if err != nil {
		return nil, decodeError(data, err)
	}
	p := &Policy{doc: doc, kind: srcPolicy, format: "JSON", props: root}
	if r, a, ok := arnScope(doc.Policy.ARN); ok {
		p.region, p.account = r, a
	} else {
		p.region, p.account = opts.Region, opts.AccountID
	}
	src := newSource(srcPolicy)
	src.Policies = []*Policy{p}
	return src, nil
}

// decodeError turns an error of lifecycle.DecodePolicy into an *Error at
// the same path, with the line and column of its offset; the
// *lifecycle.Error stays reachable with errors.As.
func decodeError(data []byte, err error) error {
	var de *lifecycle.Error
	if !errors.As(err, &de) {
		return &Error{Format: "JSON", Err: ErrInvalid, Reason: err.Error()}
	}
	sentinel := ErrInvalid // a member of the wrong type, unknown, or not a policy
	if errors.Is(de, lifecycle.ErrSyntax) || de.Code == "duplicate-field" {
		sentinel = ErrSyntax
	}
	pos := position{data: data, line: 1, col: 1}
	line, col := pos.at(de.Offset)
	return &Error{Format: "JSON", Path: de.Path, Line: line, Column: col, Reason: de.Reason,
		Err: &causeError{sentinel: sentinel, cause: de}}
}

// causeError is the Err of an *Error that carries the error of another
// package: errors.Is finds the sentinel and errors.As the cause.
type causeError struct{ sentinel, cause error }

func (e *causeError) Error() string { return e.sentinel.Error() + ": " + e.cause.Error() }

func (e *causeError) Unwrap() []error { return []error{e.sentinel, e.cause} }

// arnScope returns the Region and account of a lifecycle policy ARN.
func arnScope(arn string) (region, account string, ok bool) {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "imagebuilder" || parts[3] == "" || parts[4] == "" {
		return "", "", false
	}
	return parts[3], parts[4], true
}

// finish converts the resolved properties of a policy, records the
// findings, and decodes the result into the policy's Document.
func (p *Policy) finish(resolved *node, opts Options, extra map[string]any) {
	c := converter{p: p, tf: p.kind != srcTemplate, strict: !opts.AllowUnknownFields}
	api := c.object(resolved, policySchema(), "", "")
	for k, v := range extra {
		api[k] = v
	}
	p.doc = decodeConverted(api, p)
	slices.Sort(p.unresolved)
}
