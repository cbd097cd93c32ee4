// Package textmode extracts the article from flattened page text: the
// "all visible text, one line per block" dumps of crawlers, WET files and
// scrapers, with every piece of page chrome still in them.
//
// It works from the text alone, in a few linear passes:
//
//  1. features: each line gets its length, its ending, its menu shape and
//     the furniture phrases (share, follow, teaser, comments, ...) of many
//     languages found in it (rules.Vocab, the vocabulary HTML mode reads
//     too);
//  2. labels: lines that are chrome by themselves (a label printed twice
//     back to back among them), inline teasers behind an arrow, exact and
//     near duplicates, and figures (an image's alt text, its caption
//     printed again, and the photo credit);
//  3. body: the densest run of prose lines, found as the maximum-sum run of
//     per-line scores (a table flattened one cell a line does not break
//     it), cut at a comments or footer section; on a page with no article,
//     the densest list of items (a headline and a summary each);
//  4. head: the headline above the byline and date nearest the body, and
//     the standfirst between it and the body;
//  5. blocks: paragraphs, subheads and figures inside the body, and a
//     Removal with a Reason for every other line.
//
// VisibleText makes such a dump from a parsed HTML page, as crawlers do.
package textmode

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/stop"
)

// Options for Extract.
type Options struct {
	// Explain fills Article.Removed with every line that was cut and why.
	Explain bool
	// DropImages leaves figures out of the blocks.
	DropImages bool
	// ArticlesOnly keeps the articles-only verdicts: not_article for a
	// text with no run of prose, too_short for a body under
	// TextWeights.MinBodyWords. Without it the first is empty and the
	// second ok.
	ArticlesOnly bool
	// Weights overrides rules.DefaultTextWeights when non-nil.
	Weights *rules.TextWeights
	// Focus trades precision against recall on doubtful lines, as in HTML
	// mode: Precision drops short body lines that are not prose and do not
	// end like a sentence; Recall bridges longer runs of non-prose lines
	// and keeps body lines of two words or more.
	Focus rules.Focus
	// Check, when set, ends the passes early once its context is done;
	// the caller then drops the result and returns the context's error.
	Check *stop.Check
}

// Extract reads a flattened page dump (one block per line) and returns the
// article found in it. Status is ok, or empty when the page has no run of
// prose; with ArticlesOnly it is too_short when the page has too little
// prose and not_article when it has none. detail then says so in a few
// words (it is empty for ok). PageType is article: flattened text keeps
// too little of a page's structure to tell its kind (the pipeline judges
// it by the page's address). Text is left for the caller to fill from
// Blocks. Extract is safe for concurrent use and runs in time linear in the
// size of text.
func Extract(text []byte, opts Options) (a *article.Article, detail string) {
	w := opts.Weights
	if w == nil {
		w = &rules.DefaultTextWeights
	}
	a, detail, short := extract(text, opts, w, false)
	if (a.Status != article.StatusOK || short) && !opts.ArticlesOnly && !opts.Check.Done() {
		// No article, or a short one: the page may be a list whose items
		// (a title and a line or two each) are its content, as on an
		// index, a search result or a category page. It must hold
		// MinListItems items.
		if b, _, _ := extract(text, opts, w, true); b.Status == article.StatusOK {
			return b, ""
		}
	}
	return a, detail
}

// extract runs the passes once; items makes the body search count the
// lines of a list of items as it counts prose.
// short reports a body under TextWeights.MinBodyWords.
func extract(text []byte, opts Options, w *rules.TextWeights, items bool) (a *article.Article, detail string, short bool) {
	x := newExtraction(text, w, opts.Check)
	x.items = items
	x.labelLines()
	x.findFigures()
	if opts.Check.Done() {
		return &article.Article{PageType: article.PageArticle, Status: article.StatusEmpty}, "stopped", false
	}
	start, end, words := x.findBody(gapStep(opts.Focus, w))
	if items && x.countItems(start, end) < w.MinListItems {
		// Prose with no items in it: the page has no list either.
		words = 0
	}
	a = &article.Article{PageType: article.PageArticle}
	if words == 0 {
		a.Status = article.StatusEmpty
		if opts.ArticlesOnly {
			a.Status = article.StatusNotArticle
		}
		x.removeAll(opts, a)
		return a, fmt.Sprintf("no run of prose in the text (line count %d)", len(x.lines)), false
	}
	x.findHead(start, end)
	x.buildBlocks(a, opts)
	short = x.bodyWords < w.MinBodyWords
	if short && opts.ArticlesOnly {
		a.Status = article.StatusTooShort
		return a, fmt.Sprintf("body word count %d, under the %d of an article", x.bodyWords, w.MinBodyWords), true
	}
	a.Status = article.StatusOK
	return a, "", short
}

