package content

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// maxRemovalText caps the text kept for one removed piece in --explain.
const maxRemovalText = 300

// result assembles the kept blocks, the removals and the page's status.
func (x *extraction) result() Result {
	var res Result
	words, captioned, kept := 0, false, 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.keep {
			kept++
			if b.Type != article.Figure {
				words += int(b.words)
			} else if b.words > 0 {
				captioned = true
			}
		}
	}
	if x.opts.Explain {
		res.Removed = x.removals()
	}
	res.Status, res.Detail = x.status(words)
	if !x.opts.ArticlesOnly {
		res.Status, res.Detail = contentStatus(res.Status, res.Detail, words > 0 || captioned)
	}
	// A challenge page or an empty shell has nothing worth keeping, and
	// no shape to judge its kind by. A page judged a listing keeps what
	// was found: the status says what it is, and if the judgement is
	// wrong the text is not lost.
	switch res.Status {
	case article.StatusBlocked, article.StatusNeedsJS:
	default:
		res.Shape = x.shape(words)
		if x.opts.Comments {
			res.Comments = x.keptComments()
		}
		res.Blocks = x.keptBlocks(kept)
	}
	if len(res.Blocks) == 0 {
		for i := range res.Removed {
			res.Removed[i].Before = 0 // no blocks to stand among
		}
	}
	return res
}

// keptBlocks returns the kept blocks, the last use of x.blocks: when
// most are kept they are moved to the front of x.out, which is handed
// over to the result (x drops it), else they are copied out, so that a
// page that cut most of its blocks does not keep them all alive.
func (x *extraction) keptBlocks(kept int) []article.Block {
	if kept == 0 {
		return nil
	}
	if 2*kept < cap(x.out) {
		out := make([]article.Block, 0, kept)
		for i := range x.blocks {
			if x.blocks[i].keep {
				out = append(out, x.out[i])
			}
		}
		return out
	}
	k := 0
	for i := range x.blocks {
		if x.blocks[i].keep {
			x.out[k] = x.out[i]
			k++
		}
	}
	clear(x.out[k:])
	out := x.out[:k:k]
	x.out = nil
	for i := range x.blocks {
		x.blocks[i].Block = nil
	}
	return out
}

// contentStatus turns the statuses that judge a page's kind (not_article,
// too_short) into ok when the page has main content, and into empty when
// it has none: only the articles-only filter refuses a listing or a short
// page. The statuses that say there is no main content to read (blocked,
// needs_js, paywalled) stand.
func contentStatus(st article.Status, detail string, hasContent bool) (article.Status, string) {
	switch st {
	case article.StatusNotArticle, article.StatusTooShort:
		if !hasContent {
			return article.StatusEmpty, "no main content"
		}
		return article.StatusOK, ""
	}
	return st, detail
}

// status tells an article from the pages that hold none, and says in a
// few words why a page holds none. It is the articles-only verdict:
// result relaxes it unless the caller asked for articles only.
func (x *extraction) status(words int) (article.Status, string) {
	w := &x.weights
	small := x.totalText < w.SmallPageText
	if words < w.MaxBlockedWords && (small || words < w.MinArticleWords) && x.pageSays(rules.BlockedPhrases) {
		return article.StatusBlocked, fmt.Sprintf("a bot challenge or an error page (body word count %d)", words)
	}
	if words < w.MinArticleWords && x.totalText < w.MaxShellText &&
		(x.scripts >= 2 || x.asksForJS || x.pageSays(rules.NeedsJSPhrases)) {
		return article.StatusNeedsJS, fmt.Sprintf("an application shell (body word count %d, script count %d)", words, x.scripts)
	}
	if words < w.MaxPaywalledWords && (x.sawPaywall || x.pageSays(rules.PaywallPhrases)) {
		return article.StatusPaywalled, fmt.Sprintf("a paywall notice (body word count %d)", words)
	}
	// A body read as a run of short cards (a shop's grid, a listing's
	// linked titles) is a listing however many words its titles add up to.
	if run := &x.kinds.run; x.kinds.lifted && len(run.items) > 0 && run.plain < w.Items.MinItemPlain*len(run.items) && !x.rootLooksLikeArticle() {
		return article.StatusNotArticle, fmt.Sprintf("a listing (body word count %d, %d short items)", words, len(run.items))
	}
	if words < w.MaxListingWords && x.totalText > 0 && !x.rootLooksLikeArticle() {
		page := x.nodes[0]
		if float64(page.LinkLen) > w.ListingLinkShare*float64(page.TextLen) {
			return article.StatusNotArticle, fmt.Sprintf("a listing (body word count %d, %d%% of the page's text in links)",
				words, 100*int(page.LinkLen)/max(int(page.TextLen), 1))
		}
		if n := x.teaserCount(); n >= w.MinListingTeasers {
			return article.StatusNotArticle, fmt.Sprintf("a listing (body word count %d, teaser link count %d)", words, n)
		}
	}
	if words < w.MinArticleWords {
		return article.StatusTooShort, fmt.Sprintf("body word count %d, under the %d of an article", words, w.MinArticleWords)
	}
	return article.StatusOK, ""
}

