package plan_test

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/ibkit/ibkit/semver"
)

// engineBenchRecipes is the number of recipe names of the benchmark inventories;
// each has engineBenchVersions versions, so that the largest inventories hold
// 10,000 recipe-version groups.
const (
	engineBenchRecipes  = 50
	engineBenchVersions = 200
)

// engineBenchIndex builds, directly in Go, an inventory of n AMI images in
// min(10,000, n/10) recipe-version groups, each image with one or two
// AMIs and their snapshots, some public, shared, tagged or recently
// launched.
func engineBenchIndex(n int) *inventory.Index {
	r := rand.New(rand.NewPCG(uint64(n), 7))
	groups := max(1, min(engineBenchRecipes*engineBenchVersions, n/10))
	statuses := []lifecycle.ImageStatus{
		lifecycle.StatusAvailable, lifecycle.StatusAvailable, lifecycle.StatusAvailable, lifecycle.StatusAvailable,
		lifecycle.StatusAvailable, lifecycle.StatusAvailable, lifecycle.StatusDeprecated, lifecycle.StatusDisabled,
		lifecycle.StatusFailed, lifecycle.StatusBuilding,
	}
	createdBy := index.Tag{Key: "CreatedBy", Value: "EC2 Image Builder"}
	images := make([]index.Image, n)
	builds := make([]uint64, groups)
	for i := range images {
		g := i % groups
		builds[g]++
		recipe := "recipe-" + strconv.Itoa(g%engineBenchRecipes)
		ver := semver.MustParse(fmt.Sprintf("1.%d.0", g/engineBenchRecipes))
		arn := "arn:aws:imagebuilder:us-east-1:123456789012:image/" + recipe + "/" + ver.String() + "/" + strconv.FormatUint(builds[g], 10)
		im := index.Image{
			ARN: arn, Name: recipe, ARNName: recipe, Region: "us-east-1", AccountID: "123456789012",
			Version: ver, Build: builds[g],
			Type:    lifecycle.ImageTypeAMI,
			Status:  statuses[r.IntN(len(statuses))],
			Created: engineBenchNow.Add(-time.Duration(r.Int64N(int64(365 * 24 * time.Hour)))),
		}
		if r.IntN(20) == 0 {
			im.Tags = lifecycle.Tags{"Pin": "true"}
		}
		for j := 0; j < 1+r.IntN(2); j++ {
			region := "us-east-1"
			if j == 1 {
				region = "eu-west-1"
			}
			id := "ami-" + strconv.FormatInt(int64(i)*2+int64(j), 16)
			a := index.AMI{
				ID: id, Region: region, AccountID: "123456789012", Described: true, State: "available",
				Tags: []index.Tag{createdBy}, Snapshots: []string{"snap-" + id[4:]}, PermissionsKnown: true,
				Public: r.IntN(50) == 0,
			}
			if r.IntN(10) == 0 {
				a.SharedAccounts = []string{"999988887777"}
			}
			if r.IntN(4) == 0 {
				a.LastLaunched = engineBenchNow.Add(-time.Duration(r.Int64N(int64(90 * 24 * time.Hour))))
			}
			im.AMIs = append(im.AMIs, a)
		}
		images[i] = im
	}
	// Inventory.Index orders images by ARN, which keeps each group's
	// images together, and keeps the AMIs of all images in one slice in
	// that order.
	slices.SortFunc(images, func(a, b index.Image) int { return strings.Compare(a.ARN, b.ARN) })
	var nAMIs int
	for i := range images {
		nAMIs += len(images[i].AMIs)
	}
	backing := make([]index.AMI, 0, nAMIs)
	for i := range images {
		start := len(backing)
		backing = append(backing, images[i].AMIs...)
		images[i].AMIs = backing[start:len(backing):len(backing)]
	}
	return index.New(images, nil)
}

var engineBenchNow = time.Date(2026, time.March, 31, 12, 0, 0, 0, time.UTC)

