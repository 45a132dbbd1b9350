package wire

import (
	"encoding/json"
	"reflect"
	"strconv"
	"strings"

	"github.com/ibkit/ibkit/internal/jsonread"
)

// This file stores JSON tokens, as they are read, into the model's Go
// types by reflection, matching member names exactly (encoding/json would
// also accept other letter cases), rejecting repeated members and
// reporting the JSON path of every problem. Paths are kept as a stack of
// segments and joined only when an error needs one.

// maxZeros bounds the explicit zeros a decoder remembers: a policy has at
// most a few integer members.
const maxZeros = 64

type Decoder struct {
	R *Reader
	// Timestamp is the string type that holds a timestamp in its wire
	// text, RFC 3339 text or epoch seconds alike.
	Timestamp    reflect.Type
	AllowUnknown bool
	// caseVariants makes a member whose name differs from a known one only
	// in letter case an error even when unknown members are allowed.
	CaseVariants bool
	segs         []pathSeg
	structs      map[reflect.Type]*structInfo
	// memberChecks counts the lookups made to find repeated members, for
	// tests that guard the cost.
	MemberChecks int
	// zeros are the paths of the integer members written as 0, which
	// validation reports as 0 rather than as missing.
	Zeros []string
}

// pathSeg is one step of a JSON path: an object member or an array index.
type pathSeg struct {
	key   string
	index int // -1 for a member
}

func (d *Decoder) Push(key string)  { d.segs = append(d.segs, pathSeg{key: key, index: -1}) }
func (d *Decoder) PushIndex(i int)  { d.segs = append(d.segs, pathSeg{index: i}) }
func (d *Decoder) Pop()             { d.segs = d.segs[:len(d.segs)-1] }
func (d *Decoder) PathFunc() string { return d.Path() }

// Path joins the segments into a JSON path such as "policyDetails[0].filter".
func (d *Decoder) Path() string {
	p := ""
	for _, s := range d.segs {
		if s.index >= 0 {
			p = jsonread.Index(p, s.index)
		} else {
			p = jsonread.Key(p, s.key)
		}
	}
	return p
}

// Token reads the next token of the value at the current path.
func (d *Decoder) Token() (json.Token, int64, error) { return d.R.Token(d.PathFunc) }

func (d *Decoder) TypeError(tok json.Token, off int64, want string) error {
	return &Error{Path: d.Path(), Offset: off, Code: CodeType,
		Reason: "found " + KindOf(tok).String() + ", expected " + want}
}

