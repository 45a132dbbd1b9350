package lifecycle

import "strings"

// Decision is the ID of a point the service's documentation leaves open
// and on which ibkit takes a documented reading ("L-9"). Findings and plan
// records whose outcome depends on such a point carry its ID.
type Decision string

// The lifecycle decisions of the ibkit specification.
const (
	DecisionMonthYearLength          Decision = "L-1"  // length of MONTHS and YEARS
	DecisionAgeBoundary              Decision = "L-2"  // an image exactly at the age threshold
	DecisionRetainSlots              Decision = "L-3"  // who fills AGE retainAtLeast slots
	DecisionFailedAge                Decision = "L-4"  // FAILED/CANCELLED images under AGE
	DecisionFewGoodImages            Decision = "L-5"  // failed images in a group with few good ones
	DecisionTagsProtectFailed        Decision = "L-6"  // exclusion tags on failed images
	DecisionRetentionBeforeTags      Decision = "L-7"  // retention slots before tag exclusion
	DecisionSkipContinues            Decision = "L-8"  // a later rule after an exclusion skip
	DecisionRetainOnDeprecateDisable Decision = "L-9"  // retainAtLeast on DEPRECATE/DISABLE
	DecisionCountOnDeprecateDisable  Decision = "L-10" // COUNT on DEPRECATE/DISABLE
	DecisionSlotStates               Decision = "L-11" // DEPRECATED/DISABLED images fill slots
	DecisionSnapshotsWithoutAMIs     Decision = "L-12" // snapshots without amis on DELETE
	DecisionAMIExclusionsAllActions  Decision = "L-13" // AMI exclusions on DEPRECATE/DISABLE
	DecisionMixedWildcards           Decision = "L-14" // "x.1.x" in semanticVersion
	DecisionEvaluatedOnce            Decision = "L-15" // one evaluation per image and policy
	DecisionCreationTime             Decision = "L-16" // creation timestamp and ties
	DecisionLastLaunched             Decision = "L-17" // never-launched AMIs, window edge
	DecisionTagMatching              Decision = "L-18" // exact, case-sensitive, any-of
	DecisionDisabledPolicy           Decision = "L-19" // DISABLED policy; no AVAILABLE
	DecisionScope                    Decision = "L-20" // type mapping, DELETED, in-progress
	DecisionRecipeMatch              Decision = "L-21" // recipe entry against image name
	DecisionPriority                 Decision = "L-22" // DEPRECATE, DISABLE, DELETE
	DecisionAMIExclusionOrder        Decision = "L-23" // Region, Public, Tag, Shared, Last launched
	DecisionVocabulary               Decision = "L-24" // ListLifecycleExecutionResources names
	DecisionForecast                 Decision = "L-25" // multi-run simulation
	DecisionPolicyScope              Decision = "L-26" // the policy's own Region and account
	DecisionImportedImages           Decision = "L-27" // recipe selection of IMPORTED images
	DecisionSharedAccounts           Decision = "L-28" // sharedAccounts and AMI owners
	DecisionMissingFacts             Decision = "L-29" // facts an AMI exclusion needs are missing
	DecisionAMIExclusionScope        Decision = "L-30" // an AMI exclusion protects the AMI or the image
	DecisionClientToolingRules       Decision = "L-P1" // X5, X6, X8, X9, X12 as errors
	DecisionCountModifiers           Decision = "L-P2" // retainAtLeast or unit on COUNT
	DecisionSnapshotsOfSkipped       Decision = "L-P3" // snapshots of SKIPPED AMIs
	DecisionNotImpacted              Decision = "L-P4" // kept images are not SKIPPED
	DecisionPermissionFailures       Decision = "L-P5" // failures from missing permissions
	DecisionRunTime                  Decision = "L-P6" // time of day of the daily run
	DecisionDeprecationTime          Decision = "L-P7" // deprecation time written to AMIs
	DecisionManualUpdate             Decision = "L-P8" // StartResourceStateUpdate readings
	DecisionSharedAMI                Decision = "L-P9" // an AMI listed by several images
)

// compareDecisions orders decision IDs as the specification lists them:
// by the letters before the number ("AS-", "L-", "L-P"), then by the
// number as a number, so that L-2 comes before L-10 and L-25 before L-P1.
// It is the order of Finding.Decisions and of the plan's decision lists.
func compareDecisions(a, b Decision) int {
	pa, na := splitDecision(a)
	pb, nb := splitDecision(b)
	if pa != pb {
		return strings.Compare(pa, pb)
	}
	if len(na) != len(nb) {
		return len(na) - len(nb) // no leading zeros: longer is larger
	}
	return strings.Compare(na, nb)
}

// splitDecision splits an ID into its prefix and its trailing digits.
func splitDecision(d Decision) (prefix, number string) {
	i := len(d)
	for i > 0 && d[i-1] >= '0' && d[i-1] <= '9' {
		i--
	}
	return string(d[:i]), string(d[i:])
}
