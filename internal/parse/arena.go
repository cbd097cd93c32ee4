package parse

import (
	"sync"

	"golang.org/x/net/html"
)

// An arena hands out the node slabs and attribute chunks of the trees
// of one page. Its chunks come from pools and go back to them (recycle),
// so that a worker parsing page after page reuses the same memory instead
// of allocating a tree's worth for each page: the nodes and attributes
// are most of the bytes a page allocates. A nil arena hands out chunks of
// the heap.
type arena struct {
	slabs  []*[]html.Node
	stores []*[]html.Attribute
}

// chunkLen is the length of a pooled node slab and attribute chunk: the
// largest a builder grows its own to.
const chunkLen = 4096

var (
	slabPool  = sync.Pool{New: func() any { s := make([]html.Node, 0, chunkLen); return &s }}
	storePool = sync.Pool{New: func() any { s := make([]html.Attribute, 0, chunkLen); return &s }}
)

// slab returns an empty slab of nodes: n long from a nil arena, chunkLen
// from a pool otherwise.
func (a *arena) slab(n int) []html.Node {
	if a == nil {
		return make([]html.Node, 0, n)
	}
	p := slabPool.Get().(*[]html.Node)
	a.slabs = append(a.slabs, p)
	return (*p)[:0]
}

// store returns an empty attribute chunk of at least n.
func (a *arena) store(n int) []html.Attribute {
	if a == nil || n > chunkLen {
		return make([]html.Attribute, 0, n)
	}
	p := storePool.Get().(*[]html.Attribute)
	a.stores = append(a.stores, p)
	return (*p)[:0]
}

// recycle clears the arena's chunks and gives them back to the pools.
// Nothing may read the trees built from the arena afterwards.
func (a *arena) recycle() {
	for _, p := range a.slabs {
		clear((*p)[:cap(*p)])
		slabPool.Put(p)
	}
	for _, p := range a.stores {
		clear((*p)[:cap(*p)])
		storePool.Put(p)
	}
	a.slabs, a.stores = a.slabs[:0], a.stores[:0]
}
