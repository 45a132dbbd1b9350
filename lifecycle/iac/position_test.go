package iac

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
			p, err := newJSONParser([]byte(tc.data))
			require.NoError(t, err)
			_, err = p.parse()
			require.NoError(t, err)
			assert.LessOrEqual(t, p.pos.scanned, len(tc.data), "bytes scanned; want at most one pass")
		})
	}
}

func TestPositionAt(t *testing.T) {
	data := []byte("ab\nçd\n\nx")
	for _, tc := range []struct {
		name      string
		off       int64
		line, col int
	}{
		{"start", 0, 1, 1},
		{"end of the first line", 2, 1, 3},
		{"second line", 3, 2, 1},
		{"after a wide character", 6, 2, 3},
		{"empty line", 7, 3, 1},
		{"last byte", 8, 4, 1},
		{"end", 9, 4, 2},
		{"past the end", 100, 4, 2},
		{"backwards starts again", 1, 1, 2},
		{"negative", -1, 1, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := [2]int{tc.line, tc.col}
			p := position{data: data, line: 1, col: 1}
			l, c := p.at(tc.off)
			assert.Equal(t, want, [2]int{l, c}, "in one step")
			// The same offset reached in two steps gives the same position.
			q := position{data: data, line: 1, col: 1}
			q.at(tc.off / 2)
			l, c = q.at(tc.off)
			assert.Equal(t, want, [2]int{l, c}, "in two steps")
			// And asked for after a later offset.
			r := position{data: data, line: 1, col: 1}
			r.at(int64(len(data)))
			l, c = r.at(tc.off)
			assert.Equal(t, want, [2]int{l, c}, "after the end")
		})
	}
}
