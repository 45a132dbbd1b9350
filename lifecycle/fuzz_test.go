package lifecycle

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func addPolicySeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "policy", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{``, `{}`, `[]`, `{"lifecyclePolicy":{}}`, `{"clientToken":"x"}`, `{"lifecyclePolicyArn":"x"}`,
		`{"policyDetails":[{"filter":{"value":1e3}}]}`, `{"tags":{"a":"b","a":"c"}}`, `{"a":`, `{"dateCreated":-1.5}`,
		"\xef\xbb\xbf{\"name\":\"abc\"}", "{\"name\":\"a\xffb\"}", "\xff\xfe{\x00}\x00", `{"Name":"abc"}`,
		`{"dateCreated":253402300800}`, `{"dateCreated":"9999-12-31T23:00:00-05:00"}`} {
		f.Add([]byte(s))
	}
}

// checkDecodeError asserts the decoder contract: an error is a
// *Error wrapping one of the sentinels, with an offset inside the
// input.
func checkDecodeError(t *testing.T, data []byte, err error) {
	var de *Error
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *Error", err, err)
	}
	if de.Offset < 0 || de.Offset > int64(len(data)) {
		t.Fatalf("offset %d outside the input of %d bytes: %v", de.Offset, len(data), err)
	}
	switch {
	case errors.Is(err, ErrSyntax), errors.Is(err, ErrUnknown), errors.Is(err, ErrInvalid):
	default:
		t.Fatalf("error %v wraps no sentinel", err)
	}
	if de.Reason == "" {
		t.Fatalf("error without a reason: %#v", de)
	}
	if err := json.Unmarshal(data, new(any)); err == nil && utf8.Valid(data) && errors.Is(de, ErrSyntax) && de.Offset == 0 && len(data) > 0 {
		t.Fatalf("valid JSON reported as a syntax error at the start: %v", de)
	}
}

// FuzzDecodePolicy checks that decoding never panics, that every failure is
// a *Error with a path, and that accepted documents round-trip and
// can be validated.
func FuzzDecodePolicy(f *testing.F) {
	addPolicySeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range []DecodeOptions{{}, {AllowUnknownFields: true}} {
			doc, err := DecodePolicy(data, opts)
			if err != nil {
				checkDecodeError(t, data, err)
				continue
			}
			doc.Validate(ValidateOptions{})
			doc.Validate(ValidateOptions{Readings: []Decision{ModelOnlyValidation, AllowMixedWildcards}})
			out, err := json.Marshal(doc)
			require.NoError(t, err, "encode")
			again, err := DecodePolicy(out, DecodeOptions{})
			if err != nil {
				t.Fatalf("re-decoding %s: %v", out, err)
			}
			out2, _ := json.Marshal(again)
			if string(out) != string(out2) {
				t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
			}
		}
	})
}

func FuzzDecodeStateUpdate(f *testing.F) {
	f.Add([]byte(`{"resourceArn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/1","state":{"status":"DELETED"},"updateAt":1}`))
	f.Add([]byte(`{"exclusionRules":{"amis":{"lastLaunched":{"value":3,"unit":"DAYS"}}}}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeStateUpdate(data, DecodeOptions{})
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		r.Validate(time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), CurrentImage{Type: ImageTypeAMI, Status: StatusAvailable})
		out, err := json.Marshal(r)
		require.NoError(t, err)
		if _, err := DecodeStateUpdate(out, DecodeOptions{}); err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
	})
}

// FuzzTimestamp checks that Time never panics and that parsed times print
// back to a Timestamp denoting the same instant.
func FuzzTimestamp(f *testing.F) {
	for _, s := range []string{"2024-05-01T10:00:00Z", "1714557600.25", "-0", "1e9", "", "2024-13-01T00:00:00Z",
		"-62167219201", "-62167219200.5", "253402300800", "9999-12-31T23:00:00-05:00", "0000-01-01T00:30:00+01:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Timestamp(s).Time()
		if err != nil {
			if !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrInvalid) {
				t.Fatalf("error %v wraps neither ErrSyntax nor ErrInvalid", err)
			}
			return
		}
		back, err := TimestampOf(v).Time()
		if err != nil || !back.Equal(v) {
			t.Fatalf("%q: %v -> %q -> %v, %v", s, v, TimestampOf(v), back, err)
		}
		if _, err := v.MarshalJSON(); err != nil {
			t.Fatalf("%q: accepted %v cannot be written: %v", s, v, err)
		}
	})
}

// FuzzParseUTC checks the fast path of Time against time.Parse: whatever
// it accepts, time.Parse accepts as the same instant.
func FuzzParseUTC(f *testing.F) {
	for _, s := range []string{"2024-05-01T10:00:00Z", "2024-05-01T10:00:00.123Z", "2024-02-29T23:59:59.999999999Z",
		"2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-05-01T24:00:00Z", "2024-05-01T10:00:60Z",
		"2024-05-01T10:00:00.Z", "2024-05-01T10:00:00.1234567890Z", "2024-05-01t10:00:00z", "0000-01-01T00:00:00Z",
		"2024-05-01T10:00:00+00:00", "+024-05-01T10:00:00Z", "2024-05-01T10:00:0aZ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseUTC(s)
		if !ok {
			return
		}
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatalf("%q: the fast path accepts what time.Parse refuses: %v", s, err)
		}
		if !got.Equal(want) || got.Location() != time.UTC {
			t.Fatalf("%q: %v, time.Parse gives %v", s, got, want)
		}
	})
}

// TestParseUTCAgrees checks the fast path on every day of a leap-year
// cycle and on the fraction lengths.
func TestParseUTCAgrees(t *testing.T) {
	for d := time.Date(2096, 1, 1, 23, 59, 59, 0, time.UTC); d.Year() < 2101; d = d.AddDate(0, 0, 1) {
		s := d.Format("2006-01-02T15:04:05Z")
		got, ok := parseUTC(s)
		if !ok || !got.Equal(d) {
			t.Fatalf("%s: %v %v", s, got, ok)
		}
	}
	for _, bad := range []string{"2100-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-06-31T00:00:00Z", "2024-05-01T10:00:00.Z"} {
		if _, ok := parseUTC(bad); ok {
			t.Errorf("%s: accepted", bad)
		}
	}
	for n := 1; n <= 9; n++ {
		s := "2024-05-01T10:00:00." + "123456789"[:n] + "Z"
		got, _ := parseUTC(s)
		want, _ := time.Parse(time.RFC3339Nano, s)
		if !got.Equal(want) {
			t.Errorf("%s: %v, want %v", s, got, want)
		}
	}
}
