package plan_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	lt "github.com/ibkit/ibkit/lifecycle/lifecycletest"
	"github.com/ibkit/ibkit/lifecycle/plan"
	"github.com/ibkit/ibkit/semver"
	"github.com/stretchr/testify/require"
)

// planNow is the instant of every scenario's execution.
var planNow = time.Date(2026, time.March, 31, 12, 0, 0, 0, time.UTC)

const (
	planAccount = "123456789012"
	planRegion  = "us-east-1"
)

// img describes one image of a scenario inventory.
type planImg struct {
	recipe  string // recipe name; the ARN uses its lower-case, hyphenated form
	version string // x.y.z
	build   uint64
	age     time.Duration // before planNow
	status  lifecycle.ImageStatus
	tags    lifecycle.Tags
	amis    []index.AMI
	noName  bool // the inventory does not know the image's name (ARN only)
	created time.Time
	done    time.Time // dateCompleted
	docker  bool
	uris    []string
	// region and account override planRegion and planAccount in the ARN.
	region, account string
	imported        bool // imageSource IMPORTED (L-27)
}

func nDays(n float64) time.Duration { return time.Duration(n * float64(24*time.Hour)) }

func arnOf(recipe, version string, build uint64) string {
	return arnIn(planRegion, planAccount, recipe, version, build)
}

func arnIn(region, account, recipe, version string, build uint64) string {
	name := strings.ToLower(strings.ReplaceAll(recipe, " ", "-"))
	return fmt.Sprintf("arn:aws:imagebuilder:%s:%s:image/%s/%s/%d", region, account, name, version, build)
}

func (m planImg) indexed() index.Image {
	status := m.status
	if status == "" {
		status = lifecycle.StatusAvailable
	}
	created := m.created
	if created.IsZero() {
		created = planNow.Add(-m.age)
	}
	region, account := cmp.Or(m.region, planRegion), cmp.Or(m.account, planAccount)
	it := index.Image{
		ARN:       arnIn(region, account, m.recipe, m.version, m.build),
		Name:      m.recipe,
		ARNName:   strings.ToLower(strings.ReplaceAll(m.recipe, " ", "-")),
		Region:    region,
		AccountID: account,
		Version:   semver.MustParse(m.version),
		Build:     m.build,
		Type:      lifecycle.ImageTypeAMI,
		Status:    status,
		Created:   created,
		Completed: m.done,
		Tags:      m.tags,
		AMIs:      m.amis,
	}
	if m.noName {
		it.Name = ""
	}
	if m.docker {
		it.Type = lifecycle.ImageTypeDocker
		if m.uris != nil {
			it.Containers = []index.Container{{Region: planRegion, ImageURIs: m.uris}}
		}
	}
	it.Imported = m.imported
	return it
}

// r1 is build b of recipe web 1.0.0, created age before planNow.
func r1(b uint64, age time.Duration) planImg {
	return planImg{recipe: "web", version: "1.0.0", build: b, age: age}
}

// indexOf builds an Index of the images, ordered by ARN as Inventory.Index
// orders it.
func indexOf(imgs ...planImg) *inventory.Index {
	images := make([]index.Image, 0, len(imgs))
	for _, m := range imgs {
		images = append(images, m.indexed())
	}
	sort.Slice(images, func(i, j int) bool { return images[i].ARN < images[j].ARN })
	return index.New(images, nil)
}

// ami returns a described AMI with the given snapshots.
func planAMI(id, region string, snapshots ...string) index.AMI {
	return index.AMI{
		ID: id, Region: region, AccountID: planAccount, Described: true, State: "available",
		Snapshots: snapshots, PermissionsKnown: true,
		Tags: []index.Tag{{Key: "CreatedBy", Value: "EC2 Image Builder"}},
	}
}

// verdict is what a plan says of one resource, as a test expects it: a
// record's action and status (with its snapshots), or an unaffected
// image's outcome under each rule, or that it is deferred or out of scope.
type verdict struct {
	Action     lifecycle.ActionType // of a SUCCESS or SKIPPED record
	Status     plan.ExecutionStatus // of a record; "" for an unaffected image
	Snapshots  []snapshotVerdict    // of an AMI record, in record order
	Outcomes   []ruleOutcome        // of an unaffected image, one per rule
	Unaffected bool
	Deferred   bool
	OutOfScope bool
}

