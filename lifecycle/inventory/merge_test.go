package inventory_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/semver"
)

const conflictARN = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1"

func conflictImage(status, tags string) string {
	return `{"arn":"` + conflictARN + `","name":"web","type":"AMI","version":"1.0.0/1","state":{"status":"` + status + `"},` +
		`"dateCreated":"2024-01-01T00:00:00Z","tags":` + tags + `,"outputResources":{"amis":[{"region":"us-east-1","image":"ami-0123456789abcdef0"}]}}`
}

func decodeNamed(t *testing.T, name, doc string) *inventory.Inventory {
	t.Helper()
	inv, err := inventory.Decode([]byte(doc))
	require.NoError(t, err)
	inv.File = name
	return inv
}

// TestMergeConflicts checks that records that describe one image, AMI or
// AMI's launch permissions differently are reported on both sides, with
// both files, both paths and the differing values, and that neither the
// findings nor the index depend on the order of the files.
func TestMergeConflicts(t *testing.T) {
	const ami = "ami-0123456789abcdef0"
	tests := []struct {
		name   string
		a, b   string
		want   []string // file:path/code of every finding
		inMsg  []string // texts the first finding's message contains
		images int
	}{
		{
			name:   "image status and tags",
			a:      `{"imageSummaryList":[` + conflictImage("AVAILABLE", `{"Pin":"yes"}`) + `]}`,
			b:      `{"images":[` + conflictImage("DEPRECATED", `{}`) + `]}`,
			want:   []string{"a.json:imageSummaryList[0].arn/duplicate-arn", "b.json:images[0].arn/duplicate-arn", ":amis/undescribed-ami"},
			inMsg:  []string{"images[0] in b.json", `state.status is "AVAILABLE" here and "DEPRECATED" there`, `tags is "{Pin=yes}" here and "{}" there`, "keep the record"},
			images: 0,
		},
		{
			name: "AMI tags and launch time",
			a:    `{"images":[` + conflictImage("AVAILABLE", `null`) + `],"amis":[{"ImageId":"` + ami + `","Tags":[{"Key":"Keep","Value":"yes"}],"LastLaunchedTime":"2024-05-01T00:00:00Z"}]}`,
			b:    `{"Images":[{"ImageId":"` + ami + `"}]}`,
			want: []string{"a.json:amis[0].ImageId/duplicate-ami", "b.json:Images[0].ImageId/duplicate-ami"},
			inMsg: []string{"Images[0] in b.json", `Tags is "{Keep=yes}" here and "{}" there`,
				`LastLaunchedTime is "2024-05-01T00:00:00Z" here and absent there`},
			images: 1,
		},
		{
			name:   "launch permissions",
			a:      `{"ImageId":"` + ami + `","LaunchPermissions":[{"UserId":"444455556666"},{"Group":"all"}]}`,
			b:      `{"launchPermissions":[{"ImageId":"` + ami + `","LaunchPermissions":[{"UserId":"444455556666"}]}]}`,
			want:   []string{"a.json:ImageId/duplicate-launch-permissions", "b.json:launchPermissions[0].ImageId/duplicate-launch-permissions"},
			inMsg:  []string{"launchPermissions[0] in b.json", "grants group all that the other does not"},
			images: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var runs [2][]lifecycle.Finding
			var idxs [2]*inventory.Index
			for k, order := range [][2]int{{0, 1}, {1, 0}} {
				parts := [2]*inventory.Inventory{decodeNamed(t, "a.json", tt.a), decodeNamed(t, "b.json", tt.b)}
				idx, fs := inventory.Merge(parts[order[0]], parts[order[1]]).Index()
				runs[k], idxs[k] = fs, idx
			}
			if diff := cmp.Diff(runs[0], runs[1]); diff != "" {
				t.Errorf("findings depend on the file order:\n%s", diff)
			}
			if diff := cmp.Diff(idxs[0], idxs[1], cmp.AllowUnexported(index.Index{}), cmpopts.EquateComparable(semver.Version{})); diff != "" {
				t.Errorf("index depends on the file order:\n%s", diff)
			}
			var got []string
			for _, f := range runs[0] {
				got = append(got, f.File+":"+f.Path+"/"+string(f.Code))
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("findings (-want +got):\n%s\n%v", diff, runs[0])
			}
			var msg string
			for _, f := range runs[0] {
				if f.File == "a.json" {
					msg = f.Message
				}
			}
			for _, s := range tt.inMsg {
				if !strings.Contains(msg, s) {
					t.Errorf("message %q lacks %q", msg, s)
				}
			}
			if len(index.Images(idxs[0])) != tt.images {
				t.Errorf("index has %d images, want %d", len(index.Images(idxs[0])), tt.images)
			}
			for _, img := range index.Images(idxs[0]) {
				for _, a := range img.AMIs {
					// Never an exclusion from one copy that the other lacks.
					if a.Described || a.Public || len(a.Tags) > 0 || !a.LastLaunched.IsZero() {
						t.Errorf("AMI of conflicting copies indexed with facts: %+v", a)
					}
				}
			}
		})
	}
}

