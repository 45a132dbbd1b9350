package lifecycle

import (
	"strconv"
)

// Validate checks a StartResourceStateUpdate request against the service
// model and the documented request rules, and returns all findings
// sorted by path; the error is a *ValidationError when at least one finding
// is an error.
//
// The rules that need facts beyond the request use ctx: updateAt must be
// strictly after ctx.Now, and the target state must be reachable from the
// current status of ctx.Image (container images only to DELETED; FAILED and
// CANCELLED images only to DELETED; no change while a build is in progress;
// DISABLED to DEPRECATED and other unlisted transitions are rejected,
// Decision L-P8). A zero ctx member turns its rules off.
func (r *StateUpdateRequest) Validate(ctx StateUpdateContext) (Findings, error) {
	v := newValidator(ValidateOptions{}, "")
	switch {
	case r.ResourceARN == "":
		v.err("resourceArn", CodeRequired, "is missing; give the ARN of an image build version")
	case checkImageBuildVersionARN(r.ResourceARN) != nil:
		v.err("resourceArn", CodeInvalidPattern, strconv.Quote(r.ResourceARN)+" is not an image build version ARN; expected arn:aws:imagebuilder:<region>:<account>:image/<name>/<x.y.z>/<build>")
	}
	target := r.State.Status
	switch {
	case target == "":
		v.err("state.status", CodeRequired, "is missing; use AVAILABLE, DEPRECATED, DISABLED or DELETED")
	case !target.Valid():
		v.err("state.status", CodeInvalidEnum, enumMsg(string(target), "AVAILABLE", "DELETED", "DEPRECATED", "DISABLED"))
		target = ""
	}
	if r.ExecutionRole != "" && v.length("executionRole", r.ExecutionRole, 1, 2048) && checkRole(r.ExecutionRole) != nil {
		v.err("executionRole", CodeInvalidPattern, strconv.Quote(r.ExecutionRole)+" is not an IAM role name or role ARN")
	}
	v.clientToken(r.ClientToken)
	inc := IncludeResources{}
	if r.IncludeResources != nil {
		inc = *r.IncludeResources
	}
	if inc.Any() && r.ExecutionRole == "" {
		v.err("executionRole", CodeRoleRequired, "is missing; updating the image's resources (includeResources) needs a role the service can act as")
	}
	if target == ResourceDeleted && r.ExecutionRole != "" && !inc.Any() {
		v.err("includeResources", CodeIncludeRequired, "names no resource type; with an executionRole, a deletion must include amis, snapshots or containers")
	}
	if !r.UpdateAt.IsZero() {
		at, err := r.UpdateAt.Time()
		switch {
		case err != nil:
			v.err("updateAt", CodeInvalidTimestamp, strconv.Quote(string(r.UpdateAt))+" is not a timestamp; use RFC 3339 text or epoch seconds")
		case target != "" && target != ResourceDeprecated:
			v.err("updateAt", CodeUpdateAtTarget, "can only schedule a deprecation; remove it or set state.status to DEPRECATED")
		case !ctx.Now.IsZero() && !at.After(ctx.Now):
			v.err("updateAt", CodeUpdateAtPast, "is "+at.Format("2006-01-02T15:04:05Z")+", not after the evaluation time "+ctx.Now.UTC().Format("2006-01-02T15:04:05Z")+"; give a future time or remove it")
		}
	}
	if r.ExclusionRules != nil && r.ExclusionRules.AMIs != nil {
		v.amiExclusions("exclusionRules.amis", r.ExclusionRules.AMIs)
		v.add(SeverityWarning, "exclusionRules.amis", CodeManualExclusionEffect, "",
			"when one of the image's AMIs meets these conditions the whole update is skipped, image and resources alike, unlike a policy rule that skips only that AMI", DecisionManualUpdate)
	}
	if ctx.Image != nil && target != "" {
		v.transition(ctx.Image, target)
	}
	return v.result()
}

// transition checks that target is reachable from img's current state.
func (v *validator) transition(img *Image, target ResourceStatus) {
	const path = "state.status"
	from := img.Status()
	if img.Type == ImageTypeDocker && target != ResourceDeleted {
		v.err(path, CodeContainerTarget, "container images can only be DELETED; "+string(target)+" applies to AMI images")
		return
	}
	switch {
	case from == "" || !from.Valid():
		return
	case from.InProgress():
		v.err(path, CodeImageBusy, "the image's build is still "+string(from)+"; wait until it finishes")
		return
	case from == StatusDeleted:
		v.err(path, CodeInvalidTransition, "the image is already DELETED")
		return
	case from.Unsuccessful():
		if target != ResourceDeleted {
			v.err(path, CodeInvalidTransition, "a "+string(from)+" image can only be DELETED")
		}
		return
	}
	ok := false
	switch target {
	case ResourceDeprecated:
		ok = from == StatusAvailable
	case ResourceDisabled:
		ok = from == StatusAvailable || from == StatusDeprecated
	case ResourceAvailable:
		ok = from == StatusDeprecated || from == StatusDisabled
	case ResourceDeleted:
		ok = true
	}
	if !ok {
		v.add(SeverityError, path, CodeInvalidTransition, "",
			"the image is "+string(from)+" and cannot move to "+string(target)+"; allowed: AVAILABLE to DEPRECATED, AVAILABLE or DEPRECATED to DISABLED, DEPRECATED or DISABLED to AVAILABLE, any finished state to DELETED", DecisionManualUpdate)
	}
}
