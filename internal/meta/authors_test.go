package meta

import (
	"reflect"
	"strings"
	"testing"
)

// TestAuthorClasses holds must-match and must-not-match pages for each
// class of author source.
func TestAuthorClasses(t *testing.T) {
	filler := "<p>" + strings.Repeat("Body text of the story goes on here. ", 30) + "</p>"
	tests := []struct {
		class, html string
		want        []string
		src         string
	}{
		{"json-ld names with HTML entities",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Conan O&#039;Brien"},{"@type":"Person","name":"Ana Ruiz &amp; Jonas Keller"}]}</script>`,
			[]string{"Conan O'Brien", "Ana Ruiz", "Jonas Keller"}, "json-ld"},
		{"schema.org Organization author",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Acme Research Institute"}}</script>`,
			[]string{"Acme Research Institute"}, "json-ld"},
		{"an Organization author gives way to a person's byline",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Acme Research Institute"}}</script><body><article><h1>H</h1><div class="byline">By Jane Doe</div></article>`,
			[]string{"Jane Doe"}, "byline"},
		{"a Person author with given and family names",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","givenName":"Ana","familyName":"Ruiz"}}</script>`,
			[]string{"Ana Ruiz"}, "json-ld"},
		{"dc.creator wins over name=author",
			`<meta name="author" content="Example Media Group"><meta name="DC.creator" content="Ana Ruiz">`,
			[]string{"Ana Ruiz"}, "meta:dc.creator"},
		{"space-separated property names",
			`<meta property="og:foo article:author" content="Ana Ruiz">`,
			[]string{"Ana Ruiz"}, "meta:article:author"},
		{"visible By line after the headline",
			`<body><main><h1>Rates rise again</h1><p>By <a href="/p/ana">Ana Ruiz</a></p>` + filler,
			[]string{"Ana Ruiz"}, "text"},
		{"label alone, name in the next element",
			`<body><main><h1>Rates rise again</h1><div><p>Written by</p><p>Ana Ruiz</p></div>` + filler,
			[]string{"Ana Ruiz"}, "text"},
		{"french Par",
			`<body><main><h1>Les taux montent</h1><span>Par Jeanne Martin</span>` + filler,
			[]string{"Jeanne Martin"}, "text"},
		{"german Von with two names",
			`<body><main><h1>Zinsen steigen</h1><span>Von</span> <a>Anna Weber</a> und <a>Jonas Keller</a>` + filler,
			[]string{"Anna Weber", "Jonas Keller"}, "text"},
		{"a category after the name is no second author",
			`<body><main><h1>Rates rise again</h1><span>By</span> <a>Ana Ruiz</a> <span>Dining Out</span>` + filler,
			[]string{"Ana Ruiz"}, "text"},
		{"a sentence opening with By is no byline",
			`<body><main><h1>Rates rise again</h1><p>By clicking accept you agree.</p>` + filler,
			nil, ""},
		{"a photo credit is no byline",
			`<body><main><h1>Rates rise again</h1><p>Photo by Ana Ruiz</p>` + filler,
			nil, ""},
		{"a By line far below the headline is no byline",
			`<body><main><h1>Rates rise again</h1>` + filler + `<p>By Ana Ruiz</p>`,
			nil, ""},
		{"a role after a comma is no second name",
			`<body><article><h1>H</h1><div class="author">Jane Doe, Senior Correspondent</div></article>`,
			[]string{"Jane Doe"}, "byline"},
		{"a wire credit beside a name is no author",
			`<body><article><h1>H</h1><div class="byline">By Jane Doe, Reuters</div></article>`,
			[]string{"Jane Doe"}, "byline"},
		{"a wire credit alone is the author",
			`<body><article><h1>H</h1><div class="byline">Reuters</div></article>`,
			[]string{"Reuters"}, "byline"},
		{"a wire credit in meta gives way to the visible byline",
			`<meta name="author" content="Reuters"><body><article><h1>Rates rise again</h1><div class="byline">By Jane Doe</div>` + filler + `</article>`,
			[]string{"Jane Doe"}, "byline"},
		{"a wire credit in JSON-LD gives way to a visible By line",
			`<script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"The Associated Press"}}</script><body><main><h1>Rates rise again</h1><p>By Jane Doe</p>` + filler + `</main>`,
			[]string{"Jane Doe"}, "text"},
		{"a wire credit in meta stays without a byline",
			`<meta name="author" content="Reuters"><body><article><h1>Rates rise again</h1>` + filler + `</article>`,
			[]string{"Reuters"}, "meta:author"},
		{"roles written as labels before the names",
			`<meta name="author" content="text: Ana Ruiz; design: Jonas Keller; code:">`,
			[]string{"Ana Ruiz", "Jonas Keller"}, "meta:author"},
		{"a link's label after By is no name",
			`<body><main><h1>Rates rise again</h1><p>By <a href="/a">Link</a></p>` + filler,
			nil, ""},
		{"forum: the thread starter's user name",
			`<body><div class="post"><span class="author">b.scherer</span><p>Question text here.</p></div>`,
			[]string{"b.scherer"}, "byline"},
		{"forum: replies further down are not authors",
			`<body><div class="post"><span class="author">jdoe42</span>` + filler + `</div><div class="post"><span class="author">replier</span>` + filler + `</div>`,
			[]string{"jdoe42"}, "byline"},
		{"co-authors side by side are kept",
			`<body><article><a rel="author">Ana Ruiz</a>, <a rel="author">Jonas Keller</a>` + filler + `</article>`,
			[]string{"Ana Ruiz", "Jonas Keller"}, "byline"},
		{"a lowercase word among names is no user name",
			`<body><article><div class="byline">By Ana Ruiz | media</div></article>`,
			[]string{"Ana Ruiz"}, "byline"},
		{"weekdays beside a forum byline are no names",
			`<body><div class="post"><p class="author">by jdoe » Sun Dec 17, 2023 11:18 am</p></div>`,
			nil, ""},
		{"furniture words are no user names",
			`<body><div class="post"><span class="author">admin</span></div>`,
			nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			m := Extract(parse(t, tt.html), "")
			if len(m.Authors) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(m.Authors, tt.want) || m.Sources["authors"] != tt.src {
				t.Errorf("Authors = %q from %q, want %q from %q", m.Authors, m.Sources["authors"], tt.want, tt.src)
			}
		})
	}
}

