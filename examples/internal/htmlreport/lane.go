package htmlreport

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// stateOrder returns the state classes in the order their paths are
// drawn in a group's SVG.
func stateOrder() [8]string { return [...]string{"h", "hc", "av", "dp", "ds", "dl", "fl", "ip"} }

// strokes collects the stretches of a group's lanes per state class, so
// that each state is drawn by one SVG path of short "M x y h w"
// subpaths: the smallest form for thousands of lanes.
type strokes [8][]byte // indexed like stateOrder

func (s *strokes) add(class string, x, y, w int) {
	for i, c := range stateOrder() {
		if c == class {
			s[i] = fmt.Appendf(s[i], "M%d %dh%d", x, y, w)
			return
		}
	}
}

// paths returns one path per state class that has stretches, in
// stateOrder.
func (s *strokes) paths() []pathView {
	var out []pathView
	for i, d := range s {
		if len(d) > 0 {
			out = append(out, pathView{Class: stateOrder()[i], D: string(d)})
		}
	}
	return out
}

// lane draws one image in row: a mark for its state today left of its
// label; then, on the time axis, grey from its creation to today and one
// stretch per state it is in over the forecast. A deleted image continues
// as a thin line.
func (b *builder) lane(m member, row int, s *strokes) laneView {
	y := row * laneHeight
	mid := y + laneHeight/2
	l := laneView{Y: y, TextY: y + 15, Label: truncate(clean(versionOf(m.arn)), 16), Badge: badge(m), Tip: b.tip(m)}
	add := func(state string, from, to time.Time) {
		x1, x2 := math.Round(b.ax.x(from)), math.Round(b.ax.x(to))
		if x2 > x1 {
			s.add(state, int(x1), mid, int(x2-x1))
		}
	}
	start := b.tl.Start.UTC()
	status, created := lifecycle.ImageStatus(""), start
	if m.img != nil {
		status, created = m.img.status, m.img.created
	}
	s.add(stateClass(status), 6, mid, 10)
	switch {
	case !created.After(b.ax.from):
		add("hc", created, start) // clipped: fades in at the chart's left edge
	case created.Before(start):
		add("h", created, start)
	}
	cur := start
	if created.After(cur) {
		cur = created
	}
	for _, c := range m.changes {
		if c.date.After(cur) {
			add(stateClass(status), cur, c.date)
			cur = c.date
		}
		status = after(c.act.Action, status)
	}
	add(stateClass(status), cur, b.ax.to)
	return l
}

// versionOf returns the "x.y.z/build" end of an image ARN.
func versionOf(arn string) string {
	parts := strings.Split(arn, "/")
	if len(parts) < 3 {
		return arn
	}
	return strings.Join(parts[len(parts)-2:], "/")
}

// kept returns today's KEPT verdicts of an image.
func kept(m member) []plan.RuleVerdict {
	if m.unaff == nil {
		return nil
	}
	var out []plan.RuleVerdict
	for _, r := range m.unaff.Rules {
		if r.Outcome == plan.OutcomeKept {
			out = append(out, r)
		}
	}
	return out
}

