package lifecycle

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/require"
)

// basePolicy returns a valid AMI policy with one DELETE rule.
func basePolicy() *Policy {
	return &Policy{
		Name:          "keep-recent",
		ExecutionRole: "arn:aws:iam::123456789012:role/LifecycleRole",
		ResourceType:  ResourceTypeAMI,
		PolicyDetails: []PolicyDetail{{
			Action: Action{Type: ActionDelete, IncludeResources: &IncludeResources{AMIs: true, Snapshots: true}},
			Filter: Filter{Type: FilterAge, Value: 90, Unit: Days},
		}},
		ResourceSelection: ResourceSelection{Recipes: []RecipeSelection{{Name: "web-server", SemanticVersion: "1.x.x"}}},
	}
}

func intp(n int) *int { return &n }

// want is the part of a finding a rule test checks.
type want struct {
	Severity  Severity
	Path      string
	Code      string
	Decisions []Decision
}

const (
	E = SeverityError
	W = SeverityWarning
)

func summarize(fs Findings) []want {
	var out []want
	for _, f := range fs {
		out = append(out, want{f.Severity, f.Path, f.Code, f.Decisions})
	}
	return out
}

func TestPolicyValidateRules(t *testing.T) {
	d := func(p *Policy) *PolicyDetail { return &p.PolicyDetails[0] }
	tests := []struct {
		name   string
		opts   ValidateOptions
		mutate func(p *Policy)
		want   []want
	}{
		{"valid", ValidateOptions{}, func(p *Policy) {}, nil},
		{"valid with every member", ValidateOptions{}, func(p *Policy) {
			p.Description = "d"
			p.Status = PolicyDisabled
			p.Tags = Tags{"team": "platform", "": ""}
			delete(p.Tags, "")
			p.PolicyDetails = append(p.PolicyDetails,
				PolicyDetail{Action: Action{Type: ActionDeprecate, IncludeResources: &IncludeResources{AMIs: true}},
					Filter: Filter{Type: FilterAge, Value: 30, Unit: Days},
					ExclusionRules: &ExclusionRules{TagMap: Tags{"keep": "true"}, AMIs: &AMIExclusionRules{
						IsPublic: true, Regions: []string{"us-west-2"}, SharedAccounts: []string{"111122223333"},
						LastLaunched: &LastLaunched{Value: 7, Unit: Days}, TagMap: Tags{"Environment": "prod"}}}},
				PolicyDetail{Action: Action{Type: ActionDisable}, Filter: Filter{Type: FilterAge, Value: 2, Unit: Months}})
			d(p).Filter.RetainAtLeast = intp(10)
		}, nil},
		{"role name only", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = "LifecycleRole" }, nil},

		// Model rules.
		{"name missing", ValidateOptions{}, func(p *Policy) { p.Name = "" }, []want{{E, "name", codeRequired, nil}}},
		{"name too short", ValidateOptions{}, func(p *Policy) { p.Name = "ab" }, []want{{E, "name", codeInvalidPattern, nil}}},
		{"name leading space", ValidateOptions{}, func(p *Policy) { p.Name = " abc" }, []want{{E, "name", codeInvalidPattern, nil}}},
		{"name inner space", ValidateOptions{}, func(p *Policy) { p.Name = "a b c" }, nil},
		{"name bad char", ValidateOptions{}, func(p *Policy) { p.Name = "abc.d" }, []want{{E, "name", codeInvalidPattern, nil}}},
		{"name 129", ValidateOptions{}, func(p *Policy) { p.Name = strings.Repeat("a", 129) }, []want{{E, "name", codeInvalidPattern, nil}}},
		{"name 128", ValidateOptions{}, func(p *Policy) { p.Name = strings.Repeat("a", 128) }, nil},
		{"description too long", ValidateOptions{}, func(p *Policy) { p.Description = strings.Repeat("é", 1025) }, []want{{E, "description", codeInvalidLength, nil}}},
		{"description 1024 runes", ValidateOptions{}, func(p *Policy) { p.Description = strings.Repeat("é", 1024) }, nil},
		{"status bad", ValidateOptions{}, func(p *Policy) { p.Status = "enabled" }, []want{{E, "status", codeInvalidEnum, nil}}},
		{"role missing", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = "" }, []want{{E, "executionRole", codeRequired, nil}}},
		{"role bad", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = "arn:aws:iam::12:role/x" }, []want{{E, "executionRole", codeInvalidPattern, nil}}},
		{"role too long", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = strings.Repeat("r", 2049) }, []want{{E, "executionRole", codeInvalidLength, nil}}},
		{"resourceType missing", ValidateOptions{}, func(p *Policy) { p.ResourceType = "" }, []want{{E, "resourceType", codeRequired, nil}}},
		{"resourceType AMI", ValidateOptions{}, func(p *Policy) { p.ResourceType = "AMI" }, []want{{E, "resourceType", codeInvalidEnum, nil}}},
		{"no details", ValidateOptions{}, func(p *Policy) { p.PolicyDetails = nil }, []want{{E, "policyDetails", codeRequired, nil}}},
		{"four details", ValidateOptions{Readings: []Decision{ModelOnlyValidation}}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, p.PolicyDetails[0], p.PolicyDetails[0], p.PolicyDetails[0])
		}, []want{
			{E, "policyDetails", codeInvalidCount, nil},
			{W, "policyDetails[1].action.type", codeDuplicateAction, []Decision{"L-P1"}},
			{W, "policyDetails[2].action.type", codeDuplicateAction, []Decision{"L-P1"}},
			{W, "policyDetails[3].action.type", codeDuplicateAction, []Decision{"L-P1"}},
		}},
		{"action type missing", ValidateOptions{}, func(p *Policy) { d(p).Action.Type = "" }, []want{{E, "policyDetails[0].action.type", codeRequired, nil}}},
		{"action type bad", ValidateOptions{}, func(p *Policy) { d(p).Action.Type = "REMOVE" }, []want{{E, "policyDetails[0].action.type", codeInvalidEnum, nil}}},
		{"filter type missing", ValidateOptions{}, func(p *Policy) { d(p).Filter.Type = "" }, []want{{E, "policyDetails[0].filter.type", codeRequired, nil}}},
		{"filter type bad", ValidateOptions{}, func(p *Policy) { d(p).Filter.Type = "SIZE" }, []want{{E, "policyDetails[0].filter.type", codeInvalidEnum, nil}}},
		{"value missing", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = 0 }, []want{{E, "policyDetails[0].filter.value", codeRequired, nil}}},
		{"value 1001", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = 1001 }, []want{{E, "policyDetails[0].filter.value", codeOutOfRange, nil}}},
		{"value negative", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = -1 }, []want{{E, "policyDetails[0].filter.value", codeOutOfRange, nil}}},
		{"value 1000", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = 1000 }, nil},
		{"unit bad", ValidateOptions{}, func(p *Policy) { d(p).Filter.Unit = "HOURS" }, []want{{E, "policyDetails[0].filter.unit", codeInvalidEnum, nil}}},
		{"retain 0", ValidateOptions{}, func(p *Policy) { d(p).Filter.RetainAtLeast = intp(0) }, []want{{E, "policyDetails[0].filter.retainAtLeast", codeOutOfRange, nil}}},
		{"retain 11", ValidateOptions{}, func(p *Policy) { d(p).Filter.RetainAtLeast = intp(11) }, []want{{E, "policyDetails[0].filter.retainAtLeast", codeOutOfRange, nil}}},
		{"exclusion region empty", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{Regions: []string{"us-east-1", ""}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.regions[1]", codeInvalidLength, nil}}},
		{"shared accounts empty list", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{SharedAccounts: []string{}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.sharedAccounts", codeInvalidCount, nil}}},
		{"shared account bad", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{SharedAccounts: []string{"111122223333", "12345"}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.sharedAccounts[1]", codeInvalidPattern, nil}}},
		{"last launched incomplete", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{LastLaunched: &LastLaunched{}}}
		}, []want{
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.unit", codeRequired, nil},
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.value", codeRequired, nil},
		}},
		{"last launched 366", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{LastLaunched: &LastLaunched{Value: 366, Unit: "DAY"}}}
		}, []want{
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.unit", codeInvalidEnum, nil},
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.value", codeOutOfRange, nil},
		}},
		{"recipes empty list", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes = []RecipeSelection{} },
			[]want{{E, "resourceSelection.recipes", codeInvalidCount, nil}}},
		{"recipes 51", ValidateOptions{}, func(p *Policy) {
			for i := 0; i < 50; i++ {
				p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes, RecipeSelection{Name: "r" + strings.Repeat("x", i+2), SemanticVersion: "1.0.0"})
			}
		}, []want{{E, "resourceSelection.recipes", codeInvalidCount, nil}}},
		{"recipe fields missing", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0] = RecipeSelection{} }, []want{
			{E, "resourceSelection.recipes[0].name", codeRequired, nil},
			{E, "resourceSelection.recipes[0].semanticVersion", codeRequired, nil},
		}},
		{"recipe version bad", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1.0" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", codeInvalidPattern, nil}}},
		{"recipe version X", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1.X.X" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", codeInvalidPattern, nil}}},
		{"tag map empty", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{} }, []want{{E, "tags", codeInvalidCount, nil}}},
		{"tag map 51", ValidateOptions{}, func(p *Policy) {
			p.Tags = Tags{}
			for i := 0; i < 51; i++ {
				p.Tags[strings.Repeat("k", i+1)] = "v"
			}
		}, []want{{E, "tags", codeInvalidCount, nil}}},
		{"tag key aws prefix", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"aws:createdBy": "x"} },
			[]want{{E, `tags["aws:createdBy"]`, codeReservedTagKey, nil}}},
		{"tag key AWS prefix allowed", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"AWS:x": "x"} }, nil},
		{"tag key empty", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"": "x"} }, []want{{E, `tags[""]`, codeInvalidLength, nil}}},
		{"tag key bad char", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"a#b": "x"} }, []want{{E, `tags["a#b"]`, codeInvalidPattern, nil}}},
		{"tag key allowed chars", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"a b_.:/=+-@\t9": "x"} }, nil},
		{"tag key 129", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{strings.Repeat("k", 129): "x"} },
			[]want{{E, `tags["` + strings.Repeat("k", 129) + `"]`, codeInvalidLength, nil}}},
		{"tag value 257", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"k": strings.Repeat("v", 257)} }, []want{{E, `tags["k"]`, codeInvalidLength, nil}}},
		{"exclusion tag map checked", ValidateOptions{}, func(p *Policy) { d(p).ExclusionRules = &ExclusionRules{TagMap: Tags{"aws:x": ""}} },
			[]want{{E, `policyDetails[0].exclusionRules.tagMap["aws:x"]`, codeReservedTagKey, nil}}},
		{"ami exclusion tag map checked", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{TagMap: Tags{}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.tagMap", codeInvalidCount, nil}}},
		{"arn checked", ValidateOptions{}, func(p *Policy) { p.ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/x/1.0.0/1" },
			[]want{{E, "arn", codeInvalidPattern, nil}}},
		{"arn valid", ValidateOptions{}, func(p *Policy) { p.ARN = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep-recent" }, nil},

		// Cross-field rules.
		{"X1 age without unit", ValidateOptions{}, func(p *Policy) { d(p).Filter.Unit = "" },
			[]want{{E, "policyDetails[0].filter.unit", codeAgeUnitRequired, nil}}},
		{"X2 retain on count", ValidateOptions{}, func(p *Policy) { d(p).Filter = Filter{Type: FilterCount, Value: 3, RetainAtLeast: intp(2)} },
			[]want{{W, "policyDetails[0].filter.retainAtLeast", codeRetainOnCount, []Decision{"L-P2"}}}},
		{"X3 retain on deprecate", ValidateOptions{}, func(p *Policy) {
			d(p).Action = Action{Type: ActionDeprecate}
			d(p).Filter.RetainAtLeast = intp(2)
		}, []want{{W, "policyDetails[0].filter.retainAtLeast", codeRetainIgnored, []Decision{"L-9"}}}},
		{"X3 retain on disable", ValidateOptions{}, func(p *Policy) {
			d(p).Action = Action{Type: ActionDisable}
			d(p).Filter.RetainAtLeast = intp(2)
		}, []want{{W, "policyDetails[0].filter.retainAtLeast", codeRetainIgnored, []Decision{"L-9"}}}},
		{"X4 unit on count", ValidateOptions{}, func(p *Policy) { d(p).Filter = Filter{Type: FilterCount, Value: 3, Unit: Weeks} },
			[]want{{W, "policyDetails[0].filter.unit", codeUnitOnCount, []Decision{"L-P2"}}}},
		{"X5 both selectors", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.TagMap = Tags{"a": "b"} },
			[]want{{E, "resourceSelection", codeSelectionBoth, []Decision{"L-P1"}}}},
		{"X5 both selectors model only", ValidateOptions{Readings: []Decision{ModelOnlyValidation}}, func(p *Policy) { p.ResourceSelection.TagMap = Tags{"a": "b"} },
			[]want{{W, "resourceSelection", codeSelectionBoth, []Decision{"L-P1"}}}},
		{"X5 no selector", ValidateOptions{}, func(p *Policy) { p.ResourceSelection = ResourceSelection{} },
			[]want{{E, "resourceSelection", codeSelectionNone, []Decision{"L-P1"}}}},
		{"X5 tags only", ValidateOptions{}, func(p *Policy) { p.ResourceSelection = ResourceSelection{TagMap: Tags{"a": "b"}} }, nil},
		{"X6 duplicate action", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, PolicyDetail{Action: Action{Type: ActionDelete}, Filter: Filter{Type: FilterCount, Value: 5}})
		}, []want{{E, "policyDetails[1].action.type", codeDuplicateAction, []Decision{"L-P1"}}}},
		{"X7 container deprecate", ValidateOptions{}, func(p *Policy) {
			p.ResourceType = ResourceTypeContainer
			d(p).Action = Action{Type: ActionDeprecate}
		}, []want{{E, "policyDetails[0].action.type", codeContainerAction, nil}}},
		{"X8 container with amis, snapshots and ami exclusions", ValidateOptions{}, func(p *Policy) {
			p.ResourceType = ResourceTypeContainer
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{IsPublic: true}}
		}, []want{
			{E, "policyDetails[0].action.includeResources.amis", codeContainerAMIResources, []Decision{"L-P1"}},
			{E, "policyDetails[0].action.includeResources.snapshots", codeContainerAMIResources, []Decision{"L-P1"}},
			{E, "policyDetails[0].exclusionRules.amis", codeContainerAMIResources, []Decision{"L-P1"}},
		}},
		{"X8 valid container policy", ValidateOptions{}, func(p *Policy) {
			p.ResourceType = ResourceTypeContainer
			d(p).Action.IncludeResources = &IncludeResources{Containers: true}
		}, nil},
		{"X9 ami with containers", ValidateOptions{}, func(p *Policy) { d(p).Action.IncludeResources.Containers = true },
			[]want{{E, "policyDetails[0].action.includeResources.containers", codeAMIContainerResources, []Decision{"L-P1"}}}},
		{"X10 count on deprecate", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails[0] = PolicyDetail{Action: Action{Type: ActionDeprecate}, Filter: Filter{Type: FilterCount, Value: 2}}
		},
			[]want{{W, "policyDetails[0].filter.type", codeCountOnDeprecateDisable, []Decision{"L-10"}}}},
		{"X10 count on disable", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails[0] = PolicyDetail{Action: Action{Type: ActionDisable}, Filter: Filter{Type: FilterCount, Value: 2}}
		},
			[]want{{W, "policyDetails[0].filter.type", codeCountOnDeprecateDisable, []Decision{"L-10"}}}},
		{"X11 snapshots without amis", ValidateOptions{}, func(p *Policy) { d(p).Action.IncludeResources.AMIs = false },
			[]want{{W, "policyDetails[0].action.includeResources.snapshots", codeSnapshotsWithoutAMIs, []Decision{"L-12"}}}},
		{"X11 not on deprecate", ValidateOptions{}, func(p *Policy) {
			d(p).Action = Action{Type: ActionDeprecate, IncludeResources: &IncludeResources{Snapshots: true}}
		}, nil},
		{"X17 AMI exclusions on a rule without AMIs (the AWS CLI example)", ValidateOptions{}, func(p *Policy) {
			d(p).Action.IncludeResources = nil
			d(p).Filter = Filter{Type: FilterAge, Value: 6, Unit: Months}
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{LastLaunched: &LastLaunched{Value: 30, Unit: Days},
				TagMap: Tags{"Retain": "yes"}}}
		}, []want{{W, "policyDetails[0].exclusionRules.amis", codeAMIExclusionsUnused, []Decision{"L-30"}}}},
		{"X17 still reported under AMIExclusionProtectsImage", ValidateOptions{Readings: []Decision{AMIExclusionProtectsImage}}, func(p *Policy) {
			d(p).Action.IncludeResources = nil
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{IsPublic: true}}
		}, []want{{W, "policyDetails[0].exclusionRules.amis", codeAMIExclusionsUnused, []Decision{"L-30"}}}},
		{"X17 not with amis included", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{IsPublic: true}}
		}, nil},
		{"a region without a Region's form", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{Regions: []string{"us-east-1", "US East\x1b[2J"}}}
		}, []want{{W, "policyDetails[0].exclusionRules.amis.regions[1]", codeInvalidRegion, nil}}},
		{"X12 container recipe in AMI policy", ValidateOptions{RecipeKinds: map[string]ImageType{"web-server": ImageTypeDocker}}, func(p *Policy) {},
			[]want{{E, "resourceSelection.recipes[0].name", codeRecipeKind, []Decision{"L-P1"}}}},
		{"X12 matching kind", ValidateOptions{RecipeKinds: map[string]ImageType{"web-server": ImageTypeAMI}}, func(p *Policy) {}, nil},
		{"X12 unknown recipe not checked", ValidateOptions{RecipeKinds: map[string]ImageType{}}, func(p *Policy) {}, nil},
		{"X13 delete younger than deprecate", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, PolicyDetail{Action: Action{Type: ActionDeprecate}, Filter: Filter{Type: FilterAge, Value: 6, Unit: Months}})
		}, []want{{W, "policyDetails[0].filter.value", codeAgeOrder, nil}}},
		{"X13 increasing thresholds", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, PolicyDetail{Action: Action{Type: ActionDisable}, Filter: Filter{Type: FilterAge, Value: 2, Unit: Months}})
		}, nil},
		{"X14 duplicate recipe", ValidateOptions{}, func(p *Policy) {
			p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes, RecipeSelection{Name: "other", SemanticVersion: "1.x.x"}, RecipeSelection{Name: "web-server", SemanticVersion: "1.x.x"})
		}, []want{{W, "resourceSelection.recipes[2]", codeDuplicateRecipe, []Decision{"L-15"}}}},
		{"X14 same version written differently", ValidateOptions{}, func(p *Policy) {
			p.ResourceSelection.Recipes = []RecipeSelection{{Name: "web-server", SemanticVersion: "1.0.0"}, {Name: "web-server", SemanticVersion: "01.0.0"}}
		}, []want{
			{W, "resourceSelection.recipes[1]", codeDuplicateRecipe, []Decision{"L-15"}},
			{W, "resourceSelection.recipes[1].semanticVersion", codeLeadingZero, []Decision{"AS-6"}},
		}},
		{"X15 mixed wildcard", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "x.1.x" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", codeMixedWildcard, []Decision{"AS-1", "L-14"}}}},
		{"X15 mixed wildcard 1.x.0", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1.x.0" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", codeMixedWildcard, []Decision{"AS-1", "L-14"}}}},
		{"X15 allowed by option", ValidateOptions{Readings: []Decision{AllowMixedWildcards}}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "x.1.x" },
			[]want{{W, "resourceSelection.recipes[0].semanticVersion", codeMixedWildcard, []Decision{"AS-1", "L-14"}}}},
		{"X16 node too large", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1073741824.0.0" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", codeVersionNodeRange, []Decision{"AS-1"}}}},
		{"lint leading zero", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "2021.01.x" },
			[]want{{W, "resourceSelection.recipes[0].semanticVersion", codeLeadingZero, []Decision{"AS-6"}}}},
		{"lint empty selection value", ValidateOptions{}, func(p *Policy) { p.ResourceSelection = ResourceSelection{TagMap: Tags{"env": "", "team": "web"}} },
			[]want{{W, `resourceSelection.tagMap["env"]`, codeEmptyTagValue, []Decision{"L-18"}}}},
		{"X16 largest node", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1073741823.x.x" }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := basePolicy()
			tt.mutate(p)
			fs, err := p.Validate(tt.opts)
			if diff := cmp.Diff(tt.want, summarize(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\nall: %v", diff, fs)
			}
			hasErr := false
			for _, w := range tt.want {
				hasErr = hasErr || w.Severity == SeverityError
			}
			if (err != nil) != hasErr {
				t.Errorf("err = %v, want error: %v", err, hasErr)
			}
			if err != nil && !errors.Is(err, ErrInvalid) {
				t.Errorf("err %v does not wrap ErrInvalid", err)
			}
			for _, f := range fs {
				if f.Message == "" {
					t.Errorf("finding %v has no message", f)
				}
			}
		})
	}
}

