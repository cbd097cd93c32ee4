package content

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"unicode"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// block is one candidate piece of the body, before filtering. Its
// article.Block lives in extraction.out, at the same index, so that the
// kept blocks become the result where they are, without a copy; the
// pointer is set once the blocks are built (linkBlocks).
//
// The fields are ordered so that the struct has little padding (24
// bytes): a page may hold a block per few bytes of input.
type block struct {
	*article.Block
	owner int32 // the element that holds the block
	// teaser is set for a block inside a teaser card, or a list of them.
	teaser bool
	// reason is set when the block is cut; keep when it is kept.
	keep   bool
	reason label.Mark
	// fill caches filler's answer: the votes ask it again and again.
	fill fillState
	// words is the size in words (CJK characters count half a word
	// each), linkWords those inside links; int32, as a block's text is
	// held to the page's size limit, far below 2^31 words.
	words, linkWords int32
}

// clampWords is n as an int32, or the largest int32 when n is larger.
func clampWords(n int) int32 { return int32(min(n, math.MaxInt32)) }

// removedTree is a marked subtree cut in the label pass, kept for --explain.
type removedTree struct {
	id     int32
	reason article.Reason
	before int // how many blocks came before it, to list removals in page order
}

// buildBlocks runs the second pass: it flattens the kept tree into blocks.
func (x *extraction) buildBlocks(doc dom.Node) {
	if n := len(x.nodes); n > maxPooledNodes && cap(x.out) == 0 {
		// A huge page gets its block tables sized at once: grown by
		// appending, they would be copied many times over.
		est := x.countBlocks(doc)
		x.out = make([]article.Block, 0, est)
		x.blocks = make([]block, 0, est)
	}
	x.comments = x.comments[:0]
	f := &flow{x: x, owner: 0}
	f.walk(doc, 0, 0, false)
	f.flush()
	x.linkBlocks()
}

// countBlocks estimates the blocks a page makes: one for each run of
// text that is not blank inside one block-level element (its inline
// elements, links and emphasis, do not start another), one for each
// image, and one for each data table, whose cells become its rows, not
// blocks. Line breaks can split a run further; the tables then grow.
func (x *extraction) countBlocks(doc dom.Node) int {
	n := 1
	var last dom.Node // the block-level element of the last run counted
	dom.Walk(doc, func(c dom.Node) dom.Step {
		switch {
		case c.Type() == html.TextNode && strings.TrimSpace(c.Data()) != "":
			b := c.Parent()
			for !b.Nil() && b.Type() == html.ElementNode && rules.InlineTags[b.Data()] {
				b = b.Parent()
			}
			if b != last {
				n++
				last = b
			}
		case c.Type() == html.ElementNode && c.DataAtom() == atom.Img:
			n++
			last = dom.Node{}
		case c.Type() == html.ElementNode && c.DataAtom() == atom.Table:
			if id := x.labels.ID(c); id > 0 && x.isDataTable(c, id) && !x.tableOfItems(id) {
				n++
				last = dom.Node{}
				return dom.Skip
			}
		}
		return dom.Descend
	}, nil)
	return n
}

// flow accumulates the inline text of the element being walked.
type flow struct {
	x         *extraction
	buf       []byte
	linkWords int
	links     []pendingLink
	marks     []pendingMark // with Options.Formatting
	owner     int32
	brs       int // consecutive <br>s at the end of buf
	flushes   int // paragraphs flushed so far, to tell when buf restarted
}

// walk flows the children of n, whose label id is nid. Children are
// numbered after their parent, each after the subtree of the one
// before, so their ids need no index lookup.
func (f *flow) walk(n dom.Node, nid, owner int32, inLink bool) {
	next := nid + 1
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		switch c.Type() {
		case html.TextNode:
			f.text(c.Data(), owner, inLink)
		case html.ElementNode:
			if f.x.labels.Check().Stop() {
				return
			}
			id := f.x.labels.ChildID(next, c)
			next = f.x.nodes[id].End
			f.element(c, id, owner, inLink)
		}
	}
}

