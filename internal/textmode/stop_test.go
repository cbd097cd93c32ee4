package textmode

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/stop"
)

// TestTextmodeStops: with its Check's context done the passes end early
// and give no body, where a live one gives the article.
func TestTextmodeStops(t *testing.T) {
	var b strings.Builder
	b.WriteString("The title\n")
	for i := range 3000 {
		fmt.Fprintf(&b, "Part %d\nThe council met again on the %dth day and voted to keep the library open on Sundays.\nResidents who spoke said the branch was the only one within walking distance.\n", i, i)
	}
	text := []byte(b.String())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if a, _ := Extract(text, Options{Check: stop.New(ctx)}); a.Status != article.StatusOK || len(a.Blocks) == 0 {
		t.Fatalf("live context: status %s, %d blocks", a.Status, len(a.Blocks))
	}
	cancel()
	if a, _ := Extract(text, Options{Check: stop.New(ctx)}); len(a.Blocks) != 0 {
		t.Errorf("done context: %d blocks, want the passes to stop", len(a.Blocks))
	}
	x := newExtraction(text, &rules.DefaultTextWeights, stop.New(ctx))
	if len(x.lines) > stop.Every {
		t.Errorf("done context: %d lines read, want at most %d", len(x.lines), stop.Every)
	}
}
