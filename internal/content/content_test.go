package content

import (
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/render"
)

// body is three paragraphs of prose, enough to be an article.
const body = `<p>The council voted on Tuesday to close two branch libraries next spring, after a debate that ran past midnight and drew more than a hundred residents to the chamber.</p>
<p>Supporters of the plan said the savings would keep the central library open on Sundays, while opponents warned that older residents would lose the only service within walking distance.</p>
<p>The decision will be reviewed in a year, the mayor said, once the council has seen how many people use the mobile library that will visit both neighbourhoods twice a week.</p>`

func extract(t *testing.T, page string, md article.Metadata) Result {
	t.Helper()
	doc, err := html.ParseWithOptions(strings.NewReader(page), html.ParseOptionEnableScripting(false))
	if err != nil {
		t.Fatal(err)
	}
	return Extract(dom.FromHTML(doc, "").Root(), md, Options{Explain: true})
}

func TestExtractCutsChrome(t *testing.T) {
	tests := []struct {
		name       string
		page       string
		removed    string // text that must be cut
		reason     article.Reason
		mustRemain string
	}{
		{"nav element", `<nav><a href="/">Home</a> <a href="/news">News</a></nav><article>` + body + `</article>`,
			"Home", article.ReasonNav, "branch libraries"},
		{"share buttons by class", `<article><div class="share-tools"><a href="#">Facebook</a><a href="#">Twitter</a></div>` + body + `</article>`,
			"Facebook", article.ReasonShare, "Sundays"},
		{"share label by phrase", `<article>` + body + `<p>Share this article</p></article>`,
			"Share this article", article.ReasonShare, "mobile library"},
		{"inline read-also teaser", `<article>` + body[:200] + `<p>Read also: <a href="/x">Mayor opens new pool</a></p>` + body[200:] + `</article>`,
			"Mayor opens new pool", article.ReasonTeaser, "mobile library"},
		{"comments section", `<article>` + body + `</article><section id="comments"><h2>Comments</h2><p>I think this is a terrible decision and the mayor should resign immediately, frankly.</p></section>`,
			"terrible decision", article.ReasonComments, "branch libraries"},
		{"related heading cuts its section", `<article>` + body + `<h3>Related stories</h3><div><p>Another story about libraries in a different town that closed all of its branches last year.</p></div></article>`,
			"different town", article.ReasonTeaser, "branch libraries"},
		{"styled teaser heading cuts its container's rest", `<article>` + body + `<div class="heading-h3">More Great Stories</div><ul><li>The strange life of a coder who wrote everything</li><li>How a bridge was built</li></ul></article>`,
			"strange life", article.ReasonTeaser, "branch libraries"},
		{"dateline above the body", `<article><p>Published Monday, November 18, 2019 8:22AM EST</p>` + body + `</article>`,
			"Published Monday", article.ReasonByline, "branch libraries"},
		{"comment policy at the end", `<article>` + body + `<p>ATTENTION: comments that are offensive or off topic will not be approved.</p></article>`,
			"will not be approved", article.ReasonComments, "branch libraries"},
		{"caption copy outside the figure", `<article>` + body[:200] + `<figure><img src="a.jpg"><figcaption>Storks on the tower</figcaption></figure><div class="image-caption-mobile">Storks on the tower nest again. Photo: J. Roe</div>` + body[200:] + `</article>`,
			"nest again", article.ReasonCaption, "branch libraries"},
		{"media contact at the end", `<article>` + body + `<h3>Media contact</h3><p>Tom Bellweather, press@example.org</p></article>`,
			"Tom Bellweather", article.ReasonBoilerplate, "branch libraries"},
		{"role with a fallback", `<div role="Navigation menu"><a href="/">Home page link</a> <a href="/n">News</a></div><article>` + body + `</article>`,
			"Home page link", article.ReasonNav, "branch libraries"},
		{"footer", `<article>` + body + `</article><footer><p>Copyright 2024 The Daily Example. All rights reserved by the owners of this fine site.</p></footer>`,
			"All rights reserved", article.ReasonFooter, "Sundays"},
		{"hidden by style", `<article>` + body + `<div style="display: none">Secret modal text that nobody sees</div></article>`,
			"Secret modal", article.ReasonHidden, "Sundays"},
		{"cookie banner", `<div class="cookie-banner"><p>We use cookies to make this site work. Accept all cookies?</p></div><article>` + body + `</article>`,
			"We use cookies", article.ReasonCookie, "Sundays"},
		{"ad label", `<article>` + body[:200] + `<div class="ad-slot"><span>Advertisement</span></div>` + body[200:] + `</article>`,
			"Advertisement", article.ReasonAd, "mobile library"},
		{"a modal's policy in the footer, longer than the story", `<article>` + body + `</article><footer><p>© Shop</p><div role="dialog" aria-modal="true" class="z-takeover"><h2>Refund policy</h2><p>` +
			strings.Repeat("Items bought in the winter sale may be returned until the middle of January, unworn and with their tags, for a refund to the card they were paid with. ", 8) + `</p></div></footer>`,
			"Items bought in the winter sale", article.ReasonHidden, "branch libraries"},
		{"a shop's buy-box label", `<article>` + body + `<div class="pdp"><div>Regular price</div><div>$19.99</div><div>Add to cart</div></div></article>`,
			"Add to cart", article.ReasonButton, "branch libraries"},
		{"a variant's stock note", `<article>` + body + `<fieldset><label>Ground</label><div>Sold out or unavailable</div></fieldset></article>`,
			"Sold out or unavailable", article.ReasonButton, "Sundays"},
		{"a buy box's stock note", `<article>` + body + `<div class="buy"><div>Out of stock</div><div>Notify me when back in stock</div></div></article>`,
			"Notify me when back in stock", article.ReasonButton, "branch libraries"},
		{"a buy box's delivery note", `<article>` + body + `<div class="perks"><div>Free shipping</div><div>Secure checkout</div></div></article>`,
			"Free shipping", article.ReasonButton, "branch libraries"},
		{"a sentence on stock stays", `<article>` + body + `<p>The shop keeps the council's maps in stock and sends them with free shipping.</p><div>Size guide</div></article>`,
			"Size guide", article.ReasonButton, "maps in stock and sends them with free shipping"},
		{"a shop's also-bought row under its heading", `<article>` + body + `<h3>Customers also bought</h3><div><p>A wall map of the county's old tram lines, printed on heavy paper and rolled in a tube.</p></div></article>`,
			"tram lines", article.ReasonTeaser, "branch libraries"},
		{"a sentence that names the button stays", `<article>` + body + `<p>Add to cart the beans you like, and the council's shop ships them twice a week.</p><div>Coming soon</div></article>`,
			"Coming soon", article.ReasonButton, "Add to cart the beans you like"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extract(t, "<html><body>"+tt.page+"</body></html>", article.Metadata{})
			text := render.PlainText(res.Blocks)
			if strings.Contains(text, tt.removed) {
				t.Errorf("kept %q; text:\n%s", tt.removed, text)
			}
			if !strings.Contains(text, tt.mustRemain) {
				t.Errorf("lost %q; text:\n%s", tt.mustRemain, text)
			}
			found := false
			for _, r := range res.Removed {
				if strings.Contains(r.Text, tt.removed) {
					found = true
					if r.Reason != tt.reason {
						t.Errorf("%q removed as %q, want %q", tt.removed, r.Reason, tt.reason)
					}
				}
			}
			if !found {
				t.Errorf("%q not listed in Removed: %+v", tt.removed, res.Removed)
			}
		})
	}
}

