//go:build !linux

package main

// resetPeakRSS cannot reset the peak resident set on this system.
func resetPeakRSS() bool { return false }

// peakRSS is not measured on this system.
func peakRSS() int64 { return 0 }
