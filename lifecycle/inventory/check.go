package inventory

import (
	"cmp"
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
	"github.com/ibkit/ibkit/lifecycle/internal/names"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
	"github.com/ibkit/ibkit/semver"
)

// Index checks the inventory and returns the Index a dry-run reads,
// together with what is wrong, missing or questionable in the inventory,
// sorted by file, then path:
//
//   - errors: images without an ARN, status, type or creation date; ARNs
//     that are not image build version ARNs; image ARNs, AMI IDs or
//     launch-permission records given more than once (the message names
//     the other copy and, when the copies differ, the members and values
//     that differ); an image whose name or version disagrees with its ARN;
//     unknown image statuses or types; unreadable timestamps the dry-run
//     uses (dateCreated, dateCompleted, LastLaunchedTime), including
//     instants outside the years 0000 to 9999;
//   - warnings: AMIs that images reference but the inventory does not
//     describe (the dry-run then knows nothing of their tags, launch
//     permissions, snapshots or launches); one AMI listed by several images
//     or twice by one; unreadable timestamps it does not use; unknown EC2
//     states; malformed account IDs, AMI IDs, snapshot IDs and Regions.
//
// A finding about a record names the file it came from in File (see
// Inventory.File; Merge keeps each record's file) and the path
// in that document: the document's own members when Decode
// recorded its sections ("imageSummaryList[3].dateCreated", "image.arn",
// "Images[0].LastLaunchedTime"), the combined form otherwise
// ("images[3].dateCreated", "amis[0].LastLaunchedTime"). The findings do not
// depend on the order of the records. Images with an error finding are left
// out of the Index; the findings say why. To check an inventory, ignore
// the Index.
func (inv *Inventory) Index() (*Index, lifecycle.Findings) {
	return inv.build(1)
}

// Index is inv.Index with up to o.Workers goroutines: the AMIs are
// checked while the images are, and the images' checks are shared out.
// The result is the same.
func (o Options) Index(inv *Inventory) (*Index, lifecycle.Findings) {
	return inv.build(o.Workers)
}

type inventoryChecker struct {
	inv      *Inventory
	findings lifecycle.Findings
}

// location is where a finding points: a file and a JSON path in it.
type location struct{ file, path string }

func (c *inventoryChecker) add(sev lifecycle.Severity, at location, code string, msg string) {
	c.findings = append(c.findings, lifecycle.Finding{Severity: sev, File: at.file, Path: at.path, Code: code, Message: msg})
}

// amiFacts is what the amis and launchPermissions sections say about one
// AMI ID, and which images list it.
type amiFacts struct {
	ami       *AMI // nil when not described, or described more than once
	amiAt     int  // the index of ami in Inventory.AMIs
	ambiguous bool
	tags      []index.Tag
	snapshots []string
	last      time.Time
	lastBad   bool // LastLaunchedTime was given but could not be read
	deprec    time.Time
	permsSeen bool
	permsAt   int // the launch-permission record read, -1 for none
	conflict  bool
	public    bool
	accounts  []string
	lister    int32 // the first image (in ARN order) that lists the AMI, -1 for none
	shared    bool  // listed by images with different ARNs
}

// recordKind names the three lists of an inventory.
type recordKind uint8

const (
	kindImage recordKind = iota
	kindAMI
	kindPermissions
)

// Paths are built only when a finding needs one: building them for every
// record would dominate the cost of checking large inventories.

func (n sections) amiSection() string {
	if n.AMIs != "" {
		return n.AMIs
	}
	return "amis"
}

func (n sections) imageRecord(i int) string {
	switch n.Images {
	case "image":
		return "image"
	case "":
		return jsonread.Index("images", i)
	}
	return jsonread.Index(n.Images, i)
}

// record returns the path of record i of a list of a document with these
// sections; n is the number of launch-permission records it holds.
func (n sections) record(kind recordKind, i, nperms int) string {
	switch kind {
	case kindImage:
		return n.imageRecord(i)
	case kindAMI:
		return jsonread.Index(n.amiSection(), i)
	}
	if n.TopLevelPermission && i == nperms-1 {
		return ""
	}
	return jsonread.Index("launchPermissions", i)
}

// at returns the location of member (a path relative to the record, "" for
// the record itself) of record i of the given list.
func (c *inventoryChecker) at(kind recordKind, i int, member string) location {
	return c.inv.locate(kind, i, member)
}

