package filter_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

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

func TestRegistry(t *testing.T) {
	ops := filter.Operations()
	if len(ops) != len(modelNames) {
		t.Fatalf("Operations() has %d entries, want %d", len(ops), len(modelNames))
	}
	for i := 1; i < len(ops); i++ {
		if ops[i-1] >= ops[i] {
			t.Errorf("Operations() not sorted: %q before %q", ops[i-1], ops[i])
		}
	}
	for _, op := range ops {
		want, ok := modelNames[op]
		if !ok {
			t.Errorf("unexpected operation %q", op)
			continue
		}
		if diff := cmp.Diff(want.names, filter.AllowedNames(op)); diff != "" {
			t.Errorf("AllowedNames(%q) (-want +got):\n%s", op, diff)
		}
		info, ok := filter.Lookup(op)
		if !ok || info.Name != op || info.ResultKey != want.key {
			t.Errorf("Lookup(%q) = %+v, %v; want result key %q", op, info, ok, want.key)
		}
	}
	for _, bad := range []string{"", "listImages", "ListImage", "ListComponentBuildVersions", "ListTagsForResource"} {
		if _, ok := filter.Lookup(bad); ok {
			t.Errorf("Lookup(%q) succeeded", bad)
		}
		if got := filter.AllowedNames(bad); got != nil {
			t.Errorf("AllowedNames(%q) = %v, want nil", bad, got)
		}
	}
	// Returned slices are copies.
	filter.Operations()[0] = "changed"
	filter.AllowedNames("ListImages")[0] = "changed"
	if filter.Operations()[0] != "ListComponents" || filter.AllowedNames("ListImages")[0] != "name" {
		t.Error("registry mutated through a returned slice")
	}
}

