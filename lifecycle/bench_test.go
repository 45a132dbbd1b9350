package lifecycle_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
)

var benchNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// benchInventory returns n AMI images in n/10 recipe versions, every image
// with one AMI, half of them tagged, every tenth AMI public and shared.
func benchInventory(n int) *lifecycle.Inventory {
	b := lifecycletest.Inventory(benchNow)
	for i := 0; i < n; i++ {
		recipe := fmt.Sprintf("recipe-%d", i%(n/10+1))
		img := b.AMIImage(recipe, "1.0.0", time.Duration(i)*time.Hour)
		if i%2 == 0 {
			img.Tag("keep", "no")
		}
		if i%10 == 0 {
			img.WithAMIs(lifecycletest.AMI{Public: true, SharedWith: []string{"111122223333"}, Tags: map[string]string{"Env": "prod"}})
		}
	}
	return b.Build()
}

func BenchmarkDecodePolicy(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "policy", "bare.json"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidatePolicy(b *testing.B) {
	data, _ := os.ReadFile(filepath.Join("testdata", "policy", "bare.json"))
	doc, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc.Validate(lifecycle.ValidateOptions{})
	}
}

func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		inv := benchInventory(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				idx, fs := inv.Index()
				_ = i
				if len(idx.Images) != n || len(fs) != 0 {
					b.Fatalf("%d images, %v", len(idx.Images), fs[:min(3, len(fs))])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/image")
		})
	}
}

func BenchmarkDecodeInventory(b *testing.B) {
	bld := lifecycletest.Inventory(benchNow)
	for j := 0; j < 10_000; j++ {
		bld.AMIImage(fmt.Sprintf("recipe-%d", j%1000), "1.0.0", time.Duration(j)*time.Hour)
	}
	data := bld.JSON()
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := lifecycle.DecodeInventory(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHotPathAllocations(t *testing.T) {
	tags := lifecycle.Tags{"a": "1", "b": "2", "keep": "yes"}
	sel := lifecycle.Tags{"keep": "yes"}
	ami := lifecycle.IndexedAMI{Tags: []lifecycle.EC2Tag{{Key: "Env", Value: "prod"}}, SharedAccounts: []string{"111122223333"}}
	ts := lifecycle.Timestamp("2024-05-01T10:00:00.000Z")
	epoch := lifecycle.Timestamp("1714557600.25")
	accounts := []string{"111122223333"}
	tests := []struct {
		name string
		f    func()
	}{
		{"Tags.MatchesAny", func() { tags.MatchesAny(sel) }},
		{"IndexedAMI.MatchesAnyTag", func() { ami.MatchesAnyTag(sel) }},
		{"IndexedAMI.SharedWithAny", func() { ami.SharedWithAny(accounts) }},
		{"Timestamp.Time RFC 3339", func() { ts.Time() }},
		{"Timestamp.Time epoch", func() { epoch.Time() }},
	}
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.f); n != 0 {
			t.Errorf("%s allocates %v times", tt.name, n)
		}
	}
	// Index allocates per inventory, not per image.
	inv := benchInventory(2_000)
	perImage := testing.AllocsPerRun(3, func() { inv.Index() }) / 2_000
	if perImage > 0.5 {
		t.Errorf("Index makes %.2f allocations per image, want at most 0.5", perImage)
	}
}
