package inventory

import "github.com/ibkit/ibkit/lifecycle"

// MergePermissionChecks merges the parts and returns how many launch
// permissions the merge looked up in a set.
func MergePermissionChecks(parts ...*Inventory) int {
	var s mergeStats
	mergeInventories(parts, &s, false, 1)
	return s.permChecks
}

// DecodeMemberChecks decodes an inventory and returns how many lookups
// the decoder made to find repeated members.
func DecodeMemberChecks(data []byte) (int, error) {
	d := newDecoder(data)
	_, err := decodeInventory(d)
	return d.MemberChecks, decodeError(err, 0)
}

// CheckAll returns the findings of Index alone.
func CheckAll(inv *Inventory) lifecycle.Findings {
	_, fs := inv.Index()
	return fs
}
