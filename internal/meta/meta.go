// Package meta reads a page's metadata. (stub: being written)
package meta

import (
	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
)

// Extract reads the metadata of a parsed page. pageURL may be empty.
func Extract(doc *html.Node, pageURL string) article.Metadata {
	return article.Metadata{URL: pageURL}
}

// DetectLanguage guesses the ISO 639-1 code of text, or "" when unsure.
func DetectLanguage(text string) string { return "" }
