package batch_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/internal/batchtest"
)

// BenchmarkReadWARC reads every record of a WARC of 200 pages of about
// 16 KB, without extracting them: the cost of the reader alone.
func BenchmarkReadWARC(b *testing.B) {
	var pages []batchtest.Page
	for i := range 200 {
		p := distinct(fmt.Sprint("p", i))
		for range 5 {
			p.Body = append(p.Body, p.Body[:len(p.Body)/2]...)
		}
		pages = append(pages, p)
	}
	for _, layout := range []struct {
		name  string
		sizes []int
	}{{"plain", nil}, {"gzip-per-record", []int{1}}, {"gzip-stream", []int{0}}} {
		for _, stream := range []bool{false, true} {
			name := layout.name
			if stream {
				name += "/stream"
			}
			b.Run(name, func(b *testing.B) {
				path := filepath.Join(b.TempDir(), "a.warc")
				var err error
				if layout.sizes == nil {
					err = batchtest.WriteWARC(path, false, pages)
				} else {
					err = batchtest.WriteWARCMembers(path, layout.sizes, pages)
				}
				if err != nil {
					b.Fatal(err)
				}
				fi, _ := os.Stat(path)
				b.SetBytes(fi.Size())
				b.ReportAllocs()
				for b.Loop() {
					var r batch.Reader
					if stream {
						f, ferr := os.Open(path)
						if ferr != nil {
							b.Fatal(ferr)
						}
						defer f.Close()
						// A reader that is not a file, as a remote object's.
						r, err = batch.NewReader(path, io.MultiReader(f), batch.ReaderOptions{})
					} else {
						r, err = batch.Open(path, batch.ReaderOptions{})
					}
					if err != nil {
						b.Fatal(err)
					}
					n := 0
					for {
						rec, err := r.Next()
						if rec != nil {
							if rec.Err != nil {
								b.Fatal(rec.Err)
							}
							n++
						}
						if errors.Is(err, io.EOF) {
							break
						}
					}
					r.Close()
					if n != len(pages) {
						b.Fatalf("%d records", n)
					}
				}
			})
		}
	}
}
