package eval

import (
	"strings"
	"unicode/utf8"
)

// This file holds the metrics of WCXB (the Web Content eXtraction
// Benchmark) that sit beside the shingle metric: word-level F1 and the
// with/without snippets.

// WordScore is one page's word-level precision, recall and F1.
type WordScore struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// WordMatch is WCXB's word-level score of a predicted text against the
// true one: both texts are lower-cased and split into \w+ tokens (Unicode
// letters, numbers and underscore, as Tokenize), the tokens are matched as
// multisets, precision is the common count over the prediction's tokens
// and recall over the truth's. Two texts with no tokens score 1; when
// nothing is in common (one side empty included) everything is 0.
func WordMatch(truth, pred string) WordScore {
	t, p := wordBag(truth), wordBag(pred)
	if len(t) == 0 && len(p) == 0 {
		return WordScore{1, 1, 1}
	}
	var common, nt, np int
	for w, n := range t {
		common += min(n, p[w])
		nt += n
	}
	for _, n := range p {
		np += n
	}
	if common == 0 {
		return WordScore{}
	}
	s := WordScore{Precision: float64(common) / float64(np), Recall: float64(common) / float64(nt)}
	s.F1 = f1(s.Precision, s.Recall)
	return s
}

// wordBag is the multiset of the lower-cased text's tokens.
func wordBag(text string) map[string]int {
	m := make(map[string]int)
	for _, tok := range Tokenize(strings.ToLower(text)) {
		m[tok]++
	}
	return m
}

// NormalizeSnippet is the form snippets and outputs are compared in:
// lower-cased, every run of white space one space, no space at the ends.
// Punctuation is left as it is, so a snippet matches only text that
// spells it the same way.
func NormalizeSnippet(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// SnippetsFound counts the snippets found in text, both compared
// normalised (NormalizeSnippet) as plain substrings. A snippet that
// normalises to nothing is found.
func SnippetsFound(text string, snippets []string) int {
	return snippetsFound(text, snippets, NormalizeSnippet)
}

// SnippetsFoundFolded is SnippetsFound with typographic punctuation
// folded to ASCII on both sides (FoldTypography): a reference written
// with straight quotes then matches a page printed with curly ones.
func SnippetsFoundFolded(text string, snippets []string) int {
	return snippetsFound(text, snippets, func(s string) string { return FoldTypography(NormalizeSnippet(s)) })
}

func snippetsFound(text string, snippets []string, norm func(string) string) int {
	if len(snippets) == 0 {
		return 0
	}
	t := norm(text)
	n := 0
	for _, s := range snippets {
		if strings.Contains(t, norm(s)) {
			n++
		}
	}
	return n
}

// typography maps the typographic forms of punctuation to the ASCII ones
// a reference text may have been written with.
var typography = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u2032", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u00ab", `"`, "\u00bb", `"`, "\u2033", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2212", "-",
	"\u2026", "...", "\u00a0", " ", "\u202f", " ",
)

// FoldTypography replaces curly quotes, primes, guillemets, dashes, the
// ellipsis and no-break spaces with their ASCII forms.
func FoldTypography(s string) string { return typography.Replace(s) }

// RefusalMinChars is the reference length, in characters, over which a
// page surely has main content, so that any status but ok on it is a false
// refusal.
const RefusalMinChars = 500

// truthChars is the reference text's length in characters.
func truthChars(s string) int { return utf8.RuneCountInString(s) }
