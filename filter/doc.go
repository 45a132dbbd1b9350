// Package filter validates and evaluates the filters of EC2 Image Builder
// List operations offline, the way the service applies them, without an
// AWS SDK.
//
// # Model
//
// A List request carries up to ten filters; each Filter is a name and one
// to ten values. Thirteen operations take filters (see Operations); each
// accepts its own case-sensitive set of names, and each name reads one
// field of the items in the operation's result list (see Lookup):
//
//	ListImages  name, osVersion, platform, type, version  → imageVersionList
//	ListComponents  … supportedOsVersion → the list supportedOsVersions[]
//	ListImageScanFindings  vulnerabilityId → packageVulnerabilityDetails.vulnerabilityId
//
// Validation (Validate, Options.Validate) follows the service model's
// shapes: names are 1–1024 ASCII letters, values 1–1024 bytes of
// [0-9A-Za-z./_ :-] plus , { } " in the 2026 model, ListImageScanFindings
// takes exactly one filter with one value, and so on. Violations are
// *ValidationError values naming the operation, the filter's index, the
// offending name or value and the names the operation accepts; each wraps
// a sentinel such as ErrUnknownName for errors.Is.
//
// Evaluation (Compile, Matcher) keeps an item when every filter holds
// (AND) and a filter holds when the item's field equals one of its values
// (OR). Equality is byte-wise and case-sensitive, with no prefix,
// substring or wildcard matching: "Linux" does not match "linux" and
// "app" does not match "app-install". A list-valued field matches when one
// element does; an absent field matches nothing. On the build-level lists
// (ListImageBuildVersions, ListImagePipelineImages) a version filter
// compares only the "x.y.z" part of the item's version, so "1.0.4" selects
// every build of 1.0.4 and "1.0.4/3" selects nothing.
//
// A Query may carry a Scope with the other selection parameters: owner
// (default Self; an item's category comes from the caller or from the
// owner node of its ARN), byName (one item per name, the highest version)
// and includeDeprecated (ListImages hides deprecated images by default).
// Leave Scope nil when the items already are a List response.
//
// Items are either typed values (ImageVersion, ComponentVersion, ...,
// evaluated with Matcher.Match and Apply) or the JSON documents the AWS
// CLI prints (Matcher.FilterJSON, FilterResponse), whose other members
// and unknown item members are kept byte for byte. Results are ordered by
// name, then version from highest, then ARN, unless Options.InputOrder.
//
// # How this differs from the documentation
//
// The service documents little beyond names and limits. Where it is
// silent, ibkit decides, and each choice is a Decision ("F-1" … "F-10",
// "F-P1" … "F-P8") with a field of Options selecting the other reading.
// Every result that depends on a decision lists its ID (Result.Decisions,
// Matcher.Decisions, ValidationError.Decision). The most visible ones:
// version values containing "x" are literal text (F-4), ListWorkflows
// accepts name, version and type although the model lists no names (F-9),
// and byName with a version filter on ListImages is an error (F-6).
//
// # Filter text
//
// ParseFilters reads what a user passes as --filters: JSON
// ([{"name":"platform","values":["Linux"]}]) or AWS CLI shorthand
// (name=platform,values=Linux,Windows), several shorthand filters
// separated by whitespace. FormatShorthand writes the shorthand back.
package filter
