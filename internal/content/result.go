package content

import (
	"strings"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/rules"
)

// maxRemovalText caps the text kept for one removed piece in --explain.
const maxRemovalText = 300

// result assembles the kept blocks, the removals and the page's status.
func (x *extraction) result() Result {
	var res Result
	words := 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.keep {
			res.Blocks = append(res.Blocks, b.Block)
			if b.Type != article.Figure {
				words += b.words
			}
		}
	}
	if x.opts.Explain {
		res.Removed = x.removals()
	}
	res.Status = x.status(words)
	// A challenge page or an empty shell has nothing worth keeping. A
	// page judged a listing keeps what was found: the status says what
	// it is, and if the judgement is wrong the text is not lost.
	switch res.Status {
	case article.StatusBlocked, article.StatusNeedsJS:
		res.Blocks = nil
	}
	return res
}

// status tells an article from the pages that hold none.
func (x *extraction) status(words int) article.Status {
	min := x.weights.MinArticleWords
	small := x.totalText < 4000
	if words < 150 && (small || words < min) && x.pageSays(rules.BlockedPhrases, true) {
		return article.StatusBlocked
	}
	if words < min && x.totalText < 600 && (x.scripts >= 2 || x.asksForJS || x.pageSays(rules.NeedsJSPhrases, false)) {
		return article.StatusNeedsJS
	}
	if words < 200 && (x.sawPaywall || x.pageSays(rules.PaywallPhrases, false)) {
		return article.StatusPaywalled
	}
	if words < 100 && x.totalText > 0 && !x.rootLooksLikeArticle() {
		page := x.nodes[0]
		if float64(page.linkLen) > 0.5*float64(page.textLen) || x.teaserCount() >= 8 {
			return article.StatusNotArticle
		}
	}
	if words < min {
		return article.StatusTooShort
	}
	return article.StatusOK
}

// rootLooksLikeArticle reports whether the chosen root is, or sits in,
// an element marked up as an article or its body.
func (x *extraction) rootLooksLikeArticle() bool {
	for id := x.root; id >= 0; id = x.nodes[id].parent {
		if x.nodes[id].contentHint > 0 {
			return true
		}
	}
	return false
}

// pageSays reports whether the page's title, or one of its blocks, holds
// one of the phrases. With titleOnly blocks are read only on small pages.
func (x *extraction) pageSays(phrases []string, titleFirst bool) bool {
	texts := []string{x.md.Title}
	for i := range x.blocks {
		if len(texts) > 40 {
			break
		}
		texts = append(texts, x.blocks[i].Text)
	}
	for _, t := range texts {
		f := rules.Fold(t)
		for _, p := range phrases {
			if strings.Contains(f, p) {
				return true
			}
		}
	}
	return false
}

// teaserCount counts link-heavy blocks: on a listing page they dominate.
func (x *extraction) teaserCount() int {
	n := 0
	for i := range x.blocks {
		b := &x.blocks[i]
		if b.words >= 3 && b.linkWords*2 > b.words {
			n++
		}
	}
	return n
}

// removals lists what was cut, in page order.
func (x *extraction) removals() []article.Removal {
	var out []article.Removal
	t := 0
	add := func(text string, r article.Reason) {
		text = truncate(strings.ReplaceAll(text, "\n", " "), maxRemovalText)
		if text != "" {
			out = append(out, article.Removal{Text: text, Reason: r})
		}
	}
	for i := 0; i <= len(x.blocks); i++ {
		for ; t < len(x.removedTrees) && x.removedTrees[t].before <= i; t++ {
			rt := x.removedTrees[t]
			text, _ := x.textOfAll(x.nodes[rt.id].n)
			add(text, rt.reason)
		}
		if i == len(x.blocks) {
			break
		}
		if b := &x.blocks[i]; !b.keep && b.reason != "" {
			add(blockText(b), b.reason)
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
