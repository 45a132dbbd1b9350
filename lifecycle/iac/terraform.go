package iac

import (
	"strings"

	"github.com/ibkit/ibkit/lifecycle"
)

// terraformType is the Terraform resource type of a policy.
const terraformType = "aws_imagebuilder_lifecycle_policy"

// readTerraform reads every aws_imagebuilder_lifecycle_policy of the JSON
// that "terraform show -json" writes: for a saved plan, the planned value
// of each resource change (resources the plan deletes are left out);
// for the state, the values of the root module and of every child module.
func readTerraform(root *node, kind sourceKind, opts Options) (*Source, error) {
	src := newSource(kind)
	tr := tfReader{root: root, opts: opts, src: src, kind: kind}
	if kind == srcPlan {
		rcs := root.member("resource_changes")
		if rcs != nil && rcs.kind != kindSeq {
			return nil, &Error{Format: "JSON", Path: "resource_changes", Line: rcs.line, Column: rcs.col, Err: ErrInvalid,
				Reason: "is " + rcs.kind.String() + "; expected a list of resource changes"}
		}
		if rcs != nil {
			for _, rc := range rcs.items {
				tr.change(rc)
			}
		}
		return src, nil
	}
	if values := root.member("values"); values != nil {
		tr.module(values.member("root_module"), 0)
	}
	return src, nil
}

type tfReader struct {
	root *node
	opts Options
	src  *Source
	kind sourceKind
}

func text(n *node) string {
	if n == nil || n.kind != kindString {
		return ""
	}
	return n.text
}

func isPolicyResource(r *node) bool {
	mode := text(r.member("mode"))
	return text(r.member("type")) == terraformType && (mode == "" || mode == "managed")
}

// change reads one entry of a plan's resource_changes.
func (tr *tfReader) change(rc *node) {
	if !isPolicyResource(rc) {
		return
	}
	ch := rc.member("change")
	after := ch.member("after")
	if after == nil || after.kind != kindMap {
		return // deleted by the plan, or not an object
	}
	address := text(rc.member("address"))
	merged := tr.merge(after, ch.member("after_unknown"), address, "")
	tr.describeUnknowns(merged, text(rc.member("module_address")), text(rc.member("type"))+"."+text(rc.member("name")))
	// A region known only after apply is the provider's unless the
	// configuration sets the argument: the provider fills it in.
	moduleAddr, local := text(rc.member("module_address")), text(rc.member("type"))+"."+text(rc.member("name"))
	region, why := text(merged.member("region")), ""
	switch r := merged.member("region"); {
	case r != nil && r.kind == kindUnknown && tr.configResource(moduleAddr, local).member("expressions").member("region") != nil:
		why = "its region argument is known only after apply"
	case region == "":
		region, why = tr.providerRegion(moduleAddr, local)
	}
	tr.add(address, after, merged, region, why)
}

// module reads the resources of a state module and of its child modules,
// depth first.
func (tr *tfReader) module(m *node, depth int) {
	if m == nil || depth > 100 {
		return
	}
	if rs := m.member("resources"); rs != nil && rs.kind == kindSeq {
		for _, r := range rs.items {
			if !isPolicyResource(r) {
				continue
			}
			values := r.member("values")
			if values == nil || values.kind != kindMap {
				continue
			}
			tr.add(text(r.member("address")), values, values, text(values.member("region")), "the state gives no region")
		}
	}
	if cs := m.member("child_modules"); cs != nil && cs.kind == kindSeq {
		for _, c := range cs.items {
			tr.module(c, depth+1)
		}
	}
}

// add converts one policy. region is the one its resource or provider
// gives, "" when unknown; why then says why, for the warning given when
// neither the policy ARN nor Options.Region supplies the Region.
func (tr *tfReader) add(address string, written, merged *node, region, why string) {
	p := &Policy{id: address, kind: tr.kind, format: "JSON", prefix: address, props: written}
	extra := map[string]any{}
	if arn := text(merged.member("arn")); arn != "" {
		if r, a, ok := arnScope(arn); ok {
			extra["arn"] = arn
			p.account = a
			if region == "" {
				region = r
			}
		}
	}
	if region == "" {
		region = tr.opts.Region
	}
	if p.account == "" {
		p.account = tr.opts.AccountID
	}
	p.region = region
	if region == "" {
		line, col := 0, 0
		if written != nil {
			line, col = written.line, written.col
		}
		p.addFindingAt(lifecycle.SeverityWarning, address, line, col, codeUnresolved,
			"the policy's Region is unknown ("+why+"); --region supplies it")
	}
	p.finish(merged, tr.opts, extra)
	tr.src.Policies = append(tr.src.Policies, p)
}

