package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The byline-prefix table is the openers (a trailing *) of the [byline]
// sections of vocab/<lang>.txt: one table for meta, which strips a prefix
// from an author's name, for the content stage, which cuts a byline above
// the body, and for text mode, which reads the same entries as [byline]
// phrases.

// CutBylinePrefix returns what follows a byline prefix that opens s ("By",
// "Reported by", "Przez", "Autor:"), trimmed of spaces and colons, and
// true; the prefix must be followed by a space or a colon. Case is ignored.
// The longest prefix wins, so "written by" is cut whole.
func CutBylinePrefix(s string) (rest string, ok bool) {
	return cutByline(s, false)
}

// CutBylineLabel is CutBylinePrefix of s with its trailing spaces and
// colons replaced by one space, so that a label standing alone ("By",
// "Autor:") is cut too; rest may differ from that call's by a trailing
// space. It builds no such copy of s.
func CutBylineLabel(s string) (rest string, ok bool) {
	return cutByline(strings.TrimRight(s, ": "), true)
}

// cutByline is CutBylinePrefix; with label, s is read as if a space
// followed it.
func cutByline(s string, label bool) (rest string, ok bool) {
	if s == "" {
		return "", false
	}
	prefixes := Vocab.bylinePrefixes
	if s[0] < utf8.RuneSelf {
		prefixes = Vocab.bylineByByte[s[0]]
	}
	for _, p := range prefixes {
		if len(s) < len(p) || len(s) == len(p) && !label {
			continue
		}
		if (len(s) == len(p) || s[len(p)] == ' ' || s[len(p)] == ':') && strings.EqualFold(s[:len(p)], p) {
			return strings.TrimLeft(s[len(p):], " :"), true
		}
	}
	return "", false
}

// LooksLikeNames reports whether s reads as the names of a byline: at
// least half of its words start with a capital letter or a letter of a
// script without case ("Jane Doe", "the Associated Press", "Jana
// Kowalskiego"), so that a sentence opening with the same word ("By the
// end of the year", "Przez lata") is not taken for one. Numbers and
// separators do not count as words: a date may follow the names ("Luca
// Ferri · 9 maggio 2024").
func LooksLikeNames(s string) bool {
	words, caps := 0, 0
	for _, f := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if !unicode.IsLower(r) {
			caps++
		}
	}
	return words > 0 && caps*2 >= words
}

// IsByline reports whether text opens with a byline prefix followed by
// names: "Reported by Jane Doe", "Przez Jana Kowalskiego", "Autor: Hans
// Müller". Leading punctuation ("— By Jane Doe") is skipped.
func IsByline(text string) bool {
	rest, ok := CutBylinePrefix(strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }))
	return ok && LooksLikeNames(rest)
}
