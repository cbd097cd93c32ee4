package batch_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/internal/batchtest"
)

const page = `<!doctype html><html><head><title>T</title></head><body><article><p>Hello.</p></article></body></html>`

// readAll drains a reader, failing the test on a read error.
func readAll(t *testing.T, path string, start int64) []*batch.Record {
	t.Helper()
	if start == 0 {
		// Every input read from its start is read as a stream too.
		batch.CheckStream(t, path, batch.ReaderOptions{MaxRecordBytes: 1 << 20})
	}
	r, err := batch.OpenAt(path, start, batch.ReaderOptions{MaxRecordBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return batch.Drain(t, r, 1000)
}

// outcome is a record reduced to what the tests check.
func outcome(r *batch.Record) string {
	switch {
	case r.Err != nil:
		if errors.Is(r.Err, batch.ErrRecordTooLarge) {
			return "too_large"
		}
		return "error"
	case r.Skip != "":
		return r.Skip
	case r.Text:
		return "text:" + r.URL
	}
	return "html:" + r.URL
}

func TestWARCRecords(t *testing.T) {
	big := bytes.Repeat([]byte("<p>x</p>"), (1<<20)/8+10)
	pages := []batchtest.Page{
		{Type: "warcinfo", Body: []byte("software: test\r\n"), ContentType: "application/warc-fields"},
		{URL: "https://a.test/1", Body: []byte(page)},
		{Type: "request", URL: "https://a.test/1"},
		{URL: "https://a.test/404", Status: 404, Body: []byte(page)},
		{URL: "https://a.test/img", ContentType: "image/png", Body: []byte("\x89PNG\r\n")},
		{URL: "https://a.test/latin", ContentType: "text/html; charset=iso-8859-1", Body: []byte("<p>caf\xc3\xa9</p>")},
		{URL: "https://a.test/xhtml", ContentType: "application/xhtml+xml", Body: []byte(page)},
		{URL: "https://a.test/big", Body: big},
		{Type: "conversion", URL: "https://a.test/wet", Body: []byte("Title\nSome text.\n")},
		{URL: "https://a.test/last", Body: []byte(page)},
	}
	want := []string{"warc_warcinfo", "html:https://a.test/1", "warc_request", "status_404", "not_html",
		"html:https://a.test/latin", "html:https://a.test/xhtml", "too_large", "text:https://a.test/wet", "html:https://a.test/last"}
	for _, gz := range []bool{false, true} {
		name := map[bool]string{false: "plain", true: "gzip"}[gz]
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.warc")
			if err := batchtest.WriteWARC(path, gz, pages); err != nil {
				t.Fatal(err)
			}
			recs := readAll(t, path, 0)
			var got []string
			for _, r := range recs {
				got = append(got, outcome(r))
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("records:\n got %v\nwant %v", got, want)
			}
			if string(recs[1].Body) != page || recs[1].HTTPStatus != 200 || recs[1].Date == "" || recs[1].ID == "" {
				t.Errorf("record 1 = %+v", recs[1])
			}
			// Resuming at a record's offset reads from that record on.
			again := readAll(t, path, recs[5].Offset)
			if len(again) != len(recs)-5 || again[0].URL != recs[5].URL {
				t.Errorf("OpenAt(%d) gave %d records starting %q", recs[5].Offset, len(again), again[0].URL)
			}
		})
	}
}

func TestBrokenWARC(t *testing.T) {
	ok := func(u string) batchtest.Page { return batchtest.Page{URL: "https://a.test/" + u, Body: []byte(page)} }
	tests := []struct {
		name  string
		gz    bool
		pages []batchtest.Page
		want  string
	}{
		{"gzip member cut short mid-file", true,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), Cut: 30}, ok("u3")},
			"html:https://a.test/u1 error html:https://a.test/u3"},
		{"gzip header cut short mid-file", true,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), CutTo: 60}, ok("u3")},
			"html:https://a.test/u1 error html:https://a.test/u3"},
		{"gzip member cut short at the end", true,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), Cut: 30}},
			"html:https://a.test/u1 error"},
		{"plain body cut short at the end", false,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), Cut: 20}},
			"html:https://a.test/u1 error"},
		{"plain body cut short mid-file", false,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), Cut: 20}, ok("u3")},
			"html:https://a.test/u1 error html:https://a.test/u3"},
		{"plain header cut short mid-file", false,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), CutTo: 100}, ok("u3")},
			"html:https://a.test/u1 error html:https://a.test/u3"},
		{"plain header cut short at the end", false,
			[]batchtest.Page{ok("u1"), {URL: "https://a.test/u2", Body: []byte(page), CutTo: 40}},
			"html:https://a.test/u1 error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.warc")
			if err := batchtest.WriteWARC(path, tt.gz, tt.pages); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range readAll(t, path, 0) {
				got = append(got, outcome(r))
			}
			if s := strings.Join(got, " "); s != tt.want {
				t.Fatalf("got %q, want %q", s, tt.want)
			}
		})
	}
}

