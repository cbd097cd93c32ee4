package dom

import (
	"fmt"
	"iter"
	"slices"
	"strings"
	"testing"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// name names a node of the tests that build trees by hand: its text,
// "#" for the document, "-" for no node.
func name(n Node) string {
	switch {
	case n.Nil():
		return "-"
	case n.Type() == html.DocumentNode:
		return "#"
	}
	return n.Data()
}

// shape renders n and its subtree by first children and next
// siblings: "r(a(a1) b c)".
func shape(n Node) string {
	var kids []string
	for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
		kids = append(kids, shape(c))
	}
	if kids == nil {
		return name(n)
	}
	return name(n) + "(" + strings.Join(kids, " ") + ")"
}

// backShape renders n as shape does, but reaches the children by last
// children and previous siblings.
func backShape(n Node) string {
	var kids []string
	for c := n.LastChild(); !c.Nil(); c = c.PrevSibling() {
		kids = append(kids, backShape(c))
	}
	if kids == nil {
		return name(n)
	}
	slices.Reverse(kids)
	return name(n) + "(" + strings.Join(kids, " ") + ")"
}

// forest renders every node of tree with no parent, in id order, with
// its subtree; back renders them by backShape.
func forest(tree *Tree) (fwd, back string) {
	var f, b []string
	for id := 1; id < tree.Len(); id++ {
		if n := tree.Node(id); n.Parent().Nil() {
			f, b = append(f, shape(n)), append(b, backShape(n))
		}
	}
	return strings.Join(f, " "), strings.Join(b, " ")
}

// links renders the five relatives of n.
func links(n Node) string {
	return fmt.Sprintf("p=%s prev=%s next=%s first=%s last=%s",
		name(n.Parent()), name(n.PrevSibling()), name(n.NextSibling()),
		name(n.FirstChild()), name(n.LastChild()))
}

// checkLinks checks that the links of every node of tree agree with
// those of its relatives.
func checkLinks(t *testing.T, tree *Tree) {
	t.Helper()
	for id := 1; id < tree.Len(); id++ {
		n := tree.Node(id)
		if n.ID() != id || n.Tree() != tree || n.Nil() {
			t.Fatalf("Node(%d) = id %d, tree %p, nil %v", id, n.ID(), n.Tree(), n.Nil())
		}
		p, prev, next := n.Parent(), n.PrevSibling(), n.NextSibling()
		if p.Nil() && (!prev.Nil() || !next.Nil()) {
			t.Errorf("%s has no parent but siblings: %s", name(n), links(n))
		}
		if !prev.Nil() && (prev.NextSibling() != n || prev.Parent() != p) {
			t.Errorf("%s: prev %s links back to %s (parent %s)", name(n), name(prev), name(prev.NextSibling()), name(prev.Parent()))
		}
		if prev.Nil() && !p.Nil() && p.FirstChild() != n {
			t.Errorf("%s has no prev but is not the first child of %s (%s is)", name(n), name(p), name(p.FirstChild()))
		}
		if !next.Nil() && (next.PrevSibling() != n || next.Parent() != p) {
			t.Errorf("%s: next %s links back to %s (parent %s)", name(n), name(next), name(next.PrevSibling()), name(next.Parent()))
		}
		if next.Nil() && !p.Nil() && p.LastChild() != n {
			t.Errorf("%s has no next but is not the last child of %s (%s is)", name(n), name(p), name(p.LastChild()))
		}
		first, last := n.FirstChild(), n.LastChild()
		if first.Nil() != last.Nil() {
			t.Errorf("%s: first %s, last %s", name(n), name(first), name(last))
		}
		if !first.Nil() && (first.Parent() != n || !first.PrevSibling().Nil()) {
			t.Errorf("%s: first child %s has parent %s, prev %s", name(n), name(first), name(first.Parent()), name(first.PrevSibling()))
		}
		if !last.Nil() && (last.Parent() != n || !last.NextSibling().Nil()) {
			t.Errorf("%s: last child %s has parent %s, next %s", name(n), name(last), name(last.Parent()), name(last.NextSibling()))
		}
	}
}

// opTree builds "#(r(a(a1) b c)) x(x1 x2)": a document holding r, and
// x with its children, of no parent.
func opTree() (*Tree, map[string]Node) {
	tree := NewTree("", 0)
	ns := map[string]Node{}
	mk := func(p Node, s string) Node {
		n := tree.NewNode(html.ElementNode, 0, s, "")
		ns[s] = n
		if !p.Nil() {
			tree.AppendChild(p, n)
		}
		return n
	}
	r := mk(tree.Root(), "r")
	a := mk(r, "a")
	mk(r, "b")
	mk(r, "c")
	mk(a, "a1")
	x := mk(Node{}, "x")
	mk(x, "x1")
	mk(x, "x2")
	return tree, ns
}