// role is what a line turned out to be.
type role uint8

const (
	roleNone     role = iota // not decided yet
	roleChrome               // removed, with the reason in extraction.reason
	roleTitle                // the headline
	roleSubtitle             // the standfirst
	roleBody                 // a paragraph of the body
	roleHeading              // a subhead inside the body
	roleCaption              // a figure caption
	roleCredit               // a figure's photo credit
)

// extraction is the per-call state of Extract.
type extraction struct {
	w      *rules.TextWeights
	lines  []line
	role   []role
	reason []article.Reason
	// figure links a caption line to its credit line, or -1.
	creditOf []int
	// dupOf links an exact repeat to the first copy, or -1.
	dupOf []int
	// inBody marks the lines between the body's first and last line.
	inBody    []bool
	bodyWords int
	title     int
	subtitle  int
	// items makes the body search score the items of a list (headlines,
	// excerpts, teaser summaries) as prose: the second search, on a page
	// with no article.
	items bool // stop ends the passes early once the caller's context is done.
	stop  *stop.Check
}

func newExtraction(text []byte, w *rules.TextWeights, chk *stop.Check) *extraction {
	x := &extraction{w: w, title: -1, subtitle: -1, stop: chk}
	x.lines = make([]line, 0, bytes.Count(text, []byte{'\n'})+1)
	for len(text) > 0 && !chk.Stop() {
		var ln []byte
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			ln, text = text[:i], text[i+1:]
		} else {
			ln, text = text, nil
		}
		s := dom.Collapse(string(ln))
		if s == "" {
			continue
		}
		x.lines = append(x.lines, newLine(s, w))
	}
	n := len(x.lines)
	x.role = make([]role, n)
	x.reason = make([]article.Reason, n)
	x.creditOf = make([]int, n)
	x.dupOf = make([]int, n)
	x.inBody = make([]bool, n)
	for i := range x.creditOf {
		x.creditOf[i], x.dupOf[i] = -1, -1
	}
	return x
}

// chrome marks line i as removed for reason r.
func (x *extraction) chrome(i int, r article.Reason) {
	x.role[i] = roleChrome
	x.reason[i] = r
}

// labelLines marks the lines that are chrome by themselves, and the exact
// repeats of an earlier line.
func (x *extraction) labelLines() {
	seen := make(map[string]int, len(x.lines))
	for i := range x.lines {
		l := &x.lines[i]
		if r := l.chrome(); r != "" {
			x.chrome(i, r)
			continue
		}
		if x.inlineTeaser(i) {
			x.chrome(i, article.ReasonTeaser)
			continue
		}
		if j, ok := seen[l.key]; ok && l.key != "" {
			// A label or button printed twice in a row, a headline repeated
			// in a teaser, a pull quote: the first copy stands for it.
			x.dupOf[i] = j
			x.chrome(i, article.ReasonDuplicate)
			continue
		}
		seen[l.key] = i
	}
}

// inlineTeaser reports whether line i is a link to another story set
// between paragraphs behind an arrow (">> Prices rise again", "» Related:
// ..."): a short line that opens with a rules.TeaserMarker and is not
// prose. The same marker on the line above or below makes it an item of
// a list, which stays.
func (x *extraction) inlineTeaser(i int) bool {
	l := &x.lines[i]
	if l.marker == "" || l.sentence || l.isProse() || len(l.words) < x.w.MarkerTeaserMinWords || len(l.words) > x.w.MaxHeadlineWords {
		return false
	}
	return (i == 0 || x.lines[i-1].marker != l.marker) && (i+1 == len(x.lines) || x.lines[i+1].marker != l.marker)
}

