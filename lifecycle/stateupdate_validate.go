package lifecycle

import (
	"strconv"
	"time"

	"github.com/ibkit/ibkit/lifecycle/internal/names"
)

// Validate checks a StartResourceStateUpdate request against the service
// model and the documented request rules, and returns all findings
// sorted by path; the error is an *Error holding them when at least one
// finding is an error.
//
// The rules that need facts beyond the request use the arguments: updateAt
// must be strictly after now, and the target state must be reachable from
// the image's current state (container images only to DELETED; FAILED and
// CANCELLED images only to DELETED; no change while a build is in progress;
// DISABLED to DEPRECATED and other unlisted transitions are rejected,
// Decision L-P8). A zero now or a zero member of image turns its rules off.
func (r *StateUpdateRequest) Validate(now time.Time, image CurrentImage) (Findings, error) {
	v := &validator{}
	switch {
	case r.ResourceARN == "":
		v.err("resourceArn", codeRequired, "is missing; give the ARN of an image build version")
	case names.CheckImageBuildVersionARN(r.ResourceARN) != nil:
		v.err("resourceArn", codeInvalidPattern, strconv.Quote(r.ResourceARN)+" is not an image build version ARN; expected arn:aws:imagebuilder:<region>:<account>:image/<name>/<x.y.z>/<build>")
	}
	target := r.State.Status
	switch {
	case target == "":
		v.err("state.status", codeRequired, "is missing; use AVAILABLE, DEPRECATED, DISABLED or DELETED")
	case target != StatusAvailable && target != StatusDeprecated && target != StatusDisabled && target != StatusDeleted:
		v.err("state.status", codeInvalidEnum, names.EnumMsg(string(target), "AVAILABLE", "DELETED", "DEPRECATED", "DISABLED"))
		target = ""
	}
	if r.ExecutionRole != "" && v.length("executionRole", r.ExecutionRole, 1, 2048) && names.CheckRole(r.ExecutionRole) != nil {
		v.err("executionRole", codeInvalidPattern, strconv.Quote(r.ExecutionRole)+" is not an IAM role name or role ARN")
	}
	v.clientToken(r.ClientToken)
	inc := IncludeResources{}
	if r.IncludeResources != nil {
		inc = *r.IncludeResources
	}
	if inc.anyIncluded() && r.ExecutionRole == "" {
		v.err("executionRole", codeRoleRequired, "is missing; updating the image's resources (includeResources) needs a role the service can act as")
	}
	if target == StatusDeleted && r.ExecutionRole != "" && !inc.anyIncluded() {
		v.err("includeResources", codeIncludeRequired, "names no resource type; with an executionRole, a deletion must include amis, snapshots or containers")
	}
	if !r.UpdateAt.IsZero() {
		at, err := r.UpdateAt.Time()
		switch {
		case err != nil:
			v.err("updateAt", codeInvalidTimestamp, strconv.Quote(string(r.UpdateAt))+" is not a timestamp; use RFC 3339 text or epoch seconds")
		case target != "" && target != StatusDeprecated:
			v.err("updateAt", codeUpdateAtTarget, "can only schedule a deprecation; remove it or set state.status to DEPRECATED")
		case !now.IsZero() && !at.After(now):
			v.err("updateAt", codeUpdateAtPast, "is "+at.Format("2006-01-02T15:04:05Z")+", not after the evaluation time "+now.UTC().Format("2006-01-02T15:04:05Z")+"; give a future time or remove it")
		}
	}
	if r.ExclusionRules != nil && r.ExclusionRules.AMIs != nil {
		v.amiExclusions("exclusionRules.amis", r.ExclusionRules.AMIs)
		v.add(SeverityWarning, "exclusionRules.amis", codeManualExclusionEffect, "",
			"when one of the image's AMIs meets these conditions the whole update is skipped, image and resources alike, unlike a policy rule that skips only that AMI", decisionManualUpdate)
	}
	if target != "" {
		v.transition(image, target)
	}
	return v.result()
}

// transition checks that target is reachable from img's current state.
func (v *validator) transition(img CurrentImage, target ImageStatus) {
	const path = "state.status"
	from := img.Status
	if img.Type == ImageTypeDocker && target != StatusDeleted {
		v.err(path, codeContainerTarget, "container images can only be DELETED; "+string(target)+" applies to AMI images")
		return
	}
	switch {
	case from == "" || !from.valid():
		return
	case from.InProgress():
		v.err(path, codeImageBusy, "the image's build is still "+string(from)+"; wait until it finishes")
		return
	case from == StatusDeleted:
		v.err(path, codeInvalidTransition, "the image is already DELETED")
		return
	case from.Unsuccessful():
		if target != StatusDeleted {
			v.err(path, codeInvalidTransition, "a "+string(from)+" image can only be DELETED")
		}
		return
	}
	ok := false
	switch target {
	case StatusDeprecated:
		ok = from == StatusAvailable
	case StatusDisabled:
		ok = from == StatusAvailable || from == StatusDeprecated
	case StatusAvailable:
		ok = from == StatusDeprecated || from == StatusDisabled
	case StatusDeleted:
		ok = true
	}
	if !ok {
		v.add(SeverityError, path, codeInvalidTransition, "",
			"the image is "+string(from)+" and cannot move to "+string(target)+"; allowed: AVAILABLE to DEPRECATED, AVAILABLE or DEPRECATED to DISABLED, DEPRECATED or DISABLED to AVAILABLE, any finished state to DELETED", decisionManualUpdate)
	}
}
