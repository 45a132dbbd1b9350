// Package textdist finds the nearest of a list of known words to a word
// that matched none of them, for "did you mean" hints.
package textdist

// maxLen bounds the words Distance compares in full; longer ones are too
// far from anything for a hint to help, and the work grows with the square
// of the length.
const maxLen = 256

// Distance is the Levenshtein distance between a and b, in bytes. For a
// word longer than 256 bytes it returns the longer length, which no caller
// takes for a near match.
func Distance(a, b string) int {
	if len(a) > maxLen || len(b) > maxLen {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
