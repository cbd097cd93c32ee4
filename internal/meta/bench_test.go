package meta

// The metadata stage's benchmarks. As in every package, one op is one pass
// over a page set (the AEB pages from internal/testpages unless a
// benchmark says otherwise) and MB/s counts its bytes.

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/testpages"
)

var stageSink article.Metadata

// BenchmarkMeta reads the metadata of every AEB page. The pages are parsed
// once up front and shared by all ops, since Extract only reads the tree.
// One op is one pass over all pages; MB/s counts their HTML.
func BenchmarkMeta(b *testing.B) {
	pages := testpages.LoadTB(b)
	docs := testpages.ParseTB(b, pages)
	b.SetBytes(testpages.TotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for i, doc := range docs {
			stageSink = Extract(doc, pages[i].URL)
		}
	}
}

// BenchmarkLanguage detects the language of 4 KB texts in ten languages
// and scripts, as DecideLanguage does for the body of every page. One op
// is one pass over the ten texts.
func BenchmarkLanguage(b *testing.B) {
	var texts []string
	for _, t := range scoreWordsTexts {
		if t != "" {
			texts = append(texts, strings.Repeat(t+" ", detectMaxBytes/len(t)+1)[:detectMaxBytes])
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			langSink, _ = ConfidentLanguage(t)
		}
	}
}

var langSink string
