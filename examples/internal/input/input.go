// Package input gives the example programs their input: the file named by
// the program's first argument, or the sample embedded in the program.
package input

import "os"

// Load returns the content of the file named by os.Args[1], or embedded
// when the program was run without arguments.
func Load(embedded []byte) ([]byte, error) {
	if len(os.Args) < 2 {
		return embedded, nil
	}
	return os.ReadFile(os.Args[1])
}
