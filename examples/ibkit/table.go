package main

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ibkit/ibkit/examples/internal/htmlreport"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
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

// add adds a row; its cells are escaped with termsafe.String.
func (t *table) add(cells ...string) {
	for i, c := range cells {
		cells[i] = termsafe.String(c)
	}
	t.rows = append(t.rows, cells)
}

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
				cell = p.paint(verdictColour(strings.TrimRight(c, " "+markFact+markDecision)), cell)
			}
			b.WriteString(cell)
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// The row marks of a plan table: the verdict depends on a fact the
// inventory lacks, or on a decision.
const (
	markFact     = "?"
	markDecision = "*"
)

// marks is the set of row marks a plan table used, for its legend.
type marks struct{ fact, decision bool }

// mark returns the verdict with its marks, and the reason with the
// decisions the verdict depends on.
func (m *marks) mark(verdict, reason string, missingFact bool, ds []lifecycle.Decision) (string, string) {
	if missingFact {
		verdict += markFact
		m.fact = true
	}
	if len(ds) > 0 {
		verdict += markDecision
		m.decision = true
		reason = strings.TrimSpace(reason + " [" + decisionIDs(ds) + "]")
	}
	return verdict, reason
}

// legend explains the marks used.
func (m *marks) legend(w io.Writer) {
	if !m.fact && !m.decision {
		return
	}
	fmt.Fprintln(w)
	if m.fact {
		fmt.Fprintln(w, markFact+" the verdict assumes facts the inventory lacks; the reason says which")
	}
	if m.decision {
		fmt.Fprintln(w, markDecision+" the verdict depends on the decisions in brackets (see the README's decisions table)")
	}
}

// writePlanTable prints a plan grouped by recipe version.
func writePlanTable(w io.Writer, run *runInput, pl *plan.Plan, colour bool) error {
	p := painter(colour)
	pol := &run.doc.Policy
	fmt.Fprintf(w, "%s %s (%s), dry run at %s\n", p.paint(ansiBold, "Lifecycle policy"), termsafe.String(pl.Policy),
		termsafe.String(string(pol.ResourceType)), pl.Now.Format("2006-01-02T15:04:05Z07:00"))
	writeScope(w, pl.Scope)
	writeRules(w, pol)
	if !pl.Evaluated {
		fmt.Fprintf(w, "\n%s\n", termsafe.String(pl.Note))
		writeNotEvaluated(w, run, pl.NotEvaluated)
		writeFooter(w, run, pl.Warnings, pl.Decisions)
		return nil
	}

	status := make(map[string]lifecycle.ImageStatus, len(run.inv.Images))
	for i := range run.inv.Images {
		status[run.inv.Images[i].ARN] = run.inv.Images[i].Status()
	}
	var (
		group *plan.Group
		t     *table
		m     marks
	)
	flush := func() {
		if t != nil {
			t.write(w, "  ", p)
		}
	}
	for img := range pl.Images() {
		if img.Group != group {
			flush()
			group = img.Group
			fmt.Fprintf(w, "\n%s  %s, %s, %s\n", p.paint(ansiBold, termsafe.String(group.Recipe+" "+group.Version)), termsafe.String(group.Region),
				termsafe.String(group.AccountID), count(len(group.Images), "image", "images"))
			t = &table{verdictAt: 2}
			t.add("IMAGE", "STATUS", "VERDICT", "RULE", "REASON")
		}
		label := versionOfARN(img.ARN)
		if len(img.Records) > 0 {
			for _, r := range img.Records {
				addRecord(t, &m, r, label, status[img.ARN], img.Records[0])
			}
			continue
		}
		u := img.Unaffected
		verdict := "no action"
		switch {
		case u.Deferred:
			verdict = "deferred"
		case u.OutOfScope:
			verdict = "out of scope"
		}
		verdict, reason := m.mark(verdict, u.Reason, false, u.Decisions)
		t.add(label, string(u.Status), verdict, "", reason)
	}
	flush()
	m.legend(w)
	writeTotals(w, pl, pol.ResourceType == lifecycle.ResourceTypeContainer)
	writeNotEvaluated(w, run, pl.NotEvaluated)
	writeFooter(w, run, pl.Warnings, pl.Decisions)
	return nil
}

