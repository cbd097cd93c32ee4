// Package pagetype decides what kind of page a page is: article, forum,
// product, listing, documentation, service or collection.
//
// It reads what the earlier stages already know, and parses nothing
// again: the types the page declares (JSON-LD, microdata, og:type, read
// by internal/meta), the shape of its URL, the labels of internal/label
// (one linear loop over the labelled elements) and the body the content
// stage kept. Each piece of evidence is a signal of rules.PageTypeVotes;
// the kind with the best total wins (see internal/rules/pagetype.go).
package pagetype

import (
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/content"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/meta"
	"github.com/winnow-go/winnow/internal/rules"
)

// Page is what the classifier reads of one page.
type Page struct {
	URL    string
	Meta   article.Metadata
	Kinds  meta.Kinds
	Labels *label.Tree // may be nil (text mode)
	Shape  content.Shape
	Blocks []article.Block
}

// Signals holds the strength (0 to 1) of each signal seen on a page.
type Signals map[rules.PageSignal]float64

// Classify returns the kind of page p is.
func Classify(p *Page) article.PageType {
	t, _ := Explain(p)
	return t
}

// Explain is Classify that also returns the signals it weighed.
func Explain(p *Page) (article.PageType, Signals) {
	s := Read(p, &rules.DefaultPageTypeWeights)
	return Decide(s), s
}

// Decide weighs signals with rules.PageTypeVotes. The signals are summed
// in name order, so that a close call comes out the same on every run.
// When the address is all there is to go by, the priors are
// rules.PageTypeURLPrior.
func Decide(s Signals) article.PageType {
	sigs := make([]rules.PageSignal, 0, len(s))
	for sig := range s {
		sigs = append(sigs, sig)
	}
	slices.Sort(sigs)
	prior := rules.PageTypeURLPrior
	for _, sig := range sigs {
		if !rules.URLSignals[sig] {
			prior = rules.PageTypePrior
			break
		}
	}
	best, bestScore := rules.PageTypes[0], 0.0
	for i, t := range rules.PageTypes {
		score := prior[t]
		for _, sig := range sigs {
			score += s[sig] * rules.PageTypeVotes[sig][t]
		}
		if i == 0 || score > bestScore {
			best, bestScore = t, score
		}
	}
	return best
}

// Read gathers the signals of a page.
func Read(p *Page, w *rules.PageTypeWeights) Signals {
	s := make(Signals, 16)
	declared(s, p.Kinds, w)
	urlShape(s, p.URL)
	structure(s, p, w)
	return s
}

// DeclaresProduct reports whether the page's markup declares one product:
// a ProductGroup (one product, its variants), fewer than a grid's worth of
// Product items, or og:type product with no such grid. The content stage
// then cuts the product's review widget.
func DeclaresProduct(k meta.Kinds) bool {
	s := make(Signals, 4)
	declared(s, k, &rules.DefaultPageTypeWeights)
	return s[rules.SigDeclProduct] > 0 || s[rules.SigOGProduct] > 0 && s[rules.SigDeclProducts] == 0
}

// DeclaresThread reports whether the page's markup declares a discussion
// (DiscussionForumPosting, QAPage) and no article: a thread whose posts
// are its content, however they are named. The content stage then reads
// posts cut as comments as the page's text when nothing else is kept.
func DeclaresThread(k meta.Kinds) bool {
	s := make(Signals, 4)
	declared(s, k, &rules.DefaultPageTypeWeights)
	return s[rules.SigDeclForum] > 0 && s[rules.SigDeclArticle] == 0 && s[rules.SigOGArticle] == 0
}

// declared reads the types the page's markup declares.
func declared(s Signals, k meta.Kinds, w *rules.PageTypeWeights) {
	products, comments, webpage, art := 0, 0, false, false
	for _, list := range [2][]string{k.LD, k.Microdata} {
		for _, t := range list {
			switch {
			case rules.ProductKinds[t]:
				products++
			case rules.CommentKinds[t]:
				comments++
			case rules.WebPageKinds[t]:
				webpage = true
			}
			if sig, ok := rules.DeclaredKinds[t]; ok {
				s[sig] = 1
				if sig == rules.SigDeclArticle || sig == rules.SigDeclTech {
					art = true
				}
			}
		}
	}
	switch {
	case products >= w.ProductsMany:
		s[rules.SigDeclProducts] = 1
	case products > 0:
		s[rules.SigDeclProduct] = 1
	}
	if comments >= w.MinComments {
		s[rules.SigDeclComments] = 1
	}
	if webpage && !art {
		s[rules.SigDeclWebPage] = 1
	}
	if sig, ok := rules.OGKinds[k.OGType]; ok {
		s[sig] = 1
	}
}

