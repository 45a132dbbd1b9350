package semver

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Version
		err  error
		part Part
	}{
		{name: "simple", in: "1.2.3", want: Version{1, 2, 3}},
		{name: "zeros", in: "0.0.0", want: Version{}},
		{name: "max nodes", in: "1073741823.1073741823.1073741823", want: Version{MaxNode, MaxNode, MaxNode}},
		{name: "leading zeros are dropped", in: "2021.01.01", want: Version{2021, 1, 1}},
		{name: "many leading zeros", in: "0000000000001.0.0", want: Version{1, 0, 0}},
		{name: "empty", in: "", err: ErrSyntax, part: PartNone},
		{name: "two nodes", in: "1.2", err: ErrSyntax, part: PartPatch},
		{name: "four nodes", in: "1.2.3.4", err: ErrSyntax, part: PartPatch},
		{name: "build suffix", in: "1.2.3/4", err: ErrSyntax, part: PartBuild},
		{name: "wildcard", in: "1.2.x", err: ErrWildcard, part: PartPatch},
		{name: "v prefix", in: "v1.2.3", err: ErrSyntax, part: PartMajor},
		{name: "prerelease", in: "1.0.0-beta", err: ErrSyntax, part: PartPatch},
		{name: "metadata", in: "1.0.0+meta", err: ErrSyntax, part: PartPatch},
		{name: "leading space", in: " 1.0.0", err: ErrSyntax, part: PartMajor},
		{name: "trailing newline", in: "1.0.0\n", err: ErrSyntax, part: PartPatch},
		{name: "sign", in: "+1.0.0", err: ErrSyntax, part: PartMajor},
		{name: "negative", in: "1.-1.0", err: ErrSyntax, part: PartMinor},
		{name: "empty node", in: "1..0", err: ErrSyntax, part: PartMinor},
		{name: "node over limit", in: "1073741824.0.0", err: ErrRange, part: PartMajor},
		{name: "huge node", in: "1.99999999999999999999999999.0", err: ErrRange, part: PartMinor},
		{name: "partial wildcard", in: "1.1x.0", err: ErrSyntax, part: PartMinor},
		{name: "upper-case X", in: "1.X.0", err: ErrSyntax, part: PartMinor},
		{name: "non-ASCII digit", in: "1.٣.0", err: ErrSyntax, part: PartMinor},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if tt.err == nil {
				if err != nil {
					t.Fatalf("Parse(%q): unexpected error %v", tt.in, err)
				}
				if got != tt.want {
					t.Fatalf("Parse(%q) = %v, want %v", tt.in, got, tt.want)
				}
				return
			}
			checkParseError(t, err, tt.in, tt.err, tt.part)
		})
	}
}

func checkParseError(t *testing.T, err error, in string, sentinel error, part Part) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Fatalf("%q: error %v, want one wrapping %v", in, err, sentinel)
	}
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("%q: error %T is not a *ParseError", in, err)
	}
	if pe.Input != in || pe.Part != part {
		t.Fatalf("%q: ParseError{Input: %q, Part: %v}, want part %v", in, pe.Input, pe.Part, part)
	}
	if !strings.Contains(err.Error(), "expected") {
		t.Errorf("%q: message %q does not say what was expected", in, err)
	}
}

func TestParseOptionsRejectLeadingZeros(t *testing.T) {
	o := ParseOptions{RejectLeadingZeros: true}
	if _, err := o.Parse("2021.01.01"); !errors.Is(err, ErrLeadingZero) {
		t.Fatalf("got %v, want ErrLeadingZero", err)
	}
	if _, err := o.Parse("10.0.0"); err != nil {
		t.Fatalf("10.0.0: %v", err)
	}
	if b, err := o.ParseBuild("1.0.0/01"); err != nil || b.Build() != 1 {
		t.Fatalf("the build is not a node: got %v, %v", b, err)
	}
}

func TestNew(t *testing.T) {
	v, err := New(1, 2, 3)
	if err != nil || v != MustParse("1.2.3") {
		t.Fatalf("New(1, 2, 3) = %v, %v", v, err)
	}
	_, err = New(1, MaxNode+1, 0)
	checkParseError(t, err, "1.1073741824.0", ErrRange, PartMinor)
}

func TestVersionAccessorsAndString(t *testing.T) {
	v := MustParse("010.020.030")
	if v.Major() != 10 || v.Minor() != 20 || v.Patch() != 30 {
		t.Fatalf("nodes = %d %d %d", v.Major(), v.Minor(), v.Patch())
	}
	if got := v.String(); got != "10.20.30" {
		t.Fatalf("String() = %q", got)
	}
	if got := string(v.AppendTo([]byte("v="))); got != "v=10.20.30" {
		t.Fatalf("AppendTo = %q", got)
	}
}

