package lifecycle

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestTimestampTime(t *testing.T) {
	tests := []struct {
		in   Timestamp
		want time.Time
		ok   bool
	}{
		{"2024-05-01T10:00:00Z", time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), true},
		{"2024-05-01T10:00:00.123Z", time.Date(2024, 5, 1, 10, 0, 0, 123e6, time.UTC), true},
		{"2024-05-01T12:00:00.5+02:00", time.Date(2024, 5, 1, 10, 0, 0, 5e8, time.UTC), true},
		{"1714557600", time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), true},
		{"1714557600.25", time.Date(2024, 5, 1, 10, 0, 0, 25e7, time.UTC), true},
		{"-1", time.Date(1969, 12, 31, 23, 59, 59, 0, time.UTC), true},
		{"1714557600.1234567891", time.Time{}, false},
		{"1.7e9", time.Time{}, false},
		{"2024-05-01", time.Time{}, false},
		{"2024-05-01 10:00:00Z", time.Time{}, false},
		{"", time.Time{}, false},
		{"99999999999999999999", time.Time{}, false},
		{"007", time.Time{}, false}, // not JSON number syntax
		// The years 0000 to 9999, in UTC.
		{"-62167219200", time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{"253402300799.999999999", time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), true},
		{"-62167219201", time.Time{}, false},
		{"-62167219200.5", time.Time{}, false},
		{"253402300800", time.Time{}, false},
		{"9999-12-31T23:59:59Z", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), true},
		{"9999-12-31T23:00:00-05:00", time.Time{}, false}, // 10000-01-01T04:00Z
		{"0000-01-01T00:30:00+01:00", time.Time{}, false}, // year -1 in UTC
		{"0000-01-01T00:30:00-01:00", time.Date(0, 1, 1, 1, 30, 0, 0, time.UTC), true},
	}
	for _, tt := range tests {
		got, err := tt.in.Time()
		if (err == nil) != tt.ok || !got.Equal(tt.want) {
			t.Errorf("Timestamp(%q).Time() = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrSyntax) && !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: error %v wraps neither ErrSyntax nor ErrInvalid", tt.in, err)
		}
	}
}

func TestTimestampJSON(t *testing.T) {
	tests := []struct {
		in   string
		want Timestamp
		out  string
	}{
		{`"2024-05-01T10:00:00Z"`, "2024-05-01T10:00:00Z", `"2024-05-01T10:00:00Z"`},
		{`1714557600.5`, "1714557600.5", `1714557600.5`},
		{`null`, "", `""`},
		{`"a\/b"`, "a/b", `"a/b"`},
		// Text that is not JSON number syntax stays a string (found by
		// FuzzDecodeInventory: "00" was written back as a bare 00).
		{`"00"`, "00", `"00"`},
		{`"-012.5"`, "-012.5", `"-012.5"`},
	}
	for _, tt := range tests {
		var ts Timestamp
		if err := json.Unmarshal([]byte(tt.in), &ts); err != nil || ts != tt.want {
			t.Errorf("Unmarshal(%s) = %q, %v; want %q", tt.in, ts, err, tt.want)
		}
		out, err := json.Marshal(ts)
		if err != nil || string(out) != tt.out {
			t.Errorf("Marshal(%q) = %s, %v; want %s", ts, out, err, tt.out)
		}
	}
	for _, bad := range []string{`true`, `{}`, `[]`, `"\x"`} {
		var ts Timestamp
		if err := ts.UnmarshalJSON([]byte(bad)); err == nil {
			t.Errorf("UnmarshalJSON(%s) succeeded", bad)
		}
	}
}

func TestTimestampOf(t *testing.T) {
	at := time.Date(2024, 5, 1, 10, 0, 0, 0, time.FixedZone("x", 3600))
	if got := TimestampOf(at); got != "2024-05-01T09:00:00.000Z" {
		t.Errorf("TimestampOf = %q", got)
	}
	if got := TimestampOf(at.Add(1)); got != "2024-05-01T09:00:00.000000001Z" {
		t.Errorf("TimestampOf = %q", got)
	}
	back, err := TimestampOf(at).Time()
	if err != nil || !back.Equal(at) {
		t.Errorf("round trip = %v, %v", back, err)
	}
}

func TestCheckInstant(t *testing.T) {
	tests := []struct {
		t  time.Time
		ok bool
	}{
		{time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(0, 1, 1, 0, 0, 0, 0, time.UTC), true},
		{time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC), true},
		{time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{time.Date(-1, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{time.Date(9999, 12, 31, 23, 0, 0, 0, time.FixedZone("", -5*3600)), false},
	}
	for _, tt := range tests {
		err := CheckInstant(tt.t)
		if (err == nil) != tt.ok {
			t.Errorf("CheckInstant(%v) = %v, want ok %v", tt.t, err, tt.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("CheckInstant(%v): %v does not wrap ErrInvalid", tt.t, err)
		}
		if err == nil {
			if _, err := tt.t.MarshalJSON(); err != nil {
				t.Errorf("accepted %v cannot be written: %v", tt.t, err)
			}
		}
	}
}
