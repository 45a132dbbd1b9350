package plan

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// Timeline is the result of Forecast: when each image in scope changes over
// a number of daily executions.
type Timeline struct {
	// Report says what the forecast says of the policy as a whole, as in
	// Plan.
	Report
	// Start is the instant of the first run (run 0), in UTC; Days the
	// number of days simulated after it.
	Start time.Time
	Days  int
	// Runs are the runs that change at least one image, in day order.
	Runs []Run
	// Images are the images that change at least once, in ascending ARN
	// order, each with its changes in day order.
	Images []ImageTimeline
	// OutOfScope counts the images the policy's selection matches in other
	// Regions or accounts, which no run evaluates (Decision L-26).
	OutOfScope int
}

// MarshalJSON encodes the timeline as the ibkit command prints it:
//
//	{"policy": name, "start": RFC 3339 instant, "days": n,
//	 "evaluated": bool, "note": text (when any), "runs": [...],
//	 "images": [...], "scope": {...}, "warnings": [...],
//	 "notEvaluated": [...], "outOfScope": n, "decisions": [...]}
func (t *Timeline) MarshalJSON() ([]byte, error) {
	type wire struct {
		Policy       string               `json:"policy"`
		Start        time.Time            `json:"start"`
		Days         int                  `json:"days"`
		Evaluated    bool                 `json:"evaluated"`
		Note         string               `json:"note,omitempty"`
		Runs         []Run                `json:"runs"`
		Images       []ImageTimeline      `json:"images"`
		Scope        Scope                `json:"scope"`
		Warnings     lifecycle.Findings   `json:"warnings"`
		NotEvaluated lifecycle.Findings   `json:"notEvaluated"`
		OutOfScope   int                  `json:"outOfScope"`
		Decisions    []lifecycle.Decision `json:"decisions"`
	}
	return json.Marshal(wire{t.Policy, t.Start, t.Days, t.Evaluated, t.Note, t.Runs, t.Images, t.Scope,
		t.Warnings, t.NotEvaluated, t.OutOfScope, t.Decisions})
}

// Run is one simulated daily execution that changes at least one image.
type Run struct {
	// Day is the run's number: it happens Day days after the start.
	Day  int       `json:"day"`
	Date time.Time `json:"date"`
	// Actions are the images acted on, in plan order.
	Actions []RunAction `json:"actions"`
}

// RunAction is one image acted on in a run, with the output resources the
// action reaches.
type RunAction struct {
	ResourceID string               `json:"resourceId"`
	Action     lifecycle.ActionType `json:"action"`
	Reason     string               `json:"reason"`
	// Rule is the index in policyDetails of the rule that acts.
	Rule int `json:"rule"`
	// AMIs, Snapshots and Containers count the output resources acted on
	// (SUCCESS) with the image.
	AMIs       int                  `json:"amis,omitempty"`
	Snapshots  int                  `json:"snapshots,omitempty"`
	Containers int                  `json:"containers,omitempty"`
	Decisions  []lifecycle.Decision `json:"decisions,omitempty"`
}

// ImageTimeline lists the changes one image undergoes.
type ImageTimeline struct {
	ResourceID string        `json:"resourceId"`
	Changes    []ImageChange `json:"changes"`
}

// ImageChange is one action on an image.
type ImageChange struct {
	Day    int                  `json:"day"`
	Date   time.Time            `json:"date"`
	Action lifecycle.ActionType `json:"action"`
	Rule   int                  `json:"rule"`
}

// String describes the changes in words, such as "deprecated in 0 days,
// disabled in 30 days, deleted in 90 days".
func (t ImageTimeline) String() string {
	var b strings.Builder
	for i, c := range t.Changes {
		if i > 0 {
			b.WriteString(", ")
		}
		switch c.Action {
		case lifecycle.ActionDeprecate:
			b.WriteString("deprecated")
		case lifecycle.ActionDisable:
			b.WriteString("disabled")
		case lifecycle.ActionDelete:
			b.WriteString("deleted")
		default:
			b.WriteString(strings.ToLower(string(c.Action)))
		}
		b.WriteString(" in ")
		b.WriteString(plural(int64(c.Day), "day"))
	}
	return b.String()
}

