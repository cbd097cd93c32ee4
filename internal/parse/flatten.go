package parse

import (
	"bytes"
	"context"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/rules"
)

// The HTML parser refuses a document whose stack of open elements grows
// past 512, and the stack is not the count of start tags minus end tags:
// the parser adds elements (a <tbody> around rows, formatting elements
// reopened after a block closed them), ignores end tags that match no
// open element or stand behind a block, and closes elements implicitly
// (a <p> at the next block, an <li> at the next item). flatten replays
// those rules of the tree builder on the token stream, closely enough to
// know which start tags open an element deeper than the limit, and
// writes the page again with those elements taken out: a block becomes
// an <hr>, so that the text before and after it stays in separate
// paragraphs, and an inline element is dropped, its text kept. Where the
// replay misses, the parse fails again and Parse flattens with a lower
// limit, down to a page with no nesting at all.

// flatLimits are the depths Parse flattens to, one after another, while
// the parser still refuses the page. The last keeps no element of the
// body but void and raw-text ones, which always parses.
var flatLimits = []int{MaxDepth, MaxDepth / 4, 2}

// open is an element of the replayed stack of open elements.
type open struct {
	a    atom.Atom
	name string
	kept bool      // written out; false for an element taken out
	fmt  *fmtEntry // its entry in the list of formatting elements
}

// fmtEntry is an entry of the list of active formatting elements, or a
// marker (a cell, a caption, an object) when name is empty.
type fmtEntry struct {
	name   string
	key    string // tag and attributes, for the limit of three alike
	onTop  bool   // on the stack of open elements
	marker bool
}

type flattener struct {
	z     *html.Tokenizer
	out   []byte
	limit int
	stack []open
	kept  int // elements of the stack that are written out
	afe   []*fmtEntry
	skip  atom.Atom // inside a <template> or <noscript> taken out, with its nesting
	skipN int
}

// flatten copies data, taking out the elements that would open deeper
// than limit (counting <html> and <body>). It fails with ctx's error once
// ctx is done.
func flatten(ctx context.Context, data []byte, limit int) ([]byte, error) {
	f := &flattener{z: html.NewTokenizer(newCtxReader(ctx, data)), out: make([]byte, 0, len(data)), limit: limit - 2}
	for {
		tt := f.z.Next()
		switch tt {
		case html.ErrorToken:
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			return f.out, nil
		case html.StartTagToken, html.SelfClosingTagToken:
			f.start(tt)
		case html.EndTagToken:
			f.end()
		case html.TextToken:
			if f.skip != 0 {
				continue
			}
			if len(f.stack) > 0 || len(bytes.TrimSpace(f.z.Raw())) > 0 {
				f.reconstruct()
			}
			f.out = append(f.out, f.z.Raw()...)
		default:
			if f.skip == 0 {
				f.out = append(f.out, f.z.Raw()...)
			}
		}
	}
}

func (f *flattener) keep()          { f.out = append(f.out, f.z.Raw()...) }
func (f *flattener) breakLine()     { f.out = append(f.out, "<hr>"...) }
func (f *flattener) top() atom.Atom { return f.stack[len(f.stack)-1].a }

func (f *flattener) push(a atom.Atom, name string, kept bool) *open {
	f.stack = append(f.stack, open{a: a, name: name, kept: kept})
	if kept {
		f.kept++
	}
	return &f.stack[len(f.stack)-1]
}

// popTo pops the stack down to, and without, index i.
func (f *flattener) popTo(i int) {
	for j := len(f.stack) - 1; j >= i; j-- {
		if f.stack[j].kept {
			f.kept--
		}
		if e := f.stack[j].fmt; e != nil {
			e.onTop = false
		}
	}
	f.stack = f.stack[:i]
}

// Scopes, as the tree builder defines them: the elements that stop the
// search for an open element.
const (
	scopeDefault = iota
	scopeButton
	scopeListItem
	scopeTable
)

