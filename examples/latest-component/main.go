// Command latest-component resolves version filters to component builds
// the way Image Builder picks "latest". It reads the builds of one
// component as a ListComponentBuildVersions response lists them (join the
// componentSummaryList of several versions' responses into one), takes
// each build's version from its ARN, and prints which build each filter
// selects, first over every build and then skipping deprecated ones, and
// the latest-version references of the build x.x.x selects.
//
//	go run ./examples/latest-component [response.json]
//
// Without an argument it uses the response embedded next to this file.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/examples/internal/input"
	"github.com/ibkit/ibkit/semver"
)

//go:embed components.json
var sample []byte

func main() { input.Main("latest-component", sample, run) }

type response struct {
	Components []struct {
		ARN         string    `json:"arn"`
		DateCreated time.Time `json:"dateCreated"`
		State       struct {
			Status string `json:"status"`
		} `json:"state"`
	} `json:"componentSummaryList"`
}

func run(w io.Writer, data []byte) error {
	var resp response
	if err := json.Unmarshal(data, &resp); err != nil {
		return fmt.Errorf("reading the response: %w", err)
	}
	if len(resp.Components) == 0 {
		return errors.New("componentSummaryList is empty")
	}
	cands := make([]candidate, len(resp.Components))
	arns := make([]arn.ARN, len(resp.Components))
	for i, c := range resp.Components {
		a, err := arn.Parse(c.ARN)
		if err != nil {
			return fmt.Errorf("componentSummaryList[%d].arn: %w", i, err)
		}
		b, ok := a.BuildVersion()
		if !ok {
			return fmt.Errorf("componentSummaryList[%d].arn: %s names no build", i, c.ARN)
		}
		if i > 0 && a.Name() != arns[0].Name() {
			return fmt.Errorf("componentSummaryList[%d].arn: a build of %s, not %s; give the builds of one component",
				i, a.Name(), arns[0].Name())
		}
		arns[i], cands[i] = a, candidate{build: b, state: c.State.Status, created: c.DateCreated}
	}
	skips := []struct {
		label string
		state string
	}{
		{"any state", ""},
		{"skip DEPRECATED", "DEPRECATED"},
	}
	for _, f := range []string{"x.x.x", "1.x.x", "1.0.x", "1.0.0", "3.x.x"} {
		filter := semver.MustParseFilter(f)
		var cells []string
		for _, sk := range skips {
			i, decisions, ok := resolve(filter, cands, sk.state)
			if !ok {
				cells = append(cells, sk.label+": none")
				continue
			}
			cell := sk.label + ": " + cands[i].build.String()
			if len(decisions) > 0 {
				cell += fmt.Sprintf(" %v", decisions)
			}
			cells = append(cells, cell)
		}
		fmt.Fprintf(w, "%-6s  %s\n", f, strings.Join(cells, "   "))
	}
	// A build ARN also gives the four references Image Builder reports as
	// LatestVersionReferences; show those of the newest build.
	i, _, ok := resolve(semver.MustParseFilter("x.x.x"), cands, "")
	if !ok {
		return errors.New("no build to show the references of")
	}
	newest := arns[i]
	fmt.Fprintf(w, "\nlatest-version references of %s:\n", newest)
	for keep := 0; keep <= 3; keep++ { // x.x.x, M.x.x, M.m.x, M.m.p
		ref, err := newest.WildcardARN(keep)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %s\n", ref)
	}
	return nil
}

// candidate is one build of the component, with what the response says
// of it.
type candidate struct {
	build   semver.BuildVersion
	state   string
	created time.Time
}

// resolve picks the build f selects among the candidates not in state
// skip ("" skips none) and returns its index and the decisions the choice
// depends on. Skipping builds by state is decision AS-8, which semver
// leaves to its caller: the result carries AS-8 when skipping changed the
// choice or the chosen build is in a known state other than ACTIVE.
func resolve(f semver.Filter, cands []candidate, skip string) (int, []semver.Decision, bool) {
	var all, kept []semver.BuildVersion
	var allCreated, keptCreated []time.Time
	var index []int
	for i, c := range cands {
		all, allCreated = append(all, c.build), append(allCreated, c.created)
		if skip == "" || c.state != skip {
			kept, keptCreated, index = append(kept, c.build), append(keptCreated, c.created), append(index, i)
		}
	}
	k, decisions, err := semver.Resolve(f, kept, keptCreated)
	if err != nil {
		return -1, nil, false
	}
	chosen := index[k]
	if first, _, _ := semver.Resolve(f, all, allCreated); first != chosen || (cands[chosen].state != "" && cands[chosen].state != "ACTIVE") {
		decisions = append(decisions, "AS-8")
	}
	return chosen, decisions, true
}