func TestHasType(t *testing.T) {
	for _, tt := range []struct {
		typ  any
		want bool
	}{
		{"NewsArticle", true}, {"https://schema.org/BlogPosting", true}, {"ARTICLE", true},
		{[]any{"WebPage", "Article"}, true}, {[]any{3, "http://schema.org/Report"}, true},
		{"WebPage", false}, {[]any{"Person", 1}, false}, {nil, false}, {"Articles", false},
	} {
		m := map[string]any{"@type": tt.typ}
		if got := hasType(m, articleTypes); got != tt.want {
			t.Errorf("hasType(%v) = %v, want %v", tt.typ, got, tt.want)
		}
		want := false
		for _, ty := range ldTypes(m) {
			want = want || articleTypes[ty]
		}
		if got := hasType(m, articleTypes); got != want {
			t.Errorf("hasType(%v) = %v, but ldTypes says %v", tt.typ, got, want)
		}
	}
}

// splitByline agrees with splitting on every separator in turn.
func TestSplitByline(t *testing.T) {
	for _, s := range []string{
		"By Jane Doe and John Roe", "Jane Doe, John Roe | Staff", "Finian Cunningham. Sputnik International",
		"Jane Doe / John Roe & Max Mustermann", "", "  Jane   Doe  ", "Jane Doe und Max Mustermann",
	} {
		pieces := []string{strings.Join(strings.Fields(s), " ")}
		if pieces[0] == "" {
			pieces = nil
		}
		for _, sep := range bylineSeparators {
			var next []string
			for _, p := range pieces {
				next = append(next, strings.Split(p, sep)...)
			}
			pieces = next
		}
		var want []string
		for _, p := range pieces {
			words := strings.Fields(p)
			start := 0
			for i, w := range words {
				if authorJoiners[strings.ToLower(w)] {
					if i > start {
						want = append(want, strings.Join(words[start:i], " "))
					}
					start = i + 1
				} else if endsSentence(w) && i+1 < len(words) {
					want = append(want, strings.Join(words[start:i+1], " "))
					start = i + 1
				}
			}
			if start < len(words) {
				want = append(want, strings.Join(words[start:], " "))
			}
		}
		if got := splitByline(s); !reflect.DeepEqual(got, want) {
			t.Errorf("splitByline(%q) = %q, want %q", s, got, want)
		}
	}
}
