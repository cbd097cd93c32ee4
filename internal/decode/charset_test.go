package decode

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// sentences splits a sample text after each full stop.
func sentences(text string) []string {
	var out []string
	for _, s := range strings.SplitAfter(text, "。") {
		for _, t := range strings.SplitAfter(s, ". ") {
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// mixedPage writes each sentence of text as a paragraph, in the charset
// that charsetOf names for its index ("utf-8" or a legacy one).
func mixedPage(t *testing.T, head, text string, charsetOf func(i int) string) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html>\n<html><head>" + head + "<title>t</title></head>\n<body>\n")
	for i, s := range sentences(text) {
		b.WriteString("<p>")
		if cs := charsetOf(i); cs == "utf-8" {
			b.WriteString(s)
		} else {
			b.Write(encode(t, s, cs))
		}
		b.WriteString("</p>\n")
	}
	b.WriteString("</body></html>\n")
	return b.Bytes()
}

// TestDecodeMixedUTF8: a UTF-8 page with paragraphs in a legacy charset
// pasted in stays UTF-8, and the words that are not UTF-8 are read in the
// legacy charset they read best in, so every paragraph comes out; unless a
// declaration says the legacy charset. A legacy page with a little UTF-8
// stays legacy. Such pages used to be decoded whole as GBK, every paragraph
// garbled, and then as UTF-8 with each legacy word one U+FFFD.
func TestDecodeMixedUTF8(t *testing.T) {
	half := func(legacy string) func(int) string {
		return func(i int) string {
			if i%2 == 0 {
				return "utf-8"
			}
			return legacy
		}
	}
	tests := []struct {
		name, lang, head, contentType string
		charsetOf                     func(int) string
		wantCharset, wantSource       string
		// keep: the sentences of these indexes must come out intact.
		keep func(i int) bool
	}{
		{name: "ru half windows-1251", lang: "ru", charsetOf: half("windows-1251"),
			wantCharset: "utf-8", wantSource: SourceDetected, keep: func(int) bool { return true }},
		{name: "ru half koi8-r", lang: "ru", charsetOf: half("koi8-r"),
			wantCharset: "utf-8", wantSource: SourceDetected, keep: func(int) bool { return true }},
		{name: "zh half gbk", lang: "zh-hans", charsetOf: half("gbk"),
			wantCharset: "utf-8", wantSource: SourceDetected, keep: func(int) bool { return true }},
		{name: "el half windows-1253", lang: "el", charsetOf: half("windows-1253"),
			wantCharset: "utf-8", wantSource: SourceDetected, keep: func(int) bool { return true }},
		{name: "ja half shift_jis", lang: "ja", charsetOf: half("shift_jis"),
			wantCharset: "utf-8", wantSource: SourceDetected, keep: func(int) bool { return true }},
		{name: "ru half windows-1251, utf-8 meta", lang: "ru", head: `<meta charset="utf-8">`, charsetOf: half("windows-1251"),
			wantCharset: "utf-8", wantSource: SourceMeta, keep: func(int) bool { return true }},
		{name: "ru half windows-1251, windows-1251 header", lang: "ru", contentType: "text/html; charset=windows-1251", charsetOf: half("windows-1251"),
			wantCharset: "windows-1251", wantSource: SourceHeader, keep: func(i int) bool { return i%2 == 1 }},
		{name: "ru one windows-1251 paragraph", lang: "ru", charsetOf: func(i int) string { return map[bool]string{true: "windows-1251", false: "utf-8"}[i == 1] },
			wantCharset: "utf-8", wantSource: SourceDetected, keep: func(int) bool { return true }},
		// Must not match: legacy pages with one UTF-8 paragraph stay legacy.
		{name: "ru one utf-8 paragraph", lang: "ru", charsetOf: func(i int) string { return map[bool]string{true: "utf-8", false: "windows-1251"}[i == 1] },
			wantCharset: "windows-1251", wantSource: SourceDetected, keep: func(i int) bool { return i != 1 }},
		{name: "zh one utf-8 paragraph", lang: "zh-hans", charsetOf: func(i int) string { return map[bool]string{true: "utf-8", false: "gbk"}[i == 1] },
			wantCharset: "gbk", wantSource: SourceDetected, keep: func(i int) bool { return i != 1 }},
		{name: "ja all shift_jis", lang: "ja", charsetOf: func(int) string { return "shift_jis" },
			wantCharset: "shift_jis", wantSource: SourceDetected, keep: func(int) bool { return true }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := sample(t, tt.lang, tt.charsetOf(1)) // made encodable in the legacy charset
			data := mixedPage(t, tt.head, text, tt.charsetOf)
			res, err := Decode(data, Options{ContentType: tt.contentType})
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != tt.wantCharset || res.Source != tt.wantSource {
				t.Errorf("charset %s from %s, want %s from %s", res.Charset, res.Source, tt.wantCharset, tt.wantSource)
			}
			for i, s := range sentences(text) {
				if tt.keep(i) && !bytes.Contains(res.Text, []byte(s)) {
					t.Errorf("sentence %d garbled: want %.60q in\n%.300q", i, s, res.Text)
				}
			}
		})
	}
}

// TestDecodeDeclaredUTF16: UTF-16 without a byte order mark whose text is
// mostly outside ASCII (so the NUL in every other byte is rare) is read as
// UTF-16 when the header, or a <meta> written in UTF-16, declares it. It
// used to be refused as binary. A UTF-16 declaration that the bytes do not
// bear out is still ignored.
func TestDecodeDeclaredUTF16(t *testing.T) {
	type tcase struct {
		name        string
		data        []byte
		contentType string
		wantCharset string
		wantSource  string
		wantText    string
		wantErr     error
	}
	var tests []tcase
	for _, lang := range []string{"ru", "uk", "el", "he", "ar", "ja", "zh-hans", "zh-hant", "ko"} {
		text := sample(t, lang, "utf-8")
		le := utf16(t, page("", text), unicode.LittleEndian, unicode.IgnoreBOM)
		be := utf16(t, page("", text), unicode.BigEndian, unicode.IgnoreBOM)
		metaLE := utf16(t, page(`<meta charset="utf-16">`, text), unicode.LittleEndian, unicode.IgnoreBOM)
		metaBE := utf16(t, page(`<meta http-equiv="Content-Type" content="text/html; charset=UTF-16BE">`, text), unicode.BigEndian, unicode.IgnoreBOM)
		tests = append(tests,
			tcase{lang + " LE, header utf-16le", le, "text/html; charset=utf-16le", "utf-16le", SourceHeader, text, nil},
			tcase{lang + " BE, header utf-16be", be, "text/html; charset=UTF-16BE", "utf-16be", SourceHeader, text, nil},
			tcase{lang + " BE, header utf-16", be, "text/html; charset=utf-16", "utf-16be", SourceHeader, text, nil},
			tcase{lang + " LE, meta utf-16", metaLE, "", "utf-16le", SourceMeta, text, nil},
			tcase{lang + " BE, meta utf-16be", metaBE, "", "utf-16be", SourceMeta, text, nil},
		)
	}
	ru := sample(t, "ru", "utf-8")
	noise := make([]byte, 2048)
	for i := range noise {
		noise[i] = byte(i * 7919 >> 3)
		if i%2 == 1 && i%5 == 0 {
			noise[i] = 0
		}
	}
	tests = append(tests,
		// Must not match: the declaration alone does not make UTF-16.
		tcase{"UTF-8 page, header utf-16", []byte(page("", ru)), "text/html; charset=utf-16le", "utf-8", SourceDetected, ru, nil},
		tcase{"UTF-8 page, meta utf-16", []byte(page(`<meta charset="utf-16">`, ru)), "", "utf-8", SourceMeta, ru, nil},
		tcase{"PNG, header utf-16", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), noise...), "text/html; charset=utf-16le", "", "", "", ErrBinary},
		tcase{"binary with NULs, header utf-16", noise, "text/html; charset=utf-16le", "", "", "", ErrBinary},
		tcase{"undeclared ru LE stays binary", utf16(t, page("", ru), unicode.LittleEndian, unicode.IgnoreBOM), "", "", "", "", ErrBinary},
	)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode(tt.data, Options{ContentType: tt.contentType})
			if tt.wantErr != nil {
				if !errors.Is(err, tt.wantErr) {
					t.Fatalf("err = %v (charset %s), want %v", err, res.Charset, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != tt.wantCharset || res.Source != tt.wantSource {
				t.Errorf("charset %s from %s, want %s from %s", res.Charset, res.Source, tt.wantCharset, tt.wantSource)
			}
			if !bytes.Contains(res.Text, []byte(tt.wantText)) {
				t.Errorf("text %.200q does not hold %.60q", res.Text, tt.wantText)
			}
		})
	}
}