func (f *flow) text(s string, owner int32, inLink bool) {
	if len(f.buf) == 0 {
		f.owner = owner
	}
	before := len(f.buf)
	f.buf = dom.AppendCollapsed(f.buf, s)
	if len(f.buf) > before && strings.TrimSpace(s) != "" {
		f.brs = 0
	}
	if inLink {
		f.linkWords += dom.CountWords(f.buf[before:])
	}
}

func (f *flow) element(n dom.Node, id, owner int32, inLink bool) {
	x := f.x
	e := &x.nodes[id]
	inline := rules.InlineTags[n.Data()]
	if x.cut(e) {
		if !inline {
			f.flush()
		}
		if x.inComments {
			return
		}
		if x.opts.Explain && !e.Drop() {
			x.removedTrees = append(x.removedTrees, removedTree{id: id, reason: e.mark.Reason(), before: len(x.blocks)})
		}
		if x.opts.Comments && e.mark == label.MarkComments && !e.Drop() {
			x.collectComments(n, id)
		}
		return
	}
	switch n.DataAtom() {
	case atom.Br:
		if len(f.buf) == 0 {
			f.owner = owner // a paragraph may open with a break
		}
		f.brs++
		if f.brs >= f.x.weights.ParagraphBreaks {
			f.flush()
		} else {
			f.buf = append(f.buf, '\n')
		}
		return
	case atom.A:
		start, flushes := len(f.buf), f.flushes
		f.walk(n, id, owner, true)
		if f.flushes != flushes {
			// A block inside the link flushed buf: what buf holds now
			// is all link text.
			start = 0
		}
		if x.opts.KeepLinks {
			if href := dom.Resolve(dom.Attr(n, "href"), x.opts.PageURL); href != "" {
				f.addLink(start, href)
			}
		}
		return
	case atom.Img:
		if strings.TrimSpace(string(f.buf)) == "" && !inLink {
			f.image(n, id)
		}
		return
	case atom.Hr:
		f.flush()
		return
	}
	if inline {
		if k := rules.MarkTags[n.Data()]; k != "" && x.opts.Formatting {
			start, flushes := len(f.buf), f.flushes
			f.walk(n, id, owner, inLink)
			if f.flushes != flushes {
				start = 0 // as for a link
			}
			f.addMark(start, k)
			return
		}
		f.walk(n, id, owner, inLink)
		return
	}
	f.flush()
	switch n.DataAtom() {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		text, lw, marks := x.textMarks(n)
		x.addBlock(article.Block{Type: article.Heading, Level: int(n.Data()[1] - '0'), Text: text, Marks: headingMarks(text, marks)}, id, lw)
	case atom.Ul, atom.Ol:
		if x.isLayoutList(n) {
			f.walk(n, id, id, inLink)
			break
		}
		x.list(n, id)
	case atom.Blockquote:
		if x.hasBlockChildren(n) && int(x.nodes[id].TextLen) > x.weights.LayoutQuoteText {
			f.walk(n, id, id, inLink) // a quote used as a layout wrapper
			break
		}
		text, lw, marks := x.textMarks(n)
		x.addBlock(article.Block{Type: article.Quote, Text: text, Marks: marks}, id, lw)
	case atom.Pre:
		text := x.codeText(n)
		var lang string
		if x.opts.Formatting {
			lang = codeLang(n)
		}
		x.addBlock(article.Block{Type: article.Code, Text: strings.Trim(text, "\n"), Lang: lang}, id, 0)
	case atom.Table:
		if x.isDataTable(n, id) && !x.tableOfItems(id) {
			x.table(n, id)
		} else {
			f.walk(n, id, id, inLink)
		}
	case atom.Figure:
		if textFigure(n) {
			f.walk(n, id, id, inLink) // a quote or a listing, with its caption
			break
		}
		x.figure(n, id)
	default:
		f.walk(n, id, id, inLink)
	}
	f.flush()
}

