package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitTokens splits class and id values into lower-case tokens on spaces,
// '-', '_', digits and camelCase humps, calling fn for each token and the
// one before it (prev is "" at the start of each space-separated name).
// It allocates only for names with upper-case letters.
func SplitTokens(s string, fn func(prev, tok string)) {
	prev := ""
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			tok := s[start:end]
			if hasUpper(tok) {
				tok = strings.ToLower(tok)
			}
			fn(prev, tok)
			prev = tok
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f':
			flush(i)
			prev = ""
		case r == '-' || r == '_' || r == '.' || r == ':' || r == '/' || unicode.IsDigit(r):
			flush(i)
		case unicode.IsUpper(r):
			// A hump starts a new token unless it follows another capital
			// ("ID", "HTML").
			if start >= 0 {
				pr, _ := utf8.DecodeLastRuneInString(s[:i])
				if !unicode.IsUpper(pr) {
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
	flush(len(s))
}

func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}