// writeScope prints the Region and account the policy acts in and where
// they came from (Decision L-26).
func writeScope(w io.Writer, sc plan.Scope) {
	if sc.Region == "" && sc.AccountID == "" {
		return
	}
	from := sc.Source
	if !strings.Contains(from, " from ") {
		from = "from the " + from
	}
	if strings.Contains(sc.Source, "inventory") {
		from += ", the only one it holds [L-26]"
	}
	where := "account " + sc.AccountID
	switch {
	case sc.Region == "":
		where = "every Region, " + where
	case sc.AccountID == "":
		where = sc.Region + ", every account"
	default:
		where = sc.Region + ", " + where
	}
	fmt.Fprintf(w, "Acts in %s (%s); images of other Regions and accounts are out of scope\n",
		termsafe.String(where), termsafe.String(from))
}

// writeNotEvaluated lists the inventory records the dry-run could not
// read, so that no image is left out without a word.
func writeNotEvaluated(w io.Writer, run *runInput, fs lifecycle.Findings) {
	if len(fs) == 0 {
		return
	}
	fmt.Fprintf(w, "\nNot evaluated: the inventory has %s; an image it names is left out of the plan, an AMI fact it names is treated as unknown:\n",
		count(len(fs), "error", "errors"))
	for _, f := range fs {
		fmt.Fprintf(w, "  %s\n", formatFinding(run.policyName, f))
	}
}

// addRecord adds one plan record: an image row, or an output-resource row
// below its image record, whose reason it does not repeat.
func addRecord(t *table, m *marks, r plan.ExecutionResource, label string, st lifecycle.ImageStatus, image plan.ExecutionResource) {
	verdict := string(r.State.Status)
	reason := r.State.Reason
	// A SUCCESS record that rests on facts the inventory lacks carries
	// L-29; its state reason names them.
	missingFact := r.State.Status == plan.ExecutionSuccess && slices.Contains(r.Decisions, "L-29")
	if r.State.Status == plan.ExecutionSuccess && r.Action != nil {
		verdict = string(r.Action.Name)
		reason = r.Action.Reason
		if r.ParentResourceID != "" && image.Action != nil && reason == image.Action.Reason {
			reason = ""
		}
		if r.State.Reason != "" {
			reason = strings.TrimPrefix(reason+"; "+r.State.Reason, "; ")
		}
	}
	rule := fmt.Sprintf("%d", r.Rule)
	if r.Action != nil && r.State.Status != plan.ExecutionSuccess {
		rule += " " + string(r.Action.Name)
	}
	if r.ParentResourceID == "" {
		verdict, reason = m.mark(verdict, reason, missingFact, r.Decisions)
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
		if s.State.Status != plan.ExecutionSuccess {
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
	verdict, reason = m.mark(verdict, strings.TrimPrefix(reason, "; "), missingFact, r.Decisions)
	t.add(what, region, verdict, "", reason)
}

// writeRules prints the policy's rules in evaluation order.
func writeRules(w io.Writer, pol *lifecycle.Policy) {
	order := []lifecycle.ActionType{lifecycle.ActionDeprecate, lifecycle.ActionDisable, lifecycle.ActionDelete}
	switch len(pol.PolicyDetails) {
	case 0:
		fmt.Fprintln(w, "No rules.")
	case 1:
		fmt.Fprintln(w, "Rule:")
	default:
		var present []string
		for _, at := range order {
			if slices.ContainsFunc(pol.PolicyDetails, func(d lifecycle.PolicyDetail) bool { return d.Action.Type == at }) {
				present = append(present, string(at))
			}
		}
		fmt.Fprintf(w, "Rules, tried in the order %s:\n", termsafe.String(strings.Join(present, ", ")))
	}
	for _, at := range order {
		for i, d := range pol.PolicyDetails {
			if d.Action.Type != at {
				continue
			}
			fmt.Fprintf(w, "  [%d] %-9s %s\n", i, at, termsafe.String(describeRule(d)))
		}
	}
}

func describeRule(d lifecycle.PolicyDetail) string {
	var parts []string
	f := d.Filter
	switch f.Type {
	case lifecycle.FilterAge:
		s := "older than " + unitCount(f.Value, f.Unit)
		if f.RetainAtLeast != nil {
			s += fmt.Sprintf(", keeping at least %d per recipe version", *f.RetainAtLeast)
		}
		parts = append(parts, s)
	case lifecycle.FilterCount:
		parts = append(parts, fmt.Sprintf("beyond the newest %d per recipe version", f.Value))
	}
	with := htmlreport.Included(d.Action.Includes(), "containers")
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
				why = append(why, "launched in the last "+unitCount(a.LastLaunched.Value, a.LastLaunched.Unit))
			}
			parts = append(parts, "leaving AMIs "+strings.Join(why, " or "))
		}
	}
	return strings.Join(parts, "; ")
}

