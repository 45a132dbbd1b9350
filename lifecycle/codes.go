package lifecycle

// Codes of the model rules: patterns, enums, lengths and ranges of the
// service model. Their findings are errors.
const (
	codeRequired       = "required"         // a required member is missing or empty
	codeInvalidEnum    = "invalid-enum"     // a value outside the member's enumeration
	codeOutOfRange     = "out-of-range"     // an integer outside the member's range
	codeInvalidLength  = "invalid-length"   // a string too short or too long
	codeInvalidCount   = "invalid-count"    // a list or map with too few or too many entries
	codeInvalidPattern = "invalid-pattern"  // a string that does not have the member's form
	codeReservedTagKey = "reserved-tag-key" // a tag key starting with "aws:"
)

// Codes of the cross-field rules X1 to X17, which relate members to each
// other; the Rule member of their findings names the rule, and the README
// explains each.
const (
	codeAgeUnitRequired         = "age-unit-required"          // X1, error
	codeRetainOnCount           = "retain-on-count"            // X2, warning (L-P2)
	codeRetainIgnored           = "retain-ignored"             // X3, warning (L-9)
	codeUnitOnCount             = "unit-on-count"              // X4, warning (L-P2)
	codeSelectionBoth           = "selection-both"             // X5, error (L-P1)
	codeSelectionNone           = "selection-none"             // X5, error (L-P1)
	codeDuplicateAction         = "duplicate-action"           // X6, error (L-P1)
	codeContainerAction         = "container-action"           // X7, error
	codeContainerAMIResources   = "container-ami-resources"    // X8, error (L-P1)
	codeAMIContainerResources   = "ami-container-resources"    // X9, error (L-P1)
	codeCountOnDeprecateDisable = "count-on-deprecate-disable" // X10, warning (L-10)
	codeSnapshotsWithoutAMIs    = "snapshots-without-amis"     // X11, warning (L-12)
	codeRecipeKind              = "recipe-kind"                // X12, error (L-P1)
	codeAgeOrder                = "age-order"                  // X13, warning (lint)
	codeDuplicateRecipe         = "duplicate-recipe"           // X14, warning (L-15)
	codeMixedWildcard           = "mixed-wildcard"             // X15, error (L-14)
	codeVersionNodeRange        = "version-node-range"         // X16, error
	codeAMIExclusionsUnused     = "ami-exclusions-unused"      // X17, warning (L-30)
)

// Codes of ibkit's lints: warnings about documents whose meaning depends
// on a decision.
const (
	codeLeadingZero   = "leading-zero"    // a semanticVersion node written with a leading zero (AS-6)
	codeEmptyTagValue = "empty-tag-value" // a selection tag with an empty value (L-18)
)

// Codes of the StartResourceStateUpdate request rules.
const (
	codeContainerTarget       = "container-target"        // container images may only be DELETED
	codeRoleRequired          = "execution-role-required" // includeResources without executionRole
	codeIncludeRequired       = "include-resources-required"
	codeUpdateAtTarget        = "update-at-target" // updateAt with a target other than DEPRECATED
	codeUpdateAtPast          = "update-at-past"   // updateAt not after the evaluation time
	codeInvalidTransition     = "invalid-transition"
	codeImageBusy             = "image-in-progress" // the image's build has not finished
	codeManualExclusionEffect = "manual-exclusion"  // a warning on how exclusions act (L-P8)
)

// Codes the policy checks share with the inventory checks.
const (
	codeInvalidTimestamp = "invalid-timestamp"
	codeInvalidRegion    = "invalid-region"
)
