package server

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/fetch"
	"github.com/winnow-go/winnow/render"
)

// TestReaderPath: which paths are Reader-style targets, and the URL each
// stands for. The server's own paths must never be.
func TestReaderPath(t *testing.T) {
	targets := []struct{ path, want string }{
		{"/https://example.com/a", "https://example.com/a"},
		{"/https://example.com/a?id=3&b=x%20y", "https://example.com/a?id=3&b=x%20y"},
		{"/http://example.com", "http://example.com"},
		{"/HTTPS://Example.com/A", "HTTPS://Example.com/A"},
		{"/https:/example.com/a", "https://example.com/a"}, // a proxy merged the slashes
		{"/example.com/a?id=3", "https://example.com/a?id=3"},
		{"/example.com", "https://example.com"},
		{"/www.example.co.uk/news/", "https://www.example.co.uk/news/"},
		{"/127.0.0.1:8080/x", "https://127.0.0.1:8080/x"},
		{"/https://example.com/a%20b/c%2Fd", "https://example.com/a%20b/c%2Fd"},
		{"/https://example.com/a//b/../c", "https://example.com/a//b/../c"},
		{"/https%3A%2F%2Fexample.com%2Fa%3Fq%3D1", "https://example.com/a?q=1"},
	}
	for _, tt := range targets {
		r := httptest.NewRequest("GET", tt.path, nil)
		if !isReaderPath(r.URL.Path) {
			t.Errorf("%s: not taken for a target", tt.path)
			continue
		}
		if got := readerTarget(r); got != tt.want {
			t.Errorf("%s: target %q, want %q", tt.path, got, tt.want)
		}
	}
	for _, p := range []string{
		"/", "/healthz", "/healthz/", "/metrics", "/openapi.json", "/static/app.js", "/static/", "/static",
		"/v1/extract", "/v1/", "/favicon.ico", "/robots.txt", "/sitemap.xml", "/index.html", "/nothing",
		"/localhost/a", "/.example.com", "/example..com", "/example.com.", "/-a.com", "/example.com:0",
		"/example.com:99999", "/example.com:http", "/exa_mple.com", "//example.com", "/ftp://example.com",
	} {
		if isReaderPath(p) {
			t.Errorf("%s taken for a target", p)
		}
	}
}

// countingFetch counts its calls and answers every URL with a page.
type countingFetch struct {
	mu   sync.Mutex
	urls []string
}

func (c *countingFetch) fetch(ctx context.Context, u string) (*fetch.Page, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.urls = append(c.urls, u)
	return &fetch.Page{URL: u, StatusCode: 200, ContentType: "text/html", Body: []byte("<p>x</p>")}, nil
}

// TestReaderDoesNotShadow: the existing routes answer as before and fetch
// nothing; other paths that are no URL stay 404s.
func TestReaderDoesNotShadow(t *testing.T) {
	s := newTestServer(t, Config{})
	cf := &countingFetch{}
	s.fetch = cf.fetch
	cases := []struct {
		target   string
		code     int
		ctPrefix string
	}{
		{"/", 200, "text/html"},
		{"/healthz", 200, "application/json"},
		{"/metrics", 200, "text/plain"},
		{"/openapi.json", 200, "application/json"},
		{"/static/app.js", 200, "text/javascript"},
		{"/static/style.css", 200, "text/css"},
		{"/static/nope.js", 404, "application/json"},
		{"/static", 404, "application/json"},
		{"/favicon.ico", 404, "application/json"},
		{"/robots.txt", 404, "application/json"},
		{"/v1/other", 404, "application/json"},
		{"/nothing", 404, "application/json"},
		{"/localhost/a", 404, "application/json"},
		{"/?url=https://example.com/a", 200, "text/html"},
	}
	for _, c := range cases {
		r := do(t, s, "GET", c.target, "", nil)
		if r.code != c.code || !strings.HasPrefix(r.header.Get("Content-Type"), c.ctPrefix) {
			t.Errorf("GET %s = %d %s, want %d %s", c.target, r.code, r.header.Get("Content-Type"), c.code, c.ctPrefix)
		}
		if strings.Contains(r.header.Get("Vary"), "X-Return-Format") {
			t.Errorf("GET %s: Vary %q on a route that does not negotiate", c.target, r.header.Get("Vary"))
		}
	}
	if len(cf.urls) != 0 {
		t.Errorf("the server's own paths fetched %v", cf.urls)
	}
	// /v1/extract still fetches its ?url= and answers JSON.
	r := do(t, s, "GET", "/v1/extract?url=https://example.com/a", "", nil)
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") || len(cf.urls) != 1 {
		t.Errorf("GET /v1/extract = %d %s, fetched %v", r.code, r.header.Get("Content-Type"), cf.urls)
	}
}

