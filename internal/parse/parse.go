// Package parse builds the tree that every later stage shares, with
// golang.org/x/net/html, and copes with the pages that parser refuses.
package parse

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html"
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
