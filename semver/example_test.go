package semver_test

import (
	"errors"
	"fmt"
	"slices"
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
	// semver: "1.0.0-beta" at patch: found '-', expected a digit or end of input
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
	fmt.Println(err, errors.Is(err, semver.ErrInvalid))

	loose, _ := semver.ParseFilter("x.2.x", semver.RegexOnly)
	fmt.Println(loose, loose.Match(semver.MustParse("7.2.1")))

	var zero semver.Filter
	fmt.Printf("%q %v %v\n", zero, zero.IsValid(), zero.Match(semver.MustParse("0.0.0")))
	// Output:
	// true false
	// semver: "x.2.x" at minor: found a number right of a wildcard node, expected 'x' (only trailing nodes may be wildcards) true
	// x.2.x true
	// "" false false
}

func ExampleVersion_Compare() {
	vs := []semver.Version{semver.MustParse("1.10.0"), semver.MustParse("1.9.0"), semver.MustParse("1.9.0")}
	fmt.Println(vs[0].Compare(vs[1]), vs[1] == vs[2])
	slices.SortFunc(vs, semver.Version.Compare)
	fmt.Println(vs)
	// Output:
	// 1 true
	// [1.9.0 1.9.0 1.10.0]
}

func ExampleBuildVersion_Compare() {
	a, b := semver.NewBuild(semver.MustParse("1.0.0"), 10), semver.NewBuild(semver.MustParse("1.0.0"), 9)
	fmt.Println(a.Compare(b))
	// Output: 1
}

func ExampleLatest() {
	builds := []semver.BuildVersion{
		semver.NewBuild(semver.MustParse("1.6.8"), 1),
		semver.NewBuild(semver.MustParse("2.2.4"), 1),
		semver.NewBuild(semver.MustParse("1.7.8"), 2),
		semver.NewBuild(semver.MustParse("1.7.8"), 1),
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

// ExampleResolve resolves a filter the way the service does by default and
// under the other reading of "latest", after leaving out a deprecated
// build: which builds to skip (decision AS-8) is the caller's choice.
func ExampleResolve() {
	day := func(d int) time.Time { return time.Date(2026, 3, d, 0, 0, 0, 0, time.UTC) }
	type build struct {
		version string
		state   string
		created time.Time
	}
	all := []build{
		{"1.2.0/1", "AVAILABLE", day(1)},
		{"1.3.0/1", "DEPRECATED", day(2)},
		{"1.1.0/1", "AVAILABLE", day(3)},
	}
	var builds []semver.BuildVersion
	var created []time.Time
	for _, b := range all {
		if b.state != "DEPRECATED" {
			v, err := semver.ParseBuild(b.version)
			if err != nil {
				panic(err)
			}
			builds = append(builds, v)
			created = append(created, b.created)
		}
	}
	f := semver.MustParseFilter("1.x.x")
	i, decisions, err := semver.Resolve(f, builds, created)
	if err != nil {
		panic(err)
	}
	fmt.Println(builds[i], decisions)
	i, _, _ = semver.Resolve(f, builds, created, semver.ByDateCreated)
	fmt.Println(builds[i])
	_, _, err = semver.Resolve(semver.MustParseFilter("2.x.x"), builds, created)
	fmt.Println(errors.Is(err, semver.ErrNoMatch))
	// Output:
	// 1.2.0/1 [AS-7]
	// 1.1.0/1
	// true
}

func ExampleFlags() {
	fmt.Println(semver.Flags("2021.01.01"), semver.Flags("1.0.0/0"), semver.Flags("x.2.x"), semver.Flags("1.2.3"))
	// Output: [AS-6] [AS-10] [AS-1] []
}
