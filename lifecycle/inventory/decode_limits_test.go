package inventory_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// TestDecodeInventoryLateError checks that an inventory whose last value
// is bad costs a small multiple of the memory of its valid part.
func TestDecodeInventoryLateError(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(`{"images":[`)
	for i := range 20_000 {
		fmt.Fprintf(&b, `{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/%d","type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":"2024-01-01T00:00:00Z","tags":{"a":"b"}},`, i+1)
	}
	valid := append(bytes.TrimSuffix(bytes.Clone(b.Bytes()), []byte(",")), "]}"...)
	b.WriteString(`{"arn":5}]}`)
	bad := b.Bytes()
	var okErr, badErr error
	accepted := allocated(func() { _, okErr = inventory.Decode(valid) })
	rejected := allocated(func() { _, badErr = inventory.Decode(bad) })
	if okErr != nil || badErr == nil {
		t.Fatalf("errors %v, %v", okErr, badErr)
	}
	if rejected > 2*accepted {
		t.Errorf("rejecting allocated %d bytes, accepting the valid part %d", rejected, accepted)
	}
}

// TestDecodeDuplicateCheckLinear guards the cost of finding a repeated
// member in an object with very many members.
func TestDecodeDuplicateCheckLinear(t *testing.T) {
	const n = 100_000
	var b strings.Builder
	b.WriteString(`{"Images":[{`)
	for i := range n {
		fmt.Fprintf(&b, `"m%d":0,`, i)
	}
	b.WriteString(`"m0":1}]}`)
	checks, err := inventory.DecodeMemberChecks([]byte(b.String()))
	if !errors.Is(err, lifecycle.ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	if checks > 3*n {
		t.Errorf("%d lookups for %d members, want at most %d", checks, n, 3*n)
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
