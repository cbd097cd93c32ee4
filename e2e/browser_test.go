// Package e2e drives the web page of "winnow serve" in a real headless
// Chromium. It is a module of its own so that chromedp stays out of the
// library's go.mod. Run it with scripts/e2e.sh.
//
// Environment:
//
//	WINNOW_CHROMIUM        the browser binary (default /usr/bin/chromium)
//	WINNOW_E2E_REQUIRE=1   fail, rather than skip, when the browser is missing
//	WINNOW_SCREENSHOT_DIR  where screenshots go (default: a temp dir, logged)
package e2e

import (
	"context"
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/winnow-go/winnow/internal/server"
)

func chromiumPath(t *testing.T) string {
	t.Helper()
	p := os.Getenv("WINNOW_CHROMIUM")
	if p == "" {
		p = "/usr/bin/chromium"
	}
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("WINNOW_E2E_REQUIRE") == "1" {
			t.Fatalf("no browser at %s (set WINNOW_CHROMIUM, or run scripts/e2e.sh)", p)
		}
		t.Skipf("no browser at %s; run scripts/e2e.sh", p)
	}
	return p
}

func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("WINNOW_SCREENSHOT_DIR")
	if dir == "" {
		d, err := os.MkdirTemp("", "winnow-e2e-")
		if err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startServer runs the real server with cfg, engine included, on loopback.
func startServer(t *testing.T, cfg server.Config) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- server.New(cfg).Run(ctx, ln, 5*time.Second) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("server shutdown: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// newBrowser starts headless Chromium with the flags it needs to run as
// root in a container, and a fresh profile. The problems it returns
// collect what the page reports on its console.
func newBrowser(t *testing.T) (context.Context, *problems) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(t)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1280, 1000),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	// The first action starts the browser; it must not run under a timeout.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("start %s: %v", chromiumPath(t), err)
	}
	p := &problems{}
	consoleCtx, stopConsole := context.WithCancel(ctx)
	messages := chromedp.Console(consoleCtx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				p.add(m.String())
			}
		}
	}()
	t.Cleanup(func() {
		stopConsole()
		<-done
		cancelCtx()
		cancelAlloc()
	})
	return ctx, p
}

// problems collects errors the page reports: exceptions, console errors,
// CSP violations.
type problems struct {
	mu   sync.Mutex
	list []string
}

func (p *problems) add(s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.list = append(p.list, s)
}

func (p *problems) get() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.list...)
}

// step runs actions with a deadline, failing the test with what the page
// reported if they do not complete.
func step(t *testing.T, ctx context.Context, p *problems, name string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v (page problems: %v)", name, err, p.get())
	}
}

// get runs one action that returns a value, with a deadline.
func get[T any](t *testing.T, ctx context.Context, p *problems, name string, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v (page problems: %v)", name, err, p.get())
	}
	return v
}

