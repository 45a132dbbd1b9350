package arn

// Shapes returns the names of the string shapes of the Image Builder
// service model that the package checks, the values of Validate's shape
// argument, in this order: the Image Builder ARN shapes (ImageRecipeArn
// to ImageBuilderArn), the ARN shapes of other services (RoleNameOrArn to
// OrganizationalUnitArn), then the identifier and version shapes
// (AccountId to WildcardVersionNumber). Each ARN shape fixes the resource
// types and version forms it accepts, as its model pattern does; the
// names say which: "...VersionArn" takes a version such as 1.2.3,
// "...BuildVersionArn" a build version such as 1.2.3/4, a "Wildcard" shape
// also 1.2.x, and the unversioned types none. The caller owns the slice.
func Shapes() []string {
	return []string{
		"ImageRecipeArn",                       // V, W
		"ContainerRecipeArn",                   // V, W
		"InfrastructureConfigurationArn",       // none
		"DistributionConfigurationArn",         // none
		"ImagePipelineArn",                     // none
		"LifecyclePolicyArn",                   // none; at most 1024 characters
		"ComponentBuildVersionArn",             // B
		"ComponentVersionArn",                  // V
		"ComponentVersionArnOrBuildVersionArn", // V, W, B
		"ImageBuildVersionArn",                 // B
		"ImageVersionArn",                      // V
		"ImageVersionArnOrBuildVersionArn",     // V, W, B
		"WorkflowBuildVersionArn",              // B; at most 1024 characters
		"WorkflowVersionArn",                   // V
		"WorkflowWildcardVersionArn",           // V, W
		"WorkflowNameArn",                      // x.x.x only
		"WorkflowVersionArnOrBuildVersionArn",  // V, W, B
		"ImageBuilderArn",                      // any type; none, V, W, B, W+B
		"RoleNameOrArn",                        // a role name or path, or an IAM role ARN; 1..2048
		"SnsTopicArn",                          // an SNS topic ARN (no .fifo topics)
		"LicenseConfigurationArn",              // a License Manager configuration ARN
		"OrganizationArn",                      // an AWS Organizations organization ARN
		"OrganizationalUnitArn",                // an organizational unit ARN
		"AccountId",                            // 12 digits
		"LaunchTemplateId",                     // lt- and 17 characters
		"LifecycleExecutionId",                 // lce- and a UUID
		"WorkflowExecutionId",                  // wf- and a UUID
		"WorkflowStepExecutionId",              // step- and a UUID
		"SsmParameterName",                     // 1..1011
		"InstanceProfileNameType",              // 1..256
		"MarketplaceResourceLocation",          // s3://bucket/key; at most 1024
		"ResourceName",                         // the name of a resource; 3..128
		"ProductCodeId",                        // 1..25 letters and digits
		"LogGroupName",                         // 1..512
		"VersionNumber",                        // 1.2.3
		"WildcardVersionNumber",                // 1.2.3, 1.2.x, 1.x.x, x.x.x
	}
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
func specFor(s string) spec {
	const (
		vw  = formVersion | formWildcard
		vwb = formVersion | formWildcard | formBuild
	)
	switch s {
	case "ImageRecipeArn":
		return spec{class: classIB, types: tImageRecipe, forms: vw}
	case "ContainerRecipeArn":
		return spec{class: classIB, types: tContainerRecipe, forms: vw}
	case "InfrastructureConfigurationArn":
		return spec{class: classIB, types: tInfrastructure, forms: formNone}
	case "DistributionConfigurationArn":
		return spec{class: classIB, types: tDistribution, forms: formNone}
	case "ImagePipelineArn":
		return spec{class: classIB, types: tPipeline, forms: formNone}
	case "LifecyclePolicyArn":
		return spec{class: classIB, strict: true, types: tLifecycle, forms: formNone, max: 1024}
	case "ComponentBuildVersionArn":
		return spec{class: classIB, wide: true, types: tComponent, forms: formBuild}
	case "ComponentVersionArn":
		return spec{class: classIB, wide: true, types: tComponent, forms: formVersion}
	case "ComponentVersionArnOrBuildVersionArn":
		return spec{class: classIB, wide: true, types: tComponent, forms: vwb}
	case "ImageBuildVersionArn":
		return spec{class: classIB, wide: true, types: tImage, forms: formBuild}
	case "ImageVersionArn":
		return spec{class: classIB, wide: true, types: tImage, forms: formVersion}
	case "ImageVersionArnOrBuildVersionArn":
		return spec{class: classIB, wide: true, types: tImage, forms: vwb}
	case "WorkflowBuildVersionArn":
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: formBuild, max: 1024}
	case "WorkflowVersionArn":
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: formVersion}
	case "WorkflowWildcardVersionArn":
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: vw}
	case "WorkflowNameArn":
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: formWildcard, allX: true}
	case "WorkflowVersionArnOrBuildVersionArn":
		return spec{class: classIB, strict: true, wide: true, types: tWorkflow, forms: vwb}
	case "ImageBuilderArn":
		return genericSpec()
	case "RoleNameOrArn":
		return spec{class: classRole, min: 1, max: 2048}
	case "SnsTopicArn":
		return spec{class: classSNS}
	case "LicenseConfigurationArn":
		return spec{class: classLicense}
	case "OrganizationArn":
		return spec{class: classOrg}
	case "OrganizationalUnitArn":
		return spec{class: classOU}
	case "AccountId":
		return spec{class: classAccountID}
	case "LaunchTemplateId":
		return spec{class: classLaunchTemplate}
	case "LifecycleExecutionId":
		return spec{class: classExecutionID, prefix: "lce-"}
	case "WorkflowExecutionId":
		return spec{class: classExecutionID, prefix: "wf-"}
	case "WorkflowStepExecutionId":
		return spec{class: classExecutionID, prefix: "step-"}
	case "SsmParameterName":
		return spec{class: classSSMParameter, min: 1, max: 1011}
	case "InstanceProfileNameType":
		return spec{class: classInstanceProfile, min: 1, max: 256}
	case "MarketplaceResourceLocation":
		return spec{class: classS3Location, max: 1024}
	case "ResourceName":
		return spec{class: classResourceName}
	case "ProductCodeId":
		return spec{class: classProductCode}
	case "LogGroupName":
		return spec{class: classLogGroup, min: 1, max: 512}
	case "VersionNumber":
		return spec{class: classVersion}
	case "WildcardVersionNumber":
		return spec{class: classWildcardVersion}
	}
	return spec{}
}

// genericSpec returns the spec of ImageBuilderArn without a shape lookup.
func genericSpec() spec {
	return spec{class: classIB, wide: true, generic: true, types: tAll,
		forms: formNone | formVersion | formWildcard | formBuild | formWildcardBuild}
}
