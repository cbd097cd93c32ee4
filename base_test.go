package winnow_test

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

// TestBaseHref: links and images resolve against the page's <base href>,
// itself resolved against the page's URL, as a browser resolves them.
func TestBaseHref(t *testing.T) {
	body := `<article><h1>Harbour</h1><p>` + strings.Repeat("The council voted to rebuild the harbour wall before winter storms arrive. ", 4) +
		`See <a href="plan.html">the plan</a>.</p><figure><img src="img/wall.jpg" alt="The wall"><figcaption>The wall today, seen from the north pier at low tide.</figcaption></figure></article>`
	tests := []struct {
		name, head, url   string
		wantLink, wantImg string
	}{
		{"no base", ``, "https://example.org/news/a", "https://example.org/news/plan.html", "https://example.org/news/img/wall.jpg"},
		{"absolute base", `<base href="https://cdn.example.net/site/">`, "https://example.org/news/a",
			"https://cdn.example.net/site/plan.html", "https://cdn.example.net/site/img/wall.jpg"},
		{"relative base", `<base href="/archive/2024/">`, "https://example.org/news/a",
			"https://example.org/archive/2024/plan.html", "https://example.org/archive/2024/img/wall.jpg"},
		{"absolute base, no page URL", `<base href="https://example.org/x/">`, "",
			"https://example.org/x/plan.html", "https://example.org/x/img/wall.jpg"},
		{"relative base, no page URL", `<base href="/x/">`, "", "plan.html", "img/wall.jpg"},
		{"first base with href wins", `<base target="_blank"><base href="https://a.example/"><base href="https://b.example/">`, "",
			"https://a.example/plan.html", "https://a.example/img/wall.jpg"},
		{"javascript base ignored", `<base href="javascript:alert(1)">`, "https://example.org/news/a",
			"https://example.org/news/plan.html", "https://example.org/news/img/wall.jpg"},
		{"upper-case base", `<BASE HREF="https://c.example/">`, "https://example.org/news/a",
			"https://c.example/plan.html", "https://c.example/img/wall.jpg"},
		{"base with a slash", `<base/href="https://d.example/">`, "https://example.org/news/a",
			"https://d.example/plan.html", "https://d.example/img/wall.jpg"},
		{"basefont is no base", `<basefont href="https://e.example/">`, "https://example.org/news/a",
			"https://example.org/news/plan.html", "https://example.org/news/img/wall.jpg"},
		{"data base ignored", `<base href="data:text/html,x">`, "https://example.org/news/a",
			"https://example.org/news/plan.html", "https://example.org/news/img/wall.jpg"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><head>" + tt.head + "</head><body>" + body + "</body></html>"
			a, err := winnow.Extract([]byte(page), winnow.Options{URL: tt.url, KeepLinks: true})
			if err != nil {
				t.Fatal(err)
			}
			var link, img string
			for _, b := range a.Blocks {
				for _, l := range b.Links {
					link = l.Href
				}
				if b.Type == article.Figure {
					img = b.Src
				}
			}
			if link != tt.wantLink || img != tt.wantImg {
				t.Errorf("link %q, image %q; want %q, %q", link, img, tt.wantLink, tt.wantImg)
			}
		})
	}
}
