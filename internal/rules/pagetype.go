package rules

import "github.com/winnow-go/winnow/article"

// The page-type classifier (internal/pagetype) weighs evidence about a
// page's kind. Each piece of evidence is a PageSignal of strength 0 to 1;
// every kind's score is its prior plus, for each signal, the signal's
// strength times its vote for that kind (PageTypeVotes); the best score
// wins, ties going to the kind listed first in PageTypes. No signal is a
// verdict by itself: a page that declares NewsArticle but is a grid of
// cards is outvoted by its structure.

// PageSignal names one piece of evidence about a page's kind.
type PageSignal string

// The signals: declared types (JSON-LD, microdata, og:type), URL shape and
// structure.
const (
	// Declared by the page's markup (JSON-LD @type, microdata itemtype).
	SigDeclArticle   PageSignal = "decl-article"    // Article, NewsArticle, BlogPosting, …
	SigDeclTech      PageSignal = "decl-tech"       // TechArticle, APIReference
	SigDeclForum     PageSignal = "decl-forum"      // DiscussionForumPosting, QAPage
	SigDeclProduct   PageSignal = "decl-product"    // one or two Product (or a ProductGroup)
	SigDeclProducts  PageSignal = "decl-products"   // three or more Product items
	SigDeclList      PageSignal = "decl-list"       // ItemList, CollectionPage, SearchResultsPage
	SigDeclService   PageSignal = "decl-service"    // Service, LocalBusiness, AboutPage, …
	SigDeclWebPage   PageSignal = "decl-webpage"    // a WebPage and no article type
	SigDeclComments  PageSignal = "decl-comments"   // three or more Comment or Answer items
	SigOGArticle     PageSignal = "og-article"      // og:type article
	SigOGProduct     PageSignal = "og-product"      // og:type product
	SigOGProductList PageSignal = "og-product-list" // og:type product.group
	SigOGWebsite     PageSignal = "og-website"      // og:type website

	// URL shape: weak, general evidence from the path's folders.
	SigURLArticle    PageSignal = "url-article"    // /blog/…, /news/…, /2024/05/…
	SigURLDocs       PageSignal = "url-docs"       // /docs/…, /api/…, /reference/…
	SigURLForum      PageSignal = "url-forum"      // /forum/…, /threads/…, /t/…
	SigURLProduct    PageSignal = "url-product"    // /product/…, /p/…, /dp/…
	SigURLCollection PageSignal = "url-collection" // /category/…, /c/…, /collections/…
	SigURLListing    PageSignal = "url-listing"    // /search, /tag/…, ?page=
	SigURLService    PageSignal = "url-service"    // /services/…, /solutions/…
	SigURLHome       PageSignal = "url-home"       // the site's front page: no path at all
	SigURLShortSlug  PageSignal = "url-short-slug" // the last segment is one or two words, no number: an index or a section

	// Structure of the page and of the body found in it.
	SigLongProse    PageSignal = "long-prose"    // a long body of real paragraphs
	SigShortBody    PageSignal = "short-body"    // little body text
	SigByline       PageSignal = "byline"        // named authors
	SigDated        PageSignal = "dated"         // a publication date
	SigRootMarked   PageSignal = "root-marked"   // the body sits in article markup
	SigCode         PageSignal = "code"          // code blocks in the body
	SigInlineCode   PageSignal = "inline-code"   // code words in the prose
	SigCTA          PageSignal = "cta"           // calls to action: "Get started", "Request a quote"
	SigTables       PageSignal = "tables"        // data tables in the body
	SigCards        PageSignal = "cards"         // a row of teaser cards (linked headlines)
	SigLinkHeavy    PageSignal = "link-heavy"    // most of the page's text is links
	SigListBody     PageSignal = "list-body"     // the body is mostly list items
	SigPrice        PageSignal = "price"         // a price in the body or the title
	SigPrices       PageSignal = "prices"        // many prices: a grid of products
	SigCart         PageSignal = "cart"          // an add-to-cart or buy button
	SigPosts        PageSignal = "posts"         // many dated posts: <time> elements or comment sections
	SigSections     PageSignal = "sections"      // many headings with little prose under each
	SigDateModified PageSignal = "date-modified" // the only date is when the page was last changed

	// Structure of the whole page, menus and all: what its markup is
	// built of, whatever the content stage kept.
	SigManyArticles PageSignal = "many-articles" // several <article> elements: posts or teasers
	SigLinkedHeads  PageSignal = "linked-heads"  // many linked headlines across the page
	SigManyImages   PageSignal = "many-images"   // many images: a gallery or a shop
	SigManyButtons  PageSignal = "many-buttons"  // many buttons: a shop's controls
	SigPriceMarks   PageSignal = "price-marks"   // elements named as prices (class or id): a shop
	SigPriceGrid    PageSignal = "price-grid"    // very many of them: a grid of products
	SigProductMarks PageSignal = "product-marks" // many elements named as products
	SigFacets       PageSignal = "facets"        // elements named as filters or facets: a shop's or a search's
	SigAvatars      PageSignal = "avatars"       // elements named as avatars: posters in a thread

	// The run of repeated items the content stage read the body as
	// (internal/content/kinds.go).
	SigItems      PageSignal = "items"       // a run of items lifted out of the cuts: results, cards, posts
	SigItemBlocks PageSignal = "item-blocks" // the body is a run of like blocks inside the article root
	SigManyItems  PageSignal = "many-items"  // ten or more items
	SigItemCards  PageSignal = "item-cards"  // the items are short or mostly links: cards
	SigLongItems  PageSignal = "long-items"  // the items are long: posts or sections
)

