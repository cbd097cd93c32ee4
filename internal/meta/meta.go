// Package meta reads a page's metadata: headline, standfirst, authors,
// dates, site name, language, description, lead image, canonical address
// and tags.
//
// Extract walks the parsed tree once, gathering every candidate (meta
// tags, JSON-LD, <title>, the first <h1>, bylines, <time> elements, date
// text) into a per-call collector, then picks each field from its sources
// in trust order. Nothing is fatal: a field with no good source is left
// empty. The heuristics are data: Go tables in tables.go and phrase lists
// in data/.
package meta

import (
	"net/url"
	"sort"
	"strings"

	"golang.org/x/net/html"

	"github.com/winnow-go/winnow/article"

	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
)

// maxTags caps the number of tags kept.
const maxTags = 50

// Extract reads the metadata of a parsed page. pageURL may be empty; when
// given it is the page's URL, resolves relative image and canonical
// addresses, and is a weak source of the publication date. doc is not
// changed. Extract is safe for concurrent use.
func Extract(doc *html.Node, pageURL string) article.Metadata {
	if doc == nil {
		return article.Metadata{URL: pageURL}
	}
	t := label.Label(doc)
	defer t.Release()
	return ExtractLabelled(t, pageURL)
}

// ExtractLabelled is Extract over a page the label pass has labelled: the
// pipeline labels once for the metadata and the content stages, so both
// agree on what the page hides. It does not change t.
func ExtractLabelled(t *label.Tree, pageURL string) article.Metadata {
	m, _ := ExtractKinds(t, pageURL)
	return m
}

// Kinds is what a page's markup declares about what kind of page it is:
// the schema.org types of its JSON-LD objects and microdata items, and
// its og:type. Types are lowercased names without their vocabulary
// ("NewsArticle" of "https://schema.org/NewsArticle"), one entry per
// object or item, in page order, so a count tells one product from a
// grid of them.
type Kinds struct {
	LD        []string
	Microdata []string
	OGType    string
}

// maxKinds caps the types Kinds keeps from each source.
const maxKinds = 256

// ExtractKinds is ExtractLabelled that also returns what the page's
// markup declares about its kind, read in the same pass.
func ExtractKinds(t *label.Tree, pageURL string) (article.Metadata, Kinds) {
	m := article.Metadata{URL: pageURL}
	c := newCollector(t)
	c.walk(t.Root(), 0, walkState{})
	if c.stop.Done() {
		return m, Kinds{} // the caller drops it and returns the context's error
	}
	ld := readJSONLD(c.jsonld)
	kinds := Kinds{LD: ld.types, Microdata: c.itemTypes, OGType: strings.ToLower(strings.TrimSpace(c.metas["og:type"]))}

	base := absoluteURL(pageURL)
	m.CanonicalURL = resolveURL(firstNonEmpty(c.canonical, c.metas["og:url"]), base)
	if base == "" {
		base = absoluteURL(m.CanonicalURL)
	}
	if m.URL == "" {
		m.URL = m.CanonicalURL
	}

	m.SiteName = siteNameOf(dom.Collapse(firstNonEmpty(c.metas["og:site_name"], ld.publisher, ld.siteName, c.firstMeta(siteNameKeys))))
	sites := siteKeys(&m, c, ld)

	head := c.h1Art
	if head == nil {
		head = c.h1All
	}
	h1 := ""
	if head != nil {
		h1 = head.text
	}
	m.Title = chooseTitle(c.titleCandidates(ld), h1, sites)
	m.Description = dom.Collapse(firstNonEmpty(c.firstMeta(descriptionKeys[:1]), ld.description, c.firstMeta(descriptionKeys[1:])))
	m.Subtitle = c.subtitle(head, m.Title, ld, m.Description)
	m.Authors = c.authors(ld, sites)
	m.Published, m.Modified = c.dates(ld, head, pageURL, m.CanonicalURL)
	m.Language = c.language(ld, &m, head)
	m.Image = resolveURL(firstNonEmpty(c.firstMeta(imageKeys), ld.image, c.imageSrc), base)
	m.Tags = c.tags(ld)
	return m, kinds
}

// firstMeta returns the first non-empty meta value among keys.
func (c *collector) firstMeta(keys []string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(c.metas[k]); v != "" {
			return v
		}
	}
	return ""
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// titleCandidates lists the headline sources in trust order.
func (c *collector) titleCandidates(ld ldInfo) []titleCandidate {
	cands := []titleCandidate{{raw: ld.headline, trusted: true}}
	for _, k := range titleKeys {
		if v := c.metas[k]; v != "" {
			cands = append(cands, titleCandidate{raw: v, trusted: k == "headline" || k == "article.headline"})
		}
	}
	return append(cands, titleCandidate{raw: c.title})
}

