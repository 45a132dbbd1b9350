package htmlreport

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

const dateLayout = "2006-01-02"

// change is one action of the forecast on one image, on the date of its
// run.
type change struct {
	date time.Time
	act  *plan.RunAction
}

// member is one image of a recipe-version group with today's outcome.
type member struct {
	arn     string
	img     *image // nil when the inventory lacks the ARN
	records []plan.ExecutionResource
	unaff   *plan.UnaffectedImage
	changes []change
}

// groupData is one recipe-version group, its images newest first.
type groupData struct {
	recipe, version, region, account string
	members                          []member
}

func (g *groupData) changed() bool {
	for _, m := range g.members {
		if len(m.changes) > 0 {
			return true
		}
	}
	return false
}

// builder holds what the parts of the page are built from.
type builder struct {
	r         *Report
	images    []image // the inventory's images, in ARN order
	tl        *plan.Timeline
	plan      *plan.Plan // today's plan, given or computed
	container bool
	ax        axis
}

// build checks the report and computes the page.
func build(r *Report) (*view, error) {
	missing := func(field, what string) error {
		return &InputError{Field: field, Reason: "is nil; give " + what, Err: ErrIncomplete}
	}
	switch {
	case r.Policy == nil:
		return nil, missing("Policy", "the policy the forecast ran on")
	case r.Inventory == nil:
		return nil, missing("Inventory", "the inventory the forecast ran on")
	case r.Timeline == nil:
		return nil, missing("Timeline", "the result of plan.Forecast")
	}
	b := &builder{r: r, tl: r.Timeline, plan: r.Plan, container: r.Policy.ResourceType == lifecycle.ResourceTypeContainer,
		images: readImages(r.Inventory)}
	if b.plan == nil {
		idx, _ := r.Inventory.Index()
		p, err := plan.DryRun(r.Policy, idx, b.tl.Start, r.Options)
		if err != nil {
			return nil, &InputError{Field: "Plan", Reason: "is nil and today's plan cannot be computed: " + err.Error(), Err: err}
		}
		b.plan = p
	}
	v := b.header()
	v.Warnings = b.warnings()
	v.Decisions = b.decisions()
	if r.Plan != nil {
		v.Today = b.today()
	}
	if !b.tl.Evaluated {
		v.Disabled = true
		v.Note = sentence(cmp.Or(clean(b.tl.Note), "the policy is DISABLED, so nothing changes"))
		if v.Today != nil && v.Today.Note == v.Note {
			v.Today.Note = "" // said once is enough
		}
		return v, nil
	}
	groups := b.groups()
	b.timeline(v, groups)
	return v, nil
}

// header fills the page's title, facts and rules.
func (b *builder) header() *view {
	p, tl := b.r.Policy, b.tl
	name := clean(cmp.Or(p.Name, tl.Policy, "(unnamed policy)"))
	v := &view{
		Title:       clean(cmp.Or(b.r.Title, "Lifecycle forecast: "+name)),
		Policy:      name,
		Description: clean(p.Description),
		Container:   b.container,
	}
	status := string(p.Status)
	if status == "" {
		status = "ENABLED (the default)"
	}
	v.Facts = []fact{
		{"Selects", scopeWords(p)},
		{"Status", clean(status)},
		{"Forecast", forecastWords(tl)},
	}
	if len(p.Tags) > 0 {
		v.Facts = append(v.Facts, fact{"Policy tags", tagWords(p.Tags)})
	}
	for i, d := range p.PolicyDetails {
		v.Rules = append(v.Rules, ruleView{Index: i, Action: clean(string(d.Action.Type)),
			Class: actionClass(d.Action.Type), Text: ruleWords(d, b.container)})
	}
	// Show the rules in the order they are tried.
	slices.SortStableFunc(v.Rules, func(x, y ruleView) int {
		return cmp.Compare(lifecycle.ActionType(x.Action).Priority(), lifecycle.ActionType(y.Action).Priority())
	})
	return v
}

// actionClass returns the CSS class of the state an action leads to.
func actionClass(a lifecycle.ActionType) string {
	return stateClass(after(a, ""))
}

// after returns the state an image is in after the action.
func after(a lifecycle.ActionType, before lifecycle.ImageStatus) lifecycle.ImageStatus {
	switch a {
	case lifecycle.ActionDeprecate:
		return lifecycle.StatusDeprecated
	case lifecycle.ActionDisable:
		return lifecycle.StatusDisabled
	case lifecycle.ActionDelete:
		return lifecycle.StatusDeleted
	}
	return before
}

