package filter_test

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/ibkit/ibkit/filter"
)

// images returns n ImageVersion items spread over platforms, types and
// versions.
func images(n int) []filter.ImageVersion {
	platforms := []string{"Linux", "Windows", "macOS"}
	types := []string{"AMI", "DOCKER"}
	out := make([]filter.ImageVersion, n)
	for i := range out {
		name := "image-" + strconv.Itoa(i%500)
		version := "1." + strconv.Itoa(i%7) + "." + strconv.Itoa(i%13)
		out[i] = filter.ImageVersion{
			Arn:       "arn:aws:imagebuilder:us-east-1:111122223333:image/" + name + "/" + version,
			Name:      name,
			Version:   version,
			Platform:  platforms[i%3],
			Type:      types[i%2],
			OsVersion: "Amazon Linux 2023",
		}
	}
	return out
}

var threeFilters = []filter.Filter{
	{Name: "platform", Values: []string{"Linux", "Windows"}},
	{Name: "type", Values: []string{"AMI"}},
	{Name: "version", Values: []string{"1.2.3", "1.3.4", "1.0.0"}},
}

// TestMatchAllocs pins the per-item cost of a compiled matcher at zero
// allocations.
func TestMatchAllocs(t *testing.T) {
	items := images(1000)
	comps := []filter.ComponentVersion{{Name: "c", SupportedOsVersions: []string{"Amazon Linux 2023", "Ubuntu 22"}}}
	// The odd versions take the path where an item's version does not
	// parse; it must not allocate either.
	summaries := []filter.ImageSummary{{Name: "s", Version: "1.2.3/4"}, {Name: "s", Version: "1.2"}, {Name: "s", Version: "1.99999999999.0"}}
	m := mustCompile(t, filter.Options{}, "ListImages", threeFilters)
	mc := mustCompile(t, filter.Options{OsVersionPrefix: true}, "ListComponents", []filter.Filter{{Name: "supportedOsVersion", Values: []string{"Ubuntu"}}})
	mw := mustCompile(t, filter.Options{VersionWildcards: true}, "ListImageBuildVersions", []filter.Filter{{Name: "version", Values: []string{"1.x.x"}}})
	n := 0
	allocs := testing.AllocsPerRun(10, func() {
		for i := range items {
			if m.Match(&items[i]) {
				n++
			}
		}
		for i := range comps {
			if mc.Match(&comps[i]) {
				n++
			}
		}
		for i := range summaries {
			if mw.Match(&summaries[i]) {
				n++
			}
		}
	})
	if allocs != 0 {
		t.Errorf("Match allocates %.1f times per run over %d items, want 0", allocs, len(items))
	}
	if n == 0 {
		t.Error("nothing matched")
	}
}

func mustCompile(t testing.TB, o filter.Options, op string, fs []filter.Filter) *filter.Matcher {
	t.Helper()
	m, err := o.Compile(filter.Query{Operation: op, Filters: fs})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// BenchmarkMatch100k: 3 filters over 100,000 typed items (target ≤ 10 ms,
// 0 allocs).
func BenchmarkMatch100k(b *testing.B) {
	items := images(100_000)
	m := mustCompile(b, filter.Options{}, "ListImages", threeFilters)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		n := 0
		for i := range items {
			if m.Match(&items[i]) {
				n++
			}
		}
		if n == 0 {
			b.Fatal("nothing matched")
		}
	}
}

// BenchmarkApply100k: the same through Apply (result slice and ordering
// included).
func BenchmarkApply100k(b *testing.B) {
	items := images(100_000)
	m := mustCompile(b, filter.Options{}, "ListImages", threeFilters)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := filter.Apply(m, items); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile: validation and compilation of three filters.
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := filter.Compile("ListImages", threeFilters); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFilterJSON10k: a 10,000-item CLI document.
func BenchmarkFilterJSON10k(b *testing.B) {
	doc, err := json.MarshalIndent(map[string]any{"imageVersionList": images(10_000), "nextToken": "t"}, "", "    ")
	if err != nil {
		b.Fatal(err)
	}
	m := mustCompile(b, filter.Options{}, "ListImages", threeFilters)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, _, err := m.FilterJSON(doc); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseShorthand(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := filter.ParseShorthand(`name=platform,values=Linux,Windows name=osVersion,values="Amazon Linux 2023"`); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyScoped100k: owner scope derived from each ARN (F-P5),
// deprecated hiding and byName grouping on top of the three filters.
func BenchmarkApplyScoped100k(b *testing.B) {
	items := images(100_000)
	m, err := filter.Options{AllowByNameWithVersion: true}.Compile(filter.Query{
		Operation: "ListImages",
		Filters:   threeFilters,
		Scope:     &filter.Scope{Account: "111122223333", ByName: true},
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := filter.Apply(m, items); err != nil {
			b.Fatal(err)
		}
	}
}
