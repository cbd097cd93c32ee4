package label

// The label stage's benchmark. As in every package, one op is one pass
// over a page set (the AEB pages from internal/testpages) and MB/s counts
// its bytes.

import (
	"testing"

	"github.com/winnow-go/winnow/internal/testpages"
)

// BenchmarkLabel labels every AEB page. The pages are parsed once up
// front, since labelling only reads the tree.
func BenchmarkLabel(b *testing.B) {
	pages := testpages.LoadTB(b)
	docs := testpages.ParseTB(b, pages)
	b.SetBytes(testpages.TotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			Label(doc).Release()
		}
	}
}
