package lifecycle

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"
)

// This file stores JSON tokens, as they are read, into the model's Go
// types by reflection, matching member names exactly (encoding/json would
// also accept other letter cases), rejecting repeated members and
// reporting the JSON path of every problem. Paths are kept as a stack of
// segments and joined only when an error needs one.

var timestampType = reflect.TypeFor[Timestamp]()

// maxZeros bounds the explicit zeros a decoder remembers: a policy has at
// most a few integer members.
const maxZeros = 64

type valueDecoder struct {
	r            *jsonReader
	allowUnknown bool
	// caseVariants makes a member whose name differs from a known one only
	// in letter case an error even when unknown members are allowed.
	caseVariants bool
	segs         []pathSeg
	structs      map[reflect.Type]*structInfo
	// memberChecks counts the lookups made to find repeated members, for
	// tests that guard the cost.
	memberChecks int
	// zeros are the paths of the integer members written as 0, which
	// validation reports as 0 rather than as missing.
	zeros []string
}

// pathSeg is one step of a JSON path: an object member or an array index.
type pathSeg struct {
	key   string
	index int // -1 for a member
}

func (d *valueDecoder) push(key string)  { d.segs = append(d.segs, pathSeg{key: key, index: -1}) }
func (d *valueDecoder) pushIndex(i int)  { d.segs = append(d.segs, pathSeg{index: i}) }
func (d *valueDecoder) pop()             { d.segs = d.segs[:len(d.segs)-1] }
func (d *valueDecoder) pathFunc() string { return d.path() }

// path joins the segments into a JSON path such as "policyDetails[0].filter".
func (d *valueDecoder) path() string {
	p := ""
	for _, s := range d.segs {
		if s.index >= 0 {
			p = indexPath(p, s.index)
		} else {
			p = keyPath(p, s.key)
		}
	}
	return p
}

// token reads the next token of the value at the current path.
func (d *valueDecoder) token() (json.Token, int64, error) { return d.r.token(d.pathFunc) }

func (d *valueDecoder) typeError(tok json.Token, off int64, want string) error {
	return &DecodeError{Path: d.path(), Offset: off, Err: ErrType,
		Reason: "found " + kindOf(tok).String() + ", expected " + want}
}

// store decodes the value that starts with tok, at offset off, into v,
// which must be settable; depth is the nesting of the value.
func (d *valueDecoder) store(tok json.Token, off int64, v reflect.Value, depth int) error {
	if tok == nil {
		v.SetZero()
		return nil
	}
	if v.Type() == timestampType {
		switch t := tok.(type) {
		case string:
			v.SetString(t)
		case json.Number:
			v.SetString(string(t))
		default:
			return d.typeError(tok, off, "a timestamp (RFC 3339 text or epoch seconds)")
		}
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return d.typeError(tok, off, "a string")
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return d.typeError(tok, off, "true or false")
		}
		v.SetBool(b)
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return d.typeError(tok, off, "an integer")
		}
		i, err := strconv.ParseInt(string(n), 10, 32)
		if err != nil {
			reason := "found " + shortText(string(n)) + ", expected an integer"
			if !strings.ContainsAny(string(n), ".eE") {
				reason = "the integer " + shortText(string(n)) + " is far out of range"
			}
			return &DecodeError{Path: d.path(), Offset: off, Err: ErrType, Reason: reason}
		}
		if i == 0 && len(d.zeros) < maxZeros {
			d.zeros = append(d.zeros, d.path())
		}
		v.SetInt(i)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := d.store(tok, off, p.Elem(), depth); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		if tok != json.Delim('[') {
			return d.typeError(tok, off, "an array")
		}
		if depth >= maxDepth {
			return tooDeep(d.path(), off)
		}
		s := reflect.MakeSlice(v.Type(), 0, 0)
		for i := 0; ; i++ {
			d.pushIndex(i)
			etok, eoff, err := d.token()
			if err != nil {
				return err
			}
			if etok == json.Delim(']') {
				d.pop()
				break
			}
			s = reflect.Append(s, reflect.Zero(v.Type().Elem()))
			if err := d.store(etok, eoff, s.Index(i), depth+1); err != nil {
				return err
			}
			d.pop()
		}
		v.Set(s)
	case reflect.Map: // Tags: string keys and string values
		if tok != json.Delim('{') {
			return d.typeError(tok, off, "an object of string values")
		}
		if depth >= maxDepth {
			return tooDeep(d.path(), off)
		}
		m := reflect.MakeMap(v.Type())
		for {
			ktok, koff, err := d.token()
			if err != nil {
				return err
			}
			if ktok == json.Delim('}') {
				break
			}
			k, _ := ktok.(string) // the decoder only yields strings here
			key := reflect.ValueOf(k).Convert(v.Type().Key())
			d.push(k)
			d.memberChecks++
			if m.MapIndex(key).IsValid() {
				return &DecodeError{Path: d.tagPath(), Offset: koff, Err: ErrDuplicateField,
					Reason: "the tag key " + quote(k) + " appears twice; keep one"}
			}
			vtok, voff, err := d.token()
			if err != nil {
				return err
			}
			s, ok := vtok.(string)
			if !ok {
				return &DecodeError{Path: d.tagPath(), Offset: voff, Err: ErrType,
					Reason: "found " + kindOf(vtok).String() + ", expected a string"}
			}
			m.SetMapIndex(key, reflect.ValueOf(s).Convert(v.Type().Elem()))
			d.pop()
		}
		v.Set(m)
	case reflect.Struct:
		return d.storeStruct(tok, off, v, depth, nil)
	default:
		// Not reachable with the model's types.
		return &DecodeError{Path: d.path(), Offset: off, Err: ErrType, Reason: "unsupported Go type " + v.Type().String()}
	}
	return nil
}

