package inventory

import (
	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/internal/index"
)

// Image is one Image Builder image build version as the service returns it:
// the union of the members of GetImage's Image and of the ImageSummary items
// of ListImageBuildVersions and ListImagePipelineImages that a lifecycle
// dry-run reads. Other members of those responses are ignored when decoding.
//
// Version is "x.y.z" or "x.y.z/n"; the build number can also come from the
// ARN. DateCompleted is not an AWS member: it is ibkit's optional record of
// when the build finished, read only under the engine option for Decision
// L-16.
type Image struct {
	ARN             string              `json:"arn,omitempty"`
	Type            lifecycle.ImageType `json:"type,omitempty"`
	Name            string              `json:"name,omitempty"`
	Version         string              `json:"version,omitempty"`
	State           *ImageState         `json:"state,omitempty"`
	DateCreated     lifecycle.Timestamp `json:"dateCreated,omitempty"`
	DateCompleted   lifecycle.Timestamp `json:"dateCompleted,omitempty"`
	OutputResources *OutputResources    `json:"outputResources,omitempty"`
	Tags            lifecycle.Tags      `json:"tags,omitempty"`
	BuildType       string              `json:"buildType,omitempty"`
	ImageSource     string              `json:"imageSource,omitempty"`
	DeprecationTime lifecycle.Timestamp `json:"deprecationTime,omitempty"`
}

// Status returns the image's state.status, or "" when the state is absent.
func (img *Image) Status() lifecycle.ImageStatus {
	if img.State == nil {
		return ""
	}
	return img.State.Status
}

// amis returns the image's distributed AMIs (outputResources.amis), in
// document order.
func (img *Image) amis() []OutputAMI {
	if img.OutputResources == nil {
		return nil
	}
	return img.OutputResources.AMIs
}

// containers returns the image's distributed container images
// (outputResources.containers), in document order.
func (img *Image) containers() []OutputContainer {
	if img.OutputResources == nil {
		return nil
	}
	return img.OutputResources.Containers
}

// indexContainers returns containers() in the index's form; nil when the
// image distributed none.
func (img *Image) indexContainers() []index.Container {
	cs := img.containers()
	if len(cs) == 0 {
		return nil
	}
	out := make([]index.Container, len(cs))
	for i, c := range cs {
		out[i] = index.Container{Region: c.Region, ImageURIs: c.ImageURIs}
	}
	return out
}

// ImageState is the state of an image; the reason the service gives is
// not read.
type ImageState struct {
	Status lifecycle.ImageStatus `json:"status,omitempty"`
}

// OutputResources lists what an image build distributed.
type OutputResources struct {
	AMIs       []OutputAMI       `json:"amis,omitempty"`
	Containers []OutputContainer `json:"containers,omitempty"`
}

// OutputAMI is one distributed AMI of an image (the service's Ami shape):
// the AMI ID in Image, with its Region and owning account.
type OutputAMI struct {
	Region    string `json:"region,omitempty"`
	Image     string `json:"image,omitempty"`
	AccountID string `json:"accountId,omitempty"`
}

// OutputContainer is the set of container images an image distributed to
// one Region (the service's Container shape).
type OutputContainer struct {
	Region    string   `json:"region,omitempty"`
	ImageURIs []string `json:"imageUris,omitempty"`
}

// imported reports whether no recipe built the image: it was imported
// (imageSource IMPORTED, or an import build type). Such an image is selected
// by a recipe entry only under Decision L-27's default reading.
func (img *Image) imported() bool {
	return img.ImageSource == "IMPORTED" || img.BuildType == "IMPORT" || img.BuildType == "IMPORT_ISO"
}
