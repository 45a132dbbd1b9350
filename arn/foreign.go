package arn

import (
	"strconv"
	"strings"
)

// role checks RoleNameOrArn: a role name or path, or
// arn:aws(-[a-z]+)*:iam::<12 digits>:role/<name or path>.
func (c *checker) role(sp *spec, s string) {
	if len(s) < sp.min || len(s) > sp.max {
		c.bad(ruleLength, partInput, ErrInvalid, s, "expected 1 to 2048 characters, found "+strconv.Itoa(len(s)))
		return
	}
	if strings.IndexByte(s, ':') < 0 {
		if !isRoleName(s) {
			c.bad(rulePattern, partName, ErrSyntax, s, "expected a role name or path of letters, digits and _+=,.@-/, or an IAM role ARN")
		}
		return
	}
	p, ok := c.split(s)
	if !ok || !c.strictPartition(p.partition) || !c.service(p.service, "iam") {
		return
	}
	if p.region != "" {
		c.bad(rulePattern, partRegion, ErrSyntax, p.region, "expected an empty region: IAM ARNs have none")
		return
	}
	if !c.account12(p.account) {
		return
	}
	if !strings.HasPrefix(p.resource, "role/") {
		c.bad(rulePattern, partResourceType, ErrInvalid, resourceTypeOf(p.resource), `expected "role"`)
		return
	}
	if name := p.resource[len("role/"):]; !isRoleName(name) {
		c.bad(rulePattern, partName, ErrSyntax, name, "expected a role name or path of letters, digits and _+=,.@-/")
		return
	}
	c.lint(p.partition, "")
}

// snsTopic checks SnsTopicArn.
func (c *checker) snsTopic(s string) {
	p, ok := c.split(s)
	if !ok || !c.service(p.service, "sns") || !c.loosePartition(p.partition) || !c.nonEmptyRegion(p.region) ||
		!c.account12(p.account) {
		return
	}
	if n := len(p.resource); n < 1 || n > 256 || !isTopicName(p.resource) {
		c.bad(rulePattern, partName, ErrSyntax, p.resource, "expected a topic name of 1 to 256 letters, digits, '-' or '_'")
		return
	}
	c.lint(p.partition, p.region)
}

// licenseConfiguration checks LicenseConfigurationArn.
func (c *checker) licenseConfiguration(s string) {
	p, ok := c.split(s)
	if !ok || !c.service(p.service, "license-manager") || !c.loosePartition(p.partition) ||
		!c.nonEmptyRegion(p.region) || !c.account12(p.account) {
		return
	}
	const typ = "license-configuration:"
	if !strings.HasPrefix(p.resource, typ) {
		found := p.resource
		if i := strings.IndexAny(found, ":/"); i >= 0 {
			found = found[:i]
		}
		c.bad(rulePattern, partResourceType, ErrInvalid, found, `expected "license-configuration" followed by ':'`)
		return
	}
	id := p.resource[len(typ):]
	if len(id) != 36 || !strings.HasPrefix(id, "lic-") || !isARNName(id[4:]) {
		c.bad(rulePattern, partName, ErrSyntax, id, "expected lic- followed by 32 lower-case letters, digits, '-' or '_'")
		return
	}
	c.lint(p.partition, p.region)
}

// organization checks OrganizationArn.
func (c *checker) organization(s string) {
	p, ok := c.orgSections(s)
	if !ok {
		return
	}
	if !strings.HasPrefix(p.resource, "organization/") {
		c.bad(rulePattern, partResourceType, ErrInvalid, resourceTypeOf(p.resource), `expected "organization"`)
		return
	}
	id := p.resource[len("organization/"):]
	if n := orgID(id); n < 0 || n != len(id) {
		c.bad(rulePattern, partName, ErrSyntax, id, "expected o- followed by 10 to 32 lower-case letters or digits")
		return
	}
	c.lint(p.partition, "")
}

