package names

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// EC2 resource IDs are a prefix and 8 hexadecimal digits (older resources)
// or 17 (current ones); Region names are lower-case words joined by
// hyphens and ending in a number, such as us-east-1 or us-gov-west-1. The
// Image Builder model types these members as plain strings, so Check
// reports other forms only as warnings.

// ValidAMIID reports whether s has the form of an AMI ID.
func ValidAMIID(s string) bool { return validEC2ID(s, "ami-") }

// ValidSnapshotID reports whether s has the form of an EBS snapshot ID.
func ValidSnapshotID(s string) bool { return validEC2ID(s, "snap-") }

func validEC2ID(s, prefix string) bool {
	if len(s) <= len(prefix) || s[:len(prefix)] != prefix {
		return false
	}
	hex := s[len(prefix):]
	if len(hex) != 8 && len(hex) != 17 {
		return false
	}
	for i := 0; i < len(hex); i++ {
		if c := hex[i]; !IsDigit(c) && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// ValidRegion reports whether s has the form of a Region name: at least
// three hyphen-separated parts, lower-case letters except for the last,
// which is a number of at most three digits.
func ValidRegion(s string) bool {
	parts, start := 0, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] != '-' {
			continue
		}
		part := s[start:i]
		parts++
		start = i + 1
		if part == "" {
			return false
		}
		if i == len(s) {
			return parts >= 3 && len(part) <= 3 && AllDigits(part)
		}
		for j := 0; j < len(part); j++ {
			if part[j] < 'a' || part[j] > 'z' {
				return false
			}
		}
	}
	return false
}

func EnumMsg(got string, values ...string) string {
	return strconv.Quote(got) + " is not a valid value; use one of " + strings.Join(values, ", ")
}

func SortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// ComparePaths compares JSON paths byte by byte, except that runs of
// digits are compared by numeric value.
func ComparePaths(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		ca, cb := a[i], b[j]
		if IsDigit(ca) && IsDigit(cb) {
			si, sj := i, j
			for i < len(a) && IsDigit(a[i]) {
				i++
			}
			for j < len(b) && IsDigit(b[j]) {
				j++
			}
			na := strings.TrimLeft(a[si:i], "0")
			nb := strings.TrimLeft(b[sj:j], "0")
			if len(na) != len(nb) {
				return cmp.Compare(len(na), len(nb))
			}
			if c := strings.Compare(na, nb); c != 0 {
				return c
			}
			continue
		}
		if ca != cb {
			return cmp.Compare(int(ca), int(cb))
		}
		i++
		j++
	}
	return cmp.Compare(len(a)-i, len(b)-j)
}

func IsDigit(c byte) bool { return c >= '0' && c <= '9' }

func AllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// UnitDays returns the length of one unit of an AGE filter or a
// lastLaunched rule ("DAYS", "WEEKS", "MONTHS", "YEARS") in days when a
// month counts 30 days and a year 365, the FixedMonthYear reading of
// decision L-1, and 0 for any other text.
func UnitDays(unit string) int {
	switch unit {
	case "DAYS":
		return 1
	case "WEEKS":
		return 7
	case "MONTHS":
		return 30
	case "YEARS":
		return 365
	}
	return 0
}