func stopsScope(a atom.Atom, s int) bool {
	switch s {
	case scopeTable:
		return a == atom.Table || a == atom.Template
	case scopeButton:
		if a == atom.Button {
			return true
		}
	case scopeListItem:
		if a == atom.Ol || a == atom.Ul {
			return true
		}
	}
	switch a {
	case atom.Applet, atom.Caption, atom.Table, atom.Td, atom.Th, atom.Marquee, atom.Object, atom.Template, atom.Select:
		return true
	}
	return false
}

// inScope returns the index of the topmost open element among as within
// scope s, or -1.
func (f *flattener) inScope(s int, as ...atom.Atom) int {
	for i := len(f.stack) - 1; i >= 0; i-- {
		for _, a := range as {
			if f.stack[i].a == a {
				return i
			}
		}
		if stopsScope(f.stack[i].a, s) {
			return -1
		}
	}
	return -1
}

func (f *flattener) closeP() {
	if i := f.inScope(scopeButton, atom.P); i >= 0 {
		f.popTo(i)
	}
}

// reconstruct reopens the formatting elements that a block closed, as
// the tree builder does before text and most start tags.
func (f *flattener) reconstruct() {
	first := len(f.afe)
	for first > 0 && !f.afe[first-1].marker && !f.afe[first-1].onTop {
		first--
	}
	for _, e := range f.afe[first:] {
		o := f.push(atom.Lookup([]byte(e.name)), e.name, true)
		o.fmt, e.onTop = e, true
	}
}

// pushFormatting opens a formatting element that is written out and
// enters it in the list, keeping no more than three alike after the last
// marker.
func (f *flattener) pushFormatting(a atom.Atom, name string) {
	key := string(f.z.Raw())
	if i := bytes.IndexAny(f.z.Raw(), " \t\n\f\r/>"); i > 0 {
		key = name + string(bytes.TrimRight(f.z.Raw()[i:], "/>"))
	}
	same, oldest := 0, -1
	for i := len(f.afe) - 1; i >= 0 && !f.afe[i].marker; i-- {
		if f.afe[i].key == key {
			same++
			oldest = i
		}
	}
	if same >= 3 {
		f.afe = append(f.afe[:oldest], f.afe[oldest+1:]...)
	}
	e := &fmtEntry{name: name, key: key, onTop: true}
	f.afe = append(f.afe, e)
	f.push(a, name, true).fmt = e
}

func (f *flattener) clearToMarker() {
	for len(f.afe) > 0 {
		e := f.afe[len(f.afe)-1]
		f.afe = f.afe[:len(f.afe)-1]
		if e.marker {
			return
		}
	}
}

// tableMode reports whether the tree builder would read a table-part tag
// as part of a table (the topmost table part is a table, body or row),
// in a cell or caption (it closes the cell), or not at all (outside any
// table, where it is ignored).
func (f *flattener) tableMode() atom.Atom {
	for i := len(f.stack) - 1; i >= 0; i-- {
		switch a := f.stack[i].a; a {
		case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Colgroup:
			return a
		case atom.Template:
			return 0
		}
	}
	return 0
}

// popUntilAny pops the stack down to the topmost element among as,
// leaving that element open; it stops at a <template> or at the bottom.
func (f *flattener) popUntilAny(as ...atom.Atom) {
	for i := len(f.stack) - 1; i >= 0; i-- {
		for _, a := range as {
			if f.stack[i].a == a {
				f.popTo(i + 1)
				return
			}
		}
		if f.stack[i].a == atom.Template {
			f.popTo(i + 1)
			return
		}
	}
	f.popTo(0)
}

// fits reports whether need more elements fit under the limit, and not
// inside an element taken out.
func (f *flattener) fits(need int) bool {
	if len(f.stack) > 0 && !f.stack[len(f.stack)-1].kept {
		return false
	}
	return f.kept+need <= f.limit
}

