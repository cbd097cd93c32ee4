package parse

import (
	"strings"
	"unsafe"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The tokenizer of the HTML5 spec ("13.2.5 Tokenization"), over the
// whole page held in one string. It hands out tokens whose text, names
// and attribute values are substrings of the page wherever they need no
// decoding: names are interned (atom.Lookup for known names, a small map
// for the others), attributes of every tag share one growing backing
// store, and a value is copied only when it holds a character
// reference or a NUL (decoded into a buffer each tag reuses, as the tree
// copies the value before the next token). Carriage returns are normalised once, over the
// whole page, before tokenizing, as the spec's input stream does.

type tokenKind uint8

const (
	tkEOF tokenKind = iota
	tkText
	tkStart
	tkEnd
	tkComment
	tkDoctype
)

// token is one token. For a start tag attr is a sub-slice of the
// tokenizer's store whose capacity ends at its length, so that appending
// to it copies.
type token struct {
	kind tokenKind
	a    atom.Atom
	name string // a tag's name, lower-cased; a doctype's name
	data string // a text's or a comment's text
	attr []html.Attribute
	keys []atom.Atom // the atoms of attr's keys, 0 for a key that spells none
	self bool        // a self-closing start tag

	// a doctype's identifiers
	public, system       string
	hasPublic, hasSystem bool
	forceQuirks          bool
}

// The tokenizer's text states other than data, which the tree builder
// switches to after a <title>, <script>, <style>, <plaintext>, …
const (
	stData uint8 = iota
	stRCDATA
	stRawText
	stScript
	stPlaintext
)

type tokenizer struct {
	s   string
	pos int

	state   uint8
	endName string // the name that ends a raw text or RCDATA element
	cdataOK bool   // the adjusted current node is foreign: <![CDATA[ is a section
	// nul is set when the page holds a NUL byte. Only then can a token's
	// text hold one (no character reference decodes to NUL), so a page
	// without, nearly every page, skips the search for NULs in each
	// text and attribute value.
	nul bool

	// store holds the current tag's attributes; the builder copies them
	// into the tree before it reads the next token, so each tag reuses
	// it from its start.
	store      []html.Attribute
	keys       []atom.Atom // the atoms of store's keys, index for index
	storeStart int         // where the current tag's attributes start in store
	vals       []byte      // the current tag's decoded attribute values, reused as store is
	names      map[string]string
	buf        []byte
}

func newTokenizer(s string) *tokenizer {
	if strings.IndexByte(s, '\r') >= 0 {
		s = normaliseNewlines(s)
	}
	return &tokenizer{s: s, nul: strings.IndexByte(s, 0) >= 0}
}

// normaliseNewlines turns CR LF and a lone CR into LF.
func normaliseNewlines(s string) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		b = append(b, c)
	}
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r'
}

func isAlpha(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z'
}

func isAlnum(c byte) bool {
	return isAlpha(c) || '0' <= c && c <= '9'
}

// setRaw switches to a text state until the end tag </name>.
func (z *tokenizer) setRaw(state uint8, name string) {
	z.state, z.endName = state, name
}

// next returns the next token.
func (z *tokenizer) next(t *token) {
	*t = token{}
	for {
		if z.pos >= len(z.s) {
			t.kind = tkEOF
			return
		}
		switch z.state {
		case stRCDATA, stRawText, stScript:
			if z.rawText(t) {
				return
			}
			continue
		case stPlaintext:
			t.kind = tkText
			t.data = z.replaceNUL(z.s[z.pos:])
			z.pos = len(z.s)
			return
		}
		if z.s[z.pos] != '<' {
			z.text(t, 0)
			return
		}
		if z.markup(t) {
			return
		}
	}
}

// text reads text up to the next '<' that starts markup, from skip
// bytes past z.pos.
func (z *tokenizer) text(t *token, skip int) {
	start := z.pos
	i := z.pos + skip
	for {
		j := strings.IndexByte(z.s[i:], '<')
		if j < 0 {
			i = len(z.s)
			break
		}
		i += j
		if z.startsMarkup(i) {
			break
		}
		i++
	}
	z.pos = i
	t.kind = tkText
	t.data = unescapeText(z.s[start:i])
}

