package lifecycletest

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/ibkit/ibkit/lifecycle"
)

// DefaultRole is the executionRole a PolicyBuilder starts with.
const DefaultRole = "arn:aws:iam::123456789012:role/ImageBuilderLifecycleRole"

// PolicyBuilder builds a lifecycle.Policy. Its methods change the builder
// and return it, so calls chain; Build returns an independent copy.
type PolicyBuilder struct {
	p lifecycle.Policy
}

// Policy starts a policy with the given name and resource type, the role
// DefaultRole, and no rules and no selection.
func Policy(name string, rt lifecycle.ResourceType) *PolicyBuilder {
	return &PolicyBuilder{p: lifecycle.Policy{Name: name, ResourceType: rt, ExecutionRole: DefaultRole}}
}

// AMIPolicy starts an AMI_IMAGE policy; see Policy.
func AMIPolicy(name string) *PolicyBuilder { return Policy(name, lifecycle.ResourceTypeAMI) }

// ContainerPolicy starts a CONTAINER_IMAGE policy; see Policy.
func ContainerPolicy(name string) *PolicyBuilder {
	return Policy(name, lifecycle.ResourceTypeContainer)
}

// ARN sets the policy's ARN, as a GetLifecyclePolicy response holds it; a
// dry-run takes the policy's Region and account from it (Decision L-26).
func (b *PolicyBuilder) ARN(s string) *PolicyBuilder { b.p.ARN = s; return b }

// Description sets the description.
func (b *PolicyBuilder) Description(s string) *PolicyBuilder { b.p.Description = s; return b }

// Role sets the executionRole.
func (b *PolicyBuilder) Role(s string) *PolicyBuilder { b.p.ExecutionRole = s; return b }

// Status sets the status.
func (b *PolicyBuilder) Status(s lifecycle.PolicyStatus) *PolicyBuilder { b.p.Status = s; return b }

// Recipe adds a recipe entry {name, semanticVersion} to the selection.
func (b *PolicyBuilder) Recipe(name, semanticVersion string) *PolicyBuilder {
	b.p.ResourceSelection.Recipes = append(b.p.ResourceSelection.Recipes,
		lifecycle.RecipeSelection{Name: name, SemanticVersion: semanticVersion})
	return b
}

// SelectTag adds a pair to the selection's tag map.
func (b *PolicyBuilder) SelectTag(key, value string) *PolicyBuilder {
	if b.p.ResourceSelection.TagMap == nil {
		b.p.ResourceSelection.TagMap = lifecycle.Tags{}
	}
	b.p.ResourceSelection.TagMap[key] = value
	return b
}

// Tag adds a tag of the policy resource itself.
func (b *PolicyBuilder) Tag(key, value string) *PolicyBuilder {
	if b.p.Tags == nil {
		b.p.Tags = lifecycle.Tags{}
	}
	b.p.Tags[key] = value
	return b
}

// Rule appends the rules built by rs to policyDetails, in order.
func (b *PolicyBuilder) Rule(rs ...*RuleBuilder) *PolicyBuilder {
	for _, r := range rs {
		b.p.PolicyDetails = append(b.p.PolicyDetails, r.Build())
	}
	return b
}

// Build returns the policy. It shares nothing with the builder.
func (b *PolicyBuilder) Build() lifecycle.Policy { return clonePolicy(b.p) }

// JSON returns the bare policy's wire JSON.
func (b *PolicyBuilder) JSON() []byte {
	p := b.Build()
	data, err := json.Marshal(&p)
	if err != nil {
		panic("lifecycletest: a policy always encodes: " + err.Error())
	}
	return data
}

// Document returns the policy in a document of the given shape; token is
// the clientToken of the Create and Update inputs.
func (b *PolicyBuilder) Document(shape lifecycle.Shape, token string) *lifecycle.Document {
	return &lifecycle.Document{Shape: shape, Policy: b.Build(), ClientToken: token}
}

// RuleBuilder builds one policy rule (a lifecycle.PolicyDetail).
type RuleBuilder struct {
	d lifecycle.PolicyDetail
}

// Deprecate starts a DEPRECATE rule.
func Deprecate() *RuleBuilder { return rule(lifecycle.ActionDeprecate) }

// Disable starts a DISABLE rule.
func Disable() *RuleBuilder { return rule(lifecycle.ActionDisable) }

// Delete starts a DELETE rule.
func Delete() *RuleBuilder { return rule(lifecycle.ActionDelete) }

func rule(t lifecycle.ActionType) *RuleBuilder {
	return &RuleBuilder{d: lifecycle.PolicyDetail{Action: lifecycle.Action{Type: t}}}
}

// Age sets an AGE filter of value units.
func (r *RuleBuilder) Age(value int, unit lifecycle.TimeUnit) *RuleBuilder {
	r.d.Filter.Type, r.d.Filter.Value, r.d.Filter.Unit = lifecycle.FilterAge, value, unit
	return r
}

// Count sets a COUNT filter keeping n images per recipe version.
func (r *RuleBuilder) Count(n int) *RuleBuilder {
	r.d.Filter.Type, r.d.Filter.Value, r.d.Filter.Unit = lifecycle.FilterCount, n, ""
	return r
}

