package arn

// ResourceType is the resource type of an Image Builder ARN: the first
// segment of the resource part, such as "image" in
// "arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x".
// Workflow ARNs have the type Workflow and carry their stage separately.
type ResourceType string

// The nine resource types of Image Builder ARNs.
const (
	ImageRecipe                 ResourceType = "image-recipe"
	ContainerRecipe             ResourceType = "container-recipe"
	InfrastructureConfiguration ResourceType = "infrastructure-configuration"
	DistributionConfiguration   ResourceType = "distribution-configuration"
	Component                   ResourceType = "component"
	Image                       ResourceType = "image"
	ImagePipeline               ResourceType = "image-pipeline"
	LifecyclePolicy             ResourceType = "lifecycle-policy"
	Workflow                    ResourceType = "workflow"
)

// typeSet is a set of resource types, one bit per type.
type typeSet uint16

const (
	tImageRecipe typeSet = 1 << iota
	tContainerRecipe
	tInfrastructure
	tDistribution
	tComponent
	tImage
	tPipeline
	tLifecycle
	tWorkflow

	tAll = tImageRecipe | tContainerRecipe | tInfrastructure | tDistribution |
		tComponent | tImage | tPipeline | tLifecycle | tWorkflow
)

// lookupType maps the text of a type segment to its constant and set bit.
// It returns ok == false for any other text.
func lookupType(s string) (ResourceType, typeSet, bool) {
	switch s {
	case "image-recipe":
		return ImageRecipe, tImageRecipe, true
	case "container-recipe":
		return ContainerRecipe, tContainerRecipe, true
	case "infrastructure-configuration":
		return InfrastructureConfiguration, tInfrastructure, true
	case "distribution-configuration":
		return DistributionConfiguration, tDistribution, true
	case "component":
		return Component, tComponent, true
	case "image":
		return Image, tImage, true
	case "image-pipeline":
		return ImagePipeline, tPipeline, true
	case "lifecycle-policy":
		return LifecyclePolicy, tLifecycle, true
	case "workflow":
		return Workflow, tWorkflow, true
	}
	return "", 0, false
}

// Versioned reports whether resources of type t have semantic versions:
// true for recipes, components, images and workflows, false for pipelines,
// infrastructure and distribution configurations and lifecycle policies.
func (t ResourceType) Versioned() bool {
	return typeForms(t)&formVersion != 0
}

// HasBuilds reports whether versions of type t have build numbers: true for
// components, images and workflows. Recipes are versioned but have no builds.
func (t ResourceType) HasBuilds() bool {
	return typeForms(t)&formBuild != 0
}

// typeForms returns the version forms resources of type t can have in an
// ARN (decision AS-4). A versioned type without a version is the "name ARN"
// of generic fields and is included.
func typeForms(t ResourceType) formSet {
	_, bit, _ := lookupType(string(t))
	return bitForms(bit)
}

// bitForms is typeForms for the set bit of a type.
func bitForms(bit typeSet) formSet {
	switch bit {
	case tImageRecipe, tContainerRecipe:
		return formNone | formVersion | formWildcard
	case tComponent, tImage, tWorkflow:
		return formNone | formVersion | formWildcard | formBuild
	case tInfrastructure, tDistribution, tPipeline, tLifecycle:
		return formNone
	}
	return 0
}

// lookupStage maps the text of a workflow stage segment to a constant
// string that does not hold on to s.
func lookupStage(s string) (string, bool) {
	switch s {
	case "build":
		return "build", true
	case "test":
		return "test", true
	case "distribution":
		return "distribution", true
	}
	return "", false
}
