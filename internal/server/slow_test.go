package server

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/winnow-go/winnow/fetch"
)

// testDeadline bounds how long these tests wait for anything; it is a
// guard against hanging, not a measure of speed.
const testDeadline = 20 * time.Second

// serveReal runs s behind a real http.Server configured as HTTPServer
// configures it, on a listener wrapped as Run wraps it, so read deadlines
// and connection handling are the real ones.
func serveReal(t *testing.T, s *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewUnstartedServer(nil)
	ts.Config = s.HTTPServer()
	ts.Listener = s.Listener(ts.Listener)
	ts.Start()
	t.Cleanup(ts.Close)
	return ts
}

// dripServer answers every request with a 200 whose body never finishes:
// one byte, then nothing until the test ends. hits counts the requests.
func dripServer(t *testing.T) (ts *httptest.Server, hits func() int) {
	t.Helper()
	var mu sync.Mutex
	n := 0
	done := make(chan struct{})
	ts = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "1000")
		w.WriteHeader(http.StatusOK)
		w.Write([]byte("<"))
		http.NewResponseController(w).Flush()
		select {
		case <-done:
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(func() { close(done); ts.Close() })
	return ts, func() int { mu.Lock(); defer mu.Unlock(); return n }
}

// slowBody opens a connection that sends a POST's headers and the first
// byte of its body, then nothing. The connection closes at the end of the
// test.
func slowBody(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	fmt.Fprintf(c, "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n<")
	return c
}

