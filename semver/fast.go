package semver

// The fast path: valid input under the default options is recognised by
// these small loops; anything else falls back to scan, which also builds
// the error.

// fastNode reads a node of digits at s[i:] and returns its value and the
// offset after it. ok is false for an empty node or a value above 1073741823.
func fastNode(s string, i int) (v uint32, j int, ok bool) {
	var n uint64 // maxNode*10+9 fits, so checking after each digit is enough
	for j = i; j < len(s); j++ {
		c := s[j] - '0'
		if c > 9 {
			break
		}
		n = n*10 + uint64(c)
		if n > maxNode {
			return 0, j, false
		}
	}
	return uint32(n), j, j > i
}

// fastVersion reads "M.m.p" at the start of s and returns the offset after
// it.
func fastVersion(s string) (Version, int, bool) {
	a, i, ok := fastNode(s, 0)
	if !ok || i >= len(s) || s[i] != '.' {
		return Version{}, 0, false
	}
	b, i, ok := fastNode(s, i+1)
	if !ok || i >= len(s) || s[i] != '.' {
		return Version{}, 0, false
	}
	c, i, ok := fastNode(s, i+1)
	if !ok {
		return Version{}, 0, false
	}
	return Version{a, b, c}, i, true
}

// fastBuild reads "/b" at s[i:] to the end of s.
func fastBuild(s string, i int) (uint64, bool) {
	if i >= len(s)-1 || s[i] != '/' || len(s)-i > 20 {
		return 0, false // 19 digits always fit in 64 bits; longer ones go the slow way
	}
	var n uint64
	for j := i + 1; j < len(s); j++ {
		c := s[j] - '0'
		if c > 9 {
			return 0, false
		}
		n = n*10 + uint64(c)
	}
	return n, true
}
