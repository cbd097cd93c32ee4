package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/fetch"
	"github.com/winnow-go/winnow/internal/batchtest"
	"github.com/winnow-go/winnow/internal/bombtest"
)

// TestExtractMaxBytes: --max-bytes caps each input once gunzipped (a file,
// standard input, a fetched page gzipped on the wire and inside), and a
// gzip bomb stops inflating at the cap with a one-line "too large" error
// instead of expanding to the library's cap and extracting it.
func TestExtractMaxBytes(t *testing.T) {
	paras := bombtest.GzipBomb(t, "<p>a</p>", 100<<20)
	dir := t.TempDir()
	bombFile := filepath.Join(dir, "bomb.html.gz")
	if err := os.WriteFile(bombFile, paras, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// A .gz file sent with Content-Encoding: gzip: inflated once by the
		// fetcher (150 KB), and again by the decoder.
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		zw.Write(paras)
		zw.Close()
	}))
	defer srv.Close()
	page := "<html><body><article><h1>Floods</h1>" + strings.Repeat("<p>The river rose overnight and the town woke to water in its streets.</p>", 8) + "</article></body></html>"

	cases := []struct {
		name    string
		args    []string
		stdin   []byte
		tooBig  bool
		bound   uint64
		wantErr string
	}{
		{name: "file", args: []string{"--max-bytes", "1MB", bombFile}, tooBig: true, bound: 8 << 20},
		{name: "stdin", args: []string{"--max-bytes", "1048576"}, stdin: paras, tooBig: true, bound: 8 << 20},
		{name: "fetched", args: []string{"--max-bytes", "1MB", srv.URL}, tooBig: true, bound: 8 << 20},
		// The default cap is the library's, 16 MB: the bomb stops there.
		{name: "default cap", args: []string{bombFile}, tooBig: true, bound: 40 << 20},
		{name: "page under the cap", args: []string{"--max-bytes", "64KB"}, stdin: bombtest.GzipBomb(t, page, len(page)), bound: 8 << 20},
		{name: "page over the cap", args: []string{"--max-bytes", "256"}, stdin: []byte(page), tooBig: true, bound: 8 << 20},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			env := extractEnv{stdin: bytes.NewReader(c.stdin), stdout: &out, stderr: &errOut,
				fetch: fetchCapped(fetch.Options{AllowPrivate: true}), extract: winnow.ExtractContext}
			var code int
			n := bombtest.Allocated(func() { code = extract(c.args, env) })
			t.Logf("exit %d, %d KB allocated, stderr %q", code, n>>10, errOut.String())
			tooBig := strings.Contains(errOut.String(), "too large")
			if c.tooBig && (code != exitUsage || !tooBig || strings.Count(errOut.String(), "\n") != 1) {
				t.Errorf("exit %d, stderr %q; want 2 and one line saying too large", code, errOut.String())
			}
			if !c.tooBig && (code == exitUsage || tooBig) {
				t.Errorf("exit %d, stderr %q; want the page extracted", code, errOut.String())
			}
			if n > c.bound {
				t.Errorf("allocated %d MB; want under %d MB", n>>20, c.bound>>20)
			}
		})
	}
}

// TestMaxBytesFlag: sizes read as bytes or with a suffix; others are refused.
func TestMaxBytesFlag(t *testing.T) {
	for in, want := range map[string]int64{"1048576": 1 << 20, "512KB": 512 << 10, "16MB": 16 << 20, "1gb": 1 << 30} {
		var b byteSize
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, b, err, want)
		}
	}
	for _, in := range []string{"", "0", "-1", "ten", "1TB", "1.5MB"} {
		var b byteSize
		if err := b.Set(in); err == nil {
			t.Errorf("Set(%q) = %d, want an error", in, b)
		}
	}
	for _, args := range [][]string{{"--max-bytes", "lots", "-"}, {"--max-bytes", "0", "-"}} {
		var out, errOut bytes.Buffer
		env := extractEnv{stdin: strings.NewReader("<p>x</p>"), stdout: &out, stderr: &errOut, extract: winnow.ExtractContext}
		if code := extract(args, env); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestFlattenMaxBytes: "winnow flatten --max-bytes" caps the page once
// gunzipped, and the bomb stops inflating at the cap.
func TestFlattenMaxBytes(t *testing.T) {
	paras := bombtest.GzipBomb(t, "<p>a</p>", 100<<20)
	for _, c := range []struct {
		args  []string
		bound uint64
	}{
		{[]string{"--max-bytes", "1MB"}, 8 << 20},
		{nil, 40 << 20}, // the library's default, 16 MB
	} {
		var out, errOut bytes.Buffer
		var code int
		n := bombtest.Allocated(func() { code = flatten(c.args, bytes.NewReader(paras), &out, &errOut) })
		if code != exitUsage || !strings.Contains(errOut.String(), "too large") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and too large", c.args, code, errOut.String())
		}
		if n > c.bound {
			t.Errorf("%q: allocated %d MB; want under %d MB", c.args, n>>20, c.bound>>20)
		}
	}
	var out, errOut bytes.Buffer
	if code := flatten([]string{"--max-bytes", "1KB"}, strings.NewReader("<p>small page</p>"), &out, &errOut); code != exitOK || out.String() != "small page\n" {
		t.Errorf("small page: exit %d, stdout %q, stderr %q", code, out.String(), errOut.String())
	}
}