func TestTreeEdits(t *testing.T) {
	type nodes = map[string]Node
	for _, tc := range []struct {
		name  string
		edit  func(*Tree, nodes)
		want  string            // the forest afterwards
		links map[string]string // the relatives of the nodes involved
	}{
		{
			"built", func(*Tree, nodes) {},
			"#(r(a(a1) b c)) x(x1 x2)",
			map[string]string{
				"#":  "p=- prev=- next=- first=r last=r",
				"r":  "p=# prev=- next=- first=a last=c",
				"a":  "p=r prev=- next=b first=a1 last=a1",
				"a1": "p=a prev=- next=- first=- last=-",
				"b":  "p=r prev=a next=c first=- last=-",
				"c":  "p=r prev=b next=- first=- last=-",
				"x":  "p=- prev=- next=- first=x1 last=x2",
				"x1": "p=x prev=- next=x2 first=- last=-",
				"x2": "p=x prev=x1 next=- first=- last=-",
			},
		},
		{
			"append", func(t *Tree, n nodes) { t.AppendChild(n["r"], n["x"]) },
			"#(r(a(a1) b c x(x1 x2)))",
			map[string]string{
				"r":  "p=# prev=- next=- first=a last=x",
				"c":  "p=r prev=b next=x first=- last=-",
				"x":  "p=r prev=c next=- first=x1 last=x2",
				"x1": "p=x prev=- next=x2 first=- last=-",
			},
		},
		{
			"append to a childless node", func(t *Tree, n nodes) { t.AppendChild(n["b"], n["x"]) },
			"#(r(a(a1) b(x(x1 x2)) c))",
			map[string]string{
				"b": "p=r prev=a next=c first=x last=x",
				"x": "p=b prev=- next=- first=x1 last=x2",
			},
		},
		{
			"insert at the start", func(t *Tree, n nodes) { t.InsertBefore(n["r"], n["x"], n["a"]) },
			"#(r(x(x1 x2) a(a1) b c))",
			map[string]string{
				"r": "p=# prev=- next=- first=x last=c",
				"x": "p=r prev=- next=a first=x1 last=x2",
				"a": "p=r prev=x next=b first=a1 last=a1",
			},
		},
		{
			"insert in the middle", func(t *Tree, n nodes) { t.InsertBefore(n["r"], n["x"], n["b"]) },
			"#(r(a(a1) x(x1 x2) b c))",
			map[string]string{
				"r": "p=# prev=- next=- first=a last=c",
				"a": "p=r prev=- next=x first=a1 last=a1",
				"x": "p=r prev=a next=b first=x1 last=x2",
				"b": "p=r prev=x next=c first=- last=-",
			},
		},
		{
			"insert before the last", func(t *Tree, n nodes) { t.InsertBefore(n["r"], n["x"], n["c"]) },
			"#(r(a(a1) b x(x1 x2) c))",
			map[string]string{
				"r": "p=# prev=- next=- first=a last=c",
				"b": "p=r prev=a next=x first=- last=-",
				"x": "p=r prev=b next=c first=x1 last=x2",
				"c": "p=r prev=x next=- first=- last=-",
			},
		},
		{
			"insert at the end", func(t *Tree, n nodes) { t.InsertBefore(n["r"], n["x"], Node{}) },
			"#(r(a(a1) b c x(x1 x2)))",
			map[string]string{
				"r": "p=# prev=- next=- first=a last=x",
				"c": "p=r prev=b next=x first=- last=-",
				"x": "p=r prev=c next=- first=x1 last=x2",
			},
		},
		{
			"insert before an only child", func(t *Tree, n nodes) { t.InsertBefore(n["a"], n["x"], n["a1"]) },
			"#(r(a(x(x1 x2) a1) b c))",
			map[string]string{
				"a":  "p=r prev=- next=b first=x last=a1",
				"x":  "p=a prev=- next=a1 first=x1 last=x2",
				"a1": "p=a prev=x next=- first=- last=-",
			},
		},
		{
			"detach the first", func(t *Tree, n nodes) { t.Detach(n["a"]) },
			"#(r(b c)) a(a1) x(x1 x2)",
			map[string]string{
				"r":  "p=# prev=- next=- first=b last=c",
				"a":  "p=- prev=- next=- first=a1 last=a1",
				"a1": "p=a prev=- next=- first=- last=-",
				"b":  "p=r prev=- next=c first=- last=-",
			},
		},
		{
			"detach the middle", func(t *Tree, n nodes) { t.Detach(n["b"]) },
			"#(r(a(a1) c)) b x(x1 x2)",
			map[string]string{
				"r": "p=# prev=- next=- first=a last=c",
				"a": "p=r prev=- next=c first=a1 last=a1",
				"b": "p=- prev=- next=- first=- last=-",
				"c": "p=r prev=a next=- first=- last=-",
			},
		},
		{
			"detach the last", func(t *Tree, n nodes) { t.Detach(n["c"]) },
			"#(r(a(a1) b)) c x(x1 x2)",
			map[string]string{
				"r": "p=# prev=- next=- first=a last=b",
				"b": "p=r prev=a next=- first=- last=-",
				"c": "p=- prev=- next=- first=- last=-",
			},
		},
		{
			"detach an only child", func(t *Tree, n nodes) { t.Detach(n["a1"]) },
			"#(r(a b c)) a1 x(x1 x2)",
			map[string]string{
				"a":  "p=r prev=- next=b first=- last=-",
				"a1": "p=- prev=- next=- first=- last=-",
			},
		},
		{
			"detach a node of no parent", func(t *Tree, n nodes) { t.Detach(n["x"]) },
			"#(r(a(a1) b c)) x(x1 x2)",
			map[string]string{
				"x":  "p=- prev=- next=- first=x1 last=x2",
				"x1": "p=x prev=- next=x2 first=- last=-",
			},
		},
		{
			"detach the document", func(t *Tree, _ nodes) { t.Detach(t.Root()) },
			"#(r(a(a1) b c)) x(x1 x2)",
			map[string]string{"#": "p=- prev=- next=- first=r last=r"},
		},
		{
			"detach twice", func(t *Tree, n nodes) { t.Detach(n["b"]); t.Detach(n["b"]) },
			"#(r(a(a1) c)) b x(x1 x2)",
			map[string]string{
				"a": "p=r prev=- next=c first=a1 last=a1",
				"b": "p=- prev=- next=- first=- last=-",
				"c": "p=r prev=a next=- first=- last=-",
			},
		},
		{
			"detach every child", func(t *Tree, n nodes) {
				t.Detach(n["b"])
				t.Detach(n["a"])
				t.Detach(n["c"])
			},
			"#(r) a(a1) b c x(x1 x2)",
			map[string]string{
				"r": "p=# prev=- next=- first=- last=-",
				"a": "p=- prev=- next=- first=a1 last=a1",
				"c": "p=- prev=- next=- first=- last=-",
			},
		},
		{
			"move a subtree", func(t *Tree, n nodes) {
				t.Detach(n["a"])
				t.AppendChild(n["c"], n["a"])
			},
			"#(r(b c(a(a1)))) x(x1 x2)",
			map[string]string{
				"r":  "p=# prev=- next=- first=b last=c",
				"b":  "p=r prev=- next=c first=- last=-",
				"c":  "p=r prev=b next=- first=a last=a",
				"a":  "p=c prev=- next=- first=a1 last=a1",
				"a1": "p=a prev=- next=- first=- last=-",
			},
		},
		{
			"move a subtree into another", func(t *Tree, n nodes) {
				t.Detach(n["a"])
				t.InsertBefore(n["x"], n["a"], n["x2"])
				t.Detach(n["x"])
				t.InsertBefore(n["r"], n["x"], n["b"])
			},
			"#(r(x(x1 a(a1) x2) b c))",
			map[string]string{
				"r":  "p=# prev=- next=- first=x last=c",
				"x":  "p=r prev=- next=b first=x1 last=x2",
				"x1": "p=x prev=- next=a first=- last=-",
				"a":  "p=x prev=x1 next=x2 first=a1 last=a1",
				"x2": "p=x prev=a next=- first=- last=-",
				"b":  "p=r prev=x next=c first=- last=-",
			},
		},
		{
			"reorder", func(t *Tree, n nodes) {
				t.Detach(n["c"])
				t.InsertBefore(n["r"], n["c"], n["a"])
				t.Detach(n["a"])
				t.AppendChild(n["r"], n["a"])
			},
			"#(r(c b a(a1))) x(x1 x2)",
			map[string]string{
				"r": "p=# prev=- next=- first=c last=a",
				"c": "p=r prev=- next=b first=- last=-",
				"b": "p=r prev=c next=a first=- last=-",
				"a": "p=r prev=b next=- first=a1 last=a1",
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tree, n := opTree()
			tc.edit(tree, n)
			fwd, back := forest(tree)
			if fwd != tc.want {
				t.Errorf("forest by first and next\n got %s\nwant %s", fwd, tc.want)
			}
			if back != tc.want {
				t.Errorf("forest by last and prev\n got %s\nwant %s", back, tc.want)
			}
			for s, want := range tc.links {
				nd := n[s]
				if s == "#" {
					nd = tree.Root()
				}
				if got := links(nd); got != want {
					t.Errorf("links(%s) = %s; want %s", s, got, want)
				}
			}
			checkLinks(t, tree)
		})
	}
}

