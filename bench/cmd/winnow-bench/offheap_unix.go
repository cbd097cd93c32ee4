//go:build unix

package main

import (
	"os"
	"syscall"
)

// offHeap returns a copy of b in memory mapped outside the Go heap: the
// collector neither scans it nor counts it in the live heap that paces
// it, so the pages the harness holds weigh on no contender's collections.
// The mapping is never unmapped; the harness keeps its pages to the end.
func offHeap(b []byte) ([]byte, error) {
	if len(b) == 0 {
		return nil, nil
	}
	m, err := syscall.Mmap(-1, 0, len(b), syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return nil, err
	}
	copy(m, b)
	return m[:len(b):len(b)], nil
}

// mappedSize is the memory offHeap maps for n bytes: whole OS pages.
func mappedSize(n int) int64 {
	ps := os.Getpagesize()
	return int64((n + ps - 1) / ps * ps)
}
