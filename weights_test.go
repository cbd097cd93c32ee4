package winnow_test

import (
	"context"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/internal/rules"
)

// TestWeightsInContext: weights carried in the context (as winnow eval
// --weights does) reach both modes, and move the result the way the
// changed threshold says.
func TestWeightsInContext(t *testing.T) {
	para := "The river rose overnight and the town woke to water in its streets and its squares."
	page := []byte(`<html><head><title>Floods</title></head><body><article><h1>Floods</h1>
<p>` + para + `</p><p>Emergency crews worked through the night to move families from the lowest houses to the school on the hill.</p>
<p>` + para + `</p></article></body></html>`)
	count := func(ctx context.Context, data []byte, in winnow.Input) int {
		a, _ := winnow.ExtractContext(ctx, data, winnow.Options{Input: in})
		if a == nil {
			t.Fatal("no article")
		}
		return strings.Count(a.Text, para)
	}
	ctx := context.Background()
	if n := count(ctx, page, winnow.InputHTML); n != 1 {
		t.Fatalf("defaults: the repeated paragraph is kept %d times, want once", n)
	}
	tun, err := rules.ParseTuning([]byte(`{"html": {"MinDuplicateText": 1000}}`))
	if err != nil {
		t.Fatal(err)
	}
	if n := count(rules.WithTuning(ctx, &tun), page, winnow.InputHTML); n != 2 {
		t.Errorf("with MinDuplicateText 1000 the repeated paragraph is kept %d times, want twice", n)
	}

	text := []byte("Home News Sport Weather\nFloods in the valley\n" +
		"The river rose overnight and the town woke to water in its streets, its squares and its cellars.\n" +
		"Emergency crews worked through the night to move families from the lowest houses to the school on the hill.\n" +
		"The mayor said the flood defences built ten years ago had held, but that the water came in behind them.\n" +
		"© 2024 Valley News\n")
	a, err := winnow.ExtractContext(ctx, text, winnow.Options{Input: winnow.InputText})
	if err != nil {
		t.Fatalf("text defaults: %v (status %s)", err, a.Status)
	}
	tun, err = rules.ParseTuning([]byte(`{"text": {"MinBodyWords": 1000}}`))
	if err != nil {
		t.Fatal(err)
	}
	a, err = winnow.ExtractContext(rules.WithTuning(ctx, &tun), text, winnow.Options{Input: winnow.InputText, ArticlesOnly: true})
	if err == nil || a.Status != "too_short" {
		t.Errorf("text with MinBodyWords 1000: status %s, err %v; want too_short", a.Status, err)
	}
}