// startsMarkup reports whether the '<' at i opens a tag, an end tag, a
// comment, a doctype or a bogus comment, or is the "</>" the tokenizer
// drops.
func (z *tokenizer) startsMarkup(i int) bool {
	if i+1 >= len(z.s) {
		return false
	}
	c := z.s[i+1]
	switch {
	case isAlpha(c), c == '!', c == '?':
		return true
	case c == '/':
		return i+2 < len(z.s)
	}
	return false
}

// markup reads the markup at z.pos (a '<'). It returns false when there
// was nothing to hand out (a "</>"), true with t set otherwise.
func (z *tokenizer) markup(t *token) bool {
	s, i := z.s, z.pos
	if i+1 >= len(s) {
		z.pos = len(s)
		t.kind, t.data = tkText, "<"
		return true
	}
	c := s[i+1]
	switch {
	case isAlpha(c):
		return z.tag(t, i+1, tkStart)
	case c == '/':
		if i+2 >= len(s) {
			z.pos = len(s)
			t.kind, t.data = tkText, "</"
			return true
		}
		c2 := s[i+2]
		switch {
		case isAlpha(c2):
			return z.tag(t, i+2, tkEnd)
		case c2 == '>':
			z.pos = i + 3
			return false
		}
		z.bogusComment(t, i+2)
		return true
	case c == '!':
		z.declaration(t, i+2)
		return true
	case c == '?':
		z.bogusComment(t, i+1)
		return true
	}
	// Not markup: a '<' of text.
	z.text(t, 1)
	return true
}

// bogusComment reads a comment from i up to the next '>'.
func (z *tokenizer) bogusComment(t *token, i int) {
	j := strings.IndexByte(z.s[i:], '>')
	t.kind = tkComment
	if j < 0 {
		t.data = z.replaceNUL(z.s[i:])
		z.pos = len(z.s)
		return
	}
	t.data = z.replaceNUL(z.s[i : i+j])
	z.pos = i + j + 1
}

// declaration reads what follows "<!": a comment, a doctype, a CDATA
// section (in foreign content) or a bogus comment.
func (z *tokenizer) declaration(t *token, i int) {
	s := z.s
	switch {
	case strings.HasPrefix(s[i:], "--"):
		z.comment(t, i+2)
	case len(s)-i >= 7 && strings.EqualFold(s[i:i+7], "doctype"):
		z.doctype(t, i+7)
	case z.cdataOK && strings.HasPrefix(s[i:], "[CDATA["):
		i += 7
		j := strings.Index(s[i:], "]]>")
		t.kind = tkText
		if j < 0 {
			t.data = z.replaceNUL(s[i:])
			z.pos = len(s)
			return
		}
		t.data = z.replaceNUL(s[i : i+j])
		z.pos = i + j + 3
	default:
		z.bogusComment(t, i)
	}
}

// comment reads a comment whose "<!--" ends before i.
func (z *tokenizer) comment(t *token, i int) {
	s := z.s
	t.kind = tkComment
	rest := s[i:]
	switch {
	case strings.HasPrefix(rest, ">"):
		z.pos = i + 1
		return
	case strings.HasPrefix(rest, "->"):
		z.pos = i + 2
		return
	}
	for j := i; ; {
		k := strings.Index(s[j:], "--")
		if k < 0 {
			break
		}
		k += j
		e := k + 2
		for e < len(s) && s[e] == '-' {
			e++
		}
		// The comment ends at "-->" or "--!>" (with any run of dashes
		// before the '>', all but two of them in the text).
		if e < len(s) && s[e] == '>' {
			t.data = z.replaceNUL(s[i : e-2])
			z.pos = e + 1
			return
		}
		if e+1 < len(s) && s[e] == '!' && s[e+1] == '>' {
			t.data = z.replaceNUL(s[i : e-2])
			z.pos = e + 2
			return
		}
		j = e
	}
	// The end of the page ends the comment.
	d := s[i:]
	switch {
	case strings.HasSuffix(d, "--!"):
		d = d[:len(d)-3]
	case strings.HasSuffix(d, "--"):
		d = d[:len(d)-2]
	case strings.HasSuffix(d, "-"):
		d = d[:len(d)-1]
	}
	t.data = z.replaceNUL(d)
	z.pos = len(s)
}

