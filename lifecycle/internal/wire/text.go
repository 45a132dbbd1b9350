package wire

import "strconv"

// Quote returns s quoted for a message. A value longer than maxQuoted
// characters is cut to its first maxQuoted, followed by "…" and its total
// length, so that a huge value is never echoed whole.
func Quote(s string) string {
	if p, cut := prefix(s); cut {
		return strconv.Quote(p) + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return strconv.Quote(s)
}

// ShortText is s cut like Quote does, without quotation marks.
func ShortText(s string) string {
	if p, cut := prefix(s); cut {
		return p + "… (" + strconv.Itoa(len(s)) + " bytes)"
	}
	return s
}

// prefix returns the first maxQuoted characters of s and whether s is
// longer.
func prefix(s string) (string, bool) {
	n := 0
	for i := range s {
		if n == maxQuoted {
			return s[:i], true
		}
		n++
	}
	return s, false
}

// maxQuoted is the number of characters of a value that messages quote.
const maxQuoted = 64
