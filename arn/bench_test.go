package arn_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
)

// benchARNs are typical generic Image Builder ARNs.
var benchARNs = []string{
	"arn:aws:imagebuilder:us-east-1:123456789012:image/my-image/1.0.0/1",
	"arn:aws:imagebuilder:us-west-2:aws:image/amazon-linux-2023-x86/x.x.x",
	"arn:aws:imagebuilder:eu-central-1:123456789012:workflow/build/build-image/2024.12.17/3",
	"arn:aws:imagebuilder:us-east-1:123456789012:image-pipeline/nightly-pipeline",
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range benchARNs {
			if _, err := arn.Parse(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkParseRegexp matches the same ARNs with the model's
// ImageBuilderArn pattern: the reference Parse is compared with.
func BenchmarkParseRegexp(b *testing.B) {
	re := regexp.MustCompile(modelPatterns[arn.ImageBuilderArn].pattern)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range benchARNs {
			if !re.MatchString(s) {
				b.Fatal(s)
			}
		}
	}
}

// BenchmarkSplitN splits the same ARNs the way a plain ARN splitter does.
func BenchmarkSplitN(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range benchARNs {
			if len(strings.SplitN(s, ":", 6)) != 6 {
				b.Fatal(s)
			}
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	cases := []struct {
		shape arn.Shape
		s     string
	}{
		{arn.ImageBuildVersionArn, benchARNs[0]},
		{arn.ImageVersionArnOrBuildVersionArn, benchARNs[1]},
		{arn.WorkflowBuildVersionArn, benchARNs[2]},
		{arn.ImagePipelineArn, benchARNs[3]},
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, c := range cases {
			if err := arn.Validate(c.shape, c.s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkValidateRegexp matches the same values with the shapes' model
// patterns.
func BenchmarkValidateRegexp(b *testing.B) {
	shapes := []arn.Shape{arn.ImageBuildVersionArn, arn.ImageVersionArnOrBuildVersionArn, arn.WorkflowBuildVersionArn, arn.ImagePipelineArn}
	res := make([]*regexp.Regexp, len(shapes))
	for i, s := range shapes {
		res[i] = regexp.MustCompile(modelPatterns[s].pattern)
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for j, re := range res {
			if !re.MatchString(benchARNs[j]) {
				b.Fatal(benchARNs[j])
			}
		}
	}
}

func BenchmarkString(b *testing.B) {
	a := arn.MustParse(benchARNs[2])
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_ = a.String()
	}
}

func TestAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("allocation counts differ under coverage or the race detector")
	}
	for _, shape := range sortedShapes() {
		for _, s := range samples[shape] {
			if n := testing.AllocsPerRun(100, func() { _ = arn.Validate(shape, s) }); n != 0 {
				t.Errorf("Validate(%s, %q) allocates %v times", shape, s, n)
			}
			if n := testing.AllocsPerRun(100, func() { _ = arn.Options{StrictLint: true}.Check(shape, s) }); n != 0 {
				t.Errorf("Check(%s, %q) allocates %v times", shape, s, n)
			}
		}
	}
	for _, s := range benchARNs {
		if n := testing.AllocsPerRun(100, func() { _, _ = arn.Parse(s) }); n != 0 {
			t.Errorf("Parse(%q) allocates %v times", s, n)
		}
		a := arn.MustParse(s)
		if n := testing.AllocsPerRun(100, func() { _ = a.String() }); n != 1 {
			t.Errorf("String() of %q allocates %v times, want 1", s, n)
		}
		buf := make([]byte, 0, 128)
		if n := testing.AllocsPerRun(100, func() { _ = a.AppendTo(buf[:0]) }); n != 0 {
			t.Errorf("AppendTo of %q allocates %v times", s, n)
		}
	}
}