// openElement opens the element of the current start tag, written out
// if it fits, or taken out: a block as a break, an inline element with
// nothing.
func (f *flattener) openElement(a atom.Atom, name string, need int) {
	if f.fits(need) {
		f.keep()
		f.push(a, name, true)
		return
	}
	if !rules.InlineTags[name] {
		f.breakLine()
	}
	f.push(a, name, false)
	if a == atom.Template || a == atom.Noscript {
		f.stack = f.stack[:len(f.stack)-1]
		f.skip, f.skipN = a, 1
	}
}

func (f *flattener) start(tt html.TokenType) {
	nameB, _ := f.z.TagName()
	name := string(nameB)
	a := atom.Lookup(nameB)
	if f.skip != 0 {
		if a == f.skip {
			f.skipN++
		}
		return
	}
	if a == atom.Noscript {
		f.z.NextIsNotRawText() // scripting is off, as in Parse
	}
	selfClosing := tt == html.SelfClosingTagToken
	switch a {
	case atom.Html, atom.Head, atom.Body, atom.Frameset, atom.Frame:
		f.keep()
		return
	case atom.Base, atom.Basefont, atom.Bgsound, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track:
		f.keep()
		return
	case atom.Area, atom.Br, atom.Embed, atom.Img, atom.Image, atom.Keygen, atom.Wbr, atom.Input:
		f.reconstruct()
		f.keep()
		return
	case atom.Hr:
		f.closeP()
		f.keep()
		return
	case atom.Col:
		f.keep()
		return
	case atom.Title, atom.Style, atom.Script, atom.Noframes, atom.Iframe, atom.Noembed, atom.Textarea, atom.Xmp, atom.Plaintext:
		// Raw text holds no elements: it adds one level, then closes.
		if a == atom.Xmp || a == atom.Plaintext {
			f.closeP()
		}
		f.keep()
		return
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details, atom.Dialog, atom.Div, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Header, atom.Hgroup, atom.Main, atom.Nav, atom.P, atom.Search, atom.Section, atom.Summary, atom.Pre, atom.Listing, atom.Form:
		f.closeP()
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		f.closeP()
		if len(f.stack) > 0 {
			switch f.top() {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				f.popTo(len(f.stack) - 1)
			}
		}
	case atom.Li, atom.Dd, atom.Dt:
		f.closeItem(a)
		f.closeP()
	case atom.Button:
		if i := f.inScope(scopeDefault, atom.Button); i >= 0 {
			f.popTo(i)
		}
		f.reconstruct()
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U, atom.Nobr:
		if a == atom.A || a == atom.Nobr {
			for i := len(f.afe) - 1; i >= 0 && !f.afe[i].marker; i-- {
				if f.afe[i].name == name {
					f.endFormatting(a, name)
					break
				}
			}
		}
		f.reconstruct()
		if f.fits(1) {
			f.keep()
			f.pushFormatting(a, name)
		} else {
			f.push(a, name, false)
		}
		return
	case atom.Applet, atom.Marquee, atom.Object:
		f.reconstruct()
		f.openElement(a, name, 1)
		f.afe = append(f.afe, &fmtEntry{marker: true})
		return
	case atom.Table:
		f.openElement(a, name, 4) // with its body, a row and a cell
		return
	case atom.Ul, atom.Ol, atom.Dl, atom.Menu, atom.Dir:
		// A list is taken out with its items, never left without them.
		f.closeP()
		f.openElement(a, name, 2)
		return
	case atom.Caption, atom.Colgroup, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
		f.tablePart(a, name)
		return
	case atom.Option, atom.Optgroup:
		if len(f.stack) > 0 && f.top() == atom.Option {
			f.popTo(len(f.stack) - 1)
		}
		f.reconstruct()
	case atom.Template:
		f.openElement(a, name, 1)
		f.afe = append(f.afe, &fmtEntry{marker: true})
		return
	case atom.Math, atom.Svg:
		f.reconstruct()
		f.openElement(a, name, 1)
		if selfClosing {
			f.popTo(len(f.stack) - 1)
		}
		return
	default:
		f.reconstruct()
	}
	f.openElement(a, name, 1)
	if selfClosing && f.skip == 0 && f.foreign() {
		// Inside <svg> or <math> a self-closing tag closes at once; in
		// HTML it opens an element.
		f.popTo(len(f.stack) - 1)
	}
}

