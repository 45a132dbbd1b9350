// Package filter validates and evaluates the filters of EC2 Image Builder
// List operations offline, the way the service applies them, without an
// AWS SDK.
//
// A List request carries up to ten filters, each a name and one to ten
// values. Thirteen operations take filters (Operations); each accepts its
// own case-sensitive names, and each name reads one member of the items in
// the operation's result list, named as in AWS's JSON (Lookup):
//
//	ListImages      name, osVersion, platform, type, version → imageVersionList
//	ListComponents  supportedOsVersion → the list supportedOsVersions[]
//
// Validate checks a Query against the service model's limits and
// character sets; Compile turns it into a Matcher. A Matcher keeps an
// item when every filter holds (AND) and a filter holds when the item's
// member equals one of its values (OR), byte-wise and case-sensitively,
// with no prefix, substring or wildcard matching. It reads items through
// the caller's accessor (Match, Apply) or as the JSON the AWS CLI prints,
// streamed (FilterJSON) or in memory (FilterResponse), which it passes
// through byte for byte.
// ParseFilters reads --filters text: JSON or AWS CLI shorthand.
//
// Where the documentation is silent, ibkit decides; each choice is a
// Decision ("F-1" … "F-10", "F-P1" … "F-P8", see the README), results and
// errors list the ones they depend on, and Query.Readings selects the
// other reading of those a caller can choose (OSVersionPrefix, Model2024,
// ...). Differences from a naive reading: "x" in a version value is
// literal text (F-4); on build-level lists a version value compares the
// "x.y.z" part only (F-3); byName with a version filter on ListImages is
// an error (F-6).
package filter
