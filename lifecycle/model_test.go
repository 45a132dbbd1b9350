package lifecycle

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestEnums(t *testing.T) {
	valid := []interface{ Valid() bool }{
		ResourceTypeAMI, ResourceTypeContainer, PolicyEnabled, PolicyDisabled,
		ActionDeprecate, ActionDisable, ActionDelete, FilterAge, FilterCount,
		Days, Weeks, Months, Years, ImageTypeAMI, ImageTypeDocker,
		StatusPending, StatusCreating, StatusBuilding, StatusImporting, StatusTesting, StatusDistributing,
		StatusIntegrating, StatusAvailable, StatusCancelled, StatusFailed, StatusDeprecated, StatusDeleted, StatusDisabled,
		ResourceAvailable, ResourceDeprecated, ResourceDisabled, ResourceDeleted,
		AMIAvailable, AMIPending, AMIInvalid, AMIDeregistered, AMITransient, AMIFailed, AMIError, AMIDisabled,
	}
	for _, v := range valid {
		if !v.Valid() {
			t.Errorf("%v is not Valid", v)
		}
	}
	invalid := []interface{ Valid() bool }{
		ResourceType("AMI"), PolicyStatus("enabled"), ActionType("delete"), FilterType(""), TimeUnit("DAY"),
		ImageType("ami"), ImageStatus("RUNNING"), ResourceStatus("FAILED"), AMIState("Available"),
	}
	for _, v := range invalid {
		if v.Valid() {
			t.Errorf("%v is Valid", v)
		}
	}
	if ActionDeprecate.Priority() != 0 || ActionDisable.Priority() != 1 || ActionDelete.Priority() != 2 || ActionType("X").Priority() != 3 {
		t.Error("Priority order")
	}
	if ResourceTypeAMI.ImageType() != ImageTypeAMI || ResourceTypeContainer.ImageType() != ImageTypeDocker || ResourceType("x").ImageType() != "" {
		t.Error("ImageType mapping")
	}
	for _, s := range []ImageStatus{StatusFailed, StatusCancelled} {
		if !s.Unsuccessful() || !s.Terminal() || s.InProgress() {
			t.Errorf("%s classification", s)
		}
	}
	if StatusDeleted.Terminal() || StatusDeleted.InProgress() || !StatusImporting.InProgress() {
		t.Error("DELETED/IMPORTING classification")
	}
}

func TestModelAccessors(t *testing.T) {
	var img Image
	if img.Status() != "" || img.AMIs() != nil || img.Containers() != nil {
		t.Error("accessors of an empty image")
	}
	var a Action
	if a.Includes().Any() {
		t.Error("absent includeResources includes something")
	}
	var f Filter
	if f.Retain() != 0 {
		t.Error("absent retainAtLeast")
	}
	p := Policy{}
	if !p.Enabled() {
		t.Error("absent status is ENABLED")
	}
	p.Status = PolicyDisabled
	if p.Enabled() {
		t.Error("DISABLED policy enabled")
	}
	ami := AMI{
		Tags: []EC2Tag{{Key: "Env", Value: "prod"}},
		BlockDeviceMappings: []BlockDeviceMapping{
			{DeviceName: "/dev/xvda", EBS: &EBS{SnapshotID: "snap-1"}},
			{DeviceName: "/dev/sdb"},
			{DeviceName: "/dev/sdc", EBS: &EBS{}},
			{DeviceName: "/dev/sdd", EBS: &EBS{SnapshotID: "snap-2"}},
		},
	}
	if diff := cmp.Diff([]string{"snap-1", "snap-2"}, ami.SnapshotIDs()); diff != "" {
		t.Errorf("SnapshotIDs: %s", diff)
	}
	if !ami.HasTag("Env", "prod") || ami.HasTag("Env", "Prod") || !ami.MatchesAnyTag(Tags{"x": "y", "Env": "prod"}) || ami.MatchesAnyTag(Tags{"Env": "dev"}) {
		t.Error("AMI tag matching")
	}
}

