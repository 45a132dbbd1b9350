package filter

import (
	"slices"
	"strings"
)

// compare is how a filter name compares its values with the member it
// reads.
type compare uint8

const (
	cmpExact   compare = iota // the text equals a value (F-1)
	cmpList                   // an element of a list equals a value, or starts with one under OSVersionPrefix (F-1)
	cmpVersion                // as cmpExact, with the build rule (F-3) and wildcards (F-4)
)

// nameSpec is one filter name an operation accepts: the item member it
// reads, as a path of JSON member names, and how it compares.
type nameSpec struct {
	name   string
	member string
	cmp    compare
	// decision admits the name or fixes the member it reads; "" when the
	// model documents both.
	decision Decision
}

// keySpec names the members that scope, byName and ordering read; ""
// where the shape has none.
type keySpec struct {
	name, version, arn, date string
	// versionFromARN takes the version from the ARN (recipe summaries
	// carry it nowhere else).
	versionFromARN bool
}

// The members a scoped evaluation reads besides the keys.
const (
	memberOwnership   = "ownership" // not an AWS member: the caller's category (F-P5)
	memberState       = "state.status"
	memberDeprecation = "deprecationTime"
	memberStatus      = "status"
)

// opSpec describes one List operation that takes filters.
type opSpec struct {
	name      string
	resultKey string
	shape     string
	names     []nameSpec // sorted by name
	keys      keySpec
	// maxFilters and maxValues are the model's limits.
	maxFilters, maxValues int
	// single marks ListImageScanFindingAggregations, whose request has a
	// single filter member instead of a list.
	single bool
	// buildLevel marks lists with one item per build, where version
	// compares major.minor.patch only (F-3).
	buildLevel bool
	// owner, byName and includeDeprecated are the request parameters the
	// operation has.
	owner, byName, includeDeprecated bool
}

// Limits of the model's FilterList, FilterValues and Filter shapes.
const (
	maxFilters     = 10
	maxValues      = 10
	maxNameLength  = 1024
	maxValueLength = 1024
)

// Filter names that several operations share.
var (
	nameName        = nameSpec{"name", "name", cmpExact, ""}
	nameDescription = nameSpec{"description", "description", cmpExact, ""}
	namePlatform    = nameSpec{"platform", "platform", cmpExact, ""}
	nameType        = nameSpec{"type", "type", cmpExact, ""}
	nameVersion     = nameSpec{"version", "version", cmpVersion, ""}
	nameOSVersion   = nameSpec{"osVersion", "osVersion", cmpExact, ""}
	nameParentImage = nameSpec{"parentImage", "parentImage", cmpExact, ""}
	nameStatus      = nameSpec{"status", "status", cmpExact, ""}
	nameBuildARN    = nameSpec{"imageBuildVersionArn", "imageBuildVersionArn", cmpExact, ""}
	namePipelineARN = nameSpec{"imagePipelineArn", "imagePipelineArn", cmpExact, ""}

	keysVersioned = keySpec{name: "name", version: "version", arn: "arn", date: "dateCreated"}
	keysRecipe    = keySpec{name: "name", arn: "arn", date: "dateCreated", versionFromARN: true}
	keysNamed     = keySpec{name: "name", arn: "arn", date: "dateCreated"}
)

