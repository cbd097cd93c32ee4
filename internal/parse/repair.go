package parse

import (
	"bytes"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dom"
)

// MaxTitleText is the longest <title> text taken as a title: a longer
// one that holds markup is the rest of the document, swallowed by a
// <title> left open.
const MaxTitleText = 1000

// closeTitle returns data with its first <title> closed before the first
// markup inside it, when the parsed title has swallowed the document;
// otherwise nil.
func closeTitle(doc dom.Node, data []byte) []byte {
	title := findElement(doc, atom.Title)
	if title.Nil() || title.FirstChild().Nil() || title.FirstChild().Type() != html.TextNode {
		return nil
	}
	text := title.FirstChild().Data()
	if len(text) <= MaxTitleText || !holdsMarkup(text) {
		return nil
	}
	start := indexFold(data, "<title")
	if start < 0 {
		return nil
	}
	open := bytes.IndexByte(data[start:], '>')
	if open < 0 {
		return nil
	}
	at := start + open + 1
	end := bytes.IndexByte(data[at:], '<')
	if end < 0 {
		return nil
	}
	at += end
	out := make([]byte, 0, len(data)+8)
	out = append(out, data[:at]...)
	out = append(out, "</title>"...)
	return append(out, data[at:]...)
}

// indexFold returns the index in data of the first match of lower (ASCII
// lower case, opening with a byte that has no case) in any case; -1 if
// none. The index is data's own: lower-casing a copy of data can change
// its length.
func indexFold(data []byte, lower string) int {
	for i := 0; i+len(lower) <= len(data); {
		j := bytes.IndexByte(data[i:], lower[0])
		if j < 0 {
			return -1
		}
		i += j
		if i+len(lower) <= len(data) && bytes.EqualFold(data[i:i+len(lower)], []byte(lower)) {
			return i
		}
		i++
	}
	return -1
}

