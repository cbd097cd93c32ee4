package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/fetch"
	"github.com/winnow-go/winnow/render"
)

// extractRequest is one extraction request after parsing, whichever way it
// came in.
type extractRequest struct {
	URL     string
	HTML    []byte // nil: fetch URL
	Format  render.Format
	Explain bool
	// ArticlesOnly refuses pages that are not articles (Options.ArticlesOnly).
	ArticlesOnly bool
}

// jsonRequest is the body of POST /v1/extract with Content-Type
// application/json. Fields override the query parameters of the same name.
type jsonRequest struct {
	URL     string `json:"url"`
	HTML    string `json:"html"`
	Format  string `json:"format"`
	Explain *bool  `json:"explain"`
	// ArticlesOnly is the articles_only query parameter.
	ArticlesOnly *bool `json:"articles_only"`
}

// contentTypes maps each output format to its media type.
var contentTypes = map[render.Format]string{
	render.FormatJSON:     "application/json; charset=utf-8",
	render.FormatText:     "text/plain; charset=utf-8",
	render.FormatMarkdown: "text/markdown; charset=utf-8",
	render.FormatHTML:     "text/html; charset=utf-8",
}

// htmlOutputCSP sandboxes format=html answers: the article's HTML is our
// own rendering, but it is shown from our origin, so it may run nothing.
const htmlOutputCSP = "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; sandbox"

func (s *Server) handleExtract(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodPost) {
		return
	}
	req, err := parseQuery(r)
	if err != nil {
		s.fail(w, err)
		return
	}
	if r.Method == http.MethodGet && req.URL == "" {
		s.fail(w, errorf(http.StatusBadRequest, "missing_url", "GET /v1/extract needs ?url=; to send HTML, POST it"))
		return
	}
	release, ok := s.limit.acquire(r.Context())
	if !ok {
		s.metrics.rejected.Inc()
		w.Header().Set("Retry-After", "1")
		s.fail(w, errorf(http.StatusServiceUnavailable, "overloaded", "too many extractions in progress; retry shortly"))
		return
	}
	defer release()
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()

	if r.Method == http.MethodPost {
		if err := s.readBody(w, r, &req); err != nil {
			s.fail(w, err)
			return
		}
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	a, err := s.run(ctx, req)
	if err != nil {
		s.fail(w, err)
		return
	}
	var buf bytes.Buffer
	if err := render.Write(&buf, a, req.Format); err != nil {
		s.log.Error("render", "format", req.Format, "err", err)
		s.fail(w, errorf(http.StatusInternalServerError, "internal", "could not render the article"))
		return
	}
	h := w.Header()
	h.Set("Content-Type", contentTypes[req.Format])
	h.Set("Cache-Control", "no-store")
	h.Set("Winnow-Status", string(a.Status))
	if req.Format == render.FormatHTML {
		h.Set("Content-Security-Policy", htmlOutputCSP)
	}
	w.Write(buf.Bytes())
}

// parseQuery reads the query parameters shared by GET and POST.
func parseQuery(r *http.Request) (extractRequest, error) {
	q := r.URL.Query()
	req := extractRequest{URL: strings.TrimSpace(q.Get("url")), Format: render.FormatJSON}
	if f := q.Get("format"); f != "" {
		format, err := parseFormat(f)
		if err != nil {
			return req, err
		}
		req.Format = format
	}
	if e := q.Get("explain"); e != "" {
		b, err := parseBool("explain", e)
		if err != nil {
			return req, err
		}
		req.Explain = b
	}
	if e := q.Get("articles_only"); e != "" {
		b, err := parseBool("articles_only", e)
		if err != nil {
			return req, err
		}
		req.ArticlesOnly = b
	}
	return req, nil
}

// parseFormat accepts the formats that answer one request.
func parseFormat(s string) (render.Format, error) {
	f := render.Format(strings.ToLower(s))
	if _, ok := contentTypes[f]; !ok {
		return "", errorf(http.StatusBadRequest, "bad_format", fmt.Sprintf("unknown format %q; want json, text, markdown or html", s))
	}
	return f, nil
}

func parseBool(name, s string) (bool, error) {
	switch strings.ToLower(s) {
	case "1", "true", "yes", "on":
		return true, nil
	case "0", "false", "no", "off":
		return false, nil
	}
	return false, errorf(http.StatusBadRequest, "bad_parameter", fmt.Sprintf("%s=%q: want 1 or 0", name, s))
}

// readBody reads a POST body into req: JSON {"url","html",...} when the
// Content-Type says JSON, the page's HTML otherwise.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, req *extractRequest) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	s.metrics.bytesIn.WithLabelValues("body").Add(float64(len(body)))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errorf(http.StatusRequestEntityTooLarge, "body_too_large", fmt.Sprintf("request body over the cap of %d bytes", s.cfg.MaxBody))
		}
		return errorf(http.StatusBadRequest, "bad_body", "could not read the request body: "+err.Error())
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "application/json" {
		if len(body) > 0 {
			req.HTML = body
		}
		return nil
	}
	var jr jsonRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&jr); err != nil {
		return errorf(http.StatusBadRequest, "bad_json", "request body is not valid JSON for this endpoint: "+err.Error())
	}
	if dec.More() {
		return errorf(http.StatusBadRequest, "bad_json", "request body holds more than one JSON value")
	}
	if jr.URL != "" {
		req.URL = strings.TrimSpace(jr.URL)
	}
	if jr.HTML != "" {
		req.HTML = []byte(jr.HTML)
	}
	if jr.Format != "" {
		f, err := parseFormat(jr.Format)
		if err != nil {
			return err
		}
		req.Format = f
	}
	if jr.Explain != nil {
		req.Explain = *jr.Explain
	}
	if jr.ArticlesOnly != nil {
		req.ArticlesOnly = *jr.ArticlesOnly
	}
	if req.HTML == nil && req.URL == "" {
		return errorf(http.StatusBadRequest, "missing_input", `JSON body needs "html" or "url"`)
	}
	return nil
}

