package content

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// elem is a labelled element with what the content stage decides of it
// (16 bytes: a page has one per element).
type elem struct {
	*label.Node
	// mark is the chrome the element is cut as: the label's Mark, or
	// the reason of a section it is swept with.
	mark label.Mark
	// card is set on an element that holds one linked headline among
	// siblings that hold more: one teaser in a row of them.
	card bool
	// itemRow is set on a row of cards that is the article's own list;
	// rowChecked once itemRow is known.
	itemRow, rowChecked bool
	// removed is the effective decision: the element's subtree is cut,
	// for reason mark.
	removed bool
}

// domOf is the element e labels.
func (x *extraction) domOf(e *elem) dom.Node { return x.labels.DOMOf(e.Node) }

// decide reads the labels of the page and turns them into removals.
func (x *extraction) decide(t *label.Tree) {
	x.labels = t
	if cap(x.nodes) < len(t.Nodes) {
		x.nodes = make([]elem, 0, len(t.Nodes))
	}
	for i := range t.Nodes {
		n := &t.Nodes[i]
		x.nodes = append(x.nodes, elem{Node: n, mark: n.Mark})
		if n.Drop() {
			switch t.DOMOf(n).DataAtom() {
			case atom.Script:
				x.scripts++
			case atom.Noscript:
				if !x.asksForJS {
					x.asksForJS = containsAny(rules.Fold(dom.RawText(t.DOMOf(n), nil)), rules.NeedsJSPhrases)
				}
			}
		}
	}
	if len(x.nodes) > 0 {
		x.totalText = int(x.nodes[0].TextLen)
		x.totalPara = int(x.nodes[0].ParaLen)
		x.totalPlain = x.totalText - int(x.nodes[0].LinkLen)
	}
	x.decideRemovals()
	x.sweepSections()
	x.findCards()
}

// sweepSections cuts the section that a "Related stories" or "Comments"
// heading opens: the siblings after the heading, up to the next heading.
// The heading tells what they are even when their own markup does not.
func (x *extraction) sweepSections() {
	for i := range x.nodes {
		e := &x.nodes[i]
		if !dom.IsHeading(x.domOf(e)) || e.TextLen == 0 || int(e.TextLen) > x.weights.SectionHeadingText || x.parentRemoved(int32(i)) {
			continue
		}
		text, _ := x.textOfAll(x.domOf(e))
		said := rules.Vocab.MatchBlockExact(text)
		if said == "" && rules.IsTeaserHeading(text) {
			said = article.ReasonTeaser
		}
		reason := said
		if e.removed {
			reason = e.mark.Reason()
		}
		if reason != article.ReasonTeaser && reason != article.ReasonComments {
			continue
		}
		// A heading marked "related" or "further" only by its class or
		// id, over prose, is a section of the article whose slug holds
		// the word ("further-considerations"); over a box it cuts only
		// the box, not the prose after it.
		markedOnly := reason == article.ReasonTeaser && said != article.ReasonTeaser
		if markedOnly && x.proseFollows(x.domOf(e)) && x.sectionHasNoTeasers(x.domOf(e)) {
			e.removed = false
			continue
		}
		mark := label.MarkOf(reason)
		e.removed, e.mark = true, mark
		// A "Related" box set between the headline and the body, its
		// list beside the paragraphs, ends where the prose resumes.
		box := false
		for sib := x.domOf(e).NextSibling(); !sib.Nil(); sib = sib.NextSibling() {
			if sib.Type() != html.ElementNode {
				continue
			}
			if dom.IsHeading(sib) && sib.Data() <= x.domOf(e).Data() {
				break
			}
			s := &x.nodes[x.labels.Index(sib)]
			if s.ContentHint == 2 {
				break
			}
			if reason == article.ReasonTeaser && x.isProse(s) {
				if markedOnly || box {
					break
				}
			} else if s.TextLen > 0 {
				box = true
			}
			if !s.removed {
				s.removed, s.mark = true, mark
			}
		}
	}
}

// isProse reports an element that reads as the article's prose, never
// a teaser: a stretch of unlinked paragraph text with no linked headline.
func (x *extraction) isProse(e *elem) bool {
	return e.Heads == 0 && int(e.ParaLen) >= x.weights.SweepProseText && float64(e.LinkLen) <= x.weights.SweepProseLinks*float64(e.TextLen)
}

