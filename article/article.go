// Package article holds the result types of an extraction: the Article, its
// metadata, the structured body as Blocks, and the pieces that were removed
// with the Reason each was removed for. It is data only, like go/ast: the
// extraction lives in package winnow and the writers in package render.
package article

import "time"

// Status says whether a page held main content and, if not, why. The values
// are the same words in Go, JSON and the CLI.
type Status string

const (
	// StatusOK means main content was found: an article, or the content of
	// another kind of page (see PageType).
	StatusOK Status = "ok"
	// StatusNotArticle is a home, section, listing or search page, refused
	// only when the caller asked for articles only.
	StatusNotArticle Status = "not_article"
	// StatusPaywalled is a page that shows only a teaser and a paywall.
	StatusPaywalled Status = "paywalled"
	// StatusBlocked is a bot challenge, an access-denied or an error page.
	StatusBlocked Status = "blocked"
	// StatusNeedsJS is an empty application shell that renders in the browser.
	StatusNeedsJS Status = "needs_js"
	// StatusTooShort is a page whose main text is too short to be an
	// article, refused only when the caller asked for articles only.
	StatusTooShort Status = "too_short"
	// StatusEmpty is a page with no main content at all.
	StatusEmpty Status = "empty"
)

// PageType says what kind of page the main content came from. The values
// are the same words in Go, JSON and the CLI.
type PageType string

const (
	// PageArticle is a news story, blog post or essay.
	PageArticle PageType = "article"
	// PageForum is a discussion thread: a question or post and its replies.
	PageForum PageType = "forum"
	// PageProduct is one product: its name, description, specs and reviews.
	PageProduct PageType = "product"
	// PageListing is a list of items each with a title and a summary: search
	// results, a news index, job or event listings.
	PageListing PageType = "listing"
	// PageDocumentation is a manual or reference page: prose, code, tables.
	PageDocumentation PageType = "documentation"
	// PageService is a company's or service's own page about what it offers.
	PageService PageType = "service"
	// PageCollection is a gallery or category page: an intro and its items.
	PageCollection PageType = "collection"
)

// Article is what winnow returns for one page. The JSON field names are part
// of winnow's public contract and must not change. The Metadata fields come
// first in JSON, as if written here.
type Article struct {
	Metadata
	Status Status `json:"status"`
	// PageType is the kind of page the content came from.
	PageType PageType `json:"page_type"`
	// Text is the body as plain text, one blank line between blocks. It holds
	// headings, paragraphs, lists, quotes, tables and code, but not figure
	// captions or credits, which live in their figure blocks.
	Text   string  `json:"text"`
	Blocks []Block `json:"blocks"`
	// Comments holds the page's comment section as blocks of its own,
	// cut from the body as always, when the caller asked to keep
	// comments (Options.Comments); it is absent otherwise, and when the
	// page has none. A forum thread's posts are its body, not comments.
	Comments []Block `json:"comments,omitempty"`
	// Removed lists what was cut and why. It is filled only when the caller
	// asks for an explanation.
	Removed []Removal `json:"removed,omitempty"`
}

// Metadata is the part of an Article that describes the page rather than
// holding its body. Extraction stages fill it before the body is known.
type Metadata struct {
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Subtitle  string   `json:"subtitle"`
	Authors   []string `json:"authors"`
	Published string   `json:"published"` // RFC 3339, or empty
	Modified  string   `json:"modified"`  // RFC 3339, or empty
	SiteName  string   `json:"site_name"`
	// Language is the ISO 639-1 code of the text: the one the page
	// declares, unless its body text is confidently in another language
	// the detector knows (then DeclaredLanguage keeps the declaration);
	// detected from the text when the page declares none.
	Language string `json:"language"`
	// DeclaredLanguage is the language the page declares (<html lang>,
	// Content-Language, og:locale or JSON-LD inLanguage) when it is not
	// Language. It is empty when the two agree or nothing is declared.
	DeclaredLanguage string   `json:"declared_language,omitempty"`
	Description      string   `json:"description"`
	Image            string   `json:"image"`
	CanonicalURL     string   `json:"canonical_url"`
	Tags             []string `json:"tags"`
	// Sources says where each of the title, authors, published and
	// modified fields was read: "json-ld", "meta:<key>", "time", "text",
	// "byline", "attribute", "url", "h1", "title" ("+printed-day" when
	// the day printed on the page replaced a UTC timestamp's). Fields
	// left empty have no entry.
	Sources map[string]string `json:"sources,omitempty"`
}

// PublishedTime returns Published as a time.Time, and whether there is
// one. A full date without a time of day ("2019-11-19") is midnight UTC
// of that day: read its calendar day with t.Date(), not in another zone.
func (m Metadata) PublishedTime() (time.Time, bool) { return parseStamp(m.Published) }

// ModifiedTime is PublishedTime for Modified.
func (m Metadata) ModifiedTime() (time.Time, bool) { return parseStamp(m.Modified) }

