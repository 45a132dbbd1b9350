package lifecycletest

import (
	"maps"
	"slices"

	"github.com/ibkit/ibkit/lifecycle"
)

// defaultRole is the executionRole of every built policy.
const defaultRole = "arn:aws:iam::123456789012:role/ImageBuilderLifecycleRole"

// PolicyBuilder builds a lifecycle.Policy. Its methods change the builder
// and return it, so calls chain; Build returns an independent copy, whose
// other members (ARN, Status, Description, Tags) a test sets directly.
type PolicyBuilder struct {
	p lifecycle.Policy
}

// AMIPolicy starts an AMI_IMAGE policy with the given name, the role
// arn:aws:iam::123456789012:role/ImageBuilderLifecycleRole, and no rules
// and no selection.
func AMIPolicy(name string) *PolicyBuilder { return policy(name, lifecycle.ResourceTypeAMI) }

// ContainerPolicy starts a CONTAINER_IMAGE policy; see AMIPolicy.
func ContainerPolicy(name string) *PolicyBuilder {
	return policy(name, lifecycle.ResourceTypeContainer)
}

func policy(name string, rt lifecycle.ResourceType) *PolicyBuilder {
	return &PolicyBuilder{p: lifecycle.Policy{Name: name, ResourceType: rt, ExecutionRole: defaultRole}}
}

// Edit calls f on the policy being built, for the members the other
// methods do not set: f(p) may set p.ARN (a dry-run then takes its Region
// and account from it, Decision L-26), p.Status, p.Description, p.Tags and
// the rest.
func (b *PolicyBuilder) Edit(f func(p *lifecycle.Policy)) *PolicyBuilder {
	f(&b.p)
	return b
}

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

// Rule appends the rules built by rs to policyDetails, in order.
func (b *PolicyBuilder) Rule(rs ...*RuleBuilder) *PolicyBuilder {
	for _, r := range rs {
		b.p.PolicyDetails = append(b.p.PolicyDetails, r.Build())
	}
	return b
}

// Build returns the policy. It shares nothing with the builder.
func (b *PolicyBuilder) Build() lifecycle.Policy { return clonePolicy(b.p) }

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

// ExcludeAMIs adds AMI exclusion rules: the members of rules that are set
// are added to those the rule has (lists appended, tags merged), so that
// calls combine.
func (r *RuleBuilder) ExcludeAMIs(rules lifecycle.AMIExclusionRules) *RuleBuilder {
	a := r.amiExclusions()
	a.IsPublic = a.IsPublic || rules.IsPublic
	a.Regions = append(a.Regions, rules.Regions...)
	a.SharedAccounts = append(a.SharedAccounts, rules.SharedAccounts...)
	if rules.LastLaunched != nil {
		ll := *rules.LastLaunched
		a.LastLaunched = &ll
	}
	for k, v := range rules.TagMap {
		if a.TagMap == nil {
			a.TagMap = lifecycle.Tags{}
		}
		a.TagMap[k] = v
	}
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