func TestNewTree(t *testing.T) {
	for _, size := range []int{-1, 0, 1, 100} {
		tree := NewTree("page", size)
		root := tree.Root()
		if tree.Len() != 2 || root.ID() != 1 || root.Tree() != tree || root.Type() != html.DocumentNode || root.Data() != "" {
			t.Errorf("NewTree(size %d): Len %d, root id %d, type %v, data %q; want 2, 1, document, \"\"",
				size, tree.Len(), root.ID(), root.Type(), root.Data())
		}
		if links(root) != "p=- prev=- next=- first=- last=-" {
			t.Errorf("NewTree(size %d): root %s", size, links(root))
		}
		n := tree.NewNode(html.TextNode, 0, "t", "")
		if n.ID() != 2 || tree.Len() != 3 || tree.Node(2) != n || n.Parent() != (Node{}) {
			t.Errorf("NewNode: id %d, Len %d, parent %v", n.ID(), tree.Len(), n.Parent())
		}
	}
	// Node(0) is no node, of any tree.
	if n := NewTree("", 0).Node(0); !n.Nil() || n.ID() != 0 {
		t.Errorf("Node(0) = %+v; want no node", n)
	}
}

// same reports whether a and b start at the same byte.
func same(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }

func TestSetData(t *testing.T) {
	big := "<!--pre--><p>hello world</p><!--post-->"
	page := big[10:28] // "<p>hello world</p>"
	tree := NewTree(page, 0)
	type result struct {
		n    Node
		want string
	}
	var all []result
	for _, tc := range []struct {
		name string
		s    string
		kept bool // a slice of page, kept where it is
	}{
		{"page slice", page[3:14], true},
		{"whole page", page, true},
		{"page prefix", page[:3], true},
		{"page suffix", page[14:], true},
		{"last byte", page[len(page)-1:], true},
		{"copy of page text", strings.Clone(page[3:14]), false},
		{"constant", "hello", false},
		{"straddles page start", big[5:14], false},
		{"straddles page end", big[20:33], false},
		{"before page", big[:5], false},
		{"after page", big[30:], false},
		{"bytes", string([]byte{'a', 0, 'b'}), false},
		{"empty", "", true},
		{"empty page slice", page[5:5], true},
		{"empty elsewhere", big[35:35], true},
	} {
		own := len(tree.own)
		n := tree.NewNode(html.TextNode, 0, tc.s, "")
		all = append(all, result{n, tc.s})
		got := n.Data()
		if got != tc.s {
			t.Errorf("%s: Data = %q; want %q", tc.name, got, tc.s)
		}
		if tree.Owns(got) == tc.kept && tc.s != "" {
			t.Errorf("%s: Owns(Data) = %v; want %v", tc.name, tree.Owns(got), !tc.kept)
		}
		if tc.s == "" && tree.Owns(got) {
			t.Errorf("%s: Owns(\"\") = true", tc.name)
		}
		if tc.kept && tc.s != "" && !same(got, tc.s) {
			t.Errorf("%s: Data is a copy, not the page's bytes", tc.name)
		}
		if !tc.kept && same(got, tc.s) {
			t.Errorf("%s: Data points at the string set, not at a copy", tc.name)
		}
		cost := 0
		if !tc.kept {
			cost = len(tc.s)
		}
		if grew := len(tree.own) - own; grew != cost {
			t.Errorf("%s: the tree's own text grew by %d bytes; want %d", tc.name, grew, cost)
		}
	}
	// Copies made later leave the earlier ones as they were.
	for _, r := range all {
		if got := r.n.Data(); got != r.want {
			t.Errorf("node %d: Data = %q at the end; want %q", r.n.ID(), got, r.want)
		}
	}

	// SetData replaces the text, whichever kind either is.
	n := all[0].n
	for _, s := range []string{"copied", page[3:8], "", "again", page} {
		tree.SetData(n, s)
		if got := n.Data(); got != s || tree.Owns(got) != (s != "" && !same(s, page[3:8]) && !same(s, page)) {
			t.Errorf("SetData(%q): Data = %q, Owns %v", s, got, tree.Owns(got))
		}
	}
}

// TestOwnsBounds checks Owns at both ends of the tree's own texts, set
// by hand inside a larger buffer so that bytes lie on either side.
func TestOwnsBounds(t *testing.T) {
	buf := []byte("before|owned|after")
	tree := &Tree{own: buf[7:12]}
	at := func(i, n int) string { return unsafe.String(&buf[i], n) }
	for _, tc := range []struct {
		name string
		s    string
		want bool
	}{
		{"all", at(7, 5), true},
		{"first byte", at(7, 1), true},
		{"last byte", at(11, 1), true},
		{"byte before", at(6, 1), false},
		{"byte after", at(12, 1), false},
		{"before", at(0, 6), false},
		{"after", at(13, 5), false},
		{"empty", at(8, 0), false},
		{"equal text elsewhere", "owned", false},
	} {
		if got := tree.Owns(tc.s); got != tc.want {
			t.Errorf("Owns(%s %q) = %v; want %v", tc.name, tc.s, got, tc.want)
		}
	}
}

func TestNodeNames(t *testing.T) {
	page := "<my-widget><svg><foreignObject>"
	for _, tc := range []struct {
		name string
		typ  html.NodeType
		a    atom.Atom
		data string
		ns   string
		cost int  // bytes of text the tree copies
		is   bool // n.Is(a)
	}{
		{"atom name", html.ElementNode, atom.Div, "div", "", 0, true},
		{"atom name copied", html.ElementNode, atom.Div, strings.Clone("div"), "", 0, true},
		{"atom name in page", html.ElementNode, atom.Svg, page[12:15], "svg", 0, false},
		{"svg", html.ElementNode, atom.Svg, "svg", "svg", 0, false},
		{"math", html.ElementNode, atom.Math, "math", "math", 0, false},
		{"math child", html.ElementNode, atom.Mi, "mi", "math", 0, false},
		{"svg a", html.ElementNode, atom.A, "a", "svg", 0, false},
		{"camel case", html.ElementNode, atom.Foreignobject, "foreignObject", "svg", 13, false},
		{"camel case in page", html.ElementNode, atom.Foreignobject, page[17:30], "svg", 0, false},
		// Is(0) holds for every HTML element that no atom names.
		{"custom element", html.ElementNode, 0, "my-widget", "", 9, true},
		{"custom element in page", html.ElementNode, 0, page[1:10], "", 0, true},
		{"custom svg element", html.ElementNode, 0, "my-widget", "svg", 9, false},
		{"text spelling an atom", html.TextNode, atom.Div, "div", "", 3, false},
		{"comment", html.CommentNode, 0, " note ", "", 6, false},
		{"doctype", html.DoctypeNode, 0, "html", "", 4, false},
		{"empty element name", html.ElementNode, 0, "", "", 0, true},
	} {
		tree := NewTree(page, 0)
		n := tree.NewNode(tc.typ, tc.a, tc.data, tc.ns)
		if n.Type() != tc.typ || n.DataAtom() != tc.a || n.Data() != tc.data || n.Namespace() != tc.ns {
			t.Errorf("%s: got %v %v %q ns %q; want %v %v %q ns %q", tc.name,
				n.Type(), n.DataAtom(), n.Data(), n.Namespace(), tc.typ, tc.a, tc.data, tc.ns)
		}
		if len(tree.own) != tc.cost {
			t.Errorf("%s: costs %d bytes of text; want %d", tc.name, len(tree.own), tc.cost)
		}
		if tree.Owns(n.Data()) != (tc.cost > 0) {
			t.Errorf("%s: Owns(Data) = %v", tc.name, tree.Owns(n.Data()))
		}
		if n.Is(tc.a) != tc.is {
			t.Errorf("%s: Is(%v) = %v; want %v", tc.name, tc.a, n.Is(tc.a), tc.is)
		}
		if n.Is(tc.a+1) || (tc.a != 0 && n.Is(0)) {
			t.Errorf("%s: Is answers for another atom", tc.name)
		}
		// A new text replaces the atom's name.
		tree.SetData(n, "renamed")
		if n.Data() != "renamed" || n.DataAtom() != tc.a {
			t.Errorf("%s: after SetData, Data %q, atom %v", tc.name, n.Data(), n.DataAtom())
		}
	}

	// Namespaces round-trip on the same tree, and a foreign one is refused.
	tree := NewTree("", 0)
	for _, ns := range []string{"", "svg", "math", "math", "svg", ""} {
		if n := tree.NewNode(html.ElementNode, 0, "x", ns); n.Namespace() != ns {
			t.Errorf("Namespace() = %q; want %q", n.Namespace(), ns)
		}
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("NewNode in namespace xlink did not panic")
			}
		}()
		tree.NewNode(html.ElementNode, 0, "x", "xlink")
	}()
}

