package batch

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/winnow-go/winnow/internal/batchtest"
)

// TestReplayReader: a stream can be gone back to from its mark on, and past
// its limit keeps only the last bytes read.
func TestReplayReader(t *testing.T) {
	data := bytes.Repeat([]byte("0123456789"), 100_000) // 1 MB
	rr := &replayReader{r: iotest.HalfReader(bytes.NewReader(data)), limit: 1 << 30}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(rr, buf); err != nil {
		t.Fatal(err)
	}
	rr.mark(50)
	if _, err := rr.Seek(49, io.SeekStart); !errors.Is(err, errNotKept) {
		t.Fatalf("seek before the mark: %v, want errNotKept", err)
	}
	if _, err := rr.Seek(55, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadFull(rr, buf[:10]); err != nil || string(buf[:10]) != "5678901234" {
		t.Fatalf("after seeking back: %q, %v", buf[:10], err)
	}
	// A seek forward past what was read reads on.
	if _, err := rr.Seek(1000, io.SeekStart); err != nil || rr.pos != 1000 {
		t.Fatalf("seek forward: pos %d, %v", rr.pos, err)
	}
	// Past the limit, only the tail is kept.
	rr.limit = replayTail + 10
	rest, err := io.ReadAll(rr)
	if err != nil || !bytes.Equal(rest, data[1000:]) {
		t.Fatalf("read on: %d bytes, %v", len(rest), err)
	}
	if len(rr.buf) > rr.limit {
		t.Errorf("%d bytes kept, limit %d", len(rr.buf), rr.limit)
	}
	if _, err := rr.Seek(int64(len(data)-replayTail), io.SeekStart); err != nil {
		t.Errorf("seek into the tail: %v", err)
	}
}

// TestNewReaderBrokenOverCap: a broken gzip member larger than the bytes a
// stream keeps is reported, and the records after it are read.
func TestNewReaderBrokenOverCap(t *testing.T) {
	big := make([]byte, 6<<20)
	rand.New(rand.NewSource(1)).Read(big) // incompressible
	html := []byte(`<!doctype html><html><body><article><p>Hello.</p></article></body></html>`)
	pages := []batchtest.Page{
		{URL: "https://a.test/u1", Body: html},
		{URL: "https://a.test/big", Body: big, Cut: 30},
		{URL: "https://a.test/u3", Body: html},
	}
	path := filepath.Join(t.TempDir(), "a.warc.gz")
	if err := batchtest.WriteWARC(path, true, pages); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	opts := ReaderOptions{MaxRecordBytes: 1 << 20}
	if len(data) < opts.replayBytes() {
		t.Fatalf("test WARC of %d bytes is not over the %d kept", len(data), opts.replayBytes())
	}
	r, err := NewReader("a", iotest.HalfReader(bytes.NewReader(data)), opts)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rec := range Drain(t, r, 10000) {
		s := rec.URL
		if rec.Err != nil {
			s += " error"
		}
		got = append(got, s)
	}
	want := "https://a.test/u1 | https://a.test/big error | https://a.test/u3"
	if s := strings.Join(got, " | "); s != want {
		t.Fatalf("got %q, want %q", s, want)
	}
}

// TestNewReaderReadError: a stream that fails part way is an error from
// Next, not an input that ends there.
func TestNewReaderReadError(t *testing.T) {
	var pages []batchtest.Page
	for i := range 20 {
		pages = append(pages, batchtest.Page{URL: "https://a.test/" + string(rune('a'+i)), Body: []byte("<p>Hello.</p>")})
	}
	for _, gz := range []bool{true, false} {
		path := filepath.Join(t.TempDir(), "a.warc")
		if err := batchtest.WriteWARC(path, gz, pages); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		reset := errors.New("connection reset")
		in := io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(reset))
		r, err := NewReader("a", iotest.OneByteReader(in), ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			rec, err := r.Next()
			if err != nil {
				if !errors.Is(err, reset) {
					t.Errorf("gzip %v: error %v after %d records, want the read error", gz, err, n)
				}
				break
			}
			if rec.Err != nil {
				t.Errorf("gzip %v: record %d has error %v", gz, n, rec.Err)
			}
			n++
		}
		if n == 0 || n >= len(pages) {
			t.Errorf("gzip %v: %d records before the error", gz, n)
		}
	}
}
