package filter_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/filter"
)

// cliImages is a ListImages response as the AWS CLI prints it, with
// members ibkit does not know at both levels.
const cliImages = `{
    "requestId": "8b3f",
    "imageVersionList": [
        {
            "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0",
            "name": "web",
            "type": "AMI",
            "version": "1.0.0",
            "platform": "Linux",
            "osVersion": "Amazon Linux 2023",
            "owner": "111122223333",
            "dateCreated": "2024-05-01T10:00:00.000Z",
            "buildType": "USER_INITIATED",
            "imageSource": "CUSTOM",
            "unknownNested": {"a": [1, "]}", {"b": null}], "c": "\"quoted\""}
        },
        {
            "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/win/1.0.0",
            "name": "win",
            "type": "AMI",
            "version": "1.0.0",
            "platform": "Windows"
        },
        {
            "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/app/2.1.0",
            "name": "app",
            "type": "DOCKER",
            "version": "2.1.0",
            "platform": "Linux",
            "futureList": [true, false]
        }
    ],
    "nextToken": "abc",
    "someFutureMember": {"x": [1, 2, 3]}
}`

func TestFilterResponse(t *testing.T) {
	tests := []struct {
		name    string
		filters string
		wantIDs []string // arns' names in output order
	}{
		{"no filters", "", []string{"app", "web", "win"}},
		{"shorthand", "name=platform,values=Linux", []string{"app", "web"}},
		{"json", `[{"name":"type","values":["AMI"]},{"name":"platform","values":["Windows"]}]`, []string{"win"}},
		{"nothing kept", "name=platform,values=macOS", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := filter.FilterResponse("ListImages", tt.filters, []byte(cliImages))
			if err != nil {
				t.Fatal(err)
			}
			var doc struct {
				List []map[string]json.RawMessage `json:"imageVersionList"`
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatalf("output is not JSON: %v\n%s", err, out)
			}
			var got []string
			for _, it := range doc.List {
				var name string
				_ = json.Unmarshal(it["name"], &name)
				got = append(got, name)
			}
			if diff := cmp.Diff(tt.wantIDs, got); diff != "" {
				t.Errorf("names (-want +got):\n%s", diff)
			}
			assertSameOutside(t, cliImages, string(out))
		})
	}
}