func TestExtractBlockTypes(t *testing.T) {
	page := `<html><body><article><h1>Libraries to close</h1>` + body + `
<h2>What happens next</h2>
<ul><li>The branches close in April and the buildings are to be sold.</li><li>The mobile library starts in May with two visits every week.</li></ul>
<blockquote>We did not take this decision lightly, and we will keep listening to residents.</blockquote>
<pre>total := a + b</pre>
<table><tr><th>Branch</th><th>Visits</th></tr><tr><td>North</td><td>1200</td></tr></table>
<figure><img src="/lib.jpg" alt="The north branch"><figcaption>The north branch library. <span class="credit">Photo: Jane Roe</span></figcaption></figure>
</article></body></html>`
	res := extract(t, page, article.Metadata{Title: "Libraries to close"})
	if res.Status != article.StatusOK {
		t.Fatalf("status %q", res.Status)
	}
	types := map[article.BlockType]article.Block{}
	for _, b := range res.Blocks {
		types[b.Type] = b
	}
	for _, want := range []article.BlockType{article.Heading, article.Paragraph, article.List, article.Quote, article.Code, article.Table, article.Figure} {
		if _, ok := types[want]; !ok {
			t.Errorf("no %s block in %+v", want, res.Blocks)
		}
	}
	if h := types[article.Heading]; h.Text != "What happens next" || h.Level != 2 {
		t.Errorf("heading = %+v; the h1 matching the title should be cut, the h2 kept", h)
	}
	if l := types[article.List]; len(l.Items) != 2 {
		t.Errorf("list items = %q", l.Items)
	}
	if tb := types[article.Table]; len(tb.Rows) != 2 || tb.Rows[1][1] != "1200" {
		t.Errorf("table rows = %q", tb.Rows)
	}
	if f := types[article.Figure]; f.Caption != "The north branch library." || f.Credit != "Photo: Jane Roe" || f.Src != "/lib.jpg" {
		t.Errorf("figure = %+v", f)
	}
	if strings.Contains(render.PlainText(res.Blocks), "north branch library") {
		t.Error("figure caption leaked into the plain text")
	}
}

