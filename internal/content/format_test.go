package content

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

// marked writes a block's marks as "kind:text" for the tests.
func marked(b article.Block) []string {
	src := b.Text
	if b.Type == article.List {
		src = strings.Join(b.Items, "\n")
	}
	var out []string
	for _, m := range b.Marks {
		out = append(out, string(m.Kind)+":"+src[m.Start:m.End])
	}
	return out
}

// more is a paragraph to close the body with, so that the block tested
// is not the last (a heading at the end is cut).
const more = `<p>The library board will meet again in the spring to hear from the residents of both neighbourhoods about the plan.</p>`

func findBlock(blocks []article.Block, text string) (article.Block, bool) {
	for _, b := range blocks {
		if render.PlainText([]article.Block{b}) == text {
			return b, true
		}
	}
	return article.Block{}, false
}

func TestFormattingMarks(t *testing.T) {
	tests := []struct {
		name  string
		html  string // inside the article, after the body
		typ   article.BlockType
		text  string   // the block's text, as without formatting
		marks []string // kind:text, in order of start, the outer first
	}{
		{"bold and italic", `<p>One <strong>bold</strong> and <em>italic</em> word, <b>b</b> and <i>i</i>.</p>`, article.Paragraph,
			"One bold and italic word, b and i.", []string{"bold:bold", "italic:italic", "bold:b", "italic:i"}},
		{"nested em and strong", `<p>Say <em>it <strong>loud</strong> now</em> please.</p>`, article.Paragraph,
			"Say it loud now please.", []string{"italic:it loud now", "bold:loud"}},
		{"one range, two kinds", `<p>A <em><strong>very</strong></em> good idea.</p>`, article.Paragraph,
			"A very good idea.", []string{"italic:very", "bold:very"}},
		{"bold word inside a link", `<p>Read <a href="/r">the <b>full</b> report</a> of the council on the closures now.</p>`, article.Paragraph,
			"Read the full report of the council on the closures now.", []string{"bold:full"}},
		{"spaces stay outside the mark", `<p>Keep<b> spaced </b>words.</p>`, article.Paragraph,
			"Keep spaced words.", []string{"bold:spaced"}},
		{"inline code, kbd and samp", `<p>Run <code>go vet</code>, press <kbd>Ctrl</kbd>, see <samp>ok</samp>.</p>`, article.Paragraph,
			"Run go vet, press Ctrl, see ok.", []string{"code:go vet", "code:Ctrl", "code:ok"}},
		{"bold inside bold once", `<p>Very <b>much <strong>so</strong></b> indeed.</p>`, article.Paragraph,
			"Very much so indeed.", []string{"bold:much so"}},
		{"marks of a kind that touch are one", `<p>The <b>B</b><b>old</b> and <code>co</code><code>de</code>.</p>`, article.Paragraph,
			"The Bold and code.", []string{"bold:Bold", "code:code"}},
		{"mark over a line break", `<p>First <b>line<br>second</b> line.</p>`, article.Paragraph,
			"First line\nsecond line.", []string{"bold:line\nsecond"}},
		{"code inside a heading", `<h2>Using <code>go vet</code> daily</h2>`, article.Heading,
			"Using go vet daily", []string{"code:go vet"}},
		{"a heading bold all over is a heading", `<h2><strong>All of it</strong></h2>`, article.Heading,
			"All of it", nil},
		{"part of a heading in bold", `<h3>The <b>short</b> list</h3>`, article.Heading,
			"The short list", []string{"bold:short"}},
		{"quote", `<blockquote><p>We <em>will</em> return.</p></blockquote>`, article.Quote,
			"We will return.", []string{"italic:will"}},
		{"list items count in the joined items", `<ul><li>one <i>two</i></li><li><b>three</b> four</li></ul>`, article.List,
			"one two\nthree four", []string{"italic:two", "bold:three"}},
		{"not formatting: cite, span, u", `<p>The <cite>Book</cite> and <span class="x">span</span> and <u>under</u>.</p>`, article.Paragraph,
			"The Book and span and under.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body><article>" + body + tt.html + more + "</article></body></html>"
			plain := Extract(parsePage(t, page), article.Metadata{}, Options{})
			res := Extract(parsePage(t, page), article.Metadata{}, Options{Formatting: true, KeepLinks: true})
			if got, want := render.PlainText(res.Blocks), render.PlainText(plain.Blocks); got != want {
				t.Errorf("formatting changed the text:\n%s\nwant:\n%s", got, want)
			}
			for _, b := range plain.Blocks {
				if len(b.Marks) > 0 || b.Lang != "" {
					t.Errorf("marks without Formatting: %+v", b)
				}
			}
			b, ok := findBlock(res.Blocks, tt.text)
			if !ok || b.Type != tt.typ {
				t.Fatalf("no %s %q in:\n%s", tt.typ, tt.text, render.PlainText(res.Blocks))
			}
			if got := marked(b); !reflect.DeepEqual(got, tt.marks) {
				t.Errorf("marks %q, want %q", got, tt.marks)
			}
		})
	}
}