// RetainAtLeast sets the filter's retainAtLeast.
func (r *RuleBuilder) RetainAtLeast(n int) *RuleBuilder {
	r.d.Filter.RetainAtLeast = &n
	return r
}

func (r *RuleBuilder) include() *lifecycle.IncludeResources {
	if r.d.Action.IncludeResources == nil {
		r.d.Action.IncludeResources = &lifecycle.IncludeResources{}
	}
	return r.d.Action.IncludeResources
}

// IncludeAMIs extends the action to the image's AMIs.
func (r *RuleBuilder) IncludeAMIs() *RuleBuilder { r.include().AMIs = true; return r }

// IncludeSnapshots extends the action to the AMIs' snapshots.
func (r *RuleBuilder) IncludeSnapshots() *RuleBuilder { r.include().Snapshots = true; return r }

// IncludeContainers extends the action to the image's container images.
func (r *RuleBuilder) IncludeContainers() *RuleBuilder { r.include().Containers = true; return r }

func (r *RuleBuilder) exclusions() *lifecycle.ExclusionRules {
	if r.d.ExclusionRules == nil {
		r.d.ExclusionRules = &lifecycle.ExclusionRules{}
	}
	return r.d.ExclusionRules
}

func (r *RuleBuilder) amiExclusions() *lifecycle.AMIExclusionRules {
	e := r.exclusions()
	if e.AMIs == nil {
		e.AMIs = &lifecycle.AMIExclusionRules{}
	}
	return e.AMIs
}

// ExcludeTag protects images carrying the Image Builder tag key=value.
func (r *RuleBuilder) ExcludeTag(key, value string) *RuleBuilder {
	e := r.exclusions()
	if e.TagMap == nil {
		e.TagMap = lifecycle.Tags{}
	}
	e.TagMap[key] = value
	return r
}

// ExcludePublicAMIs protects public AMIs.
func (r *RuleBuilder) ExcludePublicAMIs() *RuleBuilder { r.amiExclusions().IsPublic = true; return r }

// ExcludeRegions protects AMIs in the given Regions.
func (r *RuleBuilder) ExcludeRegions(regions ...string) *RuleBuilder {
	a := r.amiExclusions()
	a.Regions = append(a.Regions, regions...)
	return r
}

// ExcludeSharedWith protects AMIs shared with any of the accounts.
func (r *RuleBuilder) ExcludeSharedWith(accounts ...string) *RuleBuilder {
	a := r.amiExclusions()
	a.SharedAccounts = append(a.SharedAccounts, accounts...)
	return r
}

// ExcludeLaunchedWithin protects AMIs that launched an instance within the
// last value units.
func (r *RuleBuilder) ExcludeLaunchedWithin(value int, unit lifecycle.TimeUnit) *RuleBuilder {
	r.amiExclusions().LastLaunched = &lifecycle.LastLaunched{Value: value, Unit: unit}
	return r
}

// ExcludeAMITag protects AMIs carrying the EC2 tag key=value.
func (r *RuleBuilder) ExcludeAMITag(key, value string) *RuleBuilder {
	a := r.amiExclusions()
	if a.TagMap == nil {
		a.TagMap = lifecycle.Tags{}
	}
	a.TagMap[key] = value
	return r
}

// Build returns the rule. It shares nothing with the builder.
func (r *RuleBuilder) Build() lifecycle.PolicyDetail { return cloneDetail(r.d) }

func clonePolicy(p lifecycle.Policy) lifecycle.Policy {
	p.Tags = maps.Clone(p.Tags)
	p.ResourceSelection.Recipes = slices.Clone(p.ResourceSelection.Recipes)
	p.ResourceSelection.TagMap = maps.Clone(p.ResourceSelection.TagMap)
	if p.PolicyDetails != nil {
		ds := make([]lifecycle.PolicyDetail, len(p.PolicyDetails))
		for i, d := range p.PolicyDetails {
			ds[i] = cloneDetail(d)
		}
		p.PolicyDetails = ds
	}
	return p
}

func cloneDetail(d lifecycle.PolicyDetail) lifecycle.PolicyDetail {
	if d.Action.IncludeResources != nil {
		inc := *d.Action.IncludeResources
		d.Action.IncludeResources = &inc
	}
	if d.Filter.RetainAtLeast != nil {
		n := *d.Filter.RetainAtLeast
		d.Filter.RetainAtLeast = &n
	}
	if e := d.ExclusionRules; e != nil {
		c := lifecycle.ExclusionRules{TagMap: maps.Clone(e.TagMap)}
		if a := e.AMIs; a != nil {
			ac := *a
			ac.Regions = slices.Clone(a.Regions)
			ac.SharedAccounts = slices.Clone(a.SharedAccounts)
			ac.TagMap = maps.Clone(a.TagMap)
			if a.LastLaunched != nil {
				ll := *a.LastLaunched
				ac.LastLaunched = &ll
			}
			c.AMIs = &ac
		}
		d.ExclusionRules = &c
	}
	return d
}
