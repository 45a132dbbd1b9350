package inventory

import (
	"cmp"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
)

// Merge combines inventories read from several files into one,
// deterministically. The parts are taken in the order of their File names
// (argument order among equal names), so that the result does not depend on
// the order of the arguments when every part is named; records keep the
// order of their first appearance.
//
//   - Images with the same ARN are one record when every member the dry-run
//     reads (type, name, version, status, creation and completion dates,
//     tags, output resources) is equal or missing from one of them, as for
//     the same image saved from get-image and from list-image-build-versions:
//     members missing from one record are taken from the other. An empty
//     member counts as missing only where it says nothing: an empty state or
//     outputResources object is missing, an empty tags object says that the
//     image has no tags.
//   - AMIs with the same ImageId are one record when they agree on public
//     access, EC2 tags, snapshots, launch and deprecation times (an absent
//     member says "none" there), and on owner, creation date and state when
//     both give them.
//   - Launch permissions of the same ImageId are one record when they grant
//     the same set of permissions.
//
// Records that disagree are all kept: Inventory.Index reports each
// conflict, naming both files, both paths and the members that differ, and
// the dry-run acts on neither record's exclusions alone.
//
// The result remembers where each record came from, so that the findings
// of Index name the original file (Finding.File) and the path in it, as
// long as its three lists are neither reordered nor resized. The parts are not
// modified. The result's lists are new, but its records are shallow copies:
// they share tag maps, slices such as BlockDeviceMappings and pointed-to
// values with the parts.
func Merge(parts ...*Inventory) *Inventory {
	return mergeInventories(parts, nil, false, 1)
}

// mergeStats counts the work of a merge, for tests that guard its cost.
type mergeStats struct {
	permChecks int // launch permissions looked up in a set
}

// mergeInventories is Merge, counting its work in stats when not nil, with
// up to workers goroutines.
// owned says that the parts are the caller's own and used no more, as Read's
// are: a list that one part alone gives, and that has no records to merge, is
// then that part's list itself rather than a copy.
func mergeInventories(parts []*Inventory, stats *mergeStats, owned bool, workers int) *Inventory {
	var ps []*Inventory
	for _, p := range parts {
		if p != nil {
			ps = append(ps, p)
		}
	}
	slices.SortStableFunc(ps, func(a, b *Inventory) int { return strings.Compare(a.File, b.File) })
	// Sized for parts that share no record, the common case.
	var nImages, nAMIs int
	for _, p := range ps {
		nImages, nAMIs = nImages+len(p.Images), nAMIs+len(p.AMIs)
	}
	out := &Inventory{}
	prov := &provenance{parts: ps}
	imgAt := make(map[string]int, nImages)
	amiAt := make(map[string]int, nAMIs)
	// A list that one part alone gives, without records to merge, is
	// adopted as it is when the parts are owned.
	adoptedImages, adoptedAMIs := false, false
	if owned {
		adoptImages := func() {
			if pi := solePart(ps, func(p *Inventory) int { return len(p.Images) }); pi >= 0 &&
				adopt(ps[pi].Images, func(img *Image) string { return img.ARN }, sameImage, imgAt) {
				out.Images, prov.images.first = ps[pi].Images, identityRefs(pi, nImages)
				adoptedImages = true
			}
		}
		adoptAMIs := func() {
			if pi := solePart(ps, func(p *Inventory) int { return len(p.AMIs) }); pi >= 0 &&
				adopt(ps[pi].AMIs, func(a *AMI) string { return a.ImageID }, func(a, b *AMI) bool { return len(amiDifferences(a, b)) == 0 }, amiAt) {
				out.AMIs, prov.amis.first = ps[pi].AMIs, identityRefs(pi, nAMIs)
				adoptedAMIs = true
			}
		}
		// The two lists are checked side by side when there are workers:
		// each touches its own members only.
		if workers > 1 {
			var wg sync.WaitGroup
			wg.Go(adoptAMIs)
			adoptImages()
			wg.Wait()
		} else {
			adoptImages()
			adoptAMIs()
		}
	}
	if nImages > 0 && !adoptedImages {
		out.Images, prov.images.first = make([]Image, 0, nImages), make([]recordRef, 0, nImages)
	}
	if nAMIs > 0 && !adoptedAMIs {
		out.AMIs, prov.amis.first = make([]AMI, 0, nAMIs), make([]recordRef, 0, nAMIs)
	}
	lpAt := map[string]int{}
	var lpSets []map[LaunchPermission]struct{} // per out.LaunchPermissions record, built on demand
	for pi, p := range ps {
		if !adoptedImages {
			mergeRecords(&out.Images, &prov.images, imgAt, p.Images, pi,
				func(img *Image) string { return img.ARN }, sameImage,
				func(dst, src *Image) { *dst = mergeImage(*dst, src) })
		}
		if !adoptedAMIs {
			mergeRecords(&out.AMIs, &prov.amis, amiAt, p.AMIs, pi,
				func(a *AMI) string { return a.ImageID }, func(a, b *AMI) bool { return len(amiDifferences(a, b)) == 0 },
				func(dst, src *AMI) { fillMissing(reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()) })
		}
		for i := range p.LaunchPermissions {
			lp := &p.LaunchPermissions[i]
			ref := recordRef{int32(pi), int32(i)}
			if at, ok := lpAt[lp.ImageID]; ok && lp.ImageID != "" {
				if lpSets[at] == nil {
					lpSets[at] = permissionSet(out.LaunchPermissions[at].LaunchPermissions)
				}
				if samePermissions(lpSets[at], lp.LaunchPermissions, stats) {
					prov.perms.addCopy(at, ref)
					continue
				}
			}
			if _, ok := lpAt[lp.ImageID]; !ok {
				lpAt[lp.ImageID] = len(out.LaunchPermissions)
			}
			out.LaunchPermissions = append(out.LaunchPermissions, *lp)
			lpSets = append(lpSets, nil)
			prov.perms.first = append(prov.perms.first, ref)
		}
	}
	out.merged = prov
	return out
}

