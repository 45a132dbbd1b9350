package htmlreport

import (
	"slices"
	"strings"
	"time"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// image is what the page shows of one image of the inventory.
type image struct {
	arn string
	// recipe is the name segment of the ARN, the name the dry-run groups
	// by (Decision L-21); version is the recipe version x.y.z.
	recipe, version string
	region, account string
	status          lifecycle.ImageStatus
	created         time.Time
	tags            lifecycle.Tags
}

// readImages returns the images of inv that a dry-run can read, in
// ascending ARN order, as the dry-run orders them: those with an image
// build version ARN given once and a readable creation time.
func readImages(inv *inventory.Inventory) []image {
	out := make([]image, 0, len(inv.Images))
	for i := range inv.Images {
		img := &inv.Images[i]
		a, err := arn.Parse(img.ARN)
		if err != nil || a.Type() != arn.Image {
			continue
		}
		v, ok := a.Version()
		if _, hasBuild := a.Build(); !ok || !hasBuild {
			continue
		}
		created, err := img.DateCreated.Time()
		if err != nil || img.DateCreated.IsZero() {
			continue
		}
		out = append(out, image{arn: img.ARN, recipe: a.Name(), version: v.String(), region: a.Region(), account: a.Account(),
			status: img.Status(), created: created, tags: img.Tags})
	}
	slices.SortStableFunc(out, func(x, y image) int { return strings.Compare(x.arn, y.arn) })
	// An ARN given twice is left out, as the dry-run leaves it out.
	kept := out[:0]
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && out[j].arn == out[i].arn {
			j++
		}
		if j == i+1 {
			kept = append(kept, out[i])
		}
		i = j
	}
	return kept
}
