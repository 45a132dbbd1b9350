package semver

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFilter(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		canon string
		err   *wantErr
	}{
		{name: "exact", in: "1.2.3", canon: "1.2.3"},
		{name: "patch wildcard", in: "1.2.x", canon: "1.2.x"},
		{name: "minor wildcard", in: "1.x.x", canon: "1.x.x"},
		{name: "all wildcards", in: "x.x.x", canon: "x.x.x"},
		{name: "zeros", in: "0.0.0", canon: "0.0.0"},
		{name: "leading zeros", in: "01.002.x", canon: "1.2.x"},
		{name: "wildcard then number", in: "x.2.x", err: &wantErr{ErrInvalid, "minor"}},
		{name: "number after wildcard", in: "1.x.3", err: &wantErr{ErrInvalid, "patch"}},
		{name: "only major wildcard", in: "x.1.1", err: &wantErr{ErrInvalid, "minor"}},
		{name: "upper-case X", in: "1.2.X", err: &wantErr{ErrSyntax, "patch"}},
		{name: "star", in: "1.2.*", err: &wantErr{ErrSyntax, "patch"}},
		{name: "partial wildcard", in: "1.2x.0", err: &wantErr{ErrSyntax, "minor"}},
		{name: "wildcard with build", in: "1.2.x/1", err: &wantErr{ErrSyntax, "build"}},
		{name: "exact with build", in: "1.2.3/1", err: &wantErr{ErrSyntax, "build"}},
		{name: "two nodes", in: "1.x", err: &wantErr{ErrSyntax, "patch"}},
		{name: "xx node", in: "xx.x.x", err: &wantErr{ErrSyntax, "major"}},
		{name: "trailing text", in: "1.2.xy", err: &wantErr{ErrSyntax, "patch"}},
		{name: "over limit", in: "1.2.1073741824", err: &wantErr{ErrInvalid, "patch"}},
		{name: "over limit after a valid node", in: "1.1073741824.x", err: &wantErr{ErrInvalid, "minor"}},
		{name: "slash without build", in: "1.2.3/", err: &wantErr{ErrSyntax, "patch"}},
		{name: "empty", in: "", err: &wantErr{ErrSyntax, ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFilter(tt.in)
			if tt.err != nil {
				checkError(t, err, tt.in, *tt.err)
				assert.False(t, f.IsValid(), "a failed parse gives the zero Filter")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.canon, f.String())
			assert.True(t, f.IsValid())
			loose, err := ParseFilter(tt.in, RegexOnly)
			require.NoError(t, err)
			assert.Equal(t, f, loose, "RegexOnly reads a strict filter the same way")
		})
	}
}

// TestParseFilterRegexOnly checks the other reading of AS-1: the
// trailing-wildcard rule is off and every text Flags marks with AS-1 is
// accepted; the node limit stays, since a Version cannot hold a larger
// node (Flags does not mark it).
func TestParseFilterRegexOnly(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		canon string
		err   *wantErr
	}{
		{name: "wildcard then number", in: "x.2.x", canon: "x.2.x"},
		{name: "number after wildcard", in: "1.x.3", canon: "1.x.3"},
		{name: "only major wildcard", in: "x.1.1", canon: "x.1.1"},
		{name: "only patch number", in: "x.x.1", canon: "x.x.1"},
		{name: "leading zeros", in: "x.02.x", canon: "x.2.x"},
		{name: "major over the node limit", in: "1073741824.x.x", err: &wantErr{ErrInvalid, "major"}},
		{name: "over the limit right of a wildcard", in: "x.1073741824.x", err: &wantErr{ErrInvalid, "minor"}},
		{name: "build", in: "1.2.3/4", err: &wantErr{ErrSyntax, "build"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFilter(tt.in, RegexOnly)
			if tt.err != nil {
				checkError(t, err, tt.in, *tt.err)
				assert.Equal(t, Filter{}, f, "a failed parse gives the zero Filter")
				assert.NotContains(t, Flags(tt.in), RegexOnly, "Flags marks no text RegexOnly rejects")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.canon, f.String())
			assert.Contains(t, Flags(tt.in), RegexOnly, "Flags marks the text with AS-1")
		})
	}
	f := MustParseFilter("x.2.x", RegexOnly)
	assert.True(t, f.Match(MustParse("9.2.7")), "x.2.x matches node by node")
	assert.False(t, f.Match(MustParse("9.3.7")))
}

func TestParseFilterUnknownReading(t *testing.T) {
	_, err := ParseFilter("1.x.x", "AS-6")
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, &Error{Input: "AS-6", Err: ErrUnknown,
		Reason: `decision "AS-6" has no other reading here; expected one of AS-1, AS-7`}, e)
	assert.EqualError(t, err, `semver: "AS-6": decision "AS-6" has no other reading here; expected one of AS-1, AS-7`)
	_, err = ParseFilter("1.x.x", ByDateCreated)
	assert.NoError(t, err, "a reading of the package that ParseFilter does not use is ignored")
}

