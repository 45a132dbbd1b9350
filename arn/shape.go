package arn

// Shape is the name of a string shape of the Image Builder service model
// that carries an ARN or an identifier, such as "ImageBuildVersionArn" or
// "AccountId". Validate checks a string against a shape.
type Shape string

// Image Builder ARN shapes. The comment after each shape lists the version
// forms its model pattern accepts: none (type/name), V (1.2.3), W (a version
// with x nodes, such as 1.2.x) and B (1.2.3/4).
const (
	ImageRecipeArn                       Shape = "ImageRecipeArn"                       // V, W
	ContainerRecipeArn                   Shape = "ContainerRecipeArn"                   // V, W
	InfrastructureConfigurationArn       Shape = "InfrastructureConfigurationArn"       // none
	DistributionConfigurationArn         Shape = "DistributionConfigurationArn"         // none
	ImagePipelineArn                     Shape = "ImagePipelineArn"                     // none
	LifecyclePolicyArn                   Shape = "LifecyclePolicyArn"                   // none; at most 1024 characters
	ComponentBuildVersionArn             Shape = "ComponentBuildVersionArn"             // B
	ComponentVersionArn                  Shape = "ComponentVersionArn"                  // V
	ComponentVersionArnOrBuildVersionArn Shape = "ComponentVersionArnOrBuildVersionArn" // V, W, B
	ImageBuildVersionArn                 Shape = "ImageBuildVersionArn"                 // B
	ImageVersionArn                      Shape = "ImageVersionArn"                      // V
	ImageVersionArnOrBuildVersionArn     Shape = "ImageVersionArnOrBuildVersionArn"     // V, W, B
	WorkflowBuildVersionArn              Shape = "WorkflowBuildVersionArn"              // B; at most 1024 characters
	WorkflowVersionArn                   Shape = "WorkflowVersionArn"                   // V
	WorkflowWildcardVersionArn           Shape = "WorkflowWildcardVersionArn"           // V, W
	WorkflowNameArn                      Shape = "WorkflowNameArn"                      // x.x.x only
	WorkflowVersionArnOrBuildVersionArn  Shape = "WorkflowVersionArnOrBuildVersionArn"  // V, W, B
	ImageBuilderArn                      Shape = "ImageBuilderArn"                      // any type; none, V, W, B, W+B
)

// ARN shapes of other services that Image Builder request fields accept.
const (
	RoleNameOrArn           Shape = "RoleNameOrArn"           // a role name or path, or an IAM role ARN; 1..2048
	SnsTopicArn             Shape = "SnsTopicArn"             // an SNS topic ARN (no .fifo topics)
	LicenseConfigurationArn Shape = "LicenseConfigurationArn" // a License Manager configuration ARN
	OrganizationArn         Shape = "OrganizationArn"         // an AWS Organizations organization ARN
	OrganizationalUnitArn   Shape = "OrganizationalUnitArn"   // an organizational unit ARN
)

// Identifier shapes with a model pattern.
const (
	AccountId                   Shape = "AccountId"                   // 12 digits
	LaunchTemplateId            Shape = "LaunchTemplateId"            // lt- and 17 characters
	LifecycleExecutionId        Shape = "LifecycleExecutionId"        // lce- and a UUID
	WorkflowExecutionId         Shape = "WorkflowExecutionId"         // wf- and a UUID
	WorkflowStepExecutionId     Shape = "WorkflowStepExecutionId"     // step- and a UUID
	SsmParameterName            Shape = "SsmParameterName"            // 1..1011
	InstanceProfileNameType     Shape = "InstanceProfileNameType"     // 1..256
	MarketplaceResourceLocation Shape = "MarketplaceResourceLocation" // s3://bucket/key; at most 1024
	ResourceName                Shape = "ResourceName"                // the name of a resource; 3..128
	ProductCodeId               Shape = "ProductCodeId"               // 1..25 letters and digits
	LogGroupName                Shape = "LogGroupName"                // 1..512
	VersionNumber               Shape = "VersionNumber"               // 1.2.3
	WildcardVersionNumber       Shape = "WildcardVersionNumber"       // 1.2.3, 1.2.x, 1.x.x, x.x.x
)

// Shapes returns every shape the package knows, in the order of the
// constant declarations: the Image Builder ARN shapes, the ARN shapes of
// other services, then the identifier shapes. The caller owns the slice.
func Shapes() []Shape {
	return []Shape{
		ImageRecipeArn, ContainerRecipeArn, InfrastructureConfigurationArn,
		DistributionConfigurationArn, ImagePipelineArn, LifecyclePolicyArn,
		ComponentBuildVersionArn, ComponentVersionArn, ComponentVersionArnOrBuildVersionArn,
		ImageBuildVersionArn, ImageVersionArn, ImageVersionArnOrBuildVersionArn,
		WorkflowBuildVersionArn, WorkflowVersionArn, WorkflowWildcardVersionArn,
		WorkflowNameArn, WorkflowVersionArnOrBuildVersionArn, ImageBuilderArn,
		RoleNameOrArn, SnsTopicArn, LicenseConfigurationArn, OrganizationArn, OrganizationalUnitArn,
		AccountId, LaunchTemplateId, LifecycleExecutionId, WorkflowExecutionId,
		WorkflowStepExecutionId, SsmParameterName, InstanceProfileNameType,
		MarketplaceResourceLocation, ResourceName, ProductCodeId, LogGroupName,
		VersionNumber, WildcardVersionNumber,
	}
}

