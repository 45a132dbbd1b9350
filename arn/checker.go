package arn

import (
	"strings"

	"github.com/ibkit/ibkit/internal/decision"
)

// checker runs the rules of one shape over one string. It records the first
// failure and the decisions met on the way. Model failures (pattern,
// length) end the check; failures of decision rules are recorded and the
// check goes on, so that a later model failure takes precedence: a text
// that fails the model pattern fails under every reading.
type checker struct {
	o        reading      // the readings
	parse    bool         // checking for Parse: prose rules always on, AS-4 enforced
	report   bool         // the caller reports flags (Check, ARN.Decisions)
	hard     bool         // fail is a model failure
	fail     failure      // first failure; rule == ruleNone when none
	flags    decision.Set // decisions whose condition held (only when report)
	rejected decision.Set // decisions whose rules rejected the text
}

// failure is the unexported form of an Error.
type failure struct {
	rule   rule
	part   part
	err    error
	found  string
	reason string
}

// bad records a model failure. The caller stops checking.
func (c *checker) bad(r rule, p part, err error, found, reason string) {
	c.fail = failure{r, p, err, found, reason}
	c.hard = true
}

// decide notes that the condition of the decision behind r held, and
// reports whether the rule rejects the text (reject is true) and is the
// first failure, in which case the caller records it with reject.
func (c *checker) decide(r rule, reject bool) bool {
	if c.report {
		c.flags = c.flags.With(r.decision())
	}
	if !reject {
		return false
	}
	c.rejected = c.rejected.With(r.decision())
	return c.fail.rule == ruleNone
}

// reject records the failure of a decision rule after decide returned true.
func (c *checker) reject(r rule, p part, err error, found, reason string) {
	c.fail = failure{r, p, err, found, reason}
}

// linting reports whether the AS-5 check must run: its result is needed
// when it can reject or when the caller reports flags.
func (c *checker) linting() bool { return c.o.strictRegions || c.report }

// regexOnly reports whether the prose rules of AS-1 are off.
func (c *checker) regexOnly() bool { return c.o.regexOnly && !c.parse }

// err builds the *Error for the recorded failure.
func (c *checker) err(shape, s string) error {
	return &Error{
		Input:  s,
		Shape:  shape,
		Part:   c.fail.part.String(),
		Rule:   c.fail.rule.String(),
		Found:  c.fail.found,
		Reason: c.fail.reason,
		Err:    c.fail.err,
	}
}

// run checks s against shape.
func (c *checker) run(shape, s string) {
	sp := specFor(shape)
	switch sp.class {
	case 0:
		c.bad(ruleShape, partInput, ErrUnknown, shape, "expected a shape name listed by Shapes")
	case classIB:
		var a ibParts
		c.imageBuilder(&sp, s, &a)
	case classRole:
		c.role(&sp, s)
	case classSNS:
		c.snsTopic(s)
	case classLicense:
		c.licenseConfiguration(s)
	case classOrg:
		c.organization(s)
	case classOU:
		c.organizationalUnit(s)
	default:
		c.identifier(&sp, s)
	}
}

// sections are the six ':'-separated sections of an ARN.
type sections struct {
	partition, service, region, account, resource string
}

// split splits an ARN into its sections the way the AWS SDKs do: the text
// starts with "arn:", the first five sections end at the first five ':' and
// the resource keeps any further ':'. It checks nothing else.
func (c *checker) split(s string) (p sections, ok bool) {
	if len(s) < 4 || s[:4] != "arn:" {
		c.bad(rulePattern, partPrefix, ErrSyntax, s[:min(len(s), 4)], `expected the text to start with "arn:"`)
		return p, false
	}
	var cut [4]int // index of each ':' after "arn:"
	n := 0
	for i := 4; i < len(s) && n < len(cut); i++ {
		if s[i] == ':' {
			cut[n] = i
			n++
		}
	}
	if n < len(cut) {
		field, start := partPartition+part(n), 4
		if n > 0 {
			start = cut[n-1] + 1
		}
		c.bad(rulePattern, field, ErrSyntax, s[start:],
			"expected ':' after the "+field.String()+" (an ARN has six ':'-separated sections)")
		return p, false
	}
	return sections{s[4:cut[0]], s[cut[0]+1 : cut[1]], s[cut[1]+1 : cut[2]], s[cut[2]+1 : cut[3]], s[cut[3]+1:]}, true
}

