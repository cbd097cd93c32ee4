package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/fetch"
)

// fakeExtract stands in for the engine, so these tests check the server
// and not the extraction. The input's text picks the behaviour.
func fakeExtract(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error) {
	s := string(data)
	switch {
	case strings.Contains(s, "PANIC"):
		panic("boom in the engine")
	case strings.Contains(s, "BINARY"):
		return nil, fmt.Errorf("winnow: %w", winnow.ErrBinary)
	case strings.Contains(s, "EMPTY"):
		return nil, fmt.Errorf("winnow: %w", winnow.ErrEmpty)
	case strings.Contains(s, "SLOW"):
		<-ctx.Done()
		return nil, ctx.Err()
	case strings.Contains(s, "NOARTICLE"):
		a := &article.Article{Metadata: article.Metadata{URL: opts.URL, Title: "Home"}, Status: article.StatusNotArticle, Blocks: []article.Block{}}
		return a, &winnow.NoArticleError{Status: article.StatusNotArticle}
	}
	a := &article.Article{
		Metadata: article.Metadata{URL: opts.URL, Title: "A title"},
		Status:   article.StatusOK,
		Blocks:   []article.Block{{Type: article.Paragraph, Text: "Body text."}},
		Text:     "Body text.",
	}
	if opts.Explain {
		a.Removed = []article.Removal{{Text: "Home | News", Reason: article.ReasonNav}}
	}
	return a, nil
}

func newTestServer(t *testing.T, cfg Config) *Server {
	t.Helper()
	s := New(cfg)
	s.extract = fakeExtract
	return s
}

type response struct {
	code   int
	header http.Header
	body   []byte
}

