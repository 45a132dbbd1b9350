package filter_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/filter"
)

const (
	acct  = "111122223333"
	other = "444455556666"
)

func arnOf(owner, typ, rest string) string {
	return "arn:aws:imagebuilder:us-east-1:" + owner + ":" + typ + "/" + rest
}

// evalCase is one evaluation; want holds input indices, compared as a set
// unless ordered is set.
type evalCase struct {
	name      string
	opts      filter.Options
	q         filter.Query
	want      []int
	ordered   bool
	decisions []filter.Decision
	err       error
}

func runCases[T any, P interface {
	*T
	filter.Item
}](t *testing.T, items []T, cases []evalCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := tc.opts.Compile(tc.q)
			if err != nil {
				t.Fatalf("Compile: %v", err)
			}
			res, err := filter.Apply[T, P](m, items)
			if tc.err != nil {
				if !errors.Is(err, tc.err) {
					t.Fatalf("err = %v, want %v", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Apply: %v", err)
			}
			got := res.Indices
			if !tc.ordered {
				got = slices.Clone(got)
				slices.Sort(got)
			}
			if diff := cmp.Diff(tc.want, got, cmp.Comparer(func(a, b []int) bool { return slices.Equal(a, b) })); diff != "" {
				t.Errorf("indices (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.decisions, res.Decisions); diff != "" {
				t.Errorf("decisions (-want +got):\n%s", diff)
			}
			// Match agrees with Apply when no scope is involved.
			if tc.q.Scope == nil {
				var viaMatch []int
				for i := range items {
					if m.Match(P(&items[i])) {
						viaMatch = append(viaMatch, i)
					}
				}
				if !slices.Equal(viaMatch, sorted(res.Indices)) {
					t.Errorf("Match keeps %v, Apply %v", viaMatch, res.Indices)
				}
			}
		})
	}
}

func sorted(xs []int) []int {
	xs = slices.Clone(xs)
	slices.Sort(xs)
	return xs
}

