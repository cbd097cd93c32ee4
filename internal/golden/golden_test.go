package golden

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// TestCheck breaks each kind of expectation once and wants one problem
// that names it.
func TestCheck(t *testing.T) {
	a := &article.Article{
		Metadata: article.Metadata{Title: "Sea wall", Subtitle: "Voters back it", Language: "en"},
		Status:   article.StatusOK,
		Text:     "Voters backed the plan.\n\nWhat next\n\nWork starts soon.",
		Blocks: []article.Block{
			{Type: article.Paragraph, Text: "Voters backed the plan."},
			{Type: article.Heading, Level: 2, Text: "What next"},
			{Type: article.Paragraph, Text: "Work starts soon."},
			{Type: article.Figure, Caption: "The wall", Credit: "Photo: J"},
		},
		Removed: []article.Removal{{Text: "Share", Reason: article.ReasonShare}},
	}
	ok := Expectation{
		Status: "ok", Title: "Sea wall", Subtitle: "Voters back it", Language: "en",
		MustContain: []string{"backed"}, MustContainOnce: []string{"Work starts"}, MustNotContain: []string{"Share"},
		BlockTypes: []string{"heading", "figure"},
		Figures:    []Figure{{Caption: "The wall", Credit: "Photo: J"}},
		Body:       []string{"Voters backed the plan.", "## What next", "Work starts soon."},
		Gone:       []Gone{{Text: "Share", Reason: article.ReasonShare}},
	}
	if p := Check(&ok, a); len(p) != 0 {
		t.Fatalf("a matching article breaks its expectation: %q", p)
	}
	tests := []struct {
		name   string
		change func(e *Expectation)
		want   string
	}{
		{"status", func(e *Expectation) { e.Status = "not_article" }, "status"},
		{"title", func(e *Expectation) { e.Title = "Other" }, "title"},
		{"subtitle", func(e *Expectation) { e.Subtitle = "Other" }, "subtitle"},
		{"language", func(e *Expectation) { e.Language = "de" }, "language"},
		{"must contain", func(e *Expectation) { e.MustContain = []string{"flood"} }, "lacks"},
		{"must contain once", func(e *Expectation) { e.MustContainOnce = []string{"o"} }, "want once"},
		{"must not contain", func(e *Expectation) { e.MustNotContain = []string{"Voters"} }, "chrome"},
		{"block types", func(e *Expectation) { e.BlockTypes = []string{"table"} }, "no table block"},
		{"figure count", func(e *Expectation) { e.Figures = []Figure{} }, "1 figures, want 0"},
		{"figure credit", func(e *Expectation) { e.Figures = []Figure{{Caption: "The wall"}} }, "figure 0"},
		{"body order", func(e *Expectation) { e.Body = []string{"## What next"} }, "body block 0"},
		{"gone but kept", func(e *Expectation) { e.Gone = []Gone{{Text: "Work starts soon."}} }, "kept in a paragraph"},
		{"gone as title", func(e *Expectation) { e.Gone = []Gone{{Text: "Sea wall"}} }, "title or subtitle"},
		{"gone reason", func(e *Expectation) { e.Gone = []Gone{{Text: "Share", Reason: article.ReasonNav}} }, "want nav"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := ok
			tc.change(&e)
			p := Check(&e, a)
			if len(p) == 0 || !strings.Contains(strings.Join(p, "\n"), tc.want) {
				t.Errorf("problems %q, want one saying %q", p, tc.want)
			}
		})
	}
}

// TestDiff checks that the golden comparison names the first difference.
func TestDiff(t *testing.T) {
	want := &article.Article{Metadata: article.Metadata{Title: "T"}, Text: "a\nb", Blocks: []article.Block{{Type: article.Paragraph, Text: "a"}}}
	tests := []struct {
		name   string
		change func(a *article.Article)
		msg    string
	}{
		{"same", func(*article.Article) {}, ""},
		{"field", func(a *article.Article) { a.Title = "U" }, "field Title"},
		{"block", func(a *article.Article) { a.Blocks = append(a.Blocks, article.Block{Type: article.Heading}) }, "block 1 of 2 (want 1)"},
		{"removal", func(a *article.Article) { a.Removed = []article.Removal{{Text: "x"}} }, "removal 0 of 1 (want 0)"},
		{"text", func(a *article.Article) { a.Text = "a\nc" }, "line 2:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := *want
			got.Blocks = append([]article.Block(nil), want.Blocks...)
			tc.change(&got)
			msg := diffArticles(want, &got)
			if (tc.msg == "") != (msg == "") || !strings.Contains(msg, tc.msg) {
				t.Errorf("diff = %q, want one with %q", msg, tc.msg)
			}
		})
	}
}
