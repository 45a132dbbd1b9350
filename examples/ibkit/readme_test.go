package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readme returns the repository's README.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestReadmeSamplePlan checks that the README shows the sample plan as the
// tool prints it.
func TestReadmeSamplePlan(t *testing.T) {
	const start = "$ go run ./examples/ibkit lifecycle plan\n"
	doc := readme(t)
	i := strings.Index(doc, start)
	if i < 0 {
		t.Fatal("the README shows no sample plan")
	}
	shown, _, ok := strings.Cut(doc[i+len(start):], "```")
	if !ok {
		t.Fatal("the README's sample plan has no end")
	}
	r := runTool(t, "", "lifecycle", "plan")
	if r.code != 0 || r.stdout != shown {
		t.Errorf("the README's sample plan differs from the output (exit %d):\n%s", r.code, r.stdout)
	}
}

// codeFiles are the files that list the finding codes of the lifecycle
// packages, as unexported constants.
var codeFiles = []string{"../../lifecycle/codes.go", "../../lifecycle/inventory/codes.go", "../../lifecycle/plan/codes.go",
	"../../lifecycle/internal/wire/error.go"}

// TestReadmeExplainsEveryCode checks that every finding code of the
// lifecycle packages, and every rule X1 to X17, is explained in the README.
func TestReadmeExplainsEveryCode(t *testing.T) {
	doc := readme(t)
	n := 0
	for _, name := range codeFiles {
		n += readmeCodes(t, doc, name)
	}
	if n < 50 {
		t.Errorf("found only %d codes in %v", n, codeFiles)
	}
	for i := 1; i <= 17; i++ {
		if !strings.Contains(doc, "| X"+strconv.Itoa(i)+" |") {
			t.Errorf("the README does not explain rule X%d", i)
		}
	}
}

// readmeCodes checks the codes of one file against the README and returns
// how many it found.
func readmeCodes(t *testing.T, doc, name string) int {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
	require.NoError(t, err)
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return true
		}
		code, _ := strconv.Unquote(lit.Value)
		n++
		if !strings.Contains(doc, "`"+code+"`") {
			t.Errorf("the README does not explain code %s (%s)", code, vs.Names[0])
		}
		return true
	})
	return n
}
