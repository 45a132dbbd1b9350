package lifecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/internal/golden"
	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecodePolicyShapes(t *testing.T) {
	tests := []struct {
		file  string
		shape Shape
		check func(t *testing.T, d *Document)
	}{
		{"bare.json", ShapePolicy, func(t *testing.T, d *Document) {
			if d.Policy.DateCreated != "1717243200.25" || d.Policy.DateUpdated != "2024-07-01T08:30:00.000Z" {
				t.Errorf("timestamps = %q, %q", d.Policy.DateCreated, d.Policy.DateUpdated)
			}
			if got := d.Policy.PolicyDetails[1].Filter.Retain(); got != 2 {
				t.Errorf("retainAtLeast = %d", got)
			}
			if got := d.Policy.PolicyDetails[1].ExclusionRules.AMIs.LastLaunched.Value; got != 14 {
				t.Errorf("lastLaunched.value = %d", got)
			}
		}},
		{"get-response.json", ShapeGetResponse, func(t *testing.T, d *Document) {
			if d.Policy.Enabled() || d.Policy.ResourceSelection.TagMap["stage"] != "dev" {
				t.Errorf("policy = %+v", d.Policy)
			}
		}},
		{"create-input.json", ShapeCreateInput, func(t *testing.T, d *Document) {
			if d.ClientToken != "6f1e2d3c-0000-4000-8000-000000000001" || d.Policy.Name != "container-cleanup" {
				t.Errorf("token %q name %q", d.ClientToken, d.Policy.Name)
			}
		}},
		{"update-input.json", ShapeUpdateInput, func(t *testing.T, d *Document) {
			if d.Policy.ARN != "arn:aws:imagebuilder:us-west-2:111122223333:lifecycle-policy/progressive" || d.ClientToken != "token-2" {
				t.Errorf("arn %q token %q", d.Policy.ARN, d.ClientToken)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "policy", tt.file))
			require.NoError(t, err)
			doc, err := DecodePolicy(data, DecodeOptions{})
			require.NoError(t, err)
			if doc.Shape != tt.shape {
				t.Errorf("shape = %v, want %v", doc.Shape, tt.shape)
			}
			tt.check(t, doc)
			if fs, err := doc.Validate(ValidateOptions{}); err != nil {
				t.Errorf("fixture is invalid: %v", fs)
			}
		})
	}
}

// TestPolicyGolden decodes each fixture, encodes it, and compares with the
// golden file; decoding the golden file gives the same document again.
func TestPolicyGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "policy", "*.json"))
	for _, in := range files {
		if strings.HasSuffix(in, ".golden.json") {
			continue
		}
		t.Run(filepath.Base(in), func(t *testing.T) {
			data, _ := os.ReadFile(in)
			doc, err := DecodePolicy(data, DecodeOptions{})
			require.NoError(t, err)
			out, err := json.MarshalIndent(doc, "", "  ")
			require.NoError(t, err)
			out = append(out, '\n')
			goldenFile := strings.TrimSuffix(in, ".json") + ".golden.json"
			golden.Check(t, goldenFile, out)
			again, err := DecodePolicy(out, DecodeOptions{})
			require.NoError(t, err)
			if diff := cmp.Diff(doc, again); diff != "" {
				t.Errorf("round trip changed the document (-first +second):\n%s", diff)
			}
		})
	}
}

func TestDecodePolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		opts DecodeOptions
		path string
		code string
	}{
		{"empty", ``, DecodeOptions{}, "", wire.CodeSyntax},
		{"not an object", `[{"name":"x"}]`, DecodeOptions{}, "", wire.CodeShape},
		{"string", `"policy"`, DecodeOptions{}, "", wire.CodeShape},
		{"trailing data", `{"name":"abc"} {}`, DecodeOptions{}, "", wire.CodeSyntax},
		{"truncated", `{"policyDetails":[{"action":`, DecodeOptions{}, "policyDetails[0].action", wire.CodeSyntax},
		{"bad token", `{"policyDetails":[{"filter":{"value":01}}]}`, DecodeOptions{}, "policyDetails[0].filter", wire.CodeSyntax},
		{"bad literal", `{"policyDetails":[{"filter":{"value":tru}}]}`, DecodeOptions{}, "policyDetails[0].filter.value", wire.CodeSyntax},
		{"unknown top level", `{"nmae":"abc"}`, DecodeOptions{}, "nmae", wire.CodeUnknown},
		{"unknown nested", `{"policyDetails":[{"filter":{"type":"AGE","valeu":3}}]}`, DecodeOptions{}, "policyDetails[0].filter.valeu", wire.CodeUnknown},
		{"wrong case", `{"policyDetails":[{"Action":{}}]}`, DecodeOptions{}, "policyDetails[0].Action", wire.CodeUnknown},
		{"odd key", `{"resourceSelection":{"a b":1}}`, DecodeOptions{}, `resourceSelection["a b"]`, wire.CodeUnknown},
		{"duplicate member", `{"name":"abc","name":"abd"}`, DecodeOptions{}, "name", wire.CodeDuplicate},
		{"duplicate tag", `{"tags":{"k":"1","k":"2"}}`, DecodeOptions{}, `tags["k"]`, wire.CodeDuplicate},
		{"string for int", `{"policyDetails":[{"filter":{"value":"3"}}]}`, DecodeOptions{}, "policyDetails[0].filter.value", wire.CodeType},
		{"fraction for int", `{"policyDetails":[{"filter":{"value":3.5}}]}`, DecodeOptions{}, "policyDetails[0].filter.value", wire.CodeType},
		{"huge int", `{"policyDetails":[{"filter":{"value":99999999999}}]}`, DecodeOptions{}, "policyDetails[0].filter.value", wire.CodeType},
		{"bool as string", `{"policyDetails":[{"action":{"includeResources":{"amis":"true"}}}]}`, DecodeOptions{}, "policyDetails[0].action.includeResources.amis", wire.CodeType},
		{"tag value number", `{"tags":{"k":1}}`, DecodeOptions{}, `tags["k"]`, wire.CodeType},
		{"array for object", `{"resourceSelection":[]}`, DecodeOptions{}, "resourceSelection", wire.CodeType},
		{"object for array", `{"policyDetails":{}}`, DecodeOptions{}, "policyDetails", wire.CodeType},
		{"timestamp bool", `{"dateCreated":true}`, DecodeOptions{}, "dateCreated", wire.CodeType},
		{"get response extra", `{"lifecyclePolicy":{},"requestId":"x"}`, DecodeOptions{}, "requestId", wire.CodeUnknown},
		{"get response null", `{"lifecyclePolicy":null}`, DecodeOptions{}, "lifecyclePolicy", wire.CodeType},
		{"create with arn", `{"clientToken":"t","arn":"x"}`, DecodeOptions{}, "arn", wire.CodeUnknown},
		{"create token number", `{"clientToken":5}`, DecodeOptions{}, "clientToken", wire.CodeType},
		{"update with name", `{"lifecyclePolicyArn":"x","name":"abc"}`, DecodeOptions{}, "name", wire.CodeUnknown},
		{"update with tags", `{"lifecyclePolicyArn":"x","tags":{}}`, DecodeOptions{}, "tags", wire.CodeUnknown},
		{"update arn number", `{"lifecyclePolicyArn":1}`, DecodeOptions{}, "lifecyclePolicyArn", wire.CodeType},
		{"relaxed still checks types", `{"extra":1,"name":2}`, DecodeOptions{AllowUnknownFields: true}, "name", wire.CodeType},
		{"too deep", strings.Repeat(`{"x":`, 70), DecodeOptions{AllowUnknownFields: true}, strings.Repeat("x.", 63) + "x", wire.CodeSyntax},
		{"too deep for the model", strings.Repeat(`{"tags":`, 70), DecodeOptions{}, `tags["tags"]`, wire.CodeType},
		{"invalid UTF-8", "{\"name\":\"a\xc3(\"}", DecodeOptions{}, "name", wire.CodeSyntax},
		{"UTF-16", "\xfe\xff\x00{\x00}", DecodeOptions{}, "", wire.CodeSyntax},
		{"too large", `{"description":"` + strings.Repeat("a", maxDocumentSize) + `"}`, DecodeOptions{}, "", wire.CodeSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := DecodePolicy([]byte(tt.in), tt.opts)
			var de *Error
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tt.path, de.Path)
			assert.Equal(t, tt.code, de.Code)
			assert.ErrorIs(t, err, sentinel(tt.code))
			require.True(t, de.Offset >= 0 && de.Offset <= int64(len(tt.in)), "offset %d out of the input", de.Offset)
			// Errors about a member point at its name, others at the value.
			if tt.code == wire.CodeUnknown || tt.code == wire.CodeDuplicate {
				assert.True(t, strings.HasPrefix(tt.in[de.Offset:], `"`), "offset %d points at %q, want a member name", de.Offset, tt.in[de.Offset:])
			}
			if tt.code == wire.CodeType {
				assert.False(t, strings.HasPrefix(tt.in[de.Offset:], `:`), "offset %d points at a separator", de.Offset)
			}
		})
	}
}

