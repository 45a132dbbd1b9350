package arn

import (
	"errors"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/semver"
)

// ARN is a valid Image Builder ARN:
//
//	arn:<partition>:imagebuilder:<region>:<account>:<type>/<name>[/<version>[/<build>]]
//	arn:<partition>:imagebuilder:<region>:<account>:workflow/<stage>/<name>[/<version>[/<build>]]
//
// It is an opaque value, like netip.Addr: Parse and the builders make one,
// and the accessors return its parts exactly as written. ARN is a small
// comparable value: two ARNs are == when their texts are equal (versions
// written 1.01.0 and 1.1.0 differ; compare Version results to compare
// numerically). The zero ARN is not valid and prints as "".
type ARN struct {
	text                       string // the whole ARN as parsed
	partition, region, account string // parts of text
	typ                        ResourceType
	stage, name                string

	ver   semver.BuildVersion // numeric nodes (0 where the node is x) and build
	kind  VersionKind
	fixed uint8  // numeric nodes before the first x
	vtext string // version text as written, such as "2021.01.01/3"; "" for KindNone
}

// Partition returns the partition, such as "aws" or "aws-cn".
func (a ARN) Partition() string { return a.partition }

// Region returns the region, such as "us-east-1".
func (a ARN) Region() string { return a.region }

// Account returns the owner section: 12 digits, "aws", "aws-marketplace",
// "third-party" or another "aws-" owner (see Owner).
func (a ARN) Account() string { return a.account }

// Type returns the resource type, one of the nine ResourceType constants,
// or "" for the zero ARN.
func (a ARN) Type() ResourceType { return a.typ }

// Stage returns the workflow stage, "build", "test" or "distribution", of a
// workflow ARN, and "" for every other type.
func (a ARN) Stage() string { return a.stage }

// Name returns the ARN name, such as "my-recipe".
func (a ARN) Name() string { return a.name }

// VersionKind is the form of the version part of an ARN.
type VersionKind uint8

// The version forms.
const (
	// KindNone: no version, "type/name". Unversioned types always have
	// this form; for versioned types it is the name ARN of generic fields.
	KindNone VersionKind = iota
	// KindVersion: a semantic version, "type/name/1.2.3".
	KindVersion
	// KindWildcard: a version with trailing x nodes: 1.2.x, 1.x.x or x.x.x.
	KindWildcard
	// KindBuild: a build version, "type/name/1.2.3/4".
	KindBuild
	// KindWildcardBuild: a wildcard version with a build, such as
	// "x.x.x/1". The generic ImageBuilderArn pattern accepts it, but no
	// resource has it; Parse returns it only under GenericPatternOnly.
	KindWildcardBuild
)

// String returns the kind's name: "none", "version", "wildcard", "build"
// or "wildcard+build".
func (k VersionKind) String() string {
	switch k {
	case KindNone:
		return "none"
	case KindVersion:
		return "version"
	case KindWildcard:
		return "wildcard"
	case KindBuild:
		return "build"
	case KindWildcardBuild:
		return "wildcard+build"
	}
	return "VersionKind(" + strconv.Itoa(int(k)) + ")"
}

// Parse parses a generic Image Builder ARN. It accepts what Validate
// accepts for ImageBuilderArn, minus the version forms the resource type
// cannot have (decision AS-4): image-pipeline, infrastructure-configuration,
// distribution-configuration and lifecycle-policy ARNs take no version,
// recipe versions have no build, and a wildcard version has no build.
// Versioned types without a version (name ARNs such as
// "arn:aws:imagebuilder:us-east-1:aws:image/my-image") are accepted.
//
// The error is an *Error. Parse does not allocate for valid input.
func Parse(s string) (ARN, error) {
	return parse(s, reading{})
}

