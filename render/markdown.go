package render

import (
	"io"
	"strconv"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// writeMarkdown writes the title as "#", the subtitle as an italic
// standfirst, then one Markdown block per body block, a blank line apart.
func writeMarkdown(w io.Writer, a *article.Article) error {
	var parts []string
	if t := oneLine(a.Title); t != "" {
		parts = append(parts, "# "+escapeMarkdown(t))
	}
	if s := subtitle(a); s != "" {
		parts = append(parts, "*"+escapeMarkdown(s)+"*")
	}
	for _, bl := range a.Blocks {
		if s := markdownBlock(bl); s != "" {
			parts = append(parts, s)
		}
	}
	if c := markdownBlocks(a.Comments); len(c) > 0 {
		parts = append(parts, "## "+commentsHeading)
		parts = append(parts, c...)
	}
	if len(parts) == 0 {
		return nil
	}
	_, err := io.WriteString(w, strings.Join(parts, "\n\n")+"\n")
	return err
}

func markdownBlocks(blocks []article.Block) []string {
	var parts []string
	for _, bl := range blocks {
		if s := markdownBlock(bl); s != "" {
			parts = append(parts, s)
		}
	}
	return parts
}

func markdownBlock(bl article.Block) string {
	links := newLinker(bl)
	switch bl.Type {
	case article.Heading:
		level := min(max(bl.Level, 1), 6)
		t := oneLine(bl.Text)
		if t == "" {
			return ""
		}
		return strings.Repeat("#", level) + " " + headingLine(t, bl.Text, links, links.markdown)
	case article.Paragraph:
		return markdownLines(bl.Text, links)
	case article.List:
		return markdownList(bl, links)
	case article.Quote:
		body := markdownLines(bl.Text, links)
		if body == "" {
			return ""
		}
		return prefixLines(body, "> ", ">")
	case article.Table:
		return markdownTable(bl.Rows)
	case article.Code:
		return markdownCode(bl.Text, bl.Lang)
	case article.Figure:
		return markdownFigure(bl)
	}
	return markdownLines(bl.Text, links)
}

// markdownLines escapes text, keeping its paragraph breaks: single newlines
// become hard line breaks, blank lines stay blank.
func markdownLines(text string, links *linker) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for i, ln := range lines {
		ln = strings.TrimSpace(ln)
		if i > 0 {
			if ln == "" || strings.TrimSpace(lines[i-1]) == "" {
				b.WriteString("\n")
			} else {
				b.WriteString("\\\n")
			}
		}
		b.WriteString(escapeLineStart(links.markdown(ln)))
	}
	return b.String()
}

func markdownList(bl article.Block, links *linker) string {
	var b strings.Builder
	n := 0
	for _, it := range bl.Items {
		it = strings.TrimSpace(it)
		if it == "" {
			continue
		}
		n++
		marker := "- "
		if bl.Ordered {
			marker = strconv.Itoa(n) + ". "
		}
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		body := markdownLines(it, links)
		// Continuation lines are indented to the item's content column so
		// they stay inside the item.
		b.WriteString(marker + indentRest(body, strings.Repeat(" ", len(marker))))
	}
	return b.String()
}

func markdownTable(rows [][]string) string {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return ""
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString("|")
		for c := range cols {
			cell := ""
			if c < len(r) {
				cell = escapeMarkdown(oneLine(r[c]))
				cell = strings.ReplaceAll(cell, "|", "\\|")
			}
			b.WriteString(" " + cell + " |")
		}
		b.WriteString("\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat(" --- |", cols) + "\n")
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func markdownCode(text, lang string) string {
	text = strings.Trim(text, "\n")
	if strings.TrimSpace(text) == "" {
		return ""
	}
	// The fence must be longer than any run of backticks in the code.
	fence := "```"
	for strings.Contains(text, fence) {
		fence += "`"
	}
	if strings.ContainsAny(lang, "` \t\n") {
		lang = "" // an info string cannot hold a backtick
	}
	return fence + lang + "\n" + text + "\n" + fence
}

func markdownFigure(bl article.Block) string {
	var lines []string
	if bl.Src != "" {
		alt := strings.NewReplacer("[", "\\[", "]", "\\]").Replace(oneLine(bl.Alt))
		lines = append(lines, "!["+alt+"]("+markdownURL(bl.Src)+")")
	}
	caption, credit := oneLine(bl.Caption), oneLine(bl.Credit)
	var c string
	switch {
	case caption != "" && credit != "":
		c = "*" + escapeMarkdown(caption) + "* (" + escapeMarkdown(credit) + ")"
	case caption != "":
		c = "*" + escapeMarkdown(caption) + "*"
	case credit != "":
		c = "(" + escapeMarkdown(credit) + ")"
	}
	if c != "" {
		lines = append(lines, c)
	}
	return strings.Join(lines, "\\\n")
}

// markdownURL writes a link destination, in angle brackets when it holds
// characters that would end a bare one.
func markdownURL(u string) string {
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

// mdEscaper backslash-escapes the characters that start inline markup.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`, "<", `\<`,
)

func escapeMarkdown(s string) string { return mdEscaper.Replace(s) }

// escapeLineStart escapes a character at the start of a line that would
// otherwise open a heading, quote, list or thematic break.
func escapeLineStart(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '#', '>', '-', '+', '=', '|', '~':
		return `\` + s
	}
	// "1. " and "1) " open ordered lists.
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i < len(s) && (s[i] == '.' || s[i] == ')') {
		return s[:i] + `\` + s[i:]
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func prefixLines(s, prefix, blankPrefix string) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		if ln == "" {
			lines[i] = blankPrefix
		} else {
			lines[i] = prefix + ln
		}
	}
	return strings.Join(lines, "\n")
}

func indentRest(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] != "" {
			lines[i] = indent + lines[i]
		}
	}
	return strings.Join(lines, "\n")
}

// subtitle is the standfirst to print under the title, or "" when the
// body already opens with it, so that it is not printed twice.
func subtitle(a *article.Article) string {
	s := oneLine(a.Subtitle)
	for i, bl := range a.Blocks {
		if i == 3 {
			break
		}
		if bl.Type == article.Paragraph && oneLine(bl.Text) == s {
			return ""
		}
	}
	return s
}

// commentsHeading is the heading the page's comments are written under.
const commentsHeading = "Comments"

// headingLine writes a heading's text, t, on one line. A heading with
// marks whose text runs over several lines is written a line at a
// time, so that the marks find their words.
func headingLine(t, text string, links *linker, write func(string) string) string {
	if links == nil || len(links.marks) == 0 || !strings.Contains(text, "\n") {
		return write(t)
	}
	var parts []string
	for _, ln := range strings.Split(text, "\n") {
		if ln = oneLine(ln); ln != "" {
			parts = append(parts, write(ln))
		}
	}
	return strings.Join(parts, " ")
}
