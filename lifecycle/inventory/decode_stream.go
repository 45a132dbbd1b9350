package inventory

import (
	"unicode/utf8"

	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
)

// This file decodes an inventory document as a stream of tokens, into the
// records directly: each object's members are matched by name as bytes,
// strings are allocated only for the values kept (and once for a value
// that repeats across records, such as a Region), unknown members are
// skipped, and the JSON path of a problem is built only when there is
// one. Its messages, paths and offsets are the ones the reflective
// decoder of the module gives (decode_reference_test.go keeps it).

// decoder reads one inventory document.
type decoder struct {
	*wire.Stream
	tok   *jsonread.Reader // the stream's token reader
	err   error            // of opening the document
	names *memberNames
	// The string and timestamp members whose texts are staged in the
	// stream's batch: flush stores them, all from one string, when the
	// record (an element of an array) ends, before the slice that holds
	// it can move.
	strs  []staged[string]
	times []staged[lifecycle.Timestamp]
	// fewTags is the list tags gathers tags in; lastTags the map it
	// returned last, which the next image with the same tags shares.
	fewTags  []EC2Tag
	lastTags lifecycle.Tags
	// progress, when set, hears of every progressEvery-th record of
	// file, and of the last; records counts them.
	progress func(file string, records int, bytes int64)
	file     string
	records  int
}

// progressEvery is how many records pass between two calls of
// Options.Progress.
const progressEvery = 1024

// counted wraps the decoding of a record of a top-level list so that it
// counts for Options.Progress.
func counted[T any](d *decoder, elem func(*T, wire.Tok, []byte, int) error) func(*T, wire.Tok, []byte, int) error {
	if d.progress == nil {
		return elem
	}
	return func(x *T, k wire.Tok, raw []byte, depth int) error {
		if err := elem(x, k, raw, depth); err != nil {
			return err
		}
		d.records++
		if d.records%progressEvery == 0 {
			d.progress(d.file, d.records, d.Offset())
		}
		return nil
	}
}

// next reads the next token straight from the token reader; its errors
// are turned into the stream's where a path is put in front (wire.AtKey,
// AtIndex, AtTag) or the document's error is made (decodeError).
func (d *decoder) next() (wire.Tok, []byte, error) { return d.tok.Next() }

// staged is a member whose text lies at [start, end) of the batch.
type staged[T ~string] struct {
	dst        *T
	start, end int
}

// str decodes a string member into *dst, staged.
func (d *decoder) str(dst *string, k wire.Tok, raw []byte) error {
	start, end, ok := d.Stage(k, raw)
	if !ok {
		s, err := d.String(k, raw)
		*dst = s
		return err
	}
	d.strs = append(d.strs, staged[string]{dst, start, end})
	return nil
}

// timestamp decodes a timestamp member into *dst, a string staged.
func (d *decoder) timestamp(dst *lifecycle.Timestamp, k wire.Tok, raw []byte) error {
	start, end, ok := d.Stage(k, raw)
	if !ok {
		s, err := d.Timestamp(k, raw)
		*dst = lifecycle.Timestamp(s)
		return err
	}
	d.times = append(d.times, staged[lifecycle.Timestamp]{dst, start, end})
	return nil
}

// flush stores the staged members.
func (d *decoder) flush() {
	if len(d.strs) == 0 && len(d.times) == 0 {
		return
	}
	b := d.Batch()
	for _, m := range d.strs {
		*m.dst = b[m.start:m.end]
	}
	for _, m := range d.times {
		*m.dst = lifecycle.Timestamp(b[m.start:m.end])
	}
	d.strs, d.times = d.strs[:0], d.times[:0]
}

// memberNames are the member names of each record type.
type memberNames struct {
	image, state, outputs, outputAMI, container        members
	ami, ec2Tag, mapping, ebs, permissions, permission members
}

// members are the JSON names of the members of a record type, in field
// order, to list them in messages, and the same by length, to match a
// name with one or two comparisons and to rule out most unknown names as
// case variants at once. Every name is shorter than maxMemberLen bytes.
type members struct {
	names []string
	byLen [maxMemberLen][]uint8 // the indexes in names of the names of each length
	lens  uint64                // bit n set: a name of n bytes
}

// maxMemberLen bounds the length of the names of members.
const maxMemberLen = 64

func membersOf(v any) members {
	m := members{names: wire.JSONNames(v)}
	for i, n := range m.names {
		m.byLen[len(n)] = append(m.byLen[len(n)], uint8(i))
		m.lens |= 1 << len(n)
	}
	return m
}