// TestMergeFillsMissingMembers checks that an empty object counts as a
// missing member where it says nothing, and that the merge does not depend
// on the order of named parts.
func TestMergeFillsMissingMembers(t *testing.T) {
	list := `{"imageSummaryList":[{"arn":"` + conflictARN + `","type":"AMI","state":{},"outputResources":{},"dateCreated":"2024-01-01T00:00:00Z"}]}`
	get := `{"image":` + conflictImage("AVAILABLE", `{"Pin":"yes"}`) + `}`
	var got [2]*inventory.Inventory
	for k, order := range [][2]int{{0, 1}, {1, 0}} {
		parts := [2]*inventory.Inventory{decodeNamed(t, "list.json", list), decodeNamed(t, "get.json", get)}
		got[k] = inventory.Merge(parts[order[0]], parts[order[1]])
	}
	if diff := cmp.Diff(got[0], got[1], cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
		t.Errorf("merge depends on the order of the parts:\n%s", diff)
	}
	inv := got[0]
	if len(inv.Images) != 1 || inv.Images[0].Status() != lifecycle.StatusAvailable || inv.Images[0].OutputResources == nil || len(inv.Images[0].OutputResources.AMIs) != 1 || inv.Images[0].Tags["Pin"] != "yes" {
		t.Fatalf("merged = %+v", inv.Images)
	}
	// A finding about a member names the file that gave it.
	inv.Images[0].DateCreated = "yesterday"
	fs := inventory.CheckAll(inv).Errors()
	if len(fs) != 1 || fs[0].Path != "image.dateCreated" || fs[0].File != "get.json" {
		t.Errorf("findings = %v", fs)
	}
}

// TestMergeLaunchPermissionsLinear guards the cost of comparing two large
// launch-permission records of one AMI: the work grows linearly with the
// number of accounts.
func TestMergeLaunchPermissionsLinear(t *testing.T) {
	const n = 60_000
	perms := func(reverse bool) *inventory.Inventory {
		lp := inventory.LaunchPermissions{ImageID: "ami-0123456789abcdef0"}
		for i := range n {
			k := i
			if reverse {
				k = n - 1 - i
			}
			lp.LaunchPermissions = append(lp.LaunchPermissions, inventory.LaunchPermission{UserID: fmt.Sprintf("%012d", k)})
		}
		return &inventory.Inventory{LaunchPermissions: []inventory.LaunchPermissions{lp}}
	}
	a, b := perms(false), perms(true)
	checks := inventory.MergePermissionChecks(a, b)
	if checks > 2*n {
		t.Errorf("merging two records of %d accounts looked up %d permissions, want at most %d", n, checks, 2*n)
	}
	merged := inventory.Merge(a, b)
	if len(merged.LaunchPermissions) != 1 {
		t.Fatalf("equal permission sets in another order were not merged: %d records", len(merged.LaunchPermissions))
	}
	allocs := testing.AllocsPerRun(1, func() { merged.Index() })
	if allocs > 1000 {
		t.Errorf("Index allocates %v times for one AMI shared with %d accounts", allocs, n)
	}
}

// Two captures of one image, taken at different times, disagree: each copy
// gets an error naming the other file and the values that differ.
func ExampleMerge_conflict() {
	const arn = "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1"
	old, _ := inventory.Decode([]byte(`{"imageSummaryList": [{"arn": "` + arn + `", "type": "AMI",
		"state": {"status": "AVAILABLE"}, "dateCreated": "2024-01-01T00:00:00Z"}]}`))
	old.File = "january.json"
	recent, _ := inventory.Decode([]byte(`{"image": {"arn": "` + arn + `", "type": "AMI",
		"state": {"status": "DEPRECATED"}, "dateCreated": "2024-01-01T00:00:00Z"}}`))
	recent.File = "march.json"
	for _, f := range inventory.CheckAll(inventory.Merge(recent, old)) {
		fmt.Println(f.File, f.Path, f.Code)
		fmt.Println(" ", f.Message)
	}
	// Output:
	// january.json imageSummaryList[0].arn duplicate-arn
	//   the image ARN is also given at image in march.json with different content: state.status is "AVAILABLE" here and "DEPRECATED" there; the dry-run leaves the image out; keep the record of the newer capture and remove the other
	// march.json image.arn duplicate-arn
	//   the image ARN is also given at imageSummaryList[0] in january.json with different content: state.status is "DEPRECATED" here and "AVAILABLE" there; the dry-run leaves the image out; keep the record of the newer capture and remove the other
}

