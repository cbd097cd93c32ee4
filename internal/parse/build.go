package parse

import (
	"context"
	"errors"
	"strings"

	"github.com/winnow-go/winnow/internal/dom"
	"golang.org/x/net/html"
	a "golang.org/x/net/html/atom"
)

// The tree builder of the HTML5 spec ("13.2.6 Tree construction"),
// scripting off, building the flat dom.Tree that every stage reads.
// What differs from x/net/html is how the tree is built: nodes are
// entries of one slice linked by index, names are interned, attributes
// share one slice, and text is kept as offsets into the page where it
// can be (see tokenize.go). The rules are the spec's
// insertion modes, with the select parsing of 2025 (a <select> is an
// ordinary element in scope, as x/net/html parses it); the fragment
// case is left out.

// errTooDeep is what build returns for a page whose stack of open
// elements grows past maxOpen, as x/net/html refuses it (ParseContext
// then flattens the page and parses it again).
var errTooDeep = errors.New("html: open stack of elements exceeds 512 nodes")

// maxOpen is the most open elements the builder keeps, x/net/html's limit.
const maxOpen = 512

// ctxEvery is how many bytes of the page the builder reads between two
// reads of its context.
const ctxEvery = readChunk

type insertionMode uint8

const (
	modeInitial insertionMode = iota
	modeBeforeHTML
	modeBeforeHead
	modeInHead
	modeInHeadNoscript
	modeAfterHead
	modeInBody
	modeText
	modeInTable
	modeInTableText
	modeInCaption
	modeInColumnGroup
	modeInTableBody
	modeInRow
	modeInCell
	modeInTemplate
	modeAfterBody
	modeInFrameset
	modeAfterFrameset
	modeAfterAfterBody
	modeAfterAfterFrameset
)

type builder struct {
	z   *tokenizer
	tok token
	doc dom.Node

	mode, original insertionMode
	templateModes  []insertionMode

	stack      []dom.Node
	afe        []dom.Node // nil is a marker
	head       dom.Node
	form       dom.Node
	quirks     bool
	fosterP    bool
	framesetOK bool
	skipLF     bool // drop a newline that starts the next text (after <textarea>)

	pending     []string // in table text
	pendingText bool     // pending holds more than whitespace

	textNode dom.Node // the text node whose text is in textBuf
	textBuf  []byte

	t       *dom.Tree
	err     error
	ctx     context.Context
	nextCtx int
}

// build parses s into a tree, its nodes and attributes from a (nil: the
// heap). It returns ctx's error once ctx is done
// (read every ctxEvery bytes and once at the start; a ctx that is never
// done is never read), and errTooDeep for a page nested past maxOpen
// elements.
func build(ctx context.Context, s string, a *arena) (dom.Node, error) {
	if ctx.Done() == nil {
		ctx = nil
	}
	// Before the tree is sized for the page.
	if ctx != nil {
		if err := ctx.Err(); err != nil {
			return dom.Node{}, err
		}
	}
	b := &builder{z: newTokenizer(s), framesetOK: true, ctx: ctx, nextCtx: ctxEvery}
	if a != nil {
		a.texts = append(a.texts, b.z.s)
		// The attribute store goes from page to page with the arena.
		b.z.store, b.z.keys, b.z.vals = a.store, a.keys, a.vals
		defer func() { a.store, a.keys, a.vals = b.z.store[:0], b.z.keys[:0], b.z.vals[:0] }()
	}
	b.t = a.tree(b.z.s)
	b.doc = b.t.Root()
	for {
		b.z.cdataOK = b.foreignCurrent()
		b.z.next(&b.tok)
		if b.skipLF {
			b.skipLF = false
			if b.tok.kind == tkText && strings.HasPrefix(b.tok.data, "\n") {
				b.tok.data = b.tok.data[1:]
				if b.tok.data == "" {
					continue
				}
			}
		}
		b.dispatch()
		if b.err != nil {
			return dom.Node{}, b.err
		}
		if b.tok.kind == tkEOF {
			b.flushText()
			return b.doc, nil
		}
		if ctx != nil && b.z.pos >= b.nextCtx {
			if err := ctx.Err(); err != nil {
				return dom.Node{}, err
			}
			b.nextCtx = b.z.pos + ctxEvery
		}
	}
}

// flushText gives the text node being joined its text.
func (b *builder) flushText() {
	if !b.textNode.Nil() {
		b.t.SetDataBytes(b.textNode, b.textBuf)
		b.textNode = dom.Node{}
	}
}

// newNode adds a node of type t and text s to the tree.
func (b *builder) newNode(t html.NodeType, s string) dom.Node {
	return b.t.NewNode(t, 0, s, "")
}

// ---- the stack of open elements and scopes

func (b *builder) current() dom.Node {
	if len(b.stack) == 0 {
		return dom.Node{}
	}
	return b.stack[len(b.stack)-1]
}

// adjustedCurrent is the current node (no fragment case).
func (b *builder) foreignCurrent() bool {
	c := b.current()
	return !c.Nil() && c.Foreign()
}

func (b *builder) pop() dom.Node {
	n := b.stack[len(b.stack)-1]
	b.stack = b.stack[:len(b.stack)-1]
	return n
}

func (b *builder) push(n dom.Node) {
	b.stack = append(b.stack, n)
	if len(b.stack) > maxOpen && b.err == nil {
		b.err = errTooDeep
	}
}

// indexOf returns n's place on the stack, or -1.
func (b *builder) indexOf(n dom.Node) int {
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i] == n {
			return i
		}
	}
	return -1
}

func (b *builder) onStack(t a.Atom) bool {
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i].Is(t) {
			return true
		}
	}
	return false
}

type bscope uint8

const (
	bScopeDefault bscope = iota
	bScopeListItem
	bScopeButton
	bScopeTable
)

// endsScope reports whether n ends the search for an element in scope.
func endsScope(n dom.Node, sc bscope) bool {
	if at := n.HTMLAtom(); at != 0 {
		switch sc {
		case bScopeTable:
			return at == a.Html || at == a.Table || at == a.Template
		case bScopeListItem:
			if at == a.Ol || at == a.Ul {
				return true
			}
		case bScopeButton:
			if at == a.Button {
				return true
			}
		}
		switch at {
		case a.Applet, a.Caption, a.Html, a.Table, a.Td, a.Th, a.Marquee, a.Object, a.Template, a.Select:
			return true
		}
		return false
	}
	switch n.Namespace() {
	case "math":
		if sc == bScopeTable {
			return false
		}
		switch n.Data() {
		case "mi", "mo", "mn", "ms", "mtext", "annotation-xml":
			return true
		}
	case "svg":
		if sc == bScopeTable {
			return false
		}
		switch n.Data() {
		case "foreignObject", "desc", "title":
			return true
		}
	}
	return false
}

// inScope returns the place on the stack of an HTML element of one of
// the tags in scope sc, or -1.
func (b *builder) inScope(sc bscope, tags ...a.Atom) int {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		if at := n.HTMLAtom(); at != 0 {
			for _, t := range tags {
				if at == t {
					return i
				}
			}
		}
		if endsScope(n, sc) {
			return -1
		}
	}
	return -1
}

func (b *builder) has(sc bscope, tags ...a.Atom) bool { return b.inScope(sc, tags...) >= 0 }

// popUntil pops up to and including the first HTML element of one of the
// tags.
func (b *builder) popUntil(tags ...a.Atom) {
	for len(b.stack) > 0 {
		if at := b.pop().HTMLAtom(); at != 0 {
			for _, t := range tags {
				if at == t {
					return
				}
			}
		}
	}
}

func impliedEnd(t a.Atom) bool {
	switch t {
	case a.Dd, a.Dt, a.Li, a.Optgroup, a.Option, a.P, a.Rb, a.Rp, a.Rt, a.Rtc:
		return true
	}
	return false
}

// generateImpliedEndTags pops the elements whose end tags are implied,
// except those of the tag except.
func (b *builder) generateImpliedEndTags(except a.Atom) {
	for {
		at := b.current().HTMLAtom()
		if !impliedEnd(at) || at == except {
			return
		}
		b.pop()
	}
}

func (b *builder) generateAllImpliedEndTags() {
	for {
		c := b.current()
		if c.Nil() || c.Foreign() {
			return
		}
		switch c.DataAtom() {
		case a.Caption, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
		default:
			if !impliedEnd(c.DataAtom()) {
				return
			}
		}
		b.pop()
	}
}

