package semver

import (
	"errors"
	"testing"
)

func TestParseFilter(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		canon string
		err   error
		part  Part
	}{
		{name: "exact", in: "1.2.3", canon: "1.2.3"},
		{name: "patch wildcard", in: "1.2.x", canon: "1.2.x"},
		{name: "minor wildcard", in: "1.x.x", canon: "1.x.x"},
		{name: "all wildcards", in: "x.x.x", canon: "x.x.x"},
		{name: "leading zeros", in: "01.002.x", canon: "1.2.x"},
		{name: "wildcard then number", in: "x.2.x", err: ErrWildcard, part: PartMinor},
		{name: "number after wildcard", in: "1.x.3", err: ErrWildcard, part: PartPatch},
		{name: "only major wildcard", in: "x.1.1", err: ErrWildcard, part: PartMinor},
		{name: "upper-case X", in: "1.2.X", err: ErrSyntax, part: PartPatch},
		{name: "star", in: "1.2.*", err: ErrSyntax, part: PartPatch},
		{name: "partial wildcard", in: "1.2x.0", err: ErrSyntax, part: PartMinor},
		{name: "wildcard with build", in: "1.2.x/1", err: ErrSyntax, part: PartBuild},
		{name: "exact with build", in: "1.2.3/1", err: ErrSyntax, part: PartBuild},
		{name: "two nodes", in: "1.x", err: ErrSyntax, part: PartPatch},
		{name: "xx node", in: "xx.x.x", err: ErrSyntax, part: PartMajor},
		{name: "trailing text", in: "1.2.xy", err: ErrSyntax, part: PartPatch},
		{name: "over limit", in: "1.2.1073741824", err: ErrRange, part: PartPatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := ParseFilter(tt.in)
			if tt.err != nil {
				checkParseError(t, err, tt.in, tt.err, tt.part)
				return
			}
			if err != nil {
				t.Fatalf("ParseFilter(%q): %v", tt.in, err)
			}
			if f.String() != tt.canon {
				t.Fatalf("String() = %q, want %q", f.String(), tt.canon)
			}
			if !f.IsStrict() {
				t.Fatal("IsStrict() = false for a strictly parsed filter")
			}
		})
	}
}

func TestParseFilterRegexOnly(t *testing.T) {
	o := ParseOptions{RegexOnly: true}
	for _, in := range []string{"x.2.x", "1.x.3", "x.1.1", "x.x.1"} {
		f, err := o.ParseFilter(in)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if f.String() != in || f.IsStrict() {
			t.Fatalf("%q: String %q, IsStrict %v", in, f, f.IsStrict())
		}
	}
	f := o.MustParseFilter(t, "x.2.x")
	if !f.Match(MustParse("9.2.7")) || f.Match(MustParse("9.3.7")) {
		t.Fatal("x.2.x must match node by node")
	}
	if _, err := o.ParseFilter("1.2.3/4"); err == nil {
		t.Fatal("RegexOnly must not admit a build in a filter")
	}
}

// MustParseFilter is a test helper for options.
func (o ParseOptions) MustParseFilter(t *testing.T, s string) Filter {
	t.Helper()
	f, err := o.ParseFilter(s)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFilterMatch(t *testing.T) {
	tests := []struct {
		filter string
		yes    []string
		no     []string
	}{
		{"1.2.3", []string{"1.2.3", "01.2.03"}, []string{"1.2.30", "1.2.4", "11.2.3"}},
		{"1.2.x", []string{"1.2.0", "1.2.99"}, []string{"1.3.0", "2.2.0", "1.20.0"}},
		{"1.x.x", []string{"1.0.0", "1.99.1"}, []string{"2.0.0", "0.1.1", "10.0.0"}},
		{"x.x.x", []string{"0.0.0", "1073741823.1.2"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.filter, func(t *testing.T) {
			f := MustParseFilter(tt.filter)
			for _, v := range tt.yes {
				if !f.Match(MustParse(v)) || !f.MatchBuild(NewBuild(MustParse(v), 7)) {
					t.Errorf("%s does not match %s", tt.filter, v)
				}
			}
			for _, v := range tt.no {
				if f.Match(MustParse(v)) {
					t.Errorf("%s matches %s", tt.filter, v)
				}
			}
		})
	}
}

func TestFilterAccessors(t *testing.T) {
	f := MustParseFilter("4.5.x")
	if f.IsExact() || !f.IsWildcard(2) || f.IsWildcard(1) || f.IsWildcard(3) || f.IsWildcard(-1) {
		t.Fatal("wildcard accessors disagree with 4.5.x")
	}
	if n, ok := f.Node(1); !ok || n != 5 {
		t.Fatalf("Node(1) = %d, %v", n, ok)
	}
	if _, ok := f.Node(2); ok {
		t.Fatal("Node(2) of a wildcard reported a value")
	}
	if _, ok := f.Node(7); ok {
		t.Fatal("Node(7) reported a value")
	}
	if _, ok := f.Version(); ok {
		t.Fatal("Version() of a wildcard filter reported a value")
	}
	e := Exact(MustParse("1.2.3"))
	if v, ok := e.Version(); !ok || v.String() != "1.2.3" || !e.IsExact() || e != MustParseFilter("1.2.3") {
		t.Fatalf("Exact: %v %v", v, ok)
	}
}

func TestParseBuild(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
		err  error
		part Part
	}{
		{name: "simple", in: "1.2.3/4", want: "1.2.3/4"},
		{name: "build zero", in: "1.0.0/0", want: "1.0.0/0"},
		{name: "leading zeros", in: "2021.01.01/007", want: "2021.1.1/7"},
		{name: "max build", in: "1.0.0/18446744073709551615", want: "1.0.0/18446744073709551615"},
		{name: "build overflow", in: "1.0.0/18446744073709551616", err: ErrRange, part: PartBuild},
		{name: "missing build", in: "1.2.3", err: ErrSyntax, part: PartBuild},
		{name: "empty build", in: "1.2.3/", err: ErrSyntax, part: PartBuild},
		{name: "two builds", in: "1.2.3/4/5", err: ErrSyntax, part: PartBuild},
		{name: "wildcard", in: "1.2.x/4", err: ErrWildcard, part: PartPatch},
		{name: "signed build", in: "1.2.3/+4", err: ErrSyntax, part: PartBuild},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := ParseBuild(tt.in)
			if tt.err != nil {
				checkParseError(t, err, tt.in, tt.err, tt.part)
				return
			}
			if err != nil || b.String() != tt.want {
				t.Fatalf("ParseBuild(%q) = %v, %v; want %s", tt.in, b, err, tt.want)
			}
		})
	}
}

