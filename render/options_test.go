package render

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/article"
)

func TestYAMLQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Storm", `"Storm"`},
		{"", `""`},
		{`Say "no": it's #1 - [ok] {x} & *y* | >z % @a`, `"Say \"no\": it's #1 - [ok] {x} & *y* | >z % @a"`},
		{`C:\path`, `"C:\\path"`},
		{"two\nlines\tand\rreturn", `"two\nlines\tand\rreturn"`},
		{"null", `"null"`}, // unquoted, null (like a date) would change type
		{"bell\a del\x7f c1\u0085 ls\u2028 bom\ufeff", `"bell\u0007 del\u007F c1\u0085 ls\u2028 bom\uFEFF"`},
		{"bad \xff byte", `"bad \uFFFD byte"`},
		{"Zürich — 東京 😀", `"Zürich — 東京 😀"`},
	}
	for _, tt := range tests {
		if got := yamlQuote(tt.in); got != tt.want {
			t.Errorf("yamlQuote(%q) = %s, want %s", tt.in, got, tt.want)
		}
		// The escapes used are a subset of Go's with the same meaning, so
		// Go reads the scalar back (valid UTF-8 input comes back whole).
		back, err := strconv.Unquote(yamlQuote(tt.in))
		if err != nil {
			t.Errorf("yamlQuote(%q) does not read back: %v", tt.in, err)
		} else if back != strings.ToValidUTF8(tt.in, "\uFFFD") {
			t.Errorf("yamlQuote(%q) reads back as %q", tt.in, back)
		}
	}
}

func TestFrontMatter(t *testing.T) {
	a := sample()
	a.Authors = []string{`Ann "A." Lee`, "Bo"}
	a.Published = "2024-10-03"
	a.URL = "https://example.org/a?x=1&y=2"
	a.SiteName = "Example: News"
	a.PageType = article.PageArticle
	want := "---\n" +
		`title: "` + oneLine(a.Title) + `"` + "\n" +
		"authors:\n  - \"Ann \\\"A.\\\" Lee\"\n  - \"Bo\"\n" +
		"date: \"2024-10-03\"\n" +
		"url: \"https://example.org/a?x=1&y=2\"\n" +
		"site: \"Example: News\"\n" +
		"page_type: \"article\"\n---\n"
	if got := FrontMatter(a); got != want {
		t.Errorf("front matter:\n%s\nwant:\n%s", got, want)
	}
	// Empty fields are left out.
	if got := FrontMatter(&article.Article{Metadata: article.Metadata{Title: "T"}}); got != "---\ntitle: \"T\"\n---\n" {
		t.Errorf("sparse front matter %q", got)
	}

	for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		var with, plain bytes.Buffer
		if err := WriteWith(&with, a, f, Options{WithMetadata: true}); err != nil {
			t.Fatal(err)
		}
		if err := Write(&plain, a, f); err != nil {
			t.Fatal(err)
		}
		switch f {
		case FormatText, FormatMarkdown:
			if with.String() != want+plain.String() {
				t.Errorf("%s: front matter then the body expected, got %q", f, with.String())
			}
		default:
			if with.String() != plain.String() {
				t.Errorf("%s: --with-metadata changed the output", f)
			}
		}
	}
}

func TestNoTables(t *testing.T) {
	a := sample()
	tables := 0
	for _, bl := range a.Blocks {
		if bl.Type == article.Table {
			tables++
		}
	}
	if tables == 0 {
		t.Fatal("the sample has no table")
	}
	cell := a.Blocks[indexOfTable(a)].Rows[0][0]
	before := len(a.Blocks)
	for _, f := range []Format{FormatText, FormatMarkdown, FormatHTML, FormatJSON} {
		var with, without bytes.Buffer
		if err := WriteWith(&without, a, f, Options{NoTables: true}); err != nil {
			t.Fatal(err)
		}
		Write(&with, a, f)
		if !strings.Contains(with.String(), cell) {
			t.Errorf("%s: table cell %q missing without --no-tables", f, cell)
		}
		if strings.Contains(without.String(), cell) {
			t.Errorf("%s: table cell %q still there with --no-tables", f, cell)
		}
		if !strings.Contains(without.String(), "What happened") {
			t.Errorf("%s: --no-tables dropped other blocks", f)
		}
		if f == FormatJSON {
			var got article.Article
			if err := json.Unmarshal(without.Bytes(), &got); err != nil || len(got.Blocks) != before-tables {
				t.Errorf("json: %v, %d blocks, want %d", err, len(got.Blocks), before-tables)
			}
		}
	}
	if len(a.Blocks) != before {
		t.Error("the caller's article was changed")
	}
}

func indexOfTable(a *article.Article) int {
	for i, bl := range a.Blocks {
		if bl.Type == article.Table {
			return i
		}
	}
	return -1
}
