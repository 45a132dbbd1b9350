package main

import "strings"

// closest returns the member of known that v most likely means, or "" when
// none is close: first a member spelt the same once case, hyphens and
// underscores are ignored (the AWS CLI writes ListImages as list-images),
// then the nearest member within a small edit distance. Ties go to the
// earlier member of known.
func closest(v string, known []string) string {
	norm := normalName(v)
	for _, k := range known {
		if normalName(k) == norm {
			return k
		}
	}
	best, bestDist := "", max(2, len(norm)/5)+1
	for _, k := range known {
		if d := editDistance(norm, normalName(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// normalName lowers s and drops hyphens, underscores and spaces.
func normalName(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', ' ':
			return -1
		}
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	if len(a) > 256 || len(b) > 256 {
		return max(len(a), len(b)) // not worth the work: no suggestion
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

// didYouMean is closest as the end of a message: "; did you mean X?" or "".
func didYouMean(v string, known []string) string {
	if c := closest(v, known); c != "" {
		return "; did you mean " + c + "?"
	}
	return ""
}
