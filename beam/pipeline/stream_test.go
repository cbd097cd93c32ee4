package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/internal/batchtest"
)

// testPages are small pages of several kinds, with no dataset needed.
func testPages(n int) []batchtest.Page {
	var pages []batchtest.Page
	for i := range n {
		body := fmt.Sprintf("<html><head><title>Page %d</title></head><body><article><h1>Page %d</h1>%s</article></body></html>",
			i, i, strings.Repeat(fmt.Sprintf("<p>Paragraph %d of a page that says enough to be kept as an article, with words.</p>", i), 6))
		p := batchtest.Page{URL: fmt.Sprintf("https://x.test/%d", i), Body: []byte(body)}
		switch i % 7 {
		case 3:
			p.Type = "request"
		case 5:
			p.Status = 404
		}
		pages = append(pages, p)
	}
	return pages
}

// warcShapes writes WARCs of the shapes batch reads into dir.
func warcShapes(t *testing.T, dir string) map[string]string {
	t.Helper()
	pages := testPages(14)
	broken := append([]batchtest.Page(nil), pages...)
	broken[4].Cut = 30 // a member cut short in the middle of the file
	files := map[string]string{}
	write := func(name string, fn func(string) error) {
		p := filepath.Join(dir, name)
		if err := fn(p); err != nil {
			t.Fatal(err)
		}
		files[name] = p
	}
	write("members.warc.gz", func(p string) error { return batchtest.WriteWARC(p, true, pages) })
	write("plain.warc", func(p string) error { return batchtest.WriteWARC(p, false, pages) })
	write("grouped.warc.gz", func(p string) error { return batchtest.WriteWARCMembers(p, []int{3, 1, 2}, pages) })
	write("stream.warc.gz", func(p string) error { return batchtest.WriteWARCMembers(p, []int{0}, pages) })
	write("broken.warc.gz", func(p string) error { return batchtest.WriteWARC(p, true, broken) })
	write("tail.warc.gz", func(p string) error {
		// Bytes that are no gzip member after the first records.
		if err := batchtest.WriteWARC(p, true, pages); err != nil {
			return err
		}
		b, _ := os.ReadFile(p)
		one, _ := batchtest.Record(pages[0], true)
		b = append(append(b[:3*len(one)], "junk between members\r\n"...), b[3*len(one):]...)
		return os.WriteFile(p, b, 0o644)
	})
	return files
}

