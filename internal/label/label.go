// Package label runs the one labelling pass over a parsed page that the
// later stages share. It numbers the elements in document order and
// records, for each, what its own markup says (the chrome it is marked as
// by tag, ARIA role, class and id tokens, or being hidden; whether it is
// named as the article body) and, summed bottom-up, the sizes of its
// text. The metadata and content stages both read these labels, so they
// agree on what is hidden and never decide it twice.
//
// The pass only labels: it changes neither the tree nor its own labels
// afterwards. What to cut is decided by the content stage.
package label

import (
	"context"
	"iter"
	"math"
	"strings"
	"sync"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/stop"
)

// Node is what the label pass learns about one element, or the document.
// A page has a Node per element, so the row is kept small (36 bytes): the
// element is its id in the tree (Tree.DOM), the mark a one-byte code.
type Node struct {
	node   int32 // the element's id in the labelled tree
	Parent int32 // -1 for the root
	// End is one past the id of the last labelled node in the subtree:
	// the subtree is the ids [id, End).
	End int32
	// The sizes are int32, as the ids are, to keep the table small (it
	// has a row per element); a size past 2^31-1 is stored as that.
	TextLen int32 // characters of visible text in the subtree
	LinkLen int32 // of which inside links
	ParaLen int32 // of which inside <p> and not in links: the prose
	// Heads counts the linked headlines in the subtree: headings whose
	// text is nearly all one link, the mark of a teaser card.
	Heads int32
	// MetaNames is what the element's class and id attributes say to
	// the metadata stage (a byline, a standfirst, a date, ...), read in
	// this pass with the rest of what its names say.
	MetaNames rules.MetaNames
	// Mark is the chrome this element is marked as by its tag, role,
	// tokens or visibility; NoMark when none.
	Mark Mark
	// ContentHint is 2 for an element named as the article body
	// ("article-body", itemprop=articleBody), 1 for a weaker content
	// token or an <article>/<main> tag, else 0.
	ContentHint int8
	flags       nodeFlags // Drop and the pass's own flags, a bit each
	// ClassWords and IDWords are the words of rules.PageClassWords that
	// the element's class and id name (rules.PageClassWordsOf), for the
	// page type's counts: read here, the class once per name a page
	// uses, not once per element.
	ClassWords, IDWords uint8
}

// nodeFlags are a Node's yes-or-no labels.
type nodeFlags uint8

const (
	// flagDrop: Drop.
	flagDrop nodeFlags = 1 << iota
	// flagContested is set when the Mark comes from weak evidence only
	// (weak tokens or role, a taxonomy or slug name) or the element
	// names itself as content too: the mark is dropped if the element
	// wraps prose.
	flagContested
	// flagDisclosure is set on a hidden element named as a disclosure
	// panel (an accordion's or a tab's panel, a carousel's slide):
	// hidden until a click, not chrome.
	flagDisclosure
	// flagWrapper is set on <html>, <body> and <main>, which never count
	// as hidden (hidden).
	flagWrapper
)

// Drop reports an element whose subtree is never article text (scripts,
// styles, form controls). Its descendants are not labelled.
func (n *Node) Drop() bool { return n.flags&flagDrop != 0 }

func (n *Node) contested() bool { return n.flags&flagContested != 0 }

// set sets or clears f.
func (n *Node) set(f nodeFlags, on bool) {
	if on {
		n.flags |= f
	} else {
		n.flags &^= f
	}
}

// hidden reports whether the page hides the element (a hidden attribute,
// aria-hidden, an inline display:none or visibility:hidden, a hiding
// class). The page-level wrappers <html>, <body> and <main> never count
// as hidden: pages hide them until a script has run.
func (n *Node) hidden() bool {
	return n.Mark == MarkHidden && n.flags&flagWrapper == 0
}

// Tree holds the labels of one page. It is pooled: Release it when done.
type Tree struct {
	// Nodes are the labelled nodes in document order; Nodes[0] is the
	// root the pass was given. A parent comes before its children.
	Nodes []Node
	tree  *dom.Tree // the tree labelled, which holds every Node's element
	// index finds a node's id (ID, Index).
	index      nodeIndex
	classCache map[string]nameInfo // what the token tables say of each class value
	nameCache  map[string]nameInfo // and of each name of those values
	// unmarkSections' tables, kept for the next page.
	sectionOf map[string]int32
	sections  []section
	members   []member
	w         *rules.Weights // the weights of this pass
	stop      *stop.Check    // the context of the extraction, for every stage that reads t
	// h1 and h1Len: the first <h1> whose text is mostly unlinked, and
	// its text length; h1 is -1 until one is labelled.
	h1    int32
	h1Len int
}

// Label labels the tree under root (normally the document). It does not
// change the tree. The caller owns the result until it calls Release.
func Label(root dom.Node) *Tree { return LabelWith(root, &rules.DefaultWeights) }

// LabelWith is Label with weights other than the defaults (for evaluation).
func LabelWith(root dom.Node, w *rules.Weights) *Tree {
	return LabelContext(context.Background(), root, w)
}

// LabelContext is LabelWith that ends early, with the nodes labelled so
// far, once ctx is done; the caller then drops the tree. The tree keeps
// ctx's Check for the stages that read it next (Check).
func LabelContext(ctx context.Context, root dom.Node, w *rules.Weights) *Tree {
	return LabelSized(ctx, root, w, 0)
}