// PageTypes lists the kinds in the order ties are broken.
var PageTypes = []article.PageType{
	article.PageArticle, article.PageService, article.PageForum, article.PageListing,
	article.PageDocumentation, article.PageCollection, article.PageProduct,
}

// PageTypePrior is each kind's score before any evidence; with none, a page
// is an article (ties go to the kind listed first in PageTypes).
var PageTypePrior = map[article.PageType]float64{
	article.PageArticle:       1.2,
	article.PageService:       0.7,
	article.PageForum:         0.8,
	article.PageListing:       0.2,
	article.PageDocumentation: 0.1,
	article.PageCollection:    -0.7,
	article.PageProduct:       -2.4,
}

// PageTypeURLPrior replaces PageTypePrior when the page's address is the
// only evidence (text mode, a page refused with nothing declared): the
// priors above were fitted beside a body's structure, which carries a
// product or a forum page, and would let no address alone say "product".
// These are the priors of the votes fitted on the address alone.
var PageTypeURLPrior = map[article.PageType]float64{
	article.PageArticle:       0.5,
	article.PageService:       0.3,
	article.PageListing:       0.1,
	article.PageDocumentation: -0.1,
	article.PageProduct:       -0.6,
}

// URLSignals are the signals read from the page's address alone
// (SigURLShortSlug is read only beside a body).
var URLSignals = map[PageSignal]bool{
	SigURLArticle: true, SigURLDocs: true, SigURLForum: true, SigURLProduct: true,
	SigURLCollection: true, SigURLListing: true, SigURLService: true, SigURLHome: true,
}