func do(t *testing.T, h http.Handler, method, target, contentType string, body io.Reader) response {
	t.Helper()
	req := httptest.NewRequest(method, target, body)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{code: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// errorCode reads {"error":{"code"}} from a response, failing the test if
// the body is not of that shape.
func errorCode(t *testing.T, r response) string {
	t.Helper()
	var e apiError
	if err := json.Unmarshal(r.body, &e); err != nil {
		t.Fatalf("error body is not JSON: %v: %q", err, r.body)
	}
	if e.Error.Code == "" || e.Error.Message == "" {
		t.Fatalf("error body lacks code or message: %q", r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("error Content-Type = %q", ct)
	}
	return e.Error.Code
}

func TestHealthz(t *testing.T) {
	s := newTestServer(t, Config{})
	r := do(t, s, "GET", "/healthz", "", nil)
	if r.code != 200 || !bytes.Contains(r.body, []byte(`"ok"`)) {
		t.Fatalf("GET /healthz = %d %q", r.code, r.body)
	}
	r = do(t, s, "POST", "/healthz", "", nil)
	if r.code != 405 || errorCode(t, r) != "method_not_allowed" || r.header.Get("Allow") != "GET, HEAD" {
		t.Fatalf("POST /healthz = %d %q Allow=%q", r.code, r.body, r.header.Get("Allow"))
	}
}

func TestOpenAPI(t *testing.T) {
	s := newTestServer(t, Config{})
	r := do(t, s, "GET", "/openapi.json", "", nil)
	if r.code != 200 {
		t.Fatalf("GET /openapi.json = %d", r.code)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(r.body, &doc); err != nil {
		t.Fatalf("openapi.json is not valid JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi = %q, want 3.x", doc.OpenAPI)
	}
	want := map[string][]string{
		"/v1/extract":   {"get", "post"},
		"/healthz":      {"get"},
		"/metrics":      {"get"},
		"/openapi.json": {"get"},
		"/v1/reasons":   {"get"},
		"/":             {"get"},
		"/{url}":        {"get"},
	}
	for path, methods := range want {
		for _, m := range methods {
			if _, ok := doc.Paths[path][m]; !ok {
				t.Errorf("openapi.json does not document %s %s", strings.ToUpper(m), path)
			}
		}
	}
	// Every option the handlers read is documented.
	params := map[string][]string{
		"/v1/extract get":  {"url", "format", "explain", "articles_only", "links", "images", "focus", "formatting", "comments"},
		"/v1/extract post": {"url", "format", "explain", "articles_only", "links", "images", "focus", "formatting", "comments"},
		"/{url} get":       {"Accept", "X-Return-Format", "X-With-Links", "X-With-Images", "X-No-Images", "X-Focus", "X-With-Formatting", "X-With-Comments"},
	}
	for route, names := range params {
		path, m, _ := strings.Cut(route, " ")
		var op struct {
			Parameters []struct{ Name string } `json:"parameters"`
		}
		json.Unmarshal(doc.Paths[path][m], &op)
		have := map[string]bool{}
		for _, p := range op.Parameters {
			have[p.Name] = true
		}
		for _, n := range names {
			if !have[n] {
				t.Errorf("openapi.json: %s lacks the parameter %s", route, n)
			}
		}
	}
	// Every $ref must point at a schema that exists.
	var raw map[string]any
	json.Unmarshal(r.body, &raw)
	schemas := raw["components"].(map[string]any)["schemas"].(map[string]any)
	for _, ref := range refs(raw) {
		name := strings.TrimPrefix(ref, "#/components/schemas/")
		if _, ok := schemas[name]; !ok {
			t.Errorf("dangling $ref %q", ref)
		}
	}
}

func refs(v any) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "$ref" {
				out = append(out, s)
			}
			out = append(out, refs(e)...)
		}
	case []any:
		for _, e := range x {
			out = append(out, refs(e)...)
		}
	}
	return out
}

func TestExtractPostHTML(t *testing.T) {
	s := newTestServer(t, Config{})
	cases := []struct {
		target      string
		contentType string
		wantCT      string
		check       func(t *testing.T, body []byte)
	}{
		{"/v1/extract", "application/json; charset=utf-8", "application/json; charset=utf-8", func(t *testing.T, body []byte) {
			var a article.Article
			if err := json.Unmarshal(body, &a); err != nil {
				t.Fatal(err)
			}
			if a.Title != "A title" || a.Status != article.StatusOK || len(a.Removed) != 0 {
				t.Errorf("article = %+v", a)
			}
		}},
		{"/v1/extract?explain=1&url=https://example.com/a", "", "application/json; charset=utf-8", func(t *testing.T, body []byte) {
			var a article.Article
			if err := json.Unmarshal(body, &a); err != nil {
				t.Fatal(err)
			}
			if len(a.Removed) != 1 || a.Removed[0].Reason != article.ReasonNav {
				t.Errorf("removed = %+v, want one nav", a.Removed)
			}
			if a.URL != "https://example.com/a" {
				t.Errorf("url = %q, want the query's url passed to the engine", a.URL)
			}
		}},
		{"/v1/extract?format=text", "", "text/plain; charset=utf-8", func(t *testing.T, body []byte) {
			if !strings.Contains(string(body), "Body text.") {
				t.Errorf("text = %q", body)
			}
		}},
		{"/v1/extract?format=markdown", "", "text/markdown; charset=utf-8", func(t *testing.T, body []byte) {
			if !strings.Contains(string(body), "Body text.") {
				t.Errorf("markdown = %q", body)
			}
		}},
		{"/v1/extract?format=html", "", "text/html; charset=utf-8", func(t *testing.T, body []byte) {
			if !strings.Contains(string(body), "Body text.") {
				t.Errorf("html = %q", body)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.target, func(t *testing.T) {
			ct := c.contentType
			if ct == "" {
				ct = "text/html"
			}
			body := "<html><body><p>Body text.</p></body></html>"
			if strings.HasPrefix(ct, "application/json") {
				body = `{"html": "<p>Body text.</p>"}`
			}
			r := do(t, s, "POST", c.target, ct, strings.NewReader(body))
			if r.code != 200 {
				t.Fatalf("code %d: %s", r.code, r.body)
			}
			if got := r.header.Get("Content-Type"); got != c.wantCT {
				t.Errorf("Content-Type = %q, want %q", got, c.wantCT)
			}
			if got := r.header.Get("Winnow-Status"); got != "ok" {
				t.Errorf("Winnow-Status = %q", got)
			}
			c.check(t, r.body)
		})
	}
}

func TestExtractFetch(t *testing.T) {
	s := newTestServer(t, Config{})
	var fetched []string
	s.fetch = func(ctx context.Context, url string) (*fetch.Page, error) {
		fetched = append(fetched, url)
		return &fetch.Page{URL: url + "#final", StatusCode: 200, ContentType: "text/html", Body: []byte("<p>x</p>")}, nil
	}
	t.Run("GET", func(t *testing.T) {
		r := do(t, s, "GET", "/v1/extract?url=https://example.com/story", "", nil)
		if r.code != 200 {
			t.Fatalf("code %d: %s", r.code, r.body)
		}
		var a article.Article
		json.Unmarshal(r.body, &a)
		if a.URL != "https://example.com/story#final" {
			t.Errorf("engine got URL %q, want the final fetched URL", a.URL)
		}
	})
	t.Run("POST JSON url only", func(t *testing.T) {
		fetched = nil
		r := do(t, s, "POST", "/v1/extract", "application/json", strings.NewReader(`{"url":"https://example.com/b","format":"text"}`))
		if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
			t.Fatalf("code %d %s: %s", r.code, r.header.Get("Content-Type"), r.body)
		}
		if len(fetched) != 1 || fetched[0] != "https://example.com/b" {
			t.Errorf("fetched %v", fetched)
		}
	})
	t.Run("POST JSON html and url does not fetch", func(t *testing.T) {
		fetched = nil
		r := do(t, s, "POST", "/v1/extract", "application/json", strings.NewReader(`{"url":"https://example.com/c","html":"<p>x</p>"}`))
		if r.code != 200 || len(fetched) != 0 {
			t.Fatalf("code %d, fetched %v", r.code, fetched)
		}
	})
}

func TestExtractErrors(t *testing.T) {
	cases := []struct {
		name        string
		method      string
		target      string
		contentType string
		body        string
		wantCode    int
		wantErr     string
	}{
		{"bad method", "PUT", "/v1/extract", "", "<p>x</p>", 405, "method_not_allowed"},
		{"DELETE", "DELETE", "/v1/extract", "", "", 405, "method_not_allowed"},
		{"bad JSON", "POST", "/v1/extract", "application/json", `{"html": `, 400, "bad_json"},
		{"JSON of the wrong type", "POST", "/v1/extract", "application/json", `["x"]`, 400, "bad_json"},
		{"unknown JSON field", "POST", "/v1/extract", "application/json", `{"htm": "<p>x</p>"}`, 400, "bad_json"},
		{"two JSON values", "POST", "/v1/extract", "application/json", `{"html":"x"} {"html":"y"}`, 400, "bad_json"},
		{"JSON with no input", "POST", "/v1/extract", "application/json", `{}`, 400, "missing_input"},
		{"JSON bad format", "POST", "/v1/extract", "application/json", `{"html":"x","format":"pdf"}`, 400, "bad_format"},
		{"empty body", "POST", "/v1/extract", "text/html", "", 400, "missing_input"},
		{"unknown format", "POST", "/v1/extract?format=pdf", "text/html", "<p>x</p>", 400, "bad_format"},
		{"jsonl is not served", "POST", "/v1/extract?format=jsonl", "text/html", "<p>x</p>", 400, "bad_format"},
		{"bad explain", "POST", "/v1/extract?explain=maybe", "text/html", "<p>x</p>", 400, "bad_parameter"},
		{"bad articles_only", "POST", "/v1/extract?articles_only=maybe", "text/html", "<p>x</p>", 400, "bad_parameter"},
		{"GET without url", "GET", "/v1/extract", "", "", 400, "missing_url"},
		{"too big", "POST", "/v1/extract", "text/html", strings.Repeat("a", 2048), 413, "body_too_large"},
		{"binary page", "POST", "/v1/extract", "text/html", "BINARY", 415, "binary_input"},
		{"empty page", "POST", "/v1/extract", "text/html", "EMPTY", 400, "empty_input"},
		{"panic in engine", "POST", "/v1/extract", "text/html", "PANIC", 500, "internal"},
		{"extraction deadline", "POST", "/v1/extract", "text/html", "SLOW", 504, "timeout"},
		{"forbidden fetch target", "GET", "/v1/extract?url=http://127.0.0.1:1/", "", "", 403, "forbidden_address"},
		{"forbidden fetch, odd spelling", "GET", "/v1/extract?url=http://0x7f.1/", "", "", 403, "forbidden_address"},
		{"forbidden fetch, metadata", "POST", "/v1/extract", "application/json", `{"url":"http://169.254.169.254/latest/"}`, 403, "forbidden_address"},
		{"fetch scheme", "GET", "/v1/extract?url=file:///etc/passwd", "", "", 400, "bad_scheme"},
		{"fetch bad url", "GET", "/v1/extract?url=example.com", "", "", 400, "bad_url"},
		{"unknown path", "GET", "/v2/nothing", "", "", 404, "not_found"},
		{"static dir", "GET", "/static/", "", "", 404, "not_found"},
		{"static missing", "GET", "/static/nope.js", "", "", 404, "not_found"},
		{"page bad method", "POST", "/", "", "", 405, "method_not_allowed"},
		{"static without slash", "GET", "/static", "", "", 404, "not_found"},
		{"dot segments", "GET", "/static/../..", "", "", 400, "bad_path"},
		{"dot segment to a file", "GET", "/static/./app.js", "", "", 400, "bad_path"},
		{"doubled slash", "GET", "//healthz", "", "", 400, "bad_path"},
		{"huge URL", "GET", "/v1/extract?url=https://example.com/" + strings.Repeat("a", 70<<10), "", "", 431, "headers_too_large"},
		{"metrics bad method", "POST", "/metrics", "", "", 405, "method_not_allowed"},
	}
	s := newTestServer(t, Config{MaxBody: 1024, Timeout: 20 * time.Millisecond})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader
			if c.body != "" {
				body = strings.NewReader(c.body)
			}
			r := do(t, s, c.method, c.target, c.contentType, body)
			if r.code != c.wantCode {
				t.Fatalf("code = %d, want %d; body %s", r.code, c.wantCode, r.body)
			}
			if got := errorCode(t, r); got != c.wantErr {
				t.Errorf("error code = %q, want %q; body %s", got, c.wantErr, r.body)
			}
			if bytes.Contains(r.body, []byte("goroutine")) || bytes.Contains(r.body, []byte(".go:")) {
				t.Errorf("error body leaks a stack trace: %s", r.body)
			}
		})
	}
}