func TestExtractCaptionPrintedTwice(t *testing.T) {
	page := `<html><body><article>` + body[:200] + `<figure><img src="a.jpg" alt="Residents queue outside the library"><figcaption>Residents queue outside the library</figcaption></figure><p>Residents queue outside the library</p>` + body[200:] + `</article></body></html>`
	res := extract(t, page, article.Metadata{})
	text := render.PlainText(res.Blocks)
	if strings.Contains(text, "Residents queue") {
		t.Errorf("caption printed twice was kept in the text:\n%s", text)
	}
	n := 0
	for _, b := range res.Blocks {
		if b.Type == article.Figure && b.Caption == "Residents queue outside the library" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("want the caption once in one figure, got %d figures with it: %+v", n, res.Blocks)
	}
}

// TestLineAfterAnImage checks that a short line after a picture is taken
// as its caption, while the line after an image the page repeats on
// every item (a check mark, a card's background) stays the item's text.
func TestLineAfterAnImage(t *testing.T) {
	item := func(src, line string) string {
		return `<div class="item"><img src="` + src + `" width="80" height="80"><div>` + line + `</div></div>`
	}
	for _, tc := range []struct {
		name, page, line string
		kept             bool
	}{
		{"a photo's caption", `<article>` + body[:200] + `<div><img src="storks.jpg" width="800" height="600"></div><p>Storks on the church tower</p>` + body[200:] + `</article>`, "Storks on the church tower", false},
		{"a check mark on each plan feature", `<article>` + body + item("check.svg", "Premium identity theft protection") + item("check.svg", "Financial fraud protection") + item("check.svg", "White glove fraud remediation") + `</article>`, "Financial fraud protection", true},
		{"a different icon on each feature", `<article>` + body + item("a.svg", "Premium identity theft protection") + item("b.svg", "Financial fraud protection") + item("c.svg", "White glove fraud remediation") + `</article>`, "Financial fraud protection", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, `<html><body>`+tc.page+`</body></html>`, article.Metadata{})
			if got := strings.Contains(render.PlainText(res.Blocks), tc.line); got != tc.kept {
				t.Errorf("%q in the text: %v, want %v\n%s", tc.line, got, tc.kept, render.PlainText(res.Blocks))
			}
		})
	}
}

