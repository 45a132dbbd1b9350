package filter

import (
	"slices"
	"strings"
)

// field identifies the item field a filter name reads.
type field uint8

const (
	fieldNone field = iota
	fieldName
	fieldDescription
	fieldPlatform
	fieldSupportedOsVersions // list-valued
	fieldType
	fieldVersion
	fieldOsVersion
	fieldStatus
	fieldParentImage
	fieldContainerType
	fieldImageRecipeArn
	fieldDistributionConfigurationArn
	fieldInfrastructureConfigurationArn
	fieldImageBuildVersionArn
	fieldImagePipelineArn
	fieldVulnerabilityID
	fieldSeverity
	fieldAccountID
)

// path returns the field's location in an item as JSON member names.
func (f field) path() string {
	switch f {
	case fieldName:
		return "name"
	case fieldDescription:
		return "description"
	case fieldPlatform:
		return "platform"
	case fieldSupportedOsVersions:
		return "supportedOsVersions[]"
	case fieldType:
		return "type"
	case fieldVersion:
		return "version"
	case fieldOsVersion:
		return "osVersion"
	case fieldStatus:
		return "status"
	case fieldParentImage:
		return "parentImage"
	case fieldContainerType:
		return "containerType"
	case fieldImageRecipeArn:
		return "imageRecipeArn"
	case fieldDistributionConfigurationArn:
		return "distributionConfigurationArn"
	case fieldInfrastructureConfigurationArn:
		return "infrastructureConfigurationArn"
	case fieldImageBuildVersionArn:
		return "imageBuildVersionArn"
	case fieldImagePipelineArn:
		return "imagePipelineArn"
	case fieldVulnerabilityID:
		return "packageVulnerabilityDetails.vulnerabilityId"
	case fieldSeverity:
		return "severity"
	case fieldAccountID:
		return "accountId"
	}
	return ""
}

// kind identifies the item shape of an operation's result list.
type kind uint8

const (
	kindNone kind = iota
	kindComponentVersion
	kindImageVersion
	kindImageSummary
	kindImagePipeline
	kindImageRecipeSummary
	kindContainerRecipeSummary
	kindDistributionConfigurationSummary
	kindInfrastructureConfigurationSummary
	kindLifecyclePolicySummary
	kindWorkflowVersion
	kindImageScanFinding
	kindImageScanFindingAggregation
)

func (k kind) String() string {
	switch k {
	case kindComponentVersion:
		return "ComponentVersion"
	case kindImageVersion:
		return "ImageVersion"
	case kindImageSummary:
		return "ImageSummary"
	case kindImagePipeline:
		return "ImagePipeline"
	case kindImageRecipeSummary:
		return "ImageRecipeSummary"
	case kindContainerRecipeSummary:
		return "ContainerRecipeSummary"
	case kindDistributionConfigurationSummary:
		return "DistributionConfigurationSummary"
	case kindInfrastructureConfigurationSummary:
		return "InfrastructureConfigurationSummary"
	case kindLifecyclePolicySummary:
		return "LifecyclePolicySummary"
	case kindWorkflowVersion:
		return "WorkflowVersion"
	case kindImageScanFinding:
		return "ImageScanFinding"
	case kindImageScanFindingAggregation:
		return "ImageScanFindingAggregation"
	}
	return ""
}

// nameSpec is one filter name an operation accepts.
type nameSpec struct {
	name  string
	field field
	// decision is the decision that admits the name, "" when the model
	// documents it.
	decision Decision
}

// opSpec describes one List operation that takes filters.
type opSpec struct {
	name       string
	resultKey  string
	item       kind
	names      []nameSpec // sorted by name
	maxFilters int
	maxValues  int
	// single marks ListImageScanFindingAggregations, whose request has a
	// single filter member instead of a list.
	single bool
	// buildLevel marks lists with one item per build, where version
	// compares major.minor.patch only (F-3).
	buildLevel        bool
	owner             bool
	byName            bool
	includeDeprecated bool
}

// Limits of the model's FilterList, FilterValues and Filter shapes.
const (
	maxFilters     = 10
	maxValues      = 10
	maxNameLength  = 1024
	maxValueLength = 1024
)

