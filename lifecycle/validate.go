package lifecycle

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/ibkit/ibkit/internal/decision"
	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/lifecycle/internal/names"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
	"github.com/ibkit/ibkit/semver"
)

// Validate checks the policy as a bare LifecyclePolicy document against
// every rule of the service model and every cross-field rule of the ibkit
// specification, and returns all findings sorted by path (array indices
// compared as numbers, a member before its children), then by code. The
// error is an *Error holding the findings, wrapping ErrInvalid, when at
// least one finding is an error, and nil otherwise.
func (p *Policy) Validate(opts ValidateOptions) (Findings, error) {
	v, err := newValidator(opts, "")
	if err != nil {
		return nil, err
	}
	v.policy(p, ShapePolicy)
	return v.result()
}

// Validate checks the document like Policy.Validate, with the rules of its
// shape: Create and Update inputs take a clientToken of 1–64 characters (a
// missing one is only a warning, since the AWS CLI and SDKs generate it);
// an Update input needs lifecyclePolicyArn and has no name.
// Paths are those of the document, so a GetLifecyclePolicy response's
// findings start with "lifecyclePolicy.".
func (d *Document) Validate(opts ValidateOptions) (Findings, error) {
	prefix := ""
	if d.Shape == ShapeGetResponse {
		prefix = "lifecyclePolicy"
	}
	v, err := newValidator(opts, prefix)
	if err != nil {
		return nil, err
	}
	v.zeros = d.ExplicitZeros
	v.policy(&d.Policy, d.Shape)
	if d.Shape == ShapeCreateInput || d.Shape == ShapeUpdateInput {
		v.clientToken(d.ClientToken)
	}
	return v.result()
}

// clientToken checks a request's idempotency token: 1–64 characters. The
// model requires it, but the SDKs and the CLI generate one when it is
// absent, so its absence only warns.
func (v *validator) clientToken(token string) {
	if token == "" {
		v.add(SeverityWarning, "clientToken", codeRequired, "",
			"is missing; the AWS CLI and SDKs generate one, but a saved request that carries its own can be retried safely")
		return
	}
	v.length("clientToken", token, 1, 64)
}

type validator struct {
	opts     validation
	prefix   string
	findings Findings
	// zeros are the paths of integer members a decoded document wrote as
	// 0; nil for a Policy built in Go.
	zeros []string
}

func newValidator(opts ValidateOptions, prefix string) (*validator, error) {
	o, err := opts.compile()
	if err != nil {
		return nil, err
	}
	return &validator{opts: o, prefix: prefix}, nil
}

func (v *validator) result() (Findings, error) {
	v.findings.Sort()
	return v.findings, v.findings.err()
}

func (v *validator) path(p string) string {
	switch {
	case v.prefix == "":
		return p
	case p == "":
		return v.prefix
	case p[0] == '[':
		return v.prefix + p
	}
	return v.prefix + "." + p
}

func (v *validator) add(sev Severity, path string, code string, rule, msg string, ds ...Decision) {
	f := Finding{Severity: sev, Path: v.path(path), Code: code, Rule: rule, Message: msg}
	if len(ds) > 0 {
		f.Decisions = slices.Clone(ds)
		slices.SortFunc(f.Decisions, decision.Compare)
	}
	v.findings = append(v.findings, f)
}

func (v *validator) err(path string, code string, msg string) {
	v.add(SeverityError, path, code, "", msg)
}

// clientRule records a finding of a rule enforced only by AWS client
// tooling: an error by default, a warning under ModelOnly (Decision L-P1).
func (v *validator) clientRule(path string, code string, rule, msg string) {
	sev := SeverityError
	if v.opts.modelOnly {
		sev = SeverityWarning
	}
	v.add(sev, path, code, rule, msg, ModelOnlyValidation)
}

func (v *validator) length(path, s string, min, max int) bool {
	n := utf8.RuneCountInString(s)
	if n < min || n > max {
		v.err(path, codeInvalidLength, "has "+strconv.Itoa(n)+" characters; use "+strconv.Itoa(min)+" to "+strconv.Itoa(max))
		return false
	}
	return true
}

