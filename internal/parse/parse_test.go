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

// TestDecodedAttrValues: the tokenizer decodes a value with character
// references into a buffer that the next tag reuses, so the tree must
// hold its own copy — through later tags, a value long enough to move
// the buffer, a formatting element reopened, <body>'s attributes merged,
// foreign attributes renamed, and the next page of a pooled arena.
func TestDecodedAttrValues(t *testing.T) {
	long := strings.Repeat("x&amp;", 5000)
	type want struct{ tag, key, val string }
	pages := []struct {
		page  string
		wants []want
	}{
		{`<body data-b="b&lt;1"><a href="?a=1&amp;b=2" title="&quot;t&quot;">x</a>` +
			`<p class="c&#49;"><b id="&#x62;old">bold<p>again</b></p>` +
			`<div title="` + long + `" lang="l&amp;">d</div>` +
			`<body data-c="c&gt;2"><svg><use xlink:href="#u&amp;1" viewbox="0&#32;0"/></svg>` +
			`<img alt="&copy; me" src="i.png">`,
			[]want{
				{"body", "data-b", "b<1"}, {"body", "data-c", "c>2"},
				{"a", "href", "?a=1&b=2"}, {"a", "title", `"t"`},
				{"p", "class", "c1"}, {"b", "id", "bold"},
				{"div", "title", strings.Repeat("x&", 5000)}, {"div", "lang", "l&"},
				{"use", "viewBox", "0 0"}, {"img", "alt", "© me"}, {"img", "src", "i.png"},
			}},
		{`<p title="p&amp;q">a</p><a href="&lt;&gt;" rel="n&#101;xt">b</a>`,
			[]want{{"p", "title", "p&q"}, {"a", "href", "<>"}, {"a", "rel", "next"}}},
	}
	for i, pg := range pages {
		tree, sh, err := ParseShared(context.Background(), []byte(pg.page), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range pg.wants {
			found := false
			for n := range tree.Root().Descendants() {
				if n.Data() != w.tag {
					continue
				}
				if v, ok := dom.LookupAttr(n, w.key); ok {
					found = true
					if v != w.val {
						t.Errorf("page %d: <%s %s> = %.40q; want %.40q", i, w.tag, w.key, v, w.val)
					}
				}
			}
			if !found {
				t.Errorf("page %d: no <%s %s>", i, w.tag, w.key)
			}
		}
		// Every <b>, the one reopened too, keeps its id.
		for n := range tree.Root().Descendants() {
			if n.Type() == html.ElementNode && n.Data() == "b" && dom.Attr(n, "id") != "bold" {
				t.Errorf("page %d: a <b> has id %q; want bold", i, dom.Attr(n, "id"))
			}
		}
		var xlink bool
		for n := range tree.Root().Descendants() {
			for a := range n.Attrs() {
				if a.Namespace == "xlink" && a.Key == "href" {
					xlink = a.Val == "#u&1"
				}
			}
		}
		if i == 0 && !xlink {
			t.Errorf("page %d: no xlink:href=#u&1", i)
		}
		sh.Release()
	}
}