// IsValid reports whether s is a shape the package knows.
func (s Shape) IsValid() bool {
	return specFor(s).class != 0
}

// IsImageBuilderARN reports whether s is one of the eighteen Image Builder
// ARN shapes, the shapes Parse-able values belong to.
func (s Shape) IsImageBuilderARN() bool {
	return specFor(s).class == classIB
}

// class says which checker handles a shape.
type class uint8

const (
	classIB class = iota + 1
	classRole
	classSNS
	classLicense
	classOrg
	classOU
	classAccountID
	classLaunchTemplate
	classExecutionID
	classSSMParameter
	classInstanceProfile
	classS3Location
	classResourceName
	classProductCode
	classLogGroup
	classVersion
	classWildcardVersion
)

// formSet is a set of version forms of an Image Builder ARN.
type formSet uint8

const (
	formNone          formSet = 1 << iota // type/name
	formVersion                           // type/name/1.2.3
	formWildcard                          // type/name/1.2.x (at least one x)
	formBuild                             // type/name/1.2.3/4
	formWildcardBuild                     // type/name/1.x.x/4 (generic pattern only)
)

// spec is what the model says about one shape.
type spec struct {
	class   class
	strict  bool    // strict partition and region dialect (lifecycle and workflow shapes)
	wide    bool    // owner aws(-[a-z-]+)? and, by AS-2, third-party
	generic bool    // ImageBuilderArn: any type, version forms per AS-4 only as flags
	allX    bool    // WorkflowNameArn: the only version is x.x.x
	types   typeSet // accepted resource types
	forms   formSet // accepted version forms
	min     int     // minimum length
	max     int     // maximum length; 0 means none
	prefix  string  // identifier prefix of execution IDs
}

// specFor returns the spec of a shape; its class is 0 for unknown shapes.
func specFor(s Shape) spec {
	const (
		vw  = formVersion | formWildcard
		vwb = formVersion | formWildcard | formBuild
	)
	switch s {
	case ImageRecipeArn:
		return spec{class: classIB, types: tImageRecipe, forms: vw}
	case ContainerRecipeArn:
		return spec{class: classIB, types: tContainerRecipe, forms: vw}
	case InfrastructureConfigurationArn:
		return spec{class: classIB, types: tInfrastructure, forms: formNone}
	case DistributionConfigurationArn:
		return spec{class: classIB, types: tDistribution, forms: formNone}
	case ImagePipelineArn:
		return spec{class: classIB, types: tPipeline, forms: formNone}
	case LifecyclePolicyArn:
		return spec{class: classIB, strict: true, types: tLifecycle, forms: formNone, max: 1024}
	case ComponentBuildVersionArn:
		return spec{class: classIB, wide: true, types: tComponent, forms: formBuild}
	case ComponentVersionArn:
		return spec{class: classIB, wide: true, types: tComponent, forms: formVersion}
	case ComponentVersionArnOrBuildVersionArn:
		return spec{class: classIB, wide: true, types: tComponent, forms: vwb}
	case ImageBuildVersionArn:
		return spec{class: classIB, wide: true, types: tImage, forms: formBuild}
	case ImageVersionArn:
		return spec{class: classIB, wide: true, types: tImage, forms: formVersion}
	case ImageVersionArnOrBuildVersionArn:
		return spec{class: classIB, wide: true, types: tImage, forms: vwb}
	case WorkflowBuildVersionArn:
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: formBuild, max: 1024}
	case WorkflowVersionArn:
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: formVersion}
	case WorkflowWildcardVersionArn:
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: vw}
	case WorkflowNameArn:
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: formWildcard, allX: true}
	case WorkflowVersionArnOrBuildVersionArn:
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: vwb}
	case ImageBuilderArn:
		return genericSpec()
	case RoleNameOrArn:
		return spec{class: classRole, min: 1, max: 2048}
	case SnsTopicArn:
		return spec{class: classSNS}
	case LicenseConfigurationArn:
		return spec{class: classLicense}
	case OrganizationArn:
		return spec{class: classOrg}
	case OrganizationalUnitArn:
		return spec{class: classOU}
	case AccountId:
		return spec{class: classAccountID}
	case LaunchTemplateId:
		return spec{class: classLaunchTemplate}
	case LifecycleExecutionId:
		return spec{class: classExecutionID, prefix: "lce-"}
	case WorkflowExecutionId:
		return spec{class: classExecutionID, prefix: "wf-"}
	case WorkflowStepExecutionId:
		return spec{class: classExecutionID, prefix: "step-"}
	case SsmParameterName:
		return spec{class: classSSMParameter, min: 1, max: 1011}
	case InstanceProfileNameType:
		return spec{class: classInstanceProfile, min: 1, max: 256}
	case MarketplaceResourceLocation:
		return spec{class: classS3Location, max: 1024}
	case ResourceName:
		return spec{class: classResourceName}
	case ProductCodeId:
		return spec{class: classProductCode}
	case LogGroupName:
		return spec{class: classLogGroup, min: 1, max: 512}
	case VersionNumber:
		return spec{class: classVersion}
	case WildcardVersionNumber:
		return spec{class: classWildcardVersion}
	}
	return spec{}
}

// genericSpec returns the spec of ImageBuilderArn without a shape lookup.
func genericSpec() spec {
	return spec{class: classIB, wide: true, generic: true, types: tAll,
		forms: formNone | formVersion | formWildcard | formBuild | formWildcardBuild}
}
