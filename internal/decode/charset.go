package decode

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// prescanLen is how far into the page <meta> and <?xml?> declarations are
// looked for. The HTML standard says 1024 bytes; pages put long scripts
// and styles before their meta often enough to look a little further.
const prescanLen = 4096

// utf8Encoding is the UTF-8 decoder, looked up once.
var utf8Encoding, _ = htmlindex.Get("utf-8")

// choice is the charset chooseCharset settled on.
type choice struct {
	name      string            // WHATWG name
	enc       encoding.Encoding // nil for utf-8
	source    string            // a Source constant
	overruled string            // "header:NAME" or "meta:NAME" set aside, if any
	ascii     bool              // the bytes are all ASCII: no conversion needed
}

// declaration is a charset the page or its header declares.
type declaration struct {
	name   string
	enc    encoding.Encoding
	source string
}

// lookupLabel resolves a charset label ("latin1", "x-sjis", "utf8") to its
// WHATWG name and encoding. It refuses the "replacement" encoding, which
// would turn the whole page into one U+FFFD.
func lookupLabel(label string) (declaration, bool) {
	if strings.EqualFold(label, "utf-8") {
		return declaration{name: "utf-8", enc: utf8Encoding}, true
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "replacement" {
		return declaration{}, false
	}
	return declaration{name: name, enc: enc}, true
}

// chooseCharset picks the charset of data following the rules in the
// package doc.
func chooseCharset(data []byte, contentType string) choice {
	var decls []declaration
	if label := charsetParam(contentType); label != "" {
		if d, ok := lookupLabel(label); ok {
			d.source = SourceHeader
			decls = append(decls, d)
		}
	}
	// The common case first: UTF-8 declared in the header, and valid.
	valid := utf8.Valid(data)
	if valid && len(decls) == 1 && decls[0].name == "utf-8" {
		return choice{name: "utf-8", source: SourceHeader}
	}
	if label := prescan(data); label != "" {
		if d, ok := lookupLabel(label); ok {
			if strings.HasPrefix(d.name, "utf-16") {
				// A meta that can be read as ASCII is not UTF-16; the
				// HTML standard reads it as UTF-8.
				d, _ = lookupLabel("utf-8")
			}
			d.source = SourceMeta
			decls = append(decls, d)
		}
	}
	if valid {
		return chooseValid(data, decls)
	}
	return chooseInvalid(data, decls)
}

// declaredUTF16 reports whether data is UTF-16 without a byte order mark
// that the Content-Type header, or a <meta> or <?xml?> written in UTF-16,
// declares, and whether it is big-endian. The declaration is trusted only
// when the bytes bear it out with utf16Pattern; the byte order is the
// pattern's, whatever the label says.
func declaredUTF16(data []byte, contentType string) (bigEndian bool, source string, ok bool) {
	le, ok := utf16Pattern(data)
	if !ok {
		return false, "", false
	}
	if d, found := lookupLabel(charsetParam(contentType)); found && strings.HasPrefix(d.name, "utf-16") {
		return !le, SourceHeader, true
	}
	if label := prescan(asciiOfUTF16(data, le)); label != "" {
		if d, found := lookupLabel(label); found && strings.HasPrefix(d.name, "utf-16") {
			return !le, SourceMeta, true
		}
	}
	return false, "", false
}

// asciiOfUTF16 is the first prescanLen code units of UTF-16 data as bytes:
// each ASCII character as itself, any other code unit as 0x80; prescan
// reads a declaration written in UTF-16 from it.
func asciiOfUTF16(data []byte, le bool) []byte {
	n := min(len(data)/2, prescanLen)
	out := make([]byte, n)
	for i := range n {
		lo, hi := data[2*i], data[2*i+1]
		if !le {
			lo, hi = hi, lo
		}
		if hi == 0 && lo < utf8.RuneSelf {
			out[i] = lo
		} else {
			out[i] = 0x80
		}
	}
	return out
}

// chooseValid picks the charset of bytes that are valid UTF-8.
func chooseValid(data []byte, decls []declaration) choice {
	var first *declaration
	if len(decls) > 0 {
		first = &decls[0]
	}
	if isASCII(data) {
		if bytes.Contains(data, []byte("\x1b$B")) || bytes.Contains(data, []byte("\x1b$@")) {
			d, _ := lookupLabel("iso-2022-jp")
			if first != nil && first.name == d.name {
				return choice{name: d.name, enc: d.enc, source: first.source}
			}
			return choice{name: d.name, enc: d.enc, source: SourceDetected}
		}
		for _, d := range decls {
			if !strings.HasPrefix(d.name, "utf-16") && d.name != "iso-2022-jp" {
				return choice{name: d.name, enc: d.enc, source: d.source, ascii: true}
			}
		}
		return choice{name: "utf-8", source: SourceDefault, overruled: overruled(first)}
	}
	for i, d := range decls {
		if d.name == "utf-8" {
			var set *declaration
			if i > 0 {
				set = first
			}
			return choice{name: "utf-8", source: d.source, overruled: overruled(set)}
		}
	}
	return choice{name: "utf-8", source: SourceDetected, overruled: overruled(first)}
}

// chooseInvalid picks the charset of bytes that are not valid UTF-8: the
// first plausible declaration, else detection.
func chooseInvalid(data []byte, decls []declaration) choice {
	mostly := mostlyUTF8(data)
	var set *declaration
	var scores *detection
	for i := range decls {
		d := &decls[i]
		ok := false
		switch {
		case d.name == "utf-8":
			ok = mostly
		case strings.HasPrefix(d.name, "utf-16"):
			ok = false // UTF-16 without a NUL pattern was not sniffed as such
		default:
			if scores == nil {
				scores = detect(data)
			}
			ok = scores.plausible(d.name, d.enc)
		}
		if ok {
			return choice{name: d.name, enc: d.enc, source: d.source, overruled: overruled(set)}
		}
		if set == nil {
			set = d
		}
	}
	if mostly {
		return choice{name: "utf-8", source: SourceDetected, overruled: overruled(set)}
	}
	if scores == nil {
		scores = detect(data)
	}
	best := scores.best()
	return choice{name: best.name, enc: best.enc, source: SourceDetected, overruled: overruled(set)}
}

func overruled(d *declaration) string {
	if d == nil {
		return ""
	}
	return d.source + ":" + d.name
}

// isASCII reports whether data has no byte above 0x7F.
func isASCII(data []byte) bool {
	for len(data) >= 8 {
		if (uint64(data[0])|uint64(data[1])<<8|uint64(data[2])<<16|uint64(data[3])<<24|
			uint64(data[4])<<32|uint64(data[5])<<40|uint64(data[6])<<48|uint64(data[7])<<56)&0x8080808080808080 != 0 {
			return false
		}
		data = data[8:]
	}
	for _, c := range data {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// mostlyUTF8 reports whether data is UTF-8 with some damage. It holds
// multi-byte sequences, and either at least four valid ones for each
// invalid byte (a page with a few broken bytes), or, for pages with whole
// paragraphs pasted in from a legacy charset, valid words worth at least
// half the invalid bytes. A valid word is a run of two or more multi-byte
// sequences between ASCII bytes with no invalid byte in it: legacy text
// forms a valid sequence now and then (CJK text about one per four
// invalid bytes) but practically never a whole word of them, so such
// words are UTF-8 the page was written in. Browsers would decode such a
// page whole in one legacy charset and garble its UTF-8 half; staying in
// UTF-8 keeps that half and replaces the bytes that are not UTF-8.
func mostlyUTF8(data []byte) bool {
	valid, invalid, words := 0, 0, 0
	run, broken := 0, false // the current run of bytes outside ASCII
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			if run >= 2 && !broken {
				words += run
			}
			run, broken = 0, false
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
			broken = true
		} else {
			valid++
			run++
		}
		i += size
	}
	if run >= 2 && !broken {
		words += run
	}
	return valid > 0 && (valid >= 4*invalid || words >= minUTF8Words && 2*words >= invalid)
}

// legacyWords returns text, read as UTF-8 though some of its words are
// not, as valid UTF-8. A word is a run of bytes from 0x40 up, as
// sampleWindow splits them, so no character of a legacy charset is cut.
// A word with more invalid bytes than valid multi-byte sequences is taken
// for text pasted in from a legacy charset: all such words are read in
// the charset detection finds they read best in, when that is not
// damaged UTF-8 and they hold enough bytes outside ASCII to judge by
// (detectWeights.MinEvidence). Otherwise, and in words that are mostly
// UTF-8 (a word cut in the middle of a character), each invalid sequence
// becomes one U+FFFD.
func legacyWords(text []byte) []byte {
	var sample []byte
	eachWord(text, func(w []byte, legacy bool) {
		if legacy {
			sample = append(append(sample, w...), ' ')
		}
	})
	d := detect(sample)
	best := d.best()
	if d.high < detectWeights.MinEvidence || best.name == "utf-8" {
		return bytes.ToValidUTF8(text, replacementChar)
	}
	dec := best.enc.NewDecoder()
	out := make([]byte, 0, len(text)+len(text)/8)
	eachWord(text, func(w []byte, legacy bool) {
		if legacy {
			if b, err := dec.Bytes(w); err == nil {
				out = append(out, bytes.ToValidUTF8(b, replacementChar)...)
				return
			}
		}
		out = append(out, bytes.ToValidUTF8(w, replacementChar)...)
	})
	return out
}

// replacementChar is U+FFFD in UTF-8.
var replacementChar = []byte("\uFFFD")

// eachWord calls f on each piece of text in order: the runs of bytes from
// 0x40 up and the bytes between them, which are ASCII and never legacy.
// legacy is true for a run with more invalid bytes than valid multi-byte
// sequences.
func eachWord(text []byte, f func(piece []byte, legacy bool)) {
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && text[j] < 0x40 {
			j++
		}
		if j > i {
			f(text[i:j], false)
			i = j
		}
		valid, invalid := 0, 0
		for j < len(text) && text[j] >= 0x40 {
			if text[j] < utf8.RuneSelf {
				j++
				continue
			}
			r, size := utf8.DecodeRune(text[j:])
			if r == utf8.RuneError && size == 1 {
				invalid++
			} else {
				valid++
			}
			j += size
		}
		if j > i {
			f(text[i:j], invalid > valid)
			i = j
		}
	}
}