// urlShape reads the folders of the page's path: weak evidence, and never
// its host.
func urlShape(s Signals, pageURL string) {
	if pageURL == "" {
		return
	}
	u, err := url.Parse(pageURL)
	if err != nil {
		return
	}
	path := strings.ToLower(strings.Trim(u.Path, "/"))
	if path == "" || path == "index.html" || path == "index.php" {
		if u.RawQuery == "" {
			s[rules.SigURLHome] = 1
		}
	} else {
		segs := strings.Split(path, "/")
		for i, seg := range segs {
			if i < len(segs)-1 {
				if sig, ok := rules.URLFolders[seg]; ok {
					s[sig] = 1
				}
				if isYear(seg) && i+2 < len(segs) {
					s[rules.SigURLArticle] = 1
				}
			} else if sig, ok := rules.URLLastFolders[seg]; ok {
				s[sig] = 1
			}
		}
	}
	for _, kv := range strings.Split(u.RawQuery, "&") {
		k, _, _ := strings.Cut(kv, "=")
		if rules.URLListingParams[strings.ToLower(k)] {
			s[rules.SigURLListing] = 1
		}
	}
}

// shortSlug reports a path whose last segment (its file extension left
// out; the folder's when the file is an index) is a word or two and no
// id: "/news", "/recipes/air-fryer-recipes", "/services/plumbing/", the
// name of a section or an offer, where a story's slug runs to a phrase
// ("/2024/05/libraries-to-close-next-spring") or an id ("/a/83114").
//
// It is read only beside a body: alone (text mode, a page refused) a
// short name says too little to outvote an article.
func shortSlug(pageURL string, w *rules.PageTypeWeights) bool {
	u, err := url.Parse(pageURL)
	if pageURL == "" || err != nil {
		return false
	}
	path := strings.Trim(u.Path, "/")
	if path == "" {
		return false
	}
	segs := strings.Split(path, "/")
	last := segs[len(segs)-1]
	if i := strings.LastIndexByte(last, '.'); i > 0 {
		last = last[:i]
	}
	if last == "index" || last == "default" {
		if len(segs) < 2 {
			return false
		}
		last = segs[len(segs)-2]
	}
	words, digits := 0, 0
	inWord := false
	for _, r := range last {
		if r >= '0' && r <= '9' {
			digits++
			if digits >= w.SlugIDDigits {
				return false
			}
		} else {
			digits = 0
		}
		sep := r == '-' || r == '_' || r == '+' || r == ' '
		if !sep && !inWord {
			words++
		}
		inWord = !sep
	}
	return words > 0 && words <= w.ShortSlugWords
}

// isYear reports a path folder that is a year, as in /2024/05/slug.
func isYear(seg string) bool {
	return len(seg) == 4 && (strings.HasPrefix(seg, "19") || strings.HasPrefix(seg, "20")) &&
		strings.IndexFunc(seg, func(r rune) bool { return r < '0' || r > '9' }) < 0
}