// colon returns the index of the first ':' in s at or after i, or -1. A
// byte loop beats strings.IndexByte on sections this short.
func colon(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] == ':' {
			return i
		}
	}
	return -1
}

// service checks the service section.
func (c *checker) service(got, want string) bool {
	if got != want {
		c.bad(rulePattern, partService, ErrInvalid, got, `expected "`+want+`"`)
		return false
	}
	return true
}

// loosePartition checks the partition of patterns written arn:aws[^:]*:
// any text without ':' that starts with "aws".
func (c *checker) loosePartition(p string) bool {
	if !strings.HasPrefix(p, "aws") {
		c.bad(rulePattern, partPartition, ErrSyntax, p, `expected a partition starting with "aws"`)
		return false
	}
	return true
}

// strictPartition checks the partition of patterns written
// arn:aws(?:-[a-z]+)*: "aws" and any number of "-" + lower-case letters.
func (c *checker) strictPartition(p string) bool {
	if !isStrictPartition(p) {
		c.bad(rulePattern, partPartition, ErrSyntax, p,
			`expected "aws" followed by zero or more groups of '-' and lower-case letters, such as aws-us-gov`)
		return false
	}
	return true
}

func isStrictPartition(p string) bool {
	if !strings.HasPrefix(p, "aws") {
		return false
	}
	for rest := p[3:]; rest != ""; {
		if rest[0] != '-' {
			return false
		}
		n := lowerRun(rest[1:])
		if n == 0 {
			return false
		}
		rest = rest[1+n:]
	}
	return true
}

// isStrictRegion reports whether r matches [a-z]{2,}(?:-[a-z]+)+-[0-9]+.
func isStrictRegion(r string) bool {
	n := lowerRun(r)
	if n < 2 {
		return false
	}
	r = r[n:]
	groups := 0
	for {
		if r == "" || r[0] != '-' {
			return false
		}
		r = r[1:]
		if n = lowerRun(r); n > 0 {
			r = r[n:]
			groups++
			continue
		}
		return groups > 0 && r != "" && digitRun(r) == len(r)
	}
}

// lint applies the AS-5 realism check to a partition and region (region
// "" means the ARN has no region, as IAM and Organizations ARNs).
func (c *checker) lint(partition, region string) {
	if !c.linting() {
		return
	}
	field, ok := lintField(partition, region)
	if ok {
		return
	}
	if c.decide(ruleRealism, c.o.strictRegions) {
		if field == partPartition {
			c.reject(ruleRealism, field, ErrInvalid, partition, "expected one of the partitions listed by Partitions (reading AS-5)")
		} else {
			c.reject(ruleRealism, field, ErrInvalid, region, "expected a region of partition "+partition+" (reading AS-5)")
		}
	}
}

// isAccountID reports whether s is exactly 12 ASCII digits.
func isAccountID(s string) bool {
	return len(s) == 12 && digitRun(s) == 12
}

// lowerRun returns the length of the leading run of a-z in s.
func lowerRun(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return i
		}
	}
	return len(s)
}

// digitRun returns the length of the leading run of 0-9 in s.
func digitRun(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return i
		}
	}
	return len(s)
}

// lowerDigitRun returns the length of the leading run of a-z and 0-9 in s.
func lowerDigitRun(s string) int {
	for i := 0; i < len(s); i++ {
		if b := s[i]; (b < 'a' || b > 'z') && (b < '0' || b > '9') {
			return i
		}
	}
	return len(s)
}
