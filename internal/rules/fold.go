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

// foldStack is the length of the stack buffer FoldIs and FoldContainsAny
// fold into: titles and button labels fit, so they allocate nothing.
const foldStack = 128

// FoldIs reports whether Fold(s) == f. It folds s only as far as f is
// long, into a buffer on the stack, instead of allocating the folded
// copy: callers compare every heading of a page to one folded title.
func FoldIs(s, f string) bool {
	var buf [foldStack]byte
	b, ok := AppendFold(buf[:0], s, len(f))
	return ok && string(b) == f
}

// FoldContainsAny reports whether Fold(s) holds one of the phrases,
// folding s into a buffer on the stack when it fits.
func FoldContainsAny(s string, phrases []string) bool {
	if folded(s) {
		return containsAny(s, phrases)
	}
	var buf [foldStack]byte
	b, _ := AppendFold(buf[:0], s, -1)
	return containsAny(unsafe.String(unsafe.SliceData(b), len(b)), phrases)
}

func containsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

// FoldWithin reports whether Fold(s) is f, or a piece of f longer than
// minLen bytes, without allocating the folded copy when f is short.
func FoldWithin(s, f string, minLen int) bool {
	var buf [foldStack]byte
	b, ok := AppendFold(buf[:0], s, len(f))
	if !ok {
		return false
	}
	t := unsafe.String(unsafe.SliceData(b), len(b))
	return t == f || len(t) > minLen && strings.Contains(f, t)
}
