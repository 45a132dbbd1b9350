package filter_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ibkit/ibkit/filter"
)

// cliListImages returns a ListImages response of n items as the AWS CLI
// prints it: four-space indent, the members in the service's order.
func cliListImages(n int) []byte {
	platforms := []string{"Linux", "Windows", "macOS"}
	os := []string{"Amazon Linux 2023", "Microsoft Windows Server 2022", "macOS 14"}
	types := []string{"AMI", "DOCKER"}
	b := make([]byte, 0, n*560+64)
	b = append(b, "{\n    \"imageVersionList\": [\n"...)
	for i := range n {
		name := "image-" + strconv.Itoa(i%500)
		version := "1." + strconv.Itoa(i/500%7) + "." + strconv.Itoa(i/3500)
		if i > 0 {
			b = append(b, ",\n"...)
		}
		b = append(b, "        {\n"...)
		member := func(k, v string, last bool) {
			b = append(b, "            \""+k+"\": \""+v+"\""...)
			if !last {
				b = append(b, ',')
			}
			b = append(b, '\n')
		}
		member("arn", "arn:aws:imagebuilder:us-east-1:111122223333:image/"+name+"/"+version, false)
		member("name", name, false)
		member("type", types[i%2], false)
		member("version", version, false)
		member("platform", platforms[i%3], false)
		member("osVersion", os[i%3], false)
		member("owner", "111122223333", false)
		member("dateCreated", "2026-0"+strconv.Itoa(1+i%9)+"-1"+strconv.Itoa(i%10)+"T10:00:00.000Z", false)
		member("buildType", "USER_INITIATED", false)
		member("imageSource", "CUSTOM", true)
		b = append(b, "        }"...)
	}
	b = append(b, "\n    ],\n    \"nextToken\": \"eyJ0b2tlbiI6ICJuZXh0In0=\"\n}\n"...)
	return b
}

// peakHeap samples the heap in use while f runs and returns the most seen
// above what was in use before.
func peakHeap(f func()) uint64 {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var s runtime.MemStats
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			runtime.ReadMemStats(&s)
			if s.HeapInuse > base && s.HeapInuse-base > peak.Load() {
				peak.Store(s.HeapInuse - base)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(done)
	<-stopped
	runtime.ReadMemStats(&ms)
	if ms.HeapInuse > base && ms.HeapInuse-base > peak.Load() {
		peak.Store(ms.HeapInuse - base)
	}
	return peak.Load()
}

// benchFilters are the filters of the 100k benchmarks: one that keeps 200
// items, one that keeps a third and none.
var benchFilters = []struct {
	name    string
	filters string
}{
	{"selective", "name=name,values=image-7"},
	{"third", "name=platform,values=Linux"},
	{"all", ""},
}

// BenchmarkFilterJSON100k streams a 100,000-item ListImages response
// (about 45 MB) from a file, as "ibkit filter" reads it, to io.Discard.
// It reports the input size and the peak heap in use, above what was in
// use before, as a fraction of it ("peak/input"); the document is not
// held in memory.
func BenchmarkFilterJSON100k(b *testing.B) {
	path := filepath.Join(b.TempDir(), "list-images.json")
	doc := cliListImages(100_000)
	size := len(doc)
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		b.Fatal(err)
	}
	doc = nil
	for _, tc := range benchFilters {
		fs, err := filter.ParseFilters(tc.filters)
		if err != nil {
			b.Fatal(err)
		}
		m := mustCompile(b, filter.Query{Operation: "ListImages", Filters: fs})
		b.Run(tc.name, func(b *testing.B) {
			benchPeak(b, size, func() error { return filterFile(m, path) })
		})
	}
}

// BenchmarkFilterResponse100k is BenchmarkFilterJSON100k from memory, as
// FilterResponse reads it: the document in memory is not counted in the
// peak.
func BenchmarkFilterResponse100k(b *testing.B) {
	doc := cliListImages(100_000)
	for _, tc := range benchFilters {
		b.Run(tc.name, func(b *testing.B) {
			benchPeak(b, len(doc), func() error {
				_, _, err := filter.FilterResponse("ListImages", tc.filters, doc)
				return err
			})
		})
	}
}

// benchPeak times run and reports its peak heap as a fraction of size.
func benchPeak(b *testing.B, size int, run func() error) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for range b.N {
		if err := run(); err != nil {
			b.Fatal(err)
		}
	}
	// The peak is measured in a run of its own: sampling stops the world
	// and would slow the timed runs.
	b.StopTimer()
	var err error
	peak := peakHeap(func() { err = run() })
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(peak)/float64(size), "peak/input")
	b.ReportMetric(float64(size), "input-B")
}
