package filter_test

import (
	"io"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/filter"
)

// modelNames copies, per operation, the filter names of the service model
// (2026) plus the names Decisions F-9 and F-10 admit, with the result list
// member of each response.
var modelNames = map[string]struct {
	key   string
	names []string
}{
	"ListComponents":                   {"componentVersionList", []string{"description", "name", "platform", "supportedOsVersion", "type", "version"}},
	"ListImages":                       {"imageVersionList", []string{"name", "osVersion", "platform", "type", "version"}},
	"ListImageBuildVersions":           {"imageSummaryList", []string{"name", "osVersion", "platform", "type", "version"}},
	"ListImagePipelineImages":          {"imageSummaryList", []string{"name", "version"}},
	"ListImagePipelines":               {"imagePipelineList", []string{"description", "distributionConfigurationArn", "imageRecipeArn", "infrastructureConfigurationArn", "name", "status"}},
	"ListImageRecipes":                 {"imageRecipeSummaryList", []string{"name", "parentImage", "platform"}},
	"ListContainerRecipes":             {"containerRecipeSummaryList", []string{"containerType", "name", "parentImage", "platform"}},
	"ListDistributionConfigurations":   {"distributionConfigurationSummaryList", []string{"name"}},
	"ListInfrastructureConfigurations": {"infrastructureConfigurationSummaryList", []string{"name"}},
	"ListLifecyclePolicies":            {"lifecyclePolicySummaryList", []string{"name", "status"}},
	"ListWorkflows":                    {"workflowVersionList", []string{"name", "type", "version"}},
	"ListImageScanFindings":            {"findings", []string{"imageBuildVersionArn", "imagePipelineArn", "severity", "vulnerabilityId"}},
	"ListImageScanFindingAggregations": {"responses", []string{"accountId", "imageBuildVersionArn", "imagePipelineArn", "vulnerabilityId"}},
}

func names(op string, readings ...filter.Decision) []string {
	o, ok := filter.Lookup(op, readings...)
	if !ok || len(o.Filters) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(o.Filters))
}

func TestRegistry(t *testing.T) {
	ops := filter.Operations()
	require.Len(t, ops, len(modelNames))
	assert.True(t, slices.IsSorted(ops), "Operations() not sorted: %v", ops)
	for _, op := range ops {
		want, ok := modelNames[op]
		if !assert.True(t, ok, "unexpected operation %q", op) {
			continue
		}
		assert.Empty(t, cmp.Diff(want.names, names(op)), "names of %s (-want +got)", op)
		o, ok := filter.Lookup(op)
		assert.True(t, ok)
		assert.Equal(t, op, o.Name)
		assert.Equal(t, want.key, o.ResultKey)
	}
	for _, bad := range []string{"", "listImages", "ListImage", "ListComponentBuildVersions", "ListTagsForResource"} {
		_, ok := filter.Lookup(bad)
		assert.False(t, ok, "Lookup(%q) succeeded", bad)
	}
	// Returned values are copies.
	filter.Operations()[0] = "changed"
	o, _ := filter.Lookup("ListImages")
	o.Filters["colour"] = "colour"
	assert.Equal(t, "ListComponents", filter.Operations()[0])
	assert.Equal(t, modelNames["ListImages"].names, names("ListImages"), "registry mutated through a returned value")
}

func TestLookupRefusesUnknownReadings(t *testing.T) {
	for _, id := range []filter.Decision{"F-99", "L-21", ""} {
		_, ok := filter.Lookup("ListImages", id)
		assert.False(t, ok, "reading %q", id)
	}
}

func TestZeroMatcher(t *testing.T) {
	var m filter.Matcher
	assert.False(t, m.Match(func(string) (string, bool) { return "", false }))
	_, err := m.Apply(1, func(int, string) (string, bool) { return "", false }, time.Time{})
	assert.ErrorIs(t, err, filter.ErrInvalid)
	_, err = m.FilterJSON(io.Discard, strings.NewReader("{}"), time.Time{})
	assert.ErrorIs(t, err, filter.ErrInvalid)
	assert.ErrorContains(t, err, "make it with Compile")
}

