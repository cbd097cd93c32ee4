package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/fetch"
)

// fakeArticle is what the fake engine finds on a page holding "article".
func fakeArticle(opts winnow.Options) *article.Article {
	return &article.Article{
		Metadata: article.Metadata{URL: opts.URL, Title: "Storm", Authors: []string{}, Tags: []string{}},
		Status:   article.StatusOK,
		Text:     "The storm hit.",
		Blocks:   []article.Block{{Type: article.Paragraph, Text: "The storm hit."}},
		Removed:  []article.Removal{{Text: "Share on Facebook", Reason: article.ReasonShare}},
	}
}

// fakeExtract stands in for the engine, so the command's own behaviour is
// tested whatever the engine decides: "article" in the input gives an
// article, "listing" a not_article page, "boom" a panic, anything else
// goes to the real winnow.Extract.
func fakeExtract(got *winnow.Options) func(context.Context, []byte, winnow.Options) (*article.Article, error) {
	return func(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error) {
		if got != nil {
			*got = opts
		}
		switch {
		case bytes.Contains(data, []byte("article")):
			return fakeArticle(opts), nil
		case bytes.Contains(data, []byte("listing")):
			a := &article.Article{Metadata: article.Metadata{Title: "Home"}, Status: article.StatusNotArticle}
			return a, &winnow.NoArticleError{Status: a.Status}
		case bytes.Contains(data, []byte("boom")):
			panic("engine bug")
		}
		return winnow.ExtractContext(ctx, data, opts)
	}
}

type cliResult struct {
	code           int
	stdout, stderr string
}

func runCLI(t *testing.T, args []string, stdin string, got *winnow.Options) cliResult {
	t.Helper()
	var out, errOut bytes.Buffer
	code := extract(args, extractEnv{
		stdin:   strings.NewReader(stdin),
		stdout:  &out,
		stderr:  &errOut,
		extract: fakeExtract(got),
	})
	return cliResult{code, out.String(), errOut.String()}
}

