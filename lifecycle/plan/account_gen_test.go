package plan_test

import (
	"fmt"
	"io"
	"time"
)

// This file writes a synthetic account as the AWS CLI prints it, for
// BenchmarkAccount: every image with one AMI, every AMI with one snapshot,
// tags and a last launch, in 200 recipes of 10 versions, 50 builds each
// (image i is of recipe i%200, version 1.0.(i/200)%10, build i/2000+1).

// writeAccountImages writes n Image Builder images as `aws imagebuilder
// list-image-build-versions` prints them (4-space indent).
func writeAccountImages(w io.Writer, n int, start time.Time) error {
	if _, err := io.WriteString(w, "{\n    \"imageSummaryList\": [\n"); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		sep := ","
		if i == n-1 {
			sep = ""
		}
		created := start.Add(time.Duration(i) * time.Minute).UTC().Format("2006-01-02T15:04:05.000Z")
		recipe, ver, build := accountBuild(i)
		_, err := fmt.Fprintf(w, `        {
            "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/%[1]s/%[2]s/%[3]d",
            "name": "%[1]s",
            "type": "AMI",
            "version": "%[2]s/%[3]d",
            "platform": "Linux",
            "osVersion": "Amazon Linux 2023",
            "state": {
                "status": "AVAILABLE"
            },
            "owner": "111122223333",
            "dateCreated": "%[4]s",
            "outputResources": {
                "amis": [
                    {
                        "region": "us-east-1",
                        "image": "ami-%017[5]x",
                        "name": "%[1]s %[4]s",
                        "accountId": "111122223333"
                    }
                ]
            },
            "tags": {
                "Team": "platform",
                "Environment": "prod"
            },
            "buildType": "USER_INITIATED",
            "imageSource": "IMAGE_BUILDER"
        }%[6]s
`, recipe, ver, build, created, i+1, sep)
		if err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "    ]\n}\n")
	return err
}

// writeAccountAMIs writes the n AMIs of writeAccountImages as `aws ec2 describe-images`
// prints them.
func writeAccountAMIs(w io.Writer, n int, start time.Time) error {
	if _, err := io.WriteString(w, "{\n    \"Images\": [\n"); err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		sep := ","
		if i == n-1 {
			sep = ""
		}
		t := start.Add(time.Duration(i) * time.Minute).UTC()
		created := t.Format("2006-01-02T15:04:05.000Z")
		launched := t.Add(72 * time.Hour).Format("2006-01-02T15:04:05.000Z")
		recipe, ver, build := accountBuild(i)
		_, err := fmt.Fprintf(w, `        {
            "BlockDeviceMappings": [
                {
                    "Ebs": {
                        "SnapshotId": "snap-%017[2]x",
                        "VolumeSize": 8
                    },
                    "DeviceName": "/dev/xvda"
                }
            ],
            "Description": "Image Builder output for %[1]s",
            "Architecture": "x86_64",
            "ImageType": "machine",
            "Public": false,
            "ImageId": "ami-%017[2]x",
            "OwnerId": "111122223333",
            "CreationDate": "%[3]s",
            "LastLaunchedTime": "%[4]s",
            "State": "available",
            "Name": "%[1]s %[3]s",
            "RootDeviceName": "/dev/xvda",
            "Tags": [
                {
                    "Key": "CreatedBy",
                    "Value": "EC2 Image Builder"
                },
                {
                    "Key": "Ec2ImageBuilderArn",
                    "Value": "arn:aws:imagebuilder:us-east-1:111122223333:image/%[1]s/%[6]s/%[7]d"
                }
            ],
            "VirtualizationType": "hvm"
        }%[5]s
`, recipe, i+1, created, launched, sep, ver, build)
		if err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, "    ]\n}\n")
	return err
}

// accountBuild returns the recipe, version and build number of image i of
// the account.
func accountBuild(i int) (recipe, version string, build int) {
	return fmt.Sprintf("recipe-%03d", i%200), fmt.Sprintf("1.0.%d", (i/200)%10), i/2000 + 1
}
