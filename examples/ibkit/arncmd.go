package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/examples/internal/termsafe"
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
		ARN: a.String(), Partition: a.Partition(), Region: a.Region(), Account: a.Account(),
		Owner: a.Owner().String(), Type: string(a.Type()), Stage: a.Stage(), Name: a.Name(),
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

func decisionList(ds []arn.Decision) []string {
	out := []string{}
	for _, x := range ds {
		out = append(out, string(x))
	}
	return out
}

// arnVerdict is the verdict on one value of arn parse or arn validate.
// For arn parse, a valid value also carries its parts.
type arnVerdict struct {
	Value  string `json:"value"`
	Source string `json:"source"` // "argument 2" or "stdin:3"
	Shape  string `json:"shape,omitempty"`
	Valid  bool   `json:"valid"`
	*arnView
	Error *arnError `json:"error,omitempty"`
	// Decisions are those the verdict depends on, valid or not.
	Decisions []string `json:"decisions"`
}

// arnError is why a value is invalid.
type arnError struct {
	Message string `json:"message"`
	Field   string `json:"field,omitempty"`
	Rule    string `json:"rule,omitempty"`
}

func newARNError(err error) *arnError {
	out := &arnError{Message: err.Error()}
	var pe *arn.Error
	if errors.As(err, &pe) {
		out.Field, out.Rule = pe.Part, pe.Rule
	}
	return out
}

// writeARNVerdicts prints verdicts as JSON or, in text, with one line per
// invalid value and what text prints for a valid one; the verdict is a
// failure when a value is invalid.
func writeARNVerdicts(e *env, vs []arnVerdict, asJSON bool, text func(tw io.Writer, v arnVerdict)) error {
	invalid := 0
	for _, v := range vs {
		if !v.Valid {
			invalid++
		}
	}
	if asJSON {
		if err := writeJSON(e.stdout, vs); err != nil {
			return err
		}
	} else {
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		for _, v := range vs {
			if v.Valid {
				text(tw, v)
				continue
			}
			line := v.Source + ": invalid: " + v.Error.Message
			if v.Error.Rule != "" {
				line += " (rule " + v.Error.Rule + ")"
			}
			fmt.Fprintln(tw, termsafe.String(line+decisionTags(v.Decisions)))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if invalid > 0 {
		return &failedResult{}
	}
	return nil
}

// decisionTags is " [AS-1, AS-6]", or "" for no decisions.
func decisionTags(ds []string) string {
	if len(ds) == 0 {
		return ""
	}
	return " [" + strings.Join(ds, ", ") + "]"
}

// runARNParse implements "ibkit arn parse".
func runARNParse(e *env, args []string) error {
	fs := e.newFlags("parse Image Builder ARNs, from the arguments or one per line on standard input, " +
		"and print their parts; exit status 1 when one is invalid")
	output := outputFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	lines, err := e.requireValues(rest, "ARNs")
	if err != nil {
		return err
	}
	vs := make([]arnVerdict, 0, len(lines))
	for _, l := range lines {
		v := arnVerdict{Value: l.text, Source: l.where, Decisions: []string{}}
		a, err := arn.Parse(l.text)
		if err != nil {
			v.Error = newARNError(err)
		} else {
			view := viewARN(a)
			v.Valid, v.arnView, v.Decisions = true, &view, view.Decisions
		}
		vs = append(vs, v)
	}
	first := true
	return writeARNVerdicts(e, vs, output.json(), func(tw io.Writer, vv arnVerdict) {
		if !first {
			fmt.Fprintln(tw)
		}
		first = false
		v := vv.arnView
		fmt.Fprintf(tw, "%s\n", termsafe.String(v.ARN))
		fmt.Fprintf(tw, "  partition\t%s\n  region\t%s\n  account\t%s (%s)\n  type\t%s\n",
			termsafe.String(v.Partition), termsafe.String(v.Region), termsafe.String(v.Account), termsafe.String(v.Owner), termsafe.String(v.Type))
		if v.Stage != "" {
			fmt.Fprintf(tw, "  stage\t%s\n", termsafe.String(v.Stage))
		}
		fmt.Fprintf(tw, "  name\t%s\n", termsafe.String(v.Name))
		version := v.VersionKind
		if v.Version != "" {
			version = v.Version + " (" + v.VersionKind + ")"
		}
		fmt.Fprintf(tw, "  version\t%s\n", termsafe.String(version))
		if v.Build != nil {
			fmt.Fprintf(tw, "  build\t%d\n", *v.Build)
		}
		if len(v.Decisions) > 0 {
			fmt.Fprintf(tw, "  decisions\t%s\n", strings.Join(v.Decisions, ", "))
		}
	})
}

// shapeFlag registers --shape: one of arn.Shapes.
func shapeFlag(fs *flag.FlagSet) *choice {
	names := arn.Shapes()
	c := &choice{allowed: names, explain: func(v string) string {
		return "not one of the " + strconv.Itoa(len(names)) + " shapes" + didYouMean(v, names) +
			" (ibkit arn validate --list shows them)"
	}}
	fs.Var(c, "shape", "API shape `NAME` (required): one of those --list shows")
	return c
}

// runARNValidate implements "ibkit arn validate".
func runARNValidate(e *env, args []string) error {
	fs := e.newFlags("check values, from the arguments or one per line on standard input, " +
		"against an API shape of the Image Builder service model, such as ImageBuildVersionArn or RoleNameOrArn; " +
		"exit status 1 when one is invalid")
	shape := shapeFlag(fs)
	list := fs.Bool("list", false, "list the shape names and exit")
	output := outputFlag(fs)
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
	if !shape.set {
		return usagef("--shape is required (ibkit arn validate --list shows the shapes)")
	}
	lines, err := e.requireValues(rest, "values")
	if err != nil {
		return err
	}
	vs := make([]arnVerdict, 0, len(lines))
	for _, l := range lines {
		ds, err := arn.Options{}.Check(shape.value, l.text)
		v := arnVerdict{Value: l.text, Source: l.where, Shape: shape.value, Valid: err == nil, Decisions: decisionList(ds)}
		if err != nil {
			v.Error = newARNError(err)
		}
		vs = append(vs, v)
	}
	return writeARNVerdicts(e, vs, output.json(), func(tw io.Writer, v arnVerdict) {
		fmt.Fprintln(tw, termsafe.String("valid "+v.Shape+": "+v.Value+decisionTags(v.Decisions)))
	})
}
