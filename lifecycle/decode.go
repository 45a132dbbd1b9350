package lifecycle

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

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
// member given twice, a value of the wrong JSON type, or an integer that
// does not fit 32 bits. Every error is a *DecodeError. DecodePolicy checks
// the structure only: call Document.Validate for the service's rules.
func DecodePolicy(data []byte, opts DecodeOptions) (*Document, error) {
	root, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	if root.kind != jsonObject {
		return nil, &DecodeError{Offset: root.offset, Err: ErrShape,
			Reason: "found " + root.kind.String() + ", expected a JSON object holding a lifecycle policy"}
	}
	d := valueDecoder{allowUnknown: opts.AllowUnknownFields}
	doc := &Document{Shape: ShapePolicy}
	switch {
	case root.member("lifecyclePolicy") != nil:
		doc.Shape = ShapeGetResponse
		for i, k := range root.keys {
			if k != "lifecyclePolicy" && !d.allowUnknown {
				return nil, &DecodeError{Path: keyPath("", k), Offset: root.keyOffs[i], Err: ErrUnknownField,
					Reason: strconv.Quote(k) + " is not a member of a GetLifecyclePolicy response; expected only lifecyclePolicy"}
			}
		}
		inner := root.member("lifecyclePolicy")
		if err := d.storePolicy(inner, &doc.Policy, "lifecyclePolicy", ShapePolicy, nil); err != nil {
			return nil, err
		}
	default:
		if root.member("lifecyclePolicyArn") != nil {
			doc.Shape = ShapeUpdateInput
		} else if root.member("clientToken") != nil {
			doc.Shape = ShapeCreateInput
		}
		if err := d.storePolicy(root, &doc.Policy, "", doc.Shape, &doc.ClientToken); err != nil {
			return nil, err
		}
	}
	return doc, nil
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

func (d *valueDecoder) storePolicy(n *jsonNode, p *Policy, path string, shape Shape, clientToken *string) error {
	skip := func(key string, keyOff int64, val *jsonNode) (bool, error) {
		kp := keyPath(path, key)
		switch {
		case key == "clientToken" && (shape == ShapeCreateInput || shape == ShapeUpdateInput):
			if val.kind != jsonString {
				return true, typeError(val, kp, "a string")
			}
			*clientToken = val.text
			return true, nil
		case key == "lifecyclePolicyArn" && shape == ShapeUpdateInput:
			if val.kind != jsonString {
				return true, typeError(val, kp, "a string")
			}
			p.ARN = val.text
			return true, nil
		case (shape == ShapeCreateInput || shape == ShapeUpdateInput) && isReadOnlyMember(key),
			shape == ShapeUpdateInput && (key == "name" || key == "tags"):
			if d.allowUnknown {
				return true, nil
			}
			reason := strconv.Quote(key) + " is not a member of the " + shape.String()
			switch {
			case isReadOnlyMember(key):
				reason += "; the service sets it, remove it"
			case key == "name":
				reason += "; a policy's name cannot change, remove it"
			default:
				reason += "; change tags with TagResource, remove it"
			}
			return true, &DecodeError{Path: kp, Offset: keyOff, Err: ErrUnknownField, Reason: reason}
		}
		return false, nil
	}
	return d.storeStruct(n, reflect.ValueOf(p).Elem(), path, skip)
}

// DecodeStateUpdate reads a StartResourceStateUpdate request (the
// --cli-input-json form). Member names are matched exactly; unknown members,
// repeated members and wrong JSON types are errors naming their path
// (opts.AllowUnknownFields relaxes the first). Every error is a
// *DecodeError. Call StateUpdateRequest.Validate for the service's rules.
func DecodeStateUpdate(data []byte, opts DecodeOptions) (*StateUpdateRequest, error) {
	root, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	if root.kind != jsonObject {
		return nil, &DecodeError{Offset: root.offset, Err: ErrShape,
			Reason: "found " + root.kind.String() + ", expected a JSON object holding a StartResourceStateUpdate request"}
	}
	d := valueDecoder{allowUnknown: opts.AllowUnknownFields}
	var req StateUpdateRequest
	if err := d.storeStruct(root, reflect.ValueOf(&req).Elem(), "", nil); err != nil {
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