// Forecast simulates the daily executions of the policy: run 0 at now and
// one run a day after it up to run days (run k at now plus k calendar
// days in UTC), applying between runs the changes each run
// predicts (Decision L-25): a deprecated image becomes DEPRECATED and its
// included AMIs get the tag DeprecatedBy: EC2 Image Builder and a
// deprecation time; a disabled image becomes DISABLED and its included AMIs
// become private, lose their shares and that tag; a deleted image and its
// included resources are gone. Nothing else changes: no new builds, tags or
// launches. idx is not modified.
//
// Only runs that can differ from the one before are computed: after a run
// that acts on nothing, the next run computed is the first day on which an
// image in scope crosses an age cutoff of a rule (or comes within a day of
// one, or reaches it exactly) or an AMI leaves a lastLaunched window; the
// runs in between would repeat the same verdicts. The cost therefore
// follows the number of changes, not images times days; the result is the
// same as simulating every day.
//
// Errors are those of DryRun, and a *lifecycle.Error when days is negative
// or above 36,600 (a century) or when a run would fall outside the years
// 0000 to 9999.
func Forecast(p *lifecycle.Policy, idx *inventory.Index, now time.Time, days int, opts Options) (*Timeline, error) {
	t, _, err := forecast(p, idx, now, days, opts, false)
	return t, err
}

// forecast is Forecast; everyDay computes every run instead of jumping
// between events, and runs counts the runs computed.
func forecast(p *lifecycle.Policy, idx *inventory.Index, now time.Time, days int, opts Options, everyDay bool) (t *Timeline, runs int, err error) {
	o := opts.settings(now)
	pl, err := newPlanner(p, idx, &o)
	if err != nil {
		return nil, 0, err
	}
	if days < 0 || days > 36600 {
		return nil, 0, inputError("days", strconv.Itoa(days), "is out of range; give 0 to 36600 days")
	}
	start := now.UTC()
	if lifecycle.CheckInstant(start) != nil || lifecycle.CheckInstant(start.AddDate(0, 0, days)) != nil {
		return nil, 0, inputError("days", strconv.Itoa(days), "takes the forecast outside the years 0000 to 9999; give an earlier now or fewer days")
	}
	t = &Timeline{Report: Report{Policy: p.Name, Scope: pl.scope, Warnings: nonNil(pl.warnings),
		NotEvaluated: nonNil(pl.rejected)}, Start: start, Days: days, Runs: []Run{}, Images: []ImageTimeline{}}
	flags := flagL25
	if !p.Enabled() && !o.EvaluateDisabledPolicy {
		t.Note = reasonDisabledPolicy
		flags |= flagL19
		t.Decisions = flags.appendTo(nil)
		return t, 0, nil
	}
	t.Evaluated = true
	// The days a verdict can change are computed when a run first acts on
	// nothing: a policy that acts every day never needs them.
	var events []bool
	s := newSimulation(index.Images(idx))
	changes := make(map[string][]ImageChange)
	for day := 0; day <= days; {
		now := start.AddDate(0, 0, day)
		plan := pl.plan(s.images, now, true)
		if runs == 0 {
			t.OutOfScope = plan.Summary.OutOfScope
		}
		runs++
		for _, d := range plan.Decisions {
			flags |= decisionBit(d)
		}
		run := Run{Day: day, Date: now}
		for i := range plan.Resources {
			rec := &plan.Resources[i]
			if rec.Kind != KindImage || rec.State.Status != ExecutionSuccess {
				continue
			}
			act := RunAction{ResourceID: rec.ResourceID, Action: rec.Action.Name, Reason: rec.Action.Reason,
				Rule: rec.Rule, Decisions: rec.Decisions}
			for j := i + 1; j < len(plan.Resources) && plan.Resources[j].Kind != KindImage; j++ {
				out := &plan.Resources[j]
				if out.State.Status != ExecutionSuccess {
					continue
				}
				switch out.Kind {
				case KindAMI:
					act.AMIs++
					act.Snapshots += len(out.Snapshots)
					s.applyAMI(rec.ResourceID, out.ResourceID, rec.Action.Name, now)
				case KindContainer:
					act.Containers++
				}
			}
			s.applyImage(rec.ResourceID, rec.Action.Name)
			run.Actions = append(run.Actions, act)
			changes[rec.ResourceID] = append(changes[rec.ResourceID],
				ImageChange{Day: day, Date: now, Action: rec.Action.Name, Rule: rec.Rule})
		}
		if len(run.Actions) > 0 {
			t.Runs = append(t.Runs, run)
		}
		day++
		if len(run.Actions) == 0 && !everyDay {
			// Nothing changed: skip to the next day on which a verdict can.
			if events == nil {
				events = pl.forecastEvents(index.Images(idx), start, days)
			}
			for day <= days && !events[day] {
				day++
			}
		}
	}
	for arn, cs := range changes {
		t.Images = append(t.Images, ImageTimeline{ResourceID: arn, Changes: cs})
	}
	slices.SortFunc(t.Images, func(a, b ImageTimeline) int { return strings.Compare(a.ResourceID, b.ResourceID) })
	t.Decisions = flags.appendTo(nil)
	t.Warnings = nonNil(pl.warnings) // with the selection's, known since run 0
	return t, runs, nil
}