// LabelSized is LabelContext for a page of about n elements, 0 when not
// known (the pipeline counts the start tags of the page's text, which
// costs far less than a walk of its tree). A page bigger than the pooled
// tables gets tables of its size at once: grown as the pass goes, they
// would be copied over and be up to twice the size.
func LabelSized(ctx context.Context, root dom.Node, w *rules.Weights, n int) *Tree {
	t := pool.Get().(*Tree)
	t.w = w
	t.stop = stop.New(ctx)
	if n > 0 {
		// The parser adds elements no tag names (<html>, <head>,
		// <body>, <tbody>, a formatting element reopened).
		if n += n/32 + 64; n > cap(t.Nodes) {
			t.Nodes = make([]Node, 0, n)
		}
	}
	t.tree = root.Tree()
	t.index.reset(t.tree)
	t.h1, t.h1Len = -1, 0
	t.label(root, -1, false, false)
	if t.stop.Done() {
		return t
	}
	t.revealHidden()
	t.unmarkBlocks()
	t.unmarkSections()
	t.unmarkNamedSections()
	return t
}

// Check is the Check of the context the tree was labelled under (nil for
// none): the metadata and content stages poll it in their walks of the
// tree, so that one deadline ends every stage.
func (t *Tree) Check() *stop.Check { return t.stop }

// Root returns the node the tree was labelled from.
func (t *Tree) Root() dom.Node { return t.DOM(0) }

// DOM returns the element labelled at id.
func (t *Tree) DOM(id int32) dom.Node { return t.tree.Node(int(t.Nodes[id].node)) }

// DOMOf returns the element e labels; e is one of t.Nodes.
func (t *Tree) DOMOf(e *Node) dom.Node { return t.tree.Node(int(e.node)) }

// Hidden reports whether the page hides the element at id (a hidden
// attribute, aria-hidden, an inline display:none or visibility:hidden,
// a hiding class). The page-level wrappers <html>, <body> and <main>
// never count as hidden: pages hide them until a script has run.
func (t *Tree) Hidden(id int32) bool { return t.Nodes[id].hidden() }

// ID returns n's id, or -1 when n is not labelled (it is not an element,
// or it sits inside a dropped element).
func (t *Tree) ID(n dom.Node) int32 {
	return t.index.find(n)
}

// Index returns n's id, or 0 (the root's) when n is not labelled: for
// the walks that only meet labelled elements.
func (t *Tree) Index(n dom.Node) int32 {
	return max(t.index.find(n), 0)
}

// IsHidden reports whether n is a labelled element that the page hides.
func (t *Tree) IsHidden(n dom.Node) bool {
	if n.Type() != html.ElementNode {
		return false
	}
	id := t.ID(n)
	return id >= 0 && t.Nodes[id].hidden()
}

// ChildID returns the id of c, a child of the node at parent, given the
// id next after the children of parent seen so far (parent+1 for the
// first child, then the End of the previous labelled child). It returns
// -1 for a child that is not labelled. Walking children this way costs
// no map lookup.
func (t *Tree) ChildID(next int32, c dom.Node) int32 {
	if next >= 0 && int(next) < len(t.Nodes) && int(t.Nodes[next].node) == c.ID() && c.Tree() == t.tree {
		return next
	}
	return t.ID(c)
}

// Release returns t to the pool. t must not be used afterwards.
func (t *Tree) Release() {
	// A tree that held a huge page is left to the garbage collector:
	// clearing a table costs its capacity, and the pool would keep it
	// for every later page.
	t.stop, t.tree = nil, nil
	if cap(t.Nodes) <= maxPooledNodes {
		clear(t.classCache)
		clear(t.nameCache)
		clear(t.sectionOf)
		clear(t.Nodes)
		t.Nodes = t.Nodes[:0]
		pool.Put(t)
	}
}

// maxPooledNodes is the most elements whose tables Release keeps for reuse.
const maxPooledNodes = 1 << 16

var pool = sync.Pool{New: func() any {
	return &Tree{
		Nodes:      make([]Node, 0, 1024),
		classCache: make(map[string]nameInfo, 256),
		nameCache:  make(map[string]nameInfo, 256),
		sectionOf:  make(map[string]int32),
	}
}}

// sizes are the text lengths of a subtree.
type sizes struct{ text, link, para, heads int }

