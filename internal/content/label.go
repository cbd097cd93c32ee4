package content

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/article"
	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// elem is what the label pass learns about one element.
type elem struct {
	n      *html.Node
	parent int32
	// mark is the chrome this element is marked as by its tag, role,
	// tokens or visibility; "" when none.
	mark article.Reason
	// drop is set for elements whose subtree is never article text
	// (scripts, styles, form controls).
	drop bool
	// contentHint is 2 for an element named as the article body
	// ("article-body", itemprop=articleBody), 1 for a weaker content
	// token or an <article>/<main> tag, else 0.
	contentHint int8
	textLen     int // characters of visible text in the subtree
	linkLen     int // of which inside links
	paraLen     int // of which inside <p> and not in links: the prose
	// heads counts the linked headlines in the subtree: headings whose
	// text is nearly all one link, the mark of a teaser card.
	heads int
	// card is set on an element that holds one linked headline among
	// siblings that hold more: one teaser in a row of them.
	card bool
	// removed is the effective decision: the element's subtree is cut,
	// for reason mark.
	removed bool
}

// label runs the first pass: it numbers the elements, marks chrome, and
// sums text and link lengths bottom-up.
func (x *extraction) label(doc *html.Node) {
	x.labelNode(doc, -1, false, false)
	if len(x.nodes) > 0 {
		x.totalText = x.nodes[0].textLen
		x.totalPara = x.nodes[0].paraLen
		x.totalPlain = x.totalText - x.nodes[0].linkLen
	}
	x.decideRemovals()
	x.sweepSections()
	x.findCards()
}

// sweepSections cuts the section that a "Related stories" or "Comments"
// heading opens: the siblings after the heading, up to the next heading.
// The heading tells what they are even when their own markup does not.
func (x *extraction) sweepSections() {
	for i := range x.nodes {
		e := &x.nodes[i]
		if !isHeading(e.n) || e.textLen == 0 || e.textLen > 60 || x.parentRemoved(int32(i)) {
			continue
		}
		reason := e.mark
		if !e.removed {
			text, _ := x.textOfAll(e.n)
			reason = rules.Phrases.MatchExact(text)
			if reason == "" && rules.IsTeaserHeading(text) {
				reason = article.ReasonTeaser
			}
		}
		if reason != article.ReasonTeaser && reason != article.ReasonComments {
			continue
		}
		e.removed, e.mark = true, reason
		for sib := e.n.NextSibling; sib != nil; sib = sib.NextSibling {
			if sib.Type != html.ElementNode {
				continue
			}
			if isHeading(sib) && sib.Data <= e.n.Data {
				break
			}
			s := &x.nodes[x.index[sib]]
			if s.contentHint == 2 {
				break
			}
			if !s.removed {
				s.removed, s.mark = true, reason
			}
		}
	}
}

// parentRemoved reports whether an ancestor of id is removed.
func (x *extraction) parentRemoved(id int32) bool {
	for p := x.nodes[id].parent; p >= 0; p = x.nodes[p].parent {
		if x.nodes[p].removed {
			return true
		}
	}
	return false
}

// findCards marks teaser cards: elements that hold one linked headline
// (and what goes with it: a picture, a summary, a date) inside a parent
// that holds at least three. Nodes are in document order, so a parent is
// always seen before its children.
func (x *extraction) findCards() {
	for i := range x.nodes {
		e := &x.nodes[i]
		if e.parent < 0 || e.heads != 1 || isHeading(e.n) || e.textLen > maxCardText || e.contentHint == 2 {
			continue
		}
		p := &x.nodes[e.parent]
		if p.heads >= 3 && !p.card {
			e.card = true
		}
	}
}

// maxCardText bounds a teaser card, in characters: a headline and a
// summary. An article whose own headline is a permalink is longer.
const maxCardText = 800

func isHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// sizes are the text lengths of a subtree.
type sizes struct{ text, link, para, heads int }

