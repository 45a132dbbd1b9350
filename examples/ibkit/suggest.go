package main

import (
	"strings"

	"github.com/ibkit/ibkit/internal/textdist"
)

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
		if d := textdist.Distance(norm, normalName(k)); d < bestDist {
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

// didYouMean is closest as the end of a message: "; did you mean X?" or "".
func didYouMean(v string, known []string) string {
	if c := closest(v, known); c != "" {
		return "; did you mean " + c + "?"
	}
	return ""
}
