// Package rules holds winnow's heuristics as data: which class and id
// tokens, ARIA roles, tags and phrases mark a piece of page chrome, and the
// Reason each produces. The content stage reads these tables; nothing else
// in winnow hard-codes a marker of page furniture.
package rules

import (
	"bytes"
	"strings"

	"github.com/winnow-go/winnow/article"
)

// DropTags are elements whose whole subtree never holds article text.
var DropTags = map[string]article.Reason{
	"script":   article.ReasonScript,
	"style":    article.ReasonScript,
	"noscript": article.ReasonScript,
	"template": article.ReasonScript,
	"head":     article.ReasonMeta,
	"svg":      article.ReasonScript,
	"canvas":   article.ReasonScript,
	"iframe":   article.ReasonAd,
	"object":   article.ReasonAd,
	"embed":    article.ReasonAd,
	"button":   article.ReasonButton,
	"select":   article.ReasonForm,
	"input":    article.ReasonForm,
	"textarea": article.ReasonForm,
	"option":   article.ReasonForm,
	"dialog":   article.ReasonBoilerplate,
	"menu":     article.ReasonNav,
}

// StructuralTags are HTML5 sectioning elements that mark chrome by
// themselves. They are weaker than DropTags: the content stage keeps one
// when it holds most of the page's text (some sites wrap the whole page in
// a <header> or an <aside>).
var StructuralTags = map[string]article.Reason{
	"nav":    article.ReasonNav,
	"aside":  article.ReasonSidebar,
	"footer": article.ReasonFooter,
	"form":   article.ReasonForm,
}

// Roles maps ARIA landmark and widget roles to the chrome they mark.
var Roles = map[string]article.Reason{
	"navigation":    article.ReasonNav,
	"menu":          article.ReasonNav,
	"menubar":       article.ReasonNav,
	"banner":        article.ReasonHeader,
	"contentinfo":   article.ReasonFooter,
	"complementary": article.ReasonSidebar,
	"search":        article.ReasonForm,
	"dialog":        article.ReasonBoilerplate,
	"alertdialog":   article.ReasonBoilerplate,
	"toolbar":       article.ReasonShare,
	"tablist":       article.ReasonNav,
}

// ChoiceInputTypes are the <input> types that offer a choice, and
// ChoiceRoles the ARIA roles of a group of choices: a <fieldset> holding
// such an input, the <label> of one, and an element of such a role are a
// picker (a shop's sizes and colours), cut on a product page.
var (
	ChoiceInputTypes = map[string]bool{"radio": true, "checkbox": true}
	ChoiceRoles      = map[string]bool{"radiogroup": true, "listbox": true}
)

// Tokens maps a class or id token (lower case, split on '-', '_', spaces
// and camelCase) to the chrome it marks. A token stands for itself only:
// "ad" matches class "ad-slot" but not "header" or "download".
var Tokens = map[string]article.Reason{
	// navigation and site furniture
	"nav": article.ReasonNav, "navbar": article.ReasonNav, "navigation": article.ReasonNav,
	"menu": article.ReasonNav, "breadcrumb": article.ReasonNav, "breadcrumbs": article.ReasonNav,
	"pagination": article.ReasonNav, "pager": article.ReasonNav, "skip": article.ReasonNav,
	"topbar": article.ReasonNav, "masthead": article.ReasonHeader, "jump": article.ReasonNav,
	"footer": article.ReasonFooter, "colophon": article.ReasonFooter, "copyright": article.ReasonFooter,
	"sidebar": article.ReasonSidebar, "rail": article.ReasonSidebar, "widget": article.ReasonSidebar,
	"sidebox": article.ReasonSidebar,
	// wiki furniture (MediaWiki and its imitators)
	"infobox": article.ReasonSidebar, "toc": article.ReasonNav, "navbox": article.ReasonNav,
	"hatnote": article.ReasonNav, "editsection": article.ReasonButton,
	// sharing and following
	"share": article.ReasonShare, "sharing": article.ReasonShare, "sharebar": article.ReasonShare,
	"social": article.ReasonShare, "sociable": article.ReasonShare, "addthis": article.ReasonShare,
	"sharethis": article.ReasonShare, "print": article.ReasonShare, "toolbar": article.ReasonShare,
	"tools": article.ReasonShare, "follow": article.ReasonFollow,
	// teasers
	"related": article.ReasonTeaser, "recommended": article.ReasonTeaser, "recommendations": article.ReasonTeaser,
	"recirc": article.ReasonTeaser, "recirculation": article.ReasonTeaser, "trending": article.ReasonTeaser,
	"popular": article.ReasonTeaser, "mostread": article.ReasonTeaser, "outbrain": article.ReasonTeaser,
	"taboola": article.ReasonTeaser, "teasers": article.ReasonTeaser, "readmore": article.ReasonTeaser,
	"morestories": article.ReasonTeaser, "further": article.ReasonTeaser, "upnext": article.ReasonTeaser,
	"carousel": article.ReasonTeaser, "slider": article.ReasonTeaser, "promo": article.ReasonAd,
	// comments
	"comment": article.ReasonComments, "comments": article.ReasonComments, "disqus": article.ReasonComments,
	"respond": article.ReasonComments, "discussion": article.ReasonComments, "replies": article.ReasonComments,
	// a forum post's signature: its author's line, printed under each of their posts
	"signature": article.ReasonByline,
	// subscriptions, accounts, paywalls
	"newsletter": article.ReasonNewsletter, "signup": article.ReasonNewsletter,
	"subscribe": article.ReasonSubscribe, "subscription": article.ReasonSubscribe,
	"subscriber": article.ReasonSubscribe, "membership": article.ReasonSubscribe,
	"paywall": article.ReasonPaywall, "piano": article.ReasonPaywall, "meter": article.ReasonPaywall,
	"login": article.ReasonLogin, "signin": article.ReasonLogin, "register": article.ReasonLogin,
	"account": article.ReasonLogin,
	// ads
	"ad": article.ReasonAd, "ads": article.ReasonAd, "adv": article.ReasonAd, "advert": article.ReasonAd,
	"advertisement": article.ReasonAd, "advertising": article.ReasonAd, "adsbygoogle": article.ReasonAd,
	"adslot": article.ReasonAd, "adunit": article.ReasonAd, "dfp": article.ReasonAd, "gpt": article.ReasonAd,
	"sponsor": article.ReasonAd, "sponsored": article.ReasonAd, "banner": article.ReasonAd,
	"commercial": article.ReasonAd,
	// notices and overlays
	"cookie": article.ReasonCookie, "cookies": article.ReasonCookie, "consent": article.ReasonCookie,
	"gdpr": article.ReasonCookie, "modal": article.ReasonBoilerplate, "popup": article.ReasonBoilerplate,
	"overlay": article.ReasonBoilerplate, "lightbox": article.ReasonBoilerplate,
	// page metadata printed in the page
	"byline": article.ReasonByline, "author": article.ReasonByline, "authors": article.ReasonByline,
	"dateline": article.ReasonByline, "timestamp": article.ReasonByline, "published": article.ReasonByline,
	"tags": article.ReasonMeta, "tag": article.ReasonMeta, "keywords": article.ReasonMeta,
	"categories": article.ReasonMeta, "meta": article.ReasonMeta,
	"credit": article.ReasonCredit, "credits": article.ReasonCredit,
	// a caption outside its figure repeats it (a copy for phones, a
	// caption set as a paragraph); inside a figcaption it is read as
	// the caption
	"caption": article.ReasonCaption,
}

