package masterminds

import (
	"errors"
	"testing"

	mm "github.com/Masterminds/semver/v3"

	"github.com/ibkit/ibkit/semver"
)

func TestRoundTrip(t *testing.T) {
	for _, s := range []string{"0.0.0", "1.2.3", "1073741823.0.7"} {
		v := semver.MustParse(s)
		got, err := ToVersion(FromVersion(v))
		if err != nil || got != v {
			t.Errorf("%s: %v, %v", s, got, err)
		}
	}
	for _, s := range []string{"1.2.3/0", "1.2.3/4", "1.0.0/18446744073709551615"} {
		b := semver.MustParseBuild(s)
		m := FromBuild(b)
		got, err := ToBuild(m)
		if err != nil || got != b {
			t.Errorf("%s: %v, %v", s, got, err)
		}
	}
	if FromBuild(semver.MustParseBuild("1.2.3/4")).String() != "1.2.3+4" {
		t.Error("FromBuild must put the build in the metadata")
	}
}

func TestConversionErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		build bool
	}{
		{"prerelease", "1.0.0-beta", false},
		{"metadata", "1.0.0+abc", false},
		{"node above limit", "1073741824.0.0", false},
		{"no build", "1.0.0", true},
		{"text build", "1.0.0+abc", true},
		{"prerelease build", "1.0.0-rc.1+3", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := mm.MustParse(tt.in)
			var err error
			if tt.build {
				_, err = ToBuild(m)
			} else {
				_, err = ToVersion(m)
			}
			if !errors.Is(err, ErrNotImageBuilder) {
				t.Fatalf("err = %v, want ErrNotImageBuilder", err)
			}
		})
	}
	if _, err := ToVersion(nil); !errors.Is(err, ErrNotImageBuilder) {
		t.Fatal("ToVersion(nil) did not fail")
	}
	if _, err := ToBuild(nil); !errors.Is(err, ErrNotImageBuilder) {
		t.Fatal("ToBuild(nil) did not fail")
	}
}

func TestConstraint(t *testing.T) {
	c, err := ParseConstraint(">=1.2, <2")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		b    string
		want bool
	}{
		{"1.2.0/1", true}, {"1.10.0/3", true}, {"1.1.9/9", false}, {"2.0.0/1", false},
	}
	for _, tt := range tests {
		if got := c.CheckBuild(semver.MustParseBuild(tt.b)); got != tt.want {
			t.Errorf("CheckBuild(%s) = %v", tt.b, got)
		}
	}
	cands := []semver.BuildVersion{
		semver.MustParseBuild("1.9.0/2"), semver.MustParseBuild("2.1.0/1"),
		semver.MustParseBuild("1.10.0/1"), semver.MustParseBuild("1.10.0/4"),
	}
	if b, ok := c.Latest(cands); !ok || b.String() != "1.10.0/4" {
		t.Fatalf("Latest = %v, %v", b, ok)
	}
	if _, ok := c.Latest(nil); ok {
		t.Fatal("Latest(nil) found something")
	}
	if c.String() != ">=1.2, <2" {
		t.Fatalf("String() = %q", c)
	}
	if _, err := ParseConstraint(">=>1"); err == nil {
		t.Fatal("ParseConstraint accepted garbage")
	}
	if (Constraint{}).Check(semver.MustParse("1.0.0")) {
		t.Fatal("the zero Constraint matched")
	}
}
