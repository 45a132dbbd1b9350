package lifecycle

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/ibkit/ibkit/internal/decision"
)

func TestEnums(t *testing.T) {
	valid := []interface{ valid() bool }{
		ResourceTypeAMI, ResourceTypeContainer, PolicyEnabled, PolicyDisabled,
		ActionDeprecate, ActionDisable, ActionDelete, FilterAge, FilterCount,
		Days, Weeks, Months, Years, ImageTypeAMI, ImageTypeDocker,
		StatusPending, StatusCreating, StatusBuilding, StatusImporting, StatusTesting, StatusDistributing,
		StatusIntegrating, StatusAvailable, StatusCancelled, StatusFailed, StatusDeprecated, StatusDeleted, StatusDisabled,
		StatusAvailable, StatusDeprecated, StatusDisabled, StatusDeleted,
	}
	for _, v := range valid {
		assert.True(t, v.valid(), "%v is not valid", v)
	}
	invalid := []interface{ valid() bool }{
		ResourceType("AMI"), PolicyStatus("enabled"), ActionType("delete"), FilterType(""), TimeUnit("DAY"),
		ImageType("ami"), ImageStatus("RUNNING"),
	}
	for _, v := range invalid {
		assert.False(t, v.valid(), "%v is valid", v)
	}
	assert.Equal(t, []int{0, 1, 2, 3},
		[]int{ActionDeprecate.Priority(), ActionDisable.Priority(), ActionDelete.Priority(), ActionType("X").Priority()}, "Priority order")
	assert.Equal(t, []ImageType{ImageTypeAMI, ImageTypeDocker, ""},
		[]ImageType{ResourceTypeAMI.ImageType(), ResourceTypeContainer.ImageType(), ResourceType("x").ImageType()}, "ImageType mapping")
	for _, s := range []ImageStatus{StatusFailed, StatusCancelled} {
		assert.True(t, s.Unsuccessful() && s.Terminal() && !s.InProgress(), "%s classification", s)
	}
	assert.False(t, StatusDeleted.Terminal() || StatusDeleted.InProgress() || !StatusImporting.InProgress(), "DELETED/IMPORTING classification")
}

func TestModelAccessors(t *testing.T) {
	var a Action
	assert.False(t, a.Includes().anyIncluded(), "absent includeResources includes something")
	var f Filter
	assert.Zero(t, f.Retain(), "absent retainAtLeast")
	p := Policy{}
	assert.True(t, p.Enabled(), "absent status is ENABLED")
	p.Status = PolicyDisabled
	assert.False(t, p.Enabled(), "DISABLED policy enabled")
}

func TestTagsMatch(t *testing.T) {
	tests := []struct {
		name      string
		tags, sel Tags
		want      string
		ok        bool
	}{
		{"equal pair", Tags{"a": "1"}, Tags{"a": "1"}, "a", true},
		{"other value", Tags{"a": "1"}, Tags{"a": "2"}, "", false},
		{"key case differs", Tags{"a": "1"}, Tags{"A": "1"}, "", false},
		{"one of several", Tags{"a": "1", "b": "2", "c": "3"}, Tags{"z": "0", "c": "3"}, "c", true},
		{"smallest of two", Tags{"a": "1", "b": "2"}, Tags{"b": "2", "a": "1"}, "a", true},
		{"empty values", Tags{"a": ""}, Tags{"a": ""}, "a", true},
		{"no tags", nil, Tags{"a": "1"}, "", false},
		{"no selection", Tags{"a": "1"}, nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key, ok := tt.tags.Match(tt.sel)
			assert.Equal(t, tt.want, key)
			assert.Equal(t, tt.ok, ok)
		})
	}
	assert.Equal(t, []string{"A", "a", "b"}, Tags{"b": "", "a": "", "A": ""}.Keys())
}

func TestFindingEncoding(t *testing.T) {
	f := Finding{Severity: SeverityWarning, Path: "policyDetails[0].filter.unit", Code: codeUnitOnCount, Rule: "X4",
		Decisions: []Decision{"L-P2"}, Message: "is ignored"}
	data, err := json.Marshal(f)
	require.NoError(t, err)
	assert.JSONEq(t, `{"severity":"warning","path":"policyDetails[0].filter.unit","code":"unit-on-count","rule":"X4","decisions":["L-P2"],"message":"is ignored"}`, string(data))
	var back Finding
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Empty(t, cmp.Diff(f, back), "round trip")
	assert.Equal(t, "policyDetails[0].filter.unit: warning: is ignored [unit-on-count, L-P2]", f.String())
	assert.Equal(t, "(document): error: m [required]", Finding{Severity: SeverityError, Code: codeRequired, Message: "m"}.String())
}

func TestFindingsError(t *testing.T) {
	fs := Findings{
		{Severity: SeverityWarning, Path: "a", Code: "w", Message: "warn"},
		{Severity: SeverityError, Path: "b", Code: "e1", Message: "first"},
		{Severity: SeverityError, Path: "c", Code: "e2", Message: "second"},
	}
	err := fs.err()
	var ve *Error
	require.ErrorAs(t, err, &ve)
	assert.Len(t, ve.Findings, 3)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "lifecycle: 2 errors; first: b: error: first [e1]", err.Error())
	assert.Equal(t, "lifecycle: 1 error: b: error: first [e1]", fs[:2].err().Error())
	assert.NoError(t, fs[:1].err(), "warnings made an error")
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		name string
		err  *Error
		want string
	}{
		{"decoding", &Error{File: "p.json", Path: "name", Offset: 9, Code: "unknown-field", Reason: "r", Err: ErrUnknown},
			"lifecycle: p.json: name (byte 9): r"},
		{"decoding the whole document", &Error{Code: "invalid-json", Reason: "r", Err: ErrSyntax}, "lifecycle: document (byte 0): r"},
		{"timestamp", &Error{Input: "x", Code: "invalid-timestamp", Reason: "r", Err: ErrSyntax}, `lifecycle: invalid timestamp "x": r`},
		{"argument", &Error{Path: "Region", Input: "x", Reason: "r", Err: ErrInvalid}, `lifecycle: invalid Region "x": r`},
		{"missing argument", &Error{Path: "now", Reason: "r", Err: ErrInvalid}, `lifecycle: invalid now: r`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.err.Error())
			assert.ErrorIs(t, tt.err, tt.err.Err)
		})
	}
}

func TestReadings(t *testing.T) {
	_, err := (&Policy{}).Validate(ValidateOptions{Readings: []Decision{"L-22"}})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.ErrorIs(t, err, ErrUnknown)
	assert.Equal(t, "Readings", e.Path)
	assert.Equal(t, "L-22", e.Input)
	for _, id := range readings().IDs() {
		assert.True(t, decision.Compare(id, id) == 0 && id.Valid(), "%s", id)
	}
	assert.Len(t, readings().IDs(), 25)
}
