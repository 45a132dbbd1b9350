package lifecycle

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/internal/jsonread"
	"github.com/ibkit/ibkit/lifecycle/internal/wire"
)

// maxDocumentSize is the largest policy or StartResourceStateUpdate
// request, in bytes, that DecodePolicy and DecodeStateUpdate read. The
// service accepts policies of a few kilobytes; the limit is far above that
// and only stops a wrong or hostile file before any work is done.
const maxDocumentSize = 1 << 20

// DecodePolicy reads a lifecycle policy from any of the JSON shapes people
// keep on disk, recognised by their top-level members:
//
//   - {"lifecyclePolicy": {...}}: a GetLifecyclePolicy response;
//   - an object with "lifecyclePolicyArn": an UpdateLifecyclePolicy input;
//   - an object with "clientToken": a CreateLifecyclePolicy input;
//   - any other object: the bare LifecyclePolicy.
//
// Member names are matched exactly. A member the shape does not define is an
// error naming its JSON path unless opts.AllowUnknownFields is set; so is a
// member given twice, a value of the wrong JSON type, an integer that does
// not fit 32 bits, and a string that is not UTF-8. A leading UTF-8
// byte-order mark is skipped; UTF-16 text is refused with advice on
// converting it. Documents larger than 1 MiB are refused before
// they are read. The document is checked as it is read: decoding stops at
// the first problem. Every error is an *Error whose Code names the kind of
// problem ("unknown-field", "wrong-type", ...). DecodePolicy checks the
// structure only: call Document.Validate for the service's rules.
func DecodePolicy(data []byte, opts DecodeOptions) (*Document, error) {
	data, base, err := documentText(data, "lifecycle policy")
	if err != nil {
		return nil, err
	}
	doc, err := decodePolicy(data, opts)
	return doc, shiftError(err, base)
}

// documentText checks the size and encoding of a policy or request and
// returns its text without a byte-order mark, and the mark's length.
func documentText(data []byte, what string) ([]byte, int64, error) {
	if len(data) > maxDocumentSize {
		return nil, 0, &Error{Offset: maxDocumentSize, Code: wire.CodeSyntax, Err: ErrSyntax,
			Reason: "the document has " + strconv.Itoa(len(data)) + " bytes; a " + what + " takes a few kilobytes and ibkit reads at most " + strconv.Itoa(maxDocumentSize) + " bytes (1 MiB)"}
	}
	data, bom, err := wire.TextEncoding(data)
	return data, bom, decodeError(err)
}

// shiftError turns an error of the decoder into an *Error and moves its
// offset by the length of a byte-order mark that was removed before
// decoding.
func shiftError(err error, base int64) error {
	err = decodeError(err)
	if de, ok := err.(*Error); ok && base != 0 {
		de.Offset += base
	}
	return err
}

func decodePolicy(data []byte, opts DecodeOptions) (*Document, error) {
	// A first pass reads the top-level member names, which decide the
	// shape; the second decodes under that shape.
	keys := topLevelKeys(data)
	d, tok, off, err := openObject(data, opts, "a lifecycle policy")
	if err != nil {
		return nil, err
	}
	r := d.R
	doc := &Document{Shape: ShapePolicy}
	if keys["lifecyclePolicy"] {
		doc.Shape = ShapeGetResponse
		err = d.StoreStruct(tok, off, reflect.ValueOf(&struct{}{}).Elem(), 0,
			func(key string, keyOff int64, vtok json.Token, voff int64) (bool, error) {
				if key != "lifecyclePolicy" {
					if d.AllowUnknown {
						return true, d.SkipValue(vtok, voff, 1)
					}
					return true, &wire.Error{Path: jsonread.Key("", key), Offset: keyOff, Code: wire.CodeUnknown,
						Reason: wire.Quote(key) + " is not a member of a GetLifecyclePolicy response; expected only lifecyclePolicy"}
				}
				return true, storePolicy(d, vtok, voff, &doc.Policy, 1, ShapePolicy, nil)
			})
	} else {
		if keys["lifecyclePolicyArn"] {
			doc.Shape = ShapeUpdateInput
		} else if keys["clientToken"] {
			doc.Shape = ShapeCreateInput
		}
		err = storePolicy(d, tok, off, &doc.Policy, 0, doc.Shape, &doc.ClientToken)
	}
	if err != nil {
		return nil, err
	}
	if err := r.End("JSON value"); err != nil {
		return nil, err
	}
	doc.ExplicitZeros = d.Zeros
	if doc.ExplicitZeros == nil {
		doc.ExplicitZeros = []string{} // decoded: a 0 would be listed
	}
	return doc, nil
}

// openObject starts decoding data and reads its first token, which must
// open an object holding what.
func openObject(data []byte, opts DecodeOptions, what string) (*wire.Decoder, json.Token, int64, error) {
	d := &wire.Decoder{R: wire.NewReader(data), Timestamp: reflect.TypeFor[Timestamp](), AllowUnknown: opts.AllowUnknownFields}
	tok, off, err := d.Token()
	if err != nil {
		return nil, nil, 0, err
	}
	if tok != json.Delim('{') {
		return nil, nil, 0, &wire.Error{Offset: off, Code: wire.CodeShape,
			Reason: "found " + wire.KindOf(tok).String() + ", expected a JSON object holding " + what}
	}
	return d, tok, off, nil
}

