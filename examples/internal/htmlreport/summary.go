package htmlreport

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// tally counts the images one action reaches over the forecast.
type tally struct {
	images, amis, snaps, containers int
	first, last                     string
}

// summary fills the cards and the sentences that sum up the forecast.
func (b *builder) summary(v *view, groups []*groupData, inScope int) {
	tl := b.tl
	acts := []lifecycle.ActionType{lifecycle.ActionDeprecate, lifecycle.ActionDisable, lifecycle.ActionDelete}
	var t [3]tally
	for _, run := range tl.Runs {
		date := run.Date.UTC().Format(dateLayout)
		for _, a := range run.Actions {
			p := a.Action.Priority()
			if p >= len(t) {
				continue
			}
			x := &t[p]
			x.images++
			x.amis += a.AMIs
			x.snaps += a.Snapshots
			x.containers += a.Containers
			if x.first == "" {
				x.first = date
			}
			x.last = date
		}
	}
	v.Cards = append(v.Cards, card{Class: "n", Value: strconv.Itoa(len(tl.Images)),
		Label:  "of " + plural(inScope, "image", "images") + " change",
		Detail: "in " + plural(len(groups), "recipe version", "recipe versions") + " in scope"})
	for i, a := range acts {
		x := t[i]
		if x.images == 0 && !b.hasRule(a) {
			continue // no card for an action the policy never takes
		}
		c := card{Class: actionClass(a), Value: strconv.Itoa(x.images), Label: pastTense(a), Detail: "no image"}
		if x.images > 0 {
			c.Detail = outputWords(x.amis, x.snaps, x.containers)
			if c.Detail == "" {
				c.Detail = "image records only"
			}
			c.When = span(x.first, x.last)
			v.Summary = append(v.Summary, fmt.Sprintf("%s %s %s, with %s.", strings.ToUpper(pastTense(a)[:1])+pastTense(a)[1:],
				plural(x.images, "image", "images"), span(x.first, x.last), cmp.Or(outputWords(x.amis, x.snaps, x.containers), "no output resources")))
		}
		v.Cards = append(v.Cards, c)
	}
	// The state of every image in scope after the last run.
	var order []string
	count := map[string]int{}
	for _, g := range groups {
		for _, m := range g.members {
			s := lifecycle.ImageStatus("UNKNOWN")
			if m.img != nil {
				s = m.img.status
			}
			for _, c := range m.changes {
				s = after(c.act.Action, s)
			}
			w := strings.ToLower(clean(string(s)))
			if count[w] == 0 {
				order = append(order, w)
			}
			count[w]++
		}
	}
	if len(order) > 0 {
		var parts []string
		for _, w := range order {
			parts = append(parts, fmt.Sprintf("%d %s", count[w], w))
		}
		end := tl.Start.UTC().AddDate(0, 0, tl.Days).Format(dateLayout)
		v.Summary = append(v.Summary, fmt.Sprintf("After the last run, on %s, the %s in scope are: %s.", end,
			plural(inScope, "image", "images"), strings.Join(parts, ", ")))
	}
	if n := len(b.images); n != inScope {
		v.Summary = append(v.Summary, b.outside(groups, n))
	}
}

// span returns "on 2026-11-01" or "from 2026-11-01 to 2026-12-14".
func span(first, last string) string {
	if first == last {
		return "on " + first
	}
	return "from " + first + " to " + last
}

// today sums up the plan of today's run.
func (b *builder) today() *todayView {
	p := b.r.Plan
	t := &todayView{When: p.Now.UTC().Format("2006-01-02 15:04") + " UTC", Note: sentence(clean(p.Note)), Decisions: decisionList(p.Decisions)}
	if !p.Evaluated {
		return t
	}
	s := p.Summary
	t.Line = fmt.Sprintf("%s in scope: %d acted on, %d skipped, %d predicted to fail, %d without action, %d deferred.",
		plural(s.InScope, "image", "images"), s.Images.Acted(), s.Images.Skipped, s.Images.Failed, s.Unaffected-s.Deferred, s.Deferred)
	t.Impacted = "no"
	if p.HasImpactedResources {
		t.Impacted = "yes"
	}
	t.Heads = []string{"DEPRECATE", "DISABLE", "DELETE", "SKIPPED", "FAILED"}
	row := func(name string, c plan.Counts) {
		t.Rows = append(t.Rows, countRow{Name: name, Cells: []int{c.Deprecate, c.Disable, c.Delete, c.Skipped, c.Failed}})
	}
	row("images", s.Images)
	if b.container {
		row("container images", s.Containers)
	} else {
		row("AMIs", s.AMIs)
		row("snapshots", s.Snapshots)
	}
	for _, r := range p.Resources {
		if r.Kind != plan.KindImage || r.State.Status == plan.ExecutionSuccess {
			continue
		}
		verdict := fmt.Sprintf("%s by rule %d", clean(string(r.State.Status)), r.Rule)
		if r.Action != nil {
			verdict += " (" + clean(string(r.Action.Name)) + ")"
		}
		t.Notable = append(t.Notable, notable{Image: clean(imagePath(r.ResourceID)), Verdict: verdict, Reason: clean(r.State.Reason)})
	}
	return t
}

// imagePath returns the "recipe/x.y.z/build" end of an image ARN.
func imagePath(arn string) string {
	if _, after, ok := strings.Cut(arn, ":image/"); ok {
		return after
	}
	return arn
}

// outside names the recipe versions of the inventory that are outside the
// policy's scope, the first twenty of them in index order.
func (b *builder) outside(groups []*groupData, total int) string {
	in := map[string]bool{}
	for _, g := range groups {
		for _, m := range g.members {
			in[m.arn] = true
		}
	}
	var names []string
	seen := map[string]bool{}
	for _, img := range b.images {
		name := clean(img.recipe + " " + img.version)
		if in[img.arn] || seen[name] {
			continue
		}
		seen[name] = true
		names = append(names, name)
	}
	const shown = 20
	list := names
	if len(names) > shown {
		list = append(names[:shown:shown], fmt.Sprintf("%d more", len(names)-shown))
	}
	return fmt.Sprintf("The inventory holds %s; %s outside the policy's scope: %s.", plural(total, "image", "images"),
		plural(total-len(in), "image is", "images are"), joinWords(list, "and"))
}

// hasRule reports whether the policy has a rule with the action.
func (b *builder) hasRule(a lifecycle.ActionType) bool {
	for _, d := range b.r.Policy.PolicyDetails {
		if d.Action.Type == a {
			return true
		}
	}
	return false
}
