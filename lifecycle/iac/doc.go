// Package iac reads EC2 Image Builder lifecycle policies from the files
// people deploy them with, so that a policy can be dry-run before it
// exists: CloudFormation templates, the templates the AWS CDK synthesizes,
// and Terraform plans and state. Each policy becomes a lifecycle.Document
// that plan.DryRun and plan.Forecast take as they are.
//
// # Accepted sources
//
// Read detects the kind of source from its content (see Kind):
//
//   - A CloudFormation template in JSON or YAML. Every resource of type
//     AWS::ImageBuilder::LifecyclePolicy is a policy, named by its logical
//     ID; its PascalCase properties (PolicyDetails[].Filter.RetainAtLeast,
//     ExclusionRules.Amis.LastLaunched, ResourceSelection.Recipes[].SemanticVersion,
//     ...) map to the API's camelCase members. YAML's short-form tags (!Ref,
//     !Sub, !GetAtt, !If, !Join, !Select, !Split, !FindInMap, !Equals, !Not,
//     !And, !Or, !Condition, !ImportValue, !Base64, ...) are read as their
//     long forms. Any YAML document is read as a template, as
//     CloudFormation reads it: unquoted yes, no, on, off, y and n are
//     booleans (YAML 1.1), and anchors, aliases and merge keys are errors.
//   - A CDK app's output ("cdk synth", cdk.out/STACK.template.json): a
//     CloudFormation JSON template. The CDK's metadata resource, bootstrap
//     parameter, rules and conditions, and every resource of another type,
//     are ignored.
//   - "terraform show -json tfplan" for a saved plan: each
//     aws_imagebuilder_lifecycle_policy of resource_changes, with its
//     planned value (change.after); a resource the plan deletes is left out.
//     The address (module path included) names the policy.
//   - "terraform show -json" for the state: each such resource of the root
//     module and of its child modules, at any depth.
//   - API JSON: any other JSON object is read by lifecycle.DecodePolicy
//     (the bare policy, a GetLifecyclePolicy response, a Create or Update
//     input), so one entry point serves every --policy file.
//
// Terraform's nested blocks are lists of objects: policy_detail[] holds
// action[] with include_resources[], filter[] and exclusion_rules[] with
// amis[] and its last_launched[]; resource_selection[] holds recipe[] and
// tag_map.
//
// # Resolving values offline
//
// Template values are resolved where the template and the caller tell
// them: Ref to a parameter (the value given in Options.Parameters, else
// its Default), to the pseudo parameters AWS::Region, AWS::AccountId,
// AWS::Partition, AWS::URLSuffix, AWS::StackName (given by the caller; the
// partition and URL suffix follow from the Region when not given) and to
// AWS::NoValue; Fn::Sub in both forms, Fn::Join, Fn::Select, Fn::Split,
// Fn::FindInMap (with its default value), Fn::Base64, and Fn::If on a
// condition that Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition decide.
// A resource whose Condition is false is not part of the source.
//
// What cannot be known before deployment (Fn::GetAtt, Fn::ImportValue, Ref
// to a resource, an SSM parameter type, a parameter without Default, a
// Terraform value known only after apply), and what ibkit does not
// evaluate (Fn::GetAZs, Fn::Cidr, the language extensions), is reported by a finding of code
// CodeUnresolved that gives the expression, the reason and the
// --parameter KEY=VALUE that supplies it (see Options.Parameters for the
// keys). Where the dry-run does not need the value (the name, the
// description, the execution role, the policy's tags) the finding is a
// warning and the value is replaced by Placeholder or left out; anywhere
// else (the resource type, the status, an action, a filter, an exclusion
// rule, a recipe, a selection tag) it is an error.
//
// # Findings
//
// Policy.Validate returns the findings of reading the policy together with
// those of lifecycle.Document.Validate, each naming the member in the
// source's own terms, with its line and column:
// "Resources.Golden.Properties.PolicyDetails[1].Filter.Unit" for a template,
// "aws_imagebuilder_lifecycle_policy.golden: policy_detail[1].filter[0].unit"
// for Terraform, "policyDetails[1].filter.unit" for API JSON.
//
// # Region and account
//
// The policy's Region and account decide which images are in its scope
// (Decision L-26). For a template they are the caller's AWS::Region and
// AWS::AccountId. For Terraform the Region is the resource's region
// argument, else the region its provider configuration sets as a constant
// (a plan only), else the caller's; in state the policy's ARN gives both.
// Policy.Region and Policy.AccountID hold them, "" when unknown.
//
// # Dependencies
//
// YAML is parsed with go.yaml.in/yaml/v4, the YAML organization's
// maintained go-yaml, whose errors carry the line and column; only this
// package imports it.
package iac
