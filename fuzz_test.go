package winnow_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
	"golang.org/x/net/html"
)

// fuzzPages are the seeds of FuzzExtract: small pages, each a shape the
// extractor has to handle. They are kept small (under 1 KB) on purpose:
// the fuzzer minimises every input that finds new code, in a number of runs
// that grows with the square of its size, and on the golden pages (up to 5 KB)
// that minimising took all its time.
var fuzzPages = []string{
	`<html lang="en"><head><title>Sea wall | Town News</title><meta property="og:title" content="Sea wall vote"><meta name="author" content="Ann Lee"><link rel="canonical" href="/news/sea-wall"></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Sea wall vote</h1><p class="byline">By Ann Lee, <time datetime="2024-03-12">12 March</time></p><p>Voters backed the plan to rebuild the wall that failed in the storms.</p><p>Work starts next month, the council said.</p></article><footer>© 2024 Town News</footer></body></html>`,
	`<body><div id="content"><h2>Results</h2><ul><li>First point of the list.</li><li>Second point, <a href="/more">with a link</a>.</li></ul><table><tr><th>Team</th><th>Score</th></tr><tr><td>Reds</td><td>3</td></tr></table><blockquote>A quoted line.</blockquote><pre><code>x := 1</code></pre></div></body>`,
	`<div class="post-body">First paragraph of the post.<br><br>Second paragraph after two breaks.<br>Same paragraph, next line.<br><br>Third one.</div>`,
	`<main><figure><img src="/a.jpg" alt="The wall"><figcaption>The wall in March. Photo: Ann Lee</figcaption></figure><p>Text beside the picture, long enough to be a paragraph of an article.</p></main><aside class="related"><h3>Related</h3><a href="/x">Other story</a></aside>`,
	`<body><div class="cookie-banner">We use cookies. <button>Accept</button></div><div class="share">Share Tweet Email</div><article><p>The story itself, in one paragraph of several words.</p></article><section id="comments"><h3>3 comments</h3><div class="comment">Great piece!</div></section></body>`,
	`<body><h1>Latest</h1><article><h2><a href="/a">First headline</a></h2><p>Teaser one.</p></article><article><h2><a href="/b">Second headline</a></h2><p>Teaser two.</p></article><article><h2><a href="/c">Third headline</a></h2></article></body>`,
	`<body><p style="display:none">Hidden text</p><div hidden>Also hidden</div><p aria-hidden="true">Icon</p><noscript>Enable JavaScript</noscript><template><p>Template</p></template><p>Visible text of the page, a sentence.</p><script>var a = "<p>no</p>";</script><style>p{color:red}</style></body>`,
	`<head><meta charset="iso-8859-1"><script type="application/ld+json">{"@type":"NewsArticle","headline":"Caf` + "\xe9" + `","datePublished":"2024-01-02","author":{"name":"B"}}</script></head><body><p>Caf` + "\xe9 cr\xe8me" + ` &amp; &nbsp;&#x2014; &lt;tag&gt;</p></body>`,
	`<html><body><div><div><div><section><div><div><p>Nested deep inside divs, a sentence of text.</p></div></div></section></div></div></div><iframe src="x"></iframe><svg><text>svg</text></svg><math><mi>x</mi></math></body></html>`,
	`<body><div role="main"><h1>Title</h1><h2>Subtitle in an h2 under the title</h2><p>Lead paragraph.</p><h3>A section</h3><p>Body of the section.</p><dl><dt>Term</dt><dd>Definition</dd></dl></div><div role="navigation"><a href="/1">1</a> <a href="/2">2</a> <a href="/next">Next</a></div></body>`,
}

