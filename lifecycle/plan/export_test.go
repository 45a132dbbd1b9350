package plan

import (
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// ForecastRuns is Forecast, also returning the number of runs computed;
// everyDay computes every day's run, as a reference.
func ForecastRuns(p *lifecycle.Policy, idx *inventory.Index, now time.Time, days int, opts Options, everyDay bool) (*Timeline, int, error) {
	return forecast(p, idx, now, days, opts, everyDay)
}
