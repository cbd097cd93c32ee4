package parse

import (
	"math/bits"
	"sync"
	"unsafe"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
)

// An arena hands out the trees and the attribute chunks of one page,
// and keeps the texts they were built from. Its trees and chunks come
// from pools and go back to them (recycle), so that a worker parsing page
// after page reuses the same memory instead of allocating a tree's worth
// for each page: the nodes and attributes are most of the bytes a page
// allocates. Chunks come in the sizes the tokenizer grows its own by (64
// to chunkLen, doubling), each size with its pool, so a small page takes
// little. A nil arena hands out trees and chunks of the heap.
type arena struct {
	trees  []*dom.Tree
	stores []*[]html.Attribute // each as long as the part ever used
	texts  []string            // the texts the trees were built from
	nodes  int                 // how many nodes a tree is sized for
}

// chunkLen is the length of the largest attribute chunk: the largest the
// tokenizer grows its own to.
const chunkLen = 4096

// sizeClasses are the chunk lengths from 64 to chunkLen.
const sizeClasses = 7

var (
	treePool   sync.Pool
	storePools [sizeClasses]sync.Pool
)

// maxPooledNodes is the most nodes a tree may have to go back to the
// pool: the tree of a huge page is left to the collector, so that the
// pool does not keep its memory for the small pages that follow.
const maxPooledNodes = 1 << 18

// sizeClass returns the class of a chunk of n, or -1 when n is not one
// of the pooled lengths.
func sizeClass(n int) int {
	if n < 64 || n > chunkLen || n&(n-1) != 0 {
		return -1
	}
	return bits.TrailingZeros(uint(n)) - 6
}

// tree returns an empty tree for a page of text s.
func (a *arena) tree(s string) *dom.Tree {
	if a == nil {
		return dom.NewTree(s, 0)
	}
	t, _ := treePool.Get().(*dom.Tree)
	if t == nil {
		t = dom.NewTree(s, 0)
	} else {
		t.Reset(s)
	}
	t.Grow(a.nodes)
	a.trees = append(a.trees, t)
	return t
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
	for _, t := range a.trees {
		if t.Len() <= maxPooledNodes {
			t.Reset("")
			treePool.Put(t)
		}
	}
	clear(a.trees)
	for _, p := range a.stores {
		// A tag's attributes can be dropped after they were written:
		// the whole chunk is cleared.
		clear((*p)[:cap(*p)])
		storePools[sizeClass(cap(*p))].Put(p)
	}
	clear(a.texts)
	a.trees, a.stores, a.texts = a.trees[:0], a.stores[:0], a.texts[:0]
}

// holds reports whether s points into one of the texts the arena's trees
// were built from, or into a tree's own texts.
func (a *arena) holds(s string) bool {
	if len(s) == 0 {
		return false
	}
	for _, t := range a.trees {
		if t.Owns(s) {
			return true
		}
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
