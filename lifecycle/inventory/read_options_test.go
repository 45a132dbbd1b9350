package inventory_test

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/semver"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReadWorkers checks that Read with several workers gives what Read
// one file at a time gives: the same inventory, the same findings, and
// the error of the first failing file in argument order.
func TestReadWorkers(t *testing.T) {
	fsys := lifecycletest.Inventory(time.Unix(0, 0)).Files()
	fsys["bad1.json"] = &fstest.MapFile{Data: []byte(`{"Images": 1}`)}
	fsys["bad2.json"] = &fstest.MapFile{Data: []byte(`{"images": [`)}
	var all []string
	for name := range fsys {
		if !strings.HasPrefix(name, "bad") {
			all = append(all, name)
		}
	}
	for _, tt := range []struct {
		name  string
		files []string
	}{
		{"every file", all},
		{"one file", all[:1]},
		{"no file", nil},
		{"a bad file after good ones", append(append([]string{}, all...), "bad2.json", "bad1.json")},
		{"two bad files", []string{"bad1.json", all[0], "bad2.json"}},
		{"a missing file", []string{all[0], "missing.json", "bad1.json"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := inventory.Read(fsys, tt.files...)
			for _, workers := range []int{2, 3, 16} {
				got, err := inventory.Options{Workers: workers}.Read(fsys, tt.files...)
				if wantErr != nil {
					require.Error(t, err)
					assert.Equal(t, wantErr.Error(), err.Error(), "workers %d", workers)
					continue
				}
				require.NoError(t, err)
				if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
					t.Fatalf("workers %d (-serial +parallel):\n%s", workers, diff)
				}
				_, wantFs := want.Index()
				_, gotFs := got.Index()
				assert.Equal(t, wantFs, gotFs, "findings, workers %d", workers)
			}
		})
	}
}

// TestProgress checks the calls of Options.Progress: every 1024th record
// of each file and once at its end, counts rising, with the file's name.
func TestProgress(t *testing.T) {
	var images, amis strings.Builder
	images.WriteString(`{"imageSummaryList":[`)
	amis.WriteString(`{"Images":[`)
	for i := range 2500 {
		if i > 0 {
			images.WriteString(",")
			amis.WriteString(",")
		}
		fmt.Fprintf(&images, `{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/r/1.0.0/%d"}`, i+1)
		fmt.Fprintf(&amis, `{"ImageId":"ami-%017x"}`, i+1)
	}
	images.WriteString("]}")
	amis.WriteString(`], "NextToken": null}`)
	fsys := fstest.MapFS{
		"images.json": {Data: []byte(images.String())},
		"amis.json":   {Data: []byte(amis.String())},
		"bad.json":    {Data: []byte(`{"images":[{},{},{"arn":1}]}`)},
	}
	type call struct {
		records int
		bytes   int64
	}
	var mu sync.Mutex
	calls := map[string][]call{}
	o := inventory.Options{Workers: 2, Progress: func(file string, records int, bytes int64) {
		mu.Lock()
		defer mu.Unlock()
		calls[file] = append(calls[file], call{records, bytes})
	}}
	_, err := o.Read(fsys, "images.json", "amis.json")
	require.NoError(t, err)
	for _, name := range []string{"images.json", "amis.json"} {
		got := calls[name]
		require.Len(t, got, 3, name)
		assert.Equal(t, []int{1024, 2048, 2500}, []int{got[0].records, got[1].records, got[2].records}, name)
		assert.Less(t, got[0].bytes, got[1].bytes, name)
		assert.Equal(t, int64(len(fsys[name].Data)), got[2].bytes, "%s: the last call counts the whole document", name)
	}

	clear(calls)
	_, err = o.Read(fsys, "bad.json")
	var le *lifecycle.Error
	require.True(t, errors.As(err, &le), "%v", err)
	assert.Equal(t, map[string][]call{"bad.json": {{2, le.Offset + 1}}}, calls, "a failing document's last call")

	clear(calls)
	_, err = o.DecodeReader(io.MultiReader(strings.NewReader(`{"images":[{},`), strings.NewReader(`{}]}`)))
	require.NoError(t, err)
	assert.Equal(t, map[string][]call{"": {{2, 18}}}, calls, "DecodeReader names no file")
}

// TestIndexWorkers checks that Options.Index with workers builds what
// Index builds, findings included, on an inventory large enough to share
// out and with problems of every kind spread through it.
func TestIndexWorkers(t *testing.T) {
	var images, amis strings.Builder
	images.WriteString(`{"images":[`)
	amis.WriteString(`"amis":[`)
	for i := range 10000 {
		if i > 0 {
			images.WriteString(",")
			amis.WriteString(",")
		}
		arn := fmt.Sprintf("arn:aws:imagebuilder:us-east-1:111122223333:image/r%d/1.0.0/%d", i%7, i)
		switch i % 997 {
		case 1:
			arn = "not-an-arn"
		case 2:
			arn = fmt.Sprintf("arn:aws:imagebuilder:us-east-1:111122223333:image/r%d/1.0.0/%d", (i-1)%7, i-1) // a copy
		}
		ami := fmt.Sprintf("ami-%017x", i)
		switch {
		case i%1999 == 5:
			ami = fmt.Sprintf("ami-%017x", i-1) // listed by two images
		case i%2503 == 9:
			ami = "ami-0fffffffffffffff0" // listed by several images, described by none
		}
		created := "2024-01-01T00:00:00Z"
		if i%1511 == 3 {
			created = "yesterday"
		}
		fmt.Fprintf(&images, `{"arn":%q,"type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":%q,"outputResources":{"amis":[{"region":"us-east-1","image":%q}]}}`,
			arn, created, ami)
		switch i % 3001 {
		case 7: // an AMI undescribed, another described in its place
			fmt.Fprintf(&amis, `{"ImageId":"ami-%017x"}`, i+1<<40)
		case 8:
			fmt.Fprintf(&amis, `{"ImageId":"ami-%017x","LastLaunchedTime":"soon"}`, i)
		default:
			fmt.Fprintf(&amis, `{"ImageId":"ami-%017x","State":"available","LastLaunchedTime":"2024-02-01T00:00:00Z"}`, i)
		}
	}
	doc := images.String() + "]," + amis.String() + "]}"
	inv, err := inventory.Decode([]byte(doc))
	require.NoError(t, err)
	want, wantFs := inv.Index()
	codes := map[string]bool{}
	for _, f := range wantFs {
		codes[f.Code] = true
	}
	for _, code := range []string{"invalid-arn", "duplicate-arn", "invalid-timestamp", "undescribed-ami", "shared-ami"} {
		assert.True(t, codes[code], "no %s finding in %v", code, codes)
	}
	for _, workers := range []int{2, 3, 8} {
		got, gotFs := inventory.Options{Workers: workers}.Index(inv)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(index.Index{}), cmpopts.EquateComparable(semver.Version{})); diff != "" {
			t.Fatalf("workers %d (-serial +parallel):\n%s", workers, diff)
		}
		assert.Equal(t, wantFs, gotFs, "workers %d", workers)
	}
}