// TestNegotiate: the format each Accept header gets on GET /{url}.
func TestNegotiate(t *testing.T) {
	browser := "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
	cases := []struct {
		accept string
		want   render.Format // "" = not acceptable
	}{
		{"", render.FormatMarkdown},
		{"*/*", render.FormatMarkdown},
		{"text/*", render.FormatMarkdown},
		{"text/markdown", render.FormatMarkdown},
		{"text/x-markdown", render.FormatMarkdown},
		{"text/plain", render.FormatText},
		{"TEXT/PLAIN; charset=utf-8", render.FormatText},
		{"text/html", render.FormatHTML},
		{"application/json", render.FormatJSON},
		{browser, render.FormatHTML},
		{"text/plain;q=0.5, application/json", render.FormatJSON},
		{"text/markdown;q=0.2, text/plain;q=0.9", render.FormatText},
		{"text/markdown;q=0, */*", render.FormatText},
		{"text/*;q=0.3, application/json;q=0.2", render.FormatMarkdown},
		{"application/json, text/plain", render.FormatText}, // a tie: the earlier offer
		{"garbage", render.FormatMarkdown},                  // nothing readable: as if absent
		{"text/plain;q=2", render.FormatMarkdown},           // an out-of-range weight is skipped
		{"image/png", ""},
		{"*/*;q=0", ""},
		{"application/xml, text/markdown;q=0", ""},
	}
	for _, c := range cases {
		var vals []string
		if c.accept != "" {
			vals = []string{c.accept}
		}
		got, ok := negotiate(vals)
		if c.want == "" {
			if ok {
				t.Errorf("Accept %q: got %s, want not acceptable", c.accept, got)
			}
			continue
		}
		if !ok || got != c.want {
			t.Errorf("Accept %q: got %s (%v), want %s", c.accept, got, ok, c.want)
		}
	}
}

