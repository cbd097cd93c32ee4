package label

import "github.com/winnow-go/winnow/internal/dom"

// nodeIndex finds the id of a labelled node from its node: a table
// indexed by the node's id in its tree, of 4 bytes a node.
type nodeIndex struct {
	tree *dom.Tree
	ids  []int32 // id+1 of the node of each tree id; 0 when not labelled
}

// reset empties the index for the nodes of tree.
func (x *nodeIndex) reset(tree *dom.Tree) {
	x.tree = tree
	n := 0
	if tree != nil {
		n = tree.Len()
	}
	if cap(x.ids) >= n && cap(x.ids) <= 4*n+1024 {
		x.ids = x.ids[:n]
		clear(x.ids)
	} else {
		x.ids = make([]int32, n)
	}
}

// add enters id, whose element is nodes[id].node.
func (x *nodeIndex) add(nodes []Node, id int32) {
	x.ids[nodes[id].node] = id + 1
}

// find returns the id of n, or -1.
func (x *nodeIndex) find(n dom.Node) int32 {
	if n.Tree() != x.tree || n.ID() >= len(x.ids) {
		return -1
	}
	return x.ids[n.ID()] - 1
}