// nearDuplicate reports whether a and b say the same thing: the words of
// the shorter are nearly all in the longer. This is how an image's alt text
// and its caption relate.
func nearDuplicate(a, b *line) bool {
	if len(a.words) > len(b.words) {
		a, b = b, a
	}
	// A one- or two-word alt ("The band") says too little to pair with a
	// long line, and so does one that covers under a third of it.
	w := a.w
	if len(a.words) < w.MinAltWords || float64(len(a.words)) < w.AltCoverShare*float64(len(b.words)) {
		return false
	}
	set := make(map[string]bool, len(b.words))
	for _, w := range b.words {
		set[w] = true
	}
	in := 0
	for _, w := range a.words {
		if set[w] {
			in++
		}
	}
	return float64(in) >= w.AltWordShare*float64(len(a.words))
}

// findFigures finds images: alt text followed by the same caption (the
// first copy is removed as a duplicate), with a photo credit next to it.
func (x *extraction) findFigures() {
	for i := 0; i+1 < len(x.lines) && !x.stop.Stop(); i++ {
		a, b := &x.lines[i], &x.lines[i+1]
		if x.role[i] == roleChrome && x.reason[i] != article.ReasonDuplicate {
			continue
		}
		if x.role[i+1] == roleChrome && x.reason[i+1] != article.ReasonDuplicate {
			continue
		}
		if a.key == "" || !nearDuplicate(a, b) || len(a.words) > x.w.MaxAltWords || len(b.words) > x.w.MaxCaptionWords {
			continue
		}
		// Keep the caption (the second copy, usually the longer one) and
		// drop the alt text.
		cap := i + 1
		if len(a.words) > len(b.words) {
			cap = i
		}
		alt := 2*i + 1 - cap
		x.chrome(alt, article.ReasonDuplicate)
		x.role[cap], x.reason[cap] = roleCaption, ""
		for _, c := range []int{i + 2, i - 1} {
			if c >= 0 && c < len(x.lines) && x.role[c] == roleChrome && x.reason[c] == article.ReasonCredit {
				x.role[c] = roleCredit
				x.creditOf[cap] = c
				break
			}
		}
		i++
	}
	// A caption printed once still carries its credit at the end: "...
	// on Tuesday. (AP Photo/Jane Doe)" or "... Credit: ESA".
	for i := range x.lines {
		l := &x.lines[i]
		if x.role[i] != roleNone || len(l.words) > x.w.MaxCaptionWords || len(l.words) < x.w.MinCaptionWords {
			continue
		}
		if _, credit := splitCredit(l.text, x.w); credit != "" {
			x.role[i] = roleCaption
		}
	}
}

// lineScore is the weight of a line in the search for the body: prose
// counts its words, anything else costs a little, so the best run is the
// one densest in prose. A prose line standing alone between short lines
// counts a third, since that is how a teaser's summary sits between its
// headline and the next one.
func (x *extraction) lineScore(i int) int {
	l, w := &x.lines[i], x.w
	switch x.role[i] {
	case roleChrome:
		if x.reason[i] == article.ReasonDuplicate || x.reason[i] == reasonMeta || x.reason[i] == article.ReasonByline {
			return w.SoftChromeScore
		}
		return w.ChromeScore
	case roleCaption, roleCredit:
		return w.FigureScore
	}
	if x.items && (l.isProse() || l.isHeadline() || l.truncated) {
		return min(len(l.words), w.ItemMaxScore)
	}
	switch {
	case l.isProse() && l.joined:
		// Headline and summary of a teaser run together.
		return len(l.words) / w.JoinedDiv
	case l.truncated && x.truncatedNear(i):
		// Excerpts cut short, one under the other: a list of teasers.
		return w.TeaserScore
	case l.isProse() && x.teaserPair(i) && (x.teaserPair(i-2) || x.teaserPair(i+2)):
		// Headline, one-line summary, headline, summary: a list of
		// teasers, as "Latest news" boxes print them.
		return w.TeaserScore
	case l.isProse() && l.truncated:
		// An excerpt cut short: a teaser's summary.
		return len(l.words) / w.IsolatedDiv
	case l.isProse():
		if !x.proseNear(i, -1) && !x.proseNear(i, +1) && !x.listedParagraph(i) {
			return len(l.words) / w.IsolatedDiv
		}
		return len(l.words)
	case l.sentence && len(l.words) >= w.ShortSentenceWords:
		return w.ShortSentenceScore
	}
	return w.OtherScore
}

