package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

// sample is a hand-built Article with one block of every type, and text
// that needs escaping in each output format.
func sample() *article.Article {
	blocks := []article.Block{
		{Type: article.Paragraph, Text: "Rain & wind hit <the> coast on *Monday*.",
			Links: []article.Link{{Text: "coast", Href: "https://example.org/coast?a=1&b=2"}}},
		{Type: article.Heading, Level: 2, Text: "What happened"},
		{Type: article.List, Items: []string{"Roads closed", "Trains late"}},
		{Type: article.List, Ordered: true, Items: []string{"Stay home", "Charge phones"}},
		{Type: article.Quote, Text: "It was the worst night in years."},
		{Type: article.Table, Rows: [][]string{{"Town", "Rain (mm)"}, {"Kent | East", "42"}}},
		{Type: article.Code, Text: "if x < 1 {\n\treturn\n}"},
		{Type: article.Figure, Src: "https://img.example.org/storm.jpg", Alt: "A flooded street",
			Caption: "Water on Main Street", Credit: "Photo: J. Doe"},
		{Type: article.Paragraph, Text: "1. Not a list item."},
	}
	a := &article.Article{
		Metadata: article.Metadata{
			URL:      "https://example.org/storm",
			Title:    "Storm hits the coast",
			Subtitle: "Thousands without power",
			Authors:  []string{"Ann Lee"},
			Language: "en",
			Tags:     []string{},
		},
		Status: article.StatusOK,
		Blocks: blocks,
	}
	a.Text = PlainText(a.Blocks)
	return a
}