// minUTF8Words is the fewest multi-byte sequences in valid words that
// make a page with many invalid bytes UTF-8 (see mostlyUTF8): a name or
// two in UTF-8 on a legacy page is too little to go by.
const minUTF8Words = 32

// charsetParam returns the charset parameter of a Content-Type value, or "".
func charsetParam(contentType string) string {
	return charsetIn([]byte(contentType))
}

// charsetIn finds "charset=LABEL" in s (case-insensitive, the label quoted
// or not) and returns the label.
func charsetIn(s []byte) string {
	for i := 0; i+7 <= len(s); i++ {
		if !equalFoldASCII(s[i:i+7], "charset") {
			continue
		}
		j := i + 7
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j >= len(s) || s[j] != '=' {
			continue
		}
		j++
		for j < len(s) && isSpace(s[j]) {
			j++
		}
		if j < len(s) && (s[j] == '"' || s[j] == '\'') {
			j++
		}
		k := j
		for k < len(s) && s[k] != '"' && s[k] != '\'' && s[k] != ';' && s[k] != ',' && !isSpace(s[k]) {
			k++
		}
		if k > j {
			return string(s[j:k])
		}
	}
	return ""
}

// prescan looks for a charset in <meta charset>, <meta http-equiv
// content="...; charset=..."> or <?xml ... encoding="..."?> in the first
// prescanLen bytes, skipping comments. It returns the label or "".
func prescan(data []byte) string {
	if len(data) > prescanLen {
		data = data[:prescanLen]
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '<' {
			continue
		}
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			end := bytes.Index(rest[4:], []byte("-->"))
			if end < 0 {
				return ""
			}
			i += 4 + end + 2
		case bytes.HasPrefix(rest, []byte("<?xml")):
			end := bytes.Index(rest, []byte("?>"))
			if end < 0 {
				end = len(rest)
			}
			if label := attrIn(rest[5:end], "encoding"); label != "" {
				return label
			}
			i += end
		case len(rest) > 6 && equalFoldASCII(rest[1:5], "meta") && (isSpace(rest[5]) || rest[5] == '/'):
			end := bytes.IndexByte(rest, '>')
			if end < 0 {
				end = len(rest)
			}
			if label := metaCharset(rest[5:end]); label != "" {
				return label
			}
			i += end
		}
	}
	return ""
}

