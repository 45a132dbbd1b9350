package lifecycletest_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
)

func ExampleAMIPolicy() {
	policy := lifecycletest.AMIPolicy("web-cleanup").
		Recipe("web", "1.x.x").
		Rule(lifecycletest.Delete().Count(2).IncludeAMIs().IncludeSnapshots()).
		Build()
	findings, err := policy.Validate(lifecycle.ValidateOptions{})
	fmt.Println(len(findings), err)
	tiny := lifecycletest.AMIPolicy("tiny").Recipe("web", "1.0.0").Rule(lifecycletest.Delete().Count(1)).Build()
	data, _ := json.Marshal(&tiny)
	fmt.Println(string(data))
	// Output:
	// 0 <nil>
	// {"name":"tiny","executionRole":"arn:aws:iam::123456789012:role/ImageBuilderLifecycleRole","resourceType":"AMI_IMAGE","policyDetails":[{"action":{"type":"DELETE"},"filter":{"type":"COUNT","value":1}}],"resourceSelection":{"recipes":[{"name":"web","semanticVersion":"1.0.0"}]}}
}

func ExampleInventory() {
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	b.Group("web", "1.0.0", 3, lifecycletest.Days(10), lifecycletest.Days(30))
	b.AMIImage("web", "1.1.0", lifecycletest.Days(2)).Tag("pinned", "yes").
		WithAMIs(lifecycletest.AMI{Public: true, Snapshots: 2})

	inv := b.Build()
	for _, img := range inv.Images {
		created, _ := img.DateCreated.Time()
		fmt.Printf("%s %s %3.0f days, AMI %s\n", img.Version, img.Status(), now.Sub(created).Hours()/24, img.OutputResources.AMIs[0].Image)
	}
	for _, ami := range inv.AMIs {
		fmt.Printf("%s: %d snapshot(s), public %t\n", ami.ImageID, len(ami.BlockDeviceMappings), ami.Public)
	}
	_, findings := inv.Index()
	fmt.Println(len(findings), "findings")
	// Output:
	// 1.0.0/1 AVAILABLE  70 days, AMI ami-00000000000100001
	// 1.0.0/2 AVAILABLE  40 days, AMI ami-00000000000200001
	// 1.0.0/3 AVAILABLE  10 days, AMI ami-00000000000300001
	// 1.1.0/1 AVAILABLE   2 days, AMI ami-00000000000400001
	// ami-00000000000100001: 1 snapshot(s), public false
	// ami-00000000000200001: 1 snapshot(s), public false
	// ami-00000000000300001: 1 snapshot(s), public false
	// ami-00000000000400001: 2 snapshot(s), public true
	// 0 findings
}

func ExampleCheckPlan() {
	now := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	group := b.Group("web", "1.0.0", 3, lifecycletest.Days(1), lifecycletest.Days(10))
	idx, _ := b.Build().Index()

	policy := lifecycletest.AMIPolicy("keep-two").
		Recipe("web", "1.0.0").
		Rule(lifecycletest.Delete().Count(2).IncludeAMIs()).
		Build()
	pl, err := plan.DryRun(&policy, idx, now, plan.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	oldest := group[2]
	err = lifecycletest.CheckPlan(pl, lifecycletest.PlanWant{
		Acts: map[string]lifecycle.ActionType{
			oldest.ARN():       lifecycle.ActionDelete,
			oldest.AMIIDs()[0]: lifecycle.ActionDelete,
		},
		Unaffected: []string{group[0].ARN(), group[1].ARN()},
		Exact:      true,
	})
	fmt.Println(err)

	err = lifecycletest.CheckPlan(pl, lifecycletest.PlanWant{Acts: map[string]lifecycle.ActionType{group[0].ARN(): lifecycle.ActionDelete}})
	fmt.Println(err)
	// Output:
	// <nil>
	// lifecycletest: the plan differs from the expectation:
	// 	arn:aws:imagebuilder:us-east-1:123456789012:image/web/1.0.0/3: want DELETE SUCCESS, got no record
}
