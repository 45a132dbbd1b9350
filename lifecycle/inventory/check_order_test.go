package inventory_test

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ibkit/ibkit/lifecycle"
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
