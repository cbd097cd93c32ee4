package batch

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/batchtest"
)

func TestReadWARCHeader(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		fields string // "name=value|..." when the header is read
		err    error  // else the error it must match
		rest   string // what is left after the header
	}{
		{"WARC 1.1", "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nabc", "WARC-Type=response|Content-Length=3", nil, "abc"},
		{"WARC 1.0", "WARC/1.0\r\nWARC-Type: warcinfo\r\n\r\n", "WARC-Type=warcinfo", nil, ""},
		{"white space after the version", "WARC/1.0 \r\nA: b\r\n\r\n", "A=b", nil, ""},
		{"no fields", "WARC/1.0\r\n\r\nx", "", nil, "x"},
		{"white space around values", "WARC/1.0\r\nA:\t  b c \t\r\nB:\r\n\r\n", "A=b c|B=", nil, ""},
		{"continuation lines", "WARC/1.0\r\nA: one\r\n two\r\n\t three\r\nB: x\r\n\r\n", "A=one two three|B=x", nil, ""},
		{"colon in the value", "WARC/1.0\r\nWARC-Target-URI: https://a.test:8080/x\r\n\r\n", "WARC-Target-URI=https://a.test:8080/x", nil, ""},
		{"long line", "WARC/1.0\r\nA: " + strings.Repeat("x", 10000) + "\r\n\r\n", "A=" + strings.Repeat("x", 10000), nil, ""},
		{"empty", "", "", io.EOF, ""},
		{"not WARC", "HTTP/1.1 200 OK\r\n\r\n", "", errWARCSyntax, ""},
		{"bad version", "WARC/x.y\r\n\r\n", "", errWARCSyntax, ""},
		{"version without CR", "WARC/1.0\n\r\n", "", errWARCSyntax, ""},
		{"field without CR", "WARC/1.0\r\nA: b\n\r\n", "", errWARCSyntax, ""},
		{"line without colon", "WARC/1.0\r\nA b\r\n\r\n", "", errWARCSyntax, ""},
		{"field without name", "WARC/1.0\r\n: b\r\n\r\n", "", errWARCSyntax, ""},
		{"continuation first", "WARC/1.0\r\n b\r\n\r\n", "", errWARCSyntax, ""},
		{"cut in the version line", "WARC/1.", "", io.ErrUnexpectedEOF, ""},
		{"cut in a field", "WARC/1.0\r\nWARC-Type: resp", "", io.ErrUnexpectedEOF, ""},
		{"cut before the blank line", "WARC/1.0\r\nWARC-Type: response\r\n", "", io.ErrUnexpectedEOF, ""},
		{"header over the cap", "WARC/1.0\r\nA: " + strings.Repeat("x", maxHeaderBytes) + "\r\n\r\n", "", errWARCSyntax, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			br := bufio.NewReaderSize(strings.NewReader(tt.in), 64)
			h, err := readWARCHeader(br)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("error %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range h.fields {
				got = append(got, f.name+"="+f.value)
			}
			if s := strings.Join(got, "|"); s != tt.fields {
				t.Errorf("fields %q, want %q", s, tt.fields)
			}
			if rest, _ := io.ReadAll(br); string(rest) != tt.rest {
				t.Errorf("left %q, want %q", rest, tt.rest)
			}
		})
	}
}