// closeP closes a <p> in button scope.
func (b *builder) closeP() {
	if b.has(bScopeButton, a.P) {
		b.generateImpliedEndTags(a.P)
		b.popUntil(a.P)
	}
}

// clearBackTo pops until the current node is one of the tags (or <html>).
func (b *builder) clearBackTo(tags ...a.Atom) {
	for {
		c := b.current()
		if c.Nil() || c.Is(a.Html) {
			return
		}
		if !c.Foreign() {
			for _, t := range tags {
				if c.DataAtom() == t {
					return
				}
			}
		}
		b.pop()
	}
}

// ---- inserting

// insertionPlace returns where a node goes: parent, and the child to put
// it before (nil for the end).
func (b *builder) insertionPlace(target dom.Node) (parent, before dom.Node) {
	if target.Nil() {
		target = b.current()
	}
	if b.fosterP && !target.Foreign() {
		switch target.DataAtom() {
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			return b.fosterPlace()
		}
	}
	return target, dom.Node{}
}

// fosterPlace is where foster parenting puts a node: before the last
// table on the stack, in its parent.
func (b *builder) fosterPlace() (parent, before dom.Node) {
	table, template := -1, -1
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		if n.Foreign() {
			continue
		}
		if n.DataAtom() == a.Table && table < 0 {
			table = i
		}
		if n.DataAtom() == a.Template && template < 0 {
			template = i
		}
	}
	if template >= 0 && (table < 0 || template > table) {
		return b.stack[template], dom.Node{}
	}
	if table < 0 {
		return b.stack[0], dom.Node{}
	}
	t := b.stack[table]
	if !t.Parent().Nil() {
		return t.Parent(), t
	}
	return b.stack[table-1], dom.Node{}
}

func insertBefore(parent, n, before dom.Node) {
	parent.Tree().InsertBefore(parent, n, before)
}

func detach(n dom.Node) {
	n.Tree().Detach(n)
}

// element makes an element of the current token's tag and attributes.
func (b *builder) element(ns string) dom.Node {
	n := b.t.NewNode(html.ElementNode, b.tok.a, b.tok.name, ns)
	b.t.SetAttrsKeyed(n, b.tok.attr, b.tok.keys)
	return n
}

// insert inserts an element for the current token and pushes it.
func (b *builder) insert() dom.Node {
	return b.insertElement(b.element(""))
}

func (b *builder) insertElement(n dom.Node) dom.Node {
	parent, before := b.insertionPlace(dom.Node{})
	insertBefore(parent, n, before)
	b.push(n)
	return n
}

// insertTag inserts an element of tag t without attributes.
func (b *builder) insertTag(t a.Atom) dom.Node {
	return b.insertElement(b.t.NewNode(html.ElementNode, t, t.String(), ""))
}

// insertVoid inserts an element for the current token and pops it.
func (b *builder) insertVoid() {
	b.insert()
	b.pop()
}

func (b *builder) insertText(s string) {
	if s == "" {
		return
	}
	parent, before := b.insertionPlace(dom.Node{})
	if parent.Type() == html.DocumentNode {
		return
	}
	prev := parent.LastChild()
	if !before.Nil() {
		prev = before.PrevSibling()
	}
	if !prev.Nil() && prev.Type() == html.TextNode {
		// Text joins the text node before it. The joined text is kept
		// in a buffer until another node takes the buffer (or the parse
		// ends), so that a node joined many times (text between tags
		// the builder ignores) is not copied at each join.
		if b.textNode != prev {
			b.flushText()
			b.textNode = prev
			b.textBuf = append(b.textBuf[:0], prev.Data()...)
		}
		b.textBuf = append(b.textBuf, s...)
		return
	}
	insertBefore(parent, b.newNode(html.TextNode, s), before)
}

func (b *builder) insertComment(parent dom.Node) {
	n := b.newNode(html.CommentNode, b.tok.data)
	var before dom.Node
	if parent.Nil() {
		parent, before = b.insertionPlace(dom.Node{})
	}
	insertBefore(parent, n, before)
}

// ---- active formatting elements

func (b *builder) afeIndex(n dom.Node) int {
	for i := len(b.afe) - 1; i >= 0; i-- {
		if b.afe[i] == n {
			return i
		}
	}
	return -1
}

func (b *builder) afeRemove(n dom.Node) {
	if i := b.afeIndex(n); i >= 0 {
		b.afe = append(b.afe[:i], b.afe[i+1:]...)
	}
}

func sameAttrs(x, y dom.Node) bool {
	if x.AttrLen() != y.AttrLen() {
		return false
	}
outer:
	for p := range x.Attrs() {
		for q := range y.Attrs() {
			if p.Key == q.Key && p.Namespace == q.Namespace {
				if p.Val != q.Val {
					return false
				}
				continue outer
			}
		}
		return false
	}
	return true
}

// pushFormatting inserts the token's element and adds it to the list,
// with the Noah's Ark clause: no more than three alike after the last
// marker.
func (b *builder) pushFormatting() {
	n := b.insert()
	same := 0
	for i := len(b.afe) - 1; i >= 0; i-- {
		e := b.afe[i]
		if e.Nil() {
			break
		}
		if e.DataAtom() == n.DataAtom() && e.Data() == n.Data() && e.Namespace() == n.Namespace() && sameAttrs(e, n) {
			same++
			if same >= 3 {
				b.afe = append(b.afe[:i], b.afe[i+1:]...)
			}
		}
	}
	b.afe = append(b.afe, n)
}

func (b *builder) clearToMarker() {
	for len(b.afe) > 0 {
		e := b.afe[len(b.afe)-1]
		b.afe = b.afe[:len(b.afe)-1]
		if e.Nil() {
			return
		}
	}
}

// cloneElement makes a new element of n's tag and attributes.
func (b *builder) cloneElement(n dom.Node) dom.Node {
	c := b.t.NewNode(html.ElementNode, n.DataAtom(), n.Data(), n.Namespace())
	b.t.CopyAttrs(c, n)
	return c
}

func (b *builder) reconstruct() {
	if len(b.afe) == 0 {
		return
	}
	i := len(b.afe) - 1
	if e := b.afe[i]; e.Nil() || b.indexOf(e) >= 0 {
		return
	}
	for i > 0 {
		e := b.afe[i-1]
		if e.Nil() || b.indexOf(e) >= 0 {
			break
		}
		i--
	}
	for ; i < len(b.afe); i++ {
		c := b.cloneElement(b.afe[i])
		b.insertElement(c)
		b.afe[i] = c
	}
}

// adoptionAgency runs the adoption agency algorithm for the end tag of
// the token. It returns false when the token is to be handled as "any
// other end tag".
func (b *builder) adoptionAgency() bool {
	t, name := b.tok.a, b.tok.name
	if c := b.current(); !c.Foreign() && c.Data() == name && b.afeIndex(c) < 0 {
		b.pop()
		return true
	}
	for outer := 0; outer < 8; outer++ {
		fi := -1
		for i := len(b.afe) - 1; i >= 0; i-- {
			e := b.afe[i]
			if e.Nil() {
				break
			}
			if !e.Foreign() && e.DataAtom() == t && e.Data() == name {
				fi = i
				break
			}
		}
		if fi < 0 {
			return false
		}
		fe := b.afe[fi]
		si := b.indexOf(fe)
		if si < 0 {
			b.afe = append(b.afe[:fi], b.afe[fi+1:]...)
			return true
		}
		if !b.elementInScope(fe) {
			return true
		}
		var fb dom.Node
		fbi := -1
		for i := si + 1; i < len(b.stack); i++ {
			if isSpecial(b.stack[i]) {
				fb, fbi = b.stack[i], i
				break
			}
		}
		if fb.Nil() {
			b.stack = b.stack[:si]
			b.afeRemove(fe)
			return true
		}
		common := b.stack[si-1]
		bookmark := fi
		node, last := fb, fb
		ni := fbi
		for inner := 1; ; inner++ {
			ni--
			node = b.stack[ni]
			if node == fe {
				break
			}
			ai := b.afeIndex(node)
			if inner > 3 && ai >= 0 {
				b.afe = append(b.afe[:ai], b.afe[ai+1:]...)
				if ai < bookmark {
					bookmark--
				}
				ai = -1
			}
			if ai < 0 {
				b.stack = append(b.stack[:ni], b.stack[ni+1:]...)
				continue
			}
			c := b.cloneElement(node)
			b.afe[ai] = c
			b.stack[ni] = c
			node = c
			if last == fb {
				bookmark = ai + 1
			}
			detach(last)
			insertBefore(node, last, dom.Node{})
			last = node
		}
		detach(last)
		parent, before := b.insertionPlace(common)
		insertBefore(parent, last, before)
		c := b.cloneElement(fe)
		for ch := fb.FirstChild(); !ch.Nil(); {
			next := ch.NextSibling()
			detach(ch)
			insertBefore(c, ch, dom.Node{})
			ch = next
		}
		insertBefore(fb, c, dom.Node{})
		// the list: fe out, c in at the bookmark
		if i := b.afeIndex(fe); i >= 0 {
			b.afe = append(b.afe[:i], b.afe[i+1:]...)
			if i < bookmark {
				bookmark--
			}
		}
		if bookmark > len(b.afe) {
			bookmark = len(b.afe)
		}
		b.afe = append(b.afe, dom.Node{})
		copy(b.afe[bookmark+1:], b.afe[bookmark:])
		b.afe[bookmark] = c
		// the stack: fe out, c in just below fb
		b.stack = append(b.stack[:b.indexOf(fe)], b.stack[b.indexOf(fe)+1:]...)
		i := b.indexOf(fb)
		b.stack = append(b.stack, dom.Node{})
		copy(b.stack[i+2:], b.stack[i+1:])
		b.stack[i+1] = c
	}
	return true
}

