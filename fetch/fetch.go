// Package fetch gets web pages over HTTP without letting a URL reach the
// machine's own network (server-side request forgery), with caps on size,
// time and redirects. It is the fetcher of winnow's CLI and HTTP service;
// Go programs that extract pages from URLs they are given can use it the
// same way: fetch.New(fetch.Options{}).Fetch(ctx, url), then hand the
// Page's Body, URL and ContentType to winnow.Extract.
//
// A Fetcher only speaks http and https, and it refuses to connect to any
// address that is not public: loopback, private, carrier-grade NAT,
// link-local (which holds cloud metadata services), multicast, unspecified,
// broadcast, reserved, and IPv6 forms that carry such an IPv4 address. The
// check runs on the address that is really dialed, after DNS resolution,
// so a name that resolves differently the second time (DNS rebinding)
// cannot slip past it; it runs again for every redirect. Odd IPv4
// spellings in URLs (2130706433, 0177.0.0.1, 0x7f.1, 127.1) are read as the
// addresses they stand for and judged the same way.
//
// Every fetch has caps: body size (also after gzip decompression, so a
// small compressed bomb cannot fill memory), total time, and redirects.
package fetch

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Defaults used when an Options field is zero.
const (
	DefaultMaxBytes     = 10 << 20
	DefaultTimeout      = 20 * time.Second
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "winnow/0.1 (+https://github.com/winnow-go/winnow)"
)

// Options for a Fetcher. The zero value means the defaults.
type Options struct {
	// MaxBytes caps the body, also once decompressed; 0 means
	// DefaultMaxBytes. A longer body fails with ErrTooLarge.
	MaxBytes int64
	// Timeout bounds the whole fetch, redirects and body included; 0
	// means DefaultTimeout. Passing it fails with ErrTimeout.
	Timeout time.Duration
	// MaxRedirects is how many redirects are followed; 0 means
	// DefaultMaxRedirects, a negative number none.
	MaxRedirects int
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// AllowPrivate lets fetches reach loopback, private and link-local
	// addresses. Leave it false whenever the URL comes from someone else:
	// the CLI sets it (its user may fetch their own machine), the service
	// does not.
	AllowPrivate bool
}

// Page is a fetched response.
type Page struct {
	// URL is the final URL, after redirects: the one to resolve the
	// page's links against.
	URL string
	// StatusCode is the response's HTTP status, always 2xx.
	StatusCode int
	// ContentType is the response's Content-Type header, which may name
	// the page's charset.
	ContentType string
	// Body is decompressed from its Content-Encoding. A gzip file sent
	// without one (a .gz served as is) is left gzipped: pass the same cap
	// to the decoder, which inflates it.
	Body []byte
}

// Fetcher gets pages. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client

	// resolve and dialIP are the two steps of a connection. Tests replace
	// them to make a loopback test server stand in for a public host.
	resolve func(ctx context.Context, host string) ([]netip.Addr, error)
	dialIP  func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error)
}

// New returns a Fetcher with opts, its zero fields set to the defaults.
// Fetchers keep their connections for reuse: make one and share it.
func New(opts Options) *Fetcher {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.MaxRedirects == 0 {
		opts.MaxRedirects = DefaultMaxRedirects
	} else if opts.MaxRedirects < 0 {
		opts.MaxRedirects = 0
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	f := &Fetcher{opts: opts}
	f.resolve = func(ctx context.Context, host string) ([]netip.Addr, error) {
		return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	}
	d := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second, Control: f.control}
	f.dialIP = func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error) {
		return d.DialContext(ctx, network, ap.String())
	}
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would hide the real target from the address check
		DialContext:            f.dialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    10 * time.Second,
		DisableCompression:     true, // we ask for gzip ourselves and cap what it inflates to
		MaxIdleConns:           64,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 1 << 20,
	}
	f.client = &http.Client{Transport: tr, CheckRedirect: f.checkRedirect}
	return f
}

// Fetch gets rawURL, following redirects. A response whose status is not
// 2xx gives a *StatusError. The body is decompressed if the server sent it
// gzipped.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("fetch: %w: %v", ErrBadURL, err)
	}
	if err := f.checkURL(u); err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	ctx, cancel := context.WithTimeout(ctx, f.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetch: %w: %v", ErrBadURL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml;q=0.9,text/*;q=0.8,*/*;q=0.5")
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.wrap(ctx, u.String(), err)
	}
	defer resp.Body.Close()
	final := resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &StatusError{URL: final, StatusCode: resp.StatusCode}
	}
	if resp.ContentLength > f.opts.MaxBytes && resp.Header.Get("Content-Encoding") == "" {
		return nil, fmt.Errorf("fetch %s: %w: Content-Length %d over the cap of %d bytes", final, ErrTooLarge, resp.ContentLength, f.opts.MaxBytes)
	}
	body, err := f.readBody(resp)
	if err != nil {
		return nil, f.wrap(ctx, final, err)
	}
	return &Page{URL: final, StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: body}, nil
}

