package textmode

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// flattenSkip are elements whose text a crawler's "visible text" dump never
// shows: code, styling, templates and the document head.
var flattenSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Svg: true, atom.Iframe: true, atom.Object: true,
	atom.Canvas: true,
}

// flattenInline are the elements that do not break a line. Every other
// element is treated as a block, which is what most dumpers do: an unknown
// tag is far more often a layout box than a span of words.
var flattenInline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.Font: true, atom.I: true, atom.Kbd: true, atom.Label: true, atom.Mark: true,
	atom.Q: true, atom.S: true, atom.Samp: true, atom.Small: true, atom.Span: true,
	atom.Strike: true, atom.Strong: true, atom.Sub: true, atom.Sup: true, atom.Time: true,
	atom.Tt: true, atom.U: true, atom.Var: true, atom.Wbr: true, atom.Del: true,
	atom.Ins: true, atom.Big: true, atom.Nobr: true, atom.Output: true,
}

// maxFlattenDepth bounds the recursion on pathological nesting. The HTML
// parser already caps the tree depth; this is a second, cheap guard.
const maxFlattenDepth = 1000

// VisibleText turns a parsed HTML page into the naive "all visible text, one
// line per block" dump that crawlers produce, chrome included: every
// block-level element and <br> break the line, inline text is joined with
// its whitespace collapsed, script, style, noscript, template and the head
// are dropped, and the alt text of each image is written as a line of its
// own. Navigation, footers, share buttons and teasers are kept, as a real
// dump keeps them. A nil doc gives nil. VisibleText is safe for concurrent use.
func VisibleText(doc *html.Node) []byte {
	if doc == nil {
		return nil
	}
	f := &flattener{}
	f.walk(doc, 0)
	f.breakLine()
	return f.out.Bytes()
}

type flattener struct {
	out  bytes.Buffer
	line strings.Builder
	// space is true when a whitespace run was seen since the last word.
	space bool
}

func (f *flattener) walk(n *html.Node, depth int) {
	if depth > maxFlattenDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		f.text(n.Data)
		return
	case html.ElementNode:
		if flattenSkip[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			f.breakLine()
			return
		case atom.Img:
			if alt := attr(n, "alt"); strings.TrimSpace(alt) != "" {
				f.breakLine()
				f.text(alt)
				f.breakLine()
			}
			return
		case atom.Input, atom.Textarea:
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && !flattenInline[n.DataAtom]
	if block {
		f.breakLine()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		f.walk(c, depth+1)
	}
	if block {
		f.breakLine()
	}
}

// text appends s to the current line, collapsing whitespace runs to one space.
func (f *flattener) text(s string) {
	for _, r := range s {
		if isSpace(r) {
			f.space = true
			continue
		}
		if f.space && f.line.Len() > 0 {
			f.line.WriteByte(' ')
		}
		f.space = false
		f.line.WriteRune(r)
	}
}

// breakLine ends the current line, if it holds anything.
func (f *flattener) breakLine() {
	f.space = false
	if f.line.Len() == 0 {
		return
	}
	f.out.WriteString(f.line.String())
	f.out.WriteByte('\n')
	f.line.Reset()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// isSpace reports whether r is whitespace in a dump: ASCII space, tabs,
// line breaks, the no-break space and the other Unicode spaces.
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}
