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

	"github.com/klauspost/compress/gzip"
)

// warcSource reads WARC and WET files, plain or gzipped: one gzip member
// per record, several records per member, or the whole file as one gzip
// stream, in any mix.
//
// Records are parsed by the reader in warcrecord.go (digests are not
// checked) and the HTTP part of a response is parsed here, so a record is
// read once, as a stream, and only its first MaxRecordBytes are kept. A
// gzipped file is read member by member: each member is decompressed here
// and its bytes are read as a plain WARC holding one or more records. A
// plain file may hold gzip members too, and a gzipped one plain records
// between its members.
//
// When a record is broken (cut short, or a Content-Length that does not end
// at an end-of-record marker) the source reports it once, with Err set, and
// then looks for the next record from the byte after the broken one's
// start: it skips bytes until a gzip header or "WARC/" line (inside a
// gzip member, until a "WARC/" line of the same member, decompressing the
// member again from its start to get there) and candidates that do not
// parse are passed over silently. A gzip member whose compressed
// bytes are broken is reported once too, and the search goes on in the
// file from the byte after the member's start. A record that is whole but
// cannot be used (an HTTP part that does not parse, an unsupported
// Content-Encoding, a body over the cap) gets its error and the reading goes
// on after it, whatever came before.
type warcSource struct {
	path     string
	f        io.ReadSeeker // the file, or a stream's replayReader
	c        io.Closer     // closes f; nil for a stream
	gz       bool
	cr       *countingReader
	br       *bufio.Reader
	base     int64 // file offset at which cr started counting
	opts     ReaderOptions
	resync   bool // scanning the file for a record after a broken one
	finished bool

	m   *member      // the gzip member being read, or nil between members
	zr  *gzip.Reader // decompresses m, reused from member to member
	mbr *bufio.Reader
}

// member is one gzip member being read. Its decompressed bytes are a plain
// WARC of one or more records.
type member struct {
	start  int64           // file offset of its gzip header
	cr     *countingReader // decompressed bytes read, from the member's start
	br     *bufio.Reader
	n      int64 // record starts found in it so far: the next one's InMember
	resync bool  // scanning the member for a record after a broken one
	err    error // the first decompression error (not io.EOF), sticky
}

// pos is the offset in the member's decompressed bytes of the next unread
// byte.
func (m *member) pos() int64 { return m.cr.n - int64(m.br.Buffered()) }

// memberReader records the member's first decompression error, so that an
// error reading a record can be told from a record cut short inside a sound
// member.
type memberReader struct {
	zr *gzip.Reader
	m  *member
}

func (r *memberReader) Read(p []byte) (int, error) {
	n, err := r.zr.Read(p)
	if err != nil && err != io.EOF && r.m.err == nil {
		r.m.err = err
	}
	return n, err
}

