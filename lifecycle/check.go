package lifecycle

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ibkit/ibkit/semver"
)

// Check reports what is wrong or missing in the inventory, sorted by path:
//
//   - errors: images without an ARN, status, type or creation date; ARNs
//     that are not image build version ARNs; duplicate image ARNs or AMI
//     IDs; an image whose name or version disagrees with its ARN; unknown
//     image statuses or types; unreadable timestamps the dry-run uses
//     (dateCreated, dateCompleted, LastLaunchedTime);
//   - warnings: AMIs that images reference but the inventory does not
//     describe (the dry-run then knows nothing of their tags, launch
//     permissions, snapshots or launches), unreadable timestamps it does
//     not use, unknown EC2 states, malformed account IDs.
//
// Paths refer to the document the inventory was read from when
// DecodeInventory recorded its Sections ("imageSummaryList[3].dateCreated",
// "image.arn", "Images[0].LastLaunchedTime"), and otherwise to the combined
// form ("images[3].dateCreated", "amis[0].LastLaunchedTime"), whose order is
// the order of the records after DecodeInventory or MergeInventories. Images with an error finding are left
// out of Inventory.Index.
func (inv *Inventory) Check() Findings {
	_, fs := inv.build()
	return fs
}

// Index checks the inventory like Check and returns its parsed, joined
// form together with the findings. Images with an error finding are left
// out of the index; the findings say why.
func (inv *Inventory) Index() (*Index, Findings) {
	return inv.build()
}

type inventoryChecker struct {
	findings Findings
	names    Sections // the document's member names, for paths
}

func (c *inventoryChecker) add(sev Severity, path string, code Code, msg string) {
	c.findings = append(c.findings, Finding{Severity: sev, Path: path, Code: code, Message: msg})
}

// amiFacts is what the amis and launchPermissions sections say about one
// AMI ID.
type amiFacts struct {
	ami       *AMI // nil when not described, or described more than once
	ambiguous bool
	snapshots []string
	last      time.Time
	deprec    time.Time
	permsSeen bool
	public    bool
	accounts  []string
}

// Paths are built only when a finding needs one: building them for every
// record would dominate the cost of checking large inventories.

func (n Sections) amiSection() string {
	if n.AMIs != "" {
		return n.AMIs
	}
	return "amis"
}

func (n Sections) amiPath(i int, member string) string {
	return indexPath(n.amiSection(), i) + "." + member
}

func (n Sections) imageRecord(i int) string {
	switch n.Images {
	case "image":
		return "image"
	case "":
		return indexPath("images", i)
	}
	return indexPath(n.Images, i)
}

func (n Sections) imagePath(i int, member string) string { return n.imageRecord(i) + "." + member }

func (n Sections) outputAMIPath(i, k int, member string) string {
	return indexPath(n.imageRecord(i)+".outputResources.amis", k) + "." + member
}

