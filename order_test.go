package winnow_test

import (
	"os"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

// orderPage has cuts before, between and after the kept blocks.
const orderPage = `<!doctype html><html lang="en"><head><title>Ferry service returns to the island | Coast News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<main><article>
<h1>Ferry service returns to the island</h1>
<p class="byline">By Ana Ruiz</p>
<p>The ferry to Holm Island sailed again on Monday after a winter in dry dock, carrying forty passengers and the post on its first crossing.</p>
<div class="share-tools"><a href="https://s.example/t">Share on Twitter</a> <a href="https://s.example/f">Share on Facebook</a></div>
<p>Islanders had relied on a small launch since November, which could not carry cars or heavy goods and often stayed in port when the wind rose.</p>
<h2>A new engine</h2>
<p>The operator fitted a new engine and rebuilt the ramp, at a cost the council shared. The crossing now takes twenty minutes instead of half an hour.</p>
<p>Shops on the island said deliveries had been slow all winter. The baker, who brings flour across twice a month, said she had run short twice and had to close for a day each time.</p>
<p>The council said it would review the contract next year, and that a second boat might be hired for the summer months when visitors return and the crossings fill up.</p>
<p><a href="/a">Storm closes harbour road</a> <a href="/b">Island school gets new roof</a> <a href="/c">Council budget agreed</a></p>
<p>Timetables for the summer will be posted at both piers and on the council's site by the end of the month, the operator said on Monday.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/x">Lifeboat crew rescues kayakers</a></li><li><a href="/y">New bakery opens</a></li></ul></aside>
</main>
<footer><p>© 2024 Coast News. All rights reserved.</p></footer>
</body></html>`

// TestRemovalsInPageOrder: Blocks and Removed, interleaved by each
// removal's Before, give the page's pieces in the order the page had
// them, in HTML and in text mode, with cuts between kept blocks.
func TestRemovalsInPageOrder(t *testing.T) {
	flat, err := winnow.Flatten([]byte(orderPage), winnow.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dump, err := os.ReadFile("testdata/text/en-news-full-chrome/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name        string
		input, page []byte // page: the page's text in order
	}{
		{"html", []byte(orderPage), flat},
		{"text", dump, dump},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := winnow.Extract(tc.input, winnow.Options{Explain: true})
			if err != nil {
				t.Fatal(err)
			}
			page := norm(string(tc.page))
			pos, middle := 0, false
			for _, p := range interleave(a) {
				key := norm(p)
				if k := strings.Index(key, " · "); k > 0 {
					key = key[:k]
				}
				if len(key) > 40 {
					key = key[:40]
				}
				k := strings.Index(page[pos:], key)
				if k < 0 {
					t.Fatalf("%q is out of page order (or not on the page) after byte %d\npieces: %q", key, pos, interleave(a))
				}
				pos += k + len(key)
			}
			for _, r := range a.Removed {
				if r.Before < 0 || r.Before > len(a.Blocks) {
					t.Errorf("removal %q: Before = %d, outside 0..%d", r.Text, r.Before, len(a.Blocks))
				}
				middle = middle || r.Before > 0 && r.Before < len(a.Blocks)
			}
			if !middle {
				t.Errorf("no removal placed between kept blocks: %+v", a.Removed)
			}
		})
	}
}

// interleave returns the text of the kept blocks and the removals in the
// order their positions give.
func interleave(a *article.Article) []string {
	var out []string
	r := 0
	for i := 0; i <= len(a.Blocks); i++ {
		for ; r < len(a.Removed) && a.Removed[r].Before <= i; r++ {
			out = append(out, a.Removed[r].Text)
		}
		if i < len(a.Blocks) {
			b := a.Blocks[i]
			switch {
			case len(b.Items) > 0:
				out = append(out, b.Items[0])
			default:
				out = append(out, b.Text)
			}
		}
	}
	return out
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }
