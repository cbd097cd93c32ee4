package meta

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/label"
	"github.com/winnow-go/winnow/internal/rules"
	"github.com/winnow-go/winnow/internal/stop"
)

// Limits that keep one pass cheap on pathological pages.
const (
	maxDepth       = 512 // deeper elements are not visited
	maxCandidates  = 16  // per kind of DOM candidate
	afterH1Bytes   = 800 // text kept after a headline for subtitle and dateline checks
	beforeH1Bytes  = 300 // text kept before a headline for dateline checks
	bylineMaxBytes = 240 // a byline element longer than this is an author box
	subtitleMin    = 20  // shortest subtitle, in bytes
	subtitleMax    = 600 // longest subtitle, in bytes
	// subtitleReach is how much visible text may stand between the
	// headline and a subtitle element.
	subtitleReach = 400
)

// heading is an <h1> seen in the walk.
type heading struct {
	node    dom.Node
	text    string
	textEnd int             // text position at its end
	before  string          // visible text just before it (up to beforeH1Bytes)
	after   strings.Builder // visible text that follows it
	afterNP strings.Builder // the same, leaving out text inside <p>
	open    bool            // still capturing after
}

// textCand is a piece of text found in the DOM with where it was found.
type textCand struct {
	text      string
	rank      int    // lower is more trusted
	inArticle bool   // inside <article>, <main> or an article microdata scope
	textPos   int    // text position at its start
	modified  bool   // a date marked as an update
	shown     string // a <time> element's visible text
}

// collector gathers every metadata candidate of a page in one pass.
type collector struct {
	metas     map[string]string   // first content per meta key
	multi     map[string][]string // every content of repeating keys
	title     string
	htmlLang  string
	canonical string
	imageSrc  string
	relTags   []string
	jsonld    []string
	h1All     *heading
	h1Art     *heading
	headline  string // the first element named as the headline (flagHeadline)
	subs      []textCand
	bylines   []textCand
	times     []textCand
	dateTexts []textCand
	attrDates []textCand // ISO dates in title, content or datetime attributes of other elements
	recent    []byte     // the last visible text, for heading.before
	byLines   []textCand // visible "By ..." lines: the name pieces joined by bylinePieceSep
	byOpen    int        // text nodes still to add to the last of byLines
	textPos   int
	itemTypes []string    // microdata item types (Kinds.Microdata)
	labels    *label.Tree // what the label pass says of each element
	stop      *stop.Check // ends the walk once the extraction's context is done
}

func newCollector(t *label.Tree) *collector {
	return &collector{
		labels: t,
		stop:   t.Check(),
		metas:  make(map[string]string, 32),
		multi:  make(map[string][]string, 4),
	}
}

// walkState is what an element passes down to its children.
type walkState struct {
	inArticle bool
	inByline  bool
	inDate    bool
	inP       bool
	// hidden is set inside an element the page hides (label.Node.Hidden):
	// its text is no candidate for anything shown (headline, standfirst,
	// byline, date text), while its data (microdata, datetime
	// attributes, JSON-LD) is read as anywhere else.
	hidden bool
	depth  int
}

// walk visits the children of n, whose label id is id (-1 inside an
// element the label pass did not look into, such as <head>).
func (c *collector) walk(n dom.Node, id int32, st walkState) {
	if st.depth > maxDepth {
		return
	}
	next := id + 1 // the id of the next labelled child
	for ch := n.FirstChild(); !ch.Nil(); ch = ch.NextSibling() {
		switch ch.Type() {
		case html.TextNode:
			if !st.hidden {
				c.text(ch.Data(), st.inP)
			}
		case html.ElementNode:
			if c.stop.Stop() {
				return
			}
			cid := int32(-1)
			if id >= 0 {
				if cid = c.labels.ChildID(next, ch); cid >= 0 {
					next = c.labels.Nodes[cid].End
				}
			}
			c.element(ch, cid, st)
		}
	}
}

// text advances the text position and feeds open headline captures.
func (c *collector) text(s string, inP bool) {
	t := strings.TrimSpace(s)
	if t == "" {
		return
	}
	c.textPos += len(t) + 1
	if len(c.recent) > 2*beforeH1Bytes {
		c.recent = append(c.recent[:0], c.recent[len(c.recent)-beforeH1Bytes:]...)
	}
	c.recent = append(append(c.recent, t...), ' ')
	c.visibleByline(t)
	for i, h := range [2]*heading{c.h1All, c.h1Art} {
		if h != nil && h.open && (i == 0 || h != c.h1All) {
			h.after.WriteString(t)
			h.after.WriteByte(' ')
			if !inP {
				h.afterNP.WriteString(t)
				h.afterNP.WriteByte(' ')
			}
			if h.after.Len() >= afterH1Bytes {
				h.open = false
			}
		}
	}
}

