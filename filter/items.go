package filter

import (
	"encoding/json"
	"time"
)

// Item is one element of a List operation's result list. The types of
// this package that describe those elements (ComponentVersion, ImageVersion,
// ImageSummary, ...) implement it through their pointer; no other type
// can.
//
// The item types carry the members that filters, owner, byName,
// includeDeprecated and result ordering read, under their JSON wire names.
// Members they do not declare are ignored when decoding; the document
// functions (Matcher.FilterJSON, FilterResponse) keep every member of the
// original JSON regardless.
type Item interface {
	// kind returns the item's shape; kindNone for a nil pointer.
	kind() kind
	// text returns a string field; "" when absent.
	text(f field) string
	// list returns a list field.
	list(f field) []string
	// key returns what ordering, byName and owner derivation read.
	key() itemKey
	// setArn replaces the item's ARN (ByNameWildcardArn, F-P1).
	setArn(arn string)
}

// itemKey holds the identity members of an item.
type itemKey struct {
	name, version, arn, dateCreated string
	ownership                       Ownership
}

// ComponentVersion is an item of ListComponents (componentVersionList).
type ComponentVersion struct {
	Arn                 string   `json:"arn,omitempty"`
	Name                string   `json:"name,omitempty"`
	Version             string   `json:"version,omitempty"`
	Description         string   `json:"description,omitempty"`
	Platform            string   `json:"platform,omitempty"`
	SupportedOsVersions []string `json:"supportedOsVersions,omitempty"`
	Type                string   `json:"type,omitempty"`
	Owner               string   `json:"owner,omitempty"`
	DateCreated         string   `json:"dateCreated,omitempty"`
	// Status is ACTIVE, DEPRECATED or DISABLED (F-P3).
	Status string `json:"status,omitempty"`
	// Ownership is the item's owner category relative to the caller. It
	// is not part of the wire format; when empty it is derived from Arn
	// (F-P5).
	Ownership Ownership `json:"-"`
}

func (c *ComponentVersion) kind() kind {
	if c == nil {
		return kindNone
	}
	return kindComponentVersion
}
func (c *ComponentVersion) text(f field) string {
	switch f {
	case fieldName:
		return c.Name
	case fieldDescription:
		return c.Description
	case fieldPlatform:
		return c.Platform
	case fieldType:
		return c.Type
	case fieldVersion:
		return c.Version
	case fieldStatus:
		return c.Status
	}
	return ""
}
func (c *ComponentVersion) list(f field) []string {
	if f == fieldSupportedOsVersions {
		return c.SupportedOsVersions
	}
	return nil
}
func (c *ComponentVersion) key() itemKey {
	return itemKey{c.Name, c.Version, c.Arn, c.DateCreated, c.Ownership}
}
func (c *ComponentVersion) setArn(a string) { c.Arn = a }

// ImageVersion is an item of ListImages (imageVersionList).
type ImageVersion struct {
	Arn         string `json:"arn,omitempty"`
	Name        string `json:"name,omitempty"`
	Type        string `json:"type,omitempty"`
	Version     string `json:"version,omitempty"`
	Platform    string `json:"platform,omitempty"`
	OsVersion   string `json:"osVersion,omitempty"`
	Owner       string `json:"owner,omitempty"`
	DateCreated string `json:"dateCreated,omitempty"`
	BuildType   string `json:"buildType,omitempty"`
	ImageSource string `json:"imageSource,omitempty"`
	// State is not in the model's ImageVersion; the caller supplies it
	// (same shape as ImageSummary's) so that includeDeprecated can be
	// applied (F-P4).
	State *ImageState `json:"state,omitempty"`
	// DeprecationTime is not in the model's ImageVersion either; it is
	// read only with Options.DeprecatedByTime (F-P4).
	DeprecationTime *time.Time `json:"deprecationTime,omitempty"`
	// Ownership: see ComponentVersion.Ownership.
	Ownership Ownership `json:"-"`
}