// label labels n's subtree and returns its text sizes.
func (t *Tree) label(n dom.Node, parent int32, inLink, inPara bool) sizes {
	switch n.Type() {
	case html.TextNode:
		l := dom.VisibleLen(n.Data())
		switch {
		case inLink:
			return sizes{text: l, link: l}
		case inPara:
			return sizes{text: l, para: l}
		}
		return sizes{text: l}
	case html.ElementNode, html.DocumentNode:
	default:
		return sizes{}
	}
	if t.stop.Stop() {
		return sizes{}
	}
	id := int32(len(t.Nodes))
	if len(t.Nodes) == cap(t.Nodes) {
		t.grow()
	}
	t.Nodes = append(t.Nodes, Node{node: int32(n.ID()), Parent: parent})
	t.index.add(t.Nodes, id)
	if n.Type() == html.ElementNode {
		t.mark(id)
		switch n.DataAtom() {
		case atom.A:
			inLink = true
		case atom.P:
			inPara = true
		}
	}
	var sum sizes
	if !t.Nodes[id].Drop() {
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			s := t.label(c, id, inLink, inPara)
			sum.text += s.text
			sum.link += s.link
			sum.para += s.para
			sum.heads += s.heads
		}
	}
	e := &t.Nodes[id]
	if dom.IsHeading(n) && sum.text > 0 && float64(sum.link) >= t.w.LinkedHeadlineShare*float64(sum.text) && !linksInPage(n) {
		sum.heads++
	}
	e.End = int32(len(t.Nodes))
	e.TextLen, e.LinkLen, e.ParaLen, e.Heads = clamp32(sum.text), clamp32(sum.link), clamp32(sum.para), clamp32(sum.heads)
	if n.DataAtom() == atom.H1 && t.h1 < 0 && !inLink && e.Mark != MarkHidden && sum.text > 0 && 2*sum.link < sum.text {
		t.h1, t.h1Len = id, sum.text
	}
	if e.flags&flagDisclosure != 0 && e.Mark == MarkHidden && e.TextLen > 0 &&
		float64(e.LinkLen) <= t.w.ContestedLinkShare*float64(e.TextLen) {
		t.show(e)
	} else if e.contested() && (t.wrapsProse(e) || t.wrapsHero(id, e) || t.wrapsPanels(e)) {
		e.Mark = NoMark
	}
	return sum
}

// linksInPage reports whether every link in a heading points into the
// page itself (an href of "#..."): an accordion's toggle or a section's
// anchor, not a linked headline that leads to another page.
func linksInPage(h dom.Node) bool {
	seen := false
	for c := range h.Descendants() {
		if c.Type() != html.ElementNode || c.DataAtom() != atom.A {
			continue
		}
		if href, ok := dom.LookupAttr(c, "href"); ok && !strings.HasPrefix(strings.TrimSpace(href), "#") {
			return false
		}
		seen = true
	}
	return seen
}

// grow doubles the capacity of the table, for a page of more elements
// than LabelSized was told: doubling copies the rows once on average,
// where append's smaller steps would copy them several times over.
func (t *Tree) grow() {
	nodes := make([]Node, len(t.Nodes), max(2*cap(t.Nodes), 1024))
	copy(nodes, t.Nodes)
	t.Nodes = nodes
}

// wrapsHero reports whether an element holds the page's first <h1> and
// a few sentences of unlinked text under it: a category's or a landing
// page's hero, its title and intro, however its class names it ("banner",
// "promo").
func (t *Tree) wrapsHero(id int32, e *Node) bool {
	if t.h1 < id || t.h1 >= e.End {
		return false
	}
	plain := int(e.TextLen) - int(e.LinkLen) - t.h1Len
	return plain >= t.w.HeroProse && float64(e.LinkLen) <= t.w.ContestedLinkShare*float64(e.TextLen) && e.Heads <= 1
}

// wrapsPanels reports whether an element marked only by a weak role (a
// "tablist") holds its panels' text rather than a row of tabs: at least
// ContestedProse characters of unlinked text, in <p> or not, at most
// ContestedLinkShare of it linked and no linked headline. A list of tabs
// holds their labels only.
func (t *Tree) wrapsPanels(e *Node) bool {
	if !rules.WeakRoles[roleOf(t.DOMOf(e))] {
		return false
	}
	plain := int(e.TextLen) - int(e.LinkLen)
	return plain >= t.w.ContestedProse && float64(e.LinkLen) <= t.w.ContestedLinkShare*float64(e.TextLen) && e.Heads == 0
}

// clamp32 is n as an int32, or the largest int32 when n is larger.
func clamp32(n int) int32 {
	return int32(min(n, math.MaxInt32))
}

// wrapsProse reports whether an element holds prose rather than a
// widget's links and labels: enough unlinked text, much of it in
// paragraphs, little of it linked, and no row of linked headlines.
func (t *Tree) wrapsProse(e *Node) bool {
	plain := int(e.TextLen) - int(e.LinkLen)
	return plain >= t.w.ContestedProse && 2*int(e.ParaLen) >= t.w.ContestedProse && float64(e.LinkLen) <= t.w.ContestedLinkShare*float64(e.TextLen) && e.Heads <= 1
}

// readClass reads a class attribute of e: what its names say, and, for
// one of no namespace, the metadata names and page-type words they add.
func (t *Tree) readClass(e *Node, a dom.AttrRef) nameInfo {
	ni := t.classInfo(a.Val())
	if a.Namespace() == "" {
		e.MetaNames |= ni.meta
		e.ClassWords |= ni.page
	}
	return ni
}

// readID reads an id attribute of e, as readClass does a class, and
// returns its value.
func readID(e *Node, a dom.AttrRef) string {
	v := a.Val()
	if a.Namespace() == "" {
		e.MetaNames |= rules.MetaNamesOf(v)
		e.IDWords |= rules.PageClassWordsOf(v)
	}
	return v
}

