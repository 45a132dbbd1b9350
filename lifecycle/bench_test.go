package lifecycle_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func BenchmarkDecodePolicy(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "policy", "bare.json"))
	require.NoError(b, err)
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
	require.NoError(b, err)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc.Validate(lifecycle.ValidateOptions{})
	}
}

func TestHotPathAllocations(t *testing.T) {
	tags := lifecycle.Tags{"a": "1", "b": "2", "keep": "yes"}
	sel := lifecycle.Tags{"keep": "yes"}
	ts := lifecycle.Timestamp("2024-05-01T10:00:00.000Z")
	epoch := lifecycle.Timestamp("1714557600.25")
	tests := []struct {
		name string
		f    func()
	}{
		{"Tags.Match", func() { tags.Match(sel) }},
		{"Timestamp.Time RFC 3339", func() { ts.Time() }},
		{"Timestamp.Time epoch", func() { epoch.Time() }},
	}
	for _, tt := range tests {
		assert.Zero(t, testing.AllocsPerRun(100, tt.f), "%s allocates", tt.name)
	}
}