// ImageState is the state of an image build.
type ImageState struct {
	Status string `json:"status,omitempty"`
	Reason string `json:"reason,omitempty"`
}

func (v *ImageVersion) kind() kind {
	if v == nil {
		return kindNone
	}
	return kindImageVersion
}
func (v *ImageVersion) text(f field) string {
	return imageText(f, v.Name, v.Type, v.Version, v.Platform, v.OsVersion)
}

// imageText picks the field f among the filterable fields ImageVersion
// and ImageSummary share.
func imageText(f field, name, typ, version, platform, osVersion string) string {
	switch f {
	case fieldName:
		return name
	case fieldType:
		return typ
	case fieldVersion:
		return version
	case fieldPlatform:
		return platform
	case fieldOsVersion:
		return osVersion
	}
	return ""
}
func (v *ImageVersion) list(field) []string { return nil }
func (v *ImageVersion) key() itemKey {
	return itemKey{v.Name, v.Version, v.Arn, v.DateCreated, v.Ownership}
}
func (v *ImageVersion) setArn(a string) { v.Arn = a }

// ImageSummary is an item of ListImageBuildVersions and
// ListImagePipelineImages (imageSummaryList), one per build.
type ImageSummary struct {
	Arn string `json:"arn,omitempty"`
	// Name is the image recipe's name.
	Name string `json:"name,omitempty"`
	Type string `json:"type,omitempty"`
	// Version is "x.y.z"; some outputs show "x.y.z/n" (F-3).
	Version     string      `json:"version,omitempty"`
	Platform    string      `json:"platform,omitempty"`
	OsVersion   string      `json:"osVersion,omitempty"`
	State       *ImageState `json:"state,omitempty"`
	Owner       string      `json:"owner,omitempty"`
	DateCreated string      `json:"dateCreated,omitempty"`
	BuildType   string      `json:"buildType,omitempty"`
	ImageSource string      `json:"imageSource,omitempty"`
}

func (s *ImageSummary) kind() kind {
	if s == nil {
		return kindNone
	}
	return kindImageSummary
}
func (s *ImageSummary) text(f field) string {
	return imageText(f, s.Name, s.Type, s.Version, s.Platform, s.OsVersion)
}
func (s *ImageSummary) list(field) []string { return nil }
func (s *ImageSummary) key() itemKey {
	return itemKey{name: s.Name, version: s.Version, arn: s.Arn, dateCreated: s.DateCreated}
}
func (s *ImageSummary) setArn(a string) { s.Arn = a }

// ImagePipeline is an item of ListImagePipelines (imagePipelineList).
type ImagePipeline struct {
	Arn                            string `json:"arn,omitempty"`
	Name                           string `json:"name,omitempty"`
	Description                    string `json:"description,omitempty"`
	Platform                       string `json:"platform,omitempty"`
	ImageRecipeArn                 string `json:"imageRecipeArn,omitempty"`
	ContainerRecipeArn             string `json:"containerRecipeArn,omitempty"`
	InfrastructureConfigurationArn string `json:"infrastructureConfigurationArn,omitempty"`
	DistributionConfigurationArn   string `json:"distributionConfigurationArn,omitempty"`
	// Status is ENABLED or DISABLED.
	Status      string `json:"status,omitempty"`
	DateCreated string `json:"dateCreated,omitempty"`
}

func (p *ImagePipeline) kind() kind {
	if p == nil {
		return kindNone
	}
	return kindImagePipeline
}
func (p *ImagePipeline) text(f field) string {
	switch f {
	case fieldName:
		return p.Name
	case fieldDescription:
		return p.Description
	case fieldImageRecipeArn:
		return p.ImageRecipeArn
	case fieldInfrastructureConfigurationArn:
		return p.InfrastructureConfigurationArn
	case fieldDistributionConfigurationArn:
		return p.DistributionConfigurationArn
	case fieldStatus:
		return p.Status
	}
	return ""
}
func (p *ImagePipeline) list(field) []string { return nil }
func (p *ImagePipeline) key() itemKey {
	return itemKey{name: p.Name, arn: p.Arn, dateCreated: p.DateCreated}
}
func (p *ImagePipeline) setArn(a string) { p.Arn = a }