// mark sets Mark, Drop, ContentHint and MetaNames from the element's own
// tag and attributes.
func (t *Tree) mark(id int32) {
	e := &t.Nodes[id]
	n := t.DOMOf(e)
	if r, ok := lookupTag(dropTags, rules.DropTags, n); ok {
		e.Mark = r
		e.flags |= flagDrop
		for a := range n.AttrRefs() {
			switch a.KeyAtom() {
			case atom.Class:
				t.readClass(e, a)
			case atom.Id:
				readID(e, a)
			}
		}
		return
	}
	if r, ok := lookupTag(structuralTags, rules.StructuralTags, n); ok {
		e.Mark = r
	}
	switch n.DataAtom() {
	case atom.Article:
		e.ContentHint = 1
	case atom.Main:
		e.ContentHint = 1
		e.flags |= flagWrapper
	case atom.Html, atom.Body:
		e.flags |= flagWrapper
	}
	var ident string
	var cls nameInfo // what the class says
	weakRole := false
	// The keys are told apart by their atoms (the three that spell none
	// by name), and a value is read only for a key looked at.
	for a := range n.AttrRefs() {
		switch a.KeyAtom() {
		case atom.Itemprop:
			if rules.ArticleBodyItemprops[a.Val()] {
				e.ContentHint = 2
			}
		case atom.Hidden:
			e.Mark = MarkHidden
		case atom.Style:
			if hiddenStyle(a.Val()) {
				e.Mark = MarkHidden
			}
		case atom.Class:
			cls = t.readClass(e, a)
		case atom.Id:
			ident = readID(e, a)
		case 0:
			switch a.Key() {
			case "role":
				// A role attribute may list fallbacks ("navigation menu");
				// the first one is the role.
				role, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(a.Val())), " ")
				if r, ok := roles[role]; ok && e.Mark != MarkHidden {
					e.Mark = r
					weakRole = rules.WeakRoles[role] && e.Mark != NoMark && n.DataAtom() != atom.Nav
				} else if role == "button" && e.Mark == NoMark && controlLabel(n) {
					e.Mark = MarkButton
				} else if role == "main" || role == "article" {
					e.ContentHint = max(e.ContentHint, 1)
				}
			case "aria-hidden":
				if a.Val() == "true" {
					e.Mark = MarkHidden
				}
			case "aria-modal":
				// A modal dialog (a store's refund or privacy policy, a
				// sign-in box) is shown on a click, over the page: hidden
				// at load, whatever its size.
				if strings.EqualFold(strings.TrimSpace(a.Val()), "true") {
					e.Mark = MarkHidden
				}
			}
		}
	}
	if n.DataAtom() == atom.Html || n.DataAtom() == atom.Body {
		// Page-level classes describe the page ("single-post"), not a part of it.
		e.ContentHint = 0
		return
	}
	if e.Mark == MarkHidden || cls.hidden {
		e.Mark = MarkHidden
		e.set(flagDisclosure, cls.disclosure || rules.DisclosureRoles[roleOf(n)] || ident != "" && namesInfo(ident, true).disclosure ||
			t.afterToggle(n))
		return
	}
	t.markNames(e, cls, ident, weakRole)
}

// markNames applies what the element's class (read as cls) and id say
// to its mark and content hint.
func (t *Tree) markNames(e *Node, cls nameInfo, ident string, weakRole bool) {
	before, ownHint := e.Mark, e.ContentHint
	cls.applyTo(e)
	var idInfo nameInfo
	if ident != "" {
		idInfo = namesInfo(ident, true)
		idInfo.applyTo(e)
	}
	if cls.embed || idInfo.embed {
		e.Mark = NoMark
		return
	}
	// A mark from tokens is contested when every chrome token behind it
	// is weak, or when the element also names itself as content (in
	// another name, or by its tag or role); a weak role's mark likewise.
	strong := cls.strong || idInfo.strong
	switch {
	case before == NoMark && e.Mark != NoMark:
		e.set(flagContested, !strong || cls.contentName || idInfo.contentName || ownHint > 0)
	case weakRole:
		e.set(flagContested, !strong)
	}
}

// revealHidden shows the hidden elements that hold the page's prose
// when the visible page is an empty shell: a page wrapper kept hidden
// until a script has run ("root hide"). When the page shows less than
// Weights.MaxShellText of unlinked text and less than MaxShellProse of
// prose, a hidden element holding at least MinHiddenProse of prose is
// shown; its class and id are then read as for any element, so a modal
// or a menu stays marked.
func (t *Tree) revealHidden() {
	hiddenPara, hiddenPlain := 0, 0
	for i := 0; i < len(t.Nodes); {
		if e := &t.Nodes[i]; e.hidden() {
			hiddenPara += int(e.ParaLen)
			hiddenPlain += int(e.TextLen) - int(e.LinkLen)
			i = int(e.End)
			continue
		}
		i++
	}
	if hiddenPara < t.w.MinHiddenProse || int(t.Nodes[0].TextLen)-int(t.Nodes[0].LinkLen)-hiddenPlain >= t.w.MaxShellText ||
		int(t.Nodes[0].ParaLen)-hiddenPara >= t.w.MaxShellProse {
		return
	}
	for i := 0; i < len(t.Nodes); {
		e := &t.Nodes[i]
		if !e.hidden() {
			i++
			continue
		}
		if int(e.ParaLen) >= t.w.MinHiddenProse {
			t.show(e)
		}
		i = int(e.End)
	}
}

