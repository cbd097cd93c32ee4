package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"

	"github.com/nlnwa/gowarc"
)

// warcSource reads WARC and WET files, plain or gzipped (one gzip member per
// record, or the whole file as one stream).
//
// Records are parsed by gowarc with validation off (digests are not checked)
// and the HTTP part of a response is parsed here, so a record is read once,
// as a stream, and only its first MaxRecordBytes are kept. When a record is
// broken (a gzip member cut short, a Content-Length past the end of the
// record) the source reports it once, with Err set, and then looks for the
// next record from the byte after the broken one's start: gowarc skips bytes
// until a gzip header or "WARC/" line and candidates that do not parse are
// passed over silently.
type warcSource struct {
	path     string
	f        *os.File
	gz       bool
	cr       *countingReader
	br       *bufio.Reader
	base     int64 // file offset at which cr started counting
	u        gowarc.Unmarshaler
	opts     ReaderOptions
	resync   bool // scanning for a record after a broken one
	finished bool
}

func openWARC(path string, start int64, opts ReaderOptions) (*warcSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	magic := make([]byte, 2)
	n, _ := io.ReadFull(f, magic)
	s := &warcSource{
		path: path,
		f:    f,
		gz:   n == 2 && magic[0] == 0x1f && magic[1] == 0x8b,
		// Syntax errors must fail: with a lenient policy gowarc's header
		// parser loops at the end of a file cut inside a header. Bytes
		// between records are skipped here instead (see scan).
		u:    gowarc.NewUnmarshaler(gowarc.WithNoValidation(), gowarc.WithSyntaxErrorPolicy(gowarc.ErrFail)),
		opts: opts,
	}
	if err := s.seek(start); err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

// seek moves the source to a file offset.
func (s *warcSource) seek(off int64) error {
	if _, err := s.f.Seek(off, io.SeekStart); err != nil {
		return fmt.Errorf("%s: %w", s.path, err)
	}
	s.cr = &countingReader{r: s.f, add: s.opts.Counter}
	s.base = off
	s.br = bufio.NewReaderSize(s.cr, 64<<10)
	return nil
}

// pos is the file offset of the next unread byte.
func (s *warcSource) pos() int64 {
	return s.base + s.cr.n - int64(s.br.Buffered())
}

func (s *warcSource) Close() error { return s.f.Close() }

func (s *warcSource) Next() (*Record, error) {
	for !s.finished {
		if err := s.scan(); err != nil {
			return nil, io.EOF
		}
		at := s.pos()
		wr, _, _, err := s.u.Unmarshal(s.br)
		if err != nil {
			if wr != nil {
				_ = wr.Close()
			}
			// EOF with nothing consumed is the end of the file; EOF
			// inside a header is a record cut short.
			if wr == nil && errors.Is(err, io.EOF) && (s.resync || s.pos() == at) {
				return nil, io.EOF
			}
			wasResync := s.resync
			s.skipPast(at)
			if wasResync {
				continue
			}
			if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
				err = fmt.Errorf("%w: %v", ErrTruncated, err)
			}
			return &Record{Input: s.path, Offset: at, Err: fmt.Errorf("unreadable WARC record: %w", err)}, nil
		}
		rec := s.record(wr, at)
		if rec.Err != nil && !errors.Is(rec.Err, ErrRecordTooLarge) {
			if s.resync {
				// A false start found while scanning: not a record.
				s.skipPast(at)
				continue
			}
			s.skipPast(at)
			return rec, nil
		}
		s.resync = false
		return rec, nil
	}
	return nil, io.EOF
}

// scan skips to the next gzip header or "WARC/" line. It fails at the end
// of the file.
func (s *warcSource) scan() error {
	for {
		b, err := s.br.Peek(5)
		if err != nil {
			return err
		}
		if b[0] == 0x1f && b[1] == 0x8b || string(b) == "WARC/" {
			return nil
		}
		if _, err := s.br.Discard(1); err != nil {
			return err
		}
	}
}

// skipPast starts a scan for the next record one byte after at.
func (s *warcSource) skipPast(at int64) {
	s.resync = true
	if err := s.seek(at + 1); err != nil {
		s.finished = true
	}
}