// mergeRecords appends the records recs of part pi to *list, noting each
// one's origin in refs; a record whose key an earlier record has, and
// that same finds equal to it, is united into that one instead, and
// counts as another copy of it. at maps each key to its first record in
// *list.
func mergeRecords[T any](list *[]T, refs *recordRefs, at map[string]int, recs []T, pi int,
	key func(*T) string, same func(a, b *T) bool, unite func(dst, src *T)) {
	for i := range recs {
		rec := &recs[i]
		k := key(rec)
		ref := recordRef{int32(pi), int32(i)}
		first, seen := at[k]
		if seen && k != "" && same(&(*list)[first], rec) {
			unite(&(*list)[first], rec)
			refs.addCopy(first, ref)
			continue
		}
		if !seen {
			at[k] = len(*list)
		}
		*list = append(*list, *rec)
		refs.first = append(refs.first, ref)
	}
}

// solePart returns the index of the only part of which n is not 0, or -1.
func solePart(ps []*Inventory, n func(*Inventory) int) int {
	sole := -1
	for i, p := range ps {
		if n(p) == 0 {
			continue
		}
		if sole >= 0 {
			return -1
		}
		sole = i
	}
	return sole
}

// adopt reports whether recs, the records of the only part that gives a
// list, holds no two records that the merge would make one; then it fills
// at as the merge would, with the index of each key's first record.
// Otherwise at is left empty.
func adopt[T any](recs []T, key func(*T) string, same func(a, b *T) bool, at map[string]int) bool {
	for i := range recs {
		k := key(&recs[i])
		if j, ok := at[k]; ok {
			if k != "" && same(&recs[j], &recs[i]) {
				clear(at)
				return false
			}
			continue
		}
		at[k] = i
	}
	return true
}

// identityRefs returns the references of n records of part pi, in order.
func identityRefs(pi, n int) []recordRef {
	refs := make([]recordRef, n)
	for i := range refs {
		refs[i] = recordRef{int32(pi), int32(i)}
	}
	return refs
}

// permissionSet returns the distinct permissions of perms.
func permissionSet(perms []LaunchPermission) map[LaunchPermission]struct{} {
	set := make(map[LaunchPermission]struct{}, len(perms))
	for _, p := range perms {
		set[p] = struct{}{}
	}
	return set
}

// samePermissions reports whether perms grants exactly the permissions of
// set, in time linear in len(perms).
func samePermissions(set map[LaunchPermission]struct{}, perms []LaunchPermission, stats *mergeStats) bool {
	seen := make(map[LaunchPermission]struct{}, len(set))
	for _, p := range perms {
		if stats != nil {
			stats.permChecks++
		}
		if _, ok := set[p]; !ok {
			return false
		}
		seen[p] = struct{}{}
	}
	return len(seen) == len(set)
}

// agree reports whether two values are equal or at least one is zero.
func agree[T comparable](a, b T) bool {
	var zero T
	return a == b || a == zero || b == zero
}

func sameImage(a, b *Image) bool { return len(imageDifferences(a, b)) == 0 }

// mergeImage returns a with the members it lacks taken from b.
func mergeImage(a Image, b *Image) Image {
	fillMissing(reflect.ValueOf(&a).Elem(), reflect.ValueOf(b).Elem())
	return a
}