func (c *collector) element(n dom.Node, id int32, st walkState) {
	if id >= 0 && c.labels.Hidden(id) {
		st.hidden = true
	}
	switch n.DataAtom() {
	case atom.Html:
		if c.htmlLang == "" {
			c.htmlLang = dom.Attr(n, "lang")
			if c.htmlLang == "" {
				c.htmlLang = dom.Attr(n, "xml:lang")
			}
		}
	case atom.Title:
		if c.title == "" {
			c.title = c.nodeText(n, 1024)
		}
		return
	case atom.Meta:
		c.meta(n)
		return
	case atom.Link:
		c.link(n)
		return
	case atom.Script:
		if strings.Contains(strings.ToLower(dom.Attr(n, "type")), "ld+json") && !n.FirstChild().Nil() && len(c.jsonld) < maxCandidates {
			c.jsonld = append(c.jsonld, n.FirstChild().Data())
		}
		return
	case atom.Article, atom.Main:
		st.inArticle = true
	case atom.P:
		st.inP = true
	case atom.H1:
		if !st.hidden {
			c.h1(n, id, st)
			return
		}
	case atom.Time:
		c.time(n, id, st)
	case atom.A:
		if !st.hidden {
			c.anchor(n, st)
		}
		if st.inDate && len(c.attrDates) < maxCandidates {
			// A date's link to its day's archive: "/2019/11/19/".
			if d := urlDate(dom.Attr(n, "href")); d != "" {
				c.attrDates = append(c.attrDates, textCand{text: d, inArticle: st.inArticle})
			}
		}
	}
	if skipTag(n.DataAtom()) {
		return
	}
	var itemprop, itemtype, role string
	hasClass := false
	// The keys are told apart by their atoms, and the others by name; a
	// value is read only for a key looked at.
	for a := range n.AttrRefs() {
		switch a.KeyAtom() {
		case atom.Datetime, atom.Title, atom.Content:
			if n.DataAtom() != atom.Time {
				c.attrDate(a.Key(), a.Val(), st)
			}
		case atom.Itemprop:
			itemprop = a.Val()
		case atom.Itemtype:
			itemtype = a.Val()
		case atom.Class, atom.Id:
			hasClass = true
		case 0:
			switch k := a.Key(); k {
			case "data-time", "data-date", "data-datetime", "data-timestamp":
				if n.DataAtom() != atom.Time {
					c.attrDate(k, a.Val(), st)
				}
			case "role":
				role = a.Val()
			default:
				if n.DataAtom() != atom.Time && isPublishedAttr(k) {
					c.attrDate(k, a.Val(), st)
				}
			}
		}
	}
	if itemtype != "" {
		for t := range strings.FieldsSeq(itemtype) {
			if len(c.itemTypes) < maxKinds {
				c.itemTypes = append(c.itemTypes, strings.ToLower(lastPathPart(t)))
			}
		}
	}
	if role == "main" || itemtype != "" && isArticleItemtype(itemtype) {
		st.inArticle = true
	}
	if itemprop != "" {
		c.itemprop(n, strings.ToLower(itemprop), st)
		if len(c.attrDates) > 0 && c.attrDates[len(c.attrDates)-1].rank == attrDateOpen {
			// An itemprop's content is read as that property.
			c.attrDates = c.attrDates[:len(c.attrDates)-1]
		}
	}
	if len(c.attrDates) > 0 && c.attrDates[len(c.attrDates)-1].rank == attrDateOpen {
		c.attrDates[len(c.attrDates)-1].rank = 0
	}
	if hasClass {
		f := c.classFlags(n, id)
		if st.hidden {
			// Hidden names and standfirsts are not shown, so they are
			// no byline or subtitle; a hidden date is still the date.
			f &^= flagByline | flagSubtitle
		}
		if f&flagByline != 0 && f&(flagNotByline|flagMedia) == 0 && !st.inByline && len(c.bylines) < maxCandidates {
			if t := c.nodeText(n, bylineMaxBytes+1); t != "" && len(t) <= bylineMaxBytes {
				c.bylines = append(c.bylines, textCand{text: t, rank: 3, inArticle: st.inArticle, textPos: c.textPos})
				st.inByline = true
			}
		}
		if f&flagHeadline != 0 && f&(flagSubtitle|flagKicker|flagMedia|flagByline) == 0 && !st.hidden && c.headline == "" {
			if t := c.nodeText(n, subtitleMax+1); len(t) <= subtitleMax {
				c.headline = t
			}
		}
		if f&flagSubtitle != 0 && f&(flagKicker|flagMedia|flagByline) == 0 {
			c.addSubtitle(n, st)
		}
		if f&(flagDate|flagModified) != 0 && !st.inDate && len(c.dateTexts) < maxCandidates {
			if t := c.nodeText(n, 200); t != "" {
				c.dateTexts = append(c.dateTexts, textCand{text: t, inArticle: st.inArticle, modified: f&flagModified != 0})
				st.inDate = true
			}
		}
	}
	st.depth++
	c.walk(n, id, st)
}

