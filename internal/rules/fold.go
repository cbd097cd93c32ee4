package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Fold lower-cases s, turns every run of spaces and punctuation into one
// space, and trims both ends, so that "Share  this!" and "share this"
// compare equal. Text already in that form comes back as is, without a
// copy.
func Fold(s string) string {
	if folded(s) {
		return s
	}
	b, _ := AppendFold(make([]byte, 0, len(s)), s, -1)
	// b is ours alone and never written again: the string can share it,
	// as strings.Builder does, instead of copying it.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendFold appends Fold(s) to dst, stopping once it has appended more
// than limit bytes (limit < 0: no limit); ok is false when it stopped.
// Callers that only look the folded text up in a table fold into a
// buffer of their own this way, with no allocation, and a table of short
// phrases need not fold a long text whole.
func AppendFold(dst []byte, s string, limit int) (_ []byte, ok bool) {
	start := len(dst)
	space := false
	for i := 0; i < len(s); {
		if limit >= 0 && len(dst)-start > limit {
			return dst, false
		}
		if c := s[i]; c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '\'':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			default:
				space = true
				continue
			}
			if space && len(dst) > start {
				dst = append(dst, ' ')
			}
			space = false
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if !foldKeeps(r) {
			space = true
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		if r == '’' {
			r = '\''
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	if limit >= 0 && len(dst)-start > limit {
		return dst, false
	}
	return dst, true
}

// foldSpace is the one separator of folded text.
var foldSpace = []byte{' '}

// foldKeeps reports a rune Fold keeps: a letter, a digit or an
// apostrophe.
func foldKeeps(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// folded reports whether s is already what Fold makes of it: ASCII
// lower-case letters, digits and apostrophes, in words split by single
// spaces, with no space at either end.
func folded(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '\'':
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		default:
			return false
		}
	}
	return true
}

// LowerIs reports whether strings.ToLower(s) == want, without building
// the lower-case copy when s is ASCII.
func LowerIs(s, want string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(s) == want
		}
	}
	if len(s) != len(want) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != want[i] {
			return false
		}
	}
	return true
}
