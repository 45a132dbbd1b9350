// Package inventory holds the AWS objects a lifecycle policy acts on, as
// the AWS CLI prints them: Image Builder images (Image, the one model of an
// image in the module, with Go initialisms: ARN, OSVersion), EC2 AMIs (AMI)
// and their launch permissions (LaunchPermissions).
//
// Decode reads ibkit's combined inventory file or saved AWS CLI output
// (get-image, list-image-build-versions, describe-images,
// describe-image-attribute); Read decodes named files and Merge combines
// parts, uniting records that several files describe and keeping the file
// of each. Unknown members of AWS objects are skipped; errors are
// *lifecycle.Error values naming the file, JSON path and byte offset.
//
// Inventory.Index checks the records (Inventory.Check returns the findings
// alone) and returns the Index a dry-run reads: timestamps, versions and
// ARNs parsed once, each image's AMIs joined to their EC2 descriptions and
// launch permissions. Records that cannot be used are left out of the
// Index, and its findings say why.
package inventory