// unmarkSections drops the marks of elements that share a marked class
// and together hold Weights.ChromeProseShare of the page's prose: the
// body set in sections ("content-nav-section"), none of which holds
// enough alone to be pardoned as the page's wrapper. Each must read as
// prose (at most ContestedLinkShare linked, no linked headline), so a
// row of teaser cards stays marked; comments are never pardoned so.
func (t *Tree) unmarkSections() {
	// The groups, in the order their class first comes: their members
	// are chained in t.members, an id and the next member's place each.
	sections, members := t.sections[:0], t.members[:0]
	for i := range t.Nodes {
		e := &t.Nodes[i]
		if !sectionCandidate(e) {
			continue
		}
		class := dom.Attr(t.DOMOf(e), "class")
		if class == "" {
			continue
		}
		k, ok := t.sectionOf[class]
		if !ok {
			k = int32(len(sections))
			t.sectionOf[class] = k
			sections = append(sections, section{first: -1, last: -1})
		}
		members = t.join(&sections[k], members, int32(i))
	}
	t.sections, t.members = sections, members
	t.pardon(0)
}

// sectionCandidate reports a marked element that may be pardoned as one
// of a group of sections: not hidden, not comments, not dropped, not the
// root.
func sectionCandidate(e *Node) bool {
	return e.Mark != NoMark && e.Mark != MarkHidden && e.Mark != MarkComments && !e.Drop() && e.Parent >= 0
}

// join adds the element at id to the group g, chained in members, and
// returns members. Only the outermost of nested namesakes counts: an
// element inside the group's last member is left out.
func (t *Tree) join(g *section, members []member, id int32) []member {
	if g.last >= 0 && id < t.Nodes[members[g.last].id].End {
		return members
	}
	members = append(members, member{id: id, next: -1})
	if g.last >= 0 {
		members[g.last].next = int32(len(members) - 1)
	} else {
		g.first = int32(len(members) - 1)
	}
	g.last = int32(len(members) - 1)
	g.n++
	return members
}

// pardon drops the marks of the groups in t.sections of two or more
// members that each read as prose (at most ContestedLinkShare linked, no
// linked headline, minOwn characters of prose or more) and together hold
// Weights.ChromeProseShare of the page's prose.
func (t *Tree) pardon(minOwn int) {
	total := float64(t.Nodes[0].ParaLen)
	for _, g := range t.sections {
		if g.n < 2 {
			continue
		}
		para := 0
		for m := g.first; m >= 0; m = t.members[m].next {
			e := &t.Nodes[t.members[m].id]
			if e.Heads > 0 || float64(e.LinkLen) > t.w.ContestedLinkShare*float64(e.TextLen) || int(e.ParaLen) < minOwn {
				para = -1
				break
			}
			para += int(e.ParaLen)
		}
		if para < t.w.MinProse || float64(para) < t.w.ChromeProseShare*total {
			continue
		}
		for m := g.first; m >= 0; m = t.members[m].next {
			t.Nodes[t.members[m].id].Mark = NoMark
		}
	}
}

// unmarkNamedSections is unmarkSections for sections whose class values
// differ but share the one name that marks them: a page of prose
// sections, each with a name of its own beside a name for the menu that
// scrolls to them ("pricing_section lm_navSource", "faq_section
// lm_navSource"). A group is the elements marked by the same name, and
// only by it (its tokens give the element's mark), none inside another;
// a name that also names an overlay (rules.OverlayNames: a modal, a
// pop-up) forms no group. Each member must read as prose, as in
// unmarkSections, and hold at least Weights.SweepProseText of prose
// itself (a row of short variants or labels stays marked), and together
// they must hold Weights.ChromeProseShare of the page's prose.
func (t *Tree) unmarkNamedSections() {
	// Most pages have no marked element with prose enough to be a
	// member: they are done without reading a name.
	found := false
	for i := range t.Nodes {
		if e := &t.Nodes[i]; sectionCandidate(e) && int(e.ParaLen) >= t.w.SweepProseText {
			found = true
			break
		}
	}
	if !found {
		return
	}
	// unmarkSections is done with its tables: they serve again, keyed
	// by name (-1 for a name that names an overlay).
	clear(t.sectionOf)
	sections, members := t.sections[:0], t.members[:0]
	for i := range t.Nodes {
		e := &t.Nodes[i]
		if !sectionCandidate(e) {
			continue
		}
		class := dom.Attr(t.DOMOf(e), "class")
		if class == "" {
			continue
		}
		for name := range rules.ClassNames(class) {
			ni, ok := t.nameCache[name]
			if !ok {
				ni = classValueInfo(name)
			}
			if ni.mark != e.Mark {
				continue
			}
			k, ok := t.sectionOf[name]
			if !ok {
				k = -1
				if !overlayName(name) {
					k = int32(len(sections))
					sections = append(sections, section{first: -1, last: -1})
				}
				t.sectionOf[name] = k
			}
			if k < 0 {
				continue
			}
			members = t.join(&sections[k], members, int32(i))
		}
	}
	t.sections, t.members = sections, members
	t.pardon(t.w.SweepProseText)
}

