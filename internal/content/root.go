package content

import (
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// pickRoot runs the third step: every block votes for the elements that
// hold it, and the element with the best total becomes the article root.
//
// A content-like block adds its words (less its linked words); a
// chrome-like one subtracts them. The page's <body> therefore collects
// the body text minus all the chrome, while the article's own container
// collects the body text minus only the chrome inside it, and wins.
func (x *extraction) pickRoot() {
	x.voteAll()
	if x.bestScore() < float64(x.weights.MinArticleWords) && x.captionsAreTheText() {
		// A slideshow: its only prose is a caption per slide, so the
		// captions vote and make the body.
		x.captionBody = true
		x.voteAll()
	}
	x.selectRoot()
}

// voteAll has every block vote for the elements that hold it.
func (x *extraction) voteAll() {
	x.scores = resize(x.scores, len(x.nodes))
	scores := x.scores
	chk := x.labels.Check()
	for i := range x.blocks {
		if chk.Stop() {
			return
		}
		v := x.vote(&x.blocks[i])
		if v == 0 {
			continue
		}
		for id := x.blocks[i].owner; id >= 0; id = x.nodes[id].Parent {
			scores[id] += v
		}
	}
}

// sideVotes sums, for each element of ids (each an ancestor of the one
// before it), the votes of the blocks under it by side, as magnitudes:
// body paragraphs in pos, all else (chrome, lists, tables, labels) in
// neg. Each sum adds the same votes in the same order as voteAll adds
// them to an element's score, so it is what a table of such votes for
// every element would hold, without the 16 bytes an element.
func (x *extraction) sideVotes(ids []int32, pos, neg []float64) {
	top := ids[len(ids)-1]
	for i := range x.blocks {
		b := &x.blocks[i]
		if !x.holds(top, b.owner) {
			continue
		}
		v := x.vote(b)
		if v == 0 {
			continue
		}
		side := neg
		if v > 0 && x.longParagraph(b) {
			side = pos
		}
		for k := len(ids) - 1; k >= 0 && x.holds(ids[k], b.owner); k-- {
			side[k] += max(v, -v)
		}
	}
}

// holds reports whether the element at id is a or inside it.
func (x *extraction) holds(a, id int32) bool {
	return a <= id && id < x.nodes[a].End
}

// bestScore is the highest score of an element that is not removed.
func (x *extraction) bestScore() float64 {
	best := 0.0
	for id, s := range x.scores {
		if s > best && !x.nodes[id].removed {
			best = s
		}
	}
	return best
}

// captionsAreTheText reports a page with at least
// Weights.CaptionBodyFigures figures whose captions run
// Weights.CaptionBodyWords words or more.
func (x *extraction) captionsAreTheText() bool {
	n := 0
	for i := range x.blocks {
		if b := &x.blocks[i]; b.Type == article.Figure && !b.teaser && dom.CountWords(b.Caption) >= x.weights.CaptionBodyWords {
			n++
		}
	}
	return n >= x.weights.CaptionBodyFigures
}

// captionWords is the words of a figure's caption on a page whose body
// is its captions, else 0.
func (x *extraction) captionWords(b *block) int {
	if !x.captionBody || b.Type != article.Figure {
		return 0
	}
	return dom.CountWords(b.Caption)
}

// selectRoot picks the best-scoring element as the root and corrects it.
func (x *extraction) selectRoot() {
	scores := x.scores
	best, bestScore := int32(0), 0.0
	for id := range x.nodes {
		s := scores[id]
		if s <= 0 || x.nodes[id].removed {
			continue
		}
		switch x.nodes[id].ContentHint {
		case 2:
			s *= x.weights.NamedBodyBoost
		case 1:
			s *= x.weights.ContentBoost
		}
		// >= lets a deeper element win a tie: what its ancestor adds
		// voted for nothing.
		if s >= bestScore {
			best, bestScore = int32(id), s
		}
	}
	// An element named as the article body inside the best one is a
	// better root when it holds most of the score: what the best adds
	// around it is the page's, not the article's.
	for id := best + 1; int(id) < len(x.nodes); id++ {
		if x.nodes[id].ContentHint == 2 && !x.nodes[id].removed && scores[id] >= x.weights.NamedBodyShare*scores[best] && x.ancestorOf(best, id) {
			best = id
			break
		}
	}
	// An element named as the article body a few levels up is a better
	// root than a part of it, if it does not cost too much.
	for id, depth := x.nodes[best].Parent, 0; id >= 0 && depth < x.weights.ClimbLevels; id, depth = x.nodes[id].Parent, depth+1 {
		if x.nodes[id].ContentHint == 2 && scores[id] >= x.weights.ClimbShare*scores[best] {
			best = id
			break
		}
	}
	x.root = x.extendRoot(x.anchorToTitle(best, scores), best)
}

// extendRoot widens the root to an ancestor when the root's siblings
// hold more of the same prose: a body split into several sibling
// containers (page-builder text modules, a lead in an intro box, the
// rest of the story after an inline box, a cell per part of a layout
// table). An ancestor is taken when the body paragraphs it adds are at
// least Weights.ExtendProseShare of the root's, and all else it adds
// (chrome, lists, tables, labels) at most Weights.ExtendChromeShare of
// those paragraphs; wrappers that add nothing are climbed through, up
// to Weights.ExtendLevels levels.
func (x *extraction) extendRoot(root, top int32) int32 {
	if x.weights.ExtendLevels <= 0 {
		return root
	}
	// The headline bounds the climb: a root that holds it is the story's
	// own container, and a root under it does not grow to take in the
	// header (its dek, its kicker) or a sidebar beside the story. A root
	// narrowed to the headline (anchorToTitle) may grow back towards
	// the element it was narrowed from, top.
	head := x.titleHeading()
	holds := head >= 0 && x.ancestorOf(root, head)
	if holds && (top == root || !x.ancestorOf(top, root)) {
		return root
	}
	// The climb's steps: root and the ancestors it may reach, the
	// votes of each by side (sideVotes).
	var idBuf [8]int32
	ids := append(idBuf[:0], root)
	for id, depth := x.nodes[root].Parent, 0; id >= 0 && depth < x.weights.ExtendLevels; id, depth = x.nodes[id].Parent, depth+1 {
		if x.nodes[id].removed || !holds && head >= 0 && x.ancestorOf(id, head) || holds && !x.ancestorOf(top, id) {
			break
		}
		ids = append(ids, id)
	}
	if len(ids) == 1 {
		return root
	}
	var posBuf, negBuf [8]float64
	pos, neg := posBuf[:0], negBuf[:0]
	for range ids {
		pos, neg = append(pos, 0), append(neg, 0)
	}
	x.sideVotes(ids, pos, neg)
	best := 0 // the step taken
	for k := 1; k < len(ids); k++ {
		addPos, addNeg := pos[k]-pos[best], neg[k]-neg[best]
		if addPos == 0 && addNeg == 0 {
			continue
		}
		if addPos < x.weights.ExtendProseShare*pos[best] || addNeg > x.weights.ExtendChromeShare*addPos {
			break
		}
		if holds && 2*x.sharedProse(root, ids[best], ids[k]) < addPos {
			break
		}
		best = k
	}
	return ids[best]
}

// widenToMain makes the page's <main> (or role=main) the root when the
// root is a small part of what it keeps: on a page made of sections (a
// service's landing page: features, steps, testimonials, plans) the
// votes pick one section, often a carousel of quotes, while the content
// is all of them. It runs after the items rule, whose root it may widen
// too. Weights.MainShare and MainChromeShare bound it: a story's body
// holds most of what its <main> keeps, and a short intro above a grid
// of linked cards is not widened into the grid.
//
// A page with no <main> whose root sits in no article markup and does
// not hold the headline (a story narrowed to it) is read
// the same way with its <body> in <main>'s place (sections straight
// under <body>: hero, overview, FAQ, quotes), the header, menus and
// footer cut as before, and widened unless the root holds
// Weights.BodyShare of the content votes; there a block outside the root that repeats
// one of the root's adds nothing (a layout printed twice, for wide and
// narrow screens).
func (x *extraction) widenToMain() {
	if x.weights.MainShare <= 0 || x.root < 0 {
		return
	}
	m := int32(-1)
	for id := x.nodes[x.root].Parent; id >= 0; id = x.nodes[id].Parent {
		if n := x.labels.DOM(id); n.DataAtom() == atom.Main || dom.Attr(n, "role") == "main" {
			m = id
			break
		}
	}
	page := m < 0
	if head := x.titleHeading(); page && !x.rootLooksLikeArticle() && (head < 0 || !x.ancestorOf(x.root, head)) {
		m = x.pageBody()
	}
	if m < 0 || x.nodes[m].removed {
		return
	}
	// held is the folded text of the root's blocks, read only on a page
	// with no <main> and only once a block outside the root would vote.
	var held map[string]bool
	repeats := func(b *block) bool {
		if !page {
			return false
		}
		if held == nil {
			held = map[string]bool{}
			for i := range x.blocks {
				if r := &x.blocks[i]; x.ancestorOf(x.root, r.owner) {
					held[rules.Fold(r.Text)] = true
				}
			}
		}
		return held[rules.Fold(b.Text)]
	}
	var inRoot, inMain, against float64
	for i := range x.blocks {
		b := &x.blocks[i]
		if !x.ancestorOf(m, b.owner) {
			continue
		}
		v, in := x.vote(b), x.ancestorOf(x.root, b.owner)
		switch {
		case v > 0 && !in && repeats(b):
		case v > 0:
			inMain += v
			if in {
				inRoot += v
			}
		case !in:
			against -= v
		}
	}
	share := x.weights.MainShare
	if page {
		share = x.weights.BodyShare
	}
	if inRoot < share*inMain && against <= x.weights.MainChromeShare*(inMain-inRoot) {
		x.root = m
	}
}

// pageBody is the root's <body> ancestor, or -1.
func (x *extraction) pageBody() int32 {
	for id := x.nodes[x.root].Parent; id >= 0; id = x.nodes[id].Parent {
		if x.labels.DOM(id).DataAtom() == atom.Body {
			return id
		}
	}
	return -1
}

// sharedProse is the vote of the body paragraphs that id adds to cur
// whose nearest classed container (below id) bears a class that also
// holds a body paragraph inside root: the story continued in a sibling
// section of its own kind, not a sidebar beside it.
func (x *extraction) sharedProse(root, cur, id int32) float64 {
	var classes []string
	for i := range x.blocks {
		b := &x.blocks[i]
		if x.bodyParagraph(b) && x.ancestorOf(root, b.owner) {
			if c := x.nearestClass(b.owner, root); c != "" && !slices.Contains(classes, c) {
				classes = append(classes, c)
			}
		}
	}
	sum := 0.0
	for i := range x.blocks {
		b := &x.blocks[i]
		if !x.bodyParagraph(b) || !x.ancestorOf(id, b.owner) || x.ancestorOf(cur, b.owner) {
			continue
		}
		if c := x.nearestClass(b.owner, id); c != "" && slices.Contains(classes, c) {
			sum += x.vote(b)
		}
	}
	return sum
}

// bodyParagraph reports a paragraph long enough to be the body's that
// votes for its containers.
func (x *extraction) bodyParagraph(b *block) bool {
	return x.longParagraph(b) && x.vote(b) > 0
}

// longParagraph reports a paragraph of Weights.BodyParagraphWords or
// more: one long enough to be the body's.
func (x *extraction) longParagraph(b *block) bool {
	return b.Type == article.Paragraph && int(b.words) >= x.weights.BodyParagraphWords
}

// nearestClass is the class of the nearest element from id up to, and
// not including, stop that has one.
func (x *extraction) nearestClass(id, stop int32) string {
	for ; id >= 0 && id != stop; id = x.nodes[id].Parent {
		if c := dom.Attr(x.labels.DOM(id), "class"); c != "" {
			return c
		}
	}
	return ""
}

// anchorToTitle narrows the root to the lowest element that holds both
// the page's headline and a fair share of the root's score: a sidebar
// beside the story can hold more prose than the story itself, but not
// its headline.
func (x *extraction) anchorToTitle(best int32, scores []float64) int32 {
	title := rules.Fold(x.md.Title)
	if title == "" {
		return best
	}
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.Type != article.Heading || !rules.FoldIs(b.Text, title) || !x.ancestorOf(best, b.owner) {
			continue
		}
		for id := x.nodes[b.owner].Parent; id >= 0 && id != best; id = x.nodes[id].Parent {
			if scores[id] >= x.weights.TitleShare*scores[best] && scores[id] > 0 {
				return id
			}
		}
		break
	}
	return best
}

