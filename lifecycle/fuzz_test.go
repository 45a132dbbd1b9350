package lifecycle

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func addPolicySeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "policy", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	for _, s := range []string{``, `{}`, `[]`, `{"lifecyclePolicy":{}}`, `{"clientToken":"x"}`, `{"lifecyclePolicyArn":"x"}`,
		`{"policyDetails":[{"filter":{"value":1e3}}]}`, `{"tags":{"a":"b","a":"c"}}`, `{"a":`, `{"dateCreated":-1.5}`,
		"\xef\xbb\xbf{\"name\":\"abc\"}", "{\"name\":\"a\xffb\"}", "\xff\xfe{\x00}\x00", `{"Name":"abc"}`,
		`{"dateCreated":253402300800}`, `{"dateCreated":"9999-12-31T23:00:00-05:00"}`} {
		f.Add([]byte(s))
	}
}

// checkDecodeError asserts the decoder contract: an error is a
// *DecodeError wrapping one of the sentinels, with an offset inside the
// input.
func checkDecodeError(t *testing.T, data []byte, err error) {
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *DecodeError", err, err)
	}
	if de.Offset < 0 || de.Offset > int64(len(data)) {
		t.Fatalf("offset %d outside the input of %d bytes: %v", de.Offset, len(data), err)
	}
	switch {
	case errors.Is(err, ErrSyntax), errors.Is(err, ErrShape), errors.Is(err, ErrType),
		errors.Is(err, ErrUnknownField), errors.Is(err, ErrDuplicateField), errors.Is(err, ErrEncoding), errors.Is(err, ErrTooLarge):
	default:
		t.Fatalf("error %v wraps no sentinel", err)
	}
	if de.Reason == "" {
		t.Fatalf("error without a reason: %#v", de)
	}
	if err := json.Unmarshal(data, new(any)); err == nil && errors.Is(de, ErrSyntax) && de.Offset == 0 && len(data) > 0 {
		t.Fatalf("valid JSON reported as a syntax error at the start: %v", de)
	}
}

// FuzzDecodePolicy checks that decoding never panics, that every failure is
// a *DecodeError with a path, and that accepted documents round-trip and
// can be validated.
func FuzzDecodePolicy(f *testing.F) {
	addPolicySeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range []DecodeOptions{{}, {AllowUnknownFields: true}} {
			doc, err := DecodePolicy(data, opts)
			if err != nil {
				checkDecodeError(t, data, err)
				continue
			}
			doc.Validate(ValidateOptions{})
			doc.Validate(ValidateOptions{ModelOnly: true, AllowMixedWildcards: true})
			out, err := json.Marshal(doc)
			if err != nil {
				t.Fatalf("encode: %v", err)
			}
			again, err := DecodePolicy(out, DecodeOptions{})
			if err != nil {
				t.Fatalf("re-decoding %s: %v", out, err)
			}
			out2, _ := json.Marshal(again)
			if string(out) != string(out2) {
				t.Fatalf("encoding is not stable:\n%s\n%s", out, out2)
			}
		}
	})
}

func FuzzDecodeStateUpdate(f *testing.F) {
	f.Add([]byte(`{"resourceArn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/1","state":{"status":"DELETED"},"updateAt":1}`))
	f.Add([]byte(`{"exclusionRules":{"amis":{"lastLaunched":{"value":3,"unit":"DAYS"}}}}`))
	f.Add([]byte(`{`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := DecodeStateUpdate(data, DecodeOptions{})
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		r.Validate(StateUpdateContext{Image: &Image{Type: ImageTypeAMI, State: &ImageState{Status: StatusAvailable}}})
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := DecodeStateUpdate(out, DecodeOptions{}); err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
	})
}

// FuzzDecodeInventory checks the inventory loader the same way, and that
// checking and indexing an accepted inventory never panics.
func FuzzDecodeInventory(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("testdata", "inventory", "*.json"))
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"images":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/1","outputResources":{"amis":[{"image":"ami-1"}]}}],"amis":[{"ImageId":"ami-1","LastLaunchedTime":"x"}]}`))
	f.Add([]byte(`{"ImageId":"ami-1","LaunchPermissions":[{"Group":"all"}]}`))
	for _, s := range []string{
		`{"images":[{"ARN":"a"}]}`, `{"images":[{"tags":{"Pin":"yes"},"tags":{}}]}`, "\xef\xbb\xbf{\"Images\":[]}",
		"{\"images\":[{\"name\":\"w\xffb\"}]}", "{\x00}\x00",
		`{"images":[{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/1","type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":"2024-01-01T00:00:00Z","outputResources":{"amis":[{"image":"ami-00000001"}]}},` +
			`{"arn":"arn:aws:imagebuilder:us-east-1:111122223333:image/a/1.0.0/2","type":"AMI","state":{"status":"AVAILABLE"},"dateCreated":"-62167219201","outputResources":{"amis":[{"image":"ami-00000001","region":"x\u001b"}]}}],` +
			`"amis":[{"ImageId":"ami-00000001","Public":true},{"ImageId":"ami-00000001"}],"launchPermissions":[{"ImageId":"ami-00000001","LaunchPermissions":[]},{"ImageId":"ami-00000001","LaunchPermissions":[{"Group":"all"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		inv, err := DecodeInventory(data)
		if err != nil {
			checkDecodeError(t, data, err)
			return
		}
		idx, fs := inv.Index()
		if len(idx.Images) > len(inv.Images) {
			t.Fatalf("index has more images than the inventory")
		}
		for i := 1; i < len(idx.Images); i++ {
			if idx.Images[i-1].ARN >= idx.Images[i].ARN {
				t.Fatalf("index not sorted by unique ARN")
			}
		}
		for _, f := range fs {
			if f.Severity != SeverityError && f.Severity != SeverityWarning || f.Message == "" {
				t.Fatalf("bad finding %+v", f)
			}
		}
		out, err := json.Marshal(inv)
		if err != nil {
			t.Fatal(err)
		}
		again, err := DecodeInventory(out)
		if err != nil {
			t.Fatalf("re-decoding %s: %v", out, err)
		}
		// Merging two named copies gives the same findings in either order.
		inv.File, again.File = "a.json", "b.json"
		ab, ba := MergeInventories(inv, again).Check(), MergeInventories(again, inv).Check()
		if len(ab) != len(ba) {
			t.Fatalf("merge order changes the findings:\n%v\n%v", ab, ba)
		}
		for i := range ab {
			if ab[i].String() != ba[i].String() {
				t.Fatalf("merge order changes the findings:\n%v\n%v", ab[i], ba[i])
			}
		}
	})
}

// FuzzTimestamp checks that Time never panics and that parsed times print
// back to a Timestamp denoting the same instant.
func FuzzTimestamp(f *testing.F) {
	for _, s := range []string{"2024-05-01T10:00:00Z", "1714557600.25", "-0", "1e9", "", "2024-13-01T00:00:00Z",
		"-62167219201", "-62167219200.5", "253402300800", "9999-12-31T23:00:00-05:00", "0000-01-01T00:30:00+01:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Timestamp(s).Time()
		if err != nil {
			if !errors.Is(err, ErrTimestamp) {
				t.Fatalf("error %v does not wrap ErrTimestamp", err)
			}
			return
		}
		back, err := TimestampOf(v).Time()
		if err != nil || !back.Equal(v) {
			t.Fatalf("%q: %v -> %q -> %v, %v", s, v, TimestampOf(v), back, err)
		}
		if _, err := v.MarshalJSON(); err != nil {
			t.Fatalf("%q: accepted %v cannot be written: %v", s, v, err)
		}
	})
}