// snapshotVerdict is the status of one snapshot of an AMI record.
type snapshotVerdict struct {
	ID     string
	Status plan.ExecutionStatus
}

// ruleOutcome is one rule's verdict on an unaffected image; Slot and Slots
// are set for OutcomeKept.
type ruleOutcome struct {
	Outcome     plan.Outcome
	Slot, Slots int
}

func acted(a lifecycle.ActionType) verdict { return verdict{Action: a, Status: plan.ExecutionSuccess} }
func skipped(a lifecycle.ActionType) verdict {
	return verdict{Action: a, Status: plan.ExecutionSkipped}
}
func failed() verdict { return verdict{Status: plan.ExecutionFailed} }
func unaffected(rules ...ruleOutcome) verdict {
	return verdict{Unaffected: true, Outcomes: rules}
}
func kept(slot, slots int) ruleOutcome { return ruleOutcome{plan.OutcomeKept, slot, slots} }
func rule(o plan.Outcome) ruleOutcome  { return ruleOutcome{Outcome: o} }

// with adds a snapshot's status to an AMI record's verdict.
func (v verdict) with(id string, st plan.ExecutionStatus) verdict {
	v.Snapshots = append(slices.Clone(v.Snapshots), snapshotVerdict{id, st})
	return v
}

// verdicts summarises a plan as resourceId → verdict.
func verdicts(p *plan.Plan) map[string]verdict {
	out := map[string]verdict{}
	for _, r := range p.Resources {
		var v verdict
		switch r.State.Status {
		case plan.ExecutionSuccess:
			v = acted(r.Action.Name)
		case plan.ExecutionSkipped:
			v = skipped(r.Action.Name)
		case plan.ExecutionFailed:
			v = failed()
		}
		for _, sn := range r.Snapshots {
			v = v.with(sn.SnapshotID, sn.State.Status)
		}
		out[r.ResourceID] = v
	}
	for _, u := range p.Unaffected {
		switch {
		case u.Deferred:
			out[u.ResourceID] = verdict{Deferred: true}
		case u.OutOfScope:
			out[u.ResourceID] = verdict{OutOfScope: true}
		default:
			v := unaffected()
			for _, r := range u.Rules {
				o := rule(r.Outcome)
				if r.Outcome == plan.OutcomeKept {
					o = kept(r.Slot, r.Slots)
				}
				v.Outcomes = append(v.Outcomes, o)
			}
			out[u.ResourceID] = v
		}
	}
	return out
}

// decisionsOf returns the decisions of the record of id.
func decisionsOf(p *plan.Plan, id string) []lifecycle.Decision {
	for _, r := range p.Resources {
		if r.ResourceID == id {
			return r.Decisions
		}
	}
	for _, u := range p.Unaffected {
		if u.ResourceID == id {
			return u.Decisions
		}
	}
	return nil
}

func mustPlan(t testing.TB, p lifecycle.Policy, idx *inventory.Index, opts plan.Options) *plan.Plan {
	t.Helper()
	return mustPlanAt(t, p, idx, planNow, opts)
}

// mustPlanAt is mustPlan at another instant.
func mustPlanAt(t testing.TB, p lifecycle.Policy, idx *inventory.Index, now time.Time, opts plan.Options) *plan.Plan {
	t.Helper()
	pl, err := plan.DryRun(&p, idx, now, opts)
	require.NoError(t, err, "DryRun")
	return pl
}

func hasDecision(ds []lifecycle.Decision, d lifecycle.Decision) bool { return slices.Contains(ds, d) }

// hasAnyTag reports whether tags hold one of the pairs of sel.
func hasAnyTag(tags, sel lifecycle.Tags) bool {
	_, ok := tags.Match(sel)
	return ok
}

// withReadings returns options with the readings when on is true, and the
// default options otherwise.
func withReadings(on bool, ds ...lifecycle.Decision) plan.Options {
	if !on {
		return plan.Options{}
	}
	return plan.Options{Readings: ds}
}

// jsonOf encodes v.
func jsonOf(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	require.NoError(t, err)
	return data
}

// policyJSON encodes the policy b builds in its wire form.
func policyJSON(t testing.TB, b *lt.PolicyBuilder) []byte {
	t.Helper()
	p := b.Build()
	return jsonOf(t, &p)
}