// find returns the index of name in m.names, or -1.
func (m *members) find(name []byte) int {
	if len(name) >= maxMemberLen {
		return -1
	}
	for _, i := range m.byLen[len(name)] {
		if m.names[i] == string(name) {
			return int(i)
		}
	}
	return -1
}

// mayVary reports whether name may be a case variant of a member's
// name: an ASCII name can only be one of a name of its length.
func (m *members) mayVary(name []byte) bool {
	if len(name) < maxMemberLen && m.lens&(1<<len(name)) != 0 {
		return true
	}
	for _, c := range name {
		if c >= utf8.RuneSelf {
			return true // "K" (Kelvin) and "ſ" fold to ASCII letters
		}
	}
	return false
}

func newMemberNames() *memberNames {
	return &memberNames{
		image: membersOf(Image{}), state: membersOf(ImageState{}),
		outputs: membersOf(OutputResources{}), outputAMI: membersOf(OutputAMI{}), container: membersOf(OutputContainer{}),
		ami: membersOf(AMI{}), ec2Tag: membersOf(EC2Tag{}), mapping: membersOf(BlockDeviceMapping{}),
		ebs: membersOf(EBS{}), permissions: membersOf(LaunchPermissions{}), permission: membersOf(LaunchPermission{}),
	}
}

// skippedTopLevel are the top-level members of AWS responses that an
// inventory ignores: pagination and request metadata.
func skippedTopLevel(key string) bool {
	switch key {
	case "requestId", "nextToken", "NextToken", "ResponseMetadata", "latestVersionReferences":
		return true
	}
	return false
}

// decodeInventory decodes the document d reads.
func decodeInventory(d *decoder) (*Inventory, error) {
	if d.err != nil {
		return nil, d.err
	}
	if d.names == nil {
		d.names = newMemberNames()
	}
	k, raw, err := d.next()
	if err != nil {
		return nil, err
	}
	start := d.Start(k, raw)
	if k != wire.KindBeginObject {
		return nil, &wire.Error{Offset: start, Code: wire.CodeShape,
			Reason: "expected a JSON object: an ibkit inventory or a saved AWS CLI response"}
	}
	inv := &Inventory{}
	var t topLevel
	seen := map[string]bool{}
	for {
		k, raw, err := d.next()
		if err != nil {
			return nil, err
		}
		if k == wire.KindEndObject {
			break
		}
		koff := d.Start(k, raw)
		key := string(d.Name(raw))
		if seen[key] {
			return nil, wire.Duplicate(key, koff)
		}
		seen[key] = true
		if k, raw, err = d.next(); err != nil {
			return nil, wire.AtKey(err, key)
		}
		switch key {
		case "images", "imageSummaryList":
			t.imageSections++
			if key == "imageSummaryList" {
				t.names.Images = key
			}
			imgs, err := decodeArray(d, k, raw, 1, 0, counted(d, d.image))
			if err != nil {
				return nil, wire.AtKey(err, key)
			}
			inv.Images = appendRecords(inv.Images, imgs)
		case "image":
			t.imageSections++
			t.names.Images = key
			imgs := make([]Image, 1)
			if err := d.image(&imgs[0], k, raw, 1); err != nil {
				return nil, wire.AtKey(err, key)
			}
			d.flush()
			d.records++
			inv.Images = append(inv.Images, imgs...)
		case "amis", "Images":
			t.amiSections++
			if key == "Images" {
				t.names.AMIs = key
			}
			amis, err := decodeArray(d, k, raw, 1, 0, counted(d, d.ami))
			if err != nil {
				return nil, wire.AtKey(err, key)
			}
			inv.AMIs = appendRecords(inv.AMIs, amis)
		case "launchPermissions":
			lps, err := decodeArray(d, k, raw, 1, 0, counted(d, d.permissions))
			if err != nil {
				return nil, wire.AtKey(err, key)
			}
			inv.LaunchPermissions = appendRecords(inv.LaunchPermissions, lps)
		case "ImageId":
			t.lpID = true
			if t.lp.ImageID, err = d.String(k, raw); err != nil {
				return nil, wire.AtKey(err, key)
			}
		case "LaunchPermissions":
			t.lpList = true
			if t.lp.LaunchPermissions, err = decodeArray(d, k, raw, 1, 0, d.permission); err != nil {
				return nil, wire.AtKey(err, key)
			}
		default:
			if skippedTopLevel(key) {
				if err := d.Skip(k, raw, 1); err != nil {
					return nil, wire.AtKey(err, key)
				}
				continue
			}
			return nil, unknownTopLevel(key, d.Start(k, raw))
		}
	}
	if err := d.End("JSON object"); err != nil {
		return nil, err
	}
	if err := t.finish(inv, start); err != nil {
		return nil, err
	}
	return inv, nil
}