// TestFigureOfText checks that a <figure> framing a quote, a listing or
// a table, and no picture, is read as text, while a picture's figure
// stays a figure whose caption the text leaves out.
func TestFigureOfText(t *testing.T) {
	for _, tc := range []struct {
		name, fig, line string
		kept            bool
	}{
		{"a testimonial", `<figure><blockquote><p>The classes gave me a grounding I had not found anywhere else in ten years.</p></blockquote><figcaption>— A student</figcaption></figure>`, "a grounding I had not found anywhere else", true},
		{"a table", `<figure class="wp-block-table"><table><tr><th>Plan</th><th>Price</th></tr><tr><td>Starter plan</td><td>$29 a month</td></tr><tr><td>Growth plan</td><td>$89 a month</td></tr></table></figure>`, "Growth plan", true},
		{"a code listing", `<figure><pre><code>go build ./cmd/tool</code></pre><figcaption>Building the tool</figcaption></figure>`, "go build ./cmd/tool", true},
		{"a photo with its caption", `<figure><img src="storks.jpg"><figcaption>Storks nest on the tower again</figcaption></figure>`, "Storks nest on the tower", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, `<html><body><article>`+body[:200]+tc.fig+body[200:]+`</article></body></html>`, article.Metadata{})
			if got := strings.Contains(render.PlainText(res.Blocks), tc.line); got != tc.kept {
				t.Errorf("%q in the text: %v, want %v\n%s", tc.line, got, tc.kept, render.PlainText(res.Blocks))
			}
		})
	}
}

// TestRunOfTitles checks that a grid of cards that hold a title only
// keeps its titles, while a heading left alone at the end, two such
// titles, or column titles over menus cut between them are still cut.
func TestRunOfTitles(t *testing.T) {
	card := func(title string) string { return `<div class="card"><h3>` + title + `</h3></div>` }
	column := func(title string) string {
		return `<div class="col"><h3>` + title + `</h3><ul class="menu"><li><a href=/a>Careers</a><li><a href=/b>Press</a><li><a href=/c>Contact</a></ul></div>`
	}
	for _, tc := range []struct {
		name, page, line string
		kept             bool
	}{
		{"a grid of titled cards", `<article><h1>Our services</h1>` + body + `<h2>What we do</h2><p>We work across three areas of practice.</p>` + card("Payroll and compliance") + card("Recruitment and selection") + card("Leadership coaching") + `</article>`, "Recruitment and selection", true},
		{"a heading left alone at the end", `<article>` + body + `<h3>Further reading</h3></article>`, "Further reading", false},
		{"two titles only", `<article>` + body + card("Payroll and compliance") + card("Recruitment and selection") + `</article>`, "Recruitment and selection", false},
		{"column titles over cut menus", `<article>` + body + `<div class="links">` + column("Who we are") + column("What we offer") + column("Quick links") + `</div></article>`, "What we offer", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := extract(t, `<html><body>`+tc.page+`</body></html>`, article.Metadata{})
			if got := strings.Contains(render.PlainText(res.Blocks), tc.line); got != tc.kept {
				t.Errorf("%q in the text: %v, want %v\n%s", tc.line, got, tc.kept, render.PlainText(res.Blocks))
			}
		})
	}
}

