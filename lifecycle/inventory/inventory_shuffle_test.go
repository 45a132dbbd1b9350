package inventory_test

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"testing"
	"testing/quick"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/stretchr/testify/require"
)

// TestPropertyRawInventoryShuffle shuffles the inventory as it is read,
// before it is indexed: the order of images, AMIs, launch-permission
// responses, each image's AMIs and each AMI's launch permissions. The
// plan's JSON must not change by a byte.
func TestPropertyRawInventoryShuffle(t *testing.T) {
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	b := lifecycletest.Inventory(now)
	for i, recipe := range []string{"web", "api", "batch"} {
		for _, version := range []string{"1.0.0", "1.1.0"} {
			group := b.Group(recipe, version, 4+i, lifecycletest.Days(5), lifecycletest.Days(25))
			group[0].Tag("keep", "yes")
			group[1].WithAMIs(
				lifecycletest.AMI{Region: "eu-west-1", SharedWith: []string{"444455556666", "777788889999"}, Snapshots: 2},
				lifecycletest.AMI{Region: "us-east-1", Tags: map[string]string{"Retain": "true"}},
				lifecycletest.AMI{Region: "ap-southeast-2", LastLaunched: lifecycletest.Days(3)},
			)
			group[len(group)-1].Status(lifecycle.StatusFailed).WithAMIs()
		}
	}
	policy := lifecycletest.AMIPolicy("shuffle").Recipe("web", "1.x.x").Recipe("api", "x.x.x").Recipe("batch", "1.0.x").
		Rule(lifecycletest.Deprecate().Age(20, lifecycle.Days).IncludeAMIs()).
		Rule(lifecycletest.Disable().Age(40, lifecycle.Days).IncludeAMIs().ExcludeTag("keep", "yes")).
		Rule(lifecycletest.Delete().Age(60, lifecycle.Days).RetainAtLeast(2).IncludeAMIs().IncludeSnapshots().
			ExcludeAMIs(lifecycle.AMIExclusionRules{SharedAccounts: []string{"444455556666"}, TagMap: lifecycle.Tags{"Retain": "true"}, LastLaunched: &lifecycle.LastLaunched{Value: 7, Unit: lifecycle.Days}})).
		Build()
	original, err := json.Marshal(b.Build())
	require.NoError(t, err)

	pl := func(inv *inventory.Inventory) []byte {
		idx, _ := inv.Index()
		p, err := plan.DryRun(&policy, idx, now, plan.Options{})
		require.NoError(t, err)
		out, err := json.Marshal(p)
		require.NoError(t, err)
		return out
	}
	decode := func() *inventory.Inventory {
		inv, err := inventory.Decode(original)
		require.NoError(t, err)
		return inv
	}
	want := pl(decode())
	if !bytes.Contains(want, []byte(`"DELETE"`)) || !bytes.Contains(want, []byte(`"SKIPPED"`)) {
		t.Fatal("the scenario should delete and skip something; it tests nothing otherwise")
	}

	same := func(seed uint64) bool {
		r := rand.New(rand.NewPCG(seed, seed^0x5eed))
		inv := decode()
		shuffle(r, inv.Images)
		shuffle(r, inv.AMIs)
		shuffle(r, inv.LaunchPermissions)
		for i := range inv.Images {
			if out := inv.Images[i].OutputResources; out != nil {
				shuffle(r, out.AMIs)
			}
		}
		for i := range inv.LaunchPermissions {
			shuffle(r, inv.LaunchPermissions[i].LaunchPermissions)
		}
		return bytes.Equal(want, pl(inv))
	}
	require.NoError(t, quick.Check(same, &quick.Config{MaxCount: 200}))
}

func shuffle[T any](r *rand.Rand, s []T) {
	r.Shuffle(len(s), func(i, j int) { s[i], s[j] = s[j], s[i] })
}
