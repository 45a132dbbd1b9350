package lifecycletest

import (
	"errors"
	"slices"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// PlanWant is what a test expects of a plan.Plan, as typed values. Records
// are named by their resourceId: the image ARN, the AMI ID, or the first
// image URI of a container record. The zero PlanWant expects nothing.
type PlanWant struct {
	// Acts maps resources to the action of their SUCCESS record.
	Acts map[string]lifecycle.ActionType
	// Skips and Fails list resources with a SKIPPED or FAILED record.
	Skips, Fails []string
	// Snapshots maps snapshot IDs to their status in an AMI record.
	Snapshots map[string]plan.ExecutionStatus
	// Unaffected lists images in scope that get no action and are not
	// deferred; Deferred lists images deferred for a build in progress.
	Unaffected, Deferred []string
	// Decisions maps resources to decision IDs their record (in Resources
	// or in Unaffected) carries, among others.
	Decisions map[string][]lifecycle.Decision
	// Exact requires every record of Resources and every image of
	// Unaffected to be expected by Acts, Skips, Fails, Unaffected or
	// Deferred.
	Exact bool
}

// CheckPlan compares the plan with the expectation and returns an error
// listing every difference, one per line, or nil: first the unmet
// expectations (Acts and Snapshots by resource ID, the lists in order),
// then, for Exact, the unexpected records in plan order.
func CheckPlan(p *plan.Plan, want PlanWant) error {
	if p == nil {
		return errors.New("lifecycletest: the plan is nil")
	}
	var problems []string
	describe := func(r *plan.ExecutionResource) string {
		s := string(r.State.Status)
		if r.Action != nil {
			s = string(r.Action.Name) + " " + s
		}
		return s
	}
	record := func(id string, status plan.ExecutionStatus, action lifecycle.ActionType) {
		var found []string
		for i := range p.Resources {
			r := &p.Resources[i]
			if r.ResourceID != id {
				continue
			}
			found = append(found, describe(r))
			if r.State.Status == status && (action == "" || (r.Action != nil && r.Action.Name == action)) {
				return
			}
		}
		w := string(status)
		if action != "" {
			w = string(action) + " " + w
		}
		got := "no record"
		if len(found) > 0 {
			got = strings.Join(found, ", ")
		}
		problems = append(problems, id+": want "+w+", got "+got)
	}
	for _, id := range sortedKeys(want.Acts) {
		record(id, plan.ExecutionSuccess, want.Acts[id])
	}
	for _, id := range want.Skips {
		record(id, plan.ExecutionSkipped, "")
	}
	for _, id := range want.Fails {
		record(id, plan.ExecutionFailed, "")
	}
	for _, id := range sortedKeys(want.Snapshots) {
		got := ""
		for _, r := range p.Resources {
			for _, s := range r.Snapshots {
				if s.SnapshotID == id {
					got = string(s.State.Status)
				}
			}
		}
		if got != string(want.Snapshots[id]) {
			if got == "" {
				got = "not in any AMI record"
			}
			problems = append(problems, "snapshot "+id+": want "+string(want.Snapshots[id])+", got "+got)
		}
	}
	unaffected := func(id string) *plan.UnaffectedImage {
		for i := range p.Unaffected {
			if p.Unaffected[i].ResourceID == id {
				return &p.Unaffected[i]
			}
		}
		return nil
	}
	for _, id := range want.Unaffected {
		switch u := unaffected(id); {
		case u == nil:
			problems = append(problems, id+": want unaffected, but it is not in the unaffected list")
		case u.Deferred:
			problems = append(problems, id+": want unaffected, got deferred")
		}
	}
	for _, id := range want.Deferred {
		if u := unaffected(id); u == nil || !u.Deferred {
			problems = append(problems, id+": want deferred, but it is not listed as deferred")
		}
	}
	for _, id := range sortedKeys(want.Decisions) {
		var ds []lifecycle.Decision
		seen := false
		for _, r := range p.Resources {
			if r.ResourceID == id {
				ds, seen = append(ds, r.Decisions...), true
			}
		}
		if u := unaffected(id); u != nil {
			ds, seen = append(ds, u.Decisions...), true
		}
		for _, d := range want.Decisions[id] {
			switch {
			case slices.Contains(ds, d):
			case !seen:
				problems = append(problems, id+": want decision "+string(d)+", but the plan has no record of it")
			default:
				problems = append(problems, id+": want decision "+string(d)+", got "+decisionList(ds))
			}
		}
	}
	if want.Exact {
		expected := func(id string) bool {
			_, acts := want.Acts[id]
			return acts || slices.Contains(want.Skips, id) || slices.Contains(want.Fails, id)
		}
		for i := range p.Resources {
			if r := &p.Resources[i]; !expected(r.ResourceID) {
				problems = append(problems, r.ResourceID+": unexpected "+describe(r)+" record")
			}
		}
		for _, u := range p.Unaffected {
			if !slices.Contains(want.Unaffected, u.ResourceID) && !slices.Contains(want.Deferred, u.ResourceID) {
				what := "unaffected"
				if u.Deferred {
					what = "deferred"
				}
				problems = append(problems, u.ResourceID+": unexpectedly "+what)
			}
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return errors.New("lifecycletest: the plan differs from the expectation:\n\t" + strings.Join(problems, "\n\t"))
}

func decisionList(ds []lifecycle.Decision) string {
	if len(ds) == 0 {
		return "none"
	}
	s := make([]string, len(ds))
	for i, d := range ds {
		s[i] = string(d)
	}
	return strings.Join(s, ", ")
}
