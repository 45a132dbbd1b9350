package filter_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
			require.NoError(t, err)
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
			require.NoError(t, err)
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
		path                   string // of a document error
		offset                 int    // of a document error
	}{
		{name: "not json", op: "ListImages", doc: `{"imageVersionList": [}`, err: filter.ErrSyntax, path: "imageVersionList[0]", offset: 22},
		{name: "not object", op: "ListImages", doc: `[1]`, err: filter.ErrInvalid},
		{name: "missing list", op: "ListImages", doc: `{"componentVersionList": []}`, err: filter.ErrInvalid},
		{name: "duplicate list", op: "ListImages", doc: `{"imageVersionList": [], "imageVersionList": []}`, err: filter.ErrInvalid,
			path: "imageVersionList", offset: 25},
		{name: "list not array", op: "ListImages", doc: `{"imageVersionList": {}}`, err: filter.ErrInvalid, path: "imageVersionList", offset: 21},
		{name: "item not object", op: "ListImages", doc: `{"imageVersionList": ["a"]}`, err: filter.ErrInvalid, path: "imageVersionList[0]", offset: 22},
		{name: "item wrong type", op: "ListImages", doc: `{"imageVersionList": [{"name": 5}]}`, err: filter.ErrInvalid, path: "imageVersionList[0].name", offset: 31},
		{name: "list field wrong type", op: "ListComponents", doc: `{"componentVersionList": [{"supportedOsVersions": "x"}]}`,
			err: filter.ErrInvalid, path: "componentVersionList[0].supportedOsVersions", offset: 50},
		{name: "list element wrong type", op: "ListComponents", doc: `{"componentVersionList": [{"supportedOsVersions": ["x", 1]}]}`,
			err: filter.ErrInvalid, path: "componentVersionList[0].supportedOsVersions[1]", offset: 56},
		{name: "nested wrong type", op: "ListImages", doc: `{"imageVersionList": [{"state": {"status": true}}]}`,
			err: filter.ErrInvalid, path: "imageVersionList[0].state.status", offset: 43},
		{name: "bad time", op: "ListImages", doc: `{"imageVersionList": [{"deprecationTime": "soon"}]}`,
			err: filter.ErrInvalid, path: "imageVersionList[0].deprecationTime", offset: 42},
		{name: "trailing data", op: "ListImages", doc: `{"imageVersionList": []} {}`, err: filter.ErrSyntax, offset: 25},
		{name: "bad filters", op: "ListImages", filters: "name=platform,values=", doc: `{"imageVersionList": []}`, err: filter.ErrInvalid, offset: -1},
		{name: "bad filter syntax", op: "ListImages", filters: "name=platform,values=[a", doc: `{"imageVersionList": []}`, err: filter.ErrSyntax, offset: 23},
		{name: "unknown operation", op: "ListImage", doc: `{"imageVersionList": []}`, err: filter.ErrUnknown, offset: -1},
		{name: "empty", op: "ListImages", doc: ``, err: filter.ErrSyntax},
		{name: "utf-16", op: "ListImages", doc: "\xff\xfe{\x00}\x00", err: filter.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := filter.FilterResponse(tt.op, tt.filters, []byte(tt.doc))
			require.ErrorIs(t, err, tt.err)
			var e *filter.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.path, e.Path)
			assert.Equal(t, tt.offset, e.Offset)
		})
	}
}

// TestFilterJSONAgreesWithApply checks that the document path keeps the
// same items, in the same order, as Apply on the decoded items.
func TestFilterJSONAgreesWithApply(t *testing.T) {
	var doc struct {
		List []map[string]any `json:"imageVersionList"`
	}
	require.NoError(t, json.Unmarshal([]byte(cliImages), &doc))
	var items []item
	for _, it := range doc.List {
		flat := item{}
		for k, v := range it {
			if s, ok := v.(string); ok {
				flat[k] = s
			}
		}
		items = append(items, flat)
	}
	for _, fs := range [][]filter.Filter{nil, {f("platform", "Linux")}, {f("type", "AMI", "DOCKER"), f("version", "1.0.0")}} {
		m, err := filter.Compile(q("ListImages", fs...))
		require.NoError(t, err)
		res, err := apply(m, items, time.Time{})
		require.NoError(t, err)
		out, _, err := filterJSON(m, []byte(cliImages), time.Time{})
		require.NoError(t, err)
		var got struct {
			List []map[string]any `json:"imageVersionList"`
		}
		require.NoError(t, json.Unmarshal(out, &got))
		var want []map[string]any
		for _, i := range res.Indices {
			want = append(want, doc.List[i])
		}
		assert.Empty(t, cmp.Diff(want, got.List), "filters %v (-Apply +FilterJSON)", fs)
	}
}

func TestFilterJSONScoped(t *testing.T) {
	doc := `{"componentVersionList": [
  {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/a/1.0.0", "name": "a", "version": "1.0.0", "extra": 1},
  {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/a/1.2.0", "name": "a", "version": "1.2.0", "extra": 2},
  {"arn": "arn:aws:imagebuilder:us-east-1:aws:component/b/1.0.0", "name": "b", "version": "1.0.0"}
]}`
	m, err := filter.Compile(read(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}), filter.ByNameWildcardARN))
	require.NoError(t, err)
	out, ds, err := filterJSON(m, []byte(doc), time.Time{})
	require.NoError(t, err)
	want := `{"componentVersionList": [
  {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:component/a/x.x.x", "name": "a", "version": "1.2.0", "extra": 2}
]}`
	if string(out) != want {
		t.Errorf("got\n%s\nwant\n%s", out, want)
	}
	if diff := cmp.Diff([]filter.Decision{"F-P1", "F-P5"}, ds); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
}

