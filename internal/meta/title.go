package meta

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/internal/dom"
)

// Limits for telling a site or section label from part of a headline.
const (
	siteTailMaxWords = 4  // a tail split off without a known site name
	sectionMaxWords  = 3  // a section label after the site name was cut
	siteMatchMinKey  = 5  // shortest folded name used for containment matches
	h1MinShare       = 40 // h1 must be at least this % of a title containing it
)

// matchesSite reports whether seg names one of the sites. Names are
// compared folded ("Express.co.uk" ~ "express.co.uk", "TheHill" ~
// "The Hill"); a segment of a few words may also contain or be contained in
// a site name of at least siteMatchMinKey letters ("San Antonio
// Express-News" ~ "expressnews").
func matchesSite(seg string, sites []string) bool {
	k := normKey(seg)
	if k == "" {
		return false
	}
	words := wordCount(seg)
	for _, s := range sites {
		if s == "" {
			continue
		}
		if k == s {
			return true
		}
		if words <= 6 && (len(s) >= siteMatchMinKey && strings.Contains(k, s) || len(k) >= siteMatchMinKey && strings.Contains(s, k)) {
			return true
		}
	}
	return false
}

// stripSite removes a site name, and the section labels before it, from
// either end of a title. It returns t unchanged when no segment matches.
func stripSite(t string, sites []string) string {
	for range 3 {
		cut := false
		for _, sep := range titleSeparators {
			// Suffix: try each occurrence from the right, so that both
			// "X - Site" and "X - Site - Tagline" are found.
			for end := len(t); ; {
				i := strings.LastIndex(t[:end], sep)
				if i <= 0 {
					break
				}
				if matchesSite(t[i+len(sep):], sites) {
					t = stripSections(strings.TrimSpace(t[:i]), sep)
					cut = true
					break
				}
				end = i
			}
			if cut {
				break
			}
			// Prefix: "Site | Headline", "Site | Section | Headline".
			if t, cut = stripSitePrefix(t, sep, sites, false); cut {
				break
			}
		}
		if !cut {
			// "Site: Section: Headline".
			for _, sep := range titlePrefixSeparators {
				if t, cut = stripSitePrefix(t, sep, sites, true); cut {
					break
				}
			}
		}
		if !cut {
			t, cut = stripSiteAffix(t, sites)
		}
		if !cut {
			break
		}
	}
	return t
}

// stripSitePrefix cuts the site's name before the first sep, and the
// section labels after it ("Site » Business » Headline"). With
// needSection it cuts only when a section follows the name: a brand
// before a colon and its tagline after ("Brand: The tool for teams") are
// the page's whole title.
func stripSitePrefix(t, sep string, sites []string, needSection bool) (string, bool) {
	i := strings.Index(t, sep)
	if i <= 0 || !matchesSite(t[:i], sites) {
		return t, false
	}
	rest := strings.TrimSpace(t[i+len(sep):])
	if rest == "" {
		return t, false
	}
	head := stripLeadingSections(rest, sep)
	if needSection && head == rest {
		return t, false
	}
	return head, true
}

// stripLeadingSections drops short section labels left at the start of a
// title after the site's name was cut: "Business » Headline" →
// "Headline". After a colon the headline must open with a capital, as
// a label's "Business: Rates rise" does and "Rates: why they rise" not.
func stripLeadingSections(t, sep string) string {
	for {
		i := strings.Index(t, sep)
		if i <= 0 {
			return t
		}
		head, rest := t[:i], strings.TrimSpace(t[i+len(sep):])
		if wordCount(head) > sectionMaxWords || wordCount(rest) < 3 {
			return t
		}
		if r, _ := utf8.DecodeRuneInString(rest); strings.TrimSpace(sep) == ":" && !unicode.IsUpper(r) {
			return t
		}
		t = rest
	}
}

// stripSiteAffix cuts the site's name written without a spaced
// separator: "Headline(Site)", "Headline（Site）", "Headline_Site".
func stripSiteAffix(t string, sites []string) (string, bool) {
	for _, br := range [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}} {
		if !strings.HasSuffix(t, br[1]) {
			continue
		}
		if i := strings.LastIndex(t, br[0]); i > 0 && matchesSite(t[i+len(br[0]):len(t)-len(br[1])], sites) {
			if head := strings.TrimSpace(t[:i]); head != "" {
				return head, true
			}
		}
	}
	if i := strings.LastIndex(t, "_"); i > 0 && matchesSite(t[i+1:], sites) {
		if head := strings.TrimSpace(t[:i]); head != "" {
			return head, true
		}
	}
	return t, false
}

