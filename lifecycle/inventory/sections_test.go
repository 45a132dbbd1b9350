package inventory_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/ibkit/ibkit/lifecycle/inventory"
	"github.com/stretchr/testify/require"
)

// TestCheckPathsFollowTheDocument checks that findings on a raw AWS CLI
// response name the response's own members, and that a merged inventory
// falls back to the combined form.
func TestCheckPathsFollowTheDocument(t *testing.T) {
	const img = `{"arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0/1", "name": "web",
		"version": "1.0.0/1", "type": "AMI", "state": {"status": "AVAILABLE"}, "dateCreated": "yesterday"}`
	tests := []struct {
		name string
		doc  string
		want []string
	}{
		{"combined", `{"images": [` + img + `]}`, []string{"images[0].dateCreated"}},
		{"list response", `{"imageSummaryList": [` + img + `]}`, []string{"imageSummaryList[0].dateCreated"}},
		{"get-image response", `{"image": ` + img + `}`, []string{"image.dateCreated"}},
		{"describe-images response", `{"Images": [{"ImageId": "ami-0123456789abcdef0", "State": "weird"}]}`, []string{"Images[0].State"}},
		{"two image sections", `{"images": [` + img + `], "image": ` + img + `}`,
			[]string{"images[0].arn", "images[0].dateCreated", "images[1].arn", "images[1].dateCreated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inv, err := inventory.Decode([]byte(tt.doc))
			require.NoError(t, err)
			var got []string
			for _, f := range inventory.CheckAll(inv) {
				got = append(got, f.Path)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
		})
	}
	inv, err := inventory.Decode([]byte(`{"imageSummaryList": [` + img + `]}`))
	require.NoError(t, err)
	inv.File = "list.json"
	merged := inventory.Merge(inv)
	if fs := inventory.CheckAll(merged); len(fs) != 1 || fs[0].Path != "imageSummaryList[0].dateCreated" || fs[0].File != "list.json" {
		t.Errorf("merged inventory findings = %v, want the file's own path", fs)
	}
}
