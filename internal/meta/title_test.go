package meta

import (
	"testing"

	"github.com/winnow-go/winnow/internal/label"
)

// TestTitleClasses holds must-match and must-not-match pages for each
// separator style and for the fallback to the headline on the page.
func TestTitleClasses(t *testing.T) {
	const site = `<meta property="og:site_name" content="Daily Ledger">`
	tests := []struct {
		class, html, url, want string
	}{
		{"Headline - Section - Site",
			site + `<title>Rates rise again - Business - Daily Ledger</title>`, "", "Rates rise again"},
		{"Site: Section: Headline",
			site + `<title>Daily Ledger: Business: Rates rise again</title><body><main><h1>Rates rise again</h1></main>`, "", "Rates rise again"},
		{"Site: Section: Headline, no <h1>",
			site + `<title>Daily Ledger: Business: Rates rise again</title>`, "", "Rates rise again"},
		{"Site » Section » Headline",
			site + `<title>Daily Ledger » Business » Rates rise again</title>`, "", "Rates rise again"},
		{"Site | Section | Headline, the site known by its address",
			`<title>Daily Ledger | Wirtschaft | Zinsen steigen wieder an</title>`, "https://www.dailyledger.de/wirtschaft/zinsen", "Zinsen steigen wieder an"},
		{"Site: word: lower-case rest is no section",
			site + `<title>Daily Ledger: Rates: why they rise again</title>`, "", "Daily Ledger: Rates: why they rise again"},
		{"Brand: tagline is the whole title",
			site + `<title>Daily Ledger: The paper for business people</title>`, "", "Daily Ledger: The paper for business people"},
		{"a headline that opens with a colon is no site",
			site + `<title>Analysis: Rates rise again</title>`, "", "Analysis: Rates rise again"},
		{"a colon inside a headline stays",
			site + `<title>Rates: why they rise again</title>`, "", "Rates: why they rise again"},
		{"Headline | Site",
			site + `<title>Rates rise again | Daily Ledger</title>`, "", "Rates rise again"},
		{"Headline | Section | Site, German",
			site + `<title>Zinsen steigen wieder | Wirtschaft | Daily Ledger</title>`, "", "Zinsen steigen wieder"},
		{"Headline - Section - Site, French",
			site + `<title>Les taux remontent - Économie - Daily Ledger</title>`, "", "Les taux remontent"},
		{"Site » Section » Headline, Spanish",
			site + `<title>Daily Ledger » Economía » Suben los tipos de interés</title>`, "", "Suben los tipos de interés"},
		{"Headline – Site, Italian, en dash",
			site + `<title>I tassi salgono ancora – Daily Ledger</title>`, "", "I tassi salgono ancora"},
		{"Headline(Site)",
			site + `<title>Rates rise again(Daily Ledger)</title>`, "", "Rates rise again"},
		{"Headline (Site), full-width brackets",
			site + `<title>Rates rise again（Daily Ledger）</title>`, "", "Rates rise again"},
		{"brackets that are not the site stay",
			site + `<title>Rates rise again (2025)</title>`, "", "Rates rise again (2025)"},
		{"Headline_Site",
			site + `<title>Rates rise again_Daily Ledger</title>`, "", "Rates rise again"},
		{"an underscore inside a word stays",
			site + `<title>The snake_case debate</title>`, "", "The snake_case debate"},
		{"markdown heading marks before the headline",
			`<title>## Rates rise again</title>`, "", "Rates rise again"},
		{"a hashtag stays",
			`<title>#MeToo five years on</title>`, "", "#MeToo five years on"},
		{"a permalink sign after the heading",
			`<body><main><h1>Rates rise again¶</h1><p>Text.</p></main>`, "", "Rates rise again"},
		{"a decorative star at the end",
			`<title>Rates rise again &#8902;</title>`, "", "Rates rise again"},
		{"a symbol that is part of the name stays",
			`<title>Why C++ still matters</title>`, "", "Why C++ still matters"},
		{"a headline written in quotes",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"\"Rates rise again\""}</script>`, "", "Rates rise again"},
		{"quotes inside the headline stay",
			`<title>"Sobering" results for "tutoring"</title>`, "", `"Sobering" results for "tutoring"`},
		{"title only the site name, headline in a headline class",
			site + `<title>Daily Ledger</title><body><main><div class="article-headline">Rates rise again</div><p>Text.</p></main>`, "", "Rates rise again"},
		{"no title: itemprop headline",
			`<body><main><span itemprop="headline">Rates rise again</span></main>`, "", "Rates rise again"},
		{"a site-name title with nothing else stays",
			site + `<title>Daily Ledger</title>`, "", "Daily Ledger"},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			if got := Extract(parse(t, tt.html), tt.url).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSiteOnlyTitleHeadline: a <title> that names only the site, or only
// a section on a page declaring an article, leaves the page's <h1> in
// Kinds.Headline, for the pipeline to make it the title once the body is
// chosen; any other title, a front page and an <h1> that is the site's
// name again leave it empty.
func TestSiteOnlyTitleHeadline(t *testing.T) {
	const site = `<meta property="og:site_name" content="Daily Ledger">`
	const body = `<body><main><h1>Rates rise again this spring</h1><p>Text.</p></main>`
	const ldArticle = `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-03-04"}</script>`
	tests := []struct {
		name, html, url, want string
	}{
		{"site-only title, headline in h1", site + `<title>Daily Ledger</title>` + body, "https://ledger.example/business/rates", "Rates rise again this spring"},
		{"site-only title, no URL", site + `<title>Daily Ledger</title>` + body, "", "Rates rise again this spring"},
		{"front page keeps the site's name", site + `<title>Daily Ledger</title>` + body, "https://ledger.example/", ""},
		{"a headline title needs nothing", site + `<title>Rates rise | Daily Ledger</title>` + body, "https://ledger.example/a", ""},
		{"h1 is the logo", site + `<title>Daily Ledger</title><body><h1>Daily Ledger</h1><p>Text.</p>`, "https://ledger.example/a", ""},
		{"h1 is one word", site + `<title>Daily Ledger</title><body><h1>Business</h1><p>Text.</p>`, "https://ledger.example/a", ""},
		// A title that is only a section's name, on a page whose markup
		// declares an article.
		{"section-only title on an article", site + ldArticle + `<title>Business | Daily Ledger</title>` + body, "https://ledger.example/business/rates", "Rates rise again this spring"},
		{"section-only title, German", site + ldArticle + `<title>Wirtschaft - Daily Ledger</title><body><main><h1>Die Zinsen steigen wieder an</h1><p>Text.</p></main>`, "https://ledger.example/w/z", "Die Zinsen steigen wieder an"},
		{"section-only title without an article declared", site + `<meta property="og:type" content="article"><title>Business | Daily Ledger</title>` + body, "https://ledger.example/business/rates", ""},
		{"a short title the h1 holds", site + ldArticle + `<title>Rates rise | Daily Ledger</title><body><main><h1>Rates rise again this spring</h1></main>`, "https://ledger.example/a", ""},
		{"a title with no site cut off", site + ldArticle + `<title>Rates rise</title>` + body, "https://ledger.example/a", ""},
		{"an h1 no longer than a label", site + ldArticle + `<title>Business | Daily Ledger</title><body><main><h1>Rates rise again</h1></main>`, "https://ledger.example/a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lt := label.Label(parse(t, tt.html))
			defer lt.Release()
			if _, k := ExtractKinds(lt, tt.url); k.Headline != tt.want {
				t.Errorf("Headline = %q, want %q", k.Headline, tt.want)
			}
		})
	}
}
