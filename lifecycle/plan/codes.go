package plan

// Codes of the plan's warnings about the selection.
const (
	// codeSelectsNothing: a recipe entry or selection tag pair selects no
	// image of the inventory in the policy's Region and account.
	codeSelectsNothing = "selects-nothing"
)
