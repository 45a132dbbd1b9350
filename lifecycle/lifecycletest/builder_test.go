package lifecycletest_test

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/ibkit/ibkit/lifecycle/lifecycletest"
)

var now = time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)

func TestPolicyBuilder(t *testing.T) {
	b := lifecycletest.AMIPolicy("web-cleanup").
		Edit(func(p *lifecycle.Policy) { p.Description = "demo" }).
		Recipe("web", "1.x.x").
		Edit(func(p *lifecycle.Policy) { p.Tags = lifecycle.Tags{"team": "platform"} }).
		Rule(
			lifecycletest.Deprecate().Age(30, lifecycle.Days).IncludeAMIs(),
			lifecycletest.Delete().Age(1, lifecycle.Years).RetainAtLeast(2).IncludeAMIs().IncludeSnapshots().
				ExcludeTag("pinned", "yes").ExcludeAMIs(lifecycle.AMIExclusionRules{IsPublic: true, Regions: []string{"eu-west-1"}, SharedAccounts: []string{"222233334444"}, LastLaunched: &lifecycle.LastLaunched{Value: 7, Unit: lifecycle.Days}, TagMap: lifecycle.Tags{"Env": "prod"}}),
		)
	p := b.Build()
	if fs, err := p.Validate(lifecycle.ValidateOptions{}); err != nil || len(fs) != 0 {
		t.Fatalf("built policy has findings: %v", fs)
	}
	// The JSON decodes to the same policy.
	data, err := json.Marshal(&p)
	require.NoError(t, err)
	doc, err := lifecycle.DecodePolicy(data, lifecycle.DecodeOptions{})
	require.NoError(t, err)
	if diff := cmp.Diff(p, doc.Policy); diff != "" {
		t.Errorf("JSON round trip (-built +decoded):\n%s", diff)
	}
	// Build returns independent copies.
	p.PolicyDetails[1].ExclusionRules.AMIs.Regions[0] = "changed"
	*p.PolicyDetails[1].Filter.RetainAtLeast = 9
	if again := b.Build(); again.PolicyDetails[1].ExclusionRules.AMIs.Regions[0] != "eu-west-1" || again.PolicyDetails[1].Filter.Retain() != 2 {
		t.Error("Build shares memory with the builder")
	}
	c := lifecycletest.ContainerPolicy("ctr-cleanup").SelectTag("lifecycle", "on").
		Edit(func(p *lifecycle.Policy) { p.ExecutionRole, p.Status = "Role", lifecycle.PolicyDisabled }).
		Rule(lifecycletest.Delete().Count(5).IncludeContainers()).Build()
	if fs, err := c.Validate(lifecycle.ValidateOptions{}); err != nil {
		t.Errorf("container policy: %v", fs)
	}
	dis := lifecycletest.AMIPolicy("abc").Recipe("web", "1.0.0").Rule(lifecycletest.Disable().Count(2)).Build()
	if dis.PolicyDetails[0].Action.Type != lifecycle.ActionDisable || dis.PolicyDetails[0].Filter.Type != lifecycle.FilterCount {
		t.Errorf("Disable().Count() = %+v", dis.PolicyDetails[0])
	}
}

