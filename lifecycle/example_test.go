package lifecycle_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
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
	now := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	current := lifecycle.CurrentImage{Type: lifecycle.ImageTypeAMI, Status: lifecycle.StatusDisabled}
	findings, _ := req.Validate(now, current)
	for _, f := range findings {
		fmt.Println(f.Path, f.Code)
	}
	// Output:
	// state.status invalid-transition
	// updateAt update-at-past
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
	image := lifecycle.CurrentImage{Type: lifecycle.ImageTypeAMI, Status: lifecycle.StatusAvailable}
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
		findings, err := req.Validate(time.Time{}, image)
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
