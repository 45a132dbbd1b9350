package filter_test

import (
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/filter"
)

const (
	acct  = "111122223333"
	other = "444455556666"
)

func arnOf(owner, typ, rest string) string {
	return "arn:aws:imagebuilder:us-east-1:" + owner + ":" + typ + "/" + rest
}

// item is a list item keyed by member path, the way Match reads it: list
// elements are keyed "supportedOsVersions[0]", ...
type item map[string]string

func (it item) member(path string) (string, bool) {
	v, ok := it[path]
	return v, ok
}

// withList returns it with the list member key holding elems.
func withList(it item, key string, elems ...string) item {
	for i, e := range elems {
		it[key+"["+strconv.Itoa(i)+"]"] = e
	}
	return it
}

func apply(m *filter.Matcher, items []item, now time.Time) (filter.Result, error) {
	return m.Apply(len(items), func(i int, path string) (string, bool) { return items[i].member(path) }, now)
}

// evalCase is one evaluation; want holds input indices, compared as a set
// unless ordered is set.
type evalCase struct {
	name      string
	q         filter.Query
	now       time.Time
	want      []int
	ordered   bool
	decisions []filter.Decision
	err       error
}

func runCases(t *testing.T, items []item, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := filter.Compile(tc.q)
			require.NoError(t, err)
			res, err := apply(m, items, tc.now)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			got := res.Indices
			if !tc.ordered {
				got = sorted(got)
			}
			if len(got) == 0 {
				got = nil
			}
			assert.Empty(t, cmp.Diff(tc.want, got), "indices (-want +got)")
			assert.Empty(t, cmp.Diff(tc.decisions, res.Decisions), "decisions (-want +got)")
			// Match agrees with Apply when no scope is involved.
			if tc.q.Scope == nil {
				var viaMatch []int
				for i := range items {
					if m.Match(items[i].member) {
						viaMatch = append(viaMatch, i)
					}
				}
				assert.Equal(t, viaMatch, sorted(res.Indices), "Match and Apply disagree")
			}
		})
	}
}

func sorted(xs []int) []int {
	if len(xs) == 0 {
		return nil
	}
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs
}

func ds(ids ...filter.Decision) []filter.Decision { return ids }

