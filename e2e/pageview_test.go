package e2e

import (
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/winnow-go/winnow/fetch"
	"github.com/winnow-go/winnow/internal/server"
)

// ferrySVG is the fixture page's figure.
const ferrySVG = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="120" viewBox="0 0 320 120">` +
	`<rect width="320" height="120" fill="#9cc3d5"/><rect x="60" y="60" width="200" height="30" fill="#fff"/>` +
	`<rect x="120" y="40" width="80" height="20" fill="#fff"/><rect y="90" width="320" height="30" fill="#2f5d80"/></svg>`

// site serves the fixture pages on loopback, standing in for a news site,
// and records the Referer of each image request.
type site struct {
	url      string
	mu       sync.Mutex
	imgHits  int
	referers []string
}

func startSite(t *testing.T) *site {
	t.Helper()
	page, err := os.ReadFile(filepath.Join("testdata", "cuts.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := &site{}
	mux := http.NewServeMux()
	mux.HandleFunc("/news/ferry", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("/img/ferry.svg", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.imgHits++
		s.referers = append(s.referers, r.Header.Get("Referer"))
		s.mu.Unlock()
		w.Header().Set("Content-Type", "image/svg+xml")
		w.Write([]byte(ferrySVG))
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	hs := &http.Server{Handler: mux}
	go hs.Serve(ln)
	t.Cleanup(func() { hs.Close() })
	s.url = "http://" + ln.Addr().String()
	return s
}

// pieces is the page view as "kept" and "cut:<reason>" in order, each
// with the start of its text.
const piecesJS = `[...document.querySelectorAll('#view .piece')].map(e =>
  (e.classList.contains('cut') ? 'cut:' + e.dataset.reason : 'kept') + ' ' +
  (e.classList.contains('cut') ? e.querySelector('.cut-text').textContent : e.textContent).replace(/^Kept: /, '').trim().slice(0, 30))`

// TestBrowserPageView opens a shared /?url= link and checks the page
// view: kept blocks and cuts in the page's order, each cut labelled with
// its reason and explained on keyboard focus, the figure's image loaded
// with no referrer, the standfirst once, the options in the form, and a
// dropped or opened file extracted.
func TestBrowserPageView(t *testing.T) {
	fx := startSite(t)
	// The server may fetch loopback addresses, so that a shared /?url=
	// link can name the fixture site.
	base := startServer(t, server.Config{Fetch: fetch.Options{AllowPrivate: true}})
	ctx, p := newBrowser(t)
	dir := screenshotDir(t)
	t.Logf("screenshots in %s", dir)
	pageURL := fx.url + "/news/ferry"

	// A shared link runs on load, with its options.
	shared := base + "/?" + url.Values{"url": {pageURL}, "links": {"1"}}.Encode()
	step(t, ctx, p, "open a shared link",
		chromedp.Navigate(shared),
		chromedp.WaitVisible(chromedp.CSS("#view .page-view .piece.cut")))
	get(t, ctx, p, "wait for the figure", chromedp.Poll[bool](`document.querySelector('#view figure img') && document.querySelector('#view figure img').complete`))
	fieldURL := get(t, ctx, p, "url field", chromedp.Value(chromedp.ID("url")))
	linksOn := get(t, ctx, p, "links box", chromedp.Evaluate[bool](`document.querySelector('#links').checked`))
	selected := get(t, ctx, p, "selected tab", chromedp.Evaluate[string](`document.querySelector('[role=tab][aria-selected=true]').id`))
	shareHref := get(t, ctx, p, "share link", chromedp.Evaluate[string](`document.querySelector('#share').hidden ? '' : document.querySelector('#share').getAttribute('href')`))
	pieces := get(t, ctx, p, "pieces", chromedp.Evaluate[[]string](piecesJS))
	// Results scroll into view (smoothly, so wait for it to settle).
	top := get(t, ctx, p, "results in view", chromedp.Poll[float64](
		`(() => { const t = document.querySelector('#results').getBoundingClientRect().top; return Math.abs(t) < 40 ? t + 1000 : 0; })()`,
		chromedp.WithPollingTimeout(20*time.Second))) - 1000
	save(t, dir, "page-view-desktop.png", get(t, ctx, p, "screenshot", chromedp.FullScreenshot(100)))

	if fieldURL != pageURL || !linksOn {
		t.Errorf("shared link filled url %q, links %v; want %q, true", fieldURL, linksOn, pageURL)
	}
	if selected != "tab-page" {
		t.Errorf("the view after Extract is %s, want the page view", selected)
	}
	if !strings.Contains(shareHref, "url="+url.QueryEscape(pageURL)) || !strings.Contains(shareHref, "links=1") {
		t.Errorf("share link %q does not carry the url and options", shareHref)
	}
	if top < -40 || top > 40 {
		t.Errorf("results are not scrolled into view: top at %.0f px", top)
	}
	checkOrder(t, pieces)

	// Each cut shows its reason as text, and its explanation (from the
	// server's one table) in a tooltip shown on keyboard focus.
	explanations := get(t, ctx, p, "reasons", chromedp.Evaluate[map[string]string](
		`fetch('/v1/reasons').then(r => r.json()).then(j => Object.fromEntries(j.reasons.map(e => [e.reason, e.explanation])))`,
		chromedp.EvalAwaitPromise))
	tips := get(t, ctx, p, "tips", chromedp.Evaluate[map[string]string](
		`Object.fromEntries([...document.querySelectorAll('#view .cut')].map(e => [e.dataset.reason,
		   e.querySelector('.cut-label').textContent + '|' + document.getElementById(e.getAttribute('aria-describedby')).textContent]))`))
	for _, reason := range []string{"nav", "share", "hidden", "link-density", "footer"} {
		label, tip, _ := strings.Cut(tips[reason], "|")
		if !strings.Contains(label, "Cut") || !strings.Contains(label, reason) {
			t.Errorf("cut %s: label %q should say Cut and the reason in words", reason, label)
		}
		if tip == "" || tip != explanations[reason] {
			t.Errorf("cut %s: tooltip %q, want the server's explanation %q", reason, tip, explanations[reason])
		}
	}
	if !strings.Contains(tips["link-density"], "links") || !strings.Contains(tips["hidden"], "never sees") {
		t.Errorf("explanations do not say what the reasons mean: %q, %q", tips["link-density"], tips["hidden"])
	}
	hiddenBefore := get(t, ctx, p, "tip hidden", chromedp.Evaluate[string](`getComputedStyle(document.querySelector('#view .cut .tip')).visibility`))
	step(t, ctx, p, "Tab from the view to the first cut",
		chromedp.Focus(chromedp.ID("view")),
		chromedp.KeyEvent(kb.Tab))
	focused := get(t, ctx, p, "focused cut", chromedp.Evaluate[string](
		`(() => { const a = document.activeElement; if (!a.classList.contains('cut')) return 'not a cut: ' + a.tagName + '#' + a.id;
		   const tip = a.querySelector('.tip'); return a.dataset.reason + ' ' + getComputedStyle(tip).visibility; })()`))
	save(t, dir, "page-view-focus.png", get(t, ctx, p, "screenshot", chromedp.CaptureScreenshot()))
	step(t, ctx, p, "Escape hides it", chromedp.KeyEvent(kb.Escape))
	afterEsc := get(t, ctx, p, "tip after Escape", chromedp.Evaluate[string](`getComputedStyle(document.activeElement.querySelector('.tip')).visibility`))
	if hiddenBefore != "hidden" || focused != "nav visible" || afterEsc != "hidden" {
		t.Errorf("tooltip: before focus %q, on focus %q (want nav visible), after Escape %q", hiddenBefore, focused, afterEsc)
	}

	// The figure shows its image, fetched with no referrer, and its alt text.
	fig := get(t, ctx, p, "figure", chromedp.Evaluate[map[string]string](`(() => { const i = document.querySelector('#view figure img');
	  return { policy: i.referrerPolicy, alt: i.alt, width: String(i.naturalWidth), src: i.src,
	           text: document.querySelector('#view figure figcaption').textContent }; })()`))
	if fig["policy"] != "no-referrer" || fig["width"] == "0" || !strings.HasPrefix(fig["src"], fx.url) {
		t.Errorf("figure image: %v; want it loaded from the site with no referrer", fig)
	}
	if !strings.Contains(fig["text"], "Alt text: A white ferry") || !strings.Contains(fig["text"], "first crossing of the year") {
		t.Errorf("figure caption %q should hold the caption and the alt text", fig["text"])
	}
	fx.mu.Lock()
	hits, referers := fx.imgHits, append([]string(nil), fx.referers...)
	fx.mu.Unlock()
	for _, r := range referers {
		if r != "" {
			t.Errorf("the image was fetched with Referer %q", r)
		}
	}
	if hits == 0 {
		t.Error("the figure's image was never requested")
	}

	// The standfirst shows once; links=1 kept the body's link.
	standfirst := get(t, ctx, p, "standfirst", chromedp.Evaluate[int](
		`[...document.querySelectorAll('#view p')].filter(e => e.textContent.includes("The island's only car ferry is back")).length`))
	link := get(t, ctx, p, "kept link", chromedp.Evaluate[string](`(document.querySelector('#view .kept a[href]') || {}).href || ''`))
	if standfirst != 1 {
		t.Errorf("the standfirst shows %d times, want once", standfirst)
	}
	if link != fx.url+"/notices/ferry" {
		t.Errorf("with links on, the kept link is %q", link)
	}

	// Options in the form: figures off, precision focus.
	step(t, ctx, p, "extract again without figures, with precision",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#images').checked = false; document.querySelector('#focus').value = 'precision'; document.querySelector('#view').replaceChildren();`),
		chromedp.Click(chromedp.ID("extract")),
		chromedp.WaitVisible(chromedp.CSS("#view .page-view")))
	figures := get(t, ctx, p, "figures", chromedp.Evaluate[int](`document.querySelectorAll('#view figure').length`))
	shareHref = get(t, ctx, p, "share link", chromedp.Evaluate[string](`document.querySelector('#share').getAttribute('href')`))
	location := get(t, ctx, p, "location", chromedp.Evaluate[string](`location.search`))
	if figures != 0 {
		t.Errorf("with figures off the view shows %d figures", figures)
	}
	if !strings.Contains(shareHref, "images=0") || !strings.Contains(shareHref, "focus=precision") || "/"+location != shareHref {
		t.Errorf("share link %q (address bar %q) should carry images=0 and focus=precision", shareHref, location)
	}

	// Phone width: one column, nothing scrolls sideways, cuts still labelled.
	step(t, ctx, p, "phone layout",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		// The button is clicked from the page's script: a mouse click at
		// its place could land while the new viewport is still laid out,
		// and miss it (then the view stays empty).
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#images').checked = true; document.querySelector('#focus').value = 'balanced'; document.querySelector('#view').replaceChildren(); document.querySelector('#extract').click();`),
		chromedp.WaitVisible(chromedp.CSS("#view .page-view figure img")))
	get(t, ctx, p, "scroll", chromedp.Evaluate[int](`window.scrollTo(0, document.querySelector('#results').offsetTop); 0`))
	save(t, dir, "page-view-phone.png", get(t, ctx, p, "screenshot", chromedp.CaptureScreenshot()))
	save(t, dir, "page-view-phone-full.png", get(t, ctx, p, "screenshot", chromedp.FullScreenshot(90)))
	overflow := get(t, ctx, p, "overflow", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth`))
	if overflow {
		t.Error("on a phone the page view scrolls sideways")
	}

	// A file dropped on the page is extracted, and so is one opened.
	step(t, ctx, p, "desktop again", chromedp.EmulateViewport(1280, 1000))
	story, err := os.ReadFile(filepath.Join("testdata", "story.html"))
	if err != nil {
		t.Fatal(err)
	}
	step(t, ctx, p, "drop a file",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#url').value = ''; document.querySelector('#view').replaceChildren();`),
		chromedp.Evaluate[chromedp.Void](`(() => {
		  const dt = new DataTransfer();
		  dt.items.add(new File([`+jsString(string(story))+`], 'story.html', { type: 'text/html' }));
		  for (const type of ['dragenter', 'dragover', 'drop']) {
		    document.querySelector('main').dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
		  }
		})()`),
		chromedp.WaitVisible(chromedp.CSS("#view .page-view .title")))
	dropped := get(t, ctx, p, "dropped title", chromedp.Text(chromedp.CSS("#view .title")))
	overlay := get(t, ctx, p, "overlay", chromedp.Evaluate[bool](`document.querySelector('#drop').hidden`))
	shareHidden := get(t, ctx, p, "share hidden", chromedp.Evaluate[bool](`document.querySelector('#share').hidden`))
	if !strings.Contains(dropped, "sea wall") || !overlay {
		t.Errorf("dropped file: title %q, overlay hidden %v", dropped, overlay)
	}
	if !shareHidden {
		t.Error("a share link is offered for pasted HTML, which it cannot carry")
	}
	abs, _ := filepath.Abs(filepath.Join("testdata", "cuts.html"))
	step(t, ctx, p, "open a file",
		chromedp.Evaluate[chromedp.Void](`document.querySelector('#view').replaceChildren();`),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{abs}),
		chromedp.WaitVisible(chromedp.CSS("#view .page-view .title")))
	opened := get(t, ctx, p, "opened title", chromedp.Text(chromedp.CSS("#view .title")))
	if !strings.Contains(opened, "Ferry service") {
		t.Errorf("opened file: title %q", opened)
	}
	if probs := p.get(); len(probs) > 0 {
		t.Errorf("the page reported problems:\n%s", strings.Join(probs, "\n"))
	}
	t.Logf("pieces: %q", pieces)
}

