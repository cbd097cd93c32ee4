// Package batchtest writes small WARC files for tests of the batch reader,
// the batch CLI and the Beam pipeline. It is test support, not for use in
// production code.
package batchtest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha1"
	"encoding/base32"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/winnow-go/winnow/internal/dataset"
)

// Page is one record to write. The zero Type is a response record.
type Page struct {
	// Type is "response" (default), "request", "conversion", "warcinfo",
	// "metadata" or "resource".
	Type string
	URL  string
	// Status is the HTTP status of a response; zero means 200.
	Status int
	// ContentType is the HTTP Content-Type of a response, or the record's
	// Content-Type for other types; empty means text/html; charset=utf-8
	// for responses and text/plain for conversions.
	ContentType string
	Body        []byte
	// Header holds extra HTTP header lines of a response, each ending in
	// "\r\n", such as "Content-Encoding: br\r\n".
	Header string
	// CutTo, when above zero, cuts the record's bytes (compressed, for
	// gzip output) to this many after writing, as a crash would.
	CutTo int
	// Cut, when above zero, drops this many bytes from the end of the
	// record's bytes after writing.
	Cut int
}

var fixedDate = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// Record returns one WARC record as bytes, gzipped as its own member when
// compress is true.
func Record(p Page, compress bool) ([]byte, error) {
	b, err := marshal(p)
	if err != nil {
		return nil, err
	}
	if compress {
		if b, err = gzipBytes(b); err != nil {
			return nil, err
		}
	}
	return cut(b, p), nil
}

// marshal returns one WARC record as plain bytes, uncut: a WARC/1.1
// header (type, target URI, date, content type, record ID, length, block
// digest, and a payload digest for HTTP and resource records), the block,
// and the end-of-record marker.
func marshal(p Page) ([]byte, error) {
	typ := p.Type
	if typ == "" {
		typ = "response"
	}
	switch typ {
	case "response", "request", "conversion", "warcinfo", "metadata", "resource":
	default:
		return nil, fmt.Errorf("unknown record type %q", p.Type)
	}
	var block bytes.Buffer
	ctype := p.ContentType
	switch typ {
	case "response":
		status := p.Status
		if status == 0 {
			status = 200
		}
		if ctype == "" {
			ctype = "text/html; charset=utf-8"
		}
		fmt.Fprintf(&block, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n\r\n", status, statusText(status), ctype, p.Header, len(p.Body))
		ctype = "application/http;msgtype=response"
	case "request":
		block.WriteString("GET / HTTP/1.1\r\nHost: example.test\r\n\r\n")
		ctype = "application/http;msgtype=request"
	default:
		if ctype == "" {
			ctype = "text/plain"
		}
	}
	head := block.Len()
	block.Write(p.Body)

	var b bytes.Buffer
	b.WriteString("WARC/1.1\r\n")
	field := func(name, value string) { b.WriteString(name + ": " + value + "\r\n") }
	field("WARC-Type", typ)
	if p.URL != "" {
		field("WARC-Target-URI", p.URL)
	}
	field("WARC-Date", fixedDate.Format(time.RFC3339))
	field("Content-Type", ctype)
	field("WARC-Record-ID", fmt.Sprintf("<urn:test:%x>", fnv(p.Type+p.URL+string(p.Body))))
	field("Content-Length", fmt.Sprint(block.Len()))
	field("WARC-Block-Digest", digest(block.Bytes()))
	switch typ {
	case "response", "request":
		field("WARC-Payload-Digest", digest(block.Bytes()[head:]))
	case "resource":
		field("WARC-Payload-Digest", digest(block.Bytes()))
	}
	b.WriteString("\r\n")
	b.Write(block.Bytes())
	b.WriteString("\r\n\r\n")
	return b.Bytes(), nil
}

// digest is a WARC digest field's value: "sha1:" and the SHA-1 in base 32.
func digest(b []byte) string {
	sum := sha1.Sum(b)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

// gzipBytes returns b as one gzip member.
func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// cut applies p's CutTo and Cut to b.
func cut(b []byte, p Page) []byte {
	if p.CutTo > 0 && p.CutTo < len(b) {
		b = b[:p.CutTo]
	}
	if p.Cut > 0 && p.Cut < len(b) {
		b = b[:len(b)-p.Cut]
	}
	return b
}

// WriteWARC writes pages to path as a WARC file, one gzip member per record
// when compress is true.
func WriteWARC(path string, compress bool, pages []Page) error {
	var out bytes.Buffer
	for _, p := range pages {
		b, err := Record(p, compress)
		if err != nil {
			return err
		}
		out.Write(b)
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

// WriteWARCMembers writes pages to path as a gzipped WARC whose gzip
// members hold several records each: the first member holds sizes[0]
// records, the next sizes[1], and so on, the sizes taken again from the
// start when they run out. A size of zero puts every remaining record in
// one member, so sizes {0} gives a WARC gzipped as one stream (as "gzip
// file.warc" does). The CutTo and Cut of a member's last page apply to the
// member's compressed bytes.
func WriteWARCMembers(path string, sizes []int, pages []Page) error {
	if len(sizes) == 0 {
		return fmt.Errorf("no member sizes")
	}
	var out bytes.Buffer
	for i, g := 0, 0; i < len(pages); g++ {
		n := sizes[g%len(sizes)]
		if n <= 0 || i+n > len(pages) {
			n = len(pages) - i
		}
		var plain []byte
		for _, p := range pages[i : i+n] {
			b, err := marshal(p)
			if err != nil {
				return err
			}
			plain = append(plain, b...)
		}
		b, err := gzipBytes(plain)
		if err != nil {
			return err
		}
		out.Write(cut(b, pages[i+n-1]))
		i += n
	}
	return os.WriteFile(path, out.Bytes(), 0o644)
}

// AEBPagesTB is AEBPages for a test: when the set is missing the test
// skips with one line, or fails when dataset.Required says data is required.
func AEBPagesTB(tb testing.TB, dir string, n int) []Page {
	tb.Helper()
	pages, err := AEBPages(dir, n)
	switch {
	case err == nil:
		return pages
	case dataset.Required():
		tb.Fatalf("AEB data set is missing under CI: %v", err)
	default:
		tb.Skipf("skipped, AEB data set not found (CI=true or WINNOW_REQUIRE_DATA=1 makes this a failure): %v", err)
	}
	return nil
}

// AEBPages reads up to n pages of the AEB dataset (the folder holding
// html/ and ground-truth.json), in a fixed order, with their URLs.
func AEBPages(dir string, n int) ([]Page, error) {
	ds, err := dataset.Load(filepath.Join(dir, "html"), filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	list := ds.Pages
	if n > 0 && len(list) > n {
		list = list[:n]
	}
	var pages []Page
	for _, p := range list {
		body, err := p.Read()
		if err != nil {
			return nil, err
		}
		url := p.URL
		if url == "" {
			url = "https://aeb.test/" + p.ID
		}
		pages = append(pages, Page{URL: url, Body: body})
	}
	return pages, nil
}

func statusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 404:
		return "Not Found"
	}
	return "Status"
}

func fnv(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
