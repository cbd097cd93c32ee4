package content

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// Pages other than articles: a forum thread's posts, a listing's items, a
// category page's cards. Their main content is a run of sibling items of
// one kind that together hold most of the page's prose, not one article
// body; the article rules read such runs as comments or teasers and cut
// them. widenToItems finds the run and, when the article root is one of
// its items or small beside it, makes the run the root.

// itemRun is a run of sibling items of one kind.
type itemRun struct {
	parent int32
	items  []int32
	plain  int // text of the items, in characters: unlinked, plus linked at Items.LinkedText
	// linked: most of the items' text is in links (cards that are
	// links); their blocks are kept however linked.
	linked bool
	// dominant: the run is a page of cards (itemGroup.dominant).
	dominant bool
	sig      string // the items' tag and first class
}

// kindState is what the items rule leaves for the filter.
type kindState struct {
	run  itemRun
	root int32 // the root once the run is content
	// lifted: the run was lifted out of the removals (not held inside
	// the article root).
	lifted bool
	// titles are the blocks that open an item: an item's title is kept
	// however linked it is.
	titles map[int]bool
	// badged are the titles that follow a card's badge ("Top Rated",
	// "Sale"): kept as titles when the badge itself is kept, for a
	// label such as "Most Read" over a list is no badge.
	badged map[int]int // title block -> its badge block
	// labels are the short lines printed in most items of the run alike
	// ("Joined", "Messages", "Reply"): a post's furniture, not its text.
	labels map[int]bool
	// cousins are the items of the runs of the same kind beside the run
	// (cousinRuns), content with it.
	cousins []int32
}

// widenToItems runs after the first choice of root. It reports whether
// it changed the removals, so that the blocks must be built again.
func (x *extraction) widenToItems() bool {
	w := &x.weights.Items
	run, cands, shown := x.bestRun()
	if run.parent < 0 {
		return false
	}
	root := x.root
	rootPlain := x.keptPlain(root)
	var within int32 = -1 // the item that holds the root
	for _, it := range run.items {
		if x.ancestorOf(it, root) {
			within = it
			break
		}
	}
	if within < 0 {
		within = x.firstPost(run, root, rootPlain)
	}
	switch {
	case within >= 0:
		// The root's item is a post among posts, or a card among
		// cards; an item of prose among cards that are links (the
		// next stories of an endless page) is the one story shown whole,
		// if it holds a post's worth of text (Items.MinPostPlain): a
		// card's few unlinked words are no story. In a declared
		// discussion the replies are content however long the post the
		// root is in (a log pasted into one reply).
		own := x.itemText(within)
		n := &x.nodes[within]
		story := run.linked && 2*int(n.LinkLen) <= int(n.TextLen) && own >= w.MinPostPlain
		thread := x.opts.Thread && !run.linked
		if story || !thread && float64(run.plain) < w.ThreadShare*float64(own) {
			return x.holdRun(run, root, rootPlain)
		}
	case x.threadReplies(run) && !x.ancestorOf(root, run.parent):
		// The replies of a declared thread beside its first post.
	case x.gridBeside(run, root, rootPlain):
		// A shop's grid of cards beside the page's prose (a category's
		// intro or buying guide): both are the page's.
	case float64(run.plain) < w.RegionShare*float64(rootPlain) && !x.introTo(run, rootPlain):
		return x.holdRun(run, root, rootPlain)
	case x.namedRun(run) && rootPlain >= w.MaxNamedRootPlain:
		// Comments or related stories beside an article body: the body
		// is the content.
		return x.holdRun(run, root, rootPlain)
	}
	// Lift the soft removals of what lies between the run and the root,
	// and of the run's items.
	for id := run.parent; id >= 0; id = x.nodes[id].Parent {
		if e := &x.nodes[id]; e.removed && softItemMarks.Has(e.mark) {
			e.removed = false
		}
	}
	x.liftItems(run)
	x.kinds.run, x.kinds.lifted = run, true
	x.kinds.root = x.itemsRoot(run, root, within, rootPlain)
	x.cousinRuns(run, cands, shown)
	return true
}