func TestDocumentValidateShapes(t *testing.T) {
	tests := []struct {
		name string
		doc  Document
		want []want
	}{
		{"get response prefixes paths", Document{Shape: ShapeGetResponse, Policy: Policy{Name: "x"}}, []want{
			{E, "lifecyclePolicy.executionRole", codeRequired, nil},
			{E, "lifecyclePolicy.name", codeInvalidPattern, nil},
			{E, "lifecyclePolicy.policyDetails", codeRequired, nil},
			{E, "lifecyclePolicy.resourceSelection", codeSelectionNone, []Decision{"L-P1"}},
			{E, "lifecyclePolicy.resourceType", codeRequired, nil},
		}},
		{"update needs arn, not name", func() Document {
			p := *basePolicy()
			p.Name = ""
			return Document{Shape: ShapeUpdateInput, Policy: p, ClientToken: "t"}
		}(), []want{{E, "lifecyclePolicyArn", codeRequired, nil}}},
		{"update bad arn", func() Document {
			p := *basePolicy()
			p.ARN = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/UPPER"
			return Document{Shape: ShapeUpdateInput, Policy: p}
		}(), []want{{W, "clientToken", codeRequired, nil}, {E, "lifecyclePolicyArn", codeInvalidPattern, nil}}},
		{"create token too long", Document{Shape: ShapeCreateInput, Policy: *basePolicy(), ClientToken: strings.Repeat("t", 65)},
			[]want{{E, "clientToken", codeInvalidLength, nil}}},
		{"create without token", Document{Shape: ShapeCreateInput, Policy: *basePolicy()}, []want{{W, "clientToken", codeRequired, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs, _ := tt.doc.Validate(ValidateOptions{})
			if diff := cmp.Diff(tt.want, summarize(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFindingsOrder(t *testing.T) {
	fs := Findings{
		{Path: "resourceSelection.recipes[10].name", Code: "b"},
		{Path: "resourceSelection.recipes[2].name", Code: "b"},
		{Path: "resourceSelection.recipes[2]", Code: "z"},
		{Path: "", Code: "a"},
		{Path: "name", Code: "b"},
		{Path: "name", Code: "a"},
	}
	fs.Sort()
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+"/"+string(f.Code))
	}
	want := []string{"/a", "name/a", "name/b", "resourceSelection.recipes[2]/z", "resourceSelection.recipes[2].name/b", "resourceSelection.recipes[10].name/b"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
}

func TestWarningsNeverError(t *testing.T) {
	p := basePolicy()
	p.PolicyDetails[0].Action.IncludeResources.AMIs = false // X11 warning
	fs, err := p.Validate(ValidateOptions{})
	if err != nil || len(fs) != 1 || fs[0].Severity != SeverityWarning {
		t.Fatalf("got %v, %v; want one warning and no error", fs, err)
	}
	if fs.err() != nil || fs.HasErrors() || len(fs.Warnings()) != 1 || len(fs.Errors()) != 0 {
		t.Errorf("Findings helpers disagree: %v", fs)
	}
}

// TestValidateJSONDocuments runs decoding and validation end to end on
// documents as users write them.
func TestValidateJSONDocuments(t *testing.T) {
	const sel = `"resourceSelection":{"recipes":[{"name":"web","semanticVersion":"1.x.x"}]}`
	const head = `"executionRole":"LifecycleRole","resourceType":"AMI_IMAGE",`
	tests := []struct {
		name string
		doc  string
		want []want
	}{
		{"valid bare", `{"name":"web-cleanup",` + head + `"policyDetails":[{"action":{"type":"DELETE"},"filter":{"type":"COUNT","value":2}}],` + sel + `}`, nil},
		{"get response paths", `{"lifecyclePolicy":{"name":"web-cleanup",` + head + `"policyDetails":[{"action":{"type":"DELETE"},"filter":{"type":"AGE","value":2}}],` + sel + `}}`,
			[]want{{E, "lifecyclePolicy.policyDetails[0].filter.unit", codeAgeUnitRequired, nil}}},
		{"create input", `{"name":"web-cleanup",` + head + `"policyDetails":[{"action":{"type":"DEPRECATE"},"filter":{"type":"COUNT","value":2,"retainAtLeast":1}}],` + sel + `,"clientToken":"t"}`,
			[]want{
				{W, "policyDetails[0].filter.retainAtLeast", codeRetainOnCount, []Decision{"L-P2"}},
				{W, "policyDetails[0].filter.type", codeCountOnDeprecateDisable, []Decision{"L-10"}},
			}},
		{"update input", `{"lifecyclePolicyArn":"arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/web-cleanup",` + head +
			`"policyDetails":[{"action":{"type":"DELETE","includeResources":{"snapshots":true}},"filter":{"type":"COUNT","value":2}}],"resourceSelection":{},"clientToken":"t"}`,
			[]want{
				{W, "policyDetails[0].action.includeResources.snapshots", codeSnapshotsWithoutAMIs, []Decision{"L-12"}},
				{E, "resourceSelection", codeSelectionNone, []Decision{"L-P1"}},
			}},
		{"container with deprecate", `{"name":"ctr",` + `"executionRole":"LifecycleRole","resourceType":"CONTAINER_IMAGE",` +
			`"policyDetails":[{"action":{"type":"DEPRECATE","includeResources":{"containers":true}},"filter":{"type":"AGE","value":3,"unit":"WEEKS"}}],` + sel + `}`,
			[]want{{E, "policyDetails[0].action.type", codeContainerAction, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := DecodePolicy([]byte(tt.doc), DecodeOptions{})
			require.NoError(t, err)
			fs, _ := doc.Validate(ValidateOptions{})
			if diff := cmp.Diff(tt.want, summarize(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%v", diff, fs)
			}
		})
	}
}