// recordLines reads records with next and returns their lines, the
// skipped ones as "skip <reason> <offset>".
func recordLines(t *testing.T, each func(func(*batch.Record) error) error) []string {
	t.Helper()
	var out []string
	err := each(func(rec *batch.Record) error {
		if rec.Skip != "" {
			out = append(out, fmt.Sprintf("skip %s %d", rec.Skip, rec.Offset))
			return nil
		}
		l := batch.Process(context.Background(), rec, batch.ProcessOptions{})
		b, err := l.Bytes()
		out = append(out, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestStreamSameAsOpen checks that a WARC read as a stream, in pieces of
// any size, gives the records batch.Open gives on the whole file, with the
// same offsets.
func TestStreamSameAsOpen(t *testing.T) {
	dir := t.TempDir()
	for name, path := range warcShapes(t, dir) {
		want := recordLines(t, func(fn func(*batch.Record) error) error {
			r, err := batch.Open(path, batch.ReaderOptions{})
			if err != nil {
				return err
			}
			defer r.Close()
			for {
				rec, err := r.Next()
				if rec != nil {
					if err := fn(rec); err != nil {
						return err
					}
				}
				if err == io.EOF {
					return nil
				}
				if err != nil {
					return err
				}
			}
		})
		if len(want) < 10 {
			t.Fatalf("%s: batch.Open read %d records", name, len(want))
		}
		for _, size := range []int64{1, 2000, 1 << 30} {
			t.Run(fmt.Sprintf("%s/%d", name, size), func(t *testing.T) {
				f, err := os.Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				got := recordLines(t, func(fn func(*batch.Record) error) error {
					// Read it as a reader that is not a file.
					return readStream(context.Background(), path, io.MultiReader(f), size, batch.ReaderOptions{}, fn)
				})
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("streamed %d records, batch.Open %d", len(got), len(want))
					for i := range min(len(got), len(want)) {
						if got[i] != want[i] {
							t.Errorf("first difference at %d:\nstream %.300s\n  open %.300s", i, got[i], want[i])
							break
						}
					}
				}
			})
		}
	}
}

// TestSplitStream checks where a stream is cut: before clean gzip members
// only, never after a broken one, and the pieces put together are the
// stream.
func TestSplitStream(t *testing.T) {
	dir := t.TempDir()
	files := warcShapes(t, dir)
	for _, tc := range []struct {
		name       string
		size       int64
		wantPieces int
	}{
		{"members.warc.gz", 1, 14},      // one per member
		{"members.warc.gz", 1 << 30, 1}, // all in one
		{"grouped.warc.gz", 1, 7},       // members of 3, 1, 2 records
		{"stream.warc.gz", 1, 1},        // one member
		{"plain.warc", 1, 1},            // no gzip: not cut
		{"broken.warc.gz", 1, 4},        // members 0-2, then 3 with the rest (4 is broken)
		{"tail.warc.gz", 1, 3},          // members 0-2, then the rest from the junk on
	} {
		t.Run(fmt.Sprintf("%s/%d", tc.name, tc.size), func(t *testing.T) {
			src, err := os.ReadFile(files[tc.name])
			if err != nil {
				t.Fatal(err)
			}
			out := make(chan chunk, 100)
			if err := splitStream(context.Background(), bytes.NewReader(src), tc.size, out); err != nil {
				t.Fatal(err)
			}
			close(out)
			var joined []byte
			n := 0
			for c := range out {
				if c.off != int64(len(joined)) {
					t.Errorf("piece %d at %d, want %d", n, c.off, len(joined))
				}
				b, err := os.ReadFile(c.path)
				if err != nil {
					t.Fatal(err)
				}
				os.Remove(c.path)
				joined = append(joined, b...)
				n++
			}
			if n != tc.wantPieces {
				t.Errorf("%d pieces, want %d", n, tc.wantPieces)
			}
			if !bytes.Equal(joined, src) {
				t.Errorf("pieces hold %d bytes, not the stream's %d", len(joined), len(src))
			}
		})
	}
}

// failingReader fails after n bytes.
type failingReader struct {
	r io.Reader
	n int
}

func (f *failingReader) Read(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("connection reset")
	}
	if len(p) > f.n {
		p = p[:f.n]
	}
	n, err := f.r.Read(p)
	f.n -= n
	return n, err
}

// TestStreamReadError checks that a stream that fails part way is an error
// (the runner retries the WARC), not a WARC cut short, and that no piece is
// left on disk.
func TestStreamReadError(t *testing.T) {
	dir := t.TempDir()
	files := warcShapes(t, dir)
	src, err := os.ReadFile(files["members.warc.gz"])
	if err != nil {
		t.Fatal(err)
	}
	before, _ := filepath.Glob(filepath.Join(os.TempDir(), "winnow-beam-*.warc"))
	n := 0
	err = readStream(context.Background(), "x", &failingReader{r: bytes.NewReader(src), n: len(src) / 2}, 1, batch.ReaderOptions{},
		func(*batch.Record) error { n++; return nil })
	if err == nil || !strings.Contains(err.Error(), "connection reset") {
		t.Errorf("error %v, want the read error", err)
	}
	after, _ := filepath.Glob(filepath.Join(os.TempDir(), "winnow-beam-*.warc"))
	if len(after) > len(before) {
		t.Errorf("pieces left on disk: %v", after)
	}
}

// TestStreamStopsOnError checks that once a record's handling fails, the
// rest of the stream is not read, even where it is no longer cut.
func TestStreamStopsOnError(t *testing.T) {
	dir := t.TempDir()
	// Two sound members: the first is a piece of its own, read while
	// the second and the rest go to the next piece.
	var head []byte
	for _, p := range testPages(2) {
		b, err := batchtest.Record(p, true)
		if err != nil {
			t.Fatal(err)
		}
		head = append(head, b...)
	}
	rest, err := os.ReadFile(warcShapes(t, dir)["plain.warc"])
	if err != nil {
		t.Fatal(err)
	}
	// Sound members, then a plain WARC (not cut) read slowly.
	rest = bytes.Repeat(rest, 1+(4<<20)/len(rest))
	in := &slowReader{r: io.MultiReader(bytes.NewReader(head), bytes.NewReader(rest)), after: int64(len(head))}
	stop := errors.New("stop")
	err = readStream(context.Background(), "x", in, 1, batch.ReaderOptions{}, func(*batch.Record) error {
		// Fail once the splitter is reading the part it does not cut.
		for i := 0; i < 5000 && in.n.Load() < in.after+(64<<10); i++ {
			time.Sleep(time.Millisecond)
		}
		return stop
	})
	if !errors.Is(err, stop) {
		t.Errorf("error %v, want stop", err)
	}
	if total := int64(len(head) + len(rest)); in.n.Load() >= total {
		t.Errorf("the stream was read to its end (%d bytes)", in.n.Load())
	}
}

// slowReader reads r, slowly after its first bytes.
type slowReader struct {
	r     io.Reader
	n     atomic.Int64
	after int64
}

func (s *slowReader) Read(p []byte) (int, error) {
	if s.n.Load() >= s.after {
		time.Sleep(time.Millisecond)
		p = p[:min(len(p), 4<<10)]
	}
	n, err := s.r.Read(p)
	s.n.Add(int64(n))
	return n, err
}

// BenchmarkReadWARC compares reading the records of a WARC of one gzip
// member per record in place (batch.Open) and as a stream in pieces, the
// extraction left out.
func BenchmarkReadWARC(b *testing.B) {
	path := filepath.Join(b.TempDir(), "a.warc.gz")
	if err := batchtest.WriteWARC(path, true, testPages(2000)); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(path)
	count := func(*batch.Record) error { return nil }
	b.Run("open", func(b *testing.B) {
		b.SetBytes(fi.Size())
		for b.Loop() {
			r, err := batch.Open(path, batch.ReaderOptions{})
			if err != nil {
				b.Fatal(err)
			}
			for {
				if _, err := r.Next(); err != nil {
					break
				}
			}
			r.Close()
		}
	})
	for _, size := range []int64{64 << 10, DefaultChunkBytes} {
		b.Run(fmt.Sprintf("stream-%dKB", size>>10), func(b *testing.B) {
			b.SetBytes(fi.Size())
			for b.Loop() {
				f, err := os.Open(path)
				if err != nil {
					b.Fatal(err)
				}
				if err := readStream(context.Background(), path, io.MultiReader(f), size, batch.ReaderOptions{}, count); err != nil {
					b.Fatal(err)
				}
				f.Close()
			}
		})
	}
}