// ImageRecipeSummary is an item of ListImageRecipes
// (imageRecipeSummaryList), one per recipe version.
type ImageRecipeSummary struct {
	Arn      string `json:"arn,omitempty"`
	Name     string `json:"name,omitempty"`
	Platform string `json:"platform,omitempty"`
	Owner    string `json:"owner,omitempty"`
	// ParentImage is an image ARN or an AMI ID.
	ParentImage string `json:"parentImage,omitempty"`
	DateCreated string `json:"dateCreated,omitempty"`
	// Ownership: see ComponentVersion.Ownership.
	Ownership Ownership `json:"-"`
}

func (r *ImageRecipeSummary) kind() kind {
	if r == nil {
		return kindNone
	}
	return kindImageRecipeSummary
}
func (r *ImageRecipeSummary) text(f field) string {
	switch f {
	case fieldName:
		return r.Name
	case fieldPlatform:
		return r.Platform
	case fieldParentImage:
		return r.ParentImage
	}
	return ""
}
func (r *ImageRecipeSummary) list(field) []string { return nil }
func (r *ImageRecipeSummary) key() itemKey {
	return itemKey{name: r.Name, version: arnVersion(r.Arn), arn: r.Arn, dateCreated: r.DateCreated, ownership: r.Ownership}
}
func (r *ImageRecipeSummary) setArn(a string) { r.Arn = a }

// ContainerRecipeSummary is an item of ListContainerRecipes
// (containerRecipeSummaryList).
type ContainerRecipeSummary struct {
	Arn string `json:"arn,omitempty"`
	// ContainerType is DOCKER.
	ContainerType string `json:"containerType,omitempty"`
	Name          string `json:"name,omitempty"`
	Platform      string `json:"platform,omitempty"`
	Owner         string `json:"owner,omitempty"`
	ParentImage   string `json:"parentImage,omitempty"`
	DateCreated   string `json:"dateCreated,omitempty"`
	// Ownership: see ComponentVersion.Ownership.
	Ownership Ownership `json:"-"`
}

func (r *ContainerRecipeSummary) kind() kind {
	if r == nil {
		return kindNone
	}
	return kindContainerRecipeSummary
}
func (r *ContainerRecipeSummary) text(f field) string {
	switch f {
	case fieldName:
		return r.Name
	case fieldPlatform:
		return r.Platform
	case fieldParentImage:
		return r.ParentImage
	case fieldContainerType:
		return r.ContainerType
	}
	return ""
}
func (r *ContainerRecipeSummary) list(field) []string { return nil }
func (r *ContainerRecipeSummary) key() itemKey {
	return itemKey{name: r.Name, version: arnVersion(r.Arn), arn: r.Arn, dateCreated: r.DateCreated, ownership: r.Ownership}
}
func (r *ContainerRecipeSummary) setArn(a string) { r.Arn = a }

// DistributionConfigurationSummary is an item of
// ListDistributionConfigurations (distributionConfigurationSummaryList).
type DistributionConfigurationSummary struct {
	Arn         string   `json:"arn,omitempty"`
	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	DateCreated string   `json:"dateCreated,omitempty"`
	DateUpdated string   `json:"dateUpdated,omitempty"`
	Regions     []string `json:"regions,omitempty"`
}

func (d *DistributionConfigurationSummary) kind() kind {
	if d == nil {
		return kindNone
	}
	return kindDistributionConfigurationSummary
}
func (d *DistributionConfigurationSummary) text(f field) string {
	if f == fieldName {
		return d.Name
	}
	return ""
}
func (d *DistributionConfigurationSummary) list(field) []string { return nil }
func (d *DistributionConfigurationSummary) key() itemKey {
	return itemKey{name: d.Name, arn: d.Arn, dateCreated: d.DateCreated}
}
func (d *DistributionConfigurationSummary) setArn(a string) { d.Arn = a }

