package render

import (
	"cmp"
	"html"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/article"
)

// Inline formatting: a block's marks (bold, italic, code) written with its
// links. The marks and links of a line are cut into segments at each of
// their ends; every segment is written inside the spans that cover it,
// opened outermost first (the longer; over the same words, a link, then
// the marks in their order), so spans nested on the page nest in the
// output.
// Spans that cross (only a hand-built block can hold them) are closed and
// opened again.

// span kinds.
const (
	spanLink = iota
	spanBold
	spanItalic
	spanCode
)

var markSpans = map[article.MarkKind]int{article.Bold: spanBold, article.Italic: spanItalic, article.InlineCode: spanCode}

type span struct {
	start, end int
	kind       int
	href       string // of a link
}

// inlineStyle is how one format writes spans.
type inlineStyle struct {
	esc func(string) string
	// open and close write a span's delimiters; prev is the output so
	// far and next the text after the span, for Markdown's rules on
	// where emphasis may open and close.
	open  func(b *strings.Builder, sp span, prev, next string)
	close func(b *strings.Builder, sp span, opened string)
	// codeLeaf: nothing opens inside code, whose text is written
	// verbatim (Markdown); a span that starts inside it closes the code
	// and opens it again inside itself.
	codeLeaf bool
}

var mdInline = inlineStyle{
	esc:      escapeMarkdown,
	codeLeaf: true,
	open: func(b *strings.Builder, sp span, prev, next string) {
		switch sp.kind {
		case spanLink:
			b.WriteString("[")
		case spanBold:
			b.WriteString("**")
		case spanItalic:
			b.WriteString(italicDelim(prev, next))
		}
	},
	close: func(b *strings.Builder, sp span, opened string) {
		switch sp.kind {
		case spanLink:
			b.WriteString("](" + markdownURL(sp.href) + ")")
		case spanBold, spanItalic:
			b.WriteString(opened)
		}
	},
}

var htmlInline = inlineStyle{
	esc: html.EscapeString,
	open: func(b *strings.Builder, sp span, _, _ string) {
		switch sp.kind {
		case spanLink:
			b.WriteString(`<a href="` + html.EscapeString(sp.href) + `">`)
		case spanBold:
			b.WriteString("<strong>")
		case spanItalic:
			b.WriteString("<em>")
		case spanCode:
			b.WriteString("<code>")
		}
	},
	close: func(b *strings.Builder, sp span, _ string) {
		b.WriteString([...]string{"</a>", "</strong>", "</em>", "</code>"}[sp.kind])
	},
}

// italicDelim is "_" where it can open and close (not inside a word),
// so that it does not run into a bold span's "**"; "*" inside a word.
func italicDelim(prev, next string) string {
	before, _ := utf8.DecodeLastRuneInString(prev)
	after, _ := utf8.DecodeRuneInString(next)
	if wordRune(before) || wordRune(after) {
		return "*"
	}
	return "_"
}

func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// checkMarks keeps the marks of a known kind whose offsets fall on
// characters of src, and joins a mark to an earlier one of its kind that
// ends where it starts: Markdown reads "**a****b**" as no bold at all.
func checkMarks(ms []article.Mark, src string) []article.Mark {
	var out []article.Mark
next:
	for _, m := range ms {
		if _, ok := markSpans[m.Kind]; !ok || m.Start < 0 || m.End > len(src) || m.Start >= m.End ||
			!utf8.RuneStart(src[m.Start]) || m.End < len(src) && !utf8.RuneStart(src[m.End]) {
			continue
		}
		for i := range out {
			if out[i].Kind == m.Kind && out[i].End == m.Start {
				out[i].End = m.End
				continue next
			}
		}
		out = append(out, m)
	}
	return out
}