// countItems counts the items of a list between lines start and end: a
// headline-shaped line with a longer line of text right under it.
func (x *extraction) countItems(start, end int) int {
	n := 0
	for i := start; i < end; i++ {
		h, s := &x.lines[i], &x.lines[i+1]
		if x.role[i] == roleNone && x.role[i+1] == roleNone && h.isHeadline() && !h.sentence && len(s.words) > len(h.words) {
			n++
		}
	}
	return n
}

// teaserPair reports whether line i is a summary of one sentence or two
// right under a headline-shaped line: one item of a teaser list.
func (x *extraction) teaserPair(i int) bool {
	if i < 1 || i >= len(x.lines) || x.role[i] != roleNone || x.role[i-1] != roleNone {
		return false
	}
	l, h := &x.lines[i], &x.lines[i-1]
	return l.isProse() && l.stops <= x.w.MaxSummaryStops && len(l.words) <= x.w.SummaryWords && h.isHeadline() && !h.isProse()
}

// truncatedNear reports whether the line above or below line i is an
// excerpt cut short too.
func (x *extraction) truncatedNear(i int) bool {
	return (i > 0 && x.lines[i-1].truncated) || (i+1 < len(x.lines) && x.lines[i+1].truncated)
}

// isParagraph reports whether a prose line is a paragraph of several
// sentences: longer than a teaser's one-sentence summary.
func (l *line) isParagraph() bool {
	return l.sentence && l.stops >= 1 && len(l.words) >= l.w.ParagraphWords
}

// listedParagraph reports whether line i is a paragraph of several
// sentences in a run of such paragraphs parted by short lines, as the
// items of a product list or a numbered guide are: a teaser list gives
// each story one short sentence, or a date and an author.
func (x *extraction) listedParagraph(i int) bool {
	if !x.lines[i].isParagraph() || x.datedAbove(i) {
		return false
	}
	for _, dir := range []int{-1, +1} {
		for j := i + dir; j >= 0 && j < len(x.lines) && j != i+dir*x.w.ListGap; j += dir {
			if x.role[j] == roleNone && x.lines[j].isProse() {
				if x.lines[j].isParagraph() {
					return true
				}
				break
			}
		}
	}
	return false
}

// datedAbove reports whether a dateline or byline stands between line i and
// the prose line above it: a teaser's summary under its own date and
// author, as listings of other stories print them.
func (x *extraction) datedAbove(i int) bool {
	for j := i - 1; j >= 0 && j > i-x.w.Lookaround; j-- {
		if x.role[j] == roleChrome && (x.reason[j] == reasonMeta || x.reason[j] == article.ReasonByline) {
			return true
		}
		if x.role[j] == roleNone && x.lines[j].isProse() {
			return false
		}
	}
	return false
}

// proseNear reports whether the nearest line in direction dir that is not
// a figure part, a duplicate or a date is prose.
func (x *extraction) proseNear(i, dir int) bool {
	for j := i + dir; j >= 0 && j < len(x.lines) && j != i+dir*x.w.Lookaround; j += dir {
		switch x.role[j] {
		case roleCaption, roleCredit:
			continue
		case roleChrome:
			if hasReason(insertReasons, x.reason[j]) {
				continue
			}
			return false
		}
		return x.lines[j].isProse()
	}
	return false
}

// insertReasons are the kinds of chrome a page sets between two paragraphs
// of one article without ending it: figure credits, duplicates, dates, and
// the ad slots ("ADVERTISEMENT", "Continue reading below") that split a
// story. The neighbour checks look past them.
var insertReasons = []article.Reason{article.ReasonDuplicate, reasonMeta, article.ReasonCredit, article.ReasonAd}

// gapScores turns line scores into the scores the body search adds up:
// each line of a run of non-prose lines costs more than the one before, so
// a long run of menus, tags and headlines parts two stretches of prose,
// while a subhead or a figure inside the body costs little.
func gapScores(scores []int, cells []bool, step int, w *rules.TextWeights) {
	run := 0
	for i, s := range scores {
		if s > 0 {
			run = 0
			continue
		}
		if cells[i] {
			scores[i] = -w.CellCost
			continue
		}
		run++
		scores[i] = s - min(step*(run-1), w.GapCostCap)
	}
}

