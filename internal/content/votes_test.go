package content

import (
	"testing"

	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/testpages"
)

// TestSideVotes: the votes sideVotes sums for a climb are, bit for bit,
// those a table of every element's votes by side would hold, summed as
// voteAll sums the scores (each block adding to each of its ancestors in
// turn), on every AEB page and from every element with a block.
func TestSideVotes(t *testing.T) {
	pages := testpages.LoadTB(t)
	for i, doc := range testpages.ParseTB(t, pages) {
		tr := label.Label(doc)
		x := scratchPool.New().(*extraction)
		x.weights = rules.DefaultWeights
		x.decide(tr)
		x.buildBlocks(doc)
		x.voteAll()
		pos, neg := make([]float64, len(x.nodes)), make([]float64, len(x.nodes))
		for j := range x.blocks {
			b := &x.blocks[j]
			v := x.vote(b)
			if v == 0 {
				continue
			}
			side := neg
			if v > 0 && x.longParagraph(b) {
				side = pos
			}
			for id := b.owner; id >= 0; id = x.nodes[id].Parent {
				side[id] += max(v, -v)
			}
		}
		for j := range x.blocks {
			var ids []int32
			for id := x.blocks[j].owner; id >= 0 && len(ids) < 6; id = x.nodes[id].Parent {
				ids = append(ids, id)
			}
			gotPos, gotNeg := make([]float64, len(ids)), make([]float64, len(ids))
			x.sideVotes(ids, gotPos, gotNeg)
			for k, id := range ids {
				if gotPos[k] != pos[id] || gotNeg[k] != neg[id] {
					t.Fatalf("%s: element %d: votes %v/%v, want %v/%v", pages[i].ID, id, gotPos[k], gotNeg[k], pos[id], neg[id])
				}
			}
		}
		tr.Release()
	}
}