func TestTagsMatchesAny(t *testing.T) {
	tests := []struct {
		tags, sel Tags
		want      bool
	}{
		{Tags{"a": "1"}, Tags{"a": "1"}, true},
		{Tags{"a": "1"}, Tags{"a": "2"}, false},
		{Tags{"a": "1"}, Tags{"A": "1"}, false},
		{Tags{"a": "1", "b": "2", "c": "3"}, Tags{"z": "0", "c": "3"}, true},
		{Tags{"a": ""}, Tags{"a": ""}, true},
		{nil, Tags{"a": "1"}, false},
		{Tags{"a": "1"}, nil, false},
	}
	for _, tt := range tests {
		if got := tt.tags.MatchesAny(tt.sel); got != tt.want {
			t.Errorf("%v.MatchesAny(%v) = %v", tt.tags, tt.sel, got)
		}
	}
	if diff := cmp.Diff([]string{"A", "a", "b"}, Tags{"b": "", "a": "", "A": ""}.Keys()); diff != "" {
		t.Errorf("Keys: %s", diff)
	}
}

func TestFindingEncoding(t *testing.T) {
	f := Finding{Severity: SeverityWarning, Path: "policyDetails[0].filter.unit", Code: CodeUnitOnCount, Rule: "X4",
		Decisions: []Decision{DecisionCountModifiers}, Message: "is ignored"}
	data, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"severity":"warning","path":"policyDetails[0].filter.unit","code":"unit-on-count","rule":"X4","decisions":["L-P2"],"message":"is ignored"}`
	if string(data) != want {
		t.Errorf("JSON = %s", data)
	}
	var back Finding
	if err := json.Unmarshal(data, &back); err != nil || !cmp.Equal(f, back) {
		t.Errorf("round trip: %v %+v", err, back)
	}
	if got := f.String(); got != "policyDetails[0].filter.unit: warning: is ignored [unit-on-count, L-P2]" {
		t.Errorf("String = %q", got)
	}
	if got := (Finding{Severity: SeverityError, Code: CodeRequired, Message: "m"}).String(); got != "(document): error: m [required]" {
		t.Errorf("String = %q", got)
	}
	if _, err := json.Marshal(Finding{}); err == nil {
		t.Error("zero severity encoded")
	}
	var s Severity
	if err := s.UnmarshalText([]byte("fatal")); err == nil {
		t.Error("unknown severity decoded")
	}
	if Severity(7).String() != "Severity(7)" {
		t.Error("String of an unknown severity")
	}
}

func TestValidationError(t *testing.T) {
	fs := Findings{
		{Severity: SeverityWarning, Path: "a", Code: "w", Message: "warn"},
		{Severity: SeverityError, Path: "b", Code: "e1", Message: "first"},
		{Severity: SeverityError, Path: "c", Code: "e2", Message: "second"},
	}
	err := fs.Err()
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Findings) != 3 || !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v", err)
	}
	if msg := err.Error(); !strings.HasPrefix(msg, "lifecycle: 2 errors; first: b: error: first") {
		t.Errorf("message = %q", msg)
	}
	if msg := fs[:2].Err().Error(); msg != "lifecycle: 1 error: b: error: first [e1]" {
		t.Errorf("message = %q", msg)
	}
	if fs[:1].Err() != nil {
		t.Error("warnings made an error")
	}
}

// TestDecisionOrder checks that the plan's decision table is in the order
// findings use, so that every list of decisions reads the same way.
func TestDecisionOrder(t *testing.T) {
	ids := []Decision{"L-P1", "L-10", "AS-6", "L-2", "L-25", "AS-1", "L-1"}
	slices.SortFunc(ids, compareDecisions)
	want := []Decision{"AS-1", "AS-6", "L-1", "L-2", "L-10", "L-25", "L-P1"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if !slices.IsSortedFunc(decisionOrder[:], compareDecisions) {
		t.Errorf("decisionOrder %v is not in specification order", decisionOrder)
	}
}
