package arn

import (
	"strconv"
	"strings"
)

// ibParts are the pieces of a checked Image Builder ARN: the ARN without
// its decoded version, and the scanned version.
type ibParts struct {
	arn  ARN     // all fields but kind, fixed and ver
	form formSet // the version form
	v    vscan
}

// imageBuilder checks s against an Image Builder ARN shape and fills a, in
// the order of the specification: sections, service, partition and region
// (and the AS-5 lint), owner, resource type, stage, name, version syntax,
// version forms of the shape, version forms of the type (AS-4), prose
// rules.
func (c *checker) imageBuilder(sp *spec, s string, a *ibParts) {
	if sp.max > 0 && len(s) > sp.max {
		c.bad(ruleLength, partInput, ErrInvalid, s, "expected at most "+strconv.Itoa(sp.max)+" characters, found "+strconv.Itoa(len(s)))
		return
	}
	res, ok := c.imageBuilderSections(s, &a.arn)
	if !ok {
		return
	}
	partition, region := a.arn.partition, a.arn.region
	if sp.strict {
		if !c.strictPartition(partition) {
			return
		}
		if !isStrictRegion(region) {
			c.bad(rulePattern, partRegion, ErrSyntax, region,
				"expected a region such as us-east-1: lower-case letters in two or more '-'-separated groups followed by '-' and a number")
			return
		}
	} else if !c.loosePartition(partition) || !c.nonEmptyRegion(region) {
		return
	}
	c.lint(partition, region)
	if !c.owner(sp.wide, a.arn.account) {
		return
	}

	// The resource: type, stage, name and version, split at '/'.
	j := slash(res)
	if j < 0 {
		c.bad(rulePattern, partResourceType, ErrSyntax, res, "expected a resource of the form type/name")
		return
	}
	typ, bit, known := lookupType(res[:j])
	if !known || sp.types&bit == 0 {
		c.bad(rulePattern, partResourceType, ErrInvalid, res[:j], typesReason(sp.types))
		return
	}
	a.arn.typ = typ
	res = res[j+1:]
	if typ == Workflow {
		j = slash(res)
		stage, ok := "", false
		if j >= 0 {
			stage, ok = lookupStage(res[:j])
		}
		if !ok {
			found := res
			if j >= 0 {
				found = res[:j]
			}
			c.bad(rulePattern, partStage, ErrSyntax, found, "expected build, test or distribution followed by '/' and the name")
			return
		}
		a.arn.stage = stage
		res = res[j+1:]
	}
	name, vtext, hasVersion := res, "", false
	if j = nameEnd(res); j < len(res) {
		if res[j] != '/' {
			if k := slash(res); k >= 0 {
				name = res[:k]
			}
			c.bad(rulePattern, partName, ErrSyntax, name, "expected one or more lower-case letters, digits, '-' or '_'")
			return
		}
		name, vtext, hasVersion = res[:j], res[j+1:], true
	}
	if name == "" { // nameEnd checked the characters
		c.bad(rulePattern, partName, ErrSyntax, name, "expected one or more lower-case letters, digits, '-' or '_'")
		return
	}
	a.arn.name, a.arn.vtext = name, vtext

	a.form = formNone
	if hasVersion {
		if sp.forms == formNone {
			c.bad(rulePattern, partVersion, ErrInvalid, vtext, "expected no version: "+article(string(typ))+" ARN ends with its name")
			return
		}
		if field, ok := scanVersion(vtext, &a.v); !ok {
			found, reason := vtext, formsReason(sp)
			if field == partBuild {
				found = a.v.Build
				if k := slash(found); k > 0 && digitRun(found[:k]) == k {
					reason = "expected the ARN to end after the build number; found the extra section " + quote(found[k:])
				}
			}
			c.bad(rulePattern, field, ErrSyntax, found, reason)
			return
		}
		a.form = a.v.form()
	}
	if sp.forms&a.form == 0 || sp.allX && a.form == formWildcard && a.v.Wildcards != 7 {
		field, found := partVersion, vtext
		if a.form&(formBuild|formWildcardBuild) != 0 && sp.forms&(formVersion|formWildcard) != 0 {
			field, found = partBuild, a.v.Build
		}
		c.bad(rulePattern, field, ErrInvalid, found, formsReason(sp))
		return
	}
	if sp.generic {
		c.typeVersion(typ, bit, a)
	}
	if hasVersion && a.v.unusual() {
		c.proseRules(&a.v)
	}
}

// imageBuilderSections splits an Image Builder ARN into its sections,
// stores partition, region and account in a and returns the resource. It
// first looks for "imagebuilder:" where the service starts instead of
// scanning for its ':', and falls back to split, which reports errors.
func (c *checker) imageBuilderSections(s string, a *ARN) (resource string, ok bool) {
	const service = "imagebuilder"
	if i := colon(s, 4); i > 0 && s[:4] == "arn:" && len(s) > i+len(service)+1 &&
		s[i+1:i+1+len(service)] == service && s[i+1+len(service)] == ':' {
		r := i + len(service) + 2
		if acct := colon(s, r); acct >= 0 {
			if res := colon(s, acct+1); res >= 0 {
				a.partition, a.region, a.account = s[4:i], s[r:acct], s[acct+1:res]
				return s[res+1:], true
			}
		}
	}
	// The general split finds the same sections (and reports errors).
	p, ok := c.split(s)
	if !ok || !c.service(p.service, service) {
		return "", false
	}
	a.partition, a.region, a.account = p.partition, p.region, p.account
	return p.resource, true
}

