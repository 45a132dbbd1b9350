package jsonread

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func noPath() string { return "" }

// tokenAt is one token as a test expects it.
type tokenAt struct {
	Kind   jsontext.Kind
	Text   string
	Offset int64
}

func readAll(t *testing.T, r *Reader) []tokenAt {
	t.Helper()
	var out []tokenAt
	for r.Peek() != 0 {
		tok, off, err := r.Token(noPath)
		require.NoError(t, err)
		out = append(out, tokenAt{tok.Kind(), tok.String(), off})
	}
	return out
}

func TestTokenOffsets(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want []tokenAt
	}{
		{"object", `{"a": 1, "b" : [true,null]}`, []tokenAt{
			{BeginObject, "{", 0}, {String, "a", 1}, {Number, "1", 6}, {String, "b", 9},
			{BeginArray, "[", 15}, {True, "true", 16}, {Null, "null", 21}, {EndArray, "]", 25}, {EndObject, "}", 26},
		}},
		{"byte-order mark counts", "\xEF\xBB\xBF[\"x\"]", []tokenAt{
			{BeginArray, "[", 3}, {String, "x", 4}, {EndArray, "]", 7},
		}},
		{"white space before", " \n\t\"s\"", []tokenAt{{String, "s", 3}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewBytes([]byte(tc.in), 10)
			require.NoError(t, err)
			assert.Equal(t, tc.want, readAll(t, r))
			assert.NoError(t, r.Finish("value"))
		})
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		in     string
		err    error
		offset int64
		reason string
	}{
		{"UTF-16 little endian", "\xFF\xFE[\x00]\x00", ErrEncoding, 0, "UTF-16"},
		{"UTF-16 without mark", "[\x00]\x00", ErrEncoding, 0, "UTF-16"},
		{"invalid UTF-8", "[\"a\xFFb\"]", ErrEncoding, 3, "not UTF-8"},
		{"too deep", "[[[[1]]]]", ErrSyntax, 3, "deeper than 3 levels"},
		{"ends early", `{"a":`, ErrSyntax, 5, "ends too early"},
		{"bad literal", `[tru]`, ErrSyntax, 4, "not valid JSON"},
		{"trailing data", `{} {}`, ErrSyntax, 3, "expected a single value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewBytes([]byte(tc.in), 3)
			if err == nil {
				err = readValue(r)
				if err == nil {
					err = r.Finish("value")
				}
			}
			var je *Error
			require.ErrorAs(t, err, &je)
			assert.ErrorIs(t, err, tc.err)
			assert.Equal(t, tc.offset, je.Offset)
			assert.Contains(t, je.Reason, tc.reason)
		})
	}
}

// readValue reads the tokens of one value.
func readValue(r *Reader) error {
	for {
		_, _, err := r.Token(func() string { return "here" })
		if err != nil || r.Depth() == 0 {
			return err
		}
	}
}

func TestValue(t *testing.T) {
	in := `{"keep": {"x": [1, 2]} , "next": "s"}`
	r, err := NewBytes([]byte(in), 10)
	require.NoError(t, err)
	_, _, err = r.Token(noPath)
	require.NoError(t, err)
	_, _, err = r.Token(noPath)
	require.NoError(t, err)
	v, off, err := r.Value(noPath)
	require.NoError(t, err)
	assert.Equal(t, `{"x": [1, 2]}`, string(v), "a value comes back byte for byte")
	assert.Equal(t, int64(9), off)
	assert.Equal(t, int64(22), r.End())
	require.NoError(t, r.Skip(noPath)) // the name "next"
	require.NoError(t, r.Skip(noPath)) // its value
	assert.Equal(t, 1, r.Depth())

	deep, err := NewBytes([]byte(`[[[1]]]`), 2)
	require.NoError(t, err)
	_, _, err = deep.Value(func() string { return "doc" })
	assert.ErrorIs(t, err, ErrSyntax)
	assert.EqualError(t, err, "doc: the document nests deeper than 2 levels (byte 0)")
}

