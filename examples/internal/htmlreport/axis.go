package htmlreport

import (
	"math"
	"strconv"
	"time"
)

// Geometry of the timeline, in SVG user units. Every SVG on the page uses
// the same width so that the lanes line up under the axis.
const (
	chartWidth = 1100 // width of every timeline SVG
	chartLeft  = 200  // where the time axis starts; the lane labels are left of it
	chartRight = 1086 // where it ends
	laneHeight = 22   // height of one lane
	axisHeight = 34   // height of the axis SVG
)

// axis maps instants to x positions.
type axis struct {
	from, to time.Time // the instants at chartLeft and chartRight
}

// newAxis returns the axis of a forecast from start over days, showing
// past days of history before start.
func newAxis(start time.Time, days, past int) axis {
	return axis{from: start.AddDate(0, 0, -past), to: start.AddDate(0, 0, days+1)}
}

// x returns the position of t, clamped to the chart.
func (a axis) x(t time.Time) float64 {
	if !t.After(a.from) {
		return chartLeft
	}
	if !t.Before(a.to) {
		return chartRight
	}
	return chartLeft + float64(t.Sub(a.from))/float64(a.to.Sub(a.from))*(chartRight-chartLeft)
}

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}

// tick is one labelled date on the axis.
type tick struct {
	X     string
	Label string
}

// ticks returns the days, weeks, months, quarters or years inside the
// axis, at a step that keeps the labels apart.
func (a axis) ticks() []tick {
	span := a.to.Sub(a.from).Hours() / 24
	if span <= 100 {
		return a.dayTicks(span)
	}
	months := 1
	switch {
	case span > 400*8:
		// A round number of years that leaves at most about twelve labels.
		years := int(math.Ceil(span / 365 / 12))
		for _, n := range []int{2, 5, 10, 20, 50, 100} {
			if n >= years {
				years = n
				break
			}
		}
		months = 12 * years
	case span > 1200:
		months = 12
	case span > 400:
		months = 3
	}
	var out []tick
	first := time.Date(a.from.Year(), a.from.Month(), 1, 0, 0, 0, 0, time.UTC)
	for t := first; t.Before(a.to); t = t.AddDate(0, 1, 0) {
		m := int(t.Month()) - 1
		switch {
		case t.Before(a.from):
			continue
		case months < 12 && m%months != 0:
			continue
		case months >= 12 && (m != 0 || t.Year()%(months/12) != 0):
			continue
		}
		label := t.Format("Jan")
		switch {
		case months >= 12:
			label = t.Format("2006")
		case len(out) == 0 || m == 0:
			label = t.Format("Jan 2006")
		}
		if a.x(t) > chartRight-30 {
			label = "" // no room left for it
		}
		out = append(out, tick{X: num(a.x(t)), Label: label})
	}
	return out
}

// dayTicks returns every midnight (UTC) inside a short axis, or every
// Monday when the axis is longer than 16 days.
func (a axis) dayTicks(span float64) []tick {
	var out []tick
	t := time.Date(a.from.Year(), a.from.Month(), a.from.Day(), 0, 0, 0, 0, time.UTC)
	for ; t.Before(a.to); t = t.AddDate(0, 0, 1) {
		if t.Before(a.from) || (span > 16 && t.Weekday() != time.Monday) {
			continue
		}
		label := t.Format("Jan 2")
		if a.x(t) > chartRight-40 {
			label = ""
		}
		out = append(out, tick{X: num(a.x(t)), Label: label})
	}
	return out
}

// grid returns an SVG path drawing a vertical line at every tick, height
// units tall.
func grid(ticks []tick, height int) string {
	var b []byte
	for _, t := range ticks {
		b = append(b, 'M')
		b = append(b, t.X...)
		b = append(b, " 0V"...)
		b = strconv.AppendInt(b, int64(height), 10)
	}
	return string(b)
}