func TestEvalListComponents(t *testing.T) {
	items := []item{
		0: withList(item{"name": "app", "version": "1.0.0", "platform": "Linux", "type": "BUILD", "description": "installs app",
			"arn": arnOf(acct, "component", "app/1.0.0")}, "supportedOsVersions", "Amazon Linux 2023", "Ubuntu 22"),
		1: withList(item{"name": "app", "version": "1.10.0", "platform": "Linux", "type": "BUILD",
			"arn": arnOf(acct, "component", "app/1.10.0"), "dateCreated": "2024-01-01T00:00:00Z"}, "supportedOsVersions", "Amazon Linux 2"),
		2: {"name": "app-install", "version": "1.2.0", "platform": "Windows", "type": "TEST", "arn": arnOf(acct, "component", "app-install/1.2.0")},
		3: {"name": "app", "version": "1.9.0", "platform": "Linux", "type": "BUILD", "arn": arnOf("aws", "component", "app/1.9.0"), "status": "DEPRECATED"},
		4: {"name": "shared", "version": "2.0.0", "platform": "Linux", "arn": arnOf(other, "component", "shared/2.0.0")},
		5: {"name": "cis", "version": "3.0.0", "platform": "Linux", "arn": arnOf("third-party", "component", "cis/3.0.0")},
		6: {"name": "market", "version": "1.0.0", "platform": "Linux", "arn": arnOf("aws-marketplace", "component", "market/1.0.0"), "ownership": "Self"},
	}
	runCases(t, items, []evalCase{
		{name: "exact name, no substring", q: q("ListComponents", f("name", "app")), want: []int{0, 1, 3}, decisions: ds("F-P3")},
		{name: "case-sensitive", q: q("ListComponents", f("platform", "linux")), want: nil},
		{name: "OR values", q: q("ListComponents", f("platform", "Linux", "Windows")), want: []int{0, 1, 2, 3, 4, 5, 6}, decisions: ds("F-P3")},
		{name: "AND filters", q: q("ListComponents", f("platform", "Linux"), f("version", "1.10.0")), want: []int{1}},
		{name: "absent description never matches", q: q("ListComponents", f("description", "installs app")), want: []int{0}},
		{name: "list field any element", q: q("ListComponents", f("supportedOsVersion", "Ubuntu 22")), want: []int{0}},
		{name: "list field exact F-1", q: q("ListComponents", f("supportedOsVersion", "Amazon Linux")), want: nil, decisions: ds("F-1")},
		{name: "list prefix reading F-1", q: read(q("ListComponents", f("supportedOsVersion", "Amazon Linux")), filter.OSVersionPrefix),
			want: []int{0, 1}, decisions: ds("F-1")},
		{name: "version literal x F-4", q: q("ListComponents", f("version", "1.x.x")), want: nil, decisions: ds("F-4")},
		{name: "version wildcard reading F-4", q: read(q("ListComponents", f("version", "1.x.x", "2.0.0")), filter.VersionWildcards),
			want: []int{0, 1, 2, 3, 4, 6}, decisions: ds("F-4", "F-P3")},
		{name: "version is exact text", q: q("ListComponents", f("version", "1.0")), want: nil},
		{name: "type", q: q("ListComponents", f("type", "TEST")), want: []int{2}},
		{name: "order F-P8", q: q("ListComponents", f("platform", "Linux")), want: []int{1, 3, 0, 5, 6, 4}, ordered: true, decisions: ds("F-P3")},
		{name: "input order reading", q: read(q("ListComponents", f("platform", "Linux")), filter.InputOrder),
			want: []int{0, 1, 3, 4, 5, 6}, ordered: true, decisions: ds("F-P3")},
		{name: "owner Self default F-7 F-P5", q: scoped(q("ListComponents"), filter.Scope{Account: acct}),
			want: []int{0, 1, 2, 6}, decisions: ds("F-P5")},
		{name: "owner Amazon", q: scoped(q("ListComponents"), filter.Scope{Owner: "Amazon", Account: acct}),
			want: []int{3}, decisions: ds("F-P3", "F-P5")},
		{name: "owner Shared", q: scoped(q("ListComponents"), filter.Scope{Owner: "Shared", Account: acct}),
			want: []int{4}, decisions: ds("F-P5")},
		{name: "owner ThirdParty", q: scoped(q("ListComponents"), filter.Scope{Owner: "ThirdParty", Account: acct}),
			want: []int{5}, decisions: ds("F-P5")},
		{name: "caller-supplied ownership wins", q: scoped(q("ListComponents"), filter.Scope{Owner: "AWSMarketplace", Account: acct}),
			want: nil, decisions: ds("F-8", "F-P5")},
		{name: "owner needs account", q: scoped(q("ListComponents"), filter.Scope{}), err: filter.ErrInvalid},
		{name: "RequireOwnership", q: read(scoped(q("ListComponents"), filter.Scope{Account: acct}), filter.RequireOwnership), err: filter.ErrInvalid},
		{name: "byName highest version F-P1", q: scoped(q("ListComponents", f("platform", "Linux")), filter.Scope{ByName: true, Account: acct}),
			want: []int{1, 6}, ordered: true, decisions: ds("F-P1", "F-P5")},
		{name: "byName with version F-P2", q: scoped(q("ListComponents", f("version", "1.0.0")), filter.Scope{ByName: true, Account: acct}),
			want: []int{0, 6}, decisions: ds("F-P1", "F-P2", "F-P5")},
		{name: "status hidden F-P3 reading",
			q:    read(scoped(q("ListComponents", f("name", "app")), filter.Scope{Owner: "Amazon", Account: acct}), filter.ComponentStatusFilter),
			want: nil, decisions: ds("F-P5")},
		{name: "status filter shows F-P3 reading",
			q:    read(scoped(q("ListComponents", f("status", "DEPRECATED")), filter.Scope{Owner: "Amazon", Account: acct}), filter.ComponentStatusFilter),
			want: []int{3}, decisions: ds("F-P3", "F-P5")},
		{name: "deprecated shown by default F-P3", q: q("ListComponents", f("name", "app")), want: []int{0, 1, 3}, decisions: ds("F-P3")},
	})
}