// elementInScope reports whether n is on the stack in the default scope.
func (b *builder) elementInScope(n dom.Node) bool {
	for i := len(b.stack) - 1; i >= 0; i-- {
		if b.stack[i] == n {
			return true
		}
		if endsScope(b.stack[i], bScopeDefault) {
			return false
		}
	}
	return false
}

func isSpecial(n dom.Node) bool {
	if at := n.HTMLAtom(); at != 0 {
		switch at {
		case a.Address, a.Applet, a.Area, a.Article, a.Aside, a.Base, a.Basefont, a.Bgsound, a.Blockquote,
			a.Body, a.Br, a.Button, a.Caption, a.Center, a.Col, a.Colgroup, a.Dd, a.Details, a.Dir, a.Div,
			a.Dl, a.Dt, a.Embed, a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Form, a.Frame, a.Frameset,
			a.H1, a.H2, a.H3, a.H4, a.H5, a.H6, a.Head, a.Header, a.Hgroup, a.Hr, a.Html, a.Iframe, a.Img,
			a.Input, a.Keygen, a.Li, a.Link, a.Listing, a.Main, a.Marquee, a.Menu, a.Meta, a.Nav, a.Noembed,
			a.Noframes, a.Noscript, a.Object, a.Ol, a.P, a.Param, a.Plaintext, a.Pre, a.Script, a.Section,
			a.Select, a.Source, a.Style, a.Summary, a.Table, a.Tbody, a.Td, a.Template, a.Textarea, a.Tfoot,
			a.Th, a.Thead, a.Title, a.Tr, a.Track, a.Ul, a.Wbr, a.Xmp:
			return true
		}
		return false
	}
	switch n.Namespace() {
	case "math":
		switch n.Data() {
		case "mi", "mo", "mn", "ms", "mtext", "annotation-xml":
			return true
		}
	case "svg":
		switch n.Data() {
		case "foreignObject", "desc", "title":
			return true
		}
	}
	return false
}

// resetMode resets the insertion mode from the stack.
func (b *builder) resetMode() {
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		last := i == 0
		if n.Foreign() {
			if last {
				b.mode = modeInBody
				return
			}
			continue
		}
		switch n.DataAtom() {
		case a.Td, a.Th:
			if !last {
				b.mode = modeInCell
				return
			}
		case a.Tr:
			b.mode = modeInRow
			return
		case a.Tbody, a.Thead, a.Tfoot:
			b.mode = modeInTableBody
			return
		case a.Caption:
			b.mode = modeInCaption
			return
		case a.Colgroup:
			b.mode = modeInColumnGroup
			return
		case a.Table:
			b.mode = modeInTable
			return
		case a.Template:
			b.mode = b.templateModes[len(b.templateModes)-1]
			return
		case a.Head:
			if !last {
				b.mode = modeInHead
				return
			}
		case a.Body:
			b.mode = modeInBody
			return
		case a.Frameset:
			b.mode = modeInFrameset
			return
		case a.Html:
			if b.head.Nil() {
				b.mode = modeBeforeHead
			} else {
				b.mode = modeAfterHead
			}
			return
		}
		if last {
			b.mode = modeInBody
			return
		}
	}
	b.mode = modeInBody
}

// ---- dispatch

func (b *builder) dispatch() {
	// A token is reprocessed a few times at most (a mode change or
	// two); the bound guards against a loop between two rules.
	for i := 0; i < 64 && !b.step(); i++ {
		if b.err != nil {
			return
		}
	}
}

// step processes the token once; false means process it again (the
// mode changed).
func (b *builder) step() bool {
	if b.useForeign() {
		return b.inForeign()
	}
	return b.byMode(b.mode)
}

func (b *builder) useForeign() bool {
	c := b.current()
	if c.Nil() || !c.Foreign() {
		return false
	}
	t := &b.tok
	switch t.kind {
	case tkEOF:
		return false
	case tkStart:
		if mathTextPoint(c) && t.name != "mglyph" && t.name != "malignmark" {
			return false
		}
		if c.Namespace() == "math" && c.Data() == "annotation-xml" && t.a == a.Svg {
			return false
		}
		if htmlPoint(c) {
			return false
		}
	case tkText:
		if mathTextPoint(c) || htmlPoint(c) {
			return false
		}
	}
	return true
}

func mathTextPoint(n dom.Node) bool {
	if n.Namespace() != "math" {
		return false
	}
	switch n.Data() {
	case "mi", "mo", "mn", "ms", "mtext":
		return true
	}
	return false
}

func htmlPoint(n dom.Node) bool {
	switch n.Namespace() {
	case "math":
		if n.Data() == "annotation-xml" {
			for at := range n.Attrs() {
				if at.Key == "encoding" && at.Namespace == "" &&
					(strings.EqualFold(at.Val, "text/html") || strings.EqualFold(at.Val, "application/xhtml+xml")) {
					return true
				}
			}
		}
	case "svg":
		switch n.Data() {
		case "foreignObject", "desc", "title":
			return true
		}
	}
	return false
}

func (b *builder) byMode(m insertionMode) bool {
	switch m {
	case modeInitial:
		return b.initial()
	case modeBeforeHTML:
		return b.beforeHTML()
	case modeBeforeHead:
		return b.beforeHead()
	case modeInHead:
		return b.inHead()
	case modeInHeadNoscript:
		return b.inHeadNoscript()
	case modeAfterHead:
		return b.afterHead()
	case modeInBody:
		return b.inBody()
	case modeText:
		return b.text()
	case modeInTable:
		return b.inTable()
	case modeInTableText:
		return b.inTableText()
	case modeInCaption:
		return b.inCaption()
	case modeInColumnGroup:
		return b.inColumnGroup()
	case modeInTableBody:
		return b.inTableBody()
	case modeInRow:
		return b.inRow()
	case modeInCell:
		return b.inCell()
	case modeInTemplate:
		return b.inTemplate()
	case modeAfterBody:
		return b.afterBody()
	case modeInFrameset:
		return b.inFrameset()
	case modeAfterFrameset:
		return b.afterFrameset()
	case modeAfterAfterBody:
		return b.afterAfterBody()
	case modeAfterAfterFrameset:
		return b.afterAfterFrameset()
	}
	return true
}

// splitSpace splits text into its leading whitespace and the rest.
func splitSpace(s string) (string, string) {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

func allSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isSpace(s[i]) {
			return false
		}
	}
	return true
}

// leadingSpace handles the whitespace at the start of a text token with
// f and leaves the rest in the token; it reports whether anything is
// left.
func (b *builder) leadingSpace(f func(string)) bool {
	sp, rest := splitSpace(b.tok.data)
	if sp != "" {
		f(sp)
	}
	b.tok.data = rest
	return rest != ""
}