// checkOrder checks that cuts stand where the page had them: the menu
// first, the share buttons, the hidden line and the line of links each
// between the kept paragraphs around them, the footer last.
func checkOrder(t *testing.T, pieces []string) {
	t.Helper()
	at := func(prefix string) int {
		for i, p := range pieces {
			if strings.HasPrefix(p, prefix) {
				return i
			}
		}
		t.Errorf("no piece %q in %q", prefix, pieces)
		return -1
	}
	if len(pieces) == 0 || !strings.HasPrefix(pieces[0], "cut:nav") || !strings.HasPrefix(pieces[len(pieces)-1], "cut:footer") {
		t.Errorf("pieces should open with the menu and end with the footer: %q", pieces)
	}
	between := []struct{ before, cut, after string }{
		{"kept The ferry to Holm Island", "cut:share", "kept Islanders had relied"},
		{"kept Islanders had relied", "cut:hidden", "kept A new engine"},
		{"kept Shops on the island", "cut:link-density", "kept Timetables for the summer"},
	}
	for _, b := range between {
		i, j, k := at(b.before), at(b.cut), at(b.after)
		if i < 0 || j < 0 || k < 0 {
			continue
		}
		if !(i+1 == j && j+1 == k) {
			t.Errorf("%s should stand between %q and %q: %q", b.cut, b.before, b.after, pieces)
		}
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "`", "\\`", "$", `\$`)
	return "`" + r.Replace(s) + "`"
}