func (v *validator) intRange(path string, n, min, max int, what string) {
	if n == 0 && !slices.Contains(v.zeros, v.path(path)) {
		// Missing, or 0 in a Policy built in Go: the two look alike.
		msg := "is missing"
		if v.zeros == nil {
			msg = "is 0 or missing"
		}
		v.err(path, codeRequired, msg+"; use "+what+" from "+strconv.Itoa(min)+" to "+strconv.Itoa(max))
		return
	}
	if n < min || n > max {
		v.err(path, codeOutOfRange, "is "+strconv.Itoa(n)+"; use "+what+" from "+strconv.Itoa(min)+" to "+strconv.Itoa(max))
	}
}

func (v *validator) policy(p *Policy, shape Shape) {
	if shape == ShapeUpdateInput {
		if p.ARN == "" {
			v.err("lifecyclePolicyArn", codeRequired, "is missing; give the ARN of the policy to update")
		} else if names.CheckLifecyclePolicyARN(p.ARN) != nil {
			v.err("lifecyclePolicyArn", codeInvalidPattern, strconv.Quote(p.ARN)+" is not a lifecycle policy ARN; expected arn:aws:imagebuilder:<region>:<account>:lifecycle-policy/<name>")
		}
	} else {
		if p.ARN != "" && names.CheckLifecyclePolicyARN(p.ARN) != nil {
			v.err("arn", codeInvalidPattern, strconv.Quote(p.ARN)+" is not a lifecycle policy ARN; expected arn:aws:imagebuilder:<region>:<account>:lifecycle-policy/<name>")
		}
		if p.Name == "" {
			v.err("name", codeRequired, "is missing; give the policy a name of 3 to 128 letters, digits, hyphens, underscores or inner spaces")
		} else {
			v.resourceName("name", p.Name)
		}
	}
	if p.Description != "" {
		v.length("description", p.Description, 1, 1024)
	}
	if p.Status != "" && !p.Status.valid() {
		v.err("status", codeInvalidEnum, names.EnumMsg(string(p.Status), "ENABLED", "DISABLED"))
	}
	if p.ExecutionRole == "" {
		v.err("executionRole", codeRequired, "is missing; give the name or ARN of the IAM role the policy runs as")
	} else if v.length("executionRole", p.ExecutionRole, 1, 2048) && names.CheckRole(p.ExecutionRole) != nil {
		v.err("executionRole", codeInvalidPattern, strconv.Quote(p.ExecutionRole)+" is not an IAM role name or role ARN; expected a name such as MyLifecycleRole or arn:aws:iam::123456789012:role/MyLifecycleRole")
	}
	switch {
	case p.ResourceType == "":
		v.err("resourceType", codeRequired, "is missing; use AMI_IMAGE or CONTAINER_IMAGE")
	case !p.ResourceType.valid():
		v.err("resourceType", codeInvalidEnum, names.EnumMsg(string(p.ResourceType), "AMI_IMAGE", "CONTAINER_IMAGE"))
	}
	switch n := len(p.PolicyDetails); {
	case n == 0:
		v.err("policyDetails", codeRequired, "is missing or empty; give one to three rules")
	case n > 3:
		v.err("policyDetails", codeInvalidCount, "has "+strconv.Itoa(n)+" rules; a policy has at most three")
	}
	for i := range p.PolicyDetails {
		v.detail(jsonread.Index("policyDetails", i), &p.PolicyDetails[i], p.ResourceType)
	}
	v.actionsOnce(p.PolicyDetails)
	v.ageOrder(p.PolicyDetails)
	v.selection(&p.ResourceSelection, p.ResourceType)
	if shape != ShapeUpdateInput {
		v.tags("tags", p.Tags)
	}
}

// resourceName checks the ResourceName form: 3–128 characters, letters,
// digits, hyphens and underscores, and spaces except at either end.
func (v *validator) resourceName(path, s string) {
	ok := len(s) >= 3 && len(s) <= 128
	for i := 0; ok && i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_':
		case c == ' ' && i > 0 && i < len(s)-1:
		default:
			ok = false
		}
	}
	if !ok {
		v.err(path, codeInvalidPattern, strconv.Quote(s)+" is not a valid name; use 3 to 128 letters, digits, hyphens, underscores or inner spaces")
	}
}