// doctype reads a doctype whose "<!DOCTYPE" ends before i, as the
// spec's doctype states do.
func (z *tokenizer) doctype(t *token, i int) {
	s := z.s
	t.kind = tkDoctype
	end := strings.IndexByte(s[i:], '>')
	eof := end < 0
	if eof {
		end = len(s)
		z.pos = len(s)
	} else {
		end += i
		z.pos = end + 1
	}
	d := s[i:end]
	if eof {
		t.forceQuirks = true
	}
	d = strings.TrimLeft(d, " \n\t\f")
	if d == "" {
		t.forceQuirks = true
		return
	}
	n := 0
	for n < len(d) && !isSpace(d[n]) {
		n++
	}
	// As x/net/html names it: lower-cased by strings.ToLower (which
	// turns invalid UTF-8 into U+FFFD), a NUL kept.
	t.name = strings.ToLower(d[:n])
	d = strings.TrimLeft(d[n:], " \n\t\f")
	if d == "" {
		return
	}
	if len(d) < 6 {
		t.forceQuirks = true
		return
	}
	var sys bool
	switch {
	case strings.EqualFold(d[:6], "public"):
	case strings.EqualFold(d[:6], "system"):
		sys = true
	default:
		t.forceQuirks = true
		return
	}
	d = d[6:]
	for k := 0; k < 2; k++ {
		d = strings.TrimLeft(d, " \n\t\f")
		if d == "" {
			if k == 0 {
				t.forceQuirks = true
			}
			return
		}
		q := d[0]
		if q != '"' && q != '\'' {
			t.forceQuirks = true
			return
		}
		e := strings.IndexByte(d[1:], q)
		var id string
		if e < 0 {
			id, d = d[1:], ""
			t.forceQuirks = true
		} else {
			id, d = d[1:1+e], d[2+e:]
		}
		id = z.replaceNUL(id)
		if sys {
			t.system, t.hasSystem = id, true
			return
		}
		t.public, t.hasPublic = id, true
		sys = true
	}
}

// tag reads a start or end tag whose name starts at i.
func (z *tokenizer) tag(t *token, i int, kind tokenKind) bool {
	s := z.s
	n := i
	for n < len(s) && !isSpace(s[n]) && s[n] != '/' && s[n] != '>' {
		n++
	}
	if n >= len(s) {
		// The end of the page inside a tag drops the tag.
		z.pos = len(s)
		return false
	}
	t.kind = kind
	t.name, t.a = z.tagName(s[i:n])
	z.store, z.keys, z.storeStart, z.vals = z.store[:0], z.keys[:0], 0, z.vals[:0]
	i = n
	for {
		// before attribute name
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			z.store, z.keys = z.store[:z.storeStart], z.keys[:z.storeStart]
			z.pos = len(s)
			return false
		}
		switch s[i] {
		case '>':
			z.pos = i + 1
			z.finishTag(t)
			return true
		case '/':
			i++
			if i < len(s) && s[i] == '>' {
				t.self = true
				z.pos = i + 1
				z.finishTag(t)
				return true
			}
			continue
		}
		// attribute name: a leading '=' is part of it
		k := i + 1
		for k < len(s) && !isSpace(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=' {
			k++
		}
		key := s[i:k]
		i = k
		// after attribute name
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		val := ""
		if i < len(s) && s[i] == '=' {
			i++
			for i < len(s) && isSpace(s[i]) {
				i++
			}
			if i < len(s) {
				switch q := s[i]; q {
				case '"', '\'':
					e := strings.IndexByte(s[i+1:], q)
					if e < 0 {
						z.store, z.keys = z.store[:z.storeStart], z.keys[:z.storeStart]
						z.pos = len(s)
						return false
					}
					val = s[i+1 : i+1+e]
					i += e + 2
				case '>':
				default:
					e := i
					for e < len(s) && !isSpace(s[e]) && s[e] != '>' {
						e++
					}
					val = s[i:e]
					i = e
				}
			}
		}
		if kind == tkStart {
			z.addAttr(key, val)
		}
	}
}

func (z *tokenizer) finishTag(t *token) {
	start := z.storeStart
	if t.kind == tkStart && len(z.store) > start {
		t.attr = z.store[start:len(z.store):len(z.store)]
		t.keys = z.keys[start:len(z.keys):len(z.keys)]
	} else {
		z.store, z.keys = z.store[:z.storeStart], z.keys[:z.storeStart]
	}
}

