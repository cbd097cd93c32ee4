package meta

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/winnow-go/winnow/internal/dom"
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
func (c *collector) nodeText(n *html.Node, max int) string {
	var b strings.Builder
	dom.Walk(n, func(ch *html.Node) dom.Step {
		switch ch.Type {
		case html.TextNode:
			b.WriteString(ch.Data)
			if b.Len() >= max {
				return dom.Stop
			}
		case html.ElementNode:
			if skipTag(ch.DataAtom) || c.labels.IsHidden(ch) {
				return dom.Skip
			}
			if ch.DataAtom == atom.Br || wordBreak(ch.DataAtom) {
				b.WriteByte(' ')
			}
			return dom.Descend
		}
		return dom.Skip
	}, func(ch *html.Node) {
		if wordBreak(ch.DataAtom) {
			b.WriteByte(' ')
		}
	})
	return dom.Collapse(b.String())
}

// wordBreak reports the block elements whose ends separate words in nodeText.
func wordBreak(a atom.Atom) bool { return a == atom.P || a == atom.Div || a == atom.Li }

// classFlags returns what the class and id of n say about it, looking up
// each token in classTokenFlags. Class values repeat across a page, so
// their flags are kept in cache (nil disables it). buf is scratch space
// reused across calls.
func classFlags(n *html.Node, cache map[string]classFlag, buf *[]byte) classFlag {
	var f classFlag
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch a.Key {
		case "id":
			f |= valueFlags(a.Val, buf)
		case "class":
			cf, ok := cache[a.Val]
			if !ok {
				cf = valueFlags(a.Val, buf)
				if cache != nil && len(cache) < classCacheMax {
					cache[a.Val] = cf
				}
			}
			f |= cf
		}
	}
	return f
}

// classCacheMax bounds the per-page cache of class flags.
const classCacheMax = 4096

// valueFlags tokenizes one class or id value. Words are split on white
// space; each word is looked up whole without punctuation, then split on
// punctuation, digits and lower-to-upper case changes.
func valueFlags(v string, buf *[]byte) classFlag {
	var f classFlag
	for len(v) > 0 {
		// Next space-separated word.
		i := 0
		for i < len(v) && (v[i] == ' ' || v[i] == '\t' || v[i] == '\n' || v[i] == '\r') {
			i++
		}
		v = v[i:]
		j := 0
		for j < len(v) && v[j] != ' ' && v[j] != '\t' && v[j] != '\n' && v[j] != '\r' {
			j++
		}
		word := v[:j]
		v = v[j:]
		if word == "" || len(word) > 64 {
			continue
		}
		// Whole word, lowercase, letters only.
		b := (*buf)[:0]
		for k := 0; k < len(word); k++ {
			c := word[k]
			if 'A' <= c && c <= 'Z' {
				b = append(b, c+'a'-'A')
			} else if 'a' <= c && c <= 'z' {
				b = append(b, c)
			}
		}
		if mayBeClassWord(b) {
			f |= classTokenFlags[string(b)]
		}
		// Tokens.
		b = b[:0]
		for k := 0; k <= len(word); k++ {
			var c byte
			if k < len(word) {
				c = word[k]
			}
			upper := 'A' <= c && c <= 'Z'
			lower := 'a' <= c && c <= 'z'
			if !upper && !lower || upper && k > 0 && 'a' <= word[k-1] && word[k-1] <= 'z' {
				if len(b) > 0 {
					if mayBeClassWord(b) {
						f |= classTokenFlags[string(b)]
					}
					b = b[:0]
				}
			}
			if upper {
				b = append(b, c+'a'-'A')
			} else if lower {
				b = append(b, c)
			}
		}
		*buf = b
	}
	return f
}

// classWordFilter has, for each first byte, a bit for each length (up to
// 63) of the words in classTokenFlags that start with
// it. Most class tokens fail this test and skip the map lookups, which
// are the main cost of the walk.
var classWordFilter = func() (f [256]uint64) {
	for w := range classTokenFlags {
		if len(w) > 0 && len(w) < 64 {
			f[w[0]] |= 1 << len(w)
		}
	}
	return f
}()

// mayBeClassWord reports whether b could be a key of the class tables.
func mayBeClassWord(b []byte) bool {
	return len(b) > 0 && len(b) < 64 && classWordFilter[b[0]]&(1<<len(b)) != 0
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