// MustParse is like Parse but panics on error. It is meant for tests and
// constants.
func MustParse(s string) ARN {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// Parse is like the package-level Parse under the readings o selects.
// RegexOnly is ignored: an ARN value cannot hold versions that break the
// documented rules.
func (o Options) Parse(s string) (ARN, error) {
	r, err := o.reading()
	if err != nil {
		return ARN{}, err
	}
	return parse(s, r)
}

// parse is Parse under the readings r.
func parse(s string, r reading) (ARN, error) {
	c := checker{o: r, parse: true}
	sp := genericSpec()
	var p ibParts
	c.imageBuilder(&sp, s, &p)
	if c.fail.rule != ruleNone {
		return ARN{}, c.err("", s)
	}
	p.finish()
	p.arn.text = s
	return p.arn, nil
}

// finish completes the ARN of checked parts with the decoded version.
func (p *ibParts) finish() {
	a := &p.arn
	switch p.form {
	case formNone:
		return
	case formVersion:
		a.kind = KindVersion
	case formWildcard:
		a.kind = KindWildcard
	case formBuild:
		a.kind = KindBuild
	case formWildcardBuild:
		a.kind = KindWildcardBuild
	}
	a.fixed = uint8(p.v.Fixed())
	// The nodes were checked against the node limit, so New cannot fail.
	v, _ := semver.New(p.v.Nodes[0], p.v.Nodes[1], p.v.Nodes[2])
	a.ver = semver.NewBuild(v, p.v.BuildValue)
}

// IsZero reports whether a is the zero ARN.
func (a ARN) IsZero() bool { return a == ARN{} }

// String returns the ARN's text: for a parsed ARN exactly the input of
// Parse. The zero ARN prints as "". String does not allocate.
func (a ARN) String() string { return a.text }

// compose writes the text of a's parts; the builders parse it.
func (a ARN) compose() string {
	var b strings.Builder
	b.Grow(len("arn::imagebuilder:::/") + len(a.partition) + len(a.region) + len(a.account) +
		len(a.typ) + len(a.stage) + len(a.name) + len(a.vtext) + 2)
	b.WriteString("arn:")
	b.WriteString(a.partition)
	b.WriteString(":imagebuilder:")
	b.WriteString(a.region)
	b.WriteByte(':')
	b.WriteString(a.account)
	b.WriteByte(':')
	b.WriteString(string(a.typ))
	b.WriteByte('/')
	if a.stage != "" {
		b.WriteString(a.stage)
		b.WriteByte('/')
	}
	b.WriteString(a.name)
	if a.vtext != "" {
		b.WriteByte('/')
		b.WriteString(a.vtext)
	}
	return b.String()
}

// AppendText implements encoding.TextAppender: it appends the text of a,
// as String returns it, to b. It does not allocate when b has room.
func (a ARN) AppendText(b []byte) ([]byte, error) {
	return append(b, a.text...), nil
}

// MarshalText implements encoding.TextMarshaler. The zero ARN marshals to
// empty text.
func (a ARN) MarshalText() ([]byte, error) {
	return []byte(a.text), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with Parse. Empty text
// gives the zero ARN.
func (a *ARN) UnmarshalText(text []byte) error {
	if a == nil {
		return errNilARN
	}
	if len(text) == 0 {
		*a = ARN{}
		return nil
	}
	p, err := Parse(string(text))
	if err != nil {
		return err
	}
	*a = p
	return nil
}

// errNilARN is returned by UnmarshalText on a nil *ARN.
var errNilARN = errors.New("arn: UnmarshalText on nil pointer")

// VersionKind returns the form of the version part.
func (a ARN) VersionKind() VersionKind { return a.kind }

// VersionText returns the version part as written, such as "1.2.x" or
// "2021.01.01/3", or "" when there is none.
func (a ARN) VersionText() string { return a.vtext }

// Version returns the semantic version of a version or build ARN. It
// returns false for other kinds.
func (a ARN) Version() (semver.Version, bool) {
	if a.kind != KindVersion && a.kind != KindBuild {
		return semver.Version{}, false
	}
	return a.ver.Version(), true
}

// BuildVersion returns the version and build of a build ARN. It returns
// false for other kinds.
func (a ARN) BuildVersion() (semver.BuildVersion, bool) {
	if a.kind != KindBuild {
		return semver.BuildVersion{}, false
	}
	return a.ver, true
}

// Build returns the build number of a build ARN, including the
// KindWildcardBuild form. It returns false when the ARN has no build.
func (a ARN) Build() (uint64, bool) {
	if a.kind != KindBuild && a.kind != KindWildcardBuild {
		return 0, false
	}
	return a.ver.Build(), true
}

// Filter returns the version part as a semver filter: the exact version of
// a version or build ARN (the build is left out), or the wildcard of a
// wildcard ARN (also for KindWildcardBuild). It returns false for ARNs
// without a version.
func (a ARN) Filter() (semver.Filter, bool) {
	switch a.kind {
	case KindVersion, KindBuild, KindWildcard, KindWildcardBuild:
		text := a.vtext
		if i := strings.IndexByte(text, '/'); i >= 0 {
			text = text[:i]
		}
		f, err := semver.ParseFilter(text)
		return f, err == nil
	}
	return semver.Filter{}, false
}

// Decisions returns the decisions whose condition holds for a, ordered as
// the README's decisions table (family, then number): AS-2 for the owner "third-party", AS-3 for an
// "aws-" owner other than "aws-marketplace", AS-4 for a name ARN of a
// versioned type or a version form the type cannot have, AS-5 for an
// unknown partition or a region that does not fit it, AS-6 for a version
// written with leading zeros, and AS-10 for build 0. It returns the same
// as Options{}.Check("ImageBuilderArn", a.String()).
func (a ARN) Decisions() []Decision {
	c := checker{o: reading{generic: true}, parse: true, report: true}
	sp := genericSpec()
	var p ibParts
	c.imageBuilder(&sp, a.String(), &p)
	return list(c.flags)
}