// engineBenchPolicy has three rules with image and AMI exclusions and selects
// every benchmark recipe at every version.
func engineBenchPolicy() *lifecycle.Policy {
	p := &lifecycle.Policy{Name: "bench-policy", ResourceType: lifecycle.ResourceTypeAMI,
		ExecutionRole: "arn:aws:iam::123456789012:role/LifecycleRole"}
	for i := 0; i < engineBenchRecipes; i++ {
		p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes,
			lifecycle.RecipeSelection{Name: "recipe-" + strconv.Itoa(i), SemanticVersion: "1.x.x"})
	}
	amis := &lifecycle.IncludeResources{AMIs: true}
	p.PolicyDetails = []lifecycle.PolicyDetail{
		{Action: lifecycle.Action{Type: lifecycle.ActionDeprecate, IncludeResources: amis},
			Filter:         lifecycle.Filter{Type: lifecycle.FilterAge, Value: 30, Unit: lifecycle.Days},
			ExclusionRules: &lifecycle.ExclusionRules{TagMap: lifecycle.Tags{"Pin": "true"}}},
		{Action: lifecycle.Action{Type: lifecycle.ActionDisable, IncludeResources: amis},
			Filter:         lifecycle.Filter{Type: lifecycle.FilterAge, Value: 3, Unit: lifecycle.Months},
			ExclusionRules: &lifecycle.ExclusionRules{AMIs: &lifecycle.AMIExclusionRules{Regions: []string{"eu-west-1"}}}},
		{Action: lifecycle.Action{Type: lifecycle.ActionDelete, IncludeResources: &lifecycle.IncludeResources{AMIs: true, Snapshots: true}},
			Filter: lifecycle.Filter{Type: lifecycle.FilterCount, Value: 5},
			ExclusionRules: &lifecycle.ExclusionRules{TagMap: lifecycle.Tags{"Pin": "true"}, AMIs: &lifecycle.AMIExclusionRules{
				IsPublic: true, SharedAccounts: []string{"999988887777"},
				LastLaunched: &lifecycle.LastLaunched{Value: 30, Unit: lifecycle.Days},
				TagMap:       lifecycle.Tags{"Keep": "yes"},
			}}},
	}
	return p
}

// BenchmarkDryRun measures one plan over 1,000, 100,000 and 1,000,000
// images. Besides ns/op it reports ns/image, which stays nearly flat when
// the cost grows as n log g (g, the group size, is 10 up to 100,000 images
// and 100 at 1,000,000).
func BenchmarkDryRun(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			idx, p := engineBenchIndex(n), engineBenchPolicy()
			var opts plan.Options
			b.ReportAllocs()
			runtime.GC() // the garbage of building the index is not the plan's
			b.ResetTimer()
			var pl *plan.Plan
			for i := 0; i < b.N; i++ {
				var err error
				if pl, err = plan.DryRun(p, idx, engineBenchNow, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/image")
			if pl.Summary.InScope != n {
				b.Fatalf("in scope %d of %d", pl.Summary.InScope, n)
			}
		})
	}
}

// BenchmarkDryRunWorkers is BenchmarkDryRun with one worker per
// processor (Options.Workers), as the ibkit command plans.
func BenchmarkDryRunWorkers(b *testing.B) {
	for _, n := range []int{1_000, 100_000, 1_000_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			idx, p := engineBenchIndex(n), engineBenchPolicy()
			opts := plan.Options{Workers: runtime.GOMAXPROCS(0)}
			b.ReportAllocs()
			runtime.GC() // the garbage of building the index is not the plan's
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := plan.DryRun(p, idx, engineBenchNow, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/image")
		})
	}
}

func BenchmarkForecast(b *testing.B) {
	idx, p := engineBenchIndex(1_000), engineBenchPolicy()
	var opts plan.Options
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := plan.Forecast(p, idx, engineBenchNow, 30, opts); err != nil {
			b.Fatal(err)
		}
	}
}
