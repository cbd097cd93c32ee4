package rules

import "github.com/winnow-go/winnow/article"

// ItemWeights are the numbers of the repeated-items rule: on a forum
// thread, a listing or a category page the main content is a run of
// sibling items of one kind (posts, cards, results), not one article
// body. They are part of Weights, so that an evaluation can sweep them.
type ItemWeights struct {
	// MinItems: a run needs this many siblings of one kind, each holding
	// at least MinItemPlain characters of unlinked text.
	MinItems     int
	MinItemPlain int
	// MinRunPlain: the items together hold at least this much unlinked
	// text (characters): less is a menu or a short row of cards.
	MinRunPlain int
	// ThreadShare: when the article root sits in one of the items (a
	// thread's first post), the run replaces it when it holds this many
	// times the unlinked text of that item.
	ThreadShare float64
	// RegionShare: when the root is elsewhere, the run replaces it when
	// it holds this many times the root's kept text: a long article body
	// with comments under it keeps its root.
	RegionShare float64
	// MaxNamedRootPlain: a run named as comments or teasers replaces a
	// root outside it only when the root keeps less unlinked text than
	// this (characters): a forum whose posts are all named as comments
	// has no body beside them, an article with comments or related
	// stories under it has one.
	MaxNamedRootPlain int
	// JoinShare: when the root lies outside the run, the element holding
	// both becomes the root if its unlinked text is at most this many
	// times theirs; else the run alone.
	JoinShare float64
	// MaxLabelWords and LabelShare: a line of at most MaxLabelWords words
	// printed alike in LabelShare of a run's items (and in MinItems at
	// least) is a label of the items' furniture, cut, when the items
	// are posts: they hold MinPostPlain characters of unlinked text on
	// average. On shorter items, cards, such lines are their fields.
	// An item of prose among linked cards is a story shown whole (the
	// run stays cut) only when it holds MinPostPlain.
	MaxLabelWords int
	LabelShare    float64
	MinPostPlain  int
	// HeldShare: a run inside the root that holds this share of the
	// root's kept text is the root's content, read item by item.
	HeldShare float64
	// FirstPostShare: in a run named as comments that the root holds,
	// an item kept and holding this share of the root's kept text is a
	// thread's first post printed like its replies, and the run is the
	// thread.
	FirstPostShare float64
	// LinkedText weighs an item's linked text against its unlinked text:
	// cards that are links hold their text in links, menus too.
	LinkedText float64
	// MaxTitleWords: in a run, a linked line of at most this many words
	// that opens an item is the item's title and is kept, however
	// linked.
	MaxTitleWords int
	// MinGridItems, MinCardText and GridShare: a run of short items (a
	// shop's grid, a category's links) counts when it has MinGridItems
	// items at least and GridShare of them hold MinCardText characters
	// of text or more, linked or not. Its text must still reach
	// MinRunPlain.
	MinGridItems int
	MinCardText  int
	GridShare    float64
	// WrapperShare: an element inside an item that holds this share of
	// the item's text is a wrapper of the item (a listing entry's
	// <div class="meta">), and, when most items of the run have one
	// alike, its soft mark is lifted with the item's.
	WrapperShare float64
	// MinDominantItems, MinDominantPlain and DominantShare: a run of at
	// least MinDominantItems cards (GridShare of them of MinCardText or
	// more) holding MinDominantPlain of text as the items rule weighs it
	// counts, however short, when its items show DominantShare of the
	// page's text outside what is cut for good (menus, footers, hidden
	// text): the cards are the page.
	MinDominantItems int
	MinDominantPlain int
	DominantShare    float64
	// MaxIntroPlain: a root of at most this much unlinked text
	// (characters) outside such a run of cards is their intro, and the
	// run replaces it whatever RegionShare says.
	MaxIntroPlain int
	// CousinDepth and CousinShare: once a run is the page's content,
	// other runs of items of the same kind (tag and first class) whose
	// parents meet the run's at most CousinDepth levels above it (a home
	// page's "Latest" row and its topic sections, each a heading over its
	// cards) are content too, when together they hold CousinShare of
	// what the element where they meet shows.
	CousinDepth int
	CousinShare float64
}

// DefaultItemWeights are the item weights winnow uses.
var DefaultItemWeights = ItemWeights{
	MinItems:          3,
	MinItemPlain:      60,
	MinRunPlain:       600,
	ThreadShare:       1.5,
	RegionShare:       3,
	MaxNamedRootPlain: 200,
	JoinShare:         1.3,
	MaxLabelWords:     4,
	LabelShare:        0.5,
	MinPostPlain:      300,
	HeldShare:         0.5,
	FirstPostShare:    0.5,
	LinkedText:        0.3,
	MaxTitleWords:     20,
	MinGridItems:      8,
	MinCardText:       20,
	GridShare:         0.8,
	WrapperShare:      0.75,
	MinDominantItems:  4,
	MinDominantPlain:  120,
	DominantShare:     0.6,
	MaxIntroPlain:     400,
	CousinDepth:       3,
	CousinShare:       0.6,
}

// SoftItemReasons are the marks that a run of items may carry and still
// be the page's content: a thread's posts are named as comments, a
// listing's cards as teasers or post metadata. Other marks (navigation,
// hidden, ads, a footer) are never lifted.
var SoftItemReasons = map[article.Reason]bool{
	article.ReasonComments: true, article.ReasonTeaser: true, article.ReasonMeta: true, article.ReasonByline: true,
}

// ItemWrapperReasons are the marks that may name a kind of card rather
// than chrome: when most items of a run of content hold a wrapper cut
// for the same one of them (each product's "subscription-eligible"
// wrapper, each entry's "meta" box), the wrappers are the items'. Marks
// of menus, page furniture, dialogs and hidden text are not among them.
var ItemWrapperReasons = map[article.Reason]bool{
	article.ReasonComments: true, article.ReasonTeaser: true, article.ReasonMeta: true, article.ReasonByline: true,
	article.ReasonSubscribe: true, article.ReasonAd: true, article.ReasonShare: true, article.ReasonPaywall: true,
	article.ReasonCredit: true,
}
