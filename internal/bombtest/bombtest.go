// Package bombtest builds oversized inputs for the tests of the size caps
// (a gzip bomb) and measures what a call allocates. It is for tests only.
package bombtest

import (
	"bytes"
	"compress/gzip"
	"runtime"
	"strings"
	"testing"
)

// GzipBomb is n bytes of unit repeated, gzipped, without ever holding the
// n bytes: 100 MB of paragraphs fits in about 150 KB.
func GzipBomb(tb testing.TB, unit string, n int) []byte {
	tb.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	chunk := []byte(strings.Repeat(unit, 64<<10/len(unit)))
	for written := 0; written < n; written += len(chunk) {
		if _, err := zw.Write(chunk); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

// Allocated runs f and returns the bytes allocated meanwhile, by every
// goroutine: a bound a test puts on it must be generous.
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