// get sends a GET to h with the given headers.
func get(t *testing.T, h http.Handler, target string, headers map[string]string) response {
	t.Helper()
	req := httptest.NewRequest("GET", target, nil)
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{code: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// TestReaderOptions: what Accept and the X- headers of GET /{url} do,
// answer by answer, and what they hand the engine.
func TestReaderOptions(t *testing.T) {
	s := newTestServer(t, Config{})
	s.fetch = (&countingFetch{}).fetch
	var got winnow.Options
	s.extract = func(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error) {
		got = opts
		return fakeExtract(ctx, data, opts)
	}
	cases := []struct {
		name     string
		headers  map[string]string
		code     int
		ct       string // Content-Type prefix, or the error code
		links    bool
		noImages bool
		focus    winnow.Focus
		// formatting and comments are Options.Formatting and Comments.
		formatting, comments bool
	}{
		{name: "default markdown", code: 200, ct: "text/markdown"},
		{name: "accept text", headers: map[string]string{"Accept": "text/plain"}, code: 200, ct: "text/plain"},
		{name: "accept html", headers: map[string]string{"Accept": "text/html"}, code: 200, ct: "text/html"},
		{name: "accept json", headers: map[string]string{"Accept": "application/json"}, code: 200, ct: "application/json"},
		{name: "X-Return-Format wins", headers: map[string]string{"Accept": "text/plain", "X-Return-Format": "json"}, code: 200, ct: "application/json"},
		{name: "X-Return-Format md", headers: map[string]string{"X-Return-Format": "md"}, code: 200, ct: "text/markdown"},
		{name: "not acceptable", headers: map[string]string{"Accept": "image/png"}, code: 406, ct: "not_acceptable"},
		{name: "bad format", headers: map[string]string{"X-Return-Format": "pdf"}, code: 400, ct: "bad_format"},
		{name: "links", headers: map[string]string{"X-With-Links": "true"}, code: 200, ct: "text/markdown", links: true},
		{name: "no images", headers: map[string]string{"X-No-Images": "1"}, code: 200, ct: "text/markdown", noImages: true},
		{name: "with images 0", headers: map[string]string{"X-With-Images": "0"}, code: 200, ct: "text/markdown", noImages: true},
		{name: "with images 1", headers: map[string]string{"X-With-Images": "1"}, code: 200, ct: "text/markdown"},
		{name: "images disagree", headers: map[string]string{"X-With-Images": "1", "X-No-Images": "1"}, code: 400, ct: "bad_parameter"},
		{name: "focus precision", headers: map[string]string{"X-Focus": "precision"}, code: 200, ct: "text/markdown", focus: winnow.Precision},
		{name: "focus recall", headers: map[string]string{"X-Focus": "Recall"}, code: 200, ct: "text/markdown", focus: winnow.Recall},
		{name: "bad focus", headers: map[string]string{"X-Focus": "max"}, code: 400, ct: "bad_parameter"},
		{name: "bad bool", headers: map[string]string{"X-With-Links": "maybe"}, code: 400, ct: "bad_parameter"},
		{name: "formatting", headers: map[string]string{"X-With-Formatting": "1"}, code: 200, ct: "text/markdown", formatting: true},
		{name: "comments", headers: map[string]string{"X-With-Comments": "yes"}, code: 200, ct: "text/markdown", comments: true},
		{name: "both off", headers: map[string]string{"X-With-Formatting": "0", "X-With-Comments": "false"}, code: 200, ct: "text/markdown"},
		{name: "bad formatting", headers: map[string]string{"X-With-Formatting": "bold"}, code: 400, ct: "bad_parameter"},
		{name: "bad comments", headers: map[string]string{"X-With-Comments": "all"}, code: 400, ct: "bad_parameter"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got = winnow.Options{}
			r := get(t, s, "/https://example.com/a?id=3", c.headers)
			if r.code != c.code {
				t.Fatalf("code %d, want %d: %s", r.code, c.code, r.body)
			}
			if vary := r.header.Get("Vary"); !strings.HasPrefix(vary, "Accept") || !strings.Contains(vary, "X-Return-Format") ||
				!strings.Contains(vary, "X-With-Formatting") || !strings.Contains(vary, "X-With-Comments") {
				t.Errorf("Vary = %q", vary)
			}
			if c.code != 200 {
				if code := errorCode(t, r); code != c.ct {
					t.Errorf("error %s, want %s", code, c.ct)
				}
				return
			}
			if ct := r.header.Get("Content-Type"); !strings.HasPrefix(ct, c.ct) {
				t.Errorf("Content-Type %q, want %s", ct, c.ct)
			}
			if r.header.Get("Winnow-Status") != "ok" {
				t.Errorf("Winnow-Status %q", r.header.Get("Winnow-Status"))
			}
			if got.URL != "https://example.com/a?id=3" || got.KeepLinks != c.links || got.DropImages != c.noImages || got.Focus != c.focus ||
				got.Formatting != c.formatting || got.Comments != c.comments {
				t.Errorf("engine options %+v", got)
			}
		})
	}
	for _, m := range []string{"POST", "PUT", "DELETE"} {
		r := do(t, s, m, "/https://example.com/a", "text/html", strings.NewReader("<p>x</p>"))
		if r.code != 405 || errorCode(t, r) != "method_not_allowed" || r.header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /{url} = %d Allow=%q", m, r.code, r.header.Get("Allow"))
		}
	}
}

