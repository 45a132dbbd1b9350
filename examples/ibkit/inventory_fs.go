package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"slices"
	"sync"

	"github.com/ibkit/ibkit/examples/internal/progress"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// readInventory reads the embedded sample or every --inventory file with
// inventory.Options.Read, each part named by its file (standard input as
// stdinName): files side by side, one per processor, each decoded as a
// stream and never held whole in memory, with a progress line on a
// terminal (bytes and records read per file; see
// examples/internal/progress). Standard input, other files that are not
// regular and text that is not UTF-8 are read whole first, as readFile
// does. It returns the merged inventory and the names of its parts.
func (e *env) readInventory(in *lifecycleInput, useSample bool) (*inventory.Inventory, []string, error) {
	stderr, _ := e.stderr.(*os.File)
	fsys := &inventoryFS{e: e, line: progress.New(stderr, os.Getenv), paths: map[string]string{},
		shown: map[string]*progress.File{}, read: map[string][]byte{}}
	defer fsys.line.Done()
	var names []string
	if useSample {
		names = append(names, sampleInventoryName)
	}
	for _, path := range in.inventories {
		names = append(names, displayName(path))
		fsys.paths[displayName(path)] = path
	}
	o := inventory.Options{Workers: runtime.GOMAXPROCS(0), Progress: fsys.records}
	if slices.Contains(in.inventories, "-") {
		o.Workers = 1 // standard input is read once, by one reader
	}
	inv, err := o.Read(fsys, names...)
	if err == nil {
		return inv, names, nil
	}
	var de *lifecycle.Error
	if !errors.As(err, &de) || de.File == "" {
		return nil, nil, err // already names its file
	}
	// The file goes in front of the message, as for every file the
	// command reads, with a hint when the file looks like something else.
	name := de.File
	plain := *de
	plain.File = ""
	err = fmt.Errorf("%s: %w", name, &plain)
	if name == sampleInventoryName && useSample {
		return nil, nil, err
	}
	data, read := fsys.read[name]
	if !read {
		// Streamed: read again for the hint.
		var rerr error
		if data, rerr = e.readFile(fsys.paths[name]); rerr != nil {
			return nil, nil, err
		}
	}
	return nil, nil, wrongKind(name, data, "--inventory", err)
}

// inventoryFS serves the inventory files to inventory.Options.Read under
// their display names: the embedded sample, files by path and standard
// input, converted to UTF-8 text without a byte-order mark. Its errors name
// the file.
type inventoryFS struct {
	e     *env
	line  *progress.Line
	paths map[string]string // display name to path ("-" for standard input)

	mu    sync.Mutex
	shown map[string]*progress.File // the files on the progress line
	read  map[string][]byte         // the files read whole, for hints
}

// Open opens the file of display name name.
func (s *inventoryFS) Open(name string) (fs.File, error) {
	path, ok := s.paths[name]
	switch {
	case name == sampleInventoryName && !ok:
		return memoryFile(sampleInventory), nil
	case !ok:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case path == "-":
		return s.whole(name, path)
	}
	f, err := os.Open(path)
	if err != nil {
		return s.whole(name, path) // for readFile's message
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return s.whole(name, path)
	}
	pf := s.line.File(name, st.Size(), f)
	r := bufio.NewReaderSize(pf, 64<<10)
	head, _ := r.Peek(4)
	if utf8Head, err := toUTF8(head); err != nil || !bytes.Equal(utf8Head, head) && !bytes.HasPrefix(head, []byte(utf8BOM)) {
		// UTF-16 or UTF-32: converted (or refused) whole, as readFile
		// does.
		pf.Close()
		f.Close()
		return s.whole(name, path)
	}
	if bytes.HasPrefix(head, []byte(utf8BOM)) {
		// Dropped, as readFile does, so that offsets count from the
		// first character.
		r.Discard(len(utf8BOM))
	}
	s.mu.Lock()
	s.shown[name] = pf
	s.mu.Unlock()
	return &inventoryFile{Reader: r, name: name, info: st, close: func() error {
		s.mu.Lock()
		delete(s.shown, name)
		s.mu.Unlock()
		pf.Close()
		return f.Close()
	}}, nil
}

// whole reads the file name at path whole, as readFile does, and keeps
// its text for hints.
func (s *inventoryFS) whole(name, path string) (fs.File, error) {
	data, err := s.e.readFile(path)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	s.read[name] = data
	s.mu.Unlock()
	return memoryFile(data), nil
}

// records shows the records read from a file on the progress line.
func (s *inventoryFS) records(file string, records int, _ int64) {
	s.mu.Lock()
	pf := s.shown[file]
	s.mu.Unlock()
	pf.Records(records)
}

// inventoryFile is a file of inventoryFS.
type inventoryFile struct {
	io.Reader
	name  string
	info  fs.FileInfo
	close func() error
}

func memoryFile(data []byte) *inventoryFile {
	return &inventoryFile{Reader: bytes.NewReader(data), close: func() error { return nil }}
}

// Read reads the file; an error names it.
func (f *inventoryFile) Read(p []byte) (int, error) {
	n, err := f.Reader.Read(p)
	if err != nil && err != io.EOF && f.name != "" {
		err = fmt.Errorf("%s: %w", f.name, err)
	}
	return n, err
}

func (f *inventoryFile) Stat() (fs.FileInfo, error) {
	if f.info == nil {
		return nil, fs.ErrInvalid
	}
	return f.info, nil
}

func (f *inventoryFile) Close() error { return f.close() }
