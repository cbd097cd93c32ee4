package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits on what passes for a person's name.
const (
	nameMaxWords = 6
	nameMaxBytes = 60
	maxAuthors   = 10
)

// bylineSeparators split a byline into pieces that each hold one name or
// one role.
var bylineSeparators = []string{",", ";", "|", " / ", "•", "·", " - ", " – ", " — ", "\n"}

// cleanAuthors turns raw byline strings into de-duplicated names. strict
// is for text taken from the page body, which needs every word of a name
// capitalized; metadata values are trusted more. Names that fold to one
// of the site keys are dropped: they are the publisher, not a person.
func cleanAuthors(raw []string, strict bool, sites []string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, r := range raw {
		for _, piece := range splitByline(r) {
			name := cleanName(piece, strict)
			if name == "" {
				continue
			}
			k := normKey(name)
			if seen[k] || isSiteKey(k, sites) {
				continue
			}
			seen[k] = true
			out = append(out, name)
			if len(out) >= maxAuthors {
				return out
			}
		}
	}
	return out
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
	s = collapse(s)
	if s == "" {
		return nil
	}
	pieces := []string{s}
	for _, sep := range bylineSeparators {
		var next []string
		for _, p := range pieces {
			next = append(next, strings.Split(p, sep)...)
		}
		pieces = next
	}
	var out []string
	for _, p := range pieces {
		words := strings.Fields(p)
		start := 0
		for i, w := range words {
			if authorJoiners[strings.ToLower(w)] {
				if i > start {
					out = append(out, strings.Join(words[start:i], " "))
				}
				start = i + 1
			}
		}
		if start < len(words) {
			out = append(out, strings.Join(words[start:], " "))
		}
	}
	return out
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
	words := strings.Fields(p)
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,:;()"))
		if strings.ContainsAny(w, "@0123456789") || authorStops[lw] && i > 0 ||
			monthNames[lw] > 0 && i+1 < len(words) && strings.ContainsAny(words[i+1], "0123456789") {
			words = words[:i]
			break
		}
	}
	words = stripRole(words)
	name := strings.TrimFunc(strings.Join(words, " "), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != '\'' && r != '’' || unicode.IsSymbol(r)
	})
	if name == "" || len(name) > nameMaxBytes || authorRoleSet[strings.ToLower(name)] {
		return ""
	}
	words = strings.Fields(name)
	if len(words) > nameMaxWords {
		return ""
	}
	first, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsLetter(first) {
		return ""
	}
	if strict && !looksLikeName(words) {
		return ""
	}
	return name
}

// stripBylinePrefix removes "By", "Written by", "Von" and the like.
func stripBylinePrefix(p string) string {
	for changed := true; changed; {
		changed = false
		lp := strings.ToLower(p)
		for _, pre := range bylinePrefixes {
			if len(lp) > len(pre) && strings.HasPrefix(lp, pre) && (lp[len(pre)] == ' ' || lp[len(pre)] == ':') {
				p = strings.TrimLeft(p[len(pre):], " :")
				changed = true
				break
			}
		}
	}
	return p
}

// stripRole drops a job title from the end of a name's words.
func stripRole(words []string) []string {
	for _, role := range authorRoles {
		rw := strings.Fields(role)
		if len(words) <= len(rw) {
			continue
		}
		tail := words[len(words)-len(rw):]
		match := true
		for i := range rw {
			if strings.ToLower(strings.Trim(tail[i], ".,:;")) != rw[i] {
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