func openWARC(path string, start int64, opts ReaderOptions) (*warcSource, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	s, err := newWARC(path, f, f, start, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	return s, nil
}

// newWARC reads a WARC from f, from the offset start; c (if not nil)
// closes f.
func newWARC(path string, f io.ReadSeeker, c io.Closer, start int64, opts ReaderOptions) (*warcSource, error) {
	magic := make([]byte, 2)
	n, _ := io.ReadFull(f, magic)
	s := &warcSource{
		path: path,
		f:    f,
		c:    c,
		gz:   n == 2 && magic[0] == 0x1f && magic[1] == 0x8b,
		opts: opts,
	}
	if err := s.seek(start); err != nil {
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
	if s.br == nil {
		s.br = bufio.NewReaderSize(s.cr, 64<<10)
	} else {
		s.br.Reset(s.cr)
	}
	return nil
}

// pos is the file offset of the next unread byte.
func (s *warcSource) pos() int64 {
	return s.base + s.cr.n - int64(s.br.Buffered())
}

func (s *warcSource) Close() error {
	if s.c == nil {
		return nil
	}
	return s.c.Close()
}

// mark tells a stream that the bytes before the current position will not
// be gone back to.
func (s *warcSource) mark() {
	if rr, ok := s.f.(*replayReader); ok {
		rr.mark(s.pos())
	}
}

func (s *warcSource) Next() (*Record, error) {
	if rec := s.next(); rec != nil {
		return rec, nil
	}
	return nil, io.EOF
}

// next returns the next record of the file, or nil at its end.
func (s *warcSource) next() *Record {
	for !s.finished {
		if s.m != nil {
			if rec := s.memberRecord(); rec != nil {
				return rec
			}
			continue
		}
		s.mark()
		if err := scan(s.br, true); err != nil {
			return nil
		}
		s.mark()
		if b, _ := s.br.Peek(2); b[0] != 0x1f || b[1] != 0x8b {
			// A plain record: the end-of-record marker is checked in a
			// plain file, not between the members of a gzipped one.
			rec, end := s.fileRecord(!s.gz)
			if end {
				return nil
			}
			if rec != nil {
				return rec
			}
			continue
		}
		at := s.pos()
		m := &member{start: at}
		if err := s.rewind(m, 0); err != nil {
			wasResync := s.resync
			s.skipPast(at)
			if wasResync {
				continue
			}
			return unreadable(s.path, at, 0, fmt.Errorf("gzip header: %w", err))
		}
		s.m = m
	}
	return nil
}

// fileRecord reads the plain record at the file's position, at a "WARC/"
// line. It returns nil when the
// position held no record (a false start found while scanning), and end
// at the end of the file. The end-of-record marker is checked when marker
// is true.
func (s *warcSource) fileRecord(marker bool) (rec *Record, end bool) {
	at := s.pos()
	h, err := readWARCHeader(s.br)
	if err != nil {
		// EOF with nothing consumed is the end of the file; EOF
		// inside a header is a record cut short.
		if errors.Is(err, io.EOF) && s.pos() == at {
			return nil, true
		}
		wasResync := s.resync
		s.skipPast(at)
		if wasResync {
			return nil, false
		}
		return named(unreadable(s.path, at, 0, err), h), false
	}
	var check func() error
	if marker {
		check = func() error { return endMarker(s.br, false) }
	}
	rec, broken := s.record(h, s.br, at, check)
	if broken {
		wasResync := s.resync
		s.skipPast(at)
		if wasResync {
			// A false start found while scanning: not a record.
			return nil, false
		}
		return rec, false
	}
	s.resync = false
	return rec, false
}

// memberRecord returns the next record of the member being read. It
// returns nil when the member is done, and then s.m is nil.
func (s *warcSource) memberRecord() *Record {
	m := s.m
	for {
		if err := scan(m.br, false); err != nil {
			if m.err != nil {
				return s.memberBroken(nil)
			}
			// The member ended cleanly; the file goes on after it.
			s.m = nil
			return nil
		}
		at := m.pos()
		inMember := m.n
		m.n++
		h, err := readWARCHeader(m.br)
		var rec *Record
		broken := true
		if err == nil {
			rec, broken = s.record(h, m.br, m.start, func() error { return endMarker(m.br, true) })
			rec.InMember = inMember
		}
		if broken && m.err != nil && m.br.Buffered() < 4 {
			// The record ran into the point where the member cannot be
			// decompressed further (its bytes are read ahead, so an
			// error further on is not this record's).
			if rec == nil {
				rec = named(&Record{Input: s.path, Offset: m.start, InMember: inMember}, h)
			}
			return s.memberBroken(rec)
		}
		if !broken {
			s.resync, m.resync = false, false
			// When the member cannot be decompressed right after this
			// record (its end cut off, or a checksum that does not match),
			// the record is not to be trusted, as when it is alone in its
			// member.
			if _, err := m.br.Peek(1); err != nil && m.err != nil {
				m.resync = true // reported here, not again
				setErr(rec, memberErr(m.err))
			}
			return rec
		}
		// Not a whole record: look for the next one in the member from
		// the byte after its start.
		quiet := s.resync || m.resync
		if err := s.rewind(m, at+1); err != nil {
			m.err = err
			if rec == nil {
				rec = &Record{Input: s.path, Offset: m.start, InMember: inMember}
			}
			return s.memberBroken(rec)
		}
		m.resync = true
		if quiet {
			continue
		}
		if rec == nil {
			rec = named(unreadable(s.path, m.start, inMember, err), h)
		}
		return rec
	}
}

// memberBroken ends the member being read after a decompression error,
// reporting it once as rec's error (a record of its own when rec is nil),
// and looks for the next record in the file from the byte after the
// member's start. It returns nil when the error is not to be reported:
// the member was a false start, or its error was reported already.
func (s *warcSource) memberBroken(rec *Record) *Record {
	m := s.m
	quiet := s.resync || m.resync
	s.m = nil
	s.skipPast(m.start)
	if quiet {
		return nil
	}
	if rec == nil {
		rec = &Record{Input: s.path, Offset: m.start, InMember: m.n}
		m.n++
	}
	setErr(rec, memberErr(m.err))
	return rec
}

// memberErr is the error of a record in a member that cannot be
// decompressed.
func memberErr(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) {
		err = fmt.Errorf("%w: %v", ErrTruncated, err)
	}
	return fmt.Errorf("unreadable WARC record: gzip member: %w", err)
}

// rewind starts decompressing member m from its gzip header, and moves on
// to the offset off in its decompressed bytes.
func (s *warcSource) rewind(m *member, off int64) error {
	if s.pos() != m.start {
		if err := s.seek(m.start); err != nil {
			return err
		}
	}
	var err error
	if s.zr == nil {
		s.zr, err = gzip.NewReader(s.br)
	} else {
		err = s.zr.Reset(s.br)
	}
	if err != nil {
		return err
	}
	s.zr.Multistream(false)
	m.err = nil
	m.cr = &countingReader{r: &memberReader{zr: s.zr, m: m}}
	if s.mbr == nil {
		s.mbr = bufio.NewReaderSize(m.cr, 64<<10)
	} else {
		s.mbr.Reset(m.cr)
	}
	m.br = s.mbr
	if off > 0 {
		// An error here is the member's, and shows on the next read.
		_, _ = m.br.Discard(int(off))
	}
	return nil
}

// unreadable is the record of a WARC record that did not parse.
func unreadable(path string, at, inMember int64, err error) *Record {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		err = fmt.Errorf("%w: %v", ErrTruncated, err)
	}
	return &Record{Input: path, Offset: at, InMember: inMember, Err: fmt.Errorf("unreadable WARC record: %w", err)}
}