func (f *flattener) foreign() bool {
	for i := len(f.stack) - 1; i >= 0; i-- {
		if f.stack[i].a == atom.Svg || f.stack[i].a == atom.Math {
			return true
		}
	}
	return false
}

// closeItem closes an open list item (or definition term) before a new
// one, as the tree builder does.
func (f *flattener) closeItem(a atom.Atom) {
	for i := len(f.stack) - 1; i >= 0; i-- {
		o := f.stack[i].a
		if a == atom.Li && o == atom.Li || a != atom.Li && (o == atom.Dd || o == atom.Dt) {
			f.popTo(i)
			return
		}
		if o == atom.Address || o == atom.Div || o == atom.P {
			continue
		}
		if special(o) {
			return
		}
	}
}

// tablePart opens a table part, with the parts the tree builder adds
// around it: a body around a row, a row around a cell.
func (f *flattener) tablePart(a atom.Atom, name string) {
	mode := f.tableMode()
	if mode == 0 {
		return // outside a table: ignored
	}
	if mode == atom.Td || mode == atom.Th || mode == atom.Caption {
		if a == atom.Caption || a == atom.Td || a == atom.Th || a == atom.Tr || a == atom.Tbody || a == atom.Thead || a == atom.Tfoot || a == atom.Colgroup {
			// The cell (or caption) closes first.
			if i := f.inScope(scopeTable, mode); i >= 0 {
				f.popTo(i)
				f.clearToMarker()
			}
		}
	}
	if mode == atom.Colgroup {
		if i := f.inScope(scopeTable, atom.Colgroup); i >= 0 {
			f.popTo(i)
		}
	}
	switch a {
	case atom.Caption, atom.Colgroup:
		f.popUntilAny(atom.Table)
		f.openElement(a, name, 1)
		if a == atom.Caption {
			f.afe = append(f.afe, &fmtEntry{marker: true})
		}
	case atom.Tbody, atom.Thead, atom.Tfoot:
		f.popUntilAny(atom.Table)
		f.openElement(a, name, 3)
	case atom.Tr:
		f.popUntilAny(atom.Tbody, atom.Thead, atom.Tfoot, atom.Table)
		if len(f.stack) > 0 && f.top() == atom.Table {
			f.implied(atom.Tbody)
		}
		f.openElement(a, name, 2)
	case atom.Td, atom.Th:
		f.popUntilAny(atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Table)
		if len(f.stack) > 0 && f.top() == atom.Table {
			f.implied(atom.Tbody)
		}
		if len(f.stack) > 0 && f.top() != atom.Tr {
			f.implied(atom.Tr)
		}
		f.openElement(a, name, 1)
		f.afe = append(f.afe, &fmtEntry{marker: true})
	}
}

// implied opens an element the tree builder adds, kept with its table.
func (f *flattener) implied(a atom.Atom) {
	f.push(a, a.String(), f.stack[len(f.stack)-1].kept)
}