// firstPost finds, in a run named as comments (replies swept under a
// "76 Replies" heading, posts whose class says "reply") that the root
// holds, the item the root's text is in: a thread's first post printed
// in the same markup as its replies, its author box, date and body alike,
// a post among posts rather than an article above its comments. It
// returns the item, kept and holding Items.FirstPostShare of the root's
// kept text, or -1. An article's body is never one of its comments' items,
// so comments under a story stay cut.
func (x *extraction) firstPost(run itemRun, root int32, rootPlain int) int32 {
	if rootPlain == 0 || !x.namedRun(run) || !x.ancestorOf(root, run.parent) {
		return -1
	}
	for _, it := range run.items {
		e := &x.nodes[it]
		if e.removed || x.parentRemoved(it) {
			continue
		}
		if float64(x.keptPlain(it)) >= x.weights.Items.FirstPostShare*float64(rootPlain) {
			return it
		}
	}
	return -1
}

// cousinRuns adds to the content the runs of items of the run's kind
// beside it: a home page's "Latest" row and its topic sections, each a
// heading over cards alike, under one container. They meet the run at
// most Items.CousinDepth levels above its parent, none is named as
// comments or teasers, and together with the run they show
// Items.CousinShare of the text of the element where they meet, so a
// page's other chrome around them is little. The root widens to that
// element.
func (x *extraction) cousinRuns(run itemRun, cands []itemRun, shown func(int32) int) {
	w := &x.weights.Items
	if x.namedRun(run) {
		return
	}
	var found []itemRun
	top := run.parent
	for _, c := range cands {
		if c.sig != run.sig || c.parent == run.parent || x.ancestorOf(c.parent, run.parent) || x.ancestorOf(run.parent, c.parent) || x.namedRun(c) {
			continue
		}
		meet := run.parent
		depth := 0
		for ; meet >= 0 && !x.ancestorOf(meet, c.parent); meet = x.nodes[meet].Parent {
			depth++
		}
		if meet < 0 || depth > w.CousinDepth {
			continue
		}
		found = append(found, c)
		if x.ancestorOf(meet, top) {
			top = meet
		}
	}
	if len(found) == 0 {
		return
	}
	if r := x.kinds.root; !x.ancestorOf(top, r) {
		if !x.ancestorOf(r, top) {
			return
		}
		top = r
	}
	sum := 0
	for _, it := range run.items {
		sum += shown(it)
	}
	for _, c := range found {
		for _, it := range c.items {
			sum += shown(it)
		}
	}
	if float64(sum) < w.CousinShare*float64(shown(top)) {
		return
	}
	for _, c := range found {
		for id := c.parent; id >= 0 && id != top; id = x.nodes[id].Parent {
			if e := &x.nodes[id]; e.removed && softItemMarks.Has(e.mark) {
				e.removed = false
			}
		}
		x.liftItems(c)
		x.kinds.cousins = append(x.kinds.cousins, c.items...)
	}
	x.kinds.root = top
}

// gridBeside reports a grid of cards (Items.MinGridItems or more)
// beside a root of prose, on a page of no date: a category page's
// products beside its intro or its buying guide, both the page's, when
// the element holding the two adds little around them (Items.JoinShare).
// A dated page is a story, and so is a root in article markup, or named
// as the article's body with the grid after it: a row of products or
// reviews under it stays cut. A guide named as the body below the grid
// ("rich-text") is the category's.
func (x *extraction) gridBeside(run itemRun, root int32, rootPlain int) bool {
	w := &x.weights.Items
	if len(run.items) < w.MinGridItems || x.md.Published != "" || x.namedRun(run) || x.ancestorOf(root, run.parent) || x.ancestorOf(run.parent, root) {
		return false
	}
	lca, little := x.joint(run, root, rootPlain)
	for id := root; id != lca; id = x.nodes[id].Parent {
		n := x.labels.DOM(id)
		if n.DataAtom() == atom.Article || dom.Attr(n, "role") == "article" || x.nodes[id].ContentHint == 2 && run.parent > root {
			return false
		}
	}
	return little
}

// joint returns the nearest element that holds both the run and the
// root, and whether it adds little text around them: at most
// Items.JoinShare times their unlinked text.
func (x *extraction) joint(run itemRun, root int32, rootPlain int) (int32, bool) {
	lca := run.parent
	for !x.ancestorOf(lca, root) {
		lca = x.nodes[lca].Parent
	}
	n := &x.nodes[lca]
	return lca, float64(n.TextLen-n.LinkLen) <= x.weights.Items.JoinShare*float64(run.plain+rootPlain)
}

