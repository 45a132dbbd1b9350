package iac

// valueKind is the type of a policy member.
type valueKind uint8

const (
	vString  valueKind = iota
	vInt               // an integer
	vBool              // a boolean
	vStrings           // a list of strings
	vTags              // a map of strings
	vObject            // an object (a Terraform block of at most one)
	vObjects           // a list of objects (Terraform: repeated blocks)
)

// field is one member of the policy model under its three names: the
// API's camelCase (api), CloudFormation's PascalCase (the api name with its
// first letter upper-cased) and Terraform's snake_case (tf).
type field struct {
	api  string
	tf   string
	kind valueKind
	sub  []field
}

// cfn returns the CloudFormation property name.
func (f *field) cfn() string {
	if f.api == "" {
		return ""
	}
	b := []byte(f.api)
	if b[0] >= 'a' && b[0] <= 'z' {
		b[0] -= 'a' - 'A'
	}
	return string(b)
}

// find returns the field named api among fs, or nil.
func find(fs []field, api string) *field {
	for i := range fs {
		if fs[i].api == api {
			return &fs[i]
		}
	}
	return nil
}

// optional reports whether the dry-run can do without the value of the
// top-level policy member api: the name, the description, the execution
// role and the policy's own tags. Everything else decides what a run acts
// on, and an unresolvable value there is an error.
func optional(api string) bool {
	switch api {
	case "name", "description", "executionRole", "tags":
		return true
	}
	return false
}

// policySchema returns the members of a lifecycle policy that templates
// and Terraform can set, in the API's order.
func policySchema() []field {
	lastLaunched := []field{
		{api: "value", tf: "value", kind: vInt},
		{api: "unit", tf: "unit", kind: vString},
	}
	amis := []field{
		{api: "isPublic", tf: "is_public", kind: vBool},
		{api: "regions", tf: "regions", kind: vStrings},
		{api: "sharedAccounts", tf: "shared_accounts", kind: vStrings},
		{api: "lastLaunched", tf: "last_launched", kind: vObject, sub: lastLaunched},
		{api: "tagMap", tf: "tag_map", kind: vTags},
	}
	detail := []field{
		{api: "action", tf: "action", kind: vObject, sub: []field{
			{api: "type", tf: "type", kind: vString},
			{api: "includeResources", tf: "include_resources", kind: vObject, sub: []field{
				{api: "amis", tf: "amis", kind: vBool},
				{api: "snapshots", tf: "snapshots", kind: vBool},
				{api: "containers", tf: "containers", kind: vBool},
			}},
		}},
		{api: "filter", tf: "filter", kind: vObject, sub: []field{
			{api: "type", tf: "type", kind: vString},
			{api: "value", tf: "value", kind: vInt},
			{api: "unit", tf: "unit", kind: vString},
			{api: "retainAtLeast", tf: "retain_at_least", kind: vInt},
		}},
		{api: "exclusionRules", tf: "exclusion_rules", kind: vObject, sub: []field{
			{api: "tagMap", tf: "tag_map", kind: vTags},
			{api: "amis", tf: "amis", kind: vObject, sub: amis},
		}},
	}
	return []field{
		{api: "name", tf: "name", kind: vString},
		{api: "description", tf: "description", kind: vString},
		{api: "status", tf: "status", kind: vString},
		{api: "executionRole", tf: "execution_role", kind: vString},
		{api: "resourceType", tf: "resource_type", kind: vString},
		{api: "policyDetails", tf: "policy_detail", kind: vObjects, sub: detail},
		{api: "resourceSelection", tf: "resource_selection", kind: vObject, sub: []field{
			{api: "recipes", tf: "recipe", kind: vObjects, sub: []field{
				{api: "name", tf: "name", kind: vString},
				{api: "semanticVersion", tf: "semantic_version", kind: vString},
			}},
			{api: "tagMap", tf: "tag_map", kind: vTags},
		}},
		{api: "tags", tf: "tags", kind: vTags},
	}
}