// titleHeading returns the element of the first heading block that
// repeats the page's headline, or -1.
func (x *extraction) titleHeading() int32 {
	title := rules.Fold(x.md.Title)
	if title == "" {
		return -1
	}
	for i := range x.blocks {
		if b := &x.blocks[i]; b.Type == article.Heading && rules.FoldIs(b.Text, title) {
			return b.owner
		}
	}
	return -1
}

// vote is a block's contribution to the score of each of its ancestors.
func (x *extraction) vote(b *block) float64 {
	if b.Type == article.Figure {
		return float64(x.captionWords(b))
	}
	if b.words == 0 {
		return 0
	}
	words := float64(b.words)
	if b.teaser || x.filler(b) {
		return -words
	}
	density := float64(b.linkWords) / words
	switch b.Type {
	case article.Heading:
		return 0
	case article.Table:
		return words * (1 - density) * x.weights.TableVoteScale
	}
	if density > x.weights.MaxLinkDensity && b.Type != article.List {
		// A long sentence with a few linked names is still prose; a
		// headline that is all link is a teaser.
		if density <= x.weights.SentenceLinkDensity && int(b.words) >= x.weights.SentenceMinWords && endsSentence(b.Text) {
			return words * (1 - density)
		}
		return -words * density * x.weights.BadTextPenalty
	}
	if b.Type == article.List {
		// Items of a dozen words and more are sentences, whatever their
		// links; short linked items are a menu or a teaser list.
		if int(b.words) >= x.weights.ProseItemWords*len(b.Items) && density <= x.weights.ProseListDensity {
			return words * (1 - density)
		}
		if density > x.weights.MenuListDensity {
			return -words * density
		}
		return words * (1 - density) * x.weights.ListVoteScale
	}
	if int(b.words) < x.weights.ShortBlockWords && !endsSentence(b.Text) {
		return x.weights.ShortBlockVote
	}
	return words * (1 - density)
}

