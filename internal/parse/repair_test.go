package parse

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// bodyText is the text of the body outside scripts, templates and
// hidden elements, words joined by single spaces.
func bodyText(doc dom.Node) string {
	var b strings.Builder
	var walk func(dom.Node)
	walk = func(n dom.Node) {
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			switch c.Type() {
			case html.TextNode:
				b.WriteString(c.Data())
				b.WriteByte(' ')
			case html.ElementNode:
				if c.DataAtom() == atom.Script || c.DataAtom() == atom.Template || c.DataAtom() == atom.Noscript || hasAttr(c, "hidden") {
					continue
				}
				walk(c)
			}
		}
	}
	walk(findElement(doc, atom.Body))
	return strings.Join(strings.Fields(b.String()), " ")
}

func mustParse(t *testing.T, s string) dom.Node {
	t.Helper()
	doc, err := parseRepaired(context.Background(), []byte(s), nil)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestCloseTitle(t *testing.T) {
	long := strings.Repeat("The story goes on for a while. ", 60)
	for _, tc := range []struct {
		name, page, title, body string
	}{
		{"open title swallows the page", `<html><head><title>Cycle lanes<meta charset=utf-8></head><body><p>` + long + `</p></body></html>`, "Cycle lanes", long},
		{"closed title", `<html><head><title>Cycle lanes</title></head><body><p>Body.</p></body></html>`, "Cycle lanes", "Body."},
		{"a long title without markup stays", `<title>` + long + `</title><body><p>Body.</p>`, long, "Body."},
		{"a short open title with markup is left alone", `<title>Cycle <p>lanes</p>`, "Cycle <p>lanes</p>", ""},
		// Lower-casing "Ⱥ" takes a byte more: the title is found in
		// the page as written, not in a lower-cased copy (it panicked).
		{"letters that lower-case longer before the title",
			`<html><head><script>` + strings.Repeat("Ⱥ", 2000) + `</script><TITLE>Cycle lanes<meta charset=utf-8></head><body><p>` + long + `</p></body></html>`,
			"Cycle lanes", long},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, tc.page)
			title := findElement(doc, atom.Title)
			got := ""
			if !title.Nil() && !title.FirstChild().Nil() {
				got = title.FirstChild().Data()
			}
			if strings.TrimSpace(got) != strings.TrimSpace(tc.title) {
				t.Errorf("title = %.60q, want %.60q", got, tc.title)
			}
			if b := bodyText(doc); b != strings.TrimSpace(tc.body) {
				t.Errorf("body = %.60q, want %.60q", b, tc.body)
			}
		})
	}
}

func TestPlaceStreamedSegments(t *testing.T) {
	for _, tc := range []struct {
		name, page, body string
	}{
		{"boundary replaced by its segment",
			`<body><h1>Head</h1><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--><p>Tail</p>` +
				`<div hidden id="S:0"><p>The story.</p></div><script>$RC("B:0","S:0")</script></body>`,
			"Head The story. Tail"},
		{"placeholder filled by a segment, nested in another",
			`<body><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$-->` +
				`<div hidden id="S:1"><p>First part.</p><template id="P:2"></template></div>` +
				`<div hidden id="S:2"><p>Second part.</p></div>` +
				`<script>$RS("S:2","P:2");$RC("B:0","S:1")</script></body>`,
			"First part. Second part."},
		{"segment without a script goes to its boundary",
			`<body><!--$?--><template id="B:3"></template><!--/$--><div hidden id="S:3"><p>Text.</p></div></body>`,
			"Text."},
		{"segment without a script goes to its placeholder",
			`<body><p>One.</p><template id="P:a"></template><p>Three.</p><div hidden id="S:a"><p>Two.</p></div></body>`,
			"One. Two. Three."},
		{"a hidden div of another id stays hidden",
			`<body><p>Shown.</p><div hidden id="menu"><p>Menu.</p></div></body>`,
			"Shown."},
		{"a segment without its template stays hidden",
			`<body><p>Shown.</p><div hidden id="S:9"><p>Orphan.</p></div></body>`,
			"Shown."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if b := bodyText(mustParse(t, tc.page)); b != tc.body {
				t.Errorf("body = %q, want %q", b, tc.body)
			}
		})
	}
}

func TestRevealNoscript(t *testing.T) {
	posts := strings.Repeat("<p>A reply that says something about the question asked above.</p>", 12)
	for _, tc := range []struct {
		name, page string
		shown      bool
	}{
		{"empty shell", `<body><div id=app></div><noscript>` + posts + `</noscript><script>boot()</script></body>`, true},
		{"shell with a little chrome", `<body><nav><a href=/>Home</a> <a href=/f>Forums</a></nav><div id=app></div><noscript>` + posts + `</noscript></body>`, true},
		{"page with text of its own", `<body><article>` + posts + `</article><noscript>` + posts + `</noscript></body>`, false},
		{"small noscript", `<body><div id=app></div><noscript><p>Please enable JavaScript.</p></noscript></body>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := mustParse(t, tc.page)
			if got := findElement(findElement(doc, atom.Body), atom.Noscript).Nil(); got != tc.shown {
				t.Errorf("noscript unwrapped = %v, want %v", got, tc.shown)
			}
		})
	}
}
