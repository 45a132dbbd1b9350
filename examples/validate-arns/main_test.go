package main

import (
	"bytes"
	"testing"

	"github.com/ibkit/ibkit/internal/golden"
)

func TestRun(t *testing.T) {
	var out bytes.Buffer
	invalid, err := run(&out, sample)
	if err != nil {
		t.Fatal(err)
	}
	if invalid != 6 {
		t.Errorf("invalid = %d, want 6", invalid)
	}
	golden.Check(t, "testdata/output.golden", out.Bytes())
}

func TestRunBadLine(t *testing.T) {
	if _, err := run(&bytes.Buffer{}, []byte("OnlyAShape\n")); err == nil {
		t.Fatal("a line without a value was accepted")
	}
}
