package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"testing"
	"time"
)

// publicIP stands in for a public web server's address in tests.
var publicIP = netip.MustParseAddr("93.184.215.14")

// fakeNet makes a loopback httptest server look like a public host: the
// resolver maps names to addresses from a table, and every dial to a
// public address really goes to the test server. Dials to any other
// address are recorded and refused, so a test can see that a forbidden
// address was never dialed.
type fakeNet struct {
	hosts  map[string][]netip.Addr
	target string // the test server's host:port
	dialed []netip.AddrPort
}

func (n *fakeNet) install(f *Fetcher) {
	f.resolve = func(ctx context.Context, host string) ([]netip.Addr, error) {
		if ips, ok := n.hosts[host]; ok {
			return ips, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	f.dialIP = func(ctx context.Context, network string, ap netip.AddrPort) (net.Conn, error) {
		n.dialed = append(n.dialed, ap)
		if ap.Addr() != publicIP {
			return nil, fmt.Errorf("test dialer: %s is not the fake public host", ap)
		}
		var d net.Dialer
		return d.DialContext(ctx, network, n.target)
	}
}

// newFakePublic starts h on loopback and returns a Fetcher that reaches it
// as http://public.test:<port>/ with the address policy switched on.
func newFakePublic(t *testing.T, opts Options, h http.Handler, hosts map[string][]netip.Addr) (*Fetcher, string, *fakeNet) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	all := map[string][]netip.Addr{"public.test": {publicIP}}
	for k, v := range hosts {
		all[k] = v
	}
	n := &fakeNet{hosts: all, target: srv.Listener.Addr().String()}
	f := New(opts)
	n.install(f)
	return f, "http://public.test:" + port, n
}

func TestFetchScheme(t *testing.T) {
	f := New(Options{})
	cases := []struct {
		url  string
		want error
	}{
		{"ftp://example.com/x", ErrScheme},
		{"file:///etc/passwd", ErrScheme},
		{"gopher://example.com/", ErrScheme},
		{"javascript:alert(1)", ErrScheme},
		{"example.com/page", ErrBadURL},
		{"http://", ErrBadURL},
		{"http://256.1.1.1/", ErrBadURL},
		{"http://%zz/", ErrBadURL},
	}
	for _, c := range cases {
		t.Run(c.url, func(t *testing.T) {
			_, err := f.Fetch(context.Background(), c.url)
			if !errors.Is(err, c.want) {
				t.Fatalf("Fetch(%q) = %v, want %v", c.url, err, c.want)
			}
		})
	}
}

// TestFetchForbiddenLiteral checks URLs whose host is a forbidden address
// in any spelling. None of them may be dialed.
func TestFetchForbiddenLiteral(t *testing.T) {
	hosts := []string{
		"127.0.0.1", "127.1", "2130706433", "0177.0.0.1", "0x7f.1", "0x7f000001",
		"169.254.169.254", "2852039166", "0251.0376.0251.0376",
		"10.0.0.1", "192.168.0.1", "172.16.0.1", "100.64.0.1", "0.0.0.0", "0",
		"[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "[64:ff9b::7f00:1]",
		"[fe80::1]", "[fc00::1]", "[::]", "[ff02::1]", "224.0.0.1", "255.255.255.255",
	}
	for _, h := range hosts {
		t.Run(h, func(t *testing.T) {
			f := New(Options{})
			n := &fakeNet{}
			n.install(f)
			_, err := f.Fetch(context.Background(), "http://"+h+":8080/")
			if !errors.Is(err, ErrForbiddenAddress) {
				t.Fatalf("Fetch(http://%s/) = %v, want ErrForbiddenAddress", h, err)
			}
			if len(n.dialed) != 0 {
				t.Errorf("dialed %v, want no dial", n.dialed)
			}
		})
	}
}

// TestFetchLoopbackServer checks the real dialer: an httptest server is on
// loopback, so it is refused unless AllowPrivate is set.
func TestFetchLoopbackServer(t *testing.T) {
	var gotUA, gotAE string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gotUA, gotAE = r.UserAgent(), r.Header.Get("Accept-Encoding")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	}))
	defer srv.Close()

	t.Run("refused", func(t *testing.T) {
		_, err := New(Options{}).Fetch(context.Background(), srv.URL)
		if !errors.Is(err, ErrForbiddenAddress) {
			t.Fatalf("Fetch(%s) = %v, want ErrForbiddenAddress", srv.URL, err)
		}
		if Kind(err) != "forbidden_address" {
			t.Errorf("Kind = %q", Kind(err))
		}
	})
	t.Run("localhost name refused", func(t *testing.T) {
		_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
		_, err := New(Options{}).Fetch(context.Background(), "http://localhost:"+port+"/")
		if !errors.Is(err, ErrForbiddenAddress) {
			t.Fatalf("Fetch(localhost) = %v, want ErrForbiddenAddress", err)
		}
	})
	t.Run("AllowPrivate", func(t *testing.T) {
		p, err := New(Options{AllowPrivate: true}).Fetch(context.Background(), srv.URL+"/a")
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Body) != "<p>hello</p>" || p.StatusCode != 200 || p.ContentType != "text/html; charset=utf-8" {
			t.Errorf("page = %+v", p)
		}
		if gotUA != DefaultUserAgent {
			t.Errorf("User-Agent = %q, want %q", gotUA, DefaultUserAgent)
		}
		if gotAE != "gzip" {
			t.Errorf("Accept-Encoding = %q, want gzip", gotAE)
		}
	})
}