func (v *validator) detail(path string, d *PolicyDetail, rt ResourceType) {
	a, f := &d.Action, &d.Filter
	switch {
	case a.Type == "":
		v.err(path+".action.type", codeRequired, "is missing; use DEPRECATE, DISABLE or DELETE")
	case !a.Type.valid():
		v.err(path+".action.type", codeInvalidEnum, names.EnumMsg(string(a.Type), "DELETE", "DEPRECATE", "DISABLE"))
	}
	switch {
	case f.Type == "":
		v.err(path+".filter.type", codeRequired, "is missing; use AGE or COUNT")
	case !f.Type.valid():
		v.err(path+".filter.type", codeInvalidEnum, names.EnumMsg(string(f.Type), "AGE", "COUNT"))
	}
	v.intRange(path+".filter.value", f.Value, 1, 1000, "an integer")
	if f.Unit != "" && !f.Unit.valid() {
		v.err(path+".filter.unit", codeInvalidEnum, names.EnumMsg(string(f.Unit), "DAYS", "WEEKS", "MONTHS", "YEARS"))
	}
	if f.RetainAtLeast != nil && (*f.RetainAtLeast < 1 || *f.RetainAtLeast > 10) {
		v.err(path+".filter.retainAtLeast", codeOutOfRange, "is "+strconv.Itoa(*f.RetainAtLeast)+"; use an integer from 1 to 10, or leave it out")
	}

	// Cross-field rules on one detail.
	inc := a.Includes()
	switch f.Type {
	case FilterAge:
		if f.Unit == "" {
			v.add(SeverityError, path+".filter.unit", codeAgeUnitRequired, "X1", "is missing; an AGE filter needs a unit: DAYS, WEEKS, MONTHS or YEARS")
		}
		if f.RetainAtLeast != nil && (a.Type == ActionDeprecate || a.Type == ActionDisable) {
			v.add(SeverityWarning, path+".filter.retainAtLeast", codeRetainIgnored, "X3",
				"is ignored: retention applies only to DELETE rules, so this "+string(a.Type)+" rule acts on images whatever this value; remove it", decisionRetainOnDeprecateDisable)
		}
	case FilterCount:
		if f.RetainAtLeast != nil {
			v.add(SeverityWarning, path+".filter.retainAtLeast", codeRetainOnCount, "X2",
				"is ignored with a COUNT filter, which already keeps the newest images; remove it", decisionCountModifiers)
		}
		if f.Unit != "" {
			v.add(SeverityWarning, path+".filter.unit", codeUnitOnCount, "X4",
				"is ignored with a COUNT filter; remove it", decisionCountModifiers)
		}
		if a.Type == ActionDeprecate || a.Type == ActionDisable {
			v.add(SeverityWarning, path+".filter.type", codeCountOnDeprecateDisable, "X10",
				"COUNT on a "+string(a.Type)+" rule is undocumented; ibkit keeps the newest images of each recipe version and acts on the rest. Prefer an AGE filter", decisionCountOnDeprecateDisable)
		}
	}
	if rt == ResourceTypeContainer {
		if a.Type.valid() && a.Type != ActionDelete {
			v.add(SeverityError, path+".action.type", codeContainerAction, "X7",
				"container image policies can only DELETE; change the action to DELETE or the resource type to AMI_IMAGE")
		}
		if inc.AMIs {
			v.clientRule(path+".action.includeResources.amis", codeContainerAMIResources, "X8", "container images have no AMIs; remove amis")
		}
		if inc.Snapshots {
			v.clientRule(path+".action.includeResources.snapshots", codeContainerAMIResources, "X8", "container images have no snapshots; remove snapshots")
		}
		if d.ExclusionRules != nil && d.ExclusionRules.AMIs != nil {
			v.clientRule(path+".exclusionRules.amis", codeContainerAMIResources, "X8", "AMI exclusions do not apply to container images; remove amis")
		}
	}
	if rt == ResourceTypeAMI && inc.Containers {
		v.clientRule(path+".action.includeResources.containers", codeAMIContainerResources, "X9", "AMI images have no container images; remove containers")
	}
	if a.Type == ActionDelete && inc.Snapshots && !inc.AMIs && rt != ResourceTypeContainer {
		v.add(SeverityWarning, path+".action.includeResources.snapshots", codeSnapshotsWithoutAMIs, "X11",
			"snapshots without amis: EC2 refuses to delete the snapshots of a registered AMI, so these deletions are expected to fail; add amis or remove snapshots", decisionSnapshotsWithoutAMIs)
	}
	if rt == ResourceTypeAMI && !inc.AMIs && d.ExclusionRules != nil && d.ExclusionRules.AMIs != nil {
		v.amiExclusionsUnused(path+".exclusionRules.amis", a.Type, inc.Snapshots)
	}
	if d.ExclusionRules != nil {
		v.exclusions(path+".exclusionRules", d.ExclusionRules)
	}
}

