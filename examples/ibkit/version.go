package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
	"github.com/ibkit/ibkit/semver"
)

// buildStates are the states --skip-state accepts: those of images,
// components and workflows in the service model.
var buildStates = []string{
	"ACTIVE", "AVAILABLE", "BUILDING", "CANCELLED", "CREATING", "DELETED", "DEPRECATED",
	"DISABLED", "DISTRIBUTING", "FAILED", "INTEGRATING", "PENDING", "TESTING",
}

// choiceList is a repeatable flag whose values come from a documented set.
type choiceList struct {
	values  []string
	allowed []string
}

func (c *choiceList) String() string {
	if c == nil {
		return ""
	}
	return strings.Join(c.values, ",")
}

func (c *choiceList) Set(v string) error {
	if !slices.Contains(c.allowed, v) {
		return fmt.Errorf("want one of %s%s", orList(c.allowed), didYouMean(v, c.allowed))
	}
	c.values = append(c.values, v)
	return nil
}

// versionCandidate is one version or build given to version latest.
type versionCandidate struct {
	source  string // "argument 2", "stdin:3", "list.json: imageSummaryList[4]"
	written string // the value as the input wrote it: a version, a build or an ARN
	arn     *arn.ARN
	version semver.BuildVersion // the build 0 when the value names none
	state   string              // the state a List response gives, or ""
	created time.Time           // the creation time a List response gives, or zero
	build   bool                // the value names a build, not only a version
	zeros   bool                // a node or the build has a leading zero (AS-6)
}

// canonical is the candidate's version in the form AS-6 documents.
func (c *versionCandidate) canonical() string {
	if c.build {
		return c.version.String()
	}
	return c.version.Version().String()
}

// listResponse holds the items of the List responses version latest
// reads; the AWS CLI prints one list member per response.
type listResponse struct {
	Components []listItem `json:"componentSummaryList"`
	Images     []listItem `json:"imageSummaryList"`
	Versions   []listItem `json:"imageVersionList"`
	Workflows  []listItem `json:"workflowSummaryList"`
}

type listItem struct {
	ARN     string `json:"arn"`
	Version string `json:"version"`
	State   struct {
		Status string `json:"status"`
	} `json:"state"`
	DateCreated string `json:"dateCreated"`
}

// runVersionLatest implements "ibkit version latest".
func runVersionLatest(e *env, args []string) error {
	fs := e.newFlags("print the latest version or build that matches a filter, in the form of decision AS-6 " +
		"(no leading zeros); the values are versions M.m.p, builds M.m.p/b or Image Builder ARNs, from the arguments, " +
		"one per line on standard input or in --input, or a saved ListComponentBuildVersions, " +
		"ListImageBuildVersions, ListImages or ListWorkflowBuildVersions response")
	filterText := fs.String("filter", "", "version `FILTER`: M.m.p, M.m.x, M.x.x or x.x.x (required)")
	input := fs.String("input", "", "`FILE` of values, one a line, or a saved List response; - reads standard input (the default without arguments)")
	skip := &choiceList{allowed: buildStates}
	fs.Var(skip, "skip-state", "never pick a build in `STATE`, repeatable, such as DEPRECATED (decision AS-8); "+
		"states are known only from List responses")
	output := outputFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *filterText == "" {
		return usagef("--filter is required")
	}
	if *input != "" && len(rest) > 0 {
		return usagef("give the values as arguments or with --input, not both")
	}
	f, err := semver.ParseFilter(*filterText)
	if err != nil {
		return fmt.Errorf("--filter: %w", err)
	}
	cands, err := e.versionCandidates(rest, *input)
	if err != nil {
		return err
	}
	if len(cands) == 0 {
		return usagef("no versions given: pass them as arguments, on standard input or with --input")
	}
	if err := oneResource(cands); err != nil {
		return err
	}
	res, err := resolveLatest(f, cands, skip.values)
	if err != nil {
		return err
	}
	chosen := &cands[res.index]
	latest := chosen.canonical()
	if output.json() {
		out := struct {
			Filter    string   `json:"filter"`
			Latest    string   `json:"latest"`
			Written   string   `json:"written"`
			Source    string   `json:"source"`
			State     string   `json:"state,omitempty"`
			Matched   int      `json:"matched"`
			Of        int      `json:"candidates"`
			Decisions []string `json:"decisions"`
		}{f.String(), latest, chosen.written, chosen.source, chosen.state, res.matched, len(cands), res.decisions}
		if out.Decisions == nil {
			out.Decisions = []string{}
		}
		return writeJSON(e.stdout, out)
	}
	line := latest
	switch {
	case chosen.zeros:
		line += " [AS-6: written " + chosen.written + "]"
	case res.zeros:
		line += " [AS-6: other matches are written with leading zeros]"
	}
	_, err = fmt.Fprintln(e.stdout, termsafe.String(line))
	return err
}