// stateClass returns the CSS class that colours a state.
func stateClass(s lifecycle.ImageStatus) string {
	switch s {
	case lifecycle.StatusAvailable:
		return "av"
	case lifecycle.StatusDeprecated:
		return "dp"
	case lifecycle.StatusDisabled:
		return "ds"
	case lifecycle.StatusDeleted:
		return "dl"
	case lifecycle.StatusFailed, lifecycle.StatusCancelled:
		return "fl"
	}
	return "ip"
}

// warnings lists the validation warnings of the forecast and of the plan,
// each once, in their order.
func (b *builder) warnings() []string {
	var out []string
	seen := map[string]bool{}
	add := func(fs lifecycle.Findings) {
		for _, f := range fs {
			s := clean(f.String())
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	add(b.tl.Warnings)
	if b.r.Plan != nil {
		add(b.r.Plan.Warnings)
	}
	return out
}

// decisions lists the decisions of the forecast and of today's plan in
// the specification's order, saying which result each affected.
func (b *builder) decisions() []decisionView {
	where := map[lifecycle.Decision]int{} // bit 1: forecast, bit 2: today's run
	var ids []lifecycle.Decision
	mark := func(ds []lifecycle.Decision, bit int) {
		for _, d := range ds {
			if where[d] == 0 {
				ids = append(ids, d)
			}
			where[d] |= bit
		}
	}
	mark(b.tl.Decisions, 1)
	if b.r.Plan != nil {
		mark(b.r.Plan.Decisions, 2)
	}
	slices.SortStableFunc(ids, compareDecisions)
	out := make([]decisionView, len(ids))
	for i, d := range ids {
		w := [...]string{1: "forecast", 2: "today's run", 3: "forecast and today's run"}[where[d]]
		out[i] = decisionView{ID: clean(string(d)), Words: cmp.Or(decisionWords(d), "(not known to this page)"), Where: w}
	}
	return out
}

// compareDecisions orders IDs by prefix ("L-", "L-P"), then number.
func compareDecisions(a, b lifecycle.Decision) int {
	split := func(d lifecycle.Decision) (string, int) {
		s := string(d)
		i := len(s)
		for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
			i--
		}
		n, _ := strconv.Atoi(s[i:])
		return s[:i], n
	}
	pa, na := split(a)
	pb, nb := split(b)
	return cmp.Or(strings.Compare(pa, pb), cmp.Compare(na, nb), strings.Compare(string(a), string(b)))
}

// groups returns the recipe-version groups of today's plan in plan order,
// then groups of forecast images the plan does not hold, each with its
// images and their changes.
func (b *builder) groups() []*groupData {
	byARN := make(map[string]*image, len(b.images))
	for i := range b.images {
		byARN[b.images[i].arn] = &b.images[i]
	}
	changes := map[string][]change{}
	for _, run := range b.tl.Runs {
		for i := range run.Actions {
			a := &run.Actions[i]
			changes[a.ResourceID] = append(changes[a.ResourceID], change{date: run.Date, act: a})
		}
	}
	var out []*groupData
	var cur *plan.Group
	placed := map[string]bool{}
	for o := range b.plan.Images() {
		if o.Group != cur {
			cur = o.Group
			out = append(out, &groupData{recipe: o.Group.Recipe, version: o.Group.Version, region: o.Group.Region, account: o.Group.AccountID})
		}
		g := out[len(out)-1]
		g.members = append(g.members, member{arn: o.ARN, img: byARN[o.ARN], records: o.Records, unaff: o.Unaffected, changes: changes[o.ARN]})
		placed[o.ARN] = true
	}
	// Images the forecast changes but today's plan does not hold (a plan
	// made with other options): grouped from the index.
	extra := map[string]*groupData{}
	var keys []string
	for _, it := range b.tl.Images {
		img := byARN[it.ResourceID]
		if placed[it.ResourceID] || img == nil {
			continue
		}
		key := img.region + "\x00" + img.account + "\x00" + img.recipe + "\x00" + img.version
		g := extra[key]
		if g == nil {
			g = &groupData{recipe: img.recipe, version: img.version, region: img.region, account: img.account}
			extra[key] = g
			keys = append(keys, key)
		}
		g.members = append(g.members, member{arn: it.ResourceID, img: img, changes: changes[it.ResourceID]})
	}
	slices.Sort(keys)
	for _, k := range keys {
		g := extra[k]
		slices.SortFunc(g.members, func(x, y member) int {
			return cmp.Or(y.img.created.Compare(x.img.created), strings.Compare(x.arn, y.arn))
		})
		out = append(out, g)
	}
	return out
}

// timeline fills the summary, the lanes, the quiet groups and the runs.
func (b *builder) timeline(v *view, groups []*groupData) {
	tl := b.tl
	inScope := 0
	for _, g := range groups {
		inScope += len(g.members)
	}
	b.summary(v, groups, inScope)
	for _, run := range tl.Runs {
		row := runRow{Day: run.Day, Date: run.Date.UTC().Format(dateLayout)}
		for _, a := range run.Actions {
			switch a.Action {
			case lifecycle.ActionDeprecate:
				row.Deprecate++
			case lifecycle.ActionDisable:
				row.Disable++
			case lifecycle.ActionDelete:
				row.Delete++
			}
			row.AMIs += a.AMIs
			row.Snapshots += a.Snapshots
			row.Containers += a.Containers
		}
		v.Runs = append(v.Runs, row)
	}
	v.RunsOpen = len(v.Runs) <= 40
	if len(tl.Runs) == 0 {
		v.Empty = fmt.Sprintf("No run in the %s from %s changes any image: the timeline is empty.",
			plural(tl.Days+1, "daily run", "daily runs"), tl.Start.UTC().Format(dateLayout))
	}

	// The axis shows some history before today: back to the oldest image
	// with a lane, at most a third of the forecast (two days at least).
	start := tl.Start.UTC()
	oldest := start
	for _, g := range groups {
		if !g.changed() {
			continue
		}
		for _, m := range g.members {
			if m.img != nil && m.img.created.Before(oldest) {
				oldest = m.img.created
			}
		}
	}
	past := int(math.Ceil(start.Sub(oldest).Hours() / 24))
	past = max(1, min(past, max(2, tl.Days/3)))
	b.ax = newAxis(start, tl.Days, past)
	ticks := b.ax.ticks()
	end := start.AddDate(0, 0, tl.Days)
	todayX := num(b.ax.x(start))
	if len(tl.Runs) > 0 {
		v.Axis = &axisView{Ticks: ticks, Grid: grid(ticks, axisHeight), TodayX: todayX,
			TodayText: "today " + start.Format(dateLayout), EndX: num(b.ax.x(end)),
			EndText: fmt.Sprintf("day %d · %s", tl.Days, end.Format(dateLayout))}
		if b.ax.x(end)-b.ax.x(start) < 200 {
			v.Axis.EndText = "" // it would overlap today's label
		}
	}
	for _, g := range groups {
		if !g.changed() {
			v.Quiet = append(v.Quiet, b.quiet(g))
			continue
		}
		gv := groupView{Recipe: clean(g.recipe), Version: clean(g.version), Where: clean(g.region) + " · " + clean(g.account),
			Images: plural(len(g.members), "image", "images"), Retention: slotWords(g),
			Height: len(g.members) * laneHeight, TodayX: todayX}
		gv.Grid = grid(ticks, gv.Height)
		var n [3]int
		var s strokes
		for i, m := range g.members {
			gv.Lanes = append(gv.Lanes, b.lane(m, i, &s))
			for _, c := range m.changes {
				if p := c.act.Action.Priority(); p < len(n) {
					n[p]++
				}
			}
		}
		var parts []string
		for i, a := range []lifecycle.ActionType{lifecycle.ActionDeprecate, lifecycle.ActionDisable, lifecycle.ActionDelete} {
			if n[i] > 0 {
				parts = append(parts, strconv.Itoa(n[i])+" "+pastTense(a))
			}
		}
		gv.Changes = strings.Join(parts, ", ")
		gv.Paths = s.paths()
		v.Groups = append(v.Groups, gv)
	}
}

// forecastWords describes the runs of the forecast.
func forecastWords(tl *plan.Timeline) string {
	start := tl.Start.UTC()
	if !tl.Evaluated {
		return "no runs from " + start.Format("2006-01-02 15:04") + " UTC: the policy does not run"
	}
	if tl.Days == 0 {
		return "1 run, at " + start.Format("2006-01-02 15:04") + " UTC (today)"
	}
	return fmt.Sprintf("%s, one a day, from %s UTC (today) to %s", plural(tl.Days+1, "run", "runs"),
		start.Format("2006-01-02 15:04"), start.AddDate(0, 0, tl.Days).Format(dateLayout))
}

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