// setErr marks rec as unreadable with err.
func setErr(rec *Record, err error) {
	rec.Err, rec.Skip, rec.Body = err, "", nil
}

// scan skips to the next "WARC/" line, or gzip header when gz is true. It
// fails at the end of the input.
func scan(br *bufio.Reader, gz bool) error {
	for {
		b, err := br.Peek(5)
		if err != nil {
			return err
		}
		if gz && b[0] == 0x1f && b[1] == 0x8b || string(b) == "WARC/" {
			return nil
		}
		// Skip to the next byte that could start one.
		buf, _ := br.Peek(br.Buffered())
		i := 1
		for i < len(buf) && buf[i] != 'W' && (!gz || buf[i] != 0x1f) {
			i++
		}
		if _, err := br.Discard(i); err != nil {
			return err
		}
	}
}

// endMarker checks that the next bytes are a record's end marker, "\r\n\r\n".
// At the end of a gzip member (atEnd true) a record may end without it.
func endMarker(br *bufio.Reader, atEnd bool) error {
	end, err := br.Peek(4)
	if string(end) == "\r\n\r\n" {
		return nil
	}
	if atEnd && errors.Is(err, io.EOF) && len(bytes.Trim(end, "\r\n")) == 0 {
		return nil
	}
	return fmt.Errorf("%w: no end-of-record marker after the block", ErrTruncated)
}

