package jsonwrite

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gen turns fuzz bytes into a JSON value: nil, bool, int, string, []any
// or map[string]any (whose keys encoding/json sorts, so write writes them
// sorted).
type gen struct{ data []byte }

func (g *gen) byte() byte {
	if len(g.data) == 0 {
		return 0
	}
	b := g.data[0]
	g.data = g.data[1:]
	return b
}

func (g *gen) text() string {
	n := int(g.byte() % 12)
	n = min(n, len(g.data))
	s := string(g.data[:n])
	g.data = g.data[n:]
	return s
}

func (g *gen) value(depth int) any {
	b := g.byte()
	switch k := b % 7; {
	case k == 0 || depth > 6:
		return nil
	case k == 1:
		return b&0x80 != 0
	case k == 2:
		return int(int8(g.byte())) * int(g.byte())
	case k == 3:
		return g.text()
	case k == 4:
		list := []any{}
		for range g.byte() % 5 {
			list = append(list, g.value(depth+1))
		}
		return list
	default:
		obj := map[string]any{}
		for range g.byte() % 5 {
			obj[g.text()] = g.value(depth + 1)
		}
		return obj
	}
}

// write writes v with w.
func write(w *Writer, v any) {
	switch v := v.(type) {
	case nil:
		w.Null()
	case bool:
		w.Bool(v)
	case int:
		w.Int(v)
	case string:
		w.String(v)
	case []any:
		w.ArrayStart()
		for _, e := range v {
			write(w, e)
		}
		w.ArrayEnd()
	case map[string]any:
		w.ObjectStart()
		for _, k := range slices.Sorted(func(yield func(string) bool) {
			for k := range v {
				if !yield(k) {
					return
				}
			}
		}) {
			w.Name(k)
			write(w, v[k])
		}
		w.ObjectEnd()
	}
}

// encodingJSON is what encoding/json's Encoder writes for v.
func encodingJSON(t testing.TB, v any, indent string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	require.NoError(t, enc.Encode(v))
	return b.String()
}

// both writes v to a stream and to memory, and returns the first.
func both(t testing.TB, v any, indent string) string {
	var b bytes.Buffer
	w := New(&b, indent)
	write(w, v)
	require.NoError(t, w.Flush())
	m := New(nil, indent)
	write(m, v)
	require.Equal(t, b.String(), string(m.Bytes())+"\n", "stream and memory differ")
	return b.String()
}

func TestAgreesWithEncodingJSON(t *testing.T) {
	long := strings.Repeat("x", flushAt/3)
	tests := []struct {
		name string
		v    any
	}{
		{"null", nil},
		{"empty array", []any{}},
		{"empty object", map[string]any{}},
		{"nested empties", map[string]any{"a": []any{}, "b": map[string]any{}, "c": []any{[]any{}, map[string]any{}}}},
		{"escapes", []any{"quote \" backslash \\ slash /", "\b\f\n\r\t\x00\x1f\x7f", "<html> & 'x'"}},
		{"line separators", "a\u2028b\u2029c"},
		{"invalid UTF-8", "a\xffb\xe2\x80c\xed\xa0\x80"},
		{"non-ASCII", "café ✓ 😀"},
		{"names escaped", map[string]any{"a\"b": 1, "\u2028": true, "": nil}},
		{"numbers", []any{0, -1, 1 << 40, -(1 << 40)}},
		{"longer than a buffer", []any{long, map[string]any{"x": []any{long, long}}, long, long}},
	}
	for _, tt := range tests {
		for _, indent := range []string{"", "  ", "\t"} {
			t.Run(tt.name+"/"+indentName(indent), func(t *testing.T) {
				assert.Equal(t, encodingJSON(t, tt.v, indent), both(t, tt.v, indent))
			})
		}
	}
}

func indentName(indent string) string {
	switch indent {
	case "":
		return "compact"
	case "\t":
		return "tab"
	}
	return "spaces"
}

type failing struct{ n int }

func (f *failing) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

func TestFlushReportsTheFirstError(t *testing.T) {
	f := &failing{}
	w := New(f, "")
	w.ArrayStart()
	for range 3 * flushAt / 8 {
		w.String("abcdef")
	}
	w.ArrayEnd()
	require.EqualError(t, w.Flush(), "disk full")
	assert.Equal(t, 1, f.n, "writes after the first error")
}

func FuzzAgreesWithEncodingJSON(f *testing.F) {
	f.Add([]byte{5, 3, 3, 'a', 'b', 'c', 4, 2, 1, 3, 2, 'x', '"'})
	f.Add([]byte{4, 4, 6, 2, 0, 4, 0, 5, 0})
	f.Add([]byte("\x03\x06a\u2028\xff"))
	f.Fuzz(func(t *testing.T, data []byte) {
		v := (&gen{data: data}).value(0)
		for _, indent := range []string{"", "  "} {
			if got, want := both(t, v, indent), encodingJSON(t, v, indent); got != want {
				t.Fatalf("indent %q:\ngot  %s\nwant %s", indent, got, want)
			}
		}
	})
}

func BenchmarkWriter(b *testing.B) {
	b.ReportAllocs()
	w := New(nil, "  ")
	for b.Loop() {
		w.buf = w.buf[:0]
		w.ArrayStart()
		for range 1000 {
			w.ObjectStart()
			w.Name("resourceId")
			w.String("arn:aws:imagebuilder:us-east-1:111122223333:image/recipe/1.0.0/1")
			w.Name("rule")
			w.Int(0)
			w.ObjectEnd()
		}
		w.ArrayEnd()
	}
	b.SetBytes(int64(len(w.buf)))
}
