package winnow_test

// Whole-pipeline and public-stage benchmarks over the AEB pages. One op is
// one pass over every page, so ns/op is the time for the whole corpus and
// MB/s is HTML throughput. Compare runs with -count and benchstat:
//
//	go test -run '^$' -bench . -count 10 . > old.txt
//
// Each stage package (internal/decode, internal/meta, internal/content,
// internal/textmode) has its own benchmarks in its bench_test.go, with the
// same convention and the same page loader (internal/testpages).

import (
	"bytes"
	"io"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/testpages"
	"github.com/winnow-go/winnow/render"
)

// sink keeps results alive so the compiler cannot drop the work.
var sink any

func BenchmarkExtract(b *testing.B) {
	testpages.Bench(b, func(p testpages.Page) {
		a, _ := winnow.Extract(p.HTML, winnow.Options{URL: p.URL})
		if a != nil {
			sink = a.Text
		}
	})
}

// BenchmarkParse is the floor: x/net/html parsing alone, the way the
// pipeline calls it.
func BenchmarkParse(b *testing.B) {
	testpages.Bench(b, func(p testpages.Page) {
		doc, err := html.ParseWithOptions(bytes.NewReader(p.HTML), html.ParseOptionEnableScripting(false))
		if err != nil {
			b.Fatal(err)
		}
		sink = doc
	})
}

// BenchmarkRender writes the articles extracted from every page in each
// output format. SetBytes counts the articles' plain text.
func BenchmarkRender(b *testing.B) {
	pages := testpages.LoadTB(b)
	arts := make([]*article.Article, 0, len(pages))
	var textBytes int64
	for _, p := range pages {
		a, _ := winnow.Extract(p.HTML, winnow.Options{URL: p.URL})
		if a == nil {
			continue
		}
		arts = append(arts, a)
		textBytes += int64(len(a.Text))
	}
	formats := []render.Format{render.FormatText, render.FormatMarkdown, render.FormatHTML, render.FormatJSON}
	for _, f := range formats {
		b.Run(string(f), func(b *testing.B) {
			b.SetBytes(textBytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range arts {
					if err := render.Write(io.Discard, a, f); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
