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
// (generated or hostile) are flattened below this depth and parsed again.
const MaxDepth = 400

// ErrParse wraps a failure of the HTML parser.
var ErrParse = errors.New("html parse failed")

// Parse parses UTF-8 HTML into a tree. Scripting is off, so <noscript>
// content is parsed as markup. A page nested too deep for the parser is
// flattened: start and end tags below MaxDepth are dropped, their text
// kept.
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
	if !strings.Contains(err.Error(), "open stack of elements exceeds") {
		return nil, fmt.Errorf("%w: %v", ErrParse, err)
	}
	doc, err = parse(dropDeepTags(data, MaxDepth))
	if err != nil {
		return nil, fmt.Errorf("%w: after flattening deep nesting: %v", ErrParse, err)
	}
	return doc, nil
}

func parse(data []byte) (*html.Node, error) {
	return html.ParseWithOptions(bytes.NewReader(data), html.ParseOptionEnableScripting(false))
}

// voidElements never take an end tag, so they do not nest.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
}

// dropDeepTags copies data, leaving out the start and end tags of elements
// that open deeper than maxDepth. Text and shallower markup are kept as
// written.
func dropDeepTags(data []byte, maxDepth int) []byte {
	z := html.NewTokenizer(bytes.NewReader(data))
	out := make([]byte, 0, len(data))
	depth := 0
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				break
			}
			depth++
			if depth > maxDepth {
				continue
			}
		case html.EndTagToken:
			depth--
			if depth >= maxDepth {
				continue
			}
			if depth < 0 {
				depth = 0
			}
		}
		out = append(out, z.Raw()...)
	}
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