func TestFetchErrorCodes(t *testing.T) {
	// Each error names addresses a client must not learn: the server's
	// resolver, the internal address a name resolves to.
	cases := []struct {
		err      error
		wantCode int
		wantErr  string
	}{
		{&fetch.ForbiddenAddressError{Addr: netip.MustParseAddr("10.1.2.3"), Class: "private"}, 403, "forbidden_address"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrScheme), 400, "bad_scheme"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrBadURL), 400, "bad_url"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrTooLarge), 502, "upstream_too_large"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrTooManyRedirects), 502, "too_many_redirects"},
		{&fetch.StatusError{URL: "http://10.1.2.3/", StatusCode: 404}, 502, "upstream_status"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrEncoding), 502, "upstream_encoding"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrTruncated), 502, "upstream_truncated"},
		{fmt.Errorf("x 10.1.2.3: %w", fetch.ErrTimeout), 504, "upstream_timeout"},
		{&net.DNSError{Err: "no such host", Name: "nope.example", Server: "10.1.2.3:53"}, 502, "dns"},
		{errors.New("dial tcp 10.1.2.3:80: connection reset by peer"), 502, "fetch_failed"},
	}
	for _, c := range cases {
		t.Run(c.wantErr, func(t *testing.T) {
			var log bytes.Buffer
			s := newTestServer(t, Config{Logger: slog.New(slog.NewTextHandler(&log, nil))})
			s.fetch = func(ctx context.Context, url string) (*fetch.Page, error) { return nil, c.err }
			r := do(t, s, "GET", "/v1/extract?url=https://example.com/", "", nil)
			if r.code != c.wantCode || errorCode(t, r) != c.wantErr {
				t.Fatalf("got %d %s, want %d %s", r.code, r.body, c.wantCode, c.wantErr)
			}
			if bytes.Contains(r.body, []byte("10.1.2.3")) {
				t.Errorf("error body shows the address: %s", r.body)
			}
			if !strings.Contains(log.String(), "10.1.2.3") {
				t.Errorf("log lacks the details: %s", log.String())
			}
			m := do(t, s, "GET", "/metrics", "", nil)
			want := fmt.Sprintf(`winnow_fetch_errors_total{kind=%q} 1`, fetch.Kind(c.err))
			if !bytes.Contains(m.body, []byte(want)) {
				t.Errorf("metrics lack %s", want)
			}
		})
	}
}

