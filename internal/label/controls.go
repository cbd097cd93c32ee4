package label

import (
	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// controlLabel reports whether an element with role="button" is a
// control whose whole text is the label of a [button] phrase of the
// vocabulary ("Click to expand..." under a quoted forum post): a link
// drawn as a button, not text of the page. A role="button" that wraps a
// card or an accordion's heading holds other text and is left alone.
func controlLabel(n *html.Node) bool {
	var text string
	for c := range n.Descendants() {
		if c.Type == html.TextNode {
			if text += c.Data; len(text) > rules.MaxControlLabelBytes {
				return false
			}
		}
	}
	return rules.Vocab.MatchBlockExact(dom.Collapse(text)) == article.ReasonButton
}