// structure reads the body the content stage kept and the labelled page.
// A page the content stage refused whole (an application shell, a bot
// challenge) has a zero Shape and no structure to read: only what it
// declares counts.
func structure(s Signals, p *Page, w *rules.PageTypeWeights) {
	sh := p.Shape
	if sh == (content.Shape{}) {
		return
	}
	if shortSlug(p.URL, w) {
		s[rules.SigURLShortSlug] = 1
	}
	if sh.ParagraphWords >= w.LongProseWords && float64(sh.ParagraphWords) >= w.LongProseShare*float64(sh.Words) {
		s[rules.SigLongProse] = 1
	}
	if sh.Words < w.ShortBodyWords {
		s[rules.SigShortBody] = 1
	}
	if len(p.Meta.Authors) > 0 {
		s[rules.SigByline] = 1
	}
	if p.Meta.Published != "" {
		s[rules.SigDated] = 1
		if strings.HasPrefix(p.Meta.Sources["published"], "modified") {
			s[rules.SigDateModified] = 1
		}
	}
	if sh.RootArticle {
		s[rules.SigRootMarked] = 1
	}
	if sh.Code >= w.MinCodeBlocks {
		s[rules.SigCode] = 1
	}
	if sh.Tables > 0 {
		s[rules.SigTables] = 1
	}
	if sh.Cards >= w.MinCards {
		s[rules.SigCards] = 1
	}
	if sh.Words > 0 && float64(sh.ListWords) > w.ListBodyShare*float64(sh.Words) {
		s[rules.SigListBody] = 1
	}
	if sh.Headings >= w.MinSections && sh.ParagraphWords < w.SectionWords*sh.Headings {
		s[rules.SigSections] = 1
	}
	items(s, sh, w)
	prices := countPrices(p.Meta.Title)
	for i := range p.Blocks {
		prices += blockPrices(&p.Blocks[i])
	}
	switch {
	case prices >= w.MinPrices:
		s[rules.SigPrices] = 1
	case prices > 0:
		s[rules.SigPrice] = 1
	}
	if p.Labels == nil {
		return
	}
	nodes := p.Labels.Nodes
	if len(nodes) > 0 && nodes[0].TextLen > 0 && float64(nodes[0].LinkLen) > w.LinkHeavyShare*float64(nodes[0].TextLen) {
		s[rules.SigLinkHeavy] = 1
	}
	times, comments, code, ctas, cart := 0, 0, 0, 0, false
	var c pageCounts
	for i := range nodes {
		n := &nodes[i]
		c.names(n)
		e := p.Labels.DOMOf(n)
		switch e.DataAtom() {
		case atom.Article:
			c.articles++
		case atom.Img:
			c.images++
		case atom.Time:
			times++
		case atom.Code:
			if n.Parent >= 0 && p.Labels.DOM(n.Parent).DataAtom() != atom.Pre {
				code++
			}
		case atom.Button:
			c.buttons++
			t := dom.RawText(e, nil)
			cart = cart || has(t, rules.CartPhrases)
			if has(t, rules.CTAPhrases) {
				ctas++
			}
		case atom.Input:
			if strings.EqualFold(dom.Attr(e, "type"), "submit") {
				cart = cart || has(dom.Attr(e, "value"), rules.CartPhrases)
			}
		case atom.A:
			if n.TextLen > 0 && n.TextLen <= maxButtonText && buttonLike(dom.Attr(e, "class")) && has(dom.RawText(e, nil), rules.CTAPhrases) {
				ctas++
			}
		}
		if n.Mark == label.MarkComments && n.TextLen > 0 && (n.Parent < 0 || nodes[n.Parent].Mark != label.MarkComments) {
			comments++
		}
	}
	if times >= w.MinPosts || comments >= w.MinPosts {
		s[rules.SigPosts] = 1
	}
	if cart {
		s[rules.SigCart] = 1
	}
	if code >= w.MinInlineCode {
		s[rules.SigInlineCode] = 1
	}
	if ctas >= w.MinCTAs {
		s[rules.SigCTA] = 1
	}
	c.heads = int(nodes[0].Heads)
	c.signals(s, w)
}

// pageCounts counts, over the whole page, the elements whose number tells
// its kind: how it is built, whatever the content stage kept of it.
type pageCounts struct {
	articles, heads, images, buttons int
	// named counts the elements that name each of rules.PageClassWords,
	// once for the class and once for the id.
	named [rules.MaxPageClassWords]int
}

// names counts the element as each kind rules.PageClassWords finds in
// its class and in its id, which the label pass read (label.Node.ClassWords,
// IDWords: the class value's words once per name a page uses).
func (c *pageCounts) names(n *label.Node) {
	for _, words := range [2]uint8{n.ClassWords, n.IDWords} {
		for i := 0; words != 0; i, words = i+1, words>>1 {
			if words&1 != 0 {
				c.named[i]++
			}
		}
	}
}

