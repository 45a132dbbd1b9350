package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// sourceFlags choose the policy inside a CloudFormation template, CDK
// output or Terraform JSON, and supply the values the source cannot.
type sourceFlags struct {
	parameters stringList
	resource   string
	address    string
}

func (s *sourceFlags) register(fs *flag.FlagSet) {
	fs.Var(&s.parameters, "parameter", "a value the policy source cannot give, as `KEY=VALUE` (repeatable): a template parameter, "+
		"a pseudo parameter such as AWS::Region, LogicalID.Attribute for Fn::GetAtt, or a Terraform address and attribute known only after apply")
	fs.StringVar(&s.resource, "resource", "", "the `LOGICAL_ID` of the lifecycle policy in a CloudFormation template or CDK output that holds several")
	fs.StringVar(&s.address, "address", "", "the resource `ADDRESS` of the lifecycle policy in Terraform JSON that holds several")
}

// readSource reads --policy (or the sample) as any policy source: API
// JSON, a CloudFormation template in JSON or YAML, CDK output, or the JSON
// of terraform show. region and account are the --region and --account
// values, which templates take as AWS::Region and AWS::AccountId.
func (e *env) readSource(in *lifecycleInput, region, account string) (string, *iac.Source, error) {
	name, data, err := e.readPolicyFile(in)
	if err != nil {
		return "", nil, err
	}
	src, err := parseSource(data, in, region, account)
	var ue *usageError
	if err != nil && !errors.As(err, &ue) {
		err = wrongKind(name, data, "--policy", fmt.Errorf("%s: %w", name, err))
	}
	return name, src, err
}

// parseSource reads data as a policy source under the source flags; a
// malformed flag value is a usage error.
func parseSource(data []byte, in *lifecycleInput, region, account string) (*iac.Source, error) {
	if in.source.resource != "" && in.source.address != "" {
		return nil, usagef("give --resource for a template or --address for Terraform, not both")
	}
	params, err := iac.ParseParameters(in.source.parameters)
	if err != nil {
		return nil, usagef("%v", err)
	}
	src, err := iac.Read(data, iac.Options{Parameters: params, Region: region, AccountID: account, AllowUnknownFields: in.lenient})
	var de *lifecycle.Error
	if errors.As(err, &de) {
		return nil, de // API JSON: reported in the policy decoder's terms, with the byte offset
	}
	var re *iac.Error
	if errors.As(err, &re) && errors.Is(err, iac.ErrSyntax) && re.Format == "JSON" {
		// For malformed JSON the policy decoder's error is the more
		// useful: it names the JSON path where the document broke off.
		if _, derr := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{AllowUnknownFields: true}); errors.Is(derr, lifecycle.ErrSyntax) {
			return nil, derr
		}
	}
	return src, err
}

// selectPolicy picks the policy --resource or --address names, or the
// only one. Choosing is part of the command line: a flag that does not fit
// the kind of source, a name the source lacks or a missing choice among
// several policies is a usage error that lists the policies.
func selectPolicy(name string, src *iac.Source, in *lifecycleInput) (*iac.Policy, error) {
	flag, id := "--resource", in.source.resource
	if in.source.address != "" {
		flag, id = "--address", in.source.address
	}
	if want := selectFlag(src.Kind); id != "" && want != flag {
		if want == "" {
			return nil, usagef("%s holds one policy (%s); leave %s out", name, src.Kind, flag)
		}
		return nil, usagef("%s is %s; choose its policy with %s, not %s", name, src.Kind, want, flag)
	}
	p, err := src.Select(id) // every error of Select is about the choice
	if err != nil {
		return nil, usagef("%s: %v", name, err)
	}
	return p, nil
}

// selectFlag returns the flag that chooses one policy in a source of the
// kind iac.Source.Kind names: "" for API JSON, which holds one.
func selectFlag(kind string) string {
	switch {
	case strings.HasPrefix(kind, "CloudFormation"):
		return "--resource"
	case strings.HasPrefix(kind, "Terraform"):
		return "--address"
	}
	return ""
}

// readingWarnings returns the warnings of reading the policy from its
// source that validation itself does not make: values that cannot be
// resolved offline, conditions that cannot be decided, properties the
// resource type lacks. Their paths are in the source's terms.
func readingWarnings(fs []iac.Finding) lifecycle.Findings {
	var out lifecycle.Findings
	for _, f := range fs {
		switch f.Code {
		case "unresolved", "undecided-condition", "unknown-property", "wrong-type":
			if f.Severity == lifecycle.SeverityWarning {
				out = append(out, f.Finding)
			}
		}
	}
	return out
}

// plainFindings returns the findings without their positions.
func plainFindings(fs []iac.Finding) lifecycle.Findings {
	out := make(lifecycle.Findings, len(fs))
	for i, f := range fs {
		out[i] = f.Finding
	}
	return out
}

// sourceLocation names a finding's place in the policy source: the file,
// and the line and column when the source is YAML or JSON with positions.
func sourceLocation(name string, f iac.Finding) string {
	if f.Line > 0 {
		return name + ":" + strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	}
	return name
}

// readFinding turns an error of iac.Read into an error finding, so that
// lifecycle validate reports it in its chosen output; ok is false for an
// error that is not about the document.
func readFinding(err error) (iac.Finding, bool) {
	if f, ok := decodeFinding(err); ok {
		return iac.Finding{Finding: f}, true
	}
	var re *iac.Error
	if !errors.As(err, &re) {
		return iac.Finding{}, false
	}
	code := codeInvalidJSON
	switch {
	case !errors.Is(re, iac.ErrSyntax): // ErrInvalid or ErrNoMatch
		code = codeUnrecognisedShape
	case re.Format == "YAML":
		code = codeInvalidYAML
	}
	return iac.Finding{Finding: lifecycle.Finding{Severity: lifecycle.SeverityError, Path: re.Path, Code: code, Message: re.Reason},
		Line: re.Line, Column: re.Column}, true
}

// planOptions adds the policy's Region and account from its source to
// the options of the flags; a --region or --account that contradicts the
// source is a usage error.
func planOptions(pf *planFlags, p *iac.Policy, run *runInput) (plan.Options, error) {
	o := pf.options()
	for _, f := range []struct {
		flag       string
		given, src string
		set        *string
	}{{"--region", o.Region, p.Region(), &o.Region}, {"--account", o.AccountID, p.AccountID(), &o.AccountID}} {
		switch {
		case f.src == "":
		case f.given == "":
			*f.set = f.src
		case f.given != f.src:
			return o, usagef("%s %s contradicts the policy source %s, which says %s; leave %s out", f.flag, f.given, run.policyName, f.src, f.flag)
		}
	}
	return o, nil
}
