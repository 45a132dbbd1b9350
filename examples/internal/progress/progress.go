// Package progress shows a one-line progress report on a terminal while
// the CLI reads large inputs: for each file being read, its name, the
// bytes read (of its size when known) and the records decoded. The line
// appears only once reading has taken more than a second, is redrawn at
// most ten times a second, and is erased when reading ends. It is never
// shown when standard error is not a terminal (a pipe, a file, CI).
package progress

import (
	"io"
	"os"
	"strconv"
	"strings"
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
// Its methods, and those of its Files, are safe for concurrent use: files
// read at the same time share the line.
type Line struct {
	mu    sync.Mutex
	w     io.Writer
	now   func() time.Time
	start time.Time
	drawn time.Time
	shown bool
	files []*File // the files being read, in the order they started
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

// File is one file on the line: an io.Reader whose reads count, and the
// count of the records decoded from it. A File of a nil Line passes reads
// through and counts nothing; the methods other than Read accept a nil
// *File.
type File struct {
	r       io.Reader
	l       *Line
	name    string
	size    int64
	bytes   int64
	records int
}

// File starts the report of a file of size bytes (0 when unknown) read
// through r; the File reads r and counts. Close takes it off the line.
func (l *Line) File(name string, size int64, r io.Reader) *File {
	f := &File{r: r, l: l, name: name, size: size}
	if l != nil {
		l.mu.Lock()
		l.files = append(l.files, f)
		l.mu.Unlock()
	}
	return f
}

// Read reads from the file and counts the bytes.
func (f *File) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if f.l != nil {
		f.l.update(func() { f.bytes += int64(n) })
	}
	return n, err
}

// Records sets the number of records decoded from the file so far.
func (f *File) Records(n int) {
	if f != nil && f.l != nil {
		f.l.update(func() { f.records = n })
	}
}

// Close takes the file off the line.
func (f *File) Close() {
	if f == nil || f.l == nil {
		return
	}
	l := f.l
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, g := range l.files {
		if g == f {
			l.files = append(l.files[:i], l.files[i+1:]...)
			break
		}
	}
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

// update counts, under the lock, and redraws the line when it is due.
func (l *Line) update(count func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	count()
	t := l.now()
	if t.Sub(l.start) < delay || l.shown && t.Sub(l.drawn) < every {
		return
	}
	l.drawn, l.shown = t, true
	io.WriteString(l.w, "\r\x1b[K"+l.text())
}

// text is the line's content, for example
// "reading images.json: 52.1 of 104.3 MB, 50000 records; amis.json: 3.2 of
// 98.0 MB".
func (l *Line) text() string {
	var b strings.Builder
	b.WriteString("reading ")
	for i, f := range l.files {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.name + ": " + mb(f.bytes))
		if f.size > 0 {
			b.WriteString(" of " + mb(f.size))
		}
		b.WriteString(" MB")
		if f.records > 0 {
			b.WriteString(", " + strconv.Itoa(f.records) + " records")
		}
	}
	return b.String()
}

func mb(n int64) string {
	return strconv.FormatFloat(float64(n)/1e6, 'f', 1, 64)
}
