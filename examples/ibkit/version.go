package main

import (
	"fmt"

	"github.com/ibkit/ibkit/semver"
)

// runVersionLatest implements "ibkit version latest".
func runVersionLatest(e *env, args []string) error {
	fs := e.newFlags("print the latest version or build that matches a filter; " +
		"versions are M.m.p or M.m.p/b, from the arguments or one per line on standard input")
	filterText := fs.String("filter", "", "version `FILTER`: M.m.p, M.m.x, M.x.x or x.x.x (required)")
	output := outputFlag(fs, "text", "json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *filterText == "" {
		return usagef("--filter is required")
	}
	f, err := semver.ParseFilter(*filterText)
	if err != nil {
		return fmt.Errorf("--filter: %w", err)
	}
	lines, err := e.requireValues(rest, "versions")
	if err != nil {
		return err
	}
	cands := make([]semver.BuildVersion, len(lines))
	for i, l := range lines {
		b, _, err := semver.ParseVersionOrBuild(l.text)
		if err != nil {
			return fmt.Errorf("%s: %w", l.where, err)
		}
		cands[i] = b
	}
	i := semver.LatestIndex(f, cands)
	if i < 0 {
		return fmt.Errorf("no version among %d matches %s", len(cands), f)
	}
	if output.value == "json" {
		return writeJSON(e.stdout, struct {
			Filter    string   `json:"filter"`
			Latest    string   `json:"latest"`
			Matched   int      `json:"matched"`
			Of        int      `json:"candidates"`
			Decisions []string `json:"decisions"`
		}{f.String(), lines[i].text, countMatches(f, cands), len(cands), []string{string(semver.DecisionLatest)}})
	}
	_, err = fmt.Fprintln(e.stdout, lines[i].text)
	return err
}

func countMatches(f semver.Filter, cands []semver.BuildVersion) int {
	n := 0
	for _, c := range cands {
		if f.MatchBuild(c) {
			n++
		}
	}
	return n
}