// attrString renders n's attributes as "ns:key=val key=val".
func attrString(n Node) string {
	var b strings.Builder
	for i, a := range slices.Collect(n.Attrs()) {
		if i > 0 {
			b.WriteByte(' ')
		}
		if a.Namespace != "" {
			b.WriteString(a.Namespace + ":")
		}
		b.WriteString(a.Key + "=" + a.Val)
	}
	return b.String()
}

func TestAttrs(t *testing.T) {
	at := func(kv ...string) []html.Attribute {
		var attrs []html.Attribute
		for i := 0; i < len(kv); i += 2 {
			attrs = append(attrs, html.Attribute{Key: kv[i], Val: kv[i+1]})
		}
		return attrs
	}
	one := func(k, v string) html.Attribute { return html.Attribute{Key: k, Val: v} }
	for _, tc := range []struct {
		name    string
		edit    func(t *Tree, a, b, c Node)
		a, b, c string
	}{
		{"none", func(*Tree, Node, Node, Node) {}, "", "", ""},
		{"set", func(t *Tree, a, b, c Node) {
			t.SetAttrs(a, at("x", "1", "y", "2"))
			t.SetAttrs(c, at("z", "3"))
		}, "x=1 y=2", "", "z=3"},
		{"add to the last run", func(t *Tree, a, _, _ Node) {
			t.SetAttrs(a, at("x", "1"))
			t.AddAttr(a, one("y", "2"))
			t.AddAttr(a, one("z", "3"))
		}, "x=1 y=2 z=3", "", ""},
		{"add to a run that is not the last", func(t *Tree, a, b, _ Node) {
			t.SetAttrs(a, at("x", "1"))
			t.SetAttrs(b, at("y", "2"))
			t.AddAttr(a, one("z", "3"))
		}, "x=1 z=3", "y=2", ""},
		{"interleaved adds", func(t *Tree, a, b, c Node) {
			t.AddAttr(a, one("a1", "1"))
			t.AddAttr(b, one("b1", "1"))
			t.AddAttr(a, one("a2", "2"))
			t.AddAttr(c, one("c1", "1"))
			t.AddAttr(b, one("b2", "2"))
			t.AddAttr(a, one("a3", "3"))
			t.AddAttr(b, one("b3", "3"))
		}, "a1=1 a2=2 a3=3", "b1=1 b2=2 b3=3", "c1=1"},
		{"set replaces", func(t *Tree, a, b, _ Node) {
			t.SetAttrs(a, at("x", "1"))
			t.SetAttrs(b, at("y", "2"))
			t.SetAttrs(a, at("p", "1", "q", "2"))
			t.AddAttr(b, one("z", "3"))
		}, "p=1 q=2", "y=2 z=3", ""},
		{"set none", func(t *Tree, a, b, _ Node) {
			t.SetAttrs(a, at("x", "1"))
			t.SetAttrs(b, at("y", "2"))
			t.SetAttrs(a, nil)
			t.SetAttrs(b, []html.Attribute{})
		}, "", "", ""},
		{"add after setting none", func(t *Tree, a, b, _ Node) {
			t.SetAttrs(a, at("x", "1"))
			t.SetAttrs(b, at("y", "2"))
			t.SetAttrs(a, nil)
			t.AddAttr(a, one("z", "3"))
		}, "z=3", "y=2", ""},
		{"set from another node", func(t *Tree, a, b, c Node) {
			t.SetAttrs(a, at("x", "1", "y", "2"))
			t.SetAttrs(b, slices.Collect(a.Attrs()))
			t.AddAttr(b, one("z", "3"))
			t.SetAttrs(c, slices.Collect(b.Attrs())[1:])
		}, "x=1 y=2", "x=1 y=2 z=3", "y=2 z=3"},
		{"copy", func(t *Tree, a, b, c Node) {
			t.SetAttrs(a, at("x", "1", "y", "2"))
			t.CopyAttrs(b, a)
			t.AddAttr(b, one("z", "3"))
			t.AddAttr(a, one("w", "4"))
			t.CopyAttrs(c, t.Node(0))
		}, "x=1 y=2 w=4", "x=1 y=2 z=3", ""},
		{"copy over", func(t *Tree, a, b, _ Node) {
			t.SetAttrs(a, at("x", "1"))
			t.SetAttrs(b, at("y", "2", "z", "3"))
			t.CopyAttrs(b, a)
			t.CopyAttrs(a, t.Node(0))
		}, "", "x=1", ""},
		{"namespaced", func(t *Tree, a, _, _ Node) {
			t.SetAttrs(a, []html.Attribute{{Namespace: "xlink", Key: "href", Val: "/x"}})
			t.AddAttr(a, html.Attribute{Namespace: "xml", Key: "lang", Val: "en"})
		}, "xlink:href=/x xml:lang=en", "", ""},
	} {
		tree := NewTree("", 0)
		a := tree.NewNode(html.ElementNode, atom.P, "p", "")
		b := tree.NewNode(html.ElementNode, atom.P, "p", "")
		c := tree.NewNode(html.ElementNode, atom.P, "p", "")
		tc.edit(tree, a, b, c)
		for i, want := range []string{tc.a, tc.b, tc.c} {
			n := []Node{a, b, c}[i]
			if s := attrString(n); s != want {
				t.Errorf("%s: node %c has %q; want %q", tc.name, 'a'+i, s, want)
			}
			if got, want := n.AttrLen(), strings.Count(want, "="); got != want {
				t.Errorf("%s: node %c: AttrLen %d; want %d", tc.name, 'a'+i, got, want)
			}
		}
	}

	// No node has no attributes.
	tree := NewTree("", 0)
	for _, n := range []Node{{}, tree.Node(0)} {
		if n.AttrLen() != 0 || attrString(n) != "" {
			t.Errorf("node %d has attributes %q", n.ID(), attrString(n))
		}
	}
	mustPanic(t, "AttrAt past the end", func() { tree.Root().AttrAt(0) })
	mustPanic(t, "an unknown namespace", func() {
		tree.SetAttrs(tree.Root(), []html.Attribute{{Namespace: "xhtml", Key: "x"}})
	})
}

func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s did not panic", what)
		}
	}()
	f()
}