// Store decodes the value that starts with tok, at offset off, into v,
// which must be settable; depth is the nesting of the value.
func (d *Decoder) Store(tok json.Token, off int64, v reflect.Value, depth int) error {
	if tok == nil {
		v.SetZero()
		return nil
	}
	if d.Timestamp != nil && v.Type() == d.Timestamp {
		switch t := tok.(type) {
		case string:
			v.SetString(t)
		case json.Number:
			v.SetString(string(t))
		default:
			return d.TypeError(tok, off, "a timestamp (RFC 3339 text or epoch seconds)")
		}
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		s, ok := tok.(string)
		if !ok {
			return d.TypeError(tok, off, "a string")
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := tok.(bool)
		if !ok {
			return d.TypeError(tok, off, "true or false")
		}
		v.SetBool(b)
	case reflect.Int:
		n, ok := tok.(json.Number)
		if !ok {
			return d.TypeError(tok, off, "an integer")
		}
		i, err := strconv.ParseInt(string(n), 10, 32)
		if err != nil {
			reason := "found " + ShortText(string(n)) + ", expected an integer"
			if !strings.ContainsAny(string(n), ".eE") {
				reason = "the integer " + ShortText(string(n)) + " is far out of range"
			}
			return &Error{Path: d.Path(), Offset: off, Code: CodeType, Reason: reason}
		}
		if i == 0 && len(d.Zeros) < maxZeros {
			d.Zeros = append(d.Zeros, d.Path())
		}
		v.SetInt(i)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := d.Store(tok, off, p.Elem(), depth); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		if tok != json.Delim('[') {
			return d.TypeError(tok, off, "an array")
		}
		if depth >= MaxDepth {
			return TooDeep(d.Path(), off)
		}
		s := reflect.MakeSlice(v.Type(), 0, 0)
		for i := 0; ; i++ {
			d.PushIndex(i)
			etok, eoff, err := d.Token()
			if err != nil {
				return err
			}
			if etok == json.Delim(']') {
				d.Pop()
				break
			}
			s = reflect.Append(s, reflect.Zero(v.Type().Elem()))
			if err := d.Store(etok, eoff, s.Index(i), depth+1); err != nil {
				return err
			}
			d.Pop()
		}
		v.Set(s)
	case reflect.Map: // Tags: string keys and string values
		if tok != json.Delim('{') {
			return d.TypeError(tok, off, "an object of string values")
		}
		if depth >= MaxDepth {
			return TooDeep(d.Path(), off)
		}
		m := reflect.MakeMap(v.Type())
		for {
			ktok, koff, err := d.Token()
			if err != nil {
				return err
			}
			if ktok == json.Delim('}') {
				break
			}
			k, _ := ktok.(string) // the decoder only yields strings here
			key := reflect.ValueOf(k).Convert(v.Type().Key())
			d.Push(k)
			d.MemberChecks++
			if m.MapIndex(key).IsValid() {
				return &Error{Path: d.tagPath(), Offset: koff, Code: CodeDuplicate,
					Reason: "the tag key " + Quote(k) + " appears twice; keep one"}
			}
			vtok, voff, err := d.Token()
			if err != nil {
				return err
			}
			s, ok := vtok.(string)
			if !ok {
				return &Error{Path: d.tagPath(), Offset: voff, Code: CodeType,
					Reason: "found " + KindOf(vtok).String() + ", expected a string"}
			}
			m.SetMapIndex(key, reflect.ValueOf(s).Convert(v.Type().Elem()))
			d.Pop()
		}
		v.Set(m)
	case reflect.Struct:
		return d.StoreStruct(tok, off, v, depth, nil)
	default:
		// Not reachable with the model's types.
		return &Error{Path: d.Path(), Offset: off, Code: CodeType, Reason: "unsupported Go type " + v.Type().String()}
	}
	return nil
}

// tagPath is the path of the current tag: the map's path and the key in
// brackets, whatever its form (`tags["k"]`).
func (d *Decoder) tagPath() string {
	last := d.segs[len(d.segs)-1]
	d.segs = d.segs[:len(d.segs)-1]
	p := d.Path()
	d.segs = append(d.segs, last)
	return jsonread.Member(p, last.key)
}

// MemberSkip is called by storeStruct for each member before the struct's
// own fields are tried, with the member's name, the offset of the name and
// the first token of its value. It returns handled=true when it has read
// the whole value itself.
type MemberSkip func(key string, keyOff int64, tok json.Token, off int64) (handled bool, err error)

// StoreStruct decodes the object that starts with tok into the struct v.
func (d *Decoder) StoreStruct(tok json.Token, off int64, v reflect.Value, depth int, skip MemberSkip) error {
	if tok != json.Delim('{') {
		return d.TypeError(tok, off, "an object")
	}
	if depth >= MaxDepth {
		return TooDeep(d.Path(), off)
	}
	info := d.structInfo(v.Type())
	var seen uint64                // known fields already given
	var unknown []string           // unknown members already given, while few
	var unknownSet map[string]bool // and once there are many
	for {
		ktok, koff, err := d.Token()
		if err != nil {
			return err
		}
		if ktok == json.Delim('}') {
			return nil
		}
		key, _ := ktok.(string) // the decoder only yields strings here
		d.Push(key)
		f, known := info.byName[key]
		d.MemberChecks++
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
				d.MemberChecks++
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
			return &Error{Path: d.Path(), Offset: koff, Code: CodeDuplicate,
				Reason: "the member " + Quote(key) + " appears twice; keep one"}
		}
		vtok, voff, err := d.Token()
		if err != nil {
			return err
		}
		if skip != nil {
			handled, err := skip(key, koff, vtok, voff)
			if err != nil {
				return err
			}
			if handled {
				d.Pop()
				continue
			}
		}
		if !known {
			if !d.AllowUnknown || (d.CaseVariants && info.caseVariant(key) != "") {
				return &Error{Path: d.Path(), Offset: koff, Code: CodeUnknown,
					Reason: info.unknownFieldReason(key)}
			}
			if err := d.SkipValue(vtok, voff, depth+1); err != nil {
				return err
			}
			d.Pop()
			continue
		}
		if err := d.Store(vtok, voff, v.Field(f), depth+1); err != nil {
			return err
		}
		d.Pop()
	}
}

// SkipValue reads past the value that starts with tok, checking only that
// it is well-formed JSON of bounded depth.
func (d *Decoder) SkipValue(tok json.Token, off int64, depth int) error {
	delim, ok := tok.(json.Delim)
	if !ok {
		return nil
	}
	if depth >= MaxDepth {
		return TooDeep(d.Path(), off)
	}
	for i := 0; ; i++ {
		if delim == '[' {
			d.PushIndex(i)
		}
		t, o, err := d.Token()
		if err != nil {
			return err
		}
		if t == json.Delim(']') || t == json.Delim('}') {
			if delim == '[' {
				d.Pop()
			}
			return nil
		}
		if delim == '{' {
			d.Push(t.(string))
			if t, o, err = d.Token(); err != nil {
				return err
			}
		}
		if err := d.SkipValue(t, o, depth+1); err != nil {
			return err
		}
		d.Pop()
	}
}

// structInfo is what the decoder needs to know about a struct type: the
// JSON names of its fields.
type structInfo struct {
	names  []string // JSON names in field order; "" for fields without one
	byName map[string]int
}

func (d *Decoder) structInfo(t reflect.Type) *structInfo {
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

// FieldByJSONName finds the field of t whose JSON name is exactly name.
func FieldByJSONName(t reflect.Type, name string) (int, bool) {
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
		return Quote(key) + " is not a member here; did you mean " + strconv.Quote(n) + "?"
	}
	var names []string
	for _, n := range info.names {
		if n != "" {
			names = append(names, n)
		}
	}
	return Quote(key) + " is not a member here; expected one of " + strings.Join(names, ", ")
}
