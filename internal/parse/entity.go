package parse

import (
	stdhtml "html"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Character references, as the tokenizer decodes them. The table of
// names is the standard library's (html.UnescapeString; its two missing
// names are wideRef's), which applies
// the spec's rules for text: the longest name of the table that the
// text starts with, the legacy names (&amp, &copy, …) also without
// their semicolon, numeric references with the Windows-1252 remap of
// 0x80–0x9F and U+FFFD for 0, surrogates and numbers past U+10FFFF.
//
// An attribute value differs: a named reference that does not end with
// ';' and is followed by '=' or a letter or digit stays as written
// ("?a=1&copy=2" keeps its "&copy"), so only a name of the table spelled
// out to the end of its run of letters and digits is decoded.

// unescapeText decodes the character references of text.
func unescapeText(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return unescape(s, false)
}

// unescape decodes the references of s, by the rules of an attribute
// value or of text. Numeric references are decoded here (the standard
// library's UnescapeString takes "&#x;", without digits, for U+FFFD;
// the spec leaves it as written), named ones by UnescapeString, one
// reference at a time.
func unescape(s string, attr bool) string {
	b := appendUnescape(make([]byte, 0, len(s)), s, attr)
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not written again
}

// appendUnescape appends s to b with its references decoded, as unescape
// does.
func appendUnescape(b []byte, s string, attr bool) []byte {
	last := 0
	for i := strings.IndexByte(s, '&'); i >= 0; i = strings.IndexByte(s[last:], '&') {
		i += last
		j := i + 1
		if j < len(s) && s[j] == '#' {
			k := j + 1
			if k < len(s) && (s[k] == 'x' || s[k] == 'X') {
				k++
				for k < len(s) && isHex(s[k]) {
					k++
				}
			} else {
				for k < len(s) && '0' <= s[k] && s[k] <= '9' {
					k++
				}
			}
			if k < len(s) && s[k] == ';' {
				k++
			}
			b = append(b, s[last:i]...)
			if r, ok := numericRef(s[i:k]); ok {
				b = utf8.AppendRune(b, r)
			} else {
				b = append(b, s[i:k]...)
			}
			last = k
			continue
		}
		for j < len(s) && isAlnum(s[j]) {
			j++
		}
		semi := j < len(s) && s[j] == ';'
		if semi {
			j++
		}
		ref := s[i:j]
		b = append(b, s[last:i]...)
		last = j
		switch {
		case j == i+1 || ref == "&;":
			b = append(b, ref...)
		case semi && (ref == "&nLt;" || ref == "&nGt;"):
			b = append(b, wideRef(ref)...)
		case !attr:
			b = append(b, stdhtml.UnescapeString(ref)...)
		case !semi && j < len(s) && s[j] == '=':
			b = append(b, ref...)
		default:
			if r, ok := exactRef(ref, semi); ok {
				b = append(b, r...)
			} else {
				b = append(b, ref...)
			}
		}
	}
	return append(b, s[last:]...)
}

// exactRef decodes ref ("&name" or "&name;") when name, all of it, is a
// name of the table.
func exactRef(ref string, semi bool) (string, bool) {
	r := stdhtml.UnescapeString(ref)
	if r == ref || r == "" {
		return "", false
	}
	// UnescapeString falls back to the longest legacy name the run
	// starts with, leaving the rest of the run after it: a decoding
	// that ends with a letter or digit, or with the ';' of ref, is such
	// a fallback. (&fjlig; is "fj", and &semi; is ";".)
	if semi {
		if ref == "&fjlig;" || ref == "&semi;" {
			return r, true
		}
		return r, r[len(r)-1] != ';'
	}
	return r, !isAlnum(r[len(r)-1])
}

// wideRef decodes &nLt; and &nGt;, the two names of the spec's table
// that the standard library leaves out (their text is longer than the
// name, which its decoding in place cannot hold).
func wideRef(ref string) string {
	if ref == "&nLt;" {
		return "\u226A\u20D2"
	}
	return "\u226B\u20D2"
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'f'
}

// numericRef decodes "&#…" or "&#x…", with or without its ';'. A
// reference without digits is none.
func numericRef(ref string) (rune, bool) {
	d := strings.TrimSuffix(ref[2:], ";")
	base := int64(10)
	if d != "" && (d[0] == 'x' || d[0] == 'X') {
		base, d = 16, d[1:]
	}
	if d == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(d); i++ {
		c := d[i] | 0x20
		v := int64(c - '0')
		if c >= 'a' {
			v = int64(c-'a') + 10
		}
		n = n*base + v
		if n > 0x10FFFF {
			n = 0x110000
		}
	}
	switch {
	case 0x80 <= n && n <= 0x9F:
		return windows1252[n-0x80], true
	case n == 0 || 0xD800 <= n && n <= 0xDFFF || n > 0x10FFFF:
		return '\uFFFD', true
	}
	return rune(n), true
}

// windows1252 is what a numeric reference to 0x80–0x9F stands for: the
// character of that byte in Windows-1252 (the five bytes it leaves
// undefined stand for themselves).
var windows1252 = [32]rune{
	'\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021',
	'\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
	'\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014',
	'\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
}
