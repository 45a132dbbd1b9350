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
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/examples/internal/termsafe"
)

// exitStatusHelp states the exit statuses in every help text.
const exitStatusHelp = "Exit status: 0 success; 1 invalid input or a failed validation; 2 a wrong command line:\n" +
	"an unknown command or flag, a missing value, or a flag value outside its documented set\n" +
	"(--output text|json, --shape, --operation, --model, --skip-state)."

// Exit statuses.
const (
	exitOK      = 0
	exitInvalid = 1 // invalid input or a failed validation
	exitUsage   = 2 // the command line itself is wrong
)

// command is one leaf of the command tree.
type command struct {
	name    string // full name, e.g. "lifecycle plan"
	summary string // one line for the command list
	usage   string // the synopsis after "ibkit ", shown in help and usage errors
	run     func(e *env, args []string) error
}

func commands() []command {
	return []command{
		{"lifecycle plan", "dry-run one execution of a lifecycle policy",
			"lifecycle plan [--policy FILE] [--inventory FILE ...] [--now RFC3339] [--parameter K=V ...] [--resource ID | --address ADDR] [--region R] [--account A] [--reading NAME ...] [--days N] [--output text|json|html]", runLifecyclePlan},
		{"lifecycle validate", "validate a lifecycle policy and print every finding",
			"lifecycle validate [--policy FILE] [--parameter K=V ...] [--resource ID | --address ADDR] [--reading NAME ...] [--output text|json]", runLifecycleValidate},
		{"lifecycle forecast", "simulate daily executions and print the timeline",
			"lifecycle forecast [--policy FILE] [--inventory FILE ...] [--now RFC3339] [--parameter K=V ...] [--resource ID | --address ADDR] [--region R] [--account A] [--reading NAME ...] [--days N] [--output text|json|html]", runLifecycleForecast},
		{"arn parse", "parse Image Builder ARNs into their parts",
			"arn parse [--output text|json] [ARN ...]", runARNParse},
		{"arn validate", "validate ARNs against an API shape",
			"arn validate --shape SHAPE [--output text|json] [ARN ...]", runARNValidate},
		{"version latest", "pick the latest version or build matching a filter",
			"version latest --filter FILTER [--skip-state STATE ...] [--input FILE] [--output text|json] [VERSION ...]", runVersionLatest},
		{"filter", "apply List filters to a saved List response",
			"filter --operation OP --filters FILTERS [--input FILE] [--model 2026|2024]", runFilter},
	}
}

// usageError is a mistake on the command line (exit status 2).
type usageError struct{ msg string }

func (u *usageError) Error() string { return u.msg }

func usagef(format string, args ...any) error { return &usageError{fmt.Sprintf(format, args...)} }

func (e *env) run(args []string) int {
	if len(args) == 0 {
		e.printUsage(e.stderr)
		return exitUsage
	}
	if args[0] == "help" && len(args) > 1 {
		// "ibkit help lifecycle plan" is "ibkit lifecycle plan --help".
		return e.run(append(slices.Clone(args[1:]), "--help"))
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		e.printUsage(e.stdout)
		return exitOK
	}
	cmds := commands()
	var group []command
	for _, c := range cmds {
		words := strings.Fields(c.name)
		if words[0] != args[0] {
			continue
		}
		if len(words) == 1 {
			return e.exec(c, args[1:])
		}
		group = append(group, c)
		if len(args) > 1 && args[1] == words[1] {
			return e.exec(c, args[2:])
		}
	}
	if len(group) > 0 {
		if len(args) > 1 && (args[1] == "-h" || args[1] == "--help") {
			e.printGroupUsage(e.stdout, args[0], group)
			return exitOK
		}
		what := "no subcommand"
		if len(args) > 1 {
			what = "unknown subcommand " + termsafe.String(strconv.Quote(args[1]))
		}
		fmt.Fprintf(e.stderr, "ibkit %s: %s\n", args[0], what)
		e.printGroupUsage(e.stderr, args[0], group)
		return exitUsage
	}
	fmt.Fprintf(e.stderr, "ibkit: unknown command %s\n", termsafe.String(strconv.Quote(args[0])))
	e.printUsage(e.stderr)
	return exitUsage
}

