package content

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// TestContentStops: once the context the page was labelled under is
// done, the stage ends without reading the page (its caller drops the
// result), where a live context gives the article.
func TestContentStops(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "<p>The council met for the %dth time and voted to keep the library open on Sundays.</p>", i)
	}
	page := "<html><body><article><h1>Title</h1>" + b.String() + "</article></body></html>"
	doc := parsePage(t, page)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	labels := label.LabelContext(ctx, doc, &rules.DefaultWeights)
	defer labels.Release()
	if res := ExtractLabelled(labels, article.Metadata{}, Options{}); len(res.Blocks) < 3000 || res.Status != article.StatusOK {
		t.Fatalf("live context: %d blocks, status %s", len(res.Blocks), res.Status)
	}
	cancel()
	if res := ExtractLabelled(labels, article.Metadata{}, Options{}); len(res.Blocks) != 0 {
		t.Errorf("done context: %d blocks, want the stage to stop", len(res.Blocks))
	}
}