// organizationalUnit checks OrganizationalUnitArn. The model pattern has no
// '$'; by AS-1 ibkit anchors it, and RegexOnly accepts any trailing text
// after a match, as an unanchored regexp search from the start would.
func (c *checker) organizationalUnit(s string) {
	p, ok := c.orgSections(s)
	if !ok {
		return
	}
	if !strings.HasPrefix(p.resource, "ou/") {
		c.bad(rulePattern, partResourceType, ErrInvalid, resourceTypeOf(p.resource), `expected "ou"`)
		return
	}
	path := p.resource[len("ou/"):]
	const reason = "expected o- and 10 to 32 lower-case letters or digits, '/', then ou- and 4 to 32 " +
		"lower-case letters or digits, '-' and 8 to 32 lower-case letters or digits"
	n := orgID(path)
	if n < 0 || !strings.HasPrefix(path[n:], "/ou-") {
		c.bad(rulePattern, partName, ErrSyntax, path, reason)
		return
	}
	rest := path[n+len("/ou-"):]
	first := lowerDigitRun(rest)
	if first < 4 || first > 32 || first == len(rest) || rest[first] != '-' {
		c.bad(rulePattern, partName, ErrSyntax, path, reason)
		return
	}
	rest = rest[first+1:]
	second := lowerDigitRun(rest)
	if second < 8 {
		c.bad(rulePattern, partName, ErrSyntax, path, reason)
		return
	}
	if (second > 32 || second < len(rest)) && c.decide(ruleAnchored, !c.regexOnly()) {
		c.reject(ruleAnchored, partName, ErrSyntax, path, reason+", and nothing after it")
	}
	c.lint(p.partition, "")
}

// orgSections checks the sections shared by the two Organizations shapes:
// arn:aws[^:]*:organizations::<12 digits>:.
func (c *checker) orgSections(s string) (p sections, ok bool) {
	if p, ok = c.split(s); !ok || !c.loosePartition(p.partition) || !c.service(p.service, "organizations") {
		return p, false
	}
	if p.region != "" {
		c.bad(rulePattern, partRegion, ErrSyntax, p.region, "expected an empty region: Organizations ARNs have none")
		return p, false
	}
	return p, c.account12(p.account)
}

// orgID returns the length of the organization ID o-[a-z0-9]{10,32} at the
// start of s, or -1. The ID ends where the run of letters and digits ends.
func orgID(s string) int {
	if !strings.HasPrefix(s, "o-") {
		return -1
	}
	n := lowerDigitRun(s[2:])
	if n < 10 || n > 32 {
		return -1
	}
	return 2 + n
}

// nonEmptyRegion checks the region of patterns written [^:]+.
func (c *checker) nonEmptyRegion(r string) bool {
	if r == "" {
		c.bad(rulePattern, partRegion, ErrSyntax, "", "expected a non-empty region")
		return false
	}
	return true
}

// account12 checks an account section that must be a 12-digit account ID.
func (c *checker) account12(a string) bool {
	if !isAccountID(a) {
		c.bad(rulePattern, partAccount, ErrInvalid, a, "expected a 12-digit account ID")
		return false
	}
	return true
}

// resourceTypeOf returns the resource type part of a resource section.
func resourceTypeOf(res string) string {
	if i := strings.IndexAny(res, "/:"); i >= 0 {
		return res[:i]
	}
	return res
}

// isRoleName reports whether s matches [a-zA-Z_0-9+=,.@\-_/]+.
func isRoleName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && strings.IndexByte("_+=,.@-/", s[i]) < 0 {
			return false
		}
	}
	return true
}

// isTopicName reports whether s consists of [a-zA-Z0-9-_].
func isTopicName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlnum(s[i]) && s[i] != '-' && s[i] != '_' {
			return false
		}
	}
	return true
}

// isAlnum reports whether b is an ASCII letter or digit.
func isAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}
