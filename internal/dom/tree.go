package dom

import (
	"iter"
	"math"
	"slices"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Tree is a parsed page held flat: its nodes in one slice, linked to
// each other by index, their texts as offsets into the page (or into the
// tree's own buffer, for the texts the page does not hold as they are),
// their attributes in one slice shared by all, each held the same way. A
// node costs 44 bytes and an attribute 20, neither a heap object of its
// own, and neither slice holds a pointer for the garbage collector to
// follow.
//
// The parser builds a tree with the methods that change it (NewNode,
// AppendChild, InsertBefore, Detach, SetData, SetAttrs, SetAttrsKeyed,
// AddAttr, CopyAttrs); every later stage only reads it, through Node.
type Tree struct {
	nodes []node // nodes[0] stands for "no node"
	attrs []attr
	page  string // the text the tree was built from
	own   []byte // the texts that are not slices of page

	// keyAtoms remembers the atoms of the keys that were their atom's
	// own name (a tokenizer hands those over), by where the name is.
	keyAtoms [64]keyAtom
}

type keyAtom struct {
	p uintptr
	a atom.Atom
}

type node struct {
	parent, first, last, prev, next int32

	data, dataLen uint32 // the text: page[data:] or, with ownBit, own[data&^ownBit:]
	attr, attrLen uint32 // attrs[attr:attr+attrLen]
	atom          atom.Atom
	typ           uint8 // an html.NodeType
	ns            uint8 // an index in namespaces
}

// attr is one attribute. Its key and value are held as a node's text
// is, and a key that is an atom's name as that atom.
type attr struct {
	key, keyLen uint32 // keyLen == atomName: key is an atom
	val, valLen uint32
	ns          uint8 // an index in attrNamespaces
}

const (
	ownBit = 1 << 31
	// atomName marks an element whose name is its atom's.
	atomName = math.MaxUint32
)

// namespaces are the element namespaces a tree can hold.
var namespaces = [...]string{"", "svg", "math"}

// attrNamespaces are the attribute namespaces a tree can hold: foreign
// content splits xlink:href, xml:lang and xmlns:xlink.
var attrNamespaces = [...]string{"", "xlink", "xml", "xmlns"}

// NewTree returns a tree holding one document node, whose texts will
// be slices of page where they can. size is how many nodes to make room
// for (0 when unknown).
func NewTree(page string, size int) *Tree {
	t := &Tree{nodes: make([]node, 1, max(size, 0)+2)}
	t.Reset(page)
	return t
}

// room returns s with room for n more elements. A full slice doubles:
// append grows a large one by a quarter, which for the attributes and
// texts of a page, whose size is not known up front, copies them over and
// over and leaves each old copy for the collector. (The node slice is
// sized from the parser's count of tags, and grows as append grows it.)
func room[T any](s []T, n int) []T {
	if len(s)+n <= cap(s) {
		return s
	}
	return slices.Grow(s, max(n, len(s)))
}

// Grow makes room for n more nodes.
func (t *Tree) Grow(n int) {
	t.nodes = slices.Grow(t.nodes, n)
}

// Root returns the document node.
func (t *Tree) Root() Node { return Node{t, 1} }

// Len returns one more than the largest node id: the length of a table
// indexed by Node.ID.
func (t *Tree) Len() int { return len(t.nodes) }

// Node returns the node of id (NewNode's order), or the zero Node for 0.
func (t *Tree) Node(id int) Node { return Node{t, int32(id)} }

// NewNode adds a node of no parent. A name the atom spells (data ==
// a.String()) costs no text; ns is "", "svg" or "math".
func (t *Tree) NewNode(typ html.NodeType, a atom.Atom, data, ns string) Node {
	if len(t.nodes) >= math.MaxInt32 {
		panic("dom: tree too large")
	}
	id := int32(len(t.nodes))
	t.nodes = append(t.nodes, node{atom: a, typ: uint8(typ), ns: nsIndex(ns)})
	n := Node{t, id}
	if typ == html.ElementNode && a != 0 && data == a.String() {
		t.nodes[id].data = atomName
	} else {
		t.SetData(n, data)
	}
	return n
}

func nsIndex(ns string) uint8 {
	if ns == "" {
		return 0 // nearly every element
	}
	return index(namespaces[:], ns)
}

func index(names []string, name string) uint8 {
	for i, s := range names {
		if s == name {
			return uint8(i)
		}
	}
	panic("dom: unknown namespace " + name)
}

// SetData sets n's text (its name, for an element). A slice of the page
// is kept as its offset; any other text is copied into the tree.
func (t *Tree) SetData(n Node, s string) {
	p := &t.nodes[n.id]
	p.data, p.dataLen = t.ref(s)
}

// ref returns where s is: its offset in the page when it is a slice of
// it, else the offset, with ownBit, of a copy in t's own texts.
func (t *Tree) ref(s string) (off, n uint32) {
	if off, ok := t.inPage(s); ok {
		return off, uint32(len(s))
	}
	return appendOwn(t, s)
}

// appendOwn copies s to the end of t's own texts and returns where it is.
func appendOwn[T string | []byte](t *Tree, s T) (off, n uint32) {
	if len(t.own)+len(s) >= ownBit {
		panic("dom: text too large")
	}
	off = uint32(len(t.own)) | ownBit
	t.own = append(room(t.own, len(s)), s...)
	return off, uint32(len(s))
}

// text returns the text at off (as ref gave it) of length n.
func (t *Tree) text(off, n uint32) string {
	switch {
	case n == 0:
		return ""
	case off&ownBit != 0:
		return unsafe.String(&t.own[off&^ownBit], n)
	default:
		return t.page[off : off+n]
	}
}

// inPage returns the offset of s in the page when s is a slice of it.
func (t *Tree) inPage(s string) (uint32, bool) {
	if len(s) == 0 {
		return 0, true
	}
	if len(t.page) >= ownBit {
		return 0, false
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(t.page)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if p < base || p+uintptr(len(s)) > base+uintptr(len(t.page)) {
		return 0, false
	}
	return uint32(p - base), true
}

// SetAttrs sets n's attributes. Keys and values that are slices of the
// page are kept as offsets into it, a key that is an atom's name as the
// atom, and the others are copied into the tree.
func (t *Tree) SetAttrs(n Node, attrs []html.Attribute) {
	recs := t.attrRun(n, len(attrs))
	for i := range recs {
		t.setAttr(&recs[i], &attrs[i])
	}
}

// attrRun gives n a run of count attribute records at the end of attrs
// and returns it for the caller to fill. Each record is written in place:
// a 20-byte record returned by value and appended is copied through the
// stack in pieces that stall the loads after them. (Filling a record may
// add to own, never to attrs, so the run stays where it is.)
func (t *Tree) attrRun(n Node, count int) []attr {
	p := &t.nodes[n.id]
	if count == 0 {
		p.attr, p.attrLen = 0, 0
		return nil
	}
	start := len(t.attrs)
	p.attr, p.attrLen = uint32(start), uint32(count)
	t.attrs = room(t.attrs, count)[:start+count]
	return t.attrs[start:]
}

// SetAttrsKeyed is SetAttrs for a caller that knows each key's atom, as a
// tokenizer that looked each name up does: keys[i] is the atom that
// attrs[i].Key spells, or 0 when it spells none. The tree then does not
// look the keys up again.
func (t *Tree) SetAttrsKeyed(n Node, attrs []html.Attribute, keys []atom.Atom) {
	if len(keys) != len(attrs) {
		panic("dom: SetAttrsKeyed with a key atom for each attribute")
	}
	recs := t.attrRun(n, len(attrs))
	for i := range recs {
		r, a := &recs[i], &attrs[i]
		if k := keys[i]; k != 0 {
			r.key, r.keyLen = uint32(k), atomName
		} else {
			r.key, r.keyLen = t.ref(a.Key)
		}
		t.setVal(r, a)
	}
}

// CopyAttrs sets n's attributes to those of src, a node of the same tree.
func (t *Tree) CopyAttrs(n, src Node) {
	s := t.nodes[src.id]
	recs := t.attrRun(n, int(s.attrLen))
	copy(recs, t.attrs[s.attr:s.attr+s.attrLen]) // attrs read after attrRun grew it
}

// setAttr writes a's record to r. It may copy a's texts into own, never
// into attrs. Every key that is an atom's name is held as the atom,
// wherever its text is, so that AttrRef.KeyAtom can stand for the key.
func (t *Tree) setAttr(r *attr, a *html.Attribute) {
	if k := t.keyAtom(a.Key); k != 0 {
		r.key, r.keyLen = uint32(k), atomName
	} else {
		r.key, r.keyLen = t.ref(a.Key)
	}
	t.setVal(r, a)
}

// setVal writes a's value and namespace to r.
func (t *Tree) setVal(r *attr, a *html.Attribute) {
	r.val, r.valLen = t.ref(a.Val)
	r.ns = 0
	if a.Namespace != "" { // nearly every attribute has none
		r.ns = index(attrNamespaces[:], a.Namespace)
	}
}

// keyAtom returns the atom whose name is key, or 0.
func (t *Tree) keyAtom(key string) atom.Atom {
	// No atom is this long.
	if len(key) == 0 || len(key) > 32 {
		return 0
	}
	// A key that is an atom's own name (a slice of the atom table, which
	// never changes) is known by where it is, without hashing it again.
	p := uintptr(unsafe.Pointer(unsafe.StringData(key)))
	c := &t.keyAtoms[(p^p>>6)%uintptr(len(t.keyAtoms))]
	if c.p == p && len(c.a.String()) == len(key) {
		return c.a
	}
	// Lookup neither keeps nor changes the bytes.
	a := atom.Lookup(unsafe.Slice(unsafe.StringData(key), len(key)))
	if a != 0 && unsafe.StringData(a.String()) == unsafe.StringData(key) {
		c.p, c.a = p, a
	}
	return a
}

// AddAttr appends one attribute to n's.
func (t *Tree) AddAttr(n Node, a html.Attribute) {
	var r attr
	t.setAttr(&r, &a) // before n's run is read: it may copy into own, not attrs
	p := &t.nodes[n.id]
	if p.attrLen > 0 && int(p.attr+p.attrLen) != len(t.attrs) {
		// Not the last run of attributes: move n's to the end first.
		t.attrs = room(t.attrs, int(p.attrLen)+1)
		start := len(t.attrs)
		t.attrs = append(t.attrs, t.attrs[p.attr:p.attr+p.attrLen]...)
		p.attr = uint32(start)
	} else if p.attrLen == 0 {
		p.attr = uint32(len(t.attrs))
	}
	t.attrs = append(room(t.attrs, 1), r)
	p.attrLen++
}

// AppendChild makes c, which has no parent, the last child of p.
func (t *Tree) AppendChild(p, c Node) {
	t.InsertBefore(p, c, Node{})
}

// InsertBefore makes c, which has no parent, a child of p before the
// child before, or the last child when before is the zero Node.
func (t *Tree) InsertBefore(p, c, before Node) {
	ns := t.nodes
	cn := &ns[c.id]
	cn.parent = p.id
	if before.id == 0 {
		cn.prev, cn.next = ns[p.id].last, 0
		if cn.prev != 0 {
			ns[cn.prev].next = c.id
		} else {
			ns[p.id].first = c.id
		}
		ns[p.id].last = c.id
		return
	}
	cn.prev, cn.next = ns[before.id].prev, before.id
	if cn.prev != 0 {
		ns[cn.prev].next = c.id
	} else {
		ns[p.id].first = c.id
	}
	ns[before.id].prev = c.id
}

// Detach takes n out of its parent's children, with its subtree.
func (t *Tree) Detach(n Node) {
	ns := t.nodes
	c := &ns[n.id]
	if c.parent == 0 {
		return
	}
	if c.prev != 0 {
		ns[c.prev].next = c.next
	} else {
		ns[c.parent].first = c.next
	}
	if c.next != 0 {
		ns[c.next].prev = c.prev
	} else {
		ns[c.parent].last = c.prev
	}
	c.parent, c.prev, c.next = 0, 0, 0
}

// Node is one node of a Tree, or no node (the zero Node, which Nil
// reports). Nodes are small values, compared with ==; a Node's methods
// answer for no node as for a node with no text, attributes or
// relatives.
type Node struct {
	t  *Tree
	id int32
}

// Nil reports whether n is no node.
func (n Node) Nil() bool { return n.id == 0 }

// ID returns n's index in its tree: from 1 to Tree.Len()-1, 0 for no node.
func (n Node) ID() int { return int(n.id) }

// Tree returns n's tree (nil for no node).
func (n Node) Tree() *Tree { return n.t }

func (n Node) rel(id int32) Node {
	if id == 0 {
		return Node{}
	}
	return Node{n.t, id}
}

// Parent returns n's parent.
func (n Node) Parent() Node {
	if n.id == 0 {
		return Node{}
	}
	return n.rel(n.t.nodes[n.id].parent)
}

// FirstChild returns n's first child.
func (n Node) FirstChild() Node {
	if n.id == 0 {
		return Node{}
	}
	return n.rel(n.t.nodes[n.id].first)
}

// LastChild returns n's last child.
func (n Node) LastChild() Node {
	if n.id == 0 {
		return Node{}
	}
	return n.rel(n.t.nodes[n.id].last)
}

// PrevSibling returns the sibling before n.
func (n Node) PrevSibling() Node {
	if n.id == 0 {
		return Node{}
	}
	return n.rel(n.t.nodes[n.id].prev)
}

// NextSibling returns the sibling after n.
func (n Node) NextSibling() Node {
	if n.id == 0 {
		return Node{}
	}
	return n.rel(n.t.nodes[n.id].next)
}

// Type returns n's type (html.ErrorNode, the zero type, for no node).
func (n Node) Type() html.NodeType {
	if n.id == 0 {
		return html.ErrorNode
	}
	return html.NodeType(n.t.nodes[n.id].typ)
}

// DataAtom returns the atom of n's name (0 for a text, or for a name no
// atom spells).
func (n Node) DataAtom() atom.Atom {
	if n.id == 0 {
		return 0
	}
	return n.t.nodes[n.id].atom
}

// Is reports whether n is an element of the HTML namespace named a.
func (n Node) Is(a atom.Atom) bool {
	if n.id == 0 {
		return false
	}
	p := &n.t.nodes[n.id]
	return p.atom == a && p.typ == uint8(html.ElementNode) && p.ns == 0
}

// Data returns n's text: the text of a text or comment node, the name
// of an element or doctype.
func (n Node) Data() string {
	if n.id == 0 {
		return ""
	}
	p := &n.t.nodes[n.id]
	if p.data == atomName {
		return p.atom.String()
	}
	return n.t.text(p.data, p.dataLen)
}

// HTMLAtom returns the atom of n's name when n is an element of the HTML
// namespace, and 0 otherwise: the test a tree builder makes most, in one
// read of the node.
func (n Node) HTMLAtom() atom.Atom {
	if n.id == 0 {
		return 0
	}
	p := &n.t.nodes[n.id]
	if p.typ != uint8(html.ElementNode) || p.ns != 0 {
		return 0
	}
	return p.atom
}

// Foreign reports whether n is an element of the SVG or MathML namespace.
func (n Node) Foreign() bool {
	return n.id != 0 && n.t.nodes[n.id].ns != 0
}

// Namespace returns n's namespace: "" for HTML, "svg" or "math".
func (n Node) Namespace() string {
	if n.id == 0 {
		return ""
	}
	return namespaces[n.t.nodes[n.id].ns]
}

// AttrLen returns how many attributes n has.
func (n Node) AttrLen() int {
	if n.id == 0 {
		return 0
	}
	return int(n.t.nodes[n.id].attrLen)
}

// AttrAt returns n's attribute i, for i from 0 to AttrLen()-1. Its
// strings are slices of the page, of the tree's own texts or of an
// atom's name: reading one allocates nothing.
func (n Node) AttrAt(i int) html.Attribute {
	if n.id == 0 || uint(i) >= uint(n.t.nodes[n.id].attrLen) {
		panic("dom: attribute index out of range")
	}
	p := &n.t.nodes[n.id]
	return n.t.attribute(&n.t.attrs[p.attr+uint32(i)])
}

// Attrs yields n's attributes in order, as AttrAt reads them.
func (n Node) Attrs() iter.Seq[html.Attribute] {
	return func(yield func(html.Attribute) bool) {
		t := n.t
		as := n.attrs()
		for i := range as {
			// As attribute does, written out to be inlined; the record
			// is read in place, not copied.
			a := &as[i]
			if !yield(html.Attribute{Namespace: attrNamespaces[a.ns], Key: t.attrKey(a), Val: t.text(a.val, a.valLen)}) {
				return
			}
		}
	}
}

// An AttrRef is one attribute of a node, read in place: its key's atom
// is at hand without building the key, and its key and value are built
// only when asked for. It is valid while the tree does not change.
type AttrRef struct {
	t *Tree
	a *attr
}

// KeyAtom returns the atom of the key when the key is an atom's name,
// and 0 otherwise: a tree holds every such key as its atom, so a key
// whose KeyAtom is 0 spells no atom.
func (r AttrRef) KeyAtom() atom.Atom {
	if r.a.keyLen != atomName {
		return 0
	}
	return atom.Atom(r.a.key)
}

// Key returns the attribute's key (its local name, for one of a
// namespace).
func (r AttrRef) Key() string { return r.t.attrKey(r.a) }

// Val returns the attribute's value.
func (r AttrRef) Val() string { return r.t.text(r.a.val, r.a.valLen) }

// Namespace returns the attribute's namespace: "" for nearly every one;
// "xlink", "xml" or "xmlns" for the names foreign content splits.
func (r AttrRef) Namespace() string { return attrNamespaces[r.a.ns] }

// AttrRefs yields n's attributes in order, as Attrs does, each read in
// place: for readers that look at a few keys and leave the rest unread.
func (n Node) AttrRefs() iter.Seq[AttrRef] {
	return func(yield func(AttrRef) bool) {
		as := n.attrs()
		for i := range as {
			if !yield(AttrRef{n.t, &as[i]}) {
				return
			}
		}
	}
}

// attrs returns n's run of attributes.
func (n Node) attrs() []attr {
	if n.id == 0 {
		return nil
	}
	p := &n.t.nodes[n.id]
	return n.t.attrs[p.attr : p.attr+p.attrLen]
}

func (t *Tree) attribute(a *attr) html.Attribute {
	return html.Attribute{Namespace: attrNamespaces[a.ns], Key: t.attrKey(a), Val: t.text(a.val, a.valLen)}
}

func (t *Tree) attrKey(a *attr) string {
	if a.keyLen == atomName {
		return atom.Atom(a.key).String()
	}
	return t.text(a.key, a.keyLen)
}

// Children yields n's children.
func (n Node) Children() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for c := n.FirstChild(); !c.Nil(); c = c.NextSibling() {
			if !yield(c) {
				return
			}
		}
	}
}

