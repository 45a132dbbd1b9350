package main

import (
	"bytes"
	"testing"

	"github.com/ibkit/ibkit/internal/golden"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, sample); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "testdata/output.golden", out.Bytes())
}