// amiExclusionsUnused applies X17: AMI exclusions on a rule that acts on
// no AMI. Whether an AMI exclusion protects only its AMI or the whole
// image is Decision L-30; under the default reading such exclusions change
// nothing (except which snapshots a snapshots-only DELETE expects to fail).
func (v *validator) amiExclusionsUnused(path string, action ActionType, snapshots bool) {
	var msg string
	if v.opts.protectsImage {
		msg = "the rule acts on no AMI, so these exclusions only protect whole images (AMIExclusionProtectsImage): an image any of whose AMIs matches is skipped by this " + string(action) + " rule"
	} else {
		msg = "has no effect: the rule acts on no AMI, and an AMI exclusion protects only its own AMI, not the image; add includeResources.amis to act on AMIs, or choose the reading AMIExclusionProtectsImage if you mean these exclusions to protect images"
		if snapshots {
			msg = "protects no image: the rule acts on no AMI, and an AMI exclusion only keeps its own AMI (here: its snapshots) out of the action; add includeResources.amis, or choose the reading AMIExclusionProtectsImage if you mean these exclusions to protect images"
		}
	}
	v.add(SeverityWarning, path, codeAMIExclusionsUnused, "X17", msg, AMIExclusionProtectsImage)
}

func (v *validator) exclusions(path string, e *ExclusionRules) {
	v.tags(path+".tagMap", e.TagMap)
	if e.AMIs != nil {
		v.amiExclusions(path+".amis", e.AMIs)
	}
}

func (v *validator) amiExclusions(path string, a *AMIExclusionRules) {
	for i, r := range a.Regions {
		p := jsonread.Index(path+".regions", i)
		if v.length(p, r, 1, 1024) && !names.ValidRegion(r) {
			// The model takes any string; one without a Region's form
			// matches no AMI, which is rarely what was meant.
			v.add(SeverityWarning, p, codeInvalidRegion, "", wire.Quote(r)+" is not a Region name such as us-east-1; it matches no AMI")
		}
	}
	if a.SharedAccounts != nil && (len(a.SharedAccounts) < 1 || len(a.SharedAccounts) > 1536) {
		v.err(path+".sharedAccounts", codeInvalidCount, "has "+strconv.Itoa(len(a.SharedAccounts))+" accounts; give 1 to 1536 or leave it out")
	}
	for i, acc := range a.SharedAccounts {
		if names.CheckAccountID(acc) != nil {
			v.err(jsonread.Index(path+".sharedAccounts", i), codeInvalidPattern, strconv.Quote(acc)+" is not an AWS account ID; use its 12 digits")
		}
	}
	if ll := a.LastLaunched; ll != nil {
		v.intRange(path+".lastLaunched.value", ll.Value, 1, 365, "an integer")
		switch {
		case ll.Unit == "":
			v.err(path+".lastLaunched.unit", codeRequired, "is missing; use DAYS, WEEKS, MONTHS or YEARS")
		case !ll.Unit.valid():
			v.err(path+".lastLaunched.unit", codeInvalidEnum, names.EnumMsg(string(ll.Unit), "DAYS", "WEEKS", "MONTHS", "YEARS"))
		}
	}
	v.tags(path+".tagMap", a.TagMap)
}