// SoftMarks are the marks the content stage's fallback reading (a page
// whose first reading kept no words) lifts: names that say what a box
// usually is, not what it must be. Hidden is lifted only when the
// element is not an overlay (OverlayNames).
var SoftMarks = map[article.Reason]bool{
	article.ReasonSidebar:     true,
	article.ReasonTeaser:      true,
	article.ReasonMeta:        true,
	article.ReasonBoilerplate: true,
	article.ReasonHidden:      true,
	article.ReasonCaption:     true,
	article.ReasonByline:      true,
	article.ReasonCredit:      true,
}

// MenuMarks are the marks of the page's menus: a run of titles with such
// a menu cut between them is a footer's or a menu's column titles, not a
// grid of titled cards.
var MenuMarks = map[article.Reason]bool{
	article.ReasonNav: true, article.ReasonHeader: true, article.ReasonFooter: true, article.ReasonSidebar: true,
}

// OverlayNames are parts of a class or id that name a box shown over
// the page (a modal, a cookie or login dialog, a drawer menu). The
// content stage's fallback reading (a page whose first reading kept
// nothing) shows elements hidden by style or attribute, but never one
// so named.
var OverlayNames = []string{"modal", "dialog", "popup", "overlay", "lightbox", "cookie", "consent", "gdpr",
	"drawer", "login", "signin", "newsletter", "subscribe", "cart", "search", "menu", "toast", "notice"}

// ReviewTokens are class or id tokens naming a product's reviews
// ("reviews", "customer-reviews", "product_reviews"). Only the plural:
// "review" names a review article's own body as often as a widget. They
// are read only on pages declaring one product (content.Options.Product).
var ReviewTokens = map[string]bool{"reviews": true}

// HiddenClasses are whole class names that hide an element, folded by
// FoldClassName ("sr-only", "sr_only" and "srOnly" are all "sronly").
// They are matched as whole names, not tokens: "field-label-hidden" hides
// a label, not the field, and "hidden-900" or "md:hidden" hide only at
// some widths. Every stage reads this one table, through the label pass.
var HiddenClasses = map[string]bool{
	"hidden": true, "hide": true, "invisible": true, "dnone": true, "ishidden": true,
	"uhidden": true, "visuallyhidden": true, "sronly": true,
	"screenreadertext": true, "screenreaderonly": true, "offscreen": true, "elementinvisible": true,
}

// maxHiddenClass is the longest class name HasHiddenClass folds; longer
// names are never hiding classes.
const maxHiddenClass = 32

// ScreenReaderClasses are the hiding classes (HiddenClasses) that keep
// text for screen readers only: "Regular price" beside a price, "Variant
// sold out" in a size picker, "Skip to content". No script ever shows
// it, so the second reading of a page (content's fallback), which shows
// what a script would, leaves it hidden.
var ScreenReaderClasses = map[string]bool{
	"visuallyhidden": true, "sronly": true, "screenreadertext": true, "screenreaderonly": true, "offscreen": true,
}

