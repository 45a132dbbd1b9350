package masterminds

import (
	"strconv"

	mm "github.com/Masterminds/semver/v3"

	"github.com/ibkit/ibkit/semver"
)

// From returns v as a Masterminds version: M.m.p for a semver.Version, and
// M.m.p+b, the build number as metadata, for a semver.BuildVersion.
func From[V semver.Version | semver.BuildVersion](v V) *mm.Version {
	var x semver.Version
	meta := ""
	switch v := any(v).(type) {
	case semver.Version:
		x = v
	case semver.BuildVersion:
		x, meta = v.Version(), strconv.FormatUint(v.Build(), 10)
	}
	return mm.New(uint64(x.Major()), uint64(x.Minor()), uint64(x.Patch()), "", meta)
}

// To converts a Masterminds version into an Image Builder version or build
// version, the inverse of From: a semver.Version takes a Masterminds
// version without metadata, a semver.BuildVersion one whose metadata is a
// decimal build number. A pre-release, or metadata that does not fit, is a
// *semver.Error wrapping semver.ErrSyntax; a node above 1073741823 one
// wrapping semver.ErrInvalid.
//
//	b, err := masterminds.To[semver.BuildVersion](m)
func To[V semver.Version | semver.BuildVersion](m *mm.Version) (V, error) {
	var out V
	if m == nil {
		return out, &semver.Error{Reason: "found a nil *semver.Version, expected a version", Err: semver.ErrSyntax}
	}
	if m.Prerelease() != "" {
		return out, &semver.Error{Input: m.Original(), Err: semver.ErrSyntax,
			Reason: "found pre-release " + strconv.Quote(m.Prerelease()) + ", expected none"}
	}
	parts := [3]string{"major", "minor", "patch"}
	for i, n := range [3]uint64{m.Major(), m.Minor(), m.Patch()} {
		if n > 1<<30-1 {
			return out, &semver.Error{Input: m.Original(), Part: parts[i], Err: semver.ErrInvalid,
				Reason: "found " + strconv.FormatUint(n, 10) + ", expected at most 1073741823"}
		}
	}
	v, _ := semver.New(uint32(m.Major()), uint32(m.Minor()), uint32(m.Patch())) // the nodes fit
	switch p := any(&out).(type) {
	case *semver.Version:
		if m.Metadata() != "" {
			return out, &semver.Error{Input: m.Original(), Err: semver.ErrSyntax,
				Reason: "found metadata " + strconv.Quote(m.Metadata()) + ", expected none (convert to a semver.BuildVersion for a build number)"}
		}
		*p = v
	case *semver.BuildVersion:
		b, err := strconv.ParseUint(m.Metadata(), 10, 64)
		if err != nil {
			return out, &semver.Error{Input: m.Original(), Part: "build", Err: semver.ErrSyntax,
				Reason: "found metadata " + strconv.Quote(m.Metadata()) + ", expected a build number"}
		}
		*p = semver.NewBuild(v, b)
	}
	return out, nil
}