func TestReadingNames(t *testing.T) {
	tests := []struct {
		name    string
		reading filter.Decision
		op      string
		want    []string
	}{
		{"F-9 NoWorkflowFilters", filter.NoWorkflowFilters, "ListWorkflows", nil},
		{"F-10 documented case", filter.DocumentedCaseLifecycleFilters, "ListLifecyclePolicies", []string{"Name", "Status", "name", "status"}},
		{"F-P3 component status", filter.ComponentStatusFilter, "ListComponents",
			[]string{"description", "name", "platform", "status", "supportedOsVersion", "type", "version"}},
		{"other readings change nothing", filter.InputOrder, "ListImages", modelNames["ListImages"].names},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Empty(t, cmp.Diff(tt.want, names(tt.op, tt.reading)))
		})
	}
}

// wantErr is the expected *Error of a validation, Reason aside.
type wantErr struct {
	index    int
	path     string
	name     string
	value    string
	decision filter.Decision
	err      error
}

// checkErr compares err with want and checks that the message names the
// operation and the filter.
func checkErr(t *testing.T, err error, op string, want wantErr) {
	t.Helper()
	require.ErrorIs(t, err, want.err)
	var got *filter.Error
	require.ErrorAs(t, err, &got)
	assert.Equal(t, wantErr{got.Index, got.Path, got.Name, got.Value, got.Decision, want.err},
		wantErr{want.index, want.path, want.name, want.value, want.decision, want.err})
	assert.Equal(t, op, got.Operation)
	assert.Equal(t, -1, got.Offset)
	assert.NotEmpty(t, got.Reason)
	msg := err.Error()
	assert.Contains(t, msg, op)
	if want.name != "" {
		assert.Contains(t, msg, `"`+want.name+`"`)
	}
}

// TestValidatePerOperation runs the same rules against every operation.
func TestValidatePerOperation(t *testing.T) {
	for op, want := range modelNames {
		t.Run(op, func(t *testing.T) {
			for _, name := range want.names {
				assert.NoError(t, filter.Validate(q(op, f(name, "v1"))), "name %q", name)
				upper := strings.ToUpper(name[:1]) + name[1:]
				err := filter.Validate(q(op, f(upper, "v1")))
				d := filter.Decision("F-2")
				switch op {
				case "ListWorkflows":
					d = "F-9"
				case "ListLifecyclePolicies":
					d = "F-10"
				}
				checkErr(t, err, op, wantErr{index: 0, name: upper, decision: d, err: filter.ErrUnknown})
				assert.Contains(t, err.Error(), "accepted names: "+strings.Join(want.names, ", "))
			}
			for _, name := range []string{"owner", "arn", "dateCreated", "tags"} {
				err := filter.Validate(q(op, f(name, "v")))
				require.ErrorIs(t, err, filter.ErrUnknown, "name %q", name)
			}
			assert.NoError(t, filter.Validate(q(op)), "no filters")
			checkErr(t, filter.Validate(filter.Query{Operation: op, Filters: []filter.Filter{}}), op,
				wantErr{index: -1, decision: "F-2", err: filter.ErrInvalid})
			first := want.names[0]
			checkErr(t, filter.Validate(q(op, filter.Filter{Name: first})), op, wantErr{index: 0, name: first, decision: "F-2", err: filter.ErrInvalid})
			checkErr(t, filter.Validate(q(op, f(first, "a*"))), op, wantErr{index: 0, name: first, value: "a*", decision: "F-2", err: filter.ErrInvalid})
			checkErr(t, filter.Validate(q(op, f(first, ""))), op, wantErr{index: 0, name: first, decision: "F-2", err: filter.ErrInvalid})
			limit := 10
			if op == "ListImageScanFindings" || op == "ListImageScanFindingAggregations" {
				d := filter.Decision("")
				if op == "ListImageScanFindings" {
					limit, d = 1, "F-5"
				}
				checkErr(t, filter.Validate(q(op, f(first, "a"), f(want.names[1], "b"))), op,
					wantErr{index: 1, name: want.names[1], decision: d, err: filter.ErrInvalid})
			} else {
				checkErr(t, filter.Validate(q(op, f(first, "a"), f(first, "b"))), op,
					wantErr{index: 1, name: first, decision: "F-2", err: filter.ErrInvalid})
				fs := make([]filter.Filter, 11)
				for i := range fs {
					fs[i] = f("x", "v")
				}
				checkErr(t, filter.Validate(q(op, fs...)), op, wantErr{index: 10, name: "x", err: filter.ErrInvalid})
			}
			vals := slices.Repeat([]string{"v"}, limit)
			assert.NoError(t, filter.Validate(q(op, f(first, vals...))), "%d values", limit)
			d := filter.Decision("F-2")
			if limit == 1 {
				d = "F-5"
			}
			checkErr(t, filter.Validate(q(op, f(first, append(vals, "w")...))), op,
				wantErr{index: 0, name: first, value: "w", decision: d, err: filter.ErrInvalid})
		})
	}
}

