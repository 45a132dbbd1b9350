package plan_test

import (
	"fmt"
	"testing/fstest"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

// The whole path from saved files to a plan: the policy as
// "aws imagebuilder get-lifecycle-policy" prints it, the images as
// "aws imagebuilder list-image-build-versions" prints them and their AMIs
// as "aws ec2 describe-images" prints them. Every finding names its file
// and the JSON path in it; the plan carries the inventory's warnings and
// lists the records it could not read.
func Example_filesToPlan() {
	files := fstest.MapFS{
		"policy.json": {Data: []byte(`{"lifecyclePolicy": {
			"arn": "arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/web-cleanup",
			"name": "web-cleanup", "executionRole": "ImageBuilderLifecycle", "resourceType": "AMI_IMAGE",
			"policyDetails": [{"action": {"type": "DELETE", "includeResources": {"amis": true, "snapshots": true}},
				"filter": {"type": "COUNT", "value": 1}}],
			"resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "1.x.x"}]}}}`)},
		"images.json": {Data: []byte(`{"imageSummaryList": [
			{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "name": "web", "type": "AMI",
			 "version": "1.0.0/2", "state": {"status": "AVAILABLE"}, "dateCreated": "2024-05-01T10:00:00Z",
			 "outputResources": {"amis": [{"region": "us-east-1", "image": "ami-0123456789abcdef0"}]}},
			{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "web", "type": "AMI",
			 "version": "1.0.0/1", "state": {"status": "AVAILABLE"}, "dateCreated": "2024-04-01T10:00:00Z",
			 "outputResources": {"amis": [{"region": "us-east-1", "image": "ami-0123456789abcdef1"}]}}]}`)},
		"amis.json": {Data: []byte(`{"Images": [
			{"ImageId": "ami-0123456789abcdef1", "BlockDeviceMappings": [{"Ebs": {"SnapshotId": "snap-0123456789abcdef1"}}]}]}`)},
	}

	// 1. The policy: decode, then validate every rule.
	data, _ := files.ReadFile("policy.json")
	doc, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{})
	if err != nil {
		fmt.Println("policy.json:", err)
		return
	}
	if findings, err := doc.Validate(lifecycle.ValidateOptions{}); err != nil {
		fmt.Println(findings)
		return
	}

	// 2. The inventory: each file decoded and named, then merged and
	// indexed. Errors name the file and the path of the record.
	inv, err := inventory.Read(files, "images.json", "amis.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	idx, findings := inv.Index()
	if findings.HasErrors() {
		fmt.Println(findings.Errors())
		return
	}

	// 3. The dry-run at an instant of your choosing.
	pl, err := plan.DryRun(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range pl.Resources {
		fmt.Println(r.Action.Name, r.State.Status, r.ResourceID)
		for _, s := range r.Snapshots {
			fmt.Println("  snapshot", s.SnapshotID, s.State.Status)
		}
	}
	for _, w := range pl.Warnings {
		fmt.Println("warning:", w.File, w.Path, w.Code)
	}
	// Output:
	// DELETE SUCCESS arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1
	// DELETE SUCCESS ami-0123456789abcdef1
	//   snapshot snap-0123456789abcdef1 SUCCESS
	// warning: images.json imageSummaryList[0].outputResources.amis[0].image undescribed-ami
}
