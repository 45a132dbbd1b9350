package filter_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/filter"
)

// outcome is what one FilterJSON call gave.
type outcome struct {
	Out       string
	Decisions []filter.Decision
	// Err is the text of the sentinel an *Error wraps; Path, Offset and
	// Reason are its fields.
	Err    string
	Path   string
	Offset int
	Reason string
}

func outcomeOf(out []byte, ds []filter.Decision, err error) outcome {
	if err == nil {
		return outcome{Out: string(out), Decisions: ds}
	}
	var e *filter.Error
	if !errors.As(err, &e) {
		return outcome{Err: "not an *Error: " + err.Error()}
	}
	return outcome{Err: e.Err.Error(), Path: e.Path, Offset: e.Offset, Reason: e.Reason}
}

// sameButReason ignores the Reason of an error: the JSON layer quotes the
// input it has at hand, which depends on how the reader cut it.
var sameButReason = cmpopts.IgnoreFields(outcome{}, "Reason")

// streamed runs FilterJSON on doc read through wrap and returns the
// output and decisions.
func streamed(m *filter.Matcher, doc string, wrap func(io.Reader) io.Reader, now time.Time) outcome {
	var out bytes.Buffer
	ds, err := m.FilterJSON(&out, wrap(strings.NewReader(doc)), now)
	return outcomeOf(out.Bytes(), ds, err)
}

// readers are ways a stream delivers a document.
var readers = []struct {
	name string
	wrap func(io.Reader) io.Reader
}{
	{"whole", func(r io.Reader) io.Reader { return r }},
	{"one byte", iotest.OneByteReader},
	{"half", iotest.HalfReader},
	{"data with EOF", iotest.DataErrReader},
}

