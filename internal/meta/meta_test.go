package meta

import (
	"reflect"
	"strings"
	"testing"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
)

func parse(t *testing.T, s string) dom.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return dom.FromHTML(doc, "").Root()
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, html, url, want string
	}{
		{"og title with site suffix",
			`<head><meta property="og:title" content="Home Depot sales miss | Fox Business"><meta property="og:site_name" content="Fox Business"></head>`,
			"", "Home Depot sales miss"},
		{"title tag, site and sections",
			`<title>Hong Kong chaos: troops deployed | World | News | Express.co.uk</title>`,
			"https://www.express.co.uk/news/1", "Hong Kong chaos: troops deployed"},
		{"domain label as site",
			`<title>New York man pleads guilty to threatening to kill Omar | TheHill</title>`,
			"https://thehill.com/x", "New York man pleads guilty to threatening to kill Omar"},
		{"site prefix",
			`<title>MoreBikes :: Clymer workshop manual review</title><meta name="application-name" content="MoreBikes">`,
			"", "Clymer workshop manual review"},
		{"h1 picks between candidates",
			`<title>Opinion | Republicans Are Following Trump to Nowhere - The New York Times</title><body><article><h1>Republicans Are Following Trump to Nowhere</h1></article>`,
			"", "Republicans Are Following Trump to Nowhere"},
		{"dash inside headline kept",
			`<title>Star Wars Jedi: Fallen Order review - shoots for the moon, lands among the stars - VG247</title>`,
			"https://www.vg247.com/a", "Star Wars Jedi: Fallen Order review - shoots for the moon, lands among the stars"},
		{"json-ld headline first",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"The real headline"}</script><title>Something else entirely | Site</title>`,
			"", "The real headline"},
		{"generic pipe tail without site name",
			`<title>How to Tackle Game Day Snack Temptations | The Beachbody Blog</title>`,
			"", "How to Tackle Game Day Snack Temptations"},
		{"logo h1 ignored",
			`<head><title>Nelson's OT goal lifts Isles - Times Union</title><meta property="og:site_name" content="Times Union"></head><body><h1>Times Union</h1>`,
			"", "Nelson's OT goal lifts Isles"},
		{"h1 only",
			`<body><main><h1> Only  a heading </h1></main>`,
			"", "Only a heading"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(parse(t, tt.html), tt.url).Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSubtitle(t *testing.T) {
	tests := []struct {
		name, html, want string
	}{
		{"standfirst class",
			`<article><h1>Headline here</h1><p class="article__standfirst">The standfirst says what the story is about.</p><p>Body.</p></article>`,
			"The standfirst says what the story is about."},
		{"dek token in camelCase",
			`<article><h1>Headline here</h1><div class="storyDek">A dek that explains the headline a bit.</div></article>`,
			"A dek that explains the headline a bit."},
		{"kicker is not a subtitle",
			`<article><h1>Headline here</h1><div class="summary-kicker">World news and more and more</div></article>`,
			""},
		{"description repeated right after h1",
			`<head><meta name="description" content="Three people died in clashes near the plant."></head><body><h1>Headline here</h1><h2>Three people died in clashes near the plant.</h2>`,
			"Three people died in clashes near the plant."},
		{"description that is the first paragraph is not a subtitle",
			`<head><meta name="description" content="Scientists on Monday unveiled the first map."></head><body><h1>Headline here</h1><div>By Jane Doe</div><p>Scientists on Monday unveiled the first map.</p>`,
			""},
		{"far from headline",
			`<article><h1>Headline</h1><p>` + strings.Repeat("Body text goes on. ", 40) + `</p><p class="summary">A summary box far below the headline.</p></article>`,
			""},
		{"figure in lead container",
			`<article><h1>Headline</h1><div class="lead"><figure><img src="a.jpg"><figcaption>A caption under the lead photo here.</figcaption></figure></div></article>`,
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(parse(t, tt.html), "").Subtitle; got != tt.want {
				t.Errorf("Subtitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAuthors(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"json-ld person",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Jane Doe"}}</script>`,
			[]string{"Jane Doe"}},
		{"json-ld array and graph reference",
			`<script type="application/ld+json">{"@graph":[{"@type":"Article","author":[{"@id":"#p1"},{"@type":"Person","name":"John Roe"}]},{"@id":"#p1","@type":"Person","name":"Jane Doe"}]}</script>`,
			[]string{"Jane Doe", "John Roe"}},
		{"json-ld organization equal to publisher dropped",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Daily Bugle"},"publisher":{"@type":"Organization","name":"Daily Bugle"}}</script>`,
			nil},
		{"meta author",
			`<meta name="author" content="Sarah E. Needleman">`,
			[]string{"Sarah E. Needleman"}},
		{"article:author url skipped",
			`<meta property="article:author" content="https://www.facebook.com/someone"><meta name="author" content="Jane Doe">`,
			[]string{"Jane Doe"}},
		{"byline with By and and",
			`<article><h1>H</h1><div class="byline">By Jane Doe and John Roe</div></article>`,
			[]string{"Jane Doe", "John Roe"}},
		{"byline with role, date and handle",
			`<article><div class="byline">By JANE DOE, Staff Writer Updated Nov. 19, 2019 @janedoe</div></article>`,
			[]string{"Jane Doe"}},
		{"byline with agency",
			`<article><div class="article-byline">By TOM KRISHER, AP Auto Writer</div></article>`,
			[]string{"Tom Krisher"}},
		{"rel author links de-duplicated",
			`<article><a rel="author" href="/a">Jane Doe</a> <a rel="author" href="/a">Jane Doe</a></article>`,
			[]string{"Jane Doe"}},
		{"itemprop author with name",
			`<article><span itemprop="author" itemscope><span itemprop="name">Jane Doe</span><span>Senior Editor</span></span></article>`,
			[]string{"Jane Doe"}},
		{"author box parts ignored",
			`<article><div class="author-bio">Jane writes about science and more things.</div></article>`,
			nil},
		{"german byline",
			`<article><p class="autor">Von Moritz Bachmann</p></article>`,
			[]string{"Moritz Bachmann"}},
		{"byline by id",
			`<article><h1>H</h1><div id="story-byline">By Jane Doe</div></article>`,
			[]string{"Jane Doe"}},
		{"byline inside an element the label pass does not enter",
			`<article><h1>H</h1><menu><li><span class="byline">By Jane Doe</span></li></menu></article>`,
			[]string{"Jane Doe"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(parse(t, tt.html), "").Authors
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Authors = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		name, html, url, pub, mod string
	}{
		{"json-ld with offset",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-11-19T08:03:00-05:00","dateModified":"2019-11-19T10:00:00Z"}</script>`,
			"", "2019-11-19T08:03:00-05:00", "2019-11-19T10:00:00Z"},
		{"open graph with fraction",
			`<meta property="article:published_time" content="2019-11-19T13:03:00.000Z"><meta property="og:updated_time" content="2019-11-20T01:02:03+0100">`,
			"", "2019-11-19T13:03:00Z", "2019-11-20T01:02:03+01:00"},
		{"sailthru space separated, no zone",
			`<meta name="sailthru.date" content="2019-11-19 08:03:00">`,
			"", "2019-11-19T08:03:00Z", ""},
		{"date only",
			`<meta name="date" content="2019-11-19">`,
			"", "2019-11-19", ""},
		{"rfc1123",
			`<meta name="pubdate" content="Tue, 19 Nov 2019 10:22:00 GMT">`,
			"", "2019-11-19T10:22:00Z", ""},
		{"time element in article before one outside",
			`<body><aside><time datetime="2018-01-01">x</time></aside><article><time datetime="2019-11-19T09:00:00+02:00">Nov 19</time><time class="updated" datetime="2019-11-20">x</time></article>`,
			"", "2019-11-19T09:00:00+02:00", "2019-11-20"},
		{"time inside an update line",
			`<body><article><time datetime="2019-11-19">Nov 19</time><p class="last-updated"><time datetime="2019-11-20">Nov 20</time></p></article>`,
			"", "2019-11-19", "2019-11-20"},
		{"time inside an update line the label pass does not enter",
			`<body><article><time datetime="2019-11-19">Nov 19</time><menu><li class="last-updated"><time datetime="2019-11-20">Nov 20</time></li></menu></article>`,
			"", "2019-11-19", "2019-11-20"},
		{"url date",
			``, "https://example.com/2019/11/19/some-story/", "2019-11-19", ""},
		{"url date with dashes",
			``, "https://example.com/story/2019-11-19/some-story", "2019-11-19", ""},
		{"dateline english",
			`<body><article><h1>H</h1><div class="date">Nov. 19, 2019 at 5:00 pm</div></article>`,
			"", "2019-11-19", ""},
		{"dateline german",
			`<body><article><h1>H</h1><span class="datum">19. November 2019</span></article>`,
			"", "2019-11-19", ""},
		{"dateline spanish after headline",
			`<body><article><h1>H</h1><p>Madrid, 19 de noviembre de 2019</p></article>`,
			"", "2019-11-19", ""},
		{"dateline french",
			`<body><article><h1>H</h1><span class="meta">Publié le 19 novembre 2019</span></article>`,
			"", "2019-11-19", ""},
		{"dateline russian",
			`<body><article><h1>H</h1><div class="date">19 ноября 2019</div></article>`,
			"", "2019-11-19", ""},
		{"dateline japanese",
			`<body><article><h1>H</h1><div class="date">2019年11月19日</div></article>`,
			"", "2019-11-19", ""},
		{"epoch seconds",
			`<meta name="parsely-pub-date" content="1574168580">`,
			"", "2019-11-19T13:03:00Z", ""},
		{"garbage ignored",
			`<meta name="date" content="yesterday"><meta property="article:published_time" content="0000-00-00">`,
			"", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Extract(parse(t, tt.html), tt.url)
			if m.Published != tt.pub || m.Modified != tt.mod {
				t.Errorf("Published, Modified = %q, %q; want %q, %q", m.Published, m.Modified, tt.pub, tt.mod)
			}
		})
	}
}

func TestFindTextDate(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"Updated: November 19, 2019 3:04 PM", "2019-11-19"},
		{"19th November 2019", "2019-11-19"},
		{"Tuesday, 19 November, 2019", "2019-11-19"},
		{"Publicado el 19 de noviembre de 2019", "2019-11-19"},
		{"19 novembre 2019", "2019-11-19"},
		{"19 listopada 2019", "2019-11-19"},
		{"19.11.2019", "2019-11-19"},
		{"posted 2019/11/19", "2019-11-19"},
		{"11/19/2019", "2019-11-19"},
		{"2019년 11월 19일", "2019-11-19"},
		{"05/06/2019", ""}, // day and month order unknown
		{"May 2019", ""},
		{"Feb 30, 2019", ""},
		{"nothing here", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := ""
			if y, m, d, ok := findTextDate(tt.in); ok {
				got = formatDay(y, m, d)
			}
			if got != tt.want {
				t.Errorf("findTextDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTags(t *testing.T) {
	tests := []struct {
		name, html string
		want       []string
	}{
		{"article:tag repeated",
			`<meta property="article:tag" content="Space"><meta property="article:tag" content=" NASA "><meta property="article:tag" content="space">`,
			[]string{"Space", "NASA"}},
		{"keywords meta",
			`<meta name="keywords" content="trade, China ,tariffs,">`,
			[]string{"trade", "China", "tariffs"}},
		{"json-ld keywords string",
			`<script type="application/ld+json">{"@type":"BlogPosting","keywords":"one, two"}</script>`,
			[]string{"one", "two"}},
		{"json-ld keywords array",
			`<script type="application/ld+json">{"@type":"BlogPosting","keywords":["one","two"]}</script>`,
			[]string{"one", "two"}},
		{"rel tag links",
			`<body><a rel="tag" href="/t/a">Alpha</a><a rel="tag nofollow" href="/t/b">Beta</a>`,
			[]string{"Alpha", "Beta"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Extract(parse(t, tt.html), "").Tags; !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Tags = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestJSONLDRobustness(t *testing.T) {
	tests := []struct {
		name, script, want string
	}{
		{"array of objects", `[{"@type":"WebSite","name":"S"},{"@type":"NewsArticle","headline":"A"}]`, "A"},
		{"graph", `{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":["NewsArticle"],"headline":"B"}]}`, "B"},
		{"nested main entity", `{"@type":"WebPage","mainEntity":{"@type":"ReportageNews","headline":"C"}}`, "C"},
		{"full type url", `{"@type":"http://schema.org/BlogPosting","headline":"D"}`, "D"},
		{"trailing comma and raw newline", "{\"@type\":\"Article\",\"headline\":\"E\nF\",}", "E F"},
		{"comment wrapper", `<!-- {"@type":"Article","headline":"G"} -->`, "G"},
		{"two values in one script", `{"@type":"WebSite","name":"S"} {"@type":"Article","headline":"H"}`, "H"},
		{"broken beyond repair", `{"@type":"Article","headline":`, ""},
		// Templates write HTML entities into JSON strings, which no
		// HTML parser decodes inside a script.
		{"entities in the headline", `{"@type":"Article","headline":"Full &amp; Part &#038; Time: the &quot;why&quot;"}`, `Full & Part & Time: the "why"`},
		{"an ampersand that is no entity stays", `{"@type":"Article","headline":"AT&T and Q&A; R&D"}`, "AT&T and Q&A; R&D"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(t, `<script type="application/ld+json">`+tt.script+`</script>`)
			if got := Extract(doc, "").Title; got != tt.want {
				t.Errorf("Title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSiteLanguageImageCanonical(t *testing.T) {
	doc := parse(t, `<html lang="en-US"><head>
		<meta property="og:site_name" content="The Daily">
		<meta name="description" content="Meta description.">
		<meta property="og:description" content="OG description.">
		<meta property="og:image" content="/img/lead.jpg">
		<link rel="canonical" href="/news/story">
		</head><body></body></html>`)
	m := Extract(doc, "https://example.com/news/story?utm=1")
	want := map[string][2]string{
		"site":        {m.SiteName, "The Daily"},
		"language":    {m.Language, "en"},
		"description": {m.Description, "Meta description."},
		"image":       {m.Image, "https://example.com/img/lead.jpg"},
		"canonical":   {m.CanonicalURL, "https://example.com/news/story"},
		"url":         {m.URL, "https://example.com/news/story?utm=1"},
	}
	for field, gw := range want {
		if gw[0] != gw[1] {
			t.Errorf("%s = %q, want %q", field, gw[0], gw[1])
		}
	}

	t.Run("url falls back to canonical", func(t *testing.T) {
		m := Extract(parse(t, `<link rel="canonical" href="https://example.com/a">`), "")
		if m.URL != "https://example.com/a" {
			t.Errorf("URL = %q", m.URL)
		}
	})
	t.Run("json-ld publisher and image object", func(t *testing.T) {
		m := Extract(parse(t, `<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"@type":"Organization","name":"Pub"},"image":{"@type":"ImageObject","url":"https://cdn.example.com/i.jpg"}}</script>`), "")
		if m.SiteName != "Pub" || m.Image != "https://cdn.example.com/i.jpg" {
			t.Errorf("SiteName, Image = %q, %q", m.SiteName, m.Image)
		}
	})
	t.Run("og:locale", func(t *testing.T) {
		m := Extract(parse(t, `<meta property="og:locale" content="pt_BR">`), "")
		if m.Language != "pt" {
			t.Errorf("Language = %q", m.Language)
		}
	})
	t.Run("detected when undeclared", func(t *testing.T) {
		m := Extract(parse(t, `<body><h1>Die Regierung hat am Montag einen Plan vorgestellt</h1><div>Der Plan ist noch nicht fertig, aber die Minister sind sich einig, dass es so nicht weitergehen kann.</div>`), "")
		if m.Language != "de" {
			t.Errorf("Language = %q", m.Language)
		}
	})
}

func TestNilAndEmpty(t *testing.T) {
	if m := Extract(dom.Node{}, "https://example.com/"); m.URL != "https://example.com/" || m.Title != "" {
		t.Errorf("Extract(nil) = %+v", m)
	}
	if m := Extract(parse(t, ""), ""); m.Title != "" || len(m.Authors) != 0 {
		t.Errorf("Extract(empty) = %+v", m)
	}
}

func TestNormalizeLang(t *testing.T) {
	for in, want := range map[string]string{
		"en-US": "en", "pt_BR": "pt", "EN": "en", "zh-Hans-CN": "zh", "und": "", "x-default": "",
		"": "", "e": "", "english": "", "fil": "fil",
	} {
		if got := normalizeLang(in); got != want {
			t.Errorf("normalizeLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSiteNameOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The Daily", "The Daily"},
		{"https://www.example.com/", "example.com"},
		{"http://news.example.org", "news.example.org"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := siteNameOf(tt.in); got != tt.want {
			t.Errorf("siteNameOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// An <h1> that repeats the site name at the end of <title> is a logo.
func TestTitleIgnoresLogoHeading(t *testing.T) {
	tests := []struct{ page, want string }{
		{`<html><head><title>Library reopens with new children's room | Hollin Valley Community Trust</title></head><body><h1><a href="/">Hollin Valley Community Trust</a></h1><h2>Library reopens with new children's room</h2></body></html>`,
			"Library reopens with new children's room"},
		{`<html><head><title>Opinion | Republicans Are Following Trump to Nowhere</title></head><body><h1>Republicans Are Following Trump to Nowhere</h1></body></html>`,
			"Republicans Are Following Trump to Nowhere"},
	}
	for _, tt := range tests {
		doc, _ := html.Parse(strings.NewReader(tt.page))
		if got := Extract(dom.FromHTML(doc, "").Root(), "").Title; got != tt.want {
			t.Errorf("Title = %q, want %q", got, tt.want)
		}
	}
}

// TestInvisibleCharacters: a soft hyphen or a zero-width space prints
// nothing, so metadata drops it as the body text does, and every Unicode
// space separates words.
func TestInvisibleCharacters(t *testing.T) {
	doc := parse(t, "<title>Bundes\u00adregierung plant\u200b Reform\u2028der Rente</title>")
	if got, want := Extract(doc, "").Title, "Bundesregierung plant Reform der Rente"; got != want {
		t.Errorf("Title = %q, want %q", got, want)
	}
}