// TestFormattingKeepsLinks: the marks do not move the links.
func TestFormattingKeepsLinks(t *testing.T) {
	const text = "Read the full report, in print or online, and see the map of the branches that will close."
	page := `<html><body><article>` + body + `<p>Read <a href="/r">the <b>full</b> report</a>, in print or online, and see <em>the <a href="/m">map</a></em> of the branches that will close.</p>` + more + `</article></body></html>`
	plain := Extract(parsePage(t, page), article.Metadata{}, Options{KeepLinks: true})
	res := Extract(parsePage(t, page), article.Metadata{}, Options{KeepLinks: true, Formatting: true})
	got, _ := findBlock(res.Blocks, text)
	want, _ := findBlock(plain.Blocks, text)
	if !reflect.DeepEqual(got.Links, want.Links) || len(want.Links) != 2 {
		t.Errorf("links %+v, want %+v", got.Links, want.Links)
	}
	if m := marked(got); !reflect.DeepEqual(m, []string{"bold:full", "italic:the map"}) {
		t.Errorf("marks %q", m)
	}
}

func TestCodeBlockLanguage(t *testing.T) {
	tests := []struct {
		name, html, lang string
	}{
		{"language- class on code", `<pre><code class="language-go">x := 1</code></pre>`, "go"},
		{"language- class on pre", `<pre class="line-numbers language-python"><code>x = 1</code></pre>`, "python"},
		{"prettify lang-", `<pre class="prettyprint lang-js">var x = 1;</pre>`, "js"},
		{"data-lang", `<pre data-lang="rust"><code>let x = 1;</code></pre>`, "rust"},
		{"code wrapped in a div", `<pre><div><code class="hljs language-c++">int x;</code></div></pre>`, "c++"},
		{"no language", `<pre><code class="hljs">x := 1</code></pre>`, ""},
		{"language-none says none", `<pre><code class="language-none">x := 1</code></pre>`, ""},
		{"not a name", `<pre><code class="language-a&quot;b">x := 1</code></pre>`, ""},
		{"a lang attribute is the text's language", `<pre lang="en"><code>x := 1</code></pre>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body><article>" + body + tt.html + "</article></body></html>"
			res := Extract(parsePage(t, page), article.Metadata{}, Options{Formatting: true})
			plain := Extract(parsePage(t, page), article.Metadata{}, Options{})
			b := res.Blocks[len(res.Blocks)-1]
			if b.Type != article.Code || b.Lang != tt.lang {
				t.Errorf("block %s lang %q, want code %q", b.Type, b.Lang, tt.lang)
			}
			if p := plain.Blocks[len(plain.Blocks)-1]; p.Lang != "" || p.Text != b.Text {
				t.Errorf("without formatting: lang %q text %q, want no lang and %q", p.Lang, p.Text, b.Text)
			}
		})
	}
}

func TestComments(t *testing.T) {
	thread := items("li", "comment", posts[:3], noOpen)
	tests := []struct {
		name     string
		page     string
		comments []string // must be in the comments, in order
		notIn    []string // must not be in the comments
		body     []string // must stay in the body
	}{
		{"comment list under an article",
			`<article><h1>Council closes libraries</h1>` + body + `</article><section id="comments"><h2>Comments</h2><ol class="comment-list">` + thread +
				`</ol><form id="respond"><p>Leave a reply</p><textarea></textarea></form></section>`,
			posts[:3], []string{"Leave a reply", "branch libraries", "Comments"}, []string{"branch libraries"}},
		{"section under a Comments heading, no markup",
			`<article><h1>Council closes libraries</h1>` + body + `<h2>Comments</h2><div><p>` + posts[0] + `</p><p>` + posts[1] + `</p></div></article>`,
			posts[:2], []string{"branch libraries"}, []string{"branch libraries"}},
		{"reply links and counts are not comments",
			`<article>` + body + `</article><div class="comments"><a class="comment-count" href="#c">12 comments</a><div class="comment"><p>` + posts[2] +
				`</p><a class="comment-reply-link" href="#r">Reply</a></div></div>`,
			posts[2:3], []string{"12 comments", "Reply"}, []string{"mobile library"}},
		{"hidden and form parts of a comment section stay cut",
			`<article>` + body + `</article><div id="comments"><p>` + posts[3] + `</p><div style="display:none">Loading more comments from the server</div><button>Load more</button></div>`,
			posts[3:4], []string{"Loading more", "Load more"}, []string{"Sundays"}},
		{"forum posts are the body, not comments",
			`<h1>Lights on the new board</h1><div class="topic">` + items("article", "comment post-entry", posts, noOpen) + `</div>`,
			nil, posts, posts},
		{"an article without comments", `<article>` + body + `</article>`, nil, nil, []string{"branch libraries"}},
		{"a reply form alone holds no comment",
			`<article>` + body + `</article><div id="respond" class="comment-respond"><h3>Join in below</h3><form><textarea></textarea><button>Post</button></form></div>`,
			nil, []string{"Join in"}, []string{"branch libraries"}},
		{"a comment policy in the section is not a comment",
			`<article>` + body + `</article><div class="comments"><p>Comments are moderated and must be respectful.</p><div class="comment"><p>` + posts[4] + `</p></div></div>`,
			posts[4:5], []string{"moderated"}, []string{"branch libraries"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := "<html><body>" + tt.page + "</body></html>"
			plain := Extract(parsePage(t, page), article.Metadata{}, Options{})
			res := Extract(parsePage(t, page), article.Metadata{}, Options{Comments: true})
			if plain.Comments != nil {
				t.Errorf("comments without the option: %+v", plain.Comments)
			}
			if !reflect.DeepEqual(res.Blocks, plain.Blocks) || res.Status != plain.Status {
				t.Errorf("the option changed the body:\n%s\nwant:\n%s", render.PlainText(res.Blocks), render.PlainText(plain.Blocks))
			}
			text, comments := render.PlainText(res.Blocks), render.PlainText(res.Comments)
			at := 0
			for _, c := range tt.comments {
				i := strings.Index(comments[at:], c)
				if i < 0 {
					t.Errorf("comments lack %q (or not in order); comments:\n%s", c, comments)
					continue
				}
				at += i + len(c)
			}
			if len(tt.comments) == 0 && len(res.Comments) > 0 {
				t.Errorf("comments on a page with none:\n%s", comments)
			}
			for _, c := range tt.notIn {
				if strings.Contains(comments, c) {
					t.Errorf("comments hold %q:\n%s", c, comments)
				}
			}
			for _, c := range tt.body {
				if !strings.Contains(text, c) {
					t.Errorf("body lost %q:\n%s", c, text)
				}
			}
		})
	}
}

// TestCommentsWithFormattingAndExplain: a comment keeps its marks, and
// --explain lists the comment section as one removal, as without the
// option.
func TestCommentsWithFormattingAndExplain(t *testing.T) {
	page := `<html><body><article>` + body + `</article><div id="comments"><div class="comment"><p>I <em>really</em> disagree with the mayor on the libraries.</p><div class="share">Share</div></div></div></body></html>`
	plain := Extract(parsePage(t, page), article.Metadata{}, Options{Explain: true})
	res := Extract(parsePage(t, page), article.Metadata{}, Options{Explain: true, Comments: true, Formatting: true})
	if fmt.Sprint(res.Removed) != fmt.Sprint(plain.Removed) {
		t.Errorf("removals %v, want %v", res.Removed, plain.Removed)
	}
	if len(res.Comments) != 1 || !reflect.DeepEqual(marked(res.Comments[0]), []string{"italic:really"}) {
		t.Errorf("comments %+v", res.Comments)
	}
}