func (inv *Inventory) build() (*Index, Findings) {
	c := &inventoryChecker{names: inv.Sections}
	facts, factAt := inv.amiFacts(c)

	// Order the images by ARN first, so that parsed records are written
	// once, in their final place. Equal ARNs keep their inventory order.
	type key struct {
		arn string
		i   int
	}
	keys := make([]key, len(inv.Images))
	maxAMIs := 0
	for i := range inv.Images {
		keys[i] = key{inv.Images[i].ARN, i}
		if inv.Images[i].Type != ImageTypeDocker {
			maxAMIs += len(inv.Images[i].AMIs())
		}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if c := strings.Compare(a.arn, b.arn); c != 0 {
			return c
		}
		return a.i - b.i
	})

	images := make([]IndexedImage, 0, len(inv.Images))
	backing := make([]IndexedAMI, 0, maxAMIs) // the AMIs of all indexed images
	undescribed, firstUndescribed := 0, ""
	for s := 0; s < len(keys); {
		e := s + 1
		for e < len(keys) && keys[s].arn != "" && keys[e].arn == keys[s].arn {
			e++
		}
		for _, k := range keys[s+1 : e] {
			c.add(SeverityError, c.names.imagePath(k.i, "arn"), CodeDuplicateARN,
				"repeats the ARN of images["+strconv.Itoa(keys[s].i)+"]; keep one record (MergeInventories unites records that agree)")
		}
		for _, k := range keys[s:e] {
			i := k.i
			img := &inv.Images[i]
			x, ok := c.image(i, img)
			start := len(backing)
			if img.Type != ImageTypeDocker {
				for j, out := range img.AMIs() {
					if out.Image == "" {
						c.add(SeverityError, c.names.outputAMIPath(i, j, "image"), CodeRequired, "is missing; each distributed AMI needs its AMI ID")
						ok = false
						continue
					}
					if out.AccountID != "" && checkAccountID(out.AccountID) != nil {
						c.add(SeverityWarning, c.names.outputAMIPath(i, j, "accountId"), CodeInvalidAccount, strconv.Quote(out.AccountID)+" is not a 12-digit account ID")
					}
					a := IndexedAMI{ID: out.Image, Region: out.Region, AccountID: out.AccountID}
					at, found := factAt[out.Image]
					var f *amiFacts
					if found {
						f = &facts[at]
						a.Public = f.public
						a.PermissionsKnown = f.permsSeen
						a.SharedAccounts = f.accounts
					}
					if f != nil && f.ami != nil {
						a.Described = true
						a.State = f.ami.State
						a.Tags = f.ami.Tags
						a.Snapshots = f.snapshots
						a.LastLaunched = f.last
						a.DeprecationTime = f.deprec
					} else {
						if len(inv.AMIs) > 0 {
							c.add(SeverityWarning, c.names.outputAMIPath(i, j, "image"), CodeUndescribedAMI, strconv.Quote(out.Image)+" has no EC2 description in the inventory; the dry-run cannot see its tags, launch permissions, snapshots or launches, so AMI exclusions cannot match it; add the describe-images output")
						}
						undescribed++
						if firstUndescribed == "" {
							firstUndescribed = out.Image
						}
					}
					backing = append(backing, a)
				}
			}
			if !ok || e-s > 1 {
				backing = backing[:start]
				continue
			}
			if len(backing) > start {
				x.AMIs = backing[start:len(backing):len(backing)]
			}
			images = append(images, x)
		}
		s = e
	}
	if len(inv.AMIs) == 0 && undescribed > 0 {
		c.add(SeverityWarning, "amis", CodeUndescribedAMI, "the images reference "+strconv.Itoa(undescribed)+" AMI(s), such as "+firstUndescribed+", but the inventory describes none; the dry-run cannot see their tags, launch permissions, snapshots or launches, so AMI exclusions cannot match; add the describe-images output")
	}
	sortFindings(c.findings)
	return &Index{Images: images, Findings: c.findings}, c.findings
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
			facts = append(facts, amiFacts{})
		}
		return &facts[i]
	}
	nsnap := 0
	for i := range inv.AMIs {
		for _, m := range inv.AMIs[i].BlockDeviceMappings {
			if m.EBS != nil && m.EBS.SnapshotID != "" {
				nsnap++
			}
		}
	}
	snaps := make([]string, 0, nsnap)
	for i := range inv.AMIs {
		a := &inv.AMIs[i]
		if a.ImageID == "" {
			c.add(SeverityError, c.names.amiPath(i, "ImageId"), CodeRequired, "is missing; every described AMI needs its ImageId")
			continue
		}
		f := get(a.ImageID)
		if f.ami != nil || f.ambiguous {
			c.add(SeverityError, c.names.amiPath(i, "ImageId"), CodeDuplicateAMI, strconv.Quote(a.ImageID)+" is described more than once; keep one description")
			f.ami, f.ambiguous = nil, true
			continue
		}
		f.ami = a
		start := len(snaps)
		for _, m := range a.BlockDeviceMappings {
			if m.EBS != nil && m.EBS.SnapshotID != "" {
				snaps = append(snaps, m.EBS.SnapshotID)
			}
		}
		if len(snaps) > start {
			f.snapshots = snaps[start:len(snaps):len(snaps)]
		}
		if a.OwnerID != "" && checkAccountID(a.OwnerID) != nil {
			c.add(SeverityWarning, c.names.amiPath(i, "OwnerId"), CodeInvalidAccount, strconv.Quote(a.OwnerID)+" is not a 12-digit account ID")
		}
		if a.State != "" && !a.State.Valid() {
			c.add(SeverityWarning, c.names.amiPath(i, "State"), CodeUnknownAMIState, strconv.Quote(string(a.State))+" is not a known EC2 image state")
		}
		c.optionalTime(func() string { return c.names.amiPath(i, "CreationDate") }, a.CreationDate, SeverityWarning)
		f.last = c.optionalTime(func() string { return c.names.amiPath(i, "LastLaunchedTime") }, a.LastLaunchedTime, SeverityError)
		f.deprec = c.optionalTime(func() string { return c.names.amiPath(i, "DeprecationTime") }, a.DeprecationTime, SeverityWarning)
	}
	for i := range inv.LaunchPermissions {
		lp := &inv.LaunchPermissions[i]
		if lp.ImageID == "" {
			c.add(SeverityError, indexPath("launchPermissions", i)+".ImageId", CodeRequired, "is missing; name the AMI these permissions belong to")
			continue
		}
		f := get(lp.ImageID)
		f.permsSeen = true
		for k, perm := range lp.LaunchPermissions {
			switch {
			case perm.Group == "all":
				f.public = true
			case perm.UserID != "":
				if checkAccountID(perm.UserID) != nil {
					c.add(SeverityWarning, indexPath(indexPath("launchPermissions", i)+".LaunchPermissions", k)+".UserId", CodeInvalidAccount, strconv.Quote(perm.UserID)+" is not a 12-digit account ID")
				}
				f.accounts = append(f.accounts, perm.UserID)
			}
		}
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
// at the path path returns.
func (c *inventoryChecker) optionalTime(path func() string, t Timestamp, sev Severity) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	v, err := t.Time()
	if err != nil {
		c.add(sev, path(), CodeInvalidTimestamp, strconv.Quote(string(t))+" is not a timestamp; use RFC 3339 text such as 2024-05-01T10:00:00Z or epoch seconds")
	}
	return v
}

