// Package semver implements the version numbers of EC2 Image Builder.
//
// Image Builder versions look like semantic versions but follow a smaller,
// stricter grammar of their own:
//
//	version      = node "." node "." node            ; 1.2.3
//	build        = version "/" digits                ; 1.2.3/4
//	filter       = version                           ; matches exactly one version
//	             | node "." node "." "x"             ; 1.2.x
//	             | node "." "x" "." "x"              ; 1.x.x
//	             | "x" "." "x" "." "x"               ; x.x.x
//	node         = digits                            ; value 0 .. 1073741823
//	digits       = 1*( "0" ... "9" )
//
// Differences from Semantic Versioning 2.0 (and from golang.org/x/mod/semver):
//
//   - There is no "v" prefix, no pre-release ("-beta") and no build metadata
//     ("+meta"). Surrounding white space is an error.
//   - Each of major, minor and patch is limited to 2^30-1 (MaxNode).
//   - Leading zeros are accepted (dates such as 2021.01.01 are common
//     versions) and compared numerically; String prints the canonical form
//     without them (Decision AS-6). ParseOptions.RejectLeadingZeros turns
//     them into errors.
//   - The fourth node, the build, is assigned by the service and written
//     after a slash. It is an unsigned 64-bit integer; 0 is accepted
//     (Decision AS-10).
//   - The wildcard is a lower-case "x" standing for a whole node. Once a node
//     is a wildcard every node to its right must be one too, so "x.2.x" and
//     "1.x.3" are errors (Decision AS-1). ParseOptions.RegexOnly selects the
//     looser reading of the service model's regular expression, which allows
//     "x" in any node.
//
// The three value types, Version, BuildVersion and Filter, are small
// comparable values that can be used as map keys and compared with ==.
// Parsing, comparison and matching do not allocate.
//
// "Latest" resolution picks the highest matching version, compared node by
// node numerically, then the highest build (Decision AS-7). Resolver offers
// the other readings: skipping builds in given states (AS-8) and choosing by
// creation date.
//
// Interoperability with github.com/Masterminds/semver/v3, including range
// constraints, lives in the subpackage semver/masterminds so that this
// package has no dependencies.
package semver
