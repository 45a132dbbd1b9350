package lifecycle

// This file holds every use of package arn: the ARN and identifier rules
// of the policy, request and inventory checks.

import (
	"errors"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
)

func checkRole(s string) error { return arn.Validate(arn.RoleNameOrArn, s) }

func checkAccountID(s string) error { return arn.Validate(arn.AccountId, s) }

func checkLifecyclePolicyARN(s string) error { return arn.Validate(arn.LifecyclePolicyArn, s) }

func checkImageBuildVersionARN(s string) error { return arn.Validate(arn.ImageBuildVersionArn, s) }

// imageARN is what an image build version ARN says about its image.
type imageARN struct {
	Region, Account, Name string
	Version               semver.BuildVersion
}

var errNotImageBuild = errors.New("not an image build version ARN")

// parseImageARN reads an image build version ARN.
func parseImageARN(s string) (imageARN, error) {
	a, err := arn.Parse(s)
	if err != nil {
		return imageARN{}, err
	}
	bv, ok := a.BuildVersion()
	if a.Type != arn.Image || !ok {
		return imageARN{}, errNotImageBuild
	}
	return imageARN{Region: a.Region, Account: a.Account, Name: a.Name, Version: bv}, nil
}

// nameMatchesARN reports whether an image (recipe) name maps to the name
// segment of an ARN under Decision AS-9, the mapping of arn.ARNName: ASCII
// letters lower-cased, each space a hyphen, everything else kept. It
// compares byte by byte without allocating, and does not judge whether the
// name is a valid ResourceName. A test checks it against arn.ARNName.
func nameMatchesARN(name, arnName string) bool {
	if len(name) != len(arnName) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ':
			c = '-'
		}
		if c != arnName[i] {
			return false
		}
	}
	return true
}
