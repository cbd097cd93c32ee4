package batch_test

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/batch"
	"github.com/winnow-go/winnow/internal/batchtest"
)

const page = `<!doctype html><html><head><title>T</title></head><body><article><p>Hello.</p></article></body></html>`

// readAll drains a reader, failing the test on a read error.
func readAll(t *testing.T, path string, start int64) []*batch.Record {
	t.Helper()
	r, err := batch.OpenAt(path, start, batch.ReaderOptions{MaxRecordBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var recs []*batch.Record
	for {
		rec, err := r.Next()
		if rec != nil {
			recs = append(recs, rec)
		}
		if errors.Is(err, io.EOF) {
			return recs
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) > 1000 {
			t.Fatal("reader does not stop")
		}
	}
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