// TestMergeOfMergedInventories checks that a record keeps its file and
// path through several merges.
func TestMergeOfMergedInventories(t *testing.T) {
	a := decodeNamed(t, "a.json", `{"imageSummaryList":[`+conflictImage("AVAILABLE", `{}`)+`]}`)
	a.Images[0].DateCreated = "soon"
	b := decodeNamed(t, "b.json", `{"Images":[{"ImageId":"ami-0123456789abcdef0"}]}`)
	inv := inventory.Merge(inventory.Merge(a), inventory.Merge(b))
	fs := inventory.CheckAll(inv)
	if len(fs) != 1 || fs[0].File != "a.json" || fs[0].Path != "imageSummaryList[0].dateCreated" {
		t.Errorf("findings = %v", fs)
	}
}

// TestReadAdoptsSoleLists checks that Read, which uses the list of the only
// file that gives images (or AMIs) as it is when it holds no copies to
// merge, reads what Merge of the same files gives, copies in one file
// included, and that the findings name the same files and paths.
func TestReadAdoptsSoleLists(t *testing.T) {
	const ami = `{"ImageId":"ami-0123456789abcdef0","State":"available"}`
	const other = `{"ImageId":"ami-0123456789abcdef1"}`
	tests := []struct {
		name   string
		files  map[string]string
		images int
		amis   int
	}{
		{"one file each", map[string]string{
			"a.json": `{"imageSummaryList":[` + conflictImage("AVAILABLE", `{}`) + `]}`,
			"b.json": `{"Images":[` + ami + `,` + other + `]}`}, 1, 2},
		{"equal copies in one file", map[string]string{
			"a.json": `{"imageSummaryList":[` + conflictImage("AVAILABLE", `{}`) + `,` + conflictImage("AVAILABLE", `{}`) + `]}`,
			"b.json": `{"Images":[` + ami + `,` + other + `,` + ami + `]}`}, 1, 2},
		{"differing copies in one file", map[string]string{
			"a.json": `{"imageSummaryList":[` + conflictImage("AVAILABLE", `{}`) + `,` + conflictImage("FAILED", `{}`) + `]}`,
			"b.json": `{"Images":[` + ami + `,{"ImageId":"ami-0123456789abcdef0","State":"failed"}]}`}, 2, 2},
		{"both lists in two files", map[string]string{
			"a.json": `{"images":[` + conflictImage("AVAILABLE", `{}`) + `],"amis":[` + ami + `]}`,
			"b.json": `{"Images":[` + other + `]}`}, 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			var parts []*inventory.Inventory
			for _, name := range []string{"a.json", "b.json"} {
				fsys[name] = &fstest.MapFile{Data: []byte(tt.files[name])}
				parts = append(parts, decodeNamed(t, name, tt.files[name]))
			}
			got, err := inventory.Read(fsys, "a.json", "b.json")
			require.NoError(t, err)
			want := inventory.Merge(parts...)
			require.Len(t, got.Images, tt.images)
			require.Len(t, got.AMIs, tt.amis)
			if diff := cmp.Diff(want, got, cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
				t.Errorf("Read differs from Merge (-Merge +Read):\n%s", diff)
			}
			_, wantFs := want.Index()
			_, gotFs := got.Index()
			if diff := cmp.Diff(wantFs, gotFs); diff != "" {
				t.Errorf("findings differ (-Merge +Read):\n%s", diff)
			}
		})
	}
}

// TestIndexDuplicatesOnly checks that an inventory of nothing but two
// differing records of one image reports them: the ARN order's shared
// prefix is then the whole ARN.
func TestIndexDuplicatesOnly(t *testing.T) {
	inv := decodeNamed(t, "a.json", `{"images":[`+conflictImage("AVAILABLE", `{}`)+`,`+conflictImage("FAILED", `{}`)+`]}`)
	_, findings := inv.Index()
	var codes []string
	for _, f := range findings {
		codes = append(codes, f.Code)
	}
	require.Contains(t, codes, "duplicate-arn")
}