// image checks image record i and returns its parsed form; ok is false
// when an error finding was added.
func (c *inventoryChecker) image(i int, img *Image) (x IndexedImage, ok bool) {
	n := len(c.findings)
	x = IndexedImage{Source: img, ARN: img.ARN, Name: img.Name, Type: img.Type, Status: img.Status(),
		Tags: img.Tags, Containers: img.Containers()}
	p := func(member string) string { return c.names.imagePath(i, member) }

	var fromARN imageARN
	arnOK := false
	if img.ARN == "" {
		c.add(SeverityError, p("arn"), CodeRequired, "is missing; the dry-run identifies images by their build version ARN")
	} else if a, err := parseImageARN(img.ARN); err != nil {
		c.add(SeverityError, p("arn"), CodeInvalidARN, strconv.Quote(img.ARN)+" is not an image build version ARN; expected arn:aws:imagebuilder:<region>:<account>:image/<name>/<x.y.z>/<build>")
	} else {
		fromARN, arnOK = a, true
		x.ARNName, x.Region, x.AccountID = a.Name, a.Region, a.Account
		x.Version, x.Build = a.Version.Version(), a.Version.Build()
	}
	if img.Name != "" && arnOK && !nameMatchesARN(img.Name, fromARN.Name) {
		c.add(SeverityError, p("name"), CodeARNMismatch, strconv.Quote(img.Name)+" does not match the name "+strconv.Quote(fromARN.Name)+" in the ARN; fix one of them")
	}
	if img.Version != "" {
		bv, hasBuild, err := semver.ParseVersionOrBuild(img.Version)
		switch {
		case err != nil:
			c.add(SeverityError, p("version"), CodeInvalidVersion, strconv.Quote(img.Version)+" is not a version; expected x.y.z or x.y.z/build")
		case arnOK && (bv.Version() != fromARN.Version.Version() || (hasBuild && bv.Build() != fromARN.Version.Build())):
			c.add(SeverityError, p("version"), CodeARNMismatch, strconv.Quote(img.Version)+" does not match the version "+fromARN.Version.String()+" in the ARN; fix one of them")
		}
	}
	switch {
	case img.Type == "":
		c.add(SeverityError, p("type"), CodeRequired, "is missing; use AMI or DOCKER")
	case !img.Type.Valid():
		c.add(SeverityError, p("type"), CodeUnknownType, enumMsg(string(img.Type), "AMI", "DOCKER"))
	}
	switch st := img.Status(); {
	case st == "":
		c.add(SeverityError, p("state.status"), CodeRequired, "is missing; the dry-run needs each image's status")
	case !st.Valid():
		c.add(SeverityError, p("state.status"), CodeUnknownStatus, strconv.Quote(string(st))+" is not a known image status, so the dry-run cannot tell how the rules treat it; expected AVAILABLE, DEPRECATED, DISABLED, FAILED, CANCELLED, DELETED or a build state such as BUILDING")
	}
	if img.DateCreated.IsZero() {
		c.add(SeverityError, p("dateCreated"), CodeRequired, "is missing; ages and retention are computed from it")
	} else {
		x.Created = c.optionalTime(func() string { return p("dateCreated") }, img.DateCreated, SeverityError)
	}
	x.Completed = c.optionalTime(func() string { return p("dateCompleted") }, img.DateCompleted, SeverityError)
	c.optionalTime(func() string { return p("deprecationTime") }, img.DeprecationTime, SeverityWarning)
	return x, !Findings(c.findings[n:]).HasErrors()
}