// flush turns the pending inline text into a paragraph block.
func (f *flow) flush() {
	if len(f.buf) == 0 {
		return
	}
	var text string
	var links []article.Link
	var marks []article.Mark
	switch {
	case len(f.marks) > 0:
		text, links, marks = f.placeSpans()
	case len(f.links) > 0:
		text, links = f.placeLinks()
	default:
		text = cleanLines(f.buf)
	}
	if text != "" {
		f.x.addBlock(article.Block{Type: article.Paragraph, Text: text, Links: links, Marks: marks}, f.owner, f.linkWords)
	}
	f.buf = f.buf[:0]
	f.flushes++
	f.linkWords = 0
	f.links = nil
	f.marks = nil
	f.brs = 0
}

// pendingLink is a link of the paragraph being built, its words at
// buf[start:end].
type pendingLink struct {
	start, end int
	href       string
}

// addLink records the link whose words fill buf from start on, without
// the spaces around them.
func (f *flow) addLink(start int, href string) {
	t := f.buf[start:]
	end := start + len(bytes.TrimRightFunc(t, unicode.IsSpace))
	start = end - len(bytes.TrimLeftFunc(f.buf[start:end], unicode.IsSpace))
	if start < end {
		f.links = append(f.links, pendingLink{start, end, href})
	}
}

// placeLinks cleans buf into the paragraph's text, as cleanLines does, and
// moves its links' offsets to the same words in the text.
func (f *flow) placeLinks() (string, []article.Link) {
	offs := make([]int, 0, 2*len(f.links))
	for _, l := range f.links {
		offs = append(offs, l.start, l.end)
	}
	text := cleanLinesAt(string(f.buf), offs)
	links := make([]article.Link, 0, len(f.links))
	for i, l := range f.links {
		if s, e := offs[2*i], offs[2*i+1]; s < e {
			links = append(links, article.Link{Text: text[s:e], Href: l.href, Start: s, End: e})
		}
	}
	return text, links
}

// image makes a figure of an image that stands alone in the flow.
func (f *flow) image(n dom.Node, id int32) {
	x := f.x
	if x.opts.DropImages {
		return
	}
	src := imageSrc(n, x.opts.PageURL)
	if src == "" || tinyImage(n, x.weights.TinyImageSide) {
		return
	}
	f.flush()
	x.addBlock(article.Block{Type: article.Figure, Src: src, Alt: strings.TrimSpace(dom.Attr(n, "alt"))}, id, 0)
}

// addBlock adds a block of the body, or, while a comment section is
// read (collectComments), of the comments.
func (x *extraction) addBlock(b article.Block, owner int32, linkWords int) {
	var words int
	switch b.Type {
	case article.List:
		for _, it := range b.Items {
			words += dom.CountWords(it)
		}
	case article.Table:
		for _, r := range b.Rows {
			for _, c := range r {
				words += dom.CountWords(c)
			}
		}
	case article.Figure:
	default:
		if b.Text == "" {
			return
		}
		words = dom.CountWords(b.Text)
	}
	if x.inComments {
		x.addComment(b, words, linkWords)
		return
	}
	x.out = append(x.out, b)
	x.blocks = append(x.blocks, block{owner: owner, words: clampWords(words), linkWords: clampWords(min(linkWords, words)), teaser: x.inCard(owner)})
}

// linkBlocks points each block at its article.Block, once x.out no
// longer grows.
func (x *extraction) linkBlocks() {
	for i := range x.blocks {
		x.blocks[i].Block = &x.out[i]
	}
}

// inCard reports whether the element at id is, or sits in, a teaser card.
func (x *extraction) inCard(id int32) bool {
	for ; id >= 0; id = x.nodes[id].Parent {
		if x.nodes[id].card {
			return true
		}
	}
	return false
}

