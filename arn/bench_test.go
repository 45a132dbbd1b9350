package arn_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/ibkit/ibkit/arn"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
	re := regexp.MustCompile(modelPatterns["ImageBuilderArn"].pattern)
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
		shape string
		s     string
	}{
		{"ImageBuildVersionArn", benchARNs[0]},
		{"ImageVersionArnOrBuildVersionArn", benchARNs[1]},
		{"WorkflowBuildVersionArn", benchARNs[2]},
		{"ImagePipelineArn", benchARNs[3]},
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
	shapes := []string{"ImageBuildVersionArn", "ImageVersionArnOrBuildVersionArn", "WorkflowBuildVersionArn", "ImagePipelineArn"}
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
	strict := arn.Options{Readings: []arn.Decision{arn.StrictRegions, arn.NonZeroBuilds}}
	for _, shape := range sortedShapes() {
		for _, s := range samples[shape] {
			assert.Zero(t, testing.AllocsPerRun(100, func() { _ = arn.Validate(shape, s) }), "Validate(%s, %q)", shape, s)
			// Check allocates only the slice of decisions it returns.
			ds, err := strict.Check(shape, s)
			require.NoError(t, err, "Check(%s, %q)", shape, s)
			want := 0.0
			if len(ds) > 0 {
				want = 1
			}
			assert.Equal(t, want, testing.AllocsPerRun(100, func() { _, _ = strict.Check(shape, s) }), "Check(%s, %q)", shape, s)
		}
	}
	for _, s := range benchARNs {
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = arn.Parse(s) }), "Parse(%q)", s)
		a := arn.MustParse(s)
		assert.Zero(t, testing.AllocsPerRun(100, func() { _ = a.String() }), "String() of %q", s)
		buf := make([]byte, 0, 128)
		assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = a.AppendText(buf[:0]) }), "AppendText of %q", s)
	}
}
