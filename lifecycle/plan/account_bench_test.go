package plan_test

import (
	"bufio"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// accountImages is the size of the account of BenchmarkAccount: as many
// images as AMIs.
const accountImages = 100_000

var accountStart = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)

// accountNow is the instant of BenchmarkAccount's execution: 70 days after
// the first image, 13 hours after the last.
var accountNow = accountStart.AddDate(0, 0, 70)

// writeAccount writes the account's two AWS CLI responses into dir and
// returns their total size.
func writeAccount(b *testing.B, dir string) int64 {
	var size int64
	for _, f := range []struct {
		name  string
		write func(io.Writer, int, time.Time) error
	}{{"images.json", writeAccountImages}, {"amis.json", writeAccountAMIs}} {
		file, err := os.Create(filepath.Join(dir, f.name))
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriter(file)
		if err := f.write(w, accountImages, accountStart); err != nil {
			b.Fatal(err)
		}
		if err := w.Flush(); err != nil {
			b.Fatal(err)
		}
		st, err := file.Stat()
		if err != nil {
			b.Fatal(err)
		}
		size += st.Size()
		if err := file.Close(); err != nil {
			b.Fatal(err)
		}
	}
	return size
}

// accountPolicy deletes all but the newest 5 builds of each version of 50
// of the account's 200 recipes: 22,500 images with their AMIs and
// snapshots, except the 900 AMIs launched in the 7 days before accountNow,
// which only the EC2 data tells.
func accountPolicy() *lifecycle.Policy {
	p := &lifecycle.Policy{Name: "account-policy", ResourceType: lifecycle.ResourceTypeAMI,
		ExecutionRole: "arn:aws:iam::111122223333:role/LifecycleRole"}
	for i := 0; i < 50; i++ {
		p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes,
			lifecycle.RecipeSelection{Name: "recipe-" + strconv.Itoa(100+i), SemanticVersion: "1.x.x"})
	}
	p.PolicyDetails = []lifecycle.PolicyDetail{{
		Action: lifecycle.Action{Type: lifecycle.ActionDelete, IncludeResources: &lifecycle.IncludeResources{AMIs: true, Snapshots: true}},
		Filter: lifecycle.Filter{Type: lifecycle.FilterCount, Value: 5},
		ExclusionRules: &lifecycle.ExclusionRules{AMIs: &lifecycle.AMIExclusionRules{
			LastLaunched: &lifecycle.LastLaunched{Value: 7, Unit: lifecycle.Days}}},
	}}
	return p
}

// phases are the times of the steps of one ibkitEndToEnd run.
type phases struct{ read, index, plan, json time.Duration }

// ibkitEndToEnd does what `ibkit lifecycle plan --output json` does with
// the account: read both files side by side, index and plan with a worker
// per processor, and write the plan's JSON, indented. It records the time
// of each step in ph when ph is not nil.
func ibkitEndToEnd(b *testing.B, dir string, p *lifecycle.Policy, now time.Time, ph *phases) {
	if ph == nil {
		ph = new(phases)
	}
	start := time.Now()
	lap := func(d *time.Duration) {
		t := time.Now()
		*d, start = t.Sub(start), t
	}
	workers := runtime.GOMAXPROCS(0)
	o := inventory.Options{Workers: workers}
	inv, err := o.Read(os.DirFS(dir), "images.json", "amis.json")
	if err != nil {
		b.Fatal(err)
	}
	lap(&ph.read)
	idx, findings := o.Index(inv)
	if findings.HasErrors() || len(inv.Images) != accountImages || len(inv.AMIs) != accountImages {
		b.Fatalf("%d images, %d AMIs, findings %v", len(inv.Images), len(inv.AMIs), findings[:min(len(findings), 3)])
	}
	lap(&ph.index)
	pl, err := plan.DryRun(p, idx, now, plan.Options{Workers: workers})
	if err != nil {
		b.Fatal(err)
	}
	lap(&ph.plan)
	if err := pl.WriteJSON(io.Discard, "  "); err != nil {
		b.Fatal(err)
	}
	lap(&ph.json)
}

// The baseline: encoding/json into structs holding only the members a
// dry-run reads.
type (
	baselineImages struct {
		ImageSummaryList []struct {
			ARN         string                  `json:"arn"`
			Name        string                  `json:"name"`
			Type        string                  `json:"type"`
			Version     string                  `json:"version"`
			State       struct{ Status string } `json:"state"`
			DateCreated string                  `json:"dateCreated"`
			Tags        map[string]string       `json:"tags"`
			Output      struct {
				AMIs []struct {
					Region    string `json:"region"`
					Image     string `json:"image"`
					AccountID string `json:"accountId"`
				} `json:"amis"`
			} `json:"outputResources"`
		} `json:"imageSummaryList"`
	}
	baselineAMIs struct {
		Images []struct {
			ImageID             string
			OwnerID             string `json:"OwnerId"`
			Public              bool
			State               string
			CreationDate        string
			LastLaunchedTime    string
			DeprecationTime     string
			Tags                []struct{ Key, Value string }
			BlockDeviceMappings []struct {
				Ebs struct {
					SnapshotID string `json:"SnapshotId"`
				}
			}
		}
	}
)

