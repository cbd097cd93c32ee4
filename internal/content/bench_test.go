package content

// The content stage's benchmarks. As in every package, one op is one pass
// over a page set (the AEB pages from internal/testpages unless a
// benchmark says otherwise) and MB/s counts its bytes.

import (
	"bytes"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/decode"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/meta"
	"github.com/winnow-go/winnow/internal/testpages"
)

var stageSink Result

// BenchmarkContent finds the body of every AEB page. Extract may change the
// tree it is given, so each op parses fresh trees with the timer stopped;
// the metadata is read once up front. One op is one pass over all pages;
// MB/s counts their HTML.
func BenchmarkContent(b *testing.B) {
	pages := testpages.LoadTB(b)
	texts := make([][]byte, len(pages))
	mds := make([]article.Metadata, len(pages))
	for i, p := range pages {
		dec, err := decode.Decode(p.HTML, decode.Options{MaxBytes: 64 << 20})
		if err != nil {
			b.Fatalf("%s: %v", p.ID, err)
		}
		texts[i] = dec.Text
		mds[i] = meta.Extract(parse(b, dec.Text), p.URL)
	}
	docs := make([]dom.Node, len(pages))
	b.SetBytes(testpages.TotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		for i, t := range texts {
			docs[i] = parse(b, t)
		}
		b.StartTimer()
		for i, doc := range docs {
			stageSink = Extract(doc, mds[i], Options{PageURL: pages[i].URL})
		}
	}
}

func parse(b *testing.B, text []byte) dom.Node {
	doc, err := html.ParseWithOptions(bytes.NewReader(text), html.ParseOptionEnableScripting(false))
	if err != nil {
		b.Fatal(err)
	}
	return dom.FromHTML(doc, "").Root()
}