// TestFilterJSONScopedImages applies a scope to a document: the
// ownership member, state.status and deprecationTime are read from JSON.
func TestFilterJSONScopedImages(t *testing.T) {
	doc := `{"imageVersionList":[
 {"name":"a","version":"1.0.0","arn":"arn:aws:imagebuilder:us-east-1:aws:image/a/1.0.0","ownership":"Self"},
 {"name":"b","version":"1.0.0","arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/b/1.0.0","state":{"status":"DEPRECATED","reason":"old"}},
 {"name":"c","version":"1.0.0","arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/c/1.0.0","deprecationTime":"2025-01-01T00:00:00Z"},
 {"name":"d","version":"1.0.0","arn":"arn:aws:imagebuilder:us-east-1:444455556666:image/d/1.0.0"}
]}`
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name      string
		q         filter.Query
		keep      []string
		decisions []filter.Decision
	}{
		{"owner Self, deprecated hidden", scoped(q("ListImages"), filter.Scope{Account: acct}), []string{"a", "c"}, ds("F-P4", "F-P5")},
		{"deprecated by time", read(scoped(q("ListImages"), filter.Scope{Account: acct}), filter.DeprecatedByTime), []string{"a"}, ds("F-P4", "F-P5")},
		{"includeDeprecated", scoped(q("ListImages"), filter.Scope{Account: acct, IncludeDeprecated: true}), []string{"a", "b", "c"}, ds("F-P5")},
		{"owner Shared", scoped(q("ListImages"), filter.Scope{Owner: "Shared", Account: acct}), []string{"d"}, ds("F-P5")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := filter.Compile(tt.q)
			require.NoError(t, err)
			out, got, err := filterJSON(m, []byte(doc), now)
			require.NoError(t, err)
			var res struct {
				List []struct{ Name string } `json:"imageVersionList"`
			}
			require.NoError(t, json.Unmarshal(out, &res))
			var names []string
			for _, it := range res.List {
				names = append(names, it.Name)
			}
			assert.Equal(t, tt.keep, names)
			assert.Equal(t, tt.decisions, got)
		})
	}
	m, err := filter.Compile(read(scoped(q("ListImages"), filter.Scope{Account: acct}), filter.RequireOwnership))
	require.NoError(t, err)
	_, _, err = filterJSON(m, []byte(doc), now)
	var e *filter.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "imageVersionList[1]", e.Path)
	assert.ErrorIs(t, err, filter.ErrInvalid)
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
			require.NotEmpty(t, info.ResultKey)
			items := tt.hit
			if tt.miss != "" {
				items = tt.miss + "," + tt.hit
			}
			doc := `{"` + info.ResultKey + `":[` + items + `],"nextToken":"n"}`
			out, _, err := filter.FilterResponse(tt.op, tt.filters, []byte(doc))
			require.NoError(t, err)
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
		if op == "ListImageScanFindingAggregations" {
			continue // F-P7: not a row filter
		}
		info, _ := filter.Lookup(op)
		for name, member := range info.Filters {
			t.Run(op+"/"+name, func(t *testing.T) {
				hit := itemAt(member, "v1")
				miss := `{"other":"v1","` + name + `X":"v1"}`
				doc := `{"` + info.ResultKey + `":[` + miss + `,` + hit + `]}`
				out, _, err := filter.FilterResponse(op, "name="+name+",values=v1", []byte(doc))
				require.NoError(t, err)
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
	tests := []struct {
		name string
		err  func() error
		want string
	}{
		{"item", func() error {
			_, _, err := filter.FilterResponse("ListImages", "", []byte(`{"imageVersionList":[{"name":1}]}`))
			return err
		}, `filter: ListImages: imageVersionList[0].name: the member is a number; ImageVersion has a string here (byte 29)`},
		{"document", func() error {
			_, _, err := filter.FilterResponse("ListImages", "", []byte(`{"imageVersionList":[`))
			return err
		}, `filter: ListImages: imageVersionList[0]: the document ends too early; a value, bracket or brace is missing (byte 21)`},
		{"operation", func() error { return filter.Validate(q("ListThings")) },
			"filter: ListThings: not a List operation that takes filters; known operations: " + strings.Join(filter.Operations(), ", ")},
		{"filter text", func() error { _, err := filter.ParseFilters(`[{"name":`); return err },
			`filter: syntax error at offset 9 in "[{\"name\":": invalid JSON filters: unexpected end of the filters`},
		{"owner", func() error { return filter.Validate(scoped(q("ListImagePipelines"), filter.Scope{Owner: "Self"})) },
			"filter: ListImagePipelines: owner: the operation has no owner parameter"},
		{"ownership", func() error {
			m, _ := filter.Compile(scoped(q("ListImages"), filter.Scope{}))
			_, _, err := filterJSON(m, []byte(`{"imageVersionList":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0"}]}`), time.Time{})
			return err
		}, `filter: ListImages: imageVersionList[0]: ARN owner "111122223333" is an account, and telling Self from Shared needs Scope.Account (byte 21) [F-P5]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.EqualError(t, tt.err(), tt.want)
		})
	}
}

func TestDecisions(t *testing.T) {
	m, err := filter.Compile(q("ListWorkflows", f("type", "BUILD")))
	require.NoError(t, err)
	assert.Equal(t, []filter.Decision{"F-9"}, m.Decisions())
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
			require.NoError(t, err)
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
