package server

import (
	"bytes"
	"compress/gzip"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/fetch"
	"github.com/winnow-go/winnow/internal/bombtest"
)

// gz is data gzipped.
func gz(t testing.TB, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// post is a POST of body with a Content-Type and a Content-Encoding.
func post(t *testing.T, h http.Handler, contentType, encoding string, body []byte) response {
	t.Helper()
	req := httptest.NewRequest("POST", "/v1/extract", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if encoding != "" {
		req.Header.Set("Content-Encoding", encoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return response{code: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
}

// TestGzipBombCapped: the body cap and the fetch cap apply to the page once
// inflated, whether the gzip is the page itself or the request's
// Content-Encoding, and inflating stops at the cap: a 100 MB bomb sent to
// a server with a 1 MB cap allocates a few MB, not the 64 MB of the
// library's old default, nor the 16 MB of its new one, nor the gigabytes
// of extracting the page.
func TestGzipBombCapped(t *testing.T) {
	const max = 1 << 20
	const bound = 8 << 20 // generous: reading up to the cap allocates 1-2 MB
	paras := bombtest.GzipBomb(t, "<p>a</p>", 100<<20)
	zeros := bombtest.GzipBomb(t, "\x00", 100<<20)
	doubled := gz(t, paras) // a gzip of a gzip
	s := New(Config{MaxBody: max, Fetch: fetch.Options{MaxBytes: max}})
	s.fetch = func(ctx context.Context, url string) (*fetch.Page, error) {
		// A server that sends a .gz file as is, with no Content-Encoding.
		return &fetch.Page{URL: url, StatusCode: 200, ContentType: "text/html", Body: paras}, nil
	}
	cases := []struct {
		name, method, target, contentType, encoding string
		body                                        []byte
		wantCode                                    int
		wantErr                                     string
	}{
		{"gzipped page", "POST", "/v1/extract", "text/html", "", paras, 413, "too_large"},
		{"gzipped zeros", "POST", "/v1/extract", "text/html", "", zeros, 413, "too_large"},
		{"gzip in gzip", "POST", "/v1/extract", "text/html", "", doubled, 413, "too_large"},
		{"Content-Encoding gzip", "POST", "/v1/extract", "text/html", "gzip", paras, 413, "body_too_large"},
		{"Content-Encoding gzip of zeros", "POST", "/v1/extract", "text/html", "gzip", zeros, 413, "body_too_large"},
		{"Content-Encoding gzip, JSON", "POST", "/v1/extract", "application/json", "gzip", paras, 413, "body_too_large"},
		{"fetched gzip", "GET", "/v1/extract?url=https://example.com/a.html", "", "", paras, 502, "upstream_too_large"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var r response
			n := bombtest.Allocated(func() {
				if c.method == "GET" {
					r = do(t, s, "GET", c.target, "", nil)
				} else {
					r = post(t, s, c.contentType, c.encoding, c.body)
				}
			})
			if r.code != c.wantCode {
				t.Fatalf("code %d, want %d: %s", r.code, c.wantCode, r.body)
			}
			if got := errorCode(t, r); got != c.wantErr {
				t.Errorf("error code %q, want %q", got, c.wantErr)
			}
			t.Logf("%d KB bomb: %d KB allocated", len(c.body)>>10, n>>10)
			if n > bound {
				t.Errorf("allocated %d MB for a %d KB bomb; want under %d MB", n>>20, len(c.body)>>10, bound>>20)
			}
		})
	}
}

// TestGzipBody: a request body sent with Content-Encoding: gzip is read
// inflated, HTML or JSON; an unknown encoding is refused.
func TestGzipBody(t *testing.T) {
	s := newTestServer(t, Config{MaxBody: 1 << 20})
	page := "<html><body><p>" + strings.Repeat("Body text. ", 50) + "</p></body></html>"
	cases := []struct {
		name, contentType, encoding string
		body                        []byte
		wantCode                    int
		wantErr                     string
	}{
		{"gzip HTML", "text/html", "gzip", gz(t, []byte(page)), 200, ""},
		{"x-gzip HTML", "text/html", "x-gzip", gz(t, []byte(page)), 200, ""},
		{"gzip JSON", "application/json", "gzip", gz(t, []byte(`{"html":"<p>x</p>"}`)), 200, ""},
		{"identity", "text/html", "identity", []byte(page), 200, ""},
		{"brotli", "text/html", "br", []byte(page), 415, "bad_encoding"},
		{"not gzip", "text/html", "gzip", []byte(page), 400, "bad_body"},
		{"cut short", "text/html", "gzip", gz(t, []byte(page))[:40], 400, "bad_body"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := post(t, s, c.contentType, c.encoding, c.body)
			if r.code != c.wantCode {
				t.Fatalf("code %d, want %d: %s", r.code, c.wantCode, r.body)
			}
			if c.wantErr != "" {
				if got := errorCode(t, r); got != c.wantErr {
					t.Errorf("error code %q, want %q", got, c.wantErr)
				}
			}
		})
	}
}
