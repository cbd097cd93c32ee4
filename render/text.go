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
	for i := range blocks {
		bl := &blocks[i]
		if blockEmpty(bl) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		writeBlockText(&b, bl)
	}
	return b.String()
}

// blockEmpty reports whether the block has no text: writeBlockText writes
// nothing.
func blockEmpty(bl *article.Block) bool {
	switch bl.Type {
	case article.Figure:
		return true
	case article.List:
		return len(bl.Items) == 0 || len(bl.Items) == 1 && bl.Items[0] == ""
	case article.Table:
		return len(bl.Rows) == 0 || len(bl.Rows) == 1 && emptyRow(bl.Rows[0])
	default:
		return bl.Text == ""
	}
}

// emptyRow reports whether a table row has no text.
func emptyRow(r []string) bool {
	return len(r) == 0 || len(r) == 1 && r[0] == ""
}

// writeBlockText writes the block's text to b: a list's items one a line,
// a table's rows one a line with their cells split by tabs, nothing for
// a figure.
func writeBlockText(b *strings.Builder, bl *article.Block) {
	switch bl.Type {
	case article.Figure:
	case article.List:
		for i, it := range bl.Items {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(it)
		}
	case article.Table:
		for i, r := range bl.Rows {
			if i > 0 {
				b.WriteByte('\n')
			}
			for j, c := range r {
				if j > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(c)
			}
		}
	default:
		b.WriteString(bl.Text)
	}
}

// textSize is about the length of a block's text, without building it.
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