// signals turns the counts into signals.
func (c *pageCounts) signals(s Signals, w *rules.PageTypeWeights) {
	set := func(sig rules.PageSignal, n, least int) {
		if n >= least {
			s[sig] = 1
		}
	}
	set(rules.SigManyArticles, c.articles, w.MinArticles)
	set(rules.SigLinkedHeads, c.heads, w.MinLinkedHeads)
	set(rules.SigManyImages, c.images, w.MinImages)
	set(rules.SigManyButtons, c.buttons, w.MinButtons)
	set(rules.SigPriceMarks, c.namedAs(rules.SigPriceMarks), w.MinPriceMarks)
	set(rules.SigPriceGrid, c.namedAs(rules.SigPriceMarks), w.PriceGrid)
	set(rules.SigProductMarks, c.namedAs(rules.SigProductMarks), w.MinProductMarks)
	set(rules.SigFacets, c.namedAs(rules.SigFacets), w.MinFacets)
	set(rules.SigAvatars, c.namedAs(rules.SigAvatars), w.MinAvatars)
}

// namedAs is how many elements name a word of sig's.
func (c *pageCounts) namedAs(sig rules.PageSignal) int {
	n := 0
	for i, cw := range rules.PageClassWords {
		if cw.Signal == sig {
			n += c.named[i]
		}
	}
	return n
}

// items reads the run of repeated sibling items the content stage read
// the body as, if any (see internal/content/kinds.go). A run lifted out
// of what the article rules cut is a listing's results, a shop's cards or
// a thread's posts; a run held inside the article root is a body built of
// like blocks (a service page's feature boxes) rather than flowing prose.
// Short or linked items are cards; long ones posts or sections.
func items(s Signals, sh content.Shape, w *rules.PageTypeWeights) {
	if sh.Items < w.MinItems {
		return
	}
	if sh.ItemsLifted {
		s[rules.SigItems] = 1
	} else {
		s[rules.SigItemBlocks] = 1
	}
	if sh.Items >= w.ManyItems {
		s[rules.SigManyItems] = 1
	}
	switch {
	case sh.ItemsLinked || sh.ItemPlain < w.CardItemPlain:
		s[rules.SigItemCards] = 1
	case sh.ItemPlain >= w.LongItemPlain:
		s[rules.SigLongItems] = 1
	}
}

// maxButtonText is the longest text, in bytes, of a button.
const maxButtonText = 60

// has reports a short text (a button's) that holds one of the phrases.
func has(text string, phrases []string) bool {
	if len(text) > maxButtonText {
		return false
	}
	return rules.FoldContainsAny(text, phrases)
}

// buttonLike reports a class value that styles a link as a button.
func buttonLike(class string) bool {
	for i := 0; i < len(class); i++ {
		if class[i] >= utf8.RuneSelf {
			c := strings.ToLower(class)
			return strings.Contains(c, "btn") || strings.Contains(c, "button") || strings.Contains(c, "cta")
		}
	}
	// ASCII: looked for in place, without a lower-case copy.
	return containsLowerASCII(class, "btn") || containsLowerASCII(class, "button") || containsLowerASCII(class, "cta")
}

// containsLowerASCII reports whether the ASCII s, lower-cased, holds sub
// (lower case).
func containsLowerASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

func blockPrices(b *article.Block) int {
	switch b.Type {
	case article.List:
		n := 0
		for _, it := range b.Items {
			n += countPrices(it)
		}
		return n
	case article.Table:
		n := 0
		for _, r := range b.Rows {
			for _, c := range r {
				n += countPrices(c)
			}
		}
		return n
	case article.Figure:
		return countPrices(b.Caption)
	}
	return countPrices(b.Text)
}

// countPrices counts amounts of money in s: a currency sign or code next
// to a number ("$19.99", "19,99 €", "EUR 20").
func countPrices(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isCurrency(r) {
			if digitNear(s, i, i+size) {
				n++
			}
		}
		i += size
	}
	return n
}

// isCurrency reports a currency sign.
func isCurrency(r rune) bool {
	switch r {
	case '$', '€', '£', '¥', '₹', '₽', '₩', '₺', '₫', '₱', '₪':
		return true
	}
	return false
}

// digitNear reports a digit right before s[i:] or right after s[:j],
// allowing one space between.
func digitNear(s string, i, j int) bool {
	k := j
	if k < len(s) && s[k] == ' ' {
		k++
	}
	if k < len(s) && s[k] >= '0' && s[k] <= '9' {
		return true
	}
	k = i - 1
	if k >= 0 && s[k] == ' ' {
		k--
	}
	if k >= 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:k+1])
		return unicode.IsDigit(r)
	}
	return false
}
