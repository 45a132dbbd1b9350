package main

import (
	"bytes"
	"strings"
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

// TestRunBadInput checks that responses the program cannot use give an
// error naming the problem, not a panic or a partial table.
func TestRunBadInput(t *testing.T) {
	const (
		nginx = `{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/install-nginx/1.0.0/1"}`
		httpd = `{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/install-httpd/1.0.0/1"}`
	)
	tests := []struct {
		name, data, want string
	}{
		{"malformed JSON", `{"componentSummaryList": [`, "reading the response"},
		{"empty list", `{"componentSummaryList": []}`, "componentSummaryList is empty"},
		{"no build", `{"componentSummaryList": [{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/install-nginx/1.0.0"}]}`,
			"componentSummaryList[0].arn: arn:aws:imagebuilder:us-east-1:111122223333:component/install-nginx/1.0.0 names no build"},
		{"two components", `{"componentSummaryList": [` + nginx + `, ` + httpd + `]}`,
			"componentSummaryList[1].arn: a build of install-httpd, not install-nginx"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(&out, []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("run() error = %v, want one containing %q", err, tt.want)
			}
			if out.Len() > 0 {
				t.Errorf("printed output before failing:\n%s", out.String())
			}
		})
	}
}
