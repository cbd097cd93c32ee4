package label

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// controlLabel reports whether an element with role="button" is a
// control whose whole text is the label of a [button] phrase of the
// vocabulary ("Click to expand..." under a quoted forum post): a link
// drawn as a button, not text of the page. A role="button" that wraps a
// card or an accordion's heading holds other text and is left alone.
func controlLabel(n dom.Node) bool {
	var text string
	for c := range n.Descendants() {
		if c.Type() == html.TextNode {
			if text += c.Data(); len(text) > rules.MaxControlLabelBytes {
				return false
			}
		}
	}
	return rules.Vocab.MatchBlockExact(dom.Collapse(text)) == article.ReasonButton
}

// ChoicePicker reports whether the element is a picker of choices: a
// <fieldset> holding a radio button or a checkbox, the <label> of one
// (around it, or naming it with for= as the element next to it), or an
// element of a choice role (rules.ChoiceRoles). Its text is the options'
// names (sizes, colours), not the page's. The content stage reads it on
// a product page (a poll or a quiz in an article is left alone).
func ChoicePicker(n dom.Node) bool {
	if n.Type() != html.ElementNode {
		return false
	}
	if rules.ChoiceRoles[roleOf(n)] {
		return true
	}
	switch n.DataAtom() {
	case atom.Fieldset:
		for c := range n.Descendants() {
			if choiceInput(c) {
				return true
			}
		}
	case atom.Label:
		for c := range n.Descendants() {
			if choiceInput(c) {
				return true
			}
		}
		target := dom.Attr(n, "for")
		if target == "" {
			return false
		}
		for _, s := range [2]dom.Node{prevElement(n), nextElement(n)} {
			if !s.Nil() && choiceInput(s) && dom.Attr(s, "id") == target {
				return true
			}
		}
	}
	return false
}

// choiceInput reports whether n is an <input> of a choice type.
func choiceInput(n dom.Node) bool {
	return n.Type() == html.ElementNode && n.DataAtom() == atom.Input &&
		rules.ChoiceInputTypes[strings.ToLower(strings.TrimSpace(dom.Attr(n, "type")))]
}

// prevElement and nextElement are the element siblings around n.
func prevElement(n dom.Node) dom.Node {
	for s := n.PrevSibling(); !s.Nil(); s = s.PrevSibling() {
		if s.Type() == html.ElementNode {
			return s
		}
	}
	return dom.Node{}
}

func nextElement(n dom.Node) dom.Node {
	for s := n.NextSibling(); !s.Nil(); s = s.NextSibling() {
		if s.Type() == html.ElementNode {
			return s
		}
	}
	return dom.Node{}
}