// exec runs c with its standard output buffered, so that a command that
// fails to run prints nothing there, and turns its error into the exit
// status and a message on standard error. A *failedResult keeps the output:
// it is the command's answer, whose verdict is a failure.
func (e *env) exec(c command, args []string) int {
	var out bytes.Buffer
	sub := *e
	sub.stdout = &out
	sub.cmd = c
	err := c.run(&sub, args)
	var (
		u *usageError
		f *failedResult
	)
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp), errors.As(err, &f):
		if _, werr := e.stdout.Write(out.Bytes()); werr != nil {
			fmt.Fprintf(e.stderr, "ibkit %s: writing output: %s\n", c.name, termsafe.String(werr.Error()))
			return exitInvalid
		}
		if f != nil {
			return exitInvalid
		}
		return exitOK
	case errors.As(err, &u):
		fmt.Fprintf(e.stderr, "ibkit %s: %s\nusage: ibkit %s\nRun 'ibkit %s --help' for details.\n", c.name, termsafe.String(u.msg), c.usage, c.name)
		return exitUsage
	default:
		// errors.Join puts one error a line; give each line the prefix.
		for _, line := range strings.Split(err.Error(), "\n") {
			fmt.Fprintf(e.stderr, "ibkit %s: %s\n", c.name, termsafe.String(line))
		}
		return exitInvalid
	}
}

// failedResult is returned by a command whose standard output holds its
// complete answer and whose verdict is a failure, such as a validation
// that found errors: the output is kept and the exit status is 1.
type failedResult struct{}

func (*failedResult) Error() string { return "the verdict is a failure" }

func (e *env) printUsage(w io.Writer) {
	fmt.Fprintln(w, "ibkit: offline tools for EC2 Image Builder rules")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-20s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'ibkit COMMAND --help' for a command's flags.")
	fmt.Fprintln(w, exitStatusHelp)
}

func (e *env) printGroupUsage(w io.Writer, group string, cmds []command) {
	fmt.Fprintf(w, "Subcommands of ibkit %s:\n", group)
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-20s %s\n", c.name, c.summary)
	}
}

// newFlags returns the flag set of the command being run. Its help, with
// the given description, goes to standard output; its errors are returned
// by parseFlags and reported by exec. A flag's usage text may name its
// value in backquotes, as in "policy `FILE`", for the help to show it.
func (e *env) newFlags(description string) *flag.FlagSet {
	fs := flag.NewFlagSet(e.cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := e.stdout
		fmt.Fprintf(w, "usage: ibkit %s\n\n%s.\n", e.cmd.usage, upperFirst(description))
		type line struct{ name, usage string }
		var lines []line
		width := 0
		fs.VisitAll(func(f *flag.Flag) { // in name order
			value, usage := flag.UnquoteUsage(f)
			name := "--" + f.Name
			if value != "" {
				name += " " + value
			}
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
				usage += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			lines = append(lines, line{name, usage})
			width = max(width, len(name))
		})
		if len(lines) > 0 {
			fmt.Fprintln(w, "\nFlags:")
		}
		for _, l := range lines {
			fmt.Fprintf(w, "  %-*s  %s\n", width, l.name, l.usage)
		}
		fmt.Fprintf(w, "\n%s\n", exitStatusHelp)
	}
	return fs
}

// parseFlags parses args with fs, turning flag errors into usage errors.
// It lets flags and positional arguments mix, as most CLIs do.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err // the flag package has printed the help
			}
			return nil, &usageError{flagMessage(err)}
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// flagMessage rewrites the flag package's messages in the double-dash
// spelling this tool documents.
func flagMessage(err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		return "unknown flag --" + strings.TrimPrefix(name, "-")
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return "flag --" + strings.TrimPrefix(name, "-") + " needs a value"
	}
	// "invalid value %q for flag -%s: %v", "invalid boolean value %q for -%s: %v"
	msg = strings.Replace(msg, " for flag -", " for flag --", 1)
	return strings.Replace(msg, " for -", " for --", 1)
}