func TestValidate(t *testing.T) {
	long := strings.Repeat("a", 1024)
	byName := filter.Scope{ByName: true}
	tests := []struct {
		name string
		q    filter.Query
		want *wantErr // nil: valid
	}{
		{name: "unknown operation", q: q("ListThings", f("name", "a")), want: &wantErr{index: -1, value: "ListThings", err: filter.ErrUnknown}},
		{name: "operation case", q: q("listImages", f("name", "a")), want: &wantErr{index: -1, value: "listImages", err: filter.ErrUnknown}},
		{name: "valid", q: q("ListImages", f("platform", "Linux", "Windows"), f("type", "AMI"))},
		{name: "name case", q: q("ListImages", f("Name", "a")), want: &wantErr{name: "Name", decision: "F-2", err: filter.ErrUnknown}},
		{name: "name of another operation", q: q("ListDistributionConfigurations", f("platform", "Linux")),
			want: &wantErr{name: "platform", decision: "F-2", err: filter.ErrUnknown}},
		{name: "missing name", q: q("ListImages", f("", "a")), want: &wantErr{decision: "F-2", err: filter.ErrInvalid}},
		{name: "name with digits", q: q("ListImages", f("name2", "a")), want: &wantErr{name: "name2", err: filter.ErrInvalid}},
		{name: "name too long", q: q("ListImages", f(long+"a", "a")), want: &wantErr{name: long + "a", err: filter.ErrInvalid}},
		{name: "second filter duplicate", q: q("ListImages", f("type", "AMI"), f("name", "a"), f("type", "DOCKER")),
			want: &wantErr{index: 2, name: "type", decision: "F-2", err: filter.ErrInvalid}},
		{name: "nil values", q: q("ListImages", filter.Filter{Name: "name"}), want: &wantErr{name: "name", decision: "F-2", err: filter.ErrInvalid}},
		{name: "empty values", q: q("ListImages", filter.Filter{Name: "name", Values: []string{}}),
			want: &wantErr{name: "name", decision: "F-2", err: filter.ErrInvalid}},
		{name: "value 1024", q: q("ListImages", f("name", long))},
		{name: "value 1025", q: q("ListImages", f("name", long+"a")), want: &wantErr{name: "name", value: long + "a", decision: "F-2", err: filter.ErrInvalid}},
		{name: "star", q: q("ListImages", f("version", "1.0.*")), want: &wantErr{name: "version", value: "1.0.*", decision: "F-2", err: filter.ErrInvalid}},
		{name: "newline", q: q("ListImages", f("name", "a\n")), want: &wantErr{name: "name", value: "a\n", decision: "F-2", err: filter.ErrInvalid}},
		{name: "non-ascii", q: q("ListImages", f("name", "café")), want: &wantErr{name: "name", value: "café", decision: "F-2", err: filter.ErrInvalid}},
		{name: "all 2024 characters", q: q("ListImages", f("osVersion", "Az09./_ :-"))},
		{name: "comma 2026", q: q("ListImages", f("name", `a,{"b"}`))},
		{name: "comma 2024", q: read(q("ListImages", f("name", "a,b")), filter.Model2024),
			want: &wantErr{name: "name", value: "a,b", decision: "F-8", err: filter.ErrInvalid}},
		{name: "scan findings two values", q: q("ListImageScanFindings", f("severity", "HIGH", "LOW")),
			want: &wantErr{name: "severity", value: "LOW", decision: "F-5", err: filter.ErrInvalid}},
		{name: "aggregations filter ten values", q: q("ListImageScanFindingAggregations", f("accountId", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))},
		{name: "workflow names F-9", q: read(q("ListWorkflows", f("name", "a")), filter.NoWorkflowFilters),
			want: &wantErr{name: "name", decision: "F-9", err: filter.ErrUnknown}},
		{name: "lifecycle Status F-10", q: q("ListLifecyclePolicies", f("Status", "ENABLED")), want: &wantErr{name: "Status", decision: "F-10", err: filter.ErrUnknown}},
		{name: "lifecycle Status reading", q: read(q("ListLifecyclePolicies", f("Status", "ENABLED")), filter.DocumentedCaseLifecycleFilters)},
		{name: "component status F-P3", q: q("ListComponents", f("status", "ACTIVE")), want: &wantErr{name: "status", decision: "F-P3", err: filter.ErrUnknown}},
		{name: "component status reading", q: read(q("ListComponents", f("status", "ACTIVE")), filter.ComponentStatusFilter)},
		{name: "lenient: unknown skipped", q: read(q("ListImages", f("colour", "red")), filter.LenientNames)},
		{name: "lenient still checks values", q: read(q("ListImages", f("colour", "r*d")), filter.LenientNames),
			want: &wantErr{name: "colour", value: "r*d", decision: "F-2", err: filter.ErrInvalid}},
		{name: "lenient: duplicates", q: read(q("ListImages", f("name", "a"), f("name", "b")), filter.LenientNames)},
		{name: "wildcard literal by default", q: q("ListImages", f("version", "x.2.x"))},
		{name: "bad wildcard F-4", q: read(q("ListImages", f("version", "1.0.0", "x.2.x")), filter.VersionWildcards),
			want: &wantErr{name: "version", value: "x.2.x", decision: "F-4", err: filter.ErrInvalid}},
		{name: "good wildcard F-4", q: read(q("ListImages", f("version", "1.x.x")), filter.VersionWildcards)},
		{name: "byName version images F-6", q: scoped(q("ListImages", f("version", "1.0.0")), byName),
			want: &wantErr{index: -1, path: "byName", name: "version", value: "true", decision: "F-6", err: filter.ErrInvalid}},
		{name: "byName version images allowed", q: read(scoped(q("ListImages", f("version", "1.0.0")), byName), filter.AllowByNameWithVersion)},
		{name: "byName version components F-P2", q: scoped(q("ListComponents", f("version", "1.0.0")), byName)},
		{name: "byName version all ops", q: read(scoped(q("ListWorkflows", f("version", "1.0.0")), byName), filter.ByNameVersionErrorAllOps),
			want: &wantErr{index: -1, path: "byName", name: "version", value: "true", decision: "F-P2", err: filter.ErrInvalid}},
		{name: "byName without version", q: scoped(q("ListImages", f("name", "a")), byName)},
		{name: "owner enum", q: scoped(q("ListImages"), filter.Scope{Owner: "Mine"}), want: &wantErr{index: -1, path: "owner", value: "Mine", err: filter.ErrInvalid}},
		{name: "owner marketplace 2026", q: scoped(q("ListComponents"), filter.Scope{Owner: "AWSMarketplace"})},
		{name: "owner marketplace 2024", q: read(scoped(q("ListComponents"), filter.Scope{Owner: "AWSMarketplace"}), filter.Model2024),
			want: &wantErr{index: -1, path: "owner", value: "AWSMarketplace", decision: "F-8", err: filter.ErrInvalid}},
		{name: "owner unsupported", q: scoped(q("ListImagePipelines"), filter.Scope{Owner: "Self"}),
			want: &wantErr{index: -1, path: "owner", value: "Self", err: filter.ErrUnknown}},
		{name: "byName unsupported", q: scoped(q("ListImageRecipes"), byName), want: &wantErr{index: -1, path: "byName", value: "true", err: filter.ErrUnknown}},
		{name: "bad account", q: scoped(q("ListImages"), filter.Scope{Account: "12345"}), want: &wantErr{index: -1, path: "account", value: "12345", err: filter.ErrInvalid}},
		{name: "includeDeprecated unsupported", q: scoped(q("ListComponents"), filter.Scope{IncludeDeprecated: true}),
			want: &wantErr{index: -1, path: "includeDeprecated", value: "true", err: filter.ErrUnknown}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := filter.Validate(tt.q)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			checkErr(t, err, tt.q.Operation, *tt.want)
		})
	}
}

