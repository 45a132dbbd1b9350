package arn_test

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// The service model's patterns and length limits, copied from the model so
// the tests do not depend on files outside the repository. They are the
// slow reference the hand-written checks are compared with.
var modelPatterns = map[string]struct {
	pattern  string
	min, max int // max 0: no limit
}{
	"ImageRecipeArn":                       {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):image-recipe/[a-z0-9-_]+/(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$`},
	"ContainerRecipeArn":                   {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):container-recipe/[a-z0-9-_]+/(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$`},
	"InfrastructureConfigurationArn":       {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):infrastructure-configuration/[a-z0-9-_]+$`},
	"DistributionConfigurationArn":         {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):distribution-configuration/[a-z0-9-_]+$`},
	"ImagePipelineArn":                     {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws):image-pipeline/[a-z0-9-_]+$`},
	"LifecyclePolicyArn":                   {pattern: `^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws):lifecycle-policy/[a-z0-9-_]+$`, max: 1024},
	"ComponentBuildVersionArn":             {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):component/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+/[0-9]+$`},
	"ComponentVersionArn":                  {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):component/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+$`},
	"ComponentVersionArnOrBuildVersionArn": {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):component/[a-z0-9-_]+/(?:(?:([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x))|(?:[0-9]+\.[0-9]+\.[0-9]+/[0-9]+))$`},
	"ImageBuildVersionArn":                 {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+/[0-9]+$`},
	"ImageVersionArn":                      {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+$`},
	"ImageVersionArnOrBuildVersionArn":     {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):image/[a-z0-9-_]+/(?:(?:([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x))|(?:[0-9]+\.[0-9]+\.[0-9]+/[0-9]+))$`},
	"WorkflowBuildVersionArn":              {pattern: `^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):workflow/(build|test|distribution)/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+/[0-9]+$`, max: 1024},
	"WorkflowVersionArn":                   {pattern: `^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):workflow/(build|test|distribution)/[a-z0-9-_]+/[0-9]+\.[0-9]+\.[0-9]+$`},
	"WorkflowWildcardVersionArn":           {pattern: `^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):workflow/(build|test|distribution)/[a-z0-9-_]+/(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$`},
	"WorkflowNameArn":                      {pattern: `^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):workflow/(build|test|distribution)/[a-z0-9-_]+/x\.x\.x$`},
	"WorkflowVersionArnOrBuildVersionArn":  {pattern: `^arn:aws(?:-[a-z]+)*:imagebuilder:[a-z]{2,}(?:-[a-z]+)+-[0-9]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):workflow/(build|test|distribution)/[a-z0-9-_]+/(?:(?:([0-9]+|x)\.([0-9]+|x)\.([0-9]+|x))|(?:[0-9]+\.[0-9]+\.[0-9]+/[0-9]+))$`},
	"ImageBuilderArn":                      {pattern: `^arn:aws[^:]*:imagebuilder:[^:]+:(?:[0-9]{12}|aws(?:-[a-z-]+)?):(?:image-recipe|container-recipe|infrastructure-configuration|distribution-configuration|component|image|image-pipeline|lifecycle-policy|workflow\/(?:build|test|distribution))/[a-z0-9-_]+(?:/(?:(?:x|[0-9]+)\.(?:x|[0-9]+)\.(?:x|[0-9]+))(?:/[0-9]+)?)?$`},
	"RoleNameOrArn":                        {pattern: `^(?:arn:aws(?:-[a-z]+)*:iam::[0-9]{12}:role/)?[a-zA-Z_0-9+=,.@\-_/]+$`, min: 1, max: 2048},
	"SnsTopicArn":                          {pattern: `^arn:aws[^:]*:sns:[^:]+:[0-9]{12}:[a-zA-Z0-9-_]{1,256}$`},
	"LicenseConfigurationArn":              {pattern: `^arn:aws[^:]*:license-manager:[^:]+:[0-9]{12}:license-configuration:lic-[a-z0-9-_]{32}$`},
	"OrganizationArn":                      {pattern: `^arn:aws[^:]*:organizations::[0-9]{12}:organization/o-[a-z0-9]{10,32}$`},
	"OrganizationalUnitArn":                {pattern: `^arn:aws[^:]*:organizations::[0-9]{12}:ou/o-[a-z0-9]{10,32}/ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}`},
	"AccountId":                            {pattern: `^[0-9]{12}$`},
	"LaunchTemplateId":                     {pattern: `^lt-[a-z0-9-_]{17}$`},
	"LifecycleExecutionId":                 {pattern: `^lce-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`},
	"WorkflowExecutionId":                  {pattern: `^wf-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`},
	"WorkflowStepExecutionId":              {pattern: `^step-[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`},
	"SsmParameterName":                     {pattern: `^[a-zA-Z0-9_.\-\/]+$`, min: 1, max: 1011},
	"InstanceProfileNameType":              {pattern: `^[\w+=,.@-]+$`, min: 1, max: 256},
	"MarketplaceResourceLocation":          {pattern: `^s3://[^/]+/.+[^/]$`, max: 1024},
	"ResourceName":                         {pattern: `^[-_A-Za-z-0-9][-_A-Za-z0-9 ]{1,126}[-_A-Za-z-0-9]$`},
	"ProductCodeId":                        {pattern: `^[A-Za-z0-9]{1,25}$`},
	"LogGroupName":                         {pattern: `^[a-zA-Z0-9\-_/\.]{1,512}$`, min: 1, max: 512},
	"VersionNumber":                        {pattern: `^[0-9]+\.[0-9]+\.[0-9]+$`},
	"WildcardVersionNumber":                {pattern: `^(?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x)$`},
}

