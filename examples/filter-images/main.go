// Command filter-images applies List filters offline to a saved
// ListImages response (the output of "aws imagebuilder list-images"), the
// way the service would have applied them, and prints the filtered
// document: only the result list changes; every other field is kept.
//
//	go run ./examples/filter-images [response.json]
//
// Without an argument it uses the response embedded next to this file. It
// shows three requests: the typed API, the JSON API and a rejected filter.
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/ibkit/ibkit/examples/internal/input"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/filter"
)

//go:embed images.json
var sample []byte

func main() {
	data, err := input.Load(sample)
	if err == nil {
		err = run(os.Stdout, data)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "filter-images:", termsafe.String(err.Error()))
		os.Exit(1)
	}
}

func run(w io.Writer, data []byte) error {
	// 1. Typed items: compile the filters once and match each item.
	var resp struct {
		Images []filter.ImageVersion `json:"imageVersionList"`
	}
	if err := json.Unmarshal(data, &resp); err != nil {
		return fmt.Errorf("reading the response: %w", err)
	}
	fs, err := filter.ParseFilters("name=platform,values=Linux name=type,values=AMI")
	if err != nil {
		return err
	}
	m, err := filter.Compile("ListImages", fs)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Linux AMI images:")
	for i := range resp.Images {
		if m.Match(&resp.Images[i]) {
			fmt.Fprintf(w, "  %s %s\n", termsafe.String(resp.Images[i].Name), termsafe.String(resp.Images[i].Version))
		}
	}

	// 2. The whole document: the same response with only the kept items.
	out, decisions, err := filter.FilterResponse("ListImages",
		`[{"name":"osVersion","values":["Microsoft Windows Server 2022"]}]`, data)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nWindows Server 2022 images (decisions %v):\n%s", decisions, out)

	// 3. A mistake the service would reject: filter names are case-sensitive.
	err = filter.Validate("ListImages", []filter.Filter{{Name: "Platform", Values: []string{"Linux"}}})
	fmt.Fprintf(w, "\nrejected: %v\n", err)
	return nil
}
