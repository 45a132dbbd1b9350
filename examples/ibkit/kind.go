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
	takes string // "--inventory"
}

// documentKinds maps a telling top-level member to the kind of document
// that has it.
var documentKinds = []struct {
	member string
	kind   documentKind
}{
	{"lifecyclePolicy", documentKind{"a GetLifecyclePolicy response (aws imagebuilder get-lifecycle-policy)", "--policy"}},
	{"policyDetails", documentKind{"a lifecycle policy", "--policy"}},
	{"resourceSelection", documentKind{"a lifecycle policy", "--policy"}},
	{"Images", documentKind{"the output of aws ec2 describe-images", "--inventory"}},
	{"LaunchPermissions", documentKind{"the output of aws ec2 describe-image-attribute --attribute launchPermission", "--inventory"}},
	{"imageSummaryList", documentKind{"a ListImageBuildVersions response (aws imagebuilder list-image-build-versions)", "--inventory"}},
	{"image", documentKind{"a GetImage response (aws imagebuilder get-image)", "--inventory"}},
	{"images", documentKind{"an ibkit inventory", "--inventory"}},
	{"amis", documentKind{"an ibkit inventory", "--inventory"}},
	{"imageVersionList", documentKind{"a ListImages response (aws imagebuilder list-images)", "--input of ibkit version latest or ibkit filter"}},
	{"componentSummaryList", documentKind{"a ListComponentBuildVersions response", "--input of ibkit version latest"}},
	{"workflowSummaryList", documentKind{"a ListWorkflowBuildVersions response", "--input of ibkit version latest"}},
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
	k, ok := sniffKind(data)
	if !ok || k.takes == flag {
		return err
	}
	return fmt.Errorf("%w\nhint: %s looks like %s, which %s takes, not %s", err, name, k.what, k.takes, flag)
}
