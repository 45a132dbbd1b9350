package lifecycle_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
)

func ExampleDecodePolicy() {
	doc, err := lifecycle.DecodePolicy([]byte(`{
		"lifecyclePolicy": {
			"name": "web-cleanup",
			"executionRole": "ImageBuilderLifecycle",
			"resourceType": "AMI_IMAGE",
			"policyDetails": [{"action": {"type": "DELETE"}, "filter": {"type": "COUNT", "value": 3}}],
			"resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "1.x.x"}]}
		}
	}`), lifecycle.DecodeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Shape, doc.Policy.Name, doc.Policy.PolicyDetails[0].Filter.Value)

	_, err = lifecycle.DecodePolicy([]byte(`{"policyDetails": [{"filter": {"valeu": 3}}]}`), lifecycle.DecodeOptions{})
	fmt.Println(err)
	// Output:
	// GetLifecyclePolicy response web-cleanup 3
	// lifecycle: policyDetails[0].filter.valeu (byte 31): "valeu" is not a member here; expected one of type, value, unit, retainAtLeast
}

func ExamplePolicy_Validate() {
	doc, _ := lifecycle.DecodePolicy([]byte(`{
		"name": "web-cleanup",
		"executionRole": "ImageBuilderLifecycle",
		"resourceType": "AMI_IMAGE",
		"policyDetails": [
			{"action": {"type": "DEPRECATE"}, "filter": {"type": "AGE", "value": 30, "unit": "DAYS", "retainAtLeast": 2}},
			{"action": {"type": "DELETE"}, "filter": {"type": "AGE", "value": 90}}
		],
		"resourceSelection": {"recipes": [{"name": "web", "semanticVersion": "x.1.x"}]}
	}`), lifecycle.DecodeOptions{})
	findings, err := doc.Policy.Validate(lifecycle.ValidateOptions{})
	for _, f := range findings {
		fmt.Println(f.Severity, f.Path, f.Code, f.Decisions)
	}
	fmt.Println("invalid:", err != nil)
	// Output:
	// warning policyDetails[0].filter.retainAtLeast retain-ignored [L-9]
	// error policyDetails[1].filter.unit age-unit-required []
	// error resourceSelection.recipes[0].semanticVersion mixed-wildcard [AS-1 L-14]
	// invalid: true
}

func ExampleStateUpdateRequest_Validate() {
	req, _ := lifecycle.DecodeStateUpdate([]byte(`{
		"resourceArn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/4",
		"state": {"status": "DEPRECATED"},
		"updateAt": "2025-01-01T00:00:00Z",
		"clientToken": "c0ffee"
	}`), lifecycle.DecodeOptions{})
	current := &lifecycle.Image{Type: lifecycle.ImageTypeAMI, State: &lifecycle.ImageState{Status: lifecycle.StatusDisabled}}
	findings, _ := req.Validate(lifecycle.StateUpdateContext{
		Now:   time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC),
		Image: current,
	})
	for _, f := range findings {
		fmt.Println(f.Path, f.Code)
	}
	// Output:
	// state.status invalid-transition
	// updateAt update-at-past
}