func TestOptionNames(t *testing.T) {
	tests := []struct {
		name string
		opts filter.Options
		op   string
		want []string
	}{
		{"F-9 NoWorkflowFilters", filter.Options{NoWorkflowFilters: true}, "ListWorkflows", nil},
		{"F-10 documented case", filter.Options{DocumentedCaseLifecycleFilters: true}, "ListLifecyclePolicies", []string{"Name", "Status", "name", "status"}},
		{"F-P3 component status", filter.Options{ComponentStatusFilter: true}, "ListComponents",
			[]string{"description", "name", "platform", "status", "supportedOsVersion", "type", "version"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.opts.AllowedNames(tt.op)); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

// TestValidatePerOperation runs the same rules against every operation.
func TestValidatePerOperation(t *testing.T) {
	for op, want := range modelNames {
		t.Run(op, func(t *testing.T) {
			for _, name := range want.names {
				if err := filter.Validate(op, []filter.Filter{{Name: name, Values: []string{"v1"}}}); err != nil {
					t.Errorf("name %q: %v", name, err)
				}
				upper := strings.ToUpper(name[:1]) + name[1:]
				err := filter.Validate(op, []filter.Filter{{Name: upper, Values: []string{"v1"}}})
				checkErr(t, err, op, 0, upper, filter.ErrUnknownName)
				var ve *filter.ValidationError
				if errors.As(err, &ve) {
					if diff := cmp.Diff(want.names, ve.Allowed); diff != "" {
						t.Errorf("Allowed (-want +got):\n%s", diff)
					}
				}
			}
			for _, name := range []string{"owner", "arn", "dateCreated", "tags"} {
				checkErr(t, filter.Validate(op, []filter.Filter{{Name: name, Values: []string{"v"}}}), op, 0, name, filter.ErrUnknownName)
			}
			if err := filter.Validate(op, nil); err != nil {
				t.Errorf("no filters: %v", err)
			}
			checkErr(t, filter.Validate(op, []filter.Filter{}), op, -1, "", filter.ErrNoFilters)
			first := want.names[0]
			checkErr(t, filter.Validate(op, []filter.Filter{{Name: first}}), op, 0, first, filter.ErrNoValues)
			checkErr(t, filter.Validate(op, []filter.Filter{{Name: first, Values: []string{"a*"}}}), op, 0, first, filter.ErrBadValue)
			checkErr(t, filter.Validate(op, []filter.Filter{{Name: first, Values: []string{""}}}), op, 0, first, filter.ErrValueLength)
			max := 10
			if op == "ListImageScanFindings" || op == "ListImageScanFindingAggregations" {
				checkErr(t, filter.Validate(op, []filter.Filter{{Name: first, Values: []string{"a"}}, {Name: want.names[1], Values: []string{"b"}}}),
					op, 1, want.names[1], filter.ErrTooManyFilters)
				if op == "ListImageScanFindings" {
					max = 1
				}
			} else {
				checkErr(t, filter.Validate(op, []filter.Filter{{Name: first, Values: []string{"a"}}, {Name: first, Values: []string{"b"}}}),
					op, 1, first, filter.ErrDuplicateName)
				fs := make([]filter.Filter, 11)
				for i := range fs {
					fs[i] = filter.Filter{Name: "x", Values: []string{"v"}}
				}
				checkErr(t, filter.Validate(op, fs), op, 10, "x", filter.ErrTooManyFilters)
			}
			vals := make([]string, max)
			for i := range vals {
				vals[i] = "v"
			}
			if err := filter.Validate(op, []filter.Filter{{Name: first, Values: vals}}); err != nil {
				t.Errorf("%d values: %v", max, err)
			}
			checkErr(t, filter.Validate(op, []filter.Filter{{Name: first, Values: append(vals, "w")}}), op, 0, first, filter.ErrTooManyValues)
		})
	}
}

func checkErr(t *testing.T, err error, op string, index int, name string, sentinel error) {
	t.Helper()
	if !errors.Is(err, sentinel) {
		t.Errorf("err = %v, want %v", err, sentinel)
		return
	}
	var ve *filter.ValidationError
	if !errors.As(err, &ve) {
		t.Errorf("err %T is not a *ValidationError", err)
		return
	}
	if ve.Operation != op || ve.Index != index || ve.Name != name {
		t.Errorf("err = {op %q index %d name %q}, want {%q %d %q}", ve.Operation, ve.Index, ve.Name, op, index, name)
	}
	msg := err.Error()
	if !strings.Contains(msg, op) || (name != "" && !strings.Contains(msg, `"`+name+`"`)) {
		t.Errorf("message %q does not name operation %q and filter %q", msg, op, name)
	}
}

func TestValidate(t *testing.T) {
	long := strings.Repeat("a", 1024)
	tests := []struct {
		name     string
		opts     filter.Options
		q        filter.Query
		err      error
		index    int
		value    string
		decision filter.Decision
	}{
		{name: "unknown operation", q: q("ListThings", f("name", "a")), err: filter.ErrUnknownOperation, index: -1, value: "ListThings"},
		{name: "operation case", q: q("listImages", f("name", "a")), err: filter.ErrUnknownOperation, index: -1, value: "listImages"},
		{name: "valid", q: q("ListImages", f("platform", "Linux", "Windows"), f("type", "AMI"))},
		{name: "name case", q: q("ListImages", f("Name", "a")), err: filter.ErrUnknownName, decision: filter.DecisionValidation},
		{name: "name of another operation", q: q("ListDistributionConfigurations", f("platform", "Linux")), err: filter.ErrUnknownName},
		{name: "missing name", q: q("ListImages", f("", "a")), err: filter.ErrNoName},
		{name: "name with digits", q: q("ListImages", f("name2", "a")), err: filter.ErrBadName},
		{name: "name too long", q: q("ListImages", f(long+"a", "a")), err: filter.ErrBadName},
		{name: "second filter duplicate", q: q("ListImages", f("type", "AMI"), f("name", "a"), f("type", "DOCKER")), err: filter.ErrDuplicateName, index: 2},
		{name: "nil values", q: q("ListImages", filter.Filter{Name: "name"}), err: filter.ErrNoValues},
		{name: "empty values", q: q("ListImages", filter.Filter{Name: "name", Values: []string{}}), err: filter.ErrNoValues},
		{name: "value 1024", q: q("ListImages", f("name", long))},
		{name: "value 1025", q: q("ListImages", f("name", long+"a")), err: filter.ErrValueLength, value: long + "a"},
		{name: "star", q: q("ListImages", f("version", "1.0.*")), err: filter.ErrBadValue, value: "1.0.*", decision: filter.DecisionValidation},
		{name: "newline", q: q("ListImages", f("name", "a\n")), err: filter.ErrBadValue, value: "a\n"},
		{name: "non-ascii", q: q("ListImages", f("name", "café")), err: filter.ErrBadValue, value: "café"},
		{name: "all 2024 characters", q: q("ListImages", f("osVersion", "Az09./_ :-"))},
		{name: "comma 2026", q: q("ListImages", f("name", `a,{"b"}`))},
		{name: "comma 2024", opts: filter.Options{Model: filter.Model2024}, q: q("ListImages", f("name", "a,b")),
			err: filter.ErrBadValue, value: "a,b", decision: filter.DecisionModelEdition},
		{name: "scan findings two values", q: q("ListImageScanFindings", f("severity", "HIGH", "LOW")),
			err: filter.ErrTooManyValues, value: "LOW", decision: filter.DecisionScanFindingsFilter},
		{name: "aggregations filter ten values", q: q("ListImageScanFindingAggregations", f("accountId", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"))},
		{name: "workflow names F-9", opts: filter.Options{NoWorkflowFilters: true}, q: q("ListWorkflows", f("name", "a")),
			err: filter.ErrUnknownName, decision: filter.DecisionWorkflowNames},
		{name: "lifecycle Status F-10", q: q("ListLifecyclePolicies", f("Status", "ENABLED")), err: filter.ErrUnknownName, decision: filter.DecisionLifecycleNames},
		{name: "lifecycle Status option", opts: filter.Options{DocumentedCaseLifecycleFilters: true}, q: q("ListLifecyclePolicies", f("Status", "ENABLED"))},
		{name: "component status F-P3", q: q("ListComponents", f("status", "ACTIVE")), err: filter.ErrUnknownName, decision: filter.DecisionComponentStatus},
		{name: "component status option", opts: filter.Options{ComponentStatusFilter: true}, q: q("ListComponents", f("status", "ACTIVE"))},
		{name: "ignore unknown", opts: filter.Options{IgnoreUnknownFilters: true}, q: q("ListImages", f("colour", "red"))},
		{name: "ignore unknown still checks values", opts: filter.Options{IgnoreUnknownFilters: true}, q: q("ListImages", f("colour", "r*d")),
			err: filter.ErrBadValue, value: "r*d"},
		{name: "allow duplicates", opts: filter.Options{AllowDuplicateFilters: true}, q: q("ListImages", f("name", "a"), f("name", "b"))},
		{name: "wildcard literal by default", q: q("ListImages", f("version", "x.2.x"))},
		{name: "bad wildcard F-4", opts: filter.Options{VersionWildcards: true}, q: q("ListImages", f("version", "1.0.0", "x.2.x")),
			err: filter.ErrBadVersion, value: "x.2.x", decision: filter.DecisionVersionWildcard},
		{name: "good wildcard F-4", opts: filter.Options{VersionWildcards: true}, q: q("ListImages", f("version", "1.x.x"))},
		{name: "byName version images F-6", q: scoped(q("ListImages", f("version", "1.0.0")), filter.Scope{ByName: true}),
			err: filter.ErrInvalidParameterCombination, index: -1, value: "byName", decision: filter.DecisionByNameWithVersion},
		{name: "byName version images allowed", opts: filter.Options{AllowByNameWithVersion: true},
			q: scoped(q("ListImages", f("version", "1.0.0")), filter.Scope{ByName: true})},
		{name: "byName version components F-P2", q: scoped(q("ListComponents", f("version", "1.0.0")), filter.Scope{ByName: true})},
		{name: "byName version components all ops", opts: filter.Options{ByNameVersionErrorAllOps: true},
			q:   scoped(q("ListWorkflows", f("version", "1.0.0")), filter.Scope{ByName: true}),
			err: filter.ErrInvalidParameterCombination, index: -1, value: "byName", decision: filter.DecisionByNameVersionOtherOps},
		{name: "byName without version", q: scoped(q("ListImages", f("name", "a")), filter.Scope{ByName: true})},
		{name: "owner enum", q: scoped(q("ListImages"), filter.Scope{Owner: "Mine"}), err: filter.ErrBadOwner, index: -1, value: "Mine"},
		{name: "owner marketplace 2026", q: scoped(q("ListComponents"), filter.Scope{Owner: filter.OwnerAWSMarketplace})},
		{name: "owner marketplace 2024", opts: filter.Options{Model: filter.Model2024}, q: scoped(q("ListComponents"), filter.Scope{Owner: filter.OwnerAWSMarketplace}),
			err: filter.ErrBadOwner, index: -1, value: "AWSMarketplace", decision: filter.DecisionModelEdition},
		{name: "owner unsupported", q: scoped(q("ListImagePipelines"), filter.Scope{Owner: filter.OwnerSelf}), err: filter.ErrUnsupportedParameter, index: -1, value: "owner=Self"},
		{name: "byName unsupported", q: scoped(q("ListImageRecipes"), filter.Scope{ByName: true}), err: filter.ErrUnsupportedParameter, index: -1, value: "byName"},
		{name: "bad account", q: scoped(q("ListImages"), filter.Scope{Account: "12345"}), err: filter.ErrBadAccount, index: -1, value: "12345"},
		{name: "includeDeprecated unsupported", q: scoped(q("ListComponents"), filter.Scope{IncludeDeprecated: true}),
			err: filter.ErrUnsupportedParameter, index: -1, value: "includeDeprecated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate(tt.q)
			if tt.err == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("err = %v, want %v", err, tt.err)
			}
			var ve *filter.ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("%T is not a *ValidationError", err)
			}
			if ve.Index != tt.index || ve.Value != tt.value || ve.Operation != tt.q.Operation {
				t.Errorf("got index %d value %q op %q, want %d %q %q", ve.Index, ve.Value, ve.Operation, tt.index, tt.value, tt.q.Operation)
			}
			if tt.decision != "" && ve.Decision != tt.decision {
				t.Errorf("decision = %q, want %q", ve.Decision, tt.decision)
			}
			if tt.err != filter.ErrUnknownOperation && len(ve.Allowed) == 0 && !tt.opts.NoWorkflowFilters {
				t.Errorf("error lists no allowed names: %v", err)
			}
		})
	}
}

// The model's FilterName and FilterValue patterns, with the length checked
// apart because RE2 cannot repeat more than 1000 times.
var (
	nameRE   = regexp.MustCompile(`^[a-zA-Z]+$`)
	value26  = regexp.MustCompile(`^[0-9a-zA-Z./_ :,{}"-]+$`)
	value24  = regexp.MustCompile(`^[0-9a-zA-Z./_ :-]+$`)
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
		for _, ed := range []filter.Edition{filter.Model2026, filter.Model2024} {
			re := value26
			if ed == filter.Model2024 {
				re = value24
			}
			err := filter.Options{Model: ed}.Validate(q("ListImages", f("name", v)))
			if want := re.MatchString(v); want != (err == nil) {
				t.Errorf("edition %v value %q: err = %v, pattern match %v", ed, v, err, want)
			}
		}
		n := "a" + allBytes[i:i+1]
		err := filter.Validate("ListImages", []filter.Filter{{Name: n, Values: []string{"v"}}})
		if nameRE.MatchString(n) != !errors.Is(err, filter.ErrBadName) {
			t.Errorf("name %q: err = %v", n, err)
		}
	}
}

func q(op string, fs ...filter.Filter) filter.Query {
	return filter.Query{Operation: op, Filters: fs}
}

func f(name string, values ...string) filter.Filter {
	return filter.Filter{Name: name, Values: values}
}

func scoped(qq filter.Query, s filter.Scope) filter.Query {
	qq.Scope = &s
	return qq
}
