package semver

import "strconv"

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
// 64 bits, 0 included (Decision AS-10). A missing build is an error.
func ParseBuild(s string) (BuildVersion, error) {
	return ParseOptions{}.ParseBuild(s)
}

// MustParseBuild is like ParseBuild but panics on error.
func MustParseBuild(s string) BuildVersion {
	b, err := ParseBuild(s)
	if err != nil {
		panic(err)
	}
	return b
}

// ParseVersionOrBuild parses either "M.m.p" or "M.m.p/b", the two forms
// the version field of Image Builder list items takes. hasBuild reports
// whether the build was present; without one the result's build is 0.
func ParseVersionOrBuild(s string) (b BuildVersion, hasBuild bool, err error) {
	return ParseOptions{}.ParseVersionOrBuild(s)
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
	return cmp3(b.build, c.build)
}

// Less reports whether b sorts before c.
func (b BuildVersion) Less(c BuildVersion) bool { return b.Compare(c) < 0 }

// String returns the canonical form "M.m.p/b".
func (b BuildVersion) String() string {
	var buf [48]byte
	return string(b.AppendTo(buf[:0]))
}

// AppendTo appends the canonical form of b to dst and returns the result.
func (b BuildVersion) AppendTo(dst []byte) []byte {
	dst = b.v.AppendTo(dst)
	dst = append(dst, '/')
	return strconv.AppendUint(dst, b.build, 10)
}

// AppendText implements encoding.TextAppender.
func (b BuildVersion) AppendText(dst []byte) ([]byte, error) { return b.AppendTo(dst), nil }

// MarshalText implements encoding.TextMarshaler.
func (b BuildVersion) MarshalText() ([]byte, error) { return b.AppendTo(make([]byte, 0, 24)), nil }

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