// isCell reports whether line i may be a cell of a data table flattened
// one cell a line ("19.8 mph", "$1,299", "12 kg"): a few words with a
// number. findBody takes it for one when a line next to it is one too.
func (x *extraction) isCell(i int) bool {
	l := &x.lines[i]
	if x.role[i] != roleNone && x.reason[i] != article.ReasonDuplicate {
		return false // a column repeats its values ("265 lbs")
	}
	return l.digits > 0 && len(l.words) <= x.w.CellMaxWords && !l.isProse()
}

// gapStep is the gap cost step for a Focus: the recall focus bridges a
// longer run of non-prose lines between two stretches of prose. (A larger
// step for the precision focus cost precision on AEB: it splits bodies.)
func gapStep(f rules.Focus, w *rules.TextWeights) int {
	if f == rules.Recall {
		return w.GapCostStep - 1
	}
	return w.GapCostStep
}

// barrierReasons mark a section that follows the article and never holds
// it: once the body has begun, a line of these ends it.
var barrierReasons = []article.Reason{article.ReasonComments, article.ReasonFooter, article.ReasonCookie}

// segment is a run of lines whose scores sum to a local maximum.
type segment struct {
	start, end int
	mass       int
}

// findBody returns the first and last line of the body, and its mass: of
// the maximum-sum runs of line scores (Kadane's algorithm, restarted each
// time the sum falls to zero), the one with the most mass, counted double
// when a dateline or byline stands above it; then cut at the first
// comments or footer line once enough prose came before it.
func (x *extraction) findBody(step int) (start, end, words int) {
	scores := make([]int, len(x.lines))
	for i := range x.lines {
		scores[i] = x.lineScore(i)
	}
	cells := make([]bool, len(x.lines))
	for i := range x.lines {
		cells[i] = x.isCell(i)
	}
	// A cell stands among cells: a lone number is not a table.
	for i := range cells {
		if cells[i] && !(i > 0 && x.isCell(i-1)) && !(i+1 < len(cells) && cells[i+1]) {
			cells[i] = false
		}
	}
	gapScores(scores, cells, step, x.w)
	var segs []segment
	cur, curStart := 0, 0
	open := segment{start: -1}
	for i, s := range scores {
		if cur <= 0 {
			if open.start >= 0 {
				segs = append(segs, open)
				open = segment{start: -1}
			}
			cur, curStart = 0, i
		}
		cur += s
		if cur > 0 && cur > open.mass {
			open = segment{start: curStart, end: i, mass: cur}
		}
	}
	if open.start >= 0 {
		segs = append(segs, open)
	}
	best, bestScore := segment{start: -1}, 0
	for _, sg := range segs {
		score := sg.mass
		if x.hasHead(sg.start) {
			score *= x.w.HeadBonus
		}
		if score > bestScore {
			best, bestScore = sg, score
		}
	}
	if best.start < 0 {
		return -1, -1, 0
	}
	start, end = best.start, best.end
	// Cut at the first comments or footer line with enough prose above it.
	mass := 0
	for i := start; i <= end; i++ {
		if x.role[i] == roleChrome && hasReason(barrierReasons, x.reason[i]) && mass >= x.w.BarrierMinProse && !x.proseWithin(i, end, x.w.BarrierGap) {
			end = i - 1
			break
		}
		if scores[i] > x.w.MassMinScore {
			mass += scores[i]
		}
	}
	end = x.extendList(end)
	for i := start; i <= end; i++ {
		x.inBody[i] = true
	}
	return start, end, best.mass
}

// extendList grows the body over a list that closes it: a run of at least
// MinListItems lines, each of MinListItemWords or more words with a number in it
// (dates, prices, quantities, ranks), under an optional headline. Lists
// are short lines, so the prose search stops above them.
func (x *extraction) extendList(end int) int {
	i := end + 1
	if i < len(x.lines) && x.role[i] == roleNone && x.lines[i].isHeadline() {
		i++
	}
	n := 0
	for j := i; j < len(x.lines); j++ {
		l := &x.lines[j]
		if x.role[j] != roleNone || len(l.words) < x.w.MinListItemWords || l.digits == 0 || l.isProse() {
			break
		}
		n++
	}
	if n < x.w.MinListItems {
		return end
	}
	return i + n - 1
}