// actionsOnce applies X6: each action type at most once.
func (v *validator) actionsOnce(ds []PolicyDetail) {
	for j := range ds {
		for i := 0; i < j; i++ {
			if ds[i].Action.Type == ds[j].Action.Type && ds[j].Action.Type.valid() {
				v.clientRule(jsonread.Index("policyDetails", j)+".action.type", codeDuplicateAction, "X6",
					string(ds[j].Action.Type)+" already appears in policyDetails["+strconv.Itoa(i)+"]; a policy has at most one rule per action, merge or remove one")
				break
			}
		}
	}
}

// approxDays converts an age threshold to days for comparison only, with
// the month and year lengths of FixedMonthYear.
func approxDays(f Filter) (int, bool) {
	d := names.UnitDays(string(f.Unit))
	if f.Type != FilterAge || f.Value < 1 || d == 0 {
		return 0, false
	}
	return f.Value * d, true
}

// ageOrder is the X13 lint: an AGE DELETE threshold below an AGE DEPRECATE
// or DISABLE threshold.
func (v *validator) ageOrder(ds []PolicyDetail) {
	for i := range ds {
		if ds[i].Action.Type != ActionDelete {
			continue
		}
		del, ok := approxDays(ds[i].Filter)
		if !ok {
			continue
		}
		for j := range ds {
			if t := ds[j].Action.Type; t != ActionDeprecate && t != ActionDisable {
				continue
			}
			if other, ok := approxDays(ds[j].Filter); ok && del < other {
				v.add(SeverityWarning, jsonread.Index("policyDetails", i)+".filter.value", codeAgeOrder, "X13",
					"images are deleted at a younger age than the "+string(ds[j].Action.Type)+" rule in policyDetails["+strconv.Itoa(j)+"] acts (months and years counted as 30 and 365 days here); check the thresholds")
				break
			}
		}
	}
}

func (v *validator) selection(s *ResourceSelection, rt ResourceType) {
	const path = "resourceSelection"
	hasRecipes, hasTags := s.Recipes != nil, s.TagMap != nil
	switch {
	case hasRecipes && hasTags:
		v.clientRule(path, codeSelectionBoth, "X5", "gives both recipes and tagMap; select images by one of them")
	case !hasRecipes && !hasTags:
		v.clientRule(path, codeSelectionNone, "X5", "selects nothing; give recipes or a tagMap")
	}
	if hasRecipes && (len(s.Recipes) < 1 || len(s.Recipes) > 50) {
		v.err(path+".recipes", codeInvalidCount, "has "+strconv.Itoa(len(s.Recipes))+" entries; give 1 to 50")
	}
	filters := make([]semver.Filter, len(s.Recipes))
	parsed := make([]bool, len(s.Recipes))
	for i, r := range s.Recipes {
		rp := jsonread.Index(path+".recipes", i)
		if r.Name == "" {
			v.err(rp+".name", codeRequired, "is missing; give the recipe's name")
		} else {
			v.resourceName(rp+".name", r.Name)
		}
		filters[i], parsed[i] = v.semanticVersion(rp+".semanticVersion", r.SemanticVersion)
		if v.opts.recipeKinds != nil && rt.valid() {
			if kind, ok := v.opts.recipeKinds[r.Name]; ok && kind != rt.ImageType() {
				want, plural := "an image recipe", "image recipes"
				if rt == ResourceTypeContainer {
					want, plural = "a container recipe", "container recipes"
				}
				v.clientRule(rp+".name", codeRecipeKind, "X12", strconv.Quote(r.Name)+" is not "+want+"; this "+string(rt)+" policy selects images built from "+plural)
			}
		}
		for j := 0; j < i; j++ {
			o := s.Recipes[j]
			same := o.SemanticVersion == r.SemanticVersion || (parsed[i] && parsed[j] && filters[i] == filters[j])
			if o.Name == r.Name && same {
				v.add(SeverityWarning, rp, codeDuplicateRecipe, "X14",
					"repeats recipes["+strconv.Itoa(j)+"]; images are selected once, remove the duplicate", decisionEvaluatedOnce)
				break
			}
		}
	}
	v.tags(path+".tagMap", s.TagMap)
	for _, k := range s.TagMap.Keys() {
		if s.TagMap[k] == "" {
			v.add(SeverityWarning, path+".tagMap["+strconv.Quote(k)+"]", codeEmptyTagValue, "",
				"has an empty value, so it selects only images whose "+strconv.Quote(k)+" tag is empty, not every image with the key", decisionTagMatching)
		}
	}
}

