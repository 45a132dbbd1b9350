//go:build race

package arn_test

const raceEnabled = true
