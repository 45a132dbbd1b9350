package inventory_test

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// cliAccount returns n images as list-image-build-versions prints them
// and their n AMIs as describe-images prints them, in one document, with
// the members AWS gives that a dry-run does not read.
func cliAccount(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"imageSummaryList": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/recipe-%03[1]d/1.0.%[2]d/1", "name": "recipe-%03[1]d",
			"type": "AMI", "version": "1.0.%[2]d/1", "platform": "Linux", "osVersion": "Amazon Linux 2023", "state": {"status": "AVAILABLE"},
			"owner": "111122223333", "dateCreated": "2025-01-01T00:%02[3]d:00.000Z",
			"outputResources": {"amis": [{"region": "us-east-1", "image": "ami-%017[2]x", "name": "recipe-%03[1]d %[2]d", "accountId": "111122223333"}]},
			"tags": {"Team": "platform", "Environment": "prod"}, "buildType": "USER_INITIATED", "imageSource": "IMAGE_BUILDER"}`, i%200, i, i%60)
	}
	b.WriteString(`], "Images": [`)
	for i := range n {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"BlockDeviceMappings": [{"Ebs": {"SnapshotId": "snap-%017[1]x", "VolumeSize": 8}, "DeviceName": "/dev/xvda"}],
			"Description": "Image Builder output", "Architecture": "x86_64", "ImageType": "machine", "Public": false,
			"ImageId": "ami-%017[1]x", "OwnerId": "111122223333", "CreationDate": "2025-01-01T00:00:00.000Z", "LastLaunchedTime": "2025-01-04T00:00:00.000Z",
			"State": "available", "Name": "recipe %[1]d", "RootDeviceName": "/dev/xvda", "VirtualizationType": "hvm",
			"Tags": [{"Key": "CreatedBy", "Value": "EC2 Image Builder"}, {"Key": "Ec2ImageBuilderArn", "Value": "arn:aws:imagebuilder:us-east-1:111122223333:image/recipe-%03[2]d/1.0.0/1"}]}`, i, i%200)
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// TestDecodeReaderCost guards the cost of decoding AWS CLI output: a
// bounded number of allocations per record, the same for 200 records as
// for 2,000 (the cost grows linearly), and bytes allocated per record
// bounded too.
func TestDecodeReaderCost(t *testing.T) {
	perPair := map[int]float64{}
	for _, n := range []int{200, 2000} {
		doc := cliAccount(n)
		var inv *inventory.Inventory
		allocs := testing.AllocsPerRun(3, func() {
			var err error
			inv, err = inventory.DecodeReader(bytes.NewReader(doc))
			require.NoError(t, err)
		})
		require.Len(t, inv.Images, n)
		require.Len(t, inv.AMIs, n)
		perPair[n] = allocs / float64(n)
		// Each image: its state, output resources, AMI list, tag map and
		// one string of texts; each AMI: its tag and mapping lists, EBS
		// and two strings of texts.
		assert.LessOrEqual(t, perPair[n], 16.0, "allocations per image and AMI, %d of each", n)
		// The records, about 1.3 kB per pair, and the chunks that long
		// arrays are read in, copied once.
		perRecordBytes := float64(allocated(func() { _, _ = inventory.DecodeReader(bytes.NewReader(doc)) })) / float64(n)
		assert.Less(t, perRecordBytes, 3500.0, "bytes allocated per image and AMI, %d of each", n)
		t.Logf("%d images and AMIs: %.1f allocations and %.0f bytes per pair", n, perPair[n], perRecordBytes)
	}
	assert.InDelta(t, perPair[200], perPair[2000], 0.15*perPair[200], "allocations per record grow with the input")
}
