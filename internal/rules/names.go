package rules

// A class or id token is evidence, not a verdict. The tables below say
// which chrome tokens are weak evidence: an element whose chrome tokens
// are all weak, or that names itself as content as well, is "contested",
// and the label pass keeps it when it wraps prose (Weights.ContestedProse).

// WeakTokens are chrome tokens that name a kind of component, not a kind
// of chrome: page builders call every block a "widget", service pages put
// their testimonials in a "slider", a "banner" or "promo" may be the
// page's hero text, and an accordion is a "menu" of sections. A
// "signature" signs off a forum post, but may be a shop's "signature
// dish" or a firm's "signature services".
var WeakTokens = map[string]bool{
	"widget": true, "carousel": true, "slider": true, "banner": true, "promo": true,
	"tools": true, "jump": true, "skip": true, "toc": true, "print": true,
	"infobox": true, "menu": true, "signature": true,
}

// WeakRoles are ARIA roles that mark chrome only weakly: an accordion
// marked up as a "tablist" holds its sections' text.
var WeakRoles = map[string]bool{"tablist": true}

// RowAlternation are class names that stripe a run of like items: a
// table's rows or a list's entries carry "odd" and "even" by turns (or
// "alt" on every other one), so the name tells two items of one kind
// apart rather than saying what the item is.
var RowAlternation = map[string]bool{"odd": true, "even": true, "alt": true, "alternate": true}

// StatePrefixes open a name that describes a state of the element or the
// page rather than what the element is: "no-sidebar", "non-paywall",
// "has-ads", "hide-on-print", "without-comments". Such a name asserts no
// chrome, whatever words follow.
var StatePrefixes = map[string]bool{
	"no": true, "non": true, "not": true, "has": true, "hide": true, "hidden": true,
	"show": true, "with": true, "without": true,
}

// TaxonomyPrefixes open a name that files a post under a term: content
// management systems put "tag-<slug>", "category-<slug>" and
// "author-<name>" on the post's wrapper, and the slug may be any word
// ("tag-sidebar", "category-ads"). A name made of such a prefix and more
// words is weak evidence; the prefix alone ("tags") still marks a box.
var TaxonomyPrefixes = map[string]bool{
	"tag": true, "tags": true, "category": true, "categories": true, "cat": true,
	"author": true, "term": true, "topic": true,
}

// SlugIDTokens: an id of at least this many tokens is a slug (an anchor
// made from a heading, "how-to-plan-a-menu"), whose words say nothing of
// the element, so its chrome tokens are weak.
const SlugIDTokens = 4

// DisclosureTokens name the panel of a disclosure widget: an accordion's
// answer, a collapsed section, a tab's panel, a carousel's slide. Such a
// panel is hidden until a click (or the next slide), and its text is the page's, so a hiding class or
// attribute on it does not cut it (unless it is mostly links: a
// collapsed menu).
var DisclosureTokens = map[string]bool{
	"accordion": true, "accordian": true, "collapse": true, "collapsible": true,
	"expander": true, "expandable": true, "tabpanel": true, "faq": true, "answer": true,
	"carousel": true, "slider": true, "slide": true, "tab": true,
}

// DisclosureRoles are the ARIA roles of a disclosure widget's panel.
var DisclosureRoles = map[string]bool{"tabpanel": true, "region": true}

// MaxControlLabelBytes bounds the text of an element drawn as a button
// (role="button") that the label pass reads as a control's label: a
// label is a few words, a card made clickable holds more.
const MaxControlLabelBytes = 64
