package label

import (
	"math/bits"
	"unsafe"

	"golang.org/x/net/html"
)

// nodeIndex finds the id of a labelled node from its *html.Node. It is an
// open-addressing hash table of ids, keyed by the node's address: the key
// itself is read back from the tree's Nodes, so a slot costs 4 bytes
// where a map[*html.Node]int32 entry cost some 20 to 40. The table is
// kept at most half full, so a lookup reads one or two slots.
//
// Hashing the address is what the runtime's own maps do with pointer
// keys: Go's heap does not move objects.
type nodeIndex struct {
	slots []int32 // id+1 of the node hashed here; 0 for an empty slot
	n     int     // ids added
	shift uint8   // 64 - log2(len(slots))
}

// reset empties the index and sizes it for n ids.
func (x *nodeIndex) reset(n int) {
	size := 1 << bits.Len(uint(max(2*n-1, 15))) // at least 2n, a power of two
	if len(x.slots) >= size && len(x.slots) <= 4*size {
		clear(x.slots)
	} else {
		x.slots = make([]int32, size)
	}
	x.n = 0
	x.shift = uint8(64 - bits.TrailingZeros(uint(len(x.slots))))
}

func (x *nodeIndex) slot(n *html.Node) uint64 {
	return uint64(uintptr(unsafe.Pointer(n))) * 0x9e3779b97f4a7c15 >> x.shift
}

// add enters id, whose node is nodes[id].N.
func (x *nodeIndex) add(nodes []Node, id int32) {
	if 2*(x.n+1) > len(x.slots) {
		x.grow(nodes)
	}
	x.n++
	mask := uint64(len(x.slots) - 1)
	for i := x.slot(nodes[id].N); ; i = (i + 1) & mask {
		if x.slots[i] == 0 {
			x.slots[i] = id + 1
			return
		}
	}
}

// grow doubles the table and enters the ids again.
func (x *nodeIndex) grow(nodes []Node) {
	old := x.slots
	x.slots = make([]int32, 2*len(old))
	x.shift--
	x.n = 0
	for _, s := range old {
		if s != 0 {
			x.add(nodes, s-1)
		}
	}
}

// find returns the id of n, or -1.
func (x *nodeIndex) find(nodes []Node, n *html.Node) int32 {
	if len(x.slots) == 0 {
		return -1
	}
	mask := uint64(len(x.slots) - 1)
	for i := x.slot(n); ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return -1
		}
		if nodes[s-1].N == n {
			return s - 1
		}
	}
}