// overlayName reports whether a class name holds a part that names a
// box shown over the page (rules.OverlayNames).
func overlayName(name string) bool {
	l := strings.ToLower(name)
	for _, w := range rules.OverlayNames {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// unmarkBlocks drops the weak marks of a page built of them: when the
// elements marked by weak evidence alone (a page builder's "widget"
// wrappers, each one heading or one text) that read as prose, none
// under a firm mark, together hold Weights.ChromeProseShare of the
// page's prose, the weak name is what the page is made of, not chrome;
// so too when Weights.BuiltBlocks or more of them, each with
// BuiltBlockText of unlinked text, hold that share of the page's
// unlinked text, in <p> or not (testimonials and feature cards set in
// <div>s), where one to three such boxes (carousels of product cards)
// would not do. Each must read as prose (at most ContestedLinkShare linked, no linked
// headline), so a widget of links or teasers stays marked, and hold a
// paragraph, a heading or a sentence of text (Weights.BuiltBlockText): a
// date or a badge line keeps its mark.
func (t *Tree) unmarkBlocks() {
	if len(t.Nodes) == 0 {
		return
	}
	para, plain, n := 0, 0, 0
	for _, e := range t.weakBlocks(false) {
		para += int(e.ParaLen)
		if p := int(e.TextLen - e.LinkLen); p >= t.w.BuiltBlockText {
			plain += p
			n++
		}
	}
	root := &t.Nodes[0]
	if (para < t.w.MinProse || float64(para) < t.w.ChromeProseShare*float64(root.ParaLen)) &&
		(n < t.w.BuiltBlocks || plain < t.w.MinProse || float64(plain) < t.w.ChromeProseShare*float64(root.TextLen-root.LinkLen)) {
		return
	}
	for i, e := range t.weakBlocks(true) {
		if e.ParaLen > 0 || int(e.TextLen-e.LinkLen) >= t.w.BuiltBlockText || t.holdsHeading(i) {
			e.Mark = NoMark
		}
	}
}

// weakBlocks yields, in document order, the elements marked by weak
// evidence alone that read as prose (weakBlock), none under a firm mark
// or dropped. With nested, it also looks inside each one it yields (after
// the caller has seen it); without, the ones inside another are left out.
func (t *Tree) weakBlocks(nested bool) iter.Seq2[int32, *Node] {
	return func(yield func(int32, *Node) bool) {
		for i := 0; i < len(t.Nodes); {
			e := &t.Nodes[i]
			switch {
			case e.Drop() || e.Mark != NoMark && !e.contested():
				i = int(e.End)
				continue
			case e.Mark != NoMark && t.weakBlock(e):
				if !yield(int32(i), e) {
					return
				}
				if !nested {
					i = int(e.End)
					continue
				}
			}
			i++
		}
	}
}

// holdsHeading reports whether the element at id holds a heading: a
// builder's heading widget, not its date or badge line.
func (t *Tree) holdsHeading(id int32) bool {
	for i := id; i < t.Nodes[id].End; i++ {
		if dom.IsHeading(t.DOM(i)) {
			return true
		}
	}
	return false
}

// weakBlock reports an element marked by weak evidence alone that
// reads as prose, for unmarkBlocks.
func (t *Tree) weakBlock(e *Node) bool {
	return e.contested() && e.Mark != MarkHidden && e.Mark != MarkComments && e.Heads == 0 &&
		float64(e.LinkLen) <= t.w.ContestedLinkShare*float64(e.TextLen)
}

// section is a group of marked elements sharing a class value, for
// unmarkSections: its first and last members' places in Tree.members,
// and how many it has.
type section struct{ first, last, n int32 }

// member is one element of a section and the place of the next one.
type member struct{ id, next int32 }

// show unhides a hidden element whose sizes are known, and reads its
// tag, class and id as for any element.
func (t *Tree) show(e *Node) {
	n := t.DOMOf(e)
	e.Mark = NoMark
	if r, ok := lookupTag(structuralTags, rules.StructuralTags, n); ok {
		e.Mark = r
	}
	cls := namesInfo(dom.Attr(n, "class"), false)
	t.markNames(e, cls, dom.Attr(n, "id"), false)
	if e.contested() && t.wrapsProse(e) {
		e.Mark = NoMark
	}
}

// afterToggle reports whether n's previous element sibling is a
// disclosure toggle: a <button>, or an element that says whether it is
// expanded (aria-expanded), showing a label (a question, "Read more").
// The hidden element after it is the panel the toggle opens, an
// accordion's answer or the rest of a text, whatever its class; an icon
// without a label opens a tooltip or a popover, which stays hidden.
func (t *Tree) afterToggle(n dom.Node) bool {
	p := n.PrevSibling()
	for !p.Nil() && p.Type() != html.ElementNode {
		p = p.PrevSibling()
	}
	if p.Nil() {
		return false
	}
	toggle := p.DataAtom() == atom.Button
	if !toggle {
		_, toggle = dom.LookupAttr(p, "aria-expanded")
	}
	if !toggle {
		return false
	}
	// The toggle's own text: a dropped <button> was never measured.
	for c := range p.Descendants() {
		if c.Type() == html.TextNode && dom.VisibleLen(c.Data()) > 0 {
			return true
		}
	}
	return false
}

// roleOf returns the first role of n's role attribute, lower-cased.
func roleOf(n dom.Node) string {
	role, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(dom.Attr(n, "role"))), " ")
	return role
}