func TestUnknownReading(t *testing.T) {
	for _, id := range []filter.Decision{"F-5", "L-21", "bogus"} {
		err := filter.Validate(read(q("ListImages"), id))
		require.ErrorIs(t, err, filter.ErrUnknown, "reading %q", id)
		var e *filter.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, "Readings", e.Path)
		assert.Equal(t, string(id), e.Value)
		assert.Contains(t, err.Error(), "F-P8", "the message lists the readings offered")
		_, err = filter.Compile(read(q("ListImages"), id))
		assert.ErrorIs(t, err, filter.ErrUnknown)
	}
}

// The model's FilterName and FilterValue patterns, with the length checked
// apart because RE2 cannot repeat more than 1000 times.
var (
	nameRE   = regexp.MustCompile(`^[a-zA-Z]+$`)
	value26  = regexp.MustCompile(`^[0-9a-zA-Z./_ :,{}"-]+$`)
	value24  = regexp.MustCompile(`^[0-9a-zA-Z./_ :-]+$`)
	editions = []struct {
		name     string
		readings []filter.Decision
		value    *regexp.Regexp
	}{{"2026", nil, value26}, {"2024", []filter.Decision{filter.Model2024}, value24}}
	allBytes = func() string {
		var b strings.Builder
		for c := 0; c < 256; c++ {
			b.WriteByte(byte(c))
		}
		return b.String()
	}()
)

