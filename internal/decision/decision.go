// Package decision holds the one type that names ibkit's decisions and a
// small set of them.
//
// A decision is ibkit's reading of a point that AWS's documentation leaves
// open. Its ID is a family, an optional P for a point the library added to
// the specification's list, and a number: "AS-6" (ARNs and versions),
// "F-3" (List filters), "L-21" and "L-P9" (lifecycle policies). The README's
// decisions table explains each one.
//
// The public packages re-export ID as their Decision type (a type alias, so
// that it is one type in the whole module) and export a constant only for
// the decisions whose other reading a caller can choose. Those choices
// travel in an options struct as a list of IDs; a package turns the list
// into a Set once, with Choose, and asks the Set in its hot paths.
package decision

import "strconv"

// ID names one decision, for example "L-21". The zero ID names none.
type ID string

// family reports the first bit of the range id belongs to and the number
// after its prefix. ok is false for an ID outside every family.
func (id ID) bit() (int, bool) {
	s := string(id)
	var base, width int
	switch {
	case len(s) > 3 && s[:3] == "AS-":
		base, width, s = 0, 16, s[3:]
	case len(s) > 3 && s[:3] == "F-P":
		base, width, s = 32, 16, s[3:]
	case len(s) > 2 && s[:2] == "F-":
		base, width, s = 16, 16, s[2:]
	case len(s) > 3 && s[:3] == "L-P":
		base, width, s = 112, 16, s[3:]
	case len(s) > 2 && s[:2] == "L-":
		base, width, s = 48, 64, s[2:]
	default:
		return 0, false
	}
	if len(s) == 0 || len(s) > 2 || s[0] == '0' {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > width {
		return 0, false
	}
	return base + n - 1, true
}

// Valid reports whether id has the form of a decision ID: AS-n, F-n, F-Pn,
// L-n or L-Pn with a number in the family's range and no leading zero.
func (id ID) Valid() bool {
	_, ok := id.bit()
	return ok
}

// String returns the ID itself.
func (id ID) String() string { return string(id) }

// Set is a set of decision IDs. The zero Set is empty. Sets are small
// comparable values.
type Set struct{ bits [2]uint64 }

// Of returns the set of the given IDs; IDs that are not Valid are left out.
func Of(ids ...ID) Set {
	var s Set
	for _, id := range ids {
		s = s.With(id)
	}
	return s
}

// With returns s with id added. An ID that is not Valid leaves s as it is.
func (s Set) With(id ID) Set {
	if b, ok := id.bit(); ok {
		s.bits[b/64] |= 1 << (b % 64)
	}
	return s
}

// Has reports whether id is in s.
func (s Set) Has(id ID) bool {
	b, ok := id.bit()
	return ok && s.bits[b/64]&(1<<(b%64)) != 0
}

// IsEmpty reports whether s holds no ID.
func (s Set) IsEmpty() bool { return s == Set{} }

// IDs returns the IDs of s in the order of the README's decisions table:
// AS, F, F-P, L, L-P, each by number.
func (s Set) IDs() []ID {
	var out []ID
	for b := 0; b < 128; b++ {
		if s.bits[b/64]&(1<<(b%64)) == 0 {
			continue
		}
		out = append(out, idOf(b))
	}
	return out
}

// idOf is the inverse of ID.bit.
func idOf(b int) ID {
	switch {
	case b < 16:
		return ID("AS-" + strconv.Itoa(b+1))
	case b < 32:
		return ID("F-" + strconv.Itoa(b-16+1))
	case b < 48:
		return ID("F-P" + strconv.Itoa(b-32+1))
	case b < 112:
		return ID("L-" + strconv.Itoa(b-48+1))
	}
	return ID("L-P" + strconv.Itoa(b-112+1))
}

// Compare orders IDs as IDs does: by family (AS, F, F-P, L, L-P), then by
// number. IDs that are not Valid sort after all others, by their text.
func Compare(a, b ID) int {
	x, okx := a.bit()
	y, oky := b.bit()
	switch {
	case okx && oky:
		return x - y
	case okx:
		return -1
	case oky:
		return 1
	}
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// ChoiceError reports a reading a caller asked for that the package does
// not offer.
type ChoiceError struct {
	ID      ID   // the ID as given
	Offered []ID // the IDs the package offers, in Compare order
}

func (e *ChoiceError) Error() string {
	what := "is not a decision ID"
	if e.ID.Valid() {
		what = "has no other reading here"
	}
	msg := "decision " + strconv.Quote(string(e.ID)) + " " + what + "; expected one of"
	for i, id := range e.Offered {
		if i > 0 {
			msg += ","
		}
		msg += " " + string(id)
	}
	return msg
}

// Choose turns the readings a caller asked for into a Set. Every ID must be
// in offered, the set of decisions whose other reading the package
// implements; the first one that is not gives a *ChoiceError. An ID given
// twice counts once.
func Choose(readings []ID, offered Set) (Set, error) {
	var s Set
	for _, id := range readings {
		if !offered.Has(id) {
			return Set{}, &ChoiceError{ID: id, Offered: offered.IDs()}
		}
		s = s.With(id)
	}
	return s, nil
}
