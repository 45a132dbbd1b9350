package lifecycle

// Shape is the kind of JSON document a policy was read from.
type Shape uint8

// The policy document shapes DecodePolicy recognises.
const (
	// ShapePolicy is the bare LifecyclePolicy object.
	ShapePolicy Shape = iota
	// ShapeGetResponse is GetLifecyclePolicy's response:
	// {"lifecyclePolicy": {...}}.
	ShapeGetResponse
	// ShapeCreateInput is CreateLifecyclePolicy's input, as given to
	// "aws imagebuilder create-lifecycle-policy --cli-input-json": the
	// policy's members plus clientToken.
	ShapeCreateInput
	// ShapeUpdateInput is UpdateLifecyclePolicy's input: lifecyclePolicyArn
	// (held in Policy.ARN), the updatable members and clientToken; it has no
	// name and no tags.
	ShapeUpdateInput
)

// String returns a short English name of the shape.
func (s Shape) String() string {
	switch s {
	case ShapePolicy:
		return "lifecycle policy"
	case ShapeGetResponse:
		return "GetLifecyclePolicy response"
	case ShapeCreateInput:
		return "CreateLifecyclePolicy input"
	case ShapeUpdateInput:
		return "UpdateLifecyclePolicy input"
	}
	return "unknown shape"
}

// Document is a lifecycle policy together with the shape it was read from
// and, for the Create and Update inputs, the request's idempotency token.
// Encoding a Document writes the same shape back.
type Document struct {
	Shape       Shape
	Policy      Policy
	ClientToken string
	// ExplicitZeros lists the JSON paths of the integer members the
	// document wrote as 0 (such as "policyDetails[0].filter.value"), as
	// DecodePolicy found them, so that Validate says such a member is 0
	// rather than missing: the Policy holds 0 for both.
	ExplicitZeros []string
}