// record turns one gowarc record into a Record, reading its block.
func (s *warcSource) record(wr gowarc.WarcRecord, at int64) *Record {
	h := wr.WarcHeader()
	rec := &Record{
		Input:  s.path,
		Offset: at,
		ID:     h.Get(gowarc.WarcRecordID),
		URL:    h.Get(gowarc.WarcTargetURI),
		Date:   h.Get(gowarc.WarcDate),
	}
	length, _ := h.GetInt64(gowarc.ContentLength)
	if len(h.GetAll(gowarc.WarcRecordID)) > 1 || len(h.GetAll(gowarc.WarcType)) > 1 {
		// A header cut short ran on into the next record's header.
		rec.Err = fmt.Errorf("%w: header runs into the next record", ErrTruncated)
		_ = wr.Close()
		return rec
	}
	raw, err := wr.Block().RawBytes()
	if err != nil {
		rec.Err = err
		_ = wr.Close()
		return rec
	}
	// The counting wrapper tells a short block from a complete one.
	cr := &countingReader{r: raw}
	rec.Err = s.fill(rec, wr.Type(), h.Get(gowarc.ContentType), cr)
	if rec.Err == nil || errors.Is(rec.Err, ErrRecordTooLarge) || rec.Skip != "" {
		// Read the rest, so a record cut short is told apart from a
		// record that was merely not kept.
		if _, err := io.Copy(io.Discard, cr); err != nil && rec.Err == nil {
			rec.Err = err
		}
		if rec.Err == nil && cr.n < length {
			rec.Err = fmt.Errorf("%w: %d of %d bytes", ErrTruncated, cr.n, length)
		}
		if rec.Err == nil && !s.gz {
			if end, _ := s.br.Peek(4); string(end) != "\r\n\r\n" {
				rec.Err = fmt.Errorf("%w: no end-of-record marker after %d bytes", ErrTruncated, length)
			}
		}
	}
	if err := wr.Close(); err != nil && rec.Err == nil {
		rec.Err = err
	}
	if rec.Err != nil {
		rec.Skip = ""
		rec.Body = nil
		if errors.Is(rec.Err, io.ErrUnexpectedEOF) {
			rec.Err = fmt.Errorf("%w: %v", ErrTruncated, rec.Err)
		}
	}
	return rec
}

// fill reads the block of one record into rec, or sets rec.Skip.
func (s *warcSource) fill(rec *Record, typ gowarc.RecordType, ctype string, block io.Reader) error {
	max := s.opts.maxBytes()
	switch typ {
	case gowarc.Conversion:
		rec.Text = true
		rec.ContentType = ctype
		body, err := readCapped(block, max)
		rec.Body = body
		return err
	case gowarc.Response:
		if !strings.HasPrefix(strings.ToLower(ctype), "application/http") {
			rec.Skip = "not_http"
			return nil
		}
		return s.fillHTTP(rec, block, max)
	}
	rec.Skip = "warc_" + strings.ToLower(typ.String())
	return nil
}

// fillHTTP parses the HTTP response in a response record's block.
func (s *warcSource) fillHTTP(rec *Record, block io.Reader, max int64) error {
	br := bufio.NewReader(block)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("%w: HTTP header cut short", ErrTruncated)
		}
		return fmt.Errorf("bad HTTP response: %w", err)
	}
	defer resp.Body.Close()
	rec.HTTPStatus = resp.StatusCode
	rec.ContentType = resp.Header.Get("Content-Type")
	if resp.StatusCode != http.StatusOK {
		rec.Skip = fmt.Sprintf("status_%d", resp.StatusCode)
		return nil
	}
	if !isHTMLType(rec.ContentType) {
		rec.Skip = "not_html"
		return nil
	}
	body, err := readCapped(resp.Body, max)
	if err != nil {
		return err
	}
	rec.Body = body
	switch enc := strings.ToLower(resp.Header.Get("Content-Encoding")); enc {
	case "", "identity", "gzip", "x-gzip":
		// winnow's decoder unpacks gzip itself.
	default:
		if !bytes.HasPrefix(bytes.TrimSpace(body), []byte("<")) {
			return fmt.Errorf("unsupported Content-Encoding %q", enc)
		}
	}
	return nil
}
