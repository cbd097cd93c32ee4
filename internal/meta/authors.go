package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/winnow-go/winnow/internal/dom"
	"github.com/winnow-go/winnow/internal/rules"
)

// Limits on what passes for a person's name.
const (
	nameMaxWords = 6
	nameMaxBytes = 60
	maxAuthors   = 10
)

// bylineSeparators split a byline into pieces that each hold one name or
// one role.
var bylineSeparators = []string{",", ";", "|", " / ", "•", "·", "»", " - ", " – ", " — ", "\n"}

// cleanAuthors turns raw byline strings into de-duplicated names. strict
// is for text taken from the page body, which needs every word of a name
// capitalized; metadata values are trusted more. Names that fold to one
// of the site keys are dropped: they are the publisher, not a person.
func cleanAuthors(raw []string, strict bool, sites []string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, r := range raw {
		pieces := splitByline(r)
		for _, piece := range pieces {
			name := cleanName(piece, strict)
			if name == "" && strict && len(pieces) == 1 && isHandle(strings.TrimSpace(piece)) {
				// A byline element holding one user name and nothing
				// else ("jdoe" beside a forum post).
				name = strings.TrimSpace(piece)
			}
			if name == "" {
				continue
			}
			name = stripSiteWords(name, sites)
			k := normKey(name)
			if name == "" || seen[k] || isSiteKey(k, sites) {
				continue
			}
			seen[k] = true
			out = append(out, name)
			if len(out) >= maxAuthors {
				return dropWireCredits(out)
			}
		}
	}
	return dropWireCredits(out)
}

// dropWireCredits drops the news agencies from names that hold a
// person's too: "By Jane Doe, Reuters" is Jane Doe's.
func dropWireCredits(names []string) []string {
	if len(names) < 2 || onlyWireCredits(names) {
		return names
	}
	out := names[:0]
	for _, n := range names {
		if !authorAgencySet[strings.ToLower(n)] {
			out = append(out, n)
		}
	}
	return out
}

// onlyWireCredits reports names that are all news agencies.
func onlyWireCredits(names []string) bool {
	for _, n := range names {
		if !authorAgencySet[strings.ToLower(n)] {
			return false
		}
	}
	return len(names) > 0
}

// stripSiteWords cuts the outlet from a byline piece: a piece that starts
// with the site's name ("CNN Business") is dropped, and the site's name at
// the end of a longer piece ("Kevin McCoy USA TODAY") is cut.
func stripSiteWords(name string, sites []string) string {
	words := strings.Fields(name)
	for k := 1; k <= 3 && k < len(words); k++ {
		if isSiteKey(normKey(strings.Join(words[:k], " ")), sites) {
			return ""
		}
		if isSiteKey(normKey(strings.Join(words[len(words)-k:], " ")), sites) {
			return strings.Join(words[:len(words)-k], " ")
		}
	}
	return name
}

func isSiteKey(k string, sites []string) bool {
	for _, s := range sites {
		if k == s {
			return true
		}
	}
	return false
}

// splitByline cuts a byline at separators and at joining words ("and").
func splitByline(s string) []string {
	s = dom.Collapse(s)
	if s == "" {
		return nil
	}
	var a, b [8]string // the pieces, split by each separator in turn
	pieces, next := append(a[:0], s), b[:0]
	for _, sep := range bylineSeparators {
		next = next[:0]
		for _, p := range pieces {
			if !strings.Contains(p, sep) {
				next = append(next, p) // what strings.Split returns, without its slice
				continue
			}
			next = append(next, strings.Split(p, sep)...)
		}
		pieces, next = next, pieces
	}
	var out []string
	var lower []byte
	for _, p := range pieces {
		words := strings.Fields(p)
		start := 0
		for i, w := range words {
			lower = appendLower(lower[:0], w)
			if authorJoiners[string(lower)] {
				if i > start {
					out = append(out, strings.Join(words[start:i], " "))
				}
				start = i + 1
			} else if endsSentence(w) && i+1 < len(words) {
				// "Finian Cunningham. Sputnik International": a full
				// stop after a word that is no initial ends the name.
				out = append(out, strings.Join(words[start:i+1], " "))
				start = i + 1
			}
		}
		if start < len(words) {
			out = append(out, strings.Join(words[start:], " "))
		}
	}
	return out
}

// endsSentence reports a word of four or more letters ending in a full
// stop: not an initial ("L.") nor a short title ("Jr.", "Mrs.").
func endsSentence(w string) bool {
	return strings.HasSuffix(w, ".") && utf8.RuneCountInString(w) >= 5 && !strings.Contains(w[:len(w)-1], ".")
}

