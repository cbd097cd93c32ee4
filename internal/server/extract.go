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
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/fetch"
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
	// Links, NoImages and Focus are Options.KeepLinks, DropImages and Focus.
	Links    bool
	NoImages bool
	Focus    winnow.Focus
	// Formatting and Comments are Options.Formatting and Comments.
	Formatting bool
	Comments   bool
}

// jsonRequest is the body of POST /v1/extract with Content-Type
// application/json. Fields override the query parameters of the same name.
type jsonRequest struct {
	URL     string `json:"url"`
	HTML    string `json:"html"`
	Format  string `json:"format"`
	Explain *bool  `json:"explain"`
	// ArticlesOnly is the articles_only query parameter.
	ArticlesOnly *bool  `json:"articles_only"`
	Links        *bool  `json:"links"`
	Images       *bool  `json:"images"`
	Focus        string `json:"focus"`
	Formatting   *bool  `json:"formatting"`
	Comments     *bool  `json:"comments"`
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
	// The request takes nothing while its client sends: the body is read
	// first, under its own deadline, then the page is fetched in the
	// fetch pool, and only then does the request wait for a slot.
	rc := http.NewResponseController(w)
	if r.Method == http.MethodPost {
		rc.SetReadDeadline(time.Now().Add(s.cfg.BodyTimeout))
		held, err := s.readBody(w, r, &req)
		defer s.bodies.give(held)
		if err != nil {
			s.fail(w, err)
			return
		}
	}
	// Past the body nothing more is read from the client: a read deadline
	// left on the connection would cancel the request's context when it
	// passed, in the middle of the work.
	rc.SetReadDeadline(time.Time{})
	s.answer(w, r, req)
}

// answer gets the page req asks for (its HTML, or its URL fetched in the
// fetch pool), extracts it in an extraction slot and writes it in
// req.Format. Both extraction routes end here.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, req extractRequest) {
	if req.URL != "" {
		noteURL(w, req.URL)
	}
	in, err := s.input(r.Context(), req)
	if err != nil {
		s.fail(w, err)
		return
	}
	release, ok := s.limit.acquire(r.Context())
	if !ok {
		s.fail(w, s.overload("extract", "too many extractions in progress; retry shortly"))
		return
	}
	defer release()
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()

	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	a, err := s.run(ctx, req, in)
	if err != nil {
		s.fail(w, err)
		return
	}
	notePage(w, a.Status)
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

// overload is the 503 of a request turned away because all of pool is
// taken (extract, fetch or body); it asks the client to retry shortly.
func (s *Server) overload(pool, message string) *httpError {
	s.metrics.rejected.WithLabelValues(pool).Inc()
	return &httpError{status: http.StatusServiceUnavailable, code: "overloaded", message: message, retry: true}
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
	if e := q.Get("links"); e != "" {
		b, err := parseBool("links", e)
		if err != nil {
			return req, err
		}
		req.Links = b
	}
	if e := q.Get("images"); e != "" {
		b, err := parseBool("images", e)
		if err != nil {
			return req, err
		}
		req.NoImages = !b
	}
	if e := q.Get("focus"); e != "" {
		f, err := parseFocus("focus", e)
		if err != nil {
			return req, err
		}
		req.Focus = f
	}
	if e := q.Get("formatting"); e != "" {
		b, err := parseBool("formatting", e)
		if err != nil {
			return req, err
		}
		req.Formatting = b
	}
	if e := q.Get("comments"); e != "" {
		b, err := parseBool("comments", e)
		if err != nil {
			return req, err
		}
		req.Comments = b
	}
	return req, nil
}

// parseFocus reads a focus: precision, balanced or recall.
func parseFocus(name, s string) (winnow.Focus, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "balanced":
		return winnow.Balanced, nil
	case "precision":
		return winnow.Precision, nil
	case "recall":
		return winnow.Recall, nil
	}
	return 0, errorf(http.StatusBadRequest, "bad_parameter", fmt.Sprintf("%s=%q: want precision, balanced or recall", name, s))
}

