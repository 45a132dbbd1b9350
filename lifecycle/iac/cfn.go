package iac

import (
	"github.com/ibkit/ibkit/lifecycle"
)

// lifecyclePolicyType is the CloudFormation resource type of a policy.
const lifecyclePolicyType = "AWS::ImageBuilder::LifecyclePolicy"

// readTemplate reads every AWS::ImageBuilder::LifecyclePolicy resource of
// a CloudFormation template; all other resources (a CDK app's metadata,
// roles, pipelines) are ignored.
func readTemplate(root *node, format string, opts Options) (*Source, error) {
	src := &Source{Kind: KindCloudFormation, Format: format}
	res := root.member("Resources")
	if res == nil {
		return src, nil
	}
	if res.kind != kindMap {
		return nil, &ReadError{Format: format, Path: "Resources", Line: res.line, Column: res.col, Err: ErrShape,
			Reason: "is " + res.kind.String() + "; expected an object of resources by logical ID"}
	}
	t := newTemplate(root, opts)
	for i, id := range res.keys {
		r := res.items[i]
		if typ := r.member("Type"); typ == nil || typ.kind != kindString || typ.text != lifecyclePolicyType {
			continue
		}
		p := &Policy{ID: id, kind: KindCloudFormation, prefix: "Resources." + id + ".Properties"}
		p.Region, p.AccountID = t.scalar("AWS::Region"), t.scalar("AWS::AccountId")
		if cond := r.member("Condition"); cond != nil {
			v, ok, why := t.condition(cond)
			if ok && !v {
				continue // not created with these parameters
			}
			if !ok {
				p.addFindingAt(lifecycle.SeverityWarning, "Resources."+id+".Condition", cond.line, cond.col, CodeUndecidedCondition,
					"cannot be decided offline ("+why+"); the policy is read as if it were created")
			}
		}
		props := r.member("Properties")
		p.props = props
		if props == nil {
			p.addFindingAt(lifecycle.SeverityError, "Resources."+id+".Properties", r.line, r.col, "required",
				"is missing; a lifecycle policy needs its properties")
		}
		p.finish(t.resolve(props), opts, nil)
		src.Policies = append(src.Policies, p)
	}
	return src, nil
}
