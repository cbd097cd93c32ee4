package batch

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/gzip"
)

// DefaultMaxRecordBytes caps the body of one record when
// ReaderOptions.MaxRecordBytes is zero. A larger record gets an error line.
const DefaultMaxRecordBytes = 10 << 20

// ErrRecordTooLarge is the error of a record whose body is over the cap.
var ErrRecordTooLarge = errors.New("record too large")

// ErrTruncated is the error of a record that ends before its declared length.
var ErrTruncated = errors.New("record truncated")

// Record is one page read from an input, ready to be extracted, or the
// reason it is skipped, or the error met while reading it.
type Record struct {
	// Input is the path of the input as it was given to Open.
	Input string
	// Offset locates the record in Input: the byte offset where the record
	// starts (for .gz, where its gzip member starts in the compressed file),
	// or the index of the file for a folder input.
	Offset int64
	// InMember numbers the records of one gzip member, from 0. It is 0
	// but where a member holds several records (a WARC gzipped as one
	// stream, say), which then share the member's Offset. The numbers may
	// skip where a broken record was passed over. With Input and Offset it
	// is the record's key.
	InMember int64
	// File is the page's own file for folder inputs, else empty.
	File string
	// ID is the WARC-Record-ID, if any.
	ID string
	// URL is the page's address (WARC-Target-URI, or the JSONL "url").
	URL string
	// Date is the WARC-Date, as written in the record.
	Date string
	// HTTPStatus is the response's status code, or 0 when there was no HTTP.
	HTTPStatus int
	// ContentType is the response's Content-Type header.
	ContentType string
	// Text is true for WET conversion records: the body is flattened text.
	Text bool
	// Body is the page, capped at ReaderOptions.MaxRecordBytes.
	Body []byte
	// Skip, when not empty, says why the record is not extracted, as a short
	// counter name such as "status_404", "not_html" or "warc_request".
	Skip string
	// Err is set when the record could not be read whole. The record still
	// gets an output line, with the error.
	Err error
}

// ReaderOptions tune how records are read.
type ReaderOptions struct {
	// MaxRecordBytes caps one record's body; zero means DefaultMaxRecordBytes.
	MaxRecordBytes int64
	// Counter, if set, is told how many input bytes were read, as they are
	// read, for progress reports. It is called from the reading goroutine.
	Counter func(n int64)
}

func (o ReaderOptions) maxBytes() int64 {
	if o.MaxRecordBytes > 0 {
		return o.MaxRecordBytes
	}
	return DefaultMaxRecordBytes
}

// Reader yields the records of one input in order. Next returns io.EOF
// after the last record. A Reader is not safe for concurrent use.
type Reader interface {
	Next() (*Record, error)
	Close() error
}

// Position locates a record in an input: its Offset and InMember.
type Position struct {
	Offset, InMember int64
}

// Open opens an input from its start. See OpenAt.
func Open(path string, opts ReaderOptions) (Reader, error) {
	return OpenAt(path, 0, opts)
}

// OpenAt opens an input and positions it at the record whose Offset is
// start (a value taken from an earlier Record.Offset of the same input), so
// a resumed run does not read again what it has done. The kind of input is
// found from its content: a folder, a WARC (plain or gzipped, WARC or WET),
// JSONL (plain or gzipped), or a single page (plain or gzipped; named
// .html, .htm or .xhtml, or starting with "<"), read as a folder of one
// file.
func OpenAt(path string, start int64, opts ReaderOptions) (Reader, error) {
	return OpenPosition(path, Position{Offset: start}, opts)
}

// OpenPosition is OpenAt for a record inside a gzip member: the reader
// yields the records from the one at start on, leaving out those of the
// same Offset with a lower InMember (they are read, then dropped).
func OpenPosition(path string, start Position, opts ReaderOptions) (Reader, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	var r Reader
	if fi.IsDir() {
		r, err = openDir(path, start.Offset, opts)
	} else {
		var kind inputKind
		if kind, err = sniff(path); err != nil {
			return nil, err
		}
		switch kind {
		case kindWARC:
			r, err = openWARC(path, start.Offset, opts)
		case kindJSONL:
			r, err = openJSONL(path, start.Offset, opts)
		case kindHTML:
			r = openFile(path, start.Offset, opts)
		default:
			err = fmt.Errorf("%s: not a WARC, WET, JSONL or HTML file", path)
		}
	}
	if err != nil {
		return nil, err
	}
	if start.InMember == 0 {
		return r, nil
	}
	return &fromReader{Reader: r, start: start}, nil
}

// fromReader drops the records before start.
type fromReader struct {
	Reader
	start Position
}

func (r *fromReader) Next() (*Record, error) {
	for {
		rec, err := r.Reader.Next()
		if rec == nil || rec.Offset != r.start.Offset || rec.InMember >= r.start.InMember {
			return rec, err
		}
		if err != nil {
			return nil, err
		}
	}
}

type inputKind int

const (
	kindUnknown inputKind = iota
	kindWARC
	kindJSONL
	kindHTML
)

// sniff tells a WARC from JSONL and a page by the first bytes, looking
// inside gzip, and by the name for a page.
func sniff(path string) (inputKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return kindUnknown, err
	}
	defer f.Close()
	kind, err := sniffHead(path, bufio.NewReader(f))
	if err != nil {
		return kind, fmt.Errorf("%s: %w", path, err)
	}
	return kind, nil
}

// sniffHead is sniff on the first bytes of an input called name.
func sniffHead(name string, br *bufio.Reader) (inputKind, error) {
	var r io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return kindUnknown, err
		}
		r = zr
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(r, head)
	if err != nil && n == 0 {
		if err == io.EOF {
			if hasHTMLExt(name) {
				return kindHTML, nil // an empty page: its line says so
			}
			return kindUnknown, errors.New("empty input")
		}
		return kindUnknown, err
	}
	head = bytes.TrimLeft(head[:n], " \t\r\n\ufeff")
	switch {
	case bytes.HasPrefix(head, []byte("WARC/")):
		return kindWARC, nil
	case bytes.HasPrefix(head, []byte("{")):
		return kindJSONL, nil
	case hasHTMLExt(name) || bytes.HasPrefix(head, []byte("<")):
		return kindHTML, nil
	}
	return kindUnknown, nil
}

// countingReader reports the bytes read through it.
type countingReader struct {
	r   io.Reader
	n   int64
	add func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.add != nil && n > 0 {
		c.add(int64(n))
	}
	return n, err
}

// isHTMLType reports whether a Content-Type names a page winnow extracts.
// A missing type counts as HTML: the extractor sniffs the bytes.
func isHTMLType(ct string) bool {
	mt, _, _ := strings.Cut(ct, ";")
	mt = strings.ToLower(strings.TrimSpace(mt))
	switch mt {
	case "", "text/html", "application/xhtml+xml":
		return true
	}
	return false
}

// hasHTMLExt reports whether a file in a folder input is a page.
func hasHTMLExt(name string) bool {
	n := strings.ToLower(name)
	n = strings.TrimSuffix(n, ".gz")
	switch filepath.Ext(n) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// readCapped reads r whole unless it holds more than max bytes, in which
// case it returns the first max bytes and ErrRecordTooLarge.
func readCapped(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return data, err
	}
	if int64(len(data)) > max {
		return data[:max], fmt.Errorf("%w: more than %d bytes", ErrRecordTooLarge, max)
	}
	return data, nil
}
