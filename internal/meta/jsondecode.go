package meta

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// jsonMaxNesting is encoding/json's limit on nested objects and arrays.
const jsonMaxNesting = 10000

// decodeAll decodes every JSON value in s, one after another, into what
// encoding/json's Decoder gives for an any (map[string]any, []any,
// string, float64, bool, nil), and reports whether s held at least one
// value and nothing else. On an error it returns the values before the
// one that failed, as the Decoder's loop would. It reads the page's text
// in one pass, where the Decoder scans each value, then decodes it
// through reflection and copies every string: a string with no escape is
// a substring of s.
func decodeAll(s string) ([]any, bool) {
	d := jsonDecoder{s: s}
	var out []any
	for {
		d.space()
		if d.i == len(d.s) {
			return out, len(out) > 0
		}
		// A top-level value needs no white space after it: the Decoder
		// reads "truefalse" or "01" as two values.
		v, ok := d.value()
		if !ok {
			return out, false
		}
		out = append(out, v)
	}
}

// jsonDecoder reads JSON values from s at i.
type jsonDecoder struct {
	s     string
	i     int
	depth int
}

// jsonSpace reports whether c is JSON white space.
func jsonSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

func (d *jsonDecoder) space() {
	for d.i < len(d.s) && jsonSpace(d.s[d.i]) {
		d.i++
	}
}

// value reads one value at d.i, which is not white space.
func (d *jsonDecoder) value() (any, bool) {
	if d.i >= len(d.s) {
		return nil, false
	}
	switch c := d.s[d.i]; c {
	case '{':
		return d.object()
	case '[':
		return d.array()
	case '"':
		s, ok := d.str()
		if !ok {
			return nil, false
		}
		return s, true
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		return nil, d.literal("null")
	default:
		if c == '-' || '0' <= c && c <= '9' {
			return d.number()
		}
		return nil, false
	}
}

func (d *jsonDecoder) literal(word string) bool {
	if len(d.s)-d.i < len(word) || d.s[d.i:d.i+len(word)] != word {
		return false
	}
	d.i += len(word)
	return true
}

// number reads a number as JSON writes it and converts it as
// encoding/json does; one out of float64's range fails the value.
func (d *jsonDecoder) number() (any, bool) {
	s, start := d.s, d.i
	i := start
	if s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && '1' <= s[i] && s[i] <= '9':
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	default:
		return nil, false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || s[i] < '0' || s[i] > '9' {
			return nil, false
		}
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
	}
	d.i = i
	f, err := strconv.ParseFloat(s[start:i], 64)
	if err != nil {
		return nil, false
	}
	return f, true
}

func (d *jsonDecoder) object() (any, bool) {
	if d.depth++; d.depth > jsonMaxNesting {
		return nil, false
	}
	d.i++ // '{'
	m := make(map[string]any)
	d.space()
	if d.i < len(d.s) && d.s[d.i] == '}' {
		d.i++
		d.depth--
		return m, true
	}
	for {
		if d.i >= len(d.s) || d.s[d.i] != '"' {
			return nil, false
		}
		key, ok := d.str()
		if !ok {
			return nil, false
		}
		d.space()
		if d.i >= len(d.s) || d.s[d.i] != ':' {
			return nil, false
		}
		d.i++
		d.space()
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		m[key] = v
		if end, ok := d.next('}'); !ok {
			return nil, false
		} else if end {
			return m, true
		}
	}
}

func (d *jsonDecoder) array() (any, bool) {
	if d.depth++; d.depth > jsonMaxNesting {
		return nil, false
	}
	d.i++ // '['
	a := make([]any, 0)
	d.space()
	if d.i < len(d.s) && d.s[d.i] == ']' {
		d.i++
		d.depth--
		return a, true
	}
	for {
		v, ok := d.value()
		if !ok {
			return nil, false
		}
		a = append(a, v)
		if end, ok := d.next(']'); !ok {
			return nil, false
		} else if end {
			return a, true
		}
	}
}

// next reads what follows a member of an object or an element of an
// array: a comma, another to come (end false), or close, which ends it
// (end true). ok is false for anything else.
func (d *jsonDecoder) next(close byte) (end, ok bool) {
	d.space()
	if d.i >= len(d.s) {
		return false, false
	}
	switch d.s[d.i] {
	case ',':
		d.i++
		d.space()
		return false, true
	case close:
		d.i++
		d.depth--
		return true, true
	}
	return false, false
}

// str reads the string at d.i, its opening quote. One with no escape and
// valid UTF-8 is returned as a substring; any other is unquoted as
// encoding/json unquotes it (each invalid byte and each lone surrogate
// escape becomes U+FFFD).
func (d *jsonDecoder) str() (string, bool) {
	s := d.s
	start := d.i + 1
	i := start
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			d.i = i + 1
			return s[start:i], true
		case c == '\\' || c < ' ':
			return d.unquote(start, i)
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return d.unquote(start, i)
			}
			i += size
		}
	}
	return "", false
}

// unquote reads the rest of the string that opened at start, whose bytes
// up to i need no change.
func (d *jsonDecoder) unquote(start, i int) (string, bool) {
	s := d.s
	b := make([]byte, 0, i-start+32)
	b = append(b, s[start:i]...)
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"':
			d.i = i + 1
			return string(b), true
		case c < ' ':
			return "", false
		case c == '\\':
			if i+1 >= len(s) {
				return "", false
			}
			switch e := s[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := hex4(s, i+2)
				if r < 0 {
					return "", false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					if r2 := lowSurrogate(s, i); r2 >= 0 {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							i += 6
							continue
						}
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
				continue
			default:
				return "", false
			}
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			b = utf8.AppendRune(b, r)
			i += size
		}
	}
	return "", false
}

// lowSurrogate is the code of a "\uXXXX" escape at s[i:], or -1.
func lowSurrogate(s string, i int) rune {
	if i+1 >= len(s) || s[i] != '\\' || s[i+1] != 'u' {
		return -1
	}
	return hex4(s, i+2)
}

// hex4 is the value of the four hex digits at s[i:], or -1.
func hex4(s string, i int) rune {
	if i+4 > len(s) {
		return -1
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r*16 + rune(c)
	}
	return r
}