func TestPlainText(t *testing.T) {
	want := "Rain & wind hit <the> coast on *Monday*.\n\n" +
		"What happened\n\n" +
		"Roads closed\nTrains late\n\n" +
		"Stay home\nCharge phones\n\n" +
		"It was the worst night in years.\n\n" +
		"Town\tRain (mm)\nKent | East\t42\n\n" +
		"if x < 1 {\n\treturn\n}\n\n" +
		"1. Not a list item."
	if got := PlainText(sample().Blocks); got != want {
		t.Errorf("PlainText:\n got %q\nwant %q", got, want)
	}
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		want   string
	}{
		{"text", FormatText, PlainText(sample().Blocks) + "\n"},
		{"markdown", FormatMarkdown, `# Storm hits the coast

*Thousands without power*

Rain & wind hit \<the> [coast](https://example.org/coast?a=1&b=2) on \*Monday\*.

## What happened

- Roads closed
- Trains late

1. Stay home
2. Charge phones

> It was the worst night in years.

| Town | Rain (mm) |
| --- | --- |
| Kent \| East | 42 |

` + "```\nif x < 1 {\n\treturn\n}\n```" + `

![A flooded street](https://img.example.org/storm.jpg)\
*Water on Main Street* (Photo: J. Doe)

1\. Not a list item.
`},
		{"html", FormatHTML, `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storm hits the coast</title>
<link rel="canonical" href="https://example.org/storm">
<meta name="author" content="Ann Lee">
<style>` + htmlStyle + `</style>
</head>
<body>
<article>
<header>
<h1>Storm hits the coast</h1>
<p class="subtitle">Thousands without power</p>
<p class="byline">Ann Lee</p>
</header>
<p>Rain &amp; wind hit &lt;the&gt; <a href="https://example.org/coast?a=1&amp;b=2">coast</a> on *Monday*.</p>
<h2>What happened</h2>
<ul>
<li>Roads closed</li>
<li>Trains late</li>
</ul>
<ol>
<li>Stay home</li>
<li>Charge phones</li>
</ol>
<blockquote>
<p>It was the worst night in years.</p>
</blockquote>
<table>
<thead>
<tr><th>Town</th><th>Rain (mm)</th></tr>
</thead>
<tbody>
<tr><td>Kent | East</td><td>42</td></tr>
</tbody>
</table>
<pre><code>if x &lt; 1 {
	return
}</code></pre>
<figure>
<img src="https://img.example.org/storm.jpg" alt="A flooded street">
<figcaption>Water on Main Street <small>Photo: J. Doe</small></figcaption>
</figure>
<p>1. Not a list item.</p>
</article>
</body>
</html>
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := Write(&buf, sample(), tt.format); err != nil {
				t.Fatal(err)
			}
			if got := buf.String(); got != tt.want {
				t.Errorf("Write %s:\n%s", tt.format, firstDiff(got, tt.want))
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < max(len(g), len(w)); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return "line " + itoa(i+1) + ":\n got " + quote(gl) + "\nwant " + quote(wl)
		}
	}
	return "(equal)"
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestWriteJSON(t *testing.T) {
	tests := []struct {
		name      string
		format    Format
		wantLines int
	}{
		{"json is indented", FormatJSON, 0},
		{"jsonl is one line", FormatJSONL, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			a := sample()
			if err := Write(&buf, a, tt.format); err != nil {
				t.Fatal(err)
			}
			lines := strings.Count(buf.String(), "\n")
			if tt.wantLines > 0 && lines != tt.wantLines {
				t.Errorf("got %d lines, want %d", lines, tt.wantLines)
			}
			if tt.wantLines == 0 && lines < 10 {
				t.Errorf("got %d lines, want an indented document", lines)
			}
			if strings.Contains(buf.String(), `\u003c`) {
				t.Errorf("HTML characters were escaped: %s", buf.String())
			}
			var back article.Article
			if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
				t.Fatal(err)
			}
			if back.Title != a.Title || len(back.Blocks) != len(a.Blocks) || back.Blocks[7].Credit != "Photo: J. Doe" {
				t.Errorf("round trip lost data: %+v", back)
			}
		})
	}
}

func TestWriteRecord(t *testing.T) {
	a := &article.Article{Metadata: article.Metadata{Title: "T", Authors: []string{}, Tags: []string{}}, Status: article.StatusOK, Blocks: []article.Block{}}
	tests := []struct {
		name string
		rec  Record
		want string
	}{
		{"article", Record{Source: Source{File: "a.html"}, Article: a},
			`{"source":{"file":"a.html"},"url":"","title":"T","subtitle":"","authors":[],"published":"","modified":"","site_name":"","language":"","description":"","image":"","canonical_url":"","tags":[],"status":"ok","page_type":"","text":"","blocks":[]}` + "\n"},
		{"error only", Record{Source: Source{File: "b.html"}, Status: StatusError, Error: "empty input"},
			`{"source":{"file":"b.html"},"url":"","status":"error","error":"empty input"}` + "\n"},
		{"batch line", Record{Source: Source{File: "c.warc.gz", Offset: new(int64(7)), RecordID: "<urn:x>"}, Article: a,
			Status: "filtered", WARCDate: "2024-05-06T07:08:09Z", Filter: "lang"},
			`{"source":{"file":"c.warc.gz","offset":7,"record_id":"<urn:x>"},"url":"","title":"T","subtitle":"","authors":[],"published":"","modified":"","site_name":"","language":"","description":"","image":"","canonical_url":"","tags":[],"status":"filtered","page_type":"","text":"","blocks":[],"warc_date":"2024-05-06T07:08:09Z","filter":"lang"}` + "\n"},
		{"html not escaped", Record{Source: Source{File: "<a&b>.html"}, Status: StatusError, Error: "bad <input>"},
			`{"source":{"file":"<a&b>.html"},"url":"","status":"error","error":"bad <input>"}` + "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteRecord(&buf, tt.rec); err != nil {
				t.Fatal(err)
			}
			if buf.String() != tt.want {
				t.Errorf("got  %s\nwant %s", buf.String(), tt.want)
			}
		})
	}
}

func TestMarkdownEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		block article.Block
		want  string
	}{
		{"heading level clamped", article.Block{Type: article.Heading, Level: 9, Text: "Deep"}, "###### Deep"},
		{"heading level zero", article.Block{Type: article.Heading, Text: "Top"}, "# Top"},
		{"code with fence inside", article.Block{Type: article.Code, Text: "a\n```\nb"}, "````\na\n```\nb\n````"},
		{"multi-line quote", article.Block{Type: article.Quote, Text: "One.\n\nTwo."}, "> One.\n>\n> Two."},
		{"list item continuation", article.Block{Type: article.List, Items: []string{"a\nb"}}, "- a\\\n  b"},
		{"ragged table", article.Block{Type: article.Table, Rows: [][]string{{"a"}, {"b", "c"}}},
			"| a |  |\n| --- | --- |\n| b | c |"},
		{"figure without image", article.Block{Type: article.Figure, Caption: "Only words"}, "*Only words*"},
		{"figure src with spaces", article.Block{Type: article.Figure, Src: "/a b.png"}, "![](</a b.png>)"},
		{"empty paragraph", article.Block{Type: article.Paragraph, Text: "  "}, ""},
		{"leading hash escaped", article.Block{Type: article.Paragraph, Text: "#1 seed"}, `\#1 seed`},
		{"unplaceable link skipped", article.Block{Type: article.Paragraph, Text: "see here",
			Links: []article.Link{{Text: "nowhere", Href: "/x"}}}, "see here"},
		{"javascript link dropped", article.Block{Type: article.Paragraph, Text: "click me",
			Links: []article.Link{{Text: "click", Href: "javascript:alert(1)"}, {Text: "me", Href: "/m"}}}, "click [me](/m)"},
		{"link at its offsets", article.Block{Type: article.Paragraph, Text: "a report, the report",
			Links: []article.Link{{Text: "report", Href: "/r", Start: 14, End: 20}}}, "a report, the [report](/r)"},
		{"link across a line break", article.Block{Type: article.Paragraph, Text: "see the map\nof it",
			Links: []article.Link{{Text: "map\nof", Href: "/m", Start: 8, End: 14}}}, "see the [map](/m)\\\n[of](/m) it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := markdownBlock(tt.block); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestHTMLEdgeCases(t *testing.T) {
	tests := []struct {
		name  string
		block article.Block
		want  string
	}{
		{"unsafe image dropped", article.Block{Type: article.Figure, Src: "javascript:x", Caption: "c"},
			"<figure>\n<figcaption>c</figcaption>\n</figure>"},
		{"paragraph breaks", article.Block{Type: article.Paragraph, Text: "a\nb\n\nc"}, "<p>a<br>\nb</p>\n<p>c</p>"},
		{"heading escaped", article.Block{Type: article.Heading, Level: 3, Text: "<b>x</b>"}, "<h3>&lt;b&gt;x&lt;/b&gt;</h3>"},
		{"empty list", article.Block{Type: article.List, Items: []string{" "}}, ""},
		{"link at its offsets", article.Block{Type: article.Paragraph, Text: "a report, the report",
			Links: []article.Link{{Text: "report", Href: "/r", Start: 14, End: 20}}}, `<p>a report, the <a href="/r">report</a></p>`},
		{"list links", article.Block{Type: article.List, Items: []string{"a b", "b"},
			Links: []article.Link{{Text: "b", Href: "/b", Start: 4, End: 5}}}, "<ul>\n<li>a b</li>\n<li><a href=\"/b\">b</a></li>\n</ul>"},
		{"header-only table", article.Block{Type: article.Table, Rows: [][]string{{"h"}}},
			"<table>\n<thead>\n<tr><th>h</th></tr>\n</thead>\n</table>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := htmlBlock(tt.block); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSubtitleNotRepeated(t *testing.T) {
	a := &article.Article{Metadata: article.Metadata{Title: "T", Subtitle: "The standfirst."}, Blocks: []article.Block{
		{Type: article.Paragraph, Text: "The standfirst."}, {Type: article.Paragraph, Text: "Body."}}}
	var md, h bytes.Buffer
	if err := Write(&md, a, FormatMarkdown); err != nil {
		t.Fatal(err)
	}
	if want := "# T\n\nThe standfirst.\n\nBody.\n"; md.String() != want {
		t.Errorf("markdown %q, want %q", md.String(), want)
	}
	if err := Write(&h, a, FormatHTML); err != nil {
		t.Fatal(err)
	}
	if c := strings.Count(h.String(), "The standfirst."); c != 1 {
		t.Errorf("html has the standfirst %d times, want once", c)
	}
}

func TestParseFormat(t *testing.T) {
	tests := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"text", FormatText, false},
		{"Markdown", FormatMarkdown, false},
		{"md", FormatMarkdown, false},
		{"html", FormatHTML, false},
		{"json", FormatJSON, false},
		{"jsonl", FormatJSONL, false},
		{"xml", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseFormat(tt.in)
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("ParseFormat(%q) = %q, %v", tt.in, got, err)
			}
		})
	}
}

func TestWriteErrors(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, FormatText); err == nil {
		t.Error("nil article: want an error")
	}
	if err := Write(&bytes.Buffer{}, sample(), Format("xml")); err == nil {
		t.Error("unknown format: want an error")
	}
}