// addAttr adds an attribute unless the tag has one of that name.
func (z *tokenizer) addAttr(key, val string) {
	key, ka := z.attrName(key)
	if ka != 0 {
		// An atom's name is the same key as another only when it is
		// the same atom.
		for _, k := range z.keys[z.storeStart:] {
			if k == ka {
				return
			}
		}
	} else {
		for _, a := range z.store[z.storeStart:] {
			if a.Key == key {
				return
			}
		}
	}
	z.store = append(z.store, html.Attribute{Key: key, Val: z.unescapeAttr(z.replaceNUL(val))})
	z.keys = append(z.keys, ka)
}

// unescapeAttr decodes the character references of an attribute value
// (whose NULs are replaced) into vals. The value lasts until the next
// tag: the tree copies it before, as it copies any text not of the page.
func (z *tokenizer) unescapeAttr(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	start := len(z.vals)
	z.vals = appendUnescape(z.vals, s, true)
	if len(z.vals) == start {
		return ""
	}
	// A later value may move vals; this one stays where it is, in the
	// old array, which is not written again.
	return unsafe.String(&z.vals[start], len(z.vals)-start)
}

// copyAttrs returns a copy of attrs in the store, with its capacity cut.
func (z *tokenizer) copyAttrs(attrs []html.Attribute) []html.Attribute {
	z.storeStart = len(z.store)
	start := len(z.store)
	z.store = append(z.store, attrs...)
	// The copy's keys are changed and set without their atoms; keys
	// stays index for index with store.
	z.keys = append(z.keys, make([]atom.Atom, len(attrs))...)
	return z.store[start:len(z.store):len(z.store)]
}

// tagName returns a tag's name lower-cased and interned, and its atom.
func (z *tokenizer) tagName(raw string) (string, atom.Atom) {
	if a := commonAtom(raw); a != 0 {
		return a.String(), a
	}
	b := z.lower(raw)
	if a := atom.Lookup(b); a != 0 {
		return a.String(), a
	}
	return z.intern(raw, b), 0
}

// attrName returns an attribute's name lower-cased and interned, and its
// atom (0 for a name that spells none).
func (z *tokenizer) attrName(raw string) (string, atom.Atom) {
	if a := commonAtom(raw); a != 0 {
		return a.String(), a
	}
	b := z.lower(raw)
	if a := atom.Lookup(b); a != 0 {
		return a.String(), a
	}
	return z.intern(raw, b), 0
}

// commonAtom is the atom of the tag and attribute names pages use most,
// written in lower case, read without lower-casing and hashing them; 0
// for any other name, which tagName and attrName look up the long way.
func commonAtom(raw string) atom.Atom {
	switch raw {
	case "a":
		return atom.A
	case "div":
		return atom.Div
	case "span":
		return atom.Span
	case "p":
		return atom.P
	case "li":
		return atom.Li
	case "ul":
		return atom.Ul
	case "img":
		return atom.Img
	case "script":
		return atom.Script
	case "meta":
		return atom.Meta
	case "link":
		return atom.Link
	case "class":
		return atom.Class
	case "id":
		return atom.Id
	case "href":
		return atom.Href
	case "src":
		return atom.Src
	case "style":
		return atom.Style
	case "type":
		return atom.Type
	case "rel":
		return atom.Rel
	case "name":
		return atom.Name
	case "content":
		return atom.Content
	case "alt":
		return atom.Alt
	case "title":
		return atom.Title
	case "width":
		return atom.Width
	case "height":
		return atom.Height
	}
	return 0
}

// lower writes raw lower-cased into the scratch buffer, a NUL as U+FFFD.
func (z *tokenizer) lower(raw string) []byte {
	b := z.buf[:0]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0:
			b = append(b, "\ufffd"...)
			continue
		}
		b = append(b, c)
	}
	z.buf = b
	return b
}

// intern returns b as a string: raw itself when it is b, else a copy
// shared by every name spelled alike.
func (z *tokenizer) intern(raw string, b []byte) string {
	if raw == string(b) {
		return raw
	}
	if s, ok := z.names[string(b)]; ok {
		return s
	}
	if z.names == nil {
		z.names = map[string]string{}
	}
	s := string(b)
	z.names[s] = s
	return s
}

