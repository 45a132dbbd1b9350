package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/ibkit/ibkit/examples/internal/progress"
	"github.com/ibkit/ibkit/filter"
)

// unfilteredListOperations are the Image Builder List operations whose
// requests have no filters member, in the service model of 2026.
var unfilteredListOperations = []string{
	"ListComponentBuildVersions", "ListImagePackages", "ListLifecycleExecutionResources",
	"ListLifecycleExecutions", "ListTagsForResource", "ListWaitingWorkflowSteps",
	"ListWorkflowBuildVersions", "ListWorkflowExecutions", "ListWorkflowStepExecutions",
}

// operationFlag registers --operation: one of filter.Operations.
func operationFlag(fs *flag.FlagSet) *choice {
	ops := filter.Operations()
	c := &choice{allowed: ops, explain: func(v string) string {
		if slices.Contains(unfilteredListOperations, v) {
			return v + " takes no filters; the operations that do are " + orList(ops)
		}
		if c := closest(v, unfilteredListOperations); c != "" && closest(v, ops) == "" {
			return "did you mean " + c + "? It takes no filters; the operations that do are " + orList(ops)
		}
		if c := closest(v, ops); c != "" {
			return "did you mean " + c + "?"
		}
		return "want one of " + orList(ops)
	}}
	fs.Var(c, "operation", "List operation `OP` (required): "+orList(ops))
	return c
}

// runFilter implements "ibkit filter".
func runFilter(e *env, args []string) error {
	fs := e.newFlags("read a List response as the AWS CLI prints it (from --input or standard input) " +
		"and print the same document with only the items the filters keep; every other field is left as it is")
	op := operationFlag(fs)
	filters := fs.String("filters", "", "`FILTERS` as AWS CLI JSON, [{\"name\":\"platform\",\"values\":[\"Linux\"]}], or shorthand, name=platform,values=Linux (required)")
	input := fs.String("input", "-", "`FILE` holding the List response JSON; - reads standard input")
	model := &choice{value: "2026", allowed: []string{"2026", "2024"}}
	fs.Var(model, "model", "service model `EDITION` the filters are checked against: 2026 or 2024")
	if err := parseNoArgs(fs, args); err != nil {
		return err
	}
	if !op.set {
		return usagef("--operation is required: %s", orList(filter.Operations()))
	}
	if *filters == "" {
		return usagef("--filters is required")
	}
	q := filter.Query{Operation: op.value}
	if model.value == "2024" {
		q.Readings = []filter.Decision{filter.Model2024}
	}
	if _, ok := filter.Lookup(op.value, q.Readings...); !ok { // not in the --model edition
		return usagef("--operation %s is not in the %s edition of the service model", op.value, model.value)
	}
	// Check the filters first, so that a mistake in them is not blamed on
	// the input document.
	parsed, err := filter.ParseFilters(*filters)
	if err != nil {
		return fmt.Errorf("--filters: %w", err)
	}
	q.Filters = parsed
	m, err := filter.Compile(q)
	if err != nil {
		return fmt.Errorf("--filters: %w", err)
	}
	in, err := e.openStream(*input)
	if err != nil {
		return err
	}
	defer in.close()
	// A List response is taken as the service returned it: the query has
	// no scope, so the time is not read.
	if _, err := m.FilterJSON(e.stdout, in, time.Time{}); err != nil {
		if in.err != nil { // the file could not be read, as readFile says
			return fileError(*input, in.err)
		}
		return fmt.Errorf("%s: %w", displayName(*input), err)
	}
	return nil
}

// stream is an input file read as a stream, as UTF-8 text: it remembers
// the first error of the file, to report it as readFile does rather than
// as a problem of the document.
type stream struct {
	r     io.Reader
	err   error
	close func()
}

func (s *stream) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}

// openStream opens a named file, or standard input for "-", to be read as
// a stream, with a progress line on a terminal (bytes read). It gives the
// same text as readFile: a UTF-8 byte order mark is dropped, and UTF-16
// text, which toUTF8 converts as a whole, is read whole.
func (e *env) openStream(name string) (*stream, error) {
	s := &stream{r: e.stdin, close: func() {}}
	var size int64
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, fileError(name, err)
		}
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		s.r, s.close = f, func() { f.Close() }
	}
	if f, ok := e.stderr.(*os.File); ok {
		line := progress.New(f, os.Getenv)
		pf := line.File(displayName(name), size, s.r)
		s.r = pf
		closeFile := s.close
		s.close = func() { pf.Close(); line.Done(); closeFile() }
	}
	br := bufio.NewReaderSize(s.r, 64<<10)
	head, err := br.Peek(4)
	if err != nil && err != io.EOF {
		s.close()
		return nil, fileError(name, err)
	}
	switch text, _ := toUTF8(head); {
	case bytes.Equal(text, head):
		s.r = br
	case bytes.HasPrefix(head, []byte(utf8BOM)):
		br.Discard(len(utf8BOM))
		s.r = br
	default: // UTF-16 or UTF-32
		all, err := io.ReadAll(br)
		if err == nil {
			all, err = toUTF8(all)
		}
		if err != nil {
			s.close()
			return nil, fileError(name, err)
		}
		s.r = bytes.NewReader(all)
	}
	return s, nil
}

// fileError is an error reading a named file, or standard input for "-",
// as readFile words it.
func fileError(name string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err // the path is already in the message
	}
	return fmt.Errorf("%s: %w", displayName(name), err)
}