// unitCount is "1 day", "3 months".
func unitCount(n int, u lifecycle.TimeUnit) string {
	many := strings.ToLower(string(u))
	return count(n, strings.TrimSuffix(many, "s"), many)
}

func tagList(t lifecycle.Tags) string {
	var s []string
	for _, k := range t.Keys() {
		s = append(s, k+"="+t[k])
	}
	return strings.Join(s, " or ")
}

// writeTotals prints the summary counts.
func writeTotals(w io.Writer, pl *plan.Plan, containers bool) {
	s := pl.Summary
	// "without action" is Summary.Unaffected: deferred images and images
	// of other Regions or accounts included.
	fmt.Fprintf(w, "\nTotals: %s in scope: %d acted on, %d skipped, %d failed, %d without action (%d of them deferred",
		count(s.InScope, "image", "images"), s.Images.Acted(), s.Images.Skipped, s.Images.Failed, s.Unaffected, s.Deferred)
	if s.OutOfScope > 0 {
		fmt.Fprintf(w, ", %d out of scope [L-26]", s.OutOfScope)
	}
	fmt.Fprintf(w, "); impacted resources: %s\n", yesNo(pl.HasImpactedResources))
	t := table{verdictAt: -1}
	t.add("", "DEPRECATE", "DISABLE", "DELETE", "SKIPPED", "FAILED")
	row := func(name string, c plan.Counts) {
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

// writeFooter prints every warning about the policy and the inventory,
// each naming its file and JSON path, and the decisions the result
// depends on.
func writeFooter(w io.Writer, run *runInput, warnings lifecycle.Findings, ds []lifecycle.Decision) {
	if len(warnings) > 0 {
		fmt.Fprintf(w, "\n%s:\n", upperFirst(count(len(warnings), "warning", "warnings")))
		for _, f := range warnings {
			fmt.Fprintf(w, "  %s\n", formatFinding(run.policyName, f))
		}
	}
	writeDecisions(w, ds)
}

func writeDecisions(w io.Writer, ds []lifecycle.Decision) {
	if len(ds) == 0 {
		return
	}
	fmt.Fprintf(w, "\nDecisions involved (see the README's decisions table): %s\n", decisionIDs(ds))
}

// decisionIDs is "L-8, L-11".
func decisionIDs(ds []lifecycle.Decision) string {
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = string(d)
	}
	return strings.Join(ids, ", ")
}

// writeTimeline prints a forecast.
func writeTimeline(w io.Writer, run *runInput, tl *plan.Timeline, colour bool) error {
	p := painter(colour)
	fmt.Fprintf(w, "%s %s: one run a day for %s from %s\n", p.paint(ansiBold, "Forecast for lifecycle policy"),
		termsafe.String(tl.Policy), count(tl.Days, "day", "days"), tl.Start.Format("2006-01-02T15:04:05Z07:00"))
	writeScope(w, tl.Scope)
	if !tl.Evaluated {
		fmt.Fprintf(w, "\n%s\n", termsafe.String(tl.Note))
		writeNotEvaluated(w, run, tl.NotEvaluated)
		writeFooter(w, run, tl.Warnings, tl.Decisions)
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
			fmt.Fprintf(w, "  %s: %s\n", termsafe.String(it.ResourceID), termsafe.String(it.String()))
		}
	}
	if tl.OutOfScope > 0 {
		fmt.Fprintf(w, "\n%s of other Regions or accounts out of scope, never evaluated [L-26].\n", upperFirst(count(tl.OutOfScope, "image", "images")))
	}
	writeNotEvaluated(w, run, tl.NotEvaluated)
	writeFooter(w, run, tl.Warnings, tl.Decisions)
	return nil
}

func outputCounts(a plan.RunAction) string {
	var parts []string
	if a.AMIs > 0 {
		parts = append(parts, count(a.AMIs, "AMI", "AMIs"))
	}
	if a.Snapshots > 0 {
		parts = append(parts, count(a.Snapshots, "snapshot", "snapshots"))
	}
	if a.Containers > 0 {
		parts = append(parts, count(a.Containers, "container image", "container images"))
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

// count is "1 image" or "3 images".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
