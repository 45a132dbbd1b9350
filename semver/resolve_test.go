package semver

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func builds(ss ...string) []BuildVersion {
	out := make([]BuildVersion, len(ss))
	for i, s := range ss {
		out[i] = mustBuild(s)
	}
	return out
}

func TestLatest(t *testing.T) {
	// The User Guide's example: 2.2.4, 1.7.8 and 1.6.8 exist.
	guide := builds("1.6.8/1", "2.2.4/1", "1.7.8/1")
	tests := []struct {
		name       string
		filter     string
		candidates []BuildVersion
		want       string // empty: no match
	}{
		{"guide x.x.x", "x.x.x", guide, "2.2.4/1"},
		{"guide 1.x.x", "1.x.x", guide, "1.7.8/1"},
		{"guide 1.6.x", "1.6.x", guide, "1.6.8/1"},
		{"numeric not lexical", "1.x.x", builds("1.9.0/1", "1.10.0/1", "1.2.0/5"), "1.10.0/1"},
		{"highest build", "1.0.0", builds("1.0.0/2", "1.0.0/10", "1.0.0/9"), "1.0.0/10"},
		{"exact does not prefix-match", "1.2.3", builds("1.2.30/1"), ""},
		{"no candidates", "x.x.x", nil, ""},
		{"no match", "3.x.x", guide, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := MustParseFilter(tt.filter)
			got, ok := Latest(f, tt.candidates)
			i, _, err := Resolve(f, tt.candidates, nil)
			if tt.want == "" {
				assert.False(t, ok, "Latest found %v", got)
				assert.ErrorIs(t, err, ErrNoMatch)
				assert.Equal(t, -1, i)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.want, got.String())
			require.NoError(t, err)
			assert.Equal(t, got, tt.candidates[i], "Resolve agrees with Latest")
		})
	}
}

func TestResolve(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	bs := builds("1.2.0/1", "1.3.0/1", "1.1.5/1", "2.0.0/1")
	created := []time.Time{day(1), day(2), day(3), day(4)}
	tests := []struct {
		name      string
		filter    string
		builds    []BuildVersion
		created   []time.Time
		readings  []Decision
		want      int
		decisions []Decision
		err       error
	}{
		{name: "highest version by default", filter: "1.x.x", builds: bs, created: created,
			want: 1, decisions: []Decision{"AS-7"}},
		{name: "by date created", filter: "1.x.x", builds: bs, created: created, readings: []Decision{ByDateCreated},
			want: 2, decisions: []Decision{"AS-7"}},
		{name: "both readings agree", filter: "x.x.x", builds: bs, created: created, want: 3},
		{name: "single match carries no AS-7", filter: "1.2.x", builds: bs, created: created, want: 0},
		{name: "missing dates flag AS-7", filter: "1.0.0", builds: builds("1.0.0/1", "1.0.0/2"),
			want: 1, decisions: []Decision{"AS-7"}},
		{name: "a short created slice leaves the rest unknown", filter: "1.x.x", builds: bs, created: created[:1],
			readings: []Decision{ByDateCreated}, want: 0, decisions: []Decision{"AS-7"}},
		{name: "identical builds: the first wins", filter: "1.x.x", builds: builds("1.0.0/1", "1.0.0/1"),
			created: []time.Time{day(1), day(1)}, want: 0},
		{name: "nothing matches", filter: "7.x.x", builds: bs, want: -1, err: ErrNoMatch},
		{name: "no builds", filter: "x.x.x", want: -1, err: ErrNoMatch},
		{name: "unknown reading", filter: "x.x.x", builds: bs, readings: []Decision{"AS-8"}, want: -1, err: ErrUnknown},
		{name: "not a decision ID", filter: "x.x.x", builds: bs, readings: []Decision{"latest"}, want: -1, err: ErrUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i, decisions, err := Resolve(MustParseFilter(tt.filter), tt.builds, tt.created, tt.readings...)
			assert.Equal(t, tt.want, i, "index")
			assert.Equal(t, tt.decisions, decisions, "decisions")
			if tt.want < 0 {
				var e *Error
				require.ErrorAs(t, err, &e)
				if tt.err != nil {
					assert.ErrorIs(t, err, tt.err)
				}
				return
			}
			require.NoError(t, err)
		})
	}
}

func TestNoMatchMessage(t *testing.T) {
	_, _, err := Resolve(MustParseFilter("1.x.x"), builds("2.0.0/1"), nil)
	assert.EqualError(t, err, `semver: "1.x.x": no build among 1 matches`)
}