// renderSpans writes line, the next line of the block's text, with its
// links and marks.
func (l *linker) renderSpans(line string, st *inlineStyle) string {
	i := strings.Index(l.src[l.cursor:], line)
	if i < 0 {
		return st.esc(line)
	}
	at := l.cursor + i
	end := at + len(line)
	l.cursor = end
	var spans []span
	clip := func(s, e, kind int, href string) {
		if s < end && e > at {
			spans = append(spans, span{max(s, at), min(e, end), kind, href})
		}
	}
	for _, lk := range l.links {
		clip(lk.Start, lk.End, spanLink, lk.Href)
	}
	for _, m := range l.marks {
		clip(m.Start, m.End, markSpans[m.Kind], "")
	}
	if st.codeLeaf {
		spans = fitEmphasis(spans, l.src, at, end)
	}
	if len(spans) == 0 {
		return st.esc(line)
	}
	cuts := []int{at, end}
	for _, sp := range spans {
		cuts = append(cuts, sp.start, sp.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var b, code strings.Builder
	type opened struct {
		i     int    // into spans
		delim string // as opened, for Markdown emphasis
	}
	var stack []opened
	inCode := func() bool { return st.codeLeaf && len(stack) > 0 && spans[stack[len(stack)-1].i].kind == spanCode }
	closeTop := func() {
		top := stack[len(stack)-1]
		if st.codeLeaf && spans[top.i].kind == spanCode {
			b.WriteString(markdownCodeSpan(code.String()))
			code.Reset()
		} else {
			st.close(&b, spans[top.i], top.delim)
		}
		stack = stack[:len(stack)-1]
	}
	for k := 0; k+1 < len(cuts); k++ {
		p, q := cuts[k], cuts[k+1]
		covers := func(j int) bool { return spans[j].start <= p && spans[j].end >= q }
		// Close from the outermost span that ends here.
		for d, o := range stack {
			if !covers(o.i) {
				for len(stack) > d {
					closeTop()
				}
				break
			}
		}
		var open []int
		for j := range spans {
			if covers(j) && !slices.ContainsFunc(stack, func(o opened) bool { return o.i == j }) {
				open = append(open, j)
			}
		}
		if st.codeLeaf {
			// Code opens last; a span starting inside code closes it
			// and opens it again inside itself; code inside code is
			// one code span.
			if inCode() {
				open = slices.DeleteFunc(open, func(j int) bool { return spans[j].kind == spanCode })
				if len(open) > 0 {
					reopen := stack[len(stack)-1].i
					closeTop()
					open = append(open, reopen)
				}
			}
		}
		slices.SortStableFunc(open, func(a, c int) int {
			sa, sc := spans[a], spans[c]
			if st.codeLeaf && (sa.kind == spanCode) != (sc.kind == spanCode) {
				if sa.kind == spanCode {
					return 1
				}
				return -1
			}
			return cmp.Or(sc.end-sa.end, a-c)
		})
		for _, j := range open {
			if inCode() {
				break // a second code span over the same words
			}
			delim := ""
			if !(st.codeLeaf && spans[j].kind == spanCode) {
				mark := b.Len()
				st.open(&b, spans[j], b.String(), l.src[spans[j].end:])
				delim = b.String()[mark:]
			}
			stack = append(stack, opened{j, delim})
		}
		if inCode() {
			code.WriteString(l.src[p:q])
		} else {
			b.WriteString(st.esc(l.src[p:q]))
		}
	}
	for len(stack) > 0 {
		closeTop()
	}
	return b.String()
}

// markdownCodeSpan writes code as a Markdown code span: its backticks
// longer than any run inside, and a space inside them when the code
// starts or ends with a backtick, or starts and ends with a space.
func markdownCodeSpan(code string) string {
	if code == "" {
		return ""
	}
	fence := "`"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	pad := ""
	if code[0] == '`' || code[len(code)-1] == '`' ||
		code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
		pad = " "
	}
	return fence + pad + code + pad + fence
}

// fitEmphasis drops the bold and italic spans whose Markdown delimiters
// would not be read as emphasis, so that they do not show as stray
// asterisks: CommonMark opens emphasis only before a character that is
// not a space, and, before punctuation, only after a space or
// punctuation (so "a**"b"**c" is not bold); closing mirrors it. The line
// runs from at to end in src; a delimiter of another span next to one
// counts as punctuation.
func fitEmphasis(spans []span, src string, at, end int) []span {
	drop := make([]bool, len(spans))
	any := false
	for j, sp := range spans {
		if sp.kind != spanBold && sp.kind != spanItalic {
			continue
		}
		prev, next := ' ', ' ' // a line's ends count as spaces
		if sp.start > at {
			prev, _ = utf8.DecodeLastRuneInString(src[:sp.start])
		}
		if sp.end < end {
			next, _ = utf8.DecodeRuneInString(src[sp.end:])
		}
		first, _ := utf8.DecodeRuneInString(src[sp.start:])
		last, _ := utf8.DecodeLastRuneInString(src[:sp.end])
		for k, o := range spans {
			if k == j {
				continue
			}
			in := within(o, sp, k > j)
			if o.start == sp.start {
				if in {
					first = '*'
				} else {
					prev = '*'
				}
			}
			if o.end == sp.end {
				if in {
					last = '*'
				} else {
					next = '*'
				}
			}
		}
		opens := !unicode.IsSpace(first) && (!mdPunct(first) || unicode.IsSpace(prev) || mdPunct(prev))
		closes := !unicode.IsSpace(last) && (!mdPunct(last) || unicode.IsSpace(next) || mdPunct(next))
		if !opens || !closes {
			drop[j], any = true, true
		}
	}
	if !any {
		return spans
	}
	out := spans[:0]
	for j, sp := range spans {
		if !drop[j] {
			out = append(out, sp)
		}
	}
	return out
}

// within reports whether o opens inside sp in Markdown: it lies within
// sp's words and, over the same words, it is code or comes later (the
// spans are in order, links first, then the marks, the outer first).
func within(o, sp span, later bool) bool {
	if o.start < sp.start || o.end > sp.end {
		return false
	}
	if o.start != sp.start || o.end != sp.end {
		return true
	}
	return o.kind == spanCode || sp.kind != spanCode && later
}

// mdPunct is CommonMark's punctuation: Unicode punctuation and symbols.
func mdPunct(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
