package main

import (
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/ibkit/ibkit/arn"
)

// arnView is the JSON form of a parsed ARN.
type arnView struct {
	ARN         string   `json:"arn"`
	Partition   string   `json:"partition"`
	Region      string   `json:"region"`
	Account     string   `json:"account"`
	Owner       string   `json:"owner"`
	Type        string   `json:"resourceType"`
	Stage       string   `json:"workflowStage,omitempty"`
	Name        string   `json:"name"`
	VersionKind string   `json:"versionKind"`
	Version     string   `json:"version,omitempty"`
	Build       *uint64  `json:"build,omitempty"`
	Decisions   []string `json:"decisions"`
}

func viewARN(a arn.ARN) arnView {
	v := arnView{
		ARN: a.String(), Partition: a.Partition, Region: a.Region, Account: a.Account,
		Owner: a.Owner().String(), Type: string(a.Type), Stage: string(a.Stage), Name: a.Name,
		VersionKind: a.VersionKind().String(), Version: versionPart(a), Decisions: decisionList(a.Decisions()),
	}
	if b, ok := a.Build(); ok {
		v.Build = &b
	}
	return v
}

// versionPart is the version text of the ARN without its build.
func versionPart(a arn.ARN) string {
	t := a.VersionText()
	if i := strings.IndexByte(t, '/'); i >= 0 {
		t = t[:i]
	}
	return t
}

func decisionList(d arn.Decisions) []string {
	out := []string{}
	for _, x := range d.List() {
		out = append(out, string(x))
	}
	return out
}

// runARNParse implements "ibkit arn parse".
func runARNParse(e *env, args []string) error {
	fs := e.newFlags("parse Image Builder ARNs, from the arguments or one per line on standard input, " +
		"and print their parts")
	output := outputFlag(fs, "text", "json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	lines, err := e.requireValues(rest, "ARNs")
	if err != nil {
		return err
	}
	views := make([]arnView, 0, len(lines))
	var errs []error
	for _, l := range lines {
		a, err := arn.Parse(l.text)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", l.where, err))
			continue
		}
		views = append(views, viewARN(a))
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if output.value == "json" {
		return writeJSON(e.stdout, views)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	for i, v := range views {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\n", v.ARN)
		fmt.Fprintf(tw, "  partition\t%s\n  region\t%s\n  account\t%s (%s)\n  type\t%s\n", v.Partition, v.Region, v.Account, v.Owner, v.Type)
		if v.Stage != "" {
			fmt.Fprintf(tw, "  stage\t%s\n", v.Stage)
		}
		fmt.Fprintf(tw, "  name\t%s\n", v.Name)
		version := v.VersionKind
		if v.Version != "" {
			version = v.Version + " (" + v.VersionKind + ")"
		}
		fmt.Fprintf(tw, "  version\t%s\n", version)
		if v.Build != nil {
			fmt.Fprintf(tw, "  build\t%d\n", *v.Build)
		}
		if len(v.Decisions) > 0 {
			fmt.Fprintf(tw, "  decisions\t%s\n", strings.Join(v.Decisions, ", "))
		}
	}
	return tw.Flush()
}

// runARNValidate implements "ibkit arn validate".
func runARNValidate(e *env, args []string) error {
	fs := e.newFlags("check values, from the arguments or one per line on standard input, " +
		"against an API shape of the Image Builder service model, such as ImageBuildVersionArn or RoleNameOrArn")
	shape := fs.String("shape", "", "API shape `NAME` (required); see --list")
	list := fs.Bool("list", false, "list the shape names and exit")
	output := outputFlag(fs, "text", "json")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *list {
		for _, s := range arn.Shapes() {
			fmt.Fprintln(e.stdout, s)
		}
		return nil
	}
	if *shape == "" {
		return usagef("--shape is required (ibkit arn validate --list shows the shapes)")
	}
	if !knownShape(arn.Shape(*shape)) {
		return usagef("unknown shape %q (ibkit arn validate --list shows the shapes)", *shape)
	}
	lines, err := e.requireValues(rest, "values")
	if err != nil {
		return err
	}
	type verdict struct {
		Value     string   `json:"value"`
		Shape     string   `json:"shape"`
		Valid     bool     `json:"valid"`
		Decisions []string `json:"decisions"`
	}
	var verdicts []verdict
	var errs []error
	for _, l := range lines {
		r := arn.Options{}.Check(arn.Shape(*shape), l.text)
		if r.Err != nil {
			msg := fmt.Errorf("%s: %w (rule %s)", l.where, r.Err, r.Rule)
			if ds := decisionList(r.Decisions); len(ds) > 0 {
				msg = fmt.Errorf("%w [%s]", msg, strings.Join(ds, ", "))
			}
			errs = append(errs, msg)
			continue
		}
		verdicts = append(verdicts, verdict{l.text, *shape, true, decisionList(r.Decisions)})
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if output.value == "json" {
		return writeJSON(e.stdout, verdicts)
	}
	for _, v := range verdicts {
		line := "valid " + v.Shape + ": " + v.Value
		if len(v.Decisions) > 0 {
			line += " [" + strings.Join(v.Decisions, ", ") + "]"
		}
		fmt.Fprintln(e.stdout, line)
	}
	return nil
}

func knownShape(s arn.Shape) bool {
	for _, k := range arn.Shapes() {
		if k == s {
			return true
		}
	}
	return false
}
