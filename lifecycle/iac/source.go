package iac

import (
	"bytes"
	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
)

// Kind is the kind of source a policy was read from. The zero Kind is
// not valid.
type Kind uint8

// The kinds of source Read recognises.
const (
	// KindPolicy is an API-JSON policy document in one of the shapes
	// lifecycle.DecodePolicy accepts.
	KindPolicy Kind = iota + 1
	// KindCloudFormation is a CloudFormation template, JSON or YAML,
	// including the templates that "cdk synth" writes.
	KindCloudFormation
	// KindTerraformPlan is the output of "terraform show -json" for a
	// saved plan.
	KindTerraformPlan
	// KindTerraformState is the output of "terraform show -json" for the
	// current state.
	KindTerraformState
)

// String returns a short English name of the kind.
func (k Kind) String() string {
	switch k {
	case KindPolicy:
		return "lifecycle policy JSON"
	case KindCloudFormation:
		return "CloudFormation template"
	case KindTerraformPlan:
		return "Terraform plan JSON"
	case KindTerraformState:
		return "Terraform state JSON"
	}
	return "unknown source"
}

// SelectFlag returns the command-line flag that chooses one policy among
// several in a source of this kind: "--resource" for a template,
// "--address" for Terraform, "" for an API-JSON policy, which holds one.
func (k Kind) SelectFlag() string {
	switch k {
	case KindCloudFormation:
		return "--resource"
	case KindTerraformPlan, KindTerraformState:
		return "--address"
	}
	return ""
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
// an error naming it.
func ParseParameters(args []string) (map[string]string, error) {
	out := make(map[string]string, len(args))
	for _, a := range args {
		k, v, ok := strings.Cut(a, "=")
		if !ok || k == "" {
			return nil, &ParameterError{Arg: a}
		}
		out[k] = v
	}
	return out, nil
}

// ParameterError reports a --parameter argument that is not KEY=VALUE.
type ParameterError struct {
	// Arg is the argument as given.
	Arg string
}

// Unwrap returns ErrParameter.
func (e *ParameterError) Unwrap() error { return ErrParameter }

// Error implements error.
func (e *ParameterError) Error() string {
	return "iac: parameter " + strconv.Quote(e.Arg) + " is not KEY=VALUE; write it as Env=prod or AWS::Region=us-east-1"
}

// Source is what Read found in one input: its kind and the lifecycle
// policies it holds.
type Source struct {
	Kind Kind
	// Format is "JSON" or "YAML".
	Format string
	// Policies are the lifecycle policies in source order: template
	// resources in the order of the Resources section, Terraform resources
	// in the order of resource_changes (a plan) or of the module tree, root
	// module first, depth first (state). A policy whose resource a plan
	// deletes, or whose template Condition is false, is left out.
	Policies []*Policy
}

// IDs returns the IDs of the policies, in the order of Policies.
func (s *Source) IDs() []string {
	ids := make([]string, len(s.Policies))
	for i, p := range s.Policies {
		ids[i] = p.ID
	}
	return ids
}

// Select returns the policy with the given logical ID or address. An
// empty id selects the only policy; with several it is a *SelectError
// wrapping ErrAmbiguous that lists them; an id that names none is a
// *SelectError wrapping ErrNotFound.
func (s *Source) Select(id string) (*Policy, error) {
	if id == "" {
		if len(s.Policies) == 1 {
			return s.Policies[0], nil
		}
		return nil, &SelectError{Available: s.IDs(), Flag: s.Kind.SelectFlag(), Err: ErrAmbiguous}
	}
	for _, p := range s.Policies {
		if p.ID == id {
			return p, nil
		}
	}
	return nil, &SelectError{ID: id, Available: s.IDs(), Flag: s.Kind.SelectFlag(), Err: ErrNotFound}
}

// Policy is one lifecycle policy of a source, converted to the API's
// model, with what the source says about where it runs.
type Policy struct {
	// ID is the template's logical ID or the Terraform resource address;
	// "" for an API-JSON policy.
	ID string
	// Document is the converted policy. For a template or Terraform its
	// Shape is lifecycle.ShapePolicy. Values the dry-run does not need
	// and that cannot be resolved are replaced: the name and execution role
	// by Placeholder, the description and tags left out; each is reported
	// by a warning.
	Document *lifecycle.Document
	// Region and AccountID are those of the policy when the source or the
	// options tell them (for Terraform: the resource's region argument, else
	// its provider's configured region, a constant or a root variable, else
	// Options.Region; the policy ARN in state); "" when unknown, which a
	// Terraform policy reports by a warning. Pass them to the dry-run for
	// the scope rule (Decision L-26).
	Region, AccountID string

	kind     Kind
	prefix   string // source path of the properties: "Resources.X.Properties" or the address
	props    *node  // the properties as written: the template's Properties, the plan's after
	findings Findings
	// unresolved holds the API paths of values that could not be read
	// (unresolvable where the dry-run needs them, or of the wrong type);
	// validation findings within them, and "missing" findings of the
	// members enclosing them, are left out: they only repeat that the
	// value is missing.
	unresolved []string
	// paths maps the API path of each value read to its source path.
	paths map[string]string
}

// Placeholder stands for an unresolved name or execution role, which the
// dry-run does not need. It is a valid value of both members.
const Placeholder = "ibkit-unresolved"

// Read detects the kind of source from its content and reads every
// lifecycle policy in it:
//
//   - JSON with a Resources or AWSTemplateFormatVersion member, or any
//     YAML document: a CloudFormation template (CDK output included);
//   - JSON with resource_changes or planned_values: "terraform show -json"
//     of a saved plan;
//   - JSON with values and format_version: "terraform show -json" of the
//     state;
//   - any other JSON object: an API-JSON policy (lifecycle.DecodePolicy).
//
// A malformed document is a *ReadError wrapping ErrSyntax, with the line
// and column; a source of no known kind, one wrapping ErrShape; a source
// without a lifecycle policy, one wrapping ErrNoPolicy. An API-JSON policy
// that DecodePolicy rejects returns its *lifecycle.Error. Problems
// inside a policy (an unresolvable value, a property of the wrong type)
// are not errors of Read: they are findings of Policy.Validate.
func Read(data []byte, opts Options) (*Source, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	format := "YAML"
	var root *node
	var err error
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
		return nil, &ReadError{Format: format, Line: root.line, Column: root.col, Err: ErrShape,
			Reason: "found " + root.kind.String() + ", expected an object: a CloudFormation template, the output of terraform show -json, or a lifecycle policy"}
	}
	var src *Source
	switch {
	case root.member("Resources") != nil || root.member("AWSTemplateFormatVersion") != nil || format == "YAML":
		src, err = readTemplate(root, format, opts)
	case root.member("resource_changes") != nil || root.member("planned_values") != nil:
		src, err = readTerraform(root, KindTerraformPlan, opts)
	case root.member("format_version") != nil && (root.member("values") != nil || root.member("terraform_version") != nil):
		src, err = readTerraform(root, KindTerraformState, opts)
	case root.member("lineage") != nil && root.member("resources") != nil:
		return nil, &ReadError{Format: format, Err: ErrShape,
			Reason: "this is a raw terraform.tfstate file; give the output of terraform show -json instead"}
	default:
		return readPolicyJSON(data, root, opts)
	}
	if err != nil {
		return nil, err
	}
	if len(src.Policies) == 0 {
		what := "AWS::ImageBuilder::LifecyclePolicy resource"
		if src.Kind != KindCloudFormation {
			what = "aws_imagebuilder_lifecycle_policy resource that exists after the change"
		}
		return nil, &ReadError{Format: format, Err: ErrNoPolicy, Reason: "the " + src.Kind.String() + " has no " + what}
	}
	return src, nil
}

func readPolicyJSON(data []byte, root *node, opts Options) (*Source, error) {
	doc, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{AllowUnknownFields: opts.AllowUnknownFields})
	if err != nil {
		return nil, err
	}
	p := &Policy{Document: doc, kind: KindPolicy, props: root}
	if r, a, ok := arnScope(doc.Policy.ARN); ok {
		p.Region, p.AccountID = r, a
	} else {
		p.Region, p.AccountID = opts.Region, opts.AccountID
	}
	return &Source{Kind: KindPolicy, Format: "JSON", Policies: []*Policy{p}}, nil
}

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
	c := converter{p: p, tf: p.kind != KindCloudFormation, strict: !opts.AllowUnknownFields}
	api := c.object(resolved, policySchema(), "", "")
	for k, v := range extra {
		api[k] = v
	}
	p.Document = decodeConverted(api, p)
	slices.Sort(p.unresolved)
}
