package inventory_test

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var benchNow = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)

// benchInventory returns n AMI images in n/10 recipe versions, every image
// with one AMI, half of them tagged, every tenth AMI public and shared.
func benchInventory(n int) *inventory.Inventory {
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

func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1_000, 100_000} {
		inv := benchInventory(n)
		for _, workers := range []int{1, 2} {
			name := fmt.Sprint(n)
			if workers > 1 {
				name += fmt.Sprintf("/workers-%d", workers)
			}
			b.Run(name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					idx, fs := inventory.Options{Workers: workers}.Index(inv)
					if len(index.Images(idx)) != n || len(fs) != 0 {
						b.Fatalf("%d images, %v", len(index.Images(idx)), fs[:min(3, len(fs))])
					}
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/image")
			})
		}
	}
}

func BenchmarkDecode(b *testing.B) {
	bld := lifecycletest.Inventory(benchNow)
	for j := 0; j < 10_000; j++ {
		bld.AMIImage(fmt.Sprintf("recipe-%d", j%1000), "1.0.0", time.Duration(j)*time.Hour)
	}
	data, err := json.MarshalIndent(bld.Build(), "", "  ")
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if _, err := inventory.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHotPathAllocations(t *testing.T) {
	sel := lifecycle.Tags{"keep": "yes"}
	ami := index.AMI{Tags: []index.Tag{{Key: "Env", Value: "prod"}}, SharedAccounts: []string{"111122223333"}}
	assert.Zero(t, testing.AllocsPerRun(100, func() { ami.MatchTag(sel) }), "index.AMI.MatchTag allocates")
	// Index allocates per inventory, not per image.
	inv := benchInventory(2_000)
	perImage := testing.AllocsPerRun(3, func() { inv.Index() }) / 2_000
	assert.LessOrEqual(t, perImage, 0.5, "allocations per image of Index")
}
