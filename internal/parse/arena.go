package parse

import (
	"math/bits"
	"sync"
	"unsafe"

	"golang.org/x/net/html"
)

// An arena hands out the node slabs and attribute chunks of the trees of
// one page, and keeps the texts they were built from. Its chunks come
// from pools and go back to them (recycle), so that a worker parsing page
// after page reuses the same memory instead of allocating a tree's worth
// for each page: the nodes and attributes are most of the bytes a page
// allocates. Chunks come in the sizes a builder grows its own by (64 to
// chunkLen, doubling), each size with its pool, so a small page takes
// little. A nil arena hands out chunks of the heap.
type arena struct {
	slabs  []*[]html.Node      // each as long as the part used
	stores []*[]html.Attribute // each as long as the part ever used
	texts  []string            // the texts the trees were built from
}

// chunkLen is the length of the largest node slab and attribute chunk:
// the largest a builder grows its own to.
const chunkLen = 4096

// sizeClasses are the chunk lengths from 64 to chunkLen.
const sizeClasses = 7

var (
	slabPools  [sizeClasses]sync.Pool
	storePools [sizeClasses]sync.Pool
)

// sizeClass returns the class of a chunk of n, or -1 when n is not one
// of the pooled lengths.
func sizeClass(n int) int {
	if n < 64 || n > chunkLen || n&(n-1) != 0 {
		return -1
	}
	return bits.TrailingZeros(uint(n)) - 6
}

// slab returns an empty slab of n nodes. The slab the arena gave before
// is then full.
func (a *arena) slab(n int) []html.Node {
	c := sizeClass(n)
	if a == nil || c < 0 {
		return make([]html.Node, 0, n)
	}
	if k := len(a.slabs); k > 0 {
		*a.slabs[k-1] = (*a.slabs[k-1])[:cap(*a.slabs[k-1])]
	}
	p := fromPool[html.Node](&slabPools[c], n)
	a.slabs = append(a.slabs, p)
	return (*p)[:0]
}

// endSlab records the part of the last slab a builder used.
func (a *arena) endSlab(used []html.Node) {
	if a == nil || len(a.slabs) == 0 || len(used) == 0 {
		return
	}
	if p := a.slabs[len(a.slabs)-1]; unsafe.SliceData(*p) == unsafe.SliceData(used) {
		*p = used
	}
}

// store returns an empty attribute chunk of n.
func (a *arena) store(n int) []html.Attribute {
	c := sizeClass(n)
	if a == nil || c < 0 {
		return make([]html.Attribute, 0, n)
	}
	p := fromPool[html.Attribute](&storePools[c], n)
	a.stores = append(a.stores, p)
	return (*p)[:0]
}

// fromPool takes an empty chunk of n from pool, or makes one.
func fromPool[T any](pool *sync.Pool, n int) *[]T {
	if p, _ := pool.Get().(*[]T); p != nil {
		return p
	}
	s := make([]T, 0, n)
	return &s
}

// recycle clears the arena's chunks and gives them back to the pools.
// Nothing may read the trees built from the arena afterwards.
func (a *arena) recycle() {
	for _, p := range a.slabs {
		clear(*p)
		*p = (*p)[:0]
		slabPools[sizeClass(cap(*p))].Put(p)
	}
	for _, p := range a.stores {
		// A tag's attributes can be dropped after they were written:
		// the whole chunk is cleared.
		clear((*p)[:cap(*p)])
		storePools[sizeClass(cap(*p))].Put(p)
	}
	clear(a.texts)
	a.slabs, a.stores, a.texts = a.slabs[:0], a.stores[:0], a.texts[:0]
}

// holds reports whether s points into one of the texts the arena's trees
// were built from.
func (a *arena) holds(s string) bool {
	if len(s) == 0 {
		return false
	}
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	for _, t := range a.texts {
		lo := uintptr(unsafe.Pointer(unsafe.StringData(t)))
		if p >= lo && p < lo+uintptr(len(t)) {
			return true
		}
	}
	return false
}
