package iac_test

import (
	"testing"

	"github.com/ibkit/ibkit/lifecycle"
	"github.com/ibkit/ibkit/lifecycle/iac"
)

func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"golden.json", "golden.yaml", "golden.cdk.json", "golden.tfplan.json"} {
		data := readFile(b, name)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				src, err := iac.Read(data, iac.Options{Region: "us-east-1", AccountID: "123456789012"})
				if err != nil {
					b.Fatal(err)
				}
				if _, err := src.Policies[0].Validate(lifecycle.ValidateOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
