package decode

import (
	"errors"
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds arbitrary bytes and Content-Type values to Decode: it
// must not panic, must return one of its errors or valid UTF-8, and the
// charset it reports must be named. Run it with
//
//	go test -run '^$' -fuzz '^FuzzDecode$' -fuzztime 5m -fuzzminimizetime 200x ./internal/decode
func FuzzDecode(f *testing.F) {
	for _, sc := range sampleCharsets {
		for _, cs := range sc.charsets {
			text := []rune(sample(f, sc.lang, cs))
			f.Add(encode(f, page("", string(text[:len(text)/3])), cs), "")
			f.Add(encode(f, page(`<meta charset="`+cs+`">`, string(text[:len(text)/4])), cs), "text/html; charset=utf-8")
		}
	}
	html := []byte(page(`<meta charset="utf-8">`, "Grüße, мир, 世界"))
	f.Add(html, "")
	f.Add(gz(f, html), "text/html")
	f.Add(gz(f, html)[:40], "")
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"), "")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "image/png")
	f.Add([]byte("<?xml version='1.0' encoding='shift_jis'?><a>\x82\xa0</a>"), "")
	f.Add([]byte("\x1b$B$3$s$K$A$O\x1b(B"), "text/plain; charset=iso-2022-jp")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		res, err := Decode(data, Options{ContentType: contentType, MaxBytes: 4 << 20})
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) && !errors.Is(err, ErrTruncatedGzip) {
				t.Logf("other error: %v", err)
			}
			return
		}
		if !utf8.Valid(res.Text) {
			t.Fatalf("invalid UTF-8 out of %s (%s)", res.Charset, res.Source)
		}
		if res.Charset == "" || res.Source == "" {
			t.Fatalf("charset %q source %q", res.Charset, res.Source)
		}
		LooksLikeHTML(res.Text)
	})
}
