package plan

import (
	"io"
	"time"

	"github.com/ibkit/ibkit/internal/jsonwrite"
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
// plus ibkit's rule (the policyDetails index) and decisions; members and
// their omission follow the records' json tags. Lists of the plan are
// never null. The encoding of equal plans is byte-identical.
func (p *Plan) MarshalJSON() ([]byte, error) {
	w := jsonwrite.New(nil, "")
	p.encode(w)
	return w.Bytes(), nil
}

// WriteJSON writes the JSON encoding of the plan to w as an
// encoding/json Encoder does with SetEscapeHTML(false) and
// SetIndent("", indent), newline included, in one pass and without
// holding the whole text: the fast way to print the plan of a large
// account. indent "" writes the compact MarshalJSON text.
func (p *Plan) WriteJSON(w io.Writer, indent string) error {
	jw := jsonwrite.New(w, indent)
	p.encode(jw)
	return jw.Flush()
}

// encode writes the plan; the order of members is the one MarshalJSON
// documents.
func (p *Plan) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	w.Member("policy", p.Policy)
	w.Member("now", p.Now.UTC().Format(time.RFC3339Nano))
	w.Name("evaluated")
	w.Bool(p.Evaluated)
	if p.Note != "" {
		w.Member("note", p.Note)
	}
	w.Name("scope")
	p.Scope.encode(w)
	w.Name("hasImpactedResources")
	w.Bool(p.HasImpactedResources)
	w.Name("summary")
	p.Summary.encode(w)
	encodeList(w, "resources", p.Resources, (*ExecutionResource).encode)
	encodeList(w, "unaffected", p.Unaffected, (*UnaffectedImage).encode)
	encodeList(w, "groups", p.Groups, (*Group).encode)
	w.Name("warnings")
	encodeFindings(w, p.Warnings)
	w.Name("notEvaluated")
	encodeFindings(w, p.NotEvaluated)
	w.Name("decisions")
	encodeDecisions(w, p.Decisions)
	w.ObjectEnd()
}

// encodeList writes the member name with the list of records, [] when
// there are none.
func encodeList[T any](w *jsonwrite.Writer, name string, list []T, encode func(*T, *jsonwrite.Writer)) {
	w.Name(name)
	w.ArrayStart()
	for i := range list {
		encode(&list[i], w)
	}
	w.ArrayEnd()
}

// The encoders below write what encoding/json writes for each type's json
// tags; TestWriteJSONAgrees checks them against it.

func (s *Scope) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	optionalString(w, "region", s.Region)
	optionalString(w, "accountId", s.AccountID)
	optionalString(w, "source", s.Source)
	w.ObjectEnd()
}

func (s *Summary) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	for _, m := range [...]struct {
		name string
		n    int
	}{{"inScope", s.InScope}, {"outOfScope", s.OutOfScope}, {"deferred", s.Deferred},
		{"unaffected", s.Unaffected}, {"notEvaluated", s.NotEvaluated}} {
		w.IntMember(m.name, m.n)
	}
	for _, c := range [...]struct {
		name string
		c    *Counts
	}{{"images", &s.Images}, {"amis", &s.AMIs}, {"snapshots", &s.Snapshots}, {"containers", &s.Containers}} {
		w.Name(c.name)
		w.ObjectStart()
		for _, m := range [...]struct {
			name string
			n    int
		}{{"DEPRECATE", c.c.Deprecate}, {"DISABLE", c.c.Disable}, {"DELETE", c.c.Delete},
			{"SKIPPED", c.c.Skipped}, {"FAILED", c.c.Failed}} {
			w.IntMember(m.name, m.n)
		}
		w.ObjectEnd()
	}
	w.ObjectEnd()
}

func (r *ExecutionResource) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	w.Member("resourceId", r.ResourceID)
	optionalString(w, "parentResourceId", r.ParentResourceID)
	if r.Action != nil {
		w.Name("action")
		w.ObjectStart()
		w.Member("name", string(r.Action.Name))
		optionalString(w, "reason", r.Action.Reason)
		w.ObjectEnd()
	}
	w.Name("state")
	r.State.encode(w)
	optionalString(w, "region", r.Region)
	optionalString(w, "accountId", r.AccountID)
	if len(r.Snapshots) > 0 {
		w.Name("snapshots")
		w.ArrayStart()
		for _, s := range r.Snapshots {
			w.ObjectStart()
			w.Member("snapshotId", s.SnapshotID)
			w.Name("state")
			s.State.encode(w)
			w.ObjectEnd()
		}
		w.ArrayEnd()
	}
	if len(r.ImageURIs) > 0 {
		w.Name("imageUris")
		w.Strings(r.ImageURIs)
	}
	w.IntMember("rule", r.Rule)
	optionalDecisions(w, r.Decisions)
	w.ObjectEnd()
}

func (s *ExecutionState) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	w.Member("status", string(s.Status))
	optionalString(w, "reason", s.Reason)
	w.ObjectEnd()
}

func (u *UnaffectedImage) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	w.Member("resourceId", u.ResourceID)
	w.Member("reason", u.Reason)
	w.Member("status", string(u.Status))
	if u.Deferred {
		w.Name("deferred")
		w.Bool(true)
	}
	if u.OutOfScope {
		w.Name("outOfScope")
		w.Bool(true)
	}
	if len(u.Rules) > 0 {
		w.Name("rules")
		w.ArrayStart()
		for i := range u.Rules {
			v := &u.Rules[i]
			w.ObjectStart()
			w.IntMember("rule", v.Rule)
			w.Member("action", string(v.Action))
			w.Member("outcome", string(v.Outcome))
			if v.Slot != 0 {
				w.IntMember("slot", v.Slot)
			}
			if v.Slots != 0 {
				w.IntMember("slots", v.Slots)
			}
			w.Member("reason", v.Reason)
			w.ObjectEnd()
		}
		w.ArrayEnd()
	}
	optionalDecisions(w, u.Decisions)
	w.ObjectEnd()
}

func (g *Group) encode(w *jsonwrite.Writer) {
	w.ObjectStart()
	w.Member("recipe", g.Recipe)
	w.Member("version", g.Version)
	w.Member("region", g.Region)
	w.Member("accountId", g.AccountID)
	w.Name("images")
	w.Strings(g.Images)
	w.ObjectEnd()
}

// encodeFindings writes findings as a list, [] when there are none.
func encodeFindings(w *jsonwrite.Writer, findings lifecycle.Findings) {
	w.ArrayStart()
	for i := range findings {
		f := &findings[i]
		w.ObjectStart()
		w.Member("severity", string(f.Severity))
		optionalString(w, "file", f.File)
		w.Member("path", f.Path)
		w.Member("code", f.Code)
		optionalString(w, "rule", f.Rule)
		optionalDecisions(w, f.Decisions)
		w.Member("message", f.Message)
		w.ObjectEnd()
	}
	w.ArrayEnd()
}

// optionalString writes a member whose json tag says omitempty.
func optionalString(w *jsonwrite.Writer, name, s string) {
	if s != "" {
		w.Member(name, s)
	}
}

// optionalDecisions writes a "decisions" member tagged omitempty.
func optionalDecisions(w *jsonwrite.Writer, ds []lifecycle.Decision) {
	if len(ds) > 0 {
		w.Name("decisions")
		encodeDecisions(w, ds)
	}
}

// encodeDecisions writes a list of decision IDs, [] when there are none.
func encodeDecisions(w *jsonwrite.Writer, ds []lifecycle.Decision) {
	w.ArrayStart()
	for _, d := range ds {
		w.String(string(d))
	}
	w.ArrayEnd()
}
