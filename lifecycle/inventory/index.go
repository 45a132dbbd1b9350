package inventory

import "github.com/ibkit/ibkit/lifecycle/internal/index"

// Index is the prepared form of an Inventory that a dry-run reads: each
// image's timestamps, version and ARN parts parsed once, and its AMIs
// joined to their EC2 descriptions and launch permissions. Build it with
// Inventory.Index; plan.DryRun and plan.Forecast read it. Its contents are
// the planner's own: read the Inventory's records for the images and AMIs
// themselves.
//
// Its one field, Findings (lifecycle.Findings), holds the inventory
// checks' findings sorted by path, as Inventory.Index returns them: the
// errors name the records left out of the Index, and a plan carries the
// warnings in its Warnings and the errors in its NotEvaluated list, so
// that it never omits an image of the inventory without saying so.
//
// An Index shares strings, tag maps and slices with the Inventory it was
// built from; neither may be modified while the Index is in use.
type Index = index.Index
