package progress

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock is a fake time source that moves by step on every reading.
type clock struct {
	t    time.Time
	step time.Duration
}

func (c *clock) now() time.Time { c.t = c.t.Add(c.step); return c.t }

func TestLine(t *testing.T) {
	for _, tc := range []struct {
		name string
		step time.Duration
		want string
	}{
		{"fast reading shows nothing", time.Millisecond, ""},
		{"slow reading shows the line, then erases it", 600 * time.Millisecond,
			// Nothing in the first second (the first read); then a draw
			// on each count, as each comes 600 ms after the last.
			"\r\x1b[Kreading images.json: 0.0 of 0.0 MB, 1 records" +
				"\r\x1b[Kreading images.json: 0.0 of 0.0 MB, 1 records" +
				"\r\x1b[Kreading images.json: 0.0 of 0.0 MB, 1 records" +
				"\r\x1b[K"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			c := &clock{t: time.Unix(0, 0), step: tc.step}
			l := newLine(&out, c.now)
			r := l.File("images.json", 12, strings.NewReader("{\"a\": [1, 2]"))
			buf := make([]byte, 6)
			_, err := r.Read(buf)
			require.NoError(t, err)
			r.Records(1)
			_, err = r.Read(buf)
			require.NoError(t, err)
			_, err = r.Read(buf)
			assert.Equal(t, io.EOF, err)
			r.Close()
			l.Done()
			assert.Equal(t, tc.want, out.String())
		})
	}
}

// TestFilesAtOnce checks that files read at the same time share the line
// and leave it when closed.
func TestFilesAtOnce(t *testing.T) {
	var out bytes.Buffer
	c := &clock{t: time.Unix(0, 0), step: 600 * time.Millisecond}
	l := newLine(&out, c.now)
	a := l.File("images.json", 2e6, strings.NewReader(""))
	b := l.File("amis.json", 0, strings.NewReader(""))
	a.Records(1024)
	b.Records(2048)
	a.Close()
	b.Records(3072)
	l.Done()
	assert.Equal(t, "\r\x1b[Kreading images.json: 0.0 of 2.0 MB, 1024 records; amis.json: 0.0 MB, 2048 records"+
		"\r\x1b[Kreading amis.json: 0.0 MB, 3072 records"+
		"\r\x1b[K", out.String())
}

func TestNotATerminal(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	require.NoError(t, err)
	defer f.Close()
	getenv := func(string) string { return "" }
	assert.Nil(t, New(f, getenv), "a file is not a terminal")
	assert.Nil(t, New(nil, getenv))
	var l *Line // nil shows nothing and does not fail
	r := l.File("x", 0, strings.NewReader("x"))
	_, err = io.ReadAll(r)
	require.NoError(t, err)
	r.Records(1)
	r.Close()
	l.Done()
}
