package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ibkit/ibkit/lifecycle"
)

// ANSI colours for verdicts, used only when standard output is a terminal.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiPurple = "\x1b[35m"
)

// painter colours text when enabled.
type painter bool

func (p painter) paint(code, s string) string {
	if !p || s == "" {
		return s
	}
	return code + s + ansiReset
}

// verdictColour picks the colour of a verdict word.
func verdictColour(v string) string {
	switch v {
	case "DELETE", "FAILED":
		return ansiRed
	case "DISABLE":
		return ansiYellow
	case "DEPRECATE":
		return ansiBlue
	case "SKIPPED":
		return ansiPurple
	case "no action":
		return ansiGreen
	}
	return ansiDim
}

// table lays out rows in columns; the verdict column is coloured after
// padding so that escape codes do not upset the alignment.
type table struct {
	rows      [][]string
	verdictAt int // column holding a verdict word, or -1
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(w io.Writer, indent string, p painter) {
	var widths []int
	for _, r := range t.rows {
		for i, c := range r[:len(r)-1] { // the last column is not padded
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for n, r := range t.rows {
		var b strings.Builder
		b.WriteString(indent)
		for i, c := range r {
			cell := c
			if i < len(r)-1 {
				cell += strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c)+2)
			}
			switch {
			case n == 0:
				cell = p.paint(ansiBold, cell)
			case i == t.verdictAt:
				cell = p.paint(verdictColour(strings.TrimSpace(c)), cell)
			}
			b.WriteString(cell)
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// writePlanTable prints a plan grouped by recipe version.
func writePlanTable(w io.Writer, pol *lifecycle.Policy, idx *lifecycle.Index, plan *lifecycle.Plan, colour bool) error {
	p := painter(colour)
	fmt.Fprintf(w, "%s %s (%s), dry run at %s\n", p.paint(ansiBold, "Lifecycle policy"), plan.Policy,
		pol.ResourceType, plan.Now.Format("2006-01-02T15:04:05Z07:00"))
	writeRules(w, pol)
	if !plan.Evaluated {
		fmt.Fprintf(w, "\n%s\n", plan.Note)
		writeDecisions(w, plan.Decisions)
		return nil
	}

	status := make(map[string]lifecycle.ImageStatus, len(idx.Images))
	for i := range idx.Images {
		status[idx.Images[i].ARN] = idx.Images[i].Status
	}
	var (
		group *lifecycle.Group
		t     *table
	)
	flush := func() {
		if t != nil {
			t.write(w, "  ", p)
		}
	}
	for img := range plan.Images() {
		if img.Group != group {
			flush()
			group = img.Group
			fmt.Fprintf(w, "\n%s  %s, %s, %d %s\n", p.paint(ansiBold, group.Recipe+" "+group.Version), group.Region,
				group.AccountID, len(group.Images), plural(len(group.Images), "image", "images"))
			t = &table{verdictAt: 2}
			t.add("IMAGE", "STATUS", "VERDICT", "RULE", "REASON")
		}
		label := versionOfARN(img.ARN)
		if len(img.Records) > 0 {
			for _, r := range img.Records {
				addRecord(t, r, label, status[img.ARN], img.Records[0])
			}
			continue
		}
		u := img.Unaffected
		verdict := "no action"
		if u.Deferred {
			verdict = "deferred"
		}
		t.add(label, string(u.Status), verdict, "", u.Reason)
	}
	flush()
	writeTotals(w, plan, pol.ResourceType == lifecycle.ResourceTypeContainer)
	writeFooter(w, plan.Warnings, plan.Decisions)
	return nil
}

// addRecord adds one plan record: an image row, or an output-resource row
// below its image record, whose reason it does not repeat.
func addRecord(t *table, r lifecycle.ExecutionResource, label string, st lifecycle.ImageStatus, image lifecycle.ExecutionResource) {
	verdict := string(r.State.Status)
	reason := r.State.Reason
	if r.State.Status == lifecycle.ExecutionSuccess && r.Action != nil {
		verdict = string(r.Action.Name)
		reason = r.Action.Reason
		if r.ParentResourceID != "" && image.Action != nil && reason == image.Action.Reason {
			reason = ""
		}
	}
	rule := fmt.Sprintf("%d", r.Rule)
	if r.Action != nil && r.State.Status != lifecycle.ExecutionSuccess {
		rule += " " + string(r.Action.Name)
	}
	if r.ParentResourceID == "" {
		t.add(label, string(st), verdict, rule, reason)
		return
	}
	what := "  AMI " + r.ResourceID
	if len(r.ImageURIs) > 0 {
		what = "  container " + r.Region
		reason = strings.TrimSpace(reason + " " + strings.Join(r.ImageURIs, ", "))
	}
	var snaps []string
	for _, s := range r.Snapshots {
		text := s.SnapshotID
		if s.State.Status != lifecycle.ExecutionSuccess {
			text += " " + string(s.State.Status)
		}
		snaps = append(snaps, text)
	}
	if len(snaps) > 0 {
		reason = strings.TrimSpace(reason + "; snapshots " + strings.Join(snaps, ", "))
	}
	region := r.Region
	if len(r.ImageURIs) > 0 {
		region = ""
	}
	t.add(what, region, verdict, "", strings.TrimPrefix(reason, "; "))
}

// writeRules prints the policy's rules in evaluation order.
func writeRules(w io.Writer, pol *lifecycle.Policy) {
	fmt.Fprintln(w, "Rules, tried in the order DEPRECATE, DISABLE, DELETE:")
	for _, at := range []lifecycle.ActionType{lifecycle.ActionDeprecate, lifecycle.ActionDisable, lifecycle.ActionDelete} {
		for i, d := range pol.PolicyDetails {
			if d.Action.Type != at {
				continue
			}
			fmt.Fprintf(w, "  [%d] %-9s %s\n", i, at, describeRule(d))
		}
	}
}

func describeRule(d lifecycle.PolicyDetail) string {
	var parts []string
	f := d.Filter
	switch f.Type {
	case lifecycle.FilterAge:
		s := fmt.Sprintf("older than %d %s", f.Value, strings.ToLower(string(f.Unit)))
		if f.RetainAtLeast != nil {
			s += fmt.Sprintf(", keeping at least %d per recipe version", *f.RetainAtLeast)
		}
		parts = append(parts, s)
	case lifecycle.FilterCount:
		parts = append(parts, fmt.Sprintf("beyond the newest %d per recipe version", f.Value))
	}
	inc := d.Action.Includes()
	var with []string
	if inc.AMIs {
		with = append(with, "AMIs")
	}
	if inc.Snapshots {
		with = append(with, "snapshots")
	}
	if inc.Containers {
		with = append(with, "containers")
	}
	if len(with) > 0 {
		parts = append(parts, "with "+strings.Join(with, " and "))
	}
	if ex := d.ExclusionRules; ex != nil {
		if len(ex.TagMap) > 0 {
			parts = append(parts, "except images tagged "+tagList(ex.TagMap))
		}
		if a := ex.AMIs; a != nil {
			var why []string
			if len(a.Regions) > 0 {
				why = append(why, "in "+strings.Join(a.Regions, ", "))
			}
			if a.IsPublic {
				why = append(why, "public")
			}
			if len(a.TagMap) > 0 {
				why = append(why, "tagged "+tagList(a.TagMap))
			}
			if len(a.SharedAccounts) > 0 {
				why = append(why, "shared with "+strings.Join(a.SharedAccounts, ", "))
			}
			if a.LastLaunched != nil {
				why = append(why, fmt.Sprintf("launched in the last %d %s", a.LastLaunched.Value, strings.ToLower(string(a.LastLaunched.Unit))))
			}
			parts = append(parts, "leaving AMIs "+strings.Join(why, " or "))
		}
	}
	return strings.Join(parts, "; ")
}

func tagList(t lifecycle.Tags) string {
	var s []string
	for _, k := range t.Keys() {
		s = append(s, k+"="+t[k])
	}
	return strings.Join(s, " or ")
}

// writeTotals prints the summary counts.
func writeTotals(w io.Writer, plan *lifecycle.Plan, containers bool) {
	s := plan.Summary
	// Summary.Unaffected counts the deferred images too; skipped and
	// failed images have a record but no action.
	fmt.Fprintf(w, "\nTotals: %d %s in scope: %d acted on, %d skipped, %d failed, %d without action, %d deferred; impacted resources: %s\n",
		s.InScope, plural(s.InScope, "image", "images"), s.Images.Acted(), s.Images.Skipped, s.Images.Failed,
		s.Unaffected-s.Deferred, s.Deferred, yesNo(plan.HasImpactedResources))
	t := table{verdictAt: -1}
	t.add("", "DEPRECATE", "DISABLE", "DELETE", "SKIPPED", "FAILED")
	row := func(name string, c lifecycle.Counts) {
		t.add(name, fmt.Sprint(c.Deprecate), fmt.Sprint(c.Disable), fmt.Sprint(c.Delete), fmt.Sprint(c.Skipped), fmt.Sprint(c.Failed))
	}
	row("images", s.Images)
	if containers {
		row("containers", s.Containers)
	} else {
		row("AMIs", s.AMIs)
		row("snapshots", s.Snapshots)
	}
	t.write(w, "  ", painter(false))
}

// writeFooter prints the policy's validation warnings and the decisions
// the result depends on.
func writeFooter(w io.Writer, warnings lifecycle.Findings, ds []lifecycle.Decision) {
	if len(warnings) > 0 {
		fmt.Fprintln(w, "\nPolicy warnings:")
		for _, f := range warnings {
			fmt.Fprintf(w, "  %s\n", formatFinding("policy", f))
		}
	}
	writeDecisions(w, ds)
}

func writeDecisions(w io.Writer, ds []lifecycle.Decision) {
	if len(ds) == 0 {
		return
	}
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = string(d)
	}
	fmt.Fprintf(w, "\nDecisions involved (see the README's decisions table): %s\n", strings.Join(ids, ", "))
}

// writeTimeline prints a forecast.
func writeTimeline(w io.Writer, tl *lifecycle.Timeline, colour bool) error {
	p := painter(colour)
	fmt.Fprintf(w, "%s %s: one run a day for %d days from %s\n", p.paint(ansiBold, "Forecast for lifecycle policy"),
		tl.Policy, tl.Days, tl.Start.Format("2006-01-02T15:04:05Z07:00"))
	if !tl.Evaluated {
		fmt.Fprintf(w, "\n%s\n", tl.Note)
		return nil
	}
	if len(tl.Runs) == 0 {
		fmt.Fprintln(w, "\nNo run changes any image.")
	} else {
		fmt.Fprintln(w)
		t := table{verdictAt: 2}
		t.add("DAY", "DATE", "ACTION", "IMAGE", "OUTPUT RESOURCES")
		for _, r := range tl.Runs {
			for _, a := range r.Actions {
				t.add(fmt.Sprint(r.Day), r.Date.Format("2006-01-02"), string(a.Action), a.ResourceID, outputCounts(a))
			}
		}
		t.write(w, "", p)
	}
	if len(tl.Images) > 0 {
		fmt.Fprintln(w, "\nPer image:")
		for _, it := range tl.Images {
			fmt.Fprintf(w, "  %s: %s\n", it.ResourceID, it.String())
		}
	}
	writeFooter(w, tl.Warnings, tl.Decisions)
	return nil
}

func outputCounts(a lifecycle.RunAction) string {
	var parts []string
	if a.AMIs > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", a.AMIs, plural(a.AMIs, "AMI", "AMIs")))
	}
	if a.Snapshots > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", a.Snapshots, plural(a.Snapshots, "snapshot", "snapshots")))
	}
	if a.Containers > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", a.Containers, plural(a.Containers, "container image", "container images")))
	}
	return strings.Join(parts, ", ")
}

// versionOfARN returns the "x.y.z/b" end of an image ARN.
func versionOfARN(s string) string {
	parts := strings.Split(s, "/")
	if len(parts) < 2 {
		return s
	}
	return strings.Join(parts[len(parts)-2:], "/")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
