package lifecycle

// MergePermissionChecks merges the parts and returns how many launch
// permissions the merge looked up in a set.
func MergePermissionChecks(parts ...*Inventory) int {
	var s mergeStats
	mergeInventories(parts, &s)
	return s.permChecks
}

// ForecastRuns is Forecast, also returning the number of runs computed;
// everyDay computes every day's run, as a reference.
func ForecastRuns(p *Policy, idx *Index, days int, opts PlanOptions, everyDay bool) (*Timeline, int, error) {
	return forecast(p, idx, days, opts, everyDay)
}

// DecodeInventoryMemberChecks decodes an inventory and returns how many
// lookups the decoder made to find repeated members.
func DecodeInventoryMemberChecks(data []byte) (int, error) {
	d := &valueDecoder{r: newJSONReader(data), allowUnknown: true, caseVariants: true}
	_, err := decodeInventory(d)
	return d.memberChecks, err
}
