package winnow_test

import (
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/golden"
)

// TestGolden extracts every page of testdata/pages with Explain on and
// checks it against the page's expect.json and its goldens (see package
// internal/golden). "go test -run Golden -update" rewrites the goldens.
func TestGolden(t *testing.T) {
	golden.Run(t, "testdata/pages", "input.html", 12, func(t *testing.T, input []byte, e *golden.Expectation) *article.Article {
		a, err := winnow.Extract(input, winnow.Options{URL: e.URL, Explain: true, ArticlesOnly: e.ArticlesOnly})
		if a == nil {
			t.Fatalf("Extract gave no article: %v", err)
		}
		return a
	})
}
