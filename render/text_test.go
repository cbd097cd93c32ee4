package render

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// plainTextReference is PlainText as first written, each block's text
// built and then copied.
func plainTextReference(blocks []article.Block) string {
	var b strings.Builder
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

func TestPlainTextAgreesWithReference(t *testing.T) {
	p := func(s string) article.Block { return article.Block{Type: article.Paragraph, Text: s} }
	list := func(items ...string) article.Block { return article.Block{Type: article.List, Items: items} }
	table := func(rows ...[]string) article.Block { return article.Block{Type: article.Table, Rows: rows} }
	tests := [][]article.Block{
		nil,
		{p("one"), p(""), p("two")},
		{list("a", "b"), list(), list(""), list("", ""), p("x")},
		{table([]string{"a", "b"}, []string{"c"}), table(), table([]string{}), table([]string{""}), table([]string{"", ""}), table([]string{}, []string{}), p("y")},
		{{Type: article.Figure, Text: "caption"}, {Type: article.Heading, Text: "H"}, {Type: article.Code, Text: "x := 1"}},
		{list(""), table([]string{""}), {Type: article.Figure}},
	}
	for i, blocks := range tests {
		if got, want := PlainText(blocks), plainTextReference(blocks); got != want {
			t.Errorf("case %d: PlainText = %q, want %q", i, got, want)
		}
	}
}

// PlainText builds one string: a list's or a table's text is not built
// apart first.
func TestPlainTextAllocations(t *testing.T) {
	blocks := []article.Block{
		{Type: article.Paragraph, Text: "Some text."},
		{Type: article.List, Items: []string{"one", "two", "three"}},
		{Type: article.Table, Rows: [][]string{{"a", "b"}, {"c", "d"}}},
	}
	if n := testing.AllocsPerRun(20, func() { PlainText(blocks) }); n > 1 {
		t.Errorf("PlainText allocates %v times, want 1", n)
	}
}