// topLevel is what decoding learns from the top-level members of a
// document besides its records.
type topLevel struct {
	imageSections, amiSections int // members that held images, AMIs
	names                      sections
	lp                         LaunchPermissions // of ImageId and LaunchPermissions
	lpID, lpList               bool              // whether they were given
}

// finish stores into inv what t learnt; start is the offset of the
// document.
func (t *topLevel) finish(inv *Inventory, start int64) error {
	// Findings can name the document's own sections only when each kind
	// of record came from one section; otherwise they use the combined
	// form, the order of the records in inv.
	if t.imageSections > 1 {
		t.names.Images = ""
	}
	if t.amiSections > 1 {
		t.names.AMIs = ""
	}
	inv.sections = t.names
	if t.lpID || t.lpList {
		if !t.lpID || !t.lpList {
			return &wire.Error{Offset: start, Code: wire.CodeShape,
				Reason: "a launch-permission response needs both ImageId and LaunchPermissions"}
		}
		inv.LaunchPermissions = append(inv.LaunchPermissions, t.lp)
		inv.sections.TopLevelPermission = true
	}
	return nil
}

// unknownTopLevel is the error of a top-level member, whose value starts
// at off, that no inventory shape has.
func unknownTopLevel(key string, off int64) error {
	return &wire.Error{Path: wire.KeyPath(key), Offset: off, Code: wire.CodeShape,
		Reason: wire.Quote(key) + " is not a member of any accepted inventory shape; expected images, amis, launchPermissions, image, imageSummaryList, Images, or ImageId with LaunchPermissions"}
}

// appendRecords appends more to list, without a copy when list is
// empty.
func appendRecords[T any](list, more []T) []T {
	if len(more) == 0 {
		return list // an empty section leaves a nil list nil
	}
	if list == nil {
		return more
	}
	return append(list, more...)
}

// decodeArray decodes an array value, whose first token is k and raw, at
// depth, each element with elem; null is a nil slice. The slice starts
// with room for first elements (1 when 0).
func decodeArray[T any](d *decoder, k wire.Tok, raw []byte, depth, first int, elem func(*T, wire.Tok, []byte, int) error) ([]T, error) {
	if k == wire.KindNull {
		return nil, nil
	}
	if err := d.Open(k, raw, wire.KindBeginArray, "an array", depth); err != nil {
		return nil, err
	}
	// A long array is read in chunks and copied once into a slice of its
	// length, so that it costs about twice its size, not the five times
	// of growing one slice.
	var chunks [][]T
	out := []T{}
	n := 0
	for i := 0; ; i++ {
		k, raw, err := d.next()
		if err != nil {
			return nil, wire.AtIndex(err, i)
		}
		if k == wire.KindEndArray {
			break
		}
		var zero T
		if cap(out) == 0 && first > 0 {
			out = make([]T, 0, first)
		}
		if len(out) == cap(out) && len(out) >= chunkSize {
			chunks = append(chunks, out)
			out = make([]T, 0, chunkSize)
		}
		out = append(out, zero)
		n++
		if err := elem(&out[len(out)-1], k, raw, depth+1); err != nil {
			return nil, wire.AtIndex(err, i)
		}
		d.flush()
	}
	if chunks == nil {
		return out, nil
	}
	all := make([]T, 0, n)
	for _, c := range chunks {
		all = append(all, c...)
	}
	return append(all, out...), nil
}

// ec2TagsRoom is the room an AMI's tag list starts with: AMIs that Image
// Builder made carry two tags at least (CreatedBy, Ec2ImageBuilderArn).
const ec2TagsRoom = 2

// chunkSize is the number of elements of the chunks of a long array.
const chunkSize = 1024

