package meta

import (
	"bufio"
	"embed"
	"sort"
	"strconv"
	"strings"
)

// The heuristics of this package as data. Phrase lists live in data/*.txt,
// one entry a line, '#' starting a comment; the rest are Go tables here.

//go:embed data/*.txt data/lang/*.txt
var dataFS embed.FS

// readList returns the entries of an embedded list file: trimmed, lowercase,
// comments and blank lines dropped, duplicates removed.
func readList(name string) []string {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		// The files are embedded at build time; a missing one is a
		// programming error caught by the package's tests.
		panic("meta: missing embedded list " + name)
	}
	var out []string
	seen := make(map[string]bool)
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	for sc.Scan() {
		line := strings.ToLower(strings.TrimSpace(sc.Text()))
		if line == "" || line[0] == '#' || seen[line] {
			continue
		}
		seen[line] = true
		out = append(out, line)
	}
	return out
}

func setOf(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// monthNames maps a lowercase month name or abbreviation in one of several
// languages to its number, from data/months.txt.
var monthNames = func() map[string]int {
	m := make(map[string]int)
	for _, line := range readList("data/months.txt") {
		name, num, ok := strings.Cut(line, " ")
		n, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil || n < 1 || n > 12 {
			panic("meta: bad line in data/months.txt: " + line)
		}
		m[name] = n
	}
	return m
}()

// authorRoles are job titles that trail a name in a byline, longest
// first so "auto writer" is cut whole rather than as "writer".
var authorRoles = longestFirst(readList("data/author_roles.txt"))

// longestFirst sorts phrases by word count, most words first, keeping
// the file order otherwise.
func longestFirst(l []string) []string {
	sort.SliceStable(l, func(i, j int) bool {
		return strings.Count(l[i], " ") > strings.Count(l[j], " ")
	})
	return l
}

// authorRoleSet holds the same roles for whole-piece lookups.
var authorRoleSet = setOf(authorRoles)

// authorAgencies are news agencies cut from the end of a reporter's name.
var authorAgencies = longestFirst(readList("data/author_agencies.txt"))

// authorAgencySet holds the same agencies for whole-name lookups.
var authorAgencySet = setOf(authorAgencies)

// authorRoleWords and authorAgencyWords are the same phrases split into
// their words, for stripTail.
var (
	authorRoleWords   = phraseWords(authorRoles)
	authorAgencyWords = phraseWords(authorAgencies)
)

func phraseWords(phrases []string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(p)
	}
	return out
}

// authorNonNames are placeholders that are not a person's name.
var authorNonNames = setOf(readList("data/author_nonnames.txt"))

// authorStops end the name part of a byline ("Updated", "on", "for").
var authorStops = setOf(readList("data/author_stops.txt"))

// authorJoiners join two names in a byline ("and", "und", "&").
var authorJoiners = setOf(readList("data/author_joiners.txt"))

// nameParticles may start a word of a name in lowercase ("van", "de").
var nameParticles = setOf([]string{
	"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le",
	"bin", "al", "el", "ter", "ten", "dos", "das", "do", "y", "zu", "af", "av",
})

// Meta keys (name, property, itemprop or http-equiv, lowercased), each
// table in trust order: the first key present wins.
var (
	// publishedKeys name the publication date.
	publishedKeys = []string{
		"article:published_time", "og:article:published_time", "article:published",
		"datepublished", "published_time", "og:published_time", "article.published",
		"pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date",
		"sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
		"dc.date.created", "dcterms.created", "datecreated", "article.created",
		"article_date_original", "original-publish-date", "cxenseparse:recs:publishtime",
		"rnews:datepublished", "citation_publication_date", "citation_date", "bt:pubdate",
		"displaydate", "date", "created",
	}
	// modifiedKeys name the last modification date.
	modifiedKeys = []string{
		"article:modified_time", "og:article:modified_time", "article:modified",
		"datemodified", "og:updated_time", "modified_time", "article.updated",
		"dc.date.modified", "dcterms.modified", "last-modified", "lastmod",
		"parsely-updated", "sailthru.lastmodified", "revised",
	}
	// titleKeys name the headline in meta tags, after JSON-LD.
	titleKeys = []string{"og:title", "twitter:title", "headline", "article.headline", "dc.title", "sailthru.title", "parsely-title"}
	// descriptionKeys name the summary.
	descriptionKeys = []string{"description", "og:description", "twitter:description", "dc.description"}
	// siteNameKeys name the site, after og:site_name and JSON-LD publisher.
	siteNameKeys = []string{"og:site_name", "application-name", "apple-mobile-web-app-title", "publisher"}
	// imageKeys name the lead image.
	imageKeys = []string{"og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "image", "thumbnail", "thumbnailurl"}
	// authorKeys name the author in meta tags; URL values are skipped.
	// Dublin Core's creator, written for catalogues, wins over
	// name=author, which templates often fill with the site's owner.
	authorKeys = []string{"dc.creator", "dcterms.creator", "author", "article:author", "sailthru.author", "parsely-author", "byl", "citation_author", "twitter:creator"}
	// languageKeys name the language in meta tags, after <html lang>.
	languageKeys = []string{"content-language", "language", "dc.language", "og:locale", "inlanguage"}
	// keywordKeys hold comma-separated tags; article:tag is read apart
	// because it repeats.
	keywordKeys = []string{"keywords", "news_keywords", "parsely-tags", "sailthru.tags"}
)

// metaMultiKeys repeat on a page and are kept in full, not first-wins.
var metaMultiKeys = map[string]bool{"article:tag": true, "og:article:tag": true, "article:author": true}

// articleTypes are the schema.org types whose object describes the article.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "blogposting": true, "reportagenews": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true, "reviewnewsarticle": true,
	"backgroundnewsarticle": true, "askpublicnewsarticle": true, "satiricalarticle": true,
	"scholarlyarticle": true, "techarticle": true, "report": true, "liveblogposting": true,
	"socialmediaposting": true, "discussionforumposting": true, "posting": true,
	"review": true, "medicalscholarlyarticle": true, "advertisercontentarticle": true,
}

// pageTypes are schema.org types that describe the page; they are read
// only when no article object exists.
var pageTypes = map[string]bool{
	"webpage": true, "itempage": true, "aboutpage": true, "collectionpage": true,
	"medicalwebpage": true, "qapage": true, "profilepage": true,
}

// organizationTypes are schema.org types of a publisher.
var organizationTypes = map[string]bool{
	"organization": true, "newsmediaorganization": true, "corporation": true,
	"website": true, "localbusiness": true,
}

// titleSeparators split a site name or section off a title, in the order
// they are tried. Each has spaces around it so hyphenated words stay whole.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " : ", " // ", " / ", " ~ ", " • "}

// titleTrimRunes stand at either end of a headline as decoration or as
// a heading's permalink sign ("Headline¶", "Headline ⋆").
const titleTrimRunes = "¶⋆★☆"

// titlePrefixSeparators split the site's name off the start of a title
// only: "Site: Section: Headline". Inside a headline a colon is part of
// it.
var titlePrefixSeparators = []string{": "}

// genericSeparators may split off a short trailing segment even when it
// matches no known site name.
var genericSeparators = map[string]bool{" | ": true, " – ": true, " — ": true, " - ": true, " :: ": true, " » ": true}

// updateWords introduce an update date in a dateline ("Updated Dec 12,
// 2025", "Aktualisiert am 12.12.2025"), from data/date_updated.txt.
var updateWords = readList("data/date_updated.txt")
