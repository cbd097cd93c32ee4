package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

func TestLabelKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// bare counts: one key whatever the number
		{"58", "#"},
		{"1,204", "#"},
		{" 29,758 ", "#"},
		// not bare counts: the folded text
		{"$7.50", "7 50"},
		{"9.0", "9 0"},
		{"12 likes", "12 likes"},
		{"Posts: 1,204", "posts 1 204"},
		{"Joined", "joined"},
		{"", ""},
	} {
		if got := labelKey(tc.in); got != tc.want {
			t.Errorf("labelKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPostCounts checks that the bare counts of a thread's author boxes
// (a different number in every post) are cut as the posts' furniture,
// while the prices and scores of cards and the numbers in a post's text
// are kept.
func TestPostCounts(t *testing.T) {
	long := make([]string, len(posts))
	for i, p := range posts {
		long[i] = p + " " + posts[(i+1)%len(posts)] + " " + posts[(i+2)%len(posts)]
	}
	box := func(i int) string {
		return fmt.Sprintf(`<div class="stats"><p>Messages</p><p>%d,%03d</p></div>`, i+3, 17*i+5)
	}
	long[2] += " I counted them twice:"
	page := `<html><body><h1>Lights on the new board</h1><div class="thread">` +
		items("article", "message", long, box) + `</div><p>2024</p></body></html>`
	text := render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	for i := range long {
		if c := fmt.Sprintf("%d,%03d", i+3, 17*i+5); strings.Contains(text, c) {
			t.Errorf("kept the post count %s; text:\n%s", c, text)
		}
	}
	if !strings.Contains(text, "I counted them twice:") || !strings.Contains(text, posts[3]) {
		t.Errorf("lost a post; text:\n%s", text)
	}

	// On cards, a price or a score is the item's field.
	cards := make([]string, 8)
	for i := range cards {
		cards[i] = fmt.Sprintf("Trail shoe model %d with a grippy sole and a roomy toe box for long days on rough ground.", i)
	}
	field := func(i int) string { return fmt.Sprintf(`<p>$%d.50</p><p>%d.0</p>`, 90+i, i+1) }
	page = `<html><body><h1>Running shoes</h1><div class="grid">` + items("div", "product-card", cards, field) + `</div></body></html>`
	text = render.PlainText(extract(t, page, article.Metadata{}).Blocks)
	if !strings.Contains(text, "$95.50") || !strings.Contains(text, "6.0") {
		t.Errorf("lost the cards' prices or scores; text:\n%s", text)
	}
}