// object decodes the members of an object value, whose first token is k
// and raw, at depth: a member named in names goes to field with its name
// as given in names and its first token; others are skipped, unless given
// twice or a case variant of a name. null decodes nothing.
func (d *decoder) object(k wire.Tok, raw []byte, depth int, m *members,
	field func(name string, k wire.Tok, raw []byte, depth int) error) error {
	names := m.names
	if k == wire.KindNull {
		return nil
	}
	if err := d.Open(k, raw, wire.KindBeginObject, "an object", depth); err != nil {
		return err
	}
	mark := d.UnknownMark()
	defer d.EndObject(mark)
	var seen uint64
	for {
		k, raw, err := d.next()
		if err != nil {
			return err
		}
		if k == wire.KindEndObject {
			return nil
		}
		// A name as written that equals a member's name has no escapes:
		// only the others need Name to decode them, and a decoded name
		// differs in length from the text of its escapes.
		name := raw[1 : len(raw)-1]
		f := m.find(name)
		if f < 0 {
			if decoded := d.Name(raw); len(decoded) != len(name) {
				name = decoded
				f = m.find(name)
			}
		}
		var key, variant string
		var koff int64 // of a case variant's name, for its error
		if f >= 0 {
			d.MemberChecks++
			key = names[f]
			if seen&(1<<f) != 0 {
				return wire.Duplicate(key, d.Start(k, raw))
			}
			seen |= 1 << f
		} else {
			if d.Unknown(mark, name) {
				return wire.Duplicate(d.LastUnknown(), d.Start(k, raw))
			}
			if m.mayVary(name) {
				if variant = wire.CaseVariant(names, name); variant != "" {
					koff = d.Start(k, raw)
				}
			}
		}
		k, raw, err = d.next()
		if err != nil {
			if f < 0 {
				key = d.LastUnknown()
			}
			return wire.AtKey(err, key)
		}
		if f < 0 {
			if variant != "" {
				return wire.UnknownMember(d.LastUnknown(), koff, names)
			}
			if err := d.Skip(k, raw, depth+1); err != nil {
				return wire.AtKey(err, d.LastUnknown())
			}
			continue
		}
		if err := field(key, k, raw, depth+1); err != nil {
			return wire.AtKey(err, key)
		}
	}
}

// objectPointer decodes an object value into a new T, nil for null.
func objectPointer[T any](d *decoder, k wire.Tok, raw []byte, depth int, decode func(*T, wire.Tok, []byte, int) error) (*T, error) {
	if k == wire.KindNull {
		return nil, nil
	}
	p := new(T)
	if err := decode(p, k, raw, depth); err != nil {
		return nil, err
	}
	return p, nil
}

func (d *decoder) image(img *Image, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.image, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "arn":
			err = d.str(&img.ARN, k, raw)
		case "type":
			var s string
			s, err = d.Interned(k, raw)
			img.Type = lifecycle.ImageType(s)
		case "name":
			img.Name, err = d.Interned(k, raw)
		case "version":
			err = d.str(&img.Version, k, raw)
		case "state":
			img.State, err = objectPointer(d, k, raw, depth, d.state)
		case "dateCreated":
			err = d.timestamp(&img.DateCreated, k, raw)
		case "dateCompleted":
			err = d.timestamp(&img.DateCompleted, k, raw)
		case "outputResources":
			img.OutputResources, err = objectPointer(d, k, raw, depth, d.outputs)
		case "tags":
			img.Tags, err = d.tags(k, raw, depth)
		case "buildType":
			img.BuildType, err = d.Interned(k, raw)
		case "imageSource":
			img.ImageSource, err = d.Interned(k, raw)
		case "deprecationTime":
			err = d.timestamp(&img.DeprecationTime, k, raw)
		}
		return err
	})
}

func (d *decoder) state(st *ImageState, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.state, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "status":
			var s string
			s, err = d.Interned(k, raw)
			st.Status = lifecycle.ImageStatus(s)
		}
		return err
	})
}

func (d *decoder) outputs(o *OutputResources, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.outputs, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "amis":
			o.AMIs, err = decodeArray(d, k, raw, depth, 0, d.outputAMI)
		case "containers":
			o.Containers, err = decodeArray(d, k, raw, depth, 0, d.container)
		}
		return err
	})
}

func (d *decoder) outputAMI(a *OutputAMI, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.outputAMI, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "region":
			a.Region, err = d.Interned(k, raw)
		case "image":
			err = d.str(&a.Image, k, raw)
		case "accountId":
			a.AccountID, err = d.Interned(k, raw)
		}
		return err
	})
}

func (d *decoder) container(c *OutputContainer, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.container, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "region":
			c.Region, err = d.Interned(k, raw)
		case "imageUris":
			c.ImageURIs, err = decodeArray(d, k, raw, depth, 0, func(s *string, k wire.Tok, raw []byte, _ int) (err error) {
				*s, err = d.String(k, raw)
				return err
			})
		}
		return err
	})
}