// fielded reports an item that holds, beside its link, some unlinked
// text (a price, a rating, a date).
func fielded(e *elem) bool { return e.LinkLen > 0 && e.TextLen > e.LinkLen }

// fieldedCards reports a run of cards that hold, beside their links,
// some unlinked text (a price, a rating, a date): Items.GridShare of its
// items at least. A menu's columns are links only.
func (x *extraction) fieldedCards(run itemRun) bool {
	n := 0
	for _, it := range run.items {
		if fielded(&x.nodes[it]) {
			n++
		}
	}
	return len(run.items) > 0 && float64(n) >= x.weights.Items.GridShare*float64(len(run.items))
}

// introTo reports whether the root, holding rootPlain of unlinked text,
// is the intro of a page of cards (a category's few sentences above its
// products): short, beside a dominant run, and not in an article of its
// own that leaves the run out: a short story beside a row of related
// cards stays the body.
func (x *extraction) introTo(run itemRun, rootPlain int) bool {
	if !run.dominant || rootPlain > x.weights.Items.MaxIntroPlain {
		return false
	}
	for id := x.root; id >= 0 && !x.ancestorOf(id, run.parent); id = x.nodes[id].Parent {
		n := x.labels.DOM(id)
		if x.nodes[id].ContentHint == 2 || n.DataAtom() == atom.Article || dom.Attr(n, "role") == "article" {
			return false
		}
	}
	return true
}

// holdRun keeps a run that the root holds and is mostly made of as the
// root's items, so that their titles and labels are read as such. It
// reports whether the removals changed (liftSiblings).
func (x *extraction) holdRun(run itemRun, root int32, rootPlain int) bool {
	if !x.ancestorOf(root, run.parent) || float64(run.plain) < x.weights.Items.HeldShare*float64(rootPlain) {
		return false
	}
	x.kinds.run, x.kinds.root = run, root
	return x.liftSiblings(run)
}

// liftSiblings lifts the soft marks of a held run's items when one of
// them is kept: entries of one kind (a blog index's posts) of which the
// long ones are pardoned as the page's prose and the short ones cut for
// the same taxonomy or metadata class. A run named as comments or teasers
// keeps its marks. It reports whether a removal changed.
func (x *extraction) liftSiblings(run itemRun) bool {
	if x.namedRun(run) {
		return false
	}
	kept, cut := false, false
	for _, it := range run.items {
		e := &x.nodes[it]
		switch {
		case !e.removed:
			kept = true
		case softItemMarks.Has(e.mark):
			cut = true
		}
	}
	if !kept || !cut {
		return false
	}
	x.liftItems(run)
	return true
}

// liftItems lifts the soft marks of the items of a run that is content,
// and the marks inside them that name their text rather than their
// furniture.
func (x *extraction) liftItems(run itemRun) {
	// A wrapper that holds most of an item's text is the item: when most
	// items have one alike, cut for the same mark (each entry's <div
	// class="meta">, each product's "card-wrapper subscription-eligible"),
	// the mark names the kind of card, not chrome, and goes with the
	// items'.
	count := map[article.Reason]int{}
	for _, it := range run.items {
		if w := x.itemWrapper(it); w >= 0 {
			count[x.nodes[w].mark.Reason()]++
		}
	}
	var mark article.Reason
	for r, n := range count {
		if n >= x.weights.Items.MinItems && 2*n >= len(run.items) && (mark == "" || n > count[mark] || n == count[mark] && r < mark) {
			mark = r
		}
	}
	for _, it := range run.items {
		if e := &x.nodes[it]; e.removed && softItemMarks.Has(e.mark) {
			e.removed = false
		}
		// A post's body is named as a comment too, and a card's text as
		// its caption; its author box and date keep their own marks.
		for id := it + 1; id < x.nodes[it].End; id++ {
			if e := &x.nodes[id]; e.removed && (e.mark == label.MarkComments || e.mark == label.MarkCaption || x.postForm(id)) {
				e.removed = false
			}
		}
		if w := x.itemWrapper(it); mark != "" && w >= 0 && x.nodes[w].mark.Reason() == mark {
			x.nodes[w].removed = false
		}
	}
	// Teaser cards inside the run are its items, not teasers.
	for id := run.parent; id < x.nodes[run.parent].End; id++ {
		x.nodes[id].card = false
	}
}

