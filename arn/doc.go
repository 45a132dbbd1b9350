// Package arn parses and validates the ARNs and identifiers that EC2 Image
// Builder's API accepts, with the rules of the service model and the
// documented rules its patterns leave out, all hand-written (no regular
// expressions).
//
// An Image Builder ARN has six ':'-separated sections and a '/'-separated
// resource part:
//
//	arn:<partition>:imagebuilder:<region>:<owner>:<type>/<name>[/<version>[/<build>]]
//	arn:<partition>:imagebuilder:<region>:<owner>:workflow/<stage>/<name>[/<version>[/<build>]]
//
// with a name of [a-z0-9-_], a version of three nodes (numbers or x) and a
// build number. Parse reads one into an ARN value; New, NewWorkflow and the
// With methods build one. Validate checks a string against a string shape
// of the service model by its name ("ImageBuildVersionArn", "AccountId",
// ...; see Shapes), which fixes the types, owners and version forms.
//
// Unlike the SDKs' ARN splitters, the package applies the service's rules
// to every section. Unlike Semantic Versioning, a version has exactly three
// numeric nodes, each at most 1073741823, without pre-release or
// metadata; x may stand for trailing nodes (1.2.x, x.x.x); images,
// components and workflows add a build after '/'.
//
// Where the documentation leaves a rule open, the functions follow ibkit's
// default reading, named by a decision ID (AS-1 to AS-10; see the README's
// decisions table). Options.Readings selects the other reading, and
// Options.Check reports the decisions a verdict depended on. Errors are
// *Error values wrapping ErrSyntax, ErrInvalid or ErrUnknown.
package arn