// tags decodes an object of string values, whose keys must differ.
func (d *decoder) tags(k wire.Tok, raw []byte, depth int) (lifecycle.Tags, error) {
	if k == wire.KindNull {
		return nil, nil
	}
	if err := d.Open(k, raw, wire.KindBeginObject, "an object of string values", depth); err != nil {
		return nil, err
	}
	// A few tags are gathered in a list first, to share the map of the
	// last record when they are the same; many go into a map at once.
	few := d.fewTags[:0]
	var tags lifecycle.Tags
	for {
		k, raw, err := d.next()
		if err != nil {
			return nil, err
		}
		if k == wire.KindEndObject {
			d.fewTags = few
			if tags != nil {
				return tags, nil
			}
			return d.sharedTags(few), nil
		}
		koff := d.Start(k, raw)
		key, _ := d.Interned(wire.KindString, raw)
		d.MemberChecks++
		repeated := false
		if tags != nil {
			_, repeated = tags[key]
		} else {
			for _, t := range few {
				repeated = repeated || t.Key == key
			}
		}
		if repeated {
			return nil, wire.AtTag(&wire.Error{Offset: koff, Code: wire.CodeDuplicate,
				Reason: "the tag key " + wire.Quote(key) + " appears twice; keep one"}, key)
		}
		if k, raw, err = d.next(); err != nil {
			return nil, wire.AtKey(err, key)
		}
		if k != wire.KindString {
			return nil, wire.AtTag(d.TypeError(k, raw, "a string"), key)
		}
		value, _ := d.Interned(k, raw)
		switch {
		case tags != nil:
			tags[key] = value
		case len(few) < maxFewTags:
			few = append(few, EC2Tag{Key: key, Value: value})
		default:
			tags = make(lifecycle.Tags, 2*maxFewTags)
			for _, t := range few {
				tags[t.Key] = t.Value
			}
			tags[key] = value
		}
	}
}

// maxFewTags is the number of tags that tags gathers in a list.
const maxFewTags = 8

// sharedTags returns the map of the tags few: the map it returned last
// when that holds the same tags, a new one otherwise.
func (d *decoder) sharedTags(few []EC2Tag) lifecycle.Tags {
	if last := d.lastTags; last != nil && len(last) == len(few) {
		same := true
		for _, t := range few {
			if v, ok := last[t.Key]; !ok || v != t.Value {
				same = false
				break
			}
		}
		if same {
			return last
		}
	}
	tags := make(lifecycle.Tags, len(few))
	for _, t := range few {
		tags[t.Key] = t.Value
	}
	d.lastTags = tags
	return tags
}

func (d *decoder) ami(a *AMI, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.ami, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "ImageId":
			err = d.str(&a.ImageID, k, raw)
		case "OwnerId":
			a.OwnerID, err = d.Interned(k, raw)
		case "CreationDate":
			err = d.timestamp(&a.CreationDate, k, raw)
		case "Public":
			a.Public, err = d.Bool(k, raw)
		case "State":
			a.State, err = d.Interned(k, raw)
		case "Tags":
			a.Tags, err = decodeArray(d, k, raw, depth, ec2TagsRoom, d.ec2Tag)
		case "BlockDeviceMappings":
			a.BlockDeviceMappings, err = decodeArray(d, k, raw, depth, 0, d.mapping)
		case "LastLaunchedTime":
			err = d.timestamp(&a.LastLaunchedTime, k, raw)
		case "DeprecationTime":
			err = d.timestamp(&a.DeprecationTime, k, raw)
		}
		return err
	})
}

func (d *decoder) ec2Tag(t *EC2Tag, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.ec2Tag, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "Key":
			t.Key, err = d.Interned(k, raw)
		case "Value":
			t.Value, err = d.Interned(k, raw)
		}
		return err
	})
}

func (d *decoder) mapping(m *BlockDeviceMapping, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.mapping, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "Ebs":
			m.EBS, err = objectPointer(d, k, raw, depth, d.ebs)
		}
		return err
	})
}

func (d *decoder) ebs(e *EBS, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.ebs, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		if name == "SnapshotId" {
			err = d.str(&e.SnapshotID, k, raw)
		}
		return err
	})
}

func (d *decoder) permissions(p *LaunchPermissions, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.permissions, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "ImageId":
			err = d.str(&p.ImageID, k, raw)
		case "LaunchPermissions":
			p.LaunchPermissions, err = decodeArray(d, k, raw, depth, 0, d.permission)
		}
		return err
	})
}

func (d *decoder) permission(p *LaunchPermission, k wire.Tok, raw []byte, depth int) error {
	return d.object(k, raw, depth, &d.names.permission, func(name string, k wire.Tok, raw []byte, depth int) (err error) {
		switch name {
		case "UserId":
			p.UserID, err = d.Interned(k, raw)
		case "Group":
			p.Group, err = d.Interned(k, raw)
		}
		return err
	})
}
