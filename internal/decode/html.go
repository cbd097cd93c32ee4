package decode

import "bytes"

const (
	// htmlSniffLen is how much of the text LooksLikeHTML reads.
	htmlSniffLen = 64 << 10
	// minTags and minTagsPerKB are the tag count and density above which
	// text that does not start with markup is still taken for HTML. A
	// flattened page that quotes a tag or two stays far below them.
	minTags      = 5
	minTagsPerKB = 2
)

// htmlTags are element names that count as markup when seen as tags.
var htmlTags = map[string]bool{
	"html": true, "head": true, "body": true, "title": true, "meta": true, "link": true,
	"script": true, "style": true, "noscript": true, "base": true, "template": true,
	"div": true, "span": true, "p": true, "a": true, "img": true, "br": true, "hr": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "li": true, "dl": true, "dt": true, "dd": true,
	"table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true, "td": true, "th": true, "caption": true,
	"section": true, "article": true, "header": true, "footer": true, "nav": true, "aside": true, "main": true,
	"figure": true, "figcaption": true, "picture": true, "source": true, "video": true, "audio": true,
	"iframe": true, "form": true, "input": true, "button": true, "select": true, "option": true,
	"textarea": true, "label": true, "b": true, "i": true, "u": true, "s": true, "em": true,
	"strong": true, "small": true, "sub": true, "sup": true, "code": true, "pre": true,
	"blockquote": true, "q": true, "cite": true, "abbr": true, "time": true, "mark": true,
	"svg": true, "center": true, "font": true, "frameset": true, "frame": true, "wbr": true,
}

// LooksLikeHTML reports whether UTF-8 text is HTML markup rather than plain
// text: it starts with a doctype, a comment, an XML declaration or a known
// tag, or known tags are frequent in its first 64 KiB. Plain text with an
// occasional "<" (or "a < b") is not HTML. It is safe for concurrent use.
func LooksLikeHTML(text []byte) bool {
	if len(text) > htmlSniffLen {
		text = text[:htmlSniffLen]
	}
	t := bytes.TrimPrefix(text, bomUTF8)
	for len(t) > 0 && isSpace(t[0]) {
		t = t[1:]
	}
	if startsWithMarkup(t) {
		return true
	}
	tags, gt := 0, -1 // gt: the next '>' at or after i, once looked for
	for i := 0; i < len(text); i++ {
		if text[i] != '<' {
			continue
		}
		if gt < i {
			if gt = bytes.IndexByte(text[i:], '>'); gt < 0 {
				break // no tag can close from here on
			}
			gt += i
		}
		if gt-i > 1024 {
			continue
		}
		if n, ok := tagAt(text[i : gt+1]); ok {
			tags++
			i += n
		}
	}
	return tags >= minTags && tags*1024 >= minTagsPerKB*len(text)
}

// startsWithMarkup reports whether t opens with a doctype, comment, XML
// declaration or a known tag.
func startsWithMarkup(t []byte) bool {
	if len(t) < 2 || t[0] != '<' {
		return false
	}
	for _, p := range []string{"<!doctype", "<!--", "<?xml"} {
		if len(t) >= len(p) && equalFoldASCII(t[:len(p)], p) {
			return true
		}
	}
	_, ok := tagAt(t)
	return ok
}

// tagAt reports whether t starts with an open or close tag of a known
// element, closed by '>' within a kilobyte, and how many bytes its name
// spans.
func tagAt(t []byte) (int, bool) {
	i := 1
	if i < len(t) && t[i] == '/' {
		i++
	}
	start := i
	for i < len(t) && i-start < 12 && isAlnum(t[i]) {
		i++
	}
	if i == start || i >= len(t) {
		return 0, false
	}
	name := t[start:i]
	if hasUpperASCII(name) {
		name = bytes.ToLower(name)
	}
	if !htmlTags[string(name)] {
		return 0, false
	}
	if c := t[i]; !isSpace(c) && c != '>' && c != '/' {
		return 0, false
	}
	end := i + 1024
	if end > len(t) {
		end = len(t)
	}
	if bytes.IndexByte(t[i:end], '>') < 0 {
		return 0, false
	}
	return i, true
}

func isAlnum(c byte) bool {
	return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// hasUpperASCII reports whether b has an ASCII capital letter.
func hasUpperASCII(b []byte) bool {
	for _, c := range b {
		if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}
