// Package server is winnow's HTTP service: the extraction API, health and
// metrics endpoints, the OpenAPI document and the web page.
//
// Routes:
//
//	POST /v1/extract     extract from HTML in the body, or from JSON {"url","html"}
//	GET  /v1/extract     fetch ?url= and extract
//	GET  /v1/reasons     every removal reason with its explanation
//	GET  /healthz        liveness
//	GET  /metrics        Prometheus metrics
//	GET  /openapi.json   the API described in OpenAPI 3
//	GET  /               the web page
//	GET  /{url}          fetch url and extract, Reader-style (reader.go)
//
// Every error is JSON {"error":{"code","message"}} with a 4xx or 5xx status;
// a panic in a handler becomes a 500 of that shape, never a stack trace.
// A path that is not canonical (dot segments, doubled slashes) is a 400 of
// that shape rather than a redirect. The answers net/http writes before
// any handler runs (a request it cannot parse, headers over HTTPServer's
// MaxHeaderBytes, an unknown transfer coding) are rewritten into that
// shape on the connections of Listener, which Run serves on (unread.go).
//
// A request takes three kinds of resource, one after the other, and never
// holds one while it waits for the next to arrive from the client or the
// far server: its body is read first, under its own deadline and a cap on
// the bytes of all bodies held at once; a fetch runs in a pool of its own,
// under the fetch deadline; only then does the request take one of the
// extraction slots. When a pool is full the server answers 503 with
// Retry-After at once rather than queueing without bound.
package server

import (
	"context"
	"embed"
	"errors"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"path"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/fetch"
)

// Defaults used when a Config field is zero.
const (
	DefaultMaxBody     = 10 << 20
	DefaultTimeout     = 30 * time.Second
	DefaultBodyTimeout = 10 * time.Second
)

// maxHeaderBytes caps a request's line and headers; a larger request gets
// a JSON 431. net/http reads up to httpMaxHeaderBytes before it answers
// 431 itself, in plain text that Listener's connections turn into JSON.
const (
	maxHeaderBytes     = 64 << 10
	httpMaxHeaderBytes = 1 << 20
)

// Config sets up a Server. The zero value means the defaults.
type Config struct {
	// MaxBody caps a request body, and the page in it, once inflated (a
	// Content-Encoding: gzip body, a gzipped page); a larger one gets 413.
	// 0 = 10 MB. Fetch.MaxBytes caps a fetched page the same way.
	MaxBody int64
	// BodyTimeout is how long a client may take to send its request body;
	// a slower one gets 408. It is read before the request takes an
	// extraction slot. 0 = 10s.
	BodyTimeout time.Duration
	// BodyBytes caps the bytes of request bodies held at once, being read
	// or waiting for their extraction; a body that would pass it gets 503.
	// 0 = 2 × (Concurrency + Queue) × MaxBody.
	BodyBytes int64
	// Timeout is the deadline of one extraction, from the moment the page
	// is in hand (read from the body, or fetched). 0 = 30s.
	Timeout time.Duration
	// Concurrency is how many extractions run at once. 0 = GOMAXPROCS.
	Concurrency int
	// Queue is how many more extraction requests may wait for a slot
	// before the server answers 503. 0 = 4 × Concurrency; negative = none.
	Queue int
	// Fetches is how many fetches run at once, apart from the extraction
	// slots; a request that needs a fetch when all are taken gets 503.
	// 0 = 2 × (Concurrency + Queue).
	Fetches int
	// Fetch configures fetching for GET /v1/extract and JSON {"url"}; its
	// Timeout is the deadline of one fetch.
	Fetch fetch.Options
	// MaxElements caps the start tags of a page (winnow.Options.MaxElements);
	// a page over it gets 422 too_complex. 0 = winnow.DefaultMaxElements,
	// negative = no cap.
	MaxElements int
	// Logger receives errors and panics; nil logs nothing.
	Logger *slog.Logger
	// AccessLog receives one line per request (accesslog.go); nil logs
	// none.
	AccessLog *slog.Logger
}

// extractFunc is the extraction step; tests replace it.
type extractFunc func(ctx context.Context, data []byte, opts winnow.Options) (*article.Article, error)