// stripSections drops short section labels left at the end of a title
// after the site name was cut: "X | Science | News" → "X".
func stripSections(t, sep string) string {
	for {
		i := strings.LastIndex(t, sep)
		if i <= 0 {
			return t
		}
		tail, head := t[i+len(sep):], t[:i]
		if wordCount(tail) > sectionMaxWords || wordCount(head) < 3 {
			return t
		}
		t = strings.TrimSpace(head)
	}
}

// stripGenericTail drops a short trailing segment after a separator even
// without a known site name: "Long headline here | Brand".
func stripGenericTail(t string) string {
	best := -1
	bestSep := ""
	for _, sep := range titleSeparators {
		if !genericSeparators[sep] {
			continue
		}
		if i := strings.LastIndex(t, sep); i > best {
			best, bestSep = i, sep
		}
	}
	if best <= 0 {
		return t
	}
	tail, head := t[best+len(bestSep):], t[:best]
	if wordCount(tail) > siteTailMaxWords || wordCount(head) < 3 {
		return t
	}
	// A tail half the head's length or less is a brand; a longer one
	// still is when it is written as a name ("Millbrook Gazette"), not
	// as the rest of a sentence ("what it means").
	if len(head) >= 2*len(tail) || len(head) > len(tail) && isTitleCase(tail) {
		return strings.TrimSpace(head)
	}
	return t
}

// isTitleCase reports whether every word of s starts with a capital
// letter or a digit.
func isTitleCase(s string) bool {
	words := 0
	for w := range strings.FieldsSeq(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
		words++
	}
	return words > 0
}

// wordCount is len(strings.Fields(s)), without the slice.
func wordCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

// cleanTitle collapses white space and strips what stands around a
// headline without being part of it: separators left at either end,
// decorations and permalink signs (titleTrimRunes), Markdown heading
// marks ("## Headline") and quotes around the whole headline.
func cleanTitle(t string) string {
	t = dom.Collapse(t)
	t = strings.TrimFunc(t, func(r rune) bool { return unicode.IsSpace(r) || r == '|' || strings.ContainsRune(titleTrimRunes, r) })
	if rest := strings.TrimLeft(t, "#"); len(rest) < len(t) && strings.HasPrefix(rest, " ") {
		t = strings.TrimSpace(rest)
	}
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		n := strings.Count(t, q[0])
		if q[1] != q[0] {
			n += strings.Count(t, q[1])
		}
		if n == 2 && len(t) > len(q[0])+len(q[1]) && strings.HasPrefix(t, q[0]) && strings.HasSuffix(t, q[1]) {
			t = strings.TrimSpace(t[len(q[0]) : len(t)-len(q[1])])
		}
	}
	return t
}

// titleCandidate is one source of the headline.
type titleCandidate struct {
	raw     string
	trusted bool   // a headline field that never carries the site name
	src     string // where it was read, for Metadata.Sources
}

// isTitleTail reports whether key is the part of a candidate title after
// its last separator ("Headline | Site"): the site's name, which pages
// also print as a logo in an <h1>.
func isTitleTail(key string, cands []titleCandidate) bool {
	for _, c := range cands {
		t := cleanTitle(c.raw)
		for _, sep := range titleSeparators {
			// The tail is the shorter part: in "Opinion | Headline" the
			// headline is no site name.
			if i := strings.LastIndex(t, sep); i > 0 && i > len(t)-i && normKey(t[i+len(sep):]) == key {
				return true
			}
		}
	}
	return false
}

// An <h1> that replaces a title naming only the site has this many words:
// fewer is a label, more a paragraph set in a heading.
const (
	minHeadlineWords = 2
	maxHeadlineWords = 40
)

