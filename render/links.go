package render

import (
	"html"
	"net/url"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// linker places a block's links back into its text. Links are kept in
// document order, so each one is looked for after the previous one; a link
// whose text cannot be found is skipped over when the block ends.
type linker struct {
	links []article.Link
	next  int
}

// markdown escapes line as Markdown, turning the block's next links into
// [text](href).
func (l *linker) markdown(line string) string {
	return l.render(line, escapeMarkdown, func(text, href string) string {
		return "[" + escapeMarkdown(text) + "](" + markdownURL(href) + ")"
	})
}

// html escapes line as HTML, turning the block's next links into <a>.
func (l *linker) html(line string) string {
	return l.render(line, html.EscapeString, func(text, href string) string {
		return `<a href="` + html.EscapeString(href) + `">` + html.EscapeString(text) + "</a>"
	})
}

func (l *linker) render(line string, esc func(string) string, link func(text, href string) string) string {
	if l == nil {
		return esc(line)
	}
	var b strings.Builder
	for l.next < len(l.links) {
		lk := l.links[l.next]
		href := safeURL(lk.Href, false)
		if lk.Text == "" || href == "" {
			l.next++
			continue
		}
		i := strings.Index(line, lk.Text)
		if i < 0 {
			break
		}
		b.WriteString(esc(line[:i]))
		b.WriteString(link(lk.Text, href))
		line = line[i+len(lk.Text):]
		l.next++
	}
	b.WriteString(esc(line))
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