func TestControl(t *testing.T) {
	f := New(Options{})
	cases := []struct {
		addr string
		ok   bool
	}{
		{"93.184.215.14:80", true},
		{"[2606:4700::1111]:443", true},
		{"127.0.0.1:80", false},
		{"169.254.169.254:80", false},
		{"[::1]:80", false},
		{"[::ffff:10.0.0.1]:80", false},
		{"not-an-address", false},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			err := f.control("tcp", c.addr, nil)
			if (err == nil) != c.ok {
				t.Fatalf("control(%s) = %v, want ok=%v", c.addr, err, c.ok)
			}
		})
	}
	if err := New(Options{AllowPrivate: true}).control("tcp", "127.0.0.1:80", nil); err != nil {
		t.Errorf("AllowPrivate control = %v", err)
	}
}

func TestFetchRedirects(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "<p>ok</p>") })
	mux.HandleFunc("/to", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("u"), http.StatusFound)
	})
	mux.HandleFunc("/chain/", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(strings.TrimPrefix(r.URL.Path, "/chain/"), "%d", &n)
		if n == 0 {
			fmt.Fprint(w, "end")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusMovedPermanently)
	})
	hosts := map[string][]netip.Addr{
		"rebind.test":   {netip.MustParseAddr("169.254.169.254")},
		"internal.test": {netip.MustParseAddr("10.1.2.3"), netip.MustParseAddr("fd00::1")},
		"mixed.test":    {netip.MustParseAddr("127.0.0.1"), publicIP},
	}
	f, base, n := newFakePublic(t, Options{}, mux, hosts)
	_, port, _ := strings.Cut(strings.TrimPrefix(base, "http://"), ":")

	t.Run("plain", func(t *testing.T) {
		p, err := f.Fetch(context.Background(), base+"/page")
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Body) != "<p>ok</p>" {
			t.Errorf("body %q", p.Body)
		}
	})
	t.Run("follows a public redirect", func(t *testing.T) {
		p, err := f.Fetch(context.Background(), base+"/to?u=/page")
		if err != nil {
			t.Fatal(err)
		}
		if p.URL != base+"/page" {
			t.Errorf("final URL %q, want %q", p.URL, base+"/page")
		}
	})
	t.Run("name that resolves to a public and a loopback address", func(t *testing.T) {
		n.dialed = nil
		p, err := f.Fetch(context.Background(), "http://mixed.test:"+port+"/page")
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Body) != "<p>ok</p>" {
			t.Errorf("body %q", p.Body)
		}
		for _, ap := range n.dialed {
			if ap.Addr() != publicIP {
				t.Errorf("dialed %s", ap)
			}
		}
	})

	forbidden := []struct {
		name, to string
		want     error
	}{
		{"to 127.0.0.1", "http://127.0.0.1:" + port + "/page", ErrForbiddenAddress},
		{"to localhost-ish decimal", "http://2130706433:" + port + "/page", ErrForbiddenAddress},
		{"to octal", "http://0177.0.0.1:" + port + "/page", ErrForbiddenAddress},
		{"to hex short", "http://0x7f.1:" + port + "/page", ErrForbiddenAddress},
		{"to IPv6 loopback", "http://[::1]:" + port + "/page", ErrForbiddenAddress},
		{"to IPv4-mapped", "http://[::ffff:127.0.0.1]:" + port + "/page", ErrForbiddenAddress},
		{"to metadata", "http://169.254.169.254/latest/meta-data/", ErrForbiddenAddress},
		{"to name resolving to metadata", "http://rebind.test:" + port + "/page", ErrForbiddenAddress},
		{"to name resolving to private", "http://internal.test:" + port + "/page", ErrForbiddenAddress},
		{"to file scheme", "file:///etc/passwd", ErrScheme},
		{"to ftp", "ftp://public.test/x", ErrScheme},
	}
	for _, c := range forbidden {
		t.Run(c.name, func(t *testing.T) {
			n.dialed = nil
			_, err := f.Fetch(context.Background(), base+"/to?u="+c.to)
			if !errors.Is(err, c.want) {
				t.Fatalf("redirect %s: err = %v, want %v", c.to, err, c.want)
			}
			for _, ap := range n.dialed {
				if ap.Addr() != publicIP {
					t.Errorf("dialed forbidden %s", ap)
				}
			}
		})
	}

	t.Run("five redirects are followed", func(t *testing.T) {
		p, err := f.Fetch(context.Background(), base+"/chain/5")
		if err != nil {
			t.Fatal(err)
		}
		if string(p.Body) != "end" {
			t.Errorf("body %q", p.Body)
		}
	})
	t.Run("six redirects are too many", func(t *testing.T) {
		_, err := f.Fetch(context.Background(), base+"/chain/6")
		if !errors.Is(err, ErrTooManyRedirects) {
			t.Fatalf("err = %v, want ErrTooManyRedirects", err)
		}
	})
	t.Run("no redirects allowed", func(t *testing.T) {
		f0, base0, _ := newFakePublic(t, Options{MaxRedirects: -1}, mux, nil)
		_, err := f0.Fetch(context.Background(), base0+"/chain/1")
		if !errors.Is(err, ErrTooManyRedirects) {
			t.Fatalf("err = %v, want ErrTooManyRedirects", err)
		}
	})
}

