package winnow_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

// TestExtractText runs a flattened page dump through the public API in
// text mode: the body comes back as Text, the chrome as removals.
func TestExtractText(t *testing.T) {
	input, err := os.ReadFile("testdata/text/en-news-full-chrome/input.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := winnow.Extract(input, winnow.Options{Input: winnow.InputText, Explain: true})
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if a.Title != "Harbour town votes to rebuild its flooded sea wall before winter" {
		t.Errorf("title = %q", a.Title)
	}
	for _, want := range []string{"Voters in Porthaven have backed a plan", "What happens next"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, chrome := range []string{"Share on Facebook", "Read more:", "Advertisement", "comment policy", "Already a subscriber", "Photograph:"} {
		if strings.Contains(a.Text, chrome) {
			t.Errorf("text keeps chrome %q", chrome)
		}
	}
	if len(a.Removed) == 0 {
		t.Error("no removals with Explain")
	}
	// Text mode fills the language as HTML mode does: it was always empty.
	if a.Language != "en" {
		t.Errorf("language = %q, want en", a.Language)
	}

	_, err = winnow.Extract([]byte("Home\nNews\nShare\n"), winnow.Options{Input: winnow.InputText})
	var na *winnow.NoArticleError
	if !errors.As(err, &na) || na.Status != article.StatusEmpty {
		t.Errorf("menu-only dump: err = %v, want an empty NoArticleError", err)
	}
	_, err = winnow.Extract([]byte("Home\nNews\nShare\n"), winnow.Options{Input: winnow.InputText, ArticlesOnly: true})
	if !errors.As(err, &na) || na.Status != article.StatusNotArticle {
		t.Errorf("menu-only dump, articles only: err = %v, want a not_article NoArticleError", err)
	}
}

// TestTextFocus: Options.Focus reaches text mode through the public API
// (it used to be ignored there): on a page flattened by Flatten, the
// precision focus keeps fewer words than the default, the recall focus more.
func TestTextFocus(t *testing.T) {
	page, err := os.ReadFile("testdata/pages/blog-code-and-table/input.html")
	if err != nil {
		t.Fatal(err)
	}
	flat, err := winnow.Flatten(page, winnow.Options{})
	if err != nil {
		t.Fatal(err)
	}
	words := map[winnow.Focus]int{}
	for _, f := range []winnow.Focus{winnow.Balanced, winnow.Precision, winnow.Recall} {
		a, err := winnow.Extract(flat, winnow.Options{Input: winnow.InputText, Focus: f})
		if err != nil {
			t.Fatalf("focus %d: %v", f, err)
		}
		words[f] = len(strings.Fields(a.Text))
	}
	if !(words[winnow.Precision] < words[winnow.Balanced] && words[winnow.Balanced] < words[winnow.Recall]) {
		t.Errorf("words by focus: precision %d, balanced %d, recall %d; want increasing",
			words[winnow.Precision], words[winnow.Balanced], words[winnow.Recall])
	}
}
