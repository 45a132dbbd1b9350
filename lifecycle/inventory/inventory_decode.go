package inventory

import (
	"errors"
	"io"
	"io/fs"
	"sync"

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
// returned as it is. It is Options{}.DecodeReader.
func DecodeReader(r io.Reader) (*Inventory, error) {
	return Options{}.DecodeReader(r)
}

// Options are the options of reading and indexing inventories. The zero
// Options read files one after the other, index on the calling goroutine
// and report no progress.
type Options struct {
	// Workers is the number of goroutines Read and Index may use: Read
	// decodes that many files at the same time, Index checks that many
	// runs of images. 0 and 1 keep to the calling goroutine. The result
	// is the same.
	Workers int
	// Progress, when not nil, hears how the decoding of a document goes:
	// it is called after every 1024th record (image, AMI or launch-
	// permission record) and once when the document ends or fails, with
	// the file's name as given to Read ("" for DecodeReader), the records
	// decoded so far and the bytes of the document read. The calls about
	// one document come one after the other, from the goroutine that
	// decodes it; with Workers above 1, calls about different files can
	// come at the same time.
	Progress func(file string, records int, bytes int64)
}

// DecodeReader is the package's DecodeReader, reporting its progress to
// o.Progress.
func (o Options) DecodeReader(r io.Reader) (*Inventory, error) {
	return o.decodeReader(r, "")
}

func (o Options) decodeReader(r io.Reader, file string) (*Inventory, error) {
	s, err := wire.NewStream(r)
	if err != nil {
		return nil, decodeError(err, 0)
	}
	d := &decoder{Stream: s, tok: s.Tokens(), progress: o.Progress, file: file}
	inv, err := decodeInventory(d)
	if o.Progress != nil {
		records := d.records
		if inv != nil {
			records = len(inv.Images) + len(inv.AMIs) + len(inv.LaunchPermissions)
		}
		o.Progress(file, records, s.Offset())
	}
	return inv, decodeError(err, 0)
}

// decodeError turns an error of the decoder into a *lifecycle.Error, its
// offset moved by the length of a byte-order mark removed before decoding.
func decodeError(err error, base int64) error {
	we, ok := wire.FromReader(err).(*wire.Error)
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
// fsys. It is Options{}.Read.
func Read(fsys fs.FS, names ...string) (*Inventory, error) {
	return Options{}.Read(fsys, names...)
}

// Read is the package's Read, decoding up to o.Workers files at the same
// time and reporting its progress to o.Progress. When several files fail,
// the error is the one of the first in argument order, as when they are
// read one after the other.
func (o Options) Read(fsys fs.FS, names ...string) (*Inventory, error) {
	parts := make([]*Inventory, len(names))
	errs := make([]error, len(names))
	read := func(i int) {
		parts[i], errs[i] = o.readFile(fsys, names[i])
	}
	if workers := min(o.Workers, len(names)); workers > 1 {
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for i := range next {
					read(i)
				}
			})
		}
		for i := range names {
			next <- i
		}
		close(next)
		wg.Wait()
	} else {
		for i := range names {
			if read(i); errs[i] != nil {
				break
			}
		}
	}
	for i, err := range errs {
		if err != nil {
			var de *lifecycle.Error
			if errors.As(err, &de) {
				de.File = names[i]
			}
			return nil, err
		}
		parts[i].File = names[i]
	}
	// The parts are Read's own: a list that one file alone gives is used
	// as it is.
	return mergeInventories(parts, nil, true, o.Workers), nil
}

// readFile decodes the named file of fsys.
func (o Options) readFile(fsys fs.FS, name string) (*Inventory, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return o.decodeReader(f, name)
}

// newDecoder returns the decoder of an inventory document in memory; an
// encoding error waits for decodeInventory.
func newDecoder(data []byte) *decoder {
	s, err := wire.NewStreamBytes(data)
	if err != nil {
		return &decoder{Stream: &wire.Stream{}, err: err}
	}
	return &decoder{Stream: s, tok: s.Tokens()}
}
