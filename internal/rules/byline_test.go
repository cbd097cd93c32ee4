package rules

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// cutBylineAll is CutBylinePrefix trying every prefix, as it did before
// the prefixes were indexed by their first byte.
func cutBylineAll(s string) (string, bool) {
	for _, p := range Vocab.bylinePrefixes {
		if len(s) > len(p) && (s[len(p)] == ' ' || s[len(p)] == ':') && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimLeft(s[len(p):], " :"), true
		}
	}
	return "", false
}

// TestCutBylinePrefixIndex holds the indexed lookup to trying every
// prefix: each prefix in several cases and followed by names, a colon or
// nothing, and texts that open with no prefix or with letters that fold
// to ASCII ones (the Kelvin sign, the long s).
func TestCutBylinePrefixIndex(t *testing.T) {
	texts := []string{"", " ", ":", "By", "by Jane Doe", "BY: Jane", "Photo by Jane", "Bylines", "byline",
		"\u212Aristin Doe", "\u017Ftory by Jane", "Écrit par Jean", "Автор: Иван", "123 by", "— By Jane Doe"}
	for _, p := range Vocab.bylinePrefixes {
		for _, v := range []string{p, strings.ToUpper(p), capitalised(p)} {
			texts = append(texts, v, v+" ", v+": Jane Doe", v+" Jane Doe", v+"x Jane", " "+v+" Jane")
		}
	}
	matched := 0
	for _, s := range texts {
		rest, ok := CutBylinePrefix(s)
		wantRest, wantOK := cutBylineAll(s)
		if rest != wantRest || ok != wantOK {
			t.Errorf("CutBylinePrefix(%q) = %q, %v; want %q, %v", s, rest, ok, wantRest, wantOK)
		}
		if ok {
			matched++
		}
		// CutBylineLabel is the call on the label with one space for
		// its trailing spaces and colons, up to that space.
		rest, ok = CutBylineLabel(s)
		wantRest, wantOK = CutBylinePrefix(strings.TrimRight(s, ": ") + " ")
		if strings.TrimSpace(rest) != strings.TrimSpace(wantRest) || ok != wantOK {
			t.Errorf("CutBylineLabel(%q) = %q, %v; want %q, %v", s, rest, ok, wantRest, wantOK)
		}
	}
	if matched < len(Vocab.bylinePrefixes) {
		t.Errorf("only %d of the texts open with a prefix", matched)
	}
	// Must-match and must-not-match cases, by meaning.
	for _, c := range []struct {
		in, rest string
		ok       bool
	}{
		{"By Jane Doe", "Jane Doe", true},
		{"WRITTEN BY: Jane", "Jane", true},
		{"Bylines", "", false},
		{"Jane Doe", "", false},
	} {
		if rest, ok := CutBylinePrefix(c.in); rest != c.rest || ok != c.ok {
			t.Errorf("CutBylinePrefix(%q) = %q, %v; want %q, %v", c.in, rest, ok, c.rest, c.ok)
		}
	}
}

// capitalised is s with its first letter upper-cased.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
