// Package dom holds a parsed page as a flat Tree (tree.go), and the
// small toolkit the stages share for reading it: attribute lookup, text
// content, white-space collapsing, word counts, a walk that can skip
// subtrees, and URL resolution. Only the parser changes a tree.
package dom

import (
	"iter"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Attr returns the value of n's attribute key (without a namespace), or "".
func Attr(n Node, key string) string {
	v, _ := LookupAttr(n, key)
	return v
}

// LookupAttr returns the value of n's attribute key (without a namespace)
// and whether n has it.
func LookupAttr(n Node, key string) (string, bool) {
	// The value is read only for the key asked for.
	as := n.attrs()
	for i := range as {
		a := &as[i] // in place: a copy of the record costs more than the compare
		if a.ns == 0 && n.t.attrKey(a) == key {
			return n.t.text(a.val, a.valLen), true
		}
	}
	return "", false
}

// Step tells Walk what to do after it entered a node.
type Step int8

const (
	Descend Step = iota // visit the node's children
	Skip                // leave the node's children out
	Stop                // end the walk
)

// Walk visits the descendants of root in document order. enter is called
// on each node on the way down; leave, when not nil, on the way back up
// from each node that enter descended into (text nodes included). Walk
// keeps no stack, so any depth is safe. It reports false when enter
// stopped it.
func Walk(root Node, enter func(Node) Step, leave func(Node)) bool {
	if root.id == 0 {
		return true
	}
	// The links are read from the node slice itself: enter and leave
	// cannot change the tree.
	t := root.t
	ns := t.nodes
	id := ns[root.id].first
	for id != 0 {
		switch enter(Node{t, id}) {
		case Stop:
			return false
		case Descend:
			if c := ns[id].first; c != 0 {
				id = c
				continue
			}
			if leave != nil {
				leave(Node{t, id})
			}
		}
		// Go to the next sibling, leaving the parents that have none.
		for ns[id].next == 0 {
			id = ns[id].parent
			if id == root.id || id == 0 {
				return true
			}
			if leave != nil {
				leave(Node{t, id})
			}
		}
		id = ns[id].next
	}
	return true
}

// Elements yields the element children of n.
func Elements(n Node) iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			if c.Type() == html.ElementNode && !yield(c) {
				return
			}
		}
	}
}

// NextElement returns the element sibling that follows n, or nil.
func NextElement(n Node) Node {
	for s := n.NextSibling(); !s.Nil(); s = s.NextSibling() {
		if s.Type() == html.ElementNode {
			return s
		}
	}
	return Node{}
}

// RawText returns the text of n's subtree as written, with <br> as a line
// break, leaving out scripts, styles and the elements skip names (skip
// may be nil).
func RawText(n Node, skip func(Node) bool) string {
	var b strings.Builder
	Walk(n, func(c Node) Step {
		switch c.Type() {
		case html.TextNode:
			b.WriteString(c.Data())
		case html.ElementNode:
			switch {
			case c.DataAtom() == atom.Br:
				b.WriteByte('\n')
				return Skip
			case c.DataAtom() == atom.Script || c.DataAtom() == atom.Style:
				return Skip
			case skip != nil && skip(c):
				return Skip
			}
		}
		return Descend
	}, nil)
	return b.String()
}

// Resolve makes ref absolute against base. A ref that is empty or a
// javascript: link gives ""; without a base, or when either does not
// parse, ref is returned trimmed.
func Resolve(ref, base string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || HasScheme(ref, "javascript:") {
		return ""
	}
	if base == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

// HasScheme reports whether ref starts with scheme (lower case, with its
// colon); URL schemes are case-insensitive.
func HasScheme(ref, scheme string) bool {
	return len(ref) >= len(scheme) && strings.EqualFold(ref[:len(scheme)], scheme)
}

// IsHeading reports an <h1> to <h6> element.
func IsHeading(n Node) bool {
	switch n.DataAtom() {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