// siteKeys lists the folded names the site goes by: its declared names
// and its host name, whole and without its public suffix.
func siteKeys(m *article.Metadata, c *collector, ld ldInfo) []string {
	var keys []string
	add := func(s string) {
		if k := normKey(s); k != "" {
			for _, e := range keys {
				if e == k {
					return
				}
			}
			keys = append(keys, k)
		}
	}
	add(m.SiteName)
	add(ld.publisher)
	add(ld.siteName)
	for _, k := range siteNameKeys {
		add(c.metas[k])
	}
	add(strings.TrimPrefix(c.metas["twitter:site"], "@"))
	for _, u := range []string{m.URL, m.CanonicalURL} {
		pu, err := url.Parse(u)
		if err != nil || pu.Host == "" {
			continue
		}
		host := strings.TrimPrefix(strings.ToLower(pu.Hostname()), "www.")
		add(host)
		// The registrable label: "nytimes" of nytimes.com,
		// "express" of express.co.uk.
		labels := strings.Split(host, ".")
		for len(labels) > 1 && len(labels[len(labels)-1]) <= 3 {
			labels = labels[:len(labels)-1]
			if len(labels) > 0 && len(labels[len(labels)-1]) > 3 {
				break
			}
		}
		if len(labels) > 0 {
			add(labels[len(labels)-1])
		}
	}
	return keys
}

// subtitle picks the standfirst: a dedicated element shortly after the
// headline, else a JSON-LD alternative headline or the description when
// the same words stand as visible text right after the headline.
func (c *collector) subtitle(head *heading, title string, ld ldInfo, desc string) string {
	if head == nil {
		return ""
	}
	titleKey := normKey(title)
	for _, s := range c.subs {
		if s.textPos < head.textEnd || s.textPos-head.textEnd > subtitleReach {
			continue
		}
		if k := normKey(s.text); k != titleKey && k != normKey(head.text) {
			return s.text
		}
	}
	// Text inside <p> is left out: a description that repeats the first
	// paragraph is the body's lead, not a standfirst. The element right
	// after the headline is the exception.
	after := normKey(head.afterNP.String())
	next := dom.NextElement(head.node)
	nextText := ""
	if next != nil && !c.labels.IsHidden(next) {
		nextText = c.nodeText(next, subtitleMax+1)
	}
	nextKey := normKey(nextText)
	for _, v := range []string{ld.alternative, desc} {
		v = dom.Collapse(v)
		k := normKey(strings.TrimRight(v, ".…"))
		if len(v) < subtitleMin || k == titleKey {
			continue
		}
		if len(k) > 120 {
			k = k[:120]
		}
		if len(nextText) <= subtitleMax && strings.HasPrefix(nextKey, k) && !startsWithByline(nextText) {
			return nextText
		}
		if strings.Contains(after, k) {
			return v
		}
	}
	return ""
}

// authors takes names from the most trusted source that has any:
// JSON-LD, then meta tags, then bylines in the page.
func (c *collector) authors(ld ldInfo, sites []string) []string {
	var people, orgs []string
	for _, a := range ld.authors {
		if a.org {
			orgs = append(orgs, a.name)
		} else {
			people = append(people, a.name)
		}
	}
	if names := cleanAuthors(people, false, sites); len(names) > 0 {
		return names
	}
	for _, k := range authorKeys {
		vals := c.multi[k]
		if len(vals) == 0 && c.metas[k] != "" {
			vals = []string{c.metas[k]}
		}
		if names := cleanAuthors(vals, false, sites); len(names) > 0 {
			return names
		}
	}
	// Bylines: in the article before elsewhere, microdata before rel=author
	// before class names; all names of the best group.
	sort.SliceStable(c.bylines, func(i, j int) bool {
		a, b := c.bylines[i], c.bylines[j]
		if a.inArticle != b.inArticle {
			return a.inArticle
		}
		return a.rank < b.rank
	})
	for i := 0; i < len(c.bylines); {
		j := i
		var group []string
		for j < len(c.bylines) && c.bylines[j].inArticle == c.bylines[i].inArticle && c.bylines[j].rank == c.bylines[i].rank {
			group = append(group, c.bylines[j].text)
			j++
		}
		if names := cleanAuthors(group, true, sites); len(names) > 0 {
			return names
		}
		i = j
	}
	return cleanAuthors(orgs, false, sites)
}

