package semver

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func builds(ss ...string) []BuildVersion {
	out := make([]BuildVersion, len(ss))
	for i, s := range ss {
		out[i] = MustParseBuild(s)
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
			got, ok := Latest(MustParseFilter(tt.filter), tt.candidates)
			if tt.want == "" {
				if ok {
					t.Fatalf("got %v, want no match", got)
				}
				if LatestIndex(MustParseFilter(tt.filter), tt.candidates) != -1 {
					t.Fatal("LatestIndex must be -1")
				}
				return
			}
			if !ok || got.String() != tt.want {
				t.Fatalf("Latest = %v, %v; want %s", got, ok, tt.want)
			}
		})
	}
}

func TestMatching(t *testing.T) {
	got := Matching(MustParseFilter("1.x.x"), builds("1.2.0/1", "2.0.0/1", "1.0.0/3", "1.2.0/1", "1.0.0/1"))
	var s []string
	for _, b := range got {
		s = append(s, b.String())
	}
	if diff := cmp.Diff([]string{"1.0.0/1", "1.0.0/3", "1.2.0/1"}, s); diff != "" {
		t.Fatalf("Matching (-want +got):\n%s", diff)
	}
	if Matching(MustParseFilter("9.x.x"), builds("1.0.0/1")) != nil {
		t.Fatal("Matching with no match must return nil")
	}
}

func TestResolver(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	cands := []Candidate{
		{Version: MustParseBuild("1.2.0/1"), State: "AVAILABLE", Created: day(1)},
		{Version: MustParseBuild("1.3.0/1"), State: "DEPRECATED", Created: day(2)},
		{Version: MustParseBuild("1.1.5/1"), State: "AVAILABLE", Created: day(3)},
		{Version: MustParseBuild("2.0.0/1"), State: "FAILED", Created: day(4)},
	}
	tests := []struct {
		name   string
		r      Resolver
		filter string
		want   Resolution
		err    error
	}{
		{
			name: "default picks the highest, whatever its state", filter: "1.x.x",
			want: Resolution{Index: 1, Version: MustParseBuild("1.3.0/1"), Decisions: []Decision{DecisionLatest, DecisionSkipStates}},
		},
		{
			name: "skip deprecated", r: Resolver{SkipStates: []string{"DEPRECATED", "DISABLED", "FAILED"}}, filter: "1.x.x",
			want: Resolution{Index: 0, Version: MustParseBuild("1.2.0/1"), Decisions: []Decision{DecisionLatest, DecisionSkipStates}},
		},
		{
			name: "by date created", r: Resolver{ByDateCreated: true}, filter: "1.x.x",
			want: Resolution{Index: 2, Version: MustParseBuild("1.1.5/1"), Decisions: []Decision{DecisionLatest}},
		},
		{
			name: "single match carries no AS-7", filter: "1.2.x",
			want: Resolution{Index: 0, Version: MustParseBuild("1.2.0/1")},
		},
		{
			name: "everything skipped", r: Resolver{SkipStates: []string{"FAILED"}}, filter: "2.x.x",
			err: ErrNoMatch,
		},
		{
			name: "nothing matches", filter: "7.x.x", err: ErrNoMatch,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.r.Resolve(MustParseFilter(tt.filter), cands)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("err = %v, want %v", err, tt.err)
				}
				var ne *NoMatchError
				if !errors.As(err, &ne) || ne.Candidates != len(cands) {
					t.Fatalf("err = %#v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(a, b BuildVersion) bool { return a == b })); diff != "" {
				t.Fatalf("Resolve (-want +got):\n%s", diff)
			}
		})
	}
}

func TestResolverMissingDates(t *testing.T) {
	cands := []Candidate{{Version: MustParseBuild("1.0.0/1")}, {Version: MustParseBuild("1.0.0/2")}}
	got, err := Resolver{}.Resolve(MustParseFilter("1.0.0"), cands)
	if err != nil || got.Index != 1 {
		t.Fatalf("got %+v, %v", got, err)
	}
	if len(got.Decisions) != 1 || got.Decisions[0] != DecisionLatest {
		t.Fatalf("missing dates must flag AS-7, got %v", got.Decisions)
	}
}

func TestResolverActiveIsUsable(t *testing.T) {
	cands := []Candidate{{Version: MustParseBuild("1.0.0/1"), State: "ACTIVE"}}
	got, err := Resolver{}.Resolve(MustParseFilter("1.0.0"), cands)
	if err != nil || len(got.Decisions) != 0 {
		t.Fatalf("an ACTIVE component build must carry no AS-8 flag: %+v, %v", got, err)
	}
}

func TestNoMatchErrorMessage(t *testing.T) {
	_, err := Resolver{SkipStates: []string{"FAILED"}}.Resolve(MustParseFilter("1.x.x"),
		[]Candidate{{Version: MustParseBuild("1.0.0/1"), State: "FAILED"}})
	want := "semver: no build matches 1.x.x among 1 candidates (1 of 1 matches skipped for their state)"
	if err == nil || err.Error() != want {
		t.Fatalf("got %v, want %s", err, want)
	}
}
