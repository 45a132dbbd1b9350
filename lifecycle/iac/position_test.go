package iac

import (
	"strings"
	"testing"
)

// Reading JSON examines each byte a bounded number of times to locate
// values, however many values there are.
func TestJSONPositionsLinear(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"one line", "[" + strings.TrimSuffix(strings.Repeat("1,", 200000), ",") + "]"},
		{"a value a line", "[\n" + strings.TrimSuffix(strings.Repeat("1,\n", 200000), ",\n") + "\n]"},
		{"wide characters", `{"é": [` + strings.TrimSuffix(strings.Repeat(`"ü",`, 50000), ",") + "]}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := newJSONParser([]byte(tc.data))
			if _, err := p.parse(); err != nil {
				t.Fatal(err)
			}
			if p.pos.scanned > len(tc.data) {
				t.Errorf("scanned %d bytes of a %d-byte document; want at most one pass", p.pos.scanned, len(tc.data))
			}
		})
	}
}

func TestPositionAt(t *testing.T) {
	data := []byte("ab\nçd\n\nx")
	for _, tc := range []struct {
		off       int64
		line, col int
	}{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 3}, {7, 3, 1}, {8, 4, 1}, {9, 4, 2}, {100, 4, 2},
		{1, 1, 2}, // backwards: starts again
		{-1, 1, 1},
	} {
		p := position{data: data, line: 1, col: 1}
		l0, c0 := p.at(tc.off)
		// The same offset reached in two steps gives the same position.
		q := position{data: data, line: 1, col: 1}
		q.at(tc.off / 2)
		l1, c1 := q.at(tc.off)
		if l0 != tc.line || c0 != tc.col || l1 != tc.line || c1 != tc.col {
			t.Errorf("at(%d) = %d:%d, in two steps %d:%d; want %d:%d", tc.off, l0, c0, l1, c1, tc.line, tc.col)
		}
	}
}
