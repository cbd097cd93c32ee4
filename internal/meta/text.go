package meta

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// skipTag reports elements whose content is never visible text.
func skipTag(a atom.Atom) bool {
	switch a {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Math,
		atom.Iframe, atom.Object, atom.Select, atom.Textarea, atom.Button:
		return true
	}
	return false
}

// nodeText returns the visible text under n with white space collapsed,
// cut at about max bytes. Block elements and <br> separate words; what
// the page hides is left out.
func (c *collector) nodeText(n dom.Node, max int) string {
	var b strings.Builder
	dom.Walk(n, func(ch dom.Node) dom.Step {
		switch ch.Type() {
		case html.TextNode:
			b.WriteString(ch.Data())
			if b.Len() >= max {
				return dom.Stop
			}
		case html.ElementNode:
			if skipTag(ch.DataAtom()) || c.labels.IsHidden(ch) {
				return dom.Skip
			}
			if ch.DataAtom() == atom.Br || wordBreak(ch.DataAtom()) {
				b.WriteByte(' ')
			}
			return dom.Descend
		}
		return dom.Skip
	}, func(ch dom.Node) {
		if wordBreak(ch.DataAtom()) {
			b.WriteByte(' ')
		}
	})
	return dom.Collapse(b.String())
}

// wordBreak reports the block elements whose ends separate words in nodeText.
func wordBreak(a atom.Atom) bool { return a == atom.P || a == atom.Div || a == atom.Li }

// classFlag is what an element's class and id say to this stage
// (rules.MetaNames).
type classFlag = rules.MetaNames

const (
	flagSubtitle  = rules.MetaSubtitle
	flagByline    = rules.MetaByline
	flagDate      = rules.MetaDate
	flagNotByline = rules.MetaNotByline
	flagModified  = rules.MetaModified
	flagKicker    = rules.MetaKicker
	flagMedia     = rules.MetaMedia
	flagHeadline  = rules.MetaHeadline
)

// classFlags returns what the class and id of n, whose label id is id,
// say about it: read by the label pass with the rest of the element's
// names, or for an element it did not label (inside <head> or a dropped
// element; id < 0), read here.
func (c *collector) classFlags(n dom.Node, id int32) classFlag {
	if id >= 0 {
		return c.labels.Nodes[id].MetaNames
	}
	var f classFlag
	for a := range n.Attrs() {
		if a.Namespace == "" && (a.Key == "class" || a.Key == "id") {
			f |= rules.MetaNamesOf(a.Val)
		}
	}
	return f
}

// normKey folds s for loose comparison: lowercase letters and digits only.
func normKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		} else if r == '&' {
			b.WriteString("and")
		}
	}
	return b.String()
}