func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func TestFetchBody(t *testing.T) {
	const max = 4096
	small := []byte(strings.Repeat("a", 1000))
	big := []byte(strings.Repeat("a", max+1))
	bomb := gzipped(t, make([]byte, 1<<20)) // 1 MB of zeros in about 1 KB
	if len(bomb) > max {
		t.Fatalf("bomb is %d bytes compressed; test needs it under the cap", len(bomb))
	}
	cases := []struct {
		name     string
		handler  http.HandlerFunc
		wantBody []byte
		wantErr  error
		status   int
	}{
		{name: "small", wantBody: small, handler: func(w http.ResponseWriter, r *http.Request) { w.Write(small) }},
		{name: "exactly the cap", wantBody: big[:max], handler: func(w http.ResponseWriter, r *http.Request) { w.Write(big[:max]) }},
		{name: "over the cap with Content-Length", wantErr: ErrTooLarge, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
			w.Write(big)
		}},
		{name: "over the cap chunked", wantErr: ErrTooLarge, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Write(big[:100])
			w.(http.Flusher).Flush()
			w.Write(big[100:])
		}},
		{name: "gzip", wantBody: small, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(gzipped(t, small))
		}},
		{name: "gzip bomb", wantErr: ErrTooLarge, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(bomb)
		}},
		{name: "broken gzip", wantErr: ErrEncoding, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write([]byte("this is not gzip"))
		}},
		{name: "truncated gzip", wantErr: ErrEncoding, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			z := gzipped(t, small)
			w.Write(z[:len(z)-10])
		}},
		{name: "unasked encoding", wantErr: ErrEncoding, handler: func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "br")
			w.Write(small)
		}},
		{name: "404", wantErr: ErrStatus, status: 404, handler: func(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }},
		{name: "503", wantErr: ErrStatus, status: 503, handler: func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "down", http.StatusServiceUnavailable)
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, base, _ := newFakePublic(t, Options{MaxBytes: max}, c.handler, nil)
			p, err := f.Fetch(context.Background(), base+"/")
			if c.wantErr != nil {
				if !errors.Is(err, c.wantErr) {
					t.Fatalf("err = %v, want %v", err, c.wantErr)
				}
				var se *StatusError
				if c.status != 0 && (!errors.As(err, &se) || se.StatusCode != c.status) {
					t.Errorf("err = %v, want status %d", err, c.status)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(p.Body, c.wantBody) {
				t.Errorf("body is %d bytes, want %d", len(p.Body), len(c.wantBody))
			}
		})
	}
}