func TestWARCHeaderFields(t *testing.T) {
	h, err := readWARCHeader(bufio.NewReader(strings.NewReader(
		"WARC/1.1\r\nwarc-type: Response\r\nCONTENT-LENGTH: 12\r\nWARC-Record-ID: <a>\r\nWARC-Record-ID: <b>\r\n\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	if h.version != "1.1" || h.recordType() != "response" || h.get("WARC-Record-ID") != "<a>" || h.count("warc-record-id") != 2 {
		t.Errorf("header %+v", h)
	}
	if n, err := h.contentLength(); n != 12 || err != nil {
		t.Errorf("length %d %v", n, err)
	}
	for _, v := range []string{"-1", "12x", "99999999999999999999"} {
		h := &warcHeader{fields: []warcField{{"Content-Length", v}}}
		if _, err := h.contentLength(); !errors.Is(err, errWARCSyntax) {
			t.Errorf("Content-Length %q: error %v", v, err)
		}
	}
	if n, err := (&warcHeader{}).contentLength(); n != 0 || err != nil {
		t.Errorf("no Content-Length: %d %v", n, err)
	}
}

// TestWARCBadContentLength: a record whose Content-Length is not a number
// gets an error line, and the record after it is read.
func TestWARCBadContentLength(t *testing.T) {
	first, _ := batchtest.Record(batchtest.Page{URL: "https://a.test/1", Body: []byte("<p>one</p>")}, false)
	next, _ := batchtest.Record(batchtest.Page{URL: "https://a.test/2", Body: []byte("<p>two</p>")}, false)
	first = bytes.Replace(first, []byte("Content-Length: "), []byte("Content-Length: x"), 1)
	path := filepath.Join(t.TempDir(), "a.warc")
	if err := os.WriteFile(path, append(first, next...), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := drain(t, path, 10)
	if len(recs) != 2 || recs[0].Err == nil || recs[0].URL != "https://a.test/1" || recs[1].Err != nil || recs[1].URL != "https://a.test/2" {
		for _, r := range recs {
			t.Logf("%+v", r)
		}
		t.Fatalf("%d records", len(recs))
	}
}

// drain reads every record of path, failing when there are more than max.
func drain(t testing.TB, path string, max int) []*Record {
	CheckStream(t, path, ReaderOptions{MaxRecordBytes: 1 << 16})
	r, err := Open(path, ReaderOptions{MaxRecordBytes: 1 << 16})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var recs []*Record
	for {
		rec, err := r.Next()
		if rec != nil {
			recs = append(recs, rec)
			if len(recs) > max {
				t.Fatalf("more than %d records", max)
			}
		}
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// seeds are WARC records of every kind the reader meets.
func seeds(t testing.TB) [][]byte {
	var out [][]byte
	for _, p := range []batchtest.Page{
		{URL: "https://a.test/1", Body: []byte("<p>one</p>")},
		{Type: "request", URL: "https://a.test/1"},
		{Type: "conversion", URL: "https://a.test/wet", Body: []byte("Title\nText.\n")},
		{Type: "warcinfo", Body: []byte("software: test\r\n"), ContentType: "application/warc-fields"},
		{URL: "https://a.test/404", Status: 404, Body: []byte("x")},
	} {
		b, err := batchtest.Record(p, false)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

// FuzzReadWARCHeader: any bytes give a header or an error, never a panic;
// a header read back from its own fields is the same header.
func FuzzReadWARCHeader(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Add([]byte("WARC/1.0\r\nA: b\r\n c\r\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := readWARCHeader(bufio.NewReaderSize(bytes.NewReader(data), 16))
		if err != nil {
			return
		}
		var b strings.Builder
		b.WriteString("WARC/" + h.version + "\r\n")
		for _, f := range h.fields {
			if f.name == "" || strings.Contains(f.name+f.value, "\n") || strings.Contains(f.name, ":") ||
				strings.TrimLeft(f.name, " \t") != f.name {
				t.Fatalf("bad field %q: %q", f.name, f.value)
			}
			b.WriteString(f.name + ": " + f.value + "\r\n")
		}
		b.WriteString("\r\n")
		again, err := readWARCHeader(bufio.NewReader(strings.NewReader(b.String())))
		if err != nil {
			t.Fatalf("written back %q: %v", b.String(), err)
		}
		if again.version != h.version || len(again.fields) != len(h.fields) {
			t.Fatalf("read back %+v, was %+v", again, h)
		}
		for i := range h.fields {
			if again.fields[i] != h.fields[i] {
				t.Fatalf("field %d read back %+v, was %+v", i, again.fields[i], h.fields[i])
			}
		}
	})
}

// FuzzWARCReader: the reader gets through any file, plain and gzipped,
// without a panic, and stops: every record it yields moves it on by at
// least one byte.
func FuzzWARCReader(f *testing.F) {
	all := seeds(f)
	f.Add(bytes.Join(all, nil))
	f.Add(append(all[0][:len(all[0])-10], all[1]...))
	f.Add(append([]byte("junk WARC/1.0\r\n"), all[2]...))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("WARC/")) {
			data = append([]byte("WARC/1.0\r\n"), data...)
		}
		plain := filepath.Join(dir, "a.warc")
		var zb bytes.Buffer
		zw := gzip.NewWriter(&zb)
		zw.Write(data[:len(data)/2])
		zw.Close()
		zw = gzip.NewWriter(&zb)
		zw.Write(data[len(data)/2:])
		zw.Close()
		gz := filepath.Join(dir, "a.warc.gz")
		if os.WriteFile(plain, data, 0o644) != nil || os.WriteFile(gz, zb.Bytes(), 0o644) != nil {
			t.Fatal("write")
		}
		drain(t, plain, len(data)+1)
		// A gzip member's records may start anywhere in its bytes.
		drain(t, gz, 2*len(data)+2)
	})
}
