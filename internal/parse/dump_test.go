package parse

import (
	"sort"
	"strings"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
)

// dumpOurs and dumpRef write a tree as the html5lib tree-construction
// tests do (one node a line, "| " and two spaces per level, attributes
// sorted by name on lines of their own, text in quotes), for the
// differential tests, which compare
// a tree of the package's builder (ours) with x/net/html's (ref). Two
// departures of x/net/html from the spec are normalised away: it decodes
// character references in comments (the spec keeps them as written), and
// it turns a "</>" into an empty comment (the spec drops it), which splits
// the text around it. So ours has its comments decoded, and in both trees
// empty comments are left out and the text nodes they split are joined.

func dumpOurs(n dom.Node) string { return dumpWith(n, true, true) }
func dumpRef(n dom.Node) string  { return dumpWith(n, false, true) }

func dumpWith(n dom.Node, ours, normalise bool) string {
	d := dumper{decodeComments: ours, normalise: normalise}
	d.children(n, 0)
	return d.b.String()
}

type dumper struct {
	b                         strings.Builder
	decodeComments, normalise bool
}

func (d *dumper) children(n dom.Node, level int) {
	text, inText := "", false
	flush := func() {
		if inText {
			d.b.WriteString("| " + strings.Repeat("  ", level) + "\"" + text + "\"\n")
		}
		text, inText = "", false
	}
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		switch {
		case c.Type() == html.TextNode:
			text += c.Data()
			inText = true
			if !d.normalise {
				flush()
			}
		case d.normalise && c.Type() == html.CommentNode && c.Data() == "":
		default:
			flush()
			d.node(c, level)
		}
	}
	flush()
}

func (d *dumper) node(n dom.Node, level int) {
	b := &d.b
	indent := "| " + strings.Repeat("  ", level)
	switch n.Type() {
	case html.ElementNode:
		ns := ""
		if n.Namespace() != "" {
			ns = n.Namespace() + " "
		}
		b.WriteString(indent + "<" + ns + n.Data() + ">\n")
		attrs := make([]string, 0, n.AttrLen())
		for a := range n.Attrs() {
			k := a.Key
			if a.Namespace != "" {
				k = a.Namespace + " " + k
			}
			attrs = append(attrs, indent+"  "+k+"=\""+a.Val+"\"\n")
		}
		sort.Strings(attrs)
		for _, a := range attrs {
			b.WriteString(a)
		}
	case html.CommentNode:
		data := n.Data()
		if d.decodeComments {
			data = unescapeText(data)
		}
		b.WriteString(indent + "<!-- " + data + " -->\n")
	case html.DoctypeNode:
		b.WriteString(indent + "<!DOCTYPE " + n.Data() + ">\n")
	}
	d.children(n, level+1)
}
