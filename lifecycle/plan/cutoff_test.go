package plan

import (
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
)

// referenceMonthsBefore steps back one calendar month at a time and then
// clamps the day, written independently of monthsBefore: the month's
// length comes from time.Date's normalisation of day 0 of the next month.
func referenceMonthsBefore(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	for i := 0; i < months; i++ {
		if m == time.January {
			y, m = y-1, time.December
		} else {
			m--
		}
	}
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d > last {
		// Clamped: the end of the month's last day.
		return time.Date(y, m, last, 23, 59, 59, 999999999, time.UTC)
	}
	return time.Date(y, m, d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

func TestMonthsBeforeClamps(t *testing.T) {
	tests := []struct {
		name   string
		now    string
		months int
		want   string
	}{
		{"31 March minus a month is the end of February", "2026-03-31T12:00:00Z", 1, "2026-02-28T23:59:59.999999999Z"},
		{"leap February", "2028-03-31T12:00:00Z", 1, "2028-02-29T23:59:59.999999999Z"},
		{"29 February minus a year", "2028-02-29T08:30:00Z", 12, "2027-02-28T23:59:59.999999999Z"},
		{"31 May minus a month has 30 days", "2026-05-31T00:00:00Z", 1, "2026-04-30T23:59:59.999999999Z"},
		{"28 February of a leap year is not clamped", "2028-03-28T01:00:00Z", 1, "2028-02-28T01:00:00Z"},
		{"no clamp needed", "2026-03-15T23:59:59.5Z", 2, "2026-01-15T23:59:59.5Z"},
		{"across a year", "2026-01-31T00:00:00Z", 2, "2025-11-30T23:59:59.999999999Z"},
		{"before year 1", "0001-02-28T00:00:00Z", 3, "0000-11-28T00:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now, _ := time.Parse(time.RFC3339Nano, tc.now)
			want, _ := time.Parse(time.RFC3339Nano, tc.want)
			if got := monthsBefore(now, tc.months); !got.Equal(want) {
				t.Errorf("monthsBefore(%s, %d) = %s, want %s", tc.now, tc.months, got, want)
			}
		})
	}
}

// TestCutoffsAgreeWithCalendar checks every day of four years (one of them
// a leap year) and values 1 to 24 of every unit against the reference, and
// that a MONTHS or YEARS cutoff never lands in a later month than the
// calendar subtraction names, which AddDate's normalisation would do.
func TestCutoffsAgreeWithCalendar(t *testing.T) {
	start := time.Date(2026, time.January, 1, 13, 0, 0, 0, time.UTC)
	for day := 0; day < 4*366; day++ {
		now := start.AddDate(0, 0, day)
		for v := 1; v <= 24; v++ {
			for _, days := range []int{v, 7 * v} {
				unit := lifecycle.Days
				if days != v {
					unit = lifecycle.Weeks
				}
				if got, _, _ := cutoffs(now, v, unit, false); !got.Equal(now.AddDate(0, 0, -days)) {
					t.Fatalf("%s minus %d %s = %s, want %s", now.Format(time.DateOnly), v, unit, got, now.AddDate(0, 0, -days))
				}
			}
			for _, unit := range []lifecycle.TimeUnit{lifecycle.Months, lifecycle.Years} {
				months := v
				if unit == lifecycle.Years {
					months = 12 * v
				}
				got, _, _ := cutoffs(now, v, unit, false)
				want := referenceMonthsBefore(now, months)
				if !got.Equal(want) {
					t.Fatalf("%s minus %d %s = %s, want %s", now.Format(time.DateOnly), v, unit, got, want)
				}
				y, m, _ := now.Date()
				wantMonth := (y*12 + int(m) - 1 - months)
				if gotMonth := got.Year()*12 + int(got.Month()) - 1; gotMonth != wantMonth {
					t.Fatalf("%s minus %d %s lands in month %d, want %d", now.Format(time.DateOnly), v, unit, gotMonth, wantMonth)
				}
			}
		}
	}
}

// TestCutoffsMonotonic checks that a later execution never has an earlier
// cutoff, for every unit and both readings of L-1.
func TestCutoffsMonotonic(t *testing.T) {
	start := time.Date(2027, time.December, 25, 6, 0, 0, 0, time.UTC)
	for _, fixed := range []bool{false, true} {
		for _, unit := range []lifecycle.TimeUnit{lifecycle.Days, lifecycle.Weeks, lifecycle.Months, lifecycle.Years} {
			for v := 1; v <= 24; v++ {
				prev, _, _ := cutoffs(start, v, unit, fixed)
				for h := 1; h < 2*366*24; h += 7 {
					cut, _, _ := cutoffs(start.Add(time.Duration(h)*time.Hour), v, unit, fixed)
					if cut.Before(prev) {
						t.Fatalf("%d %s (fixed %v): cutoff went back from %s to %s", v, unit, fixed, prev, cut)
					}
					prev = cut
				}
			}
		}
	}
}