// HasHiddenClass reports whether one of the space-separated names in
// class is a hiding class (HiddenClasses). It does not allocate.
func HasHiddenClass(class string) bool {
	return hasClassIn(class, HiddenClasses, &hiddenFilter)
}

// HasScreenReaderClass reports whether one of the space-separated names
// in class hides an element from sight only (ScreenReaderClasses). It
// does not allocate.
func HasScreenReaderClass(class string) bool {
	return hasClassIn(class, ScreenReaderClasses, &screenReaderFilter)
}

// hasClassIn reports whether one of the space-separated names in class,
// folded by FoldClassName, is in table. filter is table's wordFilter:
// most names fail it and skip the map.
func hasClassIn(class string, table map[string]bool, filter *[256]uint64) bool {
	var buf [maxHiddenClass]byte
	for name := range ClassNames(class) {
		if len(name) > maxHiddenClass {
			continue
		}
		if folded, ok := FoldClassName(buf[:0], name); ok && len(folded) > 0 &&
			filter[folded[0]]&(1<<len(folded)) != 0 && table[string(folded)] {
			return true
		}
	}
	return false
}

// hiddenFilter and screenReaderFilter are the wordFilters of
// HiddenClasses and ScreenReaderClasses.
var hiddenFilter, screenReaderFilter = wordFilter(HiddenClasses), wordFilter(ScreenReaderClasses)

// wordFilter has, for each first byte, a bit for each length (up to 63)
// of table's words that start with it.
func wordFilter(table map[string]bool) (f [256]uint64) {
	for w := range table {
		if len(w) > 0 && len(w) < 64 {
			f[w[0]] |= 1 << len(w)
		}
	}
	return f
}

// FoldClassName appends to dst a class name lower-cased without its
// hyphens and underscores. It reports false, for a name that is no plain
// word (it holds digits, colons or other punctuation).
func FoldClassName(dst []byte, name string) ([]byte, bool) {
	for i := 0; i < len(name); i++ {
		switch c := name[i]; {
		case 'a' <= c && c <= 'z':
			dst = append(dst, c)
		case 'A' <= c && c <= 'Z':
			dst = append(dst, c+'a'-'A')
		case c == '-' || c == '_':
		default:
			return dst, false
		}
	}
	return dst, true
}

// EmbedTokens mark an embedded post (a tweet, an Instagram or YouTube
// embed). The article quotes it, so it cancels a chrome token such as
// "social" on the same element.
var EmbedTokens = map[string]bool{"embed": true, "embedded": true, "oembed": true, "tweet": true, "instagram": true}

// TokenPrefixes catch chrome words run together with others in one token
// ("relatedposts", "sharebuttons"). Only words that open no common
// content word are listed: "comment" is not, for "commentary".
var TokenPrefixes = []struct {
	Prefix string
	Reason article.Reason
}{
	{"related", article.ReasonTeaser}, {"sidebar", article.ReasonSidebar}, {"footer", article.ReasonFooter},
	{"newsletter", article.ReasonNewsletter}, {"sharing", article.ReasonShare}, {"social", article.ReasonShare},
	{"breadcrumb", article.ReasonNav}, {"pagination", article.ReasonNav}, {"advert", article.ReasonAd},
	{"cookie", article.ReasonCookie}, {"outbrain", article.ReasonTeaser}, {"taboola", article.ReasonTeaser},
	{"disqus", article.ReasonComments}, {"subscribe", article.ReasonSubscribe}, {"navbar", article.ReasonNav},
}

// TokenReason looks a class or id token up in Tokens, then in TokenPrefixes.
func TokenReason(tok string) (article.Reason, bool) {
	if r, ok := Tokens[tok]; ok {
		return r, true
	}
	return TokenPrefixReason(tok)
}

// TokenPrefixReason looks a token up in TokenPrefixes alone, for a caller
// that has already found it missing from Tokens.
func TokenPrefixReason(tok string) (article.Reason, bool) {
	if len(tok) > 7 {
		for _, p := range TokenPrefixes {
			if len(tok) > len(p.Prefix) && tok[:len(p.Prefix)] == p.Prefix {
				return p.Reason, true
			}
		}
	}
	return "", false
}

// ContentTokens mark an element as a container of article text. An
// element that carries one is never removed for a chrome token alone,
// and it is favoured when the content stage picks the article's root.
var ContentTokens = map[string]bool{
	"article": true, "articlebody": true, "content": true, "entry": true, "post": true,
	"story": true, "storybody": true, "text": true, "body": true, "main": true,
	"prose": true, "richtext": true, "blog": true, "copy": true,
}

// StrongContentTokens are token pairs that name the article body itself
// ("article-body", "entry-content", ...). They outweigh a chrome token on
// the same element.
var StrongContentTokens = map[[2]string]bool{
	{"article", "body"}: true, {"article", "content"}: true, {"article", "text"}: true,
	{"entry", "content"}: true, {"post", "content"}: true, {"post", "body"}: true,
	{"story", "body"}: true, {"story", "content"}: true, {"story", "text"}: true,
	{"body", "text"}: true, {"main", "content"}: true, {"post", "entry"}: true,
	{"rich", "text"}: true, {"article", "main"}: true, {"blog", "post"}: true,
	{"news", "text"}: true, {"body", "copy"}: true,
	{"single", "content"}: true, {"td", "post"}: true, {"content", "body"}: true,
}

