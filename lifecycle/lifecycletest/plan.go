package lifecycletest

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// PlanExpectation lists what a test expects of a plan.Plan. Build it
// with ExpectPlan and its methods, which return the expectation so calls
// chain, then call Check. Resources are named by their plan resourceId:
// the image ARN, the AMI ID, or the first image URI of a container record.
type PlanExpectation struct {
	records    []recordWant
	snapshots  []snapshotWant
	unaffected []string
	deferred   []string
	decisions  []decisionWant
	impacted   *bool
	only       bool
}

type recordWant struct {
	id     string
	status plan.ExecutionStatus
	action lifecycle.ActionType // "" matches any action
}

type snapshotWant struct {
	id     string
	status plan.ExecutionStatus
}

type decisionWant struct {
	id string
	d  lifecycle.Decision
}

// ExpectPlan starts an empty expectation, which any plan meets.
func ExpectPlan() *PlanExpectation { return &PlanExpectation{} }

// Acts expects a SUCCESS record for the resource with the given action.
func (e *PlanExpectation) Acts(resourceID string, action lifecycle.ActionType) *PlanExpectation {
	e.records = append(e.records, recordWant{resourceID, plan.ExecutionSuccess, action})
	return e
}

// Skips expects a SKIPPED record for the resource: an exclusion rule
// protects it.
func (e *PlanExpectation) Skips(resourceID string) *PlanExpectation {
	e.records = append(e.records, recordWant{id: resourceID, status: plan.ExecutionSkipped})
	return e
}

// Fails expects a FAILED record for the resource.
func (e *PlanExpectation) Fails(resourceID string) *PlanExpectation {
	e.records = append(e.records, recordWant{id: resourceID, status: plan.ExecutionFailed})
	return e
}

// Snapshot expects the snapshot to appear in an AMI record with the given
// status.
func (e *PlanExpectation) Snapshot(snapshotID string, status plan.ExecutionStatus) *PlanExpectation {
	e.snapshots = append(e.snapshots, snapshotWant{snapshotID, status})
	return e
}

// Unaffected expects the images to be listed as in scope but not acted on,
// and not deferred.
func (e *PlanExpectation) Unaffected(imageARNs ...string) *PlanExpectation {
	e.unaffected = append(e.unaffected, imageARNs...)
	return e
}

// Deferred expects the images to be listed as deferred (build in progress).
func (e *PlanExpectation) Deferred(imageARNs ...string) *PlanExpectation {
	e.deferred = append(e.deferred, imageARNs...)
	return e
}

// Decision expects the record of the resource (in Resources or in
// Unaffected) to carry the decision ID.
func (e *PlanExpectation) Decision(resourceID string, d lifecycle.Decision) *PlanExpectation {
	e.decisions = append(e.decisions, decisionWant{resourceID, d})
	return e
}

// Impacted expects the plan's hasImpactedResources to be v.
func (e *PlanExpectation) Impacted(v bool) *PlanExpectation {
	e.impacted = &v
	return e
}

// Only makes the expectation exact: every record of the plan's Resources,
// and every image of its Unaffected list, must be expected by Acts, Skips,
// Fails, Unaffected or Deferred.
func (e *PlanExpectation) Only() *PlanExpectation {
	e.only = true
	return e
}

// PlanMismatchError lists how a plan differs from an expectation.
type PlanMismatchError struct {
	// Problems holds one sentence per difference: first the unmet
	// expectations in the order they were added, then, for Only, the
	// unexpected records in plan order.
	Problems []string
}

// Error lists the problems, one per line.
func (e *PlanMismatchError) Error() string {
	return "lifecycletest: the plan differs from the expectation:\n\t" + strings.Join(e.Problems, "\n\t")
}

// Check compares the plan with the expectation and returns a
// *PlanMismatchError listing every difference, or nil.
func (e *PlanExpectation) Check(p *plan.Plan) error {
	if p == nil {
		return &PlanMismatchError{Problems: []string{"the plan is nil"}}
	}
	var problems []string
	describe := func(r *plan.ExecutionResource) string {
		s := string(r.State.Status)
		if r.Action != nil {
			s = string(r.Action.Name) + " " + s
		}
		return s
	}
	for _, w := range e.records {
		var found []string
		ok := false
		for i := range p.Resources {
			r := &p.Resources[i]
			if r.ResourceID != w.id {
				continue
			}
			found = append(found, describe(r))
			if r.State.Status == w.status && (w.action == "" || (r.Action != nil && r.Action.Name == w.action)) {
				ok = true
			}
		}
		if !ok {
			want := string(w.status)
			if w.action != "" {
				want = string(w.action) + " " + want
			}
			got := "no record"
			if len(found) > 0 {
				got = strings.Join(found, ", ")
			}
			problems = append(problems, w.id+": want "+want+", got "+got)
		}
	}
	for _, w := range e.snapshots {
		got := ""
		for _, r := range p.Resources {
			for _, s := range r.Snapshots {
				if s.SnapshotID == w.id {
					got = string(s.State.Status)
				}
			}
		}
		if got != string(w.status) {
			if got == "" {
				got = "not in any AMI record"
			}
			problems = append(problems, "snapshot "+w.id+": want "+string(w.status)+", got "+got)
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
	for _, id := range e.unaffected {
		switch u := unaffected(id); {
		case u == nil:
			problems = append(problems, id+": want unaffected, but it is not in the unaffected list")
		case u.Deferred:
			problems = append(problems, id+": want unaffected, got deferred")
		}
	}
	for _, id := range e.deferred {
		if u := unaffected(id); u == nil || !u.Deferred {
			problems = append(problems, id+": want deferred, but it is not listed as deferred")
		}
	}
	for _, w := range e.decisions {
		var ds []lifecycle.Decision
		seen := false
		for _, r := range p.Resources {
			if r.ResourceID == w.id {
				ds, seen = append(ds, r.Decisions...), true
			}
		}
		if u := unaffected(w.id); u != nil {
			ds, seen = append(ds, u.Decisions...), true
		}
		if !slices.Contains(ds, w.d) {
			if !seen {
				problems = append(problems, w.id+": want decision "+string(w.d)+", but the plan has no record of it")
			} else {
				problems = append(problems, w.id+": want decision "+string(w.d)+", got "+decisionList(ds))
			}
		}
	}
	if e.impacted != nil && *e.impacted != p.HasImpactedResources {
		problems = append(problems, "hasImpactedResources: want "+strconv.FormatBool(*e.impacted)+", got "+strconv.FormatBool(p.HasImpactedResources))
	}
	if e.only {
		for i := range p.Resources {
			r := &p.Resources[i]
			if !slices.ContainsFunc(e.records, func(w recordWant) bool { return w.id == r.ResourceID }) {
				problems = append(problems, r.ResourceID+": unexpected "+describe(r)+" record")
			}
		}
		for _, u := range p.Unaffected {
			if !slices.Contains(e.unaffected, u.ResourceID) && !slices.Contains(e.deferred, u.ResourceID) {
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
	return &PlanMismatchError{Problems: problems}
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
