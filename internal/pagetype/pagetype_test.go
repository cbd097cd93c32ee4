package pagetype

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/content"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/meta"
	"github.com/winnow-go/winnow/internal/rules"
)

// read runs the stages the classifier reads after (label, meta, content)
// on a hand-written page and returns its signals and kind.
func read(t *testing.T, page, pageURL string) (article.PageType, Signals) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	lt := label.Label(dom.FromHTML(doc, "").Root())
	defer lt.Release()
	md, kinds := meta.ExtractKinds(lt, pageURL)
	res := content.ExtractLabelled(lt, md, content.Options{PageURL: pageURL})
	return Explain(&Page{URL: md.URL, Meta: md, Kinds: kinds, Labels: lt, Shape: res.Shape, Blocks: res.Blocks})
}

var prose = strings.Repeat("<p>The council voted on Tuesday to close two of the town's branch libraries next spring, "+
	"saying the money saved would keep the central library open on Sundays, and residents who packed the "+
	"meeting room said they would fight the plan at the next election.</p>", 12)

func page(head, body string) string {
	return "<!doctype html><html><head>" + head + "</head><body>" + body + "</body></html>"
}

func repeat(n int, f func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(f(i))
	}
	return b.String()
}

var (
	newsStory = page(`<title>Libraries to close</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Libraries to close","datePublished":"2024-05-06","author":{"@type":"Person","name":"Jane Roe"}}</script>`,
		`<nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Libraries to close</h1>
<p class="byline">By Jane Roe</p><time datetime="2024-05-06">6 May 2024</time>`+prose+`</article>`)

	storyWithComments = page(`<title>Libraries to close</title><meta property="og:type" content="article">`,
		`<article><h1>Libraries to close</h1><p class="byline">By Jane Roe</p><time datetime="2024-05-06">6 May 2024</time>`+prose+`</article>
<section class="comments"><h2>12 comments</h2>`+repeat(8, func(i int) string {
			return fmt.Sprintf(`<div class="comment"><span class="author">Reader %d</span> <time datetime="2024-05-06T1%d:00">%d hours ago</time><p>I agree, the library matters to the town and I use it every week.</p></div>`, i, i, i)
		})+`</section>`)

	blogIndex = page(`<title>Our blog</title>`,
		`<main><h1>Our blog</h1>`+repeat(10, func(i int) string {
			return fmt.Sprintf(`<article class="card"><h2><a href="/blog/post-%d">A post about the things we learned in week %d</a></h2><p>A short summary of the post, two lines at most.</p></article>`, i, i)
		})+`</main>`)

	forumThread = page(`<title>Printer will not connect - Help</title>
<script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Printer will not connect","author":{"@type":"Person","name":"sam"}}</script>`,
		`<main><h1>Printer will not connect</h1>`+repeat(6, func(i int) string {
			return fmt.Sprintf(`<div class="post"><div class="meta"><a href="/u/user%d">user%d</a> <time datetime="2024-05-0%dT10:00">May %d</time></div><div class="cooked"><p>I tried resetting the router and the printer, and it still shows offline after the update, any idea what to try next?</p></div></div>`, i, i, i+1, i+1)
		})+`</main>`)

	productPage = page(`<title>Trail Runner 2 - Shop</title><meta property="og:type" content="product">
<script type="application/ld+json">{"@type":"Product","name":"Trail Runner 2","offers":{"@type":"Offer","price":"89.00","priceCurrency":"USD"}}</script>`,
		`<main><h1>Trail Runner 2</h1><p class="price">$89.00</p><button>Add to cart</button>
<p>A light trail shoe with a grippy sole and a roomy toe box, made for long days on rough ground.</p>
<table><tr><th>Weight</th><td>280 g</td></tr><tr><th>Drop</th><td>6 mm</td></tr><tr><th>Sole</th><td>Rubber</td></tr></table></main>`)

	collectionPage = page(`<title>Running shoes</title><meta property="og:type" content="product.group">`,
		`<main><h1>Running shoes</h1><p>Shoes for road and trail.</p><ul class="grid">`+repeat(12, func(i int) string {
			return fmt.Sprintf(`<li class="tile"><h3><a href="/products/shoe-%d">Shoe model %d</a></h3><span>$%d.99</span></li>`, i, i, 60+i)
		})+`</ul></main>`)

	docPage = page(`<title>Install - Toolkit docs</title>`,
		`<nav><a href="/docs/">Overview</a><a href="/docs/install">Install</a><a href="/docs/config">Configure</a></nav>
<main><h1>Install</h1><p>Download the <code>toolkit</code> binary and put it on your <code>PATH</code>; then run <code>toolkit init</code> in your project folder to write a starter configuration.</p>
<pre><code>curl -LO https://example.com/toolkit.tar.gz
tar xzf toolkit.tar.gz</code></pre>
<h2>Check the install</h2><p>Run the version command and compare it with the release you downloaded, then read the configuration guide for the options.</p>
<pre><code>toolkit --version</code></pre></main>`)

	servicePage = page(`<title>Acme Plumbing - plumbers you can trust</title><meta property="og:type" content="website">`,
		`<header><a class="btn" href="/contact">Contact us</a></header><main><h1>Plumbing done right, the first time</h1>
<a class="btn btn-primary" href="/quote">Get a quote</a>`+repeat(5, func(i int) string {
			return fmt.Sprintf(`<section><h2>Service %d</h2><p>Fast repairs by licensed plumbers, seven days a week.</p></section>`, i)
		})+`<a class="button" href="/book">Book a visit</a></main>`)

	// A story that quotes prices is still a story.
	storyWithPrices = page(`<title>Prices rise</title><meta property="og:type" content="article">`,
		`<article><h1>Bus fares rise again</h1><p class="byline">By Jane Roe</p><time datetime="2024-05-06">6 May</time>
<p>A single fare goes from $2.50 to $2.75 in June, the third rise in two years.</p>`+prose+`</article>`)

	// A blog post with one snippet of code is a post, not documentation.
	blogPostWithCode = page(`<title>How we cut our build time</title><meta property="og:type" content="article">`,
		`<article><h1>How we cut our build time</h1><p class="byline">By Jane Roe</p><time datetime="2024-05-06">6 May</time>`+prose+
			`<pre><code>make -j8</code></pre></article>`)
)