// FuzzExtract runs decode, parse and extract on arbitrary bytes. The
// properties: no panic; an error or an article, never both empty; valid
// UTF-8 out; for plain-ASCII input every word of the text occurs in the
// input; and the JSON form round-trips.
//
// Run it with
//
//	go test -run '^$' -fuzz '^FuzzExtract$' -fuzztime 5m -fuzzminimizetime 200x .
//
// -fuzzminimizetime bounds that minimising (60 s an input by default, which
// even on small seeds leaves a few dozen runs in a minute).
func FuzzExtract(f *testing.F) {
	for _, p := range fuzzPages {
		f.Add([]byte(p))
	}
	f.Add([]byte(page(prose)))
	f.Add([]byte("<div><p>unclosed <b>bold <i>both</p></div>"))
	f.Add([]byte(`<p>text <a href="/x"><div>Card</div></a> more</p>`))
	f.Add([]byte("plain text line one\n\nSecond line of a flattened dump.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// Every option that changes the walk is exercised too.
		for _, opts := range []winnow.Options{
			{KeepLinks: true, Focus: winnow.Precision, URL: "https://example.org/a/b"},
			{DropImages: true, Focus: winnow.Recall, Input: winnow.InputHTML},
		} {
			a, err := winnow.Extract(data, opts)
			if a == nil {
				if err == nil {
					t.Fatalf("nil article and nil error with %+v", opts)
				}
				continue
			}
			for _, b := range a.Blocks {
				for _, l := range b.Links {
					if l.Start < 0 || l.End > len(b.Text) || l.Start >= l.End || b.Text[l.Start:l.End] != l.Text {
						t.Fatalf("link %+v is not at its offsets in %q", l, b.Text)
					}
				}
			}
			for _, f := range []render.Format{render.FormatMarkdown, render.FormatHTML} {
				if err := render.Write(io.Discard, a, f); err != nil {
					t.Fatal(err)
				}
			}
		}
		// On a copy, overwritten at the end: the result must not read
		// the page once Extract has returned.
		buf := bytes.Clone(data)
		a, err := winnow.Extract(buf, winnow.Options{Explain: true})
		if err != nil && !errors.Is(err, winnow.ErrNoArticle) {
			if a != nil {
				t.Fatalf("article beside error %v", err)
			}
			return
		}
		if a == nil {
			t.Fatal("nil article with no error")
		}
		if !utf8.ValidString(a.Text) {
			t.Fatal("invalid UTF-8 in text")
		}
		if isASCII(data) && !strings.Contains(string(data), "&") {
			// Inline tags may join words ("0<b>0" reads "00"), and the
			// parser moves text out of tables ("<table>r<th>3<tr>A" reads
			// "rA" and "3"), so the words are looked for in the input with
			// its tags taken out and in the tree's text nodes run together.
			in := string(data) + "\n" + stripTags(string(data)) + "\n" + treeText(data)
			for _, w := range strings.Fields(a.Text) {
				if !strings.Contains(in, w) {
					t.Fatalf("word %q of the output is not in the input", w)
				}
			}
		}
		js, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back article.Article
		if err := json.Unmarshal(js, &back); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(normalize(&back), normalize(a)) {
			t.Fatalf("JSON round trip changed the article")
		}
		for i := range buf {
			buf[i] = 'Z'
		}
		if after, _ := json.Marshal(a); !bytes.Equal(js, after) {
			t.Fatalf("the article changed when the page was overwritten")
		}
	})
}

// stripTags removes tags and comments (a '<' followed by a letter, '/',
// '!' or '?', up to the next '>'), as a rough text view; a '<' followed by
// anything else is text, as HTML has it.
func stripTags(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && isTagStart(s[i+1]) {
			if end := strings.IndexByte(s[i:], '>'); end >= 0 {
				i += end
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// treeText is the text of every text node of data's tree, as
// x/net/html builds it, in document order with nothing between.
func treeText(data []byte) string {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var b strings.Builder
	for n := range doc.Descendants() {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
	}
	return b.String()
}

func isTagStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '/' || c == '!' || c == '?'
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf || c == 0 {
			return false
		}
	}
	return true
}

// normalize makes nil and empty slices compare equal after a round trip.
func normalize(a *article.Article) *article.Article {
	c := *a
	js, _ := json.Marshal(c)
	var m map[string]any
	json.Unmarshal(js, &m)
	js, _ = json.Marshal(m)
	var out article.Article
	json.Unmarshal(js, &out)
	return &out
}