// PageTypeVotes says how much each signal, at full strength, adds to (or
// takes from) each kind's score. The numbers are a multinomial logistic
// regression over these signals on the wcxb-dev labels (L2, C = 1;
// five-fold cross-validated accuracy 0.845, 0.82 without the page-wide
// counts and the short slug; 0.88 on all pages), rounded to one decimal,
// votes under 0.15 left out, and checked on held-out sets never fitted.
// Then, so that weak evidence leans to article rather than to that set's
// mix of kinds: a price votes for neither service nor listing, and a
// short body counts -0.5 rather than -1.0 against article (a news brief
// on a short address stays a story).
var PageTypeVotes = map[PageSignal]map[article.PageType]float64{
	SigAvatars:       {article.PageArticle: -0.3, article.PageForum: 1.6, article.PageListing: -0.7, article.PageDocumentation: -0.8, article.PageCollection: -0.5, article.PageProduct: 0.7},
	SigByline:        {article.PageArticle: 0.5, article.PageService: -0.5, article.PageForum: 0.3, article.PageListing: 0.3, article.PageDocumentation: -0.2, article.PageCollection: -0.4},
	SigCTA:           {article.PageArticle: 0.3, article.PageService: 1.3, article.PageForum: -0.2, article.PageListing: -1.3},
	SigCards:         {article.PageService: 0.8, article.PageForum: -0.5, article.PageDocumentation: -0.4, article.PageProduct: 0.2},
	SigCart:          {article.PageArticle: -0.5, article.PageService: -0.8, article.PageForum: -0.4, article.PageDocumentation: -0.2, article.PageCollection: 0.3, article.PageProduct: 1.8},
	SigCode:          {article.PageForum: -0.3, article.PageListing: -0.5, article.PageDocumentation: 1.4, article.PageCollection: -0.2, article.PageProduct: -0.2},
	SigDateModified:  {article.PageArticle: 0.4, article.PageService: 1.3, article.PageForum: -0.4, article.PageListing: -0.9, article.PageDocumentation: 0.4, article.PageCollection: -0.6, article.PageProduct: -0.3},
	SigDated:         {article.PageArticle: 0.5, article.PageService: -0.5, article.PageForum: 0.6, article.PageListing: -0.5, article.PageDocumentation: -0.3, article.PageCollection: -0.3, article.PageProduct: 0.5},
	SigDeclArticle:   {article.PageArticle: 1.3, article.PageService: -0.3, article.PageForum: -0.5, article.PageListing: 0.5, article.PageDocumentation: -0.2, article.PageCollection: -0.4, article.PageProduct: -0.4},
	SigDeclComments:  {article.PageArticle: -0.3, article.PageService: 0.7, article.PageForum: 1.1, article.PageDocumentation: -0.7, article.PageCollection: 0.2, article.PageProduct: -0.8},
	SigDeclForum:     {article.PageArticle: -1.0, article.PageService: -0.2, article.PageForum: 2.0, article.PageListing: -0.3, article.PageDocumentation: -0.2, article.PageCollection: -0.3},
	SigDeclList:      {article.PageArticle: 0.3, article.PageService: -0.5, article.PageForum: -0.5, article.PageListing: 1.3, article.PageDocumentation: -0.4, article.PageProduct: -0.2},
	SigDeclProduct:   {article.PageArticle: -1.6, article.PageService: 0.3, article.PageForum: -0.5, article.PageListing: -0.8, article.PageDocumentation: -0.3, article.PageCollection: -0.3, article.PageProduct: 3.0},
	SigDeclProducts:  {article.PageListing: -0.4, article.PageCollection: -0.2, article.PageProduct: 0.7},
	SigDeclService:   {article.PageService: 1.0, article.PageForum: -0.3, article.PageListing: 0.4, article.PageDocumentation: -0.2, article.PageCollection: -0.7, article.PageProduct: -0.2},
	SigDeclTech:      {article.PageArticle: -0.3, article.PageService: -0.2, article.PageForum: -0.3, article.PageListing: 0.2, article.PageDocumentation: 1.1, article.PageCollection: -0.3},
	SigDeclWebPage:   {article.PageArticle: -0.2, article.PageService: 0.7, article.PageForum: -0.3, article.PageListing: 0.4, article.PageDocumentation: -0.9, article.PageCollection: 0.3},
	SigFacets:        {article.PageArticle: -0.6, article.PageService: -1.2, article.PageForum: 0.3, article.PageListing: 1.0, article.PageDocumentation: 0.3, article.PageCollection: 0.6, article.PageProduct: -0.4},
	SigInlineCode:    {article.PageArticle: -0.5, article.PageService: -0.9, article.PageForum: 0.4, article.PageListing: -0.5, article.PageDocumentation: 1.8, article.PageCollection: -0.5},
	SigItemBlocks:    {article.PageArticle: -0.5, article.PageService: 0.6, article.PageForum: -0.3, article.PageDocumentation: -0.4, article.PageCollection: -0.2, article.PageProduct: 0.8},
	SigItemCards:     {article.PageService: -0.4, article.PageForum: -0.5, article.PageListing: 0.5, article.PageDocumentation: -0.2, article.PageCollection: 0.4},
	SigItems:         {article.PageArticle: -0.9, article.PageService: 0.2, article.PageForum: -0.6, article.PageListing: 0.8, article.PageCollection: 0.2, article.PageProduct: 0.3},
	SigLinkHeavy:     {article.PageArticle: -0.4, article.PageService: 0.2, article.PageForum: -1.3, article.PageListing: 0.7, article.PageDocumentation: 0.3, article.PageCollection: 0.7},
	SigLinkedHeads:   {article.PageService: -0.5, article.PageListing: 0.5, article.PageDocumentation: -0.2, article.PageCollection: 0.2, article.PageProduct: -0.3},
	SigListBody:      {article.PageArticle: 1.0, article.PageService: 0.2, article.PageForum: -0.8, article.PageListing: -0.2, article.PageDocumentation: 0.5, article.PageCollection: -0.3, article.PageProduct: -0.4},
	SigLongItems:     {article.PageArticle: 0.2, article.PageForum: 0.4, article.PageListing: -0.2, article.PageCollection: -0.6},
	SigLongProse:     {article.PageArticle: 0.8, article.PageService: 0.2, article.PageForum: -0.4, article.PageDocumentation: 0.2, article.PageCollection: -0.2, article.PageProduct: -0.5},
	SigManyArticles:  {article.PageService: -0.2, article.PageForum: 0.4, article.PageListing: 0.3, article.PageDocumentation: -0.7, article.PageCollection: 0.2},
	SigManyButtons:   {article.PageArticle: -0.5, article.PageService: -0.3, article.PageForum: -0.3, article.PageListing: -0.4, article.PageDocumentation: 0.2, article.PageCollection: 0.5, article.PageProduct: 0.8},
	SigManyImages:    {article.PageArticle: -0.4, article.PageForum: -0.2, article.PageDocumentation: -0.5, article.PageCollection: 0.4, article.PageProduct: 0.8},
	SigManyItems:     {article.PageArticle: -0.7, article.PageService: -0.5, article.PageForum: 0.9, article.PageListing: 0.7, article.PageCollection: 0.3, article.PageProduct: -0.7},
	SigOGArticle:     {article.PageArticle: 1.2, article.PageService: 0.4, article.PageForum: -1.1, article.PageDocumentation: -0.2, article.PageCollection: -0.3, article.PageProduct: -0.3},
	SigOGProduct:     {article.PageArticle: -0.3, article.PageService: -0.6, article.PageForum: -0.2, article.PageCollection: -0.3, article.PageProduct: 1.4},
	SigOGProductList: {article.PageArticle: -0.4, article.PageService: -0.4, article.PageCollection: 0.5, article.PageProduct: 0.3},
	SigOGWebsite:     {article.PageArticle: 0.3, article.PageService: 0.5, article.PageForum: -0.4, article.PageListing: -0.2, article.PageDocumentation: -0.2, article.PageCollection: 0.3, article.PageProduct: -0.3},
	SigPosts:         {article.PageService: -1.0, article.PageForum: 0.8, article.PageListing: 0.3, article.PageDocumentation: -0.5, article.PageCollection: 0.3},
	SigPrice:         {article.PageArticle: -0.4, article.PageForum: -0.3, article.PageDocumentation: -0.6, article.PageCollection: -0.7, article.PageProduct: 0.9},
	SigPriceGrid:     {article.PageService: -0.4, article.PageForum: -0.2, article.PageListing: 0.3, article.PageDocumentation: -0.2, article.PageCollection: 0.7, article.PageProduct: -0.2},
	SigPriceMarks:    {article.PageArticle: -0.4, article.PageForum: -0.6, article.PageListing: -0.3, article.PageDocumentation: -0.7, article.PageCollection: 1.1, article.PageProduct: 1.0},
	SigPrices:        {article.PageService: 0.2, article.PageForum: -0.7, article.PageDocumentation: -0.4, article.PageCollection: 1.2, article.PageProduct: -0.3},
	SigProductMarks:  {article.PageArticle: -0.4, article.PageService: -0.5, article.PageForum: -0.6, article.PageDocumentation: -0.2, article.PageCollection: 1.0, article.PageProduct: 0.7},
	SigRootMarked:    {article.PageArticle: 1.2, article.PageService: -0.2, article.PageForum: -0.5, article.PageListing: -0.3, article.PageCollection: -0.5, article.PageProduct: 0.3},
	SigSections:      {article.PageArticle: -0.2, article.PageService: 0.4, article.PageForum: -1.2, article.PageDocumentation: 0.2, article.PageProduct: 0.8},
	SigShortBody:     {article.PageArticle: -0.5, article.PageService: -0.2, article.PageForum: 0.6, article.PageListing: 0.5, article.PageDocumentation: -0.6, article.PageProduct: 0.8},
	SigTables:        {article.PageArticle: 0.3, article.PageService: 0.5, article.PageForum: -0.7, article.PageDocumentation: 0.8, article.PageCollection: -1.1, article.PageProduct: 0.4},
	SigURLArticle:    {article.PageArticle: 2.1, article.PageService: -0.7, article.PageForum: 0.3, article.PageListing: -0.2, article.PageDocumentation: -0.8, article.PageCollection: -0.5, article.PageProduct: -0.2},
	SigURLCollection: {article.PageArticle: -0.3, article.PageService: -0.6, article.PageForum: -0.4, article.PageDocumentation: -0.8, article.PageCollection: 1.9},
	SigURLDocs:       {article.PageArticle: -0.8, article.PageService: -0.7, article.PageForum: -0.5, article.PageListing: -0.6, article.PageDocumentation: 2.2, article.PageCollection: 0.5, article.PageProduct: -0.2},
	SigURLForum:      {article.PageArticle: -0.7, article.PageService: -1.2, article.PageForum: 2.2, article.PageListing: -0.7, article.PageDocumentation: -0.5, article.PageCollection: 1.1, article.PageProduct: -0.2},
	SigURLHome:       {article.PageArticle: -1.3, article.PageService: 1.9, article.PageForum: -0.9, article.PageListing: 1.4, article.PageDocumentation: -0.5, article.PageCollection: -0.2, article.PageProduct: -0.5},
	SigURLListing:    {article.PageArticle: -0.2, article.PageService: -0.5, article.PageForum: -0.3, article.PageListing: 1.5, article.PageDocumentation: -0.2, article.PageCollection: -0.3},
	SigURLProduct:    {article.PageArticle: -0.6, article.PageListing: -0.2, article.PageDocumentation: -0.2, article.PageCollection: -0.3, article.PageProduct: 1.3},
	SigURLService:    {article.PageArticle: -1.2, article.PageService: 2.6, article.PageForum: -0.2, article.PageListing: -0.5, article.PageDocumentation: -0.3, article.PageCollection: -0.2, article.PageProduct: -0.2},
	SigURLShortSlug:  {article.PageArticle: -1.0, article.PageService: 0.4, article.PageForum: -0.7, article.PageListing: 0.3, article.PageDocumentation: 1.0, article.PageCollection: 0.4, article.PageProduct: -0.4},
}