// parseFormat accepts the formats that answer one request.
func parseFormat(s string) (render.Format, error) {
	f := render.Format(strings.ToLower(s))
	if f == "md" {
		f = render.FormatMarkdown
	}
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
// Content-Type says JSON, the page's HTML otherwise. held is the bytes it
// took from the body budget, to give back once the request is done.
func (s *Server) readBody(w http.ResponseWriter, r *http.Request, req *extractRequest) (held int64, err error) {
	body, held, err := s.readCapped(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody), r.Header.Get("Content-Encoding"), s.cfg.MaxBody)
	s.metrics.bytesIn.WithLabelValues("body").Add(float64(len(body)))
	if err != nil {
		return held, err
	}
	return held, parseBody(r, body, req)
}

// errBodyBudget says that the bodies held at once would pass the budget.
var errBodyBudget = errors.New("request bodies over the budget")

// readAll reads r whole, taking the bytes of its buffer from s.bodies as
// the buffer grows, so that a slow client holds only what it has sent.
// held is what it took, given back by the caller when done with the data.
func (s *Server) readAll(r io.Reader) (data []byte, held int64, err error) {
	var buf []byte
	for {
		if len(buf) == cap(buf) {
			// Double, but never past the most MaxBytesReader lets through.
			grow := min(max(int64(cap(buf)), 4096), max(s.cfg.MaxBody+1-int64(cap(buf)), 4096))
			if !s.bodies.take(grow) {
				return nil, held, errBodyBudget
			}
			held += grow
			nb := make([]byte, len(buf), int64(cap(buf))+grow)
			copy(nb, buf)
			buf = nb
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, held, nil
		}
		if err != nil {
			return nil, held, err
		}
	}
}

// parseBody reads a body read whole into req.
func parseBody(r *http.Request, body []byte, req *extractRequest) error {
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
	if jr.Links != nil {
		req.Links = *jr.Links
	}
	if jr.Images != nil {
		req.NoImages = !*jr.Images
	}
	if jr.Formatting != nil {
		req.Formatting = *jr.Formatting
	}
	if jr.Comments != nil {
		req.Comments = *jr.Comments
	}
	if jr.Focus != "" {
		f, err := parseFocus("focus", jr.Focus)
		if err != nil {
			return err
		}
		req.Focus = f
	}
	if req.HTML == nil && req.URL == "" {
		return errorf(http.StatusBadRequest, "missing_input", `JSON body needs "html" or "url"`)
	}
	return nil
}

// inputPage is the input of one extraction: the page's bytes, its address
// and its Content-Type.
type inputPage struct {
	data        []byte
	url         string
	contentType string
}

// input is the page req asks for: the HTML it carries, or else its URL
// fetched in the fetch pool, under the fetch deadline.
func (s *Server) input(ctx context.Context, req extractRequest) (inputPage, error) {
	if req.HTML != nil {
		return inputPage{data: req.HTML, url: req.URL}, nil
	}
	if req.URL == "" {
		return inputPage{}, errorf(http.StatusBadRequest, "missing_input", "send the page's HTML in the body, or a url to fetch")
	}
	release, ok := s.fetches.acquire(ctx)
	if !ok {
		return inputPage{}, s.overload("fetch", "too many fetches in progress; retry shortly")
	}
	defer release()
	s.metrics.fetching.Inc()
	defer s.metrics.fetching.Dec()
	ctx, cancel := context.WithTimeout(ctx, s.cfg.Fetch.Timeout)
	defer cancel()
	p, err := s.fetch(ctx, req.URL)
	if err != nil {
		s.metrics.fetchErrors.WithLabelValues(fetch.Kind(err)).Inc()
		return inputPage{}, fetchError(err)
	}
	s.metrics.bytesIn.WithLabelValues("fetch").Add(float64(len(p.Body)))
	return inputPage{data: p.Body, url: p.URL, contentType: p.ContentType}, nil
}