// forecastEvents marks the days 1 to days on which a run can decide
// differently from the run of the day before when nothing was acted on in
// between: the days on which the comparison of an in-scope image's
// creation (or completion) time with a rule's age cutoff, or of an AMI's
// last launch with a lastLaunched window, changes under either reading of
// Decision L-1: the time passes the cutoff, equals it, or comes within or
// leaves the window between the cutoffs of the day before and after
// (Decision L-P6). Every cutoff is computed with
// the engine's cutoffs, which moves forward with now, so that the first
// day of each change is found by binary search.
func (pl *planner) forecastEvents(images []index.Image, start time.Time, days int) []bool {
	events := make([]bool, days+1)
	type spec struct {
		value  int
		unit   lifecycle.TimeUnit
		launch bool // a lastLaunched window; otherwise an age filter
	}
	var specs []spec
	for i := range pl.p.PolicyDetails {
		d := &pl.p.PolicyDetails[i]
		if d.Filter.Type == lifecycle.FilterAge {
			specs = append(specs, spec{d.Filter.Value, d.Filter.Unit, false})
		}
		if e := d.ExclusionRules; e != nil && e.AMIs != nil && e.AMIs.LastLaunched != nil {
			specs = append(specs, spec{e.AMIs.LastLaunched.Value, e.AMIs.LastLaunched.Unit, true})
		}
	}
	if len(specs) == 0 {
		return events
	}
	var created, launched []time.Time
	var cache selectCache
	for i := range images {
		img := &images[i]
		if img.Status == lifecycle.StatusDeleted {
			continue
		}
		if ok, _, _ := pl.sel.selects(img, &cache); !ok {
			continue
		}
		created = append(created, img.Created)
		if !img.Completed.IsZero() {
			created = append(created, img.Completed)
		}
		for j := range img.AMIs {
			if t := img.AMIs[j].LastLaunched; !t.IsZero() {
				launched = append(launched, t)
			}
		}
	}
	created, launched = distinctTimes(created), distinctTimes(launched)
	// One day past the forecast too: its cutoff bounds the last day's
	// L-P6 window.
	cut := make([]time.Time, days+2)
	alt := make([]time.Time, days+2)
	for _, sp := range slices.Compact(specs) {
		var hasAlt bool
		for d := range cut {
			cut[d], alt[d], hasAlt = cutoffs(start.AddDate(0, 0, d), sp.value, sp.unit, pl.o.FixedMonthYear)
		}
		times := created
		if sp.launch {
			times = launched
		}
		series := [][]time.Time{cut}
		if hasAlt {
			series = append(series, alt)
		}
		for _, cs := range series {
			for _, t := range times {
				// The first day whose cutoff reaches t, and the first that
				// passes it; the days next to them too, since whether t
				// lies between the cutoffs of the day before and the day
				// after decides L-P6.
				reach, _ := slices.BinarySearchFunc(cs, t, func(c, x time.Time) int {
					if c.Before(x) {
						return -1
					}
					return 1
				})
				pass, _ := slices.BinarySearchFunc(cs, t, func(c, x time.Time) int {
					if c.After(x) {
						return 1
					}
					return -1
				})
				for _, c := range [2]int{reach, pass} {
					for d := c - 1; d <= c+1; d++ {
						if d >= 1 && d <= days {
							events[d] = true
						}
					}
				}
			}
		}
	}
	return events
}

