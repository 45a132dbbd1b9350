package plan_test

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// referencePlanJSON is the encoding of a plan by encoding/json from the
// records' json tags, which Plan's hand-written encoder must reproduce:
// an Encoder with SetEscapeHTML(false) and SetIndent("", indent).
func referencePlanJSON(t testing.TB, p *plan.Plan, indent string) string {
	type wire struct {
		Policy               string                   `json:"policy"`
		Now                  string                   `json:"now"`
		Evaluated            bool                     `json:"evaluated"`
		Note                 string                   `json:"note,omitempty"`
		Scope                plan.Scope               `json:"scope"`
		HasImpactedResources bool                     `json:"hasImpactedResources"`
		Summary              plan.Summary             `json:"summary"`
		Resources            []plan.ExecutionResource `json:"resources"`
		Unaffected           []plan.UnaffectedImage   `json:"unaffected"`
		Groups               []plan.Group             `json:"groups"`
		Warnings             lifecycle.Findings       `json:"warnings"`
		NotEvaluated         lifecycle.Findings       `json:"notEvaluated"`
		Decisions            []lifecycle.Decision     `json:"decisions"`
	}
	v := wire{p.Policy, p.Now.UTC().Format(time.RFC3339Nano), p.Evaluated, p.Note, p.Scope, p.HasImpactedResources,
		p.Summary, p.Resources, p.Unaffected, p.Groups, p.Warnings, p.NotEvaluated, p.Decisions}
	if v.Resources == nil {
		v.Resources = []plan.ExecutionResource{}
	}
	if v.Unaffected == nil {
		v.Unaffected = []plan.UnaffectedImage{}
	}
	if v.Groups == nil {
		v.Groups = []plan.Group{}
	}
	if v.Warnings == nil {
		v.Warnings = lifecycle.Findings{}
	}
	if v.NotEvaluated == nil {
		v.NotEvaluated = lifecycle.Findings{}
	}
	if v.Decisions == nil {
		v.Decisions = []lifecycle.Decision{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	require.NoError(t, enc.Encode(v))
	return b.String()
}

// checkPlanJSON checks WriteJSON, compact and indented, and MarshalJSON
// against the reference encoding.
func checkPlanJSON(t *testing.T, pl *plan.Plan) {
	t.Helper()
	for _, indent := range []string{"", "  "} {
		var b bytes.Buffer
		require.NoError(t, pl.WriteJSON(&b, indent))
		require.Equal(t, referencePlanJSON(t, pl, indent), b.String(), "WriteJSON, indent %q", indent)
	}
	got, err := pl.MarshalJSON()
	require.NoError(t, err)
	want := referencePlanJSON(t, pl, "")
	require.Equal(t, want[:len(want)-1], string(got), "MarshalJSON")
}

// TestWriteJSONAgrees checks the plan encoder on a plan that uses every
// member and every escape, on the empty plan, and on random plans.
func TestWriteJSONAgrees(t *testing.T) {
	full := &plan.Plan{
		Report: plan.Report{Policy: "p <&> \"q\"\u2028", Evaluated: true, Note: "a\tnote\x01",
			Scope: plan.Scope{Region: "us-east-1", AccountID: "111122223333", Source: "options"},
			Warnings: lifecycle.Findings{{Severity: lifecycle.SeverityWarning, File: "f.json", Path: "images[0]", Code: "c",
				Rule: "policyDetails[0]", Decisions: []lifecycle.Decision{"L-21", "L-26"}, Message: "m\xff"}},
			NotEvaluated: lifecycle.Findings{{Severity: lifecycle.SeverityError, Path: "", Code: "x", Message: "é"}},
			Decisions:    []lifecycle.Decision{"L-1"}},
		Now:                  time.Date(2025, 3, 1, 12, 0, 0, 500, time.FixedZone("x", 3600)),
		HasImpactedResources: true,
		Summary:              plan.Summary{InScope: 3, Unaffected: 1, Images: plan.Counts{Delete: 1, Failed: 2}, Snapshots: plan.Counts{Skipped: 4}},
		Resources: []plan.ExecutionResource{
			{ResourceID: "arn:1", Action: &plan.ExecutionAction{Name: lifecycle.ActionDelete, Reason: "old"},
				State: plan.ExecutionState{Status: plan.ExecutionSuccess}, Region: "us-east-1", AccountID: "111122223333",
				Rule: 2, Decisions: []lifecycle.Decision{"L-5"}},
			{ResourceID: "ami-1", ParentResourceID: "arn:1", Action: &plan.ExecutionAction{Name: lifecycle.ActionDelete},
				State:     plan.ExecutionState{Status: plan.ExecutionSkipped, Reason: "launched"},
				Snapshots: []plan.ExecutionSnapshot{{SnapshotID: "snap-1", State: plan.ExecutionState{Status: plan.ExecutionSuccess}}}},
			{ResourceID: "uri", ImageURIs: []string{"uri", "uri2"}, Snapshots: []plan.ExecutionSnapshot{}},
		},
		Unaffected: []plan.UnaffectedImage{
			{ResourceID: "arn:2", Reason: "kept", Status: lifecycle.StatusAvailable, Deferred: true, OutOfScope: true,
				Rules: []plan.RuleVerdict{{Rule: 0, Action: lifecycle.ActionDelete, Outcome: plan.OutcomeKept, Slot: 1, Slots: 5, Reason: "r"},
					{Rule: 1, Outcome: plan.OutcomeTooYoung, Margin: time.Hour}},
				Decisions: []lifecycle.Decision{}},
			{ResourceID: "arn:3", Rules: []plan.RuleVerdict{}},
		},
		Groups: []plan.Group{{Recipe: "r", Version: "1.0.0", Region: "us-east-1", AccountID: "1", Images: []string{"arn:2"}},
			{Recipe: "empty"}},
	}
	checkPlanJSON(t, full)
	checkPlanJSON(t, &plan.Plan{})
	for seed := uint64(0); seed < propertyRuns/4; seed++ {
		g := newPlanGen(seed)
		p, idx, o := g.policy(), g.inventory(), g.options()
		pl, err := plan.DryRun(&p, idx, planNow, o)
		require.NoError(t, err)
		checkPlanJSON(t, pl)
	}
}

// TestMarshalJSONEscapesHTML checks that json.Marshal, which escapes
// HTML in what MarshalJSON returns, gives what it gave for the tags.
func TestMarshalJSONEscapesHTML(t *testing.T) {
	pl := &plan.Plan{Report: plan.Report{Policy: "<a&b>"}}
	got, err := json.Marshal(pl)
	require.NoError(t, err)
	assert.Contains(t, string(got), `"policy":"\u003ca\u0026b\u003e"`)
}
