package filter_test

import (
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/ibkit/ibkit/filter"
)

func ExampleValidate() {
	err := filter.Validate(filter.Query{
		Operation: "ListDistributionConfigurations",
		Filters:   []filter.Filter{{Name: "platform", Values: []string{"Linux"}}},
	})
	fmt.Println(errors.Is(err, filter.ErrUnknown))
	fmt.Println(err)
	// Output:
	// true
	// filter: ListDistributionConfigurations: filter 0 ("platform"): filter name not accepted by the operation; accepted names: name [F-2]
}

func ExampleCompile() {
	m, err := filter.Compile(filter.Query{
		Operation: "ListImages",
		Filters: []filter.Filter{
			{Name: "platform", Values: []string{"Linux", "Windows"}},
			{Name: "version", Values: []string{"1.0.0"}},
		},
	})
	if err != nil {
		panic(err)
	}
	// An item is read through an accessor by AWS's JSON member names; a
	// map serves here, a method of the caller's own type elsewhere.
	for _, it := range []map[string]string{
		{"name": "web", "platform": "Linux", "version": "1.0.0"},
		{"name": "web", "platform": "linux", "version": "1.0.0"},
		{"name": "web", "platform": "Windows", "version": "1.0.1"},
	} {
		fmt.Println(m.Match(func(path string) (string, bool) { v, ok := it[path]; return v, ok }))
	}
	// Output:
	// true
	// false
	// false
}

func ExampleMatcher_Apply() {
	m, err := filter.Compile(filter.Query{
		Operation: "ListComponents",
		Filters:   []filter.Filter{{Name: "supportedOsVersion", Values: []string{"Amazon Linux 2023"}}},
		Scope:     &filter.Scope{ByName: true, Owner: "Self", Account: "111122223333"},
	})
	if err != nil {
		panic(err)
	}
	type component struct {
		name, version, arn string
		oses               []string
	}
	arn := "arn:aws:imagebuilder:us-east-1:111122223333:component/"
	items := []component{
		{"tools", "1.2.0", arn + "tools/1.2.0", []string{"Amazon Linux 2023"}},
		{"tools", "1.10.0", arn + "tools/1.10.0", []string{"Amazon Linux 2023"}},
		{"agent", "2.0.0", arn + "agent/2.0.0", []string{"Amazon Linux 2023", "Ubuntu 22"}},
		{"legacy", "1.0.0", arn + "legacy/1.0.0", []string{"Amazon Linux 2"}},
		{"shared", "1.0.0", "arn:aws:imagebuilder:us-east-1:444455556666:component/shared/1.0.0", []string{"Amazon Linux 2023"}},
	}
	member := func(i int, path string) (string, bool) {
		c := items[i]
		switch path {
		case "name":
			return c.name, true
		case "version":
			return c.version, true
		case "arn":
			return c.arn, true
		}
		for j, os := range c.oses {
			if path == fmt.Sprintf("supportedOsVersions[%d]", j) {
				return os, true
			}
		}
		return "", false
	}
	res, err := m.Apply(len(items), member, time.Time{})
	if err != nil {
		panic(err)
	}
	for _, i := range res.Indices {
		fmt.Println(items[i].name, items[i].version)
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
		fmt.Println(op, info.ResultKey, slices.Sorted(maps.Keys(info.Filters)))
	}
	// Output:
	// ListComponents componentVersionList [description name platform supportedOsVersion type version]
	// ListContainerRecipes containerRecipeSummaryList [containerType name parentImage platform]
	// ListDistributionConfigurations distributionConfigurationSummaryList [name]
}

func ExampleLookup() {
	info, _ := filter.Lookup("ListImageScanFindings")
	fmt.Println(info.ItemShape)
	for _, name := range slices.Sorted(maps.Keys(info.Filters)) {
		fmt.Printf("%s → %s\n", name, info.Filters[name])
	}
	// Output:
	// ImageScanFinding
	// imageBuildVersionArn → imageBuildVersionArn
	// imagePipelineArn → imagePipelineArn
	// severity → severity
	// vulnerabilityId → packageVulnerabilityDetails.vulnerabilityId
}

func ExampleParseFilters_shorthand() {
	// One filter per shell word, or several separated by white space.
	fs, err := filter.ParseFilters(`name=type,values=[AMI,DOCKER] values='Ubuntu 22',name=osVersion`)
	fmt.Printf("%q %v\n", fs, err)
	_, err = filter.ParseFilters("Name=type,values=AMI")
	fmt.Println(err)
	// Output:
	// [{"type" ["AMI" "DOCKER"]} {"osVersion" ["Ubuntu 22"]}] <nil>
	// filter: syntax error at offset 0 in "Name=type,values=AMI": unknown key "Name"; want "name" or "values" (case-sensitive)
}

func ExampleValidate_readings() {
	q := filter.Query{
		Operation: "ListImages",
		Filters:   []filter.Filter{{Name: "osVersion", Values: []string{"Windows Server 2022, English"}}},
	}
	fmt.Println(filter.Validate(q))
	q.Readings = []filter.Decision{filter.Model2024}
	fmt.Println(filter.Validate(q))
	// Output:
	// <nil>
	// filter: ListImages: filter 0 ("osVersion"): filter value contains a character the model does not allow: "Windows Server 2022, English"; a value holds digits, letters and . / _ space : - (the 2024 model) [F-8]
}

func ExampleMatcher_FilterJSON() {
	m, err := filter.Compile(filter.Query{
		Operation: "ListImageBuildVersions",
		Filters:   []filter.Filter{{Name: "version", Values: []string{"1.0.4", "2.0.0/1"}}},
	})
	if err != nil {
		panic(err)
	}
	// A response as the AWS CLI writes it; os.Open gives a file to stream.
	response := strings.NewReader(`{"imageSummaryList":[{"name":"web","version":"1.0.4/2"},{"name":"web","version":"2.0.0/1"},{"name":"web","version":"1.0.4/1"}]}`)
	decisions, err := m.FilterJSON(os.Stdout, response, time.Time{})
	if err != nil {
		panic(err)
	}
	fmt.Println()
	fmt.Println(decisions)
	// Output:
	// {"imageSummaryList":[{"name":"web","version":"1.0.4/2"},{"name":"web","version":"1.0.4/1"}]}
	// [F-3]
}
