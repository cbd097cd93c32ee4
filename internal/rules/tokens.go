package rules

import (
	"iter"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitTokens splits class and id values into lower-case tokens on spaces,
// '-', '_', digits and camelCase humps, calling fn for each token and the
// one before it (prev is "" at the start of each space-separated name).
// It allocates only for names with upper-case letters.
//
// Parts of a name that are not words are left out: the variants in front
// of a utility class ("md:" and "print:" in "md:print:hidden" say when the
// class applies, not what the element is), hexadecimal hashes ("1ad269af0d"
// holds no "ad") and the hash that CSS modules append after a double
// underscore ("root__adKqa").
func SplitTokens(s string, fn func(prev, tok string)) {
	for name := range ClassNames(s) {
		splitName(stripVariants(name), fn)
	}
}

func isHTMLSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// ClassNames yields the names of a class attribute: the runs between
// HTML white space (space, tab, newline, carriage return, form feed; a
// no-break space belongs to a name).
// The spaces are ASCII and no byte of a multi-byte UTF-8 sequence is, so
// bytes are compared, without decoding runes.
func ClassNames(class string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for i := 0; i < len(class); {
			if isHTMLSpaceByte(class[i]) {
				i++
				continue
			}
			j := i + 1
			for j < len(class) && !isHTMLSpaceByte(class[j]) {
				j++
			}
			if !yield(class[i:j]) {
				return
			}
			i = j
		}
	}
}

// stripVariants returns name without its utility-class variants: what
// comes before the last ':' outside square brackets.
func stripVariants(name string) string {
	depth := 0
	cut := -1
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '[':
			depth++
		case ']':
			depth--
		case ':':
			if depth == 0 {
				cut = i
			}
		}
	}
	if cut < 0 {
		return name
	}
	return name[cut+1:]
}

// splitName splits one name into tokens, part by part (the runs of
// letters and digits between punctuation).
func splitName(name string, fn func(prev, tok string)) {
	prev := ""
	emit := func(tok string) {
		if hasUpper(tok) {
			tok = lowerToken(tok)
		}
		fn(prev, tok)
		prev = tok
	}
	for i := 0; i < len(name); {
		if word, size := wordAt(name, i); !word {
			i += size
			continue
		}
		j := i
		for j < len(name) {
			if c := name[j]; c < utf8.RuneSelf {
				// wordAt's ASCII answer, without the call.
				if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
					break
				}
				j++
				continue
			}
			word, size := wordAt(name, j)
			if !word {
				break
			}
			j += size
		}
		part := name[i:j]
		if !isHash(part) && !isMinifiedName(part) && !(j == len(name) && isModuleHash(name[:i], part)) {
			splitPart(part, emit)
		}
		i = j
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// wordAt reports whether the rune at s[i] is a letter or a digit, and its
// size; an ASCII byte is read without decoding.
func wordAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r), size
}

// splitPart splits a run of letters and digits on digits and camelCase
// humps.
func splitPart(part string, emit func(string)) {
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			emit(part[start:end])
		}
		start = -1
	}
	for i := 0; i < len(part); {
		r, size := rune(part[i]), 1
		if 'a' <= r && r <= 'z' {
			// The common case, answered before the calls below.
			if start < 0 {
				start = i
			}
			i++
			continue
		}
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(part[i:])
		}
		switch {
		case isDigit(r):
			flush(i)
		case isUpper(r):
			// A hump starts a new token unless it follows another capital
			// ("ID", "HTML").
			if start >= 0 {
				pr := rune(part[i-1])
				if pr >= utf8.RuneSelf {
					pr, _ = utf8.DecodeLastRuneInString(part[:i])
				}
				if !isUpper(pr) {
					flush(i)
				}
			}
			if start < 0 {
				start = i
			}
		default:
			if start < 0 {
				start = i
			}
		}
		i += size
	}
	flush(len(part))
}

// isDigit and isUpper are unicode.IsDigit and unicode.IsUpper with the
// ASCII answered first.
func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// isHash reports whether a part is a hexadecimal hash: hex digits only,
// with both letters and digits, and not a word followed by a number
// ("ad300", "fade2" are words).
func isHash(part string) bool {
	letters, digits := false, false
	wordThenNumber := true
	for i := 0; i < len(part); i++ {
		c := part[i]
		switch {
		case '0' <= c && c <= '9':
			digits = true
		case 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
			letters = true
			if digits {
				wordThenNumber = false
			}
		default:
			return false
		}
	}
	return letters && digits && !wordThenNumber
}

// isMinifiedName reports whether a part is a name a minifier made up:
// five to eight ASCII letters and digits, in both cases, with a digit
// between two letters ("jXK9ad", "QZ3zWd"). Its humps are no words, so
// its last letters ("ad") say nothing.
func isMinifiedName(part string) bool {
	if len(part) < 5 || len(part) > 8 {
		return false
	}
	if lower, upper, _, other := asciiKinds(part); other || !lower || !upper {
		return false
	}
	for i := 1; i < len(part)-1; i++ {
		if '0' <= part[i] && part[i] <= '9' && isASCIILetter(part[i-1]) && isASCIILetter(part[i+1]) {
			return true
		}
	}
	return false
}

// asciiKinds reports which kinds of bytes s holds: lower-case and
// upper-case ASCII letters, ASCII digits, and any other.
func asciiKinds(s string) (lower, upper, digit, other bool) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			lower = true
		case 'A' <= c && c <= 'Z':
			upper = true
		case '0' <= c && c <= '9':
			digit = true
		default:
			other = true
		}
	}
	return lower, upper, digit, other
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isModuleHash reports whether part, the last part of a name, is the
// hash that CSS modules append: four to six characters after a double
// underscore, in mixed case or with a digit ("__adKqa", "___dYTF",
// "__R4uge"). A lower-case BEM element ("article__ad") is a word.
func isModuleHash(before, part string) bool {
	if len(part) < 4 || len(part) > 6 || !strings.HasSuffix(before, "__") {
		return false
	}
	lower, upper, digit, _ := asciiKinds(part)
	return lower && upper || digit && (lower || upper)
}

// lowerToken is strings.ToLower(tok), without a new string when the
// lower-cased token is one of the token tables' own words.
func lowerToken(tok string) string {
	var buf [24]byte
	if len(tok) > len(buf) {
		return strings.ToLower(tok)
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(tok)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if w, ok := tableTokens[string(buf[:len(tok)])]; ok {
		return w
	}
	return string(buf[:len(tok)])
}

// tableTokens holds the words of the token tables, each mapped to
// itself, for lowerToken.
var tableTokens = func() map[string]string {
	m := make(map[string]string)
	add := func(w string) { m[w] = w }
	for w := range Tokens {
		add(w)
	}
	for _, t := range []map[string]bool{ContentTokens, WeakTokens, StatePrefixes, TaxonomyPrefixes, DisclosureTokens, EmbedTokens, ReviewTokens} {
		for w := range t {
			add(w)
		}
	}
	for pair := range StrongContentTokens {
		add(pair[0])
		add(pair[1])
	}
	return m
}()

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}