// subtitleTag reports elements that may hold a standfirst.
func subtitleTag(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.H2, atom.H3, atom.H4, atom.Span, atom.Section, atom.Header, atom.Strong, atom.B, atom.Em:
		return true
	}
	return false
}

// isArticleItemtype reports a microdata itemtype naming an article type.
func isArticleItemtype(v string) bool {
	for t := range strings.FieldsSeq(v) {
		if articleTypes[strings.ToLower(lastPathPart(t))] {
			return true
		}
	}
	return false
}

// lastPathPart returns what follows the last '/' or ':' of a schema.org
// type name, so "http://schema.org/NewsArticle" gives "NewsArticle".
func lastPathPart(s string) string {
	if i := strings.LastIndexAny(s, "/:#"); i >= 0 {
		return s[i+1:]
	}
	return s
}

func (c *collector) meta(n dom.Node) {
	var keys [4]string
	k := 0
	content, hasContent := "", false
	for a := range n.AttrRefs() {
		isKey := false // name, property, itemprop or http-equiv
		switch a.KeyAtom() {
		case atom.Name, atom.Itemprop, atom.HttpEquiv:
			isKey = true
		case atom.Content:
			content, hasContent = a.Val(), true
		case 0:
			isKey = a.Key() == "property" // spells no atom
		}
		if isKey && k < len(keys) {
			if v := a.Val(); v != "" {
				keys[k] = v
				k++
			}
		}
	}
	if !hasContent {
		return
	}
	content = strings.TrimSpace(content)
	if content == "" {
		return
	}
	for _, key := range keys[:k] {
		// property may hold several space-separated names (RDFa).
		for f := range strings.FieldsSeq(key) {
			f = strings.ToLower(f)
			if metaMultiKeys[f] {
				c.multi[f] = append(c.multi[f], content)
			}
			if _, ok := c.metas[f]; !ok {
				c.metas[f] = content
			}
		}
	}
}

func (c *collector) link(n dom.Node) {
	rel := strings.ToLower(dom.Attr(n, "rel"))
	href := strings.TrimSpace(dom.Attr(n, "href"))
	if rel == "" || href == "" {
		return
	}
	for r := range strings.FieldsSeq(rel) {
		switch r {
		case "canonical":
			if c.canonical == "" {
				c.canonical = href
			}
		case "image_src":
			if c.imageSrc == "" {
				c.imageSrc = href
			}
		}
	}
}

func (c *collector) h1(n dom.Node, id int32, st walkState) {
	t := c.nodeText(n, 1024)
	if t == "" {
		c.walk(n, id, st)
		return
	}
	c.textPos += len(t) + 1
	before := c.recent
	if len(before) > beforeH1Bytes {
		before = before[len(before)-beforeH1Bytes:]
	}
	h := &heading{node: n, text: t, textEnd: c.textPos, open: true, before: string(before)}
	if c.h1All == nil {
		c.h1All = h
	}
	if st.inArticle && c.h1Art == nil {
		c.h1Art = h
	}
}

func (c *collector) time(n dom.Node, id int32, st walkState) {
	if len(c.times) >= maxCandidates {
		return
	}
	v := strings.TrimSpace(dom.Attr(n, "datetime"))
	if v == "" {
		v, _ = dom.LookupAttr(n, "content")
	}
	shown := ""
	if !st.hidden {
		shown = c.nodeText(n, 100)
	}
	if v == "" {
		v = shown
	}
	if v == "" {
		return
	}
	ip := strings.ToLower(dom.Attr(n, "itemprop"))
	mod := ip == "datemodified" || c.classFlags(n, id)&flagModified != 0
	if !mod && !n.Parent().Nil() && n.Parent().Type() == html.ElementNode {
		parent := int32(-1) // a labelled element's parent is labelled
		if id >= 0 {
			parent = c.labels.Nodes[id].Parent
		}
		mod = c.classFlags(n.Parent(), parent)&flagModified != 0
	}
	c.times = append(c.times, textCand{text: v, inArticle: st.inArticle, modified: mod, shown: shown})
}

