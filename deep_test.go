package winnow_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
)

// deepSentence is the k-th paragraph of a deep page: prose, told apart
// by its number.
func deepSentence(k int) string {
	return fmt.Sprintf("Paragraph %d of the report says the council met again on Tuesday and voted to keep the branch library open through the winter months.", k)
}

// deepPage nests levels copies of open (each level's start markup, its
// %d, if any, the level's number) and then closes them with close,
// putting a paragraph of bare text every step levels, so that only the
// nesting keeps the paragraphs apart.
func deepPage(open, close string, levels, step int) (string, int) {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>Library</title></head><body><article><h1>Library stays open</h1>")
	n := 0
	for i := 0; i < levels; i++ {
		if strings.Contains(open, "%d") {
			fmt.Fprintf(&b, open, i)
		} else {
			b.WriteString(open)
		}
		if i%step == step-1 {
			b.WriteString(deepSentence(n))
			n++
		}
	}
	for i := 0; i < levels; i++ {
		b.WriteString(close)
	}
	b.WriteString("</article></body></html>")
	return b.String(), n
}

// TestDeepNesting: a page nested past x/net/html's 512 open elements
// extracts, whatever the parser adds or ignores on the way (a <tbody>
// around rows, stray end tags, formatting reopened after blocks), and
// keeps its paragraphs apart. Each shape failed with a parse error, or ran
// all its paragraphs into one line, before flattening replayed the tree
// builder.
func TestDeepNesting(t *testing.T) {
	tests := []struct {
		name, open, close string
		levels, step      int
	}{
		{"nested divs", "<div>", "</div>", 600, 50},
		{"tables without tbody", "<table><tr><td>", "</td></tr></table>", 128, 10},
		{"tables with tbody", "<table><tbody><tr><td>", "</td></tr></tbody></table>", 140, 10},
		{"two divs and a stray </i>", "<div><div></i>", "", 255, 20},
		{"div and a stray </span>", "<div></span>", "", 510, 40},
		{"nested lists", "<ul><li>", "</li></ul>", 300, 25},
		{"nested lists, items left open", "<ol><li>", "", 300, 25},
		{"nested blockquotes", "<blockquote>", "</blockquote>", 600, 50},
		{"nested sections and asides", "<section><div class=box>", "</div></section>", 300, 25},
		{"nested inline formatting with paragraphs", "<span><b><i><p>", "</p></i></b></span>", 200, 15},
		// each level's tag differs, so that the parser's limit of three
		// alike formatting elements does not apply
		{"formatting reopened by each block", "<div><b class=k%d></div>", "", 600, 50},
		{"font left open in each paragraph", "<p><font size=%d>", "", 600, 50},
		{"mixed", "<div><ul><li><blockquote><table><tr><td><span><em>", "", 70, 6},
		{"definition lists", "<dl><dt><dd>", "</dd></dl>", 300, 25},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, n := deepPage(tt.open, tt.close, tt.levels, tt.step)
			a, err := winnow.Extract([]byte(page), winnow.Options{})
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			lines := strings.Split(a.Text, "\n")
			for k := 0; k < n; k++ {
				s := deepSentence(k)
				found := false
				for _, l := range lines {
					if strings.Contains(l, s) {
						found = true
						if strings.Count(l, "Paragraph ") > 1 {
							t.Errorf("paragraph %d runs on with another: %.200q", k, l)
						}
					}
				}
				if !found {
					t.Errorf("paragraph %d lost; text %.300q", k, a.Text)
				}
			}
		})
	}
}