// TestErrorsAreJSON sends, over a real connection, the requests that
// net/http or http.ServeMux would answer themselves: every answer must be
// a JSON error. The ones net/http writes before any handler runs (headers
// over its own cap, a request it cannot read, a transfer coding it does not
// know) used to be plain text.
func TestErrorsAreJSON(t *testing.T) {
	var log bytes.Buffer
	s := newTestServer(t, Config{AccessLog: slog.New(slog.NewTextHandler(&log, nil))})
	ts := serveReal(t, s)
	cases := []struct {
		name     string
		request  string
		wantCode int
		wantErr  string
	}{
		{"huge URL", "GET /v1/extract?url=https://example.com/" + strings.Repeat("a", 70<<10) + " HTTP/1.1\r\nHost: x\r\n\r\n", 431, "headers_too_large"},
		{"huge header", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", 70<<10) + "\r\n\r\n", 431, "headers_too_large"},
		{"URL over net/http's own cap", "GET /v1/extract?url=https://example.com/" + strings.Repeat("a", httpMaxHeaderBytes+8192) + " HTTP/1.1\r\nHost: x\r\n\r\n", 431, "headers_too_large"},
		{"header over net/http's own cap", "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + strings.Repeat("a", httpMaxHeaderBytes+8192) + "\r\n\r\n", 431, "headers_too_large"},
		{"not HTTP", "HELLO THERE\r\n\r\n", 400, "bad_request"},
		{"no Host header", "GET /healthz HTTP/1.1\r\n\r\n", 400, "bad_request"},
		{"unknown transfer coding", "POST /v1/extract HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: rot13\r\n\r\n", 501, "not_implemented"},
		{"CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", 405, "method_not_allowed"},
		{"dot segments", "GET /static/../.. HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad_path"},
		{"static without slash", "GET /static HTTP/1.1\r\nHost: x\r\n\r\n", 404, "not_found"},
		{"doubled slash", "GET //v1/extract HTTP/1.1\r\nHost: x\r\n\r\n", 400, "bad_path"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", ts.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			// The server may answer, and stop reading, before the whole
			// request is sent.
			go io.WriteString(conn, c.request)
			r := readResponse(t, conn)
			if r.code != c.wantCode || errorCode(t, r) != c.wantErr {
				t.Fatalf("got %d %s, want %d %s", r.code, r.body, c.wantCode, c.wantErr)
			}
		})
	}
	m := do(t, s, "GET", "/metrics", "", nil)
	for _, want := range []string{`winnow_http_requests_total{code="431",route="unread"} 2`, `winnow_http_requests_total{code="400",route="unread"} 2`, `winnow_http_requests_total{code="501",route="unread"} 1`} {
		if !bytes.Contains(m.body, []byte(want)) {
			t.Errorf("metrics lack %s", want)
		}
	}
	if !strings.Contains(log.String(), "method=- path=- status=431") || !strings.Contains(log.String(), "status=501") {
		t.Errorf("no access line for the requests net/http refused: %s", log.String())
	}
}

// TestUnreadConnPassesAnswers: the connection wrapper that rewrites
// net/http's own plain-text refusals leaves every other write alone: a
// handler's plain-text answer, a 4xx whose headers look alike, bytes that
// merely start like a response.
func TestUnreadConnPassesAnswers(t *testing.T) {
	for _, w := range []string{
		"HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nDate: x\r\n\r\nbody",
		"HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nDate: x\r\n\r\n400 Bad Request",
		"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\nline one\r\nline two",
		"HTTP/1.1 x",
		"",
	} {
		if status, _, ok := cannedAnswer([]byte(w)); ok {
			t.Errorf("%q taken for net/http's own answer (status %d)", w, status)
		}
	}
	for _, tt := range []struct {
		w      string
		status int
		text   string
	}{
		{"HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n431 Request Header Fields Too Large", 431, "431 Request Header Fields Too Large"},
		{"HTTP/1.1 400 Bad Request: missing required Host header\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request: missing required Host header", 400, "400 Bad Request: missing required Host header"},
	} {
		status, text, ok := cannedAnswer([]byte(tt.w))
		if !ok || status != tt.status || text != tt.text {
			t.Errorf("%q: %d %q %v, want %d %q", tt.w, status, text, ok, tt.status, tt.text)
		}
	}
}

func TestNoArticle(t *testing.T) {
	s := newTestServer(t, Config{})
	for _, format := range []string{"json", "text", "markdown", "html"} {
		t.Run(format, func(t *testing.T) {
			r := do(t, s, "POST", "/v1/extract?format="+format, "text/html", strings.NewReader("NOARTICLE"))
			if r.code != 200 {
				t.Fatalf("code = %d, want 200 (documented choice for no-article pages)", r.code)
			}
			if got := r.header.Get("Winnow-Status"); got != "not_article" {
				t.Errorf("Winnow-Status = %q", got)
			}
			if format == "json" {
				var a article.Article
				if err := json.Unmarshal(r.body, &a); err != nil || a.Status != article.StatusNotArticle || a.Title != "Home" {
					t.Errorf("article = %+v, %v", a, err)
				}
			}
		})
	}
}

// blockingExtract returns an extract func that signals when it starts and
// waits for release.
func blockingExtract(started chan<- struct{}, release <-chan struct{}) extractFunc {
	return func(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error) {
		started <- struct{}{}
		<-release
		return fakeExtract(ctx, data, opts)
	}
}

func TestConcurrencyLimit(t *testing.T) {
	cases := []struct {
		name    string
		queue   int
		waiting int // requests that wait in the queue, not refused
	}{
		{"no queue", -1, 0},
		{"queue of one", 1, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newTestServer(t, Config{Concurrency: 1, Queue: c.queue})
			started, release := make(chan struct{}, 4), make(chan struct{})
			s.extract = blockingExtract(started, release)
			var wg sync.WaitGroup
			codes := make(chan int, 4)
			post := func() {
				defer wg.Done()
				codes <- do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader("<p>x</p>")).code
			}
			wg.Add(1)
			go post()
			<-started // the slot is taken
			for i := 0; i < c.waiting; i++ {
				wg.Add(1)
				go post()
			}
			// Wait until the queued requests hold their place.
			for len(s.limit.admit) < 1+c.waiting {
				time.Sleep(time.Millisecond)
			}
			r := do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader("<p>x</p>"))
			if r.code != 503 || errorCode(t, r) != "overloaded" {
				t.Fatalf("over the limit: %d %s, want 503 overloaded", r.code, r.body)
			}
			if r.header.Get("Retry-After") == "" {
				t.Error("503 without Retry-After")
			}
			go func() {
				for range started {
				}
			}()
			close(release)
			wg.Wait()
			close(codes)
			for code := range codes {
				if code != 200 {
					t.Errorf("admitted request got %d", code)
				}
			}
			close(started)
			m := do(t, s, "GET", "/metrics", "", nil)
			if !bytes.Contains(m.body, []byte("winnow_overload_rejections_total{pool=\"extract\"} 1")) {
				t.Error("metrics lack the rejection")
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	s := newTestServer(t, Config{})
	do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader("<p>hello</p>"))
	do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader("NOARTICLE"))
	do(t, s, "POST", "/v1/extract?format=bad", "text/html", strings.NewReader("<p>x</p>"))
	do(t, s, "GET", "/v1/extract?url=http://10.0.0.1/", "", nil)
	r := do(t, s, "GET", "/metrics", "", nil)
	if r.code != 200 {
		t.Fatalf("GET /metrics = %d", r.code)
	}
	for _, want := range []string{
		`winnow_http_requests_total{code="200",route="/v1/extract"} 2`,
		`winnow_http_requests_total{code="400",route="/v1/extract"} 1`,
		`winnow_http_requests_total{code="403",route="/v1/extract"} 1`,
		`winnow_http_request_duration_seconds_bucket{route="/v1/extract",le="+Inf"} 4`,
		`winnow_input_bytes_total{source="body"} 21`,
		`winnow_pages_total{outcome="article",status="ok"} 1`,
		`winnow_pages_total{outcome="no_article",status="not_article"} 1`,
		`winnow_fetch_errors_total{kind="forbidden_address"} 1`,
		`winnow_page_bytes_count 2`,
		`process_resident_memory_bytes`,
		`go_goroutines`,
	} {
		if !bytes.Contains(r.body, []byte(want)) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestPage(t *testing.T) {
	s := newTestServer(t, Config{})
	r := do(t, s, "GET", "/", "", nil)
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("GET / = %d %s", r.code, r.header.Get("Content-Type"))
	}
	csp := r.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe") {
		t.Errorf("page CSP allows unsafe sources: %q", csp)
	}
	for _, asset := range []string{"/static/app.js", "/static/style.css"} {
		a := do(t, s, "GET", asset, "", nil)
		if a.code != 200 || len(a.body) == 0 {
			t.Errorf("GET %s = %d", asset, a.code)
		}
		if !strings.Contains(string(r.body), asset) {
			t.Errorf("page does not load %s", asset)
		}
	}
	// Page-derived text must never go in as markup.
	js := do(t, s, "GET", "/static/app.js", "", nil).body
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("} {
		if bytes.Contains(js, []byte(bad)) {
			t.Errorf("app.js uses %s", bad)
		}
	}
	if bytes.Contains(r.body, []byte("<script>")) || bytes.Contains(r.body, []byte(" style=")) {
		t.Error("page has inline script or style, which the CSP blocks")
	}
}