// badge marks an image that holds a retention slot today: "slot 1/2".
func badge(m member) string {
	var parts []string
	for _, r := range kept(m) {
		s := fmt.Sprintf("%d/%d", r.Slot, r.Slots)
		if !slices.Contains(parts, s) {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "slot " + strings.Join(parts, " ")
}

// slotWords says how many retention slots of a group its images hold
// today, per rule.
func slotWords(g *groupData) string {
	type slots struct{ held, of int }
	per := map[int]*slots{}
	var rules []int
	actions := map[int]lifecycle.ActionType{}
	for _, m := range g.members {
		for _, r := range kept(m) {
			s := per[r.Rule]
			if s == nil {
				s = &slots{}
				per[r.Rule] = s
				rules = append(rules, r.Rule)
				actions[r.Rule] = r.Action
			}
			s.held++
			s.of = max(s.of, r.Slots)
		}
	}
	slices.Sort(rules)
	var parts []string
	for _, r := range rules {
		parts = append(parts, fmt.Sprintf("%d of %d held against rule %d (%s)", per[r].held, per[r].of, r, clean(string(actions[r]))))
	}
	if len(parts) == 0 {
		return ""
	}
	return "retention slots: " + strings.Join(parts, "; ")
}

// tip is the text shown on hovering a lane: the image, its state, why
// today's run leaves it alone (when no run changes it, or today's run
// skips it or fails on it), and the reason of every change. It is kept
// short because large pages hold thousands of them.
func (b *builder) tip(m member) string {
	var t strings.Builder
	t.WriteString(clean(imagePath(m.arn)))
	created := ""
	if img := m.img; img != nil {
		created = img.created.UTC().Format(dateLayout)
		fmt.Fprintf(&t, "\n%s, created %s", clean(string(img.status)), created)
		if len(img.tags) > 0 {
			t.WriteString("\nTags: ")
			for i, k := range img.tags.Keys() {
				if i > 0 {
					t.WriteString(", ")
				}
				t.WriteString(clean(k) + "=" + clean(img.tags[k]))
			}
		}
	}
	var decisions []lifecycle.Decision
	note := func(ds []lifecycle.Decision) {
		for _, d := range ds {
			if !slices.Contains(decisions, d) {
				decisions = append(decisions, d)
			}
		}
	}
	// Today's verdict, unless a change below says it.
	samePlan := b.plan.Now.Equal(b.tl.Start)
	switch {
	case len(m.records) > 0:
		r := m.records[0]
		note(r.Decisions)
		if r.State.Status != plan.ExecutionSuccess || !samePlan {
			t.WriteString("\nToday: " + recordWords(r))
		}
	case m.unaff != nil:
		note(m.unaff.Decisions)
		if len(m.changes) == 0 || !samePlan {
			verdict := "no action"
			if m.unaff.Deferred {
				verdict = "deferred"
			}
			t.WriteString("\nToday: " + verdict + ": " + clean(m.unaff.Reason))
		}
	}
	for _, c := range m.changes {
		note(c.act.Decisions)
		// The reason starts with the creation date the line above gives.
		reason := strings.TrimPrefix(clean(c.act.Reason), "created "+created+", ")
		fmt.Fprintf(&t, "\n%s %s (rule %d): %s", c.date.UTC().Format(dateLayout), clean(string(c.act.Action)), c.act.Rule, reason)
		if out := outputWords(c.act.AMIs, c.act.Snapshots, c.act.Containers); out != "" {
			t.WriteString("; " + out)
		}
	}
	if len(decisions) > 0 {
		slices.SortFunc(decisions, compareDecisions)
		t.WriteString("\nDecisions: " + decisionList(decisions))
	}
	return t.String()
}

// recordWords describes an image record of a plan.
func recordWords(r plan.ExecutionResource) string {
	action := ""
	if r.Action != nil {
		action = clean(string(r.Action.Name))
	}
	if r.State.Status == plan.ExecutionSuccess {
		reason := ""
		if r.Action != nil {
			reason = clean(r.Action.Reason)
		}
		return fmt.Sprintf("%s by rule %d: %s", action, r.Rule, reason)
	}
	return fmt.Sprintf("%s (rule %d, %s): %s", clean(string(r.State.Status)), r.Rule, action, clean(r.State.Reason))
}

// outputWords returns "2 AMIs, 2 snapshots" or "".
func outputWords(amis, snaps, containers int) string {
	var parts []string
	if amis > 0 {
		parts = append(parts, plural(amis, "AMI", "AMIs"))
	}
	if snaps > 0 {
		parts = append(parts, plural(snaps, "snapshot", "snapshots"))
	}
	if containers > 0 {
		parts = append(parts, plural(containers, "container image", "container images"))
	}
	return strings.Join(parts, ", ")
}

// quiet summarises a group in which nothing changes.
func (b *builder) quiet(g *groupData) quietView {
	q := quietView{Recipe: clean(g.recipe), Version: clean(g.version), Where: clean(g.region) + " · " + clean(g.account),
		Images: len(g.members), Kept: strings.TrimPrefix(slotWords(g), "retention slots: ")}
	var order []string
	count := map[string]int{}
	for _, m := range g.members {
		s := "unknown"
		if m.img != nil {
			s = strings.ToLower(clean(string(m.img.status)))
		}
		if count[s] == 0 {
			order = append(order, s)
		}
		count[s]++
	}
	var parts []string
	for _, s := range order {
		parts = append(parts, fmt.Sprintf("%d %s", count[s], s))
	}
	q.States = strings.Join(parts, ", ")
	if len(g.members) > 0 {
		m := g.members[len(g.members)-1]
		why := ""
		switch {
		case m.unaff != nil:
			why = clean(m.unaff.Reason)
		case len(m.records) > 0:
			why = recordWords(m.records[0])
		}
		if why != "" {
			q.Why = clean(versionOf(m.arn)) + ": " + why
		}
	}
	return q
}