// locate returns the location of member of record i of a list. For a record
// of a merged inventory it is the location in the part it came from; when
// several copies were merged into it, the first copy that gives the
// member's top-level field, or the first copy.
func (inv *Inventory) locate(kind recordKind, i int, member string) location {
	if m := inv.merged; m != nil {
		rs := m.refs(kind)
		if i < len(rs.first) {
			ref := rs.first[i]
			if more := rs.more[i]; len(more) > 0 && member != "" {
				for _, r := range append([]recordRef{ref}, more...) {
					if m.parts[r.part].hasMember(kind, int(r.index), member) {
						ref = r
						break
					}
				}
			}
			return m.parts[ref.part].locate(kind, int(ref.index), member)
		}
	}
	p := inv.sections.record(kind, i, len(inv.LaunchPermissions))
	if member != "" {
		if p != "" && member[0] != '[' {
			p += "."
		}
		p += member
	}
	return location{inv.File, p}
}

// refs returns the references of one list of records.
func (p *provenance) refs(kind recordKind) *recordRefs {
	switch kind {
	case kindImage:
		return &p.images
	case kindAMI:
		return &p.amis
	}
	return &p.perms
}

// fileOfAll names the file of a finding about the inventory as a whole:
// its File, or "" for a merged inventory.
func (inv *Inventory) fileOfAll() string {
	if inv.merged != nil {
		return ""
	}
	return inv.File
}

// record returns a pointer to record i of a list.
func (inv *Inventory) record(kind recordKind, i int) any {
	switch kind {
	case kindImage:
		return &inv.Images[i]
	case kindAMI:
		return &inv.AMIs[i]
	}
	return &inv.LaunchPermissions[i]
}

// hasMember reports whether record i of a list gives the top-level field
// of member.
func (inv *Inventory) hasMember(kind recordKind, i int, member string) bool {
	v := inv.record(kind, i)
	name, _, _ := strings.Cut(member, ".")
	name, _, _ = strings.Cut(name, "[")
	return memberGiven(v, name)
}

// describe names a location for a message about another record:
// "images[0]" in the same file, "images[0] in list.json" in another.
func (l location) describe(from location) string {
	p := l.path
	if p == "" {
		p = "the document"
	}
	if l.file != "" && l.file != from.file {
		return p + " in " + l.file
	}
	return p
}