// rawText reads the text of an RCDATA, raw text or script element up to
// its end tag. It returns false when the text is empty (the end tag is
// next).
func (z *tokenizer) rawText(t *token) bool {
	s := z.s
	start := z.pos
	end := len(s)
	if z.state == stScript {
		end = z.scriptEnd(start)
	} else {
		for i := start; ; {
			j := strings.Index(s[i:], "</")
			if j < 0 {
				break
			}
			i += j
			if z.endsRaw(i) {
				end = i
				break
			}
			i += 2
		}
	}
	state := z.state
	z.state = stData
	z.pos = end
	if end == start {
		return false
	}
	t.kind = tkText
	d := z.replaceNUL(s[start:end])
	if state == stRCDATA {
		d = unescapeText(d)
	}
	t.data = d
	return true
}

// endsRaw reports whether the "</" at i starts the end tag that closes
// the raw text: the element's name followed by a space, '/' or '>'.
func (z *tokenizer) endsRaw(i int) bool {
	s := z.s
	n := i + 2 + len(z.endName)
	if n >= len(s) || s[i+1] != '/' || !strings.EqualFold(s[i+2:n], z.endName) {
		return false
	}
	c := s[n]
	return isSpace(c) || c == '/' || c == '>'
}

// scriptEnd finds the "</script" that ends a script's text from start,
// following the script data states: inside "<!--" an inner
// "<script>" … "</script>" is escaped text.
func (z *tokenizer) scriptEnd(start int) int {
	s := z.s
	const (
		plain = iota
		escaped
		double
	)
	state := plain
	i := start
	for i < len(s) {
		c := s[i]
		switch state {
		case plain:
			if c != '<' {
				// Most of a script is plain text: jump to its next '<'.
				j := strings.IndexByte(s[i+1:], '<')
				if j < 0 {
					return len(s)
				}
				i += 1 + j
				continue
			}
			if z.endsRaw(i) {
				return i
			}
			if strings.HasPrefix(s[i:], "<!--") {
				state = escaped
				i += 4
				// "<!--" then dashes; "<!-->" leaves at once
				for i < len(s) && s[i] == '-' {
					i++
				}
				if i < len(s) && s[i] == '>' {
					state = plain
					i++
				}
				continue
			}
			i++
		case escaped:
			switch c {
			case '-':
				if strings.HasPrefix(s[i:], "-->") {
					state = plain
					i += 3
					continue
				}
				if strings.HasPrefix(s[i:], "--") {
					// a run of dashes then '>' leaves
					e := i
					for e < len(s) && s[e] == '-' {
						e++
					}
					if e < len(s) && s[e] == '>' {
						state = plain
						i = e + 1
						continue
					}
					i = e
					continue
				}
			case '<':
				if z.endsRaw(i) {
					return i
				}
				if n := scriptWord(s, i+1); n > 0 {
					state = double
					i += 1 + n
					continue
				}
			}
			i++
		case double:
			switch c {
			case '-':
				e := i
				for e < len(s) && s[e] == '-' {
					e++
				}
				if e-i >= 2 && e < len(s) && s[e] == '>' {
					state = plain
					i = e + 1
					continue
				}
				i = e
				continue
			case '<':
				if i+1 < len(s) && s[i+1] == '/' {
					if n := scriptWord(s, i+2); n > 0 {
						state = escaped
						i += 2 + n
						continue
					}
				}
			}
			i++
		}
	}
	return len(s)
}

// scriptWord returns the length of "script" at i when it is followed by
// a space, '/' or '>', else 0.
func scriptWord(s string, i int) int {
	if len(s)-i > 6 && strings.EqualFold(s[i:i+6], "script") {
		c := s[i+6]
		if isSpace(c) || c == '/' || c == '>' {
			return 6
		}
	}
	return 0
}

// replaceNUL is the package's replaceNUL, skipped on a page without a
// NUL byte.
func (z *tokenizer) replaceNUL(s string) string {
	if !z.nul {
		return s
	}
	return replaceNUL(s)
}

// replaceNUL replaces each NUL by U+FFFD.
func replaceNUL(s string) string {
	if strings.IndexByte(s, 0) < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\x00", "\ufffd")
}
