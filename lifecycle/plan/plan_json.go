package plan

import (
	"encoding/json"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
)

// MarshalJSON encodes the plan as the ibkit command prints it:
//
//	{"policy": name, "now": RFC 3339 instant, "evaluated": bool,
//	 "note": text (when any), "scope": {"region", "accountId", "source"},
//	 "hasImpactedResources": bool, "summary": {...}, "resources": [...],
//	 "unaffected": [...], "groups": [...], "warnings": [...],
//	 "notEvaluated": [...], "decisions": [...]}
//
// Records use the member names of ListLifecycleExecutionResources
// (resourceId, parentResourceId, action {name, reason}, state {status,
// reason}, region, accountId, snapshots [{snapshotId, state}], imageUris),
// plus ibkit's rule (the policyDetails index) and decisions. Lists are
// never null. The encoding of equal plans is byte-identical.
func (p *Plan) MarshalJSON() ([]byte, error) {
	type wire struct {
		Policy               string               `json:"policy"`
		Now                  string               `json:"now"`
		Evaluated            bool                 `json:"evaluated"`
		Note                 string               `json:"note,omitempty"`
		Scope                Scope                `json:"scope"`
		HasImpactedResources bool                 `json:"hasImpactedResources"`
		Summary              Summary              `json:"summary"`
		Resources            []ExecutionResource  `json:"resources"`
		Unaffected           []UnaffectedImage    `json:"unaffected"`
		Groups               []Group              `json:"groups"`
		Warnings             lifecycle.Findings   `json:"warnings"`
		NotEvaluated         lifecycle.Findings   `json:"notEvaluated"`
		Decisions            []lifecycle.Decision `json:"decisions"`
	}
	return json.Marshal(wire{
		Policy:               p.Policy,
		Now:                  p.Now.UTC().Format(time.RFC3339Nano),
		Evaluated:            p.Evaluated,
		Note:                 p.Note,
		Scope:                p.Scope,
		HasImpactedResources: p.HasImpactedResources,
		Summary:              p.Summary,
		Resources:            nonNil(p.Resources),
		Unaffected:           nonNil(p.Unaffected),
		Groups:               nonNil(p.Groups),
		Warnings:             nonNil(p.Warnings),
		NotEvaluated:         nonNil(p.NotEvaluated),
		Decisions:            nonNil(p.Decisions),
	})
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows []
// rather than null.
func nonNil[S ~[]E, E any](s S) S {
	if s == nil {
		return S{}
	}
	return s
}
