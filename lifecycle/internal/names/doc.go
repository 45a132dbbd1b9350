// Package names checks and converts the textual forms the lifecycle
// packages share: ARNs and account IDs (through package arn), EC2 IDs and
// Region names, the ARN form of a recipe name, and the ordering of JSON
// paths in findings.
package names
