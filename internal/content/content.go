// Package content finds the article body in a parsed page.
//
// It works in four steps over one tree, each a function below:
//
//  1. decide: it reads the labels of internal/label (per element, its text
//     and link size and the chrome it is marked as: tag, ARIA role, class
//     and id tokens, hidden) and turns marks into removals.
//  2. blocks: a second pass flattens the kept tree into a list of blocks
//     (headings, paragraphs, lists, quotes, tables, code, figures), each
//     remembering the element that holds it.
//  3. root: every block votes for its ancestors, content-like blocks for
//     and chrome-like blocks against, and the best-scoring element is the
//     article's root.
//  4. filter: blocks inside the root are kept unless a local signal (a
//     furniture phrase, link density, a byline, a repeated caption) says
//     otherwise; everything else is recorded as removed, with its reason.
package content

import (
	"sync"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// Options for Extract.
type Options struct {
	PageURL    string
	Focus      rules.Focus
	KeepLinks  bool
	DropImages bool
	Explain    bool
	// ArticlesOnly keeps the articles-only verdicts: a listing is
	// not_article and a short page too_short. Without it both are ok
	// when they hold any main content, and empty when they hold none.
	ArticlesOnly bool
	// Weights overrides rules.DefaultWeights when non-nil.
	Weights *rules.Weights
	// Formatting keeps the bold, italic and code marks of the blocks'
	// text and the language of code blocks (spans.go).
	Formatting bool
	// Comments keeps the page's comment sections in Result.Comments
	// (comments.go).
	Comments bool
	// Product is set when the page's markup declares one product (a
	// schema.org Product, og:type product): its reviews are the
	// buyers' text, not the page's (reviews.go).
	Product bool
	// Thread is set when the page's markup declares a discussion and no
	// article: when the first reading keeps nothing, the posts cut as
	// comments are the page's text (fallback.go).
	Thread bool
}

// Result is the body found on a page.
type Result struct {
	Blocks []article.Block
	// Comments are the blocks of the page's comments, with
	// Options.Comments.
	Comments []article.Block
	Removed  []article.Removal
	Status   article.Status
	// Detail says in a few words why the page holds no article; it is
	// empty when Status is ok.
	Detail string
	// Shape is what the kept body and its root look like.
	Shape Shape
}

// Shape sums the kept body by kind of block, with the chosen root, for
// the page-type classifier (internal/pagetype).
type Shape struct {
	Words          int // body words, figures left out
	LinkWords      int // of which inside links
	Paragraphs     int
	ParagraphWords int
	Headings       int
	Lists          int
	ListItems      int
	ListWords      int
	Tables         int
	Code           int
	Figures        int
	Teasers        int   // link-heavy blocks, kept or not
	Cards          int   // teaser cards: elements holding one linked headline among siblings holding more
	Root           int32 // the root's label id
	RootArticle    bool  // the root is, or sits in, article markup
	// The run of repeated sibling items the content was read as (posts,
	// cards, results; see kinds.go), zero when none: how many items,
	// their average unlinked text in characters, whether most of their
	// text is links, and whether the run was lifted out of what the
	// article rules cut (rather than held inside the article root).
	Items       int
	ItemPlain   int
	ItemsLinked bool
	ItemsLifted bool
}

// Extract finds the article body in doc. md is the page's metadata, used to
// recognise the headline and byline when they are printed in the body.
// Extract does not change doc. It is safe for concurrent use on
// different documents.
func Extract(doc dom.Node, md article.Metadata, opts Options) Result {
	w := &rules.DefaultWeights
	if opts.Weights != nil {
		w = opts.Weights
	}
	t := label.LabelWith(doc, w)
	res := ExtractLabelled(t, md, opts)
	t.Release()
	return res
}

// ExtractLabelled is Extract over a page the label pass has labelled; the
// pipeline labels once for the metadata and the content stages. It does
// not change t, which the caller still owns.
func ExtractLabelled(t *label.Tree, md article.Metadata, opts Options) Result {
	w := rules.DefaultWeights
	if opts.Weights != nil {
		w = *opts.Weights
	}
	x := scratchPool.Get().(*extraction)
	res := x.run(t, md, opts, w, false)
	if !t.Check().Done() && x.wantsFallback(res) {
		// The first result shares no memory with x, so it outlives the
		// reset; it stands when the relaxed reading finds no prose either.
		x.reset()
		if relaxed := x.run(t, md, opts, w, true); relaxed.Shape.Words > 0 {
			res = relaxed
		}
	}
	x.reset()
	scratchPool.Put(x)
	return res
}

// run is one reading of the page; relaxed lifts the soft marks
// (fallback.go).
func (x *extraction) run(t *label.Tree, md article.Metadata, opts Options, w rules.Weights, relaxed bool) Result {
	x.opts, x.weights, x.md, x.relaxed = opts, w, md, relaxed
	// Once the extraction's context is done the steps end early, and the
	// reading is dropped by the caller, which returns the context's error.
	chk := t.Check()
	x.decide(t)
	if chk.Done() {
		return Result{Status: article.StatusEmpty}
	}
	x.buildBlocks(t.Root())
	x.pickRoot()
	if chk.Done() {
		return Result{Status: article.StatusEmpty}
	}
	if x.widenToItems() {
		clear(x.out)
		x.blocks, x.out, x.removedTrees = x.blocks[:0], x.out[:0], x.removedTrees[:0]
		x.buildBlocks(t.Root())
		x.root = x.kinds.root
	}
	x.widenToMain()
	x.markItemTitles()
	x.markItemLabels()
	x.filter()
	if chk.Done() {
		return Result{Status: article.StatusEmpty}
	}
	return x.result()
}

// scratchPool keeps the per-call tables between calls: on a crawl the
// node table is the content stage's largest allocation.
var scratchPool = sync.Pool{New: func() any {
	return &extraction{nodes: make([]elem, 0, 1024)}
}}

// reset empties x for the next page, dropping every pointer into the
// finished one so that the pool does not keep its tree alive.
func (x *extraction) reset() {
	if cap(x.nodes) > maxPooledNodes {
		// One huge page should not pin its tables in the pool for
		// good: start this instance afresh.
		*x = *scratchPool.New().(*extraction)
		return
	}
	clear(x.nodes)
	clear(x.blocks)
	clear(x.removedTrees)
	clear(x.scores)
	clear(x.out) // nil when handed over to the result
	clear(x.comments)
	textBuf := x.textBuf[:0]
	if cap(textBuf) > maxPooledText {
		textBuf = nil
	}
	*x = extraction{nodes: x.nodes[:0], blocks: x.blocks[:0], out: x.out[:0], removedTrees: x.removedTrees[:0], scores: x.scores[:0],
		comments: x.comments[:0], textBuf: textBuf,
		runHard: x.runHard[:0], runCut: x.runCut[:0]}
}

// maxPooledNodes is the most elements whose tables reset keeps for reuse.
const maxPooledNodes = 1 << 16

// maxPooledText is the largest text buffer reset keeps for reuse.
const maxPooledText = 1 << 20

// extraction is the per-call state shared by the steps.
type extraction struct {
	opts    Options
	weights rules.Weights
	md      article.Metadata

	labels *label.Tree
	nodes  []elem // by label id
	blocks []block
	// out holds the blocks' article.Block, by the same index; result
	// hands it over to the caller, or copies the kept ones out of it and
	// leaves it to be reused.
	out  []article.Block
	root int32 // chosen article root, an index into nodes

	// textBuf is the buffer collectSpans gathers a block's text in
	// before it is cleaned into a string; it is kept between blocks and
	// pages.
	textBuf []byte
	// sigBuf holds the kind of the item being grouped (appendItemSig).
	sigBuf []byte

	totalText    int
	totalPara    int
	totalPlain   int
	scripts      int
	asksForJS    bool // a <noscript> says the page needs JavaScript
	sawPaywall   bool
	captionBody  bool // the page's only prose is its figures' captions
	removedTrees []removedTree
	scores       []float64 // root votes, by node
	kinds        kindState // the repeated-items rule (kinds.go)
	relaxed      bool      // the fallback reading: soft marks lifted (fallback.go)
	// comments are the blocks of the comment sections, with
	// Options.Comments; inComments is set while one is read
	// (comments.go).
	comments   []commentBlock
	inComments bool
	// runHard and runCut are bestRun's tables, kept for the next call.
	runHard []bool
	runCut  []int
	// figureSrcs counts the figures of each image source, for
	// repeatedImage (filter.go); nil until it is first asked.
	figureSrcs map[string]int
}