func TestExtractCLI(t *testing.T) {
	dir := t.TempDir()
	file := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := file("good.html", "<p>article</p>")
	listing := file("home.html", "<p>listing</p>")
	boom := file("boom.html", "<p>boom</p>")
	empty := file("empty.html", "")
	missing := filepath.Join(dir, "missing.html")
	dated := file("dated.html", `<meta name="date" content="2024-01-02"><body><h1>Storm hits coast</h1>`+
		`<p>The storm hit the coast overnight and the town woke to flooded streets and fallen trees.</p></body>`)

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantOut    string // exact, unless "~" starts it: then a substring
		wantErr    string // substring of stderr; "" means stderr is empty
		wantLines  int    // JSON lines on stdout, when > 0
		errOneLine bool
	}{
		{name: "file as text", args: []string{good}, wantCode: 0, wantOut: "The storm hit.\n"},
		{name: "stdin by default", args: nil, stdin: "article", wantCode: 0, wantOut: "The storm hit.\n"},
		{name: "stdin dash", args: []string{"-"}, stdin: "article", wantCode: 0, wantOut: "The storm hit.\n"},
		{name: "flags after the file", args: []string{good, "--format", "markdown"}, wantCode: 0,
			wantOut: "# Storm\n\nThe storm hit.\n"},
		{name: "json", args: []string{"--format=json", good}, wantCode: 0, wantOut: `~"title": "Storm"`},
		{name: "jsonl with one input has source", args: []string{"--format", "jsonl", good}, wantCode: 0,
			wantOut: `~{"source":{"file":"` + good + `"},"url":""`, wantLines: 1},
		{name: "html", args: []string{"--format", "html", good}, wantCode: 0, wantOut: "~<h1>Storm</h1>"},
		{name: "explain on stderr", args: []string{"--explain", good}, wantCode: 0,
			wantOut: "The storm hit.\n", wantErr: "removed share:"},
		{name: "explain names the metadata sources", args: []string{"--explain", dated}, wantCode: 0,
			wantOut: "~flooded streets", wantErr: "source  published:       meta:date"},
		{name: "no article", args: []string{listing}, wantCode: 1, wantOut: "",
			wantErr: "no article on the page (status not_article)", errOneLine: true},
		{name: "no article as json keeps status", args: []string{listing, "--format", "json"}, wantCode: 1,
			wantOut: `~"status": "not_article"`, wantErr: "not_article"},
		{name: "empty input", args: []string{empty}, wantCode: 2, wantOut: "", wantErr: "empty input", errOneLine: true},
		{name: "empty stdin", stdin: "", wantCode: 2, wantOut: "", wantErr: "standard input: empty input", errOneLine: true},
		{name: "missing file", args: []string{missing}, wantCode: 2, wantOut: "", wantErr: "missing.html", errOneLine: true},
		{name: "engine panic is an error", args: []string{boom}, wantCode: 2, wantOut: "", wantErr: "internal error", errOneLine: true},
		{name: "several inputs, worst code", args: []string{good, listing, missing}, wantCode: 2, wantLines: 3,
			wantOut: `~{"source":{"file":"` + listing + `"},"url":"","title":"Home"`, wantErr: "missing.html"},
		{name: "several inputs all fine", args: []string{good, good}, wantCode: 0, wantLines: 2, wantOut: `~"status":"ok"`},
		{name: "no article among several", args: []string{good, listing}, wantCode: 1, wantLines: 2,
			wantOut: `~"error":"no article: not_article"`, wantErr: "not_article"},
		{name: "unknown format", args: []string{"--format", "pdf", good}, wantCode: 2, wantOut: "", wantErr: "unknown format"},
		{name: "unknown flag", args: []string{"--nope", good}, wantCode: 2, wantOut: "", wantErr: "nope"},
		{name: "precision and recall", args: []string{"--precision", "--recall", good}, wantCode: 2, wantOut: "", wantErr: "together"},
		{name: "bad input kind", args: []string{"--input", "pdf", good}, wantCode: 2, wantOut: "", wantErr: "--input"},
		{name: "--input given a list points to -i", args: []string{"--input", "urls.txt"}, wantCode: 2, wantOut: "", wantErr: "-i FILE reads a list"},
		{name: "stdin twice", args: []string{"-", "-"}, wantCode: 2, wantOut: "", wantErr: "only once"},
		{name: "help", args: []string{"-h"}, wantCode: 0, wantOut: "", wantErr: "Usage: winnow extract"},
		{name: "after --, a flag-like name is a file", args: []string{"--", "--format"}, wantCode: 2, wantOut: "",
			wantErr: "--format: open"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args, tt.stdin, nil)
			if r.code != tt.wantCode {
				t.Errorf("exit code %d, want %d (stderr %q)", r.code, tt.wantCode, r.stderr)
			}
			if sub, ok := strings.CutPrefix(tt.wantOut, "~"); ok {
				if !strings.Contains(r.stdout, sub) {
					t.Errorf("stdout %q does not contain %q", r.stdout, sub)
				}
			} else if r.stdout != tt.wantOut {
				t.Errorf("stdout %q, want %q", r.stdout, tt.wantOut)
			}
			if tt.wantErr == "" && r.stderr != "" {
				t.Errorf("stderr %q, want none", r.stderr)
			}
			if !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("stderr %q does not contain %q", r.stderr, tt.wantErr)
			}
			if tt.errOneLine && strings.Count(r.stderr, "\n") != 1 {
				t.Errorf("stderr is not one line: %q", r.stderr)
			}
			if tt.wantLines > 0 {
				lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
				if len(lines) != tt.wantLines {
					t.Errorf("%d lines, want %d: %q", len(lines), tt.wantLines, r.stdout)
				}
				for _, ln := range lines {
					var rec map[string]any
					if err := json.Unmarshal([]byte(ln), &rec); err != nil || rec["source"] == nil {
						t.Errorf("line %q: not a JSON object with a source (%v)", ln, err)
					}
				}
			}
		})
	}
}

