package render

import (
	"html"
	"io"
	"strconv"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// htmlStyle is a small readable default; the document loads nothing.
const htmlStyle = `body{max-width:42em;margin:2em auto;padding:0 1em;font:1.05em/1.6 Georgia,serif;color:#222}` +
	`img{max-width:100%;height:auto}figcaption{font-size:.9em;color:#555}` +
	`pre{overflow-x:auto;background:#f5f5f5;padding:.8em}` +
	`table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.3em .6em}` +
	`blockquote{margin-left:0;padding-left:1em;border-left:3px solid #ccc}` +
	`.subtitle{font-size:1.2em;color:#444}.byline{color:#666}`

// writeHTML writes a clean, self-contained HTML5 document: metadata in the
// head, the title as h1, the body as semantic elements. Every text is
// escaped and only http(s), mailto and relative URLs are kept.
func writeHTML(w io.Writer, a *article.Article) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n")
	if a.Language != "" {
		b.WriteString(`<html lang="` + html.EscapeString(a.Language) + `">` + "\n")
	} else {
		b.WriteString("<html>\n")
	}
	b.WriteString("<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	b.WriteString("<title>" + html.EscapeString(oneLine(a.Title)) + "</title>\n")
	if u := safeURL(firstNonEmpty(a.CanonicalURL, a.URL), false); u != "" && !strings.HasPrefix(u, "mailto:") {
		b.WriteString(`<link rel="canonical" href="` + html.EscapeString(u) + `">` + "\n")
	}
	metaTag(&b, "author", strings.Join(a.Authors, ", "))
	metaTag(&b, "description", a.Description)
	b.WriteString("<style>" + htmlStyle + "</style>\n</head>\n<body>\n<article>\n")
	writeHTMLHeader(&b, a)
	for _, bl := range a.Blocks {
		if s := htmlBlock(bl); s != "" {
			b.WriteString(s + "\n")
		}
	}
	b.WriteString("</article>\n")
	writeHTMLComments(&b, a.Comments)
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeHTMLHeader(b *strings.Builder, a *article.Article) {
	title, sub := oneLine(a.Title), subtitle(a)
	byline := oneLine(strings.Join(a.Authors, ", "))
	if title == "" && sub == "" && byline == "" && a.Published == "" {
		return
	}
	b.WriteString("<header>\n")
	if title != "" {
		b.WriteString("<h1>" + html.EscapeString(title) + "</h1>\n")
	}
	if sub != "" {
		b.WriteString(`<p class="subtitle">` + html.EscapeString(sub) + "</p>\n")
	}
	if byline != "" || a.Published != "" {
		b.WriteString(`<p class="byline">`)
		if byline != "" {
			b.WriteString(html.EscapeString(byline))
		}
		if a.Published != "" {
			if byline != "" {
				b.WriteString(" · ")
			}
			p := html.EscapeString(a.Published)
			b.WriteString(`<time datetime="` + p + `">` + p + "</time>")
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</header>\n")
}

func metaTag(b *strings.Builder, name, content string) {
	if content = oneLine(content); content != "" {
		b.WriteString(`<meta name="` + name + `" content="` + html.EscapeString(content) + `">` + "\n")
	}
}

func htmlBlock(bl article.Block) string {
	links := newLinker(bl)
	switch bl.Type {
	case article.Heading:
		t := oneLine(bl.Text)
		if t == "" {
			return ""
		}
		tag := "h" + strconv.Itoa(min(max(bl.Level, 1), 6))
		return "<" + tag + ">" + headingLine(t, bl.Text, links, links.html) + "</" + tag + ">"
	case article.Paragraph:
		return htmlParagraphs(bl.Text, links)
	case article.List:
		return htmlList(bl, links)
	case article.Quote:
		body := htmlParagraphs(bl.Text, links)
		if body == "" {
			return ""
		}
		return "<blockquote>\n" + body + "\n</blockquote>"
	case article.Table:
		return htmlTable(bl.Rows)
	case article.Code:
		text := strings.Trim(bl.Text, "\n")
		if strings.TrimSpace(text) == "" {
			return ""
		}
		if bl.Lang != "" {
			return `<pre><code class="language-` + html.EscapeString(bl.Lang) + `">` + html.EscapeString(text) + "</code></pre>"
		}
		return "<pre><code>" + html.EscapeString(text) + "</code></pre>"
	case article.Figure:
		return htmlFigure(bl)
	}
	return htmlParagraphs(bl.Text, links)
}

// htmlParagraphs writes text as one <p> per blank-line-separated part, with
// single newlines as <br>.
func htmlParagraphs(text string, links *linker) string {
	var ps []string
	for _, part := range strings.Split(strings.TrimSpace(text), "\n\n") {
		var lines []string
		for _, ln := range strings.Split(part, "\n") {
			if ln = strings.TrimSpace(ln); ln != "" {
				lines = append(lines, links.html(ln))
			}
		}
		if len(lines) > 0 {
			ps = append(ps, "<p>"+strings.Join(lines, "<br>\n")+"</p>")
		}
	}
	return strings.Join(ps, "\n")
}

func htmlList(bl article.Block, links *linker) string {
	tag := "ul"
	if bl.Ordered {
		tag = "ol"
	}
	var items []string
	for _, it := range bl.Items {
		var lines []string
		for _, ln := range strings.Split(it, "\n") {
			if ln = strings.TrimSpace(ln); ln != "" {
				lines = append(lines, links.html(ln))
			}
		}
		if len(lines) > 0 {
			items = append(items, "<li>"+strings.Join(lines, "<br>\n")+"</li>")
		}
	}
	if len(items) == 0 {
		return ""
	}
	return "<" + tag + ">\n" + strings.Join(items, "\n") + "\n</" + tag + ">"
}

func htmlTable(rows [][]string) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<table>\n<thead>\n")
	htmlRow(&b, rows[0], "th")
	b.WriteString("</thead>\n")
	if len(rows) > 1 {
		b.WriteString("<tbody>\n")
		for _, r := range rows[1:] {
			htmlRow(&b, r, "td")
		}
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table>")
	return b.String()
}

func htmlRow(b *strings.Builder, cells []string, tag string) {
	b.WriteString("<tr>")
	for _, c := range cells {
		b.WriteString("<" + tag + ">" + html.EscapeString(oneLine(c)) + "</" + tag + ">")
	}
	b.WriteString("</tr>\n")
}

func htmlFigure(bl article.Block) string {
	src := safeURL(bl.Src, true)
	caption, credit := oneLine(bl.Caption), oneLine(bl.Credit)
	if src == "" && caption == "" && credit == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString("<figure>\n")
	if src != "" {
		b.WriteString(`<img src="` + html.EscapeString(src) + `" alt="` + html.EscapeString(oneLine(bl.Alt)) + `">` + "\n")
	}
	if caption != "" || credit != "" {
		b.WriteString("<figcaption>")
		b.WriteString(html.EscapeString(caption))
		if credit != "" {
			if caption != "" {
				b.WriteString(" ")
			}
			b.WriteString("<small>" + html.EscapeString(credit) + "</small>")
		}
		b.WriteString("</figcaption>\n")
	}
	b.WriteString("</figure>")
	return b.String()
}

// writeHTMLComments writes the page's comments after the article, in a
// section under a "Comments" heading.
func writeHTMLComments(b *strings.Builder, comments []article.Block) {
	var parts []string
	for _, bl := range comments {
		if s := htmlBlock(bl); s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return
	}
	b.WriteString(`<section class="comments">` + "\n<h2>" + commentsHeading + "</h2>\n")
	for _, s := range parts {
		b.WriteString(s + "\n")
	}
	b.WriteString("</section>\n")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