// fetchFunc is the fetch step; tests replace it.
type fetchFunc func(ctx context.Context, url string) (*fetch.Page, error)

// Server answers the API. It is an http.Handler, safe for concurrent use.
type Server struct {
	cfg     Config
	log     *slog.Logger
	handler http.Handler
	reader  http.Handler // GET /{url}
	metrics *metrics
	limit   *limiter // extraction slots and their queue
	fetches *limiter // fetches, no queue
	bodies  *budget  // bytes of request bodies held
	extract extractFunc
	fetch   fetchFunc
}

//go:embed web
var webFS embed.FS

//go:embed openapi.json
var openAPI []byte

// New returns a Server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = runtime.GOMAXPROCS(0)
	}
	if cfg.Queue == 0 {
		cfg.Queue = 4 * cfg.Concurrency
	} else if cfg.Queue < 0 {
		cfg.Queue = 0
	}
	if cfg.BodyTimeout <= 0 {
		cfg.BodyTimeout = DefaultBodyTimeout
	}
	if cfg.BodyBytes <= 0 {
		cfg.BodyBytes = 2 * int64(cfg.Concurrency+cfg.Queue) * cfg.MaxBody
	}
	if cfg.Fetches <= 0 {
		cfg.Fetches = 2 * (cfg.Concurrency + cfg.Queue)
	}
	if cfg.Fetch.Timeout <= 0 {
		cfg.Fetch.Timeout = fetch.DefaultTimeout
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{
		cfg:     cfg,
		log:     log,
		metrics: newMetrics(),
		limit:   newLimiter(cfg.Concurrency, cfg.Queue),
		fetches: newLimiter(cfg.Fetches, 0),
		bodies:  &budget{max: cfg.BodyBytes},
		extract: winnow.ExtractContext,
		fetch:   fetch.New(cfg.Fetch).Fetch,
	}
	static, err := fs.Sub(webFS, "web")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/extract", s.route("/v1/extract", s.handleExtract))
	mux.Handle("/v1/reasons", s.route("/v1/reasons", s.handleReasons))
	mux.Handle("/healthz", s.route("/healthz", s.handleHealth))
	mux.Handle("/metrics", s.route("/metrics", s.handleMetrics()))
	mux.Handle("/openapi.json", s.route("/openapi.json", s.handleOpenAPI))
	mux.Handle("/static/", s.route("/static", s.handleStatic(static)))
	mux.Handle("/static", s.route("/static", s.handleStatic(static))) // a 404, not the mux's redirect to /static/
	mux.Handle("/", s.route("/", s.handleRoot(static)))
	s.handler = mux
	s.reader = s.route(readerRoute, s.handleReader)
	return s
}

// ServeHTTP answers one request. A path that names a page to fetch goes to
// GET /{url} as it is; any other path that is not canonical gets a 400
// here, where http.ServeMux would answer with a redirect that is not JSON,
// and CONNECT a 405, where it would answer a plain-text 404.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if isReaderPath(r.URL.Path) {
		s.reader.ServeHTTP(w, r) // its target may hold doubled slashes
		return
	}
	if r.Method == http.MethodConnect {
		// Its target is a host, not a path: http.ServeMux would answer
		// a 404 in plain text.
		s.route("/", func(w http.ResponseWriter, r *http.Request) {
			allow(w, r, http.MethodGet, http.MethodHead, http.MethodPost)
		}).ServeHTTP(w, r)
		return
	}
	if p := r.URL.Path; p != "" && p != canonicalPath(p) {
		s.route("/", func(w http.ResponseWriter, r *http.Request) {
			writeError(w, http.StatusBadRequest, "bad_path", "the path is not canonical (dot segments or doubled slashes)")
		}).ServeHTTP(w, r)
		return
	}
	s.handler.ServeHTTP(w, r)
}

// canonicalPath is p as http.ServeMux wants it: cleaned, keeping a
// trailing slash.
func canonicalPath(p string) string {
	if p[0] != '/' {
		p = "/" + p
	}
	np := path.Clean(p)
	if p[len(p)-1] == '/' && np != "/" {
		np += "/"
	}
	return np
}

