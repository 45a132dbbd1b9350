// Package iac reads EC2 Image Builder lifecycle policies from the files
// people deploy them with, so that a policy can be dry-run before it
// exists: CloudFormation templates in JSON or YAML, the templates the AWS
// CDK synthesizes, Terraform plans and state ("terraform show -json"), and
// the API's own JSON. Each policy becomes a lifecycle.Document that
// lifecycle.DryRun and lifecycle.Forecast take as they are.
//
// Read detects the kind of source from its content and returns every
// policy in it; Source.Select picks one by logical ID or Terraform address.
// Template values (Ref, Fn::Sub, Fn::If, Fn::FindInMap and the other
// intrinsics that need no deployment) are resolved offline from the
// template and Options.Parameters. What only a deployment knows is not
// guessed: Policy.Validate reports it as an "unresolved" finding that names
// the --parameter KEY=VALUE supplying it.
//
// Unlike lifecycle.Document.Validate, Policy.Validate names each member in
// the source's own terms, with its line and column:
// "Resources.Golden.Properties.PolicyDetails[1].Filter.Unit" for a template,
// "aws_imagebuilder_lifecycle_policy.golden: policy_detail[1].filter[0].unit"
// for Terraform (whose nested blocks are lists of one object),
// "policyDetails[1].filter.unit" for API JSON.
//
// Policy.Region and Policy.AccountID give the scope the dry-run needs
// (Decision L-26): the caller's for a template; for Terraform the
// resource's region argument, else its provider's, else the caller's.
//
// JSON is read through the module's JSON layer; YAML is parsed with
// go.yaml.in/yaml/v4, which only this package imports.
package iac