// TestFilterJSONStreamed checks that a document read as a stream, however
// its reader cuts it, gives what FilterResponse gives for its bytes:
// the same output byte for byte, decisions and errors.
func TestFilterJSONStreamed(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	big := cliListImages(300)
	tests := []struct {
		name    string
		query   filter.Query
		doc     string
		filters string
	}{
		{name: "CLI images", doc: cliImages, filters: "name=platform,values=Linux"},
		{name: "CLI images, nothing kept", doc: cliImages, filters: "name=platform,values=Plan9"},
		{name: "CLI images, all kept", doc: cliImages},
		{name: "generated", doc: string(big), filters: "name=type,values=AMI name=version,values=1.0.0,1.3.0"},
		{name: "byte-order mark", doc: "\ufeff" + cliImages, filters: "name=name,values=web"},
		{name: "compact", doc: `{"imageVersionList":[{"name":"b","platform":"Linux"},{"name":"a","platform":"Linux","x":1}],"nextToken":null}`,
			filters: "name=platform,values=Linux"},
		{name: "null list", doc: `{"imageVersionList": null, "z": 1}` + "\n"},
		{name: "empty list", doc: `{"imageVersionList": [ ]}`},
		{name: "white space around", doc: "  \n{\"a\": [1, {\"b\": \"]\"}], \"imageVersionList\" : [\n\t{\"name\":\"a\"} ,\n\t{\"name\":\"b\"}\n\t] , \"z\":\"}\"}\n\n"},
		{name: "long member before", doc: `{"requestId": "` + strings.Repeat("r", 70000) + `", "imageVersionList": [{"name":"a"}]}`},
		{name: "long item", doc: `{"imageVersionList": [{"name":"b"}, {"name":"a", "x": "` + strings.Repeat("x", 70000) + `"}]}`},
		{name: "malformed", doc: `{"imageVersionList": [{"name": "a"}, }`},
		{name: "wrong type", doc: `{"imageVersionList": [{"name": "a"}, {"name": 5}]}`},
		{name: "ends early", doc: cliImages[:len(cliImages)/2]},
		{name: "trailing data", doc: `{"imageVersionList": []} {}`},
		{name: "empty", doc: ""},
		{name: "UTF-16", doc: "\xff\xfe{\x00}\x00"},
		{name: "scoped byName with wildcard ARNs",
			query: read(scoped(q("ListImages"), filter.Scope{ByName: true, Account: acct}), filter.ByNameWildcardARN, filter.AllowByNameWithVersion),
			doc:   string(big)},
		{name: "input order", query: read(q("ListImages", f("platform", "Linux")), filter.InputOrder), doc: string(big)},
		{name: "input order, malformed late", query: read(q("ListImages"), filter.InputOrder), doc: string(big[:len(big)-40])},
		{name: "scoped, bad time", query: scoped(q("ListImages"), filter.Scope{Account: acct}),
			doc: `{"imageVersionList": [{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0", "deprecationTime": "soon"}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qq := tt.query
			if qq.Operation == "" {
				fs, err := filter.ParseFilters(tt.filters)
				require.NoError(t, err)
				qq = q("ListImages", fs...)
			}
			m := mustCompile(t, qq)
			want := outcomeOf(filterJSON(m, []byte(tt.doc), now))
			if tt.query.Operation == "" {
				assert.Empty(t, cmp.Diff(want, outcomeOf(filter.FilterResponse("ListImages", tt.filters, []byte(tt.doc)))),
					"FilterResponse (-FilterJSON +FilterResponse)")
			}
			for _, rd := range readers {
				got := streamed(m, tt.doc, rd.wrap, now)
				assert.Empty(t, cmp.Diff(want, got, sameButReason), "read %s (-bytes +stream)", rd.name)
			}
		})
	}
}

// TestFilterJSONWrites checks when FilterJSON writes: in result order only
// after the whole document has been read, so a bad document writes
// nothing; in input order as it reads.
func TestFilterJSONWrites(t *testing.T) {
	doc := cliListImages(2000) // over the 64 KiB that FilterJSON buffers
	tests := []struct {
		name  string
		query filter.Query
		doc   []byte
		// early: output was written before the reader reached the end.
		early bool
		fails bool
	}{
		{name: "result order", query: q("ListImages"), doc: doc},
		{name: "result order, bad document", query: q("ListImages"), doc: doc[:len(doc)-3], fails: true},
		{name: "input order", query: read(q("ListImages"), filter.InputOrder), doc: doc, early: true},
		{name: "input order, bad document", query: read(q("ListImages"), filter.InputOrder), doc: doc[:len(doc)-3], early: true, fails: true},
		{name: "input order, byName", query: read(scoped(q("ListImages"), filter.Scope{ByName: true, Account: acct}), filter.InputOrder, filter.AllowByNameWithVersion), doc: doc},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mustCompile(t, tt.query)
			var out bytes.Buffer
			early := -1
			r := &watchEOF{r: bytes.NewReader(tt.doc), atEOF: func() {
				if early < 0 {
					early = out.Len()
				}
			}}
			_, err := m.FilterJSON(&out, r, time.Time{})
			assert.Equal(t, tt.fails, err != nil, "error %v", err)
			assert.Equal(t, tt.early, early > 0, "%d bytes written before the end of the input", early)
			if tt.fails && !tt.early {
				assert.Zero(t, out.Len(), "a failed run wrote")
			}
		})
	}
}

// watchEOF calls atEOF when its reader reports the end of the input.
type watchEOF struct {
	r     io.Reader
	atEOF func()
}

func (w *watchEOF) Read(p []byte) (int, error) {
	n, err := w.r.Read(p)
	if err == io.EOF {
		w.atEOF()
	}
	return n, err
}

// TestFilterJSONReadError checks that an error of the reader ends the
// evaluation with an *Error at the offset of the value being read.
func TestFilterJSONReadError(t *testing.T) {
	m := mustCompile(t, q("ListImages"))
	doc := cliListImages(50)
	r := io.MultiReader(bytes.NewReader(doc[:1000]), iotest.ErrReader(errors.New("disk on fire")))
	var out bytes.Buffer
	_, err := m.FilterJSON(&out, r, time.Time{})
	var e *filter.Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, filter.ErrSyntax)
	assert.Contains(t, e.Reason, "disk on fire")
	assert.LessOrEqual(t, e.Offset, 1000, "offset beyond what was read")
	assert.Greater(t, e.Offset, 900, "offset of the value being read")
	assert.Zero(t, out.Len())
}

// TestFilterJSONWriteError checks that an error of the writer is returned.
func TestFilterJSONWriteError(t *testing.T) {
	m := mustCompile(t, q("ListImages"))
	boom := errors.New("disk full")
	_, err := m.FilterJSON(errWriter{boom}, strings.NewReader(cliImages), time.Time{})
	assert.ErrorIs(t, err, boom)
}

type errWriter struct{ err error }

func (w errWriter) Write([]byte) (int, error) { return 0, w.err }

// TestFilterJSONMemory checks that memory does not grow with the
// document for a selective filter: FilterJSON allocates a fraction of the
// document, and about as much for a document 8 times as large.
func TestFilterJSONMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 5 MB")
	}
	m := mustCompile(t, q("ListImages", f("name", "image-7")))
	small, large := cliListImages(1000), cliListImages(8000)
	allocated := func(doc []byte) uint64 {
		var before, after runtimeStats
		before.read()
		_, err := m.FilterJSON(io.Discard, bytes.NewReader(doc), time.Time{})
		after.read()
		require.NoError(t, err)
		return after.total - before.total
	}
	a, b := allocated(small), allocated(large)
	t.Logf("%d bytes: %d allocated; %d bytes: %d allocated", len(small), a, len(large), b)
	assert.Less(t, b, uint64(len(large)/4), "allocated a quarter of the document or more")
	assert.Less(t, b, 2*a, "allocations grow with the document")
}