func TestVersionCompare(t *testing.T) {
	ordered := []string{"0.0.0", "0.0.1", "0.1.0", "0.9.9", "0.10.0", "1.0.0", "1.2.3", "1.9.0", "1.10.0", "2.0.0", "1073741823.0.0"}
	for i, a := range ordered {
		for j, b := range ordered {
			want := cmp3(uint32(i), uint32(j))
			if got := MustParse(a).Compare(MustParse(b)); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
	}
	if MustParse("1.01.0").Compare(MustParse("1.1.0")) != 0 {
		t.Error("leading zeros must compare numerically")
	}
}

func TestSort(t *testing.T) {
	vs := []Version{MustParse("1.10.0"), MustParse("1.9.0"), MustParse("0.1.0"), MustParse("1.2.3")}
	Sort(vs)
	var got []string
	for _, v := range vs {
		got = append(got, v.String())
	}
	if diff := cmp.Diff([]string{"0.1.0", "1.2.3", "1.9.0", "1.10.0"}, got); diff != "" {
		t.Fatalf("Sort (-want +got):\n%s", diff)
	}
	if m, ok := Max(vs); !ok || m.String() != "1.10.0" {
		t.Fatalf("Max = %v, %v", m, ok)
	}
	if _, ok := Max(nil); ok {
		t.Fatal("Max(nil) reported a value")
	}
	bs := []BuildVersion{MustParseBuild("1.0.0/10"), MustParseBuild("1.0.0/9"), MustParseBuild("0.9.0/100")}
	SortBuilds(bs)
	if !slices.IsSortedFunc(bs, BuildVersion.Compare) || bs[0].String() != "0.9.0/100" || bs[2].String() != "1.0.0/10" {
		t.Fatalf("SortBuilds = %v", bs)
	}
}

func TestTextMarshaling(t *testing.T) {
	var v Version
	if err := v.UnmarshalText([]byte("1.02.3")); err != nil {
		t.Fatal(err)
	}
	if b, _ := v.MarshalText(); string(b) != "1.2.3" {
		t.Fatalf("MarshalText = %q", b)
	}
	if b, _ := v.AppendText([]byte("[")); string(b) != "[1.2.3" {
		t.Fatalf("AppendText = %q", b)
	}
	if err := v.UnmarshalText([]byte("1.2")); err == nil {
		t.Fatal("UnmarshalText accepted 1.2")
	}
	var bv BuildVersion
	if err := bv.UnmarshalText([]byte("1.2.3/4")); err != nil || bv.String() != "1.2.3/4" {
		t.Fatalf("BuildVersion.UnmarshalText: %v %v", bv, err)
	}
	if b, _ := bv.MarshalText(); string(b) != "1.2.3/4" {
		t.Fatalf("BuildVersion.MarshalText = %q", b)
	}
	if b, _ := bv.AppendText(nil); string(b) != "1.2.3/4" {
		t.Fatalf("BuildVersion.AppendText = %q", b)
	}
	var f Filter
	if err := f.UnmarshalText([]byte("1.x.x")); err != nil || f.String() != "1.x.x" {
		t.Fatalf("Filter.UnmarshalText: %v %v", f, err)
	}
	if b, _ := f.MarshalText(); string(b) != "1.x.x" {
		t.Fatalf("Filter.MarshalText = %q", b)
	}
	if b, _ := f.AppendText(nil); string(b) != "1.x.x" {
		t.Fatalf("Filter.AppendText = %q", b)
	}
	var nv *Version
	var nb *BuildVersion
	var nf *Filter
	for _, err := range []error{nv.UnmarshalText(nil), nb.UnmarshalText(nil), nf.UnmarshalText(nil)} {
		if err == nil {
			t.Error("UnmarshalText on a nil pointer did not fail")
		}
	}
}

func TestParseErrorMessage(t *testing.T) {
	_, err := Parse("1.x.3")
	want := `semver: invalid version "1.x.3" at minor: misplaced wildcard: a wildcard 'x' is only allowed in a version filter; expected a number`
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
	_, err = Parse("")
	want = `semver: invalid version "": invalid syntax: found an empty string, expected a number`
	if err == nil || err.Error() != want {
		t.Fatalf("got  %v\nwant %s", err, want)
	}
}

func TestMustPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"MustParse":       func() { MustParse("x") },
		"MustParseBuild":  func() { MustParseBuild("1.0.0") },
		"MustParseFilter": func() { MustParseFilter("x.1.x") },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f()
		})
	}
}