// versionsAgree accepts "1.0.0" and "1.0.0/3" as the same image's version.
func versionsAgree(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return agree(a, b) || strings.HasPrefix(b, a+"/")
}

// timesAgree compares two timestamps by the instant they denote; a missing
// one agrees with any.
func timesAgree(a, b lifecycle.Timestamp) bool {
	return a == "" || b == "" || sameInstant(a, b)
}

// sameInstant reports whether two timestamps are equal texts or denote the
// same instant; "" equals only "".
func sameInstant(a, b lifecycle.Timestamp) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	ta, errA := a.Time()
	tb, errB := b.Time()
	return errA == nil && errB == nil && ta.Equal(tb)
}

// difference is one member on which two copies of a record disagree, with
// the two values as they would be shown in a message.
type difference struct {
	member string
	a, b   string
}

// differ collects the differences between two records a and b, formatting
// the values of a member only when they differ.
type differ[T any] struct {
	a, b *T
	ds   []difference
}

func (d *differ[T]) check(member string, same bool, text func(*T) string) {
	if !same {
		d.ds = append(d.ds, difference{member, text(d.a), text(d.b)})
	}
}

// imageDifferences lists the members the dry-run reads on which two
// records of one image disagree; a member missing from one record agrees.
func imageDifferences(a, b *Image) []difference {
	d := differ[Image]{a: a, b: b}
	d.check("type", agree(a.Type, b.Type), func(x *Image) string { return string(x.Type) })
	d.check("name", agree(a.Name, b.Name), func(x *Image) string { return x.Name })
	d.check("version", versionsAgree(a.Version, b.Version), func(x *Image) string { return x.Version })
	d.check("state.status", agree(a.Status(), b.Status()), func(x *Image) string { return string(x.Status()) })
	d.check("dateCreated", timesAgree(a.DateCreated, b.DateCreated), func(x *Image) string { return string(x.DateCreated) })
	d.check("dateCompleted", timesAgree(a.DateCompleted, b.DateCompleted), func(x *Image) string { return string(x.DateCompleted) })
	d.check("tags", a.Tags == nil || b.Tags == nil || maps.Equal(a.Tags, b.Tags), func(x *Image) string { return tagsText(x.Tags) })
	ao, bo := a.OutputResources, b.OutputResources
	if ao != nil && bo != nil {
		d.check("outputResources.amis", ao.AMIs == nil || bo.AMIs == nil || slices.Equal(sortedOutputAMIs(ao.AMIs), sortedOutputAMIs(bo.AMIs)),
			func(x *Image) string { return outputAMIsText(x.OutputResources.AMIs) })
		d.check("outputResources.containers", ao.Containers == nil || bo.Containers == nil || containersText(ao.Containers) == containersText(bo.Containers),
			func(x *Image) string { return containersText(x.OutputResources.Containers) })
	}
	return d.ds
}

// amiDifferences lists the members the dry-run reads on which two EC2
// descriptions of one AMI disagree. Public access, tags, snapshots and the
// launch and deprecation times must be equal, an absent member meaning
// none; owner, creation date and state agree when one of them is missing.
func amiDifferences(a, b *AMI) []difference {
	d := differ[AMI]{a: a, b: b}
	d.check("OwnerId", agree(a.OwnerID, b.OwnerID), func(x *AMI) string { return x.OwnerID })
	d.check("CreationDate", timesAgree(a.CreationDate, b.CreationDate), func(x *AMI) string { return string(x.CreationDate) })
	d.check("State", agree(a.State, b.State), func(x *AMI) string { return string(x.State) })
	d.check("Public", a.Public == b.Public, func(x *AMI) string { return strconv.FormatBool(x.Public) })
	d.check("Tags", sameEC2Tags(a.Tags, b.Tags), func(x *AMI) string { return ec2TagsText(x.Tags) })
	d.check("BlockDeviceMappings", snapshotsText(a) == snapshotsText(b), snapshotsText)
	d.check("LastLaunchedTime", sameInstant(a.LastLaunchedTime, b.LastLaunchedTime), func(x *AMI) string { return string(x.LastLaunchedTime) })
	d.check("DeprecationTime", sameInstant(a.DeprecationTime, b.DeprecationTime), func(x *AMI) string { return string(x.DeprecationTime) })
	return d.ds
}

// sameEC2Tags reports whether two EC2 tag lists hold the same pairs, in any
// order.
func sameEC2Tags(a, b []EC2Tag) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return ec2TagsText(a) == ec2TagsText(b)
}

