package semver

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/internal/versionscan"
)

// The service model's patterns, copied from the 2019-12-02 model (shapes
// VersionNumber and WildcardVersionNumber), plus the build suffix that the
// build-version ARN shapes append. They are the slow reference for the
// hand-written parser; the documented rules (node limit, trailing
// wildcards) are applied on top, as Decision AS-1 says.
var (
	reVersionNumber         = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)
	reWildcardVersionNumber = regexp.MustCompile(`^(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$`)
	reBuildVersion          = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+/[0-9]+$`)
)

var fuzzSeeds = []string{
	"1.2.3", "0.0.0", "1.2.x", "1.x.x", "x.x.x", "x.2.x", "1.x.3", "1.2.3/4", "1.0.0/0",
	"2021.01.01", "1073741823.0.0", "1073741824.0.0", "1.2", "1.2.3.4", "v1.2.3", "1.2.3\n",
	"1.0.0/18446744073709551616", "1..2", "", "x", "1.2.3/", "1.2.x/1", "00.00.00", "1.2.X",
	"1073741824.x.x", "x.1073741824.x",
}

// proseOK applies the documented rules to text the model pattern accepted.
func proseOK(s string) bool {
	nodes := strings.SplitN(strings.SplitN(s, "/", 2)[0], ".", 3)
	wild := false
	for _, n := range nodes {
		if n == "x" {
			wild = true
			continue
		}
		if wild || exceedsMax(n) {
			return false
		}
	}
	return true
}

func buildFits(s string) bool {
	i := strings.IndexByte(s, '/')
	d := strings.TrimLeft(s[i+1:], "0")
	return len(d) < 20 || len(d) == 20 && d <= "18446744073709551615"
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		want := reVersionNumber.MatchString(s) && proseOK(s)
		if (err == nil) != want {
			t.Fatalf("Parse(%q) error %v, reference says valid=%v", s, err, want)
		}
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Input != s {
				t.Fatalf("Parse(%q): error %#v is not an *Error for the input", s, err)
			}
			if v != (Version{}) {
				t.Fatalf("Parse(%q) failed with %v but returned %v, not the zero Version", s, err, v)
			}
			return
		}
		if zeros := slices.Contains(Flags(s), "AS-6"); zeros != hasLeadingZero(s) {
			t.Fatalf("Flags(%q) reports AS-6 = %v", s, zeros)
		}
		w, err := Parse(v.String())
		if err != nil || w != v {
			t.Fatalf("round trip of %q: %v -> %v, %v", s, v, w, err)
		}
		if !hasLeadingZero(s) && v.String() != s {
			t.Fatalf("String() = %q, want the input %q", v, s)
		}
	})
}

func FuzzParseBuild(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBuild(s)
		want := reBuildVersion.MatchString(s) && proseOK(s) && buildFits(s)
		if (err == nil) != want {
			t.Fatalf("ParseBuild(%q) error %v, reference says valid=%v", s, err, want)
		}
		if err != nil {
			if b != (BuildVersion{}) {
				t.Fatalf("ParseBuild(%q) failed with %v but returned %v, not the zero BuildVersion", s, err, b)
			}
			return
		}
		c, err := ParseBuild(b.String())
		if err != nil || c != b {
			t.Fatalf("round trip of %q: %v -> %v, %v", s, b, c, err)
		}
		v, err := Parse(s[:strings.IndexByte(s, '/')])
		if err != nil || v != b.Version() {
			t.Fatalf("Parse of the version part of %q = %v, %v; ParseBuild gave %v", s, v, err, b)
		}
	})
}

func FuzzParseFilter(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := ParseFilter(s)
		model := reWildcardVersionNumber.MatchString(s)
		want := model && proseOK(s)
		if (err == nil) != want {
			t.Fatalf("ParseFilter(%q) error %v, reference says valid=%v", s, err, want)
		}
		loose, lerr := ParseFilter(s, RegexOnly)
		nodesFit := model && func() bool {
			for _, n := range strings.Split(s, ".") {
				if n != "x" && exceedsMax(n) {
					return false
				}
			}
			return true
		}()
		if (lerr == nil) != nodesFit {
			t.Fatalf("RegexOnly ParseFilter(%q) error %v, reference says valid=%v", s, lerr, nodesFit)
		}
		if lerr == nil {
			if g, err := ParseFilter(loose.String(), RegexOnly); err != nil || g != loose {
				t.Fatalf("RegexOnly round trip of %q: %v -> %v, %v", s, loose, g, err)
			}
		} else if loose != (Filter{}) {
			t.Fatalf("RegexOnly ParseFilter(%q) failed with %v but returned %v, not the zero Filter", s, lerr, loose)
		}
		if err != nil {
			if flt != (Filter{}) {
				t.Fatalf("ParseFilter(%q) failed with %v but returned %v, not the zero Filter", s, err, flt)
			}
			return
		}
		if loose != flt || !flt.IsValid() {
			t.Fatalf("%q: strict %v and loose %v readings differ", s, flt, loose)
		}
		g, err := ParseFilter(flt.String())
		if err != nil || g != flt {
			t.Fatalf("round trip of %q: %v -> %v, %v", s, flt, g, err)
		}
		if v, err := Parse(s); err == nil && !flt.Match(v) {
			t.Fatalf("exact filter %v does not match its own version", flt)
		}
	})
}

// exceedsMax reports whether the digit string d is above MaxNode; it is the
// tests' own reading, independent of the parser.
func exceedsMax(d string) bool {
	d = strings.TrimLeft(d, "0")
	return len(d) > 10 || len(d) == 10 && d > "1073741823"
}

// hasLeadingZero reports whether a node of the version part of s is written
// with a leading zero.
func hasLeadingZero(s string) bool {
	for _, n := range strings.Split(strings.SplitN(s, "/", 2)[0], ".") {
		if len(n) > 1 && n[0] == '0' {
			return true
		}
	}
	return false
}

// FuzzInspect checks versionscan.Inspect, which Flags and the arn package
// read versions with, against the model's widest pattern (the
// version part of ImageBuilderArn) and the tests' own reading of the rules.
func FuzzInspect(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	wide := regexp.MustCompile(`^(?:x|[0-9]+)\.(?:x|[0-9]+)\.(?:x|[0-9]+)(?:/[0-9]+)?$`)
	f.Fuzz(func(t *testing.T, s string) {
		in, _, ok := versionscan.Inspect(s)
		if ok != wide.MatchString(s) {
			t.Fatalf("versionscan.Inspect(%q) ok=%v, the model pattern says %v", s, ok, !ok)
		}
		if !ok {
			return
		}
		if got, want := !in.Misplaced && !in.Overflow, proseOK(s); got != want {
			t.Fatalf("versionscan.Inspect(%q): documented rules hold = %v, want %v (%+v)", s, got, want, in)
		}
		if got := slices.Contains(Flags(s), RegexOnly); got != (in.Misplaced && !in.Overflow) {
			t.Fatalf("Flags(%q) reports AS-1 = %v; the trailing-wildcard rule fails: %v", s, got, in.Misplaced)
		}
		if in.LeadingZero != hasLeadingZero(s) {
			t.Fatalf("versionscan.Inspect(%q).LeadingZero = %v", s, in.LeadingZero)
		}
		if in.HasBuild && in.BuildOverflow == buildFits(s) {
			t.Fatalf("versionscan.Inspect(%q).BuildOverflow = %v", s, in.BuildOverflow)
		}
		if _, err := ParseFilter(s); (err == nil) != (!in.HasBuild && !in.Misplaced && !in.Overflow) {
			t.Fatalf("versionscan.Inspect(%q) and ParseFilter disagree: %v", s, err)
		}
	})
}