// TestExtractOptions: the same options on /v1/extract, as query
// parameters and JSON fields.
func TestExtractOptions(t *testing.T) {
	s := newTestServer(t, Config{})
	var got winnow.Options
	s.extract = func(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error) {
		got = opts
		return fakeExtract(ctx, data, opts)
	}
	cases := []struct {
		target, ct, body     string
		code                 int
		links, noImages      bool
		focus                winnow.Focus
		formatting, comments bool
	}{
		{"/v1/extract", "text/html", "<p>x</p>", 200, false, false, winnow.Balanced, false, false},
		{"/v1/extract?links=1&images=0&focus=precision", "text/html", "<p>x</p>", 200, true, true, winnow.Precision, false, false},
		{"/v1/extract?focus=recall&images=1", "text/html", "<p>x</p>", 200, false, false, winnow.Recall, false, false},
		{"/v1/extract", "application/json", `{"html":"<p>x</p>","links":true,"images":false,"focus":"recall"}`, 200, true, true, winnow.Recall, false, false},
		{"/v1/extract?focus=max", "text/html", "<p>x</p>", 400, false, false, 0, false, false},
		{"/v1/extract?links=perhaps", "text/html", "<p>x</p>", 400, false, false, 0, false, false},
		{"/v1/extract", "application/json", `{"html":"<p>x</p>","focus":"max"}`, 400, false, false, 0, false, false},
		{"/v1/extract?formatting=1", "text/html", "<p>x</p>", 200, false, false, winnow.Balanced, true, false},
		{"/v1/extract?comments=true&format=markdown", "text/html", "<p>x</p>", 200, false, false, winnow.Balanced, false, true},
		{"/v1/extract?formatting=1&comments=1", "application/json", `{"html":"<p>x</p>","formatting":false}`, 200, false, false, winnow.Balanced, false, true},
		{"/v1/extract", "application/json", `{"html":"<p>x</p>","formatting":true,"comments":true}`, 200, false, false, winnow.Balanced, true, true},
		{"/v1/extract?formatting=bold", "text/html", "<p>x</p>", 400, false, false, 0, false, false},
		{"/v1/extract?comments=all", "text/html", "<p>x</p>", 400, false, false, 0, false, false},
		{"/v1/extract", "application/json", `{"html":"<p>x</p>","comments":"yes"}`, 400, false, false, 0, false, false},
	}
	for _, c := range cases {
		got = winnow.Options{}
		r := do(t, s, "POST", c.target, c.ct, strings.NewReader(c.body))
		if r.code != c.code {
			t.Errorf("%s %s: %d %s", c.target, c.body, r.code, r.body)
			continue
		}
		if c.code == 200 && (got.KeepLinks != c.links || got.DropImages != c.noImages || got.Focus != c.focus ||
			got.Formatting != c.formatting || got.Comments != c.comments) {
			t.Errorf("%s %s: engine options %+v", c.target, c.body, got)
		}
	}
}

// fixturePage is a story with a link and a figure, served by a local
// server; its text names the query the server got, to show it was kept.
func fixtureServer(t *testing.T) (ts *httptest.Server, hits func() int) {
	t.Helper()
	var mu sync.Mutex
	n := 0
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, `<html><head><title>River report</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>River report</h1>
<p>The query was `+r.URL.Query().Get("id")+`. `+strings.Repeat("The river rose two metres overnight and the town council met at dawn. ", 8)+`</p>
<figure><img src="/flood.jpg" alt="The flooded square"><figcaption>The square at noon.</figcaption></figure>
<p>`+strings.Repeat("Residents moved their cars to higher ground before the water reached the bridge. ", 6)+`See <a href="/map">the map</a> for closed roads.</p>
</article></body></html>`)
	}))
	t.Cleanup(ts.Close)
	return ts, func() int { mu.Lock(); defer mu.Unlock(); return n }
}

