package filter_test

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/filter"
)

// image is how a caller might hold ListImages items: a struct of its own
// with an accessor by JSON member name.
type image struct {
	ARN       string `json:"arn"`
	Name      string `json:"name"`
	Version   string `json:"version"`
	Platform  string `json:"platform"`
	Type      string `json:"type"`
	OSVersion string `json:"osVersion"`
}

func (im *image) member(path string) (string, bool) {
	var v string
	switch path {
	case "arn":
		v = im.ARN
	case "name":
		v = im.Name
	case "version":
		v = im.Version
	case "platform":
		v = im.Platform
	case "type":
		v = im.Type
	case "osVersion":
		v = im.OSVersion
	}
	return v, v != ""
}

// images returns n items spread over platforms, types and versions.
func images(n int) []image {
	platforms := []string{"Linux", "Windows", "macOS"}
	types := []string{"AMI", "DOCKER"}
	out := make([]image, n)
	for i := range out {
		name := "image-" + strconv.Itoa(i%500)
		version := "1." + strconv.Itoa(i%7) + "." + strconv.Itoa(i%13)
		out[i] = image{
			ARN:       "arn:aws:imagebuilder:us-east-1:111122223333:image/" + name + "/" + version,
			Name:      name,
			Version:   version,
			Platform:  platforms[i%3],
			Type:      types[i%2],
			OSVersion: "Amazon Linux 2023",
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
	comps := []item{withList(item{"name": "c"}, "supportedOsVersions", "Amazon Linux 2023", "Ubuntu 22")}
	// The odd versions take the path where an item's version does not
	// parse; it must not allocate either.
	summaries := []item{{"name": "s", "version": "1.2.3/4"}, {"name": "s", "version": "1.2"}, {"name": "s", "version": "1.99999999999.0"}}
	m := mustCompile(t, filter.Query{Operation: "ListImages", Filters: threeFilters})
	mc := mustCompile(t, read(q("ListComponents", f("supportedOsVersion", "Ubuntu")), filter.OSVersionPrefix))
	mw := mustCompile(t, read(q("ListImageBuildVersions", f("version", "1.x.x")), filter.VersionWildcards))
	n := 0
	allocs := testing.AllocsPerRun(10, func() {
		for i := range items {
			if m.Match(items[i].member) {
				n++
			}
		}
		for i := range comps {
			if mc.Match(comps[i].member) {
				n++
			}
		}
		for i := range summaries {
			if mw.Match(summaries[i].member) {
				n++
			}
		}
	})
	assert.Zero(t, allocs, "Match allocates per run over %d items", len(items))
	assert.NotZero(t, n, "nothing matched")
}

func mustCompile(t testing.TB, qq filter.Query) *filter.Matcher {
	t.Helper()
	m, err := filter.Compile(qq)
	require.NoError(t, err)
	return m
}

// BenchmarkMatch100k: 3 filters over 100,000 items read through an
// accessor (target ≤ 10 ms, 0 allocs).
func BenchmarkMatch100k(b *testing.B) {
	items := images(100_000)
	m := mustCompile(b, filter.Query{Operation: "ListImages", Filters: threeFilters})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		n := 0
		for i := range items {
			if m.Match(items[i].member) {
				n++
			}
		}
		if n == 0 {
			b.Fatal("nothing matched")
		}
	}
}

func applyImages(m *filter.Matcher, items []image) (filter.Result, error) {
	return m.Apply(len(items), func(i int, path string) (string, bool) { return items[i].member(path) }, time.Time{})
}

// BenchmarkApply100k: the same through Apply (result slice and ordering
// included).
func BenchmarkApply100k(b *testing.B) {
	items := images(100_000)
	m := mustCompile(b, filter.Query{Operation: "ListImages", Filters: threeFilters})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := applyImages(m, items); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompile: validation and compilation of three filters.
func BenchmarkCompile(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := filter.Compile(filter.Query{Operation: "ListImages", Filters: threeFilters}); err != nil {
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
	m := mustCompile(b, filter.Query{Operation: "ListImages", Filters: threeFilters})
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, _, err := filterJSON(m, doc, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseShorthand(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := filter.ParseFilters(`name=platform,values=Linux,Windows name=osVersion,values="Amazon Linux 2023"`); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkApplyScoped100k: owner scope derived from each ARN (F-P5),
// deprecated hiding and byName grouping on top of the three filters.
func BenchmarkApplyScoped100k(b *testing.B) {
	items := images(100_000)
	m := mustCompile(b, filter.Query{
		Operation: "ListImages",
		Filters:   threeFilters,
		Scope:     &filter.Scope{Account: "111122223333", ByName: true},
		Readings:  []filter.Decision{filter.AllowByNameWithVersion},
	})
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := applyImages(m, items); err != nil {
			b.Fatal(err)
		}
	}
}
