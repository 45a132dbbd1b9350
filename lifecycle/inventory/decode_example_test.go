package inventory_test

import (
	"fmt"
	"strings"

	"github.com/ibkit/ibkit/lifecycle/inventory"
)

func ExampleDecodeReader() {
	// The output of aws ec2 describe-images, read as a stream: members
	// the dry-run does not read are skipped.
	describeImages := strings.NewReader(`{
		"Images": [{
			"ImageId": "ami-0123456789abcdef0", "State": "available", "Architecture": "x86_64",
			"CreationDate": "2024-06-01T02:10:00.000Z",
			"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"SnapshotId": "snap-0123456789abcdef0", "VolumeSize": 8}}],
			"Tags": [{"Key": "CreatedBy", "Value": "EC2 Image Builder"}]
		}]
	}`)
	inv, err := inventory.DecodeReader(describeImages)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range inv.AMIs {
		fmt.Println(a.ImageID, a.State, a.CreationDate, a.BlockDeviceMappings[0].EBS.SnapshotID, a.Tags[0].Key)
	}
	// An error names the JSON path and the byte offset of the problem.
	_, err = inventory.DecodeReader(strings.NewReader(`{"Images": [{"ImageId": "ami-1", "Public": "yes"}]}`))
	fmt.Println(err)
	// Output:
	// ami-0123456789abcdef0 available 2024-06-01T02:10:00.000Z snap-0123456789abcdef0 CreatedBy
	// lifecycle: Images[0].Public (byte 43): found a string, expected true or false
}
