package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/klauspost/compress/gzip"

	"github.com/winnow-go/winnow/batch"
)

// DefaultChunkBytes is the size of the pieces a streamed WARC is read in
// when Options.ChunkBytes is zero.
const DefaultChunkBytes = 16 << 20

// The batch package reads inputs by path (it seeks back when it recovers
// from a broken gzip member), so a WARC read from Beam's filesystems, which
// give only an io.Reader, reaches it through the adapter below: the stream
// is cut, at the starts of gzip members, into pieces of about ChunkBytes,
// each spooled to a local temporary file and read with batch.Open, its
// records' Offsets moved by the piece's offset in the stream. At most three
// pieces are on disk at a time (one being written, one waiting, one being
// read), whatever the WARC's size.
//
// A cut is made only before a gzip member that decompresses cleanly to
// bytes starting "WARC/", and after one that did too, so each piece is read
// exactly as batch reads those bytes inside the whole file. Once the stream
// holds something else (a broken member, bytes between members, a plain
// WARC, a WARC gzipped as one stream, JSONL) no further cut is made and
// the rest of the stream goes into the last piece, which batch then reads
// with its own recovery, as it would the whole file.

// chunk is one piece of a stream: a local file and its offset in the stream.
type chunk struct {
	path string
	off  int64
}

// readStream reads the records of the stream r, named name, piece by piece
// and calls fn for each, with its Offset in the stream and Input name. It
// stops at the first error fn returns.
func readStream(ctx context.Context, name string, r io.Reader, size int64, opts batch.ReaderOptions, fn func(*batch.Record) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	chunks := make(chan chunk, 1)
	done := make(chan error, 1)
	go func() {
		err := splitStream(ctx, r, size, chunks)
		close(chunks)
		done <- err
	}()
	var err error
	for c := range chunks {
		if err == nil {
			err = readChunk(name, c, opts, fn)
		}
		os.Remove(c.path)
		if err != nil {
			cancel() // the splitter stops; the loop removes what it sent
		}
	}
	if serr := <-done; err == nil && serr != nil {
		err = fmt.Errorf("%s: %w", name, serr)
	}
	return err
}

// readChunk reads the records of one piece.
func readChunk(name string, c chunk, opts batch.ReaderOptions, fn func(*batch.Record) error) error {
	r, err := batch.Open(c.path, opts)
	if err != nil {
		return fmt.Errorf("%s at %d: %w", name, c.off, err)
	}
	defer r.Close()
	for {
		rec, err := r.Next()
		if rec != nil {
			rec.Input = name
			if rec.File == "" {
				rec.Offset += c.off
			}
			if err := fn(rec); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
}

// splitStream copies r to local files, sending each on out once it is
// whole. It returns r's read error, or ctx's.
func splitStream(ctx context.Context, r io.Reader, size int64, out chan<- chunk) (err error) {
	t := &tee{ctx: ctx, r: r}
	if t.f, err = os.CreateTemp("", "winnow-beam-*.warc"); err != nil {
		return err
	}
	defer func() {
		if t.f != nil {
			t.f.Close()
			os.Remove(t.f.Name())
		}
	}()
	br := bufio.NewReaderSize(t, 64<<10)
	pos := func() int64 { return t.n - int64(br.Buffered()) }
	var (
		start int64 // stream offset of the file's first byte
		zr    gzip.Reader
		head  [5]byte
		cut   = true // members are still clean
	)
	for cut {
		if err := ctx.Err(); err != nil {
			return err
		}
		at := pos()
		if m, err := br.Peek(2); err != nil || m[0] != 0x1f || m[1] != 0x8b {
			break // the end, or no gzip member here
		}
		if zr.Reset(br) != nil {
			break
		}
		zr.Multistream(false)
		n, _ := io.ReadFull(&zr, head[:])
		_, err := io.Copy(io.Discard, &zr)
		if err != nil || n < len(head) || !bytes.Equal(head[:], []byte("WARC/")) {
			break
		}
		if at-start < size || at == start {
			continue
		}
		// Cut before the member at at: its bytes, and those read ahead,
		// go to a new file.
		if err := t.err; err != nil {
			return err
		}
		next, err := os.CreateTemp("", "winnow-beam-*.warc")
		if err != nil {
			return err
		}
		if _, err := io.Copy(next, io.NewSectionReader(t.f, at-start, t.n-at)); err != nil {
			next.Close()
			os.Remove(next.Name())
			return err
		}
		err = t.f.Truncate(at - start)
		if cerr := t.f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			next.Close()
			os.Remove(next.Name())
			return err
		}
		c := chunk{path: t.f.Name(), off: start}
		t.f, start = next, at
		select {
		case out <- c:
		case <-ctx.Done():
			os.Remove(c.path)
			return ctx.Err()
		}
	}
	// The rest of the stream, whatever it holds, goes into the last file.
	if _, err := io.Copy(io.Discard, br); err != nil {
		return err
	}
	if t.err != nil {
		return t.err
	}
	if err := t.f.Close(); err != nil {
		return err
	}
	c := chunk{path: t.f.Name(), off: start}
	t.f = nil
	if t.n == start {
		os.Remove(c.path)
		return nil
	}
	select {
	case out <- c:
		return nil
	case <-ctx.Done():
		os.Remove(c.path)
		return ctx.Err()
	}
}

// tee reads r, writing what it reads to f and counting it. It stops once
// ctx is done.
type tee struct {
	ctx context.Context
	r   io.Reader
	f   *os.File
	n   int64
	err error // the first error writing f
}

func (t *tee) Read(p []byte) (int, error) {
	if err := t.ctx.Err(); err != nil {
		return 0, err
	}
	n, err := t.r.Read(p)
	if n > 0 {
		t.n += int64(n)
		if t.err == nil {
			_, t.err = t.f.Write(p[:n])
		}
		if t.err != nil {
			return n, errors.Join(err, t.err)
		}
	}
	return n, err
}