// semanticVersion checks a recipe entry's version filter and returns it
// parsed when it is usable.
func (v *validator) semanticVersion(path, s string) (semver.Filter, bool) {
	if s == "" {
		v.err(path, codeRequired, "is missing; give a version such as 1.0.0 or a filter such as 1.x.x")
		return semver.Filter{}, false
	}
	f, err := semver.ParseFilter(s)
	if err == nil {
		if slices.Contains(semver.Flags(s), "AS-6") {
			v.add(SeverityWarning, path, codeLeadingZero, "",
				strconv.Quote(s)+" has a node with a leading zero; ibkit compares it as "+f.String()+", but the service may see a different version; write "+f.String(), "AS-6")
		}
		return f, true
	}
	loose, lerr := semver.ParseFilter(s, semver.RegexOnly)
	switch {
	case errors.Is(err, semver.ErrInvalid) && lerr == nil:
		if v.opts.mixedWildcards {
			v.add(SeverityWarning, path, codeMixedWildcard, "X15",
				strconv.Quote(s)+" has a number right of an x; accepted and matched node by node, a reading the service does not document", AllowMixedWildcards, "AS-1")
			return loose, true
		}
		v.add(SeverityError, path, codeMixedWildcard, "X15",
			strconv.Quote(s)+" has a number right of an x; once a node is x the nodes after it must be x too, as in 1.x.x", AllowMixedWildcards, "AS-1")
	case errors.Is(err, semver.ErrInvalid):
		v.add(SeverityError, path, codeVersionNodeRange, "X16",
			strconv.Quote(s)+" has a node above 1073741823, the largest the service accepts", "AS-1")
	default:
		v.err(path, codeInvalidPattern, strconv.Quote(s)+" is not a version filter; use three dot-separated numbers or x, such as 1.0.0, 1.2.x, 1.x.x or x.x.x")
	}
	return semver.Filter{}, false
}

// tags checks a TagMap: 1–50 entries, keys of 1–128 allowed characters not
// starting with "aws:", values of at most 256 characters.
func (v *validator) tags(path string, t Tags) {
	if t == nil {
		return
	}
	if len(t) < 1 || len(t) > 50 {
		v.err(path, codeInvalidCount, "has "+strconv.Itoa(len(t))+" tags; give 1 to 50 or leave it out")
	}
	for _, k := range t.Keys() {
		kp := path + "[" + strconv.Quote(k) + "]"
		switch n := utf8.RuneCountInString(k); {
		case n < 1 || n > 128:
			v.err(kp, codeInvalidLength, "the tag key has "+strconv.Itoa(n)+" characters; use 1 to 128")
		case strings.HasPrefix(k, "aws:"):
			v.err(kp, codeReservedTagKey, "tag keys starting with aws: are reserved for AWS; rename the key")
		case !validTagKey(k):
			v.err(kp, codeInvalidPattern, "the tag key may contain only letters, digits, spaces and _ . : / = + - @")
		}
		if n := utf8.RuneCountInString(t[k]); n > 256 {
			v.err(kp, codeInvalidLength, "the tag value has "+strconv.Itoa(n)+" characters; use at most 256")
		}
	}
}

func validTagKey(k string) bool {
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		case strings.IndexByte(" \t\n\f\r_.:/=+-@", c) >= 0:
		default:
			return false
		}
	}
	return true
}