// TestExtractStatus: by default only a page with no main content is
// refused (empty, needs_js, blocked, paywalled); ArticlesOnly keeps the
// articles-only verdicts exactly (not_article, too_short).
func TestExtractStatus(t *testing.T) {
	var listing strings.Builder
	listing.WriteString("<html><body><main>")
	for i := 0; i < 12; i++ {
		listing.WriteString(`<article class="card"><h3><a href="/s">A headline about something in town</a></h3><p>Short summary.</p></article>`)
	}
	listing.WriteString("</main></body></html>")
	tests := []struct {
		name         string
		page         string
		want         article.Status // by default
		articlesOnly article.Status // with ArticlesOnly
	}{
		{"article", "<html><body><article>" + body + "</article></body></html>", article.StatusOK, article.StatusOK},
		{"too short", "<html><body><p>Just one line here.</p></body></html>", article.StatusOK, article.StatusTooShort},
		{"nothing", "<html><body><div></div></body></html>", article.StatusEmpty, article.StatusTooShort},
		{"app shell", `<html><head><script src="a.js"></script></head><body><noscript>You need to enable JavaScript to run this app.</noscript><div id="root"></div><script>boot()</script></body></html>`, article.StatusNeedsJS, article.StatusNeedsJS},
		{"bot challenge", `<html><head><title>Just a moment...</title></head><body><p>Checking your browser before accessing the site.</p></body></html>`, article.StatusBlocked, article.StatusBlocked},
		{"paywall", `<html><body><article><p>The council voted on Tuesday to close two branch libraries next spring.</p><div class="paywall"><p>Subscribe to continue reading.</p></div></article></body></html>`, article.StatusPaywalled, article.StatusPaywalled},
		{"listing", listing.String(), "", article.StatusNotArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := article.Metadata{}
			if strings.Contains(tt.page, "Just a moment") {
				md.Title = "Just a moment..."
			}
			for _, only := range []bool{false, true} {
				doc, err := html.Parse(strings.NewReader(tt.page))
				if err != nil {
					t.Fatal(err)
				}
				res := Extract(dom.FromHTML(doc, "").Root(), md, Options{ArticlesOnly: only})
				want := tt.want
				if only {
					want = tt.articlesOnly
				}
				if want == "" {
					// What a listing keeps is the content stage's
					// business; its status says whether anything was.
					want = article.StatusOK
					if len(res.Blocks) == 0 {
						want = article.StatusEmpty
					}
				}
				if res.Status != want {
					t.Errorf("ArticlesOnly %v: status = %q, want %q", only, res.Status, want)
				}
				if (res.Status == article.StatusOK) != (res.Detail == "") {
					t.Errorf("ArticlesOnly %v: status %q with detail %q", only, res.Status, res.Detail)
				}
			}
		})
	}
}

func TestExtractDoesNotChangeTheTree(t *testing.T) {
	page := "<html><body><nav>Menu</nav><article>" + body + "</article></body></html>"
	doc, _ := html.Parse(strings.NewReader(page))
	var before strings.Builder
	html.Render(&before, doc)
	Extract(dom.FromHTML(doc, "").Root(), article.Metadata{}, Options{Explain: true})
	var after strings.Builder
	html.Render(&after, doc)
	if before.String() != after.String() {
		t.Error("Extract changed the document")
	}
}

// TestFocus checks that the precision focus drops a doubtful short line
// that the default keeps.
func TestFocus(t *testing.T) {
	page := "<html><body><article>" + body[:200] + "<p>Photo gallery below</p>" + body[200:] + "</article></body></html>"
	for _, tt := range []struct {
		focus rules.Focus
		kept  bool
	}{{rules.Balanced, true}, {rules.Precision, false}, {rules.Recall, true}} {
		doc, _ := html.Parse(strings.NewReader(page))
		res := Extract(dom.FromHTML(doc, "").Root(), article.Metadata{}, Options{Focus: tt.focus})
		if got := strings.Contains(render.PlainText(res.Blocks), "Photo gallery below"); got != tt.kept {
			t.Errorf("focus %d: kept = %v, want %v", tt.focus, got, tt.kept)
		}
	}
}

