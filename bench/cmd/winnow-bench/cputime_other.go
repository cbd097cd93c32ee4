//go:build !unix

package main

import "time"

// usage is not measured on this system; CPU and fault figures read as zero.
func usage() (time.Duration, int64) { return 0, 0 }