// DeclaredKinds maps a schema.org type (JSON-LD @type or microdata
// itemtype, lowercased, without its vocabulary) to the signal it gives.
// Product and Comment are counted rather than mapped: one product is a
// product page, a grid of them a collection.
var DeclaredKinds = map[string]PageSignal{
	"article": SigDeclArticle, "newsarticle": SigDeclArticle, "blogposting": SigDeclArticle,
	"reportagenews": SigDeclArticle, "analysisnewsarticle": SigDeclArticle,
	"opinionnewsarticle": SigDeclArticle, "reviewnewsarticle": SigDeclArticle,
	"backgroundnewsarticle": SigDeclArticle, "liveblogposting": SigDeclArticle,
	"scholarlyarticle": SigDeclArticle, "report": SigDeclArticle, "satiricalarticle": SigDeclArticle,
	"techarticle": SigDeclTech, "apireference": SigDeclTech,
	"discussionforumposting": SigDeclForum, "qapage": SigDeclForum,
	"productgroup": SigDeclProduct, "individualproduct": SigDeclProduct,
	"itemlist": SigDeclList, "collectionpage": SigDeclList, "searchresultspage": SigDeclList,
	"offercatalog": SigDeclList,
	"service":      SigDeclService, "professionalservice": SigDeclService, "localbusiness": SigDeclService,
	"aboutpage": SigDeclService, "financialservice": SigDeclService, "legalservice": SigDeclService,
	"medicalbusiness": SigDeclService, "homeandconstructionbusiness": SigDeclService,
	"educationalorganization": SigDeclService, "governmentservice": SigDeclService,
}