func TestShutdownDrains(t *testing.T) {
	s := newTestServer(t, Config{})
	started, release := make(chan struct{}, 1), make(chan struct{})
	s.extract = blockingExtract(started, release)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	runErr := make(chan error, 1)
	go func() { runErr <- s.Run(ctx, ln, 10*time.Second) }()

	type result struct {
		code int
		body string
		err  error
	}
	res := make(chan result, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/v1/extract", "text/html", strings.NewReader("<p>x</p>"))
		if err != nil {
			res <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		res <- result{code: resp.StatusCode, body: string(b)}
	}()
	<-started
	cancel() // as SIGTERM does
	// Wait until the listener is closed: new connections are refused.
	for {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			break
		}
		c.Close()
		time.Sleep(5 * time.Millisecond)
	}
	select {
	case err := <-runErr:
		t.Fatalf("Run returned %v with a request in flight", err)
	default:
	}
	close(release)
	r := <-res
	if r.err != nil || r.code != 200 || !strings.Contains(r.body, "A title") {
		t.Fatalf("in-flight request: %+v, want 200 with the article", r)
	}
	if err := <-runErr; err != nil {
		t.Errorf("Run = %v, want nil after a clean shutdown", err)
	}
}

// TestRealEngine runs one request through the real extractor, whatever
// its state: the answer must be a JSON Article or a JSON error.
func TestRealEngine(t *testing.T) {
	s := New(Config{})
	page := `<html><head><title>Hello</title></head><body><nav><a href="/">Home</a></nav>
<article><h1>Hello</h1><p>` + strings.Repeat("This is the body of a news story. ", 30) + `</p></article></body></html>`
	r := do(t, s, "POST", "/v1/extract?explain=1", "text/html", strings.NewReader(page))
	switch r.code {
	case 200:
		var a article.Article
		if err := json.Unmarshal(r.body, &a); err != nil {
			t.Fatalf("200 body is not an Article: %v", err)
		}
		if a.Status == "" {
			t.Error("article has no status")
		}
	default:
		errorCode(t, r)
	}
}

