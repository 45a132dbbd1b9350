package arn

import (
	"strconv"
	"strings"
)

// New returns the ARN of a resource of type t that is not a workflow (use
// NewWorkflow for those), without a version:
// "arn:<partition>:imagebuilder:<region>:<account>:<t>/<name>". For the
// unversioned types (pipelines, configurations, lifecycle policies) this is
// the complete ARN; for versioned types it is a name ARN, and WithVersion
// adds the version. Each argument is checked for its own section first (no
// ':' in partition, region and account; name an ARN name of [a-z0-9-_],
// see Name), then the whole as Parse checks it; the error is an *Error
// whose Part names the argument at fault.
func New(partition, region, account string, t ResourceType, name string) (ARN, error) {
	a := ARN{partition: partition, region: region, account: account, typ: t, name: name}
	if t == Workflow {
		return ARN{}, &Error{Input: a.compose(), Part: partStage.String(), Rule: rulePattern.String(), Err: ErrSyntax,
			Reason: "expected a workflow stage: build workflow ARNs with NewWorkflow"}
	}
	return a.build()
}

// NewWorkflow returns the name ARN of a workflow of the stage "build",
// "test" or "distribution":
// "arn:<partition>:imagebuilder:<region>:<account>:workflow/<stage>/<name>".
// The arguments are checked as New checks them. Add a version with
// WithVersion.
func NewWorkflow(partition, region, account, stage, name string) (ARN, error) {
	a := ARN{partition: partition, region: region, account: account, typ: Workflow, stage: stage, name: name}
	if _, ok := lookupStage(stage); !ok {
		return ARN{}, a.argError(partStage, stage, "expected build, test or distribution")
	}
	return a.build()
}

// build checks the arguments of New and NewWorkflow held in a, each in its
// own section, then parses the text they compose.
func (a ARN) build() (ARN, error) {
	for _, arg := range [...]struct {
		part  part
		value string
	}{{partPartition, a.partition}, {partRegion, a.region}, {partAccount, a.account}} {
		if strings.IndexByte(arg.value, ':') >= 0 {
			return ARN{}, a.argError(arg.part, arg.value, "expected no ':' in the "+arg.part.String()+
				": it separates the sections of an ARN")
		}
	}
	if _, _, known := lookupType(string(a.typ)); !known {
		return ARN{}, a.argError(partResourceType, string(a.typ), typesReason(0))
	}
	if !isARNName(a.name) {
		return ARN{}, a.argError(partName, a.name,
			"expected one or more lower-case letters, digits, '-' or '_' and nothing else (Name derives it from a resource name)")
	}
	return Parse(a.compose())
}

// argError reports an argument of New or NewWorkflow that cannot stand in
// its part of the ARN.
func (a ARN) argError(p part, found, reason string) error {
	return &Error{Input: a.compose(), Part: p.String(), Found: found, Rule: rulePattern.String(), Err: ErrSyntax,
		Reason: reason}
}

// WithVersion returns a with the version part replaced by version: a
// semantic version such as "1.2.3", a wildcard version such as "1.2.x" or
// a build version such as "1.2.3/4" (the String forms of the semver
// package's Version, Filter and BuildVersion), or "" for the name ARN. The
// result is checked as Parse checks it, so a version fails for the
// unversioned types and a build for recipes; the error is an *Error.
func (a ARN) WithVersion(version string) (ARN, error) {
	if a.IsZero() {
		return ARN{}, a.builderError("expected an ARN to set the version of")
	}
	a.vtext = version
	if version == "" {
		a.kind, a.fixed, a.ver, a.text = KindNone, 0, ARN{}.ver, a.compose()
		return a, nil
	}
	return Parse(a.compose())
}

// VersionARN returns the version ARN of a build or version ARN: the build
// is dropped ("image/x/1.2.3/4" gives "image/x/1.2.3"). Other kinds have no
// concrete version and give an error wrapping ErrInvalid.
func (a ARN) VersionARN() (ARN, error) {
	switch a.kind {
	case KindVersion:
		return a, nil
	case KindBuild:
		return a.WithVersion(a.vtext[:strings.IndexByte(a.vtext, '/')])
	}
	return ARN{}, a.builderError("expected a version or build ARN, which has a concrete version")
}

// WildcardARN returns the ARN whose version keeps the first keep nodes of
// a's version and has x in the others: keep 0 gives x.x.x, 1 gives M.x.x,
// 2 gives M.m.x and 3 gives the version ARN M.m.p. The kept nodes are
// written as in a. a must be a version or build ARN, or a wildcard ARN with
// at least keep numeric nodes (keep 0 also works for name ARNs of versioned
// types); keep outside 0..3 is an error.
//
// For keep from 0 to 3 these are the four ARNs the service returns in a
// LatestVersionReferences structure (latestVersionArn, latestMajorVersionArn,
// latestMinorVersionArn, latestPatchVersionArn).
func (a ARN) WildcardARN(keep int) (ARN, error) {
	switch {
	case keep < 0 || keep > 3:
		return ARN{}, a.builderError("found keep " + strconv.Itoa(keep) + ", expected 0 to 3 nodes to keep")
	case a.IsZero():
		return ARN{}, a.builderError("found the zero ARN, expected an ARN to make a wildcard version of")
	case !a.typ.Versioned():
		return ARN{}, a.builderError("expected a versioned resource type; " + article(string(a.typ)) + " ARN takes no version")
	case a.kind == KindNone && keep > 0,
		(a.kind == KindWildcard || a.kind == KindWildcardBuild) && int(a.fixed) < keep:
		return ARN{}, a.builderError("expected an ARN with at least the nodes to keep")
	}
	if keep == 3 {
		return a.VersionARN()
	}
	if keep == 0 {
		return a.WithVersion("x.x.x")
	}
	semantic := a.vtext
	if i := strings.IndexByte(semantic, '/'); i >= 0 {
		semantic = semantic[:i]
	}
	nodes := strings.SplitN(semantic, ".", 3) // three nodes: a has at least one numeric node
	for i := keep; i < 3; i++ {
		nodes[i] = "x"
	}
	return a.WithVersion(strings.Join(nodes, "."))
}

// builderError reports a conversion that a's version form does not allow.
func (a ARN) builderError(reason string) error {
	return &Error{Input: a.String(), Part: partVersion.String(), Rule: rulePattern.String(), Found: a.vtext,
		Reason: reason, Err: ErrInvalid}
}
