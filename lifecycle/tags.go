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

// Match returns the smallest key of the pairs of sel that t holds, key and
// value both equal, case-sensitive (Decision L-18); ok is false when t
// holds none. The smallest, so that a message naming it does not depend on
// map order.
func (t Tags) Match(sel Tags) (key string, ok bool) {
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