// parseNoArgs is parseFlags for commands that take no positional
// arguments.
func parseNoArgs(fs *flag.FlagSet, args []string) error {
	rest, err := parseFlags(fs, args)
	if err == nil && len(rest) > 0 {
		err = usagef("unexpected argument %q", rest[0])
	}
	return err
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// inputLine is one value read from the command line or standard input,
// with where it came from for error messages.
type inputLine struct {
	where string // "argument 2" or "stdin:3"
	text  string
}

// values returns the positional arguments, or the non-empty lines of
// standard input when there are none.
func (e *env) values(args []string) ([]inputLine, error) {
	var out []inputLine
	if len(args) > 0 {
		for i, a := range args {
			out = append(out, inputLine{fmt.Sprintf("argument %d", i+1), a})
		}
		return out, nil
	}
	data, err := e.readFile("-")
	if err != nil {
		return nil, err
	}
	return splitLines(data, "stdin"), nil
}

// splitLines returns the non-empty lines of data that are not comments
// (starting with #), trimmed, each named where:N.
func splitLines(data []byte, where string) []inputLine {
	var out []inputLine
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text()) // also drops the \r of Windows line ends
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, inputLine{where + ":" + strconv.Itoa(n), line})
	}
	return out
}

// requireValues is values, with a usage error when there are none; what
// names the values, such as "ARNs".
func (e *env) requireValues(args []string, what string) ([]inputLine, error) {
	lines, err := e.values(args)
	if err == nil && len(lines) == 0 {
		err = usagef("no %s given: pass them as arguments or on standard input", what)
	}
	return lines, err
}

// stdinName is what messages call standard input, which a file flag
// names as "-".
const stdinName = "standard input"

// displayName is the name of a file flag's value in messages.
func displayName(file string) string {
	if file == "-" {
		return stdinName
	}
	return file
}

// readFile reads a named file, or standard input for "-", with an error
// message that names the file, as UTF-8 text (see toUTF8).
func (e *env) readFile(name string) ([]byte, error) {
	var (
		b   []byte
		err error
	)
	if name == "-" {
		b, err = io.ReadAll(e.stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is already in the message
		}
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	if b, err = toUTF8(b); err != nil {
		return nil, fmt.Errorf("%s: %w", displayName(name), err)
	}
	return b, nil
}

// choice is a string flag whose value must come from a documented set,
// so that a wrong value is a usage error (exit status 2) reported when the
// flags are parsed. --output, --shape, --operation, --model and
// --skip-state are choices.
type choice struct {
	value   string
	allowed []string
	// synonyms maps other accepted spellings to a value of allowed.
	synonyms map[string]string
	// explain, if set, describes the set for a value outside it, such as
	// "did you mean ListImages?"; by default the message lists allowed.
	explain func(v string) string
	// set records that the flag was given.
	set bool
}

func (c *choice) String() string {
	if c == nil {
		return ""
	}
	return c.value
}

func (c *choice) Set(v string) error {
	if to, ok := c.synonyms[v]; ok {
		v = to
	}
	if !slices.Contains(c.allowed, v) {
		if c.explain != nil {
			return errors.New(c.explain(v))
		}
		return fmt.Errorf("want %s", orList(c.allowed))
	}
	c.value, c.set = v, true
	return nil
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) <= 1 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// The output formats. Every command that prints a result takes
// --output text or json; plan also accepts table, its old name for text;
// plan and forecast also write html.
const (
	outputText = "text"
	outputJSON = "json"
	outputHTML = "html"
)

// outputFlag registers --output, text by default; synonyms lists other
// accepted names of text.
func outputFlag(fs *flag.FlagSet, synonyms ...string) *choice {
	return outputFlagWith(fs, nil, synonyms...)
}

// outputFlagWith is outputFlag for a command that also writes the formats
// in extra.
func outputFlagWith(fs *flag.FlagSet, extra []string, synonyms ...string) *choice {
	c := &choice{value: outputText, allowed: append([]string{outputText, outputJSON}, extra...)}
	usage := "output `FORMAT`: " + orList(c.allowed)
	if len(synonyms) > 0 {
		c.synonyms = make(map[string]string, len(synonyms))
		for _, s := range synonyms {
			c.synonyms[s] = outputText
		}
		usage += " (" + orList(synonyms) + " is text)"
	}
	fs.Var(c, "output", usage)
	return c
}

// json reports whether --output json was chosen.
func (c *choice) json() bool { return c.value == outputJSON }

// html reports whether --output html was chosen.
func (c *choice) html() bool { return c.value == outputHTML }

// writeJSON writes v as indented JSON followed by a newline.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := newJSONEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
