package inventory_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/internal/golden"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/semver"
)

var cliFiles = []string{"get-image.json", "list-image-build-versions.json", "describe-images.json", "launch-permission.json"}

func readTestInventory(t *testing.T) *inventory.Inventory {
	t.Helper()
	inv, err := inventory.Read(os.DirFS(filepath.Join("testdata", "inventory")), cliFiles...)
	require.NoError(t, err)
	return inv
}

func TestReadInventoryCLIResponses(t *testing.T) {
	inv := readTestInventory(t)
	if len(inv.Images) != 3 || len(inv.AMIs) != 2 || len(inv.LaunchPermissions) != 1 {
		t.Fatalf("got %d images, %d AMIs, %d permissions; want 3, 2, 1", len(inv.Images), len(inv.AMIs), len(inv.LaunchPermissions))
	}
	// get-image and list-image-build-versions describe the same image; they
	// merge into one record with the members both give.
	first := inv.Images[0]
	if first.OutputResources == nil || len(first.OutputResources.AMIs) != 2 || first.Tags["pinned"] != "yes" || first.ImageSource != "CUSTOM" {
		t.Errorf("merged image = %+v", first)
	}

	fs := inventory.CheckAll(inv)
	want := []string{"get-image.json:image.outputResources.amis[1].image/undescribed-ami/warning"}
	var got []string
	for _, f := range fs {
		got = append(got, f.File+":"+f.Path+"/"+string(f.Code)+"/"+string(f.Severity))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings (-want +got):\n%s\n%v", diff, fs)
	}

	idx, _ := inv.Index()
	type row struct {
		ARN, Name, ARNName string
		Version            semver.Version
		Build              uint64
		Status             lifecycle.ImageStatus
		Created            time.Time
		AMIs               []index.AMI
	}
	var rows []row
	for _, x := range index.Images(idx) {
		if x.Region != "us-east-1" || x.AccountID != "111122223333" {
			t.Errorf("%s: Region %q, AccountID %q", x.ARN, x.Region, x.AccountID)
		}
		rows = append(rows, row{x.ARN, x.Name, x.ARNName, x.Version, x.Build, x.Status, x.Created, x.AMIs})
	}
	at := func(s string) time.Time { v, _ := time.Parse(time.RFC3339, s); return v }
	v120 := semver.MustParse("1.2.0")
	wantRows := []row{
		{"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.2.0/1", "Web Server", "web-server", v120, 1, lifecycle.StatusDeprecated, at("2024-05-01T02:00:00Z"),
			[]index.AMI{{ID: "ami-03333333333333333", Region: "us-east-1", AccountID: "111122223333", Described: true, State: "available",
				Public: true, Snapshots: []string{"snap-0ccccccccccccccc3"}, DeprecationTime: at("2024-06-01T00:00:00Z")}}},
		{"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.2.0/2", "Web Server", "web-server", v120, 2, lifecycle.StatusFailed, at("2024-05-31T02:00:00Z"), nil},
		{"arn:aws:imagebuilder:us-east-1:111122223333:image/web-server/1.2.0/3", "Web Server", "web-server", v120, 3, lifecycle.StatusAvailable, at("2024-06-01T02:00:00Z"),
			[]index.AMI{
				{ID: "ami-01111111111111111", Region: "us-east-1", AccountID: "111122223333", Described: true, State: "available",
					Tags:      []index.Tag{{Key: "CreatedBy", Value: "EC2 Image Builder"}, {Key: "Environment", Value: "production"}},
					Snapshots: []string{"snap-0aaaaaaaaaaaaaaa1"}, PermissionsKnown: true, SharedAccounts: []string{"555566667777", "777788889999"},
					LastLaunched: at("2024-06-20T11:00:00Z")},
				{ID: "ami-02222222222222222", Region: "eu-west-1", AccountID: "444455556666"},
			}},
	}
	if diff := cmp.Diff(wantRows, rows, cmpopts.EquateComparable(semver.Version{})); diff != "" {
		t.Errorf("index (-want +got):\n%s", diff)
	}
}

