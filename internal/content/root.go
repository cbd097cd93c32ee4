package content

import (
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
)

// pickRoot runs the third step: every block votes for the elements that
// hold it, and the element with the best total becomes the article root.
//
// A content-like block adds its words (less its linked words); a
// chrome-like one subtracts them. The page's <body> therefore collects
// the body text minus all the chrome, while the article's own container
// collects the body text minus only the chrome inside it, and wins.
func (x *extraction) pickRoot() {
	scores := make([]float64, len(x.nodes))
	for i := range x.blocks {
		v := x.vote(&x.blocks[i])
		if v == 0 {
			continue
		}
		for id := x.blocks[i].owner; id >= 0; id = x.nodes[id].parent {
			scores[id] += v
		}
	}
	best, bestScore := int32(0), 0.0
	for id := range x.nodes {
		s := scores[id]
		if s <= 0 || x.nodes[id].removed {
			continue
		}
		switch x.nodes[id].contentHint {
		case 2:
			s *= 1.25
		case 1:
			s *= 1.05
		}
		if s > bestScore {
			best, bestScore = int32(id), s
		}
	}
	x.root = best
}

// vote is a block's contribution to the score of each of its ancestors.
func (x *extraction) vote(b *block) float64 {
	if b.words == 0 {
		return 0
	}
	words := float64(b.words)
	density := float64(b.linkWords) / words
	switch b.Type {
	case article.Heading, article.Figure:
		return 0
	case article.Table:
		return words * (1 - density) * 0.3
	}
	if density > x.weights.MaxLinkDensity {
		return -words * x.weights.BadTextPenalty
	}
	if b.Type == article.List {
		if density > 0.3 {
			return -words * density
		}
		return words * (1 - density) * 0.5
	}
	if b.words < 8 && !endsSentence(b.Text) {
		return -1
	}
	return words * (1 - density)
}

// ancestorOf reports whether a is b or one of b's ancestors.
func (x *extraction) ancestorOf(a, b int32) bool {
	for id := b; id >= 0; id = x.nodes[id].parent {
		if id == a {
			return true
		}
	}
	return false
}

// isBodyTag reports whether the node at id is <html>, <body> or the document.
func (x *extraction) isBodyTag(id int32) bool {
	n := x.nodes[id].n
	return n.Parent == nil || n.DataAtom == atom.Html || n.DataAtom == atom.Body
}
