package content

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// parsePage parses a test page the way the pipeline does.
func parsePage(t *testing.T, page string) dom.Node {
	t.Helper()
	doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatal(err)
	}
	return dom.FromHTML(doc, "").Root()
}

// keptText joins the text of the kept blocks.
func keptText(res Result) string {
	var b strings.Builder
	for _, bl := range res.Blocks {
		b.WriteString(bl.Text)
		b.WriteString(strings.Join(bl.Items, " "))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestReviewLinkAroundBlocks: a link that wraps block elements (a card
// link, HTML5 allows it) flushes paragraphs while it is walked. With
// KeepLinks the link's text must come from the current paragraph, and
// the walk must not slice past the flushed buffer.
func TestReviewLinkAroundBlocks(t *testing.T) {
	tests := []struct {
		name     string
		page     string
		wantLink string // link text expected on some kept block; "" for none
	}{
		{"block inside link after inline text",
			`<article>` + body + `<div>Some words before the card link <a href="/x"><div>Card title</div></a></div></article>`, "Card title"},
		{"block then inline text inside link",
			`<article>` + body + `<div>Words before it all <a href="/y"><div>Block part</div>tail words</a></div></article>`, "tail words"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parsePage(t, tt.page)
			res := Extract(doc, article.Metadata{}, Options{KeepLinks: true, PageURL: "https://example.org/a/"})
			for _, b := range res.Blocks {
				for _, l := range b.Links {
					if l.Start < 0 || l.End > len(b.Text) || l.Start >= l.End || b.Text[l.Start:l.End] != l.Text {
						t.Errorf("block %q carries link %q at [%d:%d], which is not where its text is", b.Text, l.Text, l.Start, l.End)
					}
				}
			}
		})
	}
}

// TestReviewParagraphOwner: a paragraph that opens with a <br> belongs
// to the element that holds it, not to the element of the paragraph
// before it, which would get its votes and decide whether it is inside
// the article.
func TestReviewParagraphOwner(t *testing.T) {
	tests := []struct{ name, page string }{
		{"br first", `<div id="a">Site name here</div><div id="b"><br>Story text that follows the break.</div>`},
		{"br after space", `<div id="a">Site name here</div><div id="b"> <br>Story text that follows the break.</div>`},
		{"plain", `<div id="a">Site name here</div><div id="b">Story text that follows the break.</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parsePage(t, tt.page)
			x := scratchPool.New().(*extraction)
			x.weights = rules.DefaultWeights
			x.decide(label.Label(doc))
			x.buildBlocks(doc)
			for _, b := range x.blocks {
				if strings.HasPrefix(b.Text, "Story text") {
					if got := dom.Attr(x.labels.DOM(b.owner), "id"); got != "b" {
						t.Errorf("owner id = %q, want b", got)
					}
					return
				}
			}
			t.Fatal("story paragraph not built")
		})
	}
}

// TestReviewHiddenWins: an element hidden by an attribute stays hidden
// whatever ARIA role it also carries, in any attribute order.
func TestReviewHiddenWins(t *testing.T) {
	big := strings.Repeat("Hidden duplicate text of the story that a script shows later on demand. ", 30)
	tests := []struct{ name, open string }{
		{"hidden before role", `<div hidden role="complementary">`},
		{"role before hidden", `<div role="complementary" hidden>`},
		{"style before role", `<div style="display:none" role="complementary">`},
		{"upper-case style", `<div style="DISPLAY: NONE">`},
		{"tab in style", "<div style=\"display:\tnone\">"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := `<article>` + body + `</article>` + tt.open + `<p>` + big + `</p></div>`
			res := Extract(parsePage(t, page), article.Metadata{}, Options{Explain: true})
			if strings.Contains(keptText(res), "Hidden duplicate") {
				t.Errorf("hidden text kept")
			}
		})
	}
}

// TestReviewResolve: URL schemes are case-insensitive, so a
// "JavaScript:" link is no address, and a "DATA:" image is a placeholder.
func TestReviewResolve(t *testing.T) {
	tests := []struct{ ref, want string }{
		{"javascript:void(0)", ""},
		{"JavaScript:void(0)", ""},
		{" JAVASCRIPT:go()", ""},
		{"/a/b", "https://example.org/a/b"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			if got := dom.Resolve(tt.ref, "https://example.org/x/"); got != tt.want {
				t.Errorf("dom.Resolve(%q) = %q, want %q", tt.ref, got, tt.want)
			}
		})
	}
	t.Run("DATA: placeholder", func(t *testing.T) {
		// The src is a placeholder; the srcset names the picture.
		doc := parsePage(t, `<img src="DATA:image/gif;base64,R0lGOD" srcset="/real.jpg 1x">`)
		var img dom.Node
		var find func(n dom.Node)
		find = func(n dom.Node) {
			if n.Type() == html.ElementNode && n.Data() == "img" {
				img = n
			}
			for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
				find(c)
			}
		}
		find(doc)
		if got := imageSrc(img, "https://example.org/"); got != "https://example.org/real.jpg" {
			t.Errorf("imageSrc = %q", got)
		}
	})
}

// TestReviewResetDropsHugeTables: after a huge page the pooled tables are
// not kept, so that resetting for each later page stays cheap (a map is
// cleared in time proportional to its capacity and never shrinks).
func TestReviewResetDropsHugeTables(t *testing.T) {
	tests := []struct {
		name  string
		cells int
		keep  bool
	}{
		{"small page keeps its tables", 100, true},
		{"huge page drops them", maxPooledNodes + 1000, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parsePage(t, "<div>"+strings.Repeat("<b>x</b>", tt.cells)+"</div>")
			x := scratchPool.New().(*extraction)
			x.weights = rules.DefaultWeights
			x.decide(label.Label(doc))
			n := len(x.nodes)
			x.reset()
			if kept := cap(x.nodes) >= n; kept != tt.keep {
				t.Errorf("after %d nodes cap(nodes) = %d, kept = %v, want %v", n, cap(x.nodes), kept, tt.keep)
			}
			if x.nodes == nil || len(x.nodes) != 0 || x.labels != nil {
				t.Errorf("reset left unusable tables")
			}
		})
	}
}
