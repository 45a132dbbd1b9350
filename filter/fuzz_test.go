package filter_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"github.com/stretchr/testify/require"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/filter"
)

// syntaxOK reports whether err is an ErrSyntax *Error locating a problem
// in text.
func syntaxOK(err error, text string) bool {
	var e *filter.Error
	return errors.As(err, &e) && errors.Is(err, filter.ErrSyntax) &&
		e.Offset >= 0 && e.Offset <= len(e.Value) && strings.Contains(text, e.Value)
}

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
		if t := strings.TrimSpace(s); t != "" && (t[0] == '[' || t[0] == '{') {
			return // the JSON form; FuzzParseFilters covers it
		}
		fs, err := filter.ParseFilters(s)
		if err != nil {
			if !syntaxOK(err, s) {
				t.Fatalf("error %v for %q is not a located ErrSyntax *Error", err, s)
			}
			return
		}
		// Round trip through the canonical form.
		text := filter.FormatShorthand(fs)
		again, err := filter.ParseFilters(text)
		if err != nil {
			t.Fatalf("ParseFilters(%q) = %q, but its formatted form %q fails: %v", s, fs, text, err)
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
			require.NoError(t, err)
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
			if !syntaxOK(err, s) {
				t.Fatalf("error %v for %q is not a located ErrSyntax *Error", err, s)
			}
			return
		}
		// Validation never panics on parsed input.
		_ = filter.Validate(filter.Query{Operation: "ListImages", Filters: fs})
	})
}

const fuzzDoc = `{"requestId":"r","imageVersionList":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0","name":"a","version":"1.0.0","platform":"Linux","x":[1,{"y":"]"}]},{"name":"b","version":"2.0.0","platform":"Windows","type":"AMI"}],"nextToken":"t"}`

// compileText compiles filters given as text.
func compileText(op, filters string) (*filter.Matcher, error) {
	fs, err := filter.ParseFilters(filters)
	if err != nil {
		return nil, err
	}
	return filter.Compile(filter.Query{Operation: op, Filters: fs})
}

func FuzzFilterJSON(f *testing.F) {
	f.Add(fuzzDoc, "name=platform,values=Linux")
	f.Add(fuzzDoc, "")
	f.Add(`{"imageVersionList":[]}`, `[{"name":"version","values":["1.0.0"]}]`)
	f.Add(`{"imageVersionList":null}`, "")
	f.Add(`{"imageVersionList":[{"name":"\u0061"}]} `, "name=name,values=a")
	f.Add(`{"imageVersionList":[1]}`, "")
	f.Add(`[`, "")
	f.Fuzz(func(t *testing.T, doc, filters string) {
		out, ds, err := filter.FilterResponse("ListImages", filters, []byte(doc))
		// Read as a stream, however cut, the document gives the same.
		if m, cerr := compileText("ListImages", filters); cerr == nil {
			want := outcomeOf(out, ds, err)
			for _, rd := range readers[1:3] {
				if got := streamed(m, doc, rd.wrap, time.Time{}); !cmp.Equal(want, got, sameButReason) {
					t.Fatalf("read %s: %s", rd.name, cmp.Diff(want, got, sameButReason))
				}
			}
		}
		if err != nil {
			var e *filter.Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is not an *Error", err)
			}
			if e.Operation != "" && e.Offset > len(doc) {
				t.Fatalf("error %v: offset beyond the document's %d bytes", err, len(doc))
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
		// Scoped evaluation of a valid document never panics.
		if m, err := filter.Compile(filter.Query{Operation: "ListImages", Scope: &filter.Scope{Account: "111122223333", ByName: true}}); err == nil {
			_, _, _ = filterJSON(m, []byte(doc), time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
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
		for _, ed := range editions {
			err := filter.Validate(filter.Query{
				Operation: "ListImages",
				Filters:   []filter.Filter{{Name: name, Values: []string{value}}},
				Readings:  append([]filter.Decision{filter.LenientNames}, ed.readings...),
			})
			nameOK := len(name) <= 1024 && nameRE.MatchString(name)
			valueOK := len(value) <= 1024 && ed.value.MatchString(value)
			if (err == nil) != (nameOK && valueOK) {
				t.Fatalf("edition %s name %q value %q: err = %v, patterns say name %v value %v", ed.name, name, value, err, nameOK, valueOK)
			}
		}
	})
}
