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

func TestLowerIs(t *testing.T) {
	tests := []struct {
		s, want string
		ok      bool
	}{
		{"staff", "staff", true},
		{"Staff", "staff", true},
		{"STAFF", "staff", true},
		{"Stafff", "staff", false},
		{"Staf", "staff", false},
		{"Ärzte", "ärzte", true},
		{"ÄRZTE", "ärzte", true},
		{"Ärzte", "arzte", false},
		{"", "", true},
		{"x", "", false},
		{"a-b", "a-b", true},
	}
	for _, tt := range tests {
		if got := lowerIs(tt.s, tt.want); got != tt.ok || got != (strings.ToLower(tt.s) == tt.want) {
			t.Errorf("lowerIs(%q, %q) = %v, want %v", tt.s, tt.want, got, tt.ok)
		}
	}
}
