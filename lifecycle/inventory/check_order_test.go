package inventory_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

var recordIndex = regexp.MustCompile(`\[\d+\]`)

// normalisedFindings returns the findings as text with record indices
// removed, sorted: what stays the same when only the order of the
// records changes.
func normalisedFindings(fs lifecycle.Findings) []string {
	var out []string
	for _, f := range fs {
		out = append(out, recordIndex.ReplaceAllString(f.File+" "+f.Path+" "+string(f.Severity)+" "+string(f.Code)+" "+f.Message, "[]"))
	}
	slices.Sort(out)
	return out
}

// TestPropertyCheckIgnoresRecordOrder checks on random questionable
// inventories (repeated ARNs and AMI IDs with and without differences,
// shared AMIs, conflicting launch permissions, bad values) that the
// findings do not depend on the order of the records.
func TestPropertyCheckIgnoresRecordOrder(t *testing.T) {
	for seed := uint64(0); seed < 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 11))
		inv := &inventory.Inventory{}
		pick := func(xs ...string) string { return xs[r.IntN(len(xs))] }
		for range 1 + r.IntN(12) {
			img := inventory.Image{
				ARN:         fmt.Sprintf("arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/%d", 1+r.IntN(5)),
				Type:        lifecycle.ImageTypeAMI,
				State:       &inventory.ImageState{Status: lifecycle.ImageStatus(pick("AVAILABLE", "DEPRECATED"))},
				DateCreated: lifecycle.Timestamp(pick("2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "yesterday")),
			}
			if r.IntN(2) == 0 {
				img.Tags = lifecycle.Tags{"Pin": pick("yes", "no")}
			}
			img.OutputResources = &inventory.OutputResources{AMIs: []inventory.OutputAMI{{Image: pick("ami-00000001", "ami-00000002", "ami-x"), Region: pick("us-east-1", "US")}}}
			inv.Images = append(inv.Images, img)
		}
		for range r.IntN(5) {
			inv.AMIs = append(inv.AMIs, inventory.AMI{ImageID: pick("ami-00000001", "ami-00000002"), Public: r.IntN(2) == 0,
				LastLaunchedTime: lifecycle.Timestamp(pick("", "2024-03-01T00:00:00Z"))})
		}
		for range r.IntN(4) {
			inv.LaunchPermissions = append(inv.LaunchPermissions, inventory.LaunchPermissions{ImageID: pick("ami-00000001", "ami-00000002"),
				LaunchPermissions: []inventory.LaunchPermission{{UserID: pick("111122223333", "444455556666")}}})
		}
		want := normalisedFindings(inventory.CheckAll(inv))
		shuffled := &inventory.Inventory{Images: slices.Clone(inv.Images), AMIs: slices.Clone(inv.AMIs), LaunchPermissions: slices.Clone(inv.LaunchPermissions)}
		r.Shuffle(len(shuffled.Images), func(i, j int) { shuffled.Images[i], shuffled.Images[j] = shuffled.Images[j], shuffled.Images[i] })
		r.Shuffle(len(shuffled.AMIs), func(i, j int) { shuffled.AMIs[i], shuffled.AMIs[j] = shuffled.AMIs[j], shuffled.AMIs[i] })
		r.Shuffle(len(shuffled.LaunchPermissions), func(i, j int) {
			shuffled.LaunchPermissions[i], shuffled.LaunchPermissions[j] = shuffled.LaunchPermissions[j], shuffled.LaunchPermissions[i]
		})
		if diff := cmp.Diff(want, normalisedFindings(inventory.CheckAll(shuffled))); diff != "" {
			t.Fatalf("seed %d: findings depend on the record order (-original +shuffled):\n%s", seed, diff)
		}
	}
}

// TestIndexARNOrder checks that Index orders images by ARN as strings
// compare, on ARNs that share prefixes of every length (the sort compares
// their first bytes as integers), in several Regions and accounts.
func TestIndexARNOrder(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	const alphabet = "ab-_0z9"
	for round := range 50 {
		inv := &inventory.Inventory{}
		n := 1 + r.IntN(300)
		for range n {
			name := make([]byte, 1+r.IntN(20))
			for k := range name {
				name[k] = alphabet[r.IntN(len(alphabet))]
			}
			region := []string{"us-east-1", "us-east-2", "eu-west-1"}[r.IntN(3)]
			account := []string{"111122223333", "111122223334"}[r.IntN(2)]
			if round%2 == 0 {
				region, account = "us-east-1", "111122223333" // one long shared prefix
			}
			inv.Images = append(inv.Images, inventory.Image{
				ARN: fmt.Sprintf("arn:aws:imagebuilder:%s:%s:image/%s/1.%d.%d/%d", region, account, name,
					r.IntN(12), r.IntN(12), 1+r.IntN(3)),
				Type: lifecycle.ImageTypeDocker, State: &inventory.ImageState{Status: lifecycle.StatusAvailable},
				DateCreated: "2024-01-01T00:00:00Z",
			})
		}
		idx, _ := inventory.Options{Workers: 1 + round%3}.Index(inv)
		var got, want []string
		for _, img := range index.Images(idx) {
			got = append(got, img.ARN)
		}
		seen := map[string]int{}
		for _, img := range inv.Images {
			seen[img.ARN]++
		}
		for arn, n := range seen {
			if n == 1 { // repeated ARNs are left out, as errors
				want = append(want, arn)
			}
		}
		slices.Sort(want)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("round %d: ARN order (-want +got):\n%s", round, diff)
		}
	}
}
