package inventory

import (
	"encoding/json"
	"errors"
	"io/fs"
	"reflect"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
)

// Decode reads one inventory document. It accepts ibkit's
// combined file and the AWS CLI's JSON output of the calls that describe
// an inventory, recognised by their top-level members:
//
//	{"images": [...], "amis": [...], "launchPermissions": [...]}   combined file
//	{"image": {...}}                                              imagebuilder get-image
//	{"imageSummaryList": [...]}                                   imagebuilder list-image-build-versions,
//	                                                              list-image-pipeline-images
//	{"Images": [...]}                                             ec2 describe-images
//	{"ImageId": "...", "LaunchPermissions": [...]}                ec2 describe-image-attribute
//	                                                              --attribute launchPermission
//
// One document may combine several of these members. Pagination and
// request metadata (requestId, nextToken, NextToken, ResponseMetadata,
// latestVersionReferences) are ignored, and so are members of the listed
// objects that a dry-run does not read: AWS responses carry many more. Any
// other top-level member is an error, and so is, in any object, a member
// given twice or one whose name differs from a member the dry-run reads
// only in letter case ("ARN" for "arn"), as in DecodePolicy. A string that
// is not UTF-8 is an error; a leading UTF-8 byte-order mark is skipped and
// UTF-16 text is refused with advice on converting it. The document is
// checked as it is read and decoding stops at the first problem, so a
// rejected document costs little more memory than its accepted part. Every
// error is a *lifecycle.Error naming the JSON path of the problem. Records keep
// the order of the document, members taken in the order they appear.
func Decode(data []byte) (*Inventory, error) {
	data, base, err := wire.TextEncoding(data)
	if err != nil {
		return nil, decodeError(err, 0)
	}
	inv, err := decodeInventory(newDecoder(data))
	return inv, decodeError(err, base)
}

// newDecoder returns the decoder of an inventory document: unknown members
// are skipped, a case variant of a known one is an error.
func newDecoder(data []byte) *wire.Decoder {
	return &wire.Decoder{R: wire.NewReader(data), Timestamp: reflect.TypeFor[lifecycle.Timestamp](),
		AllowUnknown: true, CaseVariants: true}
}

// decodeError turns an error of the decoder into a *lifecycle.Error, its
// offset moved by the length of a byte-order mark removed before decoding.
func decodeError(err error, base int64) error {
	we, ok := err.(*wire.Error)
	if !ok {
		return err
	}
	sentinel := lifecycle.ErrSyntax
	switch we.Code {
	case wire.CodeUnknown, wire.CodeShape:
		sentinel = lifecycle.ErrUnknown
	case wire.CodeDuplicate, wire.CodeType:
		sentinel = lifecycle.ErrInvalid
	}
	return &lifecycle.Error{Path: we.Path, Offset: we.Offset + base, Code: we.Code, Reason: we.Reason, Err: sentinel}
}

// decodeInventory decodes the document d reads.
func decodeInventory(d *wire.Decoder) (*Inventory, error) {
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
	imageSections, amiSections := 0, 0
	var names sections
	var lp LaunchPermissions
	var lpID, lpList bool
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
			imageSections++
			if key == "imageSummaryList" {
				names.Images = key
			}
		case "image":
			imgs = make([]Image, 1)
			target = &imgs[0]
			imageSections++
			names.Images = key
		case "amis", "Images":
			target = &amis
			amiSections++
			if key == "Images" {
				names.AMIs = key
			}
		case "launchPermissions":
			target = &lps
		case "ImageId":
			target, lpID = &lp.ImageID, true
		case "LaunchPermissions":
			target, lpList = &lp.LaunchPermissions, true
		case "requestId", "nextToken", "NextToken", "ResponseMetadata", "latestVersionReferences":
			if err := d.SkipValue(vtok, off, 1); err != nil {
				return nil, err
			}
			d.Pop()
			continue
		default:
			return nil, &wire.Error{Path: d.Path(), Offset: off, Code: wire.CodeShape,
				Reason: wire.Quote(key) + " is not a member of any accepted inventory shape; expected images, amis, launchPermissions, image, imageSummaryList, Images, or ImageId with LaunchPermissions"}
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
	// Findings can name the document's own sections only when each kind
	// of record came from one section; otherwise they use the combined
	// form, the order of the records in inv.
	if imageSections > 1 {
		names.Images = ""
	}
	if amiSections > 1 {
		names.AMIs = ""
	}
	inv.sections = names
	if lpID || lpList {
		if !lpID || !lpList {
			return nil, &wire.Error{Offset: start, Code: wire.CodeShape,
				Reason: "a launch-permission response needs both ImageId and LaunchPermissions"}
		}
		inv.LaunchPermissions = append(inv.LaunchPermissions, lp)
		inv.sections.TopLevelPermission = true
	}
	return inv, nil
}

// Read reads the named files of fsys with Decode, names
// each part by its file (Inventory.File) and merges them with
// Merge, so that findings name the file of each record. Errors are
// *lifecycle.Error values whose File member names the file, or the error of
// fsys.
func Read(fsys fs.FS, names ...string) (*Inventory, error) {
	parts := make([]*Inventory, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		inv, err := Decode(data)
		if err != nil {
			var de *lifecycle.Error
			if errors.As(err, &de) {
				de.File = name
			}
			return nil, err
		}
		inv.File = name
		parts = append(parts, inv)
	}
	return Merge(parts...), nil
}