func TestEvalListComponents(t *testing.T) {
	items := []filter.ComponentVersion{
		0: {Name: "app", Version: "1.0.0", Platform: "Linux", Type: "BUILD", Description: "installs app",
			SupportedOsVersions: []string{"Amazon Linux 2023", "Ubuntu 22"}, Arn: arnOf(acct, "component", "app/1.0.0")},
		1: {Name: "app", Version: "1.10.0", Platform: "Linux", Type: "BUILD", SupportedOsVersions: []string{"Amazon Linux 2"},
			Arn: arnOf(acct, "component", "app/1.10.0"), DateCreated: "2024-01-01T00:00:00Z"},
		2: {Name: "app-install", Version: "1.2.0", Platform: "Windows", Type: "TEST", Arn: arnOf(acct, "component", "app-install/1.2.0")},
		3: {Name: "app", Version: "1.9.0", Platform: "Linux", Type: "BUILD", Arn: arnOf("aws", "component", "app/1.9.0"), Status: "DEPRECATED"},
		4: {Name: "shared", Version: "2.0.0", Platform: "Linux", Arn: arnOf(other, "component", "shared/2.0.0")},
		5: {Name: "cis", Version: "3.0.0", Platform: "Linux", Arn: arnOf("third-party", "component", "cis/3.0.0")},
		6: {Name: "market", Version: "1.0.0", Platform: "Linux", Arn: arnOf("aws-marketplace", "component", "market/1.0.0"), Ownership: filter.OwnerSelf},
	}
	runCases(t, items, []evalCase{
		{name: "exact name, no substring", q: q("ListComponents", f("name", "app")), want: []int{0, 1, 3}, decisions: []filter.Decision{filter.DecisionComponentStatus}},
		{name: "case-sensitive", q: q("ListComponents", f("platform", "linux")), want: nil},
		{name: "OR values", q: q("ListComponents", f("platform", "Linux", "Windows")), want: []int{0, 1, 2, 3, 4, 5, 6}, decisions: []filter.Decision{filter.DecisionComponentStatus}},
		{name: "AND filters", q: q("ListComponents", f("platform", "Linux"), f("version", "1.10.0")), want: []int{1}},
		{name: "absent description never matches", q: q("ListComponents", f("description", "installs app")), want: []int{0}},
		{name: "list field any element", q: q("ListComponents", f("supportedOsVersion", "Ubuntu 22")), want: []int{0}},
		{name: "list field exact F-1", q: q("ListComponents", f("supportedOsVersion", "Amazon Linux")), want: nil,
			decisions: []filter.Decision{filter.DecisionMatching}},
		{name: "list prefix option F-1", opts: filter.Options{OsVersionPrefix: true}, q: q("ListComponents", f("supportedOsVersion", "Amazon Linux")),
			want: []int{0, 1}, decisions: []filter.Decision{filter.DecisionMatching}},
		{name: "version literal x F-4", q: q("ListComponents", f("version", "1.x.x")), want: nil,
			decisions: []filter.Decision{filter.DecisionVersionWildcard}},
		{name: "version wildcard option F-4", opts: filter.Options{VersionWildcards: true}, q: q("ListComponents", f("version", "1.x.x", "2.0.0")),
			want: []int{0, 1, 2, 3, 4, 6}, decisions: []filter.Decision{filter.DecisionVersionWildcard, filter.DecisionComponentStatus}},
		{name: "version is exact text", q: q("ListComponents", f("version", "1.0")), want: nil},
		{name: "type", q: q("ListComponents", f("type", "TEST")), want: []int{2}},
		{name: "order F-P8", q: q("ListComponents", f("platform", "Linux")), want: []int{1, 3, 0, 5, 6, 4}, ordered: true, decisions: []filter.Decision{filter.DecisionComponentStatus}},
		{name: "input order option", opts: filter.Options{InputOrder: true}, q: q("ListComponents", f("platform", "Linux")),
			want: []int{0, 1, 3, 4, 5, 6}, ordered: true, decisions: []filter.Decision{filter.DecisionComponentStatus}},
		{name: "owner Self default F-7 F-P5", q: scoped(q("ListComponents"), filter.Scope{Account: acct}),
			want: []int{0, 1, 2, 6}, decisions: []filter.Decision{filter.DecisionOwnership}},
		{name: "owner Amazon", q: scoped(q("ListComponents"), filter.Scope{Owner: filter.OwnerAmazon, Account: acct}),
			want: []int{3}, decisions: []filter.Decision{filter.DecisionComponentStatus, filter.DecisionOwnership}},
		{name: "owner Shared", q: scoped(q("ListComponents"), filter.Scope{Owner: filter.OwnerShared, Account: acct}),
			want: []int{4}, decisions: []filter.Decision{filter.DecisionOwnership}},
		{name: "owner ThirdParty", q: scoped(q("ListComponents"), filter.Scope{Owner: filter.OwnerThirdParty, Account: acct}),
			want: []int{5}, decisions: []filter.Decision{filter.DecisionOwnership}},
		{name: "caller-supplied ownership wins", q: scoped(q("ListComponents"), filter.Scope{Owner: filter.OwnerAWSMarketplace, Account: acct}),
			want: nil, decisions: []filter.Decision{filter.DecisionModelEdition, filter.DecisionOwnership}},
		{name: "owner needs account", q: scoped(q("ListComponents"), filter.Scope{}), err: filter.ErrOwnership},
		{name: "RequireOwnership", opts: filter.Options{RequireOwnership: true}, q: scoped(q("ListComponents"), filter.Scope{Account: acct}), err: filter.ErrOwnership},
		{name: "byName highest version F-P1", q: scoped(q("ListComponents", f("platform", "Linux")), filter.Scope{ByName: true, Account: acct}),
			want: []int{1, 6}, ordered: true, decisions: []filter.Decision{filter.DecisionByName, filter.DecisionOwnership}},
		{name: "byName with version F-P2", q: scoped(q("ListComponents", f("version", "1.0.0")), filter.Scope{ByName: true, Account: acct}),
			want: []int{0, 6}, decisions: []filter.Decision{filter.DecisionByName, filter.DecisionByNameVersionOtherOps, filter.DecisionOwnership}},
		{name: "status hidden F-P3 option", opts: filter.Options{ComponentStatusFilter: true},
			q:    scoped(q("ListComponents", f("name", "app")), filter.Scope{Owner: filter.OwnerAmazon, Account: acct}),
			want: nil, decisions: []filter.Decision{filter.DecisionOwnership}},
		{name: "status filter shows F-P3 option", opts: filter.Options{ComponentStatusFilter: true},
			q:    scoped(q("ListComponents", f("status", "DEPRECATED")), filter.Scope{Owner: filter.OwnerAmazon, Account: acct}),
			want: []int{3}, decisions: []filter.Decision{filter.DecisionComponentStatus, filter.DecisionOwnership}},
		{name: "deprecated shown by default F-P3", q: q("ListComponents", f("name", "app")), want: []int{0, 1, 3},
			decisions: []filter.Decision{filter.DecisionComponentStatus}},
	})
}

