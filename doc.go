// Package winnow finds the article in a web page and nothing else.
//
// Give Extract the bytes of a page — HTML in any charset, gzipped or not,
// or a flattened text dump of it — and it returns an *article.Article: the
// headline, standfirst, authors, dates and other metadata, and the body as
// a small structured document (headings, paragraphs, lists, quotes,
// tables, code and figures). With Options.Explain it also lists every
// piece of page chrome it cut, each with the Reason it was cut for.
// ExtractDocument does the same for a page already parsed with
// golang.org/x/net/html, and leaves the caller's tree as it was.
//
// The work runs in stages, each a plain function over the output of the
// one before:
//
//	decode   bytes → UTF-8 (gzip, BOM, Content-Type, <meta>, detection)
//	parse    one tree, shared by the later stages (golang.org/x/net/html)
//	meta     metadata from JSON-LD, OpenGraph, <time>, the URL, datelines
//	content  label chrome → flatten to blocks → vote for the article's
//	         root → filter the root's blocks, recording each cut
//	render   text, Markdown, HTML or JSON (package render)
//
// Flattened text skips parse, meta and content: text mode finds the
// article in the lines themselves. Flatten makes such text from a page.
// Both modes share one pipeline (pipeline.go), so the derived fields —
// the plain text, the language, the status error — are filled the same way.
//
// Input that cannot be read gives a nil Article and one of ErrEmpty,
// ErrBinary, ErrTooLarge or ErrTruncatedGzip. Every kind of page gives its
// main content, and Article.PageType says which kind it is (article,
// forum, product, listing, documentation, service, collection). A page
// with no main content gives an Article whose Status says why (empty,
// paywalled, blocked, needs_js; with Options.ArticlesOnly also
// not_article and too_short) and a *NoArticleError, which matches
// ErrNoArticle.
//
// Extract never fetches and never logs unless Options.Logger is set. It is
// safe for concurrent use; nothing is shared between calls.
package winnow
