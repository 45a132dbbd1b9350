package filter_test

import (
	"errors"
	"github.com/stretchr/testify/require"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/filter"
)

func TestParseShorthand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want []filter.Filter
		err  bool
	}{
		{name: "one value", args: []string{"name=platform,values=Linux"}, want: []filter.Filter{f("platform", "Linux")}},
		{name: "csv values", args: []string{"name=platform,values=Linux,Windows"}, want: []filter.Filter{f("platform", "Linux", "Windows")}},
		{name: "values first", args: []string{"values=Linux,Windows,name=platform"}, want: []filter.Filter{f("platform", "Linux", "Windows")}},
		{name: "explicit list", args: []string{"name=platform,values=[Linux, Windows]"}, want: []filter.Filter{f("platform", "Linux", "Windows")}},
		{name: "two args", args: []string{"name=platform,values=Linux", "name=type,values=AMI"},
			want: []filter.Filter{f("platform", "Linux"), f("type", "AMI")}},
		{name: "two filters one arg", args: []string{"  name=platform,values=Linux   name=type,values=AMI,DOCKER  "},
			want: []filter.Filter{f("platform", "Linux"), f("type", "AMI", "DOCKER")}},
		{name: "spaces around separators", args: []string{"name = platform , values = Linux , Windows"},
			want: []filter.Filter{f("platform", "Linux", "Windows")}},
		{name: "double quoted", args: []string{`name=osVersion,values="Amazon Linux 2023","Ubuntu 22"`},
			want: []filter.Filter{f("osVersion", "Amazon Linux 2023", "Ubuntu 22")}},
		{name: "single quoted escapes", args: []string{`name=name,values='it\'s','a\\b','c\d'`},
			want: []filter.Filter{f("name", `it's`, `a\b`, `c\d`)}},
		{name: "escaped comma", args: []string{`name=name,values=a\,b,c`}, want: []filter.Filter{f("name", "a,b", "c")}},
		{name: "json-like quoted", args: []string{`name=name,values='{"k":"v"}'`}, want: []filter.Filter{f("name", `{"k":"v"}`)}},
		{name: "arn value", args: []string{"name=parentImage,values=arn:aws:imagebuilder:us-east-1:aws:image/al2023/x.x.x"},
			want: []filter.Filter{f("parentImage", "arn:aws:imagebuilder:us-east-1:aws:image/al2023/x.x.x")}},
		{name: "sole empty value", args: []string{"name=name,values="}, want: []filter.Filter{f("name", "")}},
		{name: "empty explicit list", args: []string{"name=name,values=[]"}, want: []filter.Filter{{Name: "name", Values: []string{}}}},
		{name: "name only", args: []string{"name=name"}, want: []filter.Filter{{Name: "name"}}},
		{name: "nothing", args: []string{"", "  "}, want: nil},
		{name: "unknown key", args: []string{"Name=platform,values=Linux"}, err: true},
		{name: "bad key", args: []string{"nam=platform"}, err: true},
		{name: "missing equals", args: []string{"name"}, err: true},
		{name: "name twice", args: []string{"name=a,name=b"}, err: true},
		{name: "values twice", args: []string{"values=a,values=b"}, err: true},
		{name: "name list", args: []string{"name=a,b"}, err: true},
		{name: "name explicit list", args: []string{"name=[a]"}, err: true},
		{name: "unquoted space", args: []string{"name=osVersion,values=Amazon Linux"}, err: true},
		{name: "empty middle value", args: []string{"name=a,values=x,,y"}, err: true},
		{name: "unterminated quote", args: []string{`name=a,values="x`}, err: true},
		{name: "unterminated list", args: []string{"name=a,values=[x"}, err: true},
		{name: "hash literal", args: []string{"name=a,values={x=y}"}, err: true},
		{name: "equals in value", args: []string{"name=a,values=x=y"}, err: true},
		{name: "trailing comma", args: []string{"name=a,values=x,"}, err: true},
		{name: "quote in bare value", args: []string{`name=a,values=x"y"`}, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One filter per shell word or several per word: the same.
			text := strings.Join(tt.args, " ")
			got, err := filter.ParseFilters(text)
			if tt.err {
				if !syntaxOK(err, text) {
					t.Fatalf("err = %v, want a located ErrSyntax *Error; got %q", err, got)
				}
				return
			}
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseFiltersJSON(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []filter.Filter
		err  bool
	}{
		{name: "list", text: ` [{"name":"platform","values":["Linux","Windows"]},{"values":["AMI"],"name":"type"}] `,
			want: []filter.Filter{f("platform", "Linux", "Windows"), f("type", "AMI")}},
		{name: "single object", text: `{"name":"accountId","values":["111122223333"]}`, want: []filter.Filter{f("accountId", "111122223333")}},
		{name: "empty list", text: `[]`, want: []filter.Filter{}},
		{name: "null values", text: `[{"name":"a","values":null}]`, want: []filter.Filter{{Name: "a"}}},
		{name: "capitalised member", text: `[{"Name":"platform","Values":["Linux"]}]`, err: true},
		{name: "extra member", text: `[{"name":"a","values":["b"],"x":1}]`, err: true},
		{name: "values not list", text: `[{"name":"a","values":"b"}]`, err: true},
		{name: "null filter", text: `[null]`, err: true},
		{name: "broken", text: `[{"name":`, err: true},
		{name: "trailing data", text: `[] []`, err: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := filter.ParseFilters(tt.text)
			if tt.err {
				if !errors.Is(err, filter.ErrSyntax) {
					t.Fatalf("err = %v, want ErrSyntax; got %q", err, got)
				}
				return
			}
			require.NoError(t, err)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestFormatShorthandRoundTrip(t *testing.T) {
	for _, fs := range [][]filter.Filter{
		{f("platform", "Linux", "Windows")},
		{f("osVersion", "Amazon Linux 2023"), f("name", `a,b`, `"q"`, `back\slash`, "it's", "", "=", "[x]", "{}")},
		{{Name: "name"}, {Name: "", Values: []string{"v"}}, {Name: "n", Values: []string{}}, {}},
	} {
		text := filter.FormatShorthand(fs)
		got, err := filter.ParseFilters(text)
		if err != nil {
			t.Fatalf("ParseFilters(%q): %v", text, err)
		}
		if diff := cmp.Diff(fs, got); diff != "" {
			t.Errorf("round trip of %q (-want +got):\n%s", text, diff)
		}
	}
}

// TestParseFiltersJSONDeterministicError pins that a filter object with
// several bad members always reports the same one, the first in document
// order, whatever the order of map iteration.
func TestParseFiltersJSONDeterministicError(t *testing.T) {
	const text = `[{"name":"a","values":["b"],"zeta":1,"alpha":2,"mid":3}]`
	_, first := filter.ParseFilters(text)
	if first == nil {
		t.Fatal("ParseFilters accepted unknown members")
	}
	for range 50 {
		if _, err := filter.ParseFilters(text); err == nil || err.Error() != first.Error() {
			t.Fatalf("ParseFilters(%s) = %v, earlier %v", text, err, first)
		}
	}
	if want := `"zeta"`; !strings.Contains(first.Error(), want) {
		t.Errorf("error %q does not name the first unknown member %s", first, want)
	}
}

// TestParseFiltersJSONOffsets pins that SyntaxError.Offset points into the
// text as given (leading blanks included) at the offending part.
func TestParseFiltersJSONOffsets(t *testing.T) {
	tests := []struct {
		name, text, at string // at: the text from Offset on starts with it
	}{
		{"values not a list", `[{"name":"a","values":["b"]}, {"name":"c","values":"d"}]`, `"d"}]`},
		{"unknown member", `[{"name":"a","values":["b"]}, {"name":"c","x":1}]`, `"x":1}]`},
		{"name not a string", `  {"name":5}`, `5}`},
		{"missing comma", `[{"name":"a"} {"name":"c"}]`, `{"name":"c"}]`},
		{"trailing data", ` [{"name":"a"}] x`, `x`},
		{"not an object", `[{"name":"a"}, 7]`, `7]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := filter.ParseFilters(tt.text)
			var se *filter.Error
			if !errors.As(err, &se) || !errors.Is(err, filter.ErrSyntax) {
				t.Fatalf("ParseFilters(%s) = %v, want an ErrSyntax *Error", tt.text, err)
			}
			if se.Value != tt.text || se.Offset < 0 || se.Offset > len(tt.text) || !strings.HasPrefix(tt.text[se.Offset:], tt.at) {
				t.Errorf("ParseFilters(%s): Value %q, Offset %d; want the offset of %s", tt.text, se.Value, se.Offset, tt.at)
			}
		})
	}
}