// merge returns the planned value with every value that after_unknown
// marks as known only after apply replaced by an unresolved node, or by
// the value the caller gives for "address.path".
func (tr *tfReader) merge(after, unk *node, address, path string) *node {
	if unk != nil && unk.kind == kindBool && unk.text == "true" {
		key := address + "." + path
		at := after
		if at == nil {
			at = &node{}
		}
		if v, ok := tr.opts.Parameters[key]; ok {
			return &node{kind: kindString, text: v, line: at.line, col: at.col}
		}
		return &node{kind: kindUnknown, expr: "(known after apply)", why: "Terraform computes it during apply",
			key: key, line: at.line, col: at.col}
	}
	if after == nil {
		if unk != nil && (unk.kind == kindMap || unk.kind == kindSeq) {
			after = &node{kind: unk.kind}
		} else {
			return nil
		}
	}
	switch after.kind {
	case kindMap:
		out := &node{kind: kindMap, line: after.line, col: after.col}
		for i, k := range after.keys {
			out.keys = append(out.keys, k)
			out.items = append(out.items, tr.merge(after.items[i], unk.member(k), address, joinPath(path, k)))
		}
		if unk != nil && unk.kind == kindMap {
			for i, k := range unk.keys {
				if after.member(k) == nil {
					if v := tr.merge(nil, unk.items[i], address, joinPath(path, k)); v != nil {
						out.keys = append(out.keys, k)
						out.items = append(out.items, v)
					}
				}
			}
		}
		return out
	case kindSeq:
		out := &node{kind: kindSeq, line: after.line, col: after.col}
		n := len(after.items)
		if unk != nil && unk.kind == kindSeq && len(unk.items) > n {
			n = len(unk.items)
		}
		for i := 0; i < n; i++ {
			var a, u *node
			if i < len(after.items) {
				a = after.items[i]
			}
			if unk != nil && unk.kind == kindSeq && i < len(unk.items) {
				u = unk.items[i]
			}
			v := tr.merge(a, u, address, indexPath(path, i))
			if v == nil {
				v = &node{kind: kindNull}
			}
			out.items = append(out.items, v)
		}
		return out
	}
	return after
}

// configResource returns the configuration of the resource "type.name"
// in the module at moduleAddr, or nil.
func (tr *tfReader) configResource(moduleAddr, local string) *node {
	mod := tr.root.member("configuration").member("root_module")
	for _, name := range moduleNames(moduleAddr) {
		mod = mod.member("module_calls").member(name).member("module")
	}
	if rs := mod.member("resources"); rs != nil && rs.kind == kindSeq {
		for _, r := range rs.items {
			if text(r.member("address")) == local {
				return r
			}
		}
	}
	return nil
}

// describeUnknowns names, for each top-level attribute known only after
// apply, the reference its configuration expression makes, such as
// aws_iam_role.lifecycle.arn.
func (tr *tfReader) describeUnknowns(merged *node, moduleAddr, local string) {
	exprs := tr.configResource(moduleAddr, local).member("expressions")
	for i, k := range merged.keys {
		v := merged.items[i]
		if v.kind != kindUnknown {
			continue
		}
		if refs := exprs.member(k).member("references"); refs != nil && refs.kind == kindSeq && len(refs.items) > 0 {
			if ref := text(refs.items[0]); ref != "" {
				v.expr = ref + " (known after apply)"
			}
		}
	}
}

// providerRegion returns the region a resource's provider configuration
// sets, as a constant or as a root module variable (var.X, whose value
// the plan's variables give); else "" and why it is unknown. moduleAddr is the resource's module address
// ("" for the root, "module.a.module.b" with any instance keys) and local
// its "type.name" within the module.
//
// The configuration names the provider by a key such as "aws",
// "aws.west" or "module.a:aws". A key that provider_config lacks (older
// Terraform versions give a module's inherited provider its own key) is
// looked up in the enclosing modules, as a module inherits its parent's
// default provider.
func (tr *tfReader) providerRegion(moduleAddr, local string) (region, why string) {
	res := tr.configResource(moduleAddr, local)
	key := text(res.member("provider_config_key"))
	if keys := res.member("provider_config_keys"); key == "" && keys != nil && keys.kind == kindSeq && len(keys.items) > 0 {
		key = text(keys.items[0])
	}
	if key == "" {
		key = "aws"
	}
	pcs := tr.root.member("configuration").member("provider_config")
	pc := pcs.member(key)
	for pc == nil {
		mod, name, ok := strings.Cut(key, ":")
		if !ok {
			break
		}
		i := strings.LastIndex(mod, ".module.")
		if i < 0 {
			key = name
		} else {
			key = mod[:i] + ":" + name
		}
		pc = pcs.member(key)
	}
	expr := pc.member("expressions").member("region")
	if expr == nil || expr.kind == kindNull {
		return "", "its provider sets no region; Terraform takes it from the environment"
	}
	if v := text(expr.member("constant_value")); v != "" {
		return v, ""
	}
	ref := ""
	if refs := expr.member("references"); refs != nil && refs.kind == kindSeq && len(refs.items) > 0 {
		ref = text(refs.items[0])
	}
	if name, ok := strings.CutPrefix(ref, "var."); ok && !strings.Contains(key, ":") {
		if v := text(tr.root.member("variables").member(name).member("value")); v != "" {
			return v, ""
		}
		return "", "its provider's region is " + ref + ", which the plan gives no value"
	}
	if ref != "" {
		return "", "its provider's region is " + ref + ", which ibkit cannot evaluate"
	}
	return "", "its provider's region is an expression ibkit cannot evaluate"
}

// moduleNames returns the module call names of a module address:
// `module.a["x"].module.b` gives a, b.
func moduleNames(addr string) []string {
	var names []string
	for addr != "" {
		rest, ok := strings.CutPrefix(addr, "module.")
		if !ok {
			return names
		}
		end := strings.IndexAny(rest, ".[")
		if end < 0 {
			end = len(rest)
		}
		names = append(names, rest[:end])
		rest = rest[end:]
		if strings.HasPrefix(rest, "[") {
			// Skip the instance key, which may hold dots inside quotes.
			if q := strings.Index(rest, "]."); q >= 0 {
				rest = rest[q+1:]
			} else {
				rest = ""
			}
		}
		addr = strings.TrimPrefix(rest, ".")
	}
	return names
}
