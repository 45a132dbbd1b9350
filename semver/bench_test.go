package semver

import (
	"testing"

	"github.com/stretchr/testify/assert"

	mm "github.com/Masterminds/semver/v3"
)

var benchInputs = []string{"1.2.3", "2021.12.31", "1073741823.0.0", "10.20.300"}

// candidates100k returns 100,000 build versions spread over many versions.
func candidates100k() []BuildVersion {
	out := make([]BuildVersion, 100_000)
	for i := range out {
		out[i] = NewBuild(Version{uint32(i % 7), uint32(i % 101), uint32(i % 13)}, uint64(i%5+1))
	}
	return out
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(benchInputs[i&3]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMastermindsStrictNewVersion is the reference point for
// BenchmarkParse: the same inputs through Masterminds' strict parser.
func BenchmarkMastermindsStrictNewVersion(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := mm.StrictNewVersion(benchInputs[i&3]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseBuild(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseBuild("2021.12.31/17"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseFilter(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseFilter("1.2.x"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	v, w := mustBuild("1.2.3/4"), mustBuild("1.2.3/5")
	b.ReportAllocs()
	n := 0
	for i := 0; i < b.N; i++ {
		n += v.Compare(w)
	}
	_ = n
}

func BenchmarkMatch(b *testing.B) {
	f := MustParseFilter("1.x.x")
	vs := [4]Version{MustParse("1.2.3"), MustParse("2.0.0"), MustParse("1.10.0"), MustParse("0.9.9")}
	b.ReportAllocs()
	n := 0
	for i := 0; i < b.N; i++ {
		if f.Match(vs[i&3]) {
			n++
		}
	}
	if n == 0 {
		b.Fatal("nothing matched")
	}
}

func BenchmarkLatest100k(b *testing.B) {
	cands := candidates100k()
	f := MustParseFilter("3.x.x")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, ok := Latest(f, cands); !ok {
			b.Fatal("no match")
		}
	}
}

func BenchmarkString(b *testing.B) {
	v := mustBuild("2021.12.31/17")
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = v.String()
	}
}

func BenchmarkResolve100k(b *testing.B) {
	cands := candidates100k()
	f := MustParseFilter("3.x.x")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, _, err := Resolve(f, cands, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestZeroAllocs(t *testing.T) {
	cands := candidates100k()[:1000]
	f := MustParseFilter("3.x.x")
	v := MustParse("3.1.2")
	var buf [64]byte
	for name, fn := range map[string]func(){
		"ParseFilter RegexOnly": func() { _, _ = ParseFilter("x.2.x", RegexOnly) },
		"String into a buffer":  func() { _, _ = v.AppendText(buf[:0]) },
		"Parse":                 func() { _, _ = Parse("2021.12.31") },
		"Flags":                 func() { _ = Flags("1.2.3/4") },
		"ParseBuild":            func() { _, _ = ParseBuild("1.2.3/4") },
		"ParseFilter":           func() { _, _ = ParseFilter("1.2.x") },
		"Match":                 func() { _ = f.Match(v) },
		"Compare":               func() { _ = v.Compare(v) },
		"Latest":                func() { _, _ = Latest(f, cands) },
		"AppendText":            func() { _, _ = mustBuild("1.2.3/4").AppendText(buf[:0]) },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, fn), "%s allocates", name)
	}
}