func (b *builder) initial() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		if !b.leadingSpace(func(string) {}) {
			return true
		}
	case tkComment:
		b.insertComment(b.doc)
		return true
	case tkDoctype:
		n := b.newNode(html.DoctypeNode, t.name)
		if t.hasPublic {
			b.t.AddAttr(n, html.Attribute{Key: "public", Val: t.public})
		}
		if t.hasSystem {
			b.t.AddAttr(n, html.Attribute{Key: "system", Val: t.system})
		}
		insertBefore(b.doc, n, dom.Node{})
		b.quirks = quirksDoctype(t)
		b.mode = modeBeforeHTML
		return true
	}
	b.quirks = true
	b.mode = modeBeforeHTML
	return false
}

func (b *builder) beforeHTML() bool {
	t := &b.tok
	switch t.kind {
	case tkDoctype:
		return true
	case tkComment:
		b.insertComment(b.doc)
		return true
	case tkText:
		if !b.leadingSpace(func(string) {}) {
			return true
		}
	case tkStart:
		if t.a == a.Html {
			n := b.element("")
			insertBefore(b.doc, n, dom.Node{})
			b.push(n)
			b.mode = modeBeforeHead
			return true
		}
	case tkEnd:
		switch t.a {
		case a.Head, a.Body, a.Html, a.Br:
		default:
			return true
		}
	}
	n := b.t.NewNode(html.ElementNode, a.Html, "html", "")
	insertBefore(b.doc, n, dom.Node{})
	b.push(n)
	b.mode = modeBeforeHead
	return false
}

func (b *builder) beforeHead() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		if !b.leadingSpace(func(string) {}) {
			return true
		}
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Head:
			b.head = b.insert()
			b.mode = modeInHead
			return true
		}
	case tkEnd:
		switch t.a {
		case a.Head, a.Body, a.Html, a.Br:
		default:
			return true
		}
	}
	b.head = b.insertTag(a.Head)
	b.mode = modeInHead
	return false
}

// rawElement inserts the token's element and reads its text in state.
func (b *builder) rawElement(state uint8) {
	b.insert()
	b.z.setRaw(state, b.tok.name)
	b.original = b.mode
	b.mode = modeText
}

func (b *builder) inHead() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		if !b.leadingSpace(b.insertText) {
			return true
		}
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta:
			b.insertVoid()
			return true
		case a.Title:
			b.rawElement(stRCDATA)
			return true
		case a.Noscript:
			b.insert()
			b.mode = modeInHeadNoscript
			return true
		case a.Noframes, a.Style:
			b.rawElement(stRawText)
			return true
		case a.Script:
			b.rawElement(stScript)
			return true
		case a.Template:
			b.insert()
			b.afe = append(b.afe, dom.Node{})
			b.framesetOK = false
			b.mode = modeInTemplate
			b.templateModes = append(b.templateModes, modeInTemplate)
			return true
		case a.Head:
			return true
		}
	case tkEnd:
		switch t.a {
		case a.Head:
			b.pop()
			b.mode = modeAfterHead
			return true
		case a.Body, a.Html, a.Br:
		case a.Template:
			if !b.onStack(a.Template) {
				return true
			}
			b.generateAllImpliedEndTags()
			b.popUntil(a.Template)
			b.clearToMarker()
			b.templateModes = b.templateModes[:len(b.templateModes)-1]
			b.resetMode()
			return true
		default:
			return true
		}
	}
	b.pop()
	b.mode = modeAfterHead
	return false
}

func (b *builder) inHeadNoscript() bool {
	t := &b.tok
	switch t.kind {
	case tkDoctype:
		return true
	case tkText:
		// The spec puts the leading whitespace of a text in the
		// <noscript>; x/net/html, the reference, moves all of it to the
		// <head> unless it is all whitespace. Whitespace in the head
		// is nothing extraction reads; the builder does as x/net/html.
		if allSpace(t.data) {
			b.insertText(t.data)
			return true
		}
	case tkComment:
		return b.inHead()
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Basefont, a.Bgsound, a.Link, a.Meta, a.Noframes, a.Style:
			return b.inHead()
		case a.Head, a.Noscript:
			return true
		}
	case tkEnd:
		switch t.a {
		case a.Noscript:
			b.pop()
			b.mode = modeInHead
			return true
		case a.Br:
		default:
			return true
		}
	}
	b.pop()
	b.mode = modeInHead
	return false
}

func (b *builder) afterHead() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		if !b.leadingSpace(b.insertText) {
			return true
		}
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Body:
			b.insert()
			b.framesetOK = false
			b.mode = modeInBody
			return true
		case a.Frameset:
			b.insert()
			b.mode = modeInFrameset
			return true
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta, a.Noframes, a.Script, a.Style, a.Template, a.Title:
			b.push(b.head)
			b.inHead()
			if i := b.indexOf(b.head); i >= 0 {
				b.stack = append(b.stack[:i], b.stack[i+1:]...)
			}
			return true
		case a.Head:
			return true
		}
	case tkEnd:
		switch t.a {
		case a.Template:
			return b.inHead()
		case a.Body, a.Html, a.Br:
		default:
			return true
		}
	}
	b.insertTag(a.Body)
	b.mode = modeInBody
	return false
}

// addMissingAttrs adds to n the token's attributes it lacks.
func (b *builder) addMissingAttrs(n dom.Node) {
	for _, at := range b.tok.attr {
		found := false
		for x := range n.Attrs() {
			if x.Key == at.Key && x.Namespace == at.Namespace {
				found = true
				break
			}
		}
		if !found {
			b.t.AddAttr(n, at)
		}
	}
}

func (b *builder) inBody() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		d := t.data
		// A newline that starts a <pre> or <listing> is dropped. The
		// spec drops it only when it is the token right after the start
		// tag; x/net/html, the reference, drops it from the first text
		// of the element however late it comes (after an end tag or a
		// doctype the builder ignores), and so does the builder.
		if c := b.current(); c.FirstChild().Nil() && (c.Is(a.Pre) || c.Is(a.Listing)) && strings.HasPrefix(d, "\n") {
			d = d[1:]
		}
		if b.z.nul && strings.IndexByte(d, 0) >= 0 {
			d = strings.ReplaceAll(d, "\x00", "")
		}
		if d == "" {
			return true
		}
		b.reconstruct()
		b.insertText(d)
		if b.framesetOK && !allSpace(d) {
			b.framesetOK = false
		}
		return true
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkEOF:
		if len(b.templateModes) > 0 {
			return b.inTemplate()
		}
		return true
	case tkStart:
		return b.inBodyStart()
	case tkEnd:
		return b.inBodyEnd()
	}
	return true
}

