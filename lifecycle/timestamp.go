package lifecycle

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle/internal/names"
)

// Timestamp is a time member exactly as a document wrote it. The service's
// JSON API sends timestamp members as seconds since the Unix epoch (a JSON
// number, possibly with a fraction); the AWS CLI and the string-typed
// members (dateCreated of images, EC2's CreationDate) use RFC 3339 text.
// Timestamp keeps either form so that documents round-trip, and parses it on
// demand with Time. The empty Timestamp means "absent".
//
// A Timestamp holding a JSON number is written back as a number, any other
// text as a JSON string.
type Timestamp string

// TimestampOf returns the RFC 3339 form of t in UTC, with milliseconds as
// the service writes them ("2024-05-01T10:00:00.000Z") when t has no finer
// part, and with nanoseconds otherwise.
func TimestampOf(t time.Time) Timestamp {
	t = t.UTC()
	if t.Nanosecond()%int(time.Millisecond) == 0 {
		return Timestamp(t.Format("2006-01-02T15:04:05.000Z07:00"))
	}
	return Timestamp(t.Format(time.RFC3339Nano))
}

// IsZero reports whether the timestamp is absent.
func (t Timestamp) IsZero() bool { return t == "" }

// isEpoch reports whether t holds epoch seconds (the text of a JSON number)
// rather than RFC 3339 text.
func (t Timestamp) isEpoch() bool { return isJSONNumber(string(t)) }

// isJSONNumber reports whether s has the syntax of a JSON number (RFC 8259
// section 6): no leading zeros in the integer part, so that the text can be
// written back as a number.
func isJSONNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() int {
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			n++
		}
		return n
	}
	start := i
	if n := digits(); n == 0 || n > 1 && s[start] == '0' {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(s)
}

// The instants a Timestamp can denote: the years 0000 to 9999 of RFC 3339,
// in UTC, as Unix seconds.
const (
	minUnix = -62167219200 // 0000-01-01T00:00:00Z
	maxUnix = 253402300799 // 9999-12-31T23:59:59Z
)

const rangeReason = "the instant is outside the years 0000 to 9999 (UTC) that timestamps can express"

// CheckInstant reports whether t lies within the years 0000 to 9999 in
// UTC, the instants that RFC 3339 text and therefore plans, forecasts and
// Timestamps can express. It returns nil or an *Error (wrapping
// ErrInvalid) whose Input is t in RFC 3339 form when the year has four
// digits and in Go's form otherwise. Callers that take an execution
// instant from users (such as a --now flag) should check it with
// CheckInstant before planning.
func CheckInstant(t time.Time) error {
	if u := t.Unix(); u >= minUnix && u <= maxUnix {
		return nil
	}
	return rangeError(t.UTC().String(), rangeReason)
}

// timestampError reports timestamp text that does not follow the grammar.
func timestampError(input, reason string) error {
	return &Error{Input: input, Code: codeInvalidTimestamp, Reason: reason, Err: ErrSyntax}
}

// rangeError reports a well-formed timestamp outside the years 0000 to
// 9999.
func rangeError(input, reason string) error {
	return &Error{Input: input, Code: codeInvalidTimestamp, Reason: reason, Err: ErrInvalid}
}

// Time parses the timestamp and returns it in UTC. It accepts RFC 3339 text
// with or without fractional seconds, with "Z" or a numeric offset, and
// epoch seconds with an optional fraction of up to nine digits.
func (t Timestamp) Time() (time.Time, error) {
	s := string(t)
	if s == "" {
		return time.Time{}, timestampError(s, "it is empty; expected RFC 3339 text such as 2024-05-01T10:00:00Z or epoch seconds")
	}
	if t.isEpoch() {
		return parseEpoch(s)
	}
	if v, ok := parseUTC(s); ok {
		return v, nil
	}
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, timestampError(s, "expected RFC 3339 text such as 2024-05-01T10:00:00Z or 2024-05-01T10:00:00.000+00:00")
	}
	if u := v.Unix(); u < minUnix || u > maxUnix {
		// A numeric offset moved the instant out of the years 0000 to 9999.
		return time.Time{}, rangeError(s, rangeReason+"; an offset moves this one past them")
	}
	return v.UTC(), nil
}

