// Package masterminds converts between ibkit's Image Builder versions and
// github.com/Masterminds/semver/v3, so that Masterminds range constraints
// such as ">=1.2, <2" can be checked on Image Builder versions:
//
//	c, _ := mm.NewConstraint(">=1.2, <2")
//	ok := c.Check(masterminds.From(b.Version()))
//
// It is a separate package so that the semver package itself has no
// dependencies; nothing on semver's parsing, comparison or matching paths
// goes through Masterminds.
//
// Mapping: an Image Builder version M.m.p is the Masterminds version M.m.p
// with no pre-release and no metadata. A build version M.m.p/b maps to
// M.m.p+b, the build number becoming the metadata. Masterminds ignores
// metadata when it compares versions and checks constraints, so a
// constraint always applies to the M.m.p part of a build version, the way
// Image Builder's own version filters do.
package masterminds
