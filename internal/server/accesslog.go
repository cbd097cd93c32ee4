package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/winnow-go/winnow/article"
)

// The access log (Config.AccessLog) gets one line per request, written
// when the answer is complete, with the fields
//
//	method    the request's method ("-" for a request net/http refused
//	          before reading it, unread.go)
//	path      the request's path, never its query; for GET /{url}, "/"
//	          and the target URL without its query, fragment or user info;
//	          "-" for a request net/http refused
//	status    the status code answered
//	duration  from the request's arrival to the end of the answer
//	bytes     the bytes of the response body sent (none for HEAD, whose
//	          body net/http drops)
//	url       the page's address, when the request named one (the same
//	          redaction as path)
//	page      the page's status (ok, empty, blocked, ...), when the page
//	          was extracted
//	error     the error code of an error answer
//
// A query string may hold tokens or personal data (the target's own query
// on GET /{url}, ?url= on /v1/extract), so none is ever logged.

// maxLoggedPath caps the length of the path and url fields.
const maxLoggedPath = 512

// accessEntry is what a handler notes about its request for the access log.
type accessEntry struct {
	url   string         // the page's URL, as the client gave it
	page  article.Status // the page's status, once extracted
	error string         // the error code answered
}

// entry returns the access entry behind w, or nil when w is not the
// writer route gave the handler.
func entry(w http.ResponseWriter) *accessEntry {
	if sw, ok := w.(*statusWriter); ok {
		return &sw.entry
	}
	return nil
}

// noteURL records the page's URL of the request answered on w.
func noteURL(w http.ResponseWriter, u string) {
	if e := entry(w); e != nil {
		e.url = u
	}
}

// notePage records the page's status.
func notePage(w http.ResponseWriter, st article.Status) {
	if e := entry(w); e != nil {
		e.page = st
	}
}

// noteError records the error code answered.
func noteError(w http.ResponseWriter, code string) {
	if e := entry(w); e != nil {
		e.error = code
	}
}

// logAccess writes the access line of r, answered through sw.
func (s *Server) logAccess(r *http.Request, route string, sw *statusWriter, d time.Duration) {
	if s.cfg.AccessLog == nil {
		return
	}
	p := r.URL.Path
	if route == readerRoute {
		p = "/" + redactURL(readerTarget(r))
	}
	sent := sw.bytes
	if r.Method == http.MethodHead {
		sent = 0
	}
	attrs := []slog.Attr{
		slog.String("method", r.Method),
		slog.String("path", clip(p)),
		slog.Int("status", sw.status()),
		slog.Duration("duration", d),
		slog.Int64("bytes", sent),
	}
	if sw.entry.url != "" && route != readerRoute {
		attrs = append(attrs, slog.String("url", redactURL(sw.entry.url)))
	}
	if sw.entry.page != "" {
		attrs = append(attrs, slog.String("page", string(sw.entry.page)))
	}
	if sw.entry.error != "" {
		attrs = append(attrs, slog.String("error", sw.entry.error))
	}
	s.cfg.AccessLog.LogAttrs(context.Background(), slog.LevelInfo, "request", attrs...)
}

// redactURL is raw without its query, fragment and user info, clipped;
// what cannot be parsed is logged as "-".
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return "-"
	}
	u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
	return clip(u.String())
}

// clip cuts s to maxLoggedPath bytes, at a rune boundary.
func clip(s string) string {
	if len(s) <= maxLoggedPath {
		return s
	}
	cut := maxLoggedPath
	for cut > 0 && !isRuneStart(s[cut]) {
		cut--
	}
	return strings.ToValidUTF8(s[:cut], "") + "…"
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }
