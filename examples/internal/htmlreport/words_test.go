package htmlreport

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ibkit/ibkit/lifecycle"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "web-server 1.0.0", "web-server 1.0.0"},
		{"markup is left to html/template", `<b x="1">&`, `<b x="1">&`},
		{"escape sequence", "\x1b[31mred", `\x1b[31mred`},
		{"NUL and DEL", "a\x00b\x7f", `a\x00b\x7f`},
		{"newline and tab become spaces", "a\nb\tc", "a b c"},
		{"C1 control", "a\u0085b", `a\x85b`},
		{"bidi override", "abc\u202edef", `abc\u202edef`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"invalid UTF-8", "a\xffb", "a\uFFFDb"},
		{"non-ASCII letters stay", "größe ☃", "größe ☃"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := clean(tt.in); got != tt.want {
				t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"", "web", "\x1b[0m", "a\u202eb", "\xff\xfe", "<script>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := clean(s)
		if !utf8.ValidString(got) {
			t.Fatalf("clean(%q) = %q is not valid UTF-8", s, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
				t.Fatalf("clean(%q) = %q keeps %U", s, got, r)
			}
		}
		if clean(got) != got {
			t.Fatalf("clean is not idempotent on %q", s)
		}
	})
}

func TestRuleWords(t *testing.T) {
	retain := 2
	tests := []struct {
		name      string
		d         lifecycle.PolicyDetail
		container bool
		want      string
	}{
		{"age delete with slots and exclusions", lifecycle.PolicyDetail{
			Action: lifecycle.Action{Type: lifecycle.ActionDelete, IncludeResources: &lifecycle.IncludeResources{AMIs: true, Snapshots: true}},
			Filter: lifecycle.Filter{Type: lifecycle.FilterAge, Value: 6, Unit: lifecycle.Months, RetainAtLeast: &retain},
			ExclusionRules: &lifecycle.ExclusionRules{TagMap: lifecycle.Tags{"keep": "yes"},
				AMIs: &lifecycle.AMIExclusionRules{IsPublic: true, Regions: []string{"eu-west-1"}}},
		}, false, "Images older than 6 months are deleted, except the newest 2 images of each recipe version, whatever their age. " +
			"The action also reaches their AMIs and snapshots. Images tagged keep=yes are left alone. AMIs in eu-west-1 or public are left alone."},
		{"count on deprecate", lifecycle.PolicyDetail{
			Action: lifecycle.Action{Type: lifecycle.ActionDeprecate},
			Filter: lifecycle.Filter{Type: lifecycle.FilterCount, Value: 1},
		}, false, "The newest image of each recipe version is kept; older ones are deprecated. The action changes the image record only, not its AMIs."},
		{"retainAtLeast on disable", lifecycle.PolicyDetail{
			Action: lifecycle.Action{Type: lifecycle.ActionDisable},
			Filter: lifecycle.Filter{Type: lifecycle.FilterAge, Value: 1, Unit: lifecycle.Weeks, RetainAtLeast: &retain},
		}, false, "Images older than 1 week are disabled (retainAtLeast 2 is set, but ibkit applies it to DELETE rules only: L-9). " +
			"The action changes the image record only, not its AMIs."},
		{"container count", lifecycle.PolicyDetail{
			Action: lifecycle.Action{Type: lifecycle.ActionDelete},
			Filter: lifecycle.Filter{Type: lifecycle.FilterCount, Value: 5},
		}, true, "The newest 5 images of each recipe version are kept; older ones are deleted. The action changes the image record only, not its container images."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ruleWords(tt.d, tt.container); got != tt.want {
				t.Errorf("ruleWords =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestDecisionWordsCoverEveryDecision(t *testing.T) {
	for _, d := range []lifecycle.Decision{"L-1", "L-25", "L-P8"} {
		if decisionWords(d) == "" {
			t.Errorf("no words for %s", d)
		}
	}
	if decisionWords("L-999") != "" {
		t.Error("words for an unknown decision")
	}
	if got := strings.Join([]string{decisionList([]lifecycle.Decision{"L-3", "L-P6"})}, ""); got != "L-3, L-P6" {
		t.Errorf("decisionList = %q", got)
	}
}
