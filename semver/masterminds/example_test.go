package masterminds_test

import (
	"fmt"

	mm "github.com/Masterminds/semver/v3"

	"github.com/ibkit/ibkit/semver"
	"github.com/ibkit/ibkit/semver/masterminds"
)

// Example picks the highest build whose version satisfies a Masterminds
// range constraint.
func Example() {
	c, err := mm.NewConstraint(">=1.2, <2")
	if err != nil {
		panic(err)
	}
	builds := []semver.BuildVersion{
		semver.NewBuild(semver.MustParse("1.1.0"), 1),
		semver.NewBuild(semver.MustParse("1.10.2"), 3),
		semver.NewBuild(semver.MustParse("2.0.0"), 1),
	}
	best := -1
	for i, b := range builds {
		if c.Check(masterminds.From(b.Version())) && (best < 0 || b.Compare(builds[best]) > 0) {
			best = i
		}
	}
	fmt.Println(builds[best])
	// Output: 1.10.2/3
}

func ExampleFrom() {
	m := masterminds.From(semver.NewBuild(semver.MustParse("1.2.3"), 4))
	fmt.Println(m)
	b, err := masterminds.To[semver.BuildVersion](m)
	fmt.Println(b, err)
	_, err = masterminds.To[semver.Version](mm.MustParse("1.0.0-beta"))
	fmt.Println(err)
	// Output:
	// 1.2.3+4
	// 1.2.3/4 <nil>
	// semver: "1.0.0-beta": found pre-release "beta", expected none
}
