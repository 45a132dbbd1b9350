// Package input gives the example programs their input: the file named by
// the program's only argument, or the sample embedded in the program.
package input

import (
	"errors"
	"os"
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