func TestHasDateTime(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Marta Ruiz · Villanueva del Río · 15/10/2024 - 12:40h", true},
		{"2024-11-05 08:30 来源：青溪日报", true},
		{"Updated Nov 19, 2019 9:41 AM", true},
		{"Nov 19, 2019", false}, // a year alone: handled by the dateline words
		{"Score 3-1 after 90 minutes", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := hasDateTime(tt.text); got != tt.want {
			t.Errorf("hasDateTime(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIsTimestamp(t *testing.T) {
	for text, want := range map[string]bool{"16:42": true, "12.05.2024": true, "1933 – 2024": true, "10h30": true, "Key events": false, "1": false, "In 2024 the town": false} {
		if got := isTimestamp(text, &rules.DefaultWeights); got != want {
			t.Errorf("isTimestamp(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestRootFollowsTheHeadline checks that a sidebar holding more prose than
// the story does not become the article: the root stays with the headline.
func TestRootFollowsTheHeadline(t *testing.T) {
	var side strings.Builder
	for i := 0; i < 5; i++ {
		side.WriteString("<p>The trust is a registered charity that supports local groups, events and services across the valley, and has given more than four hundred small grants since it began.</p>")
	}
	page := `<html><body><div id="wrap"><div id="main-col"><div class="post"><h2>Libraries to close</h2><div class="text">` + body + `</div></div></div><div id="side-col">` + side.String() + `</div></div></body></html>`
	res := extract(t, page, article.Metadata{Title: "Libraries to close"})
	text := render.PlainText(res.Blocks)
	if strings.Contains(text, "registered charity") || !strings.Contains(text, "branch libraries") {
		t.Errorf("root did not follow the headline:\n%s", text)
	}
}

// TestCodeAndMath checks that a <pre> loses its "Copy" button and that
// inline MathML stays inside its sentence.
func TestCodeAndMath(t *testing.T) {
	page := `<html><body><article>` + body + `<pre><button>Copy</button>x := 1</pre><p>The area is <math><mi>π</mi><msup><mi>r</mi><mn>2</mn></msup></math> for a circle of radius r.</p></article></body></html>`
	res := extract(t, page, article.Metadata{})
	var code, para string
	for _, b := range res.Blocks {
		switch {
		case b.Type == article.Code:
			code = b.Text
		case b.Type == article.Paragraph && strings.Contains(b.Text, "area"):
			para = b.Text
		}
	}
	if code != "x := 1" {
		t.Errorf("code = %q, want %q", code, "x := 1")
	}
	if !strings.Contains(para, "for a circle of radius r") {
		t.Errorf("math split the sentence: %q", para)
	}
}

// TestHiddenPartsOfFiguresAndTables checks that hidden images and cells
// stay out of figures and tables.
func TestHiddenPartsOfFiguresAndTables(t *testing.T) {
	page := `<html><body><article>` + body + `<figure><img hidden src="/pixel.gif"><img src="/real.jpg"><figcaption>The real one</figcaption></figure>
<table><tr><th>Branch</th><th>Visits</th><td style="display:none">secret</td></tr><tr><td>North</td><td>1200</td></tr></table></article></body></html>`
	res := extract(t, page, article.Metadata{})
	for _, b := range res.Blocks {
		switch b.Type {
		case article.Figure:
			if !strings.HasSuffix(b.Src, "/real.jpg") {
				t.Errorf("figure src = %q, want the visible image", b.Src)
			}
		case article.Table:
			if len(b.Rows[0]) != 2 {
				t.Errorf("header row = %q, want the hidden cell left out", b.Rows[0])
			}
		}
	}
}

// TestCleanLinesAt: the cleaned text is cleanLines', and each offset lands
// on the same character as before.
func TestCleanLinesAt(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a b ", "a \n b", "\n\n x \n\n y z\n", "a\u00a0\n\u2028b ", "one \n two \n"} {
		var offs []int
		for i := range len(s) + 1 {
			offs = append(offs, i)
		}
		orig := append([]int(nil), offs...)
		got := cleanLinesAt(s, offs)
		if want := cleanLines([]byte(s)); got != want {
			t.Errorf("cleanLinesAt(%q) = %q, cleanLines gives %q", s, got, want)
		}
		for i, o := range offs {
			if o < 0 || o > len(got) {
				t.Fatalf("%q: offset %d moved out of the text to %d", s, orig[i], o)
			}
			if c := orig[i]; c < len(s) && s[c] >= 'a' && s[c] <= 'z' && o < len(got) && got[o] != s[c] {
				t.Errorf("%q: offset %d (%q) moved to %d (%q)", s, c, s[c], o, got[o])
			}
		}
	}
}

// TestLinkOffsets: with KeepLinks each link carries the offsets of its own
// words, also when the same words come earlier in the paragraph or the
// link spans a line break.
func TestLinkOffsets(t *testing.T) {
	doc := parsePage(t, `<article>`+body+`<p>The report said so, read the <a href="/r">report</a> here.<br> See <a href="/m">the map<br> of it</a> too.</p></article>`)
	res := Extract(doc, article.Metadata{}, Options{KeepLinks: true, PageURL: "https://example.org/a/"})
	for _, b := range res.Blocks {
		if len(b.Links) == 0 {
			continue
		}
		want := []article.Link{
			{Text: "report", Href: "https://example.org/r", Start: 29, End: 35},
			{Text: "the map\nof it", Href: "https://example.org/m", Start: 46, End: 59},
		}
		if len(b.Links) != len(want) {
			t.Fatalf("links %+v, want %+v", b.Links, want)
		}
		for i, l := range b.Links {
			if l != want[i] {
				t.Errorf("link %d = %+v, want %+v (text %q)", i, l, want[i], b.Text)
			}
		}
		return
	}
	t.Fatal("no block kept its links")
}

// TestBylineCut: a byline above the body is cut whatever prefix of the
// one byline-prefix table opens it (these stayed in the body when content
// had its own shorter list), and a short sentence that merely opens with
// the same word stays.
func TestBylineCut(t *testing.T) {
	cut := []string{
		"By Jane Doe",
		"Reported by Jane Doe",
		"Przez Jana Kowalskiego",
		"Autor: Hans Müller",
		"Written by Jane Doe and John Roe",
		"— By JANE DOE, Associated Press",
	}
	keep := []string{
		"By then, it was too late.",
		"By the end of the year",
		"Przez lata nic się nie zmieniło.",
		"Autor tekstu nie odpowiedział.",
		"Text messages were the first clue",
		"Reported by few, the story spread",
	}
	for _, line := range cut {
		t.Run("cut/"+line, func(t *testing.T) {
			res := extract(t, "<html><body><article><p>"+line+"</p>"+body+"</article></body></html>", article.Metadata{})
			if text := render.PlainText(res.Blocks); strings.Contains(text, line) {
				t.Errorf("kept the byline %q; text:\n%s", line, text)
			}
			for _, r := range res.Removed {
				if r.Text == line && r.Reason != article.ReasonByline {
					t.Errorf("cut %q as %s, want %s", line, r.Reason, article.ReasonByline)
				}
			}
		})
	}
	for _, line := range keep {
		t.Run("keep/"+line, func(t *testing.T) {
			res := extract(t, "<html><body><article><p>"+line+"</p>"+body+"</article></body></html>", article.Metadata{})
			if text := render.PlainText(res.Blocks); !strings.Contains(text, line) {
				t.Errorf("cut %q; text:\n%s", line, text)
			}
		})
	}
}

// TestVocabCutsEveryPhrase: a block made of any phrase HTML mode reads
// from the shared vocabulary is cut, with the reason MatchBlock gives,
// which text mode gives a line made of it too (textmode's
// TestVocabSameReasonAsHTML).
func TestVocabCutsEveryPhrase(t *testing.T) {
	n := 0
	for _, p := range rules.Vocab.Phrases() {
		if p.Scope&rules.ScopeBlock == 0 {
			continue
		}
		n++
		text := strings.Join(p.Words, " ")
		want := rules.Vocab.MatchBlock(text)
		if rules.IsTeaserHeading(text) {
			want = article.ReasonTeaser // "Plus Artikel" also opens a teaser section
		}
		res := extract(t, "<html><body><article>"+body+"<p>"+text+"</p></article></body></html>", article.Metadata{})
		var got article.Reason
		for _, r := range res.Removed {
			if r.Text == text {
				got = r.Reason
			}
		}
		if got != want {
			t.Errorf("%s: block %q cut as %q, want %q", p.Lang, text, got, want)
		}
	}
	if n == 0 {
		t.Fatal("no phrase read by HTML mode")
	}
}

// TestUnicodeSpaceAndInvisibles: every Unicode space separates words and
// invisible characters are dropped, the same rule as in the metadata and
// the text mode.
func TestUnicodeSpaceAndInvisibles(t *testing.T) {
	page := "<html><body><article>" + body + "<p>Hair\u200aspaced, line\u2028separated and figure\u2007spaced words; soft\u00adhyphen.</p></article></body></html>"
	res := extract(t, page, article.Metadata{})
	want := "Hair spaced, line separated and figure spaced words; softhyphen."
	for _, b := range res.Blocks {
		if strings.HasPrefix(b.Text, "Hair") {
			if b.Text != want {
				t.Errorf("paragraph = %q, want %q", b.Text, want)
			}
			return
		}
	}
	t.Errorf("paragraph missing from %v", res.Blocks)
}
