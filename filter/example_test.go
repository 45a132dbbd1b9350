package filter_test

import (
	"errors"
	"fmt"

	"github.com/ibkit/ibkit/filter"
)

func ExampleValidate() {
	err := filter.Validate("ListDistributionConfigurations", []filter.Filter{
		{Name: "platform", Values: []string{"Linux"}},
	})
	fmt.Println(errors.Is(err, filter.ErrUnknownName))
	fmt.Println(err)
	// Output:
	// true
	// filter: ListDistributionConfigurations: filter 0 ("platform"): filter name not accepted by the operation; accepted names: name [F-2]
}

func ExampleCompile() {
	m, err := filter.Compile("ListImages", []filter.Filter{
		{Name: "platform", Values: []string{"Linux", "Windows"}},
		{Name: "version", Values: []string{"1.0.0"}},
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(m.Match(&filter.ImageVersion{Name: "web", Platform: "Linux", Version: "1.0.0"}))
	fmt.Println(m.Match(&filter.ImageVersion{Name: "web", Platform: "linux", Version: "1.0.0"}))
	fmt.Println(m.Match(&filter.ImageVersion{Name: "web", Platform: "Windows", Version: "1.0.1"}))
	// Output:
	// true
	// false
	// false
}

func ExampleApply() {
	m, err := filter.Options{}.Compile(filter.Query{
		Operation: "ListComponents",
		Filters:   []filter.Filter{{Name: "supportedOsVersion", Values: []string{"Amazon Linux 2023"}}},
		Scope:     &filter.Scope{ByName: true, Owner: filter.OwnerSelf, Account: "111122223333"},
	})
	if err != nil {
		panic(err)
	}
	arn := "arn:aws:imagebuilder:us-east-1:111122223333:component/"
	res, err := filter.Apply(m, []filter.ComponentVersion{
		{Name: "tools", Version: "1.2.0", Arn: arn + "tools/1.2.0", SupportedOsVersions: []string{"Amazon Linux 2023"}},
		{Name: "tools", Version: "1.10.0", Arn: arn + "tools/1.10.0", SupportedOsVersions: []string{"Amazon Linux 2023"}},
		{Name: "agent", Version: "2.0.0", Arn: arn + "agent/2.0.0", SupportedOsVersions: []string{"Amazon Linux 2023", "Ubuntu 22"}},
		{Name: "legacy", Version: "1.0.0", Arn: arn + "legacy/1.0.0", SupportedOsVersions: []string{"Amazon Linux 2"}},
		{Name: "shared", Version: "1.0.0", Arn: "arn:aws:imagebuilder:us-east-1:444455556666:component/shared/1.0.0",
			SupportedOsVersions: []string{"Amazon Linux 2023"}},
	})
	if err != nil {
		panic(err)
	}
	for _, c := range res.Items {
		fmt.Println(c.Name, c.Version)
	}
	fmt.Println(res.Indices, res.Decisions)
	// Output:
	// agent 2.0.0
	// tools 1.10.0
	// [2 1] [F-P1 F-P5]
}

func ExampleFilterResponse() {
	response := `{
    "requestId": "a1b2",
    "imageVersionList": [
        {
            "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0",
            "name": "web",
            "type": "AMI",
            "version": "1.0.0",
            "platform": "Linux",
            "buildType": "USER_INITIATED",
            "futureMember": {"kept": true}
        },
        {
            "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/win/1.0.0",
            "name": "win",
            "type": "AMI",
            "version": "1.0.0",
            "platform": "Windows"
        }
    ],
    "nextToken": "t0k3n"
}`
	out, decisions, err := filter.FilterResponse("ListImages", "name=platform,values=Linux", []byte(response))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	fmt.Println(decisions)
	// Output:
	// {
	//     "requestId": "a1b2",
	//     "imageVersionList": [
	//         {
	//             "arn": "arn:aws:imagebuilder:us-east-1:111122223333:image/web/1.0.0",
	//             "name": "web",
	//             "type": "AMI",
	//             "version": "1.0.0",
	//             "platform": "Linux",
	//             "buildType": "USER_INITIATED",
	//             "futureMember": {"kept": true}
	//         }
	//     ],
	//     "nextToken": "t0k3n"
	// }
	// []
}

func ExampleParseFilters() {
	for _, text := range []string{
		`name=platform,values=Linux,Windows name=type,values=AMI`,
		`name=osVersion,values="Amazon Linux 2023"`,
		`[{"name":"platform","values":["Linux"]}]`,
	} {
		fs, err := filter.ParseFilters(text)
		fmt.Printf("%q %v\n", fs, err)
	}
	// Output:
	// [{"platform" ["Linux" "Windows"]} {"type" ["AMI"]}] <nil>
	// [{"osVersion" ["Amazon Linux 2023"]}] <nil>
	// [{"platform" ["Linux"]}] <nil>
}

func ExampleFormatShorthand() {
	fmt.Println(filter.FormatShorthand([]filter.Filter{
		{Name: "osVersion", Values: []string{"Amazon Linux 2023", "Ubuntu"}},
		{Name: "type", Values: []string{"AMI"}},
	}))
	// Output:
	// name=osVersion,values=["Amazon Linux 2023",Ubuntu] name=type,values=[AMI]
}

func ExampleOperations() {
	for _, op := range filter.Operations()[:3] {
		info, _ := filter.Lookup(op)
		fmt.Println(op, info.ResultKey, filter.AllowedNames(op))
	}
	// Output:
	// ListComponents componentVersionList [description name platform supportedOsVersion type version]
	// ListContainerRecipes containerRecipeSummaryList [containerType name parentImage platform]
	// ListDistributionConfigurations distributionConfigurationSummaryList [name]
}

func ExampleLookup() {
	info, _ := filter.Lookup("ListImageScanFindings")
	fmt.Println(info.ItemShape, info.MaxFilters, info.MaxValues)
	for _, n := range info.Filters {
		fmt.Printf("%s → %s %q\n", n.Name, n.Field, n.Decision)
	}
	// Output:
	// ImageScanFinding 1 1
	// imageBuildVersionArn → imageBuildVersionArn ""
	// imagePipelineArn → imagePipelineArn ""
	// severity → severity ""
	// vulnerabilityId → packageVulnerabilityDetails.vulnerabilityId "F-P6"
}

func ExampleParseShorthand() {
	// One filter per argument, as a shell passes them.
	fs, err := filter.ParseShorthand("name=type,values=[AMI,DOCKER]", `values='Ubuntu 22',name=osVersion`)
	fmt.Printf("%q %v\n", fs, err)
	_, err = filter.ParseShorthand("Name=type,values=AMI")
	fmt.Println(err)
	// Output:
	// [{"type" ["AMI" "DOCKER"]} {"osVersion" ["Ubuntu 22"]}] <nil>
	// filter: syntax error at offset 0 in "Name=type,values=AMI": unknown key "Name"; want "name" or "values" (case-sensitive)
}

func ExampleOptions_Validate() {
	q := filter.Query{
		Operation: "ListImages",
		Filters:   []filter.Filter{{Name: "osVersion", Values: []string{"Windows Server 2022, English"}}},
	}
	fmt.Println(filter.Options{}.Validate(q))
	fmt.Println(filter.Options{Model: filter.Model2024}.Validate(q))
	// Output:
	// <nil>
	// filter: ListImages: filter 0 ("osVersion"): filter value contains a character the model does not allow: "Windows Server 2022, English"; accepted names: name, osVersion, platform, type, version [F-8]
}

func ExampleMatcher_FilterJSON() {
	m, err := filter.Options{}.Compile(filter.Query{
		Operation: "ListImageBuildVersions",
		Filters:   []filter.Filter{{Name: "version", Values: []string{"1.0.4", "2.0.0/1"}}},
	})
	if err != nil {
		panic(err)
	}
	out, decisions, err := m.FilterJSON([]byte(`{"imageSummaryList":[{"name":"web","version":"1.0.4/2"},{"name":"web","version":"2.0.0/1"},{"name":"web","version":"1.0.4/1"}]}`))
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	fmt.Println(decisions)
	// Output:
	// {"imageSummaryList":[{"name":"web","version":"1.0.4/2"},{"name":"web","version":"1.0.4/1"}]}
	// [F-3]
}
