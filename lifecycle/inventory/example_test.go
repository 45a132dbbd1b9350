package inventory_test

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
)

func ExampleDecode() {
	inv, err := inventory.Decode([]byte(`{
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
	for _, img := range inv.Images {
		created, _ := img.DateCreated.Time()
		fmt.Println(img.Name, img.Version, img.Status(), created.Format(time.DateOnly), img.OutputResources.AMIs[0].Image)
	}
	// The Index is what plan.DryRun and plan.Forecast read; the findings
	// say what it could not use or could not know.
	_, findings := inv.Index()
	for _, f := range findings {
		fmt.Println(f.Severity, f.Path, f.Code)
	}
	// Output:
	// web 1.0.0/2 AVAILABLE 2024-06-01 ami-0123abcd
	// warning amis undescribed-ami
}

func ExampleMerge() {
	summary, _ := inventory.Decode([]byte(`{"imageSummaryList": [{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "version": "1.0.0/2", "state": {"status": "AVAILABLE"}}]}`))
	detail, _ := inventory.Decode([]byte(`{"image": {"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "version": "1.0.0/2", "tags": {"team": "web"}}}`))
	inv := inventory.Merge(summary, detail)
	fmt.Println(len(inv.Images), inv.Images[0].Status(), inv.Images[0].Tags["team"])
	// Output:
	// 1 AVAILABLE web
}

func ExampleRead() {
	// Files saved from the AWS CLI, here built in memory by lifecycletest:
	// list-image-build-versions.json, describe-images.json and one
	// launch-permission file per shared AMI.
	b := lifecycletest.Inventory(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	b.AMIImage("web", "1.0.0", 48*time.Hour).
		WithAMIs(lifecycletest.AMI{ID: "ami-0123456789abcdef0", SharedWith: []string{"444455556666"}})

	files := b.Files()
	names := slices.Sorted(maps.Keys(files))
	inv, err := inventory.Read(files, names...)
	if err != nil {
		fmt.Println(err)
		return
	}
	ami, perms := inv.AMIs[0], inv.LaunchPermissions[0]
	fmt.Println(names)
	fmt.Println(ami.ImageID, ami.BlockDeviceMappings[0].EBS.SnapshotID, perms.ImageID, perms.LaunchPermissions[0].UserID)
	_, findings := inv.Index()
	fmt.Println(len(findings), "findings")
	// Output:
	// [describe-images.json launch-permission-ami-0123456789abcdef0.json list-image-build-versions.json]
	// ami-0123456789abcdef0 snap-00000000010001001 ami-0123456789abcdef0 444455556666
	// 0 findings
}

func ExampleOptions_Read() {
	b := lifecycletest.Inventory(time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC))
	for day := range 3000 {
		b.AMIImage("web", "1.0.0", time.Duration(day)*time.Hour)
	}
	files := b.Files()
	// Two files side by side, each reporting every 1,024th record and its
	// end; a program would draw a progress line.
	var mu sync.Mutex
	o := inventory.Options{Workers: 2, Progress: func(file string, records int, bytes int64) {
		mu.Lock()
		defer mu.Unlock()
		if file == "describe-images.json" {
			fmt.Println(file, records)
		}
	}}
	inv, err := o.Read(files, "list-image-build-versions.json", "describe-images.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	idx, findings := o.Index(inv)
	fmt.Println(len(inv.Images), len(inv.AMIs), idx != nil, len(findings), "findings")
	// Output:
	// describe-images.json 1024
	// describe-images.json 2048
	// describe-images.json 3000
	// 3000 3000 true 0 findings
}

func ExampleInventory_Index() {
	inv, _ := inventory.Decode([]byte(`{"images": [
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "api", "type": "AMI",
		 "state": {"status": "AVAILABLE"}, "dateCreated": "last week"},
		{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/2", "type": "AMI",
		 "state": {"status": "ARCHIVED"}, "dateCreated": "2024-06-01T00:00:00Z"}
	]}`))
	_, findings := inv.Index()
	for _, f := range findings {
		fmt.Println(f.Severity, f.Path, f.Code)
	}
	// Output:
	// error images[0].dateCreated invalid-timestamp
	// error images[0].name arn-mismatch
	// error images[1].state.status unknown-status
}