// TestReaderFetchesFixture: the path form through the real server, the
// real fetcher (private addresses allowed) and the real engine.
func TestReaderFetchesFixture(t *testing.T) {
	fx, hits := fixtureServer(t)
	s := New(Config{Fetch: fetch.Options{AllowPrivate: true}})
	ts := serveReal(t, s)
	fetchAs := func(path string, headers map[string]string) (int, http.Header, string) {
		t.Helper()
		req, _ := http.NewRequest("GET", ts.URL+path, nil)
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(body)
	}
	code, h, body := fetchAs("/"+fx.URL+"/story?id=q42", nil)
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/markdown") {
		t.Fatalf("GET /{url} = %d %s: %s", code, h.Get("Content-Type"), body)
	}
	for _, want := range []string{"# River report", "The query was q42.", "![The flooded square]("} {
		if !strings.Contains(body, want) {
			t.Errorf("markdown lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "](") && strings.Contains(body, "[the map]") {
		t.Errorf("links kept without X-With-Links:\n%s", body)
	}
	if h.Get("Winnow-Status") != "ok" || !strings.Contains(h.Get("Vary"), "Accept") {
		t.Errorf("Winnow-Status %q, Vary %q", h.Get("Winnow-Status"), h.Get("Vary"))
	}
	// The bare host form means https; the fixture speaks http, so the
	// fetch fails, but it is a fetch of https://host/…, not a 404.
	host := strings.TrimPrefix(fx.URL, "http://")
	if code, _, body := fetchAs("/"+host+"/story", nil); code != http.StatusBadGateway {
		t.Errorf("bare host over http = %d %s, want a 502 from trying https", code, body)
	}
	code, _, body = fetchAs("/"+fx.URL+"/story?id=7", map[string]string{"X-With-Links": "1", "X-No-Images": "1"})
	if code != 200 || !strings.Contains(body, "[the map]("+fx.URL+"/map)") || strings.Contains(body, "flooded square") {
		t.Errorf("links and no images: %d\n%s", code, body)
	}
	code, h, body = fetchAs("/"+fx.URL+"/story?id=7", map[string]string{"Accept": "application/json"})
	var a article.Article
	if code != 200 || json.Unmarshal([]byte(body), &a) != nil || a.Title != "River report" || a.URL != fx.URL+"/story?id=7" {
		t.Errorf("json: %d %s title %q url %q", code, h.Get("Content-Type"), a.Title, a.URL)
	}
	if hits() != 3 {
		t.Errorf("fixture hit %d times, want 3 (the https try never reaches its handler)", hits())
	}
}

// TestReaderRefusesPrivate: without AllowPrivate the path form fetches no
// loopback or private address, in any of its spellings.
func TestReaderRefusesPrivate(t *testing.T) {
	fx, hits := fixtureServer(t)
	s := New(Config{})
	ts := serveReal(t, s)
	host := strings.TrimPrefix(fx.URL, "http://")
	_, port, _ := strings.Cut(host, ":")
	for _, path := range []string{
		"/" + fx.URL + "/story",
		"/http:/" + host + "/story",
		"/http%3A%2F%2F" + host + "%2Fstory",
		"/http://localhost:" + port + "/story",
		"/http://[::1]:" + port + "/",
		"/http://2130706433:" + port + "/", // 127.0.0.1 as a number
		"/" + host + "/story",
		"/http://169.254.169.254/latest/meta-data/",
	} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		r := response{code: resp.StatusCode, header: resp.Header, body: body}
		if r.code != 403 || errorCode(t, r) != "forbidden_address" {
			t.Errorf("GET %s = %d %s, want 403 forbidden_address", path, r.code, body)
		}
	}
	if hits() != 0 {
		t.Errorf("the private fixture was fetched %d times", hits())
	}
}

