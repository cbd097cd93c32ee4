package rules

// MaxPageClassWords is the most words PageClassWords may hold: their bits
// fit a uint8.
const MaxPageClassWords = 8

// PageClassWordsOf returns the words of PageClassWords that the class or
// id value v names, bit k for PageClassWords[k], in one pass over v: only
// a part that opens with a word's first letter is compared. A value names
// a word when a part of it is the word, plural or not, in any case: a part
// starts at the value's start, after a character that is no letter or
// digit, or at a camelCase hump ("product-card", "priceBox"), and no
// lower-case letter follows the word (not "productivity", "filtered").
// White space ends a part as the value's ends do, so a value names what
// its space-separated names name, each read alone.
func PageClassWordsOf(v string) uint8 {
	var words uint8
	for i := 0; i < len(v); i++ {
		if !pageWordStart[v[i]] || !startsPart(v, i) {
			continue
		}
		for k, cw := range PageClassWords {
			if pageWordAt(v, i, cw.Word) {
				words |= 1 << k
			}
		}
	}
	return words
}

// pageWordStart marks the first letters, in either case, of the words of
// PageClassWords.
var pageWordStart = func() (t [256]bool) {
	if len(PageClassWords) > MaxPageClassWords {
		panic("rules: PageClassWords holds more than MaxPageClassWords words")
	}
	for _, cw := range PageClassWords {
		t[cw.Word[0]] = true
		t[cw.Word[0]-'a'+'A'] = true
	}
	return t
}()

// pageWordAt reports whether word, in any case and perhaps with a plural
// "s", is the part of v that starts at i: no lower-case letter follows.
func pageWordAt(v string, i int, word string) bool {
	if i+len(word) > len(v) || !hasFoldAt(v, i, word) {
		return false
	}
	j := i + len(word)
	if j < len(v) && v[j] == 's' {
		j++
	}
	return j == len(v) || !isLowerByte(v[j])
}

// startsPart reports whether a name part starts at v[i]: the value's
// start, after a character that is no letter or digit, or an upper-case
// letter after a lower-case one (camelCase).
func startsPart(v string, i int) bool {
	if i == 0 {
		return true
	}
	p, c := v[i-1], v[i]
	if !isLowerByte(p) && !isUpperByte(p) && !(p >= '0' && p <= '9') {
		return true
	}
	return isLowerByte(p) && isUpperByte(c)
}

// hasFoldAt reports whether v holds word (lower-case ASCII) at i, in any
// case.
func hasFoldAt(v string, i int, word string) bool {
	for k := 0; k < len(word); k++ {
		c := v[i+k]
		if isUpperByte(c) {
			c += 'a' - 'A'
		}
		if c != word[k] {
			return false
		}
	}
	return true
}

func isLowerByte(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpperByte(c byte) bool { return 'A' <= c && c <= 'Z' }