// siteOnlyTitle returns the <h1> text h1 when title is only the site's
// name and h1 reads as a headline (not the site's name or logo again), or
// "".
func siteOnlyTitle(title, h1 string, sites []string) string {
	h1 = cleanTitle(h1)
	if !isSiteKey(normKey(title), sites) || h1 == "" || matchesSite(h1, sites) || normKey(h1) == normKey(title) {
		return ""
	}
	if n := wordCount(h1); n < minHeadlineWords || n > maxHeadlineWords {
		return ""
	}
	return h1
}

// sectionOnlyTitle returns the <h1> text h1 when title, read from raw,
// is only a section's name ("Business" of "Business | Daily Ledger": a
// label of a few words left once the site's name was cut) and h1 is a
// headline longer than it that does not hold it, or "".
func sectionOnlyTitle(title, raw, h1 string, sites []string) string {
	h1 = cleanTitle(h1)
	tk, hk := normKey(title), normKey(h1)
	if tk == "" || hk == "" || normKey(raw) == tk || strings.Contains(hk, tk) || matchesSite(h1, sites) {
		return ""
	}
	if wordCount(title) > sectionMaxWords {
		return ""
	}
	if n := wordCount(h1); n <= sectionMaxWords || n > maxHeadlineWords {
		return ""
	}
	return h1
}

// rawTitle is the text of the title candidate read from src.
func rawTitle(cands []titleCandidate, src string) string {
	for _, c := range cands {
		if c.src == src {
			return cleanTitle(c.raw)
		}
	}
	return ""
}

// declaresArticle reports a page whose markup declares an article: a
// JSON-LD or microdata article type (og:type article is not enough: site
// builders give it to every page).
func declaresArticle(k Kinds) bool {
	for _, l := range [2][]string{k.LD, k.Microdata} {
		for _, t := range l {
			if articleTypes[t] {
				return true
			}
		}
	}
	return false
}

// isSiteRoot reports whether u is the address of a site's front page
// (no path beyond "/").
func isSiteRoot(u string) bool {
	p, err := url.Parse(u)
	return err == nil && p.Host != "" && strings.Trim(p.Path, "/") == ""
}

// chooseTitle picks the headline. A candidate that, once its site name is
// cut, equals the on-page h1 wins; then the h1 itself when a candidate
// contains it; then the first candidate in trust order.
//
// A candidate that is only the site's name gives way to h1 when
// articleHead says h1 is an element named as the headline on a page
// without <h1>. (Doing the same for an <h1> finds better titles, but the
// content stage anchors its root on the title's heading, which moves
// the body on some pages: that waits for the content stage.)
//
// It returns the title and where it was read.
func chooseTitle(cands []titleCandidate, h1 string, articleHead bool, sites []string) (string, string) {
	h1 = cleanTitle(h1)
	h1Key := normKey(h1)
	if h1Key != "" && (matchesSite(h1, sites) && wordCount(h1) <= 4 || isTitleTail(h1Key, cands)) {
		// A logo in an <h1>, not the headline.
		h1, h1Key = "", ""
	}
	cleaned := make([]string, len(cands))
	for i, c := range cands {
		cleaned[i] = stripSite(cleanTitle(c.raw), sites)
		if articleHead && h1Key != "" && isSiteKey(normKey(cleaned[i]), sites) {
			// The site's name alone: the named headline is better.
			cleaned[i] = ""
		}
	}
	if h1Key != "" {
		for i, c := range cleaned {
			if normKey(c) == h1Key {
				return c, cands[i].src
			}
		}
		for _, c := range cands {
			k := normKey(c.raw)
			if k != "" && strings.Contains(k, h1Key) && 100*len(h1Key) >= h1MinShare*len(k) {
				return h1, srcH1
			}
		}
	}
	for i, c := range cleaned {
		if c == "" {
			continue
		}
		// A JSON-LD headline cut at about 110 characters loses to the
		// full one from another source.
		if cands[i].trusted {
			if len(c) >= 100 {
				k := normKey(strings.TrimSuffix(c, "…"))
				for j, o := range cleaned[i+1:] {
					if len(o) > len(c) && strings.HasPrefix(normKey(o), k) {
						return o, cands[i+1+j].src
					}
				}
			}
			return c, cands[i].src
		}
		if h1Key == "" || !strings.Contains(normKey(c), h1Key) {
			return stripGenericTail(c), cands[i].src
		}
		return c, cands[i].src
	}
	if h1 == "" {
		return "", ""
	}
	return h1, srcH1
}