// TestDecodeLegacyWords: in a page read as UTF-8, the words that are not
// UTF-8 are read in the legacy charset they read best in, when that reads
// better than replacement characters and there are enough of them to
// judge; else each stays one U+FFFD. The UTF-8 around them is untouched.
func TestDecodeLegacyWords(t *testing.T) {
	ru := sentences(sample(t, "ru", "windows-1251"))
	utf8Part := strings.Join(ru[:3], " ")
	var quoted strings.Builder
	for i := range 12 {
		fmt.Fprintf(&quoted, "<p>The mayor said \u201cwe will build it\u201d on day %d \u2014 the council\u2019s plan.</p>\n", i)
	}
	tests := []struct {
		name string
		data []byte
		want []string // must be in the text
		not  []string // must not be in the text
	}{
		{"cp1252 quotes pasted into a UTF-8 page",
			[]byte(page("", quoted.String()+strings.Repeat("<p>Then she said \x93it\x92s done\x94 and \x93it\x92s paid\x94, and left \x96 at last, \x93for good\x94 she said.</p>", 2))),
			[]string{"\u201cit\u2019s done\u201d", "\u201cit\u2019s paid\u201d", "\u201cfor good\u201d", "\u201cwe will build it\u201d"}, []string{"\uFFFD"}},
		// Must not match: too few bytes to judge stay replaced.
		{"two stray bytes",
			[]byte(page("", utf8Part+" \xff\xfe "+utf8Part)),
			[]string{utf8Part + " \uFFFD " + utf8Part}, nil},
		// Must not match: UTF-8 words cut inside a character (teasers cut
		// at a byte count) are UTF-8, not legacy, however many.
		{"UTF-8 words cut in a character",
			[]byte(page("", strings.Repeat("<p>"+utf8Part[:40]+"\xd0</p>", 24))),
			[]string{utf8Part[:40] + "\uFFFD</p>"}, []string{"\u0420\u045f"}},
		{"UTF-8 words cut in a character beside windows-1251 paragraphs",
			append([]byte(page("", utf8Part+"</p><p>"+utf8Part+strings.Repeat("</p><p>"+utf8Part[:40]+"\xd0", 4))), encode(t, "<p>"+strings.Join(ru[3:], "</p><p>")+"</p>", "windows-1251")...),
			[]string{utf8Part[:40] + "\uFFFD</p>", ru[3], ru[4]}, []string{"\u0420\u045f"}},
		{"one stray byte in a word",
			[]byte(page("", utf8Part+" ab\x92cd "+utf8Part)),
			[]string{"ab\uFFFDcd"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode(tt.data, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Charset != "utf-8" {
				t.Errorf("charset %s from %s, want utf-8", res.Charset, res.Source)
			}
			for _, w := range tt.want {
				if !bytes.Contains(res.Text, []byte(w)) {
					t.Errorf("text lacks %.80q:\n%.600q", w, res.Text)
				}
			}
			for _, w := range tt.not {
				if bytes.Contains(res.Text, []byte(w)) {
					t.Errorf("text holds %q:\n%.600q", w, res.Text)
				}
			}
		})
	}
}
