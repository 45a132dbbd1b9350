package inventory

import (
	"errors"
	"io"
	"io/fs"

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
// Images with the same tags may share one Tags map, as Merge's records
// share them with its parts: copy a map before changing it.
func Decode(data []byte) (*Inventory, error) {
	d := newDecoder(data)
	inv, err := decodeInventory(d)
	return inv, decodeError(err, 0)
}

// DecodeReader is Decode for a document read from r as a stream: it keeps
// only the records, never the text, so a large AWS CLI response costs
// about the memory of what a dry-run reads from it. An error of r is
// returned as it is.
func DecodeReader(r io.Reader) (*Inventory, error) {
	s, err := wire.NewStream(r)
	if err != nil {
		return nil, decodeError(err, 0)
	}
	inv, err := decodeInventory(&decoder{Stream: s})
	return inv, decodeError(err, 0)
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

// Read reads the named files of fsys with DecodeReader, one at a time and
// as streams, names each part by its file (Inventory.File) and merges them
// with Merge, so that findings name the file of each record. Errors are
// *lifecycle.Error values whose File member names the file, or the error of
// fsys.
func Read(fsys fs.FS, names ...string) (*Inventory, error) {
	parts := make([]*Inventory, 0, len(names))
	for _, name := range names {
		inv, err := readFile(fsys, name)
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
	// The parts are Read's own: a list that one file alone gives is used
	// as it is.
	return mergeInventories(parts, nil, true), nil
}

// readFile decodes the named file of fsys.
func readFile(fsys fs.FS, name string) (*Inventory, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return DecodeReader(f)
}

// newDecoder returns the decoder of an inventory document in memory; an
// encoding error waits for decodeInventory.
func newDecoder(data []byte) *decoder {
	s, err := wire.NewStreamBytes(data)
	if err != nil {
		return &decoder{Stream: &wire.Stream{}, err: err}
	}
	return &decoder{Stream: s}
}