func (c *collector) anchor(n dom.Node, st walkState) {
	rel := dom.Attr(n, "rel")
	if rel == "" {
		return
	}
	for r := range strings.FieldsSeq(strings.ToLower(rel)) {
		switch r {
		case "tag":
			if len(c.relTags) < 4*maxCandidates {
				if t := c.nodeText(n, 100); t != "" {
					c.relTags = append(c.relTags, t)
				}
			}
		case "author":
			if len(c.bylines) < maxCandidates {
				if t := c.nodeText(n, bylineMaxBytes); t != "" {
					c.bylines = append(c.bylines, textCand{text: t, rank: 2, inArticle: st.inArticle, textPos: c.textPos})
				}
			}
		}
	}
}

// itemprop reads microdata properties on elements other than <meta>.
func (c *collector) itemprop(n dom.Node, prop string, st walkState) {
	for p := range strings.FieldsSeq(prop) {
		switch p {
		case "author", "creator":
			if len(c.bylines) >= maxCandidates {
				return
			}
			if t := c.itemName(n); t != "" {
				c.bylines = append(c.bylines, textCand{text: t, rank: 1, inArticle: st.inArticle, textPos: c.textPos})
			}
		case "datepublished", "datemodified", "datecreated":
			v := dom.Attr(n, "content")
			if v == "" {
				v = dom.Attr(n, "datetime")
			}
			if v == "" {
				v = c.nodeText(n, 100)
			}
			if _, ok := c.metas[p]; !ok && v != "" {
				c.metas[p] = v
			}
		case "headline":
			// A visible <h1> is read as the headline anyway; a
			// hidden one is only microdata.
			if _, ok := c.metas["headline"]; !ok && (n.DataAtom() != atom.H1 || st.hidden) {
				if t := c.nodeText(n, 1024); t != "" {
					c.metas["headline"] = t
				}
			}
		case "description", "alternativeheadline", "abstract":
			if !st.hidden {
				c.addSubtitle(n, st)
			}
		}
	}
}

// itemName returns the name inside an itemprop=author element: its content
// attribute, a descendant itemprop=name, or its text when short.
func (c *collector) itemName(n dom.Node) string {
	if v := strings.TrimSpace(dom.Attr(n, "content")); v != "" {
		return v
	}
	if name := findItemprop(n, "name"); !name.Nil() {
		if v := strings.TrimSpace(dom.Attr(name, "content")); v != "" {
			return v
		}
		return c.nodeText(name, bylineMaxBytes)
	}
	t := c.nodeText(n, bylineMaxBytes+1)
	if len(t) > bylineMaxBytes {
		return ""
	}
	return t
}

func findItemprop(n dom.Node, prop string) dom.Node {
	var found dom.Node
	depth := 0 // elements between n and the one entered
	dom.Walk(n, func(c dom.Node) dom.Step {
		if c.Type() != html.ElementNode || depth > maxItempropDepth {
			return dom.Skip
		}
		if strings.EqualFold(dom.Attr(c, "itemprop"), prop) {
			found = c
			return dom.Stop
		}
		depth++
		return dom.Descend
	}, func(dom.Node) { depth-- })
	return found
}

// maxItempropDepth bounds how deep below an item findItemprop looks.
const maxItempropDepth = 8

