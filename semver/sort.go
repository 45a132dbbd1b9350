package semver

import "slices"

// Sort sorts versions in ascending order.
func Sort(vs []Version) { slices.SortFunc(vs, Version.Compare) }

// SortBuilds sorts build versions in ascending order: by version, then build.
func SortBuilds(bs []BuildVersion) { slices.SortFunc(bs, BuildVersion.Compare) }

// Max returns the highest of vs and true, or the zero Version and false when
// vs is empty.
func Max(vs []Version) (Version, bool) {
	if len(vs) == 0 {
		return Version{}, false
	}
	return slices.MaxFunc(vs, Version.Compare), true
}
