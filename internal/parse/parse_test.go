package parse

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
)

func depthOf(n dom.Node) int {
	max := 0
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		if d := depthOf(c); d > max {
			max = d
		}
	}
	return max + 1
}

func TestParseDepth(t *testing.T) {
	tests := []struct {
		name  string
		depth int
	}{
		{"shallow", 10},
		{"at the parser's limit", 500},
		{"past it", 600},
		{"10000 deep", 10000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body>" + strings.Repeat("<div>", tt.depth) + "deep text" + strings.Repeat("</div>", tt.depth) + "<p>after</p></body></html>"
			doc, err := parseRepaired(context.Background(), []byte(page), nil)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			var walk func(n dom.Node)
			walk = func(n dom.Node) {
				if n.Type() == html.TextNode {
					text.WriteString(n.Data() + " ")
				}
				for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
					walk(c)
				}
			}
			walk(doc)
			if got := text.String(); !strings.Contains(got, "deep text") || !strings.Contains(got, "after") {
				t.Errorf("text lost: %q", got)
			}
			if d := depthOf(doc); d > MaxDepth+10 && tt.depth > 500 {
				t.Errorf("depth %d after flattening", d)
			}
		})
	}
}
