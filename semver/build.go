package semver

import (
	"cmp"
	"strconv"
)

// BuildVersion is a version together with the build number the service
// assigned to one build of it, written "M.m.p/b".
//
// BuildVersion is a small comparable value; the zero value is 0.0.0/0.
type BuildVersion struct {
	v     Version
	build uint64
}

// NewBuild returns the build version v/build.
func NewBuild(v Version, build uint64) BuildVersion { return BuildVersion{v, build} }

// ParseBuild parses a build version of the form "M.m.p/b". The version part
// follows the rules of Parse; the build is a decimal number that fits in
// 64 bits, 0 included (decision AS-10). A missing build is an error; to
// read the version field of a List item, which may carry a build or not,
// parse text with a '/' with ParseBuild and other text with Parse. On error
// the result is the zero BuildVersion.
func ParseBuild(s string) (BuildVersion, error) {
	if v, i, ok := fastVersion(s); ok {
		if b, ok := fastBuild(s, i); ok {
			return BuildVersion{v, b}, nil
		}
	}
	r, err := scan(s, formBuild, false)
	if err != nil {
		return BuildVersion{}, err
	}
	return BuildVersion{r.v, r.build}, nil
}

// Version returns the major.minor.patch part.
func (b BuildVersion) Version() Version { return b.v }

// Build returns the build number.
func (b BuildVersion) Build() uint64 { return b.build }

// Compare returns -1, 0 or +1 as b is lower than, equal to or higher than c.
// Versions are compared first, then build numbers, all numerically.
func (b BuildVersion) Compare(c BuildVersion) int {
	if r := b.v.Compare(c.v); r != 0 {
		return r
	}
	return cmp.Compare(b.build, c.build)
}

// String returns the canonical form "M.m.p/b".
func (b BuildVersion) String() string {
	var buf [48]byte
	return string(b.appendTo(buf[:0]))
}

func (b BuildVersion) appendTo(dst []byte) []byte {
	dst = b.v.appendTo(dst)
	dst = append(dst, '/')
	return strconv.AppendUint(dst, b.build, 10)
}

// AppendText implements encoding.TextAppender: it appends the canonical
// form of b to dst.
func (b BuildVersion) AppendText(dst []byte) ([]byte, error) { return b.appendTo(dst), nil }

// MarshalText implements encoding.TextMarshaler.
func (b BuildVersion) MarshalText() ([]byte, error) { return b.appendTo(make([]byte, 0, 24)), nil }

// UnmarshalText implements encoding.TextUnmarshaler using ParseBuild.
func (b *BuildVersion) UnmarshalText(text []byte) error {
	if b == nil {
		return errNil
	}
	c, err := ParseBuild(string(text))
	if err != nil {
		return err
	}
	*b = c
	return nil
}