func (b *builder) inBodyStart() bool {
	t := &b.tok
	switch t.a {
	case a.Html:
		if b.onStack(a.Template) {
			return true
		}
		if len(b.stack) > 0 {
			b.addMissingAttrs(b.stack[0])
		}
		return true
	case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta, a.Noframes, a.Script, a.Style, a.Template, a.Title:
		return b.inHead()
	case a.Body:
		if len(b.stack) < 2 || !b.stack[1].Is(a.Body) || b.onStack(a.Template) {
			return true
		}
		b.framesetOK = false
		b.addMissingAttrs(b.stack[1])
		return true
	case a.Frameset:
		if len(b.stack) < 2 || !b.stack[1].Is(a.Body) || !b.framesetOK {
			return true
		}
		detach(b.stack[1])
		b.stack = b.stack[:1]
		b.insert()
		b.mode = modeInFrameset
		return true
	case a.Address, a.Article, a.Aside, a.Blockquote, a.Center, a.Details, a.Dialog, a.Dir, a.Div, a.Dl,
		a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Header, a.Hgroup, a.Main, a.Menu, a.Nav, a.Ol, a.P,
		a.Search, a.Section, a.Summary, a.Ul:
		b.closeP()
		b.insert()
		return true
	case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
		b.closeP()
		if c := b.current(); !c.Foreign() {
			switch c.DataAtom() {
			case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
				b.pop()
			}
		}
		b.insert()
		return true
	case a.Pre, a.Listing:
		b.closeP()
		b.insert()
		b.framesetOK = false
		return true
	case a.Form:
		if !b.form.Nil() && !b.onStack(a.Template) {
			return true
		}
		b.closeP()
		n := b.insert()
		if !b.onStack(a.Template) {
			b.form = n
		}
		return true
	case a.Li:
		b.framesetOK = false
		for i := len(b.stack) - 1; i >= 0; i-- {
			n := b.stack[i]
			if n.Is(a.Li) {
				b.generateImpliedEndTags(a.Li)
				b.popUntil(a.Li)
				break
			}
			if isSpecial(n) && !(!n.Foreign() && (n.DataAtom() == a.Address || n.DataAtom() == a.Div || n.DataAtom() == a.P)) {
				break
			}
		}
		b.closeP()
		b.insert()
		return true
	case a.Dd, a.Dt:
		b.framesetOK = false
		for i := len(b.stack) - 1; i >= 0; i-- {
			n := b.stack[i]
			if n.Is(a.Dd) || n.Is(a.Dt) {
				b.generateImpliedEndTags(n.DataAtom())
				b.popUntil(n.DataAtom())
				break
			}
			if isSpecial(n) && !(!n.Foreign() && (n.DataAtom() == a.Address || n.DataAtom() == a.Div || n.DataAtom() == a.P)) {
				break
			}
		}
		b.closeP()
		b.insert()
		return true
	case a.Plaintext:
		b.closeP()
		b.insert()
		b.z.setRaw(stPlaintext, "")
		return true
	case a.Button:
		if b.has(bScopeDefault, a.Button) {
			b.generateImpliedEndTags(0)
			b.popUntil(a.Button)
		}
		b.reconstruct()
		b.insert()
		b.framesetOK = false
		return true
	case a.A:
		for i := len(b.afe) - 1; i >= 0; i-- {
			e := b.afe[i]
			if e.Nil() {
				break
			}
			if e.Is(a.A) {
				saved := *t
				t.kind, t.a, t.name = tkEnd, a.A, "a"
				if !b.adoptionAgency() {
					b.anyOtherEnd()
				}
				*t = saved
				b.afeRemove(e)
				if j := b.indexOf(e); j >= 0 {
					b.stack = append(b.stack[:j], b.stack[j+1:]...)
				}
				break
			}
		}
		b.reconstruct()
		b.pushFormatting()
		return true
	case a.B, a.Big, a.Code, a.Em, a.Font, a.I, a.S, a.Small, a.Strike, a.Strong, a.Tt, a.U:
		b.reconstruct()
		b.pushFormatting()
		return true
	case a.Nobr:
		b.reconstruct()
		if b.has(bScopeDefault, a.Nobr) {
			saved := *t
			t.kind = tkEnd
			if !b.adoptionAgency() {
				b.anyOtherEnd()
			}
			*t = saved
			b.reconstruct()
		}
		b.pushFormatting()
		return true
	case a.Applet, a.Marquee, a.Object:
		b.reconstruct()
		b.insert()
		b.afe = append(b.afe, dom.Node{})
		b.framesetOK = false
		return true
	case a.Table:
		if !b.quirks {
			b.closeP()
		}
		b.insert()
		b.framesetOK = false
		b.mode = modeInTable
		return true
	case a.Area, a.Br, a.Embed, a.Img, a.Keygen, a.Wbr:
		b.reconstruct()
		b.insertVoid()
		b.framesetOK = false
		return true
	case a.Input:
		if i := b.inScope(bScopeDefault, a.Select); i >= 0 {
			b.stack = b.stack[:i]
		}
		b.reconstruct()
		b.insertVoid()
		if !hiddenInput(t.attr) {
			b.framesetOK = false
		}
		return true
	case a.Param, a.Source, a.Track:
		b.insertVoid()
		return true
	case a.Hr:
		b.closeP()
		if b.has(bScopeDefault, a.Select) {
			b.generateImpliedEndTags(0)
		}
		b.insertVoid()
		b.framesetOK = false
		return true
	case a.Image:
		t.a, t.name = a.Img, "img"
		return false
	case a.Textarea:
		b.insert()
		b.skipLF = true
		b.z.setRaw(stRCDATA, "textarea")
		b.original = b.mode
		b.framesetOK = false
		b.mode = modeText
		return true
	case a.Xmp:
		b.closeP()
		b.reconstruct()
		b.framesetOK = false
		b.rawElement(stRawText)
		return true
	case a.Iframe:
		b.framesetOK = false
		b.rawElement(stRawText)
		return true
	case a.Noembed:
		b.rawElement(stRawText)
		return true
	case a.Select:
		if i := b.inScope(bScopeDefault, a.Select); i >= 0 {
			b.stack = b.stack[:i]
			return true
		}
		b.reconstruct()
		b.insert()
		b.framesetOK = false
		return true
	case a.Option:
		if b.has(bScopeDefault, a.Select) {
			b.generateImpliedEndTags(a.Optgroup)
		} else if b.current().Is(a.Option) {
			b.pop()
		}
		b.reconstruct()
		b.insert()
		return true
	case a.Optgroup:
		if b.has(bScopeDefault, a.Select) {
			b.generateImpliedEndTags(0)
		} else if b.current().Is(a.Option) {
			b.pop()
		}
		b.reconstruct()
		b.insert()
		return true
	case a.Rb, a.Rtc:
		if b.has(bScopeDefault, a.Ruby) {
			b.generateImpliedEndTags(0)
		}
		b.insert()
		return true
	case a.Rp, a.Rt:
		if b.has(bScopeDefault, a.Ruby) {
			b.generateImpliedEndTags(a.Rtc)
		}
		b.insert()
		return true
	case a.Math, a.Svg:
		b.reconstruct()
		ns := "math"
		if t.a == a.Svg {
			ns = "svg"
		}
		b.insertForeign(ns)
		return true
	case a.Caption, a.Col, a.Colgroup, a.Frame, a.Head, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
		return true
	}
	b.reconstruct()
	b.insert()
	return true
}

func hiddenInput(attr []html.Attribute) bool {
	for _, at := range attr {
		if at.Key == "type" {
			return strings.EqualFold(at.Val, "hidden")
		}
	}
	return false
}

func (b *builder) inBodyEnd() bool {
	t := &b.tok
	switch t.a {
	case a.Template:
		return b.inHead()
	case a.Body:
		if b.has(bScopeDefault, a.Body) {
			b.mode = modeAfterBody
		}
		return true
	case a.Html:
		if b.has(bScopeDefault, a.Body) {
			b.mode = modeAfterBody
			return false
		}
		return true
	case a.Address, a.Article, a.Aside, a.Blockquote, a.Button, a.Center, a.Details, a.Dialog, a.Dir, a.Div,
		a.Dl, a.Fieldset, a.Figcaption, a.Figure, a.Footer, a.Header, a.Hgroup, a.Listing, a.Main, a.Menu,
		a.Nav, a.Ol, a.Pre, a.Search, a.Section, a.Select, a.Summary, a.Ul:
		if !b.has(bScopeDefault, t.a) {
			return true
		}
		b.generateImpliedEndTags(0)
		b.popUntil(t.a)
		return true
	case a.Form:
		if !b.onStack(a.Template) {
			n := b.form
			b.form = dom.Node{}
			if n.Nil() || !b.elementInScope(n) {
				return true
			}
			b.generateImpliedEndTags(0)
			if i := b.indexOf(n); i >= 0 {
				b.stack = append(b.stack[:i], b.stack[i+1:]...)
			}
			return true
		}
		if !b.has(bScopeDefault, a.Form) {
			return true
		}
		b.generateImpliedEndTags(0)
		b.popUntil(a.Form)
		return true
	case a.P:
		if !b.has(bScopeButton, a.P) {
			b.insertTag(a.P)
		}
		b.closeP()
		return true
	case a.Li:
		if !b.has(bScopeListItem, a.Li) {
			return true
		}
		b.generateImpliedEndTags(a.Li)
		b.popUntil(a.Li)
		return true
	case a.Dd, a.Dt:
		if !b.has(bScopeDefault, t.a) {
			return true
		}
		b.generateImpliedEndTags(t.a)
		b.popUntil(t.a)
		return true
	case a.H1, a.H2, a.H3, a.H4, a.H5, a.H6:
		if !b.has(bScopeDefault, a.H1, a.H2, a.H3, a.H4, a.H5, a.H6) {
			return true
		}
		b.generateImpliedEndTags(0)
		b.popUntil(a.H1, a.H2, a.H3, a.H4, a.H5, a.H6)
		return true
	case a.A, a.B, a.Big, a.Code, a.Em, a.Font, a.I, a.Nobr, a.S, a.Small, a.Strike, a.Strong, a.Tt, a.U:
		if !b.adoptionAgency() {
			b.anyOtherEnd()
		}
		return true
	case a.Applet, a.Marquee, a.Object:
		if !b.has(bScopeDefault, t.a) {
			return true
		}
		b.generateImpliedEndTags(0)
		b.popUntil(t.a)
		b.clearToMarker()
		return true
	case a.Br:
		t.kind, t.attr, t.keys, t.self = tkStart, nil, nil, false
		return false
	}
	b.anyOtherEnd()
	return true
}