// slash returns the index of the first '/' in s, or -1.
func slash(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

// nameEnd returns the length of the leading run of ARN-name characters
// [a-z0-9-_] in s.
func nameEnd(s string) int {
	for i := 0; i < len(s); i++ {
		if !isNameByte(s[i]) {
			return i
		}
	}
	return len(s)
}

// nameBytes is the character class [a-z0-9-_] of ARN names as a lookup
// table. It is never written.
var nameBytes = [256]bool{
	'-': true, '_': true,
	'0': true, '1': true, '2': true, '3': true, '4': true, '5': true, '6': true, '7': true, '8': true, '9': true,
	'a': true, 'b': true, 'c': true, 'd': true, 'e': true, 'f': true, 'g': true, 'h': true, 'i': true, 'j': true, 'k': true, 'l': true, 'm': true,
	'n': true, 'o': true, 'p': true, 'q': true, 'r': true, 's': true, 't': true, 'u': true, 'v': true, 'w': true, 'x': true, 'y': true, 'z': true,
}

// isNameByte reports whether b is in [a-z0-9-_].
func isNameByte(b byte) bool { return nameBytes[b] }

// typeVersion applies decision AS-4: the version forms of each type.
func (c *checker) typeVersion(typ ResourceType, bit typeSet, a *ibParts) {
	allowed := bitForms(bit)
	if allowed&a.form != 0 {
		if a.form == formNone && allowed != formNone {
			c.decide(ruleTypeVersion, false) // a name ARN: accepted, flagged
		}
		return
	}
	if !c.decide(ruleTypeVersion, c.parse && !c.o.generic) {
		return
	}
	switch {
	case allowed == formNone:
		c.reject(ruleTypeVersion, partVersion, ErrInvalid, a.arn.vtext,
			"expected no version: "+article(string(typ))+" ARN takes no version")
	case a.form == formWildcardBuild:
		c.reject(ruleTypeVersion, partBuild, ErrInvalid, a.v.Build,
			"expected no build after a wildcard version")
	default:
		c.reject(ruleTypeVersion, partBuild, ErrInvalid, a.v.Build,
			"expected no build: "+article(string(typ))+" ARN has no build number")
	}
}

// owner checks the account section. Narrow shapes accept 12 digits or
// "aws"; wide shapes also accept aws(-[a-z-]+)? and, by AS-2, "third-party".
func (c *checker) owner(wide bool, acct string) bool {
	if acct == "aws" || isAccountID(acct) {
		return true
	}
	if !wide {
		c.bad(rulePattern, partAccount, ErrInvalid, acct, `expected a 12-digit account ID or "aws"`)
		return false
	}
	switch {
	case acct == "third-party":
		if c.decide(ruleThirdParty, c.o.modelOwners) {
			c.reject(ruleThirdParty, partAccount, ErrInvalid, acct,
				`expected a 12-digit account ID or an owner "aws" or "aws-..." (reading AS-2 rejects third-party)`)
		}
		return true
	case isAWSDashOwner(acct):
		if acct != "aws-marketplace" && c.decide(ruleKnownOwner, c.o.knownOwners) {
			c.reject(ruleKnownOwner, partAccount, ErrInvalid, acct,
				`expected a 12-digit account ID, "aws", "aws-marketplace" or "third-party" (reading AS-3 rejects other aws- owners)`)
		}
		return true
	}
	c.bad(rulePattern, partAccount, ErrInvalid, acct,
		`expected a 12-digit account ID, "aws", "aws-" followed by lower-case letters or '-', or "third-party"`)
	return false
}

// isAWSDashOwner reports whether s matches aws-[a-z-]+.
func isAWSDashOwner(s string) bool {
	if len(s) < 5 || s[:4] != "aws-" {
		return false
	}
	for i := 4; i < len(s); i++ {
		if b := s[i]; (b < 'a' || b > 'z') && b != '-' {
			return false
		}
	}
	return true
}

// isARNName reports whether s matches [a-z0-9-_]+.
func isARNName(s string) bool {
	return s != "" && nameEnd(s) == len(s)
}

// typesReason describes the accepted resource types of a shape.
func typesReason(t typeSet) string {
	switch t {
	case tImageRecipe:
		return `expected "image-recipe"`
	case tContainerRecipe:
		return `expected "container-recipe"`
	case tInfrastructure:
		return `expected "infrastructure-configuration"`
	case tDistribution:
		return `expected "distribution-configuration"`
	case tComponent:
		return `expected "component"`
	case tImage:
		return `expected "image"`
	case tPipeline:
		return `expected "image-pipeline"`
	case tLifecycle:
		return `expected "lifecycle-policy"`
	case tWorkflow:
		return `expected "workflow"`
	}
	return "expected one of image-recipe, container-recipe, infrastructure-configuration, " +
		"distribution-configuration, component, image, image-pipeline, lifecycle-policy, workflow"
}

// formsReason describes the accepted version forms of a shape.
func formsReason(sp *spec) string {
	const vwb = formVersion | formWildcard | formBuild
	switch {
	case sp.allX:
		return "expected the version x.x.x"
	case sp.generic:
		return "expected an optional version major.minor.patch (each node a number or x), optionally followed by /build"
	case sp.forms == formBuild:
		return "expected a build version major.minor.patch/build, such as 1.2.3/4"
	case sp.forms == formVersion:
		return "expected a version major.minor.patch without wildcards or build, such as 1.2.3"
	case sp.forms == formVersion|formWildcard:
		return "expected a version major.minor.patch whose nodes are numbers or x, without build, such as 1.2.3 or 1.2.x"
	case sp.forms == vwb:
		return "expected a version such as 1.2.3, a wildcard version such as 1.2.x, or a build version such as 1.2.3/4"
	}
	return "expected no version"
}

// article prefixes a resource type with "a" or "an".
func article(s string) string {
	if s != "" && strings.IndexByte("aeiou", s[0]) >= 0 {
		return "an " + s
	}
	return "a " + s
}