// shape sums what the kept body and the chosen root look like, for the
// page-type classifier.
func (x *extraction) shape(words int) Shape {
	sh := Shape{Words: words, Root: x.root, Teasers: x.teaserCount(), RootArticle: x.rootLooksLikeArticle()}
	for i := range x.blocks {
		b := &x.blocks[i]
		if !b.keep {
			continue
		}
		switch b.Type {
		case article.Paragraph:
			sh.Paragraphs++
			sh.ParagraphWords += int(b.words)
		case article.Heading:
			sh.Headings++
		case article.List:
			sh.Lists++
			sh.ListItems += len(b.Items)
			sh.ListWords += int(b.words)
		case article.Table:
			sh.Tables++
		case article.Code:
			sh.Code++
		case article.Figure:
			sh.Figures++
		}
		sh.LinkWords += int(b.linkWords)
	}
	for i := range x.nodes {
		if x.nodes[i].card {
			sh.Cards++
		}
	}
	if run := &x.kinds.run; run.parent >= 0 && len(run.items) > 0 {
		sh.Items = len(run.items)
		sh.ItemPlain = run.plain / len(run.items)
		sh.ItemsLinked = run.linked
		sh.ItemsLifted = x.kinds.lifted
	}
	return sh
}

// rootLooksLikeArticle reports whether the chosen root is, or sits in,
// an element marked up as an article or its body.
func (x *extraction) rootLooksLikeArticle() bool {
	for id := x.root; id >= 0; id = x.nodes[id].Parent {
		if x.nodes[id].ContentHint > 0 {
			return true
		}
	}
	return false
}

// pageSays reports whether the page's title, or one of its first blocks,
// holds one of the phrases.
func (x *extraction) pageSays(phrases []string) bool {
	if rules.FoldContainsAny(x.md.Title, phrases) {
		return true
	}
	for i := range x.blocks[:min(len(x.blocks), x.weights.StatusBlocks)] {
		if rules.FoldContainsAny(x.blocks[i].Text, phrases) {
			return true
		}
	}
	return false
}

// teaserCount counts link-heavy blocks: on a listing page they dominate.
func (x *extraction) teaserCount() int {
	n := 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if int(b.words) >= x.weights.TeaserMinWords && float64(b.linkWords) > x.weights.TeaserLinkShare*float64(b.words) {
			n++
		}
	}
	return n
}

// removals lists what was cut, in page order, each placed among the
// kept blocks.
func (x *extraction) removals() []article.Removal {
	var out []article.Removal
	t, kept := 0, 0 // kept: the kept blocks before block i
	add := func(text string, r article.Reason) {
		text = truncate(strings.ReplaceAll(text, "\n", " "), maxRemovalText)
		if text != "" {
			out = append(out, article.Removal{Text: text, Reason: r, Before: kept})
		}
	}
	for i := 0; i <= len(x.blocks); i++ {
		for ; t < len(x.removedTrees) && x.removedTrees[t].before <= i; t++ {
			rt := x.removedTrees[t]
			text, _ := x.textOfAll(x.labels.DOM(rt.id))
			add(text, rt.reason)
		}
		if i == len(x.blocks) {
			break
		}
		if b := &x.blocks[i]; b.keep {
			kept++
		} else if b.reason != label.NoMark {
			add(blockText(b), b.reason.Reason())
		}
	}
	return out
}

func blockText(b *block) string {
	switch b.Type {
	case article.List:
		return strings.Join(b.Items, " · ")
	case article.Figure:
		return strings.TrimSpace(b.Caption + " " + b.Credit)
	case article.Table:
		var rows []string
		for _, r := range b.Rows {
			rows = append(rows, strings.Join(r, " | "))
		}
		return strings.Join(rows, " / ")
	}
	return b.Text
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
