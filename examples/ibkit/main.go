// Command ibkit is the command-line face of the ibkit packages: offline
// dry-runs and validation of Image Builder lifecycle policies, ARN parsing
// and validation, version resolution and List-filter evaluation.
//
// Usage:
//
//	ibkit lifecycle plan     [--policy FILE] [--inventory FILE ...] [--now RFC3339]
//	                         [--parameter K=V ...] [--resource ID | --address ADDR] [--region R] [--account A] [--reading NAME ...] [--days N] [--output text|json|html]
//	ibkit lifecycle validate [--policy FILE] [--parameter K=V ...] [--resource ID | --address ADDR] [--reading NAME ...] [--output text|json]
//	ibkit lifecycle forecast [--policy FILE] [--inventory FILE ...] [--now RFC3339]
//	                         [--parameter K=V ...] [--resource ID | --address ADDR] [--region R] [--account A] [--reading NAME ...] [--days N] [--output text|json|html]
//	ibkit arn parse    [--output text|json] [ARN ...]
//	ibkit arn validate --shape SHAPE [--output text|json] [ARN ...]
//	ibkit version latest --filter FILTER [--skip-state STATE ...] [--input FILE] [--output text|json] [VERSION ...]
//	ibkit filter --operation OP --filters FILTERS [--input FILE] [--model 2026|2024]
//
// With no policy and inventory, the lifecycle commands use an embedded
// sample and its own reference instant. "ibkit help COMMAND" is
// "ibkit COMMAND --help". Commands that take values read
// them from standard input, one per line, when none is given.
//
// Exit status: 0 on success, 1 for invalid input or a failed validation,
// 2 when the command line is wrong: an unknown command or flag, or a flag
// value outside its documented set (--output text|json, --shape,
// --operation, --model, --skip-state). A command's answer goes to standard
// output, findings and verdicts included, also when the verdict is a failure
// (lifecycle validate, arn parse and arn validate exit with status 1 then);
// standard error is for failures to run, and a command that cannot run
// prints nothing on standard output. Text output escapes control
// characters and invalid UTF-8 taken from the input.
package main

import (
	"io"
	"os"
	"time"
)

func main() {
	env := &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		colour: useColour(os.Stdout),
		now:    func() time.Time { return time.Now().UTC() },
	}
	os.Exit(env.run(os.Args[1:]))
}

// useColour reports whether tables written to f may be coloured: f is a
// terminal (a character device) and NO_COLOR is unset or empty
// (https://no-color.org).
func useColour(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0 && os.Getenv("NO_COLOR") == ""
}

// env is everything a command may touch, so that tests can run commands in
// process with their own streams and clock.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	colour         bool             // colour the tables
	now            func() time.Time // the clock, read only when --now is not given
	cmd            command          // the command being run, set by exec
}
