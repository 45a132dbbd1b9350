package plan

import (
	"time"

	"github.com/ibkit/ibkit/lifecycle"
)

// Plan is the predicted outcome of one scheduled execution of a lifecycle
// policy: what it would do to each image in scope and to the image's AMIs,
// snapshots and container images, and why. DryRun computes it.
//
// Records use the vocabulary of the service's
// ListLifecycleExecutionResources response (Decision L-24). Resources holds
// the images the execution would act on, skip or fail on, each followed by
// its output resources; every other image in scope is in Unaffected with
// the reason. Both lists follow Groups: recipe-version groups in ascending
// order of Region, account, recipe name and version, and inside a group
// the images newest first. The order never depends on the order of the
// inventory.
//
// A Plan is encoded to JSON by MarshalJSON in the form the ibkit command
// prints.
type Plan struct {
	// Report says what the plan says of the policy as a whole: its name,
	// whether it was evaluated, its scope, the warnings, the records left
	// out and the decisions involved.
	Report
	// Now is the instant of the execution, in UTC.
	Now time.Time
	// HasImpactedResources reports whether at least one image gets an
	// action (Decision L-P4).
	HasImpactedResources bool
	// Summary counts the records by kind and outcome.
	Summary Summary
	// Resources are the image records with an action, a SKIPPED verdict or
	// a predicted failure, each directly followed by its output-resource
	// records (which carry ParentResourceID).
	Resources []ExecutionResource
	// Unaffected lists the images in scope that get no action and why,
	// DEFERRED images included, and the images of other Regions or
	// accounts that the selection matches (OutOfScope).
	Unaffected []UnaffectedImage
	// Groups are the recipe-version groups of the images the policy
	// selects, in plan order, out-of-scope ones included (their Region or
	// account tells them apart).
	Groups []Group
}

// Report is what a Plan and a Timeline say of the policy as a whole.
type Report struct {
	// Policy is the policy's name.
	Policy string
	// Evaluated is false when the policy is DISABLED and no execution runs
	// (Decision L-19); the result is then empty and Note says so.
	Evaluated bool
	// Note is a sentence about the result as a whole, such as why a
	// DISABLED policy's plan is empty; "" when there is nothing to say.
	Note string
	// Scope is the Region and account the policy acts in (Decision L-26).
	// Images of the index outside it are not evaluated; a plan lists
	// those the selection matches in Unaffected with OutOfScope set.
	Scope Scope
	// Warnings are, in this order, the policy's validation warnings, the
	// selection's warnings (a recipe entry or selection tag that selects
	// no image of the index, with the nearest names present), and the
	// index's warnings (Index.Findings), each list sorted by path.
	Warnings lifecycle.Findings
	// NotEvaluated are the index's error findings: records of the
	// inventory that could not be read into the index, so the result says
	// nothing about them. Empty when every record was usable.
	NotEvaluated lifecycle.Findings
	// Decisions lists, in the order of the decisions table, every decision
	// that affected at least one record or the result as a whole; a
	// timeline's always holds L-25, the multi-run reading itself.
	Decisions []lifecycle.Decision
}

// Group is one recipe-version group: the images built from one recipe at one
// version x.y.z, in one Region and account. Retention is counted per group.
type Group struct {
	// Recipe is the recipe name as it appears in image ARNs (lower case,
	// spaces as hyphens).
	Recipe string `json:"recipe"`
	// Version is the recipe version x.y.z.
	Version string `json:"version"`
	// Region and AccountID are those of the images' ARNs.
	Region    string `json:"region"`
	AccountID string `json:"accountId"`
	// Images are the ARNs of the group's images in evaluation order: newest
	// first by creation time, then highest build, then ascending ARN
	// (Decision L-16).
	Images []string `json:"images"`
}

// ResourceKind tells image records from output-resource records.
type ResourceKind uint8

// The kinds of plan record.
const (
	KindImage     ResourceKind = iota // an Image Builder image; ResourceID is its ARN
	KindAMI                           // an AMI; ResourceID is its ID
	KindContainer                     // container images in one Region; ResourceID is the first URI
)

