// Package semver implements the version numbers of EC2 Image Builder.
//
// Image Builder versions look like semantic versions but follow a smaller,
// stricter grammar of their own:
//
//	version = node "." node "." node        ; 1.2.3, each node 0 .. 1073741823
//	build   = version "/" digits            ; 1.2.3/4, the build fits in 64 bits
//	filter  = version | node "." node ".x"  ; 1.2.3, 1.2.x
//	        | node ".x.x" | "x.x.x"         ; 1.x.x, x.x.x
//	node    = digits
//
// Unlike Semantic Versioning 2.0 (and golang.org/x/mod/semver) there is no
// "v" prefix, pre-release or metadata, and white space is an error. Leading
// zeros (2021.01.01) are accepted and compared numerically (decision AS-6);
// build 0 is accepted (AS-10). Only trailing nodes may be "x" (AS-1; the
// RegexOnly reading also admits "x.2.x").
//
// Version, BuildVersion and Filter are small comparable values, like
// net/netip's, parsed by Parse, ParseBuild and ParseFilter and printed as
// text. Parsing, comparison, matching and Latest do not allocate. The zero
// Filter matches nothing. Latest picks the highest matching build (AS-7);
// Resolve also offers the ByDateCreated reading. Flags lists the decisions
// a verdict depends on. semver/masterminds converts to and from
// github.com/Masterminds/semver/v3, so that this package has no
// dependencies.
package semver