// TestAccessLog: one structured line per request, with the fields it
// promises and no query string, nor the user info of a target URL.
func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	s := newTestServer(t, Config{AccessLog: slog.New(slog.NewJSONHandler(&buf, nil))})
	s.fetch = (&countingFetch{}).fetch
	type line map[string]any
	logged := func() []line {
		var out []line
		for _, l := range bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n")) {
			var m line
			if err := json.Unmarshal(l, &m); err != nil {
				t.Fatalf("log line is not JSON: %q", l)
			}
			out = append(out, m)
		}
		buf.Reset()
		return out
	}
	cases := []struct {
		method, target string
		want           line // fields that must match; nil value = must be absent
	}{
		{"GET", "/https://user:pw@example.com/a/b?token=SECRET#frag",
			line{"msg": "request", "method": "GET", "path": "/https://example.com/a/b", "status": 200.0, "page": "ok", "error": nil, "url": nil}},
		{"GET", "/example.com/a?token=SECRET",
			line{"path": "/https://example.com/a", "status": 200.0, "page": "ok"}},
		{"GET", "/https%3A%2F%2Fexample.com%2Fa%3Ftoken%3DSECRET",
			line{"path": "/https://example.com/a", "status": 200.0}},
		{"GET", "/v1/extract?url=https://example.com/c%3Ftoken%3DSECRET&token=SECRET",
			line{"path": "/v1/extract", "url": "https://example.com/c", "status": 200.0, "page": "ok"}},
		{"POST", "/https://example.com/a?token=SECRET",
			line{"path": "/https://example.com/a", "status": 405.0, "error": "method_not_allowed", "page": nil}},
		{"GET", "/v1/extract?format=pdf&url=x",
			line{"path": "/v1/extract", "status": 400.0, "error": "bad_format", "page": nil}},
		{"GET", "/healthz?token=SECRET",
			line{"path": "/healthz", "status": 200.0, "page": nil, "url": nil, "error": nil}},
		{"GET", "/nothing",
			line{"path": "/nothing", "status": 404.0, "error": "not_found"}},
	}
	for _, c := range cases {
		r := do(t, s, c.method, c.target, "", nil)
		lines := logged()
		if len(lines) != 1 {
			t.Errorf("%s %s: %d log lines, want 1", c.method, c.target, len(lines))
			continue
		}
		l := lines[0]
		for k, v := range c.want {
			if got, ok := l[k]; v == nil && ok {
				t.Errorf("%s %s: %s=%v, want none", c.method, c.target, k, got)
			} else if v != nil && got != v {
				t.Errorf("%s %s: %s=%v, want %v", c.method, c.target, k, got, v)
			}
		}
		if l["bytes"] != float64(len(r.body)) {
			t.Errorf("%s %s: bytes=%v, body is %d", c.method, c.target, l["bytes"], len(r.body))
		}
		if _, ok := l["duration"].(float64); !ok {
			t.Errorf("%s %s: no duration: %v", c.method, c.target, l)
		}
		if l["level"] != "INFO" {
			t.Errorf("%s %s: level %v", c.method, c.target, l["level"])
		}
		raw, _ := json.Marshal(l)
		for _, secret := range []string{"SECRET", "pw@", "frag"} {
			if bytes.Contains(raw, []byte(secret)) {
				t.Errorf("%s %s: log line holds %q: %s", c.method, c.target, secret, raw)
			}
		}
	}
	// Without an access logger nothing is written.
	quiet := newTestServer(t, Config{})
	quiet.fetch = (&countingFetch{}).fetch
	do(t, quiet, "GET", "/https://example.com/a", "", nil)
	if buf.Len() != 0 {
		t.Errorf("a server without AccessLog logged %q", buf.String())
	}
}

// TestAccessLogHEAD: the bytes of the access line are those the client
// got. A HEAD answer carries the GET's headers (its Content-Length too)
// and no body, so it logs 0 bytes; the GET of the same page logs its body.
func TestAccessLogHEAD(t *testing.T) {
	var buf bytes.Buffer
	s := newTestServer(t, Config{AccessLog: slog.New(slog.NewJSONHandler(&buf, nil))})
	s.fetch = (&countingFetch{}).fetch
	ts := httptest.NewServer(s)
	defer ts.Close()
	for _, tt := range []struct {
		method    string
		wantBytes func(body []byte) float64
	}{
		{"GET", func(body []byte) float64 { return float64(len(body)) }},
		{"HEAD", func([]byte) float64 { return 0 }},
		{"GET", func(body []byte) float64 { return float64(len(body)) }},
	} {
		buf.Reset()
		req, err := http.NewRequest(tt.method, ts.URL+"/https://example.com/a", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Fatalf("%s: %d %v", tt.method, resp.StatusCode, err)
		}
		if tt.method == "HEAD" && (len(body) != 0 || resp.ContentLength <= 0) {
			t.Errorf("HEAD: body %d bytes, Content-Length %d; want none and the GET's length", len(body), resp.ContentLength)
		}
		var l map[string]any
		if err := json.Unmarshal(bytes.TrimSpace(buf.Bytes()), &l); err != nil {
			t.Fatalf("%s: log %q: %v", tt.method, buf.String(), err)
		}
		if want := tt.wantBytes(body); l["bytes"] != want || l["method"] != tt.method || l["page"] != "ok" {
			t.Errorf("%s: logged method %v, bytes %v, page %v; want bytes %v, page ok", tt.method, l["method"], l["bytes"], l["page"], want)
		}
	}
}

