package winnow_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/winnow-go/winnow"
	"github.com/winnow-go/winnow/article"
)

// TestFlattenDeep: Flatten parses as Extract does, so a page nested deeper
// than x/net/html's 512 open elements is flattened, not refused.
func TestFlattenDeep(t *testing.T) {
	page := "<html><body><p>top</p>" + strings.Repeat("<div>", 600) + "deep text" +
		strings.Repeat("</div>", 600) + "<p>after</p></body></html>"
	got, err := winnow.Flatten([]byte(page), winnow.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != "top\ndeep text\nafter\n" {
		t.Errorf("Flatten = %q", got)
	}
}

func TestFlattenErrors(t *testing.T) {
	if _, err := winnow.Flatten(nil, winnow.Options{}); err == nil {
		t.Error("empty input: no error")
	}
	if _, err := winnow.Flatten([]byte("<p>"+strings.Repeat("x", 100)+"</p>"), winnow.Options{MaxBytes: 10}); err == nil {
		t.Error("input over MaxBytes: no error")
	}
}

// TestNoArticleDetail: with ArticlesOnly, a page without an article says
// why in a few words, in both modes. Detail used to be always empty.
func TestNoArticleDetail(t *testing.T) {
	var listing strings.Builder
	listing.WriteString("<html><body><ul>")
	for i := range 30 {
		fmt.Fprintf(&listing, `<li><a href="/story/%d">Story number %d of the day in the town</a></li>`, i, i)
	}
	listing.WriteString("</ul></body></html>")
	tests := []struct {
		name, page string
		input      winnow.Input
		status     article.Status
		want       string
	}{
		{"html listing", listing.String(), winnow.InputHTML, article.StatusNotArticle, "listing"},
		{"html short", "<html><body><article><p>Just a few words here.</p></article></body></html>", winnow.InputHTML, article.StatusTooShort, "body word count 5"},
		{"text short", "A headline of a page\nJust a few words of prose in this line, and then it ends.\n", winnow.InputText, article.StatusTooShort, "body word count"},
		{"text no prose", "Home\nNews\nSport\n", winnow.InputText, article.StatusNotArticle, "no run of prose"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := winnow.Extract([]byte(tt.page), winnow.Options{Input: tt.input, ArticlesOnly: true})
			var na *winnow.NoArticleError
			if !errors.As(err, &na) {
				t.Fatalf("err = %v, want a NoArticleError", err)
			}
			if na.Status != tt.status || a.Status != tt.status {
				t.Errorf("status = %s / %s, want %s", na.Status, a.Status, tt.status)
			}
			if !strings.Contains(na.Detail, tt.want) || !strings.Contains(err.Error(), na.Detail) {
				t.Errorf("detail = %q (error %q), want it to mention %q", na.Detail, err, tt.want)
			}
		})
	}
}

// TestNoArticleKeepsDate: a page refused as no article (a listing, a
// refusal page) still carries the date it prints, and says where it was
// read: archives sort such pages by date too.
func TestNoArticleKeepsDate(t *testing.T) {
	var listing strings.Builder
	listing.WriteString(`<html><body><p class="date">Stand: 04.08.2021</p><ul>`)
	for i := range 30 {
		fmt.Fprintf(&listing, `<li><a href="/story/%d">Story number %d of the day in the town</a></li>`, i, i)
	}
	listing.WriteString("</ul></body></html>")
	a, err := winnow.Extract([]byte(listing.String()), winnow.Options{ArticlesOnly: true})
	var na *winnow.NoArticleError
	if !errors.As(err, &na) || a == nil {
		t.Fatalf("err = %v, want a NoArticleError with the article", err)
	}
	if a.Published != "2021-08-04" || a.Sources["published"] != "text" {
		t.Errorf("Published = %q from %q, want 2021-08-04 from text", a.Published, a.Sources["published"])
	}
	if pt, ok := a.PublishedTime(); !ok || pt.Day() != 4 {
		t.Errorf("PublishedTime = %v, %v", pt, ok)
	}
}

