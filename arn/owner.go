package arn

import "strconv"

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
	case account == "aws":
		return OwnerAWS
	case account == "aws-marketplace":
		return OwnerMarketplace
	case account == "third-party":
		return OwnerThirdParty
	case isAWSDashOwner(account):
		return OwnerOtherAWS
	}
	return OwnerInvalid
}

// Owner classifies a's account field.
func (a ARN) Owner() Owner { return OwnerOf(a.account) }

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