// TestAttrStore: an attribute is kept where it can be read back from
// without a copy — a key that spells an atom's name as the atom, even
// when it is a slice of the page, any other key or value that is a slice
// of the page as its offset — and any other is copied into the tree, as
// a tokenizer hands them over: a value decoded from its character
// references, a key it lower-cased.
func TestAttrStore(t *testing.T) {
	const page = `<div Data-Role="a&amp;b" class="lead" data-x="1" id=main>`
	slice := func(s string) string {
		i := strings.Index(page, s)
		if i < 0 {
			t.Fatalf("%q is not in the page", s)
		}
		return page[i : i+len(s)]
	}
	tree := NewTree(page, 0)
	n := tree.NewNode(html.ElementNode, atom.Div, "div", "")
	other := tree.NewNode(html.ElementNode, atom.P, "p", "")
	src := []html.Attribute{
		{Key: strings.ToLower(slice("Data-Role")), Val: strings.Clone("a&b")}, // lower-cased, decoded
		{Key: atom.Class.String(), Val: slice("lead")},                        // an atom's name
		{Key: slice("data-x"), Val: slice("1")},                               // both in the page
	}
	tree.SetAttrs(n, src)
	tree.SetAttrs(other, []html.Attribute{{Key: "title", Val: strings.Clone("t")}})
	tree.AddAttr(n, html.Attribute{Key: slice("id"), Val: slice("main")}) // after other's

	const want = "data-role=a&b class=lead data-x=1 id=main"
	if got := attrString(n); got != want {
		t.Fatalf("attributes %q; want %q", got, want)
	}
	// Where each string is read from.
	for i, w := range []struct {
		keyPage, keyOwn, valPage, valOwn bool
	}{
		{false, true, false, true},
		{false, false, true, false},
		{true, false, true, false},
		{false, false, true, false}, // "id" from the page, held as its atom
	} {
		a := n.AttrAt(i)
		if inPage(a.Key, page) != w.keyPage || tree.Owns(a.Key) != w.keyOwn {
			t.Errorf("attribute %d: key %q in the page %v, copied %v; want %v, %v",
				i, a.Key, inPage(a.Key, page), tree.Owns(a.Key), w.keyPage, w.keyOwn)
		}
		if inPage(a.Val, page) != w.valPage || tree.Owns(a.Val) != w.valOwn {
			t.Errorf("attribute %d: value %q in the page %v, copied %v; want %v, %v",
				i, a.Val, inPage(a.Val, page), tree.Owns(a.Val), w.valPage, w.valOwn)
		}
		if w.valPage && i < len(src) && !same(a.Val, src[i].Val) {
			t.Errorf("attribute %d: value %q is not the page's", i, a.Val)
		}
	}
	// The copies do not follow the strings they were made from.
	src[0].Val = "changed"
	if v := Attr(n, "data-role"); v != "a&b" {
		t.Errorf(`Attr(data-role) = %q after the source changed; want "a&b"`, v)
	}
	// Lookups match the stored spelling only.
	for _, tc := range []struct {
		key, val string
		ok       bool
	}{
		{"data-role", "a&b", true},
		{"Data-Role", "", false}, // the page's spelling, not the key's
		{"class", "lead", true},
		{"id", "main", true},
		{"title", "", false}, // other's, not n's
		{"data", "", false},  // a prefix of a key
		{"data-x=", "", false},
	} {
		v, ok := LookupAttr(n, tc.key)
		if v != tc.val || ok != tc.ok {
			t.Errorf("LookupAttr(%q) = %q, %v; want %q, %v", tc.key, v, ok, tc.val, tc.ok)
		}
	}
	if v := Attr(n, "data-role"); v == "a&amp;b" {
		t.Error("the value is the page's text, not the decoded one")
	}
	if got := attrString(other); got != "title=t" {
		t.Errorf("other's attributes %q; want title=t", got)
	}

	// Reading allocates nothing.
	if allocs := testing.AllocsPerRun(100, func() {
		for a := range n.Attrs() {
			sinkString = a.Key
			sinkString = a.Val
		}
		sinkString, _ = LookupAttr(n, "id")
	}); allocs != 0 {
		t.Errorf("reading attributes allocates %v times", allocs)
	}

	// Reset reuses the store: a new page's attributes read right, and
	// none of the old page's remain.
	const page2 = `<a HREF="/x?a=1&amp;b=2" rel=next>`
	tree.Reset(page2)
	if tree.Len() != 2 {
		t.Fatalf("Len after Reset %d; want 2", tree.Len())
	}
	m := tree.NewNode(html.ElementNode, atom.A, "a", "")
	tree.SetAttrs(m, []html.Attribute{
		{Key: atom.Href.String(), Val: strings.Clone("/x?a=1&b=2")},
		{Key: page2[strings.Index(page2, "rel"):][:3], Val: page2[strings.Index(page2, "next"):][:4]},
	})
	if got, want := attrString(m), "href=/x?a=1&b=2 rel=next"; got != want {
		t.Errorf("after Reset: attributes %q; want %q", got, want)
	}
	if m.ID() != n.ID() {
		t.Fatalf("after Reset the node has id %d; want %d, the old node's", m.ID(), n.ID())
	}
	for _, key := range []string{"data-role", "class", "data-x", "id", "title"} {
		if _, ok := LookupAttr(m, key); ok {
			t.Errorf("after Reset the node still has %q", key)
		}
	}
	if a := m.AttrAt(1); !inPage(a.Val, page2) {
		t.Errorf("after Reset: rel=next is not read from the new page")
	}
}

var sinkString string

// TestAttrKeyAtoms: a key is kept as an atom when it spells one, whether
// or not it is the atom's own name or a slice of the page, and a slice of
// an atom's name that spells none is copied; a key read once as an atom's
// name reads the same the second time. KeyAtom is the key's atom, 0 for
// a key that spells none.
func TestAttrKeyAtoms(t *testing.T) {
	const page = `<div class data-x>`
	tree := NewTree(page, 0)
	n := tree.NewNode(html.ElementNode, atom.Div, "div", "")
	keys := []string{
		atom.Class.String(), atom.Class.String(), // the second from the cache
		strings.Clone("class"),       // spells an atom
		atom.Class.String()[:3],      // the atom's place, not its length
		atom.Href.String()[:2],       // "hr", another atom
		atom.Href.String(),           // and the atom itself again
		strings.Clone("data-lookup"), // no atom
		page[5:10],                   // "class", a slice of the page
		page[11:17],                  // "data-x", a slice of the page spelling no atom
	}
	var attrs []html.Attribute
	for i, k := range keys {
		attrs = append(attrs, html.Attribute{Key: k, Val: fmt.Sprint(i)})
	}
	for range 2 {
		tree.SetAttrs(n, attrs)
		for i, k := range keys {
			a := n.AttrAt(i)
			if a.Key != k || a.Val != fmt.Sprint(i) {
				t.Errorf("attribute %d is %s=%s; want %s=%d", i, a.Key, a.Val, k, i)
			}
			if copied, want := tree.Owns(a.Key), atom.Lookup([]byte(k)) == 0 && !inPage(k, page); copied != want {
				t.Errorf("key %q copied %v; want %v", k, copied, want)
			}
		}
		i := 0
		for r := range n.AttrRefs() {
			if got, want := r.KeyAtom(), atom.Lookup([]byte(keys[i])); got != want {
				t.Errorf("KeyAtom of %q is %v; want %v", keys[i], got, want)
			}
			if r.Key() != keys[i] || r.Val() != fmt.Sprint(i) || r.Namespace() != "" {
				t.Errorf("AttrRef %d is %s:%s=%s; want %s=%d", i, r.Namespace(), r.Key(), r.Val(), keys[i], i)
			}
			i++
		}
		if i != len(keys) {
			t.Errorf("AttrRefs yielded %d attributes; want %d", i, len(keys))
		}
	}
}

