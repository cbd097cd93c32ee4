package rules

import (
	"strings"

	"github.com/winnow-go/winnow/article"
)

// The inline formatting kept with Options.Formatting: which elements
// carry which mark, and where a code block names its language.

// MarkTags are the phrasing elements whose text is kept as a mark.
var MarkTags = map[string]article.MarkKind{
	"b": article.Bold, "strong": article.Bold,
	"i": article.Italic, "em": article.Italic,
	"code": article.InlineCode, "kbd": article.InlineCode, "samp": article.InlineCode, "tt": article.InlineCode,
}

// CodeLangPrefixes are the class prefixes that name a code block's
// language ("language-go" from Prism, highlight.js and CommonMark
// renderers, "lang-js" from Prettify).
var CodeLangPrefixes = []string{"language-", "lang-"}

// CodeLangAttrs are the attributes that name a code block's language.
var CodeLangAttrs = []string{"data-lang", "data-language"}

// NoCodeLangs are language names that say there is none.
var NoCodeLangs = map[string]bool{"none": true}

// maxCodeLang bounds a language name; a longer one is not a name.
const maxCodeLang = 32

// CodeLang returns the language named by a <pre> or <code>, or "": attr
// returns the element's attribute of a key ("" when absent). A name is
// kept only when it is made of letters, digits and "+#._-" (it is
// written into a Markdown fence and an HTML class).
func CodeLang(attr func(key string) string) string {
	for _, k := range CodeLangAttrs {
		if l := cleanLang(attr(k)); l != "" {
			return l
		}
	}
	for _, tok := range strings.Fields(attr("class")) {
		for _, p := range CodeLangPrefixes {
			if len(tok) > len(p) && strings.EqualFold(tok[:len(p)], p) {
				if l := cleanLang(tok[len(p):]); l != "" {
					return l
				}
			}
		}
	}
	return ""
}

func cleanLang(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > maxCodeLang || NoCodeLangs[strings.ToLower(s)] {
		return ""
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', strings.ContainsRune("+#._-", r):
		default:
			return ""
		}
	}
	return s
}