// ArticleBodyItemprops are schema.org itemprop values that name the body.
var ArticleBodyItemprops = map[string]bool{"articleBody": true, "articlebody": true, "text": true, "reviewBody": true}

// InlineTags are phrasing elements: their text runs on inside the block
// that holds them.
var InlineTags = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true,
	"data": true, "dfn": true, "em": true, "font": true, "i": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strike": true,
	"strong": true, "sub": true, "sup": true, "time": true, "tt": true, "u": true, "var": true,
	"wbr": true, "ins": true, "del": true, "label": true, "big": true, "nobr": true, "img": true,
	"picture": true, "source": true, "math": true, "ruby": true, "rt": true, "rp": true,
	// MathML inside a sentence stays in the sentence
	"mi": true, "mn": true, "mo": true, "ms": true, "mtext": true, "mrow": true, "msup": true,
	"msub": true, "msubsup": true, "mfrac": true, "msqrt": true, "mroot": true, "semantics": true,
	"annotation": true, "mspace": true, "mover": true, "munder": true,
}

// Weights are the numeric knobs of the content stage, gathered so that an
// evaluation can sweep them. DefaultWeights documents the values in use.
type Weights struct {
	// ChromeOuterShare: an element with a chrome token is kept anyway when
	// it holds at least this share of the page's text (it is then a page
	// wrapper with an unlucky class, not a widget).
	ChromeOuterShare float64
	// ChromeProseShare: likewise for a share of the page's prose (text
	// inside <p> and outside links).
	ChromeProseShare float64
	// MaxLinkDensity: a block whose linked share of words is above this is
	// navigation or a teaser, unless it is long.
	MaxLinkDensity float64
	// LongBlockWords: a block this long is kept against weak signals.
	LongBlockWords int
	// MinArticleWords: below this many words in the body the page is too_short.
	MinArticleWords int
	// MaxBlockedWords: a page with more body than this is never judged a
	// bot challenge or error page, whatever it says.
	MaxBlockedWords int
	// SmallPageText: a page with less text than this (in characters) is
	// small enough for a challenge phrase alone to mark it blocked.
	SmallPageText int
	// MaxShellText: an application shell has less text than this.
	MaxShellText int
	// MaxPaywalledWords: a paywalled teaser has fewer words than this.
	MaxPaywalledWords int
	// MaxListingWords: a listing page yields fewer body words than this.
	MaxListingWords int
	// MinListingTeasers: this many link-heavy blocks mark a listing.
	MinListingTeasers int
	// NamedBodyBoost and ContentBoost scale the root score of an element
	// named as the article body ("article-body", itemprop=articleBody),
	// or carrying a weaker content token or an <article>/<main> tag.
	NamedBodyBoost, ContentBoost float64
	// NamedBodyShare: an element named as the article body inside the
	// best root replaces it when it holds this share of its score.
	NamedBodyShare float64
	// ClimbLevels and ClimbShare: an element named as the article body
	// up to ClimbLevels above the best root replaces it when its score
	// is at least ClimbShare of the root's.
	ClimbLevels int
	ClimbShare  float64
	// TitleShare: the lowest element around the headline replaces the
	// root when it holds this share of the root's score.
	TitleShare float64
	// ExtendLevels, ExtendProseShare, ExtendChromeShare: the root is
	// widened to an ancestor up to ExtendLevels above it when the
	// ancestor adds at least ExtendProseShare of the root's prose votes
	// with chrome votes at most ExtendChromeShare of what it adds.
	ExtendLevels      int
	ExtendProseShare  float64
	ExtendChromeShare float64
	// MainShare and MainChromeShare: a root inside the page's <main>
	// (or role=main) that holds less than MainShare of the content votes
	// of what <main> keeps is one section of a page made of sections (a
	// service's landing page, a doc page under its header), and <main>
	// becomes the root, unless what <main> adds votes more than
	// MainChromeShare times as much against as for (a grid of linked
	// cards around a short intro). BodyShare is MainShare for a page
	// with no <main>, whose <body> is read in its place when the root is
	// in no article markup and does not hold the headline: there the
	// votes have already weighed the whole page, so the root widens
	// unless it holds nearly all of the body's content votes.
	MainShare       float64
	MainChromeShare float64
	BodyShare       float64
	// CaptionBodyFigures and CaptionBodyWords: a page with no prose
	// root but this many figures with captions of this many words is a
	// slideshow, whose captions vote and count as its body.
	CaptionBodyFigures int
	CaptionBodyWords   int
	// BadTextPenalty scales the words of chrome-looking blocks when an
	// element's score as the article root is computed.
	BadTextPenalty float64

	// Label pass.

	// SectionHeadingText: a "Related stories" or "Comments" heading with
	// more text than this (characters) is a headline, and cuts no section.
	SectionHeadingText int
	// LinkedHeadlineShare: a heading whose text is at least this share
	// link is a linked headline, the mark of a teaser card.
	LinkedHeadlineShare float64
	// CardRowHeads: an element holding one linked headline is a teaser
	// card when its parent holds at least this many; fewer spares story
	// pages that link their own headline, more misses short rows.
	CardRowHeads int
	// MaxCardText: an element with more text than this (characters) is
	// no teaser card, whatever its headline.
	MaxCardText int
	// MaxCardProse: an element with more prose than this (characters of
	// <p> text outside links) is an item of a listicle, not a teaser card:
	// a teaser's summary is a sentence or two.
	MaxCardProse int
	// ItemRowBodyShare: a row of cards holding this share of the text of
	// the element named as the article body around it is the article's
	// list of items, not a row of teasers.
	ItemRowBodyShare float64
	// SweepProseText and SweepProseLinks: an element with this much
	// paragraph text (characters), at most this share of it linked and
	// no linked headline, is prose: a "Related" heading does not sweep
	// it into its section.
	SweepProseText  int
	SweepProseLinks float64
	// MinPaywallText: a paywall-named box with this much unlinked text
	// (characters) is a paywall even without a paywall phrase.
	MinPaywallText int
	// MinProse: the least prose (characters) that pardons a marked
	// wrapper holding ChromeProseShare of the page's prose.
	MinProse int
	// FallbackProseText: a page whose first reading keeps no words but
	// that holds at least this many characters of unlinked text is read
	// again with the soft, name-only marks (sidebar, teaser, meta, ...)
	// lifted. Unlinked text, not <p> text: page builders set their prose
	// in <div>s.
	FallbackProseText int
	// CaptionStoryParagraphs: a caption-named element with this many <p>
	// children is a photo story's text, kept.
	CaptionStoryParagraphs int
	// ContestedProse and ContestedLinkShare: an element whose chrome mark
	// is contested (its tokens are weak, or it names itself as content
	// too) keeps no mark when it wraps at least ContestedProse characters
	// of unlinked text, half as much prose (in <p>), at most
	// ContestedLinkShare of its text linked and at most one linked
	// headline: it holds prose, not a widget.
	ContestedProse     int
	ContestedLinkShare float64
	// HeroProse: a contested element that holds the page's first <h1>
	// (mostly unlinked) and at least this much unlinked text besides
	// (characters), linked as little as ContestedLinkShare allows, is
	// the page's hero, a title and its intro, not a banner.
	HeroProse int
	// BuiltBlockText: on a page built of weakly named blocks (a page
	// builder's widgets holding ChromeProseShare of its prose), a weak
	// block keeps no mark when it holds a paragraph, a heading or at
	// least this much unlinked text (characters): a testimonial set in
	// <div>s, not a date or a badge line.
	BuiltBlockText int
	// BuiltBlocks: a page of at least this many weakly named blocks that
	// read as prose is built of them too when they hold ChromeProseShare
	// of its unlinked text, in <p> or not (testimonials and feature cards
	// set in <div>s); one or two such boxes (a carousel of products, a
	// reviews column) must hold its prose.
	BuiltBlocks int
	// MinHiddenProse and MaxShellProse: on a page that shows less
	// unlinked text than MaxShellText and less prose than MaxShellProse
	// (characters), an empty shell, a hidden element holding
	// MinHiddenProse of prose is shown: a wrapper that a script unhides.
	// Less is a closed menu or dialog.
	MinHiddenProse, MaxShellProse int

	// Blocks pass.

	// ParagraphBreaks: this many <br> in a row end a paragraph; fewer are
	// line breaks inside it.
	ParagraphBreaks int
	// MinDataTableRows: a table without a header needs this many rows to
	// be a data table.
	MinDataTableRows int
	// LayoutQuoteText: a blockquote with block children and more text
	// than this (characters) is a layout wrapper, walked as a container.
	LayoutQuoteText int
	// MaxDataCell: a cell with more text (characters) is a column of a
	// layout table.
	MaxDataCell int
	// MaxDataCellBlock: a <p> or <div> in a table with more text than this
	// (characters) makes it a layout table.
	MaxDataCellBlock int
	// TinyImageSide: an image whose width or height attribute is below
	// this (pixels) is an icon, not a figure.
	TinyImageSide int
	// RepeatedImageFigures: an image shown in at least this many figures
	// of a page (a bullet, a check mark, a card's background) takes no
	// caption from the short line after it: that line is an item's text.
	RepeatedImageFigures int
	// HeadingRunLength: this many kept headings of one level in a row,
	// nothing between them, are a grid of titled cards, kept even with
	// no section under each.
	HeadingRunLength int
	// TeaserListCards and TeaserListShare: a list is a teaser list when at
	// least TeaserListCards of its items, and TeaserListShare of them,
	// are teaser cards.
	TeaserListCards int
	TeaserListShare float64

	// Root vote.

	// TableVoteScale scales the vote of a data table's words: tables are
	// content, but weaker evidence of the article than prose.
	TableVoteScale float64
	// SentenceLinkDensity and SentenceMinWords: a block over
	// MaxLinkDensity still votes as prose when it has at most this
	// density, SentenceMinWords words or more, and ends like a sentence.
	SentenceLinkDensity float64
	SentenceMinWords    int
	// ProseItemWords and ProseListDensity: a list whose items average
	// ProseItemWords words, with at most ProseListDensity linked, votes
	// as prose.
	ProseItemWords   int
	ProseListDensity float64
	// MenuListDensity: a list with a higher link density votes against,
	// as a menu.
	MenuListDensity float64
	// ListVoteScale scales the vote of other lists.
	ListVoteScale float64
	// ShortBlockWords: a block shorter than this that does not end like a
	// sentence votes ShortBlockVote (a label, a date).
	ShortBlockWords int
	ShortBlockVote  float64
	// FillerWords, FillerDistinct: a block of at least FillerWords words
	// with at most FillerDistinct different ones ("word word word ...",
	// a font-metrics probe or a placeholder) is no prose: it votes
	// against its containers and is cut.
	FillerWords    int
	FillerDistinct int
	// MinEntryTitles: linked title lines, each followed by its summary,
	// kept when at least this many of one kind share a parent (a flat
	// index of entries).
	MinEntryTitles int

	// Filter.

	// PrecisionDensityScale scales MaxLinkDensity with the precision
	// focus (lower: more link-heavy blocks cut).
	PrecisionDensityScale float64
	// RecallDensityScale scales MaxLinkDensity with the recall focus, up
	// to RecallMaxDensity.
	RecallDensityScale float64
	RecallMaxDensity   float64
	// MaxLongBlockDensity: a block over this link density is cut however
	// long it is.
	MaxLongBlockDensity float64
	// BodyParagraphWords: a kept paragraph this long starts the body;
	// bylines and datelines are looked for only before it.
	BodyParagraphWords int
	// MinDuplicateText: paragraphs longer than this (bytes) are cut when
	// printed twice; shorter ones ("Advertisement") may repeat.
	MinDuplicateText int
	// MaxReviewShare: on a page declaring one product, an element named
	// as its reviews is cut when it holds less than this share of the
	// article root's text; holding more, it is the body. A shop's reviews
	// often outweigh its description, so only nearly all counts.
	MaxReviewShare float64
	// MinReviewWords: such an element is cut only when its kept blocks
	// hold this many words: buyers' reviews run long, a row of press
	// quotes or a rating line does not.
	MinReviewWords int
	// PickerShare: on such a page, a block is a picker's line (a
	// "Colour: Walnut" swatch) when this share of its element's text is
	// in the labels of radio buttons and checkboxes; lower cuts lines
	// that only name a choice among other words.
	PickerShare float64
	// MaxPriceCardText: a price line in an element of at most this many
	// characters holding a linked headline is a card's price (a page of
	// products), not the buy box's, and is not cut as a price.
	MaxPriceCardText int
	// PriceCardLinkShare: such an element is a card when this share of
	// its text is linked (the product's name); lower keeps more prices.
	PriceCardLinkShare float64
	// TitleHeadingLevel: a heading of this level or higher that repeats
	// the headline is cut anywhere, lower ones only before the body.
	TitleHeadingLevel int
	// MinTitleFragment: a heading contained in the headline counts as the
	// headline when longer than this (bytes, folded).
	MinTitleFragment int
	// TitleProseWords: a sentence this long above a second headline means
	// that headline is out of place, so what is above it is kept.
	TitleProseWords int
	// TrailingSectionShare: a trailing contact or author section is cut
	// when it holds at most 1/TrailingSectionShare of the body's words.
	TrailingSectionShare int
	// LeadReach and MaxLeadWords: the lead figure outside the root is
	// looked for in the LeadReach blocks between the headline and the
	// root, past blocks of at most MaxLeadWords (a dek, a byline).
	LeadReach    int
	MaxLeadWords int
	// MaxPolicyWords bounds a comment policy block cut from the end.
	MaxPolicyWords int
	// MaxTimestampLen and MinTimestampDigits: a block of at most this
	// many bytes made of clock or date characters, with at least this
	// many digits, is a live-blog timestamp.
	MaxTimestampLen    int
	MinTimestampDigits int
	// MaxBylineWords: a longer line is never a byline; one ending like a
	// sentence must have at most MaxBylineSentenceWords.
	MaxBylineWords         int
	MaxBylineSentenceWords int
	// PrecisionMinWords: with the precision focus, a paragraph shorter
	// than this that does not end like a sentence is cut.
	PrecisionMinWords int
	// CaptionReach: a paragraph up to this many blocks before (and one
	// more after) a figure is checked for repeating its caption.
	CaptionReach int
	// MaxCaptionLineWords: a short unpunctuated line right under a
	// captionless image, at most this long, becomes its caption.
	MaxCaptionLineWords int
	// MaxCreditWords bounds the credit that may follow a repeated caption.
	MaxCreditWords int

	// Status.

	// ListingLinkShare: a page whose text is more than this share link
	// may be a listing.
	ListingLinkShare float64
	// TeaserMinWords and TeaserLinkShare: a block of at least
	// TeaserMinWords with more than TeaserLinkShare linked counts toward
	// MinListingTeasers.
	TeaserMinWords  int
	TeaserLinkShare float64
	// StatusBlocks: how many blocks from the top are read for challenge,
	// paywall and needs-JavaScript phrases.
	StatusBlocks int

	// Items are the weights of the repeated-items rule (items.go).
	Items ItemWeights
}

