package rules

import (
	"strings"
	"testing"
)

func TestMetaNamesOf(t *testing.T) {
	tests := []struct {
		value string
		want  MetaNames
	}{
		// Must match: whole words without punctuation, tokens split on
		// punctuation, digits and camelCase, several names.
		{"byline", MetaByline},
		{"sub-headline", MetaSubtitle | MetaHeadline},
		{"article__subHeadline", MetaHeadline},
		{"standFirst", MetaSubtitle},
		{"ArticleByline", MetaByline},
		{"post-date2", MetaDate},
		{"meta author-bio", MetaDate | MetaByline | MetaNotByline},
		{"headline\tkicker", MetaHeadline | MetaKicker},
		{"last-updated", MetaModified},
		{"entry-title", MetaHeadline | MetaNotByline},
		// Must not match: a token inside a longer word, capitals run
		// together, a word past 64 bytes, a form feed inside a word.
		{"authority", 0},
		{"BYLINE", MetaByline},
		{"BYLINEs", 0},
		{"x" + string(make([]byte, 70)) + "byline", 0},
		{"", 0},
		{"datepicker", 0},
	}
	for _, tt := range tests {
		if got := MetaNamesOf(tt.value); got != tt.want {
			t.Errorf("MetaNamesOf(%q) = %b, want %b", tt.value, got, tt.want)
		}
	}
}

func TestMetaNamesOfDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { _ = MetaNamesOf("article-byline c-SubHeadline post_date") }); n != 0 {
		t.Errorf("MetaNamesOf allocates %v times", n)
	}
}

// TestMetaNamesOfOnePass checks the one-pass reading against two passes
// over each word (the whole word, then its tokens) on generated class
// values built from table words, separators, digits and case changes.
func TestMetaNamesOfOnePass(t *testing.T) {
	parts := []string{"sub", "headline", "Headline", "BY", "line", "author", "Bio", "date", "x", "Z",
		"-", "_", " ", "\t", "\f", "2", "é", "data", "meta", "SubHead", "standFirst", "entry", "title"}
	seed := uint32(1)
	for range 20000 {
		var v string
		seed = seed*1664525 + 1013904223
		for n := 1 + seed>>28; n > 0; n-- {
			seed = seed*1664525 + 1013904223
			v += parts[int(seed>>16)%len(parts)]
		}
		if got, want := MetaNamesOf(v), metaNamesTwoPass(v); got != want {
			t.Fatalf("MetaNamesOf(%q) = %b, the two passes say %b", v, got, want)
		}
	}
}

// metaNamesTwoPass is MetaNamesOf as two passes over each word: the
// whole word in lower case, letters only, then its tokens.
func metaNamesTwoPass(v string) MetaNames {
	var f MetaNames
	for _, word := range strings.FieldsFunc(v, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }) {
		if len(word) > 64 {
			continue
		}
		var b []byte
		for k := 0; k < len(word); k++ {
			if c := word[k]; 'A' <= c && c <= 'Z' {
				b = append(b, c+'a'-'A')
			} else if 'a' <= c && c <= 'z' {
				b = append(b, c)
			}
		}
		f |= MetaClassTokens[string(b)]
		b = b[:0]
		for k := 0; k <= len(word); k++ {
			var c byte
			if k < len(word) {
				c = word[k]
			}
			upper, lower := 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z'
			if !upper && !lower || upper && k > 0 && 'a' <= word[k-1] && word[k-1] <= 'z' {
				f |= MetaClassTokens[string(b)]
				b = b[:0]
			}
			if upper {
				b = append(b, c+'a'-'A')
			} else if lower {
				b = append(b, c)
			}
		}
	}
	return f
}
