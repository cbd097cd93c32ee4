package textmode

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dom"
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

// VisibleText turns a parsed HTML page into the naive "all visible text, one
// line per block" dump that crawlers produce, chrome included: every
// block-level element and <br> break the line, inline text is joined with
// its whitespace collapsed, script, style, noscript, template and the head
// are dropped, and the alt text of each image is written as a line of its
// own. Navigation, footers, share buttons and teasers are kept, as a real
// dump keeps them. A nil doc gives nil. VisibleText is safe for concurrent use.
func VisibleText(doc dom.Node) []byte {
	if doc.Nil() {
		return nil
	}
	f := &flattener{}
	dom.Walk(doc, f.enter, f.leave)
	f.breakLine()
	return f.out.Bytes()
}

type flattener struct {
	out  bytes.Buffer
	line []byte // the current line, white space collapsed
}

func (f *flattener) enter(n dom.Node) dom.Step {
	switch n.Type() {
	case html.TextNode:
		f.line = dom.AppendCollapsed(f.line, n.Data())
		return dom.Skip
	case html.ElementNode:
	default:
		return dom.Skip
	}
	if flattenSkip[n.DataAtom()] {
		return dom.Skip
	}
	switch n.DataAtom() {
	case atom.Br:
		f.breakLine()
		return dom.Skip
	case atom.Img:
		if alt := dom.Attr(n, "alt"); strings.TrimSpace(alt) != "" {
			f.breakLine()
			f.line = dom.AppendCollapsed(f.line, alt)
			f.breakLine()
		}
		return dom.Skip
	case atom.Input, atom.Textarea:
		return dom.Skip
	}
	if !flattenInline[n.DataAtom()] {
		f.breakLine()
	}
	return dom.Descend
}

func (f *flattener) leave(n dom.Node) {
	if !flattenInline[n.DataAtom()] {
		f.breakLine()
	}
}

// breakLine ends the current line, if it holds anything.
func (f *flattener) breakLine() {
	line := bytes.TrimSuffix(f.line, []byte{' '})
	if len(line) > 0 {
		f.out.Write(line)
		f.out.WriteByte('\n')
	}
	f.line = f.line[:0]
}