// TestSetAttrsKeyed: attributes set with their keys' atoms read as
// SetAttrs sets them, and a key atom must come with each attribute.
func TestSetAttrsKeyed(t *testing.T) {
	const page = `<a href=/x data-y=2 Title=t>`
	tree := NewTree(page, 0)
	attrs := []html.Attribute{
		{Key: atom.Href.String(), Val: page[8:10]},
		{Key: page[11:17], Val: page[18:19]}, // data-y, no atom
		{Key: strings.Clone("title"), Val: strings.Clone("t")},
	}
	keys := []atom.Atom{atom.Href, 0, atom.Title}
	a := tree.NewNode(html.ElementNode, atom.A, "a", "")
	b := tree.NewNode(html.ElementNode, atom.A, "a", "")
	tree.SetAttrs(a, attrs)
	tree.SetAttrsKeyed(b, attrs, keys)
	if got, want := attrString(b), attrString(a); got != want {
		t.Errorf("SetAttrsKeyed gives %q; SetAttrs %q", got, want)
	}
	i := 0
	for r := range b.AttrRefs() {
		if r.KeyAtom() != keys[i] {
			t.Errorf("attribute %d: KeyAtom %v; want %v", i, r.KeyAtom(), keys[i])
		}
		i++
	}
	if k := b.AttrAt(1).Key; !inPage(k, page) {
		t.Errorf("key %q is not read from the page", k)
	}
	if k := b.AttrAt(2).Key; tree.Owns(k) {
		t.Errorf("key %q, an atom's name, was copied", k)
	}
	tree.SetAttrsKeyed(b, nil, nil)
	if b.AttrLen() != 0 {
		t.Errorf("%d attributes after setting none", b.AttrLen())
	}
	mustPanic(t, "SetAttrsKeyed with too few keys", func() { tree.SetAttrsKeyed(b, attrs, keys[:2]) })
}

func TestZeroNode(t *testing.T) {
	for _, z := range []Node{{}, NewTree("page", 0).Node(0)} {
		for _, tc := range []struct {
			name string
			got  func() any
			want any
		}{
			{"Nil", func() any { return z.Nil() }, true},
			{"ID", func() any { return z.ID() }, 0},
			{"Type", func() any { return z.Type() }, html.ErrorNode},
			{"DataAtom", func() any { return z.DataAtom() }, atom.Atom(0)},
			{"Is(0)", func() any { return z.Is(0) }, false},
			{"Is(Div)", func() any { return z.Is(atom.Div) }, false},
			{"Data", func() any { return z.Data() }, ""},
			{"Namespace", func() any { return z.Namespace() }, ""},
			{"AttrLen", func() any { return z.AttrLen() }, 0},
			{"Attrs", func() any { return len(slices.Collect(z.Attrs())) }, 0},
			{"AttrRefs", func() any { return len(slices.Collect(z.AttrRefs())) }, 0},
			{"Parent", func() any { return z.Parent() }, Node{}},
			{"FirstChild", func() any { return z.FirstChild() }, Node{}},
			{"LastChild", func() any { return z.LastChild() }, Node{}},
			{"PrevSibling", func() any { return z.PrevSibling() }, Node{}},
			{"NextSibling", func() any { return z.NextSibling() }, Node{}},
			{"Children", func() any { return len(slices.Collect(z.Children())) }, 0},
			{"Descendants", func() any { return len(slices.Collect(z.Descendants())) }, 0},
			{"Ancestors", func() any { return len(slices.Collect(z.Ancestors())) }, 0},
			{"Walk", func() any { return Walk(z, func(Node) Step { return Descend }, nil) }, true},
			{"Owns", func() any { return z.Tree().Owns("x") }, false},
		} {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s of no node (tree %p) panicked: %v", tc.name, z.Tree(), r)
					}
				}()
				if got := tc.got(); got != tc.want {
					t.Errorf("%s of no node (tree %p) = %v; want %v", tc.name, z.Tree(), got, tc.want)
				}
			}()
		}
	}
	if (Node{}).Tree() != nil {
		t.Error("Tree of the zero Node is not nil")
	}
	var nilTree *Tree
	if nilTree.Owns("x") {
		t.Error("a nil tree owns a text")
	}
}

// htmlNodes lists doc and the nodes below it in document order, without
// recursion.
func htmlNodes(doc *html.Node) []*html.Node {
	list := []*html.Node{doc}
	n := doc
	for {
		if n.FirstChild != nil {
			n = n.FirstChild
		} else {
			for n != doc && n.NextSibling == nil {
				n = n.Parent
			}
			if n == doc {
				return list
			}
			n = n.NextSibling
		}
		list = append(list, n)
	}
}

