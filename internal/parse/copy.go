package parse

import (
	"strings"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Copy returns a copy of a tree parsed elsewhere, with the repairs
// Parse makes on the tree (streamed segments placed, an empty shell's
// <noscript> shown); n is left as it was. A <noscript> that a parser with
// scripting on (html.Parse's default) kept as one text node is parsed
// as markup, as Parse parses it. An element other than <html> is put in
// the <body> of a document of its own.
func Copy(n *html.Node) dom.Node {
	c := clone(n)
	switch {
	case c.Type == html.DocumentNode:
	case c.Type == html.ElementNode && c.DataAtom == atom.Html:
		doc := &html.Node{Type: html.DocumentNode}
		doc.AppendChild(c)
		c = doc
	default:
		doc, _ := html.Parse(strings.NewReader("<html><head></head><body></body></html>"))
		doc.LastChild.LastChild.AppendChild(c) // html > body
		c = doc
	}
	root := dom.FromHTML(c, "").Root()
	placeStreamedSegments(root)
	revealNoscript(root)
	return root
}

// clone copies n and everything under it.
func clone(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	if n.Type == html.ElementNode && n.DataAtom == atom.Noscript && n.FirstChild != nil &&
		n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode && strings.Contains(n.FirstChild.Data, "<") {
		kids, err := html.ParseFragmentWithOptions(strings.NewReader(n.FirstChild.Data), c, html.ParseOptionEnableScripting(false))
		if err == nil {
			for _, k := range kids {
				c.AppendChild(k)
			}
			return c
		}
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		c.AppendChild(clone(ch))
	}
	return c
}
