package label

// The label stage's benchmark. As in every package, one op is one pass
// over a page set (the AEB pages from internal/testpages) and MB/s counts
// its bytes.

import (
	"bytes"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/internal/testpages"
)

// BenchmarkLabel labels every AEB page. The pages are parsed once up
// front, since labelling only reads the tree.
func BenchmarkLabel(b *testing.B) {
	pages := testpages.LoadTB(b)
	docs := make([]*html.Node, len(pages))
	for i, p := range pages {
		doc, err := html.ParseWithOptions(bytes.NewReader(p.HTML), html.ParseOptionEnableScripting(false))
		if err != nil {
			b.Fatalf("%s: %v", p.ID, err)
		}
		docs[i] = doc
	}
	b.SetBytes(testpages.TotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			Label(doc).Release()
		}
	}
}