// permissionDifferences describes how two launch-permission records of
// one AMI differ: the permissions each grants that the other does not.
func permissionDifferences(a, b *LaunchPermissions) []difference {
	onlyIn := func(x, y []LaunchPermission) string {
		set := permissionSet(y)
		var only []string
		for p := range permissionSet(x) {
			if _, ok := set[p]; !ok {
				only = append(only, permissionText(p))
			}
		}
		slices.Sort(only)
		return listText(only)
	}
	return []difference{{"LaunchPermissions", "grants " + onlyIn(a.LaunchPermissions, b.LaunchPermissions) + " that the other does not",
		"grants " + onlyIn(b.LaunchPermissions, a.LaunchPermissions) + " that the other does not"}}
}

func permissionText(p LaunchPermission) string {
	switch {
	case p.UserID != "":
		return "account " + p.UserID
	case p.Group != "":
		return "group " + p.Group
	}
	return "a grant to no account or group"
}

// listText shows at most three items of a list and counts the rest.
func listText(items []string) string {
	const show = 3
	switch {
	case len(items) == 0:
		return "nothing"
	case len(items) <= show:
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:show], ", ") + " and " + strconv.Itoa(len(items)-show) + " more"
}

func tagsText(t lifecycle.Tags) string {
	if t == nil {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, k := range t.Keys() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(k + "=" + t[k])
	}
	b.WriteByte('}')
	return b.String()
}

func ec2TagsText(tags []EC2Tag) string {
	m := make(lifecycle.Tags, len(tags))
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return tagsText(m)
}

func snapshotsText(a *AMI) string {
	ids := a.snapshotIDs()
	slices.Sort(ids)
	return "[" + strings.Join(slices.Compact(ids), ", ") + "]"
}

func sortedOutputAMIs(amis []OutputAMI) []OutputAMI {
	ks := slices.Clone(amis)
	slices.SortFunc(ks, func(x, y OutputAMI) int {
		return cmp.Or(strings.Compare(x.Image, y.Image), strings.Compare(x.Region, y.Region), strings.Compare(x.AccountID, y.AccountID))
	})
	return ks
}

func outputAMIsText(amis []OutputAMI) string {
	var items []string
	for _, a := range sortedOutputAMIs(amis) {
		items = append(items, a.Image+" in "+a.Region)
	}
	return "[" + strings.Join(items, ", ") + "]"
}

func containersText(cs []OutputContainer) string {
	var items []string
	for _, c := range cs {
		uris := slices.Clone(c.ImageURIs)
		slices.Sort(uris)
		items = append(items, c.Region+": "+strings.Join(uris, " "))
	}
	slices.Sort(items)
	return "[" + strings.Join(items, "; ") + "]"
}

// fillMissing copies into d every field of s that d lacks. A field is
// missing when it is the zero value or points to a struct whose fields are
// all missing (an empty JSON object); a pointed-to struct both have is
// merged field by field into a new copy, so that the inputs stay intact.
func fillMissing(d, s reflect.Value) {
	for i := 0; i < d.NumField(); i++ {
		df, sf := d.Field(i), s.Field(i)
		switch {
		case isMissing(sf):
		case isMissing(df):
			df.Set(sf)
		case df.Kind() == reflect.Pointer && df.Elem().Kind() == reflect.Struct:
			cp := reflect.New(df.Elem().Type())
			cp.Elem().Set(df.Elem())
			fillMissing(cp.Elem(), sf.Elem())
			df.Set(cp)
		}
	}
}

func isMissing(v reflect.Value) bool {
	if v.IsZero() {
		return true
	}
	if v.Kind() == reflect.Pointer && v.Elem().Kind() == reflect.Struct {
		e := v.Elem()
		for i := 0; i < e.NumField(); i++ {
			if !isMissing(e.Field(i)) {
				return false
			}
		}
		return true
	}
	return false
}

// recordRef locates a record in one part of a merge: the part's position
// in provenance.parts and the record's index in its list.
type recordRef struct{ part, index int32 }

// provenance records where the records of a merged inventory came from.
type provenance struct {
	parts               []*Inventory
	images, amis, perms recordRefs
}

// recordRefs holds, per record of one list, its first copy, and the other
// copies of the records that several copies were merged into.
type recordRefs struct {
	first []recordRef
	more  map[int][]recordRef
}

// addCopy records ref as another copy of record at.
func (rs *recordRefs) addCopy(at int, ref recordRef) {
	if rs.more == nil {
		rs.more = map[int][]recordRef{}
	}
	rs.more[at] = append(rs.more[at], ref)
}

// memberGiven reports whether the struct v points to gives its member
// named name (a JSON name), in the sense of fillMissing.
func memberGiven(v any, name string) bool {
	e := reflect.ValueOf(v).Elem()
	f, ok := wire.FieldByJSONName(e.Type(), name)
	return ok && !isMissing(e.Field(f))
}
