package plan

import (
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/names"
)

// monthsBefore returns t moved back by the given number of calendar
// months, keeping the time of day. When the target month is shorter than
// t's day of the month, the result is clamped to the end of the target
// month's last day: 31 March minus one month is 28 February (29 in a leap
// year), and 29 February 2028 minus twelve months is 28 February 2027.
// This is the calendar reading of Decision L-1. time.Time.AddDate
// normalises instead (31 March minus one month is 3 March), which would
// make an image 29 days old "older than 1 MONTHS"; it is not used for
// months and years.
//
// A clamped result is the last instant of that day rather than the same
// time of day, so that the result never moves back as t moves forward:
// 30 March 20:00 and 31 March 03:00 both give the end of 28 February. An
// AGE cutoff therefore only ever advances from one run to the next.
//
// t must be in UTC, as every instant of an execution is.
func monthsBefore(t time.Time, months int) time.Time {
	y, m, d := t.Date()
	// Count months from year 0 so that the division below needs no
	// correction for negative values within any time.Time's range.
	total := y*12 + int(m-time.January) - months
	ty, tm := total/12, time.Month(total%12)+time.January
	if total < 0 {
		ty, tm = (total-11)/12, time.Month((total%12+12)%12)+time.January
	}
	if last := daysIn(ty, tm); d > last {
		return time.Date(ty, tm, last+1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
	}
	hh, mm, ss := t.Clock()
	return time.Date(ty, tm, d, hh, mm, ss, t.Nanosecond(), time.UTC)
}

// daysIn returns the number of days of month m of year y in the proleptic
// Gregorian calendar.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// runWindow returns the cutoffs of runs a day before and a day after now
// under the chosen reading of L-1: a time between them is judged
// differently depending on the time of day the service runs the policy
// (Decision L-P6). Around the end of a month one day of now can move a
// calendar cutoff by up to four days.
func runWindow(now time.Time, value int, unit lifecycle.TimeUnit, fixed bool) (lo, hi time.Time) {
	lo, _, _ = cutoffs(now.Add(-nearThreshold), value, unit, fixed)
	hi, _, _ = cutoffs(now.Add(nearThreshold), value, unit, fixed)
	return lo, hi
}

// cutoffs returns now minus value units under the chosen reading of
// Decision L-1, the cutoff under the other reading, and whether the two
// readings can differ (MONTHS and YEARS only). DAYS and WEEKS are whole
// 24-hour days, on which both readings agree in UTC.
func cutoffs(now time.Time, value int, unit lifecycle.TimeUnit, fixed bool) (cut, alt time.Time, hasAlt bool) {
	// AddDate, not a Duration: 1000 YEARS of 365 days is more than a
	// time.Duration holds. In UTC a day is 24 hours either way.
	days := now.AddDate(0, 0, -value*names.UnitDays(string(unit)))
	var calendar time.Time
	switch unit {
	case lifecycle.Months:
		calendar = monthsBefore(now, value)
	case lifecycle.Years:
		calendar = monthsBefore(now, 12*value)
	default:
		return days, days, false
	}
	if fixed {
		return days, calendar, true
	}
	return calendar, days, true
}
