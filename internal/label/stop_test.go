package label

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/stop"
)

// TestLabelStops: with its context done the pass ends within stop.Every
// elements, however many the page holds; with a live one it labels them
// all.
func TestLabelStops(t *testing.T) {
	doc := parse(t, "<body>"+strings.Repeat(`<div class="x"><p>words <a href="/">link</a></p></div>`, 10000)+"</body>")
	live, cancelLive := context.WithCancel(context.Background())
	defer cancelLive()
	all := LabelContext(live, doc, &rules.DefaultWeights)
	n := len(all.Nodes)
	all.Release()
	if n < 30000 {
		t.Fatalf("a live context labelled %d nodes, want all of them", n)
	}
	done, cancel := context.WithCancel(context.Background())
	cancel()
	tr := LabelContext(done, doc, &rules.DefaultWeights)
	defer tr.Release()
	if len(tr.Nodes) > stop.Every {
		t.Errorf("a done context labelled %d nodes of %d, want at most %d", len(tr.Nodes), n, stop.Every)
	}
	if !tr.Check().Done() {
		t.Error("the tree does not carry the done context to the next stages")
	}
}