// anyOtherEnd is the in-body rule for an end tag no other rule takes.
func (b *builder) anyOtherEnd() {
	name := b.tok.name
	for i := len(b.stack) - 1; i >= 0; i-- {
		n := b.stack[i]
		if !n.Foreign() && n.Data() == name {
			b.generateImpliedEndTags(n.DataAtom())
			if n.DataAtom() == 0 {
				// generateImpliedEndTags stops at no unknown element
			}
			b.stack = b.stack[:i]
			return
		}
		if isSpecial(n) {
			return
		}
	}
}

func (b *builder) text() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		b.insertText(t.data)
		return true
	case tkEOF:
		b.pop()
		b.mode = b.original
		return false
	case tkEnd:
		b.pop()
		b.mode = b.original
		return true
	}
	return true
}

func (b *builder) inTable() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		// Two departures of x/net/html, the reference, which the
		// builder follows as they change nothing extraction reads: the
		// NULs of the text go first (so a newline after one can start a
		// foster-parented <pre>), and a <template> is not among the
		// elements whose whitespace stays put (so whitespace in a
		// template's table reopens the formatting elements).
		if b.z.nul && strings.IndexByte(t.data, 0) >= 0 {
			t.data = strings.ReplaceAll(t.data, "\x00", "")
			if t.data == "" {
				return true
			}
		}
		if c := b.current(); !c.Foreign() {
			switch c.DataAtom() {
			case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
				b.pending = b.pending[:0]
				b.pendingText = false
				b.original = b.mode
				b.mode = modeInTableText
				return false
			}
		}
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkStart:
		switch t.a {
		case a.Caption:
			b.clearBackTo(a.Table, a.Template)
			b.afe = append(b.afe, dom.Node{})
			b.insert()
			b.mode = modeInCaption
			return true
		case a.Colgroup:
			b.clearBackTo(a.Table, a.Template)
			b.insert()
			b.mode = modeInColumnGroup
			return true
		case a.Col:
			b.clearBackTo(a.Table, a.Template)
			b.insertTag(a.Colgroup)
			b.mode = modeInColumnGroup
			return false
		case a.Tbody, a.Tfoot, a.Thead:
			b.clearBackTo(a.Table, a.Template)
			b.insert()
			b.mode = modeInTableBody
			return true
		case a.Td, a.Th, a.Tr:
			b.clearBackTo(a.Table, a.Template)
			b.insertTag(a.Tbody)
			b.mode = modeInTableBody
			return false
		case a.Table:
			if !b.has(bScopeTable, a.Table) {
				return true
			}
			b.popUntil(a.Table)
			b.resetMode()
			return false
		case a.Style, a.Script, a.Template:
			return b.inHead()
		case a.Input:
			if hiddenInput(t.attr) {
				b.insertVoid()
				return true
			}
		case a.Form:
			if b.onStack(a.Template) || !b.form.Nil() {
				return true
			}
			b.form = b.insert()
			b.pop()
			return true
		}
	case tkEnd:
		switch t.a {
		case a.Table:
			if !b.has(bScopeTable, a.Table) {
				return true
			}
			b.popUntil(a.Table)
			b.resetMode()
			return true
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			return true
		case a.Template:
			return b.inHead()
		}
	case tkEOF:
		return b.inBody()
	}
	b.fosterP = true
	done := b.inBody()
	b.fosterP = false
	return done
}

func (b *builder) inTableText() bool {
	t := &b.tok
	if t.kind == tkText {
		d := t.data
		if b.z.nul && strings.IndexByte(d, 0) >= 0 {
			d = strings.ReplaceAll(d, "\x00", "")
		}
		if d != "" {
			b.pending = append(b.pending, d)
			if !allSpace(d) {
				b.pendingText = true
			}
		}
		return true
	}
	saved := *t
	for _, d := range b.pending {
		if b.pendingText {
			b.fosterP = true
			b.reconstruct()
			b.insertText(d)
			b.framesetOK = false
			b.fosterP = false
		} else {
			b.insertText(d)
		}
	}
	b.pending = b.pending[:0]
	*t = saved
	b.mode = b.original
	return false
}

func (b *builder) inCaption() bool {
	t := &b.tok
	closeCaption := func() bool {
		if !b.has(bScopeTable, a.Caption) {
			return false
		}
		b.generateImpliedEndTags(0)
		b.popUntil(a.Caption)
		b.clearToMarker()
		b.mode = modeInTable
		return true
	}
	switch t.kind {
	case tkStart:
		switch t.a {
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			return !closeCaption()
		}
	case tkEnd:
		switch t.a {
		case a.Caption:
			closeCaption()
			return true
		case a.Table:
			return !closeCaption()
		case a.Body, a.Col, a.Colgroup, a.Html, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			return true
		}
	}
	return b.inBody()
}

func (b *builder) inColumnGroup() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		if !b.leadingSpace(b.insertText) {
			return true
		}
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Col:
			b.insertVoid()
			return true
		case a.Template:
			return b.inHead()
		}
	case tkEnd:
		switch t.a {
		case a.Colgroup:
			if b.current().Is(a.Colgroup) {
				b.pop()
				b.mode = modeInTable
			}
			return true
		case a.Col:
			return true
		case a.Template:
			return b.inHead()
		}
	case tkEOF:
		return b.inBody()
	}
	if !b.current().Is(a.Colgroup) {
		return true
	}
	b.pop()
	b.mode = modeInTable
	return false
}

func (b *builder) inTableBody() bool {
	t := &b.tok
	switch t.kind {
	case tkStart:
		switch t.a {
		case a.Tr:
			b.clearBackTo(a.Tbody, a.Tfoot, a.Thead, a.Template)
			b.insert()
			b.mode = modeInRow
			return true
		case a.Th, a.Td:
			b.clearBackTo(a.Tbody, a.Tfoot, a.Thead, a.Template)
			b.insertTag(a.Tr)
			b.mode = modeInRow
			return false
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Tfoot, a.Thead:
			if !b.has(bScopeTable, a.Tbody, a.Thead, a.Tfoot) {
				return true
			}
			b.clearBackTo(a.Tbody, a.Tfoot, a.Thead, a.Template)
			b.pop()
			b.mode = modeInTable
			return false
		}
	case tkEnd:
		switch t.a {
		case a.Tbody, a.Tfoot, a.Thead:
			if !b.has(bScopeTable, t.a) {
				return true
			}
			b.clearBackTo(a.Tbody, a.Tfoot, a.Thead, a.Template)
			b.pop()
			b.mode = modeInTable
			return true
		case a.Table:
			if !b.has(bScopeTable, a.Tbody, a.Thead, a.Tfoot) {
				return true
			}
			b.clearBackTo(a.Tbody, a.Tfoot, a.Thead, a.Template)
			b.pop()
			b.mode = modeInTable
			return false
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Td, a.Th, a.Tr:
			return true
		}
	}
	return b.inTable()
}

func (b *builder) inRow() bool {
	t := &b.tok
	closeRow := func() bool {
		if !b.has(bScopeTable, a.Tr) {
			return false
		}
		b.clearBackTo(a.Tr, a.Template)
		b.pop()
		b.mode = modeInTableBody
		return true
	}
	switch t.kind {
	case tkStart:
		switch t.a {
		case a.Th, a.Td:
			b.clearBackTo(a.Tr, a.Template)
			b.insert()
			b.mode = modeInCell
			b.afe = append(b.afe, dom.Node{})
			return true
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			return !closeRow()
		}
	case tkEnd:
		switch t.a {
		case a.Tr:
			closeRow()
			return true
		case a.Table:
			return !closeRow()
		case a.Tbody, a.Tfoot, a.Thead:
			if !b.has(bScopeTable, t.a) {
				return true
			}
			return !closeRow()
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html, a.Td, a.Th:
			return true
		}
	}
	return b.inTable()
}