func TestPaths(t *testing.T) {
	long := strings.Repeat("é", 70)
	for _, tc := range []struct {
		name, got, want string
	}{
		{"identifier", Key("images[2]", "tags"), "images[2].tags"},
		{"first", Key("", "name"), "name"},
		{"not an identifier", Key("tags", "Name tag"), `tags["Name tag"]`},
		{"member form", Member("tags", "a"), `tags["a"]`},
		{"long name is cut by characters", Member("", long), `["` + strings.Repeat("é", 64) + `…"]`},
		{"index", Index("images", 3), "images[3]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.got)
		})
	}
}

func TestReaderStreams(t *testing.T) {
	in := "[" + strings.Repeat(`"abcdefgh",`, 100000) + `0]`
	r, err := New(strings.NewReader(in), 4)
	require.NoError(t, err)
	n := 0
	for r.Peek() != 0 {
		_, _, err := r.Token(noPath)
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 100003, n)
}

func FuzzReader(f *testing.F) {
	for _, s := range []string{`{"a":[1,2,{"b":null}]}`, `"x"`, `[`, "\xEF\xBB\xBF{}", `{"a":1,"a":2}`, `[1e400]`, "[\"\\ud800\"]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewBytes(data, 10000)
		if err == nil {
			err = readValue(r)
			if err == nil {
				err = r.Finish("value")
			}
		}
		if err != nil {
			var je *Error
			if !errors.As(err, &je) {
				t.Fatalf("error %v is not a *jsonread.Error", err)
			}
			if je.Offset < 0 || je.Offset > int64(len(data)) {
				t.Fatalf("offset %d outside the input of %d bytes", je.Offset, len(data))
			}
		}
		// Reference: encoding/json's validator, for UTF-8 input without a
		// byte-order mark (jsonread skips the mark and refuses UTF-16 and
		// invalid UTF-8, where encoding/json is lenient) and without the
		// escaped lone surrogates that jsontext refuses.
		if !utf8.Valid(data) || len(data) >= 2 && (data[0] == 0) != (data[1] == 0) ||
			strings.Contains(string(data), `\u`) || len(data) >= 3 && string(data[:3]) == "\xEF\xBB\xBF" {
			return
		}
		if want := json.Valid(data); want != (err == nil) {
			t.Fatalf("jsonread accepts=%v, encoding/json accepts=%v, for %q (err %v)", err == nil, want, data, err)
		}
	})
}

// TestKept reads documents token by token through NewKeeping, forgetting
// all but the last token read, and checks that Kept returns the input as
// it is, from any kind of reader.
func TestKept(t *testing.T) {
	docs := []struct {
		name string
		in   string
	}{
		{"indented", "{\n    \"a\": [\n        1,\n        {\"b\": \"\\u0041\"}\n    ],\n    \"c\": null\n}\n"},
		{"byte-order mark", "\ufeff{\"a\": [true, false]}  \n"},
		{"long string", `{"a": "` + strings.Repeat("x", 10000) + `", "b": [` + strings.Repeat(" ", 5000) + `1]}`},
	}
	readers := []struct {
		name string
		wrap func(string) io.Reader
	}{
		{"whole", func(s string) io.Reader { return strings.NewReader(s) }},
		{"one byte", func(s string) io.Reader { return iotest.OneByteReader(strings.NewReader(s)) }},
		{"half", func(s string) io.Reader { return iotest.HalfReader(strings.NewReader(s)) }},
	}
	for _, d := range docs {
		for _, rd := range readers {
			t.Run(d.name+"/"+rd.name, func(t *testing.T) {
				r, err := NewKeeping(rd.wrap(d.in), 10)
				require.NoError(t, err)
				prev := int64(0)
				for r.Peek() != 0 {
					off := r.Offset()
					_, _, err := r.Token(noPath)
					require.NoError(t, err)
					end := r.End()
					assert.Equal(t, d.in[prev:end], string(r.Kept(prev, end)), "token at %d", off)
					assert.Equal(t, d.in[off:end], string(r.Kept(off, end)), "token at %d", off)
					r.Forget(off)
					assert.Nil(t, r.Kept(off-1, end), "forgotten byte before %d", off)
					prev = off
				}
				require.NoError(t, r.Finish("document"))
				assert.Equal(t, d.in[prev:], string(r.Kept(prev, -1)), "tail")
			})
		}
	}
}