// TestStatusWithoutArticlesOnly: by default a short page or a listing is
// ok, with its content and a page type, and only a page with no main
// content is refused, as empty; ArticlesOnly refuses both as before.
func TestStatusWithoutArticlesOnly(t *testing.T) {
	tests := []struct {
		name, page         string
		input              winnow.Input
		want, articlesOnly article.Status
	}{
		{"html short", "<html><body><article><p>Just a few words here.</p></article></body></html>", winnow.InputHTML, article.StatusOK, article.StatusTooShort},
		{"html nothing", "<html><head><title>A page</title></head><body><div></div></body></html>", winnow.InputHTML, article.StatusEmpty, article.StatusTooShort},
		{"text short", "A headline of a page\nJust a few words of prose in this line, and then it ends.\n", winnow.InputText, article.StatusOK, article.StatusTooShort},
		{"text no prose", "Home\nNews\nSport\n", winnow.InputText, article.StatusEmpty, article.StatusNotArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, only := range []bool{false, true} {
				a, err := winnow.Extract([]byte(tt.page), winnow.Options{Input: tt.input, ArticlesOnly: only})
				want := tt.want
				if only {
					want = tt.articlesOnly
				}
				if a == nil || a.Status != want {
					t.Fatalf("ArticlesOnly %v: article %+v, err %v; want status %s", only, a, err, want)
				}
				if a.PageType == "" {
					t.Errorf("ArticlesOnly %v: no page type", only)
				}
				if (err == nil) != (want == article.StatusOK) || (err != nil) != errors.Is(err, winnow.ErrNoArticle) {
					t.Errorf("ArticlesOnly %v: status %s with error %v", only, a.Status, err)
				}
				if want == article.StatusOK && a.Text == "" {
					t.Errorf("ArticlesOnly %v: ok with no text", only)
				}
			}
		})
	}
}

// TestPageType: both modes fill Article.PageType; text mode goes by the
// page's address only.
func TestPageType(t *testing.T) {
	story := "<html><head><title>Floods</title></head><body><article><h1>Floods</h1>" +
		strings.Repeat("<p>The river rose overnight and the town woke to water in its streets, its squares and its cellars.</p>", 8) +
		"</article></body></html>"
	text := "Floods in the valley\n" +
		"The river rose overnight and the town woke to water in its streets, its squares and its cellars.\n" +
		"Emergency crews worked through the night to move families from the lowest houses to the school on the hill.\n" +
		"The mayor said the flood defences built ten years ago had held, but that the water came in behind them.\n"
	tests := []struct {
		name, page, url string
		input           winnow.Input
		want            article.PageType
	}{
		{"html story", story, "https://news.example/2024/05/floods", winnow.InputHTML, article.PageArticle},
		{"text story", text, "https://news.example/2024/05/floods", winnow.InputText, article.PageArticle},
		{"text without URL", text, "", winnow.InputText, article.PageArticle},
		{"text doc page", text, "https://example.com/docs/floods", winnow.InputText, article.PageDocumentation},
	}
	for _, tt := range tests {
		a, err := winnow.Extract([]byte(tt.page), winnow.Options{URL: tt.url, Input: tt.input})
		if err != nil || a.PageType != tt.want {
			t.Errorf("%s: page type %q (err %v), want %s", tt.name, a.PageType, err, tt.want)
		}
	}
}

// TestPageTypeLogged: the signals behind a page type reach the logger, so
// a wrong kind can be traced to its evidence.
func TestPageTypeLogged(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	page := `<html><head><meta property="og:type" content="product"></head><body><main><h1>Mug</h1><p>A blue mug, $12.</p></main></body></html>`
	a, _ := winnow.Extract([]byte(page), winnow.Options{URL: "https://shop.example/products/mug", Logger: log})
	if a.PageType != article.PageProduct {
		t.Errorf("page type %s, want product", a.PageType)
	}
	if out := buf.String(); !strings.Contains(out, "winnow: page type") || !strings.Contains(out, "og-product") {
		t.Errorf("log lacks the page type and its signals:\n%s", out)
	}
}