func TestInventoryGolden(t *testing.T) {
	inv := readTestInventory(t)
	out, err := json.MarshalIndent(inv, "", "  ")
	require.NoError(t, err)
	out = append(out, '\n')
	golden.Check(t, filepath.Join("testdata", "inventory", "combined.golden.json"), out)
	again, err := inventory.Decode(out)
	require.NoError(t, err)
	if diff := cmp.Diff(inv, again, cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
		t.Errorf("round trip (-first +second):\n%s", diff)
	}
}

func TestDecodeInventoryErrors(t *testing.T) {
	tests := []struct {
		name, in, path string
		sentinel       error
	}{
		{"array", `[]`, "", lifecycle.ErrUnknown},
		{"empty", ``, "", lifecycle.ErrSyntax},
		{"unknown top level", `{"Reservations":[]}`, "Reservations", lifecycle.ErrUnknown},
		{"duplicate top level", `{"images":[],"images":[]}`, "images", lifecycle.ErrInvalid},
		{"bad image status type", `{"images":[{"arn":"a"},{"state":{"status":7}}]}`, "images[1].state.status", lifecycle.ErrInvalid},
		{"bad timestamp type", `{"imageSummaryList":[{"dateCreated":{}}]}`, "imageSummaryList[0].dateCreated", lifecycle.ErrInvalid},
		{"bad EC2 public", `{"Images":[{"ImageId":"ami-1","Public":"yes"}]}`, "Images[0].Public", lifecycle.ErrInvalid},
		{"bad tag list", `{"Images":[{"ImageId":"ami-1","Tags":{"a":"b"}}]}`, "Images[0].Tags", lifecycle.ErrInvalid},
		{"image not object", `{"image":[1]}`, "image", lifecycle.ErrInvalid},
		{"permission without id", `{"LaunchPermissions":[]}`, "", lifecycle.ErrUnknown},
		{"truncated", `{"images":[{"arn":`, "images[0].arn", lifecycle.ErrSyntax},
		{"member in another letter case", `{"Images":[{"imageid":5}]}`, "Images[0].imageid", lifecycle.ErrUnknown},
		{"ARN for arn", `{"images":[{"ARN":"a"}]}`, "images[0].ARN", lifecycle.ErrUnknown},
		{"duplicate member", `{"images":[{"tags":{"Pin":"yes"},"tags":{}}]}`, "images[0].tags", lifecycle.ErrInvalid},
		{"duplicate unknown member", `{"Images":[{"Foo":1,"Foo":2}]}`, "Images[0].Foo", lifecycle.ErrInvalid},
		{"duplicate tag key", `{"images":[{"tags":{"Pin":"yes","Pin":"no"}}]}`, `images[0].tags["Pin"]`, lifecycle.ErrInvalid},
		{"invalid UTF-8", "{\"images\":[{\"name\":\"w\xffb\"}]}", "images[0].name", lifecycle.ErrSyntax},
		{"UTF-16", "\xff\xfe{\x00}\x00", "", lifecycle.ErrSyntax},
		{"UTF-16 without a mark", "{\x00}\x00", "", lifecycle.ErrSyntax},
		{"trailing", `{} x`, "", lifecycle.ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := inventory.Decode([]byte(tt.in))
			var de *lifecycle.Error
			if !errors.As(err, &de) {
				t.Fatalf("err = %v, want a *Error", err)
			}
			if de.Path != tt.path || !errors.Is(err, tt.sentinel) {
				t.Errorf("err = %v (path %q), want path %q wrapping %v", err, de.Path, tt.path, tt.sentinel)
			}
		})
	}
	_, err := inventory.Read(os.DirFS("testdata"), "missing.json")
	if err == nil {
		t.Error("missing file accepted")
	}
}