func TestEvalListImages(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	past, future := now.Add(-time.Hour), now.Add(time.Hour)
	items := []filter.ImageVersion{
		0: {Name: "web", Version: "1.0.0", Type: "AMI", Platform: "Linux", OsVersion: "Amazon Linux 2023", Arn: arnOf(acct, "image", "web/1.0.0")},
		1: {Name: "web", Version: "1.1.0", Type: "AMI", Platform: "Linux", OsVersion: "Amazon Linux 2023", Arn: arnOf(acct, "image", "web/1.1.0"),
			State: &filter.ImageState{Status: "DEPRECATED"}},
		2: {Name: "web", Version: "1.0.1", Type: "DOCKER", Platform: "Linux", Arn: arnOf(acct, "image", "web/1.0.1"), DeprecationTime: &past},
		3: {Name: "win", Version: "2.0.0", Type: "AMI", Platform: "Windows", OsVersion: "Microsoft Windows Server 2022", Arn: arnOf(acct, "image", "win/2.0.0"),
			DeprecationTime: &future},
		4: {Name: "al2023", Version: "2026.1.1", Type: "AMI", Platform: "Linux", Arn: arnOf("aws", "image", "al2023/2026.1.1")},
	}
	runCases(t, items, []evalCase{
		{name: "osVersion free text", q: q("ListImages", f("osVersion", "Amazon Linux 2023")), want: []int{0, 1}},
		{name: "type and platform", q: q("ListImages", f("type", "AMI"), f("platform", "Linux")), want: []int{0, 1, 4}},
		{name: "version", q: q("ListImages", f("version", "1.0.1")), want: []int{2}},
		{name: "deprecated hidden F-7 F-P4", q: scoped(q("ListImages", f("name", "web")), filter.Scope{Account: acct, Now: now}),
			want: []int{0, 2}, decisions: []filter.Decision{filter.DecisionDeprecated, filter.DecisionOwnership}},
		{name: "includeDeprecated", q: scoped(q("ListImages", f("name", "web")), filter.Scope{Account: acct, IncludeDeprecated: true}),
			want: []int{0, 1, 2}, decisions: []filter.Decision{filter.DecisionOwnership}},
		{name: "DeprecatedByTime F-P4", opts: filter.Options{DeprecatedByTime: true},
			q:    scoped(q("ListImages", f("platform", "Linux", "Windows")), filter.Scope{Account: acct, Now: now}),
			want: []int{0, 3}, decisions: []filter.Decision{filter.DecisionDeprecated, filter.DecisionOwnership}},
		{name: "byName", q: scoped(q("ListImages", f("platform", "Linux")), filter.Scope{Account: acct, ByName: true, IncludeDeprecated: true}),
			want: []int{1}, decisions: []filter.Decision{filter.DecisionByName, filter.DecisionOwnership}},
		{name: "owner Amazon", q: scoped(q("ListImages"), filter.Scope{Owner: filter.OwnerAmazon, Account: acct}),
			want: []int{4}, decisions: []filter.Decision{filter.DecisionOwnership}},
	})
}

