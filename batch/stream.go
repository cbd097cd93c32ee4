package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// NewReader reads the records of a WARC or WET (plain or gzipped, in any of
// the layouts Open reads) or of JSONL, from r, forward only: for inputs that
// are a stream rather than a file, such as an object in cloud storage. name
// is the records' Input. It gives the records Open gives for a file of the
// same bytes, with the same Offsets (in the bytes read from r). When r
// fails (with an error other than io.EOF), Next returns that error rather
// than reading the input as cut short there. It does not close r.
//
// To recover after a broken record or gzip member without seeking, the
// reader keeps in memory the bytes read since the start of the record or
// member being read, up to twice ReaderOptions.MaxRecordBytes (and at least
// a few megabytes). Past that, a record or member found broken is searched
// past from the oldest byte still kept, not from its start plus one, so the
// records that follow a broken record larger than the cap may differ from
// Open's.
func NewReader(name string, r io.Reader, opts ReaderOptions) (Reader, error) {
	rr := &replayReader{r: r, limit: opts.replayBytes()}
	kind, err := sniffReader(name, rr)
	if err != nil {
		return nil, err
	}
	if _, err := rr.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var src Reader
	switch kind {
	case kindWARC:
		src, err = newWARC(name, rr, nil, 0, opts)
	case kindJSONL:
		rr.limit = 0 // JSONL is read forward only
		src, err = newJSONL(name, rr, nil, 0, opts)
	default:
		err = fmt.Errorf("%s: not a WARC, WET or JSONL stream", name)
	}
	if err != nil {
		return nil, err
	}
	return &streamReader{Reader: src, name: name, rr: rr}, nil
}

// streamReader turns a read error of the stream into Next's error: the
// input is not whole, which is not the same as a WARC cut short.
type streamReader struct {
	Reader
	name string
	rr   *replayReader
}

func (s *streamReader) Next() (*Record, error) {
	rec, err := s.Reader.Next()
	if rerr := s.rr.err; rerr != nil && !errors.Is(rerr, io.EOF) {
		// The record read when the stream failed may be cut short by
		// the failure: it is left out.
		return nil, fmt.Errorf("%s: %w", s.name, rerr)
	}
	return rec, err
}

// replayBytes is how many bytes of a stream are kept to go back to.
func (o ReaderOptions) replayBytes() int {
	return int(max(2*o.maxBytes(), 4<<20))
}

// errNotKept is the error of a seek to bytes of a stream no longer kept.
var errNotKept = errors.New("stream bytes no longer kept")

// replayReader reads r forward, keeping what it read from a mark on (up to
// a limit), so that it can seek back to any byte after the mark.
type replayReader struct {
	r     io.Reader
	buf   []byte // bytes [start, start+len(buf)) of r
	start int64
	pos   int64 // offset of the next byte Read returns
	limit int   // bytes kept at most; past it, all but the last tail are dropped
	err   error // r's error, once met
}

// replayTail is what is kept of the bytes past the limit: more than the
// reader's read-ahead, so that a record found by a scan can be gone back to.
const replayTail = 256 << 10

func (s *replayReader) end() int64 { return s.start + int64(len(s.buf)) }

func (s *replayReader) Read(p []byte) (int, error) {
	if s.pos < s.end() {
		n := copy(p, s.buf[s.pos-s.start:])
		s.pos += int64(n)
		return n, nil
	}
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	if n > 0 {
		s.buf = append(s.buf, p[:n]...)
		s.pos += int64(n)
		if len(s.buf) > s.limit {
			s.drop(len(s.buf) - min(replayTail, len(s.buf)))
		}
	}
	if err != nil {
		s.err = err
	}
	return n, err
}

// drop forgets the first n bytes kept.
func (s *replayReader) drop(n int) {
	if n <= 0 {
		return
	}
	s.start += int64(n)
	s.buf = append(s.buf[:0], s.buf[n:]...)
}

// mark forgets the bytes before off.
func (s *replayReader) mark(off int64) {
	s.drop(int(min(off, s.end()) - s.start))
}

// Seek moves to an absolute offset, which must not be before the bytes
// kept. A seek forward past what was read reads on to it.
func (s *replayReader) Seek(off int64, whence int) (int64, error) {
	if whence != io.SeekStart {
		return s.pos, errors.New("replayReader: only io.SeekStart")
	}
	if off < s.start {
		return s.pos, errNotKept
	}
	if off <= s.end() {
		s.pos = off
		return off, nil
	}
	s.pos = s.end()
	if _, err := io.CopyN(io.Discard, s, off-s.pos); err != nil && !errors.Is(err, io.EOF) {
		return s.pos, err
	}
	return s.pos, nil
}

// sniffReader is sniff for a stream, which it reads from its start.
func sniffReader(name string, r io.Reader) (inputKind, error) {
	kind, err := sniffHead(name, bufio.NewReader(r))
	if err != nil {
		return kind, fmt.Errorf("%s: %w", name, err)
	}
	return kind, nil
}
