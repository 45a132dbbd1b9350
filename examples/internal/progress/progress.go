// Package progress shows a one-line progress report on a terminal while
// the CLI reads large inputs: the file, the bytes read (of its size when
// known) and the records decoded. The line appears only once reading has
// taken more than a second, is redrawn at most ten times a second, and is
// erased when reading ends. It is never shown when standard error is not a
// terminal (a pipe, a file, CI).
package progress

import (
	"io"
	"os"
	"strconv"
	"sync"
	"time"
)

// delay is how long reading runs before the line appears; every is the
// shortest time between two redraws.
const (
	delay = time.Second
	every = 100 * time.Millisecond
)

// Line is the progress line. The zero Line, and a nil *Line, show nothing.
// Its methods are safe for concurrent use.
type Line struct {
	mu      sync.Mutex
	w       io.Writer
	now     func() time.Time
	start   time.Time
	drawn   time.Time
	shown   bool
	file    string
	size    int64
	bytes   int64
	records int64
}

// New returns a Line that writes to f when f is a terminal and the
// environment (read through getenv) does not say CI or TERM=dumb; otherwise
// it returns nil, which shows nothing.
func New(f *os.File, getenv func(string) string) *Line {
	if f == nil || getenv("CI") != "" || getenv("TERM") == "dumb" {
		return nil
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return newLine(f, time.Now)
}

func newLine(w io.Writer, now func() time.Time) *Line {
	return &Line{w: w, now: now, start: now()}
}

// File starts the report of a file of size bytes (0 when unknown) and
// returns r wrapped so that its reads count. The counts of the previous
// file end.
func (l *Line) File(name string, size int64, r io.Reader) io.Reader {
	if l == nil {
		return r
	}
	l.mu.Lock()
	l.file, l.size, l.bytes, l.records = name, size, 0, 0
	l.mu.Unlock()
	return &counting{r: r, l: l}
}

// Record counts one record decoded from the current file.
func (l *Line) Record() {
	if l == nil {
		return
	}
	l.mu.Lock()
	l.records++
	l.mu.Unlock()
}

// Done erases the line if it was shown.
func (l *Line) Done() {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.shown {
		io.WriteString(l.w, "\r\x1b[K")
		l.shown = false
	}
}

type counting struct {
	r io.Reader
	l *Line
}

func (c *counting) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.l.add(int64(n))
	return n, err
}

// add counts n bytes and redraws the line when it is due.
func (l *Line) add(n int64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.bytes += n
	t := l.now()
	if t.Sub(l.start) < delay || l.shown && t.Sub(l.drawn) < every {
		return
	}
	l.drawn, l.shown = t, true
	io.WriteString(l.w, "\r\x1b[K"+l.text())
}

// text is the line's content, for example
// "reading images.json: 52.1 of 104.3 MB, 50000 records".
func (l *Line) text() string {
	s := "reading " + l.file + ": " + mb(l.bytes)
	if l.size > 0 {
		s += " of " + mb(l.size)
	}
	s += " MB"
	if l.records > 0 {
		s += ", " + strconv.FormatInt(l.records, 10) + " records"
	}
	return s
}

func mb(n int64) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
}