func TestDecodeInventoryCombinesMembers(t *testing.T) {
	inv, err := inventory.Decode([]byte(`{
		"amis": [{"ImageId": "ami-1"}],
		"image": {"arn": "a"},
		"Images": [{"ImageId": "ami-2"}],
		"images": [{"arn": "b"}],
		"imageSummaryList": [{"arn": "c"}],
		"launchPermissions": [{"ImageId": "ami-1", "LaunchPermissions": [{"Group": "all"}]}],
		"ImageId": "ami-2", "LaunchPermissions": [{"UserId": "111122223333"}],
		"requestId": "r", "nextToken": "n", "NextToken": "N", "ResponseMetadata": {}, "latestVersionReferences": {}
	}`))
	require.NoError(t, err)
	var got []string
	for _, img := range inv.Images {
		got = append(got, img.ARN)
	}
	for _, a := range inv.AMIs {
		got = append(got, a.ImageID)
	}
	for _, lp := range inv.LaunchPermissions {
		got = append(got, "perm "+lp.ImageID)
	}
	want := []string{"a", "b", "c", "ami-1", "ami-2", "perm ami-1", "perm ami-2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func TestReadInventoryNamesFile(t *testing.T) {
	fsys := lifecycletest.Inventory(time.Unix(0, 0)).Files()
	fsys["bad.json"] = fsys["describe-images.json"]
	fsys["bad.json"].Data = []byte(`{"Images": 1}`)
	_, err := inventory.Read(fsys, "bad.json")
	var de *lifecycle.Error
	if !errors.As(err, &de) || de.File != "bad.json" || de.Path != "Images" {
		t.Errorf("err = %v", err)
	}
}

func TestInventoryCheck(t *testing.T) {
	const arn1 = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1"
	// img returns an image record; extra, `,"member":value...`, adds or
	// replaces members.
	img := func(extra string) string {
		m := map[string]json.RawMessage{}
		base := `{"arn":"` + arn1 + `","name":"web","type":"AMI","version":"1.0.0/1","state":{"status":"AVAILABLE"},"dateCreated":"2024-01-01T00:00:00Z"}`
		if err := json.Unmarshal([]byte(base), &m); err != nil {
			panic(err)
		}
		if extra != "" {
			if err := json.Unmarshal([]byte("{"+extra[1:]+"}"), &m); err != nil {
				panic(err)
			}
		}
		out, _ := json.Marshal(m)
		return string(out)
	}
	type w struct {
		Severity lifecycle.Severity
		Path     string
		Code     string
	}
	E, W := lifecycle.SeverityError, lifecycle.SeverityWarning
	tests := []struct {
		name   string
		in     string
		want   []w
		images int // in the index
	}{
		{"valid", `{"images":[` + img(``) + `]}`, nil, 1},
		{"version without build", `{"images":[` + img(`,"version":"1.0.0"`) + `]}`, nil, 1},
		{"missing members", `{"images":[{}]}`, []w{
			{E, "images[0].arn", "required"}, {E, "images[0].dateCreated", "required"},
			{E, "images[0].state.status", "required"}, {E, "images[0].type", "required"}}, 0},
		{"bad arn", `{"images":[` + img(`,"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/web/1.0.0"`) + `]}`,
			[]w{{E, "images[0].arn", "invalid-arn"}}, 0},
		{"name mismatch", `{"images":[` + img(`,"name":"webby"`) + `]}`, []w{{E, "images[0].name", "arn-mismatch"}}, 0},
		{"name case differs", `{"images":[` + img(`,"name":"Web"`) + `]}`, nil, 1},
		{"version mismatch", `{"images":[` + img(`,"version":"1.0.1"`) + `]}`, []w{{E, "images[0].version", "arn-mismatch"}}, 0},
		{"build mismatch", `{"images":[` + img(`,"version":"1.0.0/2"`) + `]}`, []w{{E, "images[0].version", "arn-mismatch"}}, 0},
		{"bad version", `{"images":[` + img(`,"version":"one"`) + `]}`, []w{{E, "images[0].version", "invalid-version"}}, 0},
		{"unknown status", `{"images":[` + img(`,"state":{"status":"RETIRED"}`) + `]}`, []w{{E, "images[0].state.status", "unknown-status"}}, 0},
		{"importing accepted", `{"images":[` + img(`,"state":{"status":"IMPORTING"}`) + `]}`, nil, 1},
		{"unknown type", `{"images":[` + img(`,"type":"VM"`) + `]}`, []w{{E, "images[0].type", "unknown-type"}}, 0},
		{"bad dateCreated", `{"images":[` + img(`,"dateCreated":"yesterday"`) + `]}`, []w{{E, "images[0].dateCreated", "invalid-timestamp"}}, 0},
		{"bad dateCompleted", `{"images":[` + img(`,"dateCompleted":"soon"`) + `]}`, []w{{E, "images[0].dateCompleted", "invalid-timestamp"}}, 0},
		{"bad deprecationTime warns", `{"images":[` + img(`,"deprecationTime":"never"`) + `]}`, []w{{W, "images[0].deprecationTime", "invalid-timestamp"}}, 1},
		{"duplicate arn", `{"images":[` + img(``) + `,` + img(``) + `,` + img(``) + `]}`,
			[]w{{E, "images[0].arn", "duplicate-arn"}, {E, "images[1].arn", "duplicate-arn"}, {E, "images[2].arn", "duplicate-arn"}}, 0},
		{"ami without id", `{"images":[` + img(`,"outputResources":{"amis":[{"region":"us-east-1"}]}`) + `]}`,
			[]w{{E, "images[0].outputResources.amis[0].image", "required"}}, 0},
		{"no AMIs described", `{"images":[` + img(`,"outputResources":{"amis":[{"image":"ami-00000001"},{"image":"ami-00000002"}]}`) + `]}`,
			[]w{{W, "amis", "undescribed-ami"}}, 1},
		{"one AMI not described", `{"images":[` + img(`,"outputResources":{"amis":[{"image":"ami-00000001"},{"image":"ami-00000002","accountId":"12"}]}`) + `],"amis":[{"ImageId":"ami-00000001"}]}`,
			[]w{{W, "images[0].outputResources.amis[1].accountId", "invalid-account"}, {W, "images[0].outputResources.amis[1].image", "undescribed-ami"}}, 1},
		{"ec2 problems", `{"amis":[{"ImageId":"ami-00000001","OwnerId":"x","State":"gone","CreationDate":"?","LastLaunchedTime":"?","DeprecationTime":"?"},{"ImageId":"ami-00000001"},{}]}`, []w{
			{W, "amis[0].CreationDate", "invalid-timestamp"}, {W, "amis[0].DeprecationTime", "invalid-timestamp"},
			{E, "amis[0].ImageId", "duplicate-ami"},
			{E, "amis[0].LastLaunchedTime", "invalid-timestamp"}, {W, "amis[0].OwnerId", "invalid-account"},
			{W, "amis[0].State", "unknown-ami-state"}, {E, "amis[1].ImageId", "duplicate-ami"}, {E, "amis[2].ImageId", "required"}}, 0},
		{"AMI listed by two images", `{"images":[` + img(`,"outputResources":{"amis":[{"image":"ami-00000001"}]}`) + `,` +
			strings.ReplaceAll(img(`,"outputResources":{"amis":[{"image":"ami-00000001"}]}`), "1.0.0/1", "1.0.0/2") + `],"amis":[{"ImageId":"ami-00000001"}]}`,
			[]w{{W, "images[0].outputResources.amis[0].image", "shared-ami"}}, 2},
		{"AMI listed twice by one image", `{"images":[` + img(`,"outputResources":{"amis":[{"image":"ami-00000001"},{"image":"ami-00000001"}]}`) + `],"amis":[{"ImageId":"ami-00000001"}]}`,
			[]w{{W, "images[0].outputResources.amis[1].image", "shared-ami"}}, 1},
		{"malformed EC2 names", `{"images":[` + img(`,"outputResources":{"amis":[{"image":"ami-1\u001b[31m","region":"us east"}],"containers":[{"region":"EU"}]}`) +
			`],"amis":[{"ImageId":"ami-1\u001b[31m","BlockDeviceMappings":[{"Ebs":{"SnapshotId":"snap-xyz"}}]}]}`, []w{
			{W, "amis[0].BlockDeviceMappings[0].Ebs.SnapshotId", "invalid-snapshot-id"}, {W, "amis[0].ImageId", "invalid-ami-id"},
			{W, "images[0].outputResources.amis[0].image", "invalid-ami-id"}, {W, "images[0].outputResources.amis[0].region", "invalid-region"},
			{W, "images[0].outputResources.containers[0].region", "invalid-region"}}, 1},
		{"permission problems", `{"launchPermissions":[{"ImageId":"ami-00000001","LaunchPermissions":[{"UserId":"1"}]},{"LaunchPermissions":[]}]}`, []w{
			{W, "launchPermissions[0].LaunchPermissions[0].UserId", "invalid-account"}, {E, "launchPermissions[1].ImageId", "required"}}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := inventory.Decode([]byte(tt.in))
			require.NoError(t, err)
			idx, fs := inv.Index()
			var got []w
			for _, f := range fs {
				got = append(got, w{f.Severity, f.Path, f.Code})
				if f.Message == "" {
					t.Errorf("%v has no message", f)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%v", diff, fs)
			}
			if len(index.Images(idx)) != tt.images {
				t.Errorf("index has %d images, want %d", len(index.Images(idx)), tt.images)
			}
			if diff := cmp.Diff(fs, inventory.CheckAll(inv)); diff != "" {
				t.Errorf("a second Index gives other findings:\n%s", diff)
			}
		})
	}
}

func TestMergeInventories(t *testing.T) {
	const arn1 = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1"
	a := &inventory.Inventory{
		Images:            []inventory.Image{{ARN: arn1, Version: "1.0.0", DateCreated: "2024-01-01T00:00:00Z", State: &inventory.ImageState{}}},
		AMIs:              []inventory.AMI{{ImageID: "ami-1", OwnerID: "111122223333"}, {ImageID: "ami-3", Public: true}},
		LaunchPermissions: []inventory.LaunchPermissions{{ImageID: "ami-1", LaunchPermissions: []inventory.LaunchPermission{{UserID: "1"}}}},
	}
	b := &inventory.Inventory{
		Images: []inventory.Image{
			{ARN: arn1, Version: "1.0.0/1", Name: "web", DateCreated: "2024-01-01T00:00:00.000Z", State: &inventory.ImageState{Status: lifecycle.StatusAvailable}},
			{ARN: arn1, Version: "1.0.0/1", DateCreated: "2024-02-01T00:00:00Z"}, // disagrees: kept apart
		},
		AMIs: []inventory.AMI{{ImageID: "ami-1", CreationDate: "2024-01-01T00:00:00Z"}, {ImageID: "ami-2"}, {ImageID: "ami-3"}},
		LaunchPermissions: []inventory.LaunchPermissions{
			{ImageID: "ami-1", LaunchPermissions: []inventory.LaunchPermission{{UserID: "1"}, {UserID: "1"}}},
			{ImageID: "ami-3", LaunchPermissions: []inventory.LaunchPermission{{Group: "all"}}},
		},
	}
	got := inventory.Merge(a, nil, b)
	want := &inventory.Inventory{
		Images: []inventory.Image{
			// The empty state of the first record counts as missing.
			{ARN: arn1, Version: "1.0.0", Name: "web", DateCreated: "2024-01-01T00:00:00Z", State: &inventory.ImageState{Status: lifecycle.StatusAvailable}},
			{ARN: arn1, Version: "1.0.0/1", DateCreated: "2024-02-01T00:00:00Z"},
		},
		// The two descriptions of ami-3 disagree on Public: both are kept.
		AMIs: []inventory.AMI{{ImageID: "ami-1", OwnerID: "111122223333", CreationDate: "2024-01-01T00:00:00Z"}, {ImageID: "ami-3", Public: true}, {ImageID: "ami-2"}, {ImageID: "ami-3"}},
		LaunchPermissions: []inventory.LaunchPermissions{
			{ImageID: "ami-1", LaunchPermissions: []inventory.LaunchPermission{{UserID: "1"}}},
			{ImageID: "ami-3", LaunchPermissions: []inventory.LaunchPermission{{Group: "all"}}},
		},
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if a.Images[0].State.Status != "" || len(a.LaunchPermissions[0].LaunchPermissions) != 1 {
		t.Error("MergeInventories modified its input")
	}
}

func TestIndexIndependentOfOrder(t *testing.T) {
	now := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	b.Group("web", "1.0.0", 5, lifecycletest.Days(1), lifecycletest.Days(10))
	b.AMIImage("db", "2.0.0", lifecycletest.Days(3)).WithAMIs(lifecycletest.AMI{Public: true, SharedWith: []string{"222233334444"}})
	inv := b.Build()
	idx1, _ := inv.Index()
	rev := &inventory.Inventory{}
	for i := len(inv.Images) - 1; i >= 0; i-- {
		rev.Images = append(rev.Images, inv.Images[i])
	}
	for i := len(inv.AMIs) - 1; i >= 0; i-- {
		rev.AMIs = append(rev.AMIs, inv.AMIs[i])
	}
	rev.LaunchPermissions = inv.LaunchPermissions
	idx2, _ := rev.Index()
	if diff := cmp.Diff(idx1, idx2, cmp.AllowUnexported(index.Index{}), cmpopts.EquateComparable(semver.Version{})); diff != "" {
		t.Errorf("order changed the index:\n%s", diff)
	}
}

// TestCheckMessagesStayShort checks that messages quote only a prefix of
// huge values and count distinct things.
func TestCheckMessagesStayShort(t *testing.T) {
	inv := &inventory.Inventory{}
	for i := range 2000 {
		inv.Images = append(inv.Images, inventory.Image{
			ARN:  fmt.Sprintf("arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/%d", i+1),
			Type: lifecycle.ImageTypeAMI, State: &inventory.ImageState{Status: lifecycle.StatusAvailable}, DateCreated: "2024-01-01T00:00:00Z",
			OutputResources: &inventory.OutputResources{AMIs: []inventory.OutputAMI{{Image: "ami-0123456789abcdef0", Region: "us-east-1"}}},
		})
	}
	inv.Images = append(inv.Images, inventory.Image{ARN: strings.Repeat("x", 10<<20)})
	for _, f := range inventory.CheckAll(inv) {
		if len(f.Message) > 1000 {
			t.Errorf("%s: message of %d bytes", f.Path, len(f.Message))
		}
		switch f.Code {
		case "undescribed-ami":
			if !strings.Contains(f.Message, "reference 1 AMI") {
				t.Errorf("count of distinct AMIs: %s", f.Message)
			}
		case "shared-ami":
			if !strings.Contains(f.Message, "listed by 2000 images") || !strings.Contains(f.Message, "and 1997 more") {
				t.Errorf("count of distinct images: %s", f.Message)
			}
		case "invalid-arn":
			if !strings.Contains(f.Message, "… (10485760 bytes)") {
				t.Errorf("long value: %.200s", f.Message)
			}
		}
	}
}

// TestTimestampFindingOutOfRange checks that an inventory timestamp past
// the year 9999 is an error finding that says so.
func TestTimestampFindingOutOfRange(t *testing.T) {
	inv := &inventory.Inventory{Images: []inventory.Image{{ARN: "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", Type: lifecycle.ImageTypeAMI,
		State: &inventory.ImageState{Status: lifecycle.StatusAvailable}, DateCreated: "9999-12-31T23:00:00-05:00"}}}
	fs := inventory.CheckAll(inv)
	if len(fs) != 1 || fs[0].Code != "invalid-timestamp" || fs[0].Severity != lifecycle.SeverityError ||
		!strings.Contains(fs[0].Message, "outside the years 0000 to 9999") {
		t.Errorf("findings = %v", fs)
	}
}
