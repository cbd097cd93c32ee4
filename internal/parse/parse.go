// Package parse builds the tree that every later stage shares, with
// golang.org/x/net/html, and copes with the pages that parser refuses.
package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// MaxDepth is how deep the fallback lets elements nest. x/net/html
// refuses documents nested deeper than 512 open elements; such pages
// (generated or hostile) are flattened below this depth and parsed again
// (see flatten).
const MaxDepth = 400

// ErrParse wraps a failure of the HTML parser.
var ErrParse = errors.New("html parse failed")

// Parse parses UTF-8 HTML into a tree. Scripting is off, so <noscript>
// content is parsed as markup. A page nested too deep for the parser is
// flattened: elements below MaxDepth are taken out, their text kept, a
// block turned into a break so that paragraphs stay apart.
//
// Three kinds of damage are then repaired, as a browser would show the
// page: a <title> left open, which swallows the document as its text, is
// closed and the page parsed again; the segments that React streams in
// hidden containers are moved to the places their scripts move them to;
// and on an empty shell whose text is all inside <noscript>, that text is
// shown.
func Parse(data []byte) (*html.Node, error) {
	doc, err := parseDeep(data)
	if err != nil {
		return nil, err
	}
	if fixed := closeTitle(doc, data); fixed != nil {
		if doc2, err := parseDeep(fixed); err == nil {
			doc = doc2
		}
	}
	// The repairs walk the tree; a byte scan spares that walk on the
	// pages that have nothing to repair.
	if bytes.Contains(data, []byte(`id="S:`)) {
		placeStreamedSegments(doc)
	}
	if bytes.Contains(data, []byte("noscript")) || bytes.Contains(data, []byte("NOSCRIPT")) {
		revealNoscript(doc)
	}
	return doc, nil
}

// parseDeep parses data, flattening nesting too deep for the parser.
func parseDeep(data []byte) (*html.Node, error) {
	doc, err := parse(data)
	if err == nil {
		return doc, nil
	}
	for _, limit := range flatLimits {
		if !tooDeep(err) {
			break
		}
		doc, err = parse(flatten(data, limit))
		if err == nil {
			return doc, nil
		}
	}
	if tooDeep(err) {
		return nil, fmt.Errorf("%w: after flattening deep nesting: %v", ErrParse, err)
	}
	return nil, fmt.Errorf("%w: %v", ErrParse, err)
}

// tooDeep reports the parser's refusal of a page nested too deep.
func tooDeep(err error) bool {
	return strings.Contains(err.Error(), "open stack of elements exceeds")
}

func parse(data []byte) (*html.Node, error) {
	return html.ParseWithOptions(bytes.NewReader(data), html.ParseOptionEnableScripting(false))
}

// Copy returns a deep copy of a tree parsed elsewhere, with the repairs
// Parse makes on the tree (streamed segments placed, an empty shell's
// <noscript> shown); n is left as it was. A <noscript> that a parser with
// scripting on (html.Parse's default) kept as one text node is parsed
// as markup, as Parse parses it. An element other than <html> is put in
// the <body> of a document of its own.
func Copy(n *html.Node) *html.Node {
	c := clone(n)
	switch {
	case c.Type == html.DocumentNode:
	case c.Type == html.ElementNode && c.DataAtom == atom.Html:
		doc := &html.Node{Type: html.DocumentNode}
		doc.AppendChild(c)
		c = doc
	default:
		doc, _ := parse([]byte("<html><head></head><body></body></html>"))
		findElement(doc, atom.Body).AppendChild(c)
		c = doc
	}
	placeStreamedSegments(c)
	revealNoscript(c)
	return c
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