// distinctTimes sorts ts and removes repeated instants.
func distinctTimes(ts []time.Time) []time.Time {
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	return slices.CompactFunc(ts, func(a, b time.Time) bool { return a.Equal(b) })
}

// decisionBit returns the bit of d in a decisionSet, 0 for an unknown ID.
func decisionBit(d lifecycle.Decision) decisionSet {
	for i, x := range decisionOrder {
		if x == d {
			return 1 << i
		}
	}
	return 0
}

// simulation is the changing state of the inventory across runs. It copies
// what it changes and shares the rest with the index.
type simulation struct {
	images []index.Image
	byARN  map[string]int
	owned  []bool // whether images[i].AMIs is the simulation's own copy
	// listers maps each AMI that several images list to those images, so
	// that a change to the AMI reaches every copy of its facts (L-P9).
	listers map[string][]int
}

func newSimulation(src []index.Image) *simulation {
	s := &simulation{images: slices.Clone(src), byARN: make(map[string]int, len(src)), owned: make([]bool, len(src))}
	for i := range s.images {
		s.byARN[s.images[i].ARN] = i
		for j := range s.images[i].AMIs {
			if a := &s.images[i].AMIs[j]; a.ListedByOtherImages {
				if s.listers == nil {
					s.listers = map[string][]int{}
				}
				s.listers[a.ID] = append(s.listers[a.ID], i)
			}
		}
	}
	return s
}

func (s *simulation) applyImage(arn string, action lifecycle.ActionType) {
	i, ok := s.byARN[arn]
	if !ok {
		return
	}
	switch action {
	case lifecycle.ActionDeprecate:
		s.images[i].Status = lifecycle.StatusDeprecated
	case lifecycle.ActionDisable:
		s.images[i].Status = lifecycle.StatusDisabled
	case lifecycle.ActionDelete:
		s.images[i].Status = lifecycle.StatusDeleted
	}
}

func (s *simulation) applyAMI(arn, amiID string, action lifecycle.ActionType, now time.Time) {
	i, ok := s.byARN[arn]
	if !ok {
		return
	}
	if ls, shared := s.listers[amiID]; shared {
		for _, k := range ls {
			s.applyAMIOf(k, amiID, action, now)
		}
		return
	}
	s.applyAMIOf(i, amiID, action, now)
}

// applyAMIOf changes image i's copy of the facts of AMI amiID.
func (s *simulation) applyAMIOf(i int, amiID string, action lifecycle.ActionType, now time.Time) {
	img := &s.images[i]
	if !s.owned[i] {
		img.AMIs = slices.Clone(img.AMIs)
		s.owned[i] = true
	}
	for j := range img.AMIs {
		a := &img.AMIs[j]
		if a.ID != amiID {
			continue
		}
		tags := slices.DeleteFunc(slices.Clone(a.Tags), func(t index.Tag) bool { return t.Key == tagDeprecatedBy })
		switch action {
		case lifecycle.ActionDeprecate:
			a.Tags = append(tags, index.Tag{Key: tagDeprecatedBy, Value: tagValueImageBuilder})
			a.DeprecationTime = now
		case lifecycle.ActionDisable:
			a.Tags = tags
			a.Public = false
			a.SharedAccounts = nil
			a.State = amiDisabled
		case lifecycle.ActionDelete:
			a.State = amiDeregistered
		}
	}
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows []
// rather than null.
func nonNil[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}
