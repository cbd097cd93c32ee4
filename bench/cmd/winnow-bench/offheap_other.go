//go:build !unix

package main

// offHeap cannot map memory on this system: the pages stay in the heap.
func offHeap(b []byte) ([]byte, error) { return b, nil }

// mappedSize is 0: nothing is mapped outside the heap here.
func mappedSize(int) int64 { return 0 }