// postForm reports a <form> inside an item that holds the item's prose
// and no field to fill in: a post whose body the page sets in its own
// form, to be edited in place. A reply, review or search form has
// fields (a text area, a visible input, a select), and stays cut.
func (x *extraction) postForm(id int32) bool {
	e := &x.nodes[id]
	if e.mark != label.MarkForm || x.domOf(e).DataAtom() != atom.Form || e.ParaLen == 0 ||
		float64(e.LinkLen) > x.weights.ContestedLinkShare*float64(e.TextLen) {
		return false
	}
	for i := id + 1; i < e.End; i++ {
		switch n := x.labels.DOM(i); n.DataAtom() {
		case atom.Textarea, atom.Select:
			return false
		case atom.Input:
			if !strings.EqualFold(dom.Attr(n, "type"), "hidden") {
				return false
			}
		}
	}
	return true
}

// itemWrapper is the outermost element inside item it that holds
// Items.WrapperShare of its text and is cut for a mark that may name a
// kind of card (rules.ItemWrapperReasons), or -1.
func (x *extraction) itemWrapper(it int32) int32 {
	whole := float64(x.nodes[it].TextLen)
	for id := it + 1; id < x.nodes[it].End; id++ {
		e := &x.nodes[id]
		if float64(e.TextLen) < x.weights.Items.WrapperShare*whole || whole == 0 {
			id = e.End - 1 // too small: skip its subtree
			continue
		}
		if e.removed && itemWrapperMarks.Has(e.mark) {
			return id
		}
	}
	return -1
}

// itemsRoot is the root once the run is content: the old root when it
// holds the run, else the element that holds both when it adds little
// around them (a listing's intro above its items), else the run.
func (x *extraction) itemsRoot(run itemRun, root, within int32, rootPlain int) int32 {
	if within < 0 && x.ancestorOf(root, run.parent) {
		return root
	}
	if within >= 0 {
		return run.parent
	}
	lca, little := x.joint(run, root, rootPlain)
	if little {
		return lca
	}
	if x.threadReplies(run) {
		switch x.labels.DOM(lca).DataAtom() {
		case atom.Body, atom.Html:
		default:
			if x.labels.DOM(lca).Type() == html.ElementNode {
				return lca
			}
		}
	}
	return run.parent
}

// threadReplies reports a run of posts, not of linked cards, on a page
// that declares a discussion (Options.Thread): the thread's replies,
// which belong with its first post wherever that is printed.
func (x *extraction) threadReplies(run itemRun) bool {
	return x.opts.Thread && !run.linked && !run.dominant
}

// namedRun reports a run named as comments or teasers (by its class, or
// by a "Related stories" heading over it), on its parent or its items.
func (x *extraction) namedRun(run itemRun) bool {
	named := func(m label.Mark) bool { return m == label.MarkComments || m == label.MarkTeaser }
	if named(x.nodes[run.parent].mark) {
		return true
	}
	for _, it := range run.items {
		if named(x.nodes[it].mark) {
			return true
		}
	}
	return false
}

