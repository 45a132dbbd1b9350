package plan_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

const examplePolicy = `{
	"name": "web-progressive",
	"executionRole": "ImageBuilderLifecycle",
	"resourceType": "AMI_IMAGE",
	"policyDetails": [
		{"action": {"type": "DEPRECATE", "includeResources": {"amis": true}},
		 "filter": {"type": "AGE", "value": 30, "unit": "DAYS"}},
		{"action": {"type": "DELETE", "includeResources": {"amis": true, "snapshots": true}},
		 "filter": {"type": "COUNT", "value": 1},
		 "exclusionRules": {"tagMap": {"Pin": "true"}, "amis": {"regions": ["eu-west-1"]}}}
	],
	"resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "1.x.x"}]}
}`

const exampleInventory = `{
	"images": [
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "web", "type": "AMI",
		 "version": "1.0.0/1", "state": {"status": "DEPRECATED"}, "dateCreated": "2024-03-01T10:00:00Z",
		 "outputResources": {"amis": [
			{"region": "us-east-1", "image": "ami-0001", "accountId": "111122223333"},
			{"region": "eu-west-1", "image": "ami-0002", "accountId": "111122223333"}]}},
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "name": "web", "type": "AMI",
		 "version": "1.0.0/2", "state": {"status": "DEPRECATED"}, "dateCreated": "2024-04-01T10:00:00Z",
		 "tags": {"Pin": "true"}},
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/3", "name": "web", "type": "AMI",
		 "version": "1.0.0/3", "state": {"status": "AVAILABLE"}, "dateCreated": "2024-05-20T10:00:00Z"}
	],
	"amis": [
		{"ImageId": "ami-0001", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": "snap-0001"}}]},
		{"ImageId": "ami-0002", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": "snap-0002"}}]}
	]
}`

func ExampleDryRun() {
	doc, err := lifecycle.DecodePolicy([]byte(examplePolicy), lifecycle.DecodeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	inv, err := inventory.Decode([]byte(exampleInventory))
	if err != nil {
		fmt.Println(err)
		return
	}
	idx, _ := inv.Index()
	pl, err := plan.DryRun(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range pl.Resources {
		fmt.Printf("%-9s %-7s %s (rule %d)", r.Action.Name, r.State.Status, r.ResourceID, r.Rule)
		if r.State.Reason != "" {
			fmt.Print(": ", r.State.Reason)
		}
		fmt.Println()
		for _, s := range r.Snapshots {
			fmt.Printf("          %s %s\n", s.State.Status, s.SnapshotID)
		}
	}
	for _, u := range pl.Unaffected {
		fmt.Printf("no action %s: %s\n", u.ResourceID, u.Reason)
	}
	// Output:
	// DELETE    SKIPPED arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2 (rule 1): image tag Pin=true matches the rule's exclusionRules.tagMap
	// DELETE    SUCCESS arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1 (rule 1)
	// DELETE    SKIPPED ami-0002 (rule 1): Region eu-west-1 is in exclusionRules.amis.regions
	// DELETE    SUCCESS ami-0001 (rule 1)
	//           SUCCESS snap-0001
	// no action arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/3: DEPRECATE: younger than 30 DAYS by 18 days; DELETE: kept in slot 1 of 1 of its recipe version
}

func ExamplePlan_MarshalJSON() {
	doc, _ := lifecycle.DecodePolicy([]byte(examplePolicy), lifecycle.DecodeOptions{})
	doc.Policy.Status = lifecycle.PolicyDisabled
	inv, _ := inventory.Decode([]byte(exampleInventory))
	idx, _ := inv.Index()
	pl, _ := plan.DryRun(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), plan.Options{})
	out, _ := json.Marshal(struct {
		Policy, Now, Note any
		Resources         any
	}{pl.Policy, pl.Now, pl.Note, pl.Resources})
	fmt.Println(string(out))
	b, _ := json.MarshalIndent(pl, "", " ")
	fmt.Println(strings.Join(strings.SplitN(string(b), "\n", 6)[:5], "\n"))
	// Output:
	// {"Policy":"web-progressive","Now":"2024-06-01T00:00:00Z","Note":"the policy is DISABLED: no scheduled execution runs, so nothing is evaluated","Resources":[]}
	// {
	//  "policy": "web-progressive",
	//  "now": "2024-06-01T00:00:00Z",
	//  "evaluated": false,
	//  "note": "the policy is DISABLED: no scheduled execution runs, so nothing is evaluated",
}

func ExamplePlan_WriteJSON() {
	doc, _ := lifecycle.DecodePolicy([]byte(examplePolicy), lifecycle.DecodeOptions{})
	inv, _ := inventory.Decode([]byte(exampleInventory))
	idx, _ := inv.Index()
	pl, _ := plan.DryRun(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), plan.Options{})
	// What `ibkit lifecycle plan --output json` prints, written as it is
	// encoded: here its first lines.
	var b strings.Builder
	if err := pl.WriteJSON(&b, "  "); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Join(strings.SplitN(b.String(), "\n", 8)[:7], "\n"))
	// Output:
	// {
	//   "policy": "web-progressive",
	//   "now": "2024-06-01T00:00:00Z",
	//   "evaluated": true,
	//   "scope": {
	//     "region": "us-east-1",
	//     "accountId": "111122223333",
}

