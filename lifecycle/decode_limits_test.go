package lifecycle_test

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// maxDocumentSize is the largest document DecodePolicy reads.
const maxDocumentSize = 1 << 20

// TestDecodeStopsAtFirstError checks that rejecting a document costs
// memory in proportion to what was read before the problem, not to the
// size of the document.
func TestDecodeStopsAtFirstError(t *testing.T) {
	huge := strings.Repeat("0,", 10<<20) + "0" // 20 MB of array
	tests := []struct {
		name   string
		decode func([]byte) error
		doc    string
		max    uint64
	}{
		{"policy far above the limit", func(b []byte) error { _, err := lifecycle.DecodePolicy(b, lifecycle.DecodeOptions{}); return err },
			`{"name":5,"description":[` + huge + `]}`, 64 << 10},
		{"policy at the limit with an early error", func(b []byte) error { _, err := lifecycle.DecodePolicy(b, lifecycle.DecodeOptions{}); return err },
			`{"name":5,"description":[` + huge[:maxDocumentSize-40] + `]}`, 8 * maxDocumentSize},
		{"request far above the limit", func(b []byte) error { _, err := lifecycle.DecodeStateUpdate(b, lifecycle.DecodeOptions{}); return err },
			`{"state":1,"resourceArn":"` + strings.Repeat("a", 20<<20) + `"}`, 64 << 10},
		{"inventory with an early error", func(b []byte) error { _, err := inventory.Decode(b); return err },
			`{"images":[{"arn":5},` + strings.Repeat(`{"arn":"a"},`, 1<<20) + `{}]}`, 1 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.doc)
			var err error
			n := allocated(func() { err = tt.decode(data) })
			if err == nil {
				t.Fatal("accepted")
			}
			if n > tt.max {
				t.Errorf("rejecting %d bytes allocated %d bytes, want at most %d", len(data), n, tt.max)
			}
		})
	}
}

// TestDecodeByteOrderMark checks that a UTF-8 byte-order mark is skipped
// and that offsets still count from the start of the file.
func TestDecodeByteOrderMark(t *testing.T) {
	bom := "\xef\xbb\xbf"
	if _, err := lifecycle.DecodePolicy([]byte(bom+`{"name":"abc"}`), lifecycle.DecodeOptions{}); err != nil {
		t.Errorf("policy: %v", err)
	}
	if _, err := lifecycle.DecodeStateUpdate([]byte(bom+`{"clientToken":"t"}`), lifecycle.DecodeOptions{}); err != nil {
		t.Errorf("request: %v", err)
	}
	if _, err := inventory.Decode([]byte(bom + `{"Images":[]}`)); err != nil {
		t.Errorf("inventory: %v", err)
	}
	_, err := lifecycle.DecodePolicy([]byte(bom+`{"name":5}`), lifecycle.DecodeOptions{})
	var de *lifecycle.Error
	if !errors.As(err, &de) || de.Offset != 11 {
		t.Errorf("err = %v, want offset 11", err)
	}
}

// TestDecodeErrorsQuoteShortValues checks that an error about a huge
// member name or value quotes only its beginning.
func TestDecodeErrorsQuoteShortValues(t *testing.T) {
	long := strings.Repeat("k", 300<<10) // within maxDocumentSize twice
	for _, doc := range []string{
		`{"` + long + `":1}`,
		`{"tags":{"` + long + `":"a","` + long + `":"b"}}`,
		`{"policyDetails":[{"filter":{"value":1` + strings.Repeat("0", 1<<19) + `}}]}`,
	} {
		_, err := lifecycle.DecodePolicy([]byte(doc), lifecycle.DecodeOptions{})
		if err == nil || len(err.Error()) > 1000 {
			t.Errorf("error of %d bytes: %.300v", len(fmt.Sprint(err)), err)
		}
	}
	_, err := inventory.Decode([]byte(`{"images":[{"` + long + `":1,"` + long + `":2}]}`))
	if err == nil || len(err.Error()) > 1000 {
		t.Errorf("error of %d bytes: %.300v", len(fmt.Sprint(err)), err)
	}
}