// tagPath is the path of the current tag: the map's path and the key in
// brackets, whatever its form (`tags["k"]`).
func (d *valueDecoder) tagPath() string {
	last := d.segs[len(d.segs)-1]
	d.segs = d.segs[:len(d.segs)-1]
	p := d.path()
	d.segs = append(d.segs, last)
	return bracketPath(p, last.key)
}

// memberSkip is called by storeStruct for each member before the struct's
// own fields are tried, with the member's name, the offset of the name and
// the first token of its value. It returns handled=true when it has read
// the whole value itself.
type memberSkip func(key string, keyOff int64, tok json.Token, off int64) (handled bool, err error)

// storeStruct decodes the object that starts with tok into the struct v.
func (d *valueDecoder) storeStruct(tok json.Token, off int64, v reflect.Value, depth int, skip memberSkip) error {
	if tok != json.Delim('{') {
		return d.typeError(tok, off, "an object")
	}
	if depth >= maxDepth {
		return tooDeep(d.path(), off)
	}
	info := d.structInfo(v.Type())
	var seen uint64                // known fields already given
	var unknown []string           // unknown members already given, while few
	var unknownSet map[string]bool // and once there are many
	for {
		ktok, koff, err := d.token()
		if err != nil {
			return err
		}
		if ktok == json.Delim('}') {
			return nil
		}
		key, _ := ktok.(string) // the decoder only yields strings here
		d.push(key)
		f, known := info.byName[key]
		d.memberChecks++
		repeated := false
		switch {
		case known:
			repeated = seen&(1<<f) != 0
			seen |= 1 << f
		case unknownSet != nil:
			repeated = unknownSet[key]
			unknownSet[key] = true
		default:
			for _, u := range unknown {
				d.memberChecks++
				if u == key {
					repeated = true
				}
			}
			unknown = append(unknown, key)
			if len(unknown) > 8 {
				unknownSet = make(map[string]bool, 16)
				for _, u := range unknown {
					unknownSet[u] = true
				}
			}
		}
		if repeated {
			return &DecodeError{Path: d.path(), Offset: koff, Err: ErrDuplicateField,
				Reason: "the member " + quote(key) + " appears twice; keep one"}
		}
		vtok, voff, err := d.token()
		if err != nil {
			return err
		}
		if skip != nil {
			handled, err := skip(key, koff, vtok, voff)
			if err != nil {
				return err
			}
			if handled {
				d.pop()
				continue
			}
		}
		if !known {
			if !d.allowUnknown || (d.caseVariants && info.caseVariant(key) != "") {
				return &DecodeError{Path: d.path(), Offset: koff, Err: ErrUnknownField,
					Reason: info.unknownFieldReason(key)}
			}
			if err := d.skipValue(vtok, voff, depth+1); err != nil {
				return err
			}
			d.pop()
			continue
		}
		if err := d.store(vtok, voff, v.Field(f), depth+1); err != nil {
			return err
		}
		d.pop()
	}
}

// skipValue reads past the value that starts with tok, checking only that
// it is well-formed JSON of bounded depth.
func (d *valueDecoder) skipValue(tok json.Token, off int64, depth int) error {
	delim, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	if depth >= maxDepth {
		return tooDeep(d.path(), off)
	}
	for i := 0; ; i++ {
		if delim == '[' {
			d.pushIndex(i)
		}
		t, o, err := d.token()
		if err != nil {
			return err
		}
		if t == json.Delim(']') || t == json.Delim('}') {
			if delim == '[' {
				d.pop()
			}
			return nil
		}
		if delim == '{' {
			d.push(t.(string))
			if t, o, err = d.token(); err != nil {
				return err
			}
		}
		if err := d.skipValue(t, o, depth+1); err != nil {
			return err
		}
		d.pop()
	}
}

// structInfo is what the decoder needs to know about a struct type: the
// JSON names of its fields.
type structInfo struct {
	names  []string // JSON names in field order; "" for fields without one
	byName map[string]int
}

func (d *valueDecoder) structInfo(t reflect.Type) *structInfo {
	if info, ok := d.structs[t]; ok {
		return info
	}
	info := &structInfo{byName: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		n := jsonName(t.Field(i))
		info.names = append(info.names, n)
		if n != "" && i < 64 {
			info.byName[n] = i
		}
	}
	if d.structs == nil {
		d.structs = map[reflect.Type]*structInfo{}
	}
	d.structs[t] = info
	return info
}

// caseVariant returns the known name that key spells in other letter
// cases, or "".
func (info *structInfo) caseVariant(key string) string {
	for _, n := range info.names {
		if n != "" && strings.EqualFold(n, key) {
			return n
		}
	}
	return ""
}

// fieldByJSONName finds the field of t whose JSON name is exactly name.
func fieldByJSONName(t reflect.Type, name string) (int, bool) {
	for i := 0; i < t.NumField(); i++ {
		if jsonName(t.Field(i)) == name {
			return i, true
		}
	}
	return 0, false
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	return name
}

// unknownFieldReason names the unknown member and, when it differs from a
// known one only in letter case, the spelling that was probably meant.
func (info *structInfo) unknownFieldReason(key string) string {
	if n := info.caseVariant(key); n != "" {
		return quote(key) + " is not a member here; did you mean " + strconv.Quote(n) + "?"
	}
	var names []string
	for _, n := range info.names {
		if n != "" {
			names = append(names, n)
		}
	}
	return quote(key) + " is not a member here; expected one of " + strings.Join(names, ", ")
}