// parseUTC reads the form nearly every AWS timestamp has,
// "2006-01-02T15:04:05Z" with up to nine digits of fraction before the Z,
// without time.Parse's generality: an inventory holds hundreds of
// thousands of them. ok is false for any other text, and for a field out
// of range, which Time leaves to time.Parse and its messages; for text it
// accepts, it gives what time.Parse gives.
func parseUTC(s string) (t time.Time, ok bool) {
	if len(s) < 20 || len(s) > 30 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[len(s)-1] != 'Z' {
		return time.Time{}, false
	}
	num := func(lo, hi int) int {
		n := 0
		for i := lo; i < hi; i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return -1
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	year, month, day := num(0, 4), num(5, 7), num(8, 10)
	hour, minute, second := num(11, 13), num(14, 16), num(17, 19)
	nanos := 0
	switch frac := s[19 : len(s)-1]; {
	case frac == "":
	case frac[0] != '.' || len(frac) == 1:
		return time.Time{}, false
	default:
		if nanos = num(20, len(s)-1); nanos < 0 {
			return time.Time{}, false
		}
		for range 10 - len(frac) {
			nanos *= 10
		}
	}
	if year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 ||
		day > daysIn(time.Month(month), year) {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, second, nanos, time.UTC), true
}

// daysIn returns the number of days of month in year.
func daysIn(month time.Month, year int) int {
	if month == time.February {
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	}
	return 30 + int((month+month/8)%2)
}

// parseEpoch reads "[-]seconds[.fraction]" exactly, without floating point.
func parseEpoch(s string) (time.Time, error) {
	bad := func(reason string) (time.Time, error) {
		return time.Time{}, timestampError(s, reason)
	}
	neg := strings.HasPrefix(s, "-")
	body := strings.TrimPrefix(s, "-")
	if strings.ContainsAny(body, "eE") {
		return bad("exponents are not supported; write the seconds in full, such as 1714557600.5")
	}
	whole, frac, hasFrac := strings.Cut(body, ".")
	if whole == "" || !names.AllDigits(whole) || (hasFrac && (frac == "" || !names.AllDigits(frac))) {
		return bad("expected epoch seconds such as 1714557600 or 1714557600.123")
	}
	if len(frac) > 9 {
		return bad("the fraction has more than nine digits")
	}
	sec, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || (!neg && sec > maxUnix) || (neg && -sec < minUnix) {
		return time.Time{}, rangeError(s, rangeReason+"; expected epoch seconds from -62167219200 to 253402300799")
	}
	var nsec int64
	if frac != "" {
		n, _ := strconv.ParseInt(frac, 10, 64)
		for i := len(frac); i < 9; i++ {
			n *= 10
		}
		nsec = n
	}
	if neg {
		sec, nsec = -sec, -nsec
	}
	v := time.Unix(sec, nsec).UTC()
	if v.Unix() < minUnix {
		return time.Time{}, rangeError(s, rangeReason+"; expected epoch seconds from -62167219200 to 253402300799")
	}
	return v, nil
}

// MarshalJSON writes epoch seconds as a JSON number and any other text as
// a JSON string.
func (t Timestamp) MarshalJSON() ([]byte, error) {
	if t.isEpoch() {
		if _, err := parseEpoch(string(t)); err == nil {
			return []byte(t), nil
		}
	}
	return json.Marshal(string(t))
}

// UnmarshalJSON accepts a JSON string, a JSON number or null (absent).
func (t *Timestamp) UnmarshalJSON(b []byte) error {
	switch {
	case len(b) == 0:
		return timestampError("", "expected a JSON string or number")
	case string(b) == "null":
		*t = ""
		return nil
	case b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return timestampError(string(b), "expected a JSON string or number")
		}
		*t = Timestamp(s)
		return nil
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*t = Timestamp(b)
		return nil
	}
	return timestampError(string(b), "expected a JSON string or number")
}
