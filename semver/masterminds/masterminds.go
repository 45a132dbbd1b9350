package masterminds

import (
	"errors"
	"fmt"
	"strconv"

	mm "github.com/Masterminds/semver/v3"

	"github.com/ibkit/ibkit/semver"
)

// ErrNotImageBuilder is wrapped by the errors of ToVersion and ToBuild for a
// Masterminds version that has no Image Builder equivalent.
var ErrNotImageBuilder = errors.New("not an Image Builder version")

// FromVersion returns v as a Masterminds version.
func FromVersion(v semver.Version) *mm.Version {
	return mm.New(uint64(v.Major()), uint64(v.Minor()), uint64(v.Patch()), "", "")
}

// FromBuild returns b as a Masterminds version with the build number as
// metadata: 1.2.3/4 becomes 1.2.3+4.
func FromBuild(b semver.BuildVersion) *mm.Version {
	v := b.Version()
	return mm.New(uint64(v.Major()), uint64(v.Minor()), uint64(v.Patch()), "", strconv.FormatUint(b.Build(), 10))
}

// ToVersion converts a Masterminds version without pre-release or metadata
// into an Image Builder version. Nodes above semver.MaxNode, a pre-release
// or metadata are errors wrapping ErrNotImageBuilder.
func ToVersion(m *mm.Version) (semver.Version, error) {
	if m == nil {
		return semver.Version{}, fmt.Errorf("masterminds: nil version: %w", ErrNotImageBuilder)
	}
	if m.Metadata() != "" {
		return semver.Version{}, fmt.Errorf("masterminds: version %q has metadata %q, expected none (use ToBuild for a build number): %w",
			m.Original(), m.Metadata(), ErrNotImageBuilder)
	}
	return toVersion(m)
}

func toVersion(m *mm.Version) (semver.Version, error) {
	if m.Prerelease() != "" {
		return semver.Version{}, fmt.Errorf("masterminds: version %q has pre-release %q, expected none: %w",
			m.Original(), m.Prerelease(), ErrNotImageBuilder)
	}
	if m.Major() > semver.MaxNode || m.Minor() > semver.MaxNode || m.Patch() > semver.MaxNode {
		return semver.Version{}, fmt.Errorf("masterminds: version %q has a node above %d: %w",
			m.Original(), semver.MaxNode, ErrNotImageBuilder)
	}
	return semver.New(uint32(m.Major()), uint32(m.Minor()), uint32(m.Patch()))
}

// ToBuild converts a Masterminds version whose metadata is a decimal build
// number, as FromBuild writes it, into an Image Builder build version.
func ToBuild(m *mm.Version) (semver.BuildVersion, error) {
	if m == nil {
		return semver.BuildVersion{}, fmt.Errorf("masterminds: nil version: %w", ErrNotImageBuilder)
	}
	v, err := toVersion(m)
	if err != nil {
		return semver.BuildVersion{}, err
	}
	b, err := strconv.ParseUint(m.Metadata(), 10, 64)
	if err != nil {
		return semver.BuildVersion{}, fmt.Errorf("masterminds: version %q has metadata %q, expected a build number: %w",
			m.Original(), m.Metadata(), ErrNotImageBuilder)
	}
	return semver.NewBuild(v, b), nil
}