func (b *builder) inCell() bool {
	t := &b.tok
	closeCell := func() {
		b.generateImpliedEndTags(0)
		b.popUntil(a.Td, a.Th)
		b.clearToMarker()
		b.mode = modeInRow
	}
	switch t.kind {
	case tkStart:
		switch t.a {
		case a.Caption, a.Col, a.Colgroup, a.Tbody, a.Td, a.Tfoot, a.Th, a.Thead, a.Tr:
			if !b.has(bScopeTable, a.Td, a.Th) {
				return true
			}
			closeCell()
			return false
		}
	case tkEnd:
		switch t.a {
		case a.Td, a.Th:
			if !b.has(bScopeTable, t.a) {
				return true
			}
			b.generateImpliedEndTags(0)
			b.popUntil(t.a)
			b.clearToMarker()
			b.mode = modeInRow
			return true
		case a.Body, a.Caption, a.Col, a.Colgroup, a.Html:
			return true
		case a.Table, a.Tbody, a.Tfoot, a.Thead, a.Tr:
			if !b.has(bScopeTable, t.a) {
				return true
			}
			closeCell()
			return false
		}
	}
	return b.inBody()
}

func (b *builder) inTemplate() bool {
	t := &b.tok
	switchTo := func(m insertionMode) bool {
		b.templateModes[len(b.templateModes)-1] = m
		b.mode = m
		return false
	}
	switch t.kind {
	case tkText, tkComment, tkDoctype:
		return b.inBody()
	case tkStart:
		switch t.a {
		case a.Base, a.Basefont, a.Bgsound, a.Link, a.Meta, a.Noframes, a.Script, a.Style, a.Template, a.Title:
			return b.inHead()
		case a.Caption, a.Colgroup, a.Tbody, a.Tfoot, a.Thead:
			return switchTo(modeInTable)
		case a.Col:
			return switchTo(modeInColumnGroup)
		case a.Tr:
			return switchTo(modeInTableBody)
		case a.Td, a.Th:
			return switchTo(modeInRow)
		}
		return switchTo(modeInBody)
	case tkEnd:
		if t.a == a.Template {
			return b.inHead()
		}
		return true
	case tkEOF:
		if !b.onStack(a.Template) {
			return true
		}
		b.popUntil(a.Template)
		b.clearToMarker()
		b.templateModes = b.templateModes[:len(b.templateModes)-1]
		b.resetMode()
		return false
	}
	return true
}

func (b *builder) afterBody() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		if allSpace(t.data) {
			return b.inBody()
		}
	case tkComment:
		b.insertComment(b.stack[0])
		return true
	case tkDoctype:
		// The spec ignores it; x/net/html goes back to the body, so
		// that a comment after it stays in the body. The builder does
		// as x/net/html: it changes only where such a comment goes.
		b.mode = modeInBody
		return true
	case tkStart:
		if t.a == a.Html {
			return b.inBody()
		}
	case tkEnd:
		if t.a == a.Html {
			b.mode = modeAfterAfterBody
			return true
		}
	case tkEOF:
		return true
	}
	b.mode = modeInBody
	return false
}

func (b *builder) inFrameset() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		b.insertText(spaceOnly(t.data))
		return true
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Frameset:
			b.insert()
		case a.Frame:
			b.insertVoid()
		case a.Noframes:
			return b.inHead()
		}
	case tkEnd:
		if t.a == a.Frameset {
			if len(b.stack) > 1 {
				b.pop()
				if !b.current().Is(a.Frameset) {
					b.mode = modeAfterFrameset
				}
			}
		}
	}
	return true
}

// spaceOnly keeps the whitespace characters of s.
func spaceOnly(s string) string {
	if allSpace(s) {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		if isSpace(s[i]) {
			sb.WriteByte(s[i])
		}
	}
	return sb.String()
}

func (b *builder) afterFrameset() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		b.insertText(spaceOnly(t.data))
	case tkComment:
		b.insertComment(dom.Node{})
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Noframes:
			return b.inHead()
		}
	case tkEnd:
		if t.a == a.Html {
			b.mode = modeAfterAfterFrameset
		}
	}
	return true
}

func (b *builder) afterAfterBody() bool {
	t := &b.tok
	switch t.kind {
	case tkComment:
		b.insertComment(b.doc)
		return true
	case tkDoctype:
		return b.inBody()
	case tkText:
		if allSpace(t.data) {
			return b.inBody()
		}
	case tkStart:
		if t.a == a.Html {
			return b.inBody()
		}
	case tkEOF:
		return true
	}
	b.mode = modeInBody
	return false
}

func (b *builder) afterAfterFrameset() bool {
	t := &b.tok
	switch t.kind {
	case tkComment:
		b.insertComment(b.doc)
	case tkDoctype:
		return b.inBody()
	case tkText:
		if s := spaceOnly(t.data); s != "" {
			t.data = s
			return b.inBody()
		}
	case tkStart:
		switch t.a {
		case a.Html:
			return b.inBody()
		case a.Noframes:
			return b.inHead()
		}
	}
	return true
}

// ---- foreign content

func (b *builder) insertForeign(ns string) {
	t := &b.tok
	name := t.name
	if ns == "svg" {
		if adj, ok := svgTagNames[t.name]; ok {
			name = adj
		}
	}
	n := b.t.NewNode(html.ElementNode, t.a, name, ns)
	b.t.SetAttrs(n, b.foreignAttrs(ns))
	b.insertElement(n)
	if t.self {
		b.pop()
	}
}

// foreignAttrs returns the token's attributes adjusted for namespace ns:
// MathML's definitionURL, SVG's camel-cased names, and the xlink:, xml:
// and xmlns: names split into namespace and name.
func (b *builder) foreignAttrs(ns string) []html.Attribute {
	attr := b.tok.attr
	changed := false
	for _, at := range attr {
		if foreignAttrChange(ns, at.Key) {
			changed = true
			break
		}
	}
	if !changed {
		return attr
	}
	out := b.z.copyAttrs(attr)
	for i := range out {
		k := out[i].Key
		switch {
		case ns == "math" && k == "definitionurl":
			out[i].Key = "definitionURL"
		case ns == "svg" && svgAttrNames[k] != "":
			out[i].Key = svgAttrNames[k]
		}
		switch k {
		case "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show", "xlink:title",
			"xlink:type", "xml:lang", "xml:space", "xmlns:xlink":
			j := strings.IndexByte(k, ':')
			out[i].Namespace, out[i].Key = k[:j], k[j+1:]
		}
	}
	return out
}

func foreignAttrChange(ns, k string) bool {
	if ns == "math" && k == "definitionurl" || ns == "svg" && svgAttrNames[k] != "" {
		return true
	}
	return strings.HasPrefix(k, "xlink:") || strings.HasPrefix(k, "xml:") || strings.HasPrefix(k, "xmlns:")
}

// breakout reports whether a start tag leaves foreign content.
func breakout(t *token) bool {
	switch t.a {
	case a.B, a.Big, a.Blockquote, a.Body, a.Br, a.Center, a.Code, a.Dd, a.Div, a.Dl, a.Dt, a.Em, a.Embed,
		a.H1, a.H2, a.H3, a.H4, a.H5, a.H6, a.Head, a.Hr, a.I, a.Img, a.Li, a.Listing, a.Menu, a.Meta, a.Nobr,
		a.Ol, a.P, a.Pre, a.Ruby, a.S, a.Small, a.Span, a.Strong, a.Strike, a.Sub, a.Sup, a.Table, a.Tt, a.U,
		a.Ul, a.Var:
		return true
	case a.Font:
		for _, at := range t.attr {
			switch at.Key {
			case "color", "face", "size":
				return true
			}
		}
	}
	return false
}

func (b *builder) inForeign() bool {
	t := &b.tok
	switch t.kind {
	case tkText:
		d := b.z.replaceNUL(t.data)
		b.insertText(d)
		if b.framesetOK && !allSpace(strings.ReplaceAll(d, "\ufffd", "")) {
			b.framesetOK = false
		}
		return true
	case tkComment:
		b.insertComment(dom.Node{})
		return true
	case tkDoctype:
		return true
	case tkStart:
		if breakout(t) {
			b.popForeign()
			return b.byMode(b.mode)
		}
		c := b.current()
		b.insertForeign(c.Namespace())
		return true
	case tkEnd:
		if t.a == a.Br || t.a == a.P {
			b.popForeign()
			return b.byMode(b.mode)
		}
		for i := len(b.stack) - 1; i > 0; i-- {
			n := b.stack[i]
			if !n.Foreign() {
				return b.byMode(b.mode)
			}
			if strings.EqualFold(n.Data(), t.name) {
				b.stack = b.stack[:i]
				return true
			}
		}
		return true
	}
	return true
}