// proseWithin reports whether a prose line that is not chrome follows line
// i within n lines, not past end.
func (x *extraction) proseWithin(i, end, n int) bool {
	for j := i + 1; j <= end && j <= i+n; j++ {
		if x.role[j] == roleNone && x.lines[j].isProse() {
			return true
		}
	}
	return false
}

// hasHead reports whether a dateline or byline stands in the few lines
// above line i, before any other prose.
func (x *extraction) hasHead(i int) bool {
	for j := i; j >= 0 && j >= i-x.w.HeadLookback; j-- {
		if x.role[j] == roleChrome && (x.reason[j] == reasonMeta || x.reason[j] == article.ReasonByline) {
			return true
		}
		if j < i && x.role[j] == roleNone && x.lines[j].isProse() {
			return false
		}
	}
	return false
}

// findHead finds the headline above the body and the standfirst between
// them. The headline is the headline-shaped line just above the byline
// and dateline nearest the body, or else the nearest headline-shaped line
// above the first prose line; the standfirst is a prose line right under
// it that is set apart from the body by figures, bylines, dates or
// buttons, or a long line without a full stop right under a shorter
// headline.
func (x *extraction) findHead(start, end int) {
	first := -1
	for i := start; i <= end; i++ {
		if x.role[i] == roleNone && x.lines[i].isProse() {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	lo := max(first-x.w.TitleReach, 0)
	// The body reaches up to the nearest headline-shaped line; the
	// headline may stand higher, above the byline.
	top := x.nearestTitle(first, lo)
	x.title = x.titleAboveHead(first, lo)
	if x.title < 0 || top < 0 {
		x.title = top
	}
	if x.title < 0 {
		return
	}
	if u := x.title - 1; u >= lo && x.standfirstUnder(u, x.title) {
		// The line taken for the headline is the standfirst under it.
		x.subtitle, x.title = x.title, u
		x.role[x.subtitle] = roleSubtitle
	}
	x.role[x.title] = roleTitle
	// The standfirst: the first prose line below the title, when furniture
	// separates it from the next prose line.
	for i := x.title + 1; x.subtitle < 0 && i <= end && i < len(x.lines); i++ {
		if x.role[i] != roleNone {
			continue
		}
		if !x.lines[i].sentence || len(x.lines[i].words) < x.w.MinStandfirstWords {
			break
		}
		// Furniture must part it from more prose of the body below.
		sep, more := false, false
		for j := i + 1; j <= end && j < len(x.lines); j++ {
			if x.role[j] == roleChrome && x.reason[j] == article.ReasonAd {
				continue // an ad slot splits the body; it sets no standfirst apart
			}
			if x.role[j] == roleNone {
				more = x.lines[j].isProse() || x.lines[j].sentence
				break
			}
			sep = true
		}
		sep = sep && more
		if sep && i-x.title <= x.w.StandfirstReach {
			x.subtitle = i
			x.role[i] = roleSubtitle
		}
		break
	}
	// The body starts below the head.
	for i := 0; i <= x.title && i < len(x.lines); i++ {
		x.inBody[i] = false
	}
	for i := top + 1; i < first; i++ {
		x.inBody[i] = true
	}
	if x.subtitle >= 0 {
		x.inBody[x.subtitle] = false
	}
}

// nearestTitle returns the nearest headline-shaped line above line first
// and not above lo, or -1; teasers cut short end the search.
func (x *extraction) nearestTitle(first, lo int) int {
	for i := first - 1; i >= lo; i-- {
		if x.role[i] != roleNone {
			continue
		}
		if x.lines[i].isHeadline() && len(x.lines[i].words) >= x.w.MinTitleWords {
			return i
		}
		if x.lines[i].truncated {
			return -1
		}
	}
	return -1
}

// isHeadMark reports whether line i is a byline or a dateline.
func (x *extraction) isHeadMark(i int) bool {
	return x.role[i] == roleChrome && (x.reason[i] == reasonMeta || x.reason[i] == article.ReasonByline)
}

// titleAboveHead returns the headline that stands above the byline or
// dateline nearest the first prose line (at most HeadLookback lines up),
// or -1. A page sets its headline, perhaps a standfirst, then the byline
// and date; what comes between them and the body (image alt text, share
// labels, a table of contents) is not the headline, however it is shaped.
func (x *extraction) titleAboveHead(first, lo int) int {
	j := -1
	for i := first - 1; i >= lo && i >= first-x.w.HeadLookback; i-- {
		if x.isHeadMark(i) {
			j = i
			break
		}
		if x.role[i] == roleNone && x.lines[i].truncated {
			return -1
		}
	}
	if j < 0 {
		return -1
	}
	// Up past the rest of the head block and the buttons around it.
	for k := 0; k < x.w.HeadLookback && j > lo && x.role[j-1] == roleChrome; k++ {
		j--
	}
	c := j - 1
	if c < lo || x.role[c] != roleNone {
		return -1
	}
	l := &x.lines[c]
	switch {
	case l.isHeadline() && len(l.words) >= x.w.MinTitleWords:
		return c
	case l.sentence && len(l.words) >= x.w.MinStandfirstWords && c > lo && x.role[c-1] == roleNone &&
		x.lines[c-1].isHeadline() && len(x.lines[c-1].words) >= x.w.MinTitleWords:
		// A standfirst that ends like a sentence, under the headline.
		return c - 1
	}
	return -1
}

// standfirstUnder reports whether line s, taken for the headline, is the
// standfirst under the headline u: both headline-shaped, u of at least
// StandfirstHeadWords words and s StandfirstRatio times as long, as a
// standfirst printed without a full stop is next to its headline. A
// kicker ("World news") is shorter than StandfirstHeadWords.
func (x *extraction) standfirstUnder(u, s int) bool {
	if x.role[u] != roleNone {
		return false
	}
	hl, sl := &x.lines[u], &x.lines[s]
	return hl.isHeadline() && len(hl.words) >= x.w.StandfirstHeadWords && len(sl.words) >= x.w.MinStandfirstWords &&
		float64(len(sl.words)) >= x.w.StandfirstRatio*float64(len(hl.words))
}

// buildBlocks turns the labelled lines into blocks and removals.
func (x *extraction) buildBlocks(a *article.Article, opts Options) {
	if x.title >= 0 {
		a.Title = x.lines[x.title].text
	}
	if x.subtitle >= 0 {
		a.Subtitle = x.lines[x.subtitle].text
	}
	afterBody := false
	section := article.Reason("")
	teaserNext := false
	for i := range x.lines {
		if x.stop.Stop() {
			return
		}
		l := &x.lines[i]
		if i == x.title || i == x.subtitle {
			continue
		}
		if !x.inBody[i] {
			if i > x.title && x.bodyWords > 0 {
				afterBody = true
			}
			x.removeOutside(i, a, opts, afterBody, &section)
			continue
		}
		if j := x.dupOf[i]; j >= 0 && !x.inBody[j] && x.role[i] == roleChrome && x.lines[i].isProse() {
			// The first copy was above the body (a standfirst or summary
			// printed again as the lead paragraph): this copy is body.
			x.role[i], x.reason[i] = roleNone, ""
		}
		switch x.role[i] {
		case roleChrome:
			x.remove(a, opts, i, x.reason[i])
			teaserNext = x.reason[i] == article.ReasonTeaser && l.isLabel()
			continue
		case roleCredit:
			continue // written with its caption
		case roleCaption:
			x.addFigure(a, opts, i)
			continue
		}
		if teaserNext && !l.isProse() {
			// The headline after a "Read also" label.
			x.remove(a, opts, i, article.ReasonTeaser)
			teaserNext = false
			continue
		}
		teaserNext = false
		switch {
		case opts.Focus == rules.Precision && !l.isProse() && !l.sentence && len(l.words) < x.w.PrecisionMinWords &&
			!(l.isHeadline() && x.nextIsProse(i)):
			x.remove(a, opts, i, article.ReasonLowTextDensity)
		case l.isQuestionHead() && x.nextIsProse(i):
			a.Blocks = append(a.Blocks, article.Block{Type: article.Heading, Level: 2, Text: l.text})
		case l.isProse() || l.sentence || l.colon:
			a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: l.text})
			x.bodyWords += len(l.words)
		case l.isHeadline() && l.marker == "" && x.nextIsProse(i):
			// A line behind an arrow is a list item, not a subhead.
			a.Blocks = append(a.Blocks, article.Block{Type: article.Heading, Level: 2, Text: l.text})
		case len(l.words) >= x.w.MinLineWords || (len(l.words) == x.w.MinLineWords-1 && l.digits > 0) || (opts.Focus == rules.Recall && len(l.words) >= x.w.RecallMinLineWords):
			a.Blocks = append(a.Blocks, article.Block{Type: article.Paragraph, Text: l.text})
			x.bodyWords += len(l.words)
		default:
			x.remove(a, opts, i, article.ReasonBoilerplate)
		}
	}
}