// ProductKinds and CommentKinds are the schema.org types counted for
// SigDeclProduct/SigDeclProducts and SigDeclComments.
var (
	ProductKinds = map[string]bool{"product": true}
	CommentKinds = map[string]bool{"comment": true, "answer": true}
	// WebPageKinds are generic page types: with no article type beside
	// them they give SigDeclWebPage.
	WebPageKinds = map[string]bool{"webpage": true}
)

// OGKinds maps an og:type value to the signal it gives.
var OGKinds = map[string]PageSignal{
	"article": SigOGArticle, "blog": SigOGArticle,
	"product": SigOGProduct, "product.item": SigOGProduct, "og:product": SigOGProduct,
	"product.group": SigOGProductList,
	"website":       SigOGWebsite,
}

// URLFolders maps a folder of a page's path (any segment but the last,
// lowercased) to the signal it gives. These are words for the kind of
// page, never a site's name.
var URLFolders = map[string]PageSignal{
	"blog": SigURLArticle, "blogs": SigURLArticle, "news": SigURLArticle, "article": SigURLArticle,
	"articles": SigURLArticle, "post": SigURLArticle, "posts": SigURLArticle, "story": SigURLArticle,
	"stories": SigURLArticle, "insights": SigURLArticle,

	"docs": SigURLDocs, "doc": SigURLDocs, "documentation": SigURLDocs, "api": SigURLDocs,
	"reference": SigURLDocs, "manual": SigURLDocs, "latest": SigURLDocs, "stable": SigURLDocs,
	"howto": SigURLDocs, "how-tos": SigURLDocs, "tutorial": SigURLDocs, "tutorials": SigURLDocs,
	"guide": SigURLDocs, "guides": SigURLDocs, "library": SigURLDocs, "sdk": SigURLDocs,

	"forum": SigURLForum, "forums": SigURLForum, "thread": SigURLForum, "threads": SigURLForum,
	"t": SigURLForum, "topic": SigURLForum, "topics": SigURLForum, "questions": SigURLForum,
	"discussion": SigURLForum, "discussions": SigURLForum, "community": SigURLForum,
	"comments": SigURLForum, "viewtopic": SigURLForum, "showthread": SigURLForum,

	"product": SigURLProduct, "products": SigURLProduct,
	"item": SigURLProduct, "sku": SigURLProduct, "app": SigURLProduct,

	"category": SigURLCollection, "categories": SigURLCollection, "c": SigURLCollection,
	"cat": SigURLCollection, "collections": SigURLCollection, "collection": SigURLCollection,
	"browse": SigURLCollection, "shop": SigURLCollection, "department": SigURLCollection,

	"search": SigURLListing, "tag": SigURLListing, "tags": SigURLListing, "list": SigURLListing,
	"lists": SigURLListing, "jobs": SigURLListing, "events": SigURLListing, "page": SigURLListing,
	"archive": SigURLListing, "archives": SigURLListing, "author": SigURLListing,

	"services": SigURLService, "service": SigURLService, "solutions": SigURLService,
	"what-we-do": SigURLService, "industries": SigURLService, "programs": SigURLService,
}