// InfrastructureConfigurationSummary is an item of
// ListInfrastructureConfigurations (infrastructureConfigurationSummaryList).
type InfrastructureConfigurationSummary struct {
	Arn                 string   `json:"arn,omitempty"`
	Name                string   `json:"name,omitempty"`
	Description         string   `json:"description,omitempty"`
	DateCreated         string   `json:"dateCreated,omitempty"`
	DateUpdated         string   `json:"dateUpdated,omitempty"`
	InstanceTypes       []string `json:"instanceTypes,omitempty"`
	InstanceProfileName string   `json:"instanceProfileName,omitempty"`
}

func (d *InfrastructureConfigurationSummary) kind() kind {
	if d == nil {
		return kindNone
	}
	return kindInfrastructureConfigurationSummary
}
func (d *InfrastructureConfigurationSummary) text(f field) string {
	if f == fieldName {
		return d.Name
	}
	return ""
}
func (d *InfrastructureConfigurationSummary) list(field) []string { return nil }
func (d *InfrastructureConfigurationSummary) key() itemKey {
	return itemKey{name: d.Name, arn: d.Arn, dateCreated: d.DateCreated}
}
func (d *InfrastructureConfigurationSummary) setArn(a string) { d.Arn = a }

// LifecyclePolicySummary is an item of ListLifecyclePolicies
// (lifecyclePolicySummaryList).
type LifecyclePolicySummary struct {
	Arn         string `json:"arn,omitempty"`
	Name        string `json:"name,omitempty"`
	Description string `json:"description,omitempty"`
	// Status is ENABLED or DISABLED.
	Status string `json:"status,omitempty"`
	// ResourceType is AMI_IMAGE or CONTAINER_IMAGE.
	ResourceType string `json:"resourceType,omitempty"`
}

func (p *LifecyclePolicySummary) kind() kind {
	if p == nil {
		return kindNone
	}
	return kindLifecyclePolicySummary
}
func (p *LifecyclePolicySummary) text(f field) string {
	switch f {
	case fieldName:
		return p.Name
	case fieldStatus:
		return p.Status
	}
	return ""
}
func (p *LifecyclePolicySummary) list(field) []string { return nil }
func (p *LifecyclePolicySummary) key() itemKey        { return itemKey{name: p.Name, arn: p.Arn} }
func (p *LifecyclePolicySummary) setArn(a string)     { p.Arn = a }

// WorkflowVersion is an item of ListWorkflows (workflowVersionList).
type WorkflowVersion struct {
	Arn         string `json:"arn,omitempty"`
	Name        string `json:"name,omitempty"`
	Version     string `json:"version,omitempty"`
	Description string `json:"description,omitempty"`
	// Type is BUILD, TEST or DISTRIBUTION.
	Type        string `json:"type,omitempty"`
	Owner       string `json:"owner,omitempty"`
	DateCreated string `json:"dateCreated,omitempty"`
	// Ownership: see ComponentVersion.Ownership.
	Ownership Ownership `json:"-"`
}

func (w *WorkflowVersion) kind() kind {
	if w == nil {
		return kindNone
	}
	return kindWorkflowVersion
}
func (w *WorkflowVersion) text(f field) string {
	switch f {
	case fieldName:
		return w.Name
	case fieldVersion:
		return w.Version
	case fieldType:
		return w.Type
	}
	return ""
}
func (w *WorkflowVersion) list(field) []string { return nil }
func (w *WorkflowVersion) key() itemKey {
	return itemKey{w.Name, w.Version, w.Arn, w.DateCreated, w.Ownership}
}
func (w *WorkflowVersion) setArn(a string) { w.Arn = a }

