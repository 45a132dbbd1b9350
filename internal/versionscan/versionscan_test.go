package versionscan

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestInspect(t *testing.T) {
	in, bad, ok := Inspect("01.x.3/007")
	assert.True(t, ok)
	assert.Equal(t, PartNone, bad)
	assert.Equal(t, Inspection{Version: "01.x.3", Build: "007", HasBuild: true, Nodes: [3]uint32{1, 0, 3}, Wildcards: 2,
		Misplaced: true, LeadingZero: true, BuildLeadingZero: true, BuildValue: 7}, in)
	assert.Equal(t, 1, in.Fixed())

	in, _, _ = Inspect("1.99999999999.2/99999999999999999999")
	assert.Equal(t, Inspection{Version: "1.99999999999.2", Build: "99999999999999999999", HasBuild: true,
		Nodes: [3]uint32{1, maxNode + 1, 2}, Overflow: true, OverflowNode: "99999999999", BuildOverflow: true}, in)

	for _, tt := range []struct {
		in  string
		bad Part
	}{{"1.2", PartPatch}, {"1..2", PartMinor}, {"1.2.3/", PartBuild}, {"1.2.3/4a", PartBuild}, {"1.2.3a", PartPatch}, {"", PartMajor}} {
		t.Run(tt.in, func(t *testing.T) {
			_, bad, ok := Inspect(tt.in)
			assert.False(t, ok)
			assert.Equal(t, tt.bad, bad, "the failing part")
		})
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _, _ = Inspect("1.2.x/3") }), "Inspect allocates")
}

func TestFixed(t *testing.T) {
	for in, want := range map[string]int{"1.2.3": 3, "1.2.x": 2, "1.x.x": 1, "x.x.x": 0, "x.2.x": 0} {
		t.Run(in, func(t *testing.T) {
			got, _, _ := Inspect(in)
			assert.Equal(t, want, got.Fixed())
		})
	}
}