// dropTags and structuralTags index the rules' tag tables by atom, so
// that the label pass, which asks for every element, compares integers;
// roles is rules.Roles with Marks.
var (
	dropTags       = byAtom(rules.DropTags)
	structuralTags = byAtom(rules.StructuralTags)
	roles          = func() map[string]Mark {
		m := make(map[string]Mark, len(rules.Roles))
		for role, r := range rules.Roles {
			m[role] = MarkOf(r)
		}
		return m
	}()
)

func byAtom(table map[string]article.Reason) map[atom.Atom]Mark {
	m := make(map[atom.Atom]Mark, len(table))
	for name, r := range table {
		if a := atom.Lookup([]byte(name)); a != 0 {
			m[a] = MarkOf(r)
		}
	}
	return m
}

// lookupTag finds n's tag in a table, by atom when the tag has one.
func lookupTag(byAtom map[atom.Atom]Mark, byName map[string]article.Reason, n dom.Node) (Mark, bool) {
	if n.DataAtom() != 0 {
		r, ok := byAtom[n.DataAtom()]
		return r, ok
	}
	r, ok := byName[n.Data()]
	return MarkOf(r), ok
}

// nameInfo is what the token tables say of one class or id value.
type nameInfo struct {
	mark        Mark // the first chrome token's reason
	hint        int8 // 2 for a strong content pair, 1 for a content token
	embed       bool // an embedded post
	hidden      bool // a whole class name that hides the element
	strong      bool // a chrome token that is not weak evidence
	contentName bool // a name with a content token and no chrome token
	disclosure  bool // a disclosure panel's token (accordion, collapse)
	meta        rules.MetaNames
	page        uint8 // rules.PageClassWordsOf
}

// applyTo merges what a name says into e: a mark already set (by tag or
// role) stands, and a content hint only rises.
func (ni nameInfo) applyTo(e *Node) {
	if ni.mark != NoMark && e.Mark == NoMark {
		e.Mark = ni.mark
	}
	if ni.hint > e.ContentHint {
		e.ContentHint = ni.hint
	}
}

// classInfo looks a class value up in the per-page cache: pages repeat
// the same class strings on hundreds of elements. Each value is split
// once per page, for this pass and for the metadata stage.
//
// A value not met before is read name by name, each name once per page
// too: the values of a page are mostly a few names in many combinations
// ("btn btn-primary", "btn btn-link"). A value holding a form feed is
// read whole, since the metadata tables split names on the other white
// space only.
func (t *Tree) classInfo(class string) nameInfo {
	if class == "" {
		return nameInfo{}
	}
	if ni, ok := t.classCache[class]; ok {
		return ni
	}
	var ni nameInfo
	if strings.IndexByte(class, '\f') >= 0 {
		ni = classValueInfo(class)
	} else {
		for name := range rules.ClassNames(class) {
			n, ok := t.nameCache[name]
			if !ok {
				n = classValueInfo(name)
				t.nameCache[name] = n
			}
			ni.merge(n)
		}
	}
	t.classCache[class] = ni
	return ni
}

// classValueInfo is what the token tables say of a class value, read
// whole.
func classValueInfo(class string) nameInfo {
	var ni nameInfo
	var buf [16]token
	if toks, ok := lowerTokens(class, buf[:0]); !ok {
		ni = namesInfo(class, false)
	} else if len(toks) > 0 {
		ni.addName(toks, false)
	}
	ni.hidden = rules.HasHiddenClass(class)
	ni.meta = rules.MetaNamesOf(class)
	ni.page = rules.PageClassWordsOf(class)
	return ni
}

// merge adds what the next name of a value says to what the names before
// it said, as namesInfo would have read them together: the first mark
// stands, the hint is the highest, and the rest is said by any name.
func (ni *nameInfo) merge(o nameInfo) {
	if ni.mark == NoMark {
		ni.mark = o.mark
	}
	ni.hint = max(ni.hint, o.hint)
	ni.embed = ni.embed || o.embed
	ni.hidden = ni.hidden || o.hidden
	ni.strong = ni.strong || o.strong
	ni.contentName = ni.contentName || o.contentName
	ni.disclosure = ni.disclosure || o.disclosure
	ni.meta |= o.meta
	ni.page |= o.page
}

// namesInfo runs the token tables over a class or id value, one
// space-separated name at a time.
func namesInfo(names string, isID bool) nameInfo {
	var ni nameInfo
	var buf [16]token
	toks := buf[:0]
	rules.SplitTokens(names, func(prev, tok string) {
		if prev == "" && len(toks) > 0 {
			ni.addName(toks, isID)
			toks = toks[:0]
		}
		toks = append(toks, token{tok, lookupToken(tok)})
	})
	if len(toks) > 0 {
		ni.addName(toks, isID)
	}
	return ni
}