// Descendants yields the nodes below n in document order.
func (n Node) Descendants() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		Walk(n, func(c Node) Step {
			if !yield(c) {
				return Stop
			}
			return Descend
		}, nil)
	}
}

// Ancestors yields n's parent, its parent's parent, and so on up.
func (n Node) Ancestors() iter.Seq[Node] {
	return func(yield func(Node) bool) {
		for p := n.Parent(); !p.Nil(); p = p.Parent() {
			if !yield(p) {
				return
			}
		}
	}
}

// FromHTML copies the tree of golang.org/x/net/html below doc (doc
// included) into a Tree. Texts that are slices of page are kept as
// offsets into it; the others are copied.
func FromHTML(doc *html.Node, page string) *Tree {
	t := &Tree{page: page, nodes: make([]node, 1, 64)}
	copyNode := func(src *html.Node) Node {
		n := t.NewNode(src.Type, src.DataAtom, src.Data, src.Namespace)
		t.SetAttrs(n, src.Attr)
		return n
	}
	// Walk without recursion, so any depth is safe.
	root := copyNode(doc)
	at, dst := doc, root
	for {
		if at.FirstChild != nil {
			at = at.FirstChild
			c := copyNode(at)
			t.AppendChild(dst, c)
			dst = c
			continue
		}
		for at != doc && at.NextSibling == nil {
			at, dst = at.Parent, dst.Parent()
		}
		if at == doc {
			return t
		}
		at = at.NextSibling
		c := copyNode(at)
		t.AppendChild(dst.Parent(), c)
		dst = c
	}
}

// Owns reports whether s points into the tree's own copy of the texts
// that are not slices of its page.
func (t *Tree) Owns(s string) bool {
	if t == nil || len(s) == 0 || len(t.own) == 0 {
		return false
	}
	lo := uintptr(unsafe.Pointer(unsafe.SliceData(t.own)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	return p >= lo && p < lo+uintptr(len(t.own))
}

// SetDataBytes is SetData for text held in a buffer the caller reuses:
// it is always copied.
func (t *Tree) SetDataBytes(n Node, s []byte) {
	p := &t.nodes[n.id]
	p.data, p.dataLen = appendOwn(t, s)
}

// Reset empties t for a page of text page, keeping its memory: t then
// holds one document node, as NewTree's does. Nothing may read t's
// earlier nodes, attributes or texts afterwards.
func (t *Tree) Reset(page string) {
	t.nodes, t.attrs, t.own, t.page = t.nodes[:1], t.attrs[:0], t.own[:0], page
	t.NewNode(html.DocumentNode, 0, "", "")
}