func TestInventoryBuilder(t *testing.T) {
	b := lifecycletest.Inventory(now)
	group := b.Group("Web Server", "1.0.0", 3, lifecycletest.Days(1), lifecycletest.Days(30))
	group[2].Status(lifecycle.StatusDeprecated).Tag("pinned", "yes")
	b.In("eu-west-1", "444455556666")
	b.AMIImage("db", "2.1.0", lifecycletest.Days(400)).WithAMIs(
		lifecycletest.AMI{Public: true, SharedWith: []string{"111122223333"}, Tags: map[string]string{"Env": "prod"}, Snapshots: 2, LastLaunched: lifecycletest.Days(3)},
		lifecycletest.AMI{Region: "us-west-2", Undescribed: true},
	)
	b.ContainerImage("api", "3.0.0", time.Hour).Status(lifecycle.StatusFailed)
	b.AMIImage("bare", "1.0.0", 0).WithAMIs().Completed(now).Created(now.Add(-time.Minute))

	inv := b.Build()
	if len(inv.Images) != 6 || len(inv.AMIs) != 4 || len(inv.LaunchPermissions) != 1 {
		t.Fatalf("got %d images, %d AMIs, %d permissions", len(inv.Images), len(inv.AMIs), len(inv.LaunchPermissions))
	}
	// Group: newest first, oldest built first.
	if got := group[0].ARN(); got != "arn:aws:imagebuilder:us-east-1:123456789012:image/web-server/1.0.0/3" {
		t.Errorf("newest ARN = %s", got)
	}
	idx, fs := inv.Index()
	if len(index.Images(idx)) != 6 {
		t.Fatalf("index: %d images, findings %v", len(index.Images(idx)), fs)
	}
	if len(fs) != 1 || fs[0].Code != "undescribed-ami" {
		t.Errorf("findings = %v, want one undescribed AMI", fs)
	}
	for _, x := range index.Images(idx) {
		switch x.ARNName {
		case "web-server":
			wantAge := map[uint64]time.Duration{3: lifecycletest.Days(1), 2: lifecycletest.Days(31), 1: lifecycletest.Days(61)}[x.Build]
			if age := now.Sub(x.Created); age != wantAge {
				t.Errorf("%s is %v old, want %v", x.ARN, age, wantAge)
			}
		case "db":
			a := x.AMIs[0]
			if !a.Public || !a.Described || len(a.Snapshots) != 2 || !hasTag(&a, lifecycle.Tags{"Env": "prod"}) ||
				!slices.Contains(a.SharedAccounts, "111122223333") || now.Sub(a.LastLaunched) != lifecycletest.Days(3) || a.Region != "eu-west-1" || a.AccountID != "444455556666" {
				t.Errorf("db AMI = %+v", a)
			}
			if x.AMIs[1].Described || x.AMIs[1].Region != "us-west-2" {
				t.Errorf("undescribed AMI = %+v", x.AMIs[1])
			}
		case "api":
			if x.Type != lifecycle.ImageTypeDocker || len(x.Containers) != 1 || x.Containers[0].ImageURIs[0] != "444455556666.dkr.ecr.eu-west-1.amazonaws.com/api:3.0.0-1" {
				t.Errorf("container image = %+v", x)
			}
		case "bare":
			if x.Build != 1 || len(x.AMIs) != 0 || !x.Completed.Equal(now) || now.Sub(x.Created) != time.Minute {
				t.Errorf("bare image = %+v", x)
			}
		}
	}

	// The combined JSON and the CLI files decode to the same inventory.
	combined, err := json.Marshal(b.Build())
	require.NoError(t, err)
	fromJSON, err := inventory.Decode(combined)
	require.NoError(t, err)
	if diff := cmp.Diff(inv, fromJSON, cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
		t.Errorf("combined JSON (-built +decoded):\n%s", diff)
	}
	fromFiles, err := inventory.Read(b.Files(), slices.Sorted(maps.Keys(b.Files()))...)
	require.NoError(t, err)
	if diff := cmp.Diff(inv, fromFiles, cmpopts.IgnoreUnexported(inventory.Inventory{})); diff != "" {
		t.Errorf("CLI files (-built +read):\n%s", diff)
	}
	// Deterministic output.
	again, err := json.Marshal(b.Build())
	require.NoError(t, err)
	assert.Equal(t, string(combined), string(again), "JSON differs between calls")
}

func TestFilesShapes(t *testing.T) {
	b := lifecycletest.Inventory(now)
	b.AMIImage("web", "1.0.0", 0).WithAMIs(lifecycletest.AMI{ID: "ami-1", Public: true})
	names := slices.Sorted(maps.Keys(b.Files()))
	want := []string{"describe-images.json", "launch-permission-ami-1.json", "list-image-build-versions.json"}
	if diff := cmp.Diff(want, names); diff != "" {
		t.Errorf("file names (-want +got):\n%s", diff)
	}
	var lp map[string]any
	if err := json.Unmarshal(b.Files()["launch-permission-ami-1.json"].Data, &lp); err != nil || lp["ImageId"] != "ami-1" {
		t.Errorf("launch permission file = %v, %v", lp, err)
	}
}

func hasTag(a *index.AMI, sel lifecycle.Tags) bool {
	_, ok := a.MatchTag(sel)
	return ok
}
