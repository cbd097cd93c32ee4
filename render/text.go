// Package render writes an article.Article as plain text, Markdown, HTML or
// JSON.
package render

import (
	"strings"

	"github.com/winnow-go/winnow/article"
)

// PlainText returns the body as plain text with a blank line between blocks:
// headings, paragraphs, lists, quotes, tables and code. Figures are left out;
// their captions and credits live in the figure blocks.
func PlainText(blocks []article.Block) string {
	var b strings.Builder
	// Sized at once: grown by appending, a long body would be copied
	// several times over.
	size := 0
	for i := range blocks {
		size += textSize(&blocks[i]) + 2
	}
	b.Grow(size)
	for _, bl := range blocks {
		s := blockText(bl)
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
	return b.String()
}

// textSize is about the length of blockText(*bl), without building it.
func textSize(bl *article.Block) int {
	n := len(bl.Text)
	for _, it := range bl.Items {
		n += len(it) + 1
	}
	for _, r := range bl.Rows {
		for _, c := range r {
			n += len(c) + 1
		}
	}
	return n
}

func blockText(bl article.Block) string {
	switch bl.Type {
	case article.Figure:
		return ""
	case article.List:
		return strings.Join(bl.Items, "\n")
	case article.Table:
		rows := make([]string, 0, len(bl.Rows))
		for _, r := range bl.Rows {
			rows = append(rows, strings.Join(r, "\t"))
		}
		return strings.Join(rows, "\n")
	default:
		return bl.Text
	}
}