func TestDecodePolicyRelaxed(t *testing.T) {
	in := `{"lifecyclePolicyArn":"arn:x","name":"ignored","tags":{"a":"b"},"policyDetails":[{"action":{"type":"DELETE","extra":{"deep":[1]}},"filter":{"type":"COUNT","value":1}}],"resourceSelection":{"tagMap":{"a":"b"}},"unknown":null}`
	doc, err := DecodePolicy([]byte(in), DecodeOptions{AllowUnknownFields: true})
	require.NoError(t, err)
	if doc.Shape != ShapeUpdateInput || doc.Policy.Name != "" || doc.Policy.Tags != nil || doc.Policy.PolicyDetails[0].Action.Type != ActionDelete {
		t.Errorf("doc = %+v", doc)
	}
}

func TestDocumentEncodeShapes(t *testing.T) {
	p := Policy{ARN: "arn:p", Name: "abc", ExecutionRole: "r", DateCreated: "5", Tags: Tags{"k": "v"}}
	tests := []struct {
		shape Shape
		want  string
	}{
		{ShapePolicy, `{"arn":"arn:p","name":"abc","executionRole":"r","resourceSelection":{},"dateCreated":5,"tags":{"k":"v"}}`},
		{ShapeGetResponse, `{"lifecyclePolicy":{"arn":"arn:p","name":"abc","executionRole":"r","resourceSelection":{},"dateCreated":5,"tags":{"k":"v"}}}`},
		{ShapeCreateInput, `{"name":"abc","executionRole":"r","resourceSelection":{},"tags":{"k":"v"},"clientToken":"t"}`},
		{ShapeUpdateInput, `{"lifecyclePolicyArn":"arn:p","executionRole":"r","resourceSelection":{},"clientToken":"t"}`},
	}
	for _, tt := range tests {
		t.Run(tt.shape.String(), func(t *testing.T) {
			got, err := json.Marshal(&Document{Shape: tt.shape, Policy: p, ClientToken: "t"})
			require.NoError(t, err)
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
	if _, err := json.Marshal(&Document{Shape: 9}); err == nil {
		t.Error("unknown shape encoded without error")
	}
}

func TestDocumentUnmarshalJSON(t *testing.T) {
	var d Document
	require.NoError(t, json.Unmarshal([]byte(`{"clientToken":"t","name":"abc"}`), &d))
	if d.Shape != ShapeCreateInput || d.Policy.Name != "abc" {
		t.Errorf("d = %+v", d)
	}
	if err := json.Unmarshal([]byte(`{"nope":1}`), &d); err == nil {
		t.Error("unknown field accepted")
	}
}

func TestDecodeErrorMessage(t *testing.T) {
	_, err := DecodePolicy([]byte(`{"policyDetails":[{"filter":{"valeu":3}}]}`), DecodeOptions{})
	got := err.Error()
	for _, part := range []string{"policyDetails[0].filter.valeu", `"valeu"`, "type, value, unit, retainAtLeast"} {
		if !strings.Contains(got, part) {
			t.Errorf("message %q lacks %q", got, part)
		}
	}
	_, err = DecodePolicy([]byte(`{"policyDetails":[{"filter":{"Value":3}}]}`), DecodeOptions{})
	if !strings.Contains(err.Error(), `did you mean "value"`) {
		t.Errorf("message %q does not suggest the right case", err)
	}
	de := &Error{File: "a.json", Path: "x", Offset: 3, Code: wire.CodeDuplicate, Reason: "r", Err: ErrInvalid}
	if de.Error() != "lifecycle: a.json: x (byte 3): r" {
		t.Errorf("Error() = %q", de.Error())
	}
}

func TestDecodeStateUpdate(t *testing.T) {
	in := `{"resourceArn":"arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2","state":{"status":"DEPRECATED"},
	"executionRole":"LifecycleRole","includeResources":{"amis":true},"exclusionRules":{"amis":{"regions":["us-west-2"]}},
	"updateAt":"2025-01-02T00:00:00Z","clientToken":"t"}`
	r, err := DecodeStateUpdate([]byte(in), DecodeOptions{})
	require.NoError(t, err)
	want := &StateUpdateRequest{
		ResourceARN:      "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2",
		State:            ResourceState{Status: StatusDeprecated},
		ExecutionRole:    "LifecycleRole",
		IncludeResources: &IncludeResources{AMIs: true},
		ExclusionRules:   &StateUpdateExclusionRules{AMIs: &AMIExclusionRules{Regions: []string{"us-west-2"}}},
		UpdateAt:         "2025-01-02T00:00:00Z",
		ClientToken:      "t",
	}
	if diff := cmp.Diff(want, r); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	out, _ := json.Marshal(r)
	r2, err := DecodeStateUpdate(out, DecodeOptions{})
	if err != nil || !cmp.Equal(r, r2) {
		t.Errorf("round trip: %v %s", err, cmp.Diff(r, r2))
	}
	for in, path := range map[string]string{
		`{"exclusionRules":{"tagMap":{}}}`: "exclusionRules.tagMap",
		`{"state":{"status":1}}`:           "state.status",
		`[]`:                               "",
		`{"state":`:                        "state",
	} {
		_, err := DecodeStateUpdate([]byte(in), DecodeOptions{})
		var de *Error
		if !errors.As(err, &de) || de.Path != path {
			t.Errorf("%s: err = %v, want path %q", in, err, path)
		}
	}
	if _, err := DecodeStateUpdate([]byte(`{"x":1}`), DecodeOptions{AllowUnknownFields: true}); err != nil {
		t.Errorf("relaxed: %v", err)
	}
}

func TestKeyPath(t *testing.T) {
	tests := []struct{ path, key, want string }{
		{"", "name", "name"},
		{"a", "b_1", "a.b_1"},
		{"a", "1b", `a["1b"]`},
		{"", "", `[""]`},
		{"a", `q"`, `a["q\""]`},
	}
	for _, tt := range tests {
		if got := jsonread.Key(tt.path, tt.key); got != tt.want {
			t.Errorf("jsonread.Key(%q, %q) = %q, want %q", tt.path, tt.key, got, tt.want)
		}
	}
	if !bytes.Equal([]byte(jsonread.Index("a", 12)), []byte("a[12]")) {
		t.Error("indexPath")
	}
}

// TestValidateTellsZeroFromMissing checks that a decoded document's
// explicit 0 is reported as 0, and an absent member as missing.
func TestValidateTellsZeroFromMissing(t *testing.T) {
	const policy = `{"name":"abc","executionRole":"r","resourceType":"AMI_IMAGE","policyDetails":[{"action":{"type":"DELETE"},
		"filter":{"type":"COUNT"%s}}],"resourceSelection":{"recipes":[{"name":"web","semanticVersion":"1.x.x"}]}}`
	tests := []struct {
		name, member string
		code         string
		message      string
	}{
		{"explicit zero", `,"value":0`, codeOutOfRange, "is 0; use an integer from 1 to 1000"},
		{"negative", `,"value":-5`, codeOutOfRange, "is -5; use an integer from 1 to 1000"},
		{"missing", ``, codeRequired, "is missing; use an integer from 1 to 1000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := DecodePolicy([]byte(fmt.Sprintf(policy, tc.member)), DecodeOptions{})
			require.NoError(t, err)
			findings, _ := doc.Validate(ValidateOptions{})
			want := Findings{{Severity: SeverityError, Path: "policyDetails[0].filter.value", Code: tc.code, Message: tc.message}}
			if diff := cmp.Diff(want, findings); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}
