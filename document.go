package winnow

import (
	"context"
	"errors"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/parse"
	"github.com/winnow-go/winnow/internal/rules"
)

// ExtractDocument is Extract for a page the caller has already parsed
// with golang.org/x/net/html. doc is normally the *html.Node that
// html.Parse returned; an <html> element, or any other element (read as
// the whole body of a page), is accepted too.
//
// doc is not changed: winnow works on a copy, on which it makes the
// repairs Extract makes after parsing (see package parse's notes in
// docs/ARCHITECTURE.md). A <noscript> that html.Parse kept as text, as it
// does by default, is read as markup, as Extract reads it. The options
// about bytes (ContentType, Input, MaxBytes) do not apply; the result,
// the statuses and the errors are Extract's, and a nil doc is an error.
func ExtractDocument(doc *html.Node, opts Options) (*article.Article, error) {
	return ExtractDocumentContext(context.Background(), doc, opts)
}

// ExtractDocumentContext is ExtractDocument with a context that is
// checked between stages.
func ExtractDocumentContext(ctx context.Context, doc *html.Node, opts Options) (*article.Article, error) {
	if doc == nil {
		return nil, errors.New("winnow: nil document")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return extractTree(ctx, parse.Copy(doc), textShape{}, opts, rules.TuningFrom(ctx))
}
