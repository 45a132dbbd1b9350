// Package inventory holds the AWS objects a lifecycle policy acts on, as
// the AWS CLI prints them, with the members a dry-run reads: Image Builder
// images (Image, the one model of an image in the module, with Go
// initialisms: ARN, ImageURIs), EC2 AMIs (AMI) and their launch permissions
// (LaunchPermissions).
//
// Decode reads ibkit's combined inventory file or saved AWS CLI output
// (get-image, list-image-build-versions, describe-images,
// describe-image-attribute); Read decodes named files and Merge combines
// parts, uniting records that several files describe and keeping the file
// of each. Unknown members of AWS objects are skipped; errors are
// *lifecycle.Error values naming the file, JSON path and byte offset.
//
// Inventory.Index checks the records and returns the findings and the
// Index that plan.DryRun and plan.Forecast read: timestamps, versions and
// ARNs parsed once, each image's AMIs joined to their EC2 descriptions and
// launch permissions. Records that cannot be used are left out of the
// Index, and its findings say why. The Index is opaque: to look at images
// and AMIs, read the Inventory's records.
//
// Documents are read as streams of tokens, never held whole. By default
// everything runs on the calling goroutine; Options read several files
// side by side and share out the work of Index (Workers), and report the
// records and bytes read as they go (Progress).
package inventory
