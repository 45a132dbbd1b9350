package arn_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ibkit/ibkit/arn"
	"github.com/ibkit/ibkit/semver"
)

func ExampleParse() {
	a, err := arn.Parse("arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/build-image/1.0.1/2")
	if err != nil {
		panic(err)
	}
	b, _ := a.BuildVersion()
	fmt.Println(a.Partition(), a.Region(), a.Account())
	fmt.Println(a.Type(), a.Stage(), a.Name())
	fmt.Println(a.VersionKind(), b.Version(), b.Build())
	fmt.Println(a)

	_, err = arn.Parse("arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep/1.0.0")
	fmt.Println(err)
	fmt.Println(errors.Is(err, arn.ErrInvalid))
	// Output:
	// aws us-east-1 123456789012
	// workflow build build-image
	// build 1.0.1 2
	// arn:aws:imagebuilder:us-east-1:123456789012:workflow/build/build-image/1.0.1/2
	// arn: parsing "arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep/1.0.0": version "1.0.0": expected no version: a lifecycle-policy ARN takes no version
	// true
}

func ExampleValidate() {
	const recipe = "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.x"
	fmt.Println(arn.Validate("ImageRecipeArn", recipe))
	fmt.Println(arn.Validate("ImageVersionArn", recipe))
	fmt.Println(arn.Validate("WildcardVersionNumber", "1.x.3"))
	fmt.Println(arn.Validate("AccountId", "123456789012"))
	// Output:
	// <nil>
	// arn: invalid ImageVersionArn "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.x": resource type "image-recipe": expected "image"
	// arn: invalid WildcardVersionNumber "1.x.3": version "1.x.3": expected x only in trailing nodes (such as 1.2.x, 1.x.x or x.x.x)
	// <nil>
}

func ExampleOptions_Check() {
	const s = "arn:aws:imagebuilder:us-east-1:third-party:component/cis-level-1/2021.01.x"

	ds, err := arn.Options{}.Check("ComponentVersionArnOrBuildVersionArn", s)
	fmt.Println(ds, err)

	strict := arn.Options{Readings: []arn.Decision{arn.ModelOwnersOnly}}
	ds, err = strict.Check("ComponentVersionArnOrBuildVersionArn", s)
	var e *arn.Error
	if errors.As(err, &e) {
		fmt.Println(ds, e.Rule, e.Found)
	}
	// Output:
	// [AS-2 AS-6] <nil>
	// [AS-2] third-party owner third-party
}

func ExampleOptions_Parse() {
	// Lint an ARN: the partition must be known, the region must fit it,
	// and the build must not be 0.
	lint := arn.Options{Readings: []arn.Decision{arn.StrictRegions, arn.NonZeroBuilds}}
	const s = "arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0/1"
	a := arn.MustParse(s)
	fmt.Println(a.Decisions())
	_, err := lint.Parse(s)
	fmt.Println(err)
	fmt.Println(arn.RegionInPartition("aws-eusc", "eusc-de-east-1"))
	// Output:
	// [AS-5]
	// arn: parsing "arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0/1": region "us-east-1": expected a region of partition aws-cn (reading AS-5)
	// true
}

func ExampleARN_WildcardARN() {
	// The four references the service reports as LatestVersionReferences.
	a := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.12.17/1")
	for keep := 0; keep <= 3; keep++ {
		ref, err := a.WildcardARN(keep)
		if err != nil {
			panic(err)
		}
		fmt.Println(ref)
	}
	// Output:
	// arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x
	// arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.x.x
	// arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.12.x
	// arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.12.17
}

func ExampleARN_VersionARN() {
	a := arn.MustParse("arn:aws:imagebuilder:us-east-1:123456789012:component/my-component/1.2.3/4")
	v, _ := a.VersionARN()
	fmt.Println(v)
	fmt.Println(a.WithVersion(""))
	// Output:
	// arn:aws:imagebuilder:us-east-1:123456789012:component/my-component/1.2.3
	// arn:aws:imagebuilder:us-east-1:123456789012:component/my-component <nil>
}

func ExampleNew() {
	name, err := arn.Name("My Component")
	if err != nil {
		panic(err)
	}
	c, err := arn.New("aws", "eu-west-1", "123456789012", arn.Component, name)
	if err != nil {
		panic(err)
	}
	fmt.Println(c)
	fmt.Println(c.WithVersion(semver.MustParse("1.0.0").String()))
	fmt.Println(c.WithVersion("1.0.0/3"))
	fmt.Println(c.WithVersion("1.x.x"))

	w, _ := arn.NewWorkflow("aws", "eu-west-1", "aws", "test", "test-image")
	fmt.Println(w.WildcardARN(0))
	// Output:
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.0.0 <nil>
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.0.0/3 <nil>
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.x.x <nil>
	// arn:aws:imagebuilder:eu-west-1:aws:workflow/test/test-image/x.x.x <nil>
}

func ExampleName() {
	fmt.Println(arn.Name("Ubuntu Pro Component"))
	fmt.Println(arn.Name("my_recipe"))
	fmt.Println(arn.Options{Readings: []arn.Decision{arn.UnderscoreToHyphen}}.Name("my_recipe"))
	// Output:
	// ubuntu-pro-component <nil>
	// my_recipe <nil>
	// my-recipe [AS-9] <nil>
}

func ExampleARN_Owner() {
	for _, s := range []string{
		"arn:aws:imagebuilder:us-east-1:123456789012:image/i/1.0.0/1",
		"arn:aws:imagebuilder:us-east-1:aws:image/i/1.0.0/1",
		"arn:aws:imagebuilder:us-east-1:aws-marketplace:component/c-prod-abc/0.1.0/1",
		"arn:aws:imagebuilder:us-east-1:third-party:component/cis/x.x.x",
	} {
		fmt.Println(arn.MustParse(s).Owner())
	}
	// Output:
	// account
	// aws
	// aws-marketplace
	// third-party
}

func ExampleError() {
	err := arn.Validate("ImageBuildVersionArn", "arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0")
	var e *arn.Error
	if errors.As(err, &e) {
		fmt.Println(e.Part, e.Rule, e.Found)
		fmt.Println(e.Reason)
	}
	fmt.Println(errors.Is(err, arn.ErrInvalid))
	// Output:
	// version pattern 1.0.0
	// expected a build version major.minor.patch/build, such as 1.2.3/4
	// true
}

func ExampleARN_MarshalText() {
	var doc struct {
		Parent arn.ARN `json:"parentImage"`
	}
	in := `{"parentImage":"arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/x.x.x"}`
	if err := json.Unmarshal([]byte(in), &doc); err != nil {
		panic(err)
	}
	fmt.Println(doc.Parent.Type(), doc.Parent.Name(), doc.Parent.VersionKind())
	out, _ := json.Marshal(doc)
	fmt.Println(string(out) == in)
	// Output:
	// image amazon-linux-2023-x86 wildcard
	// true
}