// URLLastFolders are folders that mark their kind when they end the path
// too ("/search", "/forum"): an index page, not a leaf.
var URLLastFolders = map[string]PageSignal{
	"search": SigURLListing, "tag": SigURLListing, "tags": SigURLListing, "jobs": SigURLListing,
	"events": SigURLListing, "blog": SigURLListing, "news": SigURLListing, "forum": SigURLListing,
	"forums": SigURLListing, "archive": SigURLListing, "category": SigURLCollection,
	"categories": SigURLCollection, "collections": SigURLCollection, "shop": SigURLCollection,
	"products": SigURLCollection,
	"services": SigURLService, "about": SigURLService, "about-us": SigURLService,
	"contact": SigURLService, "pricing": SigURLService, "solutions": SigURLService,
}

// URLListingParams are query parameters that page or search a list.
var URLListingParams = map[string]bool{"page": true, "q": true, "query": true, "search": true, "s": true}

// CartPhrases are button texts that put a product in a basket.
var CartPhrases = []string{
	"add to cart", "add to bag", "add to basket", "add to trolley", "buy now", "buy it now",
	"in den warenkorb", "ajouter au panier", "añadir al carrito", "aggiungi al carrello",
	"do koszyka", "in winkelwagen", "lägg i varukorgen", "добавить в корзину",
}