// inPage reports whether s is a non-empty slice of page.
func inPage(s, page string) bool {
	if s == "" || page == "" {
		return false
	}
	lo := uintptr(unsafe.Pointer(unsafe.StringData(page)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= lo && p+uintptr(len(s)) <= lo+uintptr(len(page))
}

// compareTree checks that tree is a copy of the nodes below doc, node
// for node in document order, and that its texts are where they should be.
func compareTree(t *testing.T, doc *html.Node, tree *Tree, page string) {
	t.Helper()
	src := htmlNodes(doc)
	dst := append([]Node{tree.Root()}, slices.Collect(tree.Root().Descendants())...)
	if len(dst) != len(src) || tree.Len() != len(src)+1 {
		t.Fatalf("copied %d nodes (Len %d); the source has %d", len(dst), tree.Len(), len(src))
	}
	index := make(map[*html.Node]Node, len(src))
	ids := make(map[int]bool, len(dst))
	for i, s := range src {
		index[s] = dst[i]
		if ids[dst[i].ID()] || dst[i].ID() < 1 || dst[i].ID() >= tree.Len() {
			t.Fatalf("node %d: id %d repeated or out of range", i, dst[i].ID())
		}
		ids[dst[i].ID()] = true
	}
	rel := func(s *html.Node) Node {
		if s == nil {
			return Node{}
		}
		if n, ok := index[s]; ok {
			return n
		}
		return Node{} // outside the copied subtree
	}
	errs := 0
	for i, s := range src {
		d := dst[i]
		var bad []string
		if d.Type() != s.Type {
			bad = append(bad, fmt.Sprintf("type %v, want %v", d.Type(), s.Type))
		}
		if d.DataAtom() != s.DataAtom {
			bad = append(bad, fmt.Sprintf("atom %v, want %v", d.DataAtom(), s.DataAtom))
		}
		if d.Data() != s.Data {
			bad = append(bad, fmt.Sprintf("data %q, want %q", d.Data(), s.Data))
		}
		if d.Namespace() != s.Namespace {
			bad = append(bad, fmt.Sprintf("namespace %q, want %q", d.Namespace(), s.Namespace))
		}
		if got := slices.Collect(d.Attrs()); !slices.Equal(got, s.Attr) {
			bad = append(bad, fmt.Sprintf("attrs %v, want %v", got, s.Attr))
		}
		if want := s.Type == html.ElementNode && s.Namespace == ""; s.DataAtom != 0 && d.Is(s.DataAtom) != want {
			bad = append(bad, fmt.Sprintf("Is(%v) = %v, want %v", s.DataAtom, d.Is(s.DataAtom), want))
		}
		parent := s.Parent
		if i == 0 {
			parent = nil // the root of the copy has no parent
		}
		prev, next := s.PrevSibling, s.NextSibling
		if i == 0 {
			prev, next = nil, nil
		}
		for _, r := range []struct {
			what      string
			got, want Node
		}{
			{"parent", d.Parent(), rel(parent)},
			{"first child", d.FirstChild(), rel(s.FirstChild)},
			{"last child", d.LastChild(), rel(s.LastChild)},
			{"prev sibling", d.PrevSibling(), rel(prev)},
			{"next sibling", d.NextSibling(), rel(next)},
		} {
			if r.got != r.want {
				bad = append(bad, fmt.Sprintf("%s is id %d, want id %d", r.what, r.got.ID(), r.want.ID()))
			}
		}
		// Where the text is: the page's bytes when the source's were,
		// the atom's name, or a copy.
		data := d.Data()
		switch {
		case data == "":
		case s.Type == html.ElementNode && s.DataAtom != 0 && s.Data == s.DataAtom.String():
			if tree.Owns(data) {
				bad = append(bad, "an atom's name was copied")
			}
		case inPage(s.Data, page):
			if !same(data, s.Data) || tree.Owns(data) {
				bad = append(bad, "a slice of the page was copied")
			}
		default:
			if !tree.Owns(data) || same(data, s.Data) {
				bad = append(bad, "a text not of the page was not copied")
			}
		}
		// Attribute strings of the page are read from it, an atom's
		// name from the atom; the others are copies.
		for j, a := range slices.Collect(d.Attrs()) {
			if j >= len(s.Attr) {
				break
			}
			switch k := s.Attr[j].Key; {
			case inPage(k, page):
				if !same(a.Key, k) {
					bad = append(bad, fmt.Sprintf("attribute key %s copied", k))
				}
			case atom.Lookup([]byte(k)) != 0:
				if tree.Owns(a.Key) {
					bad = append(bad, fmt.Sprintf("attribute key %s, an atom's name, copied", k))
				}
			case !tree.Owns(a.Key):
				bad = append(bad, fmt.Sprintf("attribute key %s not copied", k))
			}
			switch v := s.Attr[j].Val; {
			case v == "":
			case inPage(v, page):
				if !same(a.Val, v) {
					bad = append(bad, fmt.Sprintf("attribute %s copied", a.Key))
				}
			case !tree.Owns(a.Val) || same(a.Val, v):
				bad = append(bad, fmt.Sprintf("attribute %s not copied", a.Key))
			}
		}
		if bad != nil {
			t.Errorf("node %d (%v %q): %s", i, s.Type, s.Data, strings.Join(bad, "; "))
			if errs++; errs > 10 {
				t.Fatal("too many differences")
			}
		}
	}
	checkLinks(t, tree)
}

var fromHTMLPages = []struct{ name, page string }{
	{"empty", ""},
	{"text only", "just text"},
	{"doctype and comments", "<!DOCTYPE html><!-- before --><html><head><title>T</title></head><body><!-- in --><p>a</p></body></html><!-- after -->"},
	{"table", "<table><caption>c</caption><tr><td>1<td>2<tr><th colspan=2>3</table>"},
	{"template", "<template id=t><p>in</p><tr><td>cell</td></tr></template><p>out</p>"},
	{"svg and math", `<svg viewBox="0 0 1 1"><foreignObject><p>x</p></foreignObject><a xlink:href="/ns">y</a><path d="M0"/></svg><math><mi>x</mi><annotation-xml encoding="text/html"><div>z</div></annotation-xml></math>`},
	{"custom elements", `<my-widget data-x="1"><slot-thing>in</slot-thing></my-widget>`},
	{"entities", "<p title=\"a &amp; b\">x &lt; y &copy; z</p>"},
	{"scripts", "<script>if (a < b) {}</script><style>p{}</style><textarea>t</textarea><noscript><p>n</p></noscript>"},
	{"attributes", `<div id=a class="b c" hidden data-empty="" DATA-UPPER=U><input type=checkbox checked></div>`},
	{"misnested", "<b><i>1</b>2</i><p>3<div>4</p>5"},
	// x/net/html refuses pages nested deeper than 512 elements;
	// TestFromHTMLDeep builds deeper trees by hand.
	{"deep", strings.Repeat("<div>", 500) + "bottom" + strings.Repeat("</div>", 500)},
	{"wide", strings.Repeat("<span>s</span>", 5000)},
}

func TestFromHTML(t *testing.T) {
	for _, tc := range fromHTMLPages {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			compareTree(t, doc, FromHTML(doc, tc.page), tc.page)
		})
	}
}

// TestFromHTMLKeepsPageTexts points the source's texts at the page, as
// a parser reading from the page itself would, and checks that the copy
// keeps them there.
func TestFromHTMLKeepsPageTexts(t *testing.T) {
	for _, tc := range fromHTMLPages {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			moved, nodes := 0, htmlNodes(doc)
			for _, n := range nodes {
				if n.Data == "" || (n.Type == html.ElementNode && n.DataAtom.String() == n.Data && n.DataAtom != 0) {
					continue
				}
				if i := strings.Index(tc.page, n.Data); i >= 0 {
					n.Data = tc.page[i : i+len(n.Data)]
					moved++
				}
				for j, a := range n.Attr {
					if i := strings.Index(tc.page, a.Key); i >= 0 && atom.Lookup([]byte(a.Key)) == 0 {
						n.Attr[j].Key = tc.page[i : i+len(a.Key)]
					}
					if i := strings.Index(tc.page, a.Val); i >= 0 && a.Val != "" {
						n.Attr[j].Val = tc.page[i : i+len(a.Val)]
					}
				}
			}
			tree := FromHTML(doc, tc.page)
			compareTree(t, doc, tree, tc.page)
			// Only the texts the page does not hold are copied, and
			// attribute keys no atom names.
			want := 0
			for _, n := range nodes {
				if n.Data != "" && !inPage(n.Data, tc.page) &&
					(n.Type != html.ElementNode || n.DataAtom == 0 || n.DataAtom.String() != n.Data) {
					want += len(n.Data)
				}
				for _, a := range n.Attr {
					if !inPage(a.Key, tc.page) && atom.Lookup([]byte(a.Key)) == 0 {
						want += len(a.Key)
					}
					if !inPage(a.Val, tc.page) {
						want += len(a.Val)
					}
				}
			}
			if len(tree.own) != want {
				t.Errorf("the tree copied %d bytes of text; want %d (%d texts point at the page)", len(tree.own), want, moved)
			}
		})
	}
}

