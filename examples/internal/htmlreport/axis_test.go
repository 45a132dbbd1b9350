package htmlreport

import (
	"strconv"
	"testing"
	"time"
)

func TestTicks(t *testing.T) {
	start := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name       string
		days, past int
		first      []string // the first labels
	}{
		{"a week: days", 7, 2, []string{"Oct 31", "Nov 1", "Nov 2"}},
		{"two months: Mondays", 60, 14, []string{"Oct 19", "Oct 26", "Nov 2"}},
		{"half a year: months", 180, 60, []string{"Oct 2026", "Nov", "Dec", "Jan 2027"}},
		{"two years: quarters", 730, 243, []string{"Apr 2026", "Jul", "Oct", "Jan 2027"}},
		{"four years: years", 1460, 30, []string{"2027", "2028", "2029"}},
		{"ten years: every two years", 3650, 1216, []string{"2024", "2026", "2028"}},
		{"a century: every twenty years", 36600, 12200, []string{"2000", "2020", "2040"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ticks := newAxis(start, tt.days, tt.past).ticks()
			if len(ticks) < len(tt.first) {
				t.Fatalf("%d ticks, want at least %d", len(ticks), len(tt.first))
			}
			for i, want := range tt.first {
				if ticks[i].Label != want {
					t.Errorf("tick %d = %q, want %q", i, ticks[i].Label, want)
				}
			}
			// Labels keep apart and stay inside the chart.
			last := -100.0
			for _, tk := range ticks {
				x, err := strconv.ParseFloat(tk.X, 64)
				if err != nil || x < chartLeft || x > chartRight {
					t.Fatalf("tick %+v is off the chart", tk)
				}
				if tk.Label != "" && x-last < 40 {
					t.Errorf("tick %+v is %.1f units after the previous label", tk, x-last)
				}
				if tk.Label != "" {
					last = x
				}
			}
		})
	}
}