// list turns a <ul> or <ol> into one list block, an item per <li>.
func (x *extraction) list(n dom.Node, id int32) {
	var items []string
	var marks []article.Mark
	linkWords, cards, pos := 0, 0, 0 // pos: where the next item starts in the items joined by "\n"
	dom.Walk(n, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode || x.cut(&x.nodes[x.labels.Index(c)]) {
			return dom.Skip
		}
		if c.DataAtom() != atom.Li {
			return dom.Descend
		}
		if x.nodes[x.labels.Index(c)].card {
			cards++
		}
		if t, lw, ms := x.textMarks(c); t != "" {
			items = append(items, t)
			linkWords += lw
			for _, m := range ms {
				marks = append(marks, article.Mark{Kind: m.Kind, Start: pos + m.Start, End: pos + m.End})
			}
			pos += len(t) + 1
		}
		return dom.Skip
	}, nil)
	if len(items) == 0 {
		return
	}
	x.addBlock(article.Block{Type: article.List, Items: items, Ordered: n.DataAtom() == atom.Ol, Marks: marks}, id, linkWords)
	if !x.inComments && float64(cards) >= x.weights.TeaserListShare*float64(len(items)) && cards >= x.weights.TeaserListCards {
		x.blocks[len(x.blocks)-1].teaser = true
	}
}

// isLayoutList reports a list used to lay out the page rather than to
// list things: its items hold sections, headings or other lists of their
// own, so they are walked as containers.
func (x *extraction) isLayoutList(n dom.Node) bool {
	depth := 0 // of the element entered, below n's children
	return !dom.Walk(n, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode {
			return dom.Skip
		}
		switch c.DataAtom() {
		case atom.Div, atom.Section, atom.Article, atom.Table, atom.Figure, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol:
			if depth > 0 && (c.DataAtom() != atom.Div || x.hasBlockChildren(c)) {
				return dom.Stop
			}
		}
		depth++
		return dom.Descend
	}, func(dom.Node) { depth-- })
}

// isDataTable tells a table of data from a table used for page layout.
// A data table has two rows or a header, and short cells with no
// sections, lists or tables of their own, however many rows it holds: a
// season's results or a price list runs to thousands.
func (x *extraction) isDataTable(n dom.Node, id int32) bool {
	rows, header := 0, false
	data := dom.Walk(n, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode {
			return dom.Skip
		}
		switch c.DataAtom() {
		case atom.Table, atom.Ul, atom.Ol, atom.H1, atom.H2, atom.H3, atom.Blockquote, atom.Form:
			return dom.Stop
		case atom.P, atom.Div:
			if int(x.nodes[x.labels.Index(c)].TextLen) > x.weights.MaxDataCellBlock || c.DataAtom() == atom.Div && x.hasBlockChildren(c) {
				return dom.Stop
			}
		case atom.Tr:
			rows++
		case atom.Th, atom.Thead, atom.Caption:
			header = true
		}
		if (c.DataAtom() == atom.Td || c.DataAtom() == atom.Th) && int(x.nodes[x.labels.Index(c)].TextLen) > x.weights.MaxDataCell {
			return dom.Stop
		}
		return dom.Descend
	}, nil)
	return data && (rows >= x.weights.MinDataTableRows || header)
}

// tableOfItems reports a table whose rows are the items of a lifted run
// of cards that are links (an index of stories or jobs, a row each): it
// is read row by row as a layout, so that each item's title is kept as
// such, not weighed whole as one table of links.
func (x *extraction) tableOfItems(id int32) bool {
	run := &x.kinds.run
	if !x.kinds.lifted || !run.linked || len(run.items) == 0 || x.labels.DOM(run.items[0]).DataAtom() != atom.Tr {
		return false
	}
	// The rows' parent is the table or its <tbody>.
	return run.parent == id || x.nodes[run.parent].Parent == id
}