// run extracts the page. A page with no article is not an error: its
// Article carries the status.
func (s *Server) run(ctx context.Context, req extractRequest, in inputPage) (*article.Article, error) {
	data, pageURL, contentType := in.data, in.url, in.contentType
	s.metrics.pageBytes.Observe(float64(len(data)))
	// The cap that let the bytes in also caps the page they expand to: a
	// gzipped page is inflated only up to it.
	max := s.cfg.MaxBody
	if req.HTML == nil {
		max = s.cfg.Fetch.MaxBytes
		if max <= 0 {
			max = fetch.DefaultMaxBytes
		}
	}
	a, err := s.extract(ctx, data, winnow.Options{
		URL: pageURL, ContentType: contentType, Explain: req.Explain, ArticlesOnly: req.ArticlesOnly, MaxBytes: max,
		KeepLinks: req.Links, DropImages: req.NoImages, Focus: req.Focus,
		Formatting: req.Formatting, Comments: req.Comments, MaxElements: s.cfg.MaxElements,
	})
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
	if he.code == "too_large" {
		if req.HTML == nil {
			// The far server's page, not the client's request, is too large.
			he = errorf(http.StatusBadGateway, "upstream_too_large", fmt.Sprintf("the fetched page is over the cap of %d bytes once decompressed", max))
		} else {
			he.message = fmt.Sprintf("the page is over the cap of %d bytes once decompressed", max)
		}
	}
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
	return &httpError{status: http.StatusInternalServerError, code: "internal", message: "extraction failed", detail: err.Error()}
}

// fetchErrors maps each fetch error kind to its response. Problems with
// the URL are the client's (4xx); problems with the far server are 502/504.
// The message says only what kind of failure it was: the error itself,
// which may name the server's resolver or the address a name resolves to,
// goes to the log.
var fetchErrors = map[string]struct {
	status  int
	code    string
	message string
}{
	"forbidden_address":  {http.StatusForbidden, "forbidden_address", "the URL's host is not a public address; loopback, private and link-local addresses are not fetched"},
	"scheme":             {http.StatusBadRequest, "bad_scheme", "only http and https URLs are fetched"},
	"bad_url":            {http.StatusBadRequest, "bad_url", "the URL is not a valid absolute http or https URL"},
	"too_large":          {http.StatusBadGateway, "upstream_too_large", "the page is over the fetch size cap"},
	"too_many_redirects": {http.StatusBadGateway, "too_many_redirects", "the page redirects too many times"},
	"status":             {http.StatusBadGateway, "upstream_status", "the far server did not answer 2xx"},
	"encoding":           {http.StatusBadGateway, "upstream_encoding", "the far server's answer could not be decoded"},
	"truncated":          {http.StatusBadGateway, "upstream_truncated", "the far server closed the connection before the end of the page"},
	"timeout":            {http.StatusGatewayTimeout, "upstream_timeout", "the fetch took longer than the fetch deadline"},
	"dns":                {http.StatusBadGateway, "dns", "the URL's host name could not be resolved"},
	"canceled":           {http.StatusServiceUnavailable, "canceled", "the request was canceled"},
}

// fetchError maps a fetch error to a response; an unknown kind is a 502.
func fetchError(err error) *httpError {
	he := &httpError{status: http.StatusBadGateway, code: "fetch_failed", message: "could not connect to the far server or read its answer", detail: err.Error()}
	if r, ok := fetchErrors[fetch.Kind(err)]; ok {
		he.status, he.code, he.message = r.status, r.code, r.message
	}
	var se *fetch.StatusError
	if errors.As(err, &se) {
		he.message = fmt.Sprintf("the far server answered %d", se.StatusCode)
	}
	return he
}

// fail writes err as a JSON error response and logs it: server errors and
// failures with details kept from the client (detail) at once, the
// client's own mistakes not at all.
func (s *Server) fail(w http.ResponseWriter, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = &httpError{status: http.StatusInternalServerError, code: "internal", message: "internal server error", detail: fmt.Sprint(err)}
	}
	switch {
	case he.code == "canceled":
		// The client went away; nobody reads this answer.
		s.log.Debug("request canceled", "err", he.message, "detail", he.detail)
	case he.status >= 500:
		s.log.Error("request failed", "status", he.status, "code", he.code, "err", he.message, "detail", he.detail)
	case he.detail != "":
		s.log.Info("request refused", "status", he.status, "code", he.code, "detail", he.detail)
	}
	if he.retry {
		w.Header().Set("Retry-After", "1")
	}
	writeError(w, he.status, he.code, he.message)
}