// TestArticlesOnly: a short page is ok with its page type by default, and
// too_short with articles_only, given as a query parameter or a JSON field.
func TestArticlesOnly(t *testing.T) {
	s := New(Config{})
	page := `<html><head><title>Road closed</title></head><body><article><h1>Road closed</h1><p>Route 9 is closed near the quarry.</p></article></body></html>`
	raw, _ := json.Marshal(map[string]any{"html": page, "articles_only": true})
	tests := []struct {
		name, target, contentType, body string
		want                            article.Status
	}{
		{"default", "/v1/extract", "text/html", page, article.StatusOK},
		{"query", "/v1/extract?articles_only=1", "text/html", page, article.StatusTooShort},
		{"json field", "/v1/extract", "application/json", string(raw), article.StatusTooShort},
	}
	for _, tt := range tests {
		r := do(t, s, "POST", tt.target, tt.contentType, strings.NewReader(tt.body))
		var a article.Article
		if r.code != 200 || json.Unmarshal(r.body, &a) != nil {
			t.Fatalf("%s: %d %q", tt.name, r.code, r.body)
		}
		if a.Status != tt.want || r.header.Get("Winnow-Status") != string(tt.want) {
			t.Errorf("%s: status %s (header %q), want %s", tt.name, a.Status, r.header.Get("Winnow-Status"), tt.want)
		}
		if a.PageType == "" {
			t.Errorf("%s: no page_type", tt.name)
		}
	}
}