// DefaultWeights are the weights winnow uses.
var DefaultWeights = Weights{
	ChromeOuterShare:   0.5,
	ChromeProseShare:   0.4,
	MaxLinkDensity:     0.5,
	LongBlockWords:     60,
	MinArticleWords:    25,
	MaxBlockedWords:    150,
	SmallPageText:      4000,
	MaxShellText:       600,
	MaxPaywalledWords:  200,
	MaxListingWords:    100,
	MinListingTeasers:  8,
	NamedBodyBoost:     1.25,
	ContentBoost:       1.05,
	NamedBodyShare:     0.5,
	ClimbLevels:        5,
	ClimbShare:         0.5,
	TitleShare:         0.2,
	BadTextPenalty:     1.0,
	CaptionBodyFigures: 3,
	CaptionBodyWords:   8,
	ExtendLevels:       4,
	ExtendProseShare:   0.3,
	ExtendChromeShare:  0.25,
	MainShare:          0.5,
	MainChromeShare:    5,
	BodyShare:          0.9,

	SectionHeadingText:     60,
	LinkedHeadlineShare:    0.8,
	CardRowHeads:           3,
	MaxCardText:            800,
	MaxCardProse:           200,
	ItemRowBodyShare:       0.5,
	MinPaywallText:         40,
	SweepProseText:         150,
	SweepProseLinks:        0.2,
	MinProse:               400,
	FallbackProseText:      400,
	CaptionStoryParagraphs: 2,
	ContestedProse:         400,
	BuiltBlockText:         60,
	BuiltBlocks:            4,
	ContestedLinkShare:     0.3,
	HeroProse:              100,
	MinHiddenProse:         1000,
	MaxShellProse:          200,

	ParagraphBreaks:      2,
	MinDataTableRows:     2,
	LayoutQuoteText:      1500,
	MaxDataCell:          400,
	MaxDataCellBlock:     200,
	TinyImageSide:        60,
	RepeatedImageFigures: 3,
	HeadingRunLength:     3,
	TeaserListCards:      2,
	TeaserListShare:      0.5,

	TableVoteScale:      0.3,
	SentenceLinkDensity: 0.8,
	SentenceMinWords:    15,
	ProseItemWords:      12,
	ProseListDensity:    0.6,
	MenuListDensity:     0.3,
	ListVoteScale:       0.5,
	ShortBlockWords:     8,
	ShortBlockVote:      -1,
	FillerWords:         20,
	FillerDistinct:      3,
	MinEntryTitles:      3,

	PrecisionDensityScale:  0.7,
	RecallDensityScale:     1.4,
	RecallMaxDensity:       0.8,
	MaxLongBlockDensity:    0.8,
	BodyParagraphWords:     20,
	MinDuplicateText:       40,
	MaxReviewShare:         0.8,
	MinReviewWords:         80,
	PickerShare:            0.5,
	MaxPriceCardText:       400,
	PriceCardLinkShare:     0.33,
	TitleHeadingLevel:      2,
	MinTitleFragment:       12,
	TitleProseWords:        30,
	TrailingSectionShare:   3,
	MaxPolicyWords:         80,
	LeadReach:              6,
	MaxLeadWords:           60,
	MaxTimestampLen:        16,
	MinTimestampDigits:     3,
	MaxBylineWords:         12,
	MaxBylineSentenceWords: 6,
	PrecisionMinWords:      8,
	CaptionReach:           2,
	MaxCaptionLineWords:    40,
	MaxCreditWords:         6,

	ListingLinkShare: 0.5,
	TeaserMinWords:   3,
	TeaserLinkShare:  0.5,
	StatusBlocks:     40,

	Items: DefaultItemWeights,
}

