// Package textmode extracts the article from flattened page text. (stub: being written)
package textmode

import (
	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
)

// Options for Extract.
type Options struct {
	Explain    bool
	DropImages bool
}

// Extract reads a flattened page dump (one block per line) and returns the
// article found in it; Status is set when there is none. Text is filled by the caller.
func Extract(text []byte, opts Options) *article.Article {
	return &article.Article{Status: article.StatusTooShort}
}

// Flatten turns a parsed HTML page into the naive "all visible text, one
// line per block" dump that crawlers produce, chrome included. (stub)
func Flatten(doc *html.Node) []byte { return nil }
