package winnow_test

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/render"
)

// FuzzExtract runs decode, parse and extract on arbitrary bytes. The
// properties: no panic; an error or an article, never both empty; valid
// UTF-8 out; for plain-ASCII input every word of the text occurs in the
// input; and the JSON form round-trips.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/pages/*/input.html")
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil {
			f.Add(b)
		}
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
		a, err := winnow.Extract(data, winnow.Options{Explain: true})
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
			// Inline tags may join words ("0<b>0" reads "00"), so the
			// words are looked for in the input with its tags taken out.
			in := string(data) + "\n" + stripTags(string(data))
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