// table turns a data table into rows of cell text. A table may hold
// thousands of rows of a few bytes each, so its text is gathered in one
// string and its cells in one slice, the rows slices of it: a few
// allocations a table rather than a few a cell.
func (x *extraction) table(n dom.Node, id int32) {
	// The text is sized from the label pass's count of the table's
	// characters outside white space, with room for the spaces between
	// words, and the offsets double when full: append grows a large slice
	// by a quarter, which for a table of thousands of rows copies it over
	// and over.
	size := int(x.nodes[id].TextLen)
	text := make([]byte, 0, size+size/4+64) // every cell's cleaned text, in order
	var ends []int32                        // where each cell's text ends in text
	var rowEnds []int32                     // where each row's cells end in ends
	linkWords := 0
	dom.Walk(n, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode || x.cut(&x.nodes[x.labels.Index(c)]) {
			return dom.Skip
		}
		if c.DataAtom() != atom.Tr {
			return dom.Descend
		}
		first, start := len(ends), len(text)
		for cell := range dom.Elements(c) {
			if (cell.DataAtom() == atom.Td || cell.DataAtom() == atom.Th) && !x.cut(&x.nodes[x.labels.Index(cell)]) {
				var lw int
				text, lw = x.appendTextOf(text, cell)
				ends = append(doubled(ends), int32(len(text)))
				linkWords += lw
			}
		}
		if len(text) == start {
			ends = ends[:first] // a row of empty cells, or of none
		} else {
			rowEnds = append(doubled(rowEnds), int32(len(ends)))
		}
		return dom.Skip
	}, nil)
	if len(rowEnds) == 0 {
		return
	}
	// The text becomes the cells' string without a copy: nothing else
	// holds it or writes to it again.
	all := unsafe.String(unsafe.SliceData(text), len(text))
	cells := make([]string, len(ends))
	for i, start := 0, int32(0); i < len(ends); i++ {
		cells[i] = all[start:ends[i]]
		start = ends[i]
	}
	rows := make([][]string, len(rowEnds))
	for i, start := 0, int32(0); i < len(rowEnds); i++ {
		rows[i] = cells[start:rowEnds[i]:rowEnds[i]]
		start = rowEnds[i]
	}
	x.addBlock(article.Block{Type: article.Table, Rows: rows}, id, linkWords)
}

// doubled returns s with room for one more element, doubling a full s.
func doubled(s []int32) []int32 {
	if len(s) < cap(s) {
		return s
	}
	return slices.Grow(s, max(len(s), 8))
}

// figure turns a <figure> into a figure block: its image, caption and
// credit. A caption that the page prints twice inside the figure is kept once.
func (x *extraction) figure(n dom.Node, id int32) {
	var src, alt string
	var caption, credit []string
	dom.Walk(n, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode {
			return dom.Skip
		}
		e := &x.nodes[x.labels.Index(c)]
		switch {
		case e.removed && e.mark != label.MarkCredit && e.mark != label.MarkCaption:
			// hidden or chrome inside the figure; credits and
			// captions are read below even when marked
		case c.DataAtom() == atom.Img && src == "":
			src = imageSrc(c, x.opts.PageURL)
			alt = strings.TrimSpace(dom.Attr(c, "alt"))
		case e.mark == label.MarkCredit || c.DataAtom() == atom.Small && isCaptionPart(c.Parent()):
			if t, _ := x.textOfAll(c); t != "" {
				credit = appendOnce(credit, t)
			}
		case c.DataAtom() == atom.Figcaption:
			return dom.Descend // the caption is read on the way out
		case e.removed:
		default:
			return dom.Descend
		}
		return dom.Skip
	}, func(c dom.Node) {
		if c.DataAtom() != atom.Figcaption {
			return
		}
		// Caption-named parts of a figcaption are its caption.
		if t, _ := x.captionText(c); t != "" {
			for _, cr := range credit {
				t = strings.TrimSpace(strings.Replace(t, cr, "", 1))
			}
			caption = appendOnce(caption, t)
		}
	})
	if x.opts.DropImages || src == "" && len(caption) == 0 {
		return
	}
	x.addBlock(article.Block{
		Type: article.Figure, Src: src, Alt: alt,
		Caption: strings.Join(caption, " "), Credit: strings.Join(credit, " "),
	}, id, 0)
}

func isCaptionPart(n dom.Node) bool { return n.DataAtom() == atom.Figcaption }

// textFigure reports a <figure> that frames text rather than a picture:
// no image, video or embed in it, and a quote, a listing, a table or a
// paragraph outside its caption (a testimonial in a <blockquote> over
// its author's name, a code listing). Its text is read as any
// container's.
func textFigure(n dom.Node) bool {
	text := false
	for c := range n.Descendants() {
		if c.Type() != html.ElementNode {
			continue
		}
		switch c.DataAtom() {
		case atom.Img, atom.Picture, atom.Video, atom.Svg, atom.Iframe, atom.Object, atom.Embed, atom.Canvas, atom.Audio:
			return false
		case atom.Blockquote, atom.Pre, atom.Table, atom.P:
			if !insideCaption(c, n) {
				text = true
			}
		}
	}
	return text
}