// ImageScanFinding is an item of ListImageScanFindings (findings).
type ImageScanFinding struct {
	AwsAccountID                string                       `json:"awsAccountId,omitempty"`
	ImageBuildVersionArn        string                       `json:"imageBuildVersionArn,omitempty"`
	ImagePipelineArn            string                       `json:"imagePipelineArn,omitempty"`
	Type                        string                       `json:"type,omitempty"`
	Title                       string                       `json:"title,omitempty"`
	Severity                    string                       `json:"severity,omitempty"`
	PackageVulnerabilityDetails *PackageVulnerabilityDetails `json:"packageVulnerabilityDetails,omitempty"`
}

// PackageVulnerabilityDetails holds the vulnerability a finding is about.
type PackageVulnerabilityDetails struct {
	VulnerabilityID string `json:"vulnerabilityId,omitempty"`
}

func (s *ImageScanFinding) kind() kind {
	if s == nil {
		return kindNone
	}
	return kindImageScanFinding
}
func (s *ImageScanFinding) text(f field) string {
	switch f {
	case fieldImageBuildVersionArn:
		return s.ImageBuildVersionArn
	case fieldImagePipelineArn:
		return s.ImagePipelineArn
	case fieldSeverity:
		return s.Severity
	case fieldVulnerabilityID:
		if s.PackageVulnerabilityDetails != nil {
			return s.PackageVulnerabilityDetails.VulnerabilityID
		}
	}
	return ""
}
func (s *ImageScanFinding) list(field) []string { return nil }

// key orders findings by image build, then vulnerability.
func (s *ImageScanFinding) key() itemKey {
	return itemKey{name: s.ImageBuildVersionArn, arn: s.text(fieldVulnerabilityID)}
}
func (s *ImageScanFinding) setArn(string) {}

// ImageScanFindingAggregation is an item of
// ListImageScanFindingAggregations (responses). Exactly one member is
// set, depending on the aggregation type; ibkit does not look inside.
type ImageScanFindingAggregation struct {
	AccountAggregation         json.RawMessage `json:"accountAggregation,omitempty"`
	ImageAggregation           json.RawMessage `json:"imageAggregation,omitempty"`
	ImagePipelineAggregation   json.RawMessage `json:"imagePipelineAggregation,omitempty"`
	VulnerabilityIDAggregation json.RawMessage `json:"vulnerabilityIdAggregation,omitempty"`
}

func (a *ImageScanFindingAggregation) kind() kind {
	if a == nil {
		return kindNone
	}
	return kindImageScanFindingAggregation
}
func (a *ImageScanFindingAggregation) text(field) string   { return "" }
func (a *ImageScanFindingAggregation) list(field) []string { return nil }
func (a *ImageScanFindingAggregation) key() itemKey        { return itemKey{} }
func (a *ImageScanFindingAggregation) setArn(string)       {}

// newItem returns a pointer to a zero item of kind k.
func newItem(k kind) Item {
	switch k {
	case kindComponentVersion:
		return new(ComponentVersion)
	case kindImageVersion:
		return new(ImageVersion)
	case kindImageSummary:
		return new(ImageSummary)
	case kindImagePipeline:
		return new(ImagePipeline)
	case kindImageRecipeSummary:
		return new(ImageRecipeSummary)
	case kindContainerRecipeSummary:
		return new(ContainerRecipeSummary)
	case kindDistributionConfigurationSummary:
		return new(DistributionConfigurationSummary)
	case kindInfrastructureConfigurationSummary:
		return new(InfrastructureConfigurationSummary)
	case kindLifecyclePolicySummary:
		return new(LifecyclePolicySummary)
	case kindWorkflowVersion:
		return new(WorkflowVersion)
	case kindImageScanFinding:
		return new(ImageScanFinding)
	case kindImageScanFindingAggregation:
		return new(ImageScanFindingAggregation)
	}
	return nil
}