func (f *flattener) end() {
	nameB, _ := f.z.TagName()
	name := string(nameB)
	a := atom.Lookup(nameB)
	if f.skip != 0 {
		if a == f.skip {
			if f.skipN--; f.skipN == 0 {
				f.skip = 0
			}
		}
		return
	}
	i := -1
	switch a {
	case atom.Html, atom.Body, atom.Head,
		atom.Title, atom.Style, atom.Script, atom.Noframes, atom.Iframe, atom.Noembed, atom.Textarea, atom.Xmp:
		// raw text elements were written out and never entered the stack
		f.keep()
		return
	case atom.Br:
		f.reconstruct()
		f.out = append(f.out, "<br>"...)
		return
	case atom.P:
		i = f.inScope(scopeButton, atom.P)
	case atom.Li:
		i = f.inScope(scopeListItem, atom.Li)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		i = f.inScope(scopeDefault, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6)
	case atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Table, atom.Caption, atom.Colgroup:
		i = f.inScope(scopeTable, a)
	case atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S, atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U:
		f.endFormatting(a, name)
		return
	case atom.Form:
		// The form alone leaves the stack; what it holds stays open.
		if i = f.inScope(scopeDefault, atom.Form); i >= 0 {
			f.emitEnd(f.stack[i])
			if f.stack[i].kept {
				f.kept--
			}
			f.stack = append(f.stack[:i], f.stack[i+1:]...)
		}
		return
	default:
		if special(a) {
			i = f.inScope(scopeDefault, a)
			break
		}
		i = f.otherEnd(a, name)
	}
	if i < 0 {
		return // ignored by the tree builder: left out
	}
	o := f.stack[i]
	f.popTo(i)
	f.emitEnd(o)
	switch a {
	case atom.Td, atom.Th, atom.Caption, atom.Applet, atom.Marquee, atom.Object, atom.Template:
		f.clearToMarker()
	}
}

// otherEnd finds the element an end tag closes under the tree builder's
// "any other end tag" rule: the topmost of its name, unless a special
// element stands above it.
func (f *flattener) otherEnd(a atom.Atom, name string) int {
	for i := len(f.stack) - 1; i >= 0; i-- {
		if f.stack[i].name == name {
			return i
		}
		if special(f.stack[i].a) {
			return -1
		}
	}
	return -1
}

// endFormatting closes a formatting element. When a block opened inside
// it, the tree builder's adoption agency moves things around without
// making the stack deeper; the replay leaves the stack as it is.
func (f *flattener) endFormatting(a atom.Atom, name string) {
	var e *fmtEntry
	for j := len(f.afe) - 1; j >= 0 && !f.afe[j].marker; j-- {
		if f.afe[j].name == name {
			e = f.afe[j]
			break
		}
	}
	if e == nil {
		if i := f.otherEnd(a, name); i >= 0 {
			o := f.stack[i]
			f.popTo(i)
			f.emitEnd(o)
		}
		return
	}
	if !e.onTop {
		f.removeFmt(e)
		return
	}
	i := len(f.stack) - 1
	for ; i >= 0 && f.stack[i].fmt != e; i-- {
	}
	if i < 0 {
		f.removeFmt(e)
		return
	}
	for j := i + 1; j < len(f.stack); j++ {
		if special(f.stack[j].a) {
			if f.stack[i].kept {
				f.keep()
			}
			return
		}
	}
	o := f.stack[i]
	f.popTo(i)
	f.removeFmt(e)
	f.emitEnd(o)
}

func (f *flattener) removeFmt(e *fmtEntry) {
	for j := range f.afe {
		if f.afe[j] == e {
			f.afe = append(f.afe[:j], f.afe[j+1:]...)
			return
		}
	}
}

// emitEnd writes the end tag that closes o: as written when o is written
// out, as a break when o was a block taken out.
func (f *flattener) emitEnd(o open) {
	switch {
	case o.kept:
		f.keep()
	case !rules.InlineTags[o.name]:
		f.breakLine()
	}
}

// special reports the tree builder's "special" elements, which stop the
// search for the element an end tag closes.
func special(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base, atom.Basefont, atom.Bgsound,
		atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption, atom.Center, atom.Col, atom.Colgroup,
		atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset, atom.Figcaption,
		atom.Figure, atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html, atom.Iframe, atom.Img,
		atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing, atom.Main, atom.Marquee, atom.Menu,
		atom.Meta, atom.Nav, atom.Noembed, atom.Noframes, atom.Noscript, atom.Object, atom.Ol, atom.P,
		atom.Param, atom.Plaintext, atom.Pre, atom.Script, atom.Search, atom.Section, atom.Select,
		atom.Source, atom.Style, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea,
		atom.Tfoot, atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr, atom.Xmp:
		return true
	}
	return false
}
