package lifecycle

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
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
	Code      Code
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
		{"name missing", ValidateOptions{}, func(p *Policy) { p.Name = "" }, []want{{E, "name", CodeRequired, nil}}},
		{"name too short", ValidateOptions{}, func(p *Policy) { p.Name = "ab" }, []want{{E, "name", CodeInvalidPattern, nil}}},
		{"name leading space", ValidateOptions{}, func(p *Policy) { p.Name = " abc" }, []want{{E, "name", CodeInvalidPattern, nil}}},
		{"name inner space", ValidateOptions{}, func(p *Policy) { p.Name = "a b c" }, nil},
		{"name bad char", ValidateOptions{}, func(p *Policy) { p.Name = "abc.d" }, []want{{E, "name", CodeInvalidPattern, nil}}},
		{"name 129", ValidateOptions{}, func(p *Policy) { p.Name = strings.Repeat("a", 129) }, []want{{E, "name", CodeInvalidPattern, nil}}},
		{"name 128", ValidateOptions{}, func(p *Policy) { p.Name = strings.Repeat("a", 128) }, nil},
		{"description too long", ValidateOptions{}, func(p *Policy) { p.Description = strings.Repeat("é", 1025) }, []want{{E, "description", CodeInvalidLength, nil}}},
		{"description 1024 runes", ValidateOptions{}, func(p *Policy) { p.Description = strings.Repeat("é", 1024) }, nil},
		{"status bad", ValidateOptions{}, func(p *Policy) { p.Status = "enabled" }, []want{{E, "status", CodeInvalidEnum, nil}}},
		{"role missing", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = "" }, []want{{E, "executionRole", CodeRequired, nil}}},
		{"role bad", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = "arn:aws:iam::12:role/x" }, []want{{E, "executionRole", CodeInvalidPattern, nil}}},
		{"role too long", ValidateOptions{}, func(p *Policy) { p.ExecutionRole = strings.Repeat("r", 2049) }, []want{{E, "executionRole", CodeInvalidLength, nil}}},
		{"resourceType missing", ValidateOptions{}, func(p *Policy) { p.ResourceType = "" }, []want{{E, "resourceType", CodeRequired, nil}}},
		{"resourceType AMI", ValidateOptions{}, func(p *Policy) { p.ResourceType = "AMI" }, []want{{E, "resourceType", CodeInvalidEnum, nil}}},
		{"no details", ValidateOptions{}, func(p *Policy) { p.PolicyDetails = nil }, []want{{E, "policyDetails", CodeRequired, nil}}},
		{"four details", ValidateOptions{ModelOnly: true}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, p.PolicyDetails[0], p.PolicyDetails[0], p.PolicyDetails[0])
		}, []want{
			{E, "policyDetails", CodeInvalidCount, nil},
			{W, "policyDetails[1].action.type", CodeDuplicateAction, []Decision{DecisionClientToolingRules}},
			{W, "policyDetails[2].action.type", CodeDuplicateAction, []Decision{DecisionClientToolingRules}},
			{W, "policyDetails[3].action.type", CodeDuplicateAction, []Decision{DecisionClientToolingRules}},
		}},
		{"action type missing", ValidateOptions{}, func(p *Policy) { d(p).Action.Type = "" }, []want{{E, "policyDetails[0].action.type", CodeRequired, nil}}},
		{"action type bad", ValidateOptions{}, func(p *Policy) { d(p).Action.Type = "REMOVE" }, []want{{E, "policyDetails[0].action.type", CodeInvalidEnum, nil}}},
		{"filter type missing", ValidateOptions{}, func(p *Policy) { d(p).Filter.Type = "" }, []want{{E, "policyDetails[0].filter.type", CodeRequired, nil}}},
		{"filter type bad", ValidateOptions{}, func(p *Policy) { d(p).Filter.Type = "SIZE" }, []want{{E, "policyDetails[0].filter.type", CodeInvalidEnum, nil}}},
		{"value missing", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = 0 }, []want{{E, "policyDetails[0].filter.value", CodeRequired, nil}}},
		{"value 1001", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = 1001 }, []want{{E, "policyDetails[0].filter.value", CodeOutOfRange, nil}}},
		{"value negative", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = -1 }, []want{{E, "policyDetails[0].filter.value", CodeOutOfRange, nil}}},
		{"value 1000", ValidateOptions{}, func(p *Policy) { d(p).Filter.Value = 1000 }, nil},
		{"unit bad", ValidateOptions{}, func(p *Policy) { d(p).Filter.Unit = "HOURS" }, []want{{E, "policyDetails[0].filter.unit", CodeInvalidEnum, nil}}},
		{"retain 0", ValidateOptions{}, func(p *Policy) { d(p).Filter.RetainAtLeast = intp(0) }, []want{{E, "policyDetails[0].filter.retainAtLeast", CodeOutOfRange, nil}}},
		{"retain 11", ValidateOptions{}, func(p *Policy) { d(p).Filter.RetainAtLeast = intp(11) }, []want{{E, "policyDetails[0].filter.retainAtLeast", CodeOutOfRange, nil}}},
		{"exclusion region empty", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{Regions: []string{"us-east-1", ""}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.regions[1]", CodeInvalidLength, nil}}},
		{"shared accounts empty list", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{SharedAccounts: []string{}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.sharedAccounts", CodeInvalidCount, nil}}},
		{"shared account bad", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{SharedAccounts: []string{"111122223333", "12345"}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.sharedAccounts[1]", CodeInvalidPattern, nil}}},
		{"last launched incomplete", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{LastLaunched: &LastLaunched{}}}
		}, []want{
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.unit", CodeRequired, nil},
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.value", CodeRequired, nil},
		}},
		{"last launched 366", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{LastLaunched: &LastLaunched{Value: 366, Unit: "DAY"}}}
		}, []want{
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.unit", CodeInvalidEnum, nil},
			{E, "policyDetails[0].exclusionRules.amis.lastLaunched.value", CodeOutOfRange, nil},
		}},
		{"recipes empty list", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes = []RecipeSelection{} },
			[]want{{E, "resourceSelection.recipes", CodeInvalidCount, nil}}},
		{"recipes 51", ValidateOptions{}, func(p *Policy) {
			for i := 0; i < 50; i++ {
				p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes, RecipeSelection{Name: "r" + strings.Repeat("x", i+2), SemanticVersion: "1.0.0"})
			}
		}, []want{{E, "resourceSelection.recipes", CodeInvalidCount, nil}}},
		{"recipe fields missing", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0] = RecipeSelection{} }, []want{
			{E, "resourceSelection.recipes[0].name", CodeRequired, nil},
			{E, "resourceSelection.recipes[0].semanticVersion", CodeRequired, nil},
		}},
		{"recipe version bad", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1.0" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", CodeInvalidPattern, nil}}},
		{"recipe version X", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1.X.X" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", CodeInvalidPattern, nil}}},
		{"tag map empty", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{} }, []want{{E, "tags", CodeInvalidCount, nil}}},
		{"tag map 51", ValidateOptions{}, func(p *Policy) {
			p.Tags = Tags{}
			for i := 0; i < 51; i++ {
				p.Tags[strings.Repeat("k", i+1)] = "v"
			}
		}, []want{{E, "tags", CodeInvalidCount, nil}}},
		{"tag key aws prefix", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"aws:createdBy": "x"} },
			[]want{{E, `tags["aws:createdBy"]`, CodeReservedTagKey, nil}}},
		{"tag key AWS prefix allowed", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"AWS:x": "x"} }, nil},
		{"tag key empty", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"": "x"} }, []want{{E, `tags[""]`, CodeInvalidLength, nil}}},
		{"tag key bad char", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"a#b": "x"} }, []want{{E, `tags["a#b"]`, CodeInvalidPattern, nil}}},
		{"tag key allowed chars", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"a b_.:/=+-@\t9": "x"} }, nil},
		{"tag key 129", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{strings.Repeat("k", 129): "x"} },
			[]want{{E, `tags["` + strings.Repeat("k", 129) + `"]`, CodeInvalidLength, nil}}},
		{"tag value 257", ValidateOptions{}, func(p *Policy) { p.Tags = Tags{"k": strings.Repeat("v", 257)} }, []want{{E, `tags["k"]`, CodeInvalidLength, nil}}},
		{"exclusion tag map checked", ValidateOptions{}, func(p *Policy) { d(p).ExclusionRules = &ExclusionRules{TagMap: Tags{"aws:x": ""}} },
			[]want{{E, `policyDetails[0].exclusionRules.tagMap["aws:x"]`, CodeReservedTagKey, nil}}},
		{"ami exclusion tag map checked", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{TagMap: Tags{}}}
		}, []want{{E, "policyDetails[0].exclusionRules.amis.tagMap", CodeInvalidCount, nil}}},
		{"arn checked", ValidateOptions{}, func(p *Policy) { p.ARN = "arn:aws:imagebuilder:us-east-1:123456789012:image/x/1.0.0/1" },
			[]want{{E, "arn", CodeInvalidPattern, nil}}},
		{"arn valid", ValidateOptions{}, func(p *Policy) { p.ARN = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep-recent" }, nil},

		// Cross-field rules.
		{"X1 age without unit", ValidateOptions{}, func(p *Policy) { d(p).Filter.Unit = "" },
			[]want{{E, "policyDetails[0].filter.unit", CodeAgeUnitRequired, nil}}},
		{"X2 retain on count", ValidateOptions{}, func(p *Policy) { d(p).Filter = Filter{Type: FilterCount, Value: 3, RetainAtLeast: intp(2)} },
			[]want{{W, "policyDetails[0].filter.retainAtLeast", CodeRetainOnCount, []Decision{DecisionCountModifiers}}}},
		{"X3 retain on deprecate", ValidateOptions{}, func(p *Policy) {
			d(p).Action = Action{Type: ActionDeprecate}
			d(p).Filter.RetainAtLeast = intp(2)
		}, []want{{W, "policyDetails[0].filter.retainAtLeast", CodeRetainIgnored, []Decision{DecisionRetainOnDeprecateDisable}}}},
		{"X3 retain on disable", ValidateOptions{}, func(p *Policy) {
			d(p).Action = Action{Type: ActionDisable}
			d(p).Filter.RetainAtLeast = intp(2)
		}, []want{{W, "policyDetails[0].filter.retainAtLeast", CodeRetainIgnored, []Decision{DecisionRetainOnDeprecateDisable}}}},
		{"X4 unit on count", ValidateOptions{}, func(p *Policy) { d(p).Filter = Filter{Type: FilterCount, Value: 3, Unit: Weeks} },
			[]want{{W, "policyDetails[0].filter.unit", CodeUnitOnCount, []Decision{DecisionCountModifiers}}}},
		{"X5 both selectors", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.TagMap = Tags{"a": "b"} },
			[]want{{E, "resourceSelection", CodeSelectionBoth, []Decision{DecisionClientToolingRules}}}},
		{"X5 both selectors model only", ValidateOptions{ModelOnly: true}, func(p *Policy) { p.ResourceSelection.TagMap = Tags{"a": "b"} },
			[]want{{W, "resourceSelection", CodeSelectionBoth, []Decision{DecisionClientToolingRules}}}},
		{"X5 no selector", ValidateOptions{}, func(p *Policy) { p.ResourceSelection = ResourceSelection{} },
			[]want{{E, "resourceSelection", CodeSelectionNone, []Decision{DecisionClientToolingRules}}}},
		{"X5 tags only", ValidateOptions{}, func(p *Policy) { p.ResourceSelection = ResourceSelection{TagMap: Tags{"a": "b"}} }, nil},
		{"X6 duplicate action", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, PolicyDetail{Action: Action{Type: ActionDelete}, Filter: Filter{Type: FilterCount, Value: 5}})
		}, []want{{E, "policyDetails[1].action.type", CodeDuplicateAction, []Decision{DecisionClientToolingRules}}}},
		{"X7 container deprecate", ValidateOptions{}, func(p *Policy) {
			p.ResourceType = ResourceTypeContainer
			d(p).Action = Action{Type: ActionDeprecate}
		}, []want{{E, "policyDetails[0].action.type", CodeContainerAction, nil}}},
		{"X8 container with amis, snapshots and ami exclusions", ValidateOptions{}, func(p *Policy) {
			p.ResourceType = ResourceTypeContainer
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{IsPublic: true}}
		}, []want{
			{E, "policyDetails[0].action.includeResources.amis", CodeContainerAMIResources, []Decision{DecisionClientToolingRules}},
			{E, "policyDetails[0].action.includeResources.snapshots", CodeContainerAMIResources, []Decision{DecisionClientToolingRules}},
			{E, "policyDetails[0].exclusionRules.amis", CodeContainerAMIResources, []Decision{DecisionClientToolingRules}},
		}},
		{"X8 valid container policy", ValidateOptions{}, func(p *Policy) {
			p.ResourceType = ResourceTypeContainer
			d(p).Action.IncludeResources = &IncludeResources{Containers: true}
		}, nil},
		{"X9 ami with containers", ValidateOptions{}, func(p *Policy) { d(p).Action.IncludeResources.Containers = true },
			[]want{{E, "policyDetails[0].action.includeResources.containers", CodeAMIContainerResources, []Decision{DecisionClientToolingRules}}}},
		{"X10 count on deprecate", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails[0] = PolicyDetail{Action: Action{Type: ActionDeprecate}, Filter: Filter{Type: FilterCount, Value: 2}}
		},
			[]want{{W, "policyDetails[0].filter.type", CodeCountOnDeprecateDisable, []Decision{DecisionCountOnDeprecateDisable}}}},
		{"X10 count on disable", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails[0] = PolicyDetail{Action: Action{Type: ActionDisable}, Filter: Filter{Type: FilterCount, Value: 2}}
		},
			[]want{{W, "policyDetails[0].filter.type", CodeCountOnDeprecateDisable, []Decision{DecisionCountOnDeprecateDisable}}}},
		{"X11 snapshots without amis", ValidateOptions{}, func(p *Policy) { d(p).Action.IncludeResources.AMIs = false },
			[]want{{W, "policyDetails[0].action.includeResources.snapshots", CodeSnapshotsWithoutAMIs, []Decision{DecisionSnapshotsWithoutAMIs}}}},
		{"X11 not on deprecate", ValidateOptions{}, func(p *Policy) {
			d(p).Action = Action{Type: ActionDeprecate, IncludeResources: &IncludeResources{Snapshots: true}}
		}, nil},
		{"X17 AMI exclusions on a rule without AMIs (the AWS CLI example)", ValidateOptions{}, func(p *Policy) {
			d(p).Action.IncludeResources = nil
			d(p).Filter = Filter{Type: FilterAge, Value: 6, Unit: Months}
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{LastLaunched: &LastLaunched{Value: 30, Unit: Days},
				TagMap: Tags{"Retain": "yes"}}}
		}, []want{{W, "policyDetails[0].exclusionRules.amis", CodeAMIExclusionsUnused, []Decision{DecisionAMIExclusionScope}}}},
		{"X17 still reported under AMIExclusionProtectsImage", ValidateOptions{AMIExclusionProtectsImage: true}, func(p *Policy) {
			d(p).Action.IncludeResources = nil
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{IsPublic: true}}
		}, []want{{W, "policyDetails[0].exclusionRules.amis", CodeAMIExclusionsUnused, []Decision{DecisionAMIExclusionScope}}}},
		{"X17 not with amis included", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{IsPublic: true}}
		}, nil},
		{"a region without a Region's form", ValidateOptions{}, func(p *Policy) {
			d(p).ExclusionRules = &ExclusionRules{AMIs: &AMIExclusionRules{Regions: []string{"us-east-1", "US East\x1b[2J"}}}
		}, []want{{W, "policyDetails[0].exclusionRules.amis.regions[1]", CodeInvalidRegion, nil}}},
		{"X12 container recipe in AMI policy", ValidateOptions{RecipeKinds: map[string]ImageType{"web-server": ImageTypeDocker}}, func(p *Policy) {},
			[]want{{E, "resourceSelection.recipes[0].name", CodeRecipeKind, []Decision{DecisionClientToolingRules}}}},
		{"X12 matching kind", ValidateOptions{RecipeKinds: map[string]ImageType{"web-server": ImageTypeAMI}}, func(p *Policy) {}, nil},
		{"X12 unknown recipe not checked", ValidateOptions{RecipeKinds: map[string]ImageType{}}, func(p *Policy) {}, nil},
		{"X13 delete younger than deprecate", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, PolicyDetail{Action: Action{Type: ActionDeprecate}, Filter: Filter{Type: FilterAge, Value: 6, Unit: Months}})
		}, []want{{W, "policyDetails[0].filter.value", CodeAgeOrder, nil}}},
		{"X13 increasing thresholds", ValidateOptions{}, func(p *Policy) {
			p.PolicyDetails = append(p.PolicyDetails, PolicyDetail{Action: Action{Type: ActionDisable}, Filter: Filter{Type: FilterAge, Value: 2, Unit: Months}})
		}, nil},
		{"X14 duplicate recipe", ValidateOptions{}, func(p *Policy) {
			p.ResourceSelection.Recipes = append(p.ResourceSelection.Recipes, RecipeSelection{Name: "other", SemanticVersion: "1.x.x"}, RecipeSelection{Name: "web-server", SemanticVersion: "1.x.x"})
		}, []want{{W, "resourceSelection.recipes[2]", CodeDuplicateRecipe, []Decision{DecisionEvaluatedOnce}}}},
		{"X14 same version written differently", ValidateOptions{}, func(p *Policy) {
			p.ResourceSelection.Recipes = []RecipeSelection{{Name: "web-server", SemanticVersion: "1.0.0"}, {Name: "web-server", SemanticVersion: "01.0.0"}}
		}, []want{
			{W, "resourceSelection.recipes[1]", CodeDuplicateRecipe, []Decision{DecisionEvaluatedOnce}},
			{W, "resourceSelection.recipes[1].semanticVersion", CodeLeadingZero, []Decision{"AS-6"}},
		}},
		{"X15 mixed wildcard", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "x.1.x" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", CodeMixedWildcard, []Decision{"AS-1", DecisionMixedWildcards}}}},
		{"X15 mixed wildcard 1.x.0", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1.x.0" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", CodeMixedWildcard, []Decision{"AS-1", DecisionMixedWildcards}}}},
		{"X15 allowed by option", ValidateOptions{AllowMixedWildcards: true}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "x.1.x" },
			[]want{{W, "resourceSelection.recipes[0].semanticVersion", CodeMixedWildcard, []Decision{"AS-1", DecisionMixedWildcards}}}},
		{"X16 node too large", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "1073741824.0.0" },
			[]want{{E, "resourceSelection.recipes[0].semanticVersion", CodeVersionNodeRange, []Decision{"AS-1"}}}},
		{"lint leading zero", ValidateOptions{}, func(p *Policy) { p.ResourceSelection.Recipes[0].SemanticVersion = "2021.01.x" },
			[]want{{W, "resourceSelection.recipes[0].semanticVersion", CodeLeadingZero, []Decision{"AS-6"}}}},
		{"lint empty selection value", ValidateOptions{}, func(p *Policy) { p.ResourceSelection = ResourceSelection{TagMap: Tags{"env": "", "team": "web"}} },
			[]want{{W, `resourceSelection.tagMap["env"]`, CodeEmptyTagValue, []Decision{DecisionTagMatching}}}},
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
			{E, "lifecyclePolicy.executionRole", CodeRequired, nil},
			{E, "lifecyclePolicy.name", CodeInvalidPattern, nil},
			{E, "lifecyclePolicy.policyDetails", CodeRequired, nil},
			{E, "lifecyclePolicy.resourceSelection", CodeSelectionNone, []Decision{DecisionClientToolingRules}},
			{E, "lifecyclePolicy.resourceType", CodeRequired, nil},
		}},
		{"update needs arn, not name", func() Document {
			p := *basePolicy()
			p.Name = ""
			return Document{Shape: ShapeUpdateInput, Policy: p, ClientToken: "t"}
		}(), []want{{E, "lifecyclePolicyArn", CodeRequired, nil}}},
		{"update bad arn", func() Document {
			p := *basePolicy()
			p.ARN = "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/UPPER"
			return Document{Shape: ShapeUpdateInput, Policy: p}
		}(), []want{{W, "clientToken", CodeRequired, nil}, {E, "lifecyclePolicyArn", CodeInvalidPattern, nil}}},
		{"create token too long", Document{Shape: ShapeCreateInput, Policy: *basePolicy(), ClientToken: strings.Repeat("t", 65)},
			[]want{{E, "clientToken", CodeInvalidLength, nil}}},
		{"create without token", Document{Shape: ShapeCreateInput, Policy: *basePolicy()}, []want{{W, "clientToken", CodeRequired, nil}}},
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
	sortFindings(fs)
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
	if fs.Err() != nil || fs.HasErrors() || len(fs.Warnings()) != 1 || len(fs.Errors()) != 0 {
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
			[]want{{E, "lifecyclePolicy.policyDetails[0].filter.unit", CodeAgeUnitRequired, nil}}},
		{"create input", `{"name":"web-cleanup",` + head + `"policyDetails":[{"action":{"type":"DEPRECATE"},"filter":{"type":"COUNT","value":2,"retainAtLeast":1}}],` + sel + `,"clientToken":"t"}`,
			[]want{
				{W, "policyDetails[0].filter.retainAtLeast", CodeRetainOnCount, []Decision{DecisionCountModifiers}},
				{W, "policyDetails[0].filter.type", CodeCountOnDeprecateDisable, []Decision{DecisionCountOnDeprecateDisable}},
			}},
		{"update input", `{"lifecyclePolicyArn":"arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/web-cleanup",` + head +
			`"policyDetails":[{"action":{"type":"DELETE","includeResources":{"snapshots":true}},"filter":{"type":"COUNT","value":2}}],"resourceSelection":{},"clientToken":"t"}`,
			[]want{
				{W, "policyDetails[0].action.includeResources.snapshots", CodeSnapshotsWithoutAMIs, []Decision{DecisionSnapshotsWithoutAMIs}},
				{E, "resourceSelection", CodeSelectionNone, []Decision{DecisionClientToolingRules}},
			}},
		{"container with deprecate", `{"name":"ctr",` + `"executionRole":"LifecycleRole","resourceType":"CONTAINER_IMAGE",` +
			`"policyDetails":[{"action":{"type":"DEPRECATE","includeResources":{"containers":true}},"filter":{"type":"AGE","value":3,"unit":"WEEKS"}}],` + sel + `}`,
			[]want{{E, "policyDetails[0].action.type", CodeContainerAction, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := DecodePolicy([]byte(tt.doc), DecodeOptions{})
			if err != nil {
				t.Fatal(err)
			}
			fs, _ := doc.Validate(ValidateOptions{})
			if diff := cmp.Diff(tt.want, summarize(fs)); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%v", diff, fs)
			}
		})
	}
}