// encodingJSONBaseline reads both files and decodes them with
// encoding/json.
func encodingJSONBaseline(b *testing.B, dir string) {
	var imgs baselineImages
	var amis baselineAMIs
	for _, f := range []struct {
		name string
		v    any
	}{{"images.json", &imgs}, {"amis.json", &amis}} {
		data, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			b.Fatal(err)
		}
		if err := json.Unmarshal(data, f.v); err != nil {
			b.Fatal(err)
		}
	}
	if len(imgs.ImageSummaryList) != accountImages || len(amis.Images) != accountImages {
		b.Fatal("baseline decoded the wrong number of records")
	}
}

// peakHeap runs f while sampling the bytes of heap objects (live and not
// yet swept, as runtime/metrics counts them) every millisecond, after a
// collection, and returns the largest sample.
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	peak := read()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				peak = max(peak, read())
			}
		}
	})
	f()
	close(done)
	wg.Wait()
	return max(peak, read())
}

// BenchmarkAccount reads a synthetic account of 100,000 Image Builder
// images (list-image-build-versions output) and their 100,000 AMIs
// (describe-images output), as the AWS CLI prints them, 222 MB in all,
// written once into a temporary directory. Each iteration runs, one after
// the other so that a busy machine slows both alike, and each after a
// collection:
//
//   - the baseline: read both files and decode them with encoding/json into
//     structs holding only the members a dry-run reads (json-s/op);
//   - ibkit end to end, as the ibkit command runs it: inventory.Options
//     with a worker per processor reads both files side by side as streams
//     and indexes them, plan.DryRun plans with as many workers, and
//     Plan.WriteJSON writes the indented plan to io.Discard (ibkit-s/op,
//     ibkit-B/op, ibkit-allocs/op; read-s, index-s, plan-s and write-s for
//     the four steps).
//
// x-faster is the baseline's time over ibkit's; the -cpu- metrics and
// x-less-cpu are the same for the processor time the process used (user
// and system, garbage collection included), which counts the work of
// every processor. After the loop, one more ibkit run is watched by
// peakHeap: peak-MB is the largest heap it saw and peak/input that over
// the size of the files. ns/op, B/op and allocs/op count both parts.
func BenchmarkAccount(b *testing.B) {
	dir := b.TempDir()
	size := writeAccount(b, dir)
	p, now := accountPolicy(), accountNow
	b.SetBytes(size)
	b.ReportAllocs()
	var ibkit, baseline, ibkitCPU, baselineCPU time.Duration
	var steps phases
	var alloc, mallocs uint64
	var ms runtime.MemStats
	for b.Loop() {
		runtime.GC()
		start, cpu := time.Now(), cpuTime()
		encodingJSONBaseline(b, dir)
		baseline, baselineCPU = baseline+time.Since(start), baselineCPU+cpuTime()-cpu
		runtime.GC()
		runtime.ReadMemStats(&ms)
		alloc, mallocs = alloc-ms.TotalAlloc, mallocs-ms.Mallocs
		start, cpu = time.Now(), cpuTime()
		var ph phases
		ibkitEndToEnd(b, dir, p, now, &ph)
		ibkit, ibkitCPU = ibkit+time.Since(start), ibkitCPU+cpuTime()-cpu
		steps.read, steps.index, steps.plan, steps.json = steps.read+ph.read, steps.index+ph.index, steps.plan+ph.plan, steps.json+ph.json
		runtime.ReadMemStats(&ms)
		alloc, mallocs = alloc+ms.TotalAlloc, mallocs+ms.Mallocs
	}
	n := float64(b.N)
	b.ReportMetric(baseline.Seconds()/n, "json-s/op")
	b.ReportMetric(ibkit.Seconds()/n, "ibkit-s/op")
	b.ReportMetric(baseline.Seconds()/ibkit.Seconds(), "x-faster")
	if ibkitCPU > 0 {
		b.ReportMetric(baselineCPU.Seconds()/n, "json-cpu-s/op")
		b.ReportMetric(ibkitCPU.Seconds()/n, "ibkit-cpu-s/op")
		b.ReportMetric(baselineCPU.Seconds()/ibkitCPU.Seconds(), "x-less-cpu")
	}
	b.ReportMetric(steps.read.Seconds()/n, "read-s/op")
	b.ReportMetric(steps.index.Seconds()/n, "index-s/op")
	b.ReportMetric(steps.plan.Seconds()/n, "plan-s/op")
	b.ReportMetric(steps.json.Seconds()/n, "write-s/op")
	b.ReportMetric(float64(alloc)/n, "ibkit-B/op")
	b.ReportMetric(float64(mallocs)/n, "ibkit-allocs/op")
	peak := peakHeap(func() { ibkitEndToEnd(b, dir, p, now, nil) })
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
	b.ReportMetric(float64(peak)/float64(size), "peak/input")
}