// insideCaption reports whether c sits in a <figcaption> of the figure fig.
func insideCaption(c, fig dom.Node) bool {
	for p := c.Parent(); !p.Nil() && p != fig; p = p.Parent() {
		if p.DataAtom() == atom.Figcaption {
			return true
		}
	}
	return false
}

func appendOnce(list []string, s string) []string {
	for _, have := range list {
		if have == s || strings.Contains(have, s) {
			return list
		}
	}
	return append(list, s)
}

// captionText is collectText that also reads descendants removed only for
// being named as captions.
func (x *extraction) captionText(n dom.Node) (string, int) {
	return x.collectText(n, func(e *elem) bool { return e.mark == label.MarkCaption })
}

// appendTextOf appends the collapsed text of n's kept subtree to dst,
// with a line break between block-level children, and returns the number
// of words inside links.
func (x *extraction) appendTextOf(dst []byte, n dom.Node) ([]byte, int) {
	buf, lw, _ := x.gatherSpans(n, nil, false)
	dst = appendCleanLines(dst, buf)
	x.textBuf = buf[:0]
	return dst, lw
}

// textOfAll is collectText that also reads removed descendants.
func (x *extraction) textOfAll(n dom.Node) (string, int) {
	return x.collectText(n, func(*elem) bool { return true })
}

// collectText gathers the text of n's subtree. Removed elements are
// skipped unless read says to read them.
func (x *extraction) collectText(n dom.Node, read func(*elem) bool) (string, int) {
	text, lw, _ := x.collectSpans(n, read, false)
	return text, lw
}

// textMarks is collectText (no removed descendants read) with the marks
// of the text when the caller asked for formatting.
func (x *extraction) textMarks(n dom.Node) (string, int, []article.Mark) {
	return x.collectSpans(n, nil, x.opts.Formatting)
}

// collectSpans is collectText that also returns the marks of the text
// when withMarks is set.
func (x *extraction) collectSpans(n dom.Node, read func(*elem) bool, withMarks bool) (string, int, []article.Mark) {
	// The text is gathered in the extraction's buffer, and copied out
	// of it when cleaned.
	buf, linkWords, marks := x.gatherSpans(n, read, withMarks)
	defer func() { x.textBuf = buf[:0] }()
	if len(marks) == 0 {
		return cleanLines(buf), linkWords, nil
	}
	text, _, ms := cleanSpans(buf, nil, marks)
	return text, linkWords, ms
}

// gatherSpans gathers the raw text of n's subtree in the extraction's
// buffer, which it returns: the caller cleans it and hands it back
// (x.textBuf = buf[:0]).
func (x *extraction) gatherSpans(n dom.Node, read func(*elem) bool, withMarks bool) ([]byte, int, []pendingMark) {
	buf := x.textBuf[:0]
	var open, marks []pendingMark // open: the mark elements entered, start only
	linkWords := 0
	links := 0 // links entered; n itself counts when it is one
	if n.DataAtom() == atom.A {
		links++
	}
	dom.Walk(n, func(c dom.Node) dom.Step {
		switch c.Type() {
		case html.TextNode:
			before := len(buf)
			buf = dom.AppendCollapsed(buf, c.Data())
			if links > 0 {
				linkWords += dom.CountWords(buf[before:])
			}
			return dom.Skip
		case html.ElementNode:
			e := &x.nodes[x.labels.Index(c)]
			if e.Drop() || x.cut(e) && (read == nil || !read(e)) {
				return dom.Skip
			}
			if c.DataAtom() == atom.Br {
				buf = append(buf, '\n')
				return dom.Skip
			}
			if !rules.InlineTags[c.Data()] {
				buf = append(buf, '\n')
			}
			if c.DataAtom() == atom.A {
				links++
			}
			if withMarks {
				if k := rules.MarkTags[c.Data()]; k != "" {
					open = append(open, pendingMark{start: len(buf), kind: k})
				}
			}
			return dom.Descend
		}
		return dom.Skip
	}, func(c dom.Node) {
		if !rules.InlineTags[c.Data()] {
			buf = append(buf, '\n')
		}
		if c.DataAtom() == atom.A {
			links--
		}
		if withMarks && len(open) > 0 && rules.MarkTags[c.Data()] != "" {
			m := open[len(open)-1]
			open = open[:len(open)-1]
			if s, e := trimSpan(buf, m.start, len(buf)); s < e {
				marks = append(marks, pendingMark{start: s, end: e, kind: m.kind})
			}
		}
	})
	return buf, linkWords, marks
}

