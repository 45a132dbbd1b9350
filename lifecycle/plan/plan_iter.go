package plan

import "iter"

// ImageOutcome is everything a plan says about one image in scope.
type ImageOutcome struct {
	// Group is the image's recipe-version group.
	Group *Group
	// ARN is the image's ARN.
	ARN string
	// Records holds, when the execution acts on, skips or fails on the
	// image, its image record followed by its output-resource records; it
	// is a subslice of Plan.Resources.
	Records []ExecutionResource
	// Unaffected is the image's entry in Plan.Unaffected otherwise.
	Unaffected *UnaffectedImage
}

// Images returns the images of the plan in plan order (group by group,
// newest first), each with its records or its not-impacted entry, in one
// pass over the plan. It is the natural order of a report grouped by
// recipe version.
func (p *Plan) Images() iter.Seq[ImageOutcome] {
	return func(yield func(ImageOutcome) bool) {
		i, j := 0, 0
		for gi := range p.Groups {
			g := &p.Groups[gi]
			for _, arn := range g.Images {
				out := ImageOutcome{Group: g, ARN: arn}
				switch {
				case i < len(p.Resources) && p.Resources[i].ResourceID == arn && p.Resources[i].Kind == KindImage:
					end := i + 1
					for end < len(p.Resources) && p.Resources[end].Kind != KindImage {
						end++
					}
					out.Records = p.Resources[i:end:end]
					i = end
				case j < len(p.Unaffected) && p.Unaffected[j].ResourceID == arn:
					out.Unaffected = &p.Unaffected[j]
					j++
				}
				if !yield(out) {
					return
				}
			}
		}
	}
}