// run fetches the page if needed and extracts it. A page with no article
// is not an error: its Article carries the status.
func (s *Server) run(ctx context.Context, req extractRequest) (*article.Article, error) {
	data, pageURL, contentType := req.HTML, req.URL, ""
	if data == nil {
		if req.URL == "" {
			return nil, errorf(http.StatusBadRequest, "missing_input", "send the page's HTML in the body, or a url to fetch")
		}
		page, err := s.fetch(ctx, req.URL)
		if err != nil {
			s.metrics.fetchErrors.WithLabelValues(fetch.Kind(err)).Inc()
			return nil, fetchError(err)
		}
		s.metrics.bytesIn.WithLabelValues("fetch").Add(float64(len(page.Body)))
		data, pageURL, contentType = page.Body, page.URL, page.ContentType
	}
	s.metrics.pageBytes.Observe(float64(len(data)))
	a, err := s.extract(ctx, data, winnow.Options{URL: pageURL, ContentType: contentType, Explain: req.Explain, ArticlesOnly: req.ArticlesOnly})
	var nae *winnow.NoArticleError
	switch {
	case err == nil:
		s.metrics.pages.WithLabelValues("article", string(a.Status)).Inc()
		return a, nil
	case errors.As(err, &nae) && a != nil:
		s.metrics.pages.WithLabelValues("no_article", string(a.Status)).Inc()
		return a, nil
	}
	he := extractError(err)
	s.metrics.pages.WithLabelValues("error", he.code).Inc()
	return nil, he
}

// extractError maps an extraction error to a response.
func extractError(err error) *httpError {
	switch {
	case errors.Is(err, winnow.ErrEmpty):
		return errorf(http.StatusBadRequest, "empty_input", "the page is empty")
	case errors.Is(err, winnow.ErrBinary):
		return errorf(http.StatusUnsupportedMediaType, "binary_input", "the page is binary, not text or HTML")
	case errors.Is(err, winnow.ErrTooLarge):
		return errorf(http.StatusRequestEntityTooLarge, "too_large", "the page is too large once decompressed")
	case errors.Is(err, winnow.ErrTooComplex):
		return errorf(http.StatusUnprocessableEntity, "too_complex", "the page holds too many elements")
	case errors.Is(err, winnow.ErrTruncatedGzip):
		return errorf(http.StatusBadRequest, "truncated_gzip", "the gzipped page ends early")
	case errors.Is(err, context.DeadlineExceeded):
		return errorf(http.StatusGatewayTimeout, "timeout", "extraction took longer than the server's deadline")
	case errors.Is(err, context.Canceled):
		return errorf(http.StatusServiceUnavailable, "canceled", "the request was canceled")
	}
	return &httpError{status: http.StatusInternalServerError, code: "internal", message: "extraction failed: " + err.Error()}
}

// fetchErrors maps each fetch error kind to its response. Problems with
// the URL are the client's (4xx); problems with the far server are 502/504.
var fetchErrors = map[string]struct {
	status int
	code   string
}{
	"forbidden_address":  {http.StatusForbidden, "forbidden_address"},
	"scheme":             {http.StatusBadRequest, "bad_scheme"},
	"bad_url":            {http.StatusBadRequest, "bad_url"},
	"too_large":          {http.StatusBadGateway, "upstream_too_large"},
	"too_many_redirects": {http.StatusBadGateway, "too_many_redirects"},
	"status":             {http.StatusBadGateway, "upstream_status"},
	"encoding":           {http.StatusBadGateway, "upstream_encoding"},
	"timeout":            {http.StatusGatewayTimeout, "upstream_timeout"},
	"dns":                {http.StatusBadGateway, "dns"},
	"canceled":           {http.StatusServiceUnavailable, "canceled"},
}

// fetchError maps a fetch error to a response; an unknown kind is a 502.
func fetchError(err error) *httpError {
	if r, ok := fetchErrors[fetch.Kind(err)]; ok {
		return errorf(r.status, r.code, err.Error())
	}
	return errorf(http.StatusBadGateway, "fetch_failed", err.Error())
}

// fail writes err as a JSON error response.
func (s *Server) fail(w http.ResponseWriter, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{status: http.StatusInternalServerError, code: "internal", message: "internal server error"}
	}
	switch {
	case he.code == "canceled":
		// The client went away; nobody reads this answer.
		s.log.Debug("request canceled", "err", he.message)
	case he.status >= 500:
		s.log.Error("request failed", "code", he.code, "err", he.message)
	}
	writeError(w, he.status, he.code, he.message)
}
