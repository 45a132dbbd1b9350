package masterminds

import (
	"testing"

	mm "github.com/Masterminds/semver/v3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/semver"
)

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{"0.0.0", "1.2.3", "1073741823.0.7"} {
		t.Run(s, func(t *testing.T) {
			v := semver.MustParse(s)
			got, err := To[semver.Version](From(v))
			require.NoError(t, err)
			assert.Equal(t, v, got)
		})
	}
	for _, s := range []string{"1.2.3/0", "1.2.3/4", "1.0.0/18446744073709551615"} {
		t.Run(s, func(t *testing.T) {
			b, err := semver.ParseBuild(s)
			require.NoError(t, err)
			got, err := To[semver.BuildVersion](From(b))
			require.NoError(t, err)
			assert.Equal(t, b, got)
		})
	}
	assert.Equal(t, "1.2.3+4", From(semver.NewBuild(semver.MustParse("1.2.3"), 4)).String(), "the build becomes the metadata")
}

func TestConversionErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		build bool
		err   error
		part  string
	}{
		{"prerelease", "1.0.0-beta", false, semver.ErrSyntax, ""},
		{"metadata", "1.0.0+abc", false, semver.ErrSyntax, ""},
		{"node above limit", "1073741824.0.0", false, semver.ErrInvalid, "major"},
		{"node above 32 bits", "1.4294967297.0", false, semver.ErrInvalid, "minor"},
		{"no build", "1.0.0", true, semver.ErrSyntax, "build"},
		{"text build", "1.0.0+abc", true, semver.ErrSyntax, "build"},
		{"prerelease build", "1.0.0-rc.1+3", true, semver.ErrSyntax, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mm.MustParse(tt.in)
			var err error
			if tt.build {
				_, err = To[semver.BuildVersion](m)
			} else {
				_, err = To[semver.Version](m)
			}
			require.ErrorIs(t, err, tt.err)
			var e *semver.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.in, e.Input)
			assert.Equal(t, tt.part, e.Part)
			assert.Contains(t, err.Error(), "expected")
		})
	}
	_, err := To[semver.Version](nil)
	assert.ErrorIs(t, err, semver.ErrSyntax, "nil version")
	_, err = To[semver.BuildVersion](nil)
	assert.ErrorIs(t, err, semver.ErrSyntax, "nil version")
}

// TestConstraint checks Masterminds constraints on converted versions:
// the build plays no part.
func TestConstraint(t *testing.T) {
	c, err := mm.NewConstraint(">=1.2, <2")
	require.NoError(t, err)
	for b, want := range map[string]bool{"1.2.0/1": true, "1.10.0/3": true, "1.1.9/9": false, "2.0.0/1": false} {
		t.Run(b, func(t *testing.T) {
			bv, err := semver.ParseBuild(b)
			require.NoError(t, err)
			assert.Equal(t, want, c.Check(From(bv)), "the build version")
			assert.Equal(t, want, c.Check(From(bv.Version())), "its version")
		})
	}
}