// TestClassify: one hand-written page per kind, and pages that look like
// another kind and must not be taken for it.
func TestClassify(t *testing.T) {
	tests := []struct {
		name, page, url string
		want            article.PageType
	}{
		{"news story", newsStory, "https://news.example/2024/05/06/libraries-to-close", article.PageArticle},
		{"news story without URL", newsStory, "", article.PageArticle},
		{"story with a comments section", storyWithComments, "https://news.example/local/libraries-to-close", article.PageArticle},
		{"story quoting prices", storyWithPrices, "https://news.example/news/bus-fares", article.PageArticle},
		{"blog post with a code snippet", blogPostWithCode, "https://eng.example/blog/build-time", article.PageArticle},
		{"blog index", blogIndex, "https://eng.example/blog/", article.PageListing},
		{"forum thread", forumThread, "https://community.example/t/printer-will-not-connect/4411", article.PageForum},
		{"product", productPage, "https://shop.example/products/trail-runner-2", article.PageProduct},
		{"collection", collectionPage, "https://shop.example/collections/running-shoes", article.PageCollection},
		{"documentation", docPage, "https://toolkit.example/docs/install", article.PageDocumentation},
		{"service home page", servicePage, "https://acme-plumbing.example/", article.PageService},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sigs := read(t, tt.page, tt.url)
			if got != tt.want {
				t.Errorf("kind = %s, want %s (signals %v)", got, tt.want, sigs)
			}
		})
	}
}

// TestDecideIsStable: a close call comes out the same on every run,
// whatever order the signals map gives.
func TestDecideIsStable(t *testing.T) {
	s := Signals{}
	for sig := range rules.PageTypeVotes {
		s[sig] = 1
	}
	first := Decide(s)
	for range 50 {
		if got := Decide(s); got != first {
			t.Fatalf("Decide gave %s, then %s", first, got)
		}
	}
}

