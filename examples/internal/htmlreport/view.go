package htmlreport

// The types below are what the page template reads. Every string in them
// has gone through clean; html/template escapes them.

// view is the whole page.
type view struct {
	Title       string
	Policy      string
	Description string
	Facts       []fact
	Rules       []ruleView
	// Disabled is set, with Note, when no execution runs.
	Disabled bool
	Note     string
	// Empty says that no run of the forecast changes an image.
	Empty     string
	Cards     []card
	Summary   []string
	Axis      *axisView
	Groups    []groupView
	Quiet     []quietView
	Runs      []runRow
	RunsOpen  bool
	Container bool
	Today     *todayView
	Warnings  []string
	Decisions []decisionView
}

// fact is one line of the page's header.
type fact struct{ Label, Value string }

// ruleView is one rule of the policy.
type ruleView struct {
	Index  int
	Action string
	Class  string
	Text   string
}

// card is one figure of the summary, with what else it counts and when.
type card struct {
	Class, Value, Label, Detail, When string
}

// axisView is the time axis above the lanes.
type axisView struct {
	Ticks     []tick
	Grid      string
	TodayX    string
	TodayText string
	EndX      string
	EndText   string
}

// groupView is one recipe-version group with at least one change.
type groupView struct {
	Recipe, Version, Where string
	Images                 string
	Changes                string
	Retention              string
	Height                 int
	Grid                   string
	TodayX                 string
	Paths                  []pathView
	Lanes                  []laneView
}

// laneView is one image's row, from Y down: its label, its badge, and a
// transparent rectangle over the whole row that carries the tooltip.
type laneView struct {
	Y, TextY int
	Label    string
	Badge    string
	Tip      string
}

// pathView draws every stretch of one state in a group.
type pathView struct {
	Class, D string
}

// quietView is a recipe-version group in which nothing changes.
type quietView struct {
	Recipe, Version, Where string
	Images                 int
	States                 string
	Kept                   string
	Why                    string
}

// runRow is one run that changes at least one image.
type runRow struct {
	Day                         int
	Date                        string
	Deprecate, Disable, Delete  int
	AMIs, Snapshots, Containers int
}

// todayView is the plan of today's run.
type todayView struct {
	When      string
	Note      string
	Line      string
	Impacted  string
	Heads     []string
	Rows      []countRow
	Notable   []notable
	Decisions string
}

// countRow is one line of today's counts.
type countRow struct {
	Name  string
	Cells []int
}

// notable is an image record of today's plan that is SKIPPED or FAILED.
type notable struct {
	Image, Verdict, Reason string
}

// decisionView is one decision the result depends on.
type decisionView struct {
	ID, Words, Where string
}