// TestValueCharsetOracle compares value validation with the model's
// patterns for every single byte, under both editions.
func TestValueCharsetOracle(t *testing.T) {
	for i := 0; i < len(allBytes); i++ {
		v := "a" + allBytes[i:i+1]
		for _, ed := range editions {
			err := filter.Validate(read(q("ListImages", f("name", v)), ed.readings...))
			assert.Equal(t, ed.value.MatchString(v), err == nil, "edition %s value %q: err = %v", ed.name, v, err)
		}
		n := "a" + allBytes[i:i+1]
		err := filter.Validate(read(q("ListImages", f(n, "v")), filter.LenientNames))
		assert.Equal(t, nameRE.MatchString(n), err == nil, "name %q: err = %v", n, err)
	}
}

func q(op string, fs ...filter.Filter) filter.Query {
	if len(fs) == 0 {
		return filter.Query{Operation: op}
	}
	return filter.Query{Operation: op, Filters: fs}
}

func f(name string, values ...string) filter.Filter {
	return filter.Filter{Name: name, Values: values}
}

func scoped(qq filter.Query, s filter.Scope) filter.Query {
	qq.Scope = &s
	return qq
}

func read(qq filter.Query, readings ...filter.Decision) filter.Query {
	qq.Readings = append(qq.Readings, readings...)
	return qq
}