// TeaserHeadingWords name a heading over other stories when a short
// heading holds a word of each set ("More Great Science Stories",
// "Popular on the site", "Weitere Artikel"). Words are case-folded.
var TeaserHeadingWords = WordPair{
	{
		"more": true, "related": true, "popular": true, "recommended": true, "trending": true,
		"latest": true, "top": true, "further": true, "similar": true, "other": true, "also": true,
		"weitere": true, "mehr": true, "beliebte": true, "plus": true, "autres": true, "más": true,
		"otras": true, "otros": true, "relacionadas": true, "relacionados": true, "altri": true,
		"correlati": true, "mais": true, "outras": true, "meer": true, "andere": true,
	},
	{
		"stories": true, "articles": true, "news": true, "reads": true, "posts": true, "videos": true,
		"reading": true, "headlines": true, "artikel": true, "nachrichten": true, "beiträge": true,
		"actualités": true, "artículos": true, "noticias": true, "notizie": true,
		"articoli": true, "notícias": true, "artigos": true, "verhalen": true, "berichten": true,
	},
}

// MaxTeaserHeadingWords bounds the headings TeaserHeadingWords applies to.
const MaxTeaserHeadingWords = 6

// IsTeaserHeading reports whether a short heading announces other stories.
func IsTeaserHeading(text string) bool {
	// The words are read one by one, not split into a slice: every
	// heading and short block of a page is asked.
	n := 0
	var first, second bool
	var buf [256]byte
	f, _ := AppendFold(buf[:0], text, -1)
	for len(f) > 0 { // folded: words split by single spaces
		var w []byte
		w, f, _ = bytes.Cut(f, foldSpace)
		if n++; n > MaxTeaserHeadingWords {
			return false
		}
		first = first || TeaserHeadingWords[0][string(w)]
		second = second || TeaserHeadingWords[1][string(w)]
	}
	return first && second
}