// TestAccessLogHugeHeaders: a path-form request refused before its
// handler runs is logged under its target all the same.
func TestAccessLogHugeHeaders(t *testing.T) {
	var buf bytes.Buffer
	s := newTestServer(t, Config{AccessLog: slog.New(slog.NewJSONHandler(&buf, nil))})
	r := get(t, s, "/https://example.com/a?token=SECRET", map[string]string{"X-Big": strings.Repeat("a", 70<<10)})
	if r.code != 431 {
		t.Fatalf("code %d", r.code)
	}
	var l map[string]any
	if err := json.Unmarshal(buf.Bytes(), &l); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	if l["path"] != "/https://example.com/a" || l["status"] != 431.0 || l["error"] != "headers_too_large" {
		t.Errorf("log line %v", l)
	}
}

// TestFormattingAndCommentsRealEngine: formatting and comments reach the
// real engine from a query, a JSON body and the path form's headers;
// without them the answer is the one it was.
func TestFormattingAndCommentsRealEngine(t *testing.T) {
	page := `<html><head><title>Rain totals</title></head><body><article><h1>Rain totals</h1>` +
		strings.Repeat("<p>The storm brought more rain to the coast than any storm in the last ten years, the office said.</p>", 4) +
		`<p>It was <strong>the wettest</strong> week, said <em>the office</em>.</p>` +
		`<pre><code class="language-python">print(rain_mm)</code></pre>` +
		`</article><section id="comments"><div class="comment"><p>We had water in the cellar for three days after the storm.</p></div></section></body></html>`
	fx := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, page)
	}))
	t.Cleanup(fx.Close)
	s := New(Config{Fetch: fetch.Options{AllowPrivate: true}})
	raw := func(m map[string]any) string { b, _ := json.Marshal(m); return string(b) }
	cases := []struct {
		name    string
		send    func() response
		want    []string
		mustNot []string
	}{
		{"plain", func() response {
			return do(t, s, "POST", "/v1/extract?format=markdown", "text/html", strings.NewReader(page))
		}, []string{"It was the wettest week", "```\nprint(rain_mm)"}, []string{"**", "python", "Comments", "cellar"}},
		{"query", func() response {
			return do(t, s, "POST", "/v1/extract?format=markdown&formatting=1&comments=1", "text/html", strings.NewReader(page))
		}, []string{"It was **the wettest** week, said _the office_.", "```python\nprint(rain_mm)\n```", "## Comments\n\nWe had water in the cellar"}, nil},
		{"json formatting", func() response {
			return do(t, s, "POST", "/v1/extract", "application/json", strings.NewReader(raw(map[string]any{"html": page, "formatting": true})))
		}, []string{`"marks": [`, `"lang": "python"`}, []string{`"comments"`, "cellar"}},
		{"json comments", func() response {
			return do(t, s, "POST", "/v1/extract", "application/json", strings.NewReader(raw(map[string]any{"html": page, "comments": true})))
		}, []string{`"comments": [`, "We had water in the cellar"}, []string{`"marks"`}},
		{"path headers", func() response {
			return get(t, s, "/"+fx.URL+"/rain", map[string]string{"X-With-Formatting": "1", "X-With-Comments": "1"})
		}, []string{"It was **the wettest** week", "```python\n", "## Comments\n\nWe had water in the cellar"}, nil},
		{"path plain", func() response {
			return get(t, s, "/"+fx.URL+"/rain", nil)
		}, []string{"It was the wettest week"}, []string{"**", "python", "Comments", "cellar"}},
	}
	for _, c := range cases {
		r := c.send()
		if r.code != 200 {
			t.Errorf("%s: %d %s", c.name, r.code, r.body)
			continue
		}
		body := string(r.body)
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: answer lacks %q:\n%s", c.name, w, body)
			}
		}
		for _, w := range c.mustNot {
			if strings.Contains(body, w) {
				t.Errorf("%s: answer holds %q:\n%s", c.name, w, body)
			}
		}
	}
}