func TestFetchTimeout(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	f, base, _ := newFakePublic(t, Options{Timeout: 50 * time.Millisecond}, h, nil)
	_, err := f.Fetch(context.Background(), base+"/")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want ErrTimeout", err)
	}
	if Kind(err) != "timeout" {
		t.Errorf("Kind = %q, want timeout", Kind(err))
	}
}

func TestKind(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{nil, ""},
		{&ForbiddenAddressError{Class: "loopback"}, "forbidden_address"},
		{fmt.Errorf("x: %w", ErrTooLarge), "too_large"},
		{ErrTooManyRedirects, "too_many_redirects"},
		{ErrScheme, "scheme"},
		{ErrBadURL, "bad_url"},
		{ErrTimeout, "timeout"},
		{&StatusError{StatusCode: 404}, "status"},
		{ErrEncoding, "encoding"},
		{&net.DNSError{Err: "no such host"}, "dns"},
		{context.Canceled, "canceled"},
		{errors.New("connection reset"), "network"},
	}
	for _, c := range cases {
		t.Run(c.want, func(t *testing.T) {
			if got := Kind(c.err); got != c.want {
				t.Errorf("Kind(%v) = %q, want %q", c.err, got, c.want)
			}
		})
	}
}

// TestFetchCutShort: a body the far server stops sending before its end
// (the connection closed short of its Content-Length, or inside a chunk)
// is reported as ErrTruncated, gzipped or not; only a gzip stream that
// is itself cut, sent whole, is a bad encoding.
func TestFetchCutShort(t *testing.T) {
	page := []byte(strings.Repeat("<p>Some words of the page.</p>\n", 200))
	z := gzipped(t, page)
	// cut writes head, then the first n bytes of body, and closes the
	// connection.
	cut := func(head string, body []byte) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				t.Error(err)
				return
			}
			defer conn.Close()
			buf.WriteString(head)
			buf.Write(body)
			buf.Flush()
		}
	}
	cases := []struct {
		name     string
		handler  http.HandlerFunc
		wantErr  error
		wantKind string
	}{
		{"plain, short of its Content-Length", cut(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n", len(page)), page[:len(page)/2]),
			ErrTruncated, "truncated"},
		{"plain, chunked, cut inside a chunk", cut(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n", len(page)), page[:len(page)/2]),
			ErrTruncated, "truncated"},
		{"gzip, short of its Content-Length", cut(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n", len(z)), z[:len(z)/2]),
			ErrTruncated, "truncated"},
		{"gzip stream cut, sent whole", cut(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n", len(z)/2), z[:len(z)/2]),
			ErrEncoding, "encoding"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, base, _ := newFakePublic(t, Options{}, c.handler, nil)
			_, err := f.Fetch(context.Background(), base+"/")
			if !errors.Is(err, c.wantErr) {
				t.Fatalf("err = %v, want %v", err, c.wantErr)
			}
			if c.wantErr == ErrTruncated && errors.Is(err, ErrEncoding) {
				t.Errorf("err = %v, also a bad encoding", err)
			}
			if got := Kind(err); got != c.wantKind {
				t.Errorf("Kind = %q, want %q", got, c.wantKind)
			}
		})
	}
}