// TestTextModeKind: flattened text has no markup, so only the address
// counts, and a page that says nothing is an article.
func TestTextModeKind(t *testing.T) {
	tests := []struct {
		url  string
		want article.PageType
	}{
		{"", article.PageArticle},
		{"https://example.com/2024/05/06/a-story", article.PageArticle},
		{"https://example.com/docs/install", article.PageDocumentation},
		{"https://example.com/t/printer-offline/4411", article.PageForum},
		{"https://example.com/p/a-newsletter-post", article.PageArticle},
		{"https://shop.example/products/blue-mug", article.PageProduct},
		{"https://shop.example/collections/mugs/", article.PageCollection},
		{"https://example.com/services/plumbing", article.PageService},
		// Must not: a short address alone says nothing.
		{"https://example.com/libraries", article.PageArticle},
	}
	for _, tt := range tests {
		if got := Classify(&Page{URL: tt.url}); got != tt.want {
			t.Errorf("%q: kind %s, want %s", tt.url, got, tt.want)
		}
	}
}

// TestURLShape: folders of the path are evidence, the host never is, and
// a slug that happens to be a folder word is not.
func TestURLShape(t *testing.T) {
	tests := []struct {
		url  string
		want rules.PageSignal // "" for none
	}{
		{"https://example.com/docs/getting-started", rules.SigURLDocs},
		{"https://example.com/t/some-topic/123", rules.SigURLForum},
		{"https://example.com/products/blue-mug", rules.SigURLProduct},
		{"https://example.com/category/shoes/", rules.SigURLCollection},
		{"https://example.com/news/2024/05/06/story", rules.SigURLArticle},
		{"https://example.com/2024/05/story", rules.SigURLArticle},
		{"https://example.com/search?q=mugs", rules.SigURLListing},
		{"https://example.com/articles?page=3", rules.SigURLListing},
		{"https://example.com/", rules.SigURLHome},
		{"https://example.com/services/plumbing", rules.SigURLService},
		// Must not match: the host, a last segment that is a slug, a year alone.
		{"https://docs.example.com/intro", ""},
		{"https://forum.example.com/intro", ""},
		{"https://example.com/how-to-use-docs", ""},
		{"https://example.com/about/docs", ""},
		{"https://example.com/2024", ""},
	}
	for _, tt := range tests {
		s := Signals{}
		urlShape(s, tt.url)
		if tt.want == "" {
			if len(s) != 0 {
				t.Errorf("%s: signals %v, want none", tt.url, s)
			}
			continue
		}
		if s[tt.want] != 1 {
			t.Errorf("%s: signals %v, want %s", tt.url, s, tt.want)
		}
	}
}

// TestDeclared: one Product is a product page, a grid of them a
// collection; an article type beside a WebPage is no bare web page.
func TestDeclared(t *testing.T) {
	w := &rules.DefaultPageTypeWeights
	tests := []struct {
		name  string
		kinds meta.Kinds
		want  []rules.PageSignal
		not   []rules.PageSignal
	}{
		{"one product", meta.Kinds{LD: []string{"product", "offer"}}, []rules.PageSignal{rules.SigDeclProduct}, []rules.PageSignal{rules.SigDeclProducts}},
		{"a grid of products", meta.Kinds{Microdata: []string{"product", "product", "product", "product"}}, []rules.PageSignal{rules.SigDeclProducts}, []rules.PageSignal{rules.SigDeclProduct}},
		{"article in a web page", meta.Kinds{LD: []string{"webpage", "newsarticle", "organization"}}, []rules.PageSignal{rules.SigDeclArticle}, []rules.PageSignal{rules.SigDeclWebPage}},
		{"bare web page", meta.Kinds{LD: []string{"webpage", "organization", "website"}}, []rules.PageSignal{rules.SigDeclWebPage}, []rules.PageSignal{rules.SigDeclArticle}},
		{"thread", meta.Kinds{LD: []string{"discussionforumposting"}, Microdata: []string{"comment", "comment", "comment"}}, []rules.PageSignal{rules.SigDeclForum, rules.SigDeclComments}, nil},
		{"two comments", meta.Kinds{Microdata: []string{"comment", "comment"}}, nil, []rules.PageSignal{rules.SigDeclComments}},
		{"og product group", meta.Kinds{OGType: "product.group"}, []rules.PageSignal{rules.SigOGProductList}, []rules.PageSignal{rules.SigOGProduct}},
	}
	for _, tt := range tests {
		s := Signals{}
		declared(s, tt.kinds, w)
		for _, sig := range tt.want {
			if s[sig] != 1 {
				t.Errorf("%s: signals %v, want %s", tt.name, s, sig)
			}
		}
		for _, sig := range tt.not {
			if s[sig] != 0 {
				t.Errorf("%s: signals %v, must not have %s", tt.name, s, sig)
			}
		}
	}
}