func (x *extraction) hasBlockChildren(n dom.Node) bool {
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		if c.Type() == html.ElementNode && !rules.InlineTags[c.Data()] && c.DataAtom() != atom.Br {
			return true
		}
	}
	return false
}

// cleanLines trims every line and drops empty ones.
func cleanLines(s []byte) string {
	if bytes.IndexByte(s, '\n') < 0 {
		return string(bytes.TrimSpace(s))
	}
	// The lines are copied once, into the text, from the buffer they
	// were gathered in; the text takes over the new bytes, which nothing
	// else holds, as strings.Builder does.
	b := appendCleanLines(make([]byte, 0, len(s)), s)
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendCleanLines appends s to dst with every line trimmed and the
// empty ones dropped.
func appendCleanLines(dst, s []byte) []byte {
	start := len(dst)
	for line := range bytes.SplitSeq(s, newline) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if len(dst) > start {
			dst = append(dst, '\n')
		}
		dst = append(dst, line...)
	}
	return dst
}

var newline = []byte{'\n'}

// cleanLinesAt is cleanLines that also moves the byte offsets offs in s
// to the same characters in the cleaned text; an offset in the spaces
// dropped between lines moves to the start of the next line.
func cleanLinesAt(s string, offs []int) string {
	var b strings.Builder
	moved := make([]bool, len(offs))
	for pos := 0; pos <= len(s); {
		nl := strings.IndexByte(s[pos:], '\n')
		if nl < 0 {
			nl = len(s) - pos
		}
		line := s[pos : pos+nl]
		trimmed := strings.TrimLeftFunc(line, unicode.IsSpace)
		ls := pos + len(line) - len(trimmed)
		trimmed = strings.TrimRightFunc(trimmed, unicode.IsSpace)
		le := ls + len(trimmed)
		if trimmed != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			at := b.Len()
			for i, o := range offs {
				if !moved[i] && o <= le {
					offs[i], moved[i] = at+max(o-ls, 0), true
				}
			}
			b.WriteString(trimmed)
		}
		pos += nl + 1
	}
	for i := range offs {
		if !moved[i] {
			offs[i] = b.Len()
		}
	}
	return b.String()
}

// codeText returns the text of a <pre> as written, without the pieces the
// label pass removed (a "Copy" button, a hidden line-number gutter).
func (x *extraction) codeText(n dom.Node) string {
	return dom.RawText(n, func(c dom.Node) bool { return x.cut(&x.nodes[x.labels.Index(c)]) })
}

// imageSrc returns an image's address, preferring lazy-loading attributes
// over a placeholder src.
func imageSrc(n dom.Node, base string) string {
	src := ""
	for _, key := range []string{"data-src", "data-lazy-src", "data-original", "src"} {
		if v := strings.TrimSpace(dom.Attr(n, key)); v != "" && !dom.HasScheme(v, "data:") {
			src = v
			break
		}
	}
	if src == "" {
		if f := strings.Fields(strings.Split(dom.Attr(n, "srcset"), ",")[0]); len(f) > 0 {
			src = f[0]
		}
	}
	return dom.Resolve(src, base)
}

// tinyImage reports an image with a width or height under side pixels.
func tinyImage(n dom.Node, side int) bool {
	for _, key := range []string{"width", "height"} {
		v := dom.Attr(n, key)
		if v == "" {
			continue
		}
		num := 0
		for _, c := range v {
			if c < '0' || c > '9' {
				break
			}
			num = num*10 + int(c-'0')
		}
		if num > 0 && num < side {
			return true
		}
	}
	return false
}