// wrap gives a client error a sentinel to match and a short message.
func (f *Fetcher) wrap(ctx context.Context, u string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	timedOut := errors.Is(ctx.Err(), context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout())
	if timedOut && !errors.Is(err, ErrTooLarge) {
		return fmt.Errorf("fetch %s: %w after %s", u, ErrTimeout, f.opts.Timeout)
	}
	return fmt.Errorf("fetch %s: %w", u, err)
}

// readBody reads the body, inflating gzip, and stops once the cap on
// either the wire bytes or the inflated bytes is passed. A body the far
// server cut short is ErrTruncated, gzipped or not; a gzip stream that
// came whole but is broken or ends early is ErrEncoding.
func (f *Fetcher) readBody(resp *http.Response) ([]byte, error) {
	max := f.opts.MaxBytes
	wire := &capReader{r: resp.Body, left: max, max: max}
	var r io.Reader = wire
	gzipped := false
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			if errors.Is(err, ErrTooLarge) {
				return nil, err
			}
			if wire.cut() {
				return nil, fmt.Errorf("%w: %v", ErrTruncated, wire.err)
			}
			return nil, fmt.Errorf("%w: gzip: %v", ErrEncoding, err)
		}
		defer zr.Close()
		r = &capReader{r: zr, left: max, max: max, inflated: true}
		gzipped = true
	default:
		return nil, fmt.Errorf("%w: unsupported Content-Encoding %q", ErrEncoding, enc)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		switch {
		case errors.Is(err, ErrTooLarge):
			return nil, err
		case wire.cut():
			return nil, fmt.Errorf("%w: %v", ErrTruncated, wire.err)
		case gzipped && (errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.Is(err, io.ErrUnexpectedEOF)):
			return nil, fmt.Errorf("%w: gzip: %v", ErrEncoding, err)
		}
		return nil, err
	}
	return data, nil
}

// capReader passes reads through until more than max bytes have been
// read, then fails with ErrTooLarge.
type capReader struct {
	r        io.Reader
	left     int64
	max      int64
	inflated bool
	err      error // the last error r returned
}

// cut reports whether r, the body on the wire, ended before its end.
func (c *capReader) cut() bool { return errors.Is(c.err, io.ErrUnexpectedEOF) }

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, c.tooLarge()
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	if err != nil {
		c.err = err
	}
	c.left -= int64(n)
	if c.left < 0 {
		return n, c.tooLarge()
	}
	return n, err
}

func (c *capReader) tooLarge() error {
	if c.inflated {
		return fmt.Errorf("%w: more than %d bytes after gzip decompression", ErrTooLarge, c.max)
	}
	return fmt.Errorf("%w: more than %d bytes", ErrTooLarge, c.max)
}

// checkURL refuses schemes other than http and https and hosts that are
// IP addresses (in any spelling) outside the public ranges. It rewrites an
// odd IPv4 spelling into the dotted form, so what is judged is what is
// dialed.
func (f *Fetcher) checkURL(u *url.URL) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return fmt.Errorf("%w: no scheme (want http:// or https://)", ErrBadURL)
	default:
		return fmt.Errorf("%w: %q (want http or https)", ErrScheme, u.Scheme)
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("%w: no host", ErrBadURL)
	}
	ip, ok, err := parseHostIP(host)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrBadURL, err)
	}
	if !ok {
		return nil
	}
	if !f.opts.AllowPrivate {
		if err := CheckAddr(ip); err != nil {
			return err
		}
	}
	canon := ip.String()
	if ip.Is6() {
		canon = "[" + canon + "]"
	}
	if p := u.Port(); p != "" {
		canon += ":" + p
	}
	u.Host = canon
	return nil
}

// checkRedirect runs before each redirect is followed.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("%w: more than %d", ErrTooManyRedirects, f.opts.MaxRedirects)
	}
	if err := f.checkURL(req.URL); err != nil {
		return fmt.Errorf("redirect to %s: %w", req.URL, err)
	}
	return nil
}

// dialContext resolves the host itself, judges each address, and dials
// only an address that passed, so the address judged is the one dialed.
func (f *Fetcher) dialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, portStr, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	port, err := strconv.ParseUint(portStr, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("%w: bad port %q", ErrBadURL, portStr)
	}
	var ips []netip.Addr
	if ip, ok, err := parseHostIP(host); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadURL, err)
	} else if ok {
		ips = []netip.Addr{ip}
	} else {
		ips, err = f.resolve(ctx, host)
		if err != nil {
			return nil, err
		}
	}
	var firstErr error
	for _, ip := range ips {
		if !f.opts.AllowPrivate {
			if err := CheckAddr(ip); err != nil {
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
		}
		conn, err := f.dialIP(ctx, network, netip.AddrPortFrom(ip, uint16(port)))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = &net.DNSError{Err: "no addresses", Name: host, IsNotFound: true}
	}
	return nil, firstErr
}

// control is the dialer's last look at the socket address before connect.
// dialContext has already judged it; this guards any other path to the
// dialer.
func (f *Fetcher) control(network, address string, _ syscall.RawConn) error {
	if f.opts.AllowPrivate {
		return nil
	}
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot read dialed address %q", ErrForbiddenAddress, address)
	}
	return CheckAddr(ap.Addr())
}