// operations is the read-only registry, sorted by operation name: the
// names, members and result keys of the 2026 service model, plus the names
// that Decisions F-9 and F-10 admit.
var operations = [...]opSpec{
	{
		name: "ListComponents", resultKey: "componentVersionList", shape: "ComponentVersion",
		names: []nameSpec{nameDescription, nameName, namePlatform,
			{"supportedOsVersion", "supportedOsVersions", cmpList, ""}, nameType, nameVersion},
		keys: keysVersioned, maxFilters: maxFilters, maxValues: maxValues, owner: true, byName: true,
	},
	{
		name: "ListContainerRecipes", resultKey: "containerRecipeSummaryList", shape: "ContainerRecipeSummary",
		names: []nameSpec{{"containerType", "containerType", cmpExact, ""}, nameName, nameParentImage, namePlatform},
		keys:  keysRecipe, maxFilters: maxFilters, maxValues: maxValues, owner: true,
	},
	{
		name: "ListDistributionConfigurations", resultKey: "distributionConfigurationSummaryList",
		shape: "DistributionConfigurationSummary", names: []nameSpec{nameName},
		keys: keysNamed, maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListImageBuildVersions", resultKey: "imageSummaryList", shape: "ImageSummary",
		names: []nameSpec{nameName, nameOSVersion, namePlatform, nameType, nameVersion},
		keys:  keysVersioned, maxFilters: maxFilters, maxValues: maxValues, buildLevel: true,
	},
	{
		name: "ListImagePipelineImages", resultKey: "imageSummaryList", shape: "ImageSummary",
		names: []nameSpec{nameName, nameVersion},
		keys:  keysVersioned, maxFilters: maxFilters, maxValues: maxValues, buildLevel: true,
	},
	{
		name: "ListImagePipelines", resultKey: "imagePipelineList", shape: "ImagePipeline",
		names: []nameSpec{nameDescription,
			{"distributionConfigurationArn", "distributionConfigurationArn", cmpExact, ""},
			{"imageRecipeArn", "imageRecipeArn", cmpExact, ""},
			{"infrastructureConfigurationArn", "infrastructureConfigurationArn", cmpExact, ""},
			nameName, nameStatus},
		keys: keysNamed, maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListImageRecipes", resultKey: "imageRecipeSummaryList", shape: "ImageRecipeSummary",
		names: []nameSpec{nameName, nameParentImage, namePlatform},
		keys:  keysRecipe, maxFilters: maxFilters, maxValues: maxValues, owner: true,
	},
	{
		name: "ListImageScanFindingAggregations", resultKey: "responses", shape: "ImageScanFindingAggregation",
		names: []nameSpec{{"accountId", "accountId", cmpExact, ""}, nameBuildARN, namePipelineARN,
			{"vulnerabilityId", "vulnerabilityId", cmpExact, ""}},
		maxFilters: 1, maxValues: maxValues, single: true,
	},
	{
		name: "ListImageScanFindings", resultKey: "findings", shape: "ImageScanFinding",
		names: []nameSpec{nameBuildARN, namePipelineARN, {"severity", "severity", cmpExact, ""},
			{"vulnerabilityId", "packageVulnerabilityDetails.vulnerabilityId", cmpExact, decVulnID}},
		// Findings order by image build, then vulnerability.
		keys:       keySpec{name: "imageBuildVersionArn", arn: "packageVulnerabilityDetails.vulnerabilityId"},
		maxFilters: 1, maxValues: 1,
	},
	{
		name: "ListImages", resultKey: "imageVersionList", shape: "ImageVersion",
		names: []nameSpec{nameName, nameOSVersion, namePlatform, nameType, nameVersion},
		keys:  keysVersioned, maxFilters: maxFilters, maxValues: maxValues, owner: true, byName: true, includeDeprecated: true,
	},
	{
		name: "ListInfrastructureConfigurations", resultKey: "infrastructureConfigurationSummaryList",
		shape: "InfrastructureConfigurationSummary", names: []nameSpec{nameName},
		keys: keysNamed, maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListLifecyclePolicies", resultKey: "lifecyclePolicySummaryList", shape: "LifecyclePolicySummary",
		names: []nameSpec{{"name", "name", cmpExact, decLifecycle}, {"status", "status", cmpExact, decLifecycle}},
		keys:  keySpec{name: "name", arn: "arn"}, maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListWorkflows", resultKey: "workflowVersionList", shape: "WorkflowVersion",
		names: []nameSpec{{"name", "name", cmpExact, decWorkflows}, {"type", "type", cmpExact, decWorkflows},
			{"version", "version", cmpVersion, decWorkflows}},
		keys: keysVersioned, maxFilters: maxFilters, maxValues: maxValues, owner: true, byName: true,
	},
}

// lookupOp returns the registry entry for an operation name (exact,
// case-sensitive).
func lookupOp(operation string) (*opSpec, bool) {
	i, ok := slices.BinarySearchFunc(operations[:], operation, func(s opSpec, name string) int {
		return strings.Compare(s.name, name)
	})
	if !ok {
		return nil, false
	}
	return &operations[i], true
}

// names returns the filter names op accepts under r, sorted byte-wise.
func (r readings) names(op *opSpec) []nameSpec {
	out := make([]nameSpec, 0, len(op.names)+2)
	switch op.name {
	case "ListWorkflows":
		if r.noWorkflowNames {
			return nil
		}
	case "ListLifecyclePolicies":
		if r.capitalLifecycle {
			out = append(out, nameSpec{"Name", "name", cmpExact, decLifecycle}, nameSpec{"Status", "status", cmpExact, decLifecycle})
		}
	case "ListComponents":
		if r.componentStatus {
			out = append(out, nameSpec{"status", "status", cmpExact, decStatus})
		}
	}
	out = append(out, op.names...)
	slices.SortFunc(out, func(a, b nameSpec) int { return strings.Compare(a.name, b.name) })
	return out
}

// Operations returns the API names of every List operation that takes
// filters, sorted byte-wise ascending.
func Operations() []string {
	out := make([]string, len(operations))
	for i := range operations {
		out[i] = operations[i].name
	}
	return out
}

// Operation describes one List operation that takes filters.
type Operation struct {
	// Name is the API name, e.g. "ListImages".
	Name string
	// ResultKey is the member of the response that holds the result list,
	// e.g. "imageVersionList".
	ResultKey string
	// ItemShape is the model's shape of one list item, e.g.
	// "ImageVersion".
	ItemShape string
	// Filters maps each filter name the operation accepts to the item
	// member it reads, as JSON member names: "." separates nested
	// members and "[]" marks a list whose elements are compared
	// ("supportedOsVersions[]"). Names are case-sensitive.
	Filters map[string]string
}

// Lookup describes operation (case-sensitive) under the given readings;
// only NoWorkflowFilters, DocumentedCaseLifecycleFilters and
// ComponentStatusFilter change the names. ok is false when operation is
// not a List operation that takes filters, or when a reading is not one
// this package offers (as Compile would reject it).
func Lookup(operation string, readings ...Decision) (op Operation, ok bool) {
	spec, ok := lookupOp(operation)
	if !ok {
		return Operation{}, false
	}
	r, err := chooseReadings(readings)
	if err != nil {
		return Operation{}, false
	}
	op = Operation{Name: spec.name, ResultKey: spec.resultKey, ItemShape: spec.shape, Filters: map[string]string{}}
	for _, n := range r.names(spec) {
		m := n.member
		if n.cmp == cmpList {
			m += "[]"
		}
		op.Filters[n.name] = m
	}
	return op, true
}

// acceptedNames lists names for messages: "a, b, c".
func acceptedNames(ns []nameSpec) string {
	var b strings.Builder
	for i, n := range ns {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(n.name)
	}
	return b.String()
}
