package filter_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/filter"
)

func FuzzParseShorthand(f *testing.F) {
	for _, s := range []string{
		"name=platform,values=Linux,Windows",
		"name=platform,values=[Linux, Windows] name=type,values=AMI",
		`name=osVersion,values="Amazon Linux 2023",'x\'y'`,
		`values=a\,b,name=n`,
		"name=a,values=",
		"name=[a]", "=", ",", `"`, "name=a,,", "values=[,]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs, err := filter.ParseShorthand(s)
		if err != nil {
			var se *filter.SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, filter.ErrSyntax) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			if se.Offset < 0 || se.Offset > len(s) || se.Input != s {
				t.Fatalf("bad SyntaxError %+v for %q", se, s)
			}
			return
		}
		// Round trip through the canonical form.
		text := filter.FormatShorthand(fs)
		again, err := filter.ParseShorthand(text)
		if err != nil {
			t.Fatalf("ParseShorthand(%q) = %q, but its formatted form %q fails: %v", s, fs, text, err)
		}
		if len(fs) == 0 {
			fs = nil
		}
		if diff := cmp.Diff(fs, again); diff != "" {
			t.Fatalf("round trip of %q via %q (-first +second):\n%s", s, text, diff)
		}
		// The JSON form parses back to the same filters (JSON text cannot
		// carry invalid UTF-8, so such inputs are skipped).
		if fs != nil && utf8.ValidString(s) {
			js, err := json.Marshal(fs)
			if err != nil {
				t.Fatal(err)
			}
			viaJSON, err := filter.ParseFilters(string(js))
			if err != nil {
				t.Fatalf("ParseFilters(%s): %v", js, err)
			}
			if diff := cmp.Diff(fs, viaJSON); diff != "" {
				t.Fatalf("JSON form %s (-shorthand +json):\n%s", js, diff)
			}
		}
	})
}

func FuzzParseFilters(f *testing.F) {
	for _, s := range []string{
		`[{"name":"platform","values":["Linux"]}]`, `{"name":"a","values":[]}`, `[]`, `[{"Name":"a"}]`, `[{`, "name=a,values=b",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		fs, err := filter.ParseFilters(s)
		if err != nil {
			var se *filter.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %v is not a *SyntaxError", err)
			}
			if se.Offset < 0 || se.Offset > len(se.Input) || !strings.Contains(s, se.Input) {
				t.Fatalf("error %v: offset %d outside input %q of %q", err, se.Offset, se.Input, s)
			}
			return
		}
		// Validation never panics on parsed input.
		_ = filter.Validate("ListImages", fs)
	})
}

const fuzzDoc = `{"requestId":"r","imageVersionList":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0","name":"a","version":"1.0.0","platform":"Linux","x":[1,{"y":"]"}]},{"name":"b","version":"2.0.0","platform":"Windows","type":"AMI"}],"nextToken":"t"}`

func FuzzFilterJSON(f *testing.F) {
	f.Add(fuzzDoc, "name=platform,values=Linux")
	f.Add(fuzzDoc, "")
	f.Add(`{"imageVersionList":[]}`, `[{"name":"version","values":["1.0.0"]}]`)
	f.Add(`{"imageVersionList":null}`, "")
	f.Add(`{"imageVersionList":[{"name":"\u0061"}]} `, "name=name,values=a")
	f.Add(`{"imageVersionList":[1]}`, "")
	f.Add(`[`, "")
	f.Fuzz(func(t *testing.T, doc, filters string) {
		out, _, err := filter.FilterResponse("ListImages", filters, []byte(doc))
		if err != nil {
			if !json.Valid([]byte(doc)) && !errors.Is(err, filter.ErrDocument) && !errors.Is(err, filter.ErrSyntax) {
				var ve *filter.ValidationError
				if !errors.As(err, &ve) {
					t.Fatalf("invalid document gave unexpected error %v", err)
				}
			}
			return
		}
		if !json.Valid([]byte(doc)) {
			t.Fatalf("invalid document %q accepted", doc)
		}
		if !json.Valid(out) {
			t.Fatalf("output is not JSON: %q from %q", out, doc)
		}
		// Filtering is idempotent.
		again, _, err := filter.FilterResponse("ListImages", filters, out)
		if err != nil {
			t.Fatalf("refiltering the output failed: %v", err)
		}
		if !bytes.Equal(out, again) {
			t.Fatalf("not idempotent:\n%s\n%s", out, again)
		}
	})
}

// FuzzValidate compares name and value validation with the model's
// FilterName and FilterValue patterns (length checked apart, as RE2 cannot
// repeat 1024 times).
func FuzzValidate(f *testing.F) {
	f.Add("name", "Amazon Linux 2023")
	f.Add("Name", "a,b")
	f.Add("version", "1.0.*")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, name, value string) {
		for _, ed := range []filter.Edition{filter.Model2026, filter.Model2024} {
			err := filter.Options{Model: ed, IgnoreUnknownFilters: true}.Validate(filter.Query{
				Operation: "ListImages",
				Filters:   []filter.Filter{{Name: name, Values: []string{value}}},
			})
			re := value26
			if ed == filter.Model2024 {
				re = value24
			}
			nameOK := len(name) <= 1024 && nameRE.MatchString(name)
			valueOK := len(value) <= 1024 && re.MatchString(value)
			if (err == nil) != (nameOK && valueOK) {
				t.Fatalf("edition %v name %q value %q: err = %v, patterns say name %v value %v", ed, name, value, err, nameOK, valueOK)
			}
		}
	})
}