func parseStamp(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// BlockType names the kind of a Block.
type BlockType string

const (
	Heading   BlockType = "heading"
	Paragraph BlockType = "paragraph"
	List      BlockType = "list"
	Quote     BlockType = "quote"
	Table     BlockType = "table"
	Code      BlockType = "code"
	Figure    BlockType = "figure"
)

// Block is one piece of the article body. Which fields are set depends on
// Type:
//
//	heading    Level (1-6), Text
//	paragraph  Text
//	list       Items, Ordered
//	quote      Text
//	table      Rows (the first row is the header when it was marked up so)
//	code       Text (verbatim), Lang
//	figure     Src, Caption, Credit, Alt
//
// Marks and Lang are set only when the caller asked to keep formatting.
type Block struct {
	Type    BlockType  `json:"type"`
	Level   int        `json:"level,omitempty"`
	Text    string     `json:"text,omitempty"`
	Items   []string   `json:"items,omitempty"`
	Ordered bool       `json:"ordered,omitempty"`
	Rows    [][]string `json:"rows,omitempty"`
	Src     string     `json:"src,omitempty"`
	Alt     string     `json:"alt,omitempty"`
	Caption string     `json:"caption,omitempty"`
	Credit  string     `json:"credit,omitempty"`
	// Links holds the links of the block, in order, when the caller asked
	// to keep links.
	Links []Link `json:"links,omitempty"`
	// Marks holds the inline formatting of a heading, paragraph, quote or
	// list (bold, italic, inline code), in order of Start, when the
	// caller asked to keep formatting. Their offsets count as a Link's
	// do. Marks nest as the page's elements did: a bold word inside an
	// italic sentence is a bold mark inside an italic one, and one range
	// may carry two kinds.
	Marks []Mark `json:"marks,omitempty"`
	// Lang is a code block's language, as the page named it (a
	// "language-x" or "lang-x" class, a data-lang attribute), when the
	// caller asked to keep formatting.
	Lang string `json:"lang,omitempty"`
}

// MarkKind names the kind of a Mark.
type MarkKind string

const (
	Bold       MarkKind = "bold"   // <b>, <strong>
	Italic     MarkKind = "italic" // <i>, <em>
	InlineCode MarkKind = "code"   // <code>, <kbd>, <samp>, <tt>
)

// Mark is inline formatting inside a block: Text[Start:End] is set in
// Kind (in a list, the offsets count in the items joined by "\n").
type Mark struct {
	Kind  MarkKind `json:"kind"`
	Start int      `json:"start"`
	End   int      `json:"end"`
}

// Link is a hyperlink inside a block. Start and End are the byte offsets
// of the linked words in the block's Text (Text[Start:End] == the link's
// Text; in a list, the offsets count in the items joined by "\n"), so a
// word used twice is linked where the page linked it. A Link built by hand
// with End == 0 is placed on the first match of its Text after the
// previous link.
type Link struct {
	Text  string `json:"text"`
	Href  string `json:"href"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Reason says why a piece of the page was removed. Values are short
// lowercase words, the same in Go, JSON and --explain output.
type Reason string

const (
	ReasonNav            Reason = "nav"
	ReasonHeader         Reason = "header"
	ReasonFooter         Reason = "footer"
	ReasonShare          Reason = "share"
	ReasonFollow         Reason = "follow"
	ReasonSubscribe      Reason = "subscribe"
	ReasonLogin          Reason = "login"
	ReasonNewsletter     Reason = "newsletter"
	ReasonTeaser         Reason = "teaser"
	ReasonPaywall        Reason = "paywall"
	ReasonComments       Reason = "comments"
	ReasonAd             Reason = "ad"
	ReasonCookie         Reason = "cookie"
	ReasonSidebar        Reason = "sidebar"
	ReasonByline         Reason = "byline"
	ReasonCredit         Reason = "credit"
	ReasonCaption        Reason = "caption"
	ReasonDuplicate      Reason = "duplicate"
	ReasonHidden         Reason = "hidden"
	ReasonScript         Reason = "script"
	ReasonForm           Reason = "form"
	ReasonButton         Reason = "button"
	ReasonTitle          Reason = "title"
	ReasonMeta           Reason = "meta"
	ReasonLowTextDensity Reason = "low-text-density"
	ReasonLinkDensity    Reason = "link-density"
	ReasonOutsideArticle Reason = "outside-article"
	ReasonBoilerplate    Reason = "boilerplate"
)

// Removal is one piece of the page that was cut, with the reason.
type Removal struct {
	Text   string `json:"text"`
	Reason Reason `json:"reason"`
	// Before places the piece among the kept blocks: it stood on the page
	// after Blocks[Before-1] and before Blocks[Before] (0: before them
	// all; len(Blocks): after them all). Removals come in page order, so
	// Blocks and Removed interleave back into the page.
	Before int `json:"before"`
}