func TestExtractOptions(t *testing.T) {
	var got winnow.Options
	r := runCLI(t, []string{"-", "--links", "--no-images", "--recall", "--input", "text",
		"--content-type", "text/html; charset=koi8-r", "--url", "https://example.org/a", "--explain", "--articles-only", "--max-bytes", "2MB", "--max-elements", "1000"}, "article", &got)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	want := winnow.Options{URL: "https://example.org/a", ContentType: "text/html; charset=koi8-r",
		Focus: winnow.Recall, Input: winnow.InputText, KeepLinks: true, DropImages: true, Explain: true, ArticlesOnly: true, MaxBytes: 2 << 20, MaxElements: 1000}
	if got != want {
		t.Errorf("options %+v, want %+v", got, want)
	}
	runCLI(t, []string{"--precision", "--input", "html", "-"}, "article", &got)
	if got.Focus != winnow.Precision || got.Input != winnow.InputHTML || got.KeepLinks || got.MaxBytes != winnow.DefaultMaxBytes || got.MaxElements != winnow.DefaultMaxElements {
		t.Errorf("options %+v", got)
	}
}

func TestExtractURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/story":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<p>article</p>"))
		case "/old":
			http.Redirect(w, r, "/story", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()

	var got winnow.Options
	r := runCLI(t, []string{srv.URL + "/old"}, "", &got)
	if r.code != 0 || r.stdout != "The storm hit.\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if got.URL != srv.URL+"/story" || got.ContentType != "text/html; charset=utf-8" {
		t.Errorf("options from the fetch: URL %q, Content-Type %q", got.URL, got.ContentType)
	}
	r = runCLI(t, []string{"--url", "https://example.org/x", srv.URL + "/story"}, "", &got)
	if r.code != 0 || got.URL != "https://example.org/x" {
		t.Errorf("--url should win over the fetched URL: exit %d, URL %q", r.code, got.URL)
	}
	r = runCLI(t, []string{srv.URL + "/gone"}, "", nil)
	if r.code != 2 || r.stdout != "" || strings.Count(r.stderr, "\n") != 1 {
		t.Errorf("404: exit %d, stdout %q, stderr %q; want 2 and one line", r.code, r.stdout, r.stderr)
	}
}

// TestExtractRealEngine runs the real winnow.Extract: whatever the engine
// decides, the command must answer 0 or 1 with a page and 2 with a
// one-line error for unreadable input, and never panic.
func TestExtractRealEngine(t *testing.T) {
	page := "<html><head><title>Floods</title></head><body><main><h1>Floods</h1>" +
		strings.Repeat("<p>The river rose overnight and the town woke to water in its streets, shops and homes.</p>", 8) +
		"</main></body></html>"
	var out, errOut bytes.Buffer
	env := extractEnv{stdin: strings.NewReader(page), stdout: &out, stderr: &errOut,
		fetch: fetchCapped(fetch.Options{}), extract: winnow.ExtractContext}
	if code := extract([]string{"--format", "json"}, env); code != 0 && code != 1 {
		t.Errorf("page: exit %d, stderr %q", code, errOut.String())
	}
	var a article.Article
	if err := json.Unmarshal(out.Bytes(), &a); err != nil || a.Status == "" {
		t.Errorf("page: stdout is not an Article: %v %q", err, out.String())
	}
	for _, in := range []string{"", "\x00\x01\x02\x03PK\x03\x04\x00\x00\xff\xfe"} {
		out.Reset()
		errOut.Reset()
		env.stdin = strings.NewReader(in)
		if code := extract(nil, env); code == 2 && strings.Count(errOut.String(), "\n") != 1 {
			t.Errorf("input %q: exit 2 with stderr %q, want one line", in, errOut.String())
		} else if in == "" && code != 2 {
			t.Errorf("empty input: exit %d, want 2", code)
		}
	}
}
