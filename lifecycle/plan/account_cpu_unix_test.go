//go:build unix

package plan_test

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time, user and system, the process has
// used so far, which a busy machine disturbs less than elapsed time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
