package meta

import (
	"strings"
	"testing"
)

// TestTextDateClasses holds a must-match and a must-not-match case for
// each class of printed date the metadata reads.
func TestTextDateClasses(t *testing.T) {
	tests := []struct {
		class, in, want string
	}{
		// dd.mm.yyyy and two-digit years.
		{"dotted", "Stand: 04.08.2021, 10:12 Uhr", "2021-08-04"},
		{"dotted two-digit year", "am 04.08.21 um 10:12", "2021-08-04"},
		{"slashed two-digit year, day first", "posted 19/11/19", "2019-11-19"},
		{"slashed two-digit year, month first", "posted 11/19/19", "2019-11-19"},
		{"two-digit year, order unknown", "posted 05/06/19", ""},
		{"version number is no date", "version 1.2.3 released", ""},
		{"dotted version with two-digit parts", "firmware 10.13.44", ""},
		// d. Monat yyyy, abbreviations, per language.
		{"german", "Veröffentlicht am 3. März 2024", "2024-03-03"},
		{"german abbreviated", "3. Mär. 2024", "2024-03-03"},
		{"french first of month", "Publié le 1er mars 2024", "2024-03-01"},
		{"french abbreviated", "12 déc. 2023", "2023-12-12"},
		{"spanish hyphenated abbreviation", "By: Editor on 04-ago-2021 5:11:10", "2021-08-04"},
		{"spanish de", "5 de abril de 2022", "2022-04-05"},
		{"italian", "12 lug 2022", "2022-07-12"},
		{"italian full", "3 giugno 2021", "2021-06-03"},
		{"dutch", "7 mrt 2023", "2023-03-07"},
		{"dutch full", "7 maart 2023", "2023-03-07"},
		{"portuguese", "9 de setembro de 2020", "2020-09-09"},
		{"portuguese abbreviated", "9 set 2020", "2020-09-09"},
		{"german written without umlaut", "3. Maerz 2024", "2024-03-03"},
		{"french juill.", "3 juill. 2023", "2023-07-03"},
		{"french written without accents", "3 fevr. 2024", "2024-02-03"},
		{"italian sett.", "15 sett. 2022", "2022-09-15"},
		{"spanish de once", "5 de abril 2022", "2022-04-05"},
		{"spanish de and a comma", "sábado, 5 de abril, 2022", "2022-04-05"},
		{"portuguese de once", "1º de maio 2024", "2024-05-01"},
		{"day de month without a year", "5 de abril", ""},
		// Two-digit years beside a month name: joined, or written with
		// an apostrophe.
		{"joined two-digit year", "Posted 19-Nov-19 08:03", "2019-11-19"},
		{"apostrophe year", "Nov 19, '19", "2019-11-19"},
		{"a spaced two-digit number after a month is no year", "Nov 19, 19 people came", ""},
		{"ordinal english", "30th March 2025, 16:26", "2025-03-30"},
		{"weekday in front", "Sun Dec 17, 2023 11:18 am", "2023-12-17"},
		{"dutch with a weekday", "maandag 3 juni 2024", "2024-06-03"},
		{"german dotted month abbreviation", "am 3. Okt. 2023", "2023-10-03"},
		{"spanish abbreviated with de", "3 de dic. de 2023", "2023-12-03"},
		{"portuguese abbreviated with de", "12 de out. de 2023", "2023-10-12"},
		{"italian degree ordinal", "1° marzo 2024", "2024-03-01"},
		{"iso in visible text", "Posted 2019-11-19 08:03", "2019-11-19"},
		{"iso with slashes", "2019/11/19", "2019-11-19"},
		{"slashed, day first past twelve", "Posted on the 15/12/2025 at 19:00", "2025-12-15"},
		{"slashed, order unknown", "Posted on 05/06/2025", ""},
		{"month and year only", "März 2024", ""},
		{"a day ago is no month", "posted 3 days ago", ""},
		{"hyphenated words", "well-known 12-step program", ""},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
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

// TestDateSources checks each source of the dates and its trust order,
// with a must-match and a must-not-match page per class.
func TestDateSources(t *testing.T) {
	tests := []struct {
		class, html, url string
		pub, pubSrc      string
		mod              string
	}{
		{"meta key outside the table",
			`<meta name="published" content="July 17, 2025">`, "",
			"2025-07-17", "meta:published", ""},
		{"publisher meta is no date",
			`<meta name="publisher" content="12.10.2020 Media">`, "",
			"", "", ""},
		{"date printed before the headline",
			`<body><main><p>February 4, 2025 - 11 minutes</p><h1>Cloud computing next</h1><p>Body text.</p></main>`, "",
			"2025-02-04", "text", ""},
		{"date in a byline",
			`<body><article><div class="author">By: Ana Ruiz on 04-ago-2021 5:11:10</div><p>Body.</p></article>`, "",
			"2021-08-04", "byline", ""},
		{"update label makes a modification date",
			`<body><article><h1>H</h1><div class="date">Published Jan 3, 2024 · Updated Feb 9, 2024</div></article>`, "",
			"2024-01-03", "text", "2024-02-09"},
		{"only an update printed: published falls back to it",
			`<body><article><h1>H</h1><p class="date">Last updated: November 13, 2025</p></article>`, "",
			"2025-11-13", "modified:text", "2025-11-13"},
		{"time element without datetime",
			`<body><article><h1>H</h1><time>Dec 17, 2025</time></article>`, "",
			"2025-12-17", "time", ""},
		{"datetime attribute on a span",
			`<body><article><h1>H</h1><span class="x" datetime="2023-05-02">x</span></article>`, "",
			"2023-05-02", "attribute", ""},
		{"ISO timestamp in a tooltip",
			`<body><div class="post"><span title="2023-12-17T11:18:00Z">a while back</span></div>`, "",
			"2023-12-17T11:18:00Z", "attribute", ""},
		{"ISO day in a microformat's title (hAtom)",
			`<body><article><h1>H</h1><abbr class="published" title="2023-05-02">May 2</abbr></article>`, "",
			"2023-05-02", "attribute", ""},
		{"ISO day in a content attribute",
			`<body><article><h1>H</h1><span content="2023-05-02">x</span></article>`, "",
			"2023-05-02", "attribute", ""},
		{"ISO day in a data-date attribute",
			`<body><article><h1>H</h1><div data-date="2023-05-02">x</div></article>`, "",
			"2023-05-02", "attribute", ""},
		{"an ISO day in an attribute gives way to the printed date",
			`<body><article><h1>H</h1><p class="date">May 9, 2023</p><span title="2023-05-02">x</span></article>`, "",
			"2023-05-09", "text", ""},
		{"no day of the calendar in a title attribute is no date",
			`<body><div class="post"><span title="2023-05-32">x</span><span title="2023-5-2 draft">y</span></div>`, "",
			"", "", ""},
		{"ISO timestamp in an attribute named for the creation",
			`<body><shreddit-post created-timestamp="2026-03-03T09:47:05.754000+0000"><h1>H</h1></shreddit-post>`, "",
			"2026-03-03T09:47:05Z", "attribute", ""},
		{"ISO timestamp in an attribute named for the publication",
			`<body><div data-published-at="2026-03-03T09:47:05+01:00"><h1>H</h1></div>`, "",
			"2026-03-03T09:47:05+01:00", "attribute", ""},
		{"an update or an expiry timestamp in an attribute is no publication date",
			`<body><div data-updated-at="2026-03-03T09:47:05Z" data-expires-at="2026-03-03T09:47:05Z" data-created-by="jdoe"><h1>H</h1></div>`, "",
			"", "", ""},
		{"a dates element far below the headline",
			`<body><article><h1>H</h1><p>` + strings.Repeat("Body text that runs on. ", 50) + `</p><p class="article__pub-dates">March 13, 2024</p></article>`, "",
			"2024-03-13", "text", ""},
		{"a number in a title attribute is no date",
			`<body><div class="post"><span title="2023-12 plan">x</span><span title="20231217">y</span></div>`, "",
			"", "", ""},
		{"day archive link in a date element",
			`<body><h1>H</h1><span class="posted"><a href="/2019/11/19/">Tuesday</a></span>`, "",
			"2019-11-19", "attribute", ""},
		{"date in a visible By line far from the headline",
			`<body><main><h1>Rates rise again</h1><p>` + strings.Repeat("A standfirst that runs on. ", 40) + `</p><p>By <a href="/a">Ana Ruiz</a></p><p>April 8, 2024</p></main>`, "",
			"2024-04-08", "byline", ""},
		{"a By line without a date leaves the date to the url",
			`<body><main><h1>Rates rise again</h1><p>By <a href="/a">Ana Ruiz</a></p><p>Read more</p></main>`, "https://example.com/2019/11/19/story/",
			"2019-11-19", "url", ""},
		{"url path is the last fallback",
			`<body><h1>H</h1><p>No date here.</p>`, "https://example.com/2019/11/19/story/",
			"2019-11-19", "url", ""},
		{"url segment opening with a date and a plus",
			`<body><h1>H</h1><p>No date here.</p>`, "https://example.com/articles/2025-12-15+Rust+backend",
			"2025-12-15", "url", ""},
		{"url segment of a date and more digits is no date",
			`<body><h1>H</h1><p>No date here.</p>`, "https://example.com/files/2025-12-150/",
			"", "", ""},
		{"date printed after the page's first h1 when the article's h1 is another",
			`<body><h1>Rates rise again</h1><p>Jane Doe • March 17, 2025</p><main><p>` + strings.Repeat("An intro that runs on. ", 20) + `</p><h1>1. First pick</h1><p>Text.</p></main>`, "",
			"2025-03-17", "text", ""},
		{"printed date beats the url",
			`<body><h1>H</h1><p class="date">20 November 2019</p>`, "https://example.com/2019/11/19/story/",
			"2019-11-20", "text", ""},
		// One day off: a UTC timestamp gives way to the printed day.
		{"utc timestamp, printed local day",
			`<meta property="article:published_time" content="2025-12-19T02:41:41Z"><body><article><h1>H</h1><time datetime="2025-12-19T02:41:41Z">December 18, 2025</time></article>`, "",
			"2025-12-18", "meta:article:published_time+printed-day", ""},
		{"utc timestamp, url day",
			`<meta property="article:published_time" content="2025-12-19T03:05:00+00:00">`, "https://example.com/2025/12/18/story",
			"2025-12-18", "meta:article:published_time+printed-day", ""},
		{"utc timestamp, printed local day in German",
			`<meta property="article:published_time" content="2025-12-19T02:41:41Z"><body><article><h1>H</h1><p class="datum">18. Dezember 2025</p></article>`, "",
			"2025-12-18", "meta:article:published_time+printed-day", ""},
		{"utc timestamp late in the day, printed next day east of Greenwich",
			`<meta property="article:published_time" content="2025-12-18T23:30:00Z"><body><article><h1>H</h1><p class="date">19.12.2025</p></article>`, "",
			"2025-12-19", "meta:article:published_time+printed-day", ""},
		{"utc timestamp, the same instant in a <time> with the local offset",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-18T23:25:38Z"}</script><body><article><h1>H</h1><time datetime="2025-12-19T04:25:38+0500">Yesterday at 4:25 AM</time></article>`, "",
			"2025-12-19T04:25:38+05:00", "json-ld+local-time", ""},
		{"a <time> of another instant leaves the utc timestamp",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-18T23:25:38Z"}</script><body><article><h1>H</h1><time datetime="2025-12-19T09:00:00+0500">Yesterday at 9:00 AM</time></article>`, "",
			"2025-12-18T23:25:38Z", "json-ld", ""},
		{"the same instant on the same day keeps the utc timestamp",
			`<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-18T13:25:38Z"}</script><body><article><h1>H</h1><time datetime="2025-12-18T18:25:38+0500">Yesterday</time></article>`, "",
			"2025-12-18T13:25:38Z", "json-ld", ""},
		{"timestamp with its own offset is kept",
			`<meta property="article:published_time" content="2025-12-19T02:41:41-05:00"><body><article><h1>H</h1><p class="date">December 18, 2025</p></article>`, "",
			"2025-12-19T02:41:41-05:00", "meta:article:published_time", ""},
		{"printed day two days off is another date",
			`<meta property="article:published_time" content="2025-12-19T02:41:41Z"><body><article><h1>H</h1><p class="date">December 17, 2025</p></article>`, "",
			"2025-12-19T02:41:41Z", "meta:article:published_time", ""},
		{"no time zone puts 02:00 UTC on the next day",
			`<meta property="article:published_time" content="2025-12-19T02:41:41Z"><body><article><h1>H</h1><p class="date">December 20, 2025</p></article>`, "",
			"2025-12-19T02:41:41Z", "meta:article:published_time", ""},
	}
	for _, tt := range tests {
		t.Run(tt.class, func(t *testing.T) {
			m := Extract(parse(t, tt.html), tt.url)
			if m.Published != tt.pub || m.Sources["published"] != tt.pubSrc || m.Modified != tt.mod {
				t.Errorf("published %q from %q, modified %q; want %q from %q, %q",
					m.Published, m.Sources["published"], m.Modified, tt.pub, tt.pubSrc, tt.mod)
			}
		})
	}
}