func TestEvalBuildLevel(t *testing.T) {
	items := []filter.ImageSummary{
		0: {Name: "web", Version: "1.0.4", Arn: arnOf(acct, "image", "web/1.0.4/1"), Type: "AMI", Platform: "Linux", OsVersion: "Ubuntu 22"},
		1: {Name: "web", Version: "1.0.4", Arn: arnOf(acct, "image", "web/1.0.4/3"), Type: "AMI", Platform: "Linux"},
		2: {Name: "web", Version: "1.0.4/2", Arn: arnOf(acct, "image", "web/1.0.4/2"), Type: "DOCKER", Platform: "Linux"},
		3: {Name: "web", Version: "1.0.40", Arn: arnOf(acct, "image", "web/1.0.40/1"), Type: "AMI", Platform: "Linux"},
	}
	for _, op := range []string{"ListImageBuildVersions", "ListImagePipelineImages"} {
		t.Run(op, func(t *testing.T) {
			runCases(t, items, []evalCase{
				{name: "x.y.z matches every build F-3", q: q(op, f("version", "1.0.4")), want: []int{0, 1, 2}},
				{name: "build suffix matches nothing F-3", q: q(op, f("version", "1.0.4/3")), want: nil,
					decisions: []filter.Decision{filter.DecisionBuildVersion}},
				{name: "MatchBuildSuffix option", opts: filter.Options{MatchBuildSuffix: true}, q: q(op, f("version", "1.0.4/2")), want: []int{2},
					decisions: []filter.Decision{filter.DecisionBuildVersion}},
				{name: "name", q: q(op, f("name", "web")), want: []int{0, 1, 2, 3}},
				{name: "order: version high first, then ARN", q: q(op, f("name", "web")), want: []int{3, 2, 0, 1}, ordered: true},
			})
		})
	}
	runCases(t, items, []evalCase{
		{name: "osVersion", q: q("ListImageBuildVersions", f("osVersion", "Ubuntu 22")), want: []int{0}},
		{name: "type", q: q("ListImageBuildVersions", f("type", "DOCKER")), want: []int{2}},
	})
	m, _ := filter.Compile("ListImagePipelineImages", nil)
	if m.Match(&items[0]) != true {
		t.Error("no filters should match every item")
	}
}