// labelNode labels n's subtree and returns its text sizes.
func (x *extraction) labelNode(n *html.Node, parent int32, inLink, inPara bool) sizes {
	switch n.Type {
	case html.TextNode:
		l := visibleLen(n.Data)
		switch {
		case inLink:
			return sizes{text: l, link: l}
		case inPara:
			return sizes{text: l, para: l}
		}
		return sizes{text: l}
	case html.ElementNode, html.DocumentNode:
	default:
		return sizes{}
	}
	id := int32(len(x.nodes))
	x.nodes = append(x.nodes, elem{n: n, parent: parent})
	x.index[n] = id
	if n.Type == html.ElementNode {
		x.markElement(id)
		switch n.DataAtom {
		case atom.A:
			inLink = true
		case atom.P:
			inPara = true
		}
	}
	if x.nodes[id].drop {
		return sizes{}
	}
	var sum sizes
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		s := x.labelNode(c, id, inLink, inPara)
		sum.text += s.text
		sum.link += s.link
		sum.para += s.para
		sum.heads += s.heads
	}
	e := &x.nodes[id]
	if isHeading(n) && sum.text > 0 && sum.link*10 >= sum.text*8 {
		sum.heads++
	}
	e.textLen, e.linkLen, e.paraLen, e.heads = sum.text, sum.link, sum.para, sum.heads
	return sum
}

// markElement sets mark, drop and contentHint from the element's own tag
// and attributes.
func (x *extraction) markElement(id int32) {
	e := &x.nodes[id]
	n := e.n
	if r, ok := lookupTag(dropTags, rules.DropTags, n); ok {
		e.mark, e.drop = r, true
		switch n.DataAtom {
		case atom.Script:
			x.scripts++
		case atom.Noscript:
			if !x.asksForJS {
				x.asksForJS = containsAny(rules.Fold(dom.RawText(n, nil)), rules.NeedsJSPhrases)
			}
		}
		return
	}
	if r, ok := lookupTag(structuralTags, rules.StructuralTags, n); ok {
		e.mark = r
	}
	switch n.DataAtom {
	case atom.Article, atom.Main:
		e.contentHint = 1
	}
	var class, ident string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			ident = a.Val
		case "role":
			// A role attribute may list fallbacks ("navigation menu");
			// the first one is the role.
			role, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(a.Val)), " ")
			if r, ok := rules.Roles[role]; ok && e.mark != article.ReasonHidden {
				e.mark = r
			} else if role == "main" || role == "article" {
				e.contentHint = max(e.contentHint, 1)
			}
		case "itemprop":
			if rules.ArticleBodyItemprops[a.Val] {
				e.contentHint = 2
			}
		case "hidden":
			e.mark = article.ReasonHidden
		case "aria-hidden":
			if a.Val == "true" {
				e.mark = article.ReasonHidden
			}
		case "style":
			if hiddenStyle(a.Val) {
				e.mark = article.ReasonHidden
			}
		}
	}
	if n.DataAtom == atom.Html || n.DataAtom == atom.Body {
		// Page-level classes describe the page ("single-post"), not a part of it.
		e.contentHint = 0
		return
	}
	if e.mark == article.ReasonHidden {
		return
	}
	cls := x.classInfo(class)
	if cls.hidden {
		e.mark = article.ReasonHidden
		return
	}
	cls.applyTo(e)
	var idInfo nameInfo
	if ident != "" {
		idInfo = namesInfo(ident)
		idInfo.applyTo(e)
	}
	if cls.embed || idInfo.embed {
		e.mark = ""
	}
}

// dropTags and structuralTags index the rules' tag tables by atom, so
// that the label pass, which asks for every element, compares integers.
var (
	dropTags       = byAtom(rules.DropTags)
	structuralTags = byAtom(rules.StructuralTags)
)

func byAtom(table map[string]article.Reason) map[atom.Atom]article.Reason {
	m := make(map[atom.Atom]article.Reason, len(table))
	for name, r := range table {
		if a := atom.Lookup([]byte(name)); a != 0 {
			m[a] = r
		}
	}
	return m
}

// lookupTag finds n's tag in a table, by atom when the tag has one.
func lookupTag(byAtom map[atom.Atom]article.Reason, byName map[string]article.Reason, n *html.Node) (article.Reason, bool) {
	if n.DataAtom != 0 {
		r, ok := byAtom[n.DataAtom]
		return r, ok
	}
	r, ok := byName[n.Data]
	return r, ok
}

// nameInfo is what the token tables say of one class or id value.
type nameInfo struct {
	mark   article.Reason // the first chrome token's reason
	hint   int8           // 2 for a strong content pair, 1 for a content token
	embed  bool           // an embedded post
	hidden bool           // a whole class name that hides the element
}

// applyTo merges what a name says into e: a mark already set (by tag or
// role) stands, and a content hint only rises.
func (ni nameInfo) applyTo(e *elem) {
	if ni.mark != "" && e.mark == "" {
		e.mark = ni.mark
	}
	if ni.hint > e.contentHint {
		e.contentHint = ni.hint
	}
}