// bestRun finds the run of sibling items with the most unlinked text;
// its parent is -1 when the page has none. It also returns every group
// of MinItems siblings or more alike, and the text an element shows
// outside what is cut for good.
func (x *extraction) bestRun() (itemRun, []itemRun, func(int32) int) {
	w := &x.weights.Items
	best := itemRun{parent: -1}
	// hard[i]: the node is cut for a reason the items rule never lifts,
	// itself or through an ancestor.
	// Both tables are kept in x between calls and pages: every entry is
	// written below before it is read.
	hard := slices.Grow(x.runHard[:0], len(x.nodes))[:len(x.nodes)]
	var groups []itemGroup
	var cands []itemRun
	// cut[i+1]: the text cut for good (menus, footers, hidden text) in
	// the nodes before i, so that the text an element shows is its own
	// less what is cut in it.
	cut := slices.Grow(x.runCut[:0], len(x.nodes)+1)[:len(x.nodes)+1]
	x.runHard, x.runCut = hard, cut
	cut[0] = 0
	for i := range x.nodes {
		e := &x.nodes[i]
		hard[i] = e.Parent >= 0 && hard[e.Parent] || e.removed && !softItemMarks.Has(e.mark)
		cut[i+1] = cut[i]
		if hard[i] && (e.Parent < 0 || !hard[e.Parent]) {
			cut[i+1] += int(e.TextLen)
		}
	}
	shownText := func(id int32) int {
		return int(x.nodes[id].TextLen) - (cut[x.nodes[id].End] - cut[id])
	}
	shown := 0
	if len(x.nodes) > 0 {
		shown = shownText(0)
	}
	for i := range x.nodes {
		e := &x.nodes[i]
		if hard[i] {
			continue
		}
		if x.itemText(int32(i)) < min(w.MinRunPlain, w.MinDominantPlain) || x.domOf(e).Type() != html.ElementNode && x.domOf(e).Type() != html.DocumentNode || chromeRegion.Has(e.mark) {
			continue
		}
		groups = groups[:0]
		for c := x.domOf(e).FirstChild(); !c.Nil(); c = c.NextSibling() {
			if c.Type() != html.ElementNode || !itemTag(c) {
				continue
			}
			id := x.labels.ID(c)
			if id < 0 {
				continue
			}
			ce := &x.nodes[id]
			if ce.removed && !softItemMarks.Has(ce.mark) {
				continue
			}
			var g int
			x.sigBuf = appendItemSig(x.sigBuf[:0], c)
			groups, g = groupOf(groups, x.sigBuf, func(sig string) itemGroup { return itemGroup{sig: sig} })
			plain := x.itemText(id)
			groups[g].items = append(groups[g].items, id)
			groups[g].plain += plain
			groups[g].text += int(ce.TextLen)
			groups[g].shown += shownText(id)
			groups[g].link += int(ce.LinkLen)
			if plain >= w.MinItemPlain {
				groups[g].full++
			}
			if int(ce.TextLen) >= w.MinCardText {
				groups[g].cards++
			}
		}
		for _, g := range groups {
			if len(g.items) >= w.MinItems {
				cands = append(cands, itemRun{parent: int32(i), items: append([]int32(nil), g.items...), plain: g.plain, sig: g.sig})
			}
			if !g.dominant(w, shown) && (!g.posts(w) && !g.grid(w) || g.plain < w.MinRunPlain) || runScore(g.plain, len(g.items)) <= runScore(best.plain, len(best.items)) {
				continue
			}
			best = itemRun{parent: int32(i), items: append([]int32(nil), g.items...), plain: g.plain, linked: 2*g.link > g.text, dominant: g.dominant(w, shown), sig: g.sig}
		}
	}
	return best, cands, shownText
}

// itemGroup is a candidate run: the children of one element that share
// a tag and a first class.
type itemGroup struct {
	sig         string
	items       []int32
	plain, full int // full: items of Items.MinItemPlain or more
	text, link  int
	cards       int // items of Items.MinCardText or more
	shown       int // the items' text less what is cut for good in them
}

func (g itemGroup) signature() string { return g.sig }

// appendItemSig appends the kind of an item to b: its tag, a dot and its
// first class name without digits, passing over the striping names
// (firstClass). The children of an element are
// mostly of a few kinds, so groupOf compares each child's kind in a
// reused buffer and makes a string only for a new group.
func appendItemSig(b []byte, c dom.Node) []byte {
	b = append(b, c.Data()...)
	b = append(b, '.')
	for name := range rules.ClassNames(dom.Attr(c, "class")) {
		if rules.RowAlternation[name] {
			continue
		}
		for i := 0; i < len(name); i++ {
			if name[i] >= utf8.RuneSelf {
				return append(b, firstClass(c)...) // strings.Map's reading of invalid UTF-8
			}
		}
		for i := 0; i < len(name); i++ {
			if name[i] < '0' || name[i] > '9' {
				b = append(b, name[i])
			}
		}
		break
	}
	return b
}

// groupOf returns groups and the index in it of the group of items of
// kind sig, appended (made by fresh) when there is none yet.
func groupOf[G interface{ signature() string }](groups []G, sig []byte, fresh func(sig string) G) ([]G, int) {
	for j := range groups {
		if groups[j].signature() == string(sig) {
			return groups, j
		}
	}
	groups = append(groups, fresh(string(sig)))
	return groups, len(groups) - 1
}