// cleanName strips a byline prefix, cuts at the first date, handle or
// stop word, drops a trailing role, and checks that what is left looks
// like a name. It returns "" otherwise.
func cleanName(p string, strict bool) string {
	p = strings.TrimSpace(p)
	if strings.Contains(p, "://") || strings.HasPrefix(strings.ToLower(p), "www.") {
		return ""
	}
	p = stripBylinePrefix(p)
	if authorRoleSet[strings.ToLower(strings.Trim(p, ".,:;()"))] {
		// A job title standing alone ("Jane Doe, Senior Correspondent"),
		// which stripTail would cut down to its first word.
		return ""
	}
	words := strings.Fields(p)
	// "design: Jane Doe": a label ending in a colon names a role.
	for len(words) > 0 && len(words[0]) > 1 && strings.HasSuffix(words[0], ":") {
		words = words[1:]
	}
	// "Analysis by Jane Doe": a "by" among the first words starts the name.
	for i := 1; i < len(words) && i < 4; i++ {
		if strings.EqualFold(words[i], "by") {
			words = words[i+1:]
			break
		}
	}
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,:;()"))
		if strings.ContainsAny(w, "@0123456789") || authorStops[lw] && i > 0 ||
			monthNames[lw] > 0 && i+1 < len(words) && strings.ContainsAny(words[i+1], "0123456789") {
			words = words[:i]
			break
		}
	}
	words = stripTail(words, authorRoleWords)
	words = stripTail(words, authorAgencyWords)
	words = stripTail(words, authorRoleWords)
	name := strings.TrimFunc(strings.Join(words, " "), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != '\'' && r != '’' || unicode.IsSymbol(r)
	})
	if name == "" || len(name) > nameMaxBytes || authorRoleSet[strings.ToLower(name)] || authorNonNames[strings.ToLower(name)] {
		return ""
	}
	words = strings.Fields(name)
	if len(words) > nameMaxWords {
		return ""
	}
	if last := words[len(words)-1]; endsSentence(last) {
		name = strings.TrimSuffix(name, ".")
	}
	first, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(first) || len(words) == 1 && utf8.RuneCountInString(name) < 3 {
		return ""
	}
	if strict && !looksLikeName(words) {
		return ""
	}
	return fixShouting(name)
}

// fixShouting turns a name written in capitals ("TOM KRISHER") into title
// case; names with any lowercase letter are left as written.
func fixShouting(name string) string {
	letters := 0
	for _, r := range name {
		if unicode.IsLower(r) {
			return name
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 4 || !strings.Contains(name, " ") {
		return name
	}
	var b strings.Builder
	start := true
	for _, r := range name {
		if start {
			b.WriteRune(r)
		} else {
			b.WriteRune(unicode.ToLower(r))
		}
		start = !unicode.IsLetter(r) && r != '\''
	}
	return b.String()
}

// stripBylinePrefix removes "By", "Written by", "Von" and the like.
func stripBylinePrefix(p string) string {
	for {
		rest, ok := rules.CutBylinePrefix(p)
		if !ok {
			return p
		}
		p = rest
	}
}

// stripTail drops one of the phrases (a job title, an agency), each given
// as its words, from the end of a name's words.
func stripTail(words []string, phrases [][]string) []string {
	for _, rw := range phrases {
		if len(words) <= len(rw) {
			continue
		}
		tail := words[len(words)-len(rw):]
		match := true
		for i := range rw {
			if !rules.LowerIs(strings.Trim(tail[i], ".,:;"), rw[i]) {
				match = false
				break
			}
		}
		if match {
			return words[:len(words)-len(rw)]
		}
	}
	return words
}

// looksLikeName reports words that each start with a capital letter, are
// a particle ("van", "de"), or are an initial.
func looksLikeName(words []string) bool {
	if len(words) == 1 && utf8.RuneCountInString(words[0]) < 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || nameParticles[strings.ToLower(w)] {
			continue
		}
		if !unicode.IsLetter(r) || unicode.IsLower(r) {
			return false
		}
		// Scripts without case (CJK, Arabic, ...) pass.
	}
	return true
}

// isHandle reports a user name as forums print it beside a post: one
// word of letters and digits, with dots, hyphens or underscores inside
// ("jdoe", "b.scherer", "user_447"), that holds a letter and is no
// common word of a post's furniture (data/author_nonnames.txt).
func isHandle(s string) bool {
	n := utf8.RuneCountInString(s)
	if n < 3 || n > 30 || authorNonNames[strings.ToLower(s)] || authorStops[strings.ToLower(s)] || authorRoleSet[strings.ToLower(s)] {
		return false
	}
	letters := 0
	for i, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
		case (r == '.' || r == '-' || r == '_') && i > 0 && i < len(s)-1:
		default:
			return false
		}
	}
	return letters > 0
}