// String returns "image", "ami" or "container".
func (k ResourceKind) String() string {
	switch k {
	case KindImage:
		return "image"
	case KindAMI:
		return "ami"
	case KindContainer:
		return "container"
	}
	return "unknown"
}

// ExecutionStatus is the predicted state.status of a plan record.
type ExecutionStatus string

// The statuses a plan uses. A scheduled execution never reports a resource
// IN_PROGRESS in a plan.
const (
	// ExecutionSuccess: the resource would be acted on.
	ExecutionSuccess ExecutionStatus = "SUCCESS"
	// ExecutionSkipped: an exclusion rule protects the resource.
	ExecutionSkipped ExecutionStatus = "SKIPPED"
	// ExecutionFailed: the action is predicted to fail.
	ExecutionFailed ExecutionStatus = "FAILED"
)

// ExecutionResource is one record of a plan, in the form of the service's
// LifecycleExecutionResource.
type ExecutionResource struct {
	// Kind is the kind of resource; it is not part of the JSON form, where
	// it follows from parentResourceId, snapshots and imageUris.
	Kind ResourceKind `json:"-"`
	// ResourceID is the image ARN, the AMI ID, or the first image URI of a
	// container record.
	ResourceID string `json:"resourceId"`
	// ParentResourceID is the image ARN for output resources, "" for images.
	ParentResourceID string `json:"parentResourceId,omitempty"`
	// Action is the action and why the image qualified for it; nil for an
	// AMI whose snapshots alone are predicted to fail (Decision L-12).
	Action *ExecutionAction `json:"action,omitempty"`
	// State is the predicted outcome.
	State ExecutionState `json:"state"`
	// Region and AccountID locate the resource.
	Region    string `json:"region,omitempty"`
	AccountID string `json:"accountId,omitempty"`
	// Snapshots are an AMI's snapshots the action reaches, in block device
	// order.
	Snapshots []ExecutionSnapshot `json:"snapshots,omitempty"`
	// ImageURIs are the container images of a container record.
	ImageURIs []string `json:"imageUris,omitempty"`
	// Rule is the index in policyDetails of the rule behind the verdict.
	Rule int `json:"rule"`
	// Decisions lists the decisions the verdict depends on, in table
	// order.
	Decisions []lifecycle.Decision `json:"decisions,omitempty"`
}

// ExecutionAction is a record's action: DEPRECATE, DISABLE or DELETE, and
// why the resource qualified.
type ExecutionAction struct {
	Name   lifecycle.ActionType `json:"name"`
	Reason string               `json:"reason,omitempty"`
}

// ExecutionState is a record's predicted state and its reason (empty for
// SUCCESS).
type ExecutionState struct {
	Status ExecutionStatus `json:"status"`
	Reason string          `json:"reason,omitempty"`
}

// ExecutionSnapshot is one EBS snapshot of an AMI record.
type ExecutionSnapshot struct {
	SnapshotID string         `json:"snapshotId"`
	State      ExecutionState `json:"state"`
}

// UnaffectedImage is an image in scope that the execution leaves alone, with
// the reason.
type UnaffectedImage struct {
	// ResourceID is the image ARN.
	ResourceID string `json:"resourceId"`
	// Reason explains, rule by rule, why no rule acts: kept in a retention
	// slot, younger than the threshold (and by how much), a state the rule
	// skips, or a build still in progress.
	Reason string `json:"reason"`
	// Status is the image's state.status.
	Status lifecycle.ImageStatus `json:"status"`
	// Deferred reports an image whose build is in progress: the execution
	// defers it to a later run and it takes no part in this one (Decision
	// L-20).
	Deferred bool `json:"deferred,omitempty"`
	// OutOfScope reports an image that the policy's selection matches but
	// whose Region or account is not the policy's: the execution never
	// evaluates it (Decision L-26).
	OutOfScope bool `json:"outOfScope,omitempty"`
	// Rules holds one verdict per rule, in the evaluation order DEPRECATE,
	// DISABLE, DELETE; empty for deferred images.
	Rules []RuleVerdict `json:"rules,omitempty"`
	// Decisions lists the decisions the verdict depends on, in table
	// order.
	Decisions []lifecycle.Decision `json:"decisions,omitempty"`
}

