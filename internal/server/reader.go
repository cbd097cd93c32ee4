package server

import (
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/winnow-go/winnow/render"
)

// GET /{url} is the Reader-style form of GET /v1/extract: the page's
// address is the path, as in /https://example.com/a?id=3 or, meaning
// https, /example.com/a?id=3. The request's whole query string is the
// target's; options therefore come in headers:
//
//	Accept            text/markdown (the default), text/plain, text/html
//	                  or application/json; q-values are honoured, a tie
//	                  goes to that order, and */* or no Accept is Markdown
//	X-Return-Format   markdown, text, html or json; wins over Accept
//	X-With-Links      1 keeps each block's links (Markdown [text](href))
//	X-With-Formatting 1 keeps bold, italic, inline code and code-block
//	                  languages (Options.Formatting)
//	X-With-Comments   1 adds the page's comments after the body
//	                  (Options.Comments)
//	X-With-Images     0 leaves figures out (X-No-Images: 1 says the same)
//	X-Focus           precision, balanced or recall
//
// The fetch is the one of GET /v1/extract: the fetch pool, the SSRF-safe
// fetcher (no private addresses without AllowPrivate), the same caps and
// deadlines. Answers carry Vary: Accept and the option headers.

// readerRoute names the route in metrics and the access log.
const readerRoute = "/{url}"

// readerVary lists the request headers a GET /{url} answer depends on.
const readerVary = "Accept, X-Return-Format, X-With-Links, X-With-Images, X-No-Images, X-Focus, X-With-Formatting, X-With-Comments"

// notHostSuffixes are file extensions: a first path segment ending in one
// (favicon.ico, robots.txt) is a file asked of this server, never a host.
var notHostSuffixes = []string{".ico", ".txt", ".json", ".xml", ".js", ".css", ".html", ".htm", ".png", ".svg", ".webmanifest", ".map"}

// isReaderPath says whether the path p (decoded, as in URL.Path) names a
// page to fetch: it starts with "/http:" or "/https:" (any case), or its
// first segment looks like a host name with a dot, such as example.com or
// 127.0.0.1:8080. The server's own routes never do: none has a dot in its
// first segment but /openapi.json, which ends in a file extension.
func isReaderPath(p string) bool {
	p, ok := strings.CutPrefix(p, "/")
	if !ok {
		return false
	}
	lp := strings.ToLower(p)
	if strings.HasPrefix(lp, "http:") || strings.HasPrefix(lp, "https:") {
		return true
	}
	seg, _, _ := strings.Cut(lp, "/")
	return looksLikeHost(seg)
}

// looksLikeHost says whether seg is a host name or IPv4 address with a
// dot, and an optional port: ASCII letters, digits, hyphens and dots, no
// empty label, not ending in a file extension.
func looksLikeHost(seg string) bool {
	host, port, hasPort := strings.Cut(seg, ":")
	if hasPort {
		if n, err := strconv.Atoi(port); err != nil || n <= 0 || n > 65535 || port[0] == '+' {
			return false
		}
	}
	if !strings.Contains(host, ".") || len(host) > 253 {
		return false
	}
	for _, label := range strings.Split(host, ".") {
		if label == "" || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range []byte(label) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
				return false
			}
		}
	}
	for _, ext := range notHostSuffixes {
		if strings.HasSuffix(strings.ToLower(host), ext) {
			return false
		}
	}
	return true
}

// readerTarget is the URL a GET /{url} request asks for: the path after
// its first slash, kept as the client escaped it, "https://" put before
// a bare host, and the request's query string as the target's own. A
// target sent percent-encoded whole (/https%3A%2F%2Fexample.com%2F) is
// decoded once.
func readerTarget(r *http.Request) string {
	t := strings.TrimPrefix(r.URL.EscapedPath(), "/")
	lt := strings.ToLower(t)
	if strings.HasPrefix(lt, "http%3a") || strings.HasPrefix(lt, "https%3a") {
		if u, err := url.PathUnescape(t); err == nil {
			t, lt = u, strings.ToLower(u)
		}
	}
	switch {
	case strings.HasPrefix(lt, "http:") || strings.HasPrefix(lt, "https:"):
		// A proxy may have merged the scheme's two slashes into one.
		scheme, rest, _ := strings.Cut(t, ":")
		if strings.HasPrefix(rest, "/") && !strings.HasPrefix(rest, "//") {
			rest = "/" + rest
		}
		t = scheme + ":" + rest
	default:
		t = "https://" + t
	}
	if r.URL.RawQuery != "" {
		t += "?" + r.URL.RawQuery
	}
	return t
}

