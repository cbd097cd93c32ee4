package parse

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

// TestTextJoinAllocations: text between tags the builder ignores joins
// one text node, and the join does not copy the node's text each time
// (it did: 100,000 "x<col>" took 6.6 s and gigabytes). The bound on the
// bytes allocated is generous; the quadratic join needs about 10,000
// times the input here.
func TestTextJoinAllocations(t *testing.T) {
	page := strings.Repeat("x<col>", 20000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	doc, err := build(context.Background(), page, nil)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	body := doc.FirstChild().LastChild()
	if body.FirstChild().Nil() || body.FirstChild().Data() != strings.Repeat("x", 20000) || body.FirstChild() != body.LastChild() {
		t.Fatalf("the body does not hold one text node of 20000 x")
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 50*uint64(len(page)) {
		t.Errorf("parsing %d bytes allocated %d bytes; want at most %d", len(page), got, 50*len(page))
	}
}