// holdsMarkup reports whether text holds a start or end tag.
func holdsMarkup(text string) bool {
	for i := strings.IndexByte(text, '<'); i >= 0 && i+1 < len(text); {
		c := text[i+1]
		if c == '/' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			return true
		}
		j := strings.IndexByte(text[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func findElement(n dom.Node, a atom.Atom) dom.Node {
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		if c.Type() == html.ElementNode && c.DataAtom() == a {
			return c
		}
		if f := findElement(c, a); !f.Nil() {
			return f
		}
	}
	return dom.Node{}
}

// React's streaming renderer sends a page in pieces: a boundary
// (<template id="B:0">, between <!--$?--> and <!--/$--> around a
// fallback) or a placeholder (<template id="P:1">) marks where a segment
// goes, the segment arrives later as <div hidden id="S:0">, and a script
// moves it: $RC("B:0","S:0") replaces the boundary's fallback, $RS("S:1",
// "P:1") the placeholder.
var streamCall = regexp.MustCompile(`\$R([CS])\("([BPS]:[0-9a-zA-Z]+)","([BPS]:[0-9a-zA-Z]+)"`)

// placeStreamedSegments moves React's streamed segments to their places,
// in the order the page's scripts move them. A segment no script names
// goes to the boundary, or else the placeholder, of the same number.
func placeStreamedSegments(doc dom.Node) {
	templates := map[string]dom.Node{}
	segments := map[string]dom.Node{}
	var calls [][2]string // (template id, segment id)
	var walk func(dom.Node)
	walk = func(n dom.Node) {
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			if c.Type() != html.ElementNode {
				continue
			}
			switch c.DataAtom() {
			case atom.Template:
				if id := attr(c, "id"); len(id) > 2 && (id[:2] == "B:" || id[:2] == "P:") {
					templates[id] = c
				}
			case atom.Div:
				if id := attr(c, "id"); len(id) > 2 && id[:2] == "S:" && hasAttr(c, "hidden") {
					segments[id] = c
				}
			case atom.Script:
				if !c.FirstChild().Nil() && strings.Contains(c.FirstChild().Data(), "$R") {
					for _, m := range streamCall.FindAllStringSubmatch(c.FirstChild().Data(), -1) {
						if m[1] == "C" {
							calls = append(calls, [2]string{m[2], m[3]})
						} else {
							calls = append(calls, [2]string{m[3], m[2]})
						}
					}
				}
				continue
			}
			walk(c)
		}
	}
	walk(doc)
	if len(segments) == 0 {
		return
	}
	named := map[string]bool{}
	for _, c := range calls {
		named[c[1]] = true
	}
	for id := range segments {
		if named[id] {
			continue
		}
		if !templates["B:"+id[2:]].Nil() {
			calls = append(calls, [2]string{"B:" + id[2:], id})
		} else {
			calls = append(calls, [2]string{"P:" + id[2:], id})
		}
	}
	for _, c := range calls {
		tpl, seg := templates[c[0]], segments[c[1]]
		if tpl.Nil() || seg.Nil() || tpl.Parent().Nil() || seg.Parent().Nil() || isAncestor(seg, tpl) {
			continue
		}
		delete(segments, c[1])
		at := tpl
		if c[0][0] == 'B' {
			at = dropFallback(tpl)
		}
		parent := at.Parent()
		for ch := seg.FirstChild(); !ch.Nil(); {
			next := ch.NextSibling()
			detach(ch)
			insertBefore(parent, ch, at)
			ch = next
		}
		if at == tpl {
			detach(tpl)
		}
		detach(seg)
	}
}

// dropFallback removes a boundary's template and the fallback after it,
// up to the boundary's closing <!--/$--> comment, and returns that
// comment, before which the segment goes. Without the comment it returns
// the template.
func dropFallback(tpl dom.Node) dom.Node {
	depth := 0
	var end dom.Node
	for n := tpl.NextSibling(); !n.Nil(); n = n.NextSibling() {
		if n.Type() != html.CommentNode {
			continue
		}
		switch {
		case strings.HasPrefix(n.Data(), "/$"):
			if depth == 0 {
				end = n
			}
			depth--
		case strings.HasPrefix(n.Data(), "$"):
			depth++
		}
		if !end.Nil() {
			break
		}
	}
	if end.Nil() {
		return tpl
	}
	for n := tpl; n != end; {
		next := n.NextSibling()
		detach(n)
		n = next
	}
	return end
}

func isAncestor(a, n dom.Node) bool {
	for p := n.Parent(); !p.Nil(); p = p.Parent() {
		if p == a {
			return true
		}
	}
	return false
}

func attr(n dom.Node, key string) string {
	for a := range n.Attrs() {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n dom.Node, key string) bool {
	for a := range n.Attrs() {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// An empty shell serves its text in <noscript> for readers without
// scripts. MaxShellText is the most visible text (characters, spaces
// left out) a page may have to be read that way, and MinNoscriptText the
// least text a <noscript> must hold to be shown.
const (
	MaxShellText    = 600
	MinNoscriptText = 500
)

// revealNoscript replaces each <noscript> in the body that holds
// MinNoscriptText or more by its children, when the page shows less than
// MaxShellText outside them.
func revealNoscript(doc dom.Node) {
	body := findElement(doc, atom.Body)
	if body.Nil() {
		return
	}
	var shown int
	var boxes []dom.Node
	var walk func(dom.Node)
	walk = func(n dom.Node) {
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			switch c.Type() {
			case html.TextNode:
				shown += dom.VisibleLen(c.Data())
			case html.ElementNode:
				switch c.DataAtom() {
				case atom.Script, atom.Style, atom.Template:
				case atom.Noscript:
					if textLen(c) >= MinNoscriptText {
						boxes = append(boxes, c)
					}
				default:
					walk(c)
				}
			}
		}
	}
	walk(body)
	if len(boxes) == 0 || shown >= MaxShellText {
		return
	}
	for _, box := range boxes {
		parent := box.Parent()
		for ch := box.FirstChild(); !ch.Nil(); {
			next := ch.NextSibling()
			detach(ch)
			insertBefore(parent, ch, box)
			ch = next
		}
		detach(box)
	}
}

// textLen counts the visible characters of text under n, outside
// scripts and styles.
func textLen(n dom.Node) int {
	total := 0
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		switch c.Type() {
		case html.TextNode:
			total += dom.VisibleLen(c.Data())
		case html.ElementNode:
			if c.DataAtom() != atom.Script && c.DataAtom() != atom.Style {
				total += textLen(c)
			}
		}
	}
	return total
}