// dates picks the publication and modification dates in trust order:
// JSON-LD, meta tags, <time> elements (in the article first), the URL,
// then date text in the page.
func (c *collector) dates(ld ldInfo, head *heading, urls ...string) (pub, mod string) {
	pub = parseDate(ld.published)
	mod = parseDate(ld.modified)
	if pub == "" {
		pub = c.metaDate(publishedKeys)
	}
	if mod == "" {
		mod = c.metaDate(modifiedKeys)
	}
	for _, inArt := range []bool{true, false} {
		for _, t := range c.times {
			if t.inArticle != inArt {
				continue
			}
			if d := parseDate(t.text); d != "" {
				if t.modified && mod == "" {
					mod = d
				} else if !t.modified && pub == "" {
					pub = d
				}
			}
		}
	}
	if pub == "" {
		for _, u := range urls {
			if pub = urlDate(u); pub != "" {
				break
			}
		}
	}
	for _, inArt := range []bool{true, false} {
		for _, t := range c.dateTexts {
			if t.inArticle != inArt || (t.modified && mod != "") || (!t.modified && pub != "") {
				continue
			}
			if y, mo, d, ok := findTextDate(t.text); ok {
				if t.modified {
					mod = formatDay(y, mo, d)
				} else {
					pub = formatDay(y, mo, d)
				}
			}
		}
	}
	if pub == "" && head != nil {
		if y, mo, d, ok := findTextDate(head.after.String()); ok {
			pub = formatDay(y, mo, d)
		}
	}
	return pub, mod
}

func (c *collector) metaDate(keys []string) string {
	for _, k := range keys {
		if v := c.metas[k]; v != "" {
			if d := parseDate(v); d != "" {
				return d
			}
		}
	}
	return ""
}

// language reads the declared language, else detects it from the
// headline, description and the text after the headline.
func (c *collector) language(ld ldInfo, m *article.Metadata, head *heading) string {
	for _, v := range []string{c.htmlLang, c.firstMeta(languageKeys[:1]), c.firstMeta(languageKeys[1:]), ld.language} {
		if l := normalizeLang(v); l != "" {
			return l
		}
	}
	var b strings.Builder
	b.WriteString(m.Title)
	b.WriteString(". ")
	b.WriteString(m.Description)
	b.WriteString(". ")
	if head != nil {
		b.WriteString(head.after.String())
	}
	return DetectLanguage(b.String())
}

// tags gathers article:tag, JSON-LD keywords, keyword meta tags and
// rel=tag links, trimmed and de-duplicated without regard to case.
func (c *collector) tags(ld ldInfo) []string {
	var out []string
	seen := make(map[string]bool)
	add := func(t string) {
		t = dom.Collapse(strings.Trim(t, " \t\n#,;"))
		k := strings.ToLower(t)
		if t == "" || len(t) > 80 || seen[k] || strings.Contains(t, "://") || len(out) >= maxTags {
			return
		}
		seen[k] = true
		out = append(out, t)
	}
	for _, k := range []string{"article:tag", "og:article:tag"} {
		for _, v := range c.multi[k] {
			add(v)
		}
	}
	for _, t := range ld.keywords {
		add(t)
	}
	for _, k := range keywordKeys {
		for _, t := range splitList(c.metas[k]) {
			add(t)
		}
	}
	for _, t := range c.relTags {
		add(t)
	}
	return out
}

// absoluteURL returns u trimmed when it is an absolute http(s) URL, else "".
func absoluteURL(u string) string {
	u = strings.TrimSpace(u)
	p, err := url.Parse(u)
	if err != nil || p.Host == "" || (p.Scheme != "http" && p.Scheme != "https") {
		return ""
	}
	return u
}

// resolveURL is dom.Resolve for an address the page declares about
// itself: one that does not parse is no address at all.
func resolveURL(ref, base string) string {
	if _, err := url.Parse(strings.TrimSpace(ref)); err != nil {
		return ""
	}
	return dom.Resolve(ref, base)
}

// siteNameOf turns a site name given as an address ("https://www.example.com/")
// into the host name people read ("example.com"); any other name is kept.
func siteNameOf(name string) string {
	if !strings.HasPrefix(name, "http://") && !strings.HasPrefix(name, "https://") {
		return name
	}
	u, err := url.Parse(name)
	if err != nil || u.Host == "" {
		return name
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
