package semver

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// wantErr is the expected error of a failing parse: its sentinel and the
// part at fault.
type wantErr struct {
	err  error
	part string
}

// checkError checks that err is an *Error for input wrapping want.err at
// want.part, with a message that says what was expected.
func checkError(t *testing.T, err error, input string, want wantErr) {
	t.Helper()
	require.ErrorIs(t, err, want.err)
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, input, e.Input, "Input")
	assert.Equal(t, want.part, e.Part, "Part")
	assert.Contains(t, err.Error(), "expected", "the message says what was expected")
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Version
		err  *wantErr
	}{
		{name: "simple", in: "1.2.3", want: Version{1, 2, 3}},
		{name: "zeros", in: "0.0.0", want: Version{}},
		{name: "max nodes", in: "1073741823.1073741823.1073741823", want: Version{maxNode, maxNode, maxNode}},
		{name: "leading zeros are dropped", in: "2021.01.01", want: Version{2021, 1, 1}},
		{name: "many leading zeros", in: "0000000000001.0.0", want: Version{1, 0, 0}},
		{name: "empty", in: "", err: &wantErr{ErrSyntax, ""}},
		{name: "two nodes", in: "1.2", err: &wantErr{ErrSyntax, "patch"}},
		{name: "four nodes", in: "1.2.3.4", err: &wantErr{ErrSyntax, "patch"}},
		{name: "build suffix", in: "1.2.3/4", err: &wantErr{ErrSyntax, "build"}},
		{name: "slash without build", in: "1.2.3/", err: &wantErr{ErrSyntax, "patch"}},
		{name: "slash and text", in: "1.2.3/x", err: &wantErr{ErrSyntax, "patch"}},
		{name: "wildcard", in: "1.2.x", err: &wantErr{ErrSyntax, "patch"}},
		{name: "v prefix", in: "v1.2.3", err: &wantErr{ErrSyntax, "major"}},
		{name: "prerelease", in: "1.0.0-beta", err: &wantErr{ErrSyntax, "patch"}},
		{name: "metadata", in: "1.0.0+meta", err: &wantErr{ErrSyntax, "patch"}},
		{name: "leading space", in: " 1.0.0", err: &wantErr{ErrSyntax, "major"}},
		{name: "trailing newline", in: "1.0.0\n", err: &wantErr{ErrSyntax, "patch"}},
		{name: "sign", in: "+1.0.0", err: &wantErr{ErrSyntax, "major"}},
		{name: "negative", in: "1.-1.0", err: &wantErr{ErrSyntax, "minor"}},
		{name: "empty node", in: "1..0", err: &wantErr{ErrSyntax, "minor"}},
		{name: "node over limit", in: "1073741824.0.0", err: &wantErr{ErrInvalid, "major"}},
		{name: "huge node", in: "1.99999999999999999999999999.0", err: &wantErr{ErrInvalid, "minor"}},
		{name: "partial wildcard", in: "1.1x.0", err: &wantErr{ErrSyntax, "minor"}},
		{name: "upper-case X", in: "1.X.0", err: &wantErr{ErrSyntax, "minor"}},
		{name: "non-ASCII digit", in: "1.٣.0", err: &wantErr{ErrSyntax, "minor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err != nil {
				checkError(t, err, tt.in, *tt.err)
				assert.Equal(t, Version{}, got, "a failed parse gives the zero Version")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestNew(t *testing.T) {
	v, err := New(1, 2, 3)
	require.NoError(t, err)
	assert.Equal(t, MustParse("1.2.3"), v)
	_, err = New(1, maxNode+1, 0)
	checkError(t, err, "1.1073741824.0", wantErr{ErrInvalid, "minor"})
}

func TestVersionAccessorsAndText(t *testing.T) {
	v := MustParse("010.020.030")
	assert.Equal(t, [3]uint32{10, 20, 30}, [3]uint32{v.Major(), v.Minor(), v.Patch()})
	assert.Equal(t, "10.20.30", v.String())
	b, err := v.AppendText([]byte("v="))
	require.NoError(t, err)
	assert.Equal(t, "v=10.20.30", string(b))
}

func TestVersionCompare(t *testing.T) {
	ordered := []string{"0.0.0", "0.0.1", "0.1.0", "0.9.9", "0.10.0", "1.0.0", "1.2.3", "1.9.0", "1.10.0", "2.0.0", "1073741823.0.0"}
	for i, a := range ordered {
		for j, b := range ordered {
			assert.Equal(t, sign(i-j), MustParse(a).Compare(MustParse(b)), "Compare(%s, %s)", a, b)
		}
	}
	assert.Zero(t, MustParse("1.01.0").Compare(MustParse("1.1.0")), "leading zeros compare numerically")

	vs := []Version{MustParse("1.10.0"), MustParse("1.9.0"), MustParse("0.1.0"), MustParse("1.2.3")}
	slices.SortFunc(vs, Version.Compare)
	assert.Equal(t, []Version{MustParse("0.1.0"), MustParse("1.2.3"), MustParse("1.9.0"), MustParse("1.10.0")}, vs)
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestTextMarshaling(t *testing.T) {
	var v Version
	require.NoError(t, v.UnmarshalText([]byte("1.02.3")))
	assert.Equal(t, "1.2.3", marshal(t, v))
	assert.Error(t, v.UnmarshalText([]byte("1.2")), "UnmarshalText accepted 1.2")

	var bv BuildVersion
	require.NoError(t, bv.UnmarshalText([]byte("1.2.3/4")))
	assert.Equal(t, "1.2.3/4", marshal(t, bv))

	var f Filter
	require.NoError(t, f.UnmarshalText([]byte("1.x.x")))
	assert.Equal(t, "1.x.x", marshal(t, f))
	require.NoError(t, f.UnmarshalText(nil), "empty text is the zero Filter")
	assert.Equal(t, Filter{}, f)
	assert.Equal(t, "", marshal(t, f))

	var nv *Version
	var nb *BuildVersion
	var nf *Filter
	for _, err := range []error{nv.UnmarshalText(nil), nb.UnmarshalText(nil), nf.UnmarshalText(nil)} {
		assert.Error(t, err, "UnmarshalText on a nil pointer")
	}
}

// textValue is what the three value types share.
type textValue interface {
	String() string
	AppendText([]byte) ([]byte, error)
	MarshalText() ([]byte, error)
}

// marshal returns v's text and checks that MarshalText, AppendText and
// String agree.
func marshal(t *testing.T, v textValue) string {
	t.Helper()
	m, err := v.MarshalText()
	require.NoError(t, err)
	a, err := v.AppendText([]byte("["))
	require.NoError(t, err)
	assert.Equal(t, "["+string(m), string(a), "AppendText")
	assert.Equal(t, string(m), v.String(), "String")
	return string(m)
}

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		name, want string
		err        func() error
	}{
		{"wildcard in a version", `semver: "1.x.3" at minor: found 'x', expected a number (a wildcard belongs in a version filter)`,
			func() error { _, err := Parse("1.x.3"); return err }},
		{"empty", `semver: "": found an empty string, expected a number`,
			func() error { _, err := Parse(""); return err }},
		{"misplaced wildcard", `semver: "x.2.x" at minor: found a number right of a wildcard node, expected 'x' (only trailing nodes may be wildcards)`,
			func() error { _, err := ParseFilter("x.2.x"); return err }},
		{"control byte", `semver: "1.2.3\x00" at patch: found byte "\x00", expected a digit or end of input`,
			func() error { _, err := Parse("1.2.3\x00"); return err }},
		{"build in a version", `semver: "1.2.3/4" at build: found a build number, expected a version without one (use ParseBuild)`,
			func() error { _, err := Parse("1.2.3/4"); return err }},
		{"slash without build", `semver: "1.2.3/" at patch: found '/', expected a digit or end of input`,
			func() error { _, err := Parse("1.2.3/"); return err }},
		{"slash without build in a filter", `semver: "1.2.x/" at patch: found '/', expected end of input after 'x'`,
			func() error { _, err := ParseFilter("1.2.x/"); return err }},
		{"node limit", `semver: "1073741824.x.x" at major: found 1073741824, expected at most 1073741823`,
			func() error { _, err := ParseFilter("1073741824.x.x"); return err }},
		{"node limit under RegexOnly", `semver: "x.2.1073741824" at patch: found 1073741824, expected at most 1073741823`,
			func() error { _, err := ParseFilter("x.2.1073741824", RegexOnly); return err }},
		{"unknown reading", `semver: "AS-9": decision "AS-9" has no other reading here; expected one of AS-1, AS-7`,
			func() error { _, err := ParseFilter("1.x.x", "AS-9"); return err }},
		{"zero Filter", `semver: "": the filter is the zero Filter, which matches nothing; expected a filter from ParseFilter`,
			func() error { _, _, err := Resolve(Filter{}, []BuildVersion{{}}, nil); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, tt.err(), tt.want)
		})
	}
}

func TestMustPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"MustParse":       func() { MustParse("x") },
		"MustParseFilter": func() { MustParseFilter("x.1.x") },
	} {
		t.Run(name, func(t *testing.T) { assert.Panics(t, f) })
	}
}

// mustBuild is ParseBuild for the tests' constants.
func mustBuild(s string) BuildVersion {
	b, err := ParseBuild(s)
	if err != nil {
		panic(err)
	}
	return b
}