// TestBatchMaxRecord: --max-record-mb caps a record's page once gunzipped,
// not only its bytes in the WARC: a 40 KB record that inflates to 4 MB is
// an error line with --max-record-mb 1, and a small page beside it is
// extracted.
func TestBatchMaxRecord(t *testing.T) {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte("<html><body><p>A page with a long comment.</p><!--"))
	zw.Write(bytes.Repeat([]byte("comment "), 4<<20/8))
	zw.Write([]byte("--></body></html>"))
	zw.Close()
	page := "<html><body><article><h1>Floods</h1>" + strings.Repeat("<p>The river rose overnight and the town woke to water in its streets.</p>", 8) + "</article></body></html>"
	dir := t.TempDir()
	in := filepath.Join(dir, "in.warc.gz")
	if err := batchtest.WriteWARC(in, true, []batchtest.Page{
		{URL: "https://a.test/bomb", Body: b.Bytes()},
		{URL: "https://a.test/floods", Body: []byte(page)},
	}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	var stderr bytes.Buffer
	if code := batchMain([]string{"-q", "--max-record-mb", "1", "-o", out, in}, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var l struct{ URL, Status, Error string }
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got[l.URL] = l.Status + " " + l.Error
	}
	if g := got["https://a.test/bomb"]; !strings.HasPrefix(g, "error ") || !strings.Contains(g, "too large") {
		t.Errorf("bomb record: %q, want an error line saying too large", g)
	}
	if g := got["https://a.test/floods"]; !strings.HasPrefix(g, "ok ") {
		t.Errorf("small record: %q, want ok", g)
	}
}

// TestMaxElementsFlag: --max-elements sets the element budget of extract,
// flatten, batch and serve: a page over it is refused as too complex, -1
// lifts it, and the default is the library's.
func TestMaxElementsFlag(t *testing.T) {
	page := "<html><body><article><h1>Floods</h1>" + strings.Repeat("<p>The river rose overnight and the town woke to water in its streets.</p>", 300) + "</article></body></html>"
	for _, c := range []struct {
		args    []string
		refused bool
	}{
		{nil, false},
		{[]string{"--max-elements", "100"}, true},
		{[]string{"--max-elements", "1000"}, false},
		{[]string{"--max-elements", "-1"}, false},
	} {
		var out, errOut bytes.Buffer
		env := extractEnv{stdin: strings.NewReader(page), stdout: &out, stderr: &errOut, extract: winnow.ExtractContext}
		code := extract(c.args, env)
		refused := strings.Contains(errOut.String(), "too complex")
		if refused != c.refused || (code == exitOK) == c.refused {
			t.Errorf("extract %q: exit %d, stderr %q; want refused %v", c.args, code, errOut.String(), c.refused)
		}
		out.Reset()
		errOut.Reset()
		code = flatten(c.args, strings.NewReader(page), &out, &errOut)
		refused = strings.Contains(errOut.String(), "too complex")
		if refused != c.refused || (code == exitOK) == c.refused {
			t.Errorf("flatten %q: exit %d, stderr %q; want refused %v", c.args, code, errOut.String(), c.refused)
		}
	}
	for _, tt := range []struct {
		args     []string
		refused  bool
		elements int
	}{
		{nil, false, winnow.DefaultMaxElements},
		{[]string{"--max-elements", "100"}, true, 100},
		{[]string{"--max-elements", "-1"}, false, -1},
	} {
		dir := t.TempDir()
		in := filepath.Join(dir, "in.warc.gz")
		if err := batchtest.WriteWARC(in, true, []batchtest.Page{{URL: "https://a.test/floods", Body: []byte(page)}}); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "out.jsonl")
		var stderr bytes.Buffer
		if code := batchMain(append([]string{"-q", "-o", out}, append(tt.args, in)...), &stderr); code != exitOK {
			t.Fatalf("batch %q: exit %d: %s", tt.args, code, stderr.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var l struct{ Status, Error string }
		if err := json.Unmarshal(bytes.TrimSpace(data), &l); err != nil {
			t.Fatalf("%v: %s", err, data)
		}
		if refused := l.Status == "error" && strings.Contains(l.Error, "too complex"); refused != tt.refused {
			t.Errorf("batch %q: line %+v; want refused %v", tt.args, l, tt.refused)
		}
		var serr bytes.Buffer
		st, err := parseServe(tt.args, func(string) string { return "" }, &serr)
		if err != nil || st.config.MaxElements != tt.elements {
			t.Errorf("serve %q: MaxElements %d, err %v %s; want %d", tt.args, st.config.MaxElements, err, serr.String(), tt.elements)
		}
	}
	st, err := parseServe(nil, func(k string) string { return map[string]string{"WINNOW_MAX_ELEMENTS": "2000"}[k] }, io.Discard)
	if err != nil || st.config.MaxElements != 2000 {
		t.Errorf("WINNOW_MAX_ELEMENTS=2000: MaxElements %d, err %v", st.config.MaxElements, err)
	}
	for _, args := range [][]string{{"--max-elements", "0", "-"}, {"--max-elements", "x", "-"}} {
		var out, errOut bytes.Buffer
		env := extractEnv{stdin: strings.NewReader(page), stdout: &out, stderr: &errOut, extract: winnow.ExtractContext}
		if code := extract(args, env); code != exitUsage {
			t.Errorf("%q: exit %d, want %d", args, code, exitUsage)
		}
	}
}
