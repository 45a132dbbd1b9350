package arn

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// identifier checks the shapes that are not ARNs.
func (c *checker) identifier(sp *spec, s string) {
	switch sp.class {
	case classAccountID:
		if !isAccountID(s) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected exactly 12 digits")
		}
	case classLaunchTemplate:
		if len(s) != 20 || !strings.HasPrefix(s, "lt-") || !isARNName(s[3:]) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected lt- followed by 17 lower-case letters, digits, '-' or '_'")
		}
	case classExecutionID:
		if !strings.HasPrefix(s, sp.prefix) || !isUUID(s[len(sp.prefix):]) {
			c.bad(rulePattern, partInput, ErrSyntax, s,
				"expected "+sp.prefix+" followed by a UUID of hexadecimal digits grouped 8-4-4-4-12")
		}
	case classSSMParameter:
		if c.length(sp, len(s), s) && !allBytes(s, isSSMByte) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected letters, digits and _.-/ only")
		}
	case classInstanceProfile:
		if c.length(sp, len(s), s) && !allBytes(s, isProfileByte) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected letters, digits and _+=,.@- only")
		}
	case classS3Location:
		if c.length(sp, utf8.RuneCountInString(s), s) && !isS3Location(s) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected s3://bucket/key with a key not ending in '/'")
		}
	case classResourceName:
		if !isResourceName(s) {
			c.bad(rulePattern, partInput, ErrSyntax, s,
				"expected 3 to 128 letters, digits, '-', '_' or spaces, not starting or ending with a space")
		}
	case classProductCode:
		if len(s) < 1 || len(s) > 25 || !allBytes(s, isAlnum) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected 1 to 25 letters or digits")
		}
	case classLogGroup:
		if c.length(sp, len(s), s) && !allBytes(s, isLogGroupByte) {
			c.bad(rulePattern, partInput, ErrSyntax, s, "expected letters, digits and -_/. only")
		}
	case classVersion, classWildcardVersion:
		c.semanticVersion(sp.class == classWildcardVersion, s)
	}
}

// length checks the model's length limits, n being the length of s in
// characters.
func (c *checker) length(sp *spec, n int, s string) bool {
	if n < sp.min || sp.max > 0 && n > sp.max {
		c.bad(ruleLength, partInput, ErrInvalid, s,
			"expected "+strconv.Itoa(sp.min)+" to "+strconv.Itoa(sp.max)+" characters, found "+strconv.Itoa(n))
		return false
	}
	return true
}

// semanticVersion checks VersionNumber and WildcardVersionNumber.
func (c *checker) semanticVersion(wildcard bool, s string) {
	var v vscan
	_, ok := scanVersion(s, &v)
	switch {
	case !ok || v.HasBuild:
		if wildcard {
			c.bad(rulePattern, partVersion, ErrSyntax, s, "expected major.minor.patch, each node a number or x, such as 1.2.x")
		} else {
			c.bad(rulePattern, partVersion, ErrSyntax, s, "expected major.minor.patch, such as 1.2.3")
		}
		return
	case v.Wildcards != 0 && !wildcard:
		c.bad(rulePattern, partVersion, ErrInvalid, s, "expected numbers only: this shape takes no wildcard")
		return
	}
	if v.unusual() {
		c.proseRules(&v)
	}
}

// isUUID reports whether s is 8-4-4-4-12 hexadecimal digits of either case.
func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !isHex(s[i]) {
				return false
			}
		}
	}
	return true
}

func isHex(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F'
}

// isS3Location reports whether s matches ^s3://[^/]+/.+[^/]$ under Go
// semantics: '.' is any character except '\n', '[^/]' includes '\n', and
// invalid UTF-8 bytes count as one character each.
func isS3Location(s string) bool {
	if !strings.HasPrefix(s, "s3://") {
		return false
	}
	s = s[len("s3://"):]
	i := strings.IndexByte(s, '/')
	if i <= 0 {
		return false
	}
	key := s[i+1:]
	// The key needs at least two characters; all but the last are not
	// '\n' and the last is not '/'.
	r, size := utf8.DecodeLastRuneInString(key)
	if size == 0 || r == '/' {
		return false
	}
	body := key[:len(key)-size]
	return body != "" && strings.IndexByte(body, '\n') < 0
}

// isResourceName reports whether s matches
// [-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9].
func isResourceName(s string) bool {
	if len(s) < 3 || len(s) > 128 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if b := s[i]; !isAlnum(b) && b != '-' && b != '_' && b != ' ' {
			return false
		}
	}
	return true
}

func allBytes(s string, ok func(byte) bool) bool {
	for i := 0; i < len(s); i++ {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isSSMByte(b byte) bool { return isAlnum(b) || b == '_' || b == '.' || b == '-' || b == '/' }

func isProfileByte(b byte) bool { return isAlnum(b) || strings.IndexByte("_+=,.@-", b) >= 0 }

func isLogGroupByte(b byte) bool { return isAlnum(b) || b == '-' || b == '_' || b == '/' || b == '.' }
