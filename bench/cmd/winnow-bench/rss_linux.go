package main

import (
	"os"
	"strconv"
	"strings"
)

// resetPeakRSS makes the kernel's peak resident set (VmHWM) start again
// from the current one (clear_refs, Linux 4.0 and later); false when it
// cannot.
func resetPeakRSS() bool {
	return os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
}

// peakRSS is the process's peak resident set size in bytes since the last
// resetPeakRSS (VmHWM of /proc/self/status), 0 when unknown.
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	return parseStatusKB(string(b), "VmHWM:")
}

// parseStatusKB reads the "Key:   N kB" line of /proc/self/status, in
// bytes; 0 when there is none.
func parseStatusKB(status, key string) int64 {
	for line := range strings.Lines(status) {
		rest, ok := strings.CutPrefix(line, key)
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) == 2 && f[1] == "kB" {
			if n, err := strconv.ParseInt(f[0], 10, 64); err == nil {
				return n << 10
			}
		}
	}
	return 0
}