// waitFor polls cond until it holds, failing the test after testDeadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(testDeadline); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestSlowClientsHoldNoSlot: clients that send their body slowly, and
// fetches of a server that drips its answer, take no extraction slot, so
// a normal request is answered 200 while they hold on.
func TestSlowClientsHoldNoSlot(t *testing.T) {
	const slow = 3 // each kind; more than the slots and the queue together
	drip, hits := dripServer(t)
	s := newTestServer(t, Config{Concurrency: 1, Queue: 1, Fetches: slow + 1, Fetch: fetch.Options{AllowPrivate: true}})
	ts := serveReal(t, s)
	addr := ts.Listener.Addr().String()

	for range slow {
		slowBody(t, addr)
	}
	fetchCtx, cancelFetches := context.WithCancel(context.Background())
	defer cancelFetches()
	for range slow {
		go func() {
			req, _ := http.NewRequestWithContext(fetchCtx, "GET", ts.URL+"/v1/extract?url="+drip.URL+"/", nil)
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
	// Every slow body is being read and every fetch is waiting on the
	// dripping server.
	waitFor(t, "the slow clients", func() bool { return s.bodies.used.Load() >= slow*4096 && hits() == slow })

	resp, err := ts.Client().Post(ts.URL+"/v1/extract", "text/html", strings.NewReader("<p>x</p>"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("normal POST while slow clients hold on: %d %s, want 200", resp.StatusCode, body)
	}
	// A fetch of a server that answers still has a place in the pool.
	fast := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<p>y</p>") }))
	defer fast.Close()
	resp, err = ts.Client().Get(ts.URL + "/v1/extract?url=" + fast.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("normal fetch while slow clients hold on: %d %s, want 200", resp.StatusCode, body)
	}
	// One more dripping fetch fills the pool: the next is turned away.
	go func() {
		req, _ := http.NewRequestWithContext(fetchCtx, "GET", ts.URL+"/v1/extract?url="+drip.URL+"/", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	waitFor(t, "the pool to fill", func() bool { return hits() == slow+1 })
	resp, err = ts.Client().Get(ts.URL + "/v1/extract?url=" + fast.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	r := response{code: resp.StatusCode, header: resp.Header}
	r.body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if r.code != 503 || errorCode(t, r) != "overloaded" || r.header.Get("Retry-After") == "" {
		t.Fatalf("fetch with the pool full: %d %s, want 503 overloaded with Retry-After", r.code, r.body)
	}
}

// readResponse reads one HTTP response from c.
func readResponse(t *testing.T, c net.Conn) response {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(testDeadline))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return response{code: resp.StatusCode, header: resp.Header, body: b}
}

// TestBodyDeadline: a body that does not arrive within BodyTimeout gets a
// JSON 408, and its bytes go back to the budget.
func TestBodyDeadline(t *testing.T) {
	s := newTestServer(t, Config{BodyTimeout: 100 * time.Millisecond})
	ts := serveReal(t, s)
	c := slowBody(t, ts.Listener.Addr().String())
	r := readResponse(t, c)
	if r.code != http.StatusRequestTimeout || errorCode(t, r) != "body_timeout" {
		t.Fatalf("slow body: %d %s, want 408 body_timeout", r.code, r.body)
	}
	waitFor(t, "the body's bytes to go back", func() bool { return s.bodies.used.Load() == 0 })
}

// TestFetchDeadline: a fetch of a server that drips its answer ends at
// the fetch deadline with a JSON 504, however long the extraction
// deadline.
func TestFetchDeadline(t *testing.T) {
	drip, _ := dripServer(t)
	s := newTestServer(t, Config{Timeout: time.Hour, Fetch: fetch.Options{AllowPrivate: true, Timeout: 100 * time.Millisecond}})
	r := do(t, s, "GET", "/v1/extract?url="+drip.URL+"/", "", nil)
	if r.code != http.StatusGatewayTimeout || errorCode(t, r) != "upstream_timeout" {
		t.Fatalf("dripping fetch: %d %s, want 504 upstream_timeout", r.code, r.body)
	}
	if n := len(s.fetches.admit); n != 0 {
		t.Errorf("%d fetch places still taken", n)
	}
}

// TestBodyBudget: bodies that would pass BodyBytes together are turned
// away with 503; what is under it is served, and every byte taken is given
// back.
func TestBodyBudget(t *testing.T) {
	s := newTestServer(t, Config{MaxBody: 1 << 20, BodyBytes: 64 << 10})
	r := do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader("<p>"+strings.Repeat("x", 200<<10)+"</p>"))
	if r.code != 503 || errorCode(t, r) != "overloaded" || r.header.Get("Retry-After") == "" {
		t.Fatalf("body over the budget: %d %s, want 503 overloaded", r.code, r.body)
	}
	r = do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader("<p>"+strings.Repeat("x", 20<<10)+"</p>"))
	if r.code != 200 {
		t.Fatalf("body under the budget: %d %s", r.code, r.body)
	}
	if n := s.bodies.used.Load(); n != 0 {
		t.Errorf("%d bytes still held after the requests", n)
	}
	m := do(t, s, "GET", "/metrics", "", nil)
	if want := `winnow_overload_rejections_total{pool="body"} 1`; !strings.Contains(string(m.body), want) {
		t.Errorf("metrics lack %s", want)
	}
	var a any
	if json.Unmarshal(r.body, &a) != nil {
		t.Errorf("200 body is not JSON: %q", r.body)
	}
}

// TestExtractionDeadline: the real engine on a page that takes far longer
// than the extraction deadline answers a JSON 504, not the article late.
func TestExtractionDeadline(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body><article><h1>A long page</h1>")
	for i := range 3000 {
		fmt.Fprintf(&b, "<div><h2>Part %d</h2><p>The council met again on the %dth day and voted to keep the library open.</p></div>", i, i)
	}
	b.WriteString("</article></body></html>")
	s := New(Config{Timeout: time.Millisecond})
	r := do(t, s, "POST", "/v1/extract", "text/html", strings.NewReader(b.String()))
	if r.code != http.StatusGatewayTimeout || errorCode(t, r) != "timeout" {
		t.Fatalf("slow page: %d %.200s, want 504 timeout", r.code, r.body)
	}
}
