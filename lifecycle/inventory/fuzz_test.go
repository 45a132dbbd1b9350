package inventory

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/stretchr/testify/require"
)

// FuzzDecode checks the inventory loader the same way, and that
// checking and indexing an accepted inventory never panics.
func FuzzDecode(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "inventory", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"images":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/1","outputResources":{"amis":[{"image":"ami-1"}]}}],"amis":[{"ImageId":"ami-1","LastLaunchedTime":"x"}]}`))
	f.Add([]byte(`{"ImageId":"ami-1","LaunchPermissions":[{"Group":"all"}]}`))
	for _, s := range []string{
		`{"images":[{"ARN":"a"}]}`, `{"images":[{"tags":{"Pin":"yes"},"tags":{}}]}`, "\xef\xbb\xbf{\"Images\":[]}",
		"{\"images\":[{\"name\":\"w\xffb\"}]}", "{\x00}\x00",
		`{"images":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/1","type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":"2024-01-01T00:00:00Z","outputResources":{"amis":[{"image":"ami-00000001"}]}},` +
			`{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/2","type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":"-62167219201","outputResources":{"amis":[{"image":"ami-00000001","region":"x\u001b"}]}}],` +
			`"amis":[{"ImageId":"ami-00000001","Public":true},{"ImageId":"ami-00000001"}],"launchPermissions":[{"ImageId":"ami-00000001","LaunchPermissions":[]},{"ImageId":"ami-00000001","LaunchPermissions":[{"Group":"all"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := Decode(data)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		idx, fs := inv.Index()
		if len(index.Images(idx)) > len(inv.Images) {
			t.Fatalf("index has more images than the inventory")
		}
		for i := 1; i < len(index.Images(idx)); i++ {
			if index.Images(idx)[i-1].ARN >= index.Images(idx)[i].ARN {
				t.Fatalf("index not sorted by unique ARN")
			}
		}
		for _, f := range fs {
			if f.Severity != lifecycle.SeverityError && f.Severity != lifecycle.SeverityWarning || f.Message == "" {
				t.Fatalf("bad finding %+v", f)
			}
		}
		out, err := json.Marshal(inv)
		require.NoError(t, err)
		again, err := Decode(out)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
		// Merging two named copies gives the same findings in either order.
		inv.File, again.File = "a.json", "b.json"
		ab, ba := CheckAll(Merge(inv, again)), CheckAll(Merge(again, inv))
		if len(ab) != len(ba) {
			t.Fatalf("merge order changes the findings:\n%v\n%v", ab, ba)
		}
		for i := range ab {
			if ab[i].String() != ba[i].String() {
				t.Fatalf("merge order changes the findings:\n%v\n%v", ab[i], ba[i])
			}
		}
	})
}

// checkDecodeError asserts the decoder contract: an error is a
// *lifecycle.Error wrapping one of the sentinels, with a code and an
// offset inside the input.
func checkDecodeError(t *testing.T, data []byte, err error) {
	var de *lifecycle.Error
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *lifecycle.Error", err, err)
	}
	if de.Offset < 0 || de.Offset > int64(len(data)) {
		t.Fatalf("offset %d outside the input of %d bytes: %v", de.Offset, len(data), err)
	}
	if !errors.Is(err, lifecycle.ErrSyntax) && !errors.Is(err, lifecycle.ErrUnknown) && !errors.Is(err, lifecycle.ErrInvalid) {
		t.Fatalf("error %v wraps no sentinel", err)
	}
	if de.Reason == "" || de.Code == "" {
		t.Fatalf("error without a reason or code: %#v", de)
	}
}
