package lifecycle

import (
	"reflect"
	"slices"
	"strings"
)

// MergeInventories combines inventories read from several files into one,
// deterministically: records keep the order of their first appearance,
// parts taken in argument order.
//
//   - Images with the same ARN are one record when they agree on type,
//     name, version, status and creation date (the same image saved from
//     get-image and from list-image-build-versions): members missing from
//     the first record are taken from later ones. Records that disagree are
//     all kept, and Inventory.Check reports the duplicate ARN.
//   - AMIs with the same ImageId are merged the same way when they agree on
//     owner, creation date and state.
//   - Launch permissions of the same ImageId are united, without
//     duplicates, in order of first appearance.
//
// The parts are not modified. The result's three lists are new, but its
// records are shallow copies: they share tag maps, slices such as
// BlockDeviceMappings and pointed-to values with the parts.
func MergeInventories(parts ...*Inventory) *Inventory {
	out := &Inventory{}
	imgAt := map[string]int{}
	amiAt := map[string]int{}
	lpAt := map[string]int{}
	for _, p := range parts {
		if p == nil {
			continue
		}
		for _, img := range p.Images {
			if i, ok := imgAt[img.ARN]; ok && img.ARN != "" && sameImage(&out.Images[i], &img) {
				fillZero(&out.Images[i], &img)
				continue
			}
			if _, ok := imgAt[img.ARN]; !ok {
				imgAt[img.ARN] = len(out.Images)
			}
			out.Images = append(out.Images, img)
		}
		for _, a := range p.AMIs {
			if i, ok := amiAt[a.ImageID]; ok && a.ImageID != "" && sameAMI(&out.AMIs[i], &a) {
				fillZero(&out.AMIs[i], &a)
				continue
			}
			if _, ok := amiAt[a.ImageID]; !ok {
				amiAt[a.ImageID] = len(out.AMIs)
			}
			out.AMIs = append(out.AMIs, a)
		}
		for _, lp := range p.LaunchPermissions {
			i, ok := lpAt[lp.ImageID]
			if !ok {
				lpAt[lp.ImageID] = len(out.LaunchPermissions)
				out.LaunchPermissions = append(out.LaunchPermissions,
					LaunchPermissions{ImageID: lp.ImageID, LaunchPermissions: slices.Clone(lp.LaunchPermissions)})
				continue
			}
			dst := &out.LaunchPermissions[i]
			for _, perm := range lp.LaunchPermissions {
				if !slices.Contains(dst.LaunchPermissions, perm) {
					dst.LaunchPermissions = append(dst.LaunchPermissions, perm)
				}
			}
		}
	}
	return out
}

// agree reports whether two values are equal or at least one is zero.
func agree[T comparable](a, b T) bool {
	var zero T
	return a == b || a == zero || b == zero
}

func sameImage(a, b *Image) bool {
	return agree(a.Type, b.Type) && agree(a.Name, b.Name) && versionsAgree(a.Version, b.Version) &&
		agree(a.Status(), b.Status()) && timesAgree(a.DateCreated, b.DateCreated)
}

// versionsAgree accepts "1.0.0" and "1.0.0/3" as the same image's version.
func versionsAgree(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return agree(a, b) || strings.HasPrefix(b, a+"/")
}

// timesAgree compares two timestamps by the instant they denote.
func timesAgree(a, b Timestamp) bool {
	if agree(a, b) {
		return true
	}
	ta, errA := a.Time()
	tb, errB := b.Time()
	return errA == nil && errB == nil && ta.Equal(tb)
}

func sameAMI(a, b *AMI) bool {
	return agree(a.OwnerID, b.OwnerID) && timesAgree(a.CreationDate, b.CreationDate) && agree(a.State, b.State)
}

// fillZero copies into *dst every field of *src whose value in *dst is the
// zero value. dst and src point to structs of the same type.
func fillZero[T any](dst, src *T) {
	d, s := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := 0; i < d.NumField(); i++ {
		if d.Field(i).IsZero() && !s.Field(i).IsZero() {
			d.Field(i).Set(s.Field(i))
		}
	}
}