func TestEvalListImages(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	past, future := now.Add(-time.Hour).Format(time.RFC3339), now.Add(time.Hour).Format(time.RFC3339)
	items := []item{
		0: {"name": "web", "version": "1.0.0", "type": "AMI", "platform": "Linux", "osVersion": "Amazon Linux 2023", "arn": arnOf(acct, "image", "web/1.0.0")},
		1: {"name": "web", "version": "1.1.0", "type": "AMI", "platform": "Linux", "osVersion": "Amazon Linux 2023", "arn": arnOf(acct, "image", "web/1.1.0"),
			"state.status": "DEPRECATED"},
		2: {"name": "web", "version": "1.0.1", "type": "DOCKER", "platform": "Linux", "arn": arnOf(acct, "image", "web/1.0.1"), "deprecationTime": past},
		3: {"name": "win", "version": "2.0.0", "type": "AMI", "platform": "Windows", "osVersion": "Microsoft Windows Server 2022",
			"arn": arnOf(acct, "image", "win/2.0.0"), "deprecationTime": future},
		4: {"name": "al2023", "version": "2026.1.1", "type": "AMI", "platform": "Linux", "arn": arnOf("aws", "image", "al2023/2026.1.1")},
	}
	runCases(t, items, []evalCase{
		{name: "osVersion free text", q: q("ListImages", f("osVersion", "Amazon Linux 2023")), want: []int{0, 1}},
		{name: "type and platform", q: q("ListImages", f("type", "AMI"), f("platform", "Linux")), want: []int{0, 1, 4}},
		{name: "version", q: q("ListImages", f("version", "1.0.1")), want: []int{2}},
		{name: "deprecated hidden F-7 F-P4", q: scoped(q("ListImages", f("name", "web")), filter.Scope{Account: acct}), now: now,
			want: []int{0, 2}, decisions: ds("F-P4", "F-P5")},
		{name: "includeDeprecated", q: scoped(q("ListImages", f("name", "web")), filter.Scope{Account: acct, IncludeDeprecated: true}),
			want: []int{0, 1, 2}, decisions: ds("F-P5")},
		{name: "DeprecatedByTime F-P4",
			q:   read(scoped(q("ListImages", f("platform", "Linux", "Windows")), filter.Scope{Account: acct}), filter.DeprecatedByTime),
			now: now, want: []int{0, 3}, decisions: ds("F-P4", "F-P5")},
		{name: "time unknown without now", q: read(scoped(q("ListImages", f("name", "web")), filter.Scope{Account: acct}), filter.DeprecatedByTime),
			want: []int{0, 2}, decisions: ds("F-P5")},
		{name: "byName", q: scoped(q("ListImages", f("platform", "Linux")), filter.Scope{Account: acct, ByName: true, IncludeDeprecated: true}),
			want: []int{1}, decisions: ds("F-P1", "F-P5")},
		{name: "owner Amazon", q: scoped(q("ListImages"), filter.Scope{Owner: "Amazon", Account: acct}),
			want: []int{4}, decisions: ds("F-P5")},
	})
}

