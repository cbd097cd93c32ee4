package content

import (
	"bytes"
	"slices"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// Inline formatting (Options.Formatting): the bold, italic and code
// elements of a block's text become article.Marks, placed in the
// block's text as its links are. Without the option none of this runs.

// pendingMark is a mark of the text being built, its words at
// buf[start:end].
type pendingMark struct {
	start, end int
	kind       article.MarkKind
}

// addMark records the mark whose words fill buf from start on, without
// the spaces around them.
func (f *flow) addMark(start int, kind article.MarkKind) {
	if s, e := trimSpan(f.buf, start, len(f.buf)); s < e {
		f.marks = append(f.marks, pendingMark{s, e, kind})
	}
}

// placeSpans is placeLinks for a paragraph with marks.
func (f *flow) placeSpans() (string, []article.Link, []article.Mark) {
	return cleanSpans(f.buf, f.links, f.marks)
}

// trimSpan narrows buf[start:end] to its words, without the spaces
// around them.
func trimSpan(buf []byte, start, end int) (int, int) {
	end = start + len(bytes.TrimRightFunc(buf[start:end], unicode.IsSpace))
	start = end - len(bytes.TrimLeftFunc(buf[start:end], unicode.IsSpace))
	return start, end
}

// cleanSpans cleans buf into a block's text, as cleanLines does, and
// moves the offsets of its links and marks to the same words in the
// text. The marks come out in order of their start, the outer first.
func cleanSpans(buf []byte, links []pendingLink, marks []pendingMark) (string, []article.Link, []article.Mark) {
	offs := make([]int, 0, 2*(len(links)+len(marks)))
	for _, l := range links {
		offs = append(offs, l.start, l.end)
	}
	for _, m := range marks {
		offs = append(offs, m.start, m.end)
	}
	text := cleanLinesAt(string(buf), offs)
	var outLinks []article.Link
	if len(links) > 0 {
		outLinks = make([]article.Link, 0, len(links))
		for i, l := range links {
			if s, e := offs[2*i], offs[2*i+1]; s < e {
				outLinks = append(outLinks, article.Link{Text: text[s:e], Href: l.href, Start: s, End: e})
			}
		}
	}
	offs = offs[2*len(links):]
	out := make([]article.Mark, 0, len(marks))
	for i, m := range marks {
		if s, e := offs[2*i], offs[2*i+1]; s < e {
			out = append(out, article.Mark{Kind: m.kind, Start: s, End: e})
		}
	}
	return text, outLinks, normalizeMarks(out)
}

// normalizeMarks sorts marks by start, the outer first (the longer, or
// over the same words the outer element), drops a mark that one of its
// kind already covers (<b><strong>x</strong></b>) and joins a mark to the
// one of its kind that ends where it starts.
func normalizeMarks(ms []article.Mark) []article.Mark {
	// The marks were recorded as their elements closed, the inner
	// first: over the same words the outer must come first.
	slices.Reverse(ms)
	slices.SortStableFunc(ms, func(a, b article.Mark) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	out := ms[:0]
	for _, m := range ms {
		covered := false
		for i := range out {
			o := &out[i]
			if o.Kind == m.Kind && o.Start <= m.Start && m.End <= o.End {
				covered = true
				break
			}
			if o.Kind == m.Kind && o.End == m.Start {
				// <b>B</b><b>old</b>: one mark, which Markdown
				// can write ("**B****old**" is no bold).
				o.End, covered = m.End, true
				break
			}
		}
		if !covered {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// headingMarks drops a bold mark over a whole heading: a heading is
// bold already.
func headingMarks(text string, ms []article.Mark) []article.Mark {
	out := ms[:0]
	for _, m := range ms {
		if m.Kind != article.Bold || m.Start > 0 || m.End < len(text) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// codeLang returns the language a <pre> names, or the first <code>
// inside it names (rules.CodeLang), or "".
func codeLang(pre dom.Node) string {
	if l := rules.CodeLang(func(k string) string { return dom.Attr(pre, k) }); l != "" {
		return l
	}
	lang := ""
	dom.Walk(pre, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode {
			return dom.Skip
		}
		if c.DataAtom() == atom.Code {
			lang = rules.CodeLang(func(k string) string { return dom.Attr(c, k) })
			return dom.Stop
		}
		return dom.Descend
	}, nil)
	return lang
}
