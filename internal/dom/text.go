package dom

import (
	"unicode"
	"unicode/utf8"
)

// IsSpace reports the characters that separate words: Unicode white
// space (ASCII space and controls, the no-break, thin, ideographic and
// other spaces, line and paragraph separators), and NUL, which a text
// dump may carry.
func IsSpace(r rune) bool { return unicode.IsSpace(r) || r == 0 }

// IsInvisible reports the characters that print nothing and join what
// is around them: zero-width space, non-joiner and joiner, the byte-order
// mark and the soft hyphen. They are dropped from text.
func IsInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\ufeff', '\u00ad':
		return true
	}
	return false
}

// AppendCollapsed appends s to buf with every run of white space turned
// into one space, invisible characters dropped, bytes that are not UTF-8
// written as U+FFFD, and no space at the start of buf or of a line in it. A space at the end is kept: more text may follow.
func AppendCollapsed(buf []byte, s string) []byte {
	space := len(buf) == 0 || buf[len(buf)-1] == ' ' || buf[len(buf)-1] == '\n'
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0 {
				if !space {
					buf = append(buf, ' ')
				}
				space = true
				continue
			}
			buf = append(buf, c)
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case IsSpace(r):
			if !space {
				buf = append(buf, ' ')
			}
			space = true
		case IsInvisible(r):
		case r == utf8.RuneError && size == 1:
			// A stray byte is written as U+FFFD: kept as it is, it could
			// join a stray byte on the other side of a dropped invisible
			// character into a letter the input never held.
			buf = utf8.AppendRune(buf, utf8.RuneError)
			space = false
		default:
			buf = append(buf, s[i:i+size]...)
			space = false
		}
		i += size
	}
	return buf
}

// Collapse trims s and turns every run of white space into one space,
// dropping invisible characters. It returns s itself when there is
// nothing to change.
func Collapse(s string) string {
	if isCollapsed(s) {
		return s
	}
	b := AppendCollapsed(make([]byte, 0, len(s)), s)
	if len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// isCollapsed reports ASCII text with no space at either end and no
// white space but single spaces.
func isCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\n', '\t', '\r', '\f', '\v', 0:
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		default:
			if c >= utf8.RuneSelf {
				return false
			}
		}
	}
	return true
}

// CountWords counts space-separated words, and CJK, Thai and Hangul
// characters as half a word each, since those scripts do not separate
// words with spaces. It expects collapsed text (ASCII spaces, tabs and
// line breaks between words).
func CountWords[T ~string | ~[]byte](b T) int {
	words, cjk := 0, 0
	in := false
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			isSpace := c == ' ' || c == '\n' || c == '\t'
			if !isSpace && !in {
				words++
			}
			in = !isSpace
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(string(b[i:min(i+utf8.UTFMax, len(b))]))
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) {
			cjk++
		} else if !in {
			words++
		}
		in = true
		i += size
	}
	return words + cjk/2
}

// VisibleLen counts the bytes of s that are not ASCII white space: cheap,
// and proportional enough to compare the text of subtrees.
func VisibleLen(s string) int {
	// Adding a table's 0 or 1 takes no branch, where a switch on each
	// byte is mispredicted at every space between words.
	n := 0
	for i := 0; i < len(s); i++ {
		n += int(visibleByte[s[i]])
	}
	return n
}

// visibleByte is 1 for the bytes VisibleLen counts, 0 for ASCII white
// space.
var visibleByte = func() (t [256]uint8) {
	for i := range t {
		t[i] = 1
	}
	for _, c := range []byte{' ', '\n', '\t', '\r', '\f'} {
		t[c] = 0
	}
	return t
}()
