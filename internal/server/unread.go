package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// unreadRoute is the route label of the requests net/http refuses before
// any handler runs.
const unreadRoute = "unread"

// cannedHeaders is what net/http writes between the status line and the
// body of the few answers it makes itself, before any handler runs: a
// request it cannot read, headers over http.Server's MaxHeaderBytes, a
// transfer coding it does not know. Each is one write of the status line,
// these headers and a line of text. A handler's answer always carries a
// Date header and has its headers sorted (Connection before Content-Type),
// so it never takes this shape.
const cannedHeaders = "\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n"

// maxCanned is more than the longest of net/http's own answers (about 200
// bytes), so a long write is passed on without a look.
const maxCanned = 512

// cannedAnswer reports whether p is one of net/http's own plain-text
// answers, with its status and its text.
func cannedAnswer(p []byte) (status int, text string, ok bool) {
	rest, found := bytes.CutPrefix(p, []byte("HTTP/1.1 "))
	if !found || len(p) > maxCanned {
		return 0, "", false
	}
	line, body, found := bytes.Cut(rest, []byte(cannedHeaders))
	if !found || len(line) < 4 || line[3] != ' ' || bytes.Contains(line, []byte("\r\n")) || bytes.ContainsAny(body, "\r\n") {
		return 0, "", false
	}
	status, err := strconv.Atoi(string(line[:3]))
	if err != nil || status < 400 || status > 599 {
		return 0, "", false
	}
	return status, string(body), true
}

// Listener wraps ln so that the answers net/http writes itself, before any
// handler runs, are JSON errors of the server's shape too, counted in the
// metrics under the route "unread" and written to the access log with
// method and path "-". Run serves on such a
// listener; a caller serving HTTPServer itself should wrap its listener.
func (s *Server) Listener(ln net.Listener) net.Listener {
	return unreadListener{Listener: ln, s: s}
}

type unreadListener struct {
	net.Listener
	s *Server
}

func (l unreadListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &unreadConn{Conn: c, s: l.s}, nil
}

// unreadConn rewrites net/http's plain-text answers into JSON errors and
// passes every other write through.
type unreadConn struct {
	net.Conn
	s *Server
}

func (c *unreadConn) Write(p []byte) (int, error) {
	status, text, ok := cannedAnswer(p)
	if !ok {
		return c.Conn.Write(p)
	}
	code, message := "bad_request", "the request could not be read as HTTP/1.1"
	switch {
	case status == http.StatusRequestHeaderFieldsTooLarge:
		code, message = "headers_too_large", "the request line and headers are over the cap of "+strconv.Itoa(maxHeaderBytes)+" bytes"
	case status == http.StatusNotImplemented:
		code, message = "not_implemented", "the request's Transfer-Encoding is not supported"
	case strings.Contains(text, ": "):
		// net/http's reason, one of a few fixed phrases ("missing
		// required Host header").
		_, reason, _ := strings.Cut(text, ": ")
		message = "the request could not be read: " + reason
	}
	body, _ := json.Marshal(apiError{Error: errorBody{Code: code, Message: message}})
	body = append(body, '\n')
	c.s.metrics.requests.WithLabelValues(unreadRoute, strconv.Itoa(status)).Inc()
	c.s.log.Debug("request refused before its handler", "status", status, "code", code, "remote", c.RemoteAddr().String(), "detail", text)
	if c.s.cfg.AccessLog != nil {
		// The request was never read: no method, no path.
		c.s.cfg.AccessLog.LogAttrs(context.Background(), slog.LevelInfo, "request",
			slog.String("method", "-"), slog.String("path", "-"), slog.Int("status", status),
			slog.Duration("duration", 0), slog.Int("bytes", len(body)), slog.String("error", code))
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\r\n", status, http.StatusText(status))
	fmt.Fprintf(&b, "Cache-Control: no-store\r\nConnection: close\r\nContent-Length: %d\r\nContent-Type: application/json\r\n", len(body))
	fmt.Fprintf(&b, "Date: %s\r\nX-Content-Type-Options: nosniff\r\n\r\n", time.Now().UTC().Format(http.TimeFormat))
	b.Write(body)
	if _, err := c.Conn.Write(b.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}

// CloseWrite half-closes the connection, as net/http does after a 431 so
// that the client reads the answer before the connection goes.
func (c *unreadConn) CloseWrite() error {
	if cw, ok := c.Conn.(interface{ CloseWrite() error }); ok {
		return cw.CloseWrite()
	}
	return nil
}