// WordPair is a test on a block's words: it holds when the block has a
// word of the first set and a word of the second. Words are case-folded.
type WordPair [2]map[string]bool

// Holds reports whether words has a word of each set.
func (p WordPair) Holds(words []string) bool {
	var first, second bool
	for _, w := range words {
		first = first || p[0][w]
		second = second || p[1][w]
	}
	return first && second
}

// CommentPolicyWords name a comment policy when a block at the end of
// the body holds a word of each set ("Comments are moderated and must
// be respectful"). Only trailing blocks are judged, since an article
// about moderation uses the same words in its body.
var CommentPolicyWords = WordPair{
	{
		"comment": true, "comments": true, "commenting": true, "commenters": true,
		"comentário": true, "comentários": true, "comentario": true, "comentarios": true,
		"kommentar": true, "kommentare": true, "commentaire": true, "commentaires": true,
		"commento": true, "commenti": true, "reacties": true, "reactie": true,
	},
	{
		"policy": true, "guidelines": true, "rules": true, "moderated": true, "moderation": true,
		"approved": true, "approval": true, "respectful": true, "offensive": true,
		"aprovados": true, "aprobados": true, "moderados": true, "regras": true, "normas": true,
		"política": true, "richtlinien": true, "moderiert": true, "netiquette": true,
		"règles": true, "modérés": true, "charte": true, "regole": true, "moderati": true,
	},
}

