package lifecycletest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"time"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/inventory"
)

// The account and Region of a new InventoryBuilder.
const (
	defaultAccount = "123456789012"
	defaultRegion  = "us-east-1"
)

// InventoryBuilder builds an inventory.Inventory of images created at ages
// relative to a fixed instant. Build numbers count up from 1 per recipe
// version in the order images are added; generated AMI and snapshot IDs
// derive from the positions of the image, AMI and snapshot, so they do not
// change when other images are added later. Methods change the builder and
// return it.
type InventoryBuilder struct {
	now     time.Time
	account string
	region  string
	images  []*ImageBuilder
	builds  map[string]uint64
}

// Inventory starts an empty inventory whose ages are measured back from
// now, in the account 123456789012 and the Region us-east-1.
func Inventory(now time.Time) *InventoryBuilder {
	return &InventoryBuilder{now: now.UTC(), account: defaultAccount, region: defaultRegion, builds: map[string]uint64{}}
}

// In sets the Region and account of the images, AMIs and containers added
// after it; "" keeps the current one.
func (b *InventoryBuilder) In(region, account string) *InventoryBuilder {
	b.region, b.account = cmp.Or(region, b.region), cmp.Or(account, b.account)
	return b
}

// Days returns a duration of n days, for ages.
func Days(n int) time.Duration { return time.Duration(n) * 24 * time.Hour }

// AMIImage adds an AVAILABLE image of type AMI built from recipe at
// version ("1.0.0"), created age before now, with one AMI of one snapshot
// in the current Region. Use the returned ImageBuilder to change it.
func (b *InventoryBuilder) AMIImage(recipe, version string, age time.Duration) *ImageBuilder {
	img := b.image(recipe, version, age, lifecycle.ImageTypeAMI)
	img.WithAMIs(AMI{})
	return img
}

// ContainerImage adds an AVAILABLE image of type DOCKER built from recipe at
// version, created age before now, with one container image in the current
// Region.
func (b *InventoryBuilder) ContainerImage(recipe, version string, age time.Duration) *ImageBuilder {
	img := b.image(recipe, version, age, lifecycle.ImageTypeDocker)
	img.WithContainers(b.region)
	return img
}

// Group adds n AMI images of one recipe version, the newest newest old and
// each next one step older, and returns them newest first.
func (b *InventoryBuilder) Group(recipe, version string, n int, newest, step time.Duration) []*ImageBuilder {
	out := make([]*ImageBuilder, n)
	for i := n - 1; i >= 0; i-- { // oldest first, so build numbers grow with time
		out[i] = b.AMIImage(recipe, version, newest+time.Duration(i)*step)
	}
	return out
}

func (b *InventoryBuilder) image(recipe, version string, age time.Duration, t lifecycle.ImageType) *ImageBuilder {
	key := recipe + "/" + version
	b.builds[key]++
	img := &ImageBuilder{
		seq:     len(b.images) + 1,
		recipe:  recipe,
		version: version,
		build:   b.builds[key],
		account: b.account,
		region:  b.region,
		created: b.now.Add(-age),
		typ:     t,
		status:  lifecycle.StatusAvailable,
	}
	b.images = append(b.images, img)
	return img
}

// ImageBuilder refines one image of an InventoryBuilder.
type ImageBuilder struct {
	seq        int // 1-based position in the inventory
	recipe     string
	version    string
	build      uint64
	account    string
	region     string
	created    time.Time
	completed  time.Time
	typ        lifecycle.ImageType
	status     lifecycle.ImageStatus
	tags       lifecycle.Tags
	amis       []AMI
	containers []inventory.OutputContainer
}

// AMI describes one distributed AMI of an image. Zero members get
// defaults: an ID made of the image's position in the inventory and the
// AMI's position in the image ("ami-000000000003" + "00001"), the image's
// Region and account, one snapshot with an ID made the same way.
// LastLaunched is how long before now the AMI last launched an instance;
// zero means never.
type AMI struct {
	ID           string
	Region       string
	Account      string
	Public       bool
	Tags         map[string]string // EC2 tags
	SharedWith   []string          // accounts with launch permission
	Snapshots    int               // number of generated snapshots; 0 means 1
	NoSnapshots  bool              // no block device snapshots at all
	LastLaunched time.Duration
	State        string // EC2 state; default "available"
	// Undescribed leaves the AMI out of the EC2 part of the inventory, as if
	// describe-images had not been saved for it.
	Undescribed bool
}

// Status sets the image's state.status.
func (img *ImageBuilder) Status(s lifecycle.ImageStatus) *ImageBuilder { img.status = s; return img }

// Tag adds an Image Builder tag to the image.
func (img *ImageBuilder) Tag(key, value string) *ImageBuilder {
	if img.tags == nil {
		img.tags = lifecycle.Tags{}
	}
	img.tags[key] = value
	return img
}

// Created sets the creation time.
func (img *ImageBuilder) Created(t time.Time) *ImageBuilder { img.created = t.UTC(); return img }

// Completed sets ibkit's dateCompleted extension member.
func (img *ImageBuilder) Completed(t time.Time) *ImageBuilder { img.completed = t.UTC(); return img }

// WithAMIs replaces the image's AMIs; with none, the image has no AMI.
func (img *ImageBuilder) WithAMIs(amis ...AMI) *ImageBuilder {
	img.amis = nil
	for k, a := range amis {
		if a.ID == "" {
			a.ID = fmt.Sprintf("ami-%012x%05x", img.seq, k+1)
		}
		if a.Region == "" {
			a.Region = img.region
		}
		if a.Account == "" {
			a.Account = img.account
		}
		img.amis = append(img.amis, a)
	}
	return img
}

