// Package plan predicts what EC2 Image Builder would do when it runs a
// lifecycle policy, offline and deterministically.
//
// DryRun computes the Plan of one scheduled execution at the instant the
// caller gives (the package never reads the clock) over an
// inventory.Index: the images the policy selects in its own Region and
// account, builds in progress deferred, recipe-version groups ordered
// newest first, keep slots, one action per image (DEPRECATE, DISABLE,
// DELETE), and the AMIs, snapshots and container images the action
// reaches, with the AMI exclusions. Records use the vocabulary of
// ListLifecycleExecutionResources; every image in scope that gets no
// action is listed with the reason, and every verdict names the rule and
// the decisions (L-n) it rests on. The plan never depends on the order of
// the inventory.
//
// Forecast repeats the dry-run once a day, applying each run's changes
// before the next, and returns a Timeline of when each image would be
// deprecated, disabled and deleted.
//
// A Plan encodes itself to JSON (MarshalJSON); Plan.WriteJSON writes the
// same, indented if asked, in one pass, for the plans of large accounts.
//
// Options carry the policy's Region and account, the alternative readings
// of open points (lifecycle.Decision constants) and, for large inventories,
// the number of goroutines a plan may use; by default a plan runs on the
// calling goroutine only.
package plan
