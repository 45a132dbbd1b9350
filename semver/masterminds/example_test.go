package masterminds_test

import (
	"fmt"

	"github.com/ibkit/ibkit/semver"
	"github.com/ibkit/ibkit/semver/masterminds"
)

func ExampleConstraint_Latest() {
	c, err := masterminds.ParseConstraint(">=1.2, <2")
	if err != nil {
		panic(err)
	}
	builds := []semver.BuildVersion{
		semver.MustParseBuild("1.1.0/1"),
		semver.MustParseBuild("1.10.2/3"),
		semver.MustParseBuild("2.0.0/1"),
	}
	fmt.Println(c.Latest(builds))
	// Output: 1.10.2/3 true
}

func ExampleFromBuild() {
	m := masterminds.FromBuild(semver.MustParseBuild("1.2.3/4"))
	fmt.Println(m)
	b, err := masterminds.ToBuild(m)
	fmt.Println(b, err)
	// Output:
	// 1.2.3+4
	// 1.2.3/4 <nil>
}
