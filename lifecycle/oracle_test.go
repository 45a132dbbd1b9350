package lifecycle

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The service model's patterns, used as slow reference implementations of
// the hand-written checks.
var (
	resourceNameRE = regexp.MustCompile(`^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$`)
	tagKeyRE       = regexp.MustCompile(`^[a-zA-Z0-9\s_.:/=+\-@]*$`) // plus: 1–128 characters, no "aws:" prefix
	wildcardRE     = regexp.MustCompile(`^(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$`)
)

func nameAccepted(s string) bool {
	v := &validator{}
	v.resourceName("name", s)
	return len(v.findings) == 0
}

func tagKeyAccepted(k string) bool {
	v := &validator{}
	v.tags("tags", Tags{k: "v"})
	return len(v.findings) == 0
}

func tagKeyReference(k string) bool {
	n := utf8.RuneCountInString(k)
	return n >= 1 && n <= 128 && !strings.HasPrefix(k, "aws:") && tagKeyRE.MatchString(k)
}

// versionAccepted reports whether the semanticVersion check passes s
// without an error finding.
func versionAccepted(s string) bool {
	v := &validator{}
	v.semanticVersion("v", s)
	return !v.findings.HasErrors()
}

// versionReference is the model pattern plus the two documented prose
// rules: no number right of an x, nodes at most 1073741823.
func versionReference(s string) bool {
	if !wildcardRE.MatchString(s) {
		return false
	}
	seenX := false
	for _, node := range strings.Split(s, ".") {
		if node == "x" {
			seenX = true
			continue
		}
		if seenX {
			return false
		}
		if n, err := strconv.ParseUint(node, 10, 64); err != nil || n > 1073741823 {
			return false
		}
	}
	return true
}

func TestChecksAgreeWithModelPatterns(t *testing.T) {
	names := []string{"", "ab", "abc", " ab", "ab ", "a b", "a-b_c", "a.b", "abc\n", strings.Repeat("a", 128), strings.Repeat("a", 129), "ünï", "A Z-9"}
	for _, s := range names {
		if got, want := nameAccepted(s), resourceNameRE.MatchString(s); got != want {
			t.Errorf("name %q: accepted %v, pattern says %v", s, got, want)
		}
	}
	keys := []string{"", "a", "aws:x", "AWS:x", "aws", "a b", "a\tb", "a\vb", "a#b", "ключ", "k=v+@/:._-", strings.Repeat("k", 128), strings.Repeat("k", 129)}
	for _, k := range keys {
		if got, want := tagKeyAccepted(k), tagKeyReference(k); got != want {
			t.Errorf("tag key %q: accepted %v, reference says %v", k, got, want)
		}
	}
	versions := []string{"", "1.0.0", "x.x.x", "1.x.x", "1.2.x", "x.1.x", "1.x.0", "01.0.0", "1.0", "1.0.0.0", "1.0.0 ", "X.x.x", "1073741823.0.0", "1073741824.0.0", "99999999999999999999.0.0", "-1.0.0"}
	for _, s := range versions {
		if got, want := versionAccepted(s), versionReference(s); got != want {
			t.Errorf("version %q: accepted %v, reference says %v", s, got, want)
		}
	}
}

func FuzzResourceName(f *testing.F) {
	for _, s := range []string{"abc", "a b", " ab", "a.b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nameAccepted(s), resourceNameRE.MatchString(s); got != want {
			t.Fatalf("name %q: accepted %v, pattern says %v", s, got, want)
		}
	})
}

func FuzzTagKey(f *testing.F) {
	for _, s := range []string{"a", "aws:x", "a\tb", "a#b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, k string) {
		if !utf8.ValidString(k) {
			return // Tags come from JSON, which holds valid UTF-8 only.
		}
		if got, want := tagKeyAccepted(k), tagKeyReference(k); got != want {
			t.Fatalf("tag key %q: accepted %v, reference says %v", k, got, want)
		}
	})
}

func FuzzSemanticVersion(f *testing.F) {
	for _, s := range []string{"1.0.0", "x.1.x", "01.x.x", "1073741824.0.0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := versionAccepted(s), versionReference(s); got != want {
			t.Fatalf("version %q: accepted %v, reference says %v", s, got, want)
		}
	})
}