// posts reports a run of items that each hold some prose: a thread's
// posts, a listing's entries with summaries.
func (g *itemGroup) posts(w *rules.ItemWeights) bool {
	return g.full >= w.MinItems && 2*g.full >= len(g.items)
}

// grid reports a run of many short items: a shop's product cards, a
// category page's titled links, a table of results. Each holds little
// text, but there are many, nearly all of them with some.
func (g *itemGroup) grid(w *rules.ItemWeights) bool {
	return len(g.items) >= w.MinGridItems && float64(g.cards) >= w.GridShare*float64(len(g.items))
}

// dominant reports a run of cards that holds most of the text the page
// shows outside its menus, footers and hidden parts: a category page of
// a dozen products (a linked name and a price each), a listing of a few
// events or stories. Such a run is the page's content however short its
// items, and however few beside MinGridItems.
func (g *itemGroup) dominant(w *rules.ItemWeights, shown int) bool {
	return len(g.items) >= w.MinDominantItems && float64(g.cards) >= w.GridShare*float64(len(g.items)) &&
		g.plain >= w.MinDominantPlain && float64(g.shown) >= w.DominantShare*float64(shown)
}

// chromeRegion are the marks of a wrapper pardoned for its size (it holds
// much of the page) whose children are still never a run of content.
var chromeRegion = label.MarksOf(map[article.Reason]bool{
	article.ReasonFooter: true, article.ReasonHeader: true, article.ReasonNav: true, article.ReasonSidebar: true,
})

// runScore ranks runs: by their text, and among runs of like text the
// one of more items, so that a page's three wrappers do not outrank the
// forty posts or sections inside one of them.
func runScore(plain, items int) float64 {
	return float64(plain) * math.Sqrt(float64(items))
}

// itemText is the text of the element at id as the items rule weighs
// it: its unlinked text, and its linked text at Items.LinkedText.
func (x *extraction) itemText(id int32) int {
	n := &x.nodes[id]
	return int(n.TextLen) - int(n.LinkLen) + int(x.weights.Items.LinkedText*float64(n.LinkLen))
}

// inItem reports whether the element at id sits in an item of the run.
func (x *extraction) inItem(id int32) bool {
	for _, it := range x.kinds.run.items {
		if id >= it && id < x.nodes[it].End {
			return true
		}
	}
	for _, it := range x.kinds.cousins {
		if id >= it && id < x.nodes[it].End {
			return true
		}
	}
	return false
}

// itemTag reports an element that may be one item of a run: a block
// container, not a paragraph, a heading or inline text.
func itemTag(n dom.Node) bool {
	switch n.DataAtom() {
	case atom.Div, atom.Article, atom.Section, atom.Li, atom.Tr, atom.Dd:
		return true
	}
	return false
}

// firstClass is the first class name of n with its digits taken out:
// items of one kind share it ("post", "message"), while ids and
// alternating row classes ("bg1", "bg2") differ. A name that only
// stripes the rows ("odd", "even": rules.RowAlternation) is passed over.
func firstClass(n dom.Node) string {
	for name := range rules.ClassNames(dom.Attr(n, "class")) {
		if rules.RowAlternation[name] {
			continue
		}
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return -1
			}
			return r
		}, name)
	}
	return ""
}

// keptPlain is the unlinked text (characters, no spaces) of the blocks
// under id that vote for it as content.
func (x *extraction) keptPlain(id int32) int {
	n := 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.words == 0 || !x.ancestorOf(id, b.owner) || x.vote(b) <= 0 {
			continue
		}
		chars := 0 // bytes outside white space
		for w := range strings.FieldsSeq(b.Text) {
			chars += len(w)
		}
		n += chars * (int(b.words) - int(b.linkWords)) / int(b.words)
	}
	return n
}