func (inv *Inventory) build(workers int) (*Index, lifecycle.Findings) {
	c := &inventoryChecker{inv: inv}
	// The AMIs' facts are gathered first, or beside the images' checks
	// when there are workers; their findings join the others before the
	// sort, which orders them fully.
	var (
		facts        []amiFacts
		factAt       map[string]int
		factFindings lifecycle.Findings
		amisDone     sync.WaitGroup
	)
	if workers > 1 {
		amisDone.Go(func() {
			ca := &inventoryChecker{inv: inv}
			facts, factAt = inv.amiFacts(ca)
			factFindings = ca.findings
		})
	} else {
		facts, factAt = inv.amiFacts(c)
	}

	// Order the images by ARN first, so that parsed records are written
	// once, in their final place. Equal ARNs keep their inventory order.
	type key struct {
		hi, lo uint64 // the first 16 bytes of arn, big-endian, zero-padded
		arn    string // the ARN without the prefix that all share
		i      int
	}
	keys := make([]key, len(inv.Images))
	// The ARNs of an account share a long prefix (Region, account,
	// "image/"); the comparisons of the sort skip it.
	prefix := 0
	if len(inv.Images) > 0 {
		prefix = len(inv.Images[0].ARN)
	}
	for i := range inv.Images {
		arn := inv.Images[i].ARN
		prefix = min(prefix, len(arn))
		for prefix > 0 && arn[:prefix] != inv.Images[0].ARN[:prefix] {
			prefix--
		}
	}
	for i := range inv.Images {
		arn := inv.Images[i].ARN[prefix:]
		keys[i] = key{hi: bigEndian(arn), lo: bigEndian(arn[min(8, len(arn)):]), arn: arn, i: i}
	}
	// Most comparisons end in the integers, without reading the strings.
	slices.SortFunc(keys, func(a, b key) int {
		if c := cmp.Compare(a.hi, b.hi); c != 0 {
			return c
		}
		if c := cmp.Compare(a.lo, b.lo); c != 0 {
			return c
		}
		if c := strings.Compare(a.arn, b.arn); c != 0 {
			return c
		}
		return a.i - b.i
	})

	// rank is each image's place in ARN order; copied marks the places of
	// images whose ARN other records give too.
	rank := make([]int32, len(keys))
	copied := make([]bool, len(keys))
	for r, k := range keys {
		rank[k.i] = int32(r)
	}
	for s := 0; s < len(keys); {
		e := s + 1
		for e < len(keys) && inv.Images[keys[s].i].ARN != "" && keys[e].arn == keys[s].arn {
			e++
		}
		if e-s > 1 {
			idx := make([]int, 0, e-s)
			for r, k := range keys[s:e] {
				idx = append(idx, k.i)
				copied[s+r] = true
			}
			c.duplicates(kindImage, idx, "image ARN", func(a, b int) []difference {
				return imageDifferences(&inv.Images[a], &inv.Images[b])
			}, "the dry-run leaves the image out; keep the record of the newer capture and remove the other")
		}
		s = e
	}

	// The images are checked in inventory order, which reads the records
	// one after the other, each parsed into its place in ARN order and
	// joined to its AMIs' facts; the places of the images left out are
	// closed up afterwards.
	amisDone.Wait()
	c.findings = append(c.findings, factFindings...)
	images := make([]index.Image, len(inv.Images))
	j := c.join(images, rank, copied, facts, factAt, workers)
	kept, undescribed, facts := j.kept, j.undescribed, j.facts
	w := 0
	for r := range images {
		if kept[r] {
			if w != r {
				images[w] = images[r]
			}
			w++
		}
	}
	clear(images[w:])
	images = images[:w:w]
	if j.sharedAny {
		c.sharedAMIs(facts, factAt)
		for r := range images {
			for k := range images[r].AMIs {
				images[r].AMIs[k].ListedByOtherImages = facts[factAt[images[r].AMIs[k].ID]].shared
			}
		}
	}

	if len(inv.AMIs) == 0 && len(undescribed) > 0 {
		slices.Sort(undescribed)
		undescribed = slices.Compact(undescribed)
		c.add(lifecycle.SeverityWarning, location{file: inv.fileOfAll(), path: "amis"}, codeUndescribedAMI, "the images reference "+strconv.Itoa(len(undescribed))+" AMI(s), such as "+wire.ShortText(undescribed[0])+", but the inventory describes none; the dry-run cannot see their tags, launch permissions, snapshots or launches, so AMI exclusions cannot match; add the describe-images output")
	}
	c.findings.Sort()
	return index.New(images, c.findings), c.findings
}

// bigEndian returns the first eight bytes of s as a big-endian integer,
// zero-padded: integers compare as the bytes do.
func bigEndian(s string) uint64 {
	var v uint64
	for i := range 8 {
		v <<= 8
		if i < len(s) {
			v |= uint64(s[i])
		}
	}
	return v
}

// minRun is the fewest images a goroutine of Index checks: below it, a
// goroutine costs more than it saves.
const minRun = 2048

// runCount returns the number of runs n images are checked in with up to
// workers goroutines: 1, or more when each run has minRun images.
func runCount(n, workers int) int {
	return max(1, min(workers, n/minRun))
}