// CookieNoticeWords name a cookie notice when a short block holds a word
// of each set ("We and our partners use cookies …", "Avec votre accord,
// nous … utilisons des cookies").
var CookieNoticeWords = WordPair{
	{"cookie": true, "cookies": true},
	{
		"accept": true, "consent": true, "agree": true, "partners": true, "settings": true, "preferences": true,
		"accord": true, "accepter": true, "partenaires": true, "consentement": true, "paramètres": true,
		"akzeptieren": true, "zustimmung": true, "einwilligung": true, "einstellungen": true, "partner": true,
		"aceptar": true, "aceptas": true, "consentimiento": true, "socios": true, "configuración": true,
		"accetta": true, "consenso": true, "impostazioni": true, "aceitar": true, "parceiros": true,
	},
}

// MaxCookieNoticeWords bounds the blocks IsCookieNotice judges: an article
// about cookie law is made of longer paragraphs.
const MaxCookieNoticeWords = 50

// IsCookieNotice reports whether a short block reads like a cookie notice.
func IsCookieNotice(text string) bool {
	// Cheap test first: this runs on every paragraph.
	if !strings.Contains(text, "ookie") && !strings.Contains(text, "OOKIE") {
		return false
	}
	words := strings.Fields(Fold(text))
	return len(words) <= MaxCookieNoticeWords && CookieNoticeWords.Holds(words)
}

// IsCommentPolicy reports whether text reads like a comment policy.
func IsCommentPolicy(text string) bool {
	return CommentPolicyWords.Holds(strings.Fields(Fold(text)))
}

// DatelineWords, in a short line above the body, mark the line that
// says when the story was published ("Published Monday, November 18").
var DatelineWords = map[string]bool{
	"published": true, "updated": true, "posted": true, "modified": true,
	"veröffentlicht": true, "aktualisiert": true, "publié": true, "publiée": true,
	"publicado": true, "publicada": true, "actualizado": true, "pubblicato": true,
	"aggiornato": true, "atualizado": true, "gepubliceerd": true, "bijgewerkt": true,
	"来源": true, "作者": true, "编辑": true, "责任编辑": true, "記者": true, "记者": true,
	"출처": true, "기자": true, "入力": true, "更新": true,
}

// TrailingSectionPhrases open a section at the end of a story that is
// not the story: press-release contacts, author boxes. Matched on the
// whole, case-folded heading or short paragraph.
var TrailingSectionPhrases = map[string]bool{
	"media contact": true, "media contacts": true, "press contact": true, "press contacts": true,
	"media inquiries": true, "for media inquiries": true, "investor contact": true,
	"media enquiries": true, "press enquiries": true, "press office": true, "press inquiries": true,
	"about the author": true, "about the authors": true, "pressekontakt": true,
	"über den autor": true, "contact presse": true, "contacto de prensa": true,
}

// BlockedPhrases, found in the title or text of a small page, mark a bot
// challenge or an error page rather than an article.
var BlockedPhrases = []string{
	"just a moment", "attention required", "access denied", "checking your browser",
	"verify you are human", "verify you are a human", "are you a robot", "captcha",
	"403 forbidden", "404 not found", "page not found", "error 404", "service unavailable",
	"request blocked", "pardon our interruption", "enable cookies", "bot detection",
	"unusual traffic", "ddos protection",
}

// NeedsJSPhrases mark an application shell that renders only in a browser.
var NeedsJSPhrases = []string{
	"enable javascript", "javascript is required", "javascript is disabled", "requires javascript",
	"turn on javascript", "you need to enable javascript", "javascript must be enabled",
}

// PaywallPhrases mark a paywall prompt in the text of a page.
var PaywallPhrases = []string{
	"subscribe to continue reading", "subscribe to read", "to continue reading", "subscribers only",
	"for subscribers", "already a subscriber", "this article is reserved", "premium content",
	"unlock this article", "become a subscriber", "start your subscription", "to read the full article",
}