// markItemTitles records the blocks that open an item of the run.
func (x *extraction) markItemTitles() {
	run := &x.kinds.run
	if run.parent < 0 || len(run.items) == 0 {
		return
	}
	w := &x.weights.Items
	x.kinds.titles, x.kinds.badged = map[int]bool{}, map[int]int{}
	k := 0
	// badge: a card of a grid opened with a short unlinked line of
	// words ("Top Rated", "Sale", "Compare"); its title is the linked
	// line after it, when that line is words, not a date ("Posted by"
	// over a post's linked timestamp).
	//
	// A card (an item of a run shorter than posts, Items.MinPostPlain
	// each) that opens with something else than a heading (its topic,
	// its format: "Data Science", "Online") and names itself in a heading
	// further down has that heading, its first, as its title too, when
	// it is more than one word (a poster's name set as a heading is no
	// title); a post's headings are its text's.
	grid := len(run.items) >= w.MinGridItems
	cards := run.plain < w.MinPostPlain*len(run.items)
	badge := -1
	opened, headed := false, false // the item's first block, and a heading, seen
	for i := range x.blocks {
		b := &x.blocks[i]
		for k < len(run.items) && b.owner >= x.nodes[run.items[k]].End {
			k++
			badge = -1
			opened, headed = false, false
		}
		if k == len(run.items) {
			break
		}
		it := run.items[k]
		if b.owner < it || b.Type == article.Figure {
			continue
		}
		line := int(b.words) <= w.MaxTitleWords && (b.Type == article.Heading || b.Type == article.Paragraph)
		if opened {
			if cards && !headed && line && b.Type == article.Heading && int(b.words) >= 2 {
				x.kinds.titles[i] = true
			}
			headed = headed || b.Type == article.Heading
			continue
		}
		if badge >= 0 {
			if line && b.linkWords > 0 && wordy(b.Text) {
				x.kinds.badged[i] = badge
			}
			badge = -1
			opened, headed = true, b.Type == article.Heading
			continue
		}
		if line {
			x.kinds.titles[i] = true
		}
		if grid && b.Type == article.Paragraph && b.linkWords == 0 && int(b.words) <= w.MaxLabelWords && hasLetter(b.Text) {
			badge = i // look at the next block of the item too
			continue
		}
		opened, headed = true, b.Type == article.Heading
	}
}

// markItemLabels records the short lines that most items of the run
// print alike: the labels of a post's author box or of a card's buttons.
func (x *extraction) markItemLabels() {
	run := &x.kinds.run
	w := &x.weights.Items
	// Only posts have furniture: on cards (a shop's, a listing's) the
	// short repeated lines are the items' fields.
	if len(run.items) == 0 || run.plain < w.MinPostPlain*len(run.items) {
		return
	}
	seen := map[string][]int{} // folded text -> blocks
	items := map[string]int{}  // folded text -> items holding it
	last := map[string]int{}   // folded text -> the last item counted
	k := 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.words == 0 || int(b.words) > w.MaxLabelWords || b.Type != article.Paragraph && b.Type != article.Heading {
			continue
		}
		for k < len(run.items) && b.owner >= x.nodes[run.items[k]].End {
			k++
		}
		if k == len(run.items) {
			break
		}
		if b.owner < run.items[k] {
			continue
		}
		t := labelKey(b.Text)
		seen[t] = append(seen[t], i)
		if n, ok := last[t]; !ok || n != k {
			items[t]++
			last[t] = k
		}
	}
	need := max(w.MinItems, int(w.LabelShare*float64(len(run.items))+0.5))
	for t, n := range items {
		if n < need {
			continue
		}
		if x.kinds.labels == nil {
			x.kinds.labels = map[int]bool{}
		}
		for _, i := range seen[t] {
			x.kinds.labels[i] = true
		}
	}
}

// badgedTitle reports whether block i is a card's title after its badge
// (markItemTitles), the badge not cut as a teaser heading: "Most Read"
// over a list of links is no card's badge.
func (x *extraction) badgedTitle(i int) bool {
	j, ok := x.kinds.badged[i]
	return ok && x.blocks[j].reason != label.MarkTeaser
}

// wordy reports whether more of the fields of s open with a letter than
// with a digit: a name ("Nikon Z6III Mirrorless Camera"), not a date or
// a time ("07/03/24 03:44 PM").
func wordy(s string) bool {
	n := 0
	for _, f := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(f)
		switch {
		case unicode.IsLetter(r):
			n++
		case unicode.IsDigit(r):
			n--
		}
	}
	return n > 0
}

// hasLetter reports whether s holds a letter: a badge is words, not a
// discount or a rank ("-30%", "1.").
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