func TestEvalListImagePipelines(t *testing.T) {
	dist := "arn:aws:imagebuilder:us-east-1:" + acct + ":distribution-configuration/d"
	items := []filter.ImagePipeline{
		0: {Name: "p1", Status: "ENABLED", Description: "nightly", ImageRecipeArn: arnOf(acct, "image-recipe", "r/1.0.0"), DistributionConfigurationArn: dist},
		1: {Name: "p2", Status: "DISABLED", ContainerRecipeArn: arnOf(acct, "container-recipe", "c/1.0.0"),
			InfrastructureConfigurationArn: arnOf(acct, "infrastructure-configuration", "i")},
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
	images := []filter.ImageRecipeSummary{
		0: {Name: "r", Platform: "Linux", ParentImage: parent, Arn: arnOf(acct, "image-recipe", "r/1.0.0")},
		1: {Name: "r", Platform: "Linux", ParentImage: "ami-0123456789abcdef0", Arn: arnOf(acct, "image-recipe", "r/1.2.0")},
		2: {Name: "s", Platform: "Windows", ParentImage: parent, Arn: arnOf(other, "image-recipe", "s/1.0.0")},
	}
	runCases(t, images, []evalCase{
		{name: "parentImage literal x.x.x", q: q("ListImageRecipes", f("parentImage", parent)), want: []int{0, 2}},
		{name: "platform", q: q("ListImageRecipes", f("platform", "Windows")), want: []int{2}},
		{name: "owner Shared", q: scoped(q("ListImageRecipes"), filter.Scope{Owner: filter.OwnerShared, Account: acct}), want: []int{2},
			decisions: []filter.Decision{filter.DecisionOwnership}},
		{name: "order by ARN version", q: q("ListImageRecipes", f("name", "r")), want: []int{1, 0}, ordered: true},
	})
	containers := []filter.ContainerRecipeSummary{
		0: {Name: "c", ContainerType: "DOCKER", Platform: "Linux", ParentImage: "amazonlinux:latest"},
		1: {Name: "d", ContainerType: "DOCKER", Platform: "Windows", ParentImage: "mcr.microsoft.com/windows/servercore:ltsc2022"},
	}
	runCases(t, containers, []evalCase{
		{name: "containerType", q: q("ListContainerRecipes", f("containerType", "DOCKER")), want: []int{0, 1}},
		{name: "parentImage", q: q("ListContainerRecipes", f("parentImage", "amazonlinux:latest")), want: []int{0}},
		{name: "platform", q: q("ListContainerRecipes", f("platform", "Windows")), want: []int{1}},
	})
}

func TestEvalConfigurations(t *testing.T) {
	dists := []filter.DistributionConfigurationSummary{{Name: "a"}, {Name: "b"}, {Name: "ab"}}
	runCases(t, dists, []evalCase{
		{name: "name", q: q("ListDistributionConfigurations", f("name", "a", "b")), want: []int{0, 1}},
	})
	infra := []filter.InfrastructureConfigurationSummary{{Name: "small"}, {Name: "large"}}
	runCases(t, infra, []evalCase{
		{name: "name", q: q("ListInfrastructureConfigurations", f("name", "large")), want: []int{1}},
	})
	policies := []filter.LifecyclePolicySummary{{Name: "keep", Status: "ENABLED"}, {Name: "drop", Status: "DISABLED"}}
	runCases(t, policies, []evalCase{
		{name: "status F-10", q: q("ListLifecyclePolicies", f("status", "ENABLED")), want: []int{0}},
		{name: "Status option F-10", opts: filter.Options{DocumentedCaseLifecycleFilters: true}, q: q("ListLifecyclePolicies", f("Status", "DISABLED")),
			want: []int{1}, decisions: []filter.Decision{filter.DecisionLifecycleNames}},
	})
}

func TestEvalListWorkflows(t *testing.T) {
	items := []filter.WorkflowVersion{
		0: {Name: "build-image", Version: "1.0.0", Type: "BUILD", Arn: "arn:aws:imagebuilder:us-east-1:aws:workflow/build/build-image/1.0.0"},
		1: {Name: "test-image", Version: "1.0.0", Type: "TEST", Arn: "arn:aws:imagebuilder:us-east-1:aws:workflow/test/test-image/1.0.0"},
		2: {Name: "mine", Version: "2.0.0", Type: "BUILD", Arn: "arn:aws:imagebuilder:us-east-1:" + acct + ":workflow/build/mine/2.0.0"},
	}
	runCases(t, items, []evalCase{
		{name: "type F-9", q: q("ListWorkflows", f("type", "BUILD")), want: []int{0, 2}, decisions: []filter.Decision{filter.DecisionWorkflowNames}},
		{name: "owner Amazon", q: scoped(q("ListWorkflows", f("version", "1.0.0")), filter.Scope{Owner: filter.OwnerAmazon, Account: acct}),
			want: []int{0, 1}, decisions: []filter.Decision{filter.DecisionWorkflowNames, filter.DecisionOwnership}},
	})
}

func TestEvalScanFindings(t *testing.T) {
	build := arnOf(acct, "image", "web/1.0.0/1")
	items := []filter.ImageScanFinding{
		0: {ImageBuildVersionArn: build, Severity: "HIGH", PackageVulnerabilityDetails: &filter.PackageVulnerabilityDetails{VulnerabilityID: "CVE-2024-0001"}},
		1: {ImageBuildVersionArn: build, Severity: "LOW"},
		2: {ImagePipelineArn: "arn:aws:imagebuilder:us-east-1:" + acct + ":image-pipeline/p", Severity: "HIGH"},
	}
	runCases(t, items, []evalCase{
		{name: "severity", q: q("ListImageScanFindings", f("severity", "HIGH")), want: []int{0, 2}},
		{name: "vulnerabilityId F-P6", q: q("ListImageScanFindings", f("vulnerabilityId", "CVE-2024-0001")), want: []int{0},
			decisions: []filter.Decision{filter.DecisionVulnerabilityID}},
		{name: "imageBuildVersionArn", q: q("ListImageScanFindings", f("imageBuildVersionArn", build)), want: []int{0, 1}},
		{name: "imagePipelineArn", q: q("ListImageScanFindings", f("imagePipelineArn", "arn:aws:imagebuilder:us-east-1:"+acct+":image-pipeline/p")), want: []int{2}},
	})
	aggs := []filter.ImageScanFindingAggregation{{AccountAggregation: []byte(`{}`)}, {}}
	runCases(t, aggs, []evalCase{
		{name: "aggregation filter keeps rows F-P7", q: q("ListImageScanFindingAggregations", f("accountId", acct)), want: []int{0, 1}},
	})
}

func TestApplyWrongItem(t *testing.T) {
	m, err := filter.Compile("ListImages", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, err = filter.Apply(m, []filter.ComponentVersion{{Name: "a"}})
	if !errors.Is(err, filter.ErrWrongItem) {
		t.Errorf("err = %v, want ErrWrongItem", err)
	}
	if m.Match(&filter.ComponentVersion{Name: "a"}) || m.Match(nil) {
		t.Error("Match accepted an item of another shape")
	}
}

func TestByNameWildcardArn(t *testing.T) {
	items := []filter.ComponentVersion{
		{Name: "a", Version: "1.0.0", Arn: arnOf(acct, "component", "a/1.0.0")},
		{Name: "a", Version: "1.1.0", Arn: arnOf(acct, "component", "a/1.1.0")},
	}
	m, err := filter.Options{ByNameWildcardArn: true}.Compile(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}))
	if err != nil {
		t.Fatal(err)
	}
	res, err := filter.Apply(m, items)
	if err != nil {
		t.Fatal(err)
	}
	want := []filter.ComponentVersion{{Name: "a", Version: "1.1.0", Arn: arnOf(acct, "component", "a/x.x.x")}}
	if diff := cmp.Diff(want, res.Items); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if items[1].Arn != arnOf(acct, "component", "a/1.1.0") {
		t.Error("Apply modified its input")
	}
}

