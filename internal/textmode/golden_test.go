package textmode

import (
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/golden"
	"github.com/winnow-go/winnow/render"
)

// goldenDir holds one folder per text-mode case: input.txt (a flattened
// page), expect.json and the goldens (see package internal/golden).
const goldenDir = "../../testdata/text"

// TestGolden cleans each testdata/text dump with Explain on and checks it
// against the case's expect.json and its goldens: the title, the
// standfirst, each caption kept once with its credit, every body paragraph
// and subhead in order, and every chrome line gone with its reason.
// "go test -run Golden -update" rewrites the goldens.
func TestGolden(t *testing.T) {
	golden.Run(t, goldenDir, "input.txt", 3, func(t *testing.T, input []byte, e *golden.Expectation) *article.Article {
		a, _ := Extract(input, Options{Explain: true, ArticlesOnly: e.ArticlesOnly})
		a.Text = render.PlainText(a.Blocks)
		return a
	})
}
