package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

func mk(kind article.MarkKind, start, end int) article.Mark {
	return article.Mark{Kind: kind, Start: start, End: end}
}

func TestInlineFormatting(t *testing.T) {
	b, i, c := article.Bold, article.Italic, article.InlineCode
	tests := []struct {
		name     string
		block    article.Block
		markdown string
		html     string
	}{
		{"bold and italic words",
			article.Block{Type: article.Paragraph, Text: "a bold and italic word", Marks: []article.Mark{mk(b, 2, 6), mk(i, 11, 17)}},
			"a **bold** and _italic_ word", "<p>a <strong>bold</strong> and <em>italic</em> word</p>"},
		{"nested em and strong",
			article.Block{Type: article.Paragraph, Text: "say it loud now", Marks: []article.Mark{mk(i, 4, 15), mk(b, 7, 11)}},
			"say _it **loud** now_", "<p>say <em>it <strong>loud</strong> now</em></p>"},
		{"one range, two kinds",
			article.Block{Type: article.Paragraph, Text: "a very good", Marks: []article.Mark{mk(i, 2, 6), mk(b, 2, 6)}},
			"a _**very**_ good", "<p>a <em><strong>very</strong></em> good</p>"},
		{"bold word inside a link",
			article.Block{Type: article.Paragraph, Text: "read the full report now",
				Links: []article.Link{{Text: "the full report", Href: "/r", Start: 5, End: 20}}, Marks: []article.Mark{mk(b, 9, 13)}},
			"read [the **full** report](/r) now", `<p>read <a href="/r">the <strong>full</strong> report</a> now</p>`},
		{"link inside italic",
			article.Block{Type: article.Paragraph, Text: "see the map here",
				Links: []article.Link{{Text: "map", Href: "/m", Start: 8, End: 11}}, Marks: []article.Mark{mk(i, 4, 11)}},
			"see _the [map](/m)_ here", `<p>see <em>the <a href="/m">map</a></em> here</p>`},
		{"link over the same words as code",
			article.Block{Type: article.Paragraph, Text: "call Println now",
				Links: []article.Link{{Text: "Println", Href: "/p", Start: 5, End: 12}}, Marks: []article.Mark{mk(c, 5, 12)}},
			"call [`Println`](/p) now", `<p>call <a href="/p"><code>Println</code></a> now</p>`},
		{"link inside code splits the code span",
			article.Block{Type: article.Paragraph, Text: "use fmt.Println()",
				Links: []article.Link{{Text: "Println", Href: "/p", Start: 8, End: 15}}, Marks: []article.Mark{mk(c, 4, 17)}},
			"use `fmt.`[`Println`](/p)`()`", `<p>use <code>fmt.<a href="/p">Println</a>()</code></p>`},
		{"code is verbatim",
			article.Block{Type: article.Paragraph, Text: "run a*b_c[0] <x>", Marks: []article.Mark{mk(c, 4, 16)}},
			"run `a*b_c[0] <x>`", "<p>run <code>a*b_c[0] &lt;x&gt;</code></p>"},
		{"backticks in code",
			article.Block{Type: article.Paragraph, Text: "type `x` here", Marks: []article.Mark{mk(c, 5, 8)}},
			"type `` `x` `` here", "<p>type <code>`x`</code> here</p>"},
		{"text inside emphasis is escaped",
			article.Block{Type: article.Paragraph, Text: "a *star* <b>", Marks: []article.Mark{mk(b, 2, 12)}},
			`a **\*star\* \<b>**`, "<p>a <strong>*star* &lt;b&gt;</strong></p>"},
		{"italic inside a word",
			article.Block{Type: article.Paragraph, Text: "unbelievable", Marks: []article.Mark{mk(i, 2, 8)}},
			"un*believ*able", "<p>un<em>believ</em>able</p>"},
		{"emphasis that Markdown cannot open is left out",
			article.Block{Type: article.Paragraph, Text: `a"b"c`, Marks: []article.Mark{mk(b, 1, 4)}},
			`a"b"c`, "<p>a<strong>&#34;b&#34;</strong>c</p>"},
		{"mark across a line break",
			article.Block{Type: article.Paragraph, Text: "one two\nthree four", Marks: []article.Mark{mk(b, 4, 13)}},
			"one **two**\\\n**three** four", "<p>one <strong>two</strong><br>\n<strong>three</strong> four</p>"},
		{"list marks count in the joined items",
			article.Block{Type: article.List, Items: []string{"one two", "three four"}, Marks: []article.Mark{mk(i, 4, 7), mk(b, 8, 13)}},
			"- one _two_\n- **three** four", "<ul>\n<li>one <em>two</em></li>\n<li><strong>three</strong> four</li>\n</ul>"},
		{"code in a heading",
			article.Block{Type: article.Heading, Level: 2, Text: "Using go vet", Marks: []article.Mark{mk(c, 6, 12)}},
			"## Using `go vet`", "<h2>Using <code>go vet</code></h2>"},
		{"heading over two lines",
			article.Block{Type: article.Heading, Level: 2, Text: "Part one\nthe start", Marks: []article.Mark{mk(i, 9, 18)}},
			"## Part one _the start_", "<h2>Part one <em>the start</em></h2>"},
		{"quote",
			article.Block{Type: article.Quote, Text: "we will return", Marks: []article.Mark{mk(i, 3, 7)}},
			"> we _will_ return", "<blockquote>\n<p>we <em>will</em> return</p>\n</blockquote>"},
		{"marks of a kind that touch are one",
			article.Block{Type: article.Paragraph, Text: "a Bold word", Marks: []article.Mark{mk(b, 2, 3), mk(b, 3, 6), mk(c, 7, 9), mk(c, 9, 11)}},
			"a **Bold** `word`", "<p>a <strong>Bold</strong> <code>word</code></p>"},
		{"bold then italic, touching",
			article.Block{Type: article.Paragraph, Text: "ab cd", Marks: []article.Mark{mk(b, 0, 1), mk(i, 1, 2)}},
			"**a**_b_ cd", "<p><strong>a</strong><em>b</em> cd</p>"},
		{"bad marks are left out",
			article.Block{Type: article.Paragraph, Text: "héllo", Marks: []article.Mark{mk(b, 0, 2), mk(b, 3, 99), mk("underline", 0, 1), mk(i, 4, 2)}},
			"héllo", "<p>héllo</p>"},
		{"code block language",
			article.Block{Type: article.Code, Text: "x := 1", Lang: "go"},
			"```go\nx := 1\n```", `<pre><code class="language-go">x := 1</code></pre>`},
		{"code block language escaped",
			article.Block{Type: article.Code, Text: "x", Lang: `c"><script>`},
			"```c\"><script>\nx\n```", `<pre><code class="language-c&#34;&gt;&lt;script&gt;">x</code></pre>`},
		{"a fence cannot hold a backtick",
			article.Block{Type: article.Code, Text: "x", Lang: "a`b"},
			"```\nx\n```", `<pre><code class="language-a` + "`" + `b">x</code></pre>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdownBlock(tt.block); got != tt.markdown {
				t.Errorf("markdown %q, want %q", got, tt.markdown)
			}
			if got := htmlBlock(tt.block); got != tt.html {
				t.Errorf("html %q, want %q", got, tt.html)
			}
			plain := tt.block
			plain.Marks, plain.Lang = nil, ""
			if PlainText([]article.Block{tt.block}) != PlainText([]article.Block{plain}) {
				t.Errorf("marks changed the plain text")
			}
		})
	}
}

func TestComments(t *testing.T) {
	a := sample()
	plain := map[Format]string{}
	for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		var buf bytes.Buffer
		if err := Write(&buf, a, f); err != nil {
			t.Fatal(err)
		}
		plain[f] = buf.String()
	}
	if strings.Contains(plain[FormatJSON], `"comments"`) || strings.Contains(plain[FormatJSON], `"marks"`) || strings.Contains(plain[FormatJSON], `"lang"`) {
		t.Errorf("JSON without comments or formatting names them:\n%s", plain[FormatJSON])
	}
	a.Comments = []article.Block{
		{Type: article.Paragraph, Text: "First! <3", Marks: []article.Mark{mk(article.Bold, 0, 6)}},
		{Type: article.Paragraph, Text: "I disagree."},
	}
	tests := []struct {
		f     Format
		after string // what follows the output without comments
	}{
		{FormatText, "\nComments\n\nFirst! <3\n\nI disagree.\n"},
		{FormatMarkdown, "\n## Comments\n\n**First!** \\<3\n\nI disagree.\n"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		if err := Write(&buf, a, tt.f); err != nil {
			t.Fatal(err)
		}
		if got := buf.String(); got != plain[tt.f]+tt.after {
			t.Errorf("%s: got %q, want %q", tt.f, got, plain[tt.f]+tt.after)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, a, FormatHTML); err != nil {
		t.Fatal(err)
	}
	want := "</article>\n<section class=\"comments\">\n<h2>Comments</h2>\n<p><strong>First!</strong> &lt;3</p>\n<p>I disagree.</p>\n</section>\n</body>"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("html lacks %q:\n%s", want, buf.String())
	}
	buf.Reset()
	if err := Write(&buf, a, FormatJSONL); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"comments":[{"type":"paragraph","text":"First! <3","marks":[{"kind":"bold","start":0,"end":6}]},{"type":"paragraph","text":"I disagree."}]`) {
		t.Errorf("json comments: %s", buf.String())
	}
	// The body's text field holds no comments.
	if strings.Contains(a.Text, "disagree") {
		t.Error("comments in the body's text")
	}
}

// TestNoTablesInComments: --no-tables leaves tables out of the comments
// too.
func TestNoTablesInComments(t *testing.T) {
	a := &article.Article{Blocks: []article.Block{{Type: article.Paragraph, Text: "body"}},
		Comments: []article.Block{{Type: article.Table, Rows: [][]string{{"x"}}}, {Type: article.Paragraph, Text: "c"}}}
	got := WithoutTables(a)
	if len(got.Comments) != 1 || got.Comments[0].Text != "c" || len(a.Comments) != 2 {
		t.Errorf("comments %+v (was %+v)", got.Comments, a.Comments)
	}
}
