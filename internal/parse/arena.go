package parse

import (
	"sync"
	"unsafe"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An arena hands out the trees of one page, keeps the texts they were
// built from, and keeps the tokenizer's attribute store and the buffer of
// its decoded attribute values. Its trees come
// from a pool and go back to it (recycle), and the arena itself is pooled
// with its store, so that a worker parsing page after page reuses the
// same memory instead of allocating a tree's worth for each page: the
// nodes and attributes are most of the bytes a page allocates. A nil
// arena hands out trees of the heap.
type arena struct {
	trees []*dom.Tree
	store []html.Attribute // the tokenizer's attribute store, emptied
	keys  []atom.Atom      // the atoms of the store's keys, emptied
	vals  []byte           // the tokenizer's decoded values, emptied
	texts []string         // the texts the trees were built from
	nodes int              // how many nodes a tree is sized for
}

var treePool sync.Pool

// maxPooledNodes is the most nodes a tree may have to go back to the
// pool: the tree of a huge page is left to the collector, so that the
// pool does not keep its memory for the small pages that follow.
const maxPooledNodes = 1 << 18

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

// maxPooledAttrs is the largest attribute store the arena keeps: a tag
// of absurdly many attributes leaves its store to the collector, and
// maxPooledVals does the same for a tag of huge decoded values.
const (
	maxPooledAttrs = 4096
	maxPooledVals  = 64 << 10
)

// recycle gives the trees back to the pool and empties the store and the
// texts. Nothing may read the trees built from the arena afterwards.
func (a *arena) recycle() {
	for _, t := range a.trees {
		if t.Len() <= maxPooledNodes {
			t.Reset("")
			treePool.Put(t)
		}
	}
	clear(a.trees)
	// The store's strings point into the page: the whole of it is
	// cleared, a tag's attributes being dropped after they were written.
	clear(a.store[:cap(a.store)])
	if cap(a.store) > maxPooledAttrs {
		a.store = nil
	}
	if cap(a.keys) > maxPooledAttrs {
		a.keys = nil
	}
	if cap(a.vals) > maxPooledVals {
		a.vals = nil
	}
	clear(a.texts)
	a.trees, a.texts = a.trees[:0], a.texts[:0]
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