func TestCountPrices(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"$19.99", 1},
		{"19,99 €", 1},
		{"from £ 5 to £10", 2},
		{"Save $ on your bills", 0},
		{"We raised €2m and $3m", 2},
		{"The 1990s", 0},
		{"US$ 20", 1},
	}
	for _, tt := range tests {
		if got := countPrices(tt.s); got != tt.want {
			t.Errorf("countPrices(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestEveryVoteIsForAKind: the vote table names only the seven kinds and
// only known signals, so a typo cannot vote for nothing.
func TestEveryVoteIsForAKind(t *testing.T) {
	kinds := map[article.PageType]bool{}
	for _, k := range rules.PageTypes {
		kinds[k] = true
	}
	if len(kinds) != 7 {
		t.Fatalf("PageTypes has %d kinds, want 7", len(kinds))
	}
	for sig, votes := range rules.PageTypeVotes {
		for k := range votes {
			if !kinds[k] {
				t.Errorf("%s votes for unknown kind %q", sig, k)
			}
		}
	}
	for _, prior := range []map[article.PageType]float64{rules.PageTypePrior, rules.PageTypeURLPrior} {
		for k := range prior {
			if !kinds[k] {
				t.Errorf("prior for unknown kind %q", k)
			}
		}
	}
	if got := Decide(Signals{}); got != article.PageArticle {
		t.Errorf("a page with no evidence is %s, want article", got)
	}
}

// TestItems: a body read as a run of repeated items is evidence of its
// kind; a body of prose, or a run of too few items, gives none.
func TestItems(t *testing.T) {
	w := &rules.DefaultPageTypeWeights
	tests := []struct {
		name string
		sh   content.Shape
		want []rules.PageSignal
		not  []rules.PageSignal
	}{
		{"no run", content.Shape{Words: 900, Paragraphs: 12}, nil,
			[]rules.PageSignal{rules.SigItems, rules.SigItemBlocks, rules.SigManyItems, rules.SigItemCards, rules.SigLongItems}},
		{"two items are no run", content.Shape{Words: 300, Items: 2, ItemPlain: 600, ItemsLifted: true}, nil,
			[]rules.PageSignal{rules.SigItems, rules.SigItemBlocks, rules.SigLongItems}},
		{"lifted cards", content.Shape{Words: 300, Items: 12, ItemPlain: 90, ItemsLifted: true},
			[]rules.PageSignal{rules.SigItems, rules.SigManyItems, rules.SigItemCards},
			[]rules.PageSignal{rules.SigItemBlocks, rules.SigLongItems}},
		{"linked items are cards however long", content.Shape{Words: 300, Items: 4, ItemPlain: 500, ItemsLinked: true, ItemsLifted: true},
			[]rules.PageSignal{rules.SigItems, rules.SigItemCards},
			[]rules.PageSignal{rules.SigManyItems, rules.SigLongItems}},
		{"lifted posts", content.Shape{Words: 900, Items: 6, ItemPlain: 450, ItemsLifted: true},
			[]rules.PageSignal{rules.SigItems, rules.SigLongItems},
			[]rules.PageSignal{rules.SigItemCards, rules.SigItemBlocks}},
		{"blocks held in the root", content.Shape{Words: 600, Items: 5, ItemPlain: 200},
			[]rules.PageSignal{rules.SigItemBlocks},
			[]rules.PageSignal{rules.SigItems, rules.SigItemCards, rules.SigLongItems}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Signals{}
			items(s, tt.sh, w)
			checkSignals(t, s, tt.want, tt.not)
		})
	}
}

// TestItemsEndToEnd: pages whose only evidence of their kind is their
// body's run of items (no declared type, no telling URL).
func TestItemsEndToEnd(t *testing.T) {
	results := page(`<title>Results</title>`,
		`<main><h1>Results</h1>`+repeat(12, func(i int) string {
			return fmt.Sprintf(`<div class="result"><h3><a href="/r/%d">Result number %d of the query</a></h3><p>A line or two of the result's text, cut short by the engine that found it.</p></div>`, i, i)
		})+`</main>`)
	tests := []struct {
		name, page, url string
		want            article.PageType
		sig             rules.PageSignal
	}{
		{"results page", results, "https://find.example/results", article.PageListing, rules.SigItems},
		{"story with comments", storyWithComments, "", article.PageArticle, ""},
		{"news story", newsStory, "", article.PageArticle, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sigs := read(t, tt.page, tt.url)
			if got != tt.want {
				t.Errorf("kind = %s, want %s (signals %v)", got, tt.want, sigs)
			}
			if tt.sig != "" && sigs[tt.sig] != 1 {
				t.Errorf("missing %s (signals %v)", tt.sig, sigs)
			}
			if tt.sig == "" && sigs[rules.SigItems] != 0 {
				t.Errorf("unexpected %s (signals %v)", rules.SigItems, sigs)
			}
		})
	}
}

// TestDeclaresProduct: one product, or a group of its variants, is declared;
// a grid of products or an article is not.
func TestDeclaresProduct(t *testing.T) {
	tests := []struct {
		name  string
		kinds meta.Kinds
		want  bool
	}{
		{"one JSON-LD product", meta.Kinds{LD: []string{"product", "breadcrumblist"}}, true},
		{"one microdata product", meta.Kinds{Microdata: []string{"product", "review", "review"}}, true},
		{"og:type product", meta.Kinds{OGType: "product"}, true},
		{"a product group and its variants", meta.Kinds{LD: []string{"product", "product", "product", "productgroup"}}, true},
		{"a grid of products", meta.Kinds{LD: []string{"product", "product", "product"}}, false},
		{"an article", meta.Kinds{LD: []string{"newsarticle"}, OGType: "article"}, false},
		{"nothing declared", meta.Kinds{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DeclaresProduct(tt.kinds); got != tt.want {
				t.Errorf("DeclaresProduct(%+v) = %v, want %v", tt.kinds, got, tt.want)
			}
		})
	}
}

func TestDeclaresThread(t *testing.T) {
	tests := []struct {
		name  string
		kinds meta.Kinds
		want  bool
	}{
		{"a forum posting", meta.Kinds{LD: []string{"discussionforumposting", "breadcrumblist"}}, true},
		{"a Q&A page in microdata", meta.Kinds{Microdata: []string{"qapage", "question", "answer"}}, true},
		{"a posting with its comments", meta.Kinds{LD: []string{"discussionforumposting", "comment", "comment", "comment"}}, true},
		{"a news story with comments", meta.Kinds{LD: []string{"newsarticle", "comment", "comment", "comment"}}, false},
		{"a news story that also declares a posting", meta.Kinds{LD: []string{"newsarticle", "discussionforumposting"}}, false},
		{"a posting on an og:type article page", meta.Kinds{LD: []string{"discussionforumposting"}, OGType: "article"}, false},
		{"comments alone", meta.Kinds{Microdata: []string{"comment", "comment", "comment"}}, false},
		{"nothing declared", meta.Kinds{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DeclaresThread(tt.kinds); got != tt.want {
				t.Errorf("DeclaresThread(%+v) = %v, want %v", tt.kinds, got, tt.want)
			}
		})
	}
}

func TestButtonLike(t *testing.T) {
	for class, want := range map[string]bool{
		"btn": true, "c-Btn-primary": true, "BUTTON": true, "wp-block-button__link": true,
		"hero-CTA": true, "Über-Btn": true, "ÜBER-BUTTON": true,
		"": false, "bt-n": false, "link": false, "butto": false, "C-T-A": false, "über": false,
	} {
		if got := buttonLike(class); got != want {
			t.Errorf("buttonLike(%q) = %v, want %v", class, got, want)
		}
	}
	if n := testing.AllocsPerRun(20, func() { buttonLike("Article-Link Card-Title") }); n != 0 {
		t.Errorf("buttonLike allocates %v times on an ASCII class", n)
	}
}

// TestShortSlug: a last segment of a word or two and no id is the name
// of a section or an offer; a story's phrase or an id is not.
func TestShortSlug(t *testing.T) {
	w := &rules.DefaultPageTypeWeights
	tests := []struct {
		url  string
		want bool
	}{
		// Must match.
		{"https://example.com/news", true},
		{"https://example.com/news/", true},
		{"https://example.com/recipes/air-fryer", true},
		{"https://example.com/services/plumbing.html", true},
		{"https://example.com/shop/running_shoes/index.php", true},
		{"https://example.com/c/mens-boots?page=2", true},
		{"https://example.com/pricing", true},
		// Must not match: no path, a story's phrase, an id.
		{"", false},
		{"https://example.com/", false},
		{"https://example.com/index.html", false},
		{"https://example.com/2024/05/06/libraries-to-close-next-spring", false},
		{"https://example.com/news/council-votes-on-libraries", false},
		{"https://example.com/a/83114", false},
		{"https://example.com/story-20240506", false},
		{"https://example.com/t/printer/4411", false},
	}
	for _, tt := range tests {
		if got := shortSlug(tt.url, w); got != tt.want {
			t.Errorf("%q: short slug %v, want %v", tt.url, got, tt.want)
		}
	}
}

var (
	// A shop's category page that declares nothing: a grid of product
	// cards, each with its price, beside filters.
	shopGrid = page(`<title>Sleeping bags</title>`,
		`<header><a href="/">Outdoor shop</a></header><main><h1>Sleeping bags</h1>
<aside class="filters">`+repeat(4, func(i int) string {
			return fmt.Sprintf(`<div class="filter-group"><button>Size %d</button></div>`, i)
		})+`</aside><div class="product-grid">`+repeat(24, func(i int) string {
			return fmt.Sprintf(`<div class="product-card"><img src="/img/%d.jpg" alt=""><a href="/p/bag-%d"><h3>Down sleeping bag, model %d</h3></a><span class="price">$%d.99</span><button>Add to cart</button></div>`, i, i, i, 120+i)
		})+`</div></main>`)

	// A forum thread that declares nothing: posts with their posters'
	// avatars.
	plainThread = page(`<title>Printer will not connect after the update</title>`,
		`<main><h1>Printer will not connect after the update</h1>`+repeat(6, func(i int) string {
			return fmt.Sprintf(`<div class="message"><div class="message-avatar"><img src="/a/%d.png" alt=""></div><div class="message-body"><a href="/members/user%d">user%d</a><p>I tried resetting the router and the printer, and it still shows offline after the update; has anyone found what to try next?</p></div></div>`, i, i, i)
		})+`</main>`)

	// A story with a row of four related teasers, each its own <article>.
	storyWithRelated = page(`<title>Libraries to close</title><meta property="og:type" content="article">`,
		`<article><h1>Libraries to close</h1><p class="byline">By Jane Roe</p><time datetime="2024-05-06">6 May 2024</time>`+prose+`</article>
<section class="related"><h2>More news</h2>`+repeat(4, func(i int) string {
			return fmt.Sprintf(`<article class="teaser"><h3><a href="/news/story-%d">Another story from the town, number %d</a></h3></article>`, i, i)
		})+`</section>`)

	// A service page on a blog engine: og:type article, a WebPage whose
	// only date is its last change, sections of an offer, no byline.
	blogEngineService = page(`<title>Boiler repairs</title><meta property="og:type" content="article">
<script type="application/ld+json">{"@type":"WebPage","name":"Boiler repairs","dateModified":"2024-05-06"}</script>`,
		`<main><h1>Boiler repairs, the same day</h1><a class="btn" href="/quote">Get a quote</a>`+repeat(5, func(i int) string {
			return fmt.Sprintf(`<section><h2>What we fix, part %d</h2><p>Leaks, pressure faults and broken pumps, fixed by engineers on call all week.</p></section>`, i)
		})+`<a class="button" href="/book">Book a visit</a></main>`)

	// A section front: a dozen stories, each its own <article> with a
	// linked headline and a summary.
	sectionFront = page(`<title>Local news</title>`,
		`<main><h1>Local</h1>`+repeat(12, func(i int) string {
			return fmt.Sprintf(`<article><h2><a href="/local/story-%d-of-the-week">The town's story number %d this week</a></h2><p>Two lines that sum up what happened and why it matters to the people who live here.</p></article>`, i, i)
		})+`</main>`)

	// A review that names one product and its price.
	storyWithOnePrice = page(`<title>We tried the Trail Runner 2</title><meta property="og:type" content="article">`,
		`<article><h1>We tried the Trail Runner 2</h1><p class="byline">By Jane Roe</p><time datetime="2024-05-06">6 May</time>
<div class="product-box"><span class="price">$89.00</span></div>`+prose+`</article>`)
)

// TestPageCounts: what the whole page is built of (shop cards and their
// prices, filters, posters' avatars, many <article>s) is evidence of its
// kind even where nothing is declared; a story's related row, or one
// product box in a review, is not.
func TestPageCounts(t *testing.T) {
	tests := []struct {
		name, page, url string
		want            article.PageType
		sigs, not       []rules.PageSignal
	}{
		{"shop grid", shopGrid, "https://outdoor.example/sleeping-bags", article.PageCollection,
			[]rules.PageSignal{rules.SigPriceMarks, rules.SigProductMarks, rules.SigFacets, rules.SigManyButtons, rules.SigURLShortSlug},
			[]rules.PageSignal{rules.SigAvatars, rules.SigManyArticles}},
		{"thread without markup", plainThread, "https://help.example/printer-will-not-connect.12345/", article.PageForum,
			[]rules.PageSignal{rules.SigAvatars},
			[]rules.PageSignal{rules.SigPriceMarks, rules.SigProductMarks, rules.SigFacets, rules.SigURLShortSlug}},
		{"service page on a blog engine", blogEngineService, "https://heating.example/boiler-repairs", article.PageService,
			[]rules.PageSignal{rules.SigDateModified, rules.SigURLShortSlug}, []rules.PageSignal{rules.SigByline}},
		{"section front", sectionFront, "https://news.example/local", article.PageListing,
			[]rules.PageSignal{rules.SigManyArticles, rules.SigLinkedHeads, rules.SigURLShortSlug}, nil},
		{"story with a related row", storyWithRelated, "https://news.example/local/libraries-to-close", article.PageArticle,
			nil, []rules.PageSignal{rules.SigManyArticles, rules.SigURLShortSlug}},
		{"review naming one price", storyWithOnePrice, "https://news.example/reviews/trail-runner", article.PageArticle,
			nil, []rules.PageSignal{rules.SigPriceMarks, rules.SigProductMarks}},
		{"story on a short address", newsStory, "https://news.example/libraries", article.PageArticle,
			[]rules.PageSignal{rules.SigURLShortSlug}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, sigs := read(t, tt.page, tt.url)
			if got != tt.want {
				t.Errorf("kind = %s, want %s (signals %v)", got, tt.want, sigs)
			}
			checkSignals(t, sigs, tt.sigs, tt.not)
		})
	}
}

// checkSignals fails for each signal of want that s lacks and each of not
// that s has.
func checkSignals(t *testing.T, s Signals, want, not []rules.PageSignal) {
	t.Helper()
	for _, sig := range want {
		if s[sig] != 1 {
			t.Errorf("missing %s (signals %v)", sig, s)
		}
	}
	for _, sig := range not {
		if s[sig] != 0 {
			t.Errorf("unexpected %s (signals %v)", sig, s)
		}
	}
}