func TestByNameTieNewestDate(t *testing.T) {
	items := []filter.ComponentVersion{
		{Name: "a", Version: "1.0.0", Arn: arnOf(acct, "component", "a/1.0.0"), DateCreated: "2024-01-01T00:00:00Z"},
		{Name: "a", Version: "01.0.0", Arn: arnOf(acct, "component", "a/01.0.0"), DateCreated: "2024-06-01T00:00:00.5Z"},
	}
	m, err := filter.Options{}.Compile(scoped(q("ListComponents"), filter.Scope{ByName: true, Account: acct}))
	if err != nil {
		t.Fatal(err)
	}
	res, err := filter.Apply(m, items)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Indices, []int{1}) {
		t.Errorf("indices = %v, want [1]", res.Indices)
	}
}

func TestMatchTypedNil(t *testing.T) {
	m, err := filter.Compile("ListImages", []filter.Filter{f("name", "a")})
	if err != nil {
		t.Fatal(err)
	}
	var v *filter.ImageVersion
	if m.Match(v) {
		t.Error("a nil item matched")
	}
}

func TestApplyItemError(t *testing.T) {
	m, err := filter.Options{}.Compile(scoped(q("ListImages"), filter.Scope{Account: acct}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = filter.Apply(m, []filter.ImageVersion{{Name: "a", Arn: arnOf(acct, "image", "a/1.0.0")}, {Name: "b", Arn: "not-an-arn"}})
	var ie *filter.ItemError
	if !errors.As(err, &ie) || ie.Path != "[1]" || !errors.Is(err, filter.ErrOwnership) {
		t.Errorf("err = %v, want an ItemError at [1] wrapping ErrOwnership", err)
	}
}