// CTAPhrases are the texts of buttons that ask a visitor to become a
// customer.
var CTAPhrases = []string{
	"get started", "contact us", "get in touch", "book a", "request a", "get a quote",
	"free quote", "free trial", "start free", "try for free", "try it free", "schedule a",
	"talk to", "learn more", "sign up free", "get a demo", "book now", "call now", "call us",
	"enquire", "inquire", "jetzt anfragen", "kontakt", "demander un devis", "contactez",
}

// PageClassWords are the words that, inside an element's class or id
// (any case, anywhere in the name: "product-card__price"), name what the
// element is for the page-wide counts.
var PageClassWords = []struct {
	Word   string
	Signal PageSignal
}{
	{"price", SigPriceMarks}, {"product", SigProductMarks}, {"filter", SigFacets},
	{"facet", SigFacets}, {"avatar", SigAvatars},
}

// PageTypeWeights are the thresholds that turn counts into signals.
type PageTypeWeights struct {
	// LongProseWords: a body with this many words in paragraphs, most of
	// its words, is long prose.
	LongProseWords int
	// LongProseShare: the share of body words in paragraphs for long prose.
	LongProseShare float64
	// ShortBodyWords: a body under this many words is short.
	ShortBodyWords int
	// MinCodeBlocks: this many code blocks mark documentation.
	MinCodeBlocks int
	// MinInlineCode: this many <code> elements outside code blocks.
	MinInlineCode int
	// MinCTAs: this many call-to-action buttons.
	MinCTAs int
	// MinCards: this many teaser cards mark a list of items.
	MinCards int
	// LinkHeavyShare: a page whose text is more than this share links.
	LinkHeavyShare float64
	// ListBodyShare: a body with more than this share of its words in
	// list items is a list.
	ListBodyShare float64
	// MinPrices: this many prices mark a grid of products.
	MinPrices int
	// MinPosts: this many <time> elements, or sections marked as
	// comments, mark a thread of posts.
	MinPosts int
	// MinSections: this many headings, with under SectionWords words of
	// paragraphs each, mark a page of sections.
	MinSections  int
	SectionWords int
	// ProductsMany: this many Product items make a grid, not one product.
	ProductsMany int
	// MinComments: this many Comment or Answer items mark a thread.
	MinComments int
	// ShortSlugWords: a last path segment of at most this many words
	// gives SigURLShortSlug (unless it holds a number of SlugIDDigits
	// digits: an id).
	ShortSlugWords int
	SlugIDDigits   int
	// Page-wide counts of elements: MinArticles <article>s,
	// MinLinkedHeads linked headlines, MinImages <img>s, MinButtons
	// <button>s, MinPriceMarks and PriceGrid elements named as prices,
	// MinProductMarks named as products, MinFacets named as filters or
	// facets, MinAvatars named as avatars.
	MinArticles     int
	MinLinkedHeads  int
	MinImages       int
	MinButtons      int
	MinPriceMarks   int
	PriceGrid       int
	MinProductMarks int
	MinFacets       int
	MinAvatars      int
	// MinItems: the body read as a run of at least this many repeated
	// items gives SigItems or SigItemBlocks; ManyItems of them give
	// SigManyItems. Items averaging under CardItemPlain characters of
	// unlinked text (or mostly links) are cards, over LongItemPlain long.
	MinItems      int
	ManyItems     int
	CardItemPlain int
	LongItemPlain int
}

// DefaultPageTypeWeights are the thresholds in use.
var DefaultPageTypeWeights = PageTypeWeights{
	LongProseWords:  400,
	LongProseShare:  0.6,
	ShortBodyWords:  150,
	MinCodeBlocks:   2,
	MinInlineCode:   3,
	MinCTAs:         2,
	MinCards:        6,
	LinkHeavyShare:  0.5,
	ListBodyShare:   0.5,
	MinPrices:       4,
	MinPosts:        4,
	MinSections:     4,
	SectionWords:    60,
	ProductsMany:    3,
	MinComments:     3,
	ShortSlugWords:  2,
	SlugIDDigits:    4,
	MinArticles:     6,
	MinLinkedHeads:  8,
	MinImages:       40,
	MinButtons:      20,
	MinPriceMarks:   4,
	PriceGrid:       40,
	MinProductMarks: 10,
	MinFacets:       3,
	MinAvatars:      3,
	MinItems:        3,
	ManyItems:       10,
	CardItemPlain:   150,
	LongItemPlain:   400,
}
