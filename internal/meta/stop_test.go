package meta

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
)

// TestMetaStops: once the context the page was labelled under is done,
// the walk ends and the stage returns nothing (its caller drops it).
func TestMetaStops(t *testing.T) {
	doc := parse(t, `<html><head><title>The title</title><script type="application/ld+json">{"@type":"NewsArticle"}</script></head><body>`+
		strings.Repeat("<div><p>words</p></div>", 5000)+"</body></html>")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	labels := label.LabelContext(ctx, doc, &rules.DefaultWeights)
	defer labels.Release()
	if md, kinds := ExtractKinds(labels, ""); md.Title != "The title" || len(kinds.LD) != 1 {
		t.Fatalf("live context: title %q, kinds %v", md.Title, kinds)
	}
	cancel()
	if md, kinds := ExtractKinds(labels, ""); md.Title != "" || len(kinds.LD) != 0 {
		t.Errorf("done context: title %q, kinds %v; want the stage to stop", md.Title, kinds)
	}
}