func TestEvalBuildLevel(t *testing.T) {
	items := []item{
		0: {"name": "web", "version": "1.0.4", "arn": arnOf(acct, "image", "web/1.0.4/1"), "type": "AMI", "platform": "Linux", "osVersion": "Ubuntu 22"},
		1: {"name": "web", "version": "1.0.4", "arn": arnOf(acct, "image", "web/1.0.4/3"), "type": "AMI", "platform": "Linux"},
		2: {"name": "web", "version": "1.0.4/2", "arn": arnOf(acct, "image", "web/1.0.4/2"), "type": "DOCKER", "platform": "Linux"},
		3: {"name": "web", "version": "1.0.40", "arn": arnOf(acct, "image", "web/1.0.40/1"), "type": "AMI", "platform": "Linux"},
	}
	for _, op := range []string{"ListImageBuildVersions", "ListImagePipelineImages"} {
		t.Run(op, func(t *testing.T) {
			runCases(t, items, []evalCase{
				{name: "x.y.z matches every build F-3", q: q(op, f("version", "1.0.4")), want: []int{0, 1, 2}},
				{name: "build suffix matches nothing F-3", q: q(op, f("version", "1.0.4/3")), want: nil, decisions: ds("F-3")},
				{name: "MatchBuildSuffix reading", q: read(q(op, f("version", "1.0.4/2")), filter.MatchBuildSuffix), want: []int{2}, decisions: ds("F-3")},
				{name: "name", q: q(op, f("name", "web")), want: []int{0, 1, 2, 3}},
				{name: "order: version high first, then ARN", q: q(op, f("name", "web")), want: []int{3, 2, 0, 1}, ordered: true},
			})
		})
	}
	runCases(t, items, []evalCase{
		{name: "osVersion", q: q("ListImageBuildVersions", f("osVersion", "Ubuntu 22")), want: []int{0}},
		{name: "type", q: q("ListImageBuildVersions", f("type", "DOCKER")), want: []int{2}},
	})
	m, err := filter.Compile(q("ListImagePipelineImages"))
	require.NoError(t, err)
	assert.True(t, m.Match(items[0].member), "no filters should match every item")
}

func TestEvalListImagePipelines(t *testing.T) {
	dist := "arn:aws:imagebuilder:us-east-1:" + acct + ":distribution-configuration/d"
	items := []item{
		0: {"name": "p1", "status": "ENABLED", "description": "nightly", "imageRecipeArn": arnOf(acct, "image-recipe", "r/1.0.0"), "distributionConfigurationArn": dist},
		1: {"name": "p2", "status": "DISABLED", "containerRecipeArn": arnOf(acct, "container-recipe", "c/1.0.0"),
			"infrastructureConfigurationArn": arnOf(acct, "infrastructure-configuration", "i")},
	}
	runCases(t, items, []evalCase{
		{name: "status", q: q("ListImagePipelines", f("status", "ENABLED")), want: []int{0}},
		{name: "absent imageRecipeArn", q: q("ListImagePipelines", f("imageRecipeArn", arnOf(acct, "image-recipe", "r/1.0.0"))), want: []int{0}},
		{name: "infrastructure", q: q("ListImagePipelines", f("infrastructureConfigurationArn", arnOf(acct, "infrastructure-configuration", "i"))), want: []int{1}},
		{name: "distribution", q: q("ListImagePipelines", f("distributionConfigurationArn", dist)), want: []int{0}},
		{name: "description", q: q("ListImagePipelines", f("description", "nightly")), want: []int{0}},
	})
}

