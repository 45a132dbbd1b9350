package names

import (
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
)

func TestNameMatchesARNAgreesWithARNName(t *testing.T) {
	for _, name := range []string{"Web Server", "web-server", "My_Recipe 2", "ABC", "abc", "a b c", "x y"} {
		// arn.Name is the reference; NameMatchesARN must accept exactly
		// its result and reject a changed one.
		ref := refARNName(t, name)
		if got := ARNName(name); got != ref {
			t.Errorf("ARNName(%q) = %q, arn.Name gives %q", name, got, ref)
		}
		if !NameMatchesARN(name, ref) {
			t.Errorf("NameMatchesARN(%q, %q) = false", name, ref)
		}
		if NameMatchesARN(name, ref+"x") || NameMatchesARN(name, strings.ToUpper(ref)) && ref != strings.ToUpper(ref) {
			t.Errorf("NameMatchesARN(%q) accepts a different ARN name", name)
		}
	}
}

func refARNName(t *testing.T, name string) string {
	t.Helper()
	n, err := arn.Name(name)
	if err != nil {
		t.Fatalf("arn.Name(%q): %v", name, err)
	}
	return n
}