// oracle holds the compiled reference patterns.
type oracle struct {
	raw     map[string]*regexp.Regexp // the model pattern as written
	ibkit   map[string]*regexp.Regexp // with third-party (AS-2) and the OU pattern anchored (AS-1)
	version *regexp.Regexp            // the version tail of an ARN or a version shape
	generic *regexp.Regexp            // type and version groups of a generic ARN
}

var loadOracle = sync.OnceValue(func() *oracle {
	o := &oracle{
		raw:     map[string]*regexp.Regexp{},
		ibkit:   map[string]*regexp.Regexp{},
		version: regexp.MustCompile(`(?:^|/)((?:[0-9]+|x)\.(?:[0-9]+|x)\.(?:[0-9]+|x))(?:/([0-9]+))?$`),
		generic: regexp.MustCompile(`:((?:[a-z-]+)|workflow/[a-z]+)/[a-z0-9-_]+(?:/((?:x|[0-9]+)\.(?:x|[0-9]+)\.(?:x|[0-9]+))(/[0-9]+)?)?$`),
	}
	for shape, m := range modelPatterns {
		o.raw[shape] = regexp.MustCompile(m.pattern)
		p := strings.ReplaceAll(m.pattern, `aws(?:-[a-z-]+)?)`, `aws(?:-[a-z-]+)?|third-party)`)
		if shape == "OrganizationalUnitArn" {
			p += "$"
		}
		o.ibkit[shape] = regexp.MustCompile(p)
	}
	return o
})

// isImageBuilderShape reports whether shape is one of the eighteen Image
// Builder ARN shapes, the shapes of Parse-able values.
func isImageBuilderShape(shape string) bool {
	_, ok := ibShapes[shape]
	return ok || shape == "ImageBuilderArn"
}

// lengthOK applies the model's length limits, counted in characters.
func lengthOK(shape string, s string) bool {
	m := modelPatterns[shape]
	n := utf8.RuneCountInString(s)
	return n >= m.min && (m.max == 0 || n <= m.max)
}

// modelValid is the verdict of the model alone: raw pattern and lengths
// (Options{RegexOnly: true, ModelOwnersOnly: true}).
func (o *oracle) modelValid(shape string, s string) bool {
	return lengthOK(shape, s) && o.raw[shape].MatchString(s)
}

// defaultValid is ibkit's default verdict: the AS-2/AS-1 adjusted pattern,
// lengths, and the prose rules on the version.
func (o *oracle) defaultValid(shape string, s string) bool {
	if !lengthOK(shape, s) || !o.ibkit[shape].MatchString(s) {
		return false
	}
	if isImageBuilderShape(shape) || shape == "VersionNumber" || shape == "WildcardVersionNumber" {
		return o.proseOK(s)
	}
	return true
}

// proseOK applies the prose rules to the version tail of s, if any:
// wildcards trailing only, nodes at most 1073741823, build within 64 bits.
func (o *oracle) proseOK(s string) bool {
	m := o.version.FindStringSubmatch(s)
	if m == nil {
		return true
	}
	seenX := false
	for _, node := range strings.Split(m[1], ".") {
		if node == "x" {
			seenX = true
			continue
		}
		if seenX {
			return false
		}
		if n, err := strconv.ParseUint(node, 10, 64); err != nil || n > 1073741823 {
			return false
		}
	}
	if m[2] != "" {
		if _, err := strconv.ParseUint(m[2], 10, 64); err != nil {
			return false
		}
	}
	return true
}

// parseValid is the verdict Parse must give: the default verdict for
// ImageBuilderArn and the per-type version forms of AS-4.
func (o *oracle) parseValid(s string) bool {
	if !o.defaultValid("ImageBuilderArn", s) {
		return false
	}
	m := o.generic.FindStringSubmatch(s)
	typ, version, build := m[1], m[2], m[3]
	switch {
	case version == "":
		return true
	case typ == "image-pipeline" || typ == "infrastructure-configuration" ||
		typ == "distribution-configuration" || typ == "lifecycle-policy":
		return false
	case build != "" && (strings.Contains(version, "x") || strings.HasSuffix(typ, "-recipe")):
		return false
	}
	return true
}
