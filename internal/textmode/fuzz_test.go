package textmode

import (
	"github.com/winnow-go/winnow/article"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnow-go/winnow/internal/rules"
)

// FuzzTextmode runs Extract on any bytes: it must not panic, and every word
// it puts out (title, subtitle, blocks, removals) must be a word of the
// input.
func FuzzTextmode(f *testing.F) {
	dirs, _ := filepath.Glob(filepath.Join(goldenDir, "*", "input.txt"))
	for _, d := range dirs {
		if data, err := os.ReadFile(d); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("\n\n\n"))
	f.Add([]byte("Title\nA sentence that is long enough to be prose in an article body, surely.\n"))
	f.Add([]byte("a\x00b\xff\xfe\nShare\nShare\n© 2020\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _ := Extract(data, Options{Explain: true})
		if a == nil {
			t.Fatal("nil article")
		}
		in := map[string]bool{}
		for _, w := range rules.LineWords(string(data)) {
			in[w] = true
		}
		check := func(what, s string) {
			if !utf8.ValidString(s) && utf8.Valid(data) {
				t.Errorf("%s is not valid UTF-8: %q", what, s)
			}
			for _, w := range rules.LineWords(s) {
				if !in[w] {
					t.Fatalf("%s has word %q that is not in the input", what, w)
				}
			}
		}
		check("title", a.Title)
		check("subtitle", a.Subtitle)
		for _, b := range a.Blocks {
			check("block", b.Text+" "+b.Caption+" "+b.Credit)
		}
		for _, r := range a.Removed {
			check("removal", r.Text)
		}
		if a.Status == "" {
			t.Error("empty status")
		}
	})
}

// TestExtractEdgeCases covers inputs with little or no article, by
// default and with ArticlesOnly (the verdicts text mode always gave).
func TestExtractEdgeCases(t *testing.T) {
	tests := []struct {
		name, in           string
		want, articlesOnly string
	}{
		{"empty", "", "empty", "not_article"},
		{"blank lines", "\n \n\t\n", "empty", "not_article"},
		{"menu only", "Home\nNews\nSport\nShare\nTweet\n", "empty", "not_article"},
		{"one short sentence", "Breaking news\nThe mayor resigned on Monday after a long row with the council.\n", "ok", "too_short"},
		{"long line without breaks", strings.Repeat("The storm flooded the town again. ", 3000), "ok", "ok"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := Extract([]byte(tt.in), Options{})
			if string(a.Status) != tt.want {
				t.Errorf("status = %s, want %s", a.Status, tt.want)
			}
			if a.PageType != article.PageArticle {
				t.Errorf("page type = %q, want article", a.PageType)
			}
			a, _ = Extract([]byte(tt.in), Options{ArticlesOnly: true})
			if string(a.Status) != tt.articlesOnly {
				t.Errorf("ArticlesOnly: status = %s, want %s", a.Status, tt.articlesOnly)
			}
		})
	}
}