func save(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestBrowserExtract(t *testing.T) {
	fixture, err := os.ReadFile(filepath.Join("testdata", "story.html"))
	if err != nil {
		t.Fatal(err)
	}
	base := startServer(t, server.Config{})
	ctx, p := newBrowser(t)
	dir := screenshotDir(t)
	t.Logf("screenshots in %s", dir)

	step(t, ctx, p, "load the page",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("html")))
	step(t, ctx, p, "paste and extract",
		chromedp.SetValue(chromedp.ID("url"), "https://news.example/2024/03/sea-wall"),
		chromedp.SetValue(chromedp.ID("html"), string(fixture)),
		chromedp.Click(chromedp.ID("extract")),
		chromedp.WaitVisible(chromedp.ID("results")),
		chromedp.WaitVisible(chromedp.CSS(".article .title")))
	title := get(t, ctx, p, "title", chromedp.Text(chromedp.CSS(".article .title")))
	status := get(t, ctx, p, "status", chromedp.Text(chromedp.ID("status")))
	summary := get(t, ctx, p, "summary", chromedp.Text(chromedp.ID("removed-summary")))
	nParas := get(t, ctx, p, "paragraphs", chromedp.Evaluate[int](`document.querySelectorAll('#view .article p').length`))
	nRemoved := get(t, ctx, p, "removed", chromedp.Evaluate[int](`document.querySelectorAll('#removed li').length`))
	reasons := get(t, ctx, p, "reasons", chromedp.Evaluate[[]string](`[...document.querySelectorAll('#removed .reason')].map(e => e.textContent)`))
	pwned := get(t, ctx, p, "xss", chromedp.Evaluate[bool](`window.__pwned === 1 || document.querySelector('#view img, #removed img') !== null`))
	save(t, dir, "desktop.png", get(t, ctx, p, "screenshot", chromedp.FullScreenshot(100)))

	step(t, ctx, p, "switch to Markdown",
		chromedp.Click(chromedp.ID("tab-markdown")),
		chromedp.WaitVisible(chromedp.CSS("#view pre.source")))
	md := get(t, ctx, p, "markdown", chromedp.Text(chromedp.CSS("#view pre.source")))
	save(t, dir, "markdown.png", get(t, ctx, p, "screenshot", chromedp.FullScreenshot(100)))

	step(t, ctx, p, "switch to JSON with the keyboard",
		chromedp.Focus(chromedp.ID("tab-markdown")),
		chromedp.KeyEvent(kb.ArrowRight),
		chromedp.WaitVisible(chromedp.CSS("#view pre.source")))
	view := get(t, ctx, p, "focus", chromedp.Evaluate[string](`document.activeElement.id + ':' + document.querySelector('#tab-json').getAttribute('aria-selected')`))
	jsonText := get(t, ctx, p, "json", chromedp.TextContent(chromedp.CSS("#view pre.source")))

	step(t, ctx, p, "back to the article",
		chromedp.Click(chromedp.ID("tab-article")),
		chromedp.WaitVisible(chromedp.CSS(".article .title")))
	get(t, ctx, p, "clear the view", chromedp.Evaluate[int](`document.querySelector('#view').replaceChildren(); document.querySelector('#status').textContent = ''; 0`))
	step(t, ctx, p, "Ctrl+Enter extracts again",
		chromedp.Focus(chromedp.ID("html")),
		chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(kb.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS(".article .title")))

	step(t, ctx, p, "phone layout",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile))
	save(t, dir, "phone-top.png", get(t, ctx, p, "screenshot", chromedp.CaptureScreenshot()))
	phoneCols := get(t, ctx, p, "phone columns", chromedp.Evaluate[string](`getComputedStyle(document.querySelector('#results')).gridTemplateColumns`))
	get(t, ctx, p, "scroll", chromedp.Evaluate[int](`document.querySelector('#results').scrollIntoView(); 0`))
	save(t, dir, "phone-results.png", get(t, ctx, p, "screenshot", chromedp.CaptureScreenshot()))
	get(t, ctx, p, "scroll", chromedp.Evaluate[int](`document.querySelector('#removed-title').scrollIntoView(); 0`))
	save(t, dir, "phone-removed.png", get(t, ctx, p, "screenshot", chromedp.CaptureScreenshot()))
	overflow := get(t, ctx, p, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))

	if strings.Contains(strings.TrimSpace(phoneCols), " ") {
		t.Errorf("on a phone the results should be one column, got grid columns %q", phoneCols)
	}
	if overflow {
		t.Error("on a phone the page scrolls sideways")
	}
	if !strings.Contains(title, "sea wall") {
		t.Errorf("article title = %q", title)
	}
	if pwned {
		t.Error("page-derived markup was run or inserted as HTML")
	}
	if !strings.Contains(title, "<img") {
		t.Errorf("the title's literal markup should show as text: %q", title)
	}
	if nParas < 3 {
		t.Errorf("article view shows %d paragraphs, want the story's", nParas)
	}
	if nRemoved == 0 || len(reasons) != nRemoved {
		t.Errorf("removed list has %d items and %d reasons (summary %q)", nRemoved, len(reasons), summary)
	}
	for _, r := range reasons {
		if r == "" {
			t.Error("a removed item has no reason label")
		}
	}
	if !strings.HasPrefix(status, "Done") && !strings.HasPrefix(status, "No main content") {
		t.Errorf("status line = %q", status)
	}
	if !strings.Contains(md, "sea wall") {
		t.Errorf("markdown view = %.200q", md)
	}
	if view != "tab-json:true" {
		t.Errorf("after ArrowRight, focus:selected = %q, want tab-json:true", view)
	}
	var a struct {
		Title   string `json:"title"`
		Removed []struct {
			Reason string `json:"reason"`
		} `json:"removed"`
	}
	if err := json.Unmarshal([]byte(jsonText), &a); err != nil {
		t.Errorf("JSON view is not JSON: %v", err)
	} else if len(a.Removed) != nRemoved {
		t.Errorf("JSON has %d removals, the list shows %d", len(a.Removed), nRemoved)
	}
	if probs := p.get(); len(probs) > 0 {
		t.Errorf("the page reported problems:\n%s", strings.Join(probs, "\n"))
	}
	t.Logf("title %q; %d removed (%s); status %q", title, nRemoved, summary, status)
}

// TestBrowserError checks that an API error shows in the status line.
func TestBrowserError(t *testing.T) {
	base := startServer(t, server.Config{})
	ctx, p := newBrowser(t)
	step(t, ctx, p, "fetch a private address",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("url")),
		chromedp.SetValue(chromedp.ID("url"), "http://127.0.0.1:1/private"),
		chromedp.Click(chromedp.ID("extract")),
		chromedp.WaitVisible(chromedp.CSS("#status.error")))
	status := get(t, ctx, p, "status", chromedp.Text(chromedp.ID("status")))
	if !strings.Contains(status, "forbidden_address") {
		t.Errorf("status = %q, want the forbidden_address error", status)
	}
}
