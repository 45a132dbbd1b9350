package termsafe

import (
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestSafe(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "ami-0a1b2c3d4e5f60001", "ami-0a1b2c3d4e5f60001"},
		{"unicode kept", "Zürich – 東京", "Zürich – 東京"},
		{"backslash kept", `C:\inventory\amis.json`, `C:\inventory\amis.json`},
		{"escape sequence", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`},
		{"carriage return and line feed", "a\r\nb", `a\r\nb`},
		{"tab", "a\tb", `a\tb`},
		{"bell and NUL", "\a\x00", `\x07\x00`},
		{"DEL", "\x7f", `\x7f`},
		{"C1 control", "a\u009bb\u0085", `a\u009bb\u0085`},
		{"invalid UTF-8", "a\xffb\xc3", `a\xffb\xc3`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := String(tt.in); got != tt.want {
				t.Errorf("String(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzSafe(f *testing.F) {
	for _, s := range []string{"", "abc", "\x1b[2J", "\r\n", "\xff\xfe", "\u009b", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := String(s)
		if !utf8.ValidString(out) {
			t.Fatalf("String(%q) = %q is not valid UTF-8", s, out)
		}
		for _, r := range out {
			if unicode.IsControl(r) {
				t.Fatalf("String(%q) = %q keeps control character %U", s, out, r)
			}
		}
		if !needsEscape(s) && out != s {
			t.Fatalf("String(%q) changed text that needs no escaping", s)
		}
	})
}