func TestEvalRecipes(t *testing.T) {
	parent := arnOf("aws", "image", "amazon-linux-2023-x86/x.x.x")
	images := []item{
		0: {"name": "r", "platform": "Linux", "parentImage": parent, "arn": arnOf(acct, "image-recipe", "r/1.0.0")},
		1: {"name": "r", "platform": "Linux", "parentImage": "ami-0123456789abcdef0", "arn": arnOf(acct, "image-recipe", "r/1.2.0")},
		2: {"name": "s", "platform": "Windows", "parentImage": parent, "arn": arnOf(other, "image-recipe", "s/1.0.0")},
	}
	runCases(t, images, []evalCase{
		{name: "parentImage literal x.x.x", q: q("ListImageRecipes", f("parentImage", parent)), want: []int{0, 2}},
		{name: "platform", q: q("ListImageRecipes", f("platform", "Windows")), want: []int{2}},
		{name: "owner Shared", q: scoped(q("ListImageRecipes"), filter.Scope{Owner: "Shared", Account: acct}), want: []int{2}, decisions: ds("F-P5")},
		{name: "order by ARN version", q: q("ListImageRecipes", f("name", "r")), want: []int{1, 0}, ordered: true},
	})
	containers := []item{
		0: {"name": "c", "containerType": "DOCKER", "platform": "Linux", "parentImage": "amazonlinux:latest"},
		1: {"name": "d", "containerType": "DOCKER", "platform": "Windows", "parentImage": "mcr.microsoft.com/windows/servercore:ltsc2022"},
	}
	runCases(t, containers, []evalCase{
		{name: "containerType", q: q("ListContainerRecipes", f("containerType", "DOCKER")), want: []int{0, 1}},
		{name: "parentImage", q: q("ListContainerRecipes", f("parentImage", "amazonlinux:latest")), want: []int{0}},
		{name: "platform", q: q("ListContainerRecipes", f("platform", "Windows")), want: []int{1}},
	})
}

func TestEvalConfigurations(t *testing.T) {
	runCases(t, []item{{"name": "a"}, {"name": "b"}, {"name": "ab"}}, []evalCase{
		{name: "distribution name", q: q("ListDistributionConfigurations", f("name", "a", "b")), want: []int{0, 1}},
	})
	runCases(t, []item{{"name": "small"}, {"name": "large"}}, []evalCase{
		{name: "infrastructure name", q: q("ListInfrastructureConfigurations", f("name", "large")), want: []int{1}},
	})
	runCases(t, []item{{"name": "keep", "status": "ENABLED"}, {"name": "drop", "status": "DISABLED"}}, []evalCase{
		{name: "status F-10", q: q("ListLifecyclePolicies", f("status", "ENABLED")), want: []int{0}},
		{name: "Status reading F-10", q: read(q("ListLifecyclePolicies", f("Status", "DISABLED")), filter.DocumentedCaseLifecycleFilters),
			want: []int{1}, decisions: ds("F-10")},
	})
}

func TestEvalListWorkflows(t *testing.T) {
	items := []item{
		0: {"name": "build-image", "version": "1.0.0", "type": "BUILD", "arn": "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0"},
		1: {"name": "test-image", "version": "1.0.0", "type": "TEST", "arn": "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/1.0.0"},
		2: {"name": "mine", "version": "2.0.0", "type": "BUILD", "arn": "arn:aws:imagebuilder:us-east-1:" + acct + ":workflow/build/mine/2.0.0"},
	}
	runCases(t, items, []evalCase{
		{name: "type F-9", q: q("ListWorkflows", f("type", "BUILD")), want: []int{0, 2}, decisions: ds("F-9")},
		{name: "owner Amazon", q: scoped(q("ListWorkflows", f("version", "1.0.0")), filter.Scope{Owner: "Amazon", Account: acct}),
			want: []int{0, 1}, decisions: ds("F-9", "F-P5")},
	})
}

func TestEvalScanFindings(t *testing.T) {
	build := arnOf(acct, "image", "web/1.0.0/1")
	pipeline := "arn:aws:imagebuilder:us-east-1:" + acct + ":image-pipeline/p"
	items := []item{
		0: {"imageBuildVersionArn": build, "severity": "HIGH", "packageVulnerabilityDetails.vulnerabilityId": "CVE-2024-0001"},
		1: {"imageBuildVersionArn": build, "severity": "LOW"},
		2: {"imagePipelineArn": pipeline, "severity": "HIGH"},
	}
	runCases(t, items, []evalCase{
		{name: "severity", q: q("ListImageScanFindings", f("severity", "HIGH")), want: []int{0, 2}},
		{name: "vulnerabilityId F-P6", q: q("ListImageScanFindings", f("vulnerabilityId", "CVE-2024-0001")), want: []int{0}, decisions: ds("F-P6")},
		{name: "imageBuildVersionArn", q: q("ListImageScanFindings", f("imageBuildVersionArn", build)), want: []int{0, 1}},
		{name: "imagePipelineArn", q: q("ListImageScanFindings", f("imagePipelineArn", pipeline)), want: []int{2}},
	})
	runCases(t, []item{{"accountAggregation.accountId": acct}, {}}, []evalCase{
		{name: "aggregation filter keeps rows F-P7", q: q("ListImageScanFindingAggregations", f("accountId", acct)), want: []int{0, 1}},
	})
}

