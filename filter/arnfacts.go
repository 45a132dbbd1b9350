package filter

import (
	"strconv"

	"github.com/ibkit/ibkit/arn"
)

// This file holds everything the package reads from ARNs; all of it goes
// through package arn.

// ownershipFromARN derives an item's owner category from the owner node
// of its ARN, relative to the caller's account (F-P5).
func ownershipFromARN(s, account string) (string, error) {
	if s == "" {
		return "", &itemProblem{reason: "the item has neither an ownership category nor an ARN to derive it from", decision: decOwnership}
	}
	a, err := arn.Parse(s)
	if err != nil {
		return "", &itemProblem{reason: "cannot derive the ownership category from ARN " + strconv.Quote(s) + ": " + err.Error(), decision: decOwnership}
	}
	return ownerCategory(a.Account(), account)
}

// arnVersion returns the version part of an ARN as written ("1.2.0",
// "x.x.x"), or "" when it has none or does not parse. Recipe summaries
// carry their version only there.
func arnVersion(s string) string {
	if s == "" {
		return ""
	}
	a, err := arn.Parse(s)
	if err != nil {
		return ""
	}
	return a.VersionText()
}

// wildcardARN returns s with its version part replaced by x.x.x, or s
// unchanged when it has no version or does not parse (F-P1 reading).
func wildcardARN(s string) string {
	a, err := arn.Parse(s)
	if err != nil || a.VersionKind() == arn.KindNone {
		return s
	}
	w, err := a.WildcardARN(0)
	if err != nil {
		return s
	}
	return w.String()
}
