package content

import (
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// dropProductReviews cuts, on a page that declares one product
// (Options.Product), the kept blocks inside an element named as reviews
// (rules.ReviewTokens): a shop's review widget holds the buyers' text,
// ratings and "Report" buttons, not the product's description. The
// widget is the outermost such element under the root, so that one built
// of small named parts (a summary, a filter bar, pages of reviews) counts
// its words once, whole. The
// article root itself is never read as the widget: a page whose body is
// named as reviews is a review page. A widget holding nearly all the root's
// text (rules.Weights.MaxReviewShare) is the body too, not a part of it,
// and one holding few words (rules.Weights.MinReviewWords) is a line of
// ratings or a few quoted press blurbs, kept as the shop prints them.
func (x *extraction) dropProductReviews() {
	if !x.opts.Product || x.root < 0 {
		return
	}
	nodes := x.labels.Nodes
	rootText := float64(nodes[x.root].TextLen)
	named := make(map[int32]bool)
	widget := make([]int32, len(x.blocks)) // the block's widget, or -1
	words := make(map[int32]int)           // kept words in each widget
	for i := range x.blocks {
		b := &x.blocks[i]
		widget[i] = -1
		if !b.keep {
			continue
		}
		for id := b.owner; id > x.root && id >= 0; id = nodes[id].Parent {
			r, seen := named[id]
			if !seen {
				r = namedReviews(x.labels.DOM(id)) && float64(nodes[id].TextLen) < x.weights.MaxReviewShare*rootText
				named[id] = r
			}
			if r {
				widget[i] = id // the outermost: a widget built of named parts is one widget
			}
		}
		if widget[i] >= 0 {
			words[widget[i]] += int(b.words)
		}
	}
	for i := range x.blocks {
		if w := widget[i]; w >= 0 && words[w] >= x.weights.MinReviewWords {
			x.blocks[i].keep, x.blocks[i].reason = false, label.MarkComments
		}
	}
}

// namedReviews reports whether a class or id token of the element is a
// review token.
func namedReviews(n dom.Node) bool {
	found := false
	for a := range n.Attrs() {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" {
			continue
		}
		rules.SplitTokens(a.Val, func(_, tok string) {
			if rules.ReviewTokens[tok] {
				found = true
			}
		})
	}
	return found
}

// dropProductPickers cuts, on a page that declares one product
// (Options.Product), the kept blocks inside a picker of choices
// (label.ChoicePicker: a fieldset of radio buttons, a radiogroup of
// swatches) and those whose element's text is mostly the labels of such
// controls (rules.Weights.PickerShare: "Colour: Walnut" beside its radio
// button): the sizes, colours and pack counts a buyer picks from are the
// buy box, not the product's description. A picker holding the root is
// the page's own form, left alone.
func (x *extraction) dropProductPickers() {
	if !x.opts.Product || x.root < 0 {
		return
	}
	nodes := x.labels.Nodes
	picker := make(map[int32]bool)
	for i := range x.blocks {
		b := &x.blocks[i]
		if !b.keep || b.owner <= x.root {
			continue
		}
		cut := x.mostlyChoices(b.owner)
		for id := b.owner; !cut && id > x.root; id = nodes[id].Parent {
			p, seen := picker[id]
			if !seen {
				p = label.ChoicePicker(x.labels.DOM(id))
				picker[id] = p
			}
			cut = p
		}
		if cut {
			b.keep, b.reason = false, label.MarkForm
		}
	}
}

// mostlyChoices reports whether the element's text is mostly inside
// pickers (label.ChoicePicker) among its descendants.
func (x *extraction) mostlyChoices(id int32) bool {
	nodes := x.labels.Nodes
	total := nodes[id].TextLen
	if total == 0 {
		return false
	}
	var in int32
	for d := id + 1; d < nodes[id].End; {
		if label.ChoicePicker(x.labels.DOM(d)) {
			in += nodes[d].TextLen
			d = max(nodes[d].End, d+1)
			continue
		}
		d++
	}
	return float64(in) >= x.weights.PickerShare*float64(total)
}

// dropProductLabels cuts, on a page that declares one product
// (Options.Product), the paragraphs and headings that are a rating
// summary or a price only (rules.IsRatingLine, IsPriceLine: "Rated 4.8
// out of 5", "Sale price $24.95"): the buy box's labels about the
// product. A sentence of the description that names a rating or a price
// stays, and so does a price in a card (inPriceCard).
func (x *extraction) dropProductLabels() {
	if !x.opts.Product || x.root < 0 {
		return
	}
	for i := range x.blocks {
		b := &x.blocks[i]
		if !b.keep || b.Type != article.Paragraph && b.Type != article.Heading || int(b.words) > rules.MaxProductLabelWords {
			continue
		}
		if rules.IsRatingLine(b.Text) || rules.IsPriceLine(b.Text) && !b.teaser && !x.inPriceCard(b.owner) {
			b.keep, b.reason = false, label.MarkMeta
		}
	}
}

// inPriceCard reports whether the element at id sits in a small element
// (rules.Weights.MaxPriceCardText) holding a linked headline or much
// linked text (PriceCardLinkShare): a product's card on a page of
// products, a "customers also bought" tile, whose price is the card's,
// kept with it or cut with it by the rules that read cards.
func (x *extraction) inPriceCard(id int32) bool {
	nodes := x.labels.Nodes
	for ; id >= 0 && id != x.root && nodes[id].TextLen <= int32(x.weights.MaxPriceCardText); id = nodes[id].Parent {
		if nodes[id].Heads > 0 || float64(nodes[id].LinkLen) >= x.weights.PriceCardLinkShare*float64(nodes[id].TextLen) {
			return true
		}
	}
	return false
}
