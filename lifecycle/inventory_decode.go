package lifecycle

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"reflect"
	"strconv"
)

// DecodeInventory reads one inventory document. It accepts ibkit's
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
// other top-level member is an error. Every error is a *DecodeError naming
// the JSON path of the problem. Records keep the order of the document,
// members taken in the order they appear.
func DecodeInventory(data []byte) (*Inventory, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	syntax := func(path string, err error) error {
		return (&treeParser{dec: dec}).syntaxError(path, err)
	}
	start := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return nil, syntax("", err)
	}
	if tok != json.Delim('{') {
		return nil, &DecodeError{Offset: start, Err: ErrShape,
			Reason: "expected a JSON object: an ibkit inventory or a saved AWS CLI response"}
	}
	inv := &Inventory{}
	imageSections, amiSections := 0, 0
	var names Sections
	var lp LaunchPermissions
	var lpID, lpList bool
	seen := map[string]bool{}
	for {
		tok, err := dec.Token()
		if err != nil {
			return nil, syntax("", err)
		}
		if tok == json.Delim('}') {
			break
		}
		key, _ := tok.(string)
		path := keyPath("", key)
		var raw json.RawMessage
		off := dec.InputOffset()
		if err := dec.Decode(&raw); err != nil {
			return nil, syntax(path, err)
		}
		off += int64(valueStart(data[off:]))
		if seen[key] {
			return nil, &DecodeError{Path: path, Offset: off, Err: ErrDuplicateField,
				Reason: "the member " + strconv.Quote(key) + " appears twice; keep one"}
		}
		seen[key] = true
		var target any
		switch key {
		case "images", "imageSummaryList":
			var imgs []Image
			if err := decodeSection(raw, &imgs, path, off); err != nil {
				return nil, err
			}
			inv.Images = append(inv.Images, imgs...)
			imageSections++
			if key == "imageSummaryList" {
				names.Images = key
			}
			continue
		case "image":
			var img Image
			if err := decodeSection(raw, &img, path, off); err != nil {
				return nil, err
			}
			inv.Images = append(inv.Images, img)
			imageSections++
			names.Images = key
			continue
		case "amis", "Images":
			var amis []AMI
			if err := decodeSection(raw, &amis, path, off); err != nil {
				return nil, err
			}
			inv.AMIs = append(inv.AMIs, amis...)
			amiSections++
			if key == "Images" {
				names.AMIs = key
			}
			continue
		case "launchPermissions":
			var lps []LaunchPermissions
			if err := decodeSection(raw, &lps, path, off); err != nil {
				return nil, err
			}
			inv.LaunchPermissions = append(inv.LaunchPermissions, lps...)
			continue
		case "ImageId":
			target, lpID = &lp.ImageID, true
		case "LaunchPermissions":
			target, lpList = &lp.LaunchPermissions, true
		case "requestId", "nextToken", "NextToken", "ResponseMetadata", "latestVersionReferences":
			continue
		default:
			return nil, &DecodeError{Path: path, Offset: off, Err: ErrShape,
				Reason: strconv.Quote(key) + " is not a member of any accepted inventory shape; expected images, amis, launchPermissions, image, imageSummaryList, Images, or ImageId with LaunchPermissions"}
		}
		if err := decodeSection(raw, target, path, off); err != nil {
			return nil, err
		}
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &DecodeError{Offset: dec.InputOffset(), Err: ErrSyntax,
			Reason: "unexpected data after the end of the document; expected a single JSON object"}
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
	inv.Sections = names
	if lpID || lpList {
		if !lpID || !lpList {
			return nil, &DecodeError{Offset: start, Err: ErrShape,
				Reason: "a launch-permission response needs both ImageId and LaunchPermissions"}
		}
		inv.LaunchPermissions = append(inv.LaunchPermissions, lp)
		inv.Sections.TopLevelPermission = true
	}
	return inv, nil
}

func leadingSpace(b []byte) int {
	n := 0
	for n < len(b) && (b[n] == ' ' || b[n] == '\t' || b[n] == '\r' || b[n] == '\n') {
		n++
	}
	return n
}

// valueStart returns the length of the white space and colon that separate
// an object member's name, which b follows, from its value.
func valueStart(b []byte) int {
	n := leadingSpace(b)
	if n < len(b) && b[n] == ':' {
		n++
		n += leadingSpace(b[n:])
	}
	return n
}

// decodeSection decodes raw, the value of the top-level member at path
// starting at byte off of the document, with encoding/json; on failure it
// decodes again with the path-tracking decoder to name the bad value.
func decodeSection(raw json.RawMessage, v any, path string, off int64) error {
	err := json.Unmarshal(raw, v)
	if err == nil {
		return nil
	}
	// Slow path: find where the problem is.
	root, perr := parseJSON(raw)
	if perr == nil {
		d := valueDecoder{allowUnknown: true}
		perr = d.store(root, reflect.ValueOf(v).Elem(), path)
	}
	var de *DecodeError
	if errors.As(perr, &de) {
		de.Offset += off
		return de
	}
	// The two decoders disagree only on letter case of member names.
	reason := "cannot decode: " + trimJSONPrefix(err.Error())
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		off += te.Offset
		reason = "found a JSON " + te.Value + " where " + te.Type.String() + " was expected (member " + strconv.Quote(te.Field) + ")"
	}
	return &DecodeError{Path: path, Offset: off, Err: ErrType, Reason: reason}
}

// ReadInventory reads the named files of fsys with DecodeInventory, names
// each part by its file (Inventory.File) and merges them with
// MergeInventories, so that findings name the file of each record. Errors are
// *DecodeError values whose File member names the file, or the error of
// fsys.
func ReadInventory(fsys fs.FS, names ...string) (*Inventory, error) {
	parts := make([]*Inventory, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		inv, err := DecodeInventory(data)
		if err != nil {
			var de *DecodeError
			if errors.As(err, &de) {
				de.File = name
			}
			return nil, err
		}
		inv.File = name
		parts = append(parts, inv)
	}
	return MergeInventories(parts...), nil
}
