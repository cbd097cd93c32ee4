package winnow

import (
	"net/url"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dom"
)

// linkBase is the address the page's links and images are resolved
// against: the first <base href> of the document, itself resolved against
// pageURL, when that gives an http(s) address; otherwise pageURL.
func linkBase(doc dom.Node, shape textShape, pageURL string) string {
	if shape.noBase {
		return pageURL
	}
	href, ok := baseHref(doc)
	if !ok {
		return pageURL
	}
	b := dom.Resolve(href, pageURL)
	if u, err := url.Parse(b); err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return pageURL
	}
	return b
}

// baseHref finds the href of the first <base> element that has one, in
// tree order, as a browser does (it is almost always in <head>, which
// comes first).
func baseHref(n dom.Node) (string, bool) {
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		if c.Type() != html.ElementNode {
			continue
		}
		switch c.DataAtom() {
		case atom.Base:
			if c.Foreign() {
				continue
			}
			for a := range c.Attrs() {
				if a.Namespace == "" && a.Key == "href" {
					return a.Val, true
				}
			}
			continue
		case atom.Script, atom.Style, atom.Template:
			continue
		}
		if h, ok := baseHref(c); ok {
			return h, true
		}
	}
	return "", false
}