// HTTPServer returns an http.Server for s with read, write and idle
// timeouts set, so slow clients cannot hold connections open for ever.
// The extraction route reads its body under Config.BodyTimeout; the write
// timeout covers the longest request: body, fetch and extraction.
func (s *Server) HTTPServer() *http.Server {
	return &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      s.cfg.BodyTimeout + s.cfg.Fetch.Timeout + s.cfg.Timeout + 30*time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    httpMaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
}

// Run serves on ln until ctx is done, then shuts down gracefully: it stops
// accepting connections and waits up to grace for requests in flight to
// finish. It returns nil after a clean shutdown.
func (s *Server) Run(ctx context.Context, ln net.Listener, grace time.Duration) error {
	hs := s.HTTPServer()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(s.Listener(ln)) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if serr := <-errc; serr != nil && !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	return err
}

// route wraps a handler with what every route shares: security headers,
// panic recovery, and request metrics under a fixed route label.
func (s *Server) route(name string, h http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		hdr := sw.Header()
		hdr.Set("X-Content-Type-Options", "nosniff")
		hdr.Set("Referrer-Policy", "no-referrer")
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				s.log.Error("panic in handler", "route", name, "panic", p, "stack", string(debug.Stack()))
				if !sw.wrote {
					writeError(sw, http.StatusInternalServerError, "internal", "internal server error")
				}
			}
			s.metrics.requests.WithLabelValues(name, strconv.Itoa(sw.status())).Inc()
			s.metrics.latency.WithLabelValues(name).Observe(time.Since(start).Seconds())
			s.logAccess(r, name, sw, time.Since(start))
		}()
		if headerBytes(r) > maxHeaderBytes {
			writeError(sw, http.StatusRequestHeaderFieldsTooLarge, "headers_too_large",
				"the request line and headers are over the cap of "+strconv.Itoa(maxHeaderBytes)+" bytes")
			return
		}
		h(sw, r)
	})
}

// headerBytes is about the size of r's request line and headers, as
// net/http counts them against MaxHeaderBytes.
func headerBytes(r *http.Request) int {
	n := len(r.Method) + len(r.RequestURI) + len(r.Proto) + len(r.Host) + 4
	for k, vs := range r.Header {
		for _, v := range vs {
			n += len(k) + len(v) + 4
		}
	}
	return n
}

// statusWriter remembers the status code and the bytes written, and what
// the handler notes for the access log.
type statusWriter struct {
	http.ResponseWriter
	code  int
	wrote bool
	bytes int64
	entry accessEntry
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(p []byte) (int, error) {
	if !w.wrote {
		w.code, w.wrote = http.StatusOK, true
	}
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) status() int {
	if !w.wrote {
		return http.StatusOK
	}
	return w.code
}

// allow answers 405 unless r uses one of methods.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	allowed := ""
	for i, m := range methods {
		if i > 0 {
			allowed += ", "
		}
		allowed += m
	}
	w.Header().Set("Allow", allowed)
	writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "method "+r.Method+" not allowed; use "+allowed)
	return false
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(`{"status":"ok"}` + "\n"))
}

func (s *Server) handleOpenAPI(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

// pageCSP is the Content-Security-Policy of the web page: only our own
// script, style and API; no inline code, no frames, no plugins.
// Figures show the page's own images, from any http or https address,
// sent with no referrer.
const pageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: https: http:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (s *Server) handleRoot(static fs.FS) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			writeError(w, http.StatusNotFound, "not_found", "no such path: "+r.URL.Path)
			return
		}
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		page, err := fs.ReadFile(static, "index.html")
		if err != nil {
			writeError(w, http.StatusInternalServerError, "internal", "page missing")
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", pageCSP)
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		w.Write(page)
	}
}

func (s *Server) handleStatic(static fs.FS) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !allow(w, r, http.MethodGet, http.MethodHead) {
			return
		}
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		fi, err := fs.Stat(static, name)
		if err != nil || fi.IsDir() || name == "index.html" || !fs.ValidPath(name) {
			writeError(w, http.StatusNotFound, "not_found", "no such path: "+r.URL.Path)
			return
		}
		w.Header().Set("Content-Security-Policy", pageCSP)
		w.Header().Set("Cache-Control", "no-cache")
		http.ServeFileFS(w, r, static, name)
	}
}