// Outcome is why one rule does not act on an image.
type Outcome string

// The outcomes of one rule for an unaffected image.
const (
	// OutcomeKept: the image holds one of the rule's keep slots in its
	// recipe-version group.
	OutcomeKept Outcome = "KEPT"
	// OutcomeTooYoung: the image is younger than the rule's AGE threshold.
	OutcomeTooYoung Outcome = "TOO_YOUNG"
	// OutcomeStateSkipped: the rule skips images in the image's status
	// (a deprecated image is not deprecated again).
	OutcomeStateSkipped Outcome = "STATE_SKIPPED"
	// OutcomeProtected: the group has fewer good images than the rule keeps,
	// so under FewGoodImagesProtectFailed nothing in it qualifies (L-5).
	OutcomeProtected Outcome = "PROTECTED"
	// OutcomeInactive: the rule acts on nothing under the chosen reading
	// (COUNT on DEPRECATE/DISABLE with CountOnDeprecateDisableNoAction).
	OutcomeInactive Outcome = "INACTIVE"
	// OutcomeNotEvaluated: the rule reached no verdict on the image. An
	// image whose evaluation an exclusion tag ends (SkipEndsEvaluation,
	// L-8) is SKIPPED, not unaffected, so DryRun does not produce it today.
	OutcomeNotEvaluated Outcome = "NOT_EVALUATED"
)

// RuleVerdict is one rule's verdict on an unaffected image.
type RuleVerdict struct {
	// Rule is the rule's index in policyDetails; Action its action.
	Rule   int                  `json:"rule"`
	Action lifecycle.ActionType `json:"action"`
	// Outcome says why the rule does not act.
	Outcome Outcome `json:"outcome"`
	// Slot and Slots are, for OutcomeKept, the image's 1-based slot and the
	// number of slots of its group; 0 otherwise.
	Slot  int `json:"slot,omitempty"`
	Slots int `json:"slots,omitempty"`
	// Margin is, for OutcomeTooYoung, how much older the image must get
	// before it qualifies; it is part of Reason in the JSON form. Beyond
	// about 292 years it saturates at the largest time.Duration, and
	// Reason still gives the days.
	Margin time.Duration `json:"-"`
	// Reason is the verdict in words.
	Reason string `json:"reason"`
}

// Summary counts a plan's records.
type Summary struct {
	// InScope is the number of images of the policy's Region and account
	// that it selects, deferred ones included. OutOfScope counts the
	// images its selection matches in other Regions or accounts.
	// Unaffected counts the images without a record in Resources (the
	// length of Plan.Unaffected), deferred and out-of-scope ones included;
	// Deferred counts those whose build is in progress. NotEvaluated
	// counts the index's error findings (Plan.NotEvaluated).
	InScope      int `json:"inScope"`
	OutOfScope   int `json:"outOfScope"`
	Deferred     int `json:"deferred"`
	Unaffected   int `json:"unaffected"`
	NotEvaluated int `json:"notEvaluated"`
	// Images, AMIs, Snapshots and Containers count the records of each
	// kind per action and outcome.
	Images     Counts `json:"images"`
	AMIs       Counts `json:"amis"`
	Snapshots  Counts `json:"snapshots"`
	Containers Counts `json:"containers"`
}

// Counts counts records by outcome: SUCCESS records per action, SKIPPED
// records and FAILED records.
type Counts struct {
	Deprecate int `json:"DEPRECATE"`
	Disable   int `json:"DISABLE"`
	Delete    int `json:"DELETE"`
	Skipped   int `json:"SKIPPED"`
	Failed    int `json:"FAILED"`
}

// add counts one record.
func (c *Counts) add(action lifecycle.ActionType, status ExecutionStatus) {
	switch status {
	case ExecutionSkipped:
		c.Skipped++
		return
	case ExecutionFailed:
		c.Failed++
		return
	}
	switch action {
	case lifecycle.ActionDeprecate:
		c.Deprecate++
	case lifecycle.ActionDisable:
		c.Disable++
	case lifecycle.ActionDelete:
		c.Delete++
	}
}

// Acted returns the number of SUCCESS records.
func (c Counts) Acted() int { return c.Deprecate + c.Disable + c.Delete }