// versionCandidates reads the values of version latest: the arguments,
// or the lines or List response of --input or standard input.
func (e *env) versionCandidates(args []string, input string) ([]versionCandidate, error) {
	var lines []inputLine
	if len(args) > 0 {
		lines, _ = e.values(args)
	} else {
		if input == "" {
			input = "-"
		}
		data, err := e.readFile(input)
		if err != nil {
			return nil, err
		}
		name := displayName(input)
		if t := bytes.TrimSpace(data); len(t) > 0 && t[0] == '{' {
			return listCandidates(name, data)
		}
		where := name
		if input == "-" {
			where = "stdin"
		}
		lines = splitLines(data, where)
	}
	out := make([]versionCandidate, 0, len(lines))
	for _, l := range lines {
		c, err := parseCandidate(l.where, l.text, "")
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// parseCandidate reads a version, a build or an ARN; version is the
// version of a List item whose ARN does not name a build.
func parseCandidate(where, text, version string) (versionCandidate, error) {
	c := versionCandidate{source: where, written: text}
	vtext := text
	if strings.HasPrefix(text, "arn:") {
		a, err := arn.Parse(text)
		if err != nil {
			return c, fmt.Errorf("%s: %w", where, err)
		}
		c.arn = &a
		vtext = a.VersionText()
		if !strings.Contains(vtext, "/") && version != "" {
			vtext = version
		}
	}
	c.build = strings.Contains(vtext, "/")
	var err error
	if c.build {
		c.version, err = semver.ParseBuild(vtext)
	} else {
		var v semver.Version
		v, err = semver.Parse(vtext)
		c.version = semver.NewBuild(v, 0)
	}
	if err != nil {
		return c, fmt.Errorf("%s: %w", where, err)
	}
	c.zeros = slices.Contains(semver.Flags(vtext), "AS-6")
	return c, nil
}

// listCandidates reads the items of a saved List response.
func listCandidates(name string, data []byte) ([]versionCandidate, error) {
	var resp listResponse
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&resp); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []versionCandidate
	for _, l := range []struct {
		member string
		items  []listItem
	}{
		{"componentSummaryList", resp.Components}, {"imageSummaryList", resp.Images},
		{"imageVersionList", resp.Versions}, {"workflowSummaryList", resp.Workflows},
	} {
		for i, it := range l.items {
			where := fmt.Sprintf("%s: %s[%d]", name, l.member, i)
			text := it.ARN
			if text == "" {
				text = it.Version
			}
			if text == "" {
				return nil, fmt.Errorf("%s: has neither arn nor version", where)
			}
			c, err := parseCandidate(where, text, it.Version)
			if err != nil {
				return nil, err
			}
			c.state = it.State.Status
			if t, err := time.Parse(time.RFC3339, it.DateCreated); err == nil {
				c.created = t
			}
			out = append(out, c)
		}
	}
	if out == nil {
		err := fmt.Errorf("%s: no items: expected a ListComponentBuildVersions, ListImageBuildVersions, ListImages or "+
			"ListWorkflowBuildVersions response, with componentSummaryList, imageSummaryList, imageVersionList or workflowSummaryList", name)
		return nil, wrongKind(name, data, "--input", err)
	}
	return out, nil
}

// oneResource refuses ARNs of different resources: "latest" is picked
// among the versions of one component, image or workflow.
func oneResource(cands []versionCandidate) error {
	var first *versionCandidate
	for i := range cands {
		c := &cands[i]
		if c.arn == nil {
			continue
		}
		if first == nil {
			first = c
			continue
		}
		if c.arn.Type() != first.arn.Type() || c.arn.Name() != first.arn.Name() || c.arn.Stage() != first.arn.Stage() {
			return errors.New(c.source + ": a version of " + string(c.arn.Type()) + " " + c.arn.Name() + ", but " +
				first.source + " is one of " + string(first.arn.Type()) + " " + first.arn.Name() + "; give the versions of one resource")
		}
	}
	return nil
}

// latestResult is what version latest reports beside the chosen build.
type latestResult struct {
	index     int      // the chosen candidate
	matched   int      // how many candidates the filter matches
	zeros     bool     // a match is written with a leading zero (AS-6)
	decisions []string // AS-6, AS-7 and AS-8 where they bear on the result
}

// resolveLatest picks the latest build f matches among the candidates
// whose state is not in skip. semver.Resolve knows nothing of states, so
// this is where decision AS-8 is read: skipping is the caller's choice,
// and the result carries AS-8 when a skip changed the choice or the chosen
// build is in a state other than AVAILABLE (images) or ACTIVE (components
// and workflows).
func resolveLatest(f semver.Filter, cands []versionCandidate, skip []string) (latestResult, error) {
	var r latestResult
	all := make([]semver.BuildVersion, len(cands))
	created := make([]time.Time, len(cands))
	var kept []int
	var keptBuilds []semver.BuildVersion
	var keptCreated []time.Time
	skipped := 0
	for i := range cands {
		c := &cands[i]
		all[i], created[i] = c.version, c.created
		match := f.Match(c.version.Version())
		if match {
			r.matched++
			r.zeros = r.zeros || c.zeros
		}
		if slices.Contains(skip, c.state) {
			if match {
				skipped++
			}
			continue
		}
		kept = append(kept, i)
		keptBuilds = append(keptBuilds, c.version)
		keptCreated = append(keptCreated, c.created)
	}
	k, decided, err := semver.Resolve(f, keptBuilds, keptCreated)
	if errors.Is(err, semver.ErrNoMatch) {
		msg := fmt.Sprintf("no version among %s matches %s", count(len(cands), "candidate", "candidates"), f)
		if skipped > 0 {
			msg += fmt.Sprintf(" (%d of %d matches skipped for their state)", skipped, r.matched)
		}
		return r, errors.New(msg)
	}
	if err != nil {
		return r, err
	}
	r.index = kept[k]
	if r.zeros {
		r.decisions = append(r.decisions, "AS-6")
	}
	for _, d := range decided {
		r.decisions = append(r.decisions, string(d))
	}
	unskipped, _, _ := semver.Resolve(f, all, created)
	if st := cands[r.index].state; (skipped > 0 && unskipped != r.index) || (st != "" && st != "AVAILABLE" && st != "ACTIVE") {
		r.decisions = append(r.decisions, "AS-8")
	}
	return r, nil
}
