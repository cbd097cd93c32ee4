package render

import (
	"html"
	"net/url"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// linker places a block's links back into its text, at their offsets in
// the block's text. The renderers hand it the block's lines in order; each
// line is located in the text after the previous one, and the links (or
// the parts of them) that fall inside it are rendered as links.
type linker struct {
	src    string         // the text the offsets count in
	links  []article.Link // with checked offsets, in order, not overlapping
	marks  []article.Mark // with checked offsets (inline.go)
	next   int            // the first link not wholly rendered yet
	cursor int            // where the previous line ended in src
}

// newLinker returns the linker of bl, or nil when bl has no links and no
// marks. A link
// whose offsets do not point at its text (one built by hand) is placed on
// the first match of its text after the previous link; one that cannot be
// placed, or whose address is unsafe, is left out.
func newLinker(bl article.Block) *linker {
	if len(bl.Links) == 0 && len(bl.Marks) == 0 {
		return nil
	}
	l := &linker{src: bl.Text}
	if bl.Type == article.List {
		l.src = strings.Join(bl.Items, "\n")
	}
	end := 0
	for _, lk := range bl.Links {
		href := safeURL(lk.Href, false)
		if lk.Text == "" || href == "" {
			continue
		}
		if lk.Start < 0 || lk.End > len(l.src) || lk.Start >= lk.End || l.src[lk.Start:lk.End] != lk.Text {
			i := strings.Index(l.src[end:], lk.Text)
			if i < 0 {
				continue
			}
			lk.Start, lk.End = end+i, end+i+len(lk.Text)
		}
		if lk.Start < end {
			continue // overlaps the link before
		}
		lk.Href = href
		l.links = append(l.links, lk)
		end = lk.End
	}
	l.marks = checkMarks(bl.Marks, l.src)
	return l
}

// markdown escapes line as Markdown, turning the links inside it into
// [text](href).
func (l *linker) markdown(line string) string {
	if l != nil && len(l.marks) > 0 {
		return l.renderSpans(line, &mdInline)
	}
	return l.render(line, escapeMarkdown, func(text, href string) string {
		return "[" + escapeMarkdown(text) + "](" + markdownURL(href) + ")"
	})
}

// html escapes line as HTML, turning the links inside it into <a>.
func (l *linker) html(line string) string {
	if l != nil && len(l.marks) > 0 {
		return l.renderSpans(line, &htmlInline)
	}
	return l.render(line, html.EscapeString, func(text, href string) string {
		return `<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + "</a>"
	})
}

func (l *linker) render(line string, esc func(string) string, link func(text, href string) string) string {
	if l == nil {
		return esc(line)
	}
	// line is trimmed, so its first match after the previous line is the
	// line itself: the gap between them holds only spaces and breaks.
	i := strings.Index(l.src[l.cursor:], line)
	if i < 0 {
		return esc(line)
	}
	at := l.cursor + i
	end := at + len(line)
	l.cursor = end
	var b strings.Builder
	pos := at // what is written of the line so far
	for l.next < len(l.links) {
		lk := l.links[l.next]
		if lk.Start >= end {
			break
		}
		s, e := max(lk.Start, pos), min(lk.End, end)
		if s < e {
			b.WriteString(esc(l.src[pos:s]))
			b.WriteString(link(l.src[s:e], lk.Href))
			pos = e
		}
		if lk.End > end {
			break // the rest of the link is on the next line
		}
		l.next++
	}
	b.WriteString(esc(l.src[pos:end]))
	return b.String()
}

// safeURL returns u when it is safe to put in a link (http, https, mailto
// or a relative reference) or an image (http, https, relative), else "".
func safeURL(u string, image bool) string {
	u = strings.TrimSpace(u)
	if u == "" {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	switch strings.ToLower(p.Scheme) {
	case "", "http", "https":
		return u
	case "mailto":
		if !image {
			return u
		}
	}
	return ""
}