func TestFolderAndJSONL(t *testing.T) {
	dir := t.TempDir()
	pages := filepath.Join(dir, "pages")
	if err := os.MkdirAll(filepath.Join(pages, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"a.html": page, "sub/b.htm": page, "c.txt": "no"} {
		if err := os.WriteFile(filepath.Join(pages, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recs := readAll(t, pages, 0)
	if len(recs) != 2 || !strings.HasSuffix(recs[1].File, "b.htm") || string(recs[0].Body) != page {
		t.Errorf("folder records = %d %+v", len(recs), recs)
	}
	if again := readAll(t, pages, 1); len(again) != 1 || again[0].Offset != 1 {
		t.Errorf("folder resume gave %d records", len(again))
	}

	jl := filepath.Join(dir, "p.jsonl")
	lines := `{"url":"https://a.test/1","html":"<p>one</p>"}` + "\n\n" + `not json` + "\n" + `{"url":"https://a.test/2","html":"<p>two</p>"}` + "\n"
	if err := os.WriteFile(jl, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	recs = readAll(t, jl, 0)
	for _, r := range recs {
		got = append(got, outcome(r))
	}
	if s := strings.Join(got, " "); s != "html:https://a.test/1 error html:https://a.test/2" {
		t.Errorf("jsonl = %q", s)
	}
	if again := readAll(t, jl, recs[2].Offset); len(again) != 1 || again[0].URL != "https://a.test/2" {
		t.Errorf("jsonl resume = %+v", again)
	}
}

// readFrom drains a reader opened at a record's position.
func readFrom(t *testing.T, path string, pos batch.Position) []*batch.Record {
	t.Helper()
	r, err := batch.OpenPosition(path, pos, batch.ReaderOptions{MaxRecordBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	return batch.Drain(t, r, 1000)
}

func outcomes(recs []*batch.Record) string {
	var s []string
	for _, r := range recs {
		s = append(s, outcome(r))
	}
	return strings.Join(s, " ")
}

// distinct is a page of its own for u, whose gzipped form is not a copy
// of the page before it, so a cut in a gzip stream lands in one record.
func distinct(u string) batchtest.Page {
	var b strings.Builder
	h := uint64(len(u)) * 0x9e3779b97f4a7c15
	for _, c := range u {
		h = (h ^ uint64(c)) * 0x100000001b3
	}
	for range 40 {
		h ^= h << 13
		h ^= h >> 7
		h ^= h << 17
		fmt.Fprintf(&b, "%016x ", h)
	}
	body := `<!doctype html><html><body><article><p>` + u + ` ` + b.String() + `</p></article></body></html>`
	return batchtest.Page{URL: "https://a.test/" + u, Body: []byte(body)}
}

// TestWARCGzipLayouts: every record of every gzip member is read, once
// and in order, whether a member holds one record, two, all of them (a
// WARC gzipped as one stream) or a mix; and a reader opened at a record's
// position yields that record and the ones after it. Records after the
// first of a member used to be dropped.
func TestWARCGzipLayouts(t *testing.T) {
	pages := []batchtest.Page{
		{Type: "warcinfo", Body: []byte("software: test\r\n"), ContentType: "application/warc-fields"},
		distinct("u1"),
		{Type: "request", URL: "https://a.test/u1"},
		{URL: "https://a.test/404", Status: 404, Body: []byte(page)},
		distinct("u2"),
		{Type: "conversion", URL: "https://a.test/wet", Body: []byte("Title\nSome text.\n")},
		distinct("u3"),
		{URL: "https://a.test/img", ContentType: "image/png", Body: []byte("\x89PNG\r\n")},
		distinct("u4"),
	}
	want := "warc_warcinfo html:https://a.test/u1 warc_request status_404 html:https://a.test/u2 " +
		"text:https://a.test/wet html:https://a.test/u3 not_html html:https://a.test/u4"
	layouts := []struct {
		name  string
		sizes []int // records per gzip member; nil: plain WARC
	}{
		{"plain", nil},
		{"one record per member", []int{1}},
		{"one gzip stream", []int{0}},
		{"two per member", []int{2}},
		{"mixed", []int{1, 3, 2, 0}},
	}
	for _, tt := range layouts {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.warc")
			var err error
			if tt.sizes == nil {
				err = batchtest.WriteWARC(path, false, pages)
			} else {
				err = batchtest.WriteWARCMembers(path, tt.sizes, pages)
			}
			if err != nil {
				t.Fatal(err)
			}
			recs := readAll(t, path, 0)
			if got := outcomes(recs); got != want {
				t.Fatalf("records:\n got %s\nwant %s", got, want)
			}
			for i, r := range recs {
				if i > 0 {
					prev := recs[i-1]
					if r.Offset < prev.Offset || r.Offset == prev.Offset && r.InMember <= prev.InMember {
						t.Errorf("record %d at (%d, %d) is not after (%d, %d)", i, r.Offset, r.InMember, prev.Offset, prev.InMember)
					}
				}
				again := readFrom(t, path, batch.Position{Offset: r.Offset, InMember: r.InMember})
				if got, want := outcomes(again), outcomes(recs[i:]); got != want {
					t.Errorf("opened at record %d (%d, %d):\n got %s\nwant %s", i, r.Offset, r.InMember, got, want)
				}
			}
			if b := recs[1].Body; !bytes.Equal(b, pages[1].Body) {
				t.Errorf("record 1 body = %q", b)
			}
		})
	}
}

// TestBrokenGzipMembers: a broken record inside a gzip member of several
// records is reported once and the records around it are read.
func TestBrokenGzipMembers(t *testing.T) {
	u := func(names ...string) []batchtest.Page {
		var ps []batchtest.Page
		for _, n := range names {
			ps = append(ps, distinct(n))
		}
		return ps
	}
	cutLast := func(ps []batchtest.Page, n int) []batchtest.Page {
		ps[len(ps)-1].Cut = n
		return ps
	}
	cutAt := func(ps []batchtest.Page, i, n int) []batchtest.Page {
		ps[i].Cut = n
		return ps
	}
	tests := []struct {
		name  string
		sizes []int
		pages []batchtest.Page
		// lengthDelta changes the WARC Content-Length of the second record
		// before the file is gzipped as one stream.
		lengthDelta int
		want        string
	}{
		{"one stream cut at the end", []int{0}, cutLast(u("u1", "u2", "u3", "u4"), 10), 0,
			"html:https://a.test/u1 html:https://a.test/u2 html:https://a.test/u3 error"},
		{"one stream cut inside the last record", []int{0}, cutLast(u("u1", "u2", "u3", "u4"), 200), 0,
			"html:https://a.test/u1 html:https://a.test/u2 html:https://a.test/u3 error"},
		{"two per member, a member cut short mid-file", []int{2}, cutAt(u("u1", "u2", "u3", "u4", "u5", "u6"), 3, 30), 0,
			"html:https://a.test/u1 html:https://a.test/u2 html:https://a.test/u3 error html:https://a.test/u5 html:https://a.test/u6"},
		{"one stream, a Content-Length too long", []int{0}, u("u1", "u2", "u3", "u4"), 40,
			"html:https://a.test/u1 error html:https://a.test/u3 html:https://a.test/u4"},
		{"one stream, a Content-Length too short", []int{0}, u("u1", "u2", "u3", "u4"), -40,
			"html:https://a.test/u1 error html:https://a.test/u3 html:https://a.test/u4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.warc.gz")
			if tt.lengthDelta == 0 {
				if err := batchtest.WriteWARCMembers(path, tt.sizes, tt.pages); err != nil {
					t.Fatal(err)
				}
			} else {
				writeOneStream(t, path, tt.pages, 1, tt.lengthDelta)
			}
			recs := readAll(t, path, 0)
			if got := outcomes(recs); got != tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
			for i, r := range recs {
				again := readFrom(t, path, batch.Position{Offset: r.Offset, InMember: r.InMember})
				if got, want := outcomes(again), outcomes(recs[i:]); got != want {
					t.Errorf("opened at record %d (%d, %d):\n got %s\nwant %s", i, r.Offset, r.InMember, got, want)
				}
			}
		})
	}
}

// writeOneStream writes pages as a WARC gzipped as one stream, with the
// WARC Content-Length of record i changed by delta.
func writeOneStream(t *testing.T, path string, pages []batchtest.Page, i, delta int) {
	t.Helper()
	var plain []byte
	for j, p := range pages {
		b, err := batchtest.Record(p, false)
		if err != nil {
			t.Fatal(err)
		}
		if j == i {
			head, rest, _ := bytes.Cut(b, []byte("\r\n\r\n"))
			lines := strings.Split(string(head), "\r\n")
			for k, l := range lines {
				if n, ok := strings.CutPrefix(l, "Content-Length: "); ok {
					v, _ := strconv.Atoi(n)
					lines[k] = "Content-Length: " + strconv.Itoa(v+delta)
				}
			}
			b = append([]byte(strings.Join(lines, "\r\n")+"\r\n\r\n"), rest...)
		}
		plain = append(plain, b...)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(plain)
	zw.Close()
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestUnusableRecordsInARow: records that are whole but cannot be used
// (here an unsupported Content-Encoding) each get their error, however
// many come in a row. The ones after the first used to be passed over as
// false starts.
func TestUnusableRecordsInARow(t *testing.T) {
	br := func(u string) batchtest.Page {
		return batchtest.Page{URL: "https://a.test/" + u, Header: "Content-Encoding: br\r\n", Body: []byte("\x1b\x2c\x00\xf8\x25\x0c\x77\x00\x01")}
	}
	pages := []batchtest.Page{distinct("u1"), br("b1"), br("b2"), br("b3"), distinct("u2"), br("b4"), br("b5")}
	want := "html:https://a.test/u1 error error error html:https://a.test/u2 error error"
	for _, sizes := range [][]int{nil, {1}, {0}, {2}} {
		t.Run(fmt.Sprint(sizes), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "a.warc")
			var err error
			if sizes == nil {
				err = batchtest.WriteWARC(path, false, pages)
			} else {
				err = batchtest.WriteWARCMembers(path, sizes, pages)
			}
			if err != nil {
				t.Fatal(err)
			}
			recs := readAll(t, path, 0)
			if got := outcomes(recs); got != want {
				t.Fatalf("got  %s\nwant %s", got, want)
			}
			for _, r := range recs {
				if r.Err != nil && (r.URL == "" || !strings.Contains(r.Err.Error(), "Content-Encoding")) {
					t.Errorf("record %q: error %v", r.URL, r.Err)
				}
			}
		})
	}
}

// TestGzipMemberChecksum: when a member of several records fails its
// checksum, its last record gets the error (as a record alone in its
// member does), the others are read, and so is the next member.
func TestGzipMemberChecksum(t *testing.T) {
	dir := t.TempDir()
	first := filepath.Join(dir, "first.warc.gz")
	if err := batchtest.WriteWARCMembers(first, []int{0}, []batchtest.Page{distinct("u1"), distinct("u2")}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	data[len(data)-8] ^= 0xff // the first byte of the member's CRC-32
	next, err := batchtest.Record(distinct("u3"), true)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "a.warc.gz")
	if err := os.WriteFile(path, append(data, next...), 0o644); err != nil {
		t.Fatal(err)
	}
	recs := readAll(t, path, 0)
	if got, want := outcomes(recs), "html:https://a.test/u1 error html:https://a.test/u3"; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if err := recs[1].Err; !strings.Contains(err.Error(), "checksum") || recs[1].URL != "https://a.test/u2" {
		t.Errorf("record 2: %q %v", recs[1].URL, err)
	}
}
