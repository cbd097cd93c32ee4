package decode

// The decode stage's benchmarks. As in every package, one op is one pass
// over a page set (the AEB pages from internal/testpages unless a
// benchmark says otherwise) and MB/s counts its bytes.

import (
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/testpages"
)

var stageSink Result

// BenchmarkDecode converts every AEB page (already gunzipped) to UTF-8.
// One op is one pass over all pages.
func BenchmarkDecode(b *testing.B) {
	testpages.Bench(b, func(p testpages.Page) {
		res, err := Decode(p.HTML, Options{MaxBytes: 64 << 20})
		if err != nil {
			b.Fatalf("%s: %v", p.ID, err)
		}
		stageSink = res
	})
}

// BenchmarkDecodeInputs complements BenchmarkDecode (plain AEB pages) with
// the other paths: a UTF-8 header, gzipped pages, and legacy-charset pages
// that go through detection. One op is one pass over all pages of the set.
func BenchmarkDecodeInputs(b *testing.B) {
	pages := testpages.LoadTB(b)
	var plain, gzipped, legacy [][]byte
	for _, p := range pages {
		plain = append(plain, p.HTML)
		gzipped = append(gzipped, gz(b, p.HTML))
	}
	for _, sc := range sampleCharsets {
		for _, cs := range sc.charsets {
			text := sample(b, sc.lang, cs)
			legacy = append(legacy, encode(b, page("", strings.Repeat(text+"\n", 20)), cs))
		}
	}
	run := func(name string, set [][]byte, opts Options) {
		b.Run(name, func(b *testing.B) {
			total := 0
			for _, p := range set {
				total += len(p)
			}
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range set {
					res, err := Decode(p, opts)
					if err != nil {
						b.Fatal(err)
					}
					stageSink = res
				}
			}
		})
	}
	run("aeb-header-utf8", plain, Options{ContentType: "text/html; charset=utf-8", MaxBytes: 64 << 20})
	run("aeb-gzip", gzipped, Options{MaxBytes: 64 << 20})
	run("legacy-undeclared", legacy, Options{})
}

var htmlSink bool

// BenchmarkLooksLikeHTML runs the markup test over every AEB page.
func BenchmarkLooksLikeHTML(b *testing.B) {
	testpages.Bench(b, func(p testpages.Page) { htmlSink = LooksLikeHTML(p.HTML) })
}
