package parse

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// readsContext is a context that can be done, and is after its first ok
// reads of Err: it stands for a deadline passing in the middle of the
// parse.
type readsContext struct {
	context.Context
	ok, reads int
}

func (c *readsContext) Done() <-chan struct{} { return make(chan struct{}) }
func (c *readsContext) Err() error {
	c.reads++
	if c.reads > c.ok {
		return context.DeadlineExceeded
	}
	return nil
}

// TestParseContext: a deadline passing while the parser reads a big page
// (a flat one, one nested too deep for the parser, whose flattening
// reads it too, and one whose <title> is left open, parsed twice) stops
// the parse with the context's error, not ErrParse; the same page parses
// with a context that is never done.
func TestParseContext(t *testing.T) {
	para := "<p>The council voted on Tuesday to close two branch libraries next spring.</p>\n"
	pages := map[string]string{
		"flat":       "<html><body>" + strings.Repeat(para, 8000) + "</body></html>",
		"too deep":   "<html><body>" + strings.Repeat("<div>", 2000) + strings.Repeat(para, 8000) + "</body></html>",
		"open title": "<html><head><title>A page</head><body>" + strings.Repeat(para, 8000) + "</body></html>",
	}
	for name, page := range pages {
		data := []byte(page)
		full := &readsContext{Context: context.Background(), ok: 1 << 30}
		if doc, err := ParseContext(full, data); err != nil || doc == nil {
			t.Fatalf("%s: with no deadline: %v", name, err)
		}
		if full.reads < len(data)/readChunk {
			t.Errorf("%s: the context was read %d times over %d bytes; want once per %d bytes", name, full.reads, len(data), readChunk)
		}
		for _, ok := range []int{0, 1, full.reads / 2, full.reads - 1} {
			doc, err := ParseContext(&readsContext{Context: context.Background(), ok: ok}, data)
			if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ErrParse) || doc != nil {
				t.Errorf("%s: deadline after %d of %d reads: doc %v, err %v; want DeadlineExceeded", name, ok, full.reads, doc != nil, err)
			}
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := ParseContext(ctx, data); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: canceled context: err %v, want Canceled", name, err)
		}
	}
}