func ExampleForecast() {
	doc, _ := lifecycle.DecodePolicy([]byte(`{
		"name": "web-progressive",
		"executionRole": "ImageBuilderLifecycle",
		"resourceType": "AMI_IMAGE",
		"policyDetails": [
			{"action": {"type": "DEPRECATE"}, "filter": {"type": "AGE", "value": 90, "unit": "DAYS"}},
			{"action": {"type": "DISABLE"}, "filter": {"type": "AGE", "value": 120, "unit": "DAYS"}},
			{"action": {"type": "DELETE"}, "filter": {"type": "AGE", "value": 180, "unit": "DAYS"}}
		],
		"resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "x.x.x"}]}
	}`), lifecycle.DecodeOptions{})
	inv, _ := inventory.Decode([]byte(`{"images": [
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "web", "type": "AMI",
		 "version": "1.0.0/1", "state": {"status": "AVAILABLE"}, "dateCreated": "2023-11-01T00:00:00Z"},
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.1.0/1", "name": "web", "type": "AMI",
		 "version": "1.1.0/1", "state": {"status": "AVAILABLE"}, "dateCreated": "2024-05-01T00:00:00Z"}
	]}`))
	idx, _ := inv.Index()
	tl, err := plan.Forecast(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), 365, plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, it := range tl.Images {
		fmt.Println(it.ResourceID[len(it.ResourceID)-7:], it)
	}
	// Output:
	// 1.0.0/1 deprecated in 0 days, disabled in 1 day, deleted in 2 days
	// 1.1.0/1 deprecated in 60 days, disabled in 90 days, deleted in 150 days
}

func ExamplePlan_Images() {
	doc, _ := lifecycle.DecodePolicy([]byte(examplePolicy), lifecycle.DecodeOptions{})
	inv, _ := inventory.Decode([]byte(exampleInventory))
	idx, _ := inv.Index()
	pl, _ := plan.DryRun(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), plan.Options{})
	for img := range pl.Images() {
		verdict := "no action"
		if len(img.Records) > 0 {
			verdict = string(img.Records[0].Action.Name) + " " + string(img.Records[0].State.Status)
		}
		fmt.Printf("%s %s %s: %s, %d output records\n", img.Group.Recipe, img.Group.Version, img.ARN[len(img.ARN)-1:], verdict, max(0, len(img.Records)-1))
	}
	// Output:
	// web 1.0.0 3: no action, 0 output records
	// web 1.0.0 2: DELETE SKIPPED, 0 output records
	// web 1.0.0 1: DELETE SUCCESS, 2 output records
}

// A policy acts only in its own Region and account (Decision L-26). Here
// the policy document comes from GetLifecyclePolicy and carries its ARN;
// the inventory also holds an image of another Region, which the plan
// lists as out of scope, and the second recipe entry, misspelt, selects
// nothing, which the plan says.
func ExampleDryRun_scope() {
	doc, err := lifecycle.DecodePolicy([]byte(`{"lifecyclePolicy": {
		"arn": "arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/web-cleanup",
		"name": "web-cleanup", "executionRole": "ImageBuilderLifecycle", "resourceType": "AMI_IMAGE",
		"policyDetails": [{"action": {"type": "DELETE"}, "filter": {"type": "AGE", "value": 30, "unit": "DAYS"}}],
		"resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "x.x.x"},
			{"name": "wbe", "semanticVersion": "x.x.x"}]}}}`), lifecycle.DecodeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	inv, err := inventory.Decode([]byte(`{"images": [
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "web", "type": "AMI",
		 "version": "1.0.0/1", "state": {"status": "AVAILABLE"}, "dateCreated": "2024-03-01T10:00:00Z"},
		{"arn": "arn:aws:imagebuilder:eu-west-1:111122223333:image/web/1.0.0/1", "name": "web", "type": "AMI",
		 "version": "1.0.0/1", "state": {"status": "AVAILABLE"}, "dateCreated": "2024-03-01T10:00:00Z"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	idx, _ := inv.Index()
	pl, err := plan.DryRun(&doc.Policy, idx, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("scope: %s, %s (from the %s)\n", pl.Scope.Region, pl.Scope.AccountID, pl.Scope.Source)
	for _, r := range pl.Resources {
		fmt.Println(r.Action.Name, r.ResourceID)
	}
	for _, u := range pl.Unaffected {
		fmt.Println("out of scope:", u.OutOfScope, u.ResourceID)
	}
	for _, w := range pl.Warnings {
		fmt.Println(w.Path+":", w.Message)
	}
	// Output:
	// scope: us-east-1, 111122223333 (from the policy ARN)
	// DELETE arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1
	// out of scope: true arn:aws:imagebuilder:eu-west-1:111122223333:image/web/1.0.0/1
	// resourceSelection.recipes[1]: recipe "wbe" at x.x.x selects no image of the inventory in us-east-1, account 111122223333; nearest recipes in the inventory: web
}