// skipPast starts a scan for the next record one byte after at.
func (s *warcSource) skipPast(at int64) {
	s.resync = true
	err := s.seek(at + 1)
	if rr, ok := s.f.(*replayReader); ok && errors.Is(err, errNotKept) {
		// A stream whose bytes from at on are no longer kept: search
		// from the oldest byte kept.
		err = s.seek(rr.start)
	}
	if err != nil {
		s.finished = true
	}
}

// record reads the block of the record whose header is h from br, at
// the first byte of the block, into a Record, and then checks its end
// marker with endMarker when that is not nil. broken is true when the
// record is not whole: cut short, or its Content-Length does not end at
// the end marker, so the reader must look for the next record from the
// byte after its start. A whole record that cannot be used (an HTTP part
// that does not parse, an unsupported Content-Encoding, a body over the
// cap) has Err set and broken false.
func (s *warcSource) record(h *warcHeader, br *bufio.Reader, at int64, endMarker func() error) (rec *Record, broken bool) {
	rec = named(&Record{Input: s.path, Offset: at}, h)
	if h.count(fieldRecordID) > 1 || h.count(fieldType) > 1 {
		// A header cut short ran on into the next record's header.
		setErr(rec, fmt.Errorf("%w: header runs into the next record", ErrTruncated))
		return rec, true
	}
	length, err := h.contentLength()
	if err != nil {
		setErr(rec, err)
		return rec, true
	}
	// The counting wrapper tells a short block from a complete one.
	cr := &countingReader{r: io.LimitReader(br, length)}
	useErr := s.fill(rec, h.recordType(), h.get(fieldContentType), cr)
	// Skip the rest, so a record cut short is told apart from a record
	// that was merely not kept.
	var wholeErr error
	if rest := length - cr.n; rest > 0 {
		var n int
		n, wholeErr = br.Discard(int(rest))
		if wholeErr == nil && int64(n) < rest {
			wholeErr = io.ErrUnexpectedEOF
		}
		if errors.Is(wholeErr, io.EOF) {
			wholeErr = fmt.Errorf("%w: %d of %d bytes", ErrTruncated, cr.n+int64(n), length)
		}
	}
	if wholeErr == nil && endMarker != nil {
		wholeErr = endMarker()
	}
	if wholeErr == nil {
		if b, _ := br.Peek(4); string(b) == "\r\n\r\n" {
			_, _ = br.Discard(4)
		}
	}
	switch {
	case wholeErr != nil:
		broken = true
		if errors.Is(wholeErr, io.ErrUnexpectedEOF) {
			wholeErr = fmt.Errorf("%w: %v", ErrTruncated, wholeErr)
		}
		setErr(rec, wholeErr)
	case useErr != nil:
		setErr(rec, useErr)
	}
	return rec, broken
}

// named gives rec the record ID, URL and date of a header, which may be
// nil or cut short.
func named(rec *Record, h *warcHeader) *Record {
	if h != nil {
		rec.ID, rec.URL, rec.Date = h.get(fieldRecordID), h.get(fieldTargetURI), h.get(fieldDate)
	}
	return rec
}

// fill reads the block of one record into rec, or sets rec.Skip.
func (s *warcSource) fill(rec *Record, typ string, ctype string, block io.Reader) error {
	max := s.opts.maxBytes()
	switch typ {
	case "conversion":
		rec.Text = true
		rec.ContentType = ctype
		body, err := readCapped(block, max)
		rec.Body = body
		return err
	case "response":
		if !strings.HasPrefix(strings.ToLower(ctype), "application/http") {
			rec.Skip = "not_http"
			return nil
		}
		return s.fillHTTP(rec, block, max)
	}
	switch typ {
	case "warcinfo", "resource", "request", "metadata", "revisit", "continuation":
		rec.Skip = "warc_" + typ
	default:
		// Counter names stay few: any other type counts as unknown.
		rec.Skip = "warc_unknown"
	}
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
