// Package htmlreport renders a lifecycle forecast, and optionally the plan
// of today's run, as one self-contained HTML page: the policy's rules in
// words, a timeline with a lane per image grouped by recipe version and
// coloured by the image's state day by day, a summary of what is affected
// and when, and every warning and decision the result depends on.
//
// The page needs no script and references nothing outside itself: the
// timeline is inline SVG, the styling inline CSS with a dark variant
// (prefers-color-scheme) and a print variant. Hovering a lane shows the
// image's reasons through SVG <title> elements. The output is a pure
// function of the Report: the same input gives the same bytes.
//
// Recipe versions in which no image changes during the forecast get no
// lanes and are listed in one table, and each state of a recipe version is
// drawn by a single SVG path, so that pages for large inventories stay
// small: under 5 MB for 10,000 images that all change during the forecast,
// of which the reasons in the tooltips are about 60%.
//
// A command prints a forecast with:
//
//	idx, _ := inv.Index()
//	tl, err := plan.Forecast(policy, idx, now, days, opts)
//	...
//	err = htmlreport.Write(os.Stdout, htmlreport.Report{Policy: policy, Inventory: inv, Timeline: tl})
//
// and adds Plan, the result of plan.DryRun with the same options, to
// show today's run as well.
package htmlreport
