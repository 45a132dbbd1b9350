package semver_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/ibkit/ibkit/semver"
)

func ExampleParse() {
	v, err := semver.Parse("2021.01.05")
	if err != nil {
		panic(err)
	}
	fmt.Println(v, v.Major(), v.Minor(), v.Patch())

	_, err = semver.Parse("1.0.0-beta")
	fmt.Println(err)
	fmt.Println(errors.Is(err, semver.ErrSyntax))
	// Output:
	// 2021.1.5 2021 1 5
	// semver: invalid version "1.0.0-beta" at patch: invalid syntax: found '-', expected a digit or end of input
	// true
}

func ExampleParseBuild() {
	b, err := semver.ParseBuild("1.0.1/3")
	if err != nil {
		panic(err)
	}
	fmt.Println(b.Version(), b.Build(), b)
	// Output: 1.0.1 3 1.0.1/3
}

func ExampleParseFilter() {
	f := semver.MustParseFilter("1.2.x")
	fmt.Println(f.Match(semver.MustParse("1.2.9")), f.Match(semver.MustParse("1.3.0")))

	_, err := semver.ParseFilter("x.2.x")
	fmt.Println(err)

	loose, _ := semver.ParseOptions{RegexOnly: true}.ParseFilter("x.2.x")
	fmt.Println(loose, loose.IsStrict())
	// Output:
	// true false
	// semver: invalid version filter "x.2.x" at minor: misplaced wildcard: a number cannot follow a wildcard node; expected 'x' (only trailing nodes may be wildcards)
	// x.2.x false
}

func ExampleVersion_Compare() {
	a, b := semver.MustParse("1.10.0"), semver.MustParse("1.9.0")
	fmt.Println(a.Compare(b))
	// Output: 1
}

func ExampleBuildVersion_Compare() {
	a, b := semver.MustParseBuild("1.0.0/10"), semver.MustParseBuild("1.0.0/9")
	fmt.Println(a.Compare(b))
	// Output: 1
}

func ExampleLatest() {
	builds := []semver.BuildVersion{
		semver.MustParseBuild("1.6.8/1"),
		semver.MustParseBuild("2.2.4/1"),
		semver.MustParseBuild("1.7.8/2"),
		semver.MustParseBuild("1.7.8/1"),
	}
	for _, f := range []string{"x.x.x", "1.x.x", "1.6.x", "3.x.x"} {
		b, ok := semver.Latest(semver.MustParseFilter(f), builds)
		fmt.Println(f, b, ok)
	}
	// Output:
	// x.x.x 2.2.4/1 true
	// 1.x.x 1.7.8/2 true
	// 1.6.x 1.6.8/1 true
	// 3.x.x 0.0.0/0 false
}

func ExampleMatching() {
	builds := []semver.BuildVersion{
		semver.MustParseBuild("1.1.0/1"),
		semver.MustParseBuild("2.0.0/1"),
		semver.MustParseBuild("1.0.0/2"),
	}
	fmt.Println(semver.Matching(semver.MustParseFilter("1.x.x"), builds))
	// Output: [1.0.0/2 1.1.0/1]
}

func ExampleResolver_Resolve() {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	candidates := []semver.Candidate{
		{Version: semver.MustParseBuild("1.2.0/1"), State: "AVAILABLE", Created: day(1)},
		{Version: semver.MustParseBuild("1.3.0/1"), State: "DEPRECATED", Created: day(2)},
	}
	r := semver.Resolver{SkipStates: []string{"DEPRECATED", "DISABLED", "FAILED"}}
	res, err := r.Resolve(semver.MustParseFilter("1.x.x"), candidates)
	if err != nil {
		panic(err)
	}
	fmt.Println(res.Version, res.Decisions)
	// Output: 1.2.0/1 [AS-8]
}

func ExampleFlags() {
	fmt.Println(semver.Flags("2021.01.01"), semver.Flags("1.0.0/0"), semver.Flags("1.2.3"))
	// Output: [AS-6] [AS-10] []
}