// classInfo looks a class value up in the per-page cache: pages repeat
// the same class strings on hundreds of elements.
func (x *extraction) classInfo(class string) nameInfo {
	if class == "" {
		return nameInfo{}
	}
	if ni, ok := x.classCache[class]; ok {
		return ni
	}
	ni := namesInfo(class)
	ni.hidden = hasHiddenClass(class)
	x.classCache[class] = ni
	return ni
}

// namesInfo runs the token tables over a class or id value.
func namesInfo(names string) nameInfo {
	var ni nameInfo
	rules.SplitTokens(names, func(prev, tok string) {
		if rules.EmbedTokens[tok] {
			ni.embed = true
			return
		}
		if rules.ContentTokens[tok] {
			// Every strong pair ends in a content token, so the pair
			// table is only consulted here.
			if prev != "" && rules.StrongContentTokens[[2]string{prev, tok}] {
				ni.hint = 2
			} else if ni.hint == 0 {
				ni.hint = 1
			}
			return
		}
		if r, ok := rules.TokenReason(tok); ok && ni.mark == "" {
			ni.mark = r
		}
	})
	return ni
}

// decideRemovals turns marks into removals, top-down, keeping a marked
// element that is clearly the page's main wrapper.
func (x *extraction) decideRemovals() {
	for i := range x.nodes {
		e := &x.nodes[i]
		if e.drop {
			e.removed = true
			continue
		}
		if e.mark == "" {
			continue
		}
		// A paywall box says something ("Subscribe to read on"); a
		// "Log in" link in a paywall-named wrapper is not one.
		if e.mark == article.ReasonPaywall && !x.sawPaywall {
			text, _ := x.textOfAll(e.n)
			x.sawPaywall = e.textLen-e.linkLen >= minPaywallText || containsAny(rules.Fold(text), rules.PaywallPhrases)
		}
		switch e.n.DataAtom {
		case atom.Html, atom.Body, atom.Main:
			continue
		}
		if e.mark == article.ReasonHidden {
			e.removed = true
			continue
		}
		// A "caption" made of several paragraphs is a photo story's
		// text, not a caption printed again.
		if e.mark == article.ReasonCaption && childParagraphs(e.n) >= 2 {
			continue
		}
		if e.contentHint == 2 {
			continue
		}
		// A wrapper that holds most of the page's text, or most of its
		// prose, is not a widget, whatever its class says. Comment
		// sections can hold more prose than the article, so they get no
		// such pardon.
		if e.textLen > 0 && float64(e.textLen) >= x.weights.ChromeOuterShare*float64(x.totalText) {
			continue
		}
		if e.mark != article.ReasonComments {
			if e.paraLen >= minProse && float64(e.paraLen) >= x.weights.ChromeProseShare*float64(x.totalPara) {
				continue
			}
			if plain := e.textLen - e.linkLen; plain >= minProse && float64(plain) >= x.weights.ChromeOuterShare*float64(x.totalPlain) {
				continue
			}
		}
		e.removed = true
	}
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// minPaywallText is the least unlinked text, in characters, of a paywall box.
const minPaywallText = 40

// childParagraphs counts the <p> children of n.
func childParagraphs(n *html.Node) int {
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.P {
			count++
		}
	}
	return count
}

// minProse is the least prose, in characters, that can pardon a marked wrapper.
const minProse = 400

// hasHiddenClass reports whether one of the space-separated names in
// class is a hiding class. It does not allocate for lower-case names.
func hasHiddenClass(class string) bool {
	for class != "" {
		i := strings.IndexAny(class, " \t\n\r\f")
		name := class
		if i >= 0 {
			name, class = class[:i], class[i+1:]
		} else {
			class = ""
		}
		if name == "" || len(name) > 20 {
			continue
		}
		if rules.HiddenClasses[name] || hasUpperASCII(name) && rules.HiddenClasses[strings.ToLower(name)] {
			return true
		}
	}
	return false
}

func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// hiddenStyle reports whether an inline style hides the element.
func hiddenStyle(style string) bool {
	s := strings.ToLower(style)
	if !strings.Contains(s, "none") && !strings.Contains(s, "hidden") {
		return false
	}
	s = strings.Join(strings.Fields(s), "")
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// visibleLen counts the non-space characters of s, in bytes; it is cheap
// and proportional enough to compare subtrees.
func visibleLen(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\n', '\t', '\r', '\f':
		default:
			n++
		}
	}
	return n
}