func TestByNameWildcardARN(t *testing.T) {
	items := []item{
		{"name": "a", "version": "1.0.0", "arn": arnOf(acct, "component", "a/1.0.0")},
		{"name": "a", "version": "1.1.0", "arn": arnOf(acct, "component", "a/1.1.0")},
	}
	m, err := filter.Compile(read(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}), filter.ByNameWildcardARN))
	require.NoError(t, err)
	res, err := apply(m, items, time.Time{})
	require.NoError(t, err)
	assert.Equal(t, []int{1}, res.Indices)
	assert.Equal(t, []string{arnOf(acct, "component", "a/x.x.x")}, res.ARNs)

	m, err = filter.Compile(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}))
	require.NoError(t, err)
	res, err = apply(m, items, time.Time{})
	require.NoError(t, err)
	assert.Nil(t, res.ARNs, "ARNs only under ByNameWildcardARN")
}

func TestByNameTieNewestDate(t *testing.T) {
	items := []item{
		{"name": "a", "version": "1.0.0", "arn": arnOf(acct, "component", "a/1.0.0"), "dateCreated": "2024-01-01T00:00:00Z"},
		{"name": "a", "version": "01.0.0", "arn": arnOf(acct, "component", "a/01.0.0"), "dateCreated": "2024-06-01T00:00:00.5Z"},
	}
	m, err := filter.Compile(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}))
	require.NoError(t, err)
	res, err := apply(m, items, time.Time{})
	require.NoError(t, err)
	assert.Equal(t, []int{1}, res.Indices)
}

func TestMatchLongList(t *testing.T) {
	m, err := filter.Compile(q("ListComponents", f("supportedOsVersion", "os-20")))
	require.NoError(t, err)
	var oses []string
	for i := range 21 {
		oses = append(oses, "os-"+strconv.Itoa(i))
	}
	assert.True(t, m.Match(withList(item{}, "supportedOsVersions", oses...).member), "the 21st element is read")
	assert.False(t, m.Match(withList(item{}, "supportedOsVersions", oses[:20]...).member))
}

func TestApplyItemError(t *testing.T) {
	tests := []struct {
		name  string
		q     filter.Query
		items []item
		want  filter.Error
	}{
		{name: "unparsable ARN", q: scoped(q("ListImages"), filter.Scope{Account: acct}),
			items: []item{{"name": "a", "arn": arnOf(acct, "image", "a/1.0.0")}, {"name": "b", "arn": "not-an-arn"}},
			want:  filter.Error{Operation: "ListImages", Index: -1, Path: "[1]", Offset: -1, Decision: "F-P5", Err: filter.ErrInvalid}},
		{name: "bad deprecationTime", q: scoped(q("ListImages"), filter.Scope{Account: acct}),
			items: []item{{"name": "a", "arn": arnOf(acct, "image", "a/1.0.0"), "deprecationTime": "soon"}},
			want:  filter.Error{Operation: "ListImages", Index: -1, Path: "[0]", Offset: -1, Decision: "F-P4", Err: filter.ErrInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := filter.Compile(tt.q)
			require.NoError(t, err)
			_, err = apply(m, tt.items, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
			var got *filter.Error
			require.ErrorAs(t, err, &got)
			assert.NotEmpty(t, got.Reason)
			got.Reason = ""
			assert.Equal(t, tt.want, *got)
		})
	}
}