// metaCharset returns the charset a <meta> tag's attributes declare.
func metaCharset(attrs []byte) string {
	if label := attrIn(attrs, "charset"); label != "" {
		return label
	}
	if !strings.EqualFold(attrIn(attrs, "http-equiv"), "content-type") {
		return ""
	}
	return charsetIn([]byte(attrIn(attrs, "content")))
}

// attrIn returns the value of attribute name in the attribute text of a
// tag, or "".
func attrIn(attrs []byte, name string) string {
	i := 0
	for i < len(attrs) {
		for i < len(attrs) && (isSpace(attrs[i]) || attrs[i] == '/') {
			i++
		}
		start := i
		if i < len(attrs) && attrs[i] == '=' {
			i++ // the HTML standard reads a leading '=' as part of the name
		}
		for i < len(attrs) && !isSpace(attrs[i]) && attrs[i] != '=' && attrs[i] != '/' {
			i++
		}
		key := attrs[start:i]
		for i < len(attrs) && isSpace(attrs[i]) {
			i++
		}
		var val []byte
		if i < len(attrs) && attrs[i] == '=' {
			i++
			for i < len(attrs) && isSpace(attrs[i]) {
				i++
			}
			if i < len(attrs) && (attrs[i] == '"' || attrs[i] == '\'') {
				q := attrs[i]
				i++
				vs := i
				for i < len(attrs) && attrs[i] != q {
					i++
				}
				val = attrs[vs:i]
				if i < len(attrs) {
					i++
				}
			} else {
				vs := i
				for i < len(attrs) && !isSpace(attrs[i]) {
					i++
				}
				val = attrs[vs:i]
			}
		}
		if len(key) == 0 && len(val) == 0 && i == start {
			i++ // a stray '=' or the like; move on
			continue
		}
		if equalFoldASCII(key, name) {
			return strings.TrimSpace(string(val))
		}
	}
	return ""
}

// equalFoldASCII compares b with the lower-case ASCII word s, ignoring case.
func equalFoldASCII(b []byte, s string) bool {
	if len(b) != len(s) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != s[i] {
			return false
		}
	}
	return true
}