func ExampleDecodeInventory() {
	inv, err := lifecycle.DecodeInventory([]byte(`{
		"imageSummaryList": [{
			"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2",
			"name": "web", "type": "AMI", "version": "1.0.0/2",
			"state": {"status": "AVAILABLE"},
			"dateCreated": "2024-06-01T02:00:00.000Z",
			"outputResources": {"amis": [{"region": "us-east-1", "image": "ami-0123abcd", "accountId": "111122223333"}]}
		}],
		"nextToken": "abc"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	idx, findings := inv.Index()
	for _, img := range idx.Images {
		fmt.Println(img.ARNName, img.Version, img.Build, img.Status, img.Created.Format(time.DateOnly), len(img.AMIs))
	}
	for _, f := range findings {
		fmt.Println(f.Severity, f.Path, f.Code)
	}
	// Output:
	// web 1.0.0 2 AVAILABLE 2024-06-01 1
	// warning amis undescribed-ami
}

func ExampleMergeInventories() {
	summary, _ := lifecycle.DecodeInventory([]byte(`{"imageSummaryList": [{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "version": "1.0.0/2", "owner": "111122223333"}]}`))
	detail, _ := lifecycle.DecodeInventory([]byte(`{"image": {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "version": "1.0.0/2", "imageRecipe": {"name": "web", "version": "1.0.0"}}}`))
	inv := lifecycle.MergeInventories(summary, detail)
	fmt.Println(len(inv.Images), inv.Images[0].Owner, inv.Images[0].ImageRecipe.Name)
	// Output:
	// 1 111122223333 web
}

func ExampleReadInventory() {
	// Files saved from the AWS CLI, here built in memory by lifecycletest:
	// list-image-build-versions.json, describe-images.json and one
	// launch-permission file per shared AMI.
	b := lifecycletest.Inventory(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	b.AMIImage("web", "1.0.0", 48*time.Hour).
		WithAMIs(lifecycletest.AMI{ID: "ami-0123456789abcdef0", SharedWith: []string{"444455556666"}})

	inv, err := lifecycle.ReadInventory(b.Files(), b.FileNames()...)
	if err != nil {
		fmt.Println(err)
		return
	}
	idx, _ := inv.Index()
	ami := idx.Images[0].AMIs[0]
	fmt.Println(b.FileNames())
	fmt.Println(ami.ID, ami.Described, ami.Snapshots, ami.SharedAccounts)
	// Output:
	// [describe-images.json launch-permission-ami-0123456789abcdef0.json list-image-build-versions.json]
	// ami-0123456789abcdef0 true [snap-00000000010001001] [444455556666]
}

func ExampleInventory_Check() {
	inv, _ := lifecycle.DecodeInventory([]byte(`{"images": [
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "api", "type": "AMI",
		 "state": {"status": "AVAILABLE"}, "dateCreated": "last week"},
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "type": "AMI",
		 "state": {"status": "ARCHIVED"}, "dateCreated": "2024-06-01T00:00:00Z"}
	]}`))
	for _, f := range inv.Check() {
		fmt.Println(f.Severity, f.Path, f.Code)
	}
	// Output:
	// error images[0].dateCreated invalid-timestamp
	// error images[0].name arn-mismatch
	// error images[1].state.status unknown-status
}

func ExampleTimestamp_Time() {
	for _, ts := range []lifecycle.Timestamp{"2024-06-01T02:00:00.000Z", "1717207200", "yesterday"} {
		t, err := ts.Time()
		fmt.Println(t.Format(time.RFC3339), err)
	}
	// Output:
	// 2024-06-01T02:00:00Z <nil>
	// 2024-06-01T02:00:00Z <nil>
	// 0001-01-01T00:00:00Z lifecycle: invalid timestamp "yesterday": expected RFC 3339 text such as 2024-05-01T10:00:00Z or 2024-05-01T10:00:00.000+00:00
}

func ExampleDocument_MarshalJSON() {
	doc, _ := lifecycle.DecodePolicy([]byte(`{"lifecyclePolicyArn": "arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/web",
		"executionRole": "Lifecycle", "resourceType": "AMI_IMAGE", "clientToken": "t-1",
		"policyDetails": [{"action": {"type": "DELETE", "includeResources": {"amis": false}}, "filter": {"type": "COUNT", "value": 3}}],
		"resourceSelection": {"tagMap": {"env": "dev"}}}`), lifecycle.DecodeOptions{})
	out, _ := json.Marshal(doc)
	fmt.Println(doc.Shape)
	fmt.Println(string(out))
	// Output:
	// UpdateLifecyclePolicy input
	// {"lifecyclePolicyArn":"arn:aws:imagebuilder:us-east-1:111122223333:lifecycle-policy/web","executionRole":"Lifecycle","resourceType":"AMI_IMAGE","policyDetails":[{"action":{"type":"DELETE","includeResources":{}},"filter":{"type":"COUNT","value":3}}],"resourceSelection":{"tagMap":{"env":"dev"}},"clientToken":"t-1"}
}

func ExampleDecodeStateUpdate() {
	image := &lifecycle.Image{Type: lifecycle.ImageTypeAMI, State: &lifecycle.ImageState{Status: lifecycle.StatusAvailable}}
	for _, include := range []string{``, `, "includeResources": {"amis": true, "snapshots": true}`} {
		req, err := lifecycle.DecodeStateUpdate([]byte(`{
			"resourceArn": "arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/1",
			"state": {"status": "DELETED"},
			"executionRole": "ImageBuilderLifecycleRole",
			"clientToken": "c0ffee00-0000-4000-8000-000000000001"`+include+`}`), lifecycle.DecodeOptions{})
		if err != nil {
			fmt.Println(err)
			return
		}
		findings, err := req.Validate(lifecycle.StateUpdateContext{Image: image})
		for _, f := range findings {
			fmt.Println(f)
		}
		fmt.Println("valid:", err == nil)
	}
	// Output:
	// includeResources: error: names no resource type; with an executionRole, a deletion must include amis, snapshots or containers [include-resources-required]
	// valid: false
	// valid: true
}