// popForeign pops until the current node is HTML or an integration point.
func (b *builder) popForeign() {
	for {
		c := b.current()
		if c.Nil() || !c.Foreign() || mathTextPoint(c) || htmlPoint(c) {
			return
		}
		b.pop()
	}
}

var svgTagNames = map[string]string{
	"altglyph": "altGlyph", "altglyphdef": "altGlyphDef", "altglyphitem": "altGlyphItem",
	"animatecolor": "animateColor", "animatemotion": "animateMotion", "animatetransform": "animateTransform",
	"clippath": "clipPath", "feblend": "feBlend", "fecolormatrix": "feColorMatrix",
	"fecomponenttransfer": "feComponentTransfer", "fecomposite": "feComposite",
	"feconvolvematrix": "feConvolveMatrix", "fediffuselighting": "feDiffuseLighting",
	"fedisplacementmap": "feDisplacementMap", "fedistantlight": "feDistantLight", "fedropshadow": "feDropShadow",
	"feflood": "feFlood", "fefunca": "feFuncA", "fefuncb": "feFuncB", "fefuncg": "feFuncG", "fefuncr": "feFuncR",
	"fegaussianblur": "feGaussianBlur", "feimage": "feImage", "femerge": "feMerge", "femergenode": "feMergeNode",
	"femorphology": "feMorphology", "feoffset": "feOffset", "fepointlight": "fePointLight",
	"fespecularlighting": "feSpecularLighting", "fespotlight": "feSpotLight", "fetile": "feTile",
	"feturbulence": "feTurbulence", "foreignobject": "foreignObject", "glyphref": "glyphRef",
	"lineargradient": "linearGradient", "radialgradient": "radialGradient", "textpath": "textPath",
}

var svgAttrNames = map[string]string{
	"attributename": "attributeName", "attributetype": "attributeType", "basefrequency": "baseFrequency",
	"baseprofile": "baseProfile", "calcmode": "calcMode", "clippathunits": "clipPathUnits",
	"diffuseconstant": "diffuseConstant", "edgemode": "edgeMode", "filterunits": "filterUnits",
	"glyphref": "glyphRef", "gradienttransform": "gradientTransform", "gradientunits": "gradientUnits",
	"kernelmatrix": "kernelMatrix", "kernelunitlength": "kernelUnitLength", "keypoints": "keyPoints",
	"keysplines": "keySplines", "keytimes": "keyTimes", "lengthadjust": "lengthAdjust",
	"limitingconeangle": "limitingConeAngle", "markerheight": "markerHeight", "markerunits": "markerUnits",
	"markerwidth": "markerWidth", "maskcontentunits": "maskContentUnits", "maskunits": "maskUnits",
	"numoctaves": "numOctaves", "pathlength": "pathLength", "patterncontentunits": "patternContentUnits",
	"patterntransform": "patternTransform", "patternunits": "patternUnits", "pointsatx": "pointsAtX",
	"pointsaty": "pointsAtY", "pointsatz": "pointsAtZ", "preservealpha": "preserveAlpha",
	"preserveaspectratio": "preserveAspectRatio", "primitiveunits": "primitiveUnits", "refx": "refX",
	"refy": "refY", "repeatcount": "repeatCount", "repeatdur": "repeatDur",
	"requiredextensions": "requiredExtensions", "requiredfeatures": "requiredFeatures",
	"specularconstant": "specularConstant", "specularexponent": "specularExponent",
	"spreadmethod": "spreadMethod", "startoffset": "startOffset", "stddeviation": "stdDeviation",
	"stitchtiles": "stitchTiles", "surfacescale": "surfaceScale", "systemlanguage": "systemLanguage",
	"tablevalues": "tableValues", "targetx": "targetX", "targety": "targetY", "textlength": "textLength",
	"viewbox": "viewBox", "viewtarget": "viewTarget", "xchannelselector": "xChannelSelector",
	"ychannelselector": "yChannelSelector", "zoomandpan": "zoomAndPan",
}

// ---- quirks

// quirksDoctype reports whether a doctype puts the page in quirks mode.
func quirksDoctype(t *token) bool {
	if t.forceQuirks || t.name != "html" {
		return true
	}
	pub := strings.ToLower(t.public)
	sys := strings.ToLower(t.system)
	if t.hasPublic {
		switch pub {
		case "-//w3o//dtd w3 html strict 3.0//en//", "-/w3c/dtd html 4.0 transitional/en", "html":
			return true
		}
		for _, p := range quirkyPublic {
			if strings.HasPrefix(pub, p) {
				return true
			}
		}
		if !t.hasSystem && (strings.HasPrefix(pub, "-//w3c//dtd html 4.01 frameset//") ||
			strings.HasPrefix(pub, "-//w3c//dtd html 4.01 transitional//")) {
			return true
		}
	}
	return t.hasSystem && sys == "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"
}

// quirkyPublic are the public identifiers (prefixes, lower-cased) of the
// doctypes that put a page in quirks mode.
var quirkyPublic = []string{
	"+//silmaril//dtd html pro v0r11 19970101//",
	"-//as//dtd html 3.0 aswedit + extensions//",
	"-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
	"-//ietf//dtd html 2.0 level 1//",
	"-//ietf//dtd html 2.0 level 2//",
	"-//ietf//dtd html 2.0 strict level 1//",
	"-//ietf//dtd html 2.0 strict level 2//",
	"-//ietf//dtd html 2.0 strict//",
	"-//ietf//dtd html 2.0//",
	"-//ietf//dtd html 2.1e//",
	"-//ietf//dtd html 3.0//",
	"-//ietf//dtd html 3.2 final//",
	"-//ietf//dtd html 3.2//",
	"-//ietf//dtd html 3//",
	"-//ietf//dtd html level 0//",
	"-//ietf//dtd html level 1//",
	"-//ietf//dtd html level 2//",
	"-//ietf//dtd html level 3//",
	"-//ietf//dtd html strict level 0//",
	"-//ietf//dtd html strict level 1//",
	"-//ietf//dtd html strict level 2//",
	"-//ietf//dtd html strict level 3//",
	"-//ietf//dtd html strict//",
	"-//ietf//dtd html//",
	"-//metrius//dtd metrius presentational//",
	"-//microsoft//dtd internet explorer 2.0 html strict//",
	"-//microsoft//dtd internet explorer 2.0 html//",
	"-//microsoft//dtd internet explorer 2.0 tables//",
	"-//microsoft//dtd internet explorer 3.0 html strict//",
	"-//microsoft//dtd internet explorer 3.0 html//",
	"-//microsoft//dtd internet explorer 3.0 tables//",
	"-//netscape comm. corp.//dtd html//",
	"-//netscape comm. corp.//dtd strict html//",
	"-//o'reilly and associates//dtd html 2.0//",
	"-//o'reilly and associates//dtd html extended 1.0//",
	"-//o'reilly and associates//dtd html extended relaxed 1.0//",
	"-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
	"-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
	"-//spyglass//dtd html 2.0 extended//",
	"-//sq//dtd html 2.0 hotmetal + extensions//",
	"-//sun microsystems corp.//dtd hotjava html//",
	"-//sun microsystems corp.//dtd hotjava strict html//",
	"-//w3c//dtd html 3 1995-03-24//",
	"-//w3c//dtd html 3.2 draft//",
	"-//w3c//dtd html 3.2 final//",
	"-//w3c//dtd html 3.2//",
	"-//w3c//dtd html 3.2s draft//",
	"-//w3c//dtd html 4.0 frameset//",
	"-//w3c//dtd html 4.0 transitional//",
	"-//w3c//dtd html experimental 19960712//",
	"-//w3c//dtd html experimental 970421//",
	"-//w3c//dtd w3 html//",
	"-//w3o//dtd w3 html 3.0//",
	"-//webtechs//dtd mozilla html 2.0//",
	"-//webtechs//dtd mozilla html//",
}
