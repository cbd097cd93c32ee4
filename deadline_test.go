package winnow_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/winnow-go/winnow"
)

// bigPage is a generated page that takes a while to extract: n sections,
// each a headline, two paragraphs and a link.
func bigPage(n int) []byte {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><title>A long page</title></head><body><article><h1>A long page</h1>")
	for i := range n {
		fmt.Fprintf(&b, `<div class="part-%d"><h2>Part %d</h2><p>The council met again on the %dth day and voted to keep the library open on Sundays.</p>`+
			`<p>Residents who spoke said the branch was the only one within walking distance.</p><a href="/p/%d">More</a></div>`+"\n", i%40, i, i, i)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

// bigText is the same kind of page flattened: one block a line.
func bigText(n int) []byte {
	var b strings.Builder
	b.WriteString("A long page\n")
	for i := range n {
		fmt.Fprintf(&b, "Part %d\nThe council met again on the %dth day and voted to keep the library open on Sundays.\nResidents who spoke said the branch was the only one within walking distance.\n", i, i)
	}
	return []byte(b.String())
}

// flipContext is a context that can be done, and is: its first ok reads
// of Err say nil, every later one DeadlineExceeded. It stands for a
// deadline that passes in the middle of a stage, wherever the reads fall.
type flipContext struct {
	context.Context
	ok    int
	reads int
}

func (c *flipContext) Done() <-chan struct{} { return make(chan struct{}) } // never closed, but not nil: it can be done
func (c *flipContext) Err() error {
	c.reads++
	if c.reads > c.ok {
		return context.DeadlineExceeded
	}
	return nil
}

// TestDeadlineInsideStages: a deadline that passes at any point of the
// work, within a stage's walk included, ends it with the context's error
// and no article. Before the walks read the context, a deadline passing
// after the last check between stages (in the content stage) let the page
// through with a nil error.
func TestDeadlineInsideStages(t *testing.T) {
	inputs := []struct {
		name string
		data []byte
		in   winnow.Input
	}{
		{"html", bigPage(1500), winnow.InputHTML},
		{"text", bigText(5000), winnow.InputText},
	}
	for _, in := range inputs {
		// The whole extraction, with a context that never passes.
		full := &flipContext{Context: context.Background(), ok: 1 << 30}
		if a, err := winnow.ExtractContext(full, in.data, winnow.Options{Input: in.in}); err != nil || len(a.Blocks) == 0 {
			t.Fatalf("%s: with no deadline: %v, %d blocks", in.name, err, len(a.Blocks))
		}
		if full.reads < 6 {
			t.Fatalf("%s: the context was read %d times in all; the walks do not read it", in.name, full.reads)
		}
		t.Logf("%s: %d reads", in.name, full.reads)
		for ok := 0; ok < full.reads; ok++ {
			a, err := winnow.ExtractContext(&flipContext{Context: context.Background(), ok: ok}, in.data, winnow.Options{Input: in.in})
			if !errors.Is(err, context.DeadlineExceeded) || a != nil {
				t.Errorf("%s: deadline after %d of %d reads: article %v, err %v; want no article and DeadlineExceeded",
					in.name, ok, full.reads, a != nil, err)
			}
		}
	}
}

// TestTinyDeadline: with a real deadline far shorter than the page takes,
// the library returns the context's error.
func TestTinyDeadline(t *testing.T) {
	for name, data := range map[string][]byte{"html": bigPage(4000), "text": bigText(20000)} {
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		a, err := winnow.ExtractContext(ctx, data, winnow.Options{})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || a != nil {
			t.Errorf("%s: article %v, err %v; want DeadlineExceeded", name, a != nil, err)
		}
	}
}

// TestDeadlineInsideParse: a deadline that passes once the page is
// decoded stops the HTML parser too, with the context's error. Before
// the parser read the context, it built the whole tree of a big page
// (16 bytes allocated per byte of a table, seconds for tens of MB) before
// the pipeline looked at the deadline again; now it stops within its
// first reads, so the call allocates a small part of the page's size.
func TestDeadlineInsideParse(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and reads a page of 4 MB")
	}
	page := memShapes[2].page(4 << 20) // a big table
	// The context's first read, after decode, says nil; every later
	// one, the parser's first included, says the deadline passed.
	var err error
	u := measure(len(page), func() {
		_, err = winnow.ExtractContext(&flipContext{Context: context.Background(), ok: 1}, page, winnow.Options{MaxElements: -1})
	})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v, want DeadlineExceeded", err)
	}
	if errors.Is(err, winnow.ErrParse) {
		t.Errorf("err %v is also a parse failure", err)
	}
	t.Logf("%.2f bytes allocated per input byte", u.alloc)
	if u.alloc > 2 {
		t.Errorf("%.1f bytes allocated per input byte: the parser went on after the deadline", u.alloc)
	}
}