// addSubtitle records n as a standfirst candidate when it is a text
// element of the right length that holds no media, lists or headings and
// is not mostly links (a row of related headlines).
func (c *collector) addSubtitle(n dom.Node, st walkState) {
	if len(c.subs) >= maxCandidates || !subtitleTag(n.DataAtom()) {
		return
	}
	var b strings.Builder
	linkBytes := 0
	links := 0 // links entered
	ok := dom.Walk(n, func(ch dom.Node) dom.Step {
		switch ch.Type() {
		case html.TextNode:
			b.WriteString(ch.Data())
			if links > 0 {
				linkBytes += len(strings.TrimSpace(ch.Data()))
			}
			if b.Len() > 2*subtitleMax {
				return dom.Stop
			}
		case html.ElementNode:
			switch ch.DataAtom() {
			case atom.Img, atom.Figure, atom.Picture, atom.Video, atom.Ul, atom.Ol, atom.Table,
				atom.H1, atom.H2, atom.H3, atom.Form, atom.Iframe:
				return dom.Stop
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Button:
			default:
				if c.labels.IsHidden(ch) {
					break
				}
				b.WriteByte(' ')
				if ch.DataAtom() == atom.A {
					links++
				}
				return dom.Descend
			}
		}
		return dom.Skip
	}, func(ch dom.Node) {
		if ch.DataAtom() == atom.A {
			links--
		}
	})
	if !ok {
		return
	}
	t := dom.Collapse(b.String())
	if len(t) < subtitleMin || len(t) > subtitleMax || 2*linkBytes > len(t) || startsWithByline(t) {
		return
	}
	c.subs = append(c.subs, textCand{text: t, inArticle: st.inArticle, textPos: c.textPos})
}

// startsWithByline reports text that opens with a byline word ("By ...").
func startsWithByline(t string) bool {
	_, ok := rules.CutBylinePrefix(t)
	return ok || strings.HasPrefix(t, "@")
}

// isPublishedAttr reports an attribute named for the time a post was
// created or published ("created-timestamp", "data-published-at"), not
// for an update or an expiry.
func isPublishedAttr(k string) bool {
	return len(k) > 6 && (strings.Contains(k, "creat") || strings.Contains(k, "publish")) &&
		!isModifiedKey(k) && !strings.Contains(k, "expir")
}

// attrDateOpen marks the attribute date of the element being read, until
// its itemprop (which reads the same value as a property) is known.
const attrDateOpen = -1

// attrDate records an ISO date with a time of day ("2019-11-19T08:03"),
// or a plain ISO day ("2019-11-19", the whole value, or the start of a
// datetime attribute), found in an attribute of an element other than
// <meta> and <time>: a tooltip (hAtom's <abbr title>), a content or
// datetime attribute on a <span>, a data-time.
func (c *collector) attrDate(key, v string, st walkState) {
	if len(c.attrDates) >= maxCandidates || len(v) < 10 || len(v) > 40 || v[0] < '0' || v[0] > '9' {
		return
	}
	if !allDigits(v[:4]) || v[4] != '-' {
		if key != "data-timestamp" && key != "data-time" || !allDigits(v) {
			return
		}
	} else if key != "datetime" && len(v) != len("2006-01-02") && (len(v) < 16 || v[10] != 'T' && v[10] != ' ') {
		return
	}
	d := parseDate(v)
	if d == "" {
		return
	}
	c.attrDates = append(c.attrDates, textCand{text: d, inArticle: st.inArticle, rank: attrDateOpen})
}

// Limits of a visible "By ..." line read from the text nodes.
const (
	byLineNodes     = 4   // text nodes after the prefix
	byLineMaxBytes  = 120 // a longer text node is prose, not a byline
	byLineMax       = 8   // lines kept
	byLabelMaxBytes = 24  // the longest byline label standing alone
)

// bylinePieceSep joins the text nodes of a visible byline, so that each
// node is one piece.
const bylinePieceSep = " | "

// visibleByline reads bylines written as text: a short text node opening
// with a byline prefix ("By Jane Doe", "Par", "Von", "Written by") or
// made of the prefix alone, and the few text nodes after it, where the
// names often stand in their own elements. Photo credits are left out.
func (c *collector) visibleByline(t string) {
	if c.byOpen > 0 {
		l := &c.byLines[len(c.byLines)-1]
		l.text += bylinePieceSep + t
		c.byOpen--
		if len(t) > byLineMaxBytes {
			c.byOpen = 0
		}
		return
	}
	if len(t) > byLineMaxBytes || len(c.byLines) >= byLineMax {
		return
	}
	rest, ok := rules.CutBylinePrefix(t)
	if !ok && len(t) <= byLabelMaxBytes && (len(t) <= 6 || t[len(t)-1] == ':' || len(t) > 3 && strings.EqualFold(t[len(t)-3:], " by")) {
		// The label alone ("By", "Von", "Written by", "Autor:"): the
		// names follow. Only text shaped like one is tried.
		rest, ok = rules.CutBylineLabel(t)
	}
	if !ok || len(t) >= 5 && strings.EqualFold(t[:5], "photo") {
		return
	}
	c.byLines = append(c.byLines, textCand{text: strings.TrimSpace(rest), textPos: c.textPos - len(t) - 1})
	c.byOpen = byLineNodes
}