// WithContainers replaces the image's container images: one entry per
// Region, each with one generated ECR URI.
func (img *ImageBuilder) WithContainers(regions ...string) *ImageBuilder {
	img.containers = nil
	for _, r := range regions {
		uri := img.account + ".dkr.ecr." + r + ".amazonaws.com/" + arnName(img.recipe) + ":" + img.version + "-" + strconv.FormatUint(img.build, 10)
		img.containers = append(img.containers, inventory.OutputContainer{Region: r, ImageURIs: []string{uri}})
	}
	return img
}

// ARN returns the image's build version ARN.
func (img *ImageBuilder) ARN() string {
	return "arn:aws:imagebuilder:" + img.region + ":" + img.account + ":image/" + arnName(img.recipe) + "/" + img.version + "/" + strconv.FormatUint(img.build, 10)
}

// AMIIDs returns the IDs of the image's AMIs, in order.
func (img *ImageBuilder) AMIIDs() []string {
	ids := make([]string, len(img.amis))
	for i, a := range img.amis {
		ids[i] = a.ID
	}
	return ids
}

// arnName lower-cases a recipe name and replaces spaces by hyphens, as
// the service does for ARNs.
func arnName(s string) string { return strings.ReplaceAll(strings.ToLower(s), " ", "-") }

// Build returns the inventory: images in the order they were added, then
// the described AMIs and their launch permissions in the same order. It
// shares nothing with the builder.
func (b *InventoryBuilder) Build() *inventory.Inventory {
	inv := &inventory.Inventory{}
	for _, img := range b.images {
		li := inventory.Image{
			ARN:         img.ARN(),
			Type:        img.typ,
			Name:        img.recipe,
			Version:     img.version + "/" + strconv.FormatUint(img.build, 10),
			State:       &inventory.ImageState{Status: img.status},
			DateCreated: lifecycle.TimestampOf(img.created),
			Tags:        maps.Clone(img.tags),
		}
		if !img.completed.IsZero() {
			li.DateCompleted = lifecycle.TimestampOf(img.completed)
		}
		out := &inventory.OutputResources{}
		for k, a := range img.amis {
			out.AMIs = append(out.AMIs, inventory.OutputAMI{Region: a.Region, Image: a.ID, AccountID: a.Account})
			if a.Undescribed {
				continue
			}
			ec2 := inventory.AMI{
				ImageID:      a.ID,
				OwnerID:      a.Account,
				CreationDate: lifecycle.TimestampOf(img.created),
				Public:       a.Public,
				State:        a.State,
			}
			if ec2.State == "" {
				ec2.State = "available"
			}
			for _, k := range slices.Sorted(maps.Keys(a.Tags)) {
				ec2.Tags = append(ec2.Tags, inventory.EC2Tag{Key: k, Value: a.Tags[k]})
			}
			if !a.NoSnapshots {
				n := max(a.Snapshots, 1)
				for i := 0; i < n; i++ {
					id := fmt.Sprintf("snap-%010x%04x%03x", img.seq, k+1, i+1)
					ec2.BlockDeviceMappings = append(ec2.BlockDeviceMappings, inventory.BlockDeviceMapping{EBS: &inventory.EBS{SnapshotID: id}})
				}
			}
			if a.LastLaunched > 0 {
				ec2.LastLaunchedTime = lifecycle.TimestampOf(b.now.Add(-a.LastLaunched))
			}
			inv.AMIs = append(inv.AMIs, ec2)
			if a.Public || len(a.SharedWith) > 0 {
				lp := inventory.LaunchPermissions{ImageID: a.ID}
				if a.Public {
					lp.LaunchPermissions = append(lp.LaunchPermissions, inventory.LaunchPermission{Group: "all"})
				}
				for _, acc := range a.SharedWith {
					lp.LaunchPermissions = append(lp.LaunchPermissions, inventory.LaunchPermission{UserID: acc})
				}
				inv.LaunchPermissions = append(inv.LaunchPermissions, lp)
			}
		}
		for _, c := range img.containers {
			out.Containers = append(out.Containers, inventory.OutputContainer{Region: c.Region, ImageURIs: slices.Clone(c.ImageURIs)})
		}
		if len(out.AMIs) > 0 || len(out.Containers) > 0 {
			li.OutputResources = out
		}
		inv.Images = append(inv.Images, li)
	}
	return inv
}

// Files returns the inventory as the AWS CLI would print it, one file per
// call, for inventory.Read:
//
//	list-image-build-versions.json   {"imageSummaryList": [...]}
//	describe-images.json             {"Images": [...]}
//	launch-permission-<ami>.json     {"ImageId": ..., "LaunchPermissions": [...]}
//
// Sorting its names gives a stable order to read them in.
func (b *InventoryBuilder) Files() fstest.MapFS {
	inv := b.Build()
	fsys := fstest.MapFS{}
	put := func(name string, v any) {
		data, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			panic("lifecycletest: an inventory always encodes: " + err.Error())
		}
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	put("list-image-build-versions.json", map[string]any{"imageSummaryList": nonNil(inv.Images)})
	put("describe-images.json", map[string]any{"Images": nonNil(inv.AMIs)})
	for _, lp := range inv.LaunchPermissions {
		put("launch-permission-"+lp.ImageID+".json", lp)
	}
	return fsys
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// sortedKeys returns the keys of m in ascending order.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