// TestSiteOnlyTitle: a page whose <title> names only the site is titled
// with its <h1>, which then leaves the body as a title's heading does; a
// front page keeps the site's name and its heading.
func TestSiteOnlyTitle(t *testing.T) {
	const page = `<html><head><title>Daily Ledger</title><meta property="og:site_name" content="Daily Ledger"></head>
<body><main><article><h1>Council backs the river park plan</h1>
<p>The city council voted on Tuesday to expand the river park, ending a debate that had lasted for more than three years.</p>
<p>Supporters said the new paths, trees and playgrounds would give families a safe place to walk near the old market.</p>
</article></main></body></html>`
	tests := []struct {
		url, title    string
		headingInBody bool
	}{
		{"https://ledger.example/local/river-park", "Council backs the river park plan", false},
		{"https://ledger.example/", "Daily Ledger", true},
	}
	for _, tt := range tests {
		a, err := winnow.Extract([]byte(page), winnow.Options{URL: tt.url, Explain: true})
		if err != nil {
			t.Fatalf("%s: %v", tt.url, err)
		}
		if a.Title != tt.title {
			t.Errorf("%s: Title = %q, want %q", tt.url, a.Title, tt.title)
		}
		if got := strings.Contains(a.Text, "Council backs the river park plan"); got != tt.headingInBody {
			t.Errorf("%s: headline in the body = %v, want %v:\n%s", tt.url, got, tt.headingInBody, a.Text)
		}
		if !tt.headingInBody && a.Sources["title"] != "h1" {
			t.Errorf("%s: title source = %q, want h1", tt.url, a.Sources["title"])
		}
		for _, r := range a.Removed {
			if r.Before > len(a.Blocks) {
				t.Errorf("%s: removal %q placed before block %d of %d", tt.url, r.Text, r.Before, len(a.Blocks))
			}
			if r.Reason == article.ReasonTitle && r.Before != 0 {
				t.Errorf("%s: the headline is placed before block %d, want 0", tt.url, r.Before)
			}
		}
	}
}

// A page's declared language gives way to its text only when the text is
// long and clearly in another language.
func TestLanguageDeclaredAndDetected(t *testing.T) {
	body := `<p>The council said on Monday that the new bridge over the river would be built before the winter, because the old one is in a very bad state and can no longer carry the buses.</p>
<p>It added that the work would cost more than it had planned, but that the people who live on both sides of the river have waited for it for many years and will not have to wait much longer.</p>
<p>The money will come from the city and from the state, and the road will be closed while the work is done, which the council expects to take about six months from the start of next year.</p>`
	page := func(lang, body string) []byte {
		return []byte(`<!doctype html><html lang="` + lang + `"><head><title>Bridge</title></head><body><article><h1>A new bridge for the river</h1>` + body + `</article></body></html>`)
	}
	tests := []struct {
		name, declared, body, want, wantDeclared string
	}{
		{"declared and written in English", "en", body, "en", ""},
		{"declared German, written in English", "de", body, "en", "de"},
		{"a short English text keeps the declaration", "de", `<p>The council said on Monday that the new bridge would be built before the winter.</p>`, "de", ""},
		{"a language the detector does not know stands", "gl", body, "gl", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := winnow.Extract(page(tt.declared, tt.body), winnow.Options{})
			if a == nil {
				t.Fatal("no article")
			}
			if a.Language != tt.want || a.DeclaredLanguage != tt.wantDeclared {
				t.Errorf("Language %q, DeclaredLanguage %q; want %q, %q", a.Language, a.DeclaredLanguage, tt.want, tt.wantDeclared)
			}
		})
	}
}
