package arn

import "strconv"

// Owner values of the account field of Image Builder ARNs other than
// 12-digit account IDs.
const (
	// AWSManaged owns the resources Amazon manages: managed images,
	// components and workflows.
	AWSManaged = "aws"
	// AWSMarketplace owns components sold through AWS Marketplace.
	AWSMarketplace = "aws-marketplace"
	// ThirdParty owns third-party components a subscription gives access
	// to. The model patterns do not list it; ibkit accepts it where it
	// accepts AWSMarketplace (decision AS-2).
	ThirdParty = "third-party"
)

// Owner classifies the account field of an ARN.
type Owner uint8

// The owner classes.
const (
	// OwnerInvalid: no Image Builder shape accepts the value.
	OwnerInvalid Owner = iota
	// OwnerAccount: a 12-digit AWS account ID.
	OwnerAccount
	// OwnerAWS: "aws", resources managed by Amazon.
	OwnerAWS
	// OwnerMarketplace: "aws-marketplace".
	OwnerMarketplace
	// OwnerThirdParty: "third-party" (decision AS-2).
	OwnerThirdParty
	// OwnerOtherAWS: another value the model's aws(-[a-z-]+)? alternation
	// admits, such as "aws-foo" (decision AS-3).
	OwnerOtherAWS
)

// OwnerOf classifies an account field value.
func OwnerOf(account string) Owner {
	switch {
	case isAccountID(account):
		return OwnerAccount
	case account == AWSManaged:
		return OwnerAWS
	case account == AWSMarketplace:
		return OwnerMarketplace
	case account == ThirdParty:
		return OwnerThirdParty
	case isAWSDashOwner(account):
		return OwnerOtherAWS
	}
	return OwnerInvalid
}

// Owner classifies a's account field.
func (a ARN) Owner() Owner { return OwnerOf(a.Account) }

// String returns the class name: "invalid", "account", "aws",
// "aws-marketplace", "third-party" or "other-aws".
func (o Owner) String() string {
	switch o {
	case OwnerInvalid:
		return "invalid"
	case OwnerAccount:
		return "account"
	case OwnerAWS:
		return "aws"
	case OwnerMarketplace:
		return "aws-marketplace"
	case OwnerThirdParty:
		return "third-party"
	case OwnerOtherAWS:
		return "other-aws"
	}
	return "Owner(" + strconv.Itoa(int(o)) + ")"
}

// IsAccountID reports whether s is a 12-digit AWS account ID (the
// AccountId shape). "aws" and the other owners are not account IDs.
func IsAccountID(s string) bool { return isAccountID(s) }
