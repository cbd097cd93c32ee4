package decode

import (
	"testing"

	"github.com/winnow-go/winnow/internal/testpages"
)

var stageSink Result

// BenchmarkDecode converts every AEB page (already gunzipped) to UTF-8.
// One op is one pass over all pages.
func BenchmarkDecode(b *testing.B) {
	pages := testpages.LoadTB(b)
	b.SetBytes(testpages.TotalBytes(pages))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			res, err := Decode(p.HTML, Options{MaxBytes: 64 << 20})
			if err != nil {
				b.Fatalf("%s: %v", p.ID, err)
			}
			stageSink = res
		}
	}
}