// proseFollows reports whether the first element after the heading h
// is prose.
func (x *extraction) proseFollows(h dom.Node) bool {
	for sib := h.NextSibling(); !sib.Nil(); sib = sib.NextSibling() {
		if sib.Type() == html.ElementNode {
			return x.isProse(&x.nodes[x.labels.Index(sib)])
		}
	}
	return false
}

// sectionHasNoTeasers reports whether nothing from the heading h to the
// next heading of its level or higher holds a linked headline.
func (x *extraction) sectionHasNoTeasers(h dom.Node) bool {
	for sib := h.NextSibling(); !sib.Nil(); sib = sib.NextSibling() {
		if sib.Type() != html.ElementNode {
			continue
		}
		if dom.IsHeading(sib) {
			if sib.Data() <= h.Data() {
				break
			}
			continue
		}
		if x.nodes[x.labels.Index(sib)].Heads > 0 {
			return false
		}
	}
	return true
}

// parentRemoved reports whether an ancestor of id is removed.
func (x *extraction) parentRemoved(id int32) bool {
	for p := x.nodes[id].Parent; p >= 0; p = x.nodes[p].Parent {
		if x.nodes[p].removed {
			return true
		}
	}
	return false
}

// findCards marks teaser cards: elements that hold one linked headline
// (and what goes with it: a picture, a summary, a date) inside a parent
// that holds at least Weights.CardRowHeads. Nodes are in document order, so a parent is
// always seen before its children.
func (x *extraction) findCards() {
	for i := range x.nodes {
		e := &x.nodes[i]
		if e.Parent < 0 || e.Heads != 1 || dom.IsHeading(x.domOf(e)) || int(e.TextLen) > x.weights.MaxCardText || int(e.TextLen)-int(e.LinkLen) > x.weights.MaxCardProse || e.ContentHint == 2 {
			continue
		}
		p := &x.nodes[e.Parent]
		if int(p.Heads) >= x.weights.CardRowHeads && !p.card && !x.isItemRow(e.Parent) {
			e.card = true
		}
	}
}

// isItemRow reports a row of cards that makes up most of the element
// named as the article body around it (Weights.ItemRowBodyShare of its
// text): the items of a list article, not teasers beside one.
func (x *extraction) isItemRow(row int32) bool {
	r := &x.nodes[row]
	if r.rowChecked {
		return r.itemRow
	}
	r.rowChecked = true
	for id := row; id >= 0; id = x.nodes[id].Parent {
		if a := &x.nodes[id]; a.ContentHint == 2 {
			r.itemRow = float64(r.TextLen) >= x.weights.ItemRowBodyShare*float64(a.TextLen)
			break
		}
	}
	return r.itemRow
}

// decideRemovals turns marks into removals, top-down, keeping a marked
// element that is clearly the page's main wrapper.
func (x *extraction) decideRemovals() {
	for i := range x.nodes {
		e := &x.nodes[i]
		if e.Drop() {
			e.removed = true
			continue
		}
		if e.mark == label.NoMark || x.relaxed && x.softMark(e) {
			continue
		}
		// A paywall box says something ("Subscribe to read on"); a
		// "Log in" link in a paywall-named wrapper is not one.
		if e.mark == label.MarkPaywall && !x.sawPaywall {
			text, _ := x.textOfAll(x.domOf(e))
			x.sawPaywall = int(e.TextLen)-int(e.LinkLen) >= x.weights.MinPaywallText || containsAny(rules.Fold(text), rules.PaywallPhrases)
		}
		switch x.domOf(e).DataAtom() {
		case atom.Html, atom.Body, atom.Main:
			continue
		}
		if e.mark == label.MarkHidden {
			e.removed = true
			continue
		}
		// A "caption" made of several paragraphs is a photo story's
		// text, not a caption printed again.
		if e.mark == label.MarkCaption && childParagraphs(x.domOf(e)) >= x.weights.CaptionStoryParagraphs {
			continue
		}
		if e.ContentHint == 2 {
			continue
		}
		// A wrapper that holds most of the page's text, or most of its
		// prose, is not a widget, whatever its class says. Comment
		// sections can hold more prose than the article, so they get no
		// such pardon.
		if e.TextLen > 0 && float64(e.TextLen) >= x.weights.ChromeOuterShare*float64(x.totalText) {
			continue
		}
		if e.mark != label.MarkComments {
			if int(e.ParaLen) >= x.weights.MinProse && float64(e.ParaLen) >= x.weights.ChromeProseShare*float64(x.totalPara) {
				continue
			}
			if plain := int(e.TextLen) - int(e.LinkLen); plain >= x.weights.MinProse && float64(plain) >= x.weights.ChromeOuterShare*float64(x.totalPlain) {
				continue
			}
		}
		if e.mark == label.MarkNav && (e.Parent < 0 || !x.nodes[e.Parent].removed) && namedNav(x.domOf(e)) && x.wrapsCardGrid(int32(i)) {
			continue
		}
		e.removed = true
	}
}

