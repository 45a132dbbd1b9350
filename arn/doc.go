// Package arn parses and validates the ARNs and identifiers that EC2 Image
// Builder's API accepts, with the rules of the service model and the
// documented rules the model's patterns leave out.
//
// # Image Builder ARNs
//
// An Image Builder ARN has six ':'-separated sections and a '/'-separated
// resource part:
//
//	arn:<partition>:imagebuilder:<region>:<owner>:<type>/<name>[/<version>[/<build>]]
//	arn:<partition>:imagebuilder:<region>:<owner>:workflow/<stage>/<name>[/<version>[/<build>]]
//
//	type     image-recipe | container-recipe | infrastructure-configuration |
//	         distribution-configuration | component | image | image-pipeline |
//	         lifecycle-policy | workflow
//	stage    build | test | distribution
//	name     [a-z0-9-_]+
//	version  node "." node "." node, node = [0-9]+ | "x"
//	build    [0-9]+
//	owner    12 digits | aws | aws-[a-z-]+ | third-party (which ones depends on the shape)
//
// Each API field names a model shape (ImageRecipeArn, ComponentBuildVersionArn,
// ...) whose pattern fixes the resource type, the owners and the version forms
// it accepts; Validate checks a string against a shape by name. Two prefix
// dialects exist: most shapes accept any partition starting with "aws" and
// any non-empty region, while lifecycle-policy and workflow shapes require
// aws(-[a-z]+)* and a region such as us-east-1.
//
// Parse reads a generic Image Builder ARN into an ARN value whose String
// method gives back the input exactly. The version part is held with the
// semver package's types and has one of the forms of VersionKind.
//
// # Differences from plain ARNs and plain semantic versions
//
// Unlike the AWS SDKs' ARN parsers, which only split at ':', this package
// applies the service's rules to every section. Unlike Semantic Versioning
// 2.0, versions have exactly three numeric nodes without pre-release or
// metadata suffixes, each node is at most 1073741823, a node may be the
// wildcard x as long as every node to its right is x too (1.2.x, 1.x.x,
// x.x.x), and an image, component or workflow version may carry a fourth
// build node after '/'. Leading zeros are accepted and kept in the text.
//
// # Decisions
//
// Where the documentation leaves a rule open, ibkit picks a default reading
// and names it with a decision ID (AS-1, AS-2, ...). Options selects the
// other reading, and Options.Check reports which decisions affected a
// verdict. The defaults, used by Validate and Parse, are:
//
//   - AS-1: the model pattern anchored at both ends (no trailing newline),
//     plus the trailing-wildcard rule and the node limit.
//   - AS-2: owner third-party accepted wherever aws-marketplace is.
//   - AS-3: the owner alternation aws(-[a-z-]+)? kept as written.
//   - AS-4: Parse allows only the version forms of the resource type.
//   - AS-5: partition and region realism not checked (opt-in lint).
//   - AS-6: leading zeros in version nodes accepted.
//   - AS-9: ARNName keeps '_'.
//   - AS-10: build numbers are any 64-bit value, 0 included.
//
// # Other shapes
//
// Validate also knows the ARN shapes of other services that the API
// accepts (RoleNameOrArn, SnsTopicArn, LicenseConfigurationArn,
// OrganizationArn, OrganizationalUnitArn) and the patterned identifier
// shapes (AccountId, LaunchTemplateId, execution IDs, ResourceName,
// VersionNumber, ...).
//
// All checks are hand-written; the package does not use regular
// expressions.
package arn