// inRuns calls do for each of runs runs of n items, with the run's number
// and bounds [lo, hi), side by side when there are several.
func inRuns(runs, n int, do func(run, lo, hi int)) {
	if runs == 1 {
		do(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range runs {
		wg.Go(func() { do(w, w*n/runs, (w+1)*n/runs) })
	}
	wg.Wait()
}

// joined is what join gives: which places of the images are kept, the
// AMI IDs without an EC2 description, whether an AMI is listed by images
// with different ARNs, and the facts, with those of the AMIs without any
// added.
type joined struct {
	kept        []bool
	undescribed []string
	sharedAny   bool
	facts       []amiFacts
}

// join checks every image i and its output AMIs into images[rank[i]],
// joining the AMIs to their facts, and leaves out the images that fail
// their checks or whose ARN other records give too (copied). Runs of
// images are joined by up to workers goroutines, each into its images' own
// windows of one backing array; the facts are only read then, and the
// runs' findings are added in run order. Which image first lists each
// AMI, and whether images with different ARNs list it, is worked out
// after, in one pass, as it does not depend on the order.
func (c *inventoryChecker) join(images []index.Image, rank []int32, copied []bool,
	facts []amiFacts, factAt map[string]int, workers int) joined {
	inv := c.inv
	offs := make([]int, len(inv.Images)+1)
	for i := range inv.Images {
		n := 0
		if inv.Images[i].Type != lifecycle.ImageTypeDocker {
			n = len(inv.Images[i].amis())
		}
		offs[i+1] = offs[i] + n
	}
	backing := make([]index.AMI, offs[len(inv.Images)])
	slots := make([]int32, len(backing))   // the facts of each AMI, -1 for none
	used := make([]int32, len(inv.Images)) // AMIs stored in each image's window
	kept := make([]bool, len(inv.Images))
	type run struct {
		c           *inventoryChecker
		undescribed []string
	}
	runs := make([]run, runCount(len(inv.Images), workers))
	runs[0].c = c
	inRuns(len(runs), len(inv.Images), func(w, lo, hi int) {
		rn := &runs[w]
		if w > 0 {
			rn.c = &inventoryChecker{inv: inv}
		}
		c := rn.c
		for i := lo; i < hi; i++ {
			img := &inv.Images[i]
			r := rank[i]
			ok := c.image(i, img, &images[r])
			win := offs[i]
			if img.Type != lifecycle.ImageTypeDocker {
				outs := img.amis()
				for j, out := range outs {
					p := func(member string) location {
						return c.at(kindImage, i, jsonread.Index("outputResources.amis", j)+"."+member)
					}
					if out.Image == "" {
						c.add(lifecycle.SeverityError, p("image"), codeRequired, "is missing; each distributed AMI needs its AMI ID")
						ok = false
						continue
					}
					if !names.ValidAMIID(out.Image) {
						c.add(lifecycle.SeverityWarning, p("image"), codeInvalidAMIID, wire.Quote(out.Image)+" is not an AMI ID; expected ami- and 8 or 17 hexadecimal digits")
					}
					if out.Region != "" && !names.ValidRegion(out.Region) {
						c.add(lifecycle.SeverityWarning, p("region"), codeInvalidRegion, wire.Quote(out.Region)+" is not a Region name; expected a name such as us-east-1")
					}
					if out.AccountID != "" && names.CheckAccountID(out.AccountID) != nil {
						c.add(lifecycle.SeverityWarning, p("accountId"), codeInvalidAccount, wire.Quote(out.AccountID)+" is not a 12-digit account ID")
					}
					for _, prev := range outs[:j] {
						if prev.Image == out.Image {
							c.add(lifecycle.SeverityWarning, p("image"), codeSharedAMI, wire.Quote(out.Image)+" is listed twice by this image; keep one entry")
							break
						}
					}
					a := index.AMI{ID: out.Image, Region: out.Region, AccountID: out.AccountID}
					f := &amiFacts{lister: -1, permsAt: -1}
					slot := int32(-1)
					if at, found := factAt[out.Image]; found {
						f, slot = &facts[at], int32(at)
					}
					a.Public = f.public
					a.PermissionsKnown = f.permsSeen && !f.conflict
					a.SharedAccounts = f.accounts
					if f.ami != nil {
						a.Described = true
						a.State = f.ami.State
						a.Tags = f.tags
						a.Snapshots = f.snapshots
						a.LastLaunched = f.last
						a.LaunchUnknown = f.lastBad
						a.DeprecationTime = f.deprec
					} else {
						if len(inv.AMIs) > 0 && !f.ambiguous {
							c.add(lifecycle.SeverityWarning, p("image"), codeUndescribedAMI, wire.Quote(out.Image)+" has no EC2 description in the inventory; the dry-run cannot see its tags, launch permissions, snapshots or launches, so AMI exclusions cannot match it; add the describe-images output")
						}
						rn.undescribed = append(rn.undescribed, out.Image)
					}
					k := win + int(used[i])
					backing[k], slots[k] = a, slot
					used[i]++
				}
			}
			for j, ct := range img.containers() {
				if ct.Region != "" && !names.ValidRegion(ct.Region) {
					c.add(lifecycle.SeverityWarning, c.at(kindImage, i, jsonread.Index("outputResources.containers", j)+".region"), codeInvalidRegion,
						wire.Quote(ct.Region)+" is not a Region name; expected a name such as us-east-1")
				}
			}
			x := &images[r]
			if !ok || copied[r] {
				*x = index.Image{}
				continue
			}
			if n := int(used[i]); n > 0 {
				x.AMIs = backing[win : win+n : win+n]
			}
			kept[r] = true
		}
	})
	out := joined{kept: kept, undescribed: runs[0].undescribed}
	for _, rn := range runs[1:] {
		c.findings = append(c.findings, rn.c.findings...)
		out.undescribed = append(out.undescribed, rn.undescribed...)
	}
	// The lister of an AMI is the first image in ARN order that lists it;
	// an AMI listed by images with different ARNs is shared. AMIs without
	// facts get theirs now, for these two.
	for i := range inv.Images {
		r := rank[i]
		for k := offs[i]; k < offs[i]+int(used[i]); k++ {
			at := int(slots[k])
			if at < 0 {
				var found bool
				if at, found = factAt[backing[k].ID]; !found {
					at = len(facts)
					factAt[backing[k].ID] = at
					facts = append(facts, amiFacts{lister: -1, permsAt: -1})
				}
			}
			f := &facts[at]
			switch {
			case f.lister < 0:
				f.lister = int32(i)
			default:
				if inv.Images[f.lister].ARN != inv.Images[i].ARN {
					f.shared, out.sharedAny = true, true
				}
				if r < rank[f.lister] {
					f.lister = int32(i)
				}
			}
		}
	}
	out.facts = facts
	return out
}

// sharedAMIs reports each AMI that images with different ARNs list, once,
// at its listing in the image with the smallest ARN.
func (c *inventoryChecker) sharedAMIs(facts []amiFacts, factAt map[string]int) {
	inv := c.inv
	listers := map[string][]string{}
	for i := range inv.Images {
		img := &inv.Images[i]
		if img.Type == lifecycle.ImageTypeDocker {
			continue
		}
		for _, out := range img.amis() {
			if at, ok := factAt[out.Image]; ok && out.Image != "" && facts[at].shared {
				listers[out.Image] = append(listers[out.Image], img.ARN)
			}
		}
	}
	for id, arns := range listers {
		slices.Sort(arns)
		arns = slices.Compact(arns)
		first := int(facts[factAt[id]].lister)
		k := slices.IndexFunc(inv.Images[first].amis(), func(o OutputAMI) bool { return o.Image == id })
		quoted := make([]string, len(arns))
		for j, a := range arns {
			quoted[j] = wire.Quote(a)
		}
		c.add(lifecycle.SeverityWarning, c.at(kindImage, first, jsonread.Index("outputResources.amis", k)+".image"), codeSharedAMI,
			wire.Quote(id)+" is listed by "+strconv.Itoa(len(arns))+" images ("+listText(quoted)+"); an action on one of them reaches the AMI the others still list; check that each image lists only its own AMIs")
	}
}

// duplicates reports the records idx of one list that share their key:
// each copy gets an error naming another copy and, when they differ, the
// members and values that differ. Every copy is reported, so that the
// findings do not depend on the order of the records.
func (c *inventoryChecker) duplicates(kind recordKind, idx []int, what string, diff func(a, b int) []difference, advice string) {
	code := codeDuplicateARN
	switch kind {
	case kindAMI:
		code = codeDuplicateAMI
	case kindPermissions:
		code = codeDuplicatePermissions
	}
	member := map[recordKind]string{kindImage: "arn", kindAMI: "ImageId", kindPermissions: "ImageId"}[kind]
	// Each copy is compared with the first of the others in an order of
	// their content, so that the findings do not depend on record order.
	content := make([]string, len(idx))
	for n, i := range idx {
		content[n] = c.inv.recordText(kind, i)
	}
	// The smallest and second-smallest content, found once: each copy is
	// compared with the smallest other than itself.
	first, second := -1, -1
	for m := range idx {
		switch {
		case first < 0 || content[m] < content[first]:
			first, second = m, first
		case second < 0 || content[m] < content[second]:
			second = m
		}
	}
	for n, i := range idx {
		other := first
		if n == first {
			other = second
		}
		other = idx[other]
		here, there := c.at(kind, i, member), c.at(kind, other, "")
		msg := "the " + what + " is also given at " + there.describe(here)
		if len(idx) > 2 {
			msg += " and " + strconv.Itoa(len(idx)-2) + " more place(s)"
		}
		ds := diff(i, other)
		if len(ds) == 0 {
			c.add(lifecycle.SeverityError, here, code, msg+", with the same content; keep one record")
			continue
		}
		var parts []string
		for _, d := range ds {
			parts = append(parts, d.member+" is "+valueText(d.a)+" here and "+valueText(d.b)+" there")
		}
		c.add(lifecycle.SeverityError, here, code, msg+" with different content: "+strings.Join(parts, "; ")+"; "+advice)
	}
}

// recordText is record i of a list in JSON, to order copies by content.
func (inv *Inventory) recordText(kind recordKind, i int) string {
	b, _ := json.Marshal(inv.record(kind, i))
	return string(b)
}

func valueText(s string) string {
	if s == "" {
		return "absent"
	}
	return wire.Quote(s)
}

// amiFacts checks the amis and launchPermissions sections and gathers, per
// AMI ID, what they say.
func (inv *Inventory) amiFacts(c *inventoryChecker) ([]amiFacts, map[string]int) {
	facts := make([]amiFacts, 0, len(inv.AMIs))
	at := make(map[string]int, len(inv.AMIs))
	get := func(id string) *amiFacts {
		i, ok := at[id]
		if !ok {
			i = len(facts)
			at[id] = i
			facts = append(facts, amiFacts{lister: -1, permsAt: -1})
		}
		return &facts[i]
	}
	nsnap, ntag := 0, 0
	for i := range inv.AMIs {
		ntag += len(inv.AMIs[i].Tags)
		for _, m := range inv.AMIs[i].BlockDeviceMappings {
			if m.EBS != nil && m.EBS.SnapshotID != "" {
				nsnap++
			}
		}
	}
	// The snapshot IDs and tags of all AMIs, each AMI's a window of these.
	snaps := make([]string, 0, nsnap)
	tags := make([]index.Tag, 0, ntag)
	var dupAMIs map[string][]int
	for i := range inv.AMIs {
		a := &inv.AMIs[i]
		p := func(member string) location { return c.at(kindAMI, i, member) }
		if a.ImageID == "" {
			c.add(lifecycle.SeverityError, p("ImageId"), codeRequired, "is missing; every described AMI needs its ImageId")
			continue
		}
		f := get(a.ImageID)
		dup := f.ami != nil || f.ambiguous
		if dup {
			if dupAMIs == nil {
				dupAMIs = map[string][]int{}
			}
			if f.ami != nil {
				dupAMIs[a.ImageID] = append(dupAMIs[a.ImageID], f.amiAt)
			}
			dupAMIs[a.ImageID] = append(dupAMIs[a.ImageID], i)
			f.ami, f.ambiguous = nil, true
			f.tags, f.snapshots, f.last, f.deprec = nil, nil, time.Time{}, time.Time{}
		} else {
			f.ami, f.amiAt = a, i
			if len(a.Tags) > 0 {
				start := len(tags)
				for _, t := range a.Tags {
					tags = append(tags, index.Tag{Key: t.Key, Value: t.Value})
				}
				f.tags = tags[start:len(tags):len(tags)]
			}
		}
		// Every copy is checked, so that the findings do not depend on
		// which copy comes first; only an only copy gives facts.
		if !names.ValidAMIID(a.ImageID) {
			c.add(lifecycle.SeverityWarning, p("ImageId"), codeInvalidAMIID, wire.Quote(a.ImageID)+" is not an AMI ID; expected ami- and 8 or 17 hexadecimal digits")
		}
		start := len(snaps)
		for k, m := range a.BlockDeviceMappings {
			if m.EBS != nil && m.EBS.SnapshotID != "" {
				if !names.ValidSnapshotID(m.EBS.SnapshotID) {
					c.add(lifecycle.SeverityWarning, p(jsonread.Index("BlockDeviceMappings", k)+".Ebs.SnapshotId"), codeInvalidSnapshotID,
						wire.Quote(m.EBS.SnapshotID)+" is not a snapshot ID; expected snap- and 8 or 17 hexadecimal digits")
				}
				snaps = append(snaps, m.EBS.SnapshotID)
			}
		}
		if len(snaps) > start && !dup {
			f.snapshots = snaps[start:len(snaps):len(snaps)]
		}
		if a.OwnerID != "" && names.CheckAccountID(a.OwnerID) != nil {
			c.add(lifecycle.SeverityWarning, p("OwnerId"), codeInvalidAccount, wire.Quote(a.OwnerID)+" is not a 12-digit account ID")
		}
		if a.State != "" && !knownAMIState(a.State) {
			c.add(lifecycle.SeverityWarning, p("State"), codeUnknownAMIState, wire.Quote(a.State)+" is not a known EC2 image state")
		}
		c.optionalTime(func() location { return p("CreationDate") }, a.CreationDate, lifecycle.SeverityWarning)
		last := c.optionalTime(func() location { return p("LastLaunchedTime") }, a.LastLaunchedTime, lifecycle.SeverityError)
		deprec := c.optionalTime(func() location { return p("DeprecationTime") }, a.DeprecationTime, lifecycle.SeverityWarning)
		if !dup {
			f.last, f.deprec = last, deprec
			f.lastBad = !a.LastLaunchedTime.IsZero() && last.IsZero()
		}
	}
	for _, id := range names.SortedKeys(dupAMIs) {
		idx := dupAMIs[id]
		c.duplicates(kindAMI, idx, "AMI ID", func(a, b int) []difference {
			return amiDifferences(&inv.AMIs[a], &inv.AMIs[b])
		}, "the dry-run treats the AMI as not described; keep the description of the newer capture and remove the other")
	}
	var permsBy map[string][]int // the records of AMIs with several
	for i := range inv.LaunchPermissions {
		lp := &inv.LaunchPermissions[i]
		if lp.ImageID == "" {
			c.add(lifecycle.SeverityError, c.at(kindPermissions, i, "ImageId"), codeRequired, "is missing; name the AMI these permissions belong to")
			continue
		}
		for k, perm := range lp.LaunchPermissions {
			if perm.UserID != "" && perm.Group != "all" && names.CheckAccountID(perm.UserID) != nil {
				c.add(lifecycle.SeverityWarning, c.at(kindPermissions, i, jsonread.Index("LaunchPermissions", k)+".UserId"), codeInvalidAccount, wire.Quote(perm.UserID)+" is not a 12-digit account ID")
			}
		}
		f := get(lp.ImageID)
		if f.permsSeen {
			if permsBy == nil {
				permsBy = map[string][]int{}
			}
			if len(permsBy[lp.ImageID]) == 0 {
				permsBy[lp.ImageID] = []int{f.permsAt}
			}
			permsBy[lp.ImageID] = append(permsBy[lp.ImageID], i)
			continue
		}
		f.permsSeen, f.permsAt = true, i
		for _, perm := range lp.LaunchPermissions {
			switch {
			case perm.Group == "all":
				f.public = true
			case perm.UserID != "":
				f.accounts = append(f.accounts, perm.UserID)
			}
		}
	}
	for _, id := range names.SortedKeys(permsBy) {
		idx := permsBy[id]
		set := permissionSet(inv.LaunchPermissions[idx[0]].LaunchPermissions)
		same := true
		for _, j := range idx[1:] {
			if !samePermissions(set, inv.LaunchPermissions[j].LaunchPermissions, nil) {
				same = false
				break
			}
		}
		if same {
			continue
		}
		f := &facts[at[id]]
		f.conflict, f.public, f.accounts = true, false, nil
		c.duplicates(kindPermissions, idx, "launch-permission record of "+wire.Quote(id), func(a, b int) []difference {
			return permissionDifferences(&inv.LaunchPermissions[a], &inv.LaunchPermissions[b])
		}, "the dry-run treats the AMI's launch permissions as unknown; keep the record of the newer capture and remove the other")
	}
	for i := range facts {
		f := &facts[i]
		if len(f.accounts) > 1 {
			slices.Sort(f.accounts)
			f.accounts = slices.Compact(f.accounts)
		}
		if f.ami != nil && f.ami.Public {
			f.public = true
		}
	}
	return facts, at
}

// optionalTime parses an optional timestamp, reporting a bad one with sev
// at the location loc returns.
func (c *inventoryChecker) optionalTime(loc func() location, t lifecycle.Timestamp, sev lifecycle.Severity) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	v, err := t.Time()
	if err != nil {
		reason := " is not a timestamp; use RFC 3339 text such as 2024-05-01T10:00:00Z or epoch seconds"
		if errors.Is(err, lifecycle.ErrInvalid) {
			reason = " is outside the years 0000 to 9999 that timestamps can express; fix the value"
		}
		c.add(sev, loc(), codeInvalidTimestamp, wire.Quote(string(t))+reason)
	}
	return v
}

// image checks image record i and stores its parsed form in *x, which
// must be zero; ok is false when an error finding was added.
func (c *inventoryChecker) image(i int, img *Image, x *index.Image) (ok bool) {
	n := len(c.findings)
	*x = index.Image{ARN: img.ARN, Name: img.Name, Type: img.Type, Status: img.Status(), Imported: img.imported(),
		Tags: img.Tags, Containers: img.indexContainers()}
	p := func(member string) location { return c.at(kindImage, i, member) }

	var fromARN names.ImageARN
	arnOK := false
	if img.ARN == "" {
		c.add(lifecycle.SeverityError, p("arn"), codeRequired, "is missing; the dry-run identifies images by their build version ARN")
	} else if a, err := names.ParseImageARN(img.ARN); err != nil {
		c.add(lifecycle.SeverityError, p("arn"), codeInvalidARN, wire.Quote(img.ARN)+" is not an image build version ARN; expected arn:aws:imagebuilder:<region>:<account>:image/<name>/<x.y.z>/<build>")
	} else {
		fromARN, arnOK = a, true
		x.ARNName, x.Region, x.AccountID = a.Name, a.Region, a.Account
		x.Version, x.Build = a.Version.Version(), a.Version.Build()
	}
	if img.Name != "" && arnOK && !names.NameMatchesARN(img.Name, fromARN.Name) {
		c.add(lifecycle.SeverityError, p("name"), codeARNMismatch, wire.Quote(img.Name)+" does not match the name "+wire.Quote(fromARN.Name)+" in the ARN; fix one of them")
	}
	if img.Version != "" {
		hasBuild := strings.IndexByte(img.Version, '/') >= 0
		var bv semver.BuildVersion
		var err error
		if hasBuild {
			bv, err = semver.ParseBuild(img.Version)
		} else {
			var v semver.Version
			v, err = semver.Parse(img.Version)
			bv = semver.NewBuild(v, 0)
		}
		switch {
		case err != nil:
			c.add(lifecycle.SeverityError, p("version"), codeInvalidVersion, wire.Quote(img.Version)+" is not a version; expected x.y.z or x.y.z/build")
		case arnOK && (bv.Version() != fromARN.Version.Version() || (hasBuild && bv.Build() != fromARN.Version.Build())):
			c.add(lifecycle.SeverityError, p("version"), codeARNMismatch, wire.Quote(img.Version)+" does not match the version "+fromARN.Version.String()+" in the ARN; fix one of them")
		}
	}
	switch {
	case img.Type == "":
		c.add(lifecycle.SeverityError, p("type"), codeRequired, "is missing; use AMI or DOCKER")
	case img.Type != lifecycle.ImageTypeAMI && img.Type != lifecycle.ImageTypeDocker:
		c.add(lifecycle.SeverityError, p("type"), codeUnknownType, names.EnumMsg(string(img.Type), "AMI", "DOCKER"))
	}
	switch st := img.Status(); {
	case st == "":
		c.add(lifecycle.SeverityError, p("state.status"), codeRequired, "is missing; the dry-run needs each image's status")
	case !st.InProgress() && !st.Terminal() && st != lifecycle.StatusDeleted:
		c.add(lifecycle.SeverityError, p("state.status"), codeUnknownStatus, wire.Quote(string(st))+" is not a known image status, so the dry-run cannot tell how the rules treat it; expected AVAILABLE, DEPRECATED, DISABLED, FAILED, CANCELLED, DELETED or a build state such as BUILDING")
	}
	if img.DateCreated.IsZero() {
		c.add(lifecycle.SeverityError, p("dateCreated"), codeRequired, "is missing; ages and retention are computed from it")
	} else {
		x.Created = c.optionalTime(func() location { return p("dateCreated") }, img.DateCreated, lifecycle.SeverityError)
	}
	x.Completed = c.optionalTime(func() location { return p("dateCompleted") }, img.DateCompleted, lifecycle.SeverityError)
	c.optionalTime(func() location { return p("deprecationTime") }, img.DeprecationTime, lifecycle.SeverityWarning)
	return !lifecycle.Findings(c.findings[n:]).HasErrors()
}
