// Package lifecycletest builds lifecycle policies and inventories for
// tests: small fluent builders that produce the same values, and the same
// JSON, as the AWS API and CLI, so that a test can state "three images of
// recipe web 1.0.0, 10, 40 and 90 days old, each with one AMI" in a few
// lines and run a dry-run against it.
//
// The builders never read the clock: an InventoryBuilder places images at
// ages relative to the instant it is given. Generated identifiers (build
// numbers, AMI and snapshot IDs, container URIs) are deterministic, so
// builders produce byte-identical JSON on every run.
//
// Builders are for tests: a method given a malformed value records it as
// is, so that tests can also build invalid documents on purpose.
package lifecycletest