// isLabel reports whether a teaser line is only a label ("Read also:")
// with the headline on the next line.
func (l *line) isLabel() bool {
	return l.coverage(chromeReasons...) == len(l.words)
}

// nextIsProse reports whether the next body line that is not chrome is prose.
func (x *extraction) nextIsProse(i int) bool {
	for j := i + 1; j < len(x.lines) && x.inBody[j] && j < i+x.w.Lookaround; j++ {
		switch x.role[j] {
		case roleChrome, roleCaption, roleCredit:
			continue
		}
		return x.lines[j].isProse() || x.lines[j].sentence
	}
	return false
}

// addFigure writes the figure whose caption is line i.
func (x *extraction) addFigure(a *article.Article, opts Options, i int) {
	if opts.DropImages {
		return
	}
	caption, credit := x.lines[i].text, ""
	if c := x.creditOf[i]; c >= 0 {
		credit = x.lines[c].text
	} else {
		caption, credit = splitCredit(caption, x.w)
	}
	a.Blocks = append(a.Blocks, article.Block{Type: article.Figure, Caption: caption, Credit: credit})
}

// splitCredit cuts a trailing photo credit off a caption: "Crowds in the
// square. Photo: Jane Doe/Reuters" or "... (Getty Images)".
func splitCredit(caption string, w *rules.TextWeights) (string, string) {
	for _, sep := range []string{". ", " (", " - ", " — ", " | "} {
		k := strings.LastIndex(caption, sep)
		if k <= 0 {
			continue
		}
		tail := strings.TrimSpace(caption[k+len(sep)-1:])
		tail = strings.TrimLeft(tail, ".-—|( ")
		tl := newLine(strings.TrimRight(tail, ")"), w)
		if tl.chrome() == article.ReasonCredit {
			head := strings.TrimSpace(caption[:k+1])
			if sep != ". " {
				head = strings.TrimSpace(caption[:k])
			}
			return head, strings.TrimRight(tail, ")")
		}
	}
	return caption, ""
}

