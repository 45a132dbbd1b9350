package lifecycle

// MergePermissionChecks merges the parts and returns how many launch
// permissions the merge looked up in a set.
func MergePermissionChecks(parts ...*Inventory) int {
	var s mergeStats
	mergeInventories(parts, &s)
	return s.permChecks
}
