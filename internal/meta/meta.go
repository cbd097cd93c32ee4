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
	"time"

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
func Extract(doc dom.Node, pageURL string) article.Metadata {
	if doc.Nil() {
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
	// Headline is the page's <h1> when the title chosen is only the
	// site's name, else "". The content stage anchors its root on the
	// heading that repeats the title, so the pipeline gives this the
	// title only once the body is chosen (see pipeline.go).
	Headline string
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
	h1 := c.headline // a page without <h1> may name its headline by class
	if head != nil {
		h1 = head.text
	}
	var titleSrc string
	m.Title, titleSrc = chooseTitle(c.titleCandidates(ld), h1, head == nil, sites)
	if head != nil && titleSrc != srcH1 && !isSiteRoot(firstNonEmpty(m.CanonicalURL, m.URL)) {
		// A site's front page is rightly titled with the site's name.
		kinds.Headline = siteOnlyTitle(m.Title, h1, sites)
		if kinds.Headline == "" && declaresArticle(kinds) {
			kinds.Headline = sectionOnlyTitle(m.Title, rawTitle(c.titleCandidates(ld), titleSrc), h1, sites)
		}
	}
	m.Sources = addSource(m.Sources, "title", titleSrc)
	m.Description = dom.Collapse(firstNonEmpty(c.firstMeta(descriptionKeys[:1]), ld.description, c.firstMeta(descriptionKeys[1:])))
	m.Subtitle = c.subtitle(head, m.Title, ld, m.Description)
	var authorSrc string
	m.Authors, authorSrc = c.authors(ld, head, sites)
	m.Sources = addSource(m.Sources, "authors", authorSrc)
	var pubSrc, modSrc string
	m.Published, m.Modified, pubSrc, modSrc = c.dates(ld, head, pageURL, m.CanonicalURL)
	m.Sources = addSource(m.Sources, "published", pubSrc)
	m.Sources = addSource(m.Sources, "modified", modSrc)
	m.Language, m.DeclaredLanguage = c.language(ld, &m, head)
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
	cands := []titleCandidate{{raw: ld.headline, trusted: true, src: srcJSONLD}}
	for _, k := range titleKeys {
		if v := c.metas[k]; v != "" {
			cands = append(cands, titleCandidate{raw: v, trusted: k == "headline" || k == "article.headline", src: srcMeta + k})
		}
	}
	return append(cands, titleCandidate{raw: c.title, src: srcTitle})
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
	if !next.Nil() && !c.labels.IsHidden(next) {
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
func (c *collector) authors(ld ldInfo, head *heading, sites []string) ([]string, string) {
	var people, orgs []string
	for _, a := range ld.authors {
		if a.org {
			orgs = append(orgs, a.name)
		} else {
			people = append(people, a.name)
		}
	}
	// A news agency named in the markup ("Reuters") is the author only
	// when the page prints no byline of a person's: it is the wire
	// credit, kept as the last resort.
	var wire []string
	var wireSrc string
	if names := cleanAuthors(people, false, sites); len(names) > 0 {
		if !onlyWireCredits(names) {
			return names, srcJSONLD
		}
		wire, wireSrc = names, srcJSONLD
	}
	for _, k := range authorKeys {
		vals := c.multi[k]
		if len(vals) == 0 && c.metas[k] != "" {
			vals = []string{c.metas[k]}
		}
		if names := cleanAuthors(vals, false, sites); len(names) > 0 {
			if !onlyWireCredits(names) {
				return names, srcMeta + k
			}
			if wire == nil {
				wire, wireSrc = names, srcMeta+k
			}
		}
	}
	// Bylines: in the article before elsewhere, microdata before rel=author
	// before class names; the names of the first byline of the best group
	// and of the bylines right after it (co-authors), not those further on
	// (the authors of comments, posts or teasers).
	sort.SliceStable(c.bylines, func(i, j int) bool {
		a, b := c.bylines[i], c.bylines[j]
		if a.inArticle != b.inArticle {
			return a.inArticle
		}
		return a.rank < b.rank
	})
	for i := 0; i < len(c.bylines); {
		j := i
		for j < len(c.bylines) && c.bylines[j].inArticle == c.bylines[i].inArticle && c.bylines[j].rank == c.bylines[i].rank {
			j++
		}
		// The first byline of the group with a name anchors it.
		for a := i; a < j; a++ {
			names := cleanAuthors([]string{c.bylines[a].text}, true, sites)
			if len(names) == 0 {
				continue
			}
			group := []string{c.bylines[a].text}
			for _, b := range c.bylines[a+1 : j] {
				if p := b.textPos - c.bylines[a].textPos; p >= 0 && p <= coAuthorReach {
					group = append(group, b.text)
				}
			}
			return cleanAuthors(group, true, sites), srcByline
		}
		i = j
	}
	if names := c.visibleBylineNames(head, sites); len(names) > 0 {
		return names, srcText
	}
	if wire != nil {
		return wire, wireSrc
	}
	if names := cleanAuthors(orgs, false, sites); len(names) > 0 {
		return names, srcJSONLD
	}
	return nil, ""
}

// coAuthorReach is how much text may stand between the first byline and
// a co-author's.
const coAuthorReach = 200

// Where a visible "By ..." line may stand: this much text before the
// headline or after it.
const (
	byLineBefore = 300
	byLineAfter  = 600
)

// visibleBylineNames reads the names of the first visible "By ..." line
// near the headline: its first piece, and a further piece only after a
// joining word ("and", "&", "und").
func (c *collector) visibleBylineNames(head *heading, sites []string) []string {
	if head == nil {
		return nil
	}
	start := head.textEnd - len(head.text) - 1
	for _, l := range c.byLines {
		if l.textPos < start-byLineBefore || l.textPos > head.textEnd+byLineAfter {
			continue
		}
		var keep []string
		joined := true
		for _, piece := range strings.Split(l.text, bylinePieceSep) {
			piece = strings.TrimSpace(piece)
			if piece == "" {
				continue
			}
			if authorJoiners[strings.ToLower(piece)] || piece == "," {
				joined = true
				continue
			}
			if !joined {
				break
			}
			keep = append(keep, piece)
			joined = false
		}
		if names := cleanAuthors(keep, true, sites); len(names) > 0 {
			return names
		}
	}
	return nil
}

// Sources of the dates, as Metadata.Sources gives them.
const (
	srcJSONLD    = "json-ld"
	srcMeta      = "meta:" // followed by the key
	srcTime      = "time"
	srcText      = "text"
	srcByline    = "byline"
	srcAttribute = "attribute"
	srcURL       = "url"
	srcTitle     = "title" // the <title> element
	srcH1        = "h1"
	srcPrinted   = "+printed-day" // appended when the printed day replaced a UTC timestamp's
	srcLocal     = "+local-time"  // appended when a <time> gave a UTC timestamp's instant with its local offset
	srcModified  = "modified:"    // published taken from the modification date, then its source
)

// dates picks the publication and modification dates, each with its
// source, in trust order: JSON-LD, meta tags, <time> elements (in the
// article first), dates printed near the headline or in date and byline
// elements, ISO dates in other elements' attributes, and last the
// /yyyy/mm/dd/ of the URL. A publication timestamp in UTC that a <time>
// writes with the page's own offset, on another day, is taken as written
// there; else, if its day is one off the day the page prints, it gives
// way to the printed day.
func (c *collector) dates(ld ldInfo, head *heading, urls ...string) (pub, mod, pubSrc, modSrc string) {
	set := func(dst, src *string, v, from string) {
		if *dst == "" && v != "" {
			*dst, *src = v, from
		}
	}
	set(&pub, &pubSrc, parseDate(ld.published), srcJSONLD)
	set(&mod, &modSrc, parseDate(ld.modified), srcJSONLD)
	if pub == "" {
		if v, k := c.metaDate(publishedKeys, isPublishedKey); v != "" {
			pub, pubSrc = v, srcMeta+k
		}
	}
	if mod == "" {
		if v, k := c.metaDate(modifiedKeys, isModifiedKey); v != "" {
			mod, modSrc = v, srcMeta+k
		}
	}
	for _, inArt := range []bool{true, false} {
		for _, t := range c.times {
			if t.inArticle != inArt {
				continue
			}
			if d := parseDate(t.text); d != "" {
				if t.modified {
					set(&mod, &modSrc, d, srcTime)
				} else {
					set(&pub, &pubSrc, d, srcTime)
				}
			}
		}
	}
	// Dates printed for people: date elements, the text around the
	// headline, bylines.
	printed := c.printedTexts(head)
	for _, t := range printed {
		if pub != "" {
			// A modification date is looked for only in the text that
			// gave the publication date ("Published ... Updated ...").
			break
		}
		scanTextDates(t.text, func(p printedDate) bool {
			d := formatDay(p.y, p.m, p.d)
			if p.updated || t.modified {
				set(&mod, &modSrc, d, t.src)
				return pub == ""
			}
			set(&pub, &pubSrc, d, t.src)
			return mod == "" && t.src == srcText
		})
	}
	for _, inArt := range []bool{true, false} {
		for _, t := range c.attrDates {
			if t.inArticle == inArt && !t.modified {
				set(&pub, &pubSrc, t.text, srcAttribute)
			}
		}
	}
	for _, u := range urls {
		set(&pub, &pubSrc, urlDate(u), srcURL)
	}
	if strings.HasSuffix(pub, "Z") && pubSrc != srcURL {
		if local := c.localTime(pub); local != "" {
			pub, pubSrc = local, pubSrc+srcLocal
		}
	}
	if strings.HasSuffix(pub, "Z") && pubSrc != srcURL {
		if day := c.printedDay(pub, printed, urls); day != "" && oneDayOffUTC(pub, day) {
			pub, pubSrc = day, pubSrc+srcPrinted
		}
	}
	if pub == "" && mod != "" {
		// A page that dates itself only by its last update: that is the
		// best date there is, and the source says so.
		pub, pubSrc = mod, srcModified+modSrc
	}
	return pub, mod, pubSrc, modSrc
}

// printedText is a piece of visible text that may hold a date.
type printedText struct {
	text     string
	src      string
	modified bool
}

// printedTexts lists the visible texts that may print the page's dates,
// in trust order: date elements in the article, then elsewhere, the text
// after the headline, the text before it, bylines, the text around the
// page's first <h1> when the headline is another, then the visible "By
// ..." lines wherever they stand (the names and the date of "By Jane Doe
// | April 8, 2024").
func (c *collector) printedTexts(head *heading) []printedText {
	var out []printedText
	for _, inArt := range []bool{true, false} {
		for _, t := range c.dateTexts {
			if t.inArticle == inArt {
				out = append(out, printedText{text: t.text, src: srcText, modified: t.modified})
			}
		}
	}
	if head != nil {
		out = append(out, printedText{text: head.after.String(), src: srcText}, printedText{text: head.before, src: srcText})
	}
	for _, b := range c.bylines {
		out = append(out, printedText{text: b.text, src: srcByline})
	}
	if all := c.h1All; all != nil && all != head {
		// The article's <h1> is another heading further on (an item's
		// in a list of picks): the page's first <h1> is the headline
		// its dateline stands by.
		out = append(out, printedText{text: all.after.String(), src: srcText}, printedText{text: all.before, src: srcText})
	}
	for _, l := range c.byLines {
		out = append(out, printedText{text: l.text, src: srcByline})
	}
	return out
}

// localTime returns the publication timestamp pub, written in UTC, as a
// <time> element of the page writes the same instant with its own UTC
// offset, when that puts it on another calendar day; else "". The page's
// offset is its local time, and its day the one the page means.
func (c *collector) localTime(pub string) string {
	ts, err := time.Parse(time.RFC3339, pub)
	if err != nil {
		return ""
	}
	for _, t := range c.times {
		if t.modified {
			continue
		}
		v := parseDate(t.text)
		if len(v) <= len(time.DateOnly) || strings.HasSuffix(v, "Z") {
			continue
		}
		lt, err := time.Parse(time.RFC3339, v)
		if err == nil && lt.Equal(ts) && lt.Day() != ts.Day() {
			return v
		}
	}
	return ""
}

// printedDay is the first publication day the page prints: in the text
// of the <time> element that holds the timestamp pub, in a date element
// or near the headline, else in the URL's path. Bylines are left out.
func (c *collector) printedDay(pub string, printed []printedText, urls []string) string {
	for _, t := range c.times {
		if t.shown == "" || t.modified || parseDate(t.text) != pub {
			continue
		}
		if p, ok := firstTextDate(t.shown, true); ok {
			return formatDay(p.y, p.m, p.d)
		}
	}
	for _, t := range printed {
		if t.modified || t.src != srcText {
			continue
		}
		if p, ok := firstTextDate(t.text, true); ok {
			return formatDay(p.y, p.m, p.d)
		}
	}
	for _, u := range urls {
		if d := urlDate(u); d != "" {
			return d
		}
	}
	return ""
}

// oneDayOffUTC reports a timestamp in UTC whose day is one day off day,
// at an hour some time zone (UTC-12 to UTC+14) puts on day. A timestamp
// with its own offset is kept: its day is already the local one.
func oneDayOffUTC(ts, day string) bool {
	if len(ts) <= 10 || !strings.HasSuffix(ts, "Z") {
		return false
	}
	t, err1 := time.Parse(time.RFC3339, ts)
	d, err2 := time.Parse(time.DateOnly, day)
	if err1 != nil || err2 != nil {
		return false
	}
	utcDay := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	switch d.Sub(utcDay) {
	case 24 * time.Hour: // east of Greenwich, already the next day
		return t.Hour() >= 10
	case -24 * time.Hour: // west of it, still the day before
		return t.Hour() < 12
	}
	return false
}

// metaDate returns the first date among the meta keys, then among any
// other meta key that generic says names the same date, with its key.
func (c *collector) metaDate(keys []string, generic func(string) bool) (string, string) {
	for _, k := range keys {
		if v := c.metas[k]; v != "" {
			if d := parseDate(v); d != "" {
				return d, k
			}
		}
	}
	// Map order is random: take the generic keys in name order.
	var other []string
	for k := range c.metas {
		if generic(k) {
			other = append(other, k)
		}
	}
	sort.Strings(other)
	for _, k := range other {
		if d := parseDate(c.metas[k]); d != "" {
			return d, k
		}
	}
	return "", ""
}

// isPublishedKey reports a meta key that names a publication date though
// it is in no table: "published", "w-published-date", "publication-date".
func isPublishedKey(k string) bool {
	return (strings.Contains(k, "publish") || strings.Contains(k, "publication")) &&
		!strings.Contains(k, "publisher") && !isModifiedKey(k)
}

// isModifiedKey reports a meta key that names a modification date:
// "updated", "last-modified-date", "revised".
func isModifiedKey(k string) bool {
	return strings.Contains(k, "modif") || strings.Contains(k, "updated") || strings.Contains(k, "revised")
}

// language reads the declared language, else detects it from the
// headline, description and the text after the headline. The declared
// language is returned twice: the pipeline weighs it against the body
// text once that is known (DecideLanguage).
func (c *collector) language(ld ldInfo, m *article.Metadata, head *heading) (lang, declared string) {
	for _, v := range []string{c.htmlLang, c.firstMeta(languageKeys[:1]), c.firstMeta(languageKeys[1:]), ld.language} {
		if l := normalizeLang(v); l != "" {
			return l, l
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
	return DetectLanguage(b.String()), ""
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

// addSource records where a field came from.
func addSource(m map[string]string, field, src string) map[string]string {
	if src == "" {
		return m
	}
	if m == nil {
		m = make(map[string]string, 4)
	}
	m[field] = src
	return m
}