// topLevelKeys returns the member names of the object data holds, up to
// the first syntax error, or nil when data holds another value or none. It
// reads each member's value into one reused buffer, without a token or a
// tree per value; the decoding pass reports every error.
func topLevelKeys(data []byte) map[string]bool {
	r := wire.NewReader(data)
	nopath := func() string { return "" }
	if tok, _, err := r.Token(nopath); err != nil || tok != json.Delim('{') {
		return nil
	}
	keys := map[string]bool{}
	for {
		ktok, _, err := r.Token(nopath)
		if err != nil || ktok == json.Delim('}') {
			return keys
		}
		key, _ := ktok.(string)
		keys[key] = true
		if err := r.Skip(nopath); err != nil {
			// The decoding pass finds the error and its exact path; the
			// members after it cannot matter.
			return keys
		}
	}
}

// readOnlyMembers are the LifecyclePolicy members the service sets; they
// are not part of the Create and Update inputs.
func isReadOnlyMember(key string) bool {
	switch key {
	case "arn", "dateCreated", "dateUpdated", "dateLastRun":
		return true
	}
	return false
}

func storePolicy(d *wire.Decoder, tok json.Token, off int64, p *Policy, depth int, shape Shape, clientToken *string) error {
	skip := func(key string, keyOff int64, vtok json.Token, voff int64) (bool, error) {
		str := func(dst *string) (bool, error) {
			s, ok := vtok.(string)
			if !ok {
				return true, d.TypeError(vtok, voff, "a string")
			}
			*dst = s
			return true, nil
		}
		switch {
		case key == "clientToken" && (shape == ShapeCreateInput || shape == ShapeUpdateInput):
			return str(clientToken)
		case key == "lifecyclePolicyArn" && shape == ShapeUpdateInput:
			return str(&p.ARN)
		case (shape == ShapeCreateInput || shape == ShapeUpdateInput) && isReadOnlyMember(key),
			shape == ShapeUpdateInput && (key == "name" || key == "tags"):
			if d.AllowUnknown {
				return true, d.SkipValue(vtok, voff, depth+1)
			}
			reason := wire.Quote(key) + " is not a member of the " + shape.String()
			switch {
			case isReadOnlyMember(key):
				reason += "; the service sets it, remove it"
			case key == "name":
				reason += "; a policy's name cannot change, remove it"
			default:
				reason += "; change tags with TagResource, remove it"
			}
			return true, &wire.Error{Path: d.Path(), Offset: keyOff, Code: wire.CodeUnknown, Reason: reason}
		}
		return false, nil
	}
	return d.StoreStruct(tok, off, reflect.ValueOf(p).Elem(), depth, skip)
}

// DecodeStateUpdate reads a StartResourceStateUpdate request (the
// --cli-input-json form). Member names are matched exactly; unknown members,
// repeated members, wrong JSON types and strings that are not UTF-8 are
// errors naming their path (opts.AllowUnknownFields relaxes the first).
// Size and encoding are handled as by DecodePolicy, and decoding stops at
// the first problem. Every error is an *Error. Call
// StateUpdateRequest.Validate for the service's rules.
func DecodeStateUpdate(data []byte, opts DecodeOptions) (*StateUpdateRequest, error) {
	data, base, err := documentText(data, "StartResourceStateUpdate request")
	if err != nil {
		return nil, err
	}
	req, err := decodeStateUpdate(data, opts)
	return req, shiftError(err, base)
}

func decodeStateUpdate(data []byte, opts DecodeOptions) (*StateUpdateRequest, error) {
	d, tok, off, err := openObject(data, opts, "a StartResourceStateUpdate request")
	if err != nil {
		return nil, err
	}
	r := d.R
	var req StateUpdateRequest
	if err := d.StoreStruct(tok, off, reflect.ValueOf(&req).Elem(), 0, nil); err != nil {
		return nil, err
	}
	if err := r.End("JSON value"); err != nil {
		return nil, err
	}
	return &req, nil
}

// MarshalJSON writes the document in its Shape: the bare policy, the
// GetLifecyclePolicy response, or the Create or Update input with
// clientToken (and lifecyclePolicyArn, taken from Policy.ARN). Members a
// shape does not have are left out.
func (d *Document) MarshalJSON() ([]byte, error) {
	p := d.Policy
	switch d.Shape {
	case ShapePolicy:
		return json.Marshal(&p)
	case ShapeGetResponse:
		return json.Marshal(struct {
			LifecyclePolicy *Policy `json:"lifecyclePolicy"`
		}{&p})
	case ShapeCreateInput, ShapeUpdateInput:
	default:
		return nil, &json.UnsupportedValueError{Str: "lifecycle: unknown document shape " + strconv.Itoa(int(d.Shape))}
	}
	arn := p.ARN
	p.ARN, p.DateCreated, p.DateUpdated, p.DateLastRun = "", "", "", ""
	if d.Shape == ShapeUpdateInput {
		p.Name, p.Tags = "", nil
	}
	body, err := json.Marshal(&p)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteByte('{')
	if d.Shape == ShapeUpdateInput {
		b.WriteString(`"lifecyclePolicyArn":`)
		v, _ := json.Marshal(arn)
		b.Write(v)
		b.WriteByte(',')
	}
	inner := strings.TrimSuffix(strings.TrimPrefix(string(body), "{"), "}")
	b.WriteString(inner)
	if d.ClientToken != "" {
		if inner != "" {
			b.WriteByte(',')
		}
		b.WriteString(`"clientToken":`)
		v, _ := json.Marshal(d.ClientToken)
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON decodes like DecodePolicy with the default options.
func (d *Document) UnmarshalJSON(data []byte) error {
	doc, err := DecodePolicy(data, DecodeOptions{})
	if err != nil {
		return err
	}
	*d = *doc
	return nil
}
