package main

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestToUTF8(t *testing.T) {
	le := func(s string) []byte { return []byte(utf16LE(s)) }
	tests := []struct {
		name string
		in   []byte
		want string
		err  error
	}{
		{"plain", []byte(`{"a":1}`), `{"a":1}`, nil},
		{"UTF-8 byte order mark", []byte("\xef\xbb\xbf{}"), "{}", nil},
		{"UTF-16LE with mark", le("{\"é\":1}\n"), "{\"é\":1}\r\n", nil},
		{"UTF-16BE with mark", []byte{0xfe, 0xff, 0, '{', 0, '}'}, "{}", nil},
		{"UTF-16LE without mark", []byte{'{', 0, '}', 0}, "{}", nil},
		{"UTF-16BE without mark", []byte{0, '1', 0, '.'}, "1.", nil},
		{"UTF-16 surrogate pair", []byte{0xff, 0xfe, 0x3d, 0xd8, 0x00, 0xde}, "\U0001F600", nil},
		{"UTF-16 odd length", []byte{0xff, 0xfe, 'a', 0, 'b'}, "a\uFFFD", nil},
		{"UTF-32LE refused", []byte{0xff, 0xfe, 0, 0, '{', 0, 0, 0}, "", errUTF32},
		{"empty", nil, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := toUTF8(tt.in)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			if string(got) != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	ops := []string{"ListComponents", "ListImages", "ListImageRecipes", "ListWorkflows"}
	tests := []struct{ in, want string }{
		{"list-images", "ListImages"},
		{"LISTIMAGES", "ListImages"},
		{"list_image_recipes", "ListImageRecipes"},
		{"ListImage", "ListImages"},
		{"ListWorkflow", "ListWorkflows"},
		{"GetImage", ""},
		{"x", ""},
		{strings.Repeat("a", 1000), ""},
	}
	for _, tt := range tests {
		if got := closest(tt.in, ops); got != tt.want {
			t.Errorf("closest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSniffKind(t *testing.T) {
	tests := []struct {
		name, in, takes string
	}{
		{"describe-images", `{"Images": []}`, "--inventory"},
		{"describe-image-attribute", `{"ImageId": "ami-1", "LaunchPermissions": []}`, "--inventory"},
		{"policy", `{"name": "p", "policyDetails": []}`, "--policy"},
		{"get-lifecycle-policy", `{"lifecyclePolicy": {}}`, "--policy"},
		{"list-images", `{"requestId": "r", "imageVersionList": []}`, "--input"},
		{"list-component-build-versions", `{"componentSummaryList": []}`, "--input"},
		{"truncated policy", `{"name": "p", "policyDetails": [`, "--policy"},
		{"unknown object", `{"x": 1}`, ""},
		{"array", `[1]`, ""},
		{"not JSON", `1.0.0`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, _ := sniffKind([]byte(tt.in))
			if k.takes != tt.takes {
				t.Errorf("takes %q, want %q (%+v)", k.takes, tt.takes, k)
			}
		})
	}
}

func TestChoice(t *testing.T) {
	c := &choice{value: outputText, allowed: []string{outputText, outputJSON}, synonyms: map[string]string{"table": outputText}}
	if err := c.Set("table"); err != nil || c.value != outputText || !c.set {
		t.Errorf("table: %v, value %q", err, c.value)
	}
	if err := c.Set("json"); err != nil || !c.json() {
		t.Errorf("json: %v, value %q", err, c.value)
	}
	err := c.Set("yaml")
	if err == nil || err.Error() != "want text or json" {
		t.Errorf("yaml: %v", err)
	}
}

// TestTextOutputIsEscaped runs every command that prints text on hostile
// input and checks that no control character other than the line feed
// ending a line, and no invalid UTF-8, reaches either stream.
func TestTextOutputIsEscaped(t *testing.T) {
	hostile := "arn:aws:imagebuilder:us-east-1:111122223333:image/web\x1b]0;x\a-server/1.0.0/1\r\xff\u009b\n"
	runs := []struct {
		stdin string
		args  []string
	}{
		{"", []string{"lifecycle", "plan", "--policy", in + "hostile-policy.json", "--inventory", in + "hostile-inventory.json", "--now", "2026-11-01T00:00:00Z"}},
		{"", []string{"lifecycle", "forecast", "--policy", in + "hostile-policy.json", "--inventory", in + "hostile-inventory.json", "--now", "2026-11-01T00:00:00Z"}},
		{"", []string{"lifecycle", "validate", "--policy", in + "hostile-policy.json"}},
		{`{"name": "a\u001b[2J\r\n", "policyDetails": 1}`, []string{"lifecycle", "validate", "--policy", "-"}},
		{hostile, []string{"arn", "parse"}},
		{hostile, []string{"arn", "validate", "--shape", "ImageBuildVersionArn"}},
		{hostile, []string{"version", "latest", "--filter", "x.x.x"}},
		{"", []string{"arn", "validate", "--shape", "Image\x1bArn", "x"}},
		{"", []string{"filter", "--operation", "List\rImages\x1b[2J", "--filters", "name=platform,values=Linux"}},
		{"", []string{"frob\x1b[2J"}},
		{"", []string{"lifecycle", "plan\r"}},
	}
	for _, r := range runs {
		res := runTool(t, r.stdin, r.args...)
		for name, out := range map[string]string{"stdout": res.stdout, "stderr": res.stderr} {
			if !utf8.ValidString(out) {
				t.Errorf("%q: invalid UTF-8 on %s:\n%q", r.args, name, out)
			}
			for _, c := range strings.TrimSuffix(out, "\n") {
				if c != '\n' && unicode.IsControl(c) {
					t.Errorf("%q: control character %U on %s:\n%q", r.args, c, name, out)
					break
				}
			}
		}
	}
}

func FuzzToUTF8(f *testing.F) {
	for _, s := range []string{"", "{}", "\xef\xbb\xbf{}", utf16LE("{\"a\": 1}\n"), "\xff\xfe\x00\x00", "\xfe\xff\x00{", "{\x00}\x00", "\xff\xfe\x3d\xd8"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := toUTF8(b)
		if err != nil {
			if !errors.Is(err, errUTF32) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if utf8.Valid(b) && !strings.HasPrefix(string(b), utf8BOM) && len(b) >= 2 && b[0] != 0 && b[1] != 0 && string(out) != string(b) {
			t.Fatalf("UTF-8 input %q changed to %q", b, out)
		}
		if len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff) && !utf8.Valid(out) {
			t.Fatalf("UTF-16 input %q gave invalid UTF-8 %q", b, out)
		}
	})
}
