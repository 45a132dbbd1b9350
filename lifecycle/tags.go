package lifecycle

import "slices"

// Tags is an Image Builder tag map (the TagMap shape): key to value. It is
// used for policy tags, selection and exclusion tag maps, and image tags.
type Tags map[string]string

// Keys returns the keys of t in ascending byte order.
func (t Tags) Keys() []string {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// firstMatch returns the smallest key of the pairs of sel that t holds,
// key and value both equal (Decision L-18); the smallest, so that a reason
// naming it does not depend on map order.
func (t Tags) firstMatch(sel Tags) (key string, ok bool) {
	if len(t) == 0 {
		return "", false
	}
	for k, v := range sel {
		if w, in := t[k]; in && w == v && (!ok || k < key) {
			key, ok = k, true
		}
	}
	return key, ok
}

// MatchesAny reports whether t holds at least one of the pairs of sel, with
// key and value both equal, case-sensitive (Decision L-18).
func (t Tags) MatchesAny(sel Tags) bool {
	if len(t) == 0 || len(sel) == 0 {
		return false
	}
	small, large := sel, t
	if len(t) < len(sel) {
		small, large = t, sel
	}
	for k, v := range small {
		if w, ok := large[k]; ok && w == v {
			return true
		}
	}
	return false
}
