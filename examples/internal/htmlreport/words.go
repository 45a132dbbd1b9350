package htmlreport

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ibkit/ibkit/lifecycle"
)

// clean makes a string from the input safe to show as text: invalid UTF-8
// becomes U+FFFD, and control and bidirectional-formatting characters
// become visible escapes such as \x1b, so that a hostile name can neither
// break the page nor reorder what is shown around it. html/template does
// the HTML escaping.
func clean(s string) string {
	ok := utf8.ValidString(s)
	for _, r := range s {
		if !ok || unsafeRune(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '\n' || r == '\t':
			b.WriteByte(' ')
		case unsafeRune(r) && r < 0x100:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}

// truncate shortens s to at most n runes, ending it with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// plural returns "1 image" or "3 images".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// joinWords joins items as "a", "a and b" or "a, b and c".
func joinWords(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// pastTense returns "deprecated", "disabled" or "deleted".
func pastTense(a lifecycle.ActionType) string {
	switch a {
	case lifecycle.ActionDeprecate:
		return "deprecated"
	case lifecycle.ActionDisable:
		return "disabled"
	case lifecycle.ActionDelete:
		return "deleted"
	}
	return strings.ToLower(clean(string(a)))
}

// unitWords returns "30 days" or "1 month" for a value and a unit.
func unitWords(n int, u lifecycle.TimeUnit) string {
	word := strings.ToLower(strings.TrimSuffix(string(u), "S"))
	if word == "" {
		word = "unit"
	}
	return plural(n, clean(word), clean(word)+"s")
}

// tagWords returns "k=v" pairs in key order joined with "or".
func tagWords(t lifecycle.Tags) string {
	var pairs []string
	for _, k := range t.Keys() {
		pairs = append(pairs, clean(k)+"="+clean(t[k]))
	}
	return joinWords(pairs, "or")
}

// ruleWords describes a rule: which images qualify, what else the action
// reaches and what its exclusions protect.
func ruleWords(d lifecycle.PolicyDetail, container bool) string {
	var b strings.Builder
	f := d.Filter
	verb := pastTense(d.Action.Type)
	switch f.Type {
	case lifecycle.FilterAge:
		fmt.Fprintf(&b, "Images older than %s are %s", unitWords(f.Value, f.Unit), verb)
		switch n := f.Retain(); {
		case n > 0 && d.Action.Type == lifecycle.ActionDelete:
			fmt.Fprintf(&b, ", except the newest %s of each recipe version, whatever their age", plural(n, "image", "images"))
		case n > 0:
			fmt.Fprintf(&b, " (retainAtLeast %d is set, but ibkit applies it to DELETE rules only: L-9)", n)
		}
	case lifecycle.FilterCount:
		if f.Value == 1 {
			fmt.Fprintf(&b, "The newest image of each recipe version is kept; older ones are %s", verb)
		} else {
			fmt.Fprintf(&b, "The newest %d images of each recipe version are kept; older ones are %s", f.Value, verb)
		}
	default:
		fmt.Fprintf(&b, "Images are %s under filter %q", verb, clean(string(f.Type)))
	}
	b.WriteString(". ")
	with := Included(d.Action.Includes(), "container images")
	switch {
	case len(with) > 0:
		fmt.Fprintf(&b, "The action also reaches their %s.", joinWords(with, "and"))
	case container:
		b.WriteString("The action changes the image record only, not its container images.")
	default:
		b.WriteString("The action changes the image record only, not its AMIs.")
	}
	if ex := d.ExclusionRules; ex != nil {
		if len(ex.TagMap) > 0 {
			fmt.Fprintf(&b, " Images tagged %s are left alone.", tagWords(ex.TagMap))
		}
		if a := ex.AMIs; a != nil {
			var why []string
			if len(a.Regions) > 0 {
				why = append(why, "in "+joinWords(cleanAll(a.Regions), "or"))
			}
			if a.IsPublic {
				why = append(why, "public")
			}
			if len(a.TagMap) > 0 {
				why = append(why, "tagged "+tagWords(a.TagMap))
			}
			if len(a.SharedAccounts) > 0 {
				why = append(why, "shared with "+joinWords(cleanAll(a.SharedAccounts), "or"))
			}
			if l := a.LastLaunched; l != nil {
				why = append(why, "launched in the last "+unitWords(l.Value, l.Unit))
			}
			if len(why) > 0 {
				fmt.Fprintf(&b, " AMIs %s are left alone.", joinWords(why, "or"))
			}
		}
	}
	return b.String()
}

func cleanAll(s []string) []string {
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = clean(x)
	}
	return out
}

// scopeWords describes the policy's resource selection.
func scopeWords(p *lifecycle.Policy) string {
	kind := "AMI images"
	if p.ResourceType == lifecycle.ResourceTypeContainer {
		kind = "container images"
	}
	sel := p.ResourceSelection
	if len(sel.Recipes) > 0 {
		var rs []string
		for _, r := range sel.Recipes {
			rs = append(rs, clean(r.Name)+" "+clean(r.SemanticVersion))
		}
		return kind + " built from the recipes " + joinWords(rs, "and")
	}
	if len(sel.TagMap) > 0 {
		return kind + " tagged " + tagWords(sel.TagMap)
	}
	return kind + " (the policy selects none)"
}

// decisionWords says in a few words what ibkit assumes for a decision;
// "" for an ID it does not know.
func decisionWords(d lifecycle.Decision) string {
	switch d {
	case "L-1":
		return "how long a month and a year are"
	case "L-2":
		return "an image exactly at the age threshold"
	case "L-3":
		return "which images fill the retainAtLeast slots of an AGE rule"
	case "L-4":
		return "failed and cancelled builds under an AGE rule"
	case "L-5":
		return "failed builds in a group with few good images"
	case "L-6":
		return "whether exclusion tags protect failed builds"
	case "L-7":
		return "retention slots are counted before tag exclusions"
	case "L-8":
		return "a later rule may act on an image an exclusion tag skipped"
	case "L-9":
		return "retainAtLeast on a deprecate or disable rule"
	case "L-10":
		return "a COUNT filter on a deprecate or disable rule"
	case "L-11":
		return "deprecated and disabled images hold retention slots"
	case "L-12":
		return "snapshots included without their AMIs"
	case "L-13":
		return "AMI exclusions apply to every action"
	case "L-14":
		return "mixed wildcards in a recipe version"
	case "L-15":
		return "an image is evaluated once per policy"
	case "L-16":
		return "which timestamp counts as creation, and ties"
	case "L-17":
		return "never-launched AMIs and the edge of the launch window"
	case "L-18":
		return "tags match exactly, case-sensitive, any pair"
	case "L-19":
		return "a DISABLED policy runs no execution"
	case "L-20":
		return "image types, deleted images and builds in progress"
	case "L-21":
		return "how a recipe entry matches an image's name"
	case "L-22":
		return "deprecate, then disable, then delete; one action a run"
	case "L-23":
		return "the order AMI exclusions are checked in"
	case "L-24":
		return "the names of execution records"
	case "L-25":
		return "a forecast replays one run a day, applying each run's changes"
	case "L-26":
		return "a policy acts only in its own Region and account"
	case "L-27":
		return "recipe entries also select imported images"
	case "L-28":
		return "sharedAccounts and AMIs owned by a listed account"
	case "L-29":
		return "AMIs whose exclusion facts the inventory lacks are acted on"
	case "L-30":
		return "an AMI exclusion protects only its AMI, not the image"
	case "L-P1":
		return "rules the AWS tools enforce are errors"
	case "L-P2":
		return "retainAtLeast or unit on a COUNT filter"
	case "L-P3":
		return "snapshots of a skipped AMI stay"
	case "L-P4":
		return "kept and too-young images are not reported as skipped"
	case "L-P5":
		return "failures from missing permissions are not predicted"
	case "L-P6":
		return "the time of day the service runs the policy"
	case "L-P7":
		return "the deprecation time written to AMIs"
	case "L-P8":
		return "manual state updates"
	}
	return ""
}

// decisionList joins decision IDs with commas.
func decisionList(ds []lifecycle.Decision) string {
	ids := make([]string, len(ds))
	for i, d := range ds {
		ids[i] = clean(string(d))
	}
	return strings.Join(ids, ", ")
}

// Included names the resources an action includes besides the image, in
// the order AMIs, snapshots, containers; containers is the word for the
// last ("containers" in a table, "container images" in prose).
func Included(inc lifecycle.IncludeResources, containers string) []string {
	var with []string
	if inc.AMIs {
		with = append(with, "AMIs")
	}
	if inc.Snapshots {
		with = append(with, "snapshots")
	}
	if inc.Containers {
		with = append(with, containers)
	}
	return with
}
