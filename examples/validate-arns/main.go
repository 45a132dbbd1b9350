// Command validate-arns checks values against the API shapes of the Image
// Builder service model. Each line of its input names a shape and a value;
// blank lines and lines starting with '#' are skipped. It prints one
// verdict a line, with the rule that failed and the decisions (AS-n) the
// verdict depends on, and exits 1 if any value is invalid (2 if the input
// cannot be read or a line is malformed).
//
//	go run ./examples/validate-arns [file]
//
// Without an argument it checks the list embedded next to this file.
package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/examples/internal/input"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
)

//go:embed arns.txt
var sample []byte

func main() {
	data, err := input.Load(sample)
	var invalid int
	if err == nil {
		invalid, err = run(os.Stdout, data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "validate-arns:", termsafe.String(err.Error()))
		os.Exit(2)
	}
	if invalid > 0 {
		os.Exit(1)
	}
}

// run prints a verdict for every line of data and returns how many values
// were invalid.
func run(w io.Writer, data []byte) (invalid int, err error) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		shape, value, ok := strings.Cut(line, " ")
		if !ok {
			return invalid, fmt.Errorf("line %d: want a shape name and a value", n)
		}
		value = strings.TrimSpace(value)
		ds, err := arn.Options{}.Check(shape, value)
		verdict := "valid  "
		if err != nil {
			verdict = "INVALID"
			invalid++
		}
		fmt.Fprintf(w, "%s %s %s", verdict, termsafe.String(shape), termsafe.String(value))
		if len(ds) > 0 {
			fmt.Fprintf(w, " [%s]", joinDecisions(ds))
		}
		fmt.Fprintln(w)
		var ae *arn.Error
		if errors.As(err, &ae) {
			fmt.Fprintf(w, "        rule %s: %s\n", ae.Rule, termsafe.String(ae.Error()))
		}
	}
	return invalid, sc.Err()
}

// joinDecisions writes decision IDs as "AS-2,AS-6".
func joinDecisions(ds []arn.Decision) string {
	var b strings.Builder
	for i, d := range ds {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(d))
	}
	return b.String()
}
