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
	fmt.Println(a.Partition, a.Region, a.Account)
	fmt.Println(a.Type, a.Stage, a.Name)
	fmt.Println(a.VersionKind(), b.Version(), b.Build())
	fmt.Println(a)

	_, err = arn.Parse("arn:aws:imagebuilder:us-east-1:123456789012:lifecycle-policy/keep/1.0.0")
	fmt.Println(err)
	fmt.Println(errors.Is(err, arn.ErrVersionForm))
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
	fmt.Println(arn.Validate(arn.ImageRecipeArn, recipe))
	fmt.Println(arn.Validate(arn.ImageVersionArn, recipe))
	fmt.Println(arn.Validate(arn.WildcardVersionNumber, "1.x.3"))
	fmt.Println(arn.Validate(arn.AccountId, "123456789012"))
	// Output:
	// <nil>
	// arn: invalid ImageVersionArn "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/my-recipe/1.0.x": resource type "image-recipe": expected "image"
	// arn: invalid WildcardVersionNumber "1.x.3": version "1.x.3": expected x only in trailing nodes (such as 1.2.x, 1.x.x or x.x.x)
	// <nil>
}

func ExampleOptions_Check() {
	const s = "arn:aws:imagebuilder:us-east-1:third-party:component/cis-level-1/2021.01.x"

	r := arn.Options{}.Check(arn.ComponentVersionArnOrBuildVersionArn, s)
	fmt.Println(r.Valid(), r.Decisions)

	r = arn.Options{ModelOwnersOnly: true}.Check(arn.ComponentVersionArnOrBuildVersionArn, s)
	fmt.Println(r.Valid(), r.Rule, r.Decisions)
	// Output:
	// true AS-2,AS-6
	// false third-party owner AS-2
}

func ExampleARN_LatestVersionReferences() {
	a := arn.MustParse("arn:aws:imagebuilder:us-east-1:aws:image/amazon-linux-2023-x86/2024.12.17/1")
	refs, err := a.LatestVersionReferences()
	if err != nil {
		panic(err)
	}
	fmt.Println(refs.LatestVersion)
	fmt.Println(refs.LatestMajorVersion)
	fmt.Println(refs.LatestMinorVersion)
	fmt.Println(refs.LatestPatchVersion)
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
	fmt.Println(a.WithoutVersion())
	// Output:
	// arn:aws:imagebuilder:us-east-1:123456789012:component/my-component/1.2.3
	// arn:aws:imagebuilder:us-east-1:123456789012:component/my-component
}

func ExampleNew() {
	name, err := arn.ARNName("My Component")
	if err != nil {
		panic(err)
	}
	c, err := arn.New("aws", "eu-west-1", "123456789012", arn.Component, name)
	if err != nil {
		panic(err)
	}
	fmt.Println(c)
	fmt.Println(c.WithVersion(semver.MustParse("1.0.0")))
	fmt.Println(c.WithBuild(semver.MustParseBuild("1.0.0/3")))
	fmt.Println(c.WithFilter(semver.MustParseFilter("1.x.x")))

	w, _ := arn.NewWorkflow("aws", "eu-west-1", arn.AWSManaged, arn.StageTest, "test-image")
	fmt.Println(w.WildcardARN(0))
	// Output:
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.0.0 <nil>
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.0.0/3 <nil>
	// arn:aws:imagebuilder:eu-west-1:123456789012:component/my-component/1.x.x <nil>
	// arn:aws:imagebuilder:eu-west-1:aws:workflow/test/test-image/x.x.x <nil>
}

func ExampleARNName() {
	fmt.Println(arn.ARNName("Ubuntu Pro Component"))
	fmt.Println(arn.ARNName("my_recipe"))
	fmt.Println(arn.Options{UnderscoreToHyphen: true}.ARNName("my_recipe"))
	// Output:
	// ubuntu-pro-component <nil>
	// my_recipe <nil>
	// my-recipe AS-9 <nil>
}

func ExampleARN_Lint() {
	a := arn.MustParse("arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0/1")
	fmt.Println(a.Decisions())
	fmt.Println(a.Lint())
	fmt.Println(arn.RegionInPartition("aws-eusc", "eusc-de-east-1"))
	// Output:
	// AS-5
	// arn: parsing "arn:aws-cn:imagebuilder:us-east-1:aws:image/i/1.0.0/1": region "us-east-1": expected a region of partition aws-cn (strict lint)
	// true
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

func ExampleParseError() {
	err := arn.Validate(arn.ImageBuildVersionArn, "arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0")
	var pe *arn.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Field, pe.Rule, pe.Found)
		fmt.Println(pe.Reason)
	}
	fmt.Println(errors.Is(err, arn.ErrVersionForm))
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
	fmt.Println(doc.Parent.Type, doc.Parent.Name, doc.Parent.VersionKind())
	out, _ := json.Marshal(doc)
	fmt.Println(string(out) == in)
	// Output:
	// image amazon-linux-2023-x86 wildcard
	// true
}