// handleReader answers GET /{url}.
func (s *Server) handleReader(w http.ResponseWriter, r *http.Request) {
	target := readerTarget(r)
	w.Header().Set("Vary", readerVary)
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	req, err := readerOptions(r.Header)
	if err != nil {
		s.fail(w, err)
		return
	}
	req.URL = target
	s.answer(w, r, req)
}

// readerOptions reads the options of GET /{url} from its headers.
func readerOptions(h http.Header) (extractRequest, error) {
	var req extractRequest
	if f := strings.TrimSpace(h.Get("X-Return-Format")); f != "" {
		format, err := parseFormat(f)
		if err != nil {
			return req, err
		}
		req.Format = format
	} else {
		format, ok := negotiate(h.Values("Accept"))
		if !ok {
			return req, errorf(http.StatusNotAcceptable, "not_acceptable",
				"Accept names none of text/markdown, text/plain, text/html, application/json")
		}
		req.Format = format
	}
	var err error
	headerBool := func(name string, dst *bool, invert bool) {
		v := strings.TrimSpace(h.Get(name))
		if v == "" || err != nil {
			return
		}
		var b bool
		if b, err = parseBool(name, v); err == nil {
			*dst = b != invert
		}
	}
	var images, noImages bool
	headerBool("X-With-Links", &req.Links, false)
	headerBool("X-With-Formatting", &req.Formatting, false)
	headerBool("X-With-Comments", &req.Comments, false)
	headerBool("X-With-Images", &images, true) // true: the figures are dropped
	headerBool("X-No-Images", &noImages, false)
	if err != nil {
		return req, err
	}
	if h.Get("X-With-Images") != "" && h.Get("X-No-Images") != "" && images != noImages {
		return req, errorf(http.StatusBadRequest, "bad_parameter", "X-With-Images and X-No-Images disagree")
	}
	req.NoImages = images || noImages
	if f := h.Get("X-Focus"); f != "" {
		if req.Focus, err = parseFocus("X-Focus", f); err != nil {
			return req, err
		}
	}
	return req, nil
}

// readerOffers are the formats GET /{url} answers in, in the order that
// breaks a tie in the client's Accept: Markdown first, as Reader users
// expect.
var readerOffers = []struct {
	types  []string // the media type, then its aliases
	format render.Format
}{
	{[]string{"text/markdown", "text/x-markdown"}, render.FormatMarkdown},
	{[]string{"text/plain"}, render.FormatText},
	{[]string{"text/html"}, render.FormatHTML},
	{[]string{"application/json"}, render.FormatJSON},
}

// acceptRange is one media range of an Accept header and its weight.
type acceptRange struct {
	typ, sub string
	q        float64
}

// negotiate picks the format of an answer from the request's Accept
// header values: the offer with the highest weight, where each offer
// takes the weight of the most specific range that names it (type/sub,
// then type/*, then */*), and a tie goes to the earlier offer. No Accept
// means Markdown; ok is false when every offer has weight 0.
func negotiate(accept []string) (f render.Format, ok bool) {
	var ranges []acceptRange
	for _, v := range accept {
		for _, part := range strings.Split(v, ",") {
			if strings.TrimSpace(part) == "" {
				continue
			}
			mt, params, err := mime.ParseMediaType(part)
			if err != nil {
				continue
			}
			typ, sub, found := strings.Cut(mt, "/")
			if !found {
				continue
			}
			q := 1.0
			if qs, has := params["q"]; has {
				if q, err = strconv.ParseFloat(qs, 64); err != nil || q < 0 || q > 1 {
					continue
				}
			}
			ranges = append(ranges, acceptRange{typ, sub, q})
		}
	}
	if len(ranges) == 0 {
		return readerOffers[0].format, true
	}
	best, bestQ := -1, 0.0
	for i, o := range readerOffers {
		q := weight(ranges, o.types)
		if q > bestQ {
			best, bestQ = i, q
		}
	}
	if best < 0 {
		return "", false
	}
	return readerOffers[best].format, true
}

// weight is the weight ranges give the media types types (one type and its
// aliases): that of the most specific range naming one of them, 0 if none.
func weight(ranges []acceptRange, types []string) float64 {
	q, spec := 0.0, -1
	for _, t := range types {
		typ, sub, _ := strings.Cut(t, "/")
		for _, r := range ranges {
			s := -1
			switch {
			case r.typ == typ && r.sub == sub:
				s = 2
			case r.typ == typ && r.sub == "*":
				s = 1
			case r.typ == "*" && r.sub == "*":
				s = 0
			}
			if s > spec || s == spec && s >= 0 && r.q > q {
				q, spec = r.q, s
			}
		}
	}
	return q
}