// namedNav reports an element cut as navigation for its class or id
// alone: no <nav> tag and no navigation role.
func namedNav(n dom.Node) bool {
	if n.DataAtom() == atom.Nav {
		return false
	}
	return rules.Roles[strings.ToLower(strings.TrimSpace(dom.Attr(n, "role")))] != article.ReasonNav
}

// cardGroup is what wrapsCardGrid counts of the items of one kind.
type cardGroup struct {
	sig        string
	n, fielded int
	text, link int
}

func (g cardGroup) signature() string { return g.sig }

// wrapsCardGrid reports whether the element at id holds a grid of cards
// that makes up most of its text: Items.MinGridItems or more sibling
// items of one kind (tag and first class), GridShare of them holding
// MinCardText characters, a link (to the item's page) and some unlinked
// text beside it (a price, a fit, a colour), together DominantShare of
// the element's text and at most half of it linked. A shop wraps its
// product grid in a "filtering-and-pagination" container; a menu's
// columns are links, a pager's entries too short.
func (x *extraction) wrapsCardGrid(id int32) bool {
	w := &x.weights.Items
	e := &x.nodes[id]
	if float64(e.TextLen) < w.DominantShare*float64(w.MinRunPlain) {
		return false
	}
	var groups []cardGroup
	for i := id; i < e.End; i++ {
		p := x.labels.DOM(i)
		if p.Type() != html.ElementNode || float64(x.nodes[i].TextLen) < w.DominantShare*float64(e.TextLen) {
			continue
		}
		groups = groups[:0]
		for c := p.FirstChild(); !c.Nil(); c = c.NextSibling() {
			if c.Type() != html.ElementNode || !itemTag(c) {
				continue
			}
			cid := x.labels.ID(c)
			if cid < 0 {
				continue
			}
			ce := &x.nodes[cid]
			var g int
			x.sigBuf = appendItemSig(x.sigBuf[:0], c)
			groups, g = groupOf(groups, x.sigBuf, func(sig string) cardGroup { return cardGroup{sig: sig} })
			gr := &groups[g]
			gr.n++
			gr.text += int(ce.TextLen)
			gr.link += int(ce.LinkLen)
			if int(ce.TextLen) >= w.MinCardText && fielded(ce) {
				gr.fielded++
			}
		}
		for _, g := range groups {
			if g.n >= w.MinGridItems && float64(g.fielded) >= w.GridShare*float64(g.n) &&
				float64(g.text) >= w.DominantShare*float64(e.TextLen) && 2*g.link <= g.text {
				return true
			}
		}
	}
	return false
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// childParagraphs counts the <p> children of n.
func childParagraphs(n dom.Node) int {
	count := 0
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		if c.Type() == html.ElementNode && c.DataAtom() == atom.P {
			count++
		}
	}
	return count
}

// The rules' tables of marks, as sets of label.Mark for the walks that
// ask them of every element.
var (
	softItemMarks    = label.MarksOf(rules.SoftItemReasons)
	itemWrapperMarks = label.MarksOf(rules.ItemWrapperReasons)
	menuMarks        = label.MarksOf(rules.MenuMarks)
	softMarks        = label.MarksOf(rules.SoftMarks)
)