// TestFromHTMLDeep copies 10,000 nested elements, built by hand as the
// parser refuses them, whose names and texts are slices of the page.
func TestFromHTMLDeep(t *testing.T) {
	const depth = 10000
	var b strings.Builder
	for i := range depth {
		if i%2 == 0 {
			b.WriteString("<div>")
		} else {
			b.WriteString("<x-el>")
		}
	}
	b.WriteString("bottom")
	page := b.String()
	doc := &html.Node{Type: html.DocumentNode}
	at, off := doc, 0
	for i := range depth {
		n := &html.Node{Type: html.ElementNode, DataAtom: atom.Div, Data: "div"}
		if i%2 == 1 {
			n = &html.Node{Type: html.ElementNode, Data: page[off+1 : off+5],
				Attr: []html.Attribute{{Key: page[off+1 : off+2], Val: page[off+2 : off+4]}}}
			off += len("<x-el>")
		} else {
			off += len("<div>")
		}
		at.AppendChild(n)
		// A text beside each element, so that siblings climb too.
		at.AppendChild(&html.Node{Type: html.TextNode, Data: fmt.Sprint(i)})
		at = n
	}
	at.AppendChild(&html.Node{Type: html.TextNode, Data: page[off:]})
	tree := FromHTML(doc, page)
	compareTree(t, doc, tree, page)
	if got, want := tree.Len(), 2*depth+3; got != want {
		t.Errorf("Len = %d; want %d", got, want)
	}
	want := 0 // only the numbers are copied
	for i := range depth {
		want += len(fmt.Sprint(i))
	}
	if len(tree.own) != want {
		t.Errorf("the tree copied %d bytes of text; want %d", len(tree.own), want)
	}
}

// TestFromHTMLSubtree copies part of a parsed page: the copy ends at
// its root, leaving the root's siblings and parent out.
func TestFromHTMLSubtree(t *testing.T) {
	page := `<p id=before>b</p><div id=in><span>x</span>y</div><p id=after>a</p>`
	doc, _ := html.Parse(strings.NewReader(page))
	var div, leaf *html.Node
	for _, n := range htmlNodes(doc) {
		if n.Type == html.ElementNode && n.Data == "div" {
			div = n
		}
		if n.Type == html.TextNode && n.Data == "x" {
			leaf = n
		}
	}
	tree := FromHTML(div, page)
	compareTree(t, div, tree, page)
	if got, want := shape(tree.Root()), "div(span(x) y)"; got != want {
		t.Errorf("copy of the div = %s; want %s", got, want)
	}
	// A leaf alone.
	tree = FromHTML(leaf, page)
	if tree.Len() != 2 || tree.Root().Data() != "x" || links(tree.Root()) != "p=- prev=- next=- first=- last=-" {
		t.Errorf("copy of a leaf: Len %d, %q, %s", tree.Len(), tree.Root().Data(), links(tree.Root()))
	}
}

func TestIterators(t *testing.T) {
	page := `<div id=root><p id=p1>one<b id=b>two</b></p><p id=p2>three</p><ul id=ul><li>four</li></ul></div><p id=after>five</p>`
	doc := parse(t, page)
	// label names an element by its id, a text by itself.
	label := func(n Node) string {
		if n.Type() == html.ElementNode {
			if id := Attr(n, "id"); id != "" {
				return "#" + id
			}
			return n.Data()
		}
		if n.Type() == html.DocumentNode {
			return "doc"
		}
		return n.Data()
	}
	two := func() Node { return find(t, doc, "b").FirstChild() } // the text "two"
	for _, tc := range []struct {
		name  string
		from  func() Node
		seq   func(Node) iter.Seq[Node]
		limit int // stop after this many (0: go to the end)
		want  string
	}{
		{"children", func() Node { return find(t, doc, "root") }, Node.Children, 0, "#p1 #p2 #ul"},
		{"children, break at 1", func() Node { return find(t, doc, "root") }, Node.Children, 1, "#p1"},
		{"children, break at 2", func() Node { return find(t, doc, "root") }, Node.Children, 2, "#p1 #p2"},
		{"children, break at the end", func() Node { return find(t, doc, "root") }, Node.Children, 3, "#p1 #p2 #ul"},
		{"children of a mixed node", func() Node { return find(t, doc, "p1") }, Node.Children, 0, "one #b"},
		{"children of a leaf", func() Node { return find(t, doc, "b").FirstChild() }, Node.Children, 0, ""},
		{"descendants", func() Node { return find(t, doc, "root") }, Node.Descendants, 0, "#p1 one #b two #p2 three #ul li four"},
		{"descendants, break at 1", func() Node { return find(t, doc, "root") }, Node.Descendants, 1, "#p1"},
		{"descendants, break deep", func() Node { return find(t, doc, "root") }, Node.Descendants, 4, "#p1 one #b two"},
		{"descendants, break after a climb", func() Node { return find(t, doc, "root") }, Node.Descendants, 5, "#p1 one #b two #p2"},
		{"descendants, break at the last", func() Node { return find(t, doc, "root") }, Node.Descendants, 9, "#p1 one #b two #p2 three #ul li four"},
		{"descendants stop at the node's end", func() Node { return find(t, doc, "p1") }, Node.Descendants, 0, "one #b two"},
		{"descendants of the last child", func() Node { return find(t, doc, "ul") }, Node.Descendants, 0, "li four"},
		{"descendants of a leaf", func() Node { return find(t, doc, "b").FirstChild() }, Node.Descendants, 0, ""},
		{"ancestors", two, Node.Ancestors, 0, "#b #p1 #root body html doc"},
		{"ancestors, break at 2", two, Node.Ancestors, 2, "#b #p1"},
		{"ancestors, break at the top", two, Node.Ancestors, 6, "#b #p1 #root body html doc"},
		{"ancestors of the document", func() Node { return doc }, Node.Ancestors, 0, ""},
	} {
		var got []string
		n := 0
		for c := range tc.seq(tc.from()) {
			got = append(got, label(c))
			if n++; n == tc.limit {
				break
			}
		}
		if s := strings.Join(got, " "); s != tc.want {
			t.Errorf("%s = %q; want %q", tc.name, s, tc.want)
		}
	}

	// The iterators follow edits.
	tree := doc.Tree()
	root := find(t, doc, "root")
	p1, ul := find(t, doc, "p1"), find(t, doc, "ul")
	tree.Detach(ul)
	tree.InsertBefore(p1, ul, p1.FirstChild())
	var got []string
	for c := range root.Descendants() {
		got = append(got, label(c))
	}
	if s, want := strings.Join(got, " "), "#p1 #ul li four one #b two #p2 three"; s != want {
		t.Errorf("descendants after a move = %q; want %q", s, want)
	}
	got = got[:0]
	for c := range ul.FirstChild().FirstChild().Ancestors() {
		got = append(got, label(c))
	}
	if s, want := strings.Join(got, " "), "li #ul #p1 #root body html doc"; s != want {
		t.Errorf("ancestors after a move = %q; want %q", s, want)
	}
}

// TestIteratorsDeep runs the iterators over a chain deeper than any
// recursion would like.
func TestIteratorsDeep(t *testing.T) {
	const depth = 100000
	tree := NewTree("", depth)
	n := tree.Root()
	for range depth {
		c := tree.NewNode(html.ElementNode, atom.Div, "div", "")
		tree.AppendChild(n, c)
		n = c
	}
	if got := len(slices.Collect(tree.Root().Descendants())); got != depth {
		t.Errorf("Descendants yielded %d; want %d", got, depth)
	}
	if got := len(slices.Collect(n.Ancestors())); got != depth {
		t.Errorf("Ancestors yielded %d; want %d", got, depth)
	}
}