// resize returns s emptied to n zeros, reusing its storage.
func resize(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// ancestorOf reports whether a is b or one of b's ancestors.
func (x *extraction) ancestorOf(a, b int32) bool {
	for id := b; id >= 0; id = x.nodes[id].Parent {
		if id == a {
			return true
		}
	}
	return false
}

// foldASCII reports whether the ASCII a and b are equal lower-cased.
func foldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		c, d := a[i], b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if 'A' <= d && d <= 'Z' {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// filler reports a block of Weights.FillerWords words or more that
// repeats at most Weights.FillerDistinct different ones: a font-metrics
// probe or a placeholder ("word word word ..."), not prose. Lists and
// tables (no Text) are never filler.
func (x *extraction) filler(b *block) bool {
	if int(b.words) < x.weights.FillerWords || b.Type == article.Code || b.Text == "" {
		return false
	}
	if b.fill == fillUnknown {
		b.fill = fillNo
		if x.readsAsFiller(b.Text) {
			b.fill = fillYes
		}
	}
	return b.fill == fillYes
}

// fillState is what filler found of a block's text, once it has read it.
type fillState uint8

const (
	fillUnknown fillState = iota
	fillNo
	fillYes
)

// readsAsFiller is filler's reading of a block's text.
func (x *extraction) readsAsFiller(text string) bool {
	// Words as written between spaces: unspaced scripts (Chinese,
	// Japanese, Thai) run as one and are never filler.
	// seen holds the distinct words: an ASCII one as written, compared
	// case-folded in place, any other lower-cased.
	var seen [8]string
	var seenASCII [8]bool
	n, fields := 0, 0
	for w := range strings.FieldsSeq(text) {
		fields++
		ascii := isASCII(w)
		if !ascii {
			w = strings.ToLower(w)
		}
		known := false
		for i, s := range seen[:n] {
			switch {
			case seenASCII[i] && ascii:
				known = foldASCII(s, w)
			case seenASCII[i]:
				known = rules.LowerIs(s, w)
			case ascii:
				known = rules.LowerIs(w, s)
			default:
				known = s == w
			}
			if known {
				break
			}
		}
		if known {
			continue
		}
		if n == x.weights.FillerDistinct || n == len(seen) {
			return false
		}
		seen[n], seenASCII[n] = w, ascii
		n++
	}
	return fields >= x.weights.FillerWords
}
