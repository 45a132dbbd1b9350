// Command filter-images applies List filters offline to a saved
// ListImages response (the output of "aws imagebuilder list-images"), the
// way the service would have applied them, and prints the filtered
// document: only the result list changes; every other field is kept.
//
//	go run ./examples/filter-images [response.json]
//
// Without an argument it uses the response embedded next to this file. It
// shows three requests: items of the program's own type, the whole JSON
// document, and a rejected filter.
package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"

	"github.com/ibkit/ibkit/examples/internal/input"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/filter"
)

//go:embed images.json
var sample []byte

func main() { input.Main("filter-images", sample, run) }

// image is the program's own model of a ListImages item. The filters read
// it through member, by AWS's JSON member names.
type image struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	Type      string `json:"type"`
	Platform  string `json:"platform"`
	OSVersion string `json:"osVersion"`
}

func (im *image) member(path string) (string, bool) {
	switch path {
	case "name":
		return im.Name, true
	case "version":
		return im.Version, true
	case "type":
		return im.Type, true
	case "platform":
		return im.Platform, true
	case "osVersion":
		return im.OSVersion, true
	}
	return "", false
}

func run(w io.Writer, data []byte) error {
	// 1. Items of the program's own type: compile the filters once and
	// match each item.
	var resp struct {
		Images []image `json:"imageVersionList"`
	}
	if err := json.Unmarshal(data, &resp); err != nil {
		return fmt.Errorf("reading the response: %w", err)
	}
	fs, err := filter.ParseFilters("name=platform,values=Linux name=type,values=AMI")
	if err != nil {
		return err
	}
	m, err := filter.Compile(filter.Query{Operation: "ListImages", Filters: fs})
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "Linux AMI images:")
	for i := range resp.Images {
		if m.Match(resp.Images[i].member) {
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
	err = filter.Validate(filter.Query{Operation: "ListImages",
		Filters: []filter.Filter{{Name: "Platform", Values: []string{"Linux"}}}})
	fmt.Fprintf(w, "\nrejected: %v\n", err)
	return nil
}
