package textmode

// The text-mode stage's benchmarks. As in every package, one op is one pass
// over a page set (the AEB pages from internal/testpages unless a benchmark
// says otherwise) and MB/s counts its bytes.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/testpages"
)

var stageSink *article.Article

// BenchmarkTextmode cleans every AEB page flattened the way winnow flatten
// does it (the flattening is done up front). MB/s counts the dumps.
func BenchmarkTextmode(b *testing.B) {
	pages := testpages.LoadTB(b)
	dumps := make([][]byte, len(pages))
	var total int64
	for i, doc := range testpages.ParseTB(b, pages) {
		dumps[i] = VisibleText(doc)
		total += int64(len(dumps[i]))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range dumps {
			stageSink, _ = Extract(d, Options{Explain: true})
		}
	}
}

// BenchmarkTextmodeLong cleans the golden dumps of testdata/text repeated
// into one large input, to watch that the time stays linear in the size.
func BenchmarkTextmodeLong(b *testing.B) {
	dirs, _ := filepath.Glob(filepath.Join(goldenDir, "*", "input.txt"))
	var sb strings.Builder
	for range 50 {
		for _, d := range dirs {
			data, err := os.ReadFile(d)
			if err != nil {
				b.Fatal(err)
			}
			sb.Write(data)
		}
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		stageSink, _ = Extract(data, Options{Explain: true})
	}
}
