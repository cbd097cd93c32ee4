//go:build unix

package main

import (
	"syscall"
	"time"
)

// usage returns the user plus system CPU time used by this process so far
// and its minor page faults (memory the kernel had to map in, most of it
// heap growing into fresh pages). CPU time is steadier than wall time on a
// shared machine, since time spent waiting for a core is not counted.
func usage() (cpu time.Duration, minorFaults int64) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), int64(ru.Minflt)
}
