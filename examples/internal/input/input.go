// Package input gives the example programs their input: the file named by
// the program's only argument, or the sample embedded in the program.
package input

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/ibkit/ibkit/examples/internal/termsafe"
)

// Load returns the content of the file named by the program's argument,
// or embedded when the program was run without one.
func Load(embedded []byte) ([]byte, error) {
	switch len(os.Args) {
	case 1:
		return embedded, nil
	case 2:
		return os.ReadFile(os.Args[1])
	}
	return nil, errors.New("want at most one argument: the input file")
}

// Main runs a program that reads one input: it loads the input as Load
// does, runs run on it with standard output, and on an error prints it,
// prefixed by name and escaped for the terminal, and exits with status 1.
func Main(name string, embedded []byte, run func(w io.Writer, data []byte) error) {
	data, err := Load(embedded)
	if err == nil {
		err = run(os.Stdout, data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", termsafe.String(err.Error()))
		os.Exit(1)
	}
}
