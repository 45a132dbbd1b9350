package lifecycle

import (
	"reflect"
	"strconv"
	"strings"
)

// This file stores a jsonNode tree into the model's Go types by reflection,
// matching member names exactly (encoding/json would also accept other
// letter cases) and reporting the JSON path of every problem.

var timestampType = reflect.TypeFor[Timestamp]()

type valueDecoder struct {
	allowUnknown bool
}

func typeError(n *jsonNode, path, want string) error {
	return &DecodeError{Path: path, Offset: n.offset, Err: ErrType,
		Reason: "found " + n.kind.String() + ", expected " + want}
}

// store decodes n into v, which must be settable.
func (d *valueDecoder) store(n *jsonNode, v reflect.Value, path string) error {
	if n.kind == jsonNull {
		v.SetZero()
		return nil
	}
	if v.Type() == timestampType {
		if n.kind != jsonString && n.kind != jsonNumber {
			return typeError(n, path, "a timestamp (RFC 3339 text or epoch seconds)")
		}
		v.SetString(n.text)
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if n.kind != jsonString {
			return typeError(n, path, "a string")
		}
		v.SetString(n.text)
	case reflect.Bool:
		if n.kind != jsonBool {
			return typeError(n, path, "true or false")
		}
		v.SetBool(n.boolean)
	case reflect.Int:
		if n.kind != jsonNumber {
			return typeError(n, path, "an integer")
		}
		i, err := strconv.ParseInt(n.text, 10, 32)
		if err != nil {
			reason := "found " + n.text + ", expected an integer"
			if !strings.ContainsAny(n.text, ".eE") {
				reason = "the integer " + n.text + " is far out of range"
			}
			return &DecodeError{Path: path, Offset: n.offset, Err: ErrType, Reason: reason}
		}
		v.SetInt(i)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		if err := d.store(n, p.Elem(), path); err != nil {
			return err
		}
		v.Set(p)
	case reflect.Slice:
		if n.kind != jsonArray {
			return typeError(n, path, "an array")
		}
		s := reflect.MakeSlice(v.Type(), len(n.values), len(n.values))
		for i, e := range n.values {
			if err := d.store(e, s.Index(i), indexPath(path, i)); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Map: // Tags: string keys and string values
		if n.kind != jsonObject {
			return typeError(n, path, "an object of string values")
		}
		m := reflect.MakeMapWithSize(v.Type(), len(n.keys))
		for i, k := range n.keys {
			e := n.values[i]
			kp := path + "[" + strconv.Quote(k) + "]"
			if m.MapIndex(reflect.ValueOf(k).Convert(v.Type().Key())).IsValid() {
				return &DecodeError{Path: kp, Offset: n.keyOffs[i], Err: ErrDuplicateField,
					Reason: "the tag key " + strconv.Quote(k) + " appears twice; keep one"}
			}
			if e.kind != jsonString {
				return typeError(e, kp, "a string")
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(v.Type().Key()), reflect.ValueOf(e.text).Convert(v.Type().Elem()))
		}
		v.Set(m)
	case reflect.Struct:
		return d.storeStruct(n, v, path, nil)
	default:
		// Not reachable with the model's types.
		return &DecodeError{Path: path, Offset: n.offset, Err: ErrType, Reason: "unsupported Go type " + v.Type().String()}
	}
	return nil
}

// storeStruct decodes the object n into the struct v. skip, when not nil,
// is called first for each member; it returns handled=true when it has
// dealt with the member itself; keyOff is the offset of the member name.
func (d *valueDecoder) storeStruct(n *jsonNode, v reflect.Value, path string,
	skip func(key string, keyOff int64, val *jsonNode) (handled bool, err error)) error {
	if n.kind != jsonObject {
		return typeError(n, path, "an object")
	}
	t := v.Type()
	for i, key := range n.keys {
		val := n.values[i]
		kp := keyPath(path, key)
		for j := 0; j < i; j++ {
			if n.keys[j] == key {
				return &DecodeError{Path: kp, Offset: n.keyOffs[i], Err: ErrDuplicateField,
					Reason: "the member " + strconv.Quote(key) + " appears twice; keep one"}
			}
		}
		if skip != nil {
			handled, err := skip(key, n.keyOffs[i], val)
			if err != nil {
				return err
			}
			if handled {
				continue
			}
		}
		f, ok := fieldByJSONName(t, key)
		if !ok {
			if d.allowUnknown {
				continue
			}
			return &DecodeError{Path: kp, Offset: n.keyOffs[i], Err: ErrUnknownField,
				Reason: unknownFieldReason(t, key)}
		}
		if err := d.store(val, v.Field(f), kp); err != nil {
			return err
		}
	}
	return nil
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
func unknownFieldReason(t reflect.Type, key string) string {
	var names []string
	for i := 0; i < t.NumField(); i++ {
		if n := jsonName(t.Field(i)); n != "" {
			if strings.EqualFold(n, key) {
				return strconv.Quote(key) + " is not a member here; did you mean " + strconv.Quote(n) + "?"
			}
			names = append(names, n)
		}
	}
	return strconv.Quote(key) + " is not a member here; expected one of " + strings.Join(names, ", ")
}
