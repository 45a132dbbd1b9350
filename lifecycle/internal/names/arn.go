package names

// This file holds every use of package arn: the ARN and identifier rules
// of the policy, request and inventory checks.

import (
	"errors"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
)

func CheckRole(s string) error { return arn.Validate("RoleNameOrArn", s) }

// CheckAccountID checks an account ID. Twelve ASCII digits, what nearly
// every record holds, pass without the general shape lookup.
func CheckAccountID(s string) error {
	if len(s) == 12 && AllDigits(s) {
		return nil
	}
	return arn.Validate("AccountId", s)
}

func CheckLifecyclePolicyARN(s string) error { return arn.Validate("LifecyclePolicyArn", s) }

func CheckImageBuildVersionARN(s string) error { return arn.Validate("ImageBuildVersionArn", s) }

// ImageARN is what an image build version ARN says about its image.
type ImageARN struct {
	Region, Account, Name string
	Version               semver.BuildVersion
}

var ErrNotImageBuild = errors.New("not an image build version ARN")

// ParseImageARN reads an image build version ARN.
func ParseImageARN(s string) (ImageARN, error) {
	a, err := arn.Parse(s)
	if err != nil {
		return ImageARN{}, err
	}
	bv, ok := a.BuildVersion()
	if a.Type() != arn.Image || !ok {
		return ImageARN{}, ErrNotImageBuild
	}
	return ImageARN{Region: a.Region(), Account: a.Account(), Name: a.Name(), Version: bv}, nil
}

// The ARN form of a recipe or image name follows Decision AS-9, the
// mapping of arn.Name: ASCII letters lower-cased, each space a hyphen,
// everything else, the underscore included, kept. Unlike arn.Name, the
// helpers below do not judge whether the name is a valid ResourceName and
// do not allocate for names already in ARN form. A test checks them
// against arn.Name.

// arnNameByte maps one byte of a name to its ARN form.
func arnNameByte(c byte) byte {
	switch {
	case c >= 'A' && c <= 'Z':
		return c + 'a' - 'A'
	case c == ' ':
		return '-'
	}
	return c
}

// NameMatchesARN reports whether name maps to arnName.
func NameMatchesARN(name, arnName string) bool {
	if len(name) != len(arnName) {
		return false
	}
	for i := 0; i < len(name); i++ {
		if arnNameByte(name[i]) != arnName[i] {
			return false
		}
	}
	return true
}

// ARNName returns the ARN form of name.
func ARNName(name string) string {
	for i := 0; i < len(name); i++ {
		if arnNameByte(name[i]) != name[i] {
			b := []byte(name)
			for j := i; j < len(b); j++ {
				b[j] = arnNameByte(b[j])
			}
			return string(b)
		}
	}
	return name
}