// operations is the read-only registry, sorted by operation name. The
// names, fields and result keys are those of the 2026 service model, plus
// the names that Decisions F-9 and F-10 admit.
var operations = [...]opSpec{
	{
		name: "ListComponents", resultKey: "componentVersionList", item: kindComponentVersion,
		names: []nameSpec{
			{"description", fieldDescription, ""},
			{"name", fieldName, ""},
			{"platform", fieldPlatform, ""},
			{"supportedOsVersion", fieldSupportedOsVersions, ""},
			{"type", fieldType, ""},
			{"version", fieldVersion, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues, owner: true, byName: true,
	},
	{
		name: "ListContainerRecipes", resultKey: "containerRecipeSummaryList", item: kindContainerRecipeSummary,
		names: []nameSpec{
			{"containerType", fieldContainerType, ""},
			{"name", fieldName, ""},
			{"parentImage", fieldParentImage, ""},
			{"platform", fieldPlatform, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues, owner: true,
	},
	{
		name: "ListDistributionConfigurations", resultKey: "distributionConfigurationSummaryList",
		item:       kindDistributionConfigurationSummary,
		names:      []nameSpec{{"name", fieldName, ""}},
		maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListImageBuildVersions", resultKey: "imageSummaryList", item: kindImageSummary,
		names: []nameSpec{
			{"name", fieldName, ""},
			{"osVersion", fieldOsVersion, ""},
			{"platform", fieldPlatform, ""},
			{"type", fieldType, ""},
			{"version", fieldVersion, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues, buildLevel: true,
	},
	{
		name: "ListImagePipelineImages", resultKey: "imageSummaryList", item: kindImageSummary,
		names: []nameSpec{
			{"name", fieldName, ""},
			{"version", fieldVersion, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues, buildLevel: true,
	},
	{
		name: "ListImagePipelines", resultKey: "imagePipelineList", item: kindImagePipeline,
		names: []nameSpec{
			{"description", fieldDescription, ""},
			{"distributionConfigurationArn", fieldDistributionConfigurationArn, ""},
			{"imageRecipeArn", fieldImageRecipeArn, ""},
			{"infrastructureConfigurationArn", fieldInfrastructureConfigurationArn, ""},
			{"name", fieldName, ""},
			{"status", fieldStatus, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListImageRecipes", resultKey: "imageRecipeSummaryList", item: kindImageRecipeSummary,
		names: []nameSpec{
			{"name", fieldName, ""},
			{"parentImage", fieldParentImage, ""},
			{"platform", fieldPlatform, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues, owner: true,
	},
	{
		name: "ListImageScanFindingAggregations", resultKey: "responses", item: kindImageScanFindingAggregation,
		names: []nameSpec{
			{"accountId", fieldAccountID, ""},
			{"imageBuildVersionArn", fieldImageBuildVersionArn, ""},
			{"imagePipelineArn", fieldImagePipelineArn, ""},
			{"vulnerabilityId", fieldVulnerabilityID, ""},
		},
		maxFilters: 1, maxValues: maxValues, single: true,
	},
	{
		name: "ListImageScanFindings", resultKey: "findings", item: kindImageScanFinding,
		names: []nameSpec{
			{"imageBuildVersionArn", fieldImageBuildVersionArn, ""},
			{"imagePipelineArn", fieldImagePipelineArn, ""},
			{"severity", fieldSeverity, ""},
			{"vulnerabilityId", fieldVulnerabilityID, DecisionVulnerabilityID},
		},
		maxFilters: 1, maxValues: 1,
	},
	{
		name: "ListImages", resultKey: "imageVersionList", item: kindImageVersion,
		names: []nameSpec{
			{"name", fieldName, ""},
			{"osVersion", fieldOsVersion, ""},
			{"platform", fieldPlatform, ""},
			{"type", fieldType, ""},
			{"version", fieldVersion, ""},
		},
		maxFilters: maxFilters, maxValues: maxValues, owner: true, byName: true, includeDeprecated: true,
	},
	{
		name: "ListInfrastructureConfigurations", resultKey: "infrastructureConfigurationSummaryList",
		item:       kindInfrastructureConfigurationSummary,
		names:      []nameSpec{{"name", fieldName, ""}},
		maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListLifecyclePolicies", resultKey: "lifecyclePolicySummaryList", item: kindLifecyclePolicySummary,
		names: []nameSpec{
			{"name", fieldName, DecisionLifecycleNames},
			{"status", fieldStatus, DecisionLifecycleNames},
		},
		maxFilters: maxFilters, maxValues: maxValues,
	},
	{
		name: "ListWorkflows", resultKey: "workflowVersionList", item: kindWorkflowVersion,
		names: []nameSpec{
			{"name", fieldName, DecisionWorkflowNames},
			{"type", fieldType, DecisionWorkflowNames},
			{"version", fieldVersion, DecisionWorkflowNames},
		},
		maxFilters: maxFilters, maxValues: maxValues, owner: true, byName: true,
	},
}

// lookupOp returns the registry entry for an operation name (exact,
// case-sensitive), or nil.
func lookupOp(operation string) *opSpec {
	i, ok := slices.BinarySearchFunc(operations[:], operation, func(s opSpec, name string) int {
		return strings.Compare(s.name, name)
	})
	if !ok {
		return nil
	}
	return &operations[i]
}

// names returns the filter names op accepts under o, sorted byte-wise.
func (o Options) names(op *opSpec) []nameSpec {
	out := make([]nameSpec, 0, len(op.names)+2)
	switch op.name {
	case "ListWorkflows":
		if o.NoWorkflowFilters {
			return nil
		}
	case "ListLifecyclePolicies":
		if o.DocumentedCaseLifecycleFilters {
			out = append(out,
				nameSpec{"Name", fieldName, DecisionLifecycleNames},
				nameSpec{"Status", fieldStatus, DecisionLifecycleNames})
		}
	case "ListComponents":
		if o.ComponentStatusFilter {
			out = append(out, nameSpec{"status", fieldStatus, DecisionComponentStatus})
		}
	}
	out = append(out, op.names...)
	slices.SortFunc(out, func(a, b nameSpec) int { return strings.Compare(a.name, b.name) })
	return out
}

// lookupName returns the spec of name on op under o.
func (o Options) lookupName(op *opSpec, name string) (nameSpec, bool) {
	for _, n := range o.names(op) {
		if n.name == name {
			return n, true
		}
	}
	return nameSpec{}, false
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

// AllowedNames returns the filter names operation accepts under ibkit's
// default reading, sorted byte-wise ascending, or nil when operation is not
// a List operation that takes filters.
func AllowedNames(operation string) []string { return Options{}.AllowedNames(operation) }

// AllowedNames returns the filter names operation accepts under o, sorted
// byte-wise ascending, or nil when operation is unknown or accepts no
// names under o.
func (o Options) AllowedNames(operation string) []string {
	op := lookupOp(operation)
	if op == nil {
		return nil
	}
	return nameList(o.names(op))
}

func nameList(ns []nameSpec) []string {
	if len(ns) == 0 {
		return nil
	}
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.name
	}
	return out
}

// OperationInfo describes one List operation that takes filters.
type OperationInfo struct {
	// Name is the API name, e.g. "ListImages".
	Name string
	// ResultKey is the member of the response that holds the result list,
	// e.g. "imageVersionList".
	ResultKey string
	// ItemShape is the model's shape name of one list item, e.g.
	// "ImageVersion".
	ItemShape string
	// Filters are the accepted filter names, sorted by name.
	Filters []NameInfo
	// MaxFilters and MaxValues are the model's limits on the number of
	// filters in one request and of values in one filter.
	MaxFilters, MaxValues int
	// SingleFilter reports that the request has a single filter member
	// ("filter") instead of a list (ListImageScanFindingAggregations).
	SingleFilter bool
	// BuildLevel reports a list with one item per build, where version
	// filters compare major.minor.patch only (F-3).
	BuildLevel bool
	// Owner, ByName and IncludeDeprecated report which of these request
	// parameters the operation has.
	Owner, ByName, IncludeDeprecated bool
}

// NameInfo describes one filter name of an operation.
type NameInfo struct {
	// Name is the filter name, case-sensitive.
	Name string
	// Field is the item field the name reads, as JSON member names; "[]"
	// marks a list whose elements are compared, "." a nested member.
	Field string
	// Decision is the decision that admits the name or fixes the field it
	// reads, "" when the model documents both.
	Decision Decision
}

// Lookup returns the description of operation under ibkit's default
// reading; ok is false when operation is not a List operation that takes
// filters. Operation names are case-sensitive.
func Lookup(operation string) (info OperationInfo, ok bool) { return Options{}.Lookup(operation) }

// Lookup returns the description of operation under o.
func (o Options) Lookup(operation string) (info OperationInfo, ok bool) {
	op := lookupOp(operation)
	if op == nil {
		return OperationInfo{}, false
	}
	info = OperationInfo{
		Name:              op.name,
		ResultKey:         op.resultKey,
		ItemShape:         op.item.String(),
		MaxFilters:        op.maxFilters,
		MaxValues:         op.maxValues,
		SingleFilter:      op.single,
		BuildLevel:        op.buildLevel,
		Owner:             op.owner,
		ByName:            op.byName,
		IncludeDeprecated: op.includeDeprecated,
	}
	for _, n := range o.names(op) {
		info.Filters = append(info.Filters, NameInfo{Name: n.name, Field: n.field.path(), Decision: n.decision})
	}
	return info, true
}