func TestKeptNothing(t *testing.T) {
	for _, tc := range []struct {
		name string
		new  func(string) (*Reader, error)
	}{
		{"New", func(s string) (*Reader, error) { return New(strings.NewReader(s), 10) }},
		{"NewBytes", func(s string) (*Reader, error) { return NewBytes([]byte(s), 10) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.new(`[1]`)
			require.NoError(t, err)
			_, _, err = r.Token(noPath)
			require.NoError(t, err)
			r.Forget(1) // no effect
			assert.Nil(t, r.Kept(0, 1))
		})
	}
	r, err := NewKeeping(strings.NewReader(`[1]`), 10)
	require.NoError(t, err)
	assert.Nil(t, r.Kept(0, 4), "beyond the input")
	assert.Nil(t, r.Kept(2, 1), "lo > hi")
}

// TestFinishOffsetChunked checks that the offset of data after the
// document does not depend on how the reader cuts the input.
func TestFinishOffsetChunked(t *testing.T) {
	r, err := New(iotest.OneByteReader(strings.NewReader("[1]  \n x")), 10)
	require.NoError(t, err)
	for range 3 {
		_, _, err := r.Token(noPath)
		require.NoError(t, err)
	}
	var e *Error
	require.ErrorAs(t, r.Finish("list"), &e)
	assert.Equal(t, int64(7), e.Offset)
}

// TestAppendText checks that AppendText reads what Token reads, at the
// same offset and with the same errors, however the reader cuts the input.
func TestAppendText(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
	}{
		{"plain", `{"a": "b", "cd": ["", "e f"]}`},
		{"escapes", `{"\u0041\n": "\"q\" \\ \ud83d\ude00", "é": "\/"}`},
		{"bad escape", `{"a": "\x"}`},
		{"ends in a string", `{"a": "bc`},
		{"invalid UTF-8", "{\"a\": \"\xff\"}"},
		{"bad name", `{"a\q": 1}`},
	} {
		for _, rd := range []struct {
			name string
			wrap func(io.Reader) io.Reader
		}{{"whole", func(r io.Reader) io.Reader { return r }}, {"one byte", iotest.OneByteReader}} {
			t.Run(tc.name+"/"+rd.name, func(t *testing.T) {
				byToken, err := New(rd.wrap(strings.NewReader(tc.in)), 10)
				require.NoError(t, err)
				byText, err := New(rd.wrap(strings.NewReader(tc.in)), 10)
				require.NoError(t, err)
				var buf []byte
				for {
					k := byToken.Peek()
					assert.Equal(t, k, byText.Peek())
					tok, off, err := byToken.Token(noPath)
					if k != String {
						_, _, err2 := byText.Token(noPath)
						assert.Equal(t, err, err2)
					} else {
						var off2 int64
						var err2 error
						buf, off2, err2 = byText.AppendText(buf[:0], noPath)
						assert.Equal(t, err, err2)
						if err == nil {
							assert.Equal(t, off, off2)
							assert.Equal(t, tok.String(), string(buf))
						}
					}
					if err != nil || byToken.Depth() == 0 {
						break
					}
				}
			})
		}
	}
}

// TestSkipErrors checks that Skip fails as Value does.
func TestSkipErrors(t *testing.T) {
	for _, tc := range []struct {
		name, in string
	}{
		{"too deep", `[0, [[[[1]]]]]`},
		{"malformed", `[0, {"a" 1}]`},
		{"ends early", `[0, [1, 2`},
		{"fine", `[0, [[1]]]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			byValue, err := New(strings.NewReader(tc.in), 4)
			require.NoError(t, err)
			bySkip, err := New(strings.NewReader(tc.in), 4)
			require.NoError(t, err)
			for _, r := range []*Reader{byValue, bySkip} {
				for range 2 { // "[" and 0
					_, _, err := r.Token(noPath)
					require.NoError(t, err)
				}
			}
			_, _, want := byValue.Value(noPath)
			assert.Equal(t, want, bySkip.Skip(noPath))
		})
	}
}
