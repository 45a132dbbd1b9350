package lifecycle

// Policy is an Image Builder lifecycle policy with the members of the
// service's LifecyclePolicy shape and their JSON wire names.
//
// The same type holds the policy of every document shape DecodePolicy
// accepts: for an UpdateLifecyclePolicy input, ARN carries
// lifecyclePolicyArn; the read-only members (arn, dateCreated, dateUpdated,
// dateLastRun) appear only in policies read back from the service.
//
// Optional members use their zero value for "absent": an empty string, a nil
// pointer, slice or map, false. The service gives an absent boolean and
// false the same meaning, so false booleans are not written back.
type Policy struct {
	ARN               string            `json:"arn,omitempty"`
	Name              string            `json:"name,omitempty"`
	Description       string            `json:"description,omitempty"`
	Status            PolicyStatus      `json:"status,omitempty"`
	ExecutionRole     string            `json:"executionRole,omitempty"`
	ResourceType      ResourceType      `json:"resourceType,omitempty"`
	PolicyDetails     []PolicyDetail    `json:"policyDetails,omitempty"`
	ResourceSelection ResourceSelection `json:"resourceSelection"`
	DateCreated       Timestamp         `json:"dateCreated,omitempty"`
	DateUpdated       Timestamp         `json:"dateUpdated,omitempty"`
	DateLastRun       Timestamp         `json:"dateLastRun,omitempty"`
	Tags              Tags              `json:"tags,omitempty"`
}

// Enabled reports whether scheduled executions of the policy run: its
// status is ENABLED or absent (the service's default at creation).
func (p *Policy) Enabled() bool { return p.Status != PolicyDisabled }

// PolicyDetail is one rule of a policy: an action, the filter that decides
// which images qualify for it, and the exclusions that protect images and
// AMIs from it.
type PolicyDetail struct {
	Action         Action          `json:"action"`
	Filter         Filter          `json:"filter"`
	ExclusionRules *ExclusionRules `json:"exclusionRules,omitempty"`
}

// Action is the action of a rule and the output resources it extends to.
type Action struct {
	Type             ActionType        `json:"type,omitempty"`
	IncludeResources *IncludeResources `json:"includeResources,omitempty"`
}

// Includes returns the output resources the action extends to; all false
// when includeResources is absent (the image record alone is acted on).
func (a Action) Includes() IncludeResources {
	if a.IncludeResources == nil {
		return IncludeResources{}
	}
	return *a.IncludeResources
}

// IncludeResources names the output resources an action also applies to.
// It is the wire form of both LifecyclePolicyDetailActionIncludeResources
// and ResourceStateUpdateIncludeResources, which have the same members.
type IncludeResources struct {
	AMIs       bool `json:"amis,omitempty"`
	Snapshots  bool `json:"snapshots,omitempty"`
	Containers bool `json:"containers,omitempty"`
}

// anyIncluded reports whether at least one resource type is included.
func (r IncludeResources) anyIncluded() bool { return r.AMIs || r.Snapshots || r.Containers }

// Filter decides which images of each recipe-version group qualify for a
// rule's action.
//
// Value is required (1–1000): with AGE, the age threshold in Unit; with
// COUNT, the number of newest images to keep per recipe version.
// RetainAtLeast (1–10, AGE only) keeps that many newest images per recipe
// version whatever their age; nil means absent.
type Filter struct {
	Type          FilterType `json:"type,omitempty"`
	Value         int        `json:"value"`
	Unit          TimeUnit   `json:"unit,omitempty"`
	RetainAtLeast *int       `json:"retainAtLeast,omitempty"`
}

// Retain returns RetainAtLeast, or 0 when it is absent.
func (f Filter) Retain() int {
	if f.RetainAtLeast == nil {
		return 0
	}
	return *f.RetainAtLeast
}

// ExclusionRules protects images (TagMap, on Image Builder image tags) and
// AMIs (AMIs, on EC2 facts) from one rule.
type ExclusionRules struct {
	TagMap Tags               `json:"tagMap,omitempty"`
	AMIs   *AMIExclusionRules `json:"amis,omitempty"`
}

// AMIExclusionRules lists the conditions under which an AMI is left alone
// although its image is acted on. An AMI meeting any condition is excluded.
// It is the wire form of LifecyclePolicyDetailExclusionRulesAmis.
type AMIExclusionRules struct {
	IsPublic       bool          `json:"isPublic,omitempty"`
	Regions        []string      `json:"regions,omitempty"`
	SharedAccounts []string      `json:"sharedAccounts,omitempty"`
	LastLaunched   *LastLaunched `json:"lastLaunched,omitempty"`
	TagMap         Tags          `json:"tagMap,omitempty"`
}

// LastLaunched excludes AMIs that launched an instance within the last
// Value (1–365) Units.
type LastLaunched struct {
	Value int      `json:"value"`
	Unit  TimeUnit `json:"unit,omitempty"`
}

// ResourceSelection is the scope of a policy: images built from the listed
// recipe versions, or images carrying any of the listed tags. Exactly one of
// the two must be given (rule X5).
type ResourceSelection struct {
	Recipes []RecipeSelection `json:"recipes,omitempty"`
	TagMap  Tags              `json:"tagMap,omitempty"`
}

// RecipeSelection selects the images built from the recipe Name at the
// versions matched by SemanticVersion, a version ("1.2.3") or a wildcard
// filter ("1.2.x", "1.x.x", "x.x.x").
type RecipeSelection struct {
	Name            string `json:"name"`
	SemanticVersion string `json:"semanticVersion"`
}