// assertSameOutside checks that everything but the list's content is
// byte-identical, and that every kept item appears verbatim in the input.
func assertSameOutside(t *testing.T, in, out string) {
	t.Helper()
	const key = `"imageVersionList": [`
	i, j := strings.Index(in, key), strings.Index(out, key)
	if in[:i] != out[:j] {
		t.Errorf("prefix changed")
	}
	const tail = "],\n    \"nextToken\""
	if in[strings.LastIndex(in, tail):] != out[strings.LastIndex(out, tail):] {
		t.Errorf("suffix changed:\n%s", out)
	}
	var doc struct {
		List []json.RawMessage `json:"imageVersionList"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, it := range doc.List {
		if !strings.Contains(in, string(it)) {
			t.Errorf("item not verbatim from input: %s", it)
		}
	}
}

func TestFilterJSONLayout(t *testing.T) {
	tests := []struct {
		name, in, filters, want string
	}{
		{"compact", `{"imageVersionList":[{"name":"b","platform":"Linux"},{"name":"a","platform":"Linux","x":1}],"nextToken":null}`,
			"name=platform,values=Linux", `{"imageVersionList":[{"name":"a","platform":"Linux","x":1},{"name":"b","platform":"Linux"}],"nextToken":null}`},
		{"empty result", `{"imageVersionList": [ {"name":"b"} ]}`, "name=name,values=zzz", `{"imageVersionList": []}`},
		{"empty list", `{"imageVersionList": []}`, "name=name,values=a", `{"imageVersionList": []}`},
		{"null list", `{"imageVersionList": null, "z": 1}`, "name=name,values=a", `{"imageVersionList": null, "z": 1}`},
		{"escaped key", `{"image\u0056ersionList": [{"name":"a"},{"name":"b"}]}`, "name=name,values=b", `{"image\u0056ersionList": [{"name":"b"}]}`},
		{"one line indent", "{\n  \"imageVersionList\": [\n    {\"name\":\"a\"},\n    {\"name\":\"b\"}\n  ]\n}", "name=name,values=b",
			"{\n  \"imageVersionList\": [\n    {\"name\":\"b\"}\n  ]\n}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := filter.FilterResponse("ListImages", tt.filters, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if string(out) != tt.want {
				t.Errorf("got  %s\nwant %s", out, tt.want)
			}
		})
	}
}

func TestFilterJSONErrors(t *testing.T) {
	tests := []struct {
		name, op, filters, doc string
		err                    error
	}{
		{"not json", "ListImages", "", `{"imageVersionList": [}`, filter.ErrDocument},
		{"not object", "ListImages", "", `[1]`, filter.ErrDocument},
		{"missing list", "ListImages", "", `{"componentVersionList": []}`, filter.ErrDocument},
		{"duplicate list", "ListImages", "", `{"imageVersionList": [], "imageVersionList": []}`, filter.ErrDocument},
		{"list not array", "ListImages", "", `{"imageVersionList": {}}`, filter.ErrDocument},
		{"item not object", "ListImages", "", `{"imageVersionList": ["a"]}`, filter.ErrDocument},
		{"item wrong type", "ListImages", "", `{"imageVersionList": [{"name": 5}]}`, filter.ErrDocument},
		{"list field wrong type", "ListComponents", "", `{"componentVersionList": [{"supportedOsVersions": "x"}]}`, filter.ErrDocument},
		{"bad filters", "ListImages", "name=platform,values=", `{"imageVersionList": []}`, filter.ErrValueLength},
		{"bad filter syntax", "ListImages", "name=platform,values=[a", `{"imageVersionList": []}`, filter.ErrSyntax},
		{"unknown operation", "ListImage", "", `{"imageVersionList": []}`, filter.ErrUnknownOperation},
		{"empty", "ListImages", "", ``, filter.ErrDocument},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := filter.FilterResponse(tt.op, tt.filters, []byte(tt.doc))
			if !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
	_, _, err := filter.FilterResponse("ListImages", "", []byte(`{"imageVersionList": [{}, {"name": []}]}`))
	var ie *filter.ItemError
	if !errors.As(err, &ie) || ie.Path != "imageVersionList[1]" {
		t.Errorf("err = %v, want an ItemError for imageVersionList[1]", err)
	}
}

// TestFilterJSONAgreesWithApply checks that the document path keeps the
// same items, in the same order, as Apply on the decoded items.
func TestFilterJSONAgreesWithApply(t *testing.T) {
	var doc struct {
		List []filter.ImageVersion `json:"imageVersionList"`
	}
	if err := json.Unmarshal([]byte(cliImages), &doc); err != nil {
		t.Fatal(err)
	}
	for _, fs := range [][]filter.Filter{nil, {f("platform", "Linux")}, {f("type", "AMI", "DOCKER"), f("version", "1.0.0")}} {
		m, err := filter.Compile("ListImages", fs)
		if err != nil {
			t.Fatal(err)
		}
		res, err := filter.Apply(m, doc.List)
		if err != nil {
			t.Fatal(err)
		}
		out, _, err := m.FilterJSON([]byte(cliImages))
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			List []filter.ImageVersion `json:"imageVersionList"`
		}
		if err := json.Unmarshal(out, &got); err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(res.Items, got.List); diff != "" {
			t.Errorf("filters %v (-Apply +FilterJSON):\n%s", fs, diff)
		}
	}
}

func TestFilterJSONScoped(t *testing.T) {
	doc := `{"componentVersionList": [
  {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/a/1.0.0", "name": "a", "version": "1.0.0", "extra": 1},
  {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/a/1.2.0", "name": "a", "version": "1.2.0", "extra": 2},
  {"arn": "arn:aws:imagebuilder:us-east-1:aws:component/b/1.0.0", "name": "b", "version": "1.0.0"}
]}`
	m, err := filter.Options{ByNameWildcardArn: true}.Compile(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}))
	if err != nil {
		t.Fatal(err)
	}
	out, ds, err := m.FilterJSON([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"componentVersionList": [
  {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/a/x.x.x", "name": "a", "version": "1.2.0", "extra": 2}
]}`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if diff := cmp.Diff([]filter.Decision{filter.DecisionByName, filter.DecisionOwnership}, ds); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
}

// TestFilterJSONPerOperation filters a two-item document of every
// operation by one of its names: the item holding the value is kept, the
// other is not.
func TestFilterJSONPerOperation(t *testing.T) {
	tests := []struct {
		op, filters, hit, miss string
	}{
		{"ListComponents", "name=supportedOsVersion,values=Ubuntu", `{"name":"a","supportedOsVersions":["Ubuntu","Windows"],"z":1}`, `{"name":"b","supportedOsVersions":["Ubuntu 22"]}`},
		{"ListImages", "name=osVersion,values=Ubuntu", `{"osVersion":"Ubuntu","z":1}`, `{"osVersion":"ubuntu"}`},
		{"ListImageBuildVersions", "name=version,values=1.0.0", `{"version":"1.0.0/3","z":1}`, `{"version":"1.0.01"}`},
		{"ListImagePipelineImages", "name=version,values=1.0.0", `{"version":"1.0.0","z":1}`, `{"version":"1.0.0.0"}`},
		{"ListImagePipelines", "name=status,values=ENABLED", `{"status":"ENABLED","z":1}`, `{"status":"DISABLED"}`},
		{"ListImageRecipes", "name=parentImage,values=ami-1", `{"parentImage":"ami-1","z":1}`, `{"parentImage":"ami-12"}`},
		{"ListContainerRecipes", "name=containerType,values=DOCKER", `{"containerType":"DOCKER","z":1}`, `{}`},
		{"ListDistributionConfigurations", "name=name,values=d", `{"name":"d","z":1}`, `{"name":"D"}`},
		{"ListInfrastructureConfigurations", "name=name,values=i", `{"name":"i","z":1}`, `{"name":" i"}`},
		{"ListLifecyclePolicies", "name=status,values=ENABLED", `{"status":"ENABLED","z":1}`, `{"status":"DISABLED"}`},
		{"ListWorkflows", "name=type,values=TEST", `{"type":"TEST","z":1}`, `{"type":"BUILD"}`},
		{"ListImageScanFindings", "name=vulnerabilityId,values=CVE-1", `{"packageVulnerabilityDetails":{"vulnerabilityId":"CVE-1"},"z":1}`, `{"packageVulnerabilityDetails":{}}`},
		{"ListImageScanFindingAggregations", "", `{"accountAggregation":{"accountId":"1"},"z":1}`, ``},
	}
	for _, tt := range tests {
		t.Run(tt.op, func(t *testing.T) {
			info, _ := filter.Lookup(tt.op)
			items := tt.hit
			if tt.miss != "" {
				items = tt.miss + "," + tt.hit
			}
			doc := `{"` + info.ResultKey + `":[` + items + `],"nextToken":"n"}`
			out, _, err := filter.FilterResponse(tt.op, tt.filters, []byte(doc))
			if err != nil {
				t.Fatal(err)
			}
			want := `{"` + info.ResultKey + `":[` + tt.hit + `],"nextToken":"n"}`
			if string(out) != want {
				t.Errorf("got  %s\nwant %s", out, want)
			}
		})
	}
}

// TestFieldPaths checks, for every name of every operation, that the field
// Lookup reports is the JSON member the evaluation reads: an item holding
// the value at that path is kept, an item holding it anywhere else is not.
func TestFieldPaths(t *testing.T) {
	for _, op := range filter.Operations() {
		info, _ := filter.Lookup(op)
		if info.SingleFilter {
			continue // F-P7: not a row filter
		}
		for _, n := range info.Filters {
			t.Run(op+"/"+n.Name, func(t *testing.T) {
				hit := itemAt(n.Field, "v1")
				miss := `{"other":"v1","` + n.Name + `X":"v1"}`
				doc := `{"` + info.ResultKey + `":[` + miss + `,` + hit + `]}`
				out, _, err := filter.FilterResponse(op, "name="+n.Name+",values=v1", []byte(doc))
				if err != nil {
					t.Fatal(err)
				}
				if want := `{"` + info.ResultKey + `":[` + hit + `]}`; string(out) != want {
					t.Errorf("got  %s\nwant %s", out, want)
				}
			})
		}
	}
}

// itemAt builds a JSON object holding value at a field path such as
// "name", "supportedOsVersions[]" or "a.b".
func itemAt(path, value string) string {
	v, _ := json.Marshal(value)
	s := string(v)
	if strings.HasSuffix(path, "[]") {
		path = strings.TrimSuffix(path, "[]")
		s = `["other",` + s + `]`
	}
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		s = `{"` + parts[i] + `":` + s + `}`
	}
	return s
}

func TestErrorMessages(t *testing.T) {
	_, _, err := filter.FilterResponse("ListImages", "", []byte(`{"imageVersionList":[{"name":1}]}`))
	if msg := err.Error(); !strings.Contains(msg, "imageVersionList[0]") || !strings.Contains(msg, "ImageVersion") {
		t.Errorf("message %q does not locate the item", msg)
	}
	err = filter.Validate("ListThings", nil)
	if msg := err.Error(); !strings.Contains(msg, "ListThings") || !strings.Contains(msg, "ListImages") {
		t.Errorf("message %q does not name the operation and the known ones", msg)
	}
	_, err = filter.ParseFilters(`[{"name":`)
	var se *filter.SyntaxError
	if !errors.As(err, &se) || se.Offset == 0 || !strings.Contains(err.Error(), "offset") {
		t.Errorf("err = %v, want a located *SyntaxError", err)
	}
}

func TestAccessors(t *testing.T) {
	m, err := filter.Compile("ListWorkflows", []filter.Filter{{Name: "type", Values: []string{"BUILD"}}})
	if err != nil {
		t.Fatal(err)
	}
	if m.Operation() != "ListWorkflows" || m.ResultKey() != "workflowVersionList" {
		t.Errorf("got %q %q", m.Operation(), m.ResultKey())
	}
	if diff := cmp.Diff([]filter.Decision{filter.DecisionWorkflowNames}, m.Decisions()); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
	ds := filter.Decisions()
	if len(ds) != 18 || ds[0] != "F-1" || ds[9] != "F-10" || ds[17] != "F-P8" {
		t.Errorf("Decisions() = %v", ds)
	}
	if filter.Model2026.String() != "2026" || filter.Model2024.String() != "2024" {
		t.Error("Edition.String")
	}
}

// TestFilterJSONMemberCase pins that member names are read exactly: a
// member whose name differs from a known one only in case (or Unicode
// folding) is an unknown member, kept in the output but never read, even
// though encoding/json alone would decode it into the known field.
func TestFilterJSONMemberCase(t *testing.T) {
	tests := []struct {
		name, op, filters, doc string
		keep                   bool
	}{
		{"upper-case name only", "ListComponents", "name=name,values=app",
			`{"componentVersionList":[{"NAME":"app","version":"1.0.0"}]}`, false},
		{"later Name does not replace name", "ListComponents", "name=name,values=app",
			`{"componentVersionList":[{"name":"b","Name":"app","version":"1.0.0"}]}`, false},
		{"earlier Name does not replace name", "ListComponents", "name=name,values=b",
			`{"componentVersionList":[{"Name":"app","name":"b","version":"1.0.0"}]}`, true},
		{"long s folds to s", "ListImageScanFindings", "name=severity,values=HIGH",
			`{"findings":[{"\u017feverity":"HIGH"}]}`, false},
		{"nested member", "ListImageScanFindings", "name=vulnerabilityId,values=CVE-1",
			`{"findings":[{"packageVulnerabilityDetails":{"VulnerabilityId":"CVE-1"}}]}`, false},
		{"nested exact", "ListImageScanFindings", "name=vulnerabilityId,values=CVE-1",
			`{"findings":[{"packageVulnerabilityDetails":{"VulnerabilityId":"CVE-2","vulnerabilityId":"CVE-1"}}]}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := filter.FilterResponse(tt.op, tt.filters, []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			kept := !strings.HasSuffix(string(out), "[]}")
			if kept != tt.keep {
				t.Errorf("FilterResponse(%s) = %s, want item kept %v", tt.doc, out, tt.keep)
			}
			if kept && string(out) != tt.doc {
				t.Errorf("kept item changed:\n got %s\nwant %s", out, tt.doc)
			}
		})
	}
}

func TestFilterJSONMemberCaseLast(t *testing.T) {
	// Dropping the last members must leave an object the decoder reads.
	doc := `{"componentVersionList":[{"name":"b","version":"1.0.0","Name":"a","NAME":"c"}]}`
	out, _, err := filter.FilterResponse("ListComponents", "name=name,values=b", []byte(doc))
	if err != nil || string(out) != doc {
		t.Fatalf("FilterResponse = %s, %v; want the document unchanged", out, err)
	}
}