// lowerTokens appends to toks the tokens of a name written in lower-case
// ASCII letters, '-' and '_' only ("entry-content", "post__title"), most
// of a page's names, as namesInfo reads them through rules.SplitTokens:
// its runs of letters, in one pass and without its calls per token (no
// run of such a name is a hash, a minified name or a module's hash, and
// none has a variant or a hump to split on). ok is false for any other
// value, which namesInfo reads.
func lowerTokens(name string, toks []token) (_ []token, ok bool) {
	start := -1
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case 'a' <= c && c <= 'z':
			if start < 0 {
				start = i
			}
		case c == '-' || c == '_':
			if start >= 0 {
				toks = append(toks, token{name[start:i], lookupToken(name[start:i])})
				start = -1
			}
		default:
			return toks, false
		}
	}
	if start >= 0 {
		toks = append(toks, token{name[start:], lookupToken(name[start:])})
	}
	return toks, true
}

// token is one token of a name with what the token tables say of it.
type token struct {
	s string
	tokenInfo
}

// tokenInfo is what the token tables say of one token: the tables it is
// in, and its chrome reason.
type tokenInfo struct {
	reason article.Reason // from rules.Tokens; "" when not a chrome token there
	flags  tokenFlags
}

type tokenFlags uint8

const (
	tokChrome     tokenFlags = 1 << iota // in rules.Tokens
	tokContent                           // rules.ContentTokens
	tokWeak                              // rules.WeakTokens
	tokState                             // rules.StatePrefixes
	tokTaxonomy                          // rules.TaxonomyPrefixes
	tokDisclosure                        // rules.DisclosureTokens
	tokEmbed                             // rules.EmbedTokens
)

// flagTables are the word tables tokenIndex joins beside rules.Tokens,
// each with the flag its words get.
var flagTables = []struct {
	table map[string]bool
	flag  tokenFlags
}{
	{rules.ContentTokens, tokContent},
	{rules.WeakTokens, tokWeak},
	{rules.StatePrefixes, tokState},
	{rules.TaxonomyPrefixes, tokTaxonomy},
	{rules.DisclosureTokens, tokDisclosure},
	{rules.EmbedTokens, tokEmbed},
}

// tokenIndex joins the token tables the label pass asks of every token
// into one map, so that a token costs one lookup, not one per table.
var tokenIndex = func() map[string]tokenInfo {
	m := make(map[string]tokenInfo)
	for w, r := range rules.Tokens {
		ti := m[w]
		ti.reason, ti.flags = r, ti.flags|tokChrome
		m[w] = ti
	}
	for _, t := range flagTables {
		for w, ok := range t.table {
			if ok {
				ti := m[w]
				ti.flags |= t.flag
				m[w] = ti
			}
		}
	}
	return m
}()

// lookupToken is tokenIndex[tok], with the map asked only when a word of
// the tables has tok's first byte and length: most tokens of a page
// ("col", "md", "wrapper") are in no table.
func lookupToken(tok string) tokenInfo {
	if tok == "" || len(tok) < 64 && tokenFilter[tok[0]]&(1<<len(tok)) == 0 {
		return tokenInfo{}
	}
	return tokenIndex[tok]
}

// tokenFilter has, for each first byte, a bit for each length under 64
// of the words of tokenIndex that start with it. Longer tokens are looked
// up whatever their first byte.
var tokenFilter = func() (f [256]uint64) {
	for w := range tokenIndex {
		if len(w) > 0 && len(w) < 64 {
			f[w[0]] |= 1 << len(w)
		}
	}
	return f
}()

// addName reads the tokens of one name.
func (ni *nameInfo) addName(toks []token, isID bool) {
	if len(toks) > 1 && toks[0].flags&tokState != 0 {
		return // "no-sidebar", "has-ads": a state, not a part
	}
	// "tag-<slug>", "category-<slug>", and after a one-letter namespace
	// or a content word ("s-tag-<slug>", "entry-author-<name>"): the
	// post's taxonomy, whose slug may be any word.
	taxonomy := len(toks) > 1 && toks[0].flags&tokTaxonomy != 0 ||
		len(toks) > 2 && (len(toks[0].s) == 1 || toks[0].flags&tokContent != 0) && toks[1].flags&tokTaxonomy != 0
	weak := taxonomy || isID && len(toks) >= rules.SlugIDTokens
	chrome, content := false, false
	for i, tok := range toks {
		if tok.flags&tokDisclosure != 0 {
			ni.disclosure = true
		}
		if tok.flags&tokEmbed != 0 {
			ni.embed = true
			continue
		}
		if tok.flags&tokContent != 0 {
			if taxonomy {
				continue // "category-blog" files the post, it names nothing
			}
			content = true
			// Every strong pair ends in a content token, so the pair
			// table is only consulted here.
			if i > 0 && rules.StrongContentTokens[[2]string{toks[i-1].s, tok.s}] {
				ni.hint = 2
			} else if ni.hint == 0 {
				ni.hint = 1
			}
			continue
		}
		r, ok := tok.reason, tok.flags&tokChrome != 0
		if !ok {
			r, ok = rules.TokenPrefixReason(tok.s)
		}
		if ok {
			chrome = true
			if ni.mark == NoMark {
				ni.mark = MarkOf(r)
			}
			if !weak && tok.flags&tokWeak == 0 {
				ni.strong = true
			}
		}
	}
	if content && !chrome {
		ni.contentName = true
	}
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(style string) bool {
	s := strings.ToLower(style)
	if !strings.Contains(s, "none") && !strings.Contains(s, "hidden") {
		return false
	}
	s = strings.Join(strings.Fields(s), "")
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}
