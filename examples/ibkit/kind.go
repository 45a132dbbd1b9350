package main

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// documentKind is what a JSON document looks like, judged by its top-level
// members, and which flag of which command takes it.
type documentKind struct {
	what  string // "the output of aws ec2 describe-images"
	takes string // the flag that takes it: "--inventory"
	of    string // the commands that have the flag
}

// documentKinds maps a telling top-level member to the kind of document
// that has it.
var documentKinds = []struct {
	member string
	kind   documentKind
}{
	{"lifecyclePolicy", documentKind{"a GetLifecyclePolicy response (aws imagebuilder get-lifecycle-policy)", "--policy", "lifecycle validate, plan and forecast"}},
	{"policyDetails", documentKind{"a lifecycle policy", "--policy", "lifecycle validate, plan and forecast"}},
	{"resourceSelection", documentKind{"a lifecycle policy", "--policy", "lifecycle validate, plan and forecast"}},
	{"Images", documentKind{"the output of aws ec2 describe-images", "--inventory", "lifecycle plan and forecast"}},
	{"LaunchPermissions", documentKind{"the output of aws ec2 describe-image-attribute --attribute launchPermission", "--inventory", "lifecycle plan and forecast"}},
	{"imageSummaryList", documentKind{"a ListImageBuildVersions response (aws imagebuilder list-image-build-versions)", "--inventory", "lifecycle plan and forecast"}},
	{"image", documentKind{"a GetImage response (aws imagebuilder get-image)", "--inventory", "lifecycle plan and forecast"}},
	{"images", documentKind{"an ibkit inventory", "--inventory", "lifecycle plan and forecast"}},
	{"amis", documentKind{"an ibkit inventory", "--inventory", "lifecycle plan and forecast"}},
	{"imageVersionList", documentKind{"a ListImages response (aws imagebuilder list-images)", "--input", "version latest and filter"}},
	{"componentSummaryList", documentKind{"a ListComponentBuildVersions response", "--input", "version latest"}},
	{"workflowSummaryList", documentKind{"a ListWorkflowBuildVersions response", "--input", "version latest"}},
}

// sniffKind returns the kind of a JSON object by its top-level members,
// or false when none is telling or data is not a JSON object.
func sniffKind(data []byte) (documentKind, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return documentKind{}, false
	}
	members := map[string]bool{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		key, _ := tok.(string)
		members[key] = true
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
	}
	for _, k := range documentKinds {
		if members[k.member] {
			return k.kind, true
		}
	}
	return documentKind{}, false
}

// wrongKind adds a hint to err, the failure to decode the file name given
// with flag, when the file looks like a document another flag takes.
func wrongKind(name string, data []byte, flag string, err error) error {
	if hint := kindHint(name, data, flag); hint != "" {
		return fmt.Errorf("%w\nhint: %s", err, hint)
	}
	return err
}

// kindHint says what the file name given with flag looks like and which
// flag takes it, or returns "" when it looks like what flag takes or like
// nothing known.
func kindHint(name string, data []byte, flag string) string {
	k, ok := sniffKind(data)
	if !ok || k.takes == flag {
		return ""
	}
	return fmt.Sprintf("%s looks like %s; %s takes it (%s), not %s", name, k.what, k.takes, k.of, flag)
}
