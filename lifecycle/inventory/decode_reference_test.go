package inventory

import (
	"encoding/json"
	"reflect"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
)

// This file keeps the reflective decoder that Decode used before it read
// streams, as the reference the streaming decoder must agree with, error
// for error (FuzzDecodeAgrees).

// referenceDecode decodes data as the reflective decoder did.
func referenceDecode(data []byte) (*Inventory, error) {
	data, base, err := wire.TextEncoding(data)
	if err != nil {
		return nil, decodeError(err, 0)
	}
	inv, err := decodeReference(newReferenceDecoder(data))
	return inv, decodeError(err, base)
}

// newDecoder returns the decoder of an inventory document: unknown members
// are skipped, a case variant of a known one is an error.
func newReferenceDecoder(data []byte) *wire.Decoder {
	return &wire.Decoder{R: wire.NewReader(data), Timestamp: reflect.TypeFor[lifecycle.Timestamp](),
		AllowUnknown: true, CaseVariants: true}
}

// decodeInventory decodes the document d reads.
func decodeReference(d *wire.Decoder) (*Inventory, error) {
	r := d.R
	tok, start, err := d.Token()
	if err != nil {
		return nil, err
	}
	if tok != json.Delim('{') {
		return nil, &wire.Error{Offset: start, Code: wire.CodeShape,
			Reason: "expected a JSON object: an ibkit inventory or a saved AWS CLI response"}
	}
	inv := &Inventory{}
	var t topLevel
	seen := map[string]bool{}
	for {
		ktok, koff, err := d.Token()
		if err != nil {
			return nil, err
		}
		if ktok == json.Delim('}') {
			break
		}
		key, _ := ktok.(string)
		d.Push(key)
		if seen[key] {
			return nil, &wire.Error{Path: d.Path(), Offset: koff, Code: wire.CodeDuplicate,
				Reason: "the member " + wire.Quote(key) + " appears twice; keep one"}
		}
		seen[key] = true
		vtok, off, err := d.Token()
		if err != nil {
			return nil, err
		}
		var target any
		var imgs []Image
		var amis []AMI
		var lps []LaunchPermissions
		switch key {
		case "images", "imageSummaryList":
			target = &imgs
			t.imageSections++
			if key == "imageSummaryList" {
				t.names.Images = key
			}
		case "image":
			imgs = make([]Image, 1)
			target = &imgs[0]
			t.imageSections++
			t.names.Images = key
		case "amis", "Images":
			target = &amis
			t.amiSections++
			if key == "Images" {
				t.names.AMIs = key
			}
		case "launchPermissions":
			target = &lps
		case "ImageId":
			target, t.lpID = &t.lp.ImageID, true
		case "LaunchPermissions":
			target, t.lpList = &t.lp.LaunchPermissions, true
		case "requestId", "nextToken", "NextToken", "ResponseMetadata", "latestVersionReferences":
			if err := d.SkipValue(vtok, off, 1); err != nil {
				return nil, err
			}
			d.Pop()
			continue
		default:
			return nil, unknownTopLevel(key, off)
		}
		if err := d.Store(vtok, off, reflect.ValueOf(target).Elem(), 1); err != nil {
			return nil, err
		}
		inv.Images = append(inv.Images, imgs...)
		inv.AMIs = append(inv.AMIs, amis...)
		inv.LaunchPermissions = append(inv.LaunchPermissions, lps...)
		d.Pop()
	}
	if err := r.End("JSON object"); err != nil {
		return nil, err
	}
	if err := t.finish(inv, start); err != nil {
		return nil, err
	}
	return inv, nil
}