func TestParseVersionOrBuild(t *testing.T) {
	b, has, err := ParseVersionOrBuild("1.2.3")
	if err != nil || has || b != NewBuild(MustParse("1.2.3"), 0) {
		t.Fatalf("1.2.3: %v %v %v", b, has, err)
	}
	b, has, err = ParseVersionOrBuild("1.2.3/0")
	if err != nil || !has || b.Build() != 0 || b.Version() != MustParse("1.2.3") {
		t.Fatalf("1.2.3/0: %v %v %v", b, has, err)
	}
	if _, _, err := ParseVersionOrBuild("1.2.3/"); !errors.Is(err, ErrSyntax) {
		t.Fatalf("1.2.3/: %v", err)
	}
}

func TestBuildCompare(t *testing.T) {
	ordered := []string{"0.0.0/0", "0.0.0/1", "0.0.1/0", "1.0.0/2", "1.0.0/10", "1.0.1/1", "1.10.0/1"}
	for i, a := range ordered {
		for j, b := range ordered {
			if got, want := MustParseBuild(a).Compare(MustParseBuild(b)), cmp3(uint32(i), uint32(j)); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", a, b, got, want)
			}
			if got, want := MustParseBuild(a).Less(MustParseBuild(b)), i < j; got != want {
				t.Errorf("Less(%s, %s) = %v", a, b, got)
			}
		}
	}
}

func TestFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []Decision
	}{
		{"1.2.3", nil},
		{"2021.01.01", []Decision{DecisionLeadingZeros}},
		{"1.0.0/0", []Decision{DecisionBuildRange}},
		{"1.0.0/1", nil},
		{"x.2.x", []Decision{DecisionValidation}},
		{"1.x.x", nil},
		{"1073741824.0.0", []Decision{DecisionValidation}},
		{"01.x.3", []Decision{DecisionValidation, DecisionLeadingZeros}},
		{"nonsense", nil},
		{"1.2.3/", nil},
	}
	for _, tt := range tests {
		got := Flags(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Flags(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Flags(%q) = %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

func TestInspect(t *testing.T) {
	in, bad, ok := Inspect("01.x.3/007")
	want := Inspection{Version: "01.x.3", Build: "007", HasBuild: true, Nodes: [3]uint32{1, 0, 3}, Wildcards: 2,
		Misplaced: true, LeadingZero: true, BuildLeadingZero: true, BuildValue: 7}
	if !ok || bad != PartNone || in != want {
		t.Fatalf("Inspect = %+v, %v, %v", in, bad, ok)
	}
	if in.Fixed() != 1 {
		t.Fatalf("Fixed() = %d", in.Fixed())
	}
	in, _, _ = Inspect("1.99999999999.2/99999999999999999999")
	if !in.Overflow || in.OverflowNode != "99999999999" || in.Nodes[1] != MaxNode+1 || !in.BuildOverflow || in.BuildValue != 0 {
		t.Fatalf("overflow: %+v", in)
	}
	for _, tt := range []struct {
		in  string
		bad Part
	}{{"1.2", PartPatch}, {"1..2", PartMinor}, {"1.2.3/", PartBuild}, {"1.2.3/4a", PartBuild}, {"1.2.3a", PartPatch}, {"", PartMajor}} {
		if _, bad, ok := Inspect(tt.in); ok || bad != tt.bad {
			t.Errorf("Inspect(%q) = %v, %v; want the failing part %v", tt.in, bad, ok, tt.bad)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _, _, _ = Inspect("1.2.x/3") }); n != 0 {
		t.Errorf("Inspect allocates %v times", n)
	}
}
