package textdist

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		name string
		a, b string
		want int
	}{
		{"equal", "ListImages", "ListImages", 0},
		{"empty", "", "abc", 3},
		{"one substitution", "kitten", "sitten", 1},
		{"classic", "kitten", "sitting", 3},
		{"too long", strings.Repeat("a", 300), "a", 300},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Distance(tc.a, tc.b))
			assert.Equal(t, tc.want, Distance(tc.b, tc.a))
		})
	}
}
