package arn

import "strings"

// Partitions returns the eight AWS partitions the StrictRegions reading
// (decision AS-5) knows, in this order: aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b,
// aws-iso-e, aws-iso-f, aws-eusc. The caller owns the slice.
func Partitions() []string {
	return []string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}
}

// RegionInPartition reports whether region follows the naming scheme of
// the partition's regions: a prefix of the partition, '-', a word of ASCII
// letters, digits or '_', '-', and a number. The prefixes are:
//
//	aws         us, eu, ap, sa, ca, me, af, il or mx (us-east-1)
//	aws-cn      cn (cn-north-1)
//	aws-us-gov  us-gov (us-gov-west-1)
//	aws-iso     us-iso (us-iso-east-1)
//	aws-iso-b   us-isob (us-isob-east-1)
//	aws-iso-e   eu-isoe (eu-isoe-west-1)
//	aws-iso-f   us-isof (us-isof-south-1)
//	aws-eusc    eusc-de (eusc-de-east-1)
//
// The check is about the shape of the name: it accepts regions that do not
// exist yet, such as us-north-7. It is false for unknown partitions.
func RegionInPartition(partition, region string) bool {
	prefix, ok := regionPrefix(partition)
	if !ok {
		return false
	}
	if prefix == "" { // aws: one of nine two-letter prefixes
		if len(region) < 3 {
			return false
		}
		switch region[:2] {
		case "us", "eu", "ap", "sa", "ca", "me", "af", "il", "mx":
			prefix = region[:2]
		default:
			return false
		}
	}
	if !strings.HasPrefix(region, prefix) || len(region) == len(prefix) || region[len(prefix)] != '-' {
		return false
	}
	rest := region[len(prefix)+1:]
	i := strings.IndexByte(rest, '-')
	if i <= 0 || !allBytes(rest[:i], isWordByte) {
		return false
	}
	num := rest[i+1:]
	return num != "" && digitRun(num) == len(num)
}

// regionPrefix returns the region prefix of a known partition ("" for aws,
// whose regions have several prefixes).
func regionPrefix(partition string) (string, bool) {
	switch partition {
	case "aws":
		return "", true
	case "aws-cn":
		return "cn", true
	case "aws-us-gov":
		return "us-gov", true
	case "aws-iso":
		return "us-iso", true
	case "aws-iso-b":
		return "us-isob", true
	case "aws-iso-e":
		return "eu-isoe", true
	case "aws-iso-f":
		return "us-isof", true
	case "aws-eusc":
		return "eusc-de", true
	}
	return "", false
}

// lintField applies the AS-5 check. Region "" is not checked (ARNs of
// global services have none). It returns the failing field and false, or
// true when both fit.
func lintField(partition, region string) (part, bool) {
	_, known := regionPrefix(partition)
	switch {
	case !known:
		return partPartition, false
	case region != "" && !RegionInPartition(partition, region):
		return partRegion, false
	}
	return 0, true
}

func isWordByte(b byte) bool { return isAlnum(b) || b == '_' }