// removeOutside records a line outside the body. A line that is not chrome
// by itself takes the reason of the section it is in: the lines under a
// "Comments" or "Related stories" header are comments and teasers.
func (x *extraction) removeOutside(i int, a *article.Article, opts Options, afterBody bool, section *article.Reason) {
	l := &x.lines[i]
	r := x.reason[i]
	switch x.role[i] {
	case roleCaption:
		r = article.ReasonTeaser
		if !afterBody {
			r = article.ReasonNav
		}
	case roleCredit:
		r = article.ReasonCredit
	}
	if r != "" {
		switch r {
		case article.ReasonTeaser, article.ReasonComments, article.ReasonFooter, article.ReasonNav, article.ReasonFollow:
			*section = r
		}
		x.remove(a, opts, i, r)
		return
	}
	switch {
	case *section != "":
		r = *section
	case !afterBody:
		r = article.ReasonNav
	case l.isHeadline():
		r = article.ReasonTeaser
	default:
		r = article.ReasonOutsideArticle
	}
	x.remove(a, opts, i, r)
}

// removeAll records every line as removed, for a page with no body.
func (x *extraction) removeAll(opts Options, a *article.Article) {
	for i := range x.lines {
		r := x.reason[i]
		if r == "" {
			r = article.ReasonOutsideArticle
		}
		x.remove(a, opts, i, r)
	}
}

func (x *extraction) remove(a *article.Article, opts Options, i int, r article.Reason) {
	if opts.Explain {
		a.Removed = append(a.Removed, article.Removal{Text: x.lines[i].text, Reason: r, Before: len(a.Blocks)})
	}
}