func TestFilterMatch(t *testing.T) {
	tests := []struct {
		filter string
		yes    []string
		no     []string
	}{
		{"1.2.3", []string{"1.2.3", "01.2.03"}, []string{"1.2.30", "1.2.4", "11.2.3"}},
		{"0.0.0", []string{"0.0.0"}, []string{"0.0.1", "1.0.0"}},
		{"1.2.x", []string{"1.2.0", "1.2.99"}, []string{"1.3.0", "2.2.0", "1.20.0"}},
		{"1.x.x", []string{"1.0.0", "1.99.1"}, []string{"2.0.0", "0.1.1", "10.0.0"}},
		{"x.x.x", []string{"0.0.0", "1073741823.1.2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			f := MustParseFilter(tt.filter)
			for _, v := range tt.yes {
				assert.True(t, f.Match(MustParse(v)), "%s matches %s", tt.filter, v)
			}
			for _, v := range tt.no {
				assert.False(t, f.Match(MustParse(v)), "%s matches %s", tt.filter, v)
			}
		})
	}
}

// TestZeroFilter pins the meaning of the zero Filter: invalid, matching
// nothing (not even 0.0.0), printed as "".
func TestZeroFilter(t *testing.T) {
	var f Filter
	assert.False(t, f.IsValid())
	for _, v := range []string{"0.0.0", "1.0.0", "1073741823.1073741823.1073741823"} {
		assert.False(t, f.Match(MustParse(v)), "the zero Filter matches %s", v)
	}
	assert.Equal(t, "", f.String())
	assert.NotEqual(t, MustParseFilter("0.0.0"), f)
	_, ok := Latest(f, []BuildVersion{{}})
	assert.False(t, ok, "Latest with the zero Filter")
	_, _, err := Resolve(f, []BuildVersion{{}}, nil)
	assert.ErrorIs(t, err, ErrNoMatch)
	assert.ErrorContains(t, err, "zero Filter", "the message says the filter is the zero value")
}

func TestParseBuild(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		err  *wantErr
	}{
		{name: "simple", in: "1.2.3/4", want: "1.2.3/4"},
		{name: "build zero", in: "1.0.0/0", want: "1.0.0/0"},
		{name: "leading zeros", in: "2021.01.01/007", want: "2021.1.1/7"},
		{name: "max build", in: "1.0.0/18446744073709551615", want: "1.0.0/18446744073709551615"},
		{name: "build overflow", in: "1.0.0/18446744073709551616", err: &wantErr{ErrInvalid, "build"}},
		{name: "missing build", in: "1.2.3", err: &wantErr{ErrSyntax, "build"}},
		{name: "empty build", in: "1.2.3/", err: &wantErr{ErrSyntax, "build"}},
		{name: "two builds", in: "1.2.3/4/5", err: &wantErr{ErrSyntax, "build"}},
		{name: "text after the build", in: "1.2.3/4x", err: &wantErr{ErrSyntax, "build"}},
		{name: "wildcard", in: "1.2.x/4", err: &wantErr{ErrSyntax, "patch"}},
		{name: "signed build", in: "1.2.3/+4", err: &wantErr{ErrSyntax, "build"}},
		{name: "text after the patch", in: "1.2.3a/4", err: &wantErr{ErrSyntax, "patch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ParseBuild(tt.in)
			if tt.err != nil {
				checkError(t, err, tt.in, *tt.err)
				assert.Equal(t, BuildVersion{}, b, "a failed parse gives the zero BuildVersion")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, b.String())
			assert.Equal(t, NewBuild(b.Version(), b.Build()), b)
		})
	}
}

func TestBuildCompare(t *testing.T) {
	ordered := []string{"0.0.0/0", "0.0.0/1", "0.0.1/0", "1.0.0/2", "1.0.0/10", "1.0.1/1", "1.10.0/1"}
	for i, a := range ordered {
		for j, b := range ordered {
			assert.Equal(t, sign(i-j), mustBuild(a).Compare(mustBuild(b)), "Compare(%s, %s)", a, b)
		}
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []Decision
	}{
		{"1.2.3", nil},
		{"2021.01.01", []Decision{"AS-6"}},
		{"1.0.0/0", []Decision{"AS-10"}},
		{"1.0.0/1", nil},
		{"1.0.0/01", []Decision{"AS-6"}},
		{"x.2.x", []Decision{"AS-1"}},
		{"1.x.x", nil},
		{"1073741824.0.0", nil},
		{"1073741824.x.x", nil},
		{"x.1073741824.1", nil},
		{"x.10.1", []Decision{"AS-1"}},
		{"01.x.3", []Decision{"AS-1", "AS-6"}},
		{"01.0.0/00", []Decision{"AS-6", "AS-10"}},
		{"nonsense", nil},
		{"1.2.3/", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, Flags(tt.in))
		})
	}
}