// TestReasons: GET /v1/reasons lists every reason with its explanation,
// and the OpenAPI document's Reason enum holds the same reasons.
func TestReasons(t *testing.T) {
	s := newTestServer(t, Config{})
	r := do(t, s, "GET", "/v1/reasons", "", nil)
	if r.code != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/json") {
		t.Fatalf("GET /v1/reasons = %d %s", r.code, r.header.Get("Content-Type"))
	}
	var body struct {
		Reasons []struct {
			Reason      article.Reason `json:"reason"`
			Explanation string         `json:"explanation"`
		} `json:"reasons"`
	}
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatal(err)
	}
	var got []article.Reason
	for _, e := range body.Reasons {
		got = append(got, e.Reason)
		if e.Explanation != e.Reason.Explanation() || e.Explanation == "" {
			t.Errorf("%s: explanation %q, want %q", e.Reason, e.Explanation, e.Reason.Explanation())
		}
	}
	if !slices.Equal(got, article.Reasons()) {
		t.Errorf("reasons = %v\nwant      %v", got, article.Reasons())
	}
	if r := do(t, s, "POST", "/v1/reasons", "", nil); r.code != 405 {
		t.Errorf("POST /v1/reasons = %d, want 405", r.code)
	}
	var doc struct {
		Components struct {
			Schemas struct {
				Reason struct {
					Enum []article.Reason `json:"enum"`
				} `json:"Reason"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(openAPI, &doc); err != nil {
		t.Fatal(err)
	}
	enum := doc.Components.Schemas.Reason.Enum
	for _, r := range article.Reasons() {
		if !slices.Contains(enum, r) {
			t.Errorf("openapi.json's Reason enum lacks %q", r)
		}
	}
	if len(enum) != len(article.Reasons()) {
		t.Errorf("openapi.json's Reason enum has %d values, want %d", len(enum), len(article.Reasons()))
	}
}
