module github.com/ibkit/ibkit

go 1.23

require (
	github.com/Masterminds/semver/v3 v3.5.0
	github.com/google/go-cmp v0.7.0
)
