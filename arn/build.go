package arn

import (
	"strings"

	"github.com/ibkit/ibkit/semver"
)

// New returns the ARN of a resource of type t that is not a workflow
// (use NewWorkflow for those), without a version:
// "arn:<partition>:imagebuilder:<region>:<account>:<t>/<name>". For the
// unversioned types (pipelines, configurations, lifecycle policies) this is
// the complete ARN; for versioned types it is a name ARN, and WithVersion,
// WithFilter and WithBuild add the version. The fields are checked as Parse
// checks them; the error is a *ParseError.
func New(partition, region, account string, t ResourceType, name string) (ARN, error) {
	if t == Workflow {
		return ARN{}, &ParseError{Field: FieldStage, Rule: RulePattern, Found: "", Err: ErrSyntax,
			Input:  "arn:" + partition + ":imagebuilder:" + region + ":" + account + ":workflow/" + name,
			Reason: "expected a workflow stage: build workflow ARNs with NewWorkflow"}
	}
	return Parse(ARN{Partition: partition, Region: region, Account: account, Type: t, Name: name}.String())
}

// NewWorkflow returns the name ARN of a workflow,
// "arn:<partition>:imagebuilder:<region>:<account>:workflow/<stage>/<name>".
// Add a version with WithVersion, WithFilter or WithBuild.
func NewWorkflow(partition, region, account string, stage Stage, name string) (ARN, error) {
	return Parse(ARN{Partition: partition, Region: region, Account: account, Type: Workflow, Stage: stage, Name: name}.String())
}

// WithVersion returns a with the version part replaced by v
// ("type/name/1.2.3"). It fails for the unversioned types.
func (a ARN) WithVersion(v semver.Version) (ARN, error) {
	return a.withText(v.String())
}

// WithBuild returns a with the version part replaced by b
// ("type/name/1.2.3/4"). It fails for types without builds (recipes and the
// unversioned types).
func (a ARN) WithBuild(b semver.BuildVersion) (ARN, error) {
	return a.withText(b.String())
}

// WithFilter returns a with the version part replaced by f
// ("type/name/1.2.x"; an exact filter gives a version ARN). It fails for the
// unversioned types.
func (a ARN) WithFilter(f semver.Filter) (ARN, error) {
	return a.withText(f.String())
}

// WithoutVersion returns a without its version part ("type/name"): the ARN
// itself for unversioned types and the name ARN for versioned ones.
func (a ARN) WithoutVersion() ARN {
	a.kind, a.fixed, a.vtext, a.ver = KindNone, 0, "", semver.BuildVersion{}
	return a
}

// withText returns a with the version text replaced, checked by Parse.
func (a ARN) withText(vtext string) (ARN, error) {
	a.vtext = vtext
	return Parse(a.String())
}

// VersionARN returns the version ARN of a build or version ARN: the build
// is dropped ("image/x/1.2.3/4" gives "image/x/1.2.3"). Other kinds have no
// concrete version and give an error wrapping ErrVersionForm.
func (a ARN) VersionARN() (ARN, error) {
	switch a.kind {
	case KindVersion:
		return a, nil
	case KindBuild:
		a.kind = KindVersion
		a.vtext = a.vtext[:strings.IndexByte(a.vtext, '/')]
		a.ver = semver.NewBuild(a.ver.Version(), 0)
		return a, nil
	}
	return ARN{}, a.ladderError("expected a version or build ARN, which has a concrete version")
}

// WildcardARN returns the ARN whose version keeps the first keep nodes of
// a's version and has x in the others: keep 0 gives x.x.x, 1 gives M.x.x,
// 2 gives M.m.x and 3 gives the version ARN M.m.p. The kept nodes are
// written as in a. a must be a version or build ARN, or a wildcard ARN with
// at least keep numeric nodes (keep 0 also works for name ARNs of versioned
// types). keep outside 0..3 is an error.
func (a ARN) WildcardARN(keep int) (ARN, error) {
	if keep < 0 || keep > 3 {
		return ARN{}, a.ladderError("expected 0 to 3 nodes to keep")
	}
	switch {
	case !a.Type.Versioned():
		return ARN{}, a.ladderError("expected a versioned resource type; " + article(string(a.Type)) + " ARN takes no version")
	case a.kind == KindNone && keep > 0,
		(a.kind == KindWildcard || a.kind == KindWildcardBuild) && int(a.fixed) < keep:
		return ARN{}, a.ladderError("expected an ARN with at least the nodes to keep")
	}
	if keep == 3 {
		return a.VersionARN()
	}
	if keep == 0 {
		return a.withText("x.x.x")
	}
	semantic := a.vtext
	if i := strings.IndexByte(semantic, '/'); i >= 0 {
		semantic = semantic[:i]
	}
	nodes := strings.SplitN(semantic, ".", 3) // three nodes: a has at least one numeric node
	for i := keep; i < 3; i++ {
		nodes[i] = "x"
	}
	return a.withText(strings.Join(nodes, "."))
}

// LatestVersionReferences are the four ARNs the service returns in the
// model's LatestVersionReferences structure for a resource version: they
// select the latest version overall, within the major version, within the
// minor version, and the latest build of the patch version.
type LatestVersionReferences struct {
	LatestVersion      ARN // .../x.x.x (latestVersionArn)
	LatestMajorVersion ARN // .../M.x.x (latestMajorVersionArn)
	LatestMinorVersion ARN // .../M.m.x (latestMinorVersionArn)
	LatestPatchVersion ARN // .../M.m.p (latestPatchVersionArn)
}

// LatestVersionReferences returns the four latest-version references of a
// version or build ARN. Workflow ARNs keep their stage.
func (a ARN) LatestVersionReferences() (LatestVersionReferences, error) {
	var r LatestVersionReferences
	if a.kind != KindVersion && a.kind != KindBuild {
		return r, a.ladderError("expected a version or build ARN, which has a concrete version")
	}
	var err error
	for keep, dst := range [...]*ARN{&r.LatestVersion, &r.LatestMajorVersion, &r.LatestMinorVersion, &r.LatestPatchVersion} {
		if *dst, err = a.WildcardARN(keep); err != nil {
			return LatestVersionReferences{}, err
		}
	}
	return r, nil
}

// ladderError reports a conversion that a's version form does not allow.
func (a ARN) ladderError(reason string) error {
	return &ParseError{Input: a.String(), Field: FieldVersion, Rule: RulePattern, Found: a.vtext,
		Reason: reason, Err: ErrVersionForm}
}
