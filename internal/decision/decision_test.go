package decision

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSetRoundTrip(t *testing.T) {
	var all []ID
	for _, fam := range []struct {
		prefix string
		n      int
	}{{"AS-", 16}, {"F-", 16}, {"F-P", 16}, {"L-", 64}, {"L-P", 16}} {
		for i := 1; i <= fam.n; i++ {
			all = append(all, ID(fam.prefix+itoa(i)))
		}
	}
	s := Of(all...)
	assert.Equal(t, all, s.IDs(), "every valid ID is kept, in table order")
	for _, id := range all {
		assert.True(t, s.Has(id), id)
		assert.True(t, Of(id).Has(id), id)
		assert.Len(t, Of(id).IDs(), 1, id)
	}
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

func TestValid(t *testing.T) {
	for _, tc := range []struct {
		id   ID
		want bool
	}{
		{"AS-1", true}, {"AS-11", true}, {"F-P8", true}, {"L-30", true}, {"L-P9", true},
		{"", false}, {"L-0", false}, {"L-01", false}, {"L-", false}, {"L-P", false},
		{"X-1", false}, {"L-65", false}, {"AS-17", false}, {"l-1", false}, {"L-1x", false},
	} {
		t.Run(string(tc.id), func(t *testing.T) {
			assert.Equal(t, tc.want, tc.id.Valid())
			assert.Equal(t, tc.want, Of(tc.id).Has(tc.id))
		})
	}
}

func TestCompare(t *testing.T) {
	ids := []ID{"L-P1", "zz", "L-2", "AS-10", "F-P1", "F-2", "AS-2", "L-10"}
	want := []ID{"AS-2", "AS-10", "F-2", "F-P1", "L-2", "L-10", "L-P1", "zz"}
	sortIDs(ids)
	assert.Equal(t, want, ids)
}

func sortIDs(ids []ID) {
	for i := 1; i < len(ids); i++ {
		for j := i; j > 0 && Compare(ids[j-1], ids[j]) > 0; j-- {
			ids[j-1], ids[j] = ids[j], ids[j-1]
		}
	}
}

func TestChoose(t *testing.T) {
	offered := Of("L-1", "L-21")
	s, err := Choose([]ID{"L-21", "L-21"}, offered)
	require.NoError(t, err)
	assert.Equal(t, Of("L-21"), s)

	_, err = Choose([]ID{"L-2"}, offered)
	var ce *ChoiceError
	require.ErrorAs(t, err, &ce)
	assert.Equal(t, ID("L-2"), ce.ID)
	assert.EqualError(t, err, `decision "L-2" has no other reading here; expected one of L-1, L-21`)

	_, err = Choose([]ID{"Q-1"}, offered)
	assert.EqualError(t, err, `decision "Q-1" is not a decision ID; expected one of L-1, L-21`)
}

func TestSetAllocs(t *testing.T) {
	s := Of("L-21")
	if n := testing.AllocsPerRun(100, func() { _ = s.Has("L-21") && s.With("L-P9").Has("L-P9") }); n != 0 {
		t.Fatalf("Has/With allocate %v times", n)
	}
}
